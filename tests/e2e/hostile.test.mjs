// Hostile content: every payload in tests/fixtures/hostile/payloads.json is
// placed in every text field of the bundled report (titles, paragraphs,
// list items, table cells, figure labels and units, chart titles,
// categories, series names and units, notes, qualifier markers and rules,
// source publishers, quotes, notes and URLs). In real Chromium, with the
// viewer opened up (all sections, every table, a point's tip, a search),
// nothing runs (`__pwn`, `alert`, requests to other hosts, CSP reports)
// and the page holds exactly the elements the clean report gives: no
// element and no attribute comes from report text. The same holds for the
// static page `report build` writes, with scripts off and on, hosted and
// offline.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { allowCspViolations, browser, bundledReport, DIST, ROOT, server, useSite } from './lib.mjs';

// Validation refuses control characters in report text (they would make a
// chart's SVG invalid XML; tests/it/extreme.rs and the fixture
// control-character.json hold that), so a payload carries none here.
const PAYLOADS = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/hostile/payloads.json'), 'utf8'))
  // eslint-disable-next-line no-control-regex
  .map((p) => p.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, ''));

// Keys whose strings are identifiers, references or enumerations, not text.
const NOT_TEXT = new Set(['id', 'type', 'kind', 'paragraph', 'chart', 'embed_origins']);

/**
 * The report with `payloadFor(n)` appended to its n-th text field. URLs
 * get it after a valid `https://` address (white space and control
 * characters, which validation refuses in URLs, dropped). Equal strings get
 * equal payloads so categories still match points and units still agree;
 * a quote from a paragraph stays as it is so that it still occurs there.
 */
