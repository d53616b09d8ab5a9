// Charts people can read, check and reuse, and a page everyone can use:
// axe-core in every display mode, a keyboard-only walk, chart text that
// grows with the text size, and downloads that match what the page shows.
// Real Chromium against the release site on a real static server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { axeViolations, browser, clickInMenu, bundledReport, open, ready, server, useSite } from './lib.mjs';


useSite();

/** One CSV line into cells (quotes doubled inside quoted cells). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Reads a download's file as text. */
async function downloadText(download) {
  return readFileSync(await download.path(), 'utf8');
}

describe('accessibility in every display mode', () => {
  const modes = [
    ['default', ''],
    ['dark', '?theme=dark'],
    ['high contrast', '?theme=contrast'],
    ['large text', '?text=large'],
    ['extra large text', '?text=xlarge'],
    ['English', '?lang=en'],
    ['embedded section', '?embed=1&section=part-2'],
    ['embedded chart', '?embed=1&chart=chart-court-cases'],
  ];
  for (const [name, query] of modes) {
    test(`axe-core finds no WCAG 2.2 A/AA violation: ${name}`, async () => {
      const page = await open(browser, server.url + query);
      await ready(page);
      assert.deepEqual(await axeViolations(page), []);
      await page.context().close();
    });
  }

  test('axe-core finds none with every section open and every table shown', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    await page.click('[data-testid=collapse-all]');
    await page.click('[data-testid=expand-all]');
    for (const b of await page.locator('[data-testid=show-table]').all()) await b.click();
    for (const d of await page.locator('details.prov, details.menu, details.embed-code').all()) {
      await d.evaluate((el) => { el.open = true; });
    }
    assert.equal(await page.locator('details.sec:not([open])').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });

  test('structure: skip link, landmarks, one h1, page language', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('main').count(), 1);
    assert.equal(await page.locator('nav[aria-label]').count(), 1);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement.className);
    assert.equal(first, 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'content');
    await page.context().close();
  });
});

