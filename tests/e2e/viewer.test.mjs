// The release site for the bundled report, served by a real static HTTP
// server and driven in real Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { appText, browser, bundledReport, DIST, expectedPieces, open, ready, serve, server, sourceLines, useSite } from './lib.mjs';

useSite();

describe('the bundled report in the release build', () => {
  test('the WASM viewer starts, with no console error or failed request', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    // The live viewer, not only the static HTML: its toolbar works.
    await page.click('[data-testid=collapse-all]');
    await page.waitForFunction(() => [...document.querySelectorAll('details.sec')].every((d) => !d.open));
    assert.equal(await page.locator('h1').count(), 1);
    assert.match(await page.locator('h1').innerText(), /青岛市即墨区2024年法治政府建设情况报告/);
    assert.equal(await page.title(), '青岛市即墨区2024年法治政府建设情况报告');
    assert.deepEqual(page.problems, []);
  });

  test('every paragraph of the source text is on the page', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    const text = await appText(page);
    const lines = sourceLines();
    assert.equal(lines.length, 20);
    for (const line of lines) {
      for (const piece of expectedPieces(line)) {
        assert.ok(text.includes(piece.replace(/\s+/g, '')), `missing: ${piece.slice(0, 40)}…`);
      }
    }
    assert.ok(!text.includes('请输入检索词'));
    assert.ok(text.includes('特此报告。'));
  });

  test('sections collapse and expand, one by one and all at once', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    const para = page.locator('#p-1-3');
    await para.scrollIntoViewIfNeeded();
    assert.ok(await para.isVisible());
    await page.click('#part-1-3 > summary');
    await page.waitForFunction(() => !document.getElementById('part-1-3').open);
    assert.ok(!(await para.isVisible()), 'a closed section hides its text');
    await page.click('#part-1-3 > summary');
    assert.ok(await para.isVisible());
    await page.click('[data-testid=collapse-all]');
    await page.waitForFunction(() => [...document.querySelectorAll('details.sec')].every((d) => !d.open));
    assert.ok(!(await page.locator('#p-intro').isHidden()), 'the preamble stays');
    await page.click('[data-testid=expand-all]');
    await page.waitForFunction(() => [...document.querySelectorAll('details.sec')].every((d) => d.open));
    assert.ok(await para.isVisible());
    assert.deepEqual(page.problems, []);
  });

  test('each chart draws every point of its data, with caption, unit and sources', async () => {
    const report = bundledReport();
    const page = await open(browser, server.url);
    await ready(page);
    assert.ok(report.charts.length >= 4);
    for (const chart of report.charts) {
      const fig = page.locator(`figure#${chart.id}`);
      const points = chart.series.reduce((n, s) => n + s.points.length, 0);
      assert.equal(await fig.locator('svg .pt').count(), points, chart.id);
      assert.equal(await fig.locator('figcaption').count(), 1);
      const caption = await fig.locator('figcaption').innerText();
      assert.ok(caption.includes(chart.title) && caption.includes(chart.unit), caption);
      assert.ok((await fig.locator('.chart-sources li').count()) >= 1);
    }
    // The derived 2023 value says it is derived, on the chart and beside it.
    const recon = page.locator('figure#chart-reconsideration');
    assert.match(await recon.locator('svg.chart').innerHTML(), /约222/);
    assert.match(await recon.innerText(), /推算值/);
    // Charts follow their container: a phone-width page redraws narrower.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.waitForFunction(() => {
      const svg = document.querySelector('figure#chart-reconsideration svg');
      return svg && Number(svg.getAttribute('width')) < 360;
    });
    assert.deepEqual(page.problems, []);
  });

  test('every key figure can say where it came from', async () => {
    const report = bundledReport();
    const page = await open(browser, server.url);
    await ready(page);
    for (const f of report.figures) {
      const card = page.locator(`#${f.id}`);
      const text = await card.textContent();
      assert.ok(text.includes(f.value.source.quote), `${f.id} shows its quote`);
      assert.equal(await card.locator(`a[href="#${f.value.source.paragraph}"]`).count(), 1, f.id);
    }
    const lower = await page.locator('#fig-grid-workers').textContent();
    assert.ok(lower.includes('2.1万余') && lower.includes('下限值'));
  });

  test('?lang=en gives an English interface, report text unchanged', async () => {
    const page = await open(browser, `${server.url}?lang=en&theme=neon`);
    await ready(page);
    assert.equal((await page.locator('[data-testid=expand-all]').innerText()).trim(), 'Expand all');
    assert.ok((await appText(page)).includes('特此报告。'));
    // An unknown value is ignored with a warning, not an error.
    assert.deepEqual(page.problems, []);
  });

  test('without JavaScript the whole report is there and sections still open and close', async () => {
    const page = await open(browser, server.url, { javaScriptEnabled: false });
    const text = await appText(page);
    for (const line of sourceLines()) {
      for (const piece of expectedPieces(line)) assert.ok(text.includes(piece.replace(/\s+/g, '')), piece.slice(0, 30));
    }
    await page.click('#part-2 > summary');
    assert.equal(await page.evaluate(() => document.getElementById('part-2').open), false);
  });

  test('a report that does not validate shows a located error, not a blank page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viewer-bad-'));
    try {
      cpSync(DIST, dir, { recursive: true });
      const index = readFileSync(join(dir, 'index.html'), 'utf8');
      const bad = index.replace(/(<script type="application\/json" id="report">)[\s\S]*?(<\/script>)/,
        (_, a, b) => `${a}{"format_version": 1, "meta": {"title": 7}}${b}`);
      assert.notEqual(bad, index);
      writeFileSync(join(dir, 'index.html'), bad);
      const srv = await serve(dir);
      try {
        const page = await open(browser, srv.url);
        await page.waitForSelector('[data-testid=error-panel]', { timeout: 20000 });
        const text = await page.locator('[data-testid=error-panel]').innerText();
        assert.match(text, /无法显示报告/);
        assert.match(text, /cannot be shown/);
        assert.match(text, /\/meta\/title/);
      } finally {
        srv.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reads at 320 px without horizontal scrolling, static and live', async () => {
    for (const js of [true, false]) {
      const page = await open(browser, server.url, { viewport: { width: 320, height: 700 }, javaScriptEnabled: js });
      if (js) await ready(page);
      await page.waitForTimeout(200);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px window (script ${js ? 'on' : 'off'})`);
      await page.context().close();
    }
  });

  test('the viewer takes over the static page without moving its text', async () => {
    const ids = ['p-1-3', 'chart-court-cases', 'part-3', 'p-3-3', 'p-closing'];
    const positions = (page) => page.evaluate((ids) => {
      const top = document.getElementById('app').getBoundingClientRect().top;
      return ids.map((id) => Math.round(document.getElementById(id).getBoundingClientRect().top - top));
    }, ids);
    for (const width of [1280, 375]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const staticPage = await context.newPage();
      await staticPage.route('**/*.wasm', (route) => route.abort());
      await staticPage.goto(server.url);
      await staticPage.waitForLoadState('load');
      const before = await positions(staticPage);
      const live = await context.newPage();
      await live.goto(server.url);
      await ready(live);
      await live.waitForTimeout(300); // charts redraw at their width
      const after = await positions(live);
      for (let i = 0; i < ids.length; i++) {
        assert.ok(Math.abs(before[i] - after[i]) <= 4, `${ids[i]} moved from ${before[i]} to ${after[i]} at ${width}px`);
      }
      await context.close();
    }
  });

  test('a page whose WASM cannot start says so and keeps the text', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=boot-failed]', { timeout: 20000 });
    assert.ok((await appText(page)).includes('特此报告。'));
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('viewer-ready')), false);
  });
});

describe('size', () => {
  test('the hosted transfer for the bundled report stays under 200 KB brotli', () => {
    let total = 0;
    const rows = [];
    // What a browser loads for index.html; report.html (and its SHA-256)
    // is the separate offline download, embed.js and embed-<hash>.js are
    // for partner pages.
    const other = (n) => n.startsWith('report.html') || /^embed(-[0-9a-f]{16})?\.js$/.test(n);
    for (const name of readdirSync(DIST).filter((n) => !other(n))) {
      const bytes = readFileSync(join(DIST, name));
      const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      rows.push(`${name}: ${bytes.length} raw, ${br} brotli`);
      total += br;
    }
    console.log(rows.join('\n'));
    console.log(`total: ${(total / 1024).toFixed(1)} KB brotli`);
    assert.ok(total <= 200 * 1024, `total ${total} bytes brotli exceeds 200 KB`);
  });
});