function poison(report, payloadFor) {
  const out = structuredClone(report);
  const seen = new Map();
  const mark = (s) => {
    if (!seen.has(s)) seen.set(s, payloadFor(seen.size));
    return s + seen.get(s);
  };
  const walk = (node, key, parent) => {
    if (Array.isArray(node)) {
      // A figures block lists figure ids.
      if (key === 'figures' && node.every((x) => typeof x === 'string')) return node;
      return node.map((x) => walk(x, key, parent));
    }
    if (node && typeof node === 'object') {
      const o = {};
      for (const [k, v] of Object.entries(node)) o[k] = walk(v, k, node);
      return o;
    }
    if (typeof node !== 'string' || NOT_TEXT.has(key)) return node;
    if (key === 'quote' && parent.kind === 'paragraph') return node;
    if (key === 'url' || key === 'canonical_url') {
      // eslint-disable-next-line no-control-regex
      return `https://example.org/${mark(node).replace(/[\s\u0000-\u001f\u007f-\u009f]/g, '')}`;
    }
    return mark(node);
  };
  for (const [k, v] of Object.entries(out)) out[k] = walk(v, k, out);
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'viewer-hostile-'));
const REPORT = join(ROOT, 'target/release/report');
before(() => {
  // The site as built, and beside it a site per payload (the page is the
  // report: each is built as an author would, without the offline files).
  cpSync(DIST, join(tmp, 'site'), { recursive: true });
  const report = bundledReport();
  // The same report unpoisoned, built the same way, to compare with.
  const cleanJson = join(tmp, 'clean.json');
  writeFileSync(cleanJson, JSON.stringify(report));
  execFileSync(REPORT, ['build', cleanJson, '--out', join(tmp, 'site', 'clean'), '--no-offline',
    '--viewer', join(ROOT, 'target/viewer')], { stdio: 'ignore' });
  PAYLOADS.forEach((p, i) => {
    const json = join(tmp, `hostile-${i}.json`);
    writeFileSync(json, JSON.stringify(poison(report, () => p)));
    execFileSync(REPORT, ['build', json, '--out', join(tmp, 'site', `hostile-${i}`), '--no-offline',
      '--viewer', join(ROOT, 'target/viewer')], { stdio: 'ignore' });
  });
  // One built site whose fields carry all the payloads in turn, so that the
  // static page `report build` writes meets each of them.
  const mixed = join(tmp, 'mixed.json');
  writeFileSync(mixed, JSON.stringify(poison(report, (n) => PAYLOADS[n % PAYLOADS.length])));
  execFileSync(join(ROOT, 'target/release/report'), ['validate', mixed], { stdio: 'ignore' });
  execFileSync(join(ROOT, 'target/release/report'), ['build', mixed, '--out', join(tmp, 'site', 'mixed'),
    '--viewer', join(ROOT, 'target/viewer')], { stdio: 'ignore' });
});
// Served once the site above is written (hooks run in order).
useSite(join(tmp, 'site'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A page that records everything a payload could do if it ran: `__pwn`
 * calls, dialogs, CSP reports, script errors, and requests leaving the
 * test server.
 */
async function watchedPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(() => {
    window.__pwned = [];
    window.__pwn = (n) => window.__pwned.push(n);
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.events = [];
  page.on('dialog', (d) => { page.events.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => page.events.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(server.url) && !u.startsWith('file://') && !/^(data|blob):/.test(u)) page.events.push(`request: ${u}`);
  });
  page.on('framenavigated', (f) => {
    if (f !== page.mainFrame() && !/^(about:blank|about:srcdoc)$/.test(f.url())) page.events.push(`frame: ${f.url()}`);
  });
  return page;
}

/** What ran: must be nothing. */
async function whatRan(page) {
  const inPage = await page.evaluate(() => [
    ...window.__pwned.map((n) => `__pwn(${n})`),
    ...window.__csp.map((c) => `csp: ${c}`),
  ]).catch(() => []);
  return [...page.events, ...inPage];
}

/** Opens everything a reader can open: all sections, every table, a
 * chart point's tip, and a search. */
async function openEverything(page) {
  await page.click('[data-testid=expand-all]');
  await page.locator('.chart-svg').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-testid=chart-tip]').first().waitFor({ state: 'visible' });
  for (const b of await page.locator('[data-testid=show-table]').all()) await b.click();
  await page.fill('[data-testid=search] input', '行政');
  await page.waitForSelector('[data-testid=search-results] li');
}

/**
 * Every element of the page as counts per tag (HTML) and the set of
 * tag@attribute pairs; SVG tags are counted apart, since wrapped chart
 * labels make more `<text>` lines for longer words.
 */
function inventory() {
  const html = {};
  const svg = new Set();
  const attrs = new Set();
  for (const el of document.querySelectorAll('*')) {
    const isSvg = el.namespaceURI === 'http://www.w3.org/2000/svg';
    const tag = (isSvg ? 'svg:' : '') + el.localName;
    if (isSvg) svg.add(tag); else html[tag] = (html[tag] || 0) + 1;
    for (const a of el.attributes) attrs.add(`${tag}@${a.name}`);
  }
  const links = [...document.querySelectorAll('[href], [src], [action], [formaction]')]
    .flatMap((el) => ['href', 'src', 'action', 'formaction'].map((n) => el.getAttribute(n)).filter(Boolean))
    .filter((u) => !/^https?:\/\//i.test(u));
  return { html, svg: [...svg].sort(), attrs: [...attrs].sort(), links: [...new Set(links)].sort() };
}

function assertSameShape(got, clean, what) {
  assert.deepEqual(got.html, clean.html, `${what}: HTML elements differ from the clean report's`);
  const extraSvg = got.svg.filter((t) => !clean.svg.includes(t));
  assert.deepEqual(extraSvg, [], `${what}: SVG elements the clean report has not`);
  const extraAttrs = got.attrs.filter((a) => !clean.attrs.includes(a));
  assert.deepEqual(extraAttrs, [], `${what}: attributes the clean report has not`);
  // Report URLs become http(s) links only; other links are the viewer's own.
  const extraLinks = got.links.filter((l) => !clean.links.includes(l));
  assert.deepEqual(extraLinks, [], `${what}: links that are not http(s) nor the viewer's`);
}

describe('hostile report text', () => {
  let clean;
  before(async () => {
    const page = await watchedPage();
    await page.goto(`${server.url}clean/`);
    await page.waitForSelector('html.viewer-ready');
    await openEverything(page);
    clean = await page.evaluate(inventory);
    assert.deepEqual(await whatRan(page), []);
    await page.context().close();
  });

  test('the watch itself notices markup made from text and code that runs', async () => {
    const page = await watchedPage();
    // This test provokes violations on purpose.
    allowCspViolations(page.context());
    await page.goto(`${server.url}clean/`);
    await page.waitForSelector('html.viewer-ready');
    await openEverything(page);
    // What a viewer that used innerHTML for report text would do: Trusted
    // Types refuse the string, and the watch hears of it.
    const refused = await page.evaluate((p) => {
      try { document.querySelector('main p').innerHTML += p; return null; } catch (e) { return String(e); }
    }, PAYLOADS[2]);
    assert.match(refused ?? 'assigned', /TrustedHTML/);
    await page.waitForFunction(() => window.__csp.length > 0);
    assert.match((await whatRan(page)).join(), /csp: require-trusted-types-for/);
    // An element made some other way changes the inventory.
    await page.evaluate(() => document.querySelector('main p').append(document.createElement('img')));
    const inv = await page.evaluate(inventory);
    assert.throws(() => assertSameShape(inv, clean, 'x'), /HTML elements differ/);
    await page.context().close();
  });

  test(`the corpus has at least 50 payloads (${PAYLOADS.length})`, () => {
    assert.ok(PAYLOADS.length >= 50);
  });

  test('each payload in every field: shown as text, never run, never an element', async () => {
    const page = await watchedPage();
    for (let i = 0; i < PAYLOADS.length; i++) {
      await page.goto(`${server.url}hostile-${i}/`);
      await page.waitForSelector('html.viewer-ready');
      assert.equal(await page.locator('[data-testid=error-panel]').count(), 0, `payload ${i} refused`);
      // The payload is there, as the words it is (the HTML parser drops a
      // NUL from the page's text, as every browser does).
      const title = await page.locator('h1').textContent();
      assert.ok(title.includes(PAYLOADS[i].replace(/\u0000/g, '')), `payload ${i} not shown as text: ${title}`);
      await openEverything(page);
      const tip = await page.locator('[data-testid=chart-live]').first().textContent();
      assert.ok(tip.includes(PAYLOADS[i]), `payload ${i} not in the tip: ${tip}`);
      assertSameShape(await page.evaluate(inventory), clean, `payload ${i} ${JSON.stringify(PAYLOADS[i])}`);
      assert.deepEqual(await whatRan(page), [], `payload ${i} ${JSON.stringify(PAYLOADS[i])}`);
    }
    await page.context().close();
  });

  test('the built page, scripts off: the static HTML holds only text', async () => {
    const staticInventory = async (url) => {
      const page = await watchedPage({ javaScriptEnabled: false });
      await page.goto(url);
      // (The test's own evaluate runs even with the page's scripts off.)
      const inv = await page.evaluate(inventory);
      const title = await page.locator('h1').textContent();
      assert.deepEqual(await whatRan(page), [], url);
      await page.context().close();
      return { inv, title };
    };
    const offline = (dir) => pathToFileURL(join(dir, 'report.html')).href;
    for (const [what, cleanUrl, url] of [
      ['hosted', server.url, `${server.url}mixed/`],
      ['offline', offline(DIST), offline(join(tmp, 'site', 'mixed'))],
    ]) {
      const base = await staticInventory(cleanUrl);
      const got = await staticInventory(url);
      assertSameShape(got.inv, base.inv, `${what}, static`);
      assert.ok(got.title.includes(PAYLOADS[0]), `${what}: the title's payload is text: ${got.title}`);
    }
  });

  test('the built page, scripts on: hosted and offline, opened up, nothing runs', async () => {
    const offline = (dir) => pathToFileURL(join(dir, 'report.html')).href;
    for (const [what, cleanUrl, url] of [
      ['hosted', server.url, `${server.url}mixed/`],
      ['offline', offline(DIST), offline(join(tmp, 'site', 'mixed'))],
    ]) {
      const opened = async (u) => {
        const page = await watchedPage();
        await page.goto(u);
        await page.waitForSelector('html.viewer-ready');
        await openEverything(page);
        return page;
      };
      const base = await opened(cleanUrl);
      const baseInventory = await base.evaluate(inventory);
      await base.context().close();
      const page = await opened(url);
      assertSameShape(await page.evaluate(inventory), baseInventory, what);
      // Downloads carry the text too: the chart's SVG parses with no script
      // and no event attribute; the CSV keeps formulas as text.
      const svg = await page.evaluate(() => {
        const chart = document.querySelector('.chart-svg svg');
        return chart ? chart.outerHTML : '';
      });
      // Parsed in a blank page: the viewer's own refuses DOMParser
      // strings without its Trusted Types policy.
      const blank = await page.context().newPage();
      const parsed = await blank.evaluate((s) => {
        const d = new DOMParser().parseFromString(s, 'image/svg+xml');
        return {
          error: !!d.querySelector('parsererror'),
          scripts: d.querySelectorAll('script, foreignObject, iframe, a').length,
          on: [...d.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => /^on/i.test(n)),
        };
      }, svg);
      await blank.close();
      assert.deepEqual(parsed, { error: false, scripts: 0, on: [] }, `${what}: chart SVG`);
      assert.deepEqual(await whatRan(page), [], what);
      await page.context().close();
    }
  });
});