describe('keyboard only', () => {
  test('Tab reaches every section toggle and chart control, and each works', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    const reached = new Set();
    for (let i = 0; i < 900; i++) {
      await page.keyboard.press('Tab');
      const key = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'body';
        const sec = el.closest('details.sec');
        const chart = el.closest('figure.chart');
        if (el.matches('details.sec > summary')) return `summary:${el.parentElement.id}`;
        if (chart) return `chart:${chart.id}:${el.dataset.testid || el.dataset.download || el.className || el.textContent.trim()}`;
        return `${sec ? sec.id : ''}:${el.tagName}`;
      });
      if (key === 'body' && reached.size > 10) break;
      reached.add(key);
    }
    const sections = await page.$$eval('details.sec', (ds) => ds.map((d) => d.id));
    for (const id of sections) assert.ok(reached.has(`summary:${id}`), `section toggle not reached: ${id}`);
    const charts = await page.$$eval('figure.chart', (fs) => fs.map((f) => f.id));
    assert.equal(charts.length, 5);
    for (const id of charts) {
      // The downloads, copy link and embed code are in the chart's menu.
      for (const control of ['show-chart', 'show-table', 'menu-button', 'chart-svg']) {
        assert.ok(reached.has(`chart:${id}:${control}`), `not reached: ${control} of ${id}`);
      }
    }
    // Legend buttons of the chart with several series.
    assert.ok([...reached].some((k) => k.startsWith('chart:chart-court-cases:') && k.endsWith('行政诉讼案件')));

    // A chart's menu opens with Enter, its items are next in Tab order,
    // and Escape closes it with the focus back on its button.
    const menuButton = page.locator('#chart-court-cases .chart-menu > summary');
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const items = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      items.push(await page.evaluate(() => {
        const el = document.activeElement;
        return el.dataset.download || el.dataset.testid || (el.closest('[data-testid=embed-code]') ? 'embed-code' : el.tagName);
      }));
    }
    assert.deepEqual(items, ['svg', 'png', 'csv', 'copy-link', 'embed-code']);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#chart-court-cases .chart-menu').evaluate((d) => d.open), false);
    assert.equal(await menuButton.evaluate((s) => s === document.activeElement), true);

    // Operate them with the keyboard: a section toggle…
    await page.focus('#part-2 > summary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('part-2').open);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('part-2').open);
    // …the chart/table switch…
    const fig = page.locator('#chart-court-cases');
    await fig.locator('[data-testid=show-table]').focus();
    await page.keyboard.press('Space');
    assert.equal(await fig.locator('[data-testid=show-table]').getAttribute('aria-pressed'), 'true');
    assert.ok(await fig.locator('table').isVisible());
    assert.ok(!(await fig.locator('.chart-svg').isVisible()));
    await fig.locator('[data-testid=show-chart]').focus();
    await page.keyboard.press('Enter');
    assert.ok(await fig.locator('.chart-svg').isVisible());
    // …a legend button…
    const legend = fig.locator('.chart-legend button', { hasText: '行政诉讼案件' });
    await legend.focus();
    await page.keyboard.press('Enter');
    assert.equal(await legend.getAttribute('aria-pressed'), 'false');
    assert.equal(await fig.locator('circle.pt[data-series="1"]').count(), 0);
    await page.keyboard.press('Enter');
    assert.equal(await fig.locator('circle.pt[data-series="1"]').count(), 2);
    // …and the points, announced in the live region.
    await fig.locator('.chart-svg').focus();
    await page.keyboard.press('ArrowRight');
    const live = fig.locator('[data-testid=chart-live]');
    assert.match(await live.innerText(), /各类行政案件 · 2021：605件。来源：/);
    await page.keyboard.press('ArrowRight');
    assert.match(await live.innerText(), /2022：466件/);
    await page.keyboard.press('ArrowDown');
    assert.match(await live.innerText(), /行政诉讼案件 · 2022：168件/);
    assert.ok(await fig.locator('[data-testid=chart-tip]').isVisible());
    await page.keyboard.press('Escape');
    assert.ok(!(await fig.locator('[data-testid=chart-tip]').isVisible()));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('charts', () => {
  test('hovering a point shows its value, kind and source', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    const fig = page.locator('#chart-reconsideration');
    await fig.scrollIntoViewIfNeeded();
    await fig.locator('circle.pt').first().hover();
    const tip = fig.locator('[data-testid=chart-tip]');
    await tip.waitFor({ state: 'visible' });
    const text = await tip.innerText();
    assert.match(text, /2023：约222件（推算值）/);
    assert.match(text, /550 ÷ \(1 \+ 148%\)/);
    assert.match(text, /来源：本报告/);
    await page.context().close();
  });

  test('every chart has a computed summary that names estimates', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    const summary = await page.locator('#chart-reconsideration .chart-summary').innerText();
    assert.match(summary, /从2023的约222件（推算值）到2024的550件，增加约328件/);
    assert.match(summary, /按推算值计算/);
    assert.equal(await page.locator('.chart-summary li').count(), 8);
    // The table is in the page for screen readers while the chart shows.
    assert.equal(await page.locator('figure.chart table caption').count(), 5);
    await page.context().close();
  });

  test('chart text grows with the text size, redrawn rather than zoomed', async () => {
    // A chart is drawn again for the reader's text size when it comes into
    // view: the drawing for extra large text is taller (√1.5 × 400 px).
    const drawnFor = (page, text) => page.waitForFunction((big) => {
      const svg = document.querySelector('#chart-mediators-2023 svg.chart');
      return big ? Number(svg.getAttribute('height')) > 450 : true;
    }, text === 'xlarge');
    const sizes = async (query) => {
      const page = await open(browser, server.url + query, { viewport: { width: 1280, height: 900 } });
      await ready(page);
      await page.locator('#chart-mediators-2023 .chart-svg').scrollIntoViewIfNeeded();
      await drawnFor(page, query.includes('xlarge') ? 'xlarge' : 'standard');
      const s = await page.$$eval('#chart-mediators-2023 svg text', (ts) => ts.map((t) => parseFloat(t.getAttribute('font-size'))));
      const box = await page.locator('#chart-mediators-2023 .chart-svg').boundingBox();
      await page.context().close();
      return { max: Math.max(...s), min: Math.min(...s), height: box.height };
    };
    const standard = await sizes('');
    const xlarge = await sizes('?text=xlarge');
    assert.ok(xlarge.min >= standard.min * 1.4, `${standard.min} → ${xlarge.min}`);
    assert.ok(xlarge.height > standard.height);

    // The on-page control does the same, and is remembered.
    const page = await open(browser, server.url);
    await ready(page);
    const before = await page.$eval('#chart-mediators-2023 svg text', (t) => parseFloat(t.getAttribute('font-size')));
    await page.click('[data-text-size=xlarge]');
    await page.locator('#chart-mediators-2023 .chart-svg').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.documentElement.dataset.text === 'xlarge');
    await page.waitForFunction((b) => parseFloat(document.querySelector('#chart-mediators-2023 svg text').getAttribute('font-size')) > b * 1.4, before);
    assert.match(page.url(), /text=xlarge/);
    await page.goto(server.url);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'data-text'), 'xlarge');
    assert.equal(await page.getAttribute('[data-text-size=xlarge]', 'aria-pressed'), 'true');
    // One column at large text.
    const toc = await page.locator('nav.toc').boundingBox();
    const main = await page.locator('main').boundingBox();
    assert.ok(main.y > toc.y && main.x <= toc.x + 20, 'contents above the text, not beside it');
    await page.context().close();
  });

  test('charts take the theme\'s colours, and the theme is remembered', async () => {
    const page = await open(browser, server.url, { colorScheme: 'dark' });
    await ready(page);
    // The system preference is the default.
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    // The colour a reader sees (the style sheet recolours the drawing).
    const bg = () => page.$eval('#chart-mediators-2023 svg rect', (r) => getComputedStyle(r).fill);
    const series = () => page.$eval('#chart-mediators-2023 .chart-legend .swatch rect, #chart-mediators-2023 svg circle:not(.pt), #chart-mediators-2023 svg rect[fill="#1D5FA6"]',
      (r) => getComputedStyle(r).fill);
    assert.equal(await bg(), 'rgb(22, 25, 29)');
    assert.equal(await series(), 'rgb(127, 179, 255)');
    await page.click('[data-theme-choice=contrast]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
    assert.equal(await bg(), 'rgb(0, 0, 0)');
    assert.equal(await series(), 'rgb(255, 255, 0)');
    await page.click('[data-theme-choice=light]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assert.equal(await bg(), 'rgb(255, 255, 255)');
    assert.match(page.url(), /theme=light/);
    await page.goto(server.url);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
    // The URL wins over what is remembered.
    await page.goto(`${server.url}?theme=contrast`);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'contrast');
    await page.context().close();
  });

  test('no horizontal scrolling at 320 px with extra large text', async () => {
    const page = await open(browser, `${server.url}?text=xlarge`, { viewport: { width: 320, height: 640 } });
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    await page.context().close();
  });
});

