// Readable anywhere: the single offline file from file:// with the network
// off, a page saved after start-up opened without script, print to PDF,
// the offline download, and its SHA-256 for a reader to check a copy by.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { appText, browser, bundledReport, DIST, expectedPieces, open, ready, server, sourceLines, useSite } from './lib.mjs';

useSite();
let tmp;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'viewer-offline-'));
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Every paragraph, and every chart with all its points. */
async function checkComplete(page, { interactive }) {
  const text = await appText(page);
  for (const line of sourceLines()) {
    for (const piece of expectedPieces(line)) assert.ok(text.includes(piece.replace(/\s+/g, '')), `missing ${piece.slice(0, 30)}`);
  }
  for (const chart of bundledReport().charts) {
    const points = chart.series.reduce((n, s) => n + s.points.length, 0);
    assert.equal(await page.locator(`figure#${chart.id} svg .pt`).count(), points, chart.id);
  }
  // A section closes and opens again by its summary, with or without script.
  await page.click('#part-2-1 > summary');
  assert.equal(await page.evaluate(() => document.getElementById('part-2-1').open), false);
  await page.click('#part-2-1 > summary');
  assert.equal(await page.evaluate(() => document.getElementById('part-2-1').open), true);
  if (interactive) {
    await page.click('[data-testid=collapse-all]');
    await page.waitForFunction(() => [...document.querySelectorAll('details.sec')].every((d) => !d.open));
    await page.click('[data-testid=expand-all]');
    await page.waitForFunction(() => [...document.querySelectorAll('details.sec')].every((d) => d.open));
  }
}

describe('the single offline file', () => {
  test('is one file under 400 KB that refers to no other file', () => {
    const path = join(DIST, 'report.html');
    const size = statSync(path).size;
    console.log(`report.html: ${(size / 1024).toFixed(1)} KB`);
    assert.ok(size <= 400 * 1024, `report.html is ${size} bytes`);
    const html = readFileSync(path, 'utf8');
    // Only #anchors, data: URIs and links to cited http(s) sources.
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    const bad = refs.filter((r) => !(r.startsWith('#') || r.startsWith('data:') || /^https?:\/\//.test(r) || r.startsWith('?')));
    assert.deepEqual(bad, []);
    assert.ok(!/<script[^>]+src=/.test(html));
  });

  test('works from file:// with the network off and makes no request', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requests = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await context.setOffline(true);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(pathToFileURL(join(DIST, 'report.html')).href);
    await ready(page);
    await checkComplete(page, { interactive: true });
    // No download button in the offline copy itself.
    assert.equal(await page.locator('[data-testid=download-offline]').count(), 0);
    // Deep links work inside the file.
    // The English interface is its own offline file.
    await page.goto(pathToFileURL(join(DIST, 'report.en.html')).href + '#part-3-2');
    await ready(page);
    assert.equal((await page.locator('[data-testid=expand-all]').innerText()).trim(), 'Expand all');
    assert.ok(await page.locator('#part-3-2').isVisible());
    assert.deepEqual(requests, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the hosted page offers the same file for download', async () => {
    const page = await open(browser, server.url, { acceptDownloads: true });
    await ready(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=download-offline]'),
    ]);
    assert.match(download.suggestedFilename(), /即墨区2024年法治政府建设情况报告\.html$/);
    const saved = join(tmp, 'download.html');
    await download.saveAs(saved);
    assert.ok(readFileSync(saved).equals(readFileSync(join(DIST, 'report.html'))));
  });
});

