// Find and share: the search box, marks in the text, the browser's own
// find and text-fragment links into collapsed sections, and the view kept
// in the URL — on the hosted site and in the offline file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browser, bundledReport, DIST, hitTexts, open, ready, server, useSite } from './lib.mjs';

useSite();

const TERM = '行政复议';

/** Ids of the sections whose own text (paragraphs, lists, notes, figure
 * labels, tables, chart text) mentions `term`, from the report JSON. */
function sectionsMentioning(term) {
  const report = bundledReport();
  const figure = (id) => report.figures.find((f) => f.id === id);
  const chart = (id) => report.charts.find((c) => c.id === id);
  const out = [];
  const walk = (sections) => {
    for (const s of sections) {
      const text = [s.number + s.title, ...(s.blocks || []).map((b) => {
        if (b.type === 'figures') return b.figures.map((f) => `${figure(f).label} ${figure(f).value.source.quote}`).join(' ');
        if (b.type === 'chart') { const c = chart(b.chart); return `${c.title} ${c.description} ${(c.notes || []).join(' ')} ${c.series.map((x) => x.name).join(' ')}`; }
        return JSON.stringify(b);
      })].join(' ');
      if (text.includes(term)) out.push(s.id);
      walk(s.sections || []);
    }
  };
  walk(report.sections);
  return out;
}

/** Waits until the page shows `n` search hits (see `hitTexts`). */
function waitHits(page, n) {
  return page.waitForFunction((n) => {
    const h = globalThis.CSS?.highlights?.get('hit');
    return (h ? h.size : document.querySelectorAll('mark.hit').length) === n;
  }, n);
}

/** Takes the CSS Custom Highlight API away, as in a browser without it. */
function withoutHighlightApi() {
  delete CSS.highlights;
  delete window.Highlight;
}

/**
 * Runs the checks of the search box against a page at `url`; `init` runs
 * before the page's scripts.
 */
async function searchWorks(url, init) {
  const page = await open(browser, url, { init });
  page.setDefaultTimeout(8000);
  await ready(page);
  // Occurrences in the report text on the page, before searching.
  const expected = await page.evaluate((term) => {
    const sel = '#content .para, #content .note, #content .list li, #content summary .title, #content .card-label, #content .chart-title, #content .chart-desc, #content .chart-summary li, #content .chart-notes li, #content td, #content th, #content caption';
    let n = 0;
    for (const el of document.querySelectorAll(sel)) {
      for (const node of el.childNodes) if (node.nodeType === 3) n += node.textContent.split(term).length - 1;
    }
    return n;
  }, TERM);
  assert.ok(expected >= 5, `the report mentions ${TERM} ${expected} times`);

  // `/` focuses the box from anywhere.
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q');
  await page.keyboard.type(TERM);
  const hits = () => page.evaluate(hitTexts);
  await waitHits(page, expected);
  const marks = await hits();
  assert.ok(marks.every((m) => m === TERM), marks.join());
  // Shown the way this browser can: painted ranges, or <mark> without the API.
  const api = await page.evaluate(() => Boolean(globalThis.CSS?.highlights));
  assert.equal(await page.locator('mark.hit').count(), api ? 0 : expected);
  // Every section that mentions it is in the result list.
  const paths = await page.$$eval('[data-testid=search-results] a', (as) => as.map((a) => ({ href: a.getAttribute('href'), path: a.querySelector('.result-path').textContent })));
  const report = bundledReport();
  const headings = {};
  const walk = (ss) => ss.forEach((s) => { headings[s.id] = s.number + s.title; walk(s.sections || []); });
  walk(report.sections);
  for (const id of sectionsMentioning(TERM)) {
    assert.ok(paths.some((p) => p.path.includes(headings[id])), `no result in ${headings[id]}`);
  }
  assert.match(await page.locator('[data-testid=search-count]').innerText(), new RegExp(`出现 \\d+ 次，在 ${paths.length} 处`));
  // The query is in the URL.
  // The address follows once typing pauses.
  await page.waitForFunction((t) => decodeURIComponent(location.search).includes(`q=${t}`), TERM);

  // Traditional characters find the same places.
  await page.fill('#search-q', '行政復議');
  await waitHits(page, expected);
  assert.ok((await hits()).every((m) => m === TERM));
  assert.equal(await page.locator('[data-testid=search-results] a').count(), paths.length);

  // Enter goes to the first result, opening the sections around it.
  await page.click('[data-testid=collapse-all]');
  await page.waitForFunction(() => [...document.querySelectorAll('details.sec')].every((d) => !d.open));
  await page.focus('#search-q');
  await page.keyboard.press('Enter');
  const first = paths[0].href.slice(1);
  await page.waitForFunction((id) => {
    const el = document.getElementById(id);
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.top < innerHeight;
  }, first);
  // ↓ moves into the list; Enter on a later result opens its section too.
  await page.click('[data-testid=collapse-all]');
  await page.focus('#search-q');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.equal(second, paths[1].href);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.getElementById(id).getBoundingClientRect().height > 0, second.slice(1));

  // Esc clears: no marks, no results, no `q` in the URL.
  await page.focus('#search-q');
  await page.keyboard.press('Escape');
  await waitHits(page, 0);
  assert.equal(await page.locator('[data-testid=search-results] li').count(), 0);
  assert.ok(!page.url().includes('q='));
  assert.deepEqual(page.problems, []);
  await page.context().close();
}