describe('reuse', () => {
  test("a chart's CSV equals its table, with a BOM", async () => {
    const page = await open(browser, server.url, { acceptDownloads: true });
    await ready(page);
    for (const id of ['chart-court-cases', 'chart-reconsideration', 'chart-disclosure-2022']) {
      const fig = page.locator(`#${id}`);
      const [download] = await Promise.all([page.waitForEvent('download'), clickInMenu(fig.locator('[data-download=csv]'))]);
      assert.match(download.suggestedFilename(), /\.csv$/);
      const text = await downloadText(download);
      assert.equal(text.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
      const rows = parseCsv(text.slice(1));
      const table = await fig.locator('table').evaluate((t) => {
        const series = [...t.tHead.rows[0].cells].slice(1).map((c) => c.textContent.trim());
        const out = [];
        for (const r of t.tBodies[0].rows) {
          const cat = r.cells[0].textContent.trim();
          [...r.cells].slice(1).forEach((c, i) => { if (!c.classList.contains('na')) out.push([cat, series[i], c.textContent.trim()]); });
        }
        return { head: t.tHead.rows[0].cells[0].textContent.trim(), cells: out };
      });
      assert.equal(rows[0][0], table.head);
      const body = rows.slice(1);
      assert.equal(body.length, table.cells.length);
      body.forEach((r, i) => {
        const [cat, series, shown] = table.cells[i];
        assert.equal(r[0], cat);
        assert.equal(r[1], series);
        // The table shows the number as printed (约222, 2.1万…); the CSV has
        // the plain number, whose rounding is what the table shows.
        const n = Number(r[2]);
        const printed = shown.match(/约?([\d.]+)(万?)/);
        const value = Number(printed[1]) * (printed[2] ? 10000 : 1);
        assert.ok(Math.abs(Math.round(n) - value) < 1 || Math.abs(n - value) < 0.01, `${shown} vs ${r[2]}`);
        assert.ok(shown.includes(r[4]), `unit ${r[4]} in ${shown}`);
        assert.equal(r[5] === '推算值', shown.includes('推算值'), `kind ${r[5]} for ${shown}`);
        assert.ok(r[7].length > 0 && r[8].length > 0, 'source and quote');
      });
    }
    await page.context().close();
  });

  test('SVG and PNG downloads carry the title and source', async () => {
    const page = await open(browser, server.url, { acceptDownloads: true });
    await ready(page);
    const fig = page.locator('#chart-court-cases');
    const [svgDl] = await Promise.all([page.waitForEvent('download'), clickInMenu(fig.locator('[data-download=svg]'))]);
    const svg = await downloadText(svgDl);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svg.includes('即墨法院受理行政类案件'));
    assert.ok(svg.includes('来源'));
    assert.ok(!svg.includes('class="pt"'));
    const [pngDl] = await Promise.all([page.waitForEvent('download'), clickInMenu(fig.locator('[data-download=png]'))]);
    assert.match(pngDl.suggestedFilename(), /\.png$/);
    const png = readFileSync(await pngDl.path());
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    const width = png.readUInt32BE(16);
    assert.ok(width >= 1280, `PNG width ${width}`);
    const [all] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-report-csv]')]);
    const rows = parseCsv((await downloadText(all)).slice(1));
    const report = bundledReport();
    const points = report.charts.flatMap((c) => c.series).reduce((n, s) => n + s.points.length, 0);
    assert.equal(rows.length - 1, report.figures.length + points);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('copy link puts a link to the chart on the clipboard', async () => {
    const page = await open(browser, `${server.url}?lang=zh`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await ready(page);
    await clickInMenu(page.locator('#chart-court-cases [data-testid=copy-link]'));
    await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.includes('已复制链接'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${server.url}?lang=zh#chart-court-cases`);
    await page.context().close();
  });
});
