// The pages' Content-Security-Policy as a browser enforces it: Trusted
// Types required, one named policy (the viewer's, for chart SVG), the
// offline file allowing no script but its own; and what the page repeats
// from its address, capped. (Every end-to-end test also fails on any
// policy violation: see `launch` in lib.mjs.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { allowCspViolations, browser, clickInMenu, DIST, open, ready, server, useSite } from './lib.mjs';

useSite();

/** The policy a built page carries in its `<meta>`. */
function policyOf(name) {
  const html = readFileSync(join(DIST, name), 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(m, `${name} has a policy`);
  return Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

/** The chart's drawn width, from its SVG. */
const svgWidth = (page, id) => page.locator(`figure#${id} .chart-svg > svg`).getAttribute('width');

/** Redraws a chart three ways: a narrower screen, another theme, a series hidden. */
async function redrawCharts(page) {
  const id = 'chart-court-cases';
  const before = await svgWidth(page, id);
  await page.setViewportSize({ width: 375, height: 800 });
  // Charts out of view are redrawn when they come into it.
  await page.locator(`figure#${id}`).scrollIntoViewIfNeeded();
  await page.waitForFunction(([id, w]) => document.querySelector(`figure#${id} .chart-svg > svg`)?.getAttribute('width') !== w, [id, before]);
  // At phone width the display controls are in the tools.
  await page.locator('[data-testid=tools-toggle] > summary').click();
  await page.locator('[data-testid=display-controls] button[data-theme-choice=dark]').click();
  await page.keyboard.press('Escape');
  await page.locator(`figure#${id} .chart-legend button`).first().click();
  await page.waitForFunction((id) => document.querySelector(`figure#${id} .chart-svg > svg`) !== null, id);
  return { before, after: await svgWidth(page, id) };
}

describe('the Content-Security-Policy', () => {
  test('every page requires Trusted Types and allows only the viewer\'s policy', () => {
    for (const name of ['index.html', 'index.en.html', 'index.hant.html', 'report.html', 'report.en.html', 'report.hant.html']) {
      const p = policyOf(name);
      assert.deepEqual(p['require-trusted-types-for'], ["'script'"], name);
      assert.deepEqual(p['trusted-types'], ['report-viewer'], name);
      assert.ok(!p['script-src'].includes("'unsafe-inline'") && !p['script-src'].includes("'unsafe-eval'"), name);
    }
  });

  test('the offline file allows no script but its own hashes: no \'self\', no blob:', () => {
    for (const name of ['report.html', 'report.en.html', 'report.hant.html']) {
      const p = policyOf(name);
      const others = p['script-src'].filter((s) => !/^'sha256-/.test(s));
      assert.deepEqual(others, ["'wasm-unsafe-eval'"], name);
      assert.deepEqual(p['connect-src'], ["'none'"], name);
      assert.ok(!Object.values(p).flat().includes("'self'"), `${name}: ${JSON.stringify(p)}`);
    }
  });

  test('charts redraw under Trusted Types, hosted and from file://, in either script', async () => {
    const urls = [server.url, `${server.url}index.hant.html`, ...['report.html', 'report.hant.html'].map((f) => pathToFileURL(join(DIST, f)).href)];
    for (const url of urls) {
      const page = await open(browser, url);
      await ready(page);
      const { before, after } = await redrawCharts(page);
      assert.notEqual(before, after, `${url}: the chart was redrawn for the phone width`);
      assert.ok(Number(after) <= 375, `${url}: ${after}`);
      assert.deepEqual(page.problems, [], url);
      await page.context().close();
    }
  });

  test('no other script can make a policy, or set markup without one', async () => {
    const page = await open(browser, server.url);
    allowCspViolations(page.context());
    await ready(page);
    // The viewer has made its policy (a chart was redrawn); the name is
    // taken, and no other name is allowed.
    await redrawCharts(page);
    const tried = await page.evaluate(() => ['report-viewer', 'attacker'].map((name) => {
      try { trustedTypes.createPolicy(name, { createHTML: (s) => s }); return `${name}: made`; } catch (e) { return `${name}: refused`; }
    }));
    assert.deepEqual(tried, ['report-viewer: refused', 'attacker: refused']);
    const sink = await page.evaluate(() => {
      try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); return 'set'; } catch (e) { return 'refused'; }
    });
    assert.equal(sink, 'refused');
    await page.context().close();
  });
});

describe('what the page repeats from its address', () => {
  test('a long ?q= is searched and announced capped', async () => {
    const q = '法治'.repeat(2000);
    const page = await open(browser, `${server.url}?q=${encodeURIComponent(q)}`);
    await ready(page);
    const count = page.locator('[data-testid=search-count]');
    await count.filter({ hasText: /\S/ }).waitFor();
    const said = await count.textContent();
    assert.ok(said.length <= 120, `${said.length} characters announced`);
    assert.ok(said.includes('…'), said);
    assert.ok((await page.locator('#search-q').inputValue()).length <= 100);
    await page.context().close();
  });

  test('a copied link to a long address is announced capped', async () => {
    const page = await open(browser, `${server.url}?utm_source=${'x'.repeat(5000)}`);
    await ready(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await clickInMenu(page.locator('#part-1 > .sec-menu [data-testid=copy-link]'));
    const status = page.locator('[data-testid=status]');
    await status.filter({ hasText: /\S/ }).waitFor();
    const said = await status.textContent();
    assert.ok(said.length <= 120, `${said.length} characters announced: ${said.slice(0, 60)}`);
    await page.context().close();
  });
});