describe('pages saved from the browser', () => {
  test('the DOM after start-up, saved and opened without script, is complete', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    const html = await page.evaluate(() => '<!DOCTYPE html>\n' + document.documentElement.outerHTML);
    const saved = join(tmp, 'saved-complete.html');
    writeFileSync(saved, html);
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.setOffline(true);
    const copy = await context.newPage();
    await copy.goto(pathToFileURL(saved).href);
    await checkComplete(copy, { interactive: false });
    // Styled: the inline style sheet came along.
    const indent = await copy.evaluate(() => getComputedStyle(document.querySelector('.para')).textIndent);
    assert.notEqual(indent, '0px');
    await context.close();
  });

  test('a single-file MHTML snapshot, opened offline, is complete', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    const cdp = await page.context().newCDPSession(page);
    const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
    const saved = join(tmp, 'saved.mhtml');
    writeFileSync(saved, data);
    const context = await browser.newContext();
    await context.setOffline(true);
    const copy = await context.newPage();
    await copy.goto(pathToFileURL(saved).href);
    await checkComplete(copy, { interactive: false });
    await context.close();
  });

  test('the page as served ("HTML only"), opened offline, is complete and styled', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const saved = join(tmp, 'saved-html-only.html');
    writeFileSync(saved, html);
    const context = await browser.newContext();
    await context.setOffline(true);
    const page = await context.newPage();
    await page.goto(pathToFileURL(saved).href);
    // The script files are not next to it, so the viewer cannot start; the
    // page says so and the report is all there.
    await page.waitForSelector('[data-testid=boot-failed]', { timeout: 20000 });
    await checkComplete(page, { interactive: false });
    await context.close();
  });
});

describe('integrity of the offline file', () => {
  const hex = () => createHash('sha256').update(readFileSync(join(DIST, 'report.html'))).digest('hex');

  test('its SHA-256 is beside it, in the format sha256sum -c reads', () => {
    assert.equal(readFileSync(join(DIST, 'report.html.sha256'), 'utf8'), `${hex()}  report.html\n`);
    execFileSync('sha256sum', ['-c', 'report.html.sha256'], { cwd: DIST, stdio: 'ignore' });
  });

  test('the hosted page shows it by the download link and in the print block', async () => {
    // The page as the build wrote it (what a reader without script, a
    // crawler and the saved page have).
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    const shown = page.locator('[data-testid=download-offline] + .offline-sha256');
    assert.ok(await shown.isVisible());
    assert.equal(await shown.locator('code').innerText(), hex());
    assert.match(await shown.innerText(), /SHA-256/);
    const pdf = join(tmp, 'hosted-static.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).toString().replace(/\s+/g, '');
    assert.ok(text.includes(`离线版SHA-256${hex()}`), 'print block');
    await context.close();
    // The live viewer keeps both where they were.
    const live = await open(browser, server.url);
    await ready(live);
    assert.equal(await live.locator('[data-testid=download-offline] + .offline-sha256 code').innerText(), hex());
    await live.emulateMedia({ media: 'print' });
    assert.equal(await live.locator('.print-meta .print-sha256 dd').innerText(), hex());
    await live.context().close();
  });

  test('the offline file does not claim a hash, on screen or on paper', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(DIST, 'report.html')).href);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.print-meta').isVisible(), true);
    assert.equal(await page.locator('.offline-sha256, .print-sha256').count(), 0);
    assert.ok(!readFileSync(join(DIST, 'report.html'), 'utf8').includes(hex()));
    await context.close();
  });
});

describe('print', () => {
  test('printing to PDF carries every section, even collapsed ones, and the print block', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    await page.click('[data-testid=collapse-all]');
    await page.waitForFunction(() => [...document.querySelectorAll('details.sec')].every((d) => !d.open));
    const pdf = join(tmp, 'report.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    // -raw keeps the content stream's order, so mixed CJK and Latin runs
    // come out as printed.
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).toString().replace(/\s+/g, '');
    for (const line of sourceLines()) {
      for (const piece of expectedPieces(line)) {
        const p = piece.replace(/\s+/g, '');
        assert.ok(text.includes(p), `PDF misses ${p.slice(0, 20)}`);
      }
    }
    assert.ok(text.includes('发布机关青岛市即墨区人民政府'), 'print block');
    assert.ok(!text.includes('展开全部'), 'controls are hidden in print');
  });
});
