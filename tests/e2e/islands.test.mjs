// The islands: each widget the build rendered in a <viewer-island> is
// hydrated in place by the component that rendered it. Its first client
// render is its static markup (the DOM with scripts off, serialized by the
// same browser), its nodes are the nodes the page parsed, and a click goes
// through the component's own handler. On every page the build writes:
// hosted in each language and script, and offline from file://. A
// hydration mismatch aborts the WASM, which `ready` and `problems` catch.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';

import { DIST, browser, open, ready, server, useSite } from './lib.mjs';

useSite();

const PAGES = ['index.html', 'index.en.html', 'index.hant.html', 'report.html', 'report.hant.html'];
const url = (file) => file.startsWith('report')
  ? pathToFileURL(join(DIST, file)).href
  : `${server.url}${file}`;
const islands = () => [...document.querySelectorAll('viewer-island')]
  .map((el) => [el.dataset.island, el.innerHTML]);

describe('islands', () => {
  for (const file of PAGES) {
    test(`${file}: each island's first render is its static markup, on the same nodes`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const still = await context.newPage();
      await still.goto(url(file));
      const before = await still.evaluate(islands);
      await context.close();
      assert.ok(before.length >= 1, 'the page has islands');

      const page = await open(browser, url(file), {
        // The nodes the parser made, kept to compare after hydration.
        init: () => document.addEventListener('DOMContentLoaded', () => {
          window.parsedButtons = [...document.querySelectorAll('viewer-island button')];
        }),
      });
      await ready(page);
      assert.deepEqual(await page.evaluate(islands), before);
      assert.equal(await page.evaluate(() => window.parsedButtons.every((b, i) =>
        b === document.querySelectorAll('viewer-island button')[i] && b.isConnected)), true);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test('the display controls island answers a click from its own state', async () => {
    const page = await open(browser, `${server.url}index.html?text=large`);
    await ready(page);
    const pressed = () => page.evaluate(() => [...document.querySelectorAll(
      'viewer-island[data-island=display] [aria-pressed=true]')].map((b) => b.dataset.textSize ?? b.dataset.themeChoice));
    // The head script's choice reaches the island's signals.
    assert.deepEqual(await pressed(), ['large', 'light']);
    await page.locator('#tools').evaluate((t) => t.scrollIntoView());
    await page.evaluate(() => document.querySelector('[data-text-size=xlarge]').click());
    await page.evaluate(() => document.querySelector('[data-theme-choice=dark]').click());
    assert.deepEqual(await pressed(), ['xlarge', 'dark']);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.text), 'xlarge');
    assert.equal(await page.evaluate(() => localStorage.getItem('report-viewer:theme')), 'dark');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