describe('search in the page', () => {
  test(`searching "${TERM}" lists every section that mentions it and marks each occurrence`, async () => {
    await searchWorks(server.url);
  });

  test('the same works in the offline file from file://', async () => {
    await searchWorks(pathToFileURL(join(DIST, 'report.html')).href);
  });

  test('a browser without the CSS Custom Highlight API gets <mark> elements', async () => {
    await searchWorks(server.url, withoutHighlightApi);
  });
});

describe('before the viewer starts', () => {
  test('what a reader types into the search box before the viewer runs is kept and searched', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The WASM held back until the reader has typed.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    await page.focus('#search-q');
    await page.keyboard.type(TERM);
    const typed = await page.evaluateHandle(() => document.getElementById('search-q'));
    release();
    await ready(page);
    await page.waitForFunction(() => (globalThis.CSS?.highlights?.get('hit')?.size ?? 0) > 0);
    // The same field, still focused, with the same text.
    assert.equal(await page.evaluate((el) => el === document.getElementById('search-q') && document.activeElement === el, typed), true);
    assert.equal(await page.inputValue('#search-q'), TERM);
    assert.ok((await page.locator('[data-testid=search-results] li').count()) > 0);
    await context.close();
  });
});

describe('the view in the URL', () => {
  test('a copied URL restores open sections, query, theme and text size', async () => {
    const page = await open(browser, server.url);
    await ready(page);
    const start = await page.evaluate(() => history.length);
    await page.click('#part-2 > summary');
    await page.fill('#search-q', TERM);
    await page.click('[data-theme-choice=contrast]');
    await page.click('[data-text-size=large]');
    await page.waitForFunction(() => ['closed=part-2', 'q=', 'theme=contrast', 'text=large'].every((k) => location.search.includes(k)));
    const url = page.url();
    const entries = await page.evaluate(() => history.length);
    assert.equal(entries, start, 'replaceState: no history entry per change');
    await page.context().close();

    // A fresh browser profile: nothing remembered, only the URL.
    const copy = await open(browser, url);
    await ready(copy);
    assert.equal(await copy.evaluate(() => document.getElementById('part-2').open), false);
    assert.equal(await copy.inputValue('#search-q'), TERM);
    assert.ok((await copy.evaluate(hitTexts)).length > 0);
    assert.equal(await copy.getAttribute('html', 'data-theme'), 'contrast');
    assert.equal(await copy.getAttribute('html', 'data-text'), 'large');
    await copy.context().close();
  });

  test('a #:~:text= link to text in a collapsed section reveals it', async () => {
    // A phrase from the middle of the first paragraph of the second part's
    // first subsection; the link closes that subsection and its part.
    const part = bundledReport().sections[1];
    const sub = part.sections[0];
    const para = sub.blocks.find((b) => b.type === 'paragraph');
    const phrase = para.text.slice(12, 24);
    const page = await open(browser, `${server.url}?closed=${part.id},${sub.id}#:~:text=${encodeURIComponent(phrase)}`);
    await ready(page);
    await page.waitForFunction((id) => document.getElementById(id).open, sub.id, { timeout: 10000 });
    assert.equal(await page.evaluate((id) => document.getElementById(id).open, part.id), true);
    await page.waitForFunction((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return r.height > 0 && r.top < innerHeight && r.bottom > 0;
    }, para.id);
    await page.context().close();
  });
});

describe('the offline file', () => {
  test('deep links and text links into closed sections, from file://', async () => {
    const file = pathToFileURL(join(DIST, 'report.html')).href;
    const page = await open(browser, `${file}?closed=part-3,part-3-2#p-3-2`);
    await ready(page);
    await page.waitForFunction(() => document.getElementById('part-3-2').open && document.getElementById('part-3').open);
    const part = bundledReport().sections[1];
    const sub = part.sections[0];
    const para = sub.blocks.find((b) => b.type === 'paragraph');
    const text = await open(browser, `${file}?closed=${part.id},${sub.id}#:~:text=${encodeURIComponent(para.text.slice(12, 24))}`);
    await ready(text);
    await text.waitForFunction((id) => document.getElementById(id).open, sub.id);
    assert.deepEqual(page.problems, []);
    await page.context().close();
    await text.context().close();
  });

  test("a chart's CSV downloads from file:// too", async () => {
    const page = await open(browser, pathToFileURL(join(DIST, 'report.html')).href, { acceptDownloads: true });
    await ready(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#chart-court-cases [data-download=csv]').click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.ok(text.includes('各类行政案件'));
    await page.context().close();
  });
});
