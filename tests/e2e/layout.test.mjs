// Phone-first reading in real Chromium against the release site: the
// report's first words on a phone's first screen, one reading bar (目录,
// 工具, a progress line) instead of a screen of controls, one small menu
// per section and per chart instead of buttons under every heading,
// 回到顶部, touch targets, and axe-core in each new state.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { axeViolations, browser, open, ready, server, useSite } from './lib.mjs';

useSite();

/** The phones the issue names, with their usual screen heights. */
const PHONES = [[360, 640], [375, 667], [414, 736]];

/** Top and bottom of the first line of the report's text, and of the title block. */
function firstScreen() {
  const para = document.querySelector('.preamble .para');
  const range = document.createRange();
  range.setStart(para.firstChild, 0);
  range.setEnd(para.firstChild, 1);
  const first = range.getBoundingClientRect();
  const title = document.querySelector('.title-block').getBoundingClientRect();
  return { line: first.bottom, title: title.bottom, height: innerHeight };
}

/** Every visible control inside `root` that is smaller than 44 × 44 CSS px. */
function smallTargets(root) {
  const out = [];
  for (const el of document.querySelectorAll(`${root} :is(button, summary, a, input)`)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    // A link inside running text is not a control.
    if (el.matches('.para a, .prov a, .sources a')) continue;
    if (r.height < 44 || r.width < 44) out.push(`${el.tagName} “${el.textContent.trim().slice(0, 12)}” ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return out;
}

/** How far the progress line is filled, 0 to 1, as drawn. */
function progress(page) {
  return page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.progress-fill')).transform).a);
}

describe('phone-first layout', () => {
  for (const [width, height] of PHONES) {
    for (const text of ['standard', 'xlarge']) {
      test(`the first screen shows the title and the report's first words: ${width}×${height}, ${text}`, async () => {
        const page = await open(browser, `${server.url}?text=${text}`, { viewport: { width, height } });
        // As first painted, before the viewer runs…
        await page.waitForSelector('.preamble .para');
        const painted = await page.evaluate(firstScreen);
        assert.ok(painted.line <= painted.height, `first line ends at ${painted.line} px of ${painted.height}`);
        // …and once it runs: nothing it adds pushes the text down.
        await ready(page);
        const running = await page.evaluate(firstScreen);
        assert.ok(running.line <= running.height, `running: first line ends at ${running.line} px`);
        assert.ok(Math.abs(running.line - painted.line) < 1, `moved from ${painted.line} to ${running.line}`);
        // The tools are one button, not a screen of controls.
        assert.equal(await page.locator('#search-q').isVisible(), false);
        assert.equal(await page.locator('[data-testid=tools-toggle] > summary').isVisible(), true);
        assert.deepEqual(page.problems, []);
        await page.context().close();
      });
    }
  }

  test('工具 opens the tools over the text; one panel at a time; Escape and a tap elsewhere close it', async () => {
    const page = await open(browser, server.url, { viewport: { width: 375, height: 667 } });
    await ready(page);
    const tools = page.locator('[data-testid=tools]');
    const toggle = page.locator('[data-testid=tools-toggle] > summary');
    const before = await page.evaluate(() => document.querySelector('.preamble .para').getBoundingClientRect().top);
    await toggle.click();
    assert.ok(await tools.isVisible());
    for (const name of ['search-q', 'display-text', 'display-theme']) {
      assert.ok(await page.locator(`#${name}`).isVisible(), `${name} in the tools`);
    }
    assert.ok(await page.locator('[data-testid=download-offline]').isVisible());
    // Over the text: opening it moved nothing.
    assert.equal(await page.evaluate(() => document.querySelector('.preamble .para').getBoundingClientRect().top), before);
    // 目录 opens and the tools close.
    await page.click('.toc-compact > summary');
    assert.ok(await page.locator('.toc-full').isVisible());
    assert.equal(await tools.isVisible(), false);
    // Escape closes the contents, focus back on their button.
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.toc-full').isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement.matches('.toc-compact > summary')), true);
    // A tap outside them (the title: at the top of the page the panel
    // covers the rest of the screen) closes the tools.
    await toggle.click();
    assert.ok(await tools.isVisible());
    await page.mouse.click(180, 30);
    assert.equal(await tools.isVisible(), false);
    // The press alone does it: iOS Safari sends no click from plain text.
    await toggle.click();
    await page.locator('.title-block h1').dispatchEvent('pointerdown');
    assert.equal(await tools.isVisible(), false);
    // `/` opens them and puts the cursor in the search field.
    await page.keyboard.press('/');
    assert.ok(await tools.isVisible());
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q');
    // A search result followed closes them, the text no longer covered.
    await page.keyboard.type('复议');
    await page.locator('[data-testid=search-results] a').first().click();
    assert.equal(await tools.isVisible(), false);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a search in the address opens the tools with its results', async () => {
    const page = await open(browser, `${server.url}?q=${encodeURIComponent('复议')}`, { viewport: { width: 375, height: 667 } });
    await ready(page);
    assert.ok(await page.locator('[data-testid=search-results] li').first().isVisible());
    await page.context().close();
  });

  test('each section has one menu (复制链接, 朗读本节, 嵌入); it closes once used', async () => {
    const page = await open(browser, server.url, { viewport: { width: 375, height: 667 } });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await ready(page);
    const sections = await page.locator('details.sec').count();
    assert.equal(await page.locator('details.sec > [data-testid=section-menu]').count(), sections);
    // No section tool shows until its menu is opened.
    const shown = () => page.locator('details.sec [data-testid=copy-link]:visible, details.sec [data-read=section]:visible').count();
    assert.equal(await shown(), 0);
    const menu = page.locator('#part-1 > [data-testid=section-menu]');
    await menu.locator(':scope > summary').click();
    const items = await menu.locator('.menu-panel > *').evaluateAll((els) => els.map((e) => e.dataset.testid || e.dataset.read));
    assert.deepEqual(items, ['copy-link', 'section', 'embed-code']);
    // The heading is not under the menu's button.
    const [heading, button] = await Promise.all([
      page.locator('#part-1 > summary h2').boundingBox(),
      menu.locator(':scope > summary').boundingBox(),
    ]);
    assert.ok(heading.x + heading.width <= button.x, `heading ends at ${heading.x + heading.width}, menu starts at ${button.x}`);
    // Opening another menu closes this one.
    await page.locator('#part-2 > [data-testid=section-menu] > summary').click();
    assert.equal(await menu.evaluate((d) => d.open), false);
    await page.keyboard.press('Escape');
    // Used: the link is copied, the menu closes, focus is on its button.
    await menu.locator(':scope > summary').click();
    await menu.locator('[data-testid=copy-link]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.includes('已复制链接'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}#part-1`);
    assert.equal(await menu.evaluate((d) => d.open), false);
    assert.equal(await menu.evaluate((d) => d.querySelector('summary') === document.activeElement), true);
    // The section's own heading toggle still works: the menu is outside it.
    await page.locator('#part-1 > summary').click();
    assert.equal(await page.locator('#part-1').evaluate((d) => d.open), false);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('focus and keys: Tab out of a menu closes it; Escape in the search goes back step by step; Enter closes the tools', async () => {
    const page = await open(browser, server.url, { viewport: { width: 375, height: 667 } });
    await ready(page);
    const tools = page.locator('[data-testid=tools]');
    // Tab through a section's menu and out of it: it closes behind.
    const menu = page.locator('#part-1 > [data-testid=section-menu]');
    await menu.locator(':scope > summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await menu.evaluate((d) => d.open), true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('.sec-menu') !== null), true, 'still in the menu');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('.sec-menu') === null), true, 'out of the menu');
    assert.equal(await menu.evaluate((d) => d.open), false);
    // Escape from a result goes back to the field, the tools still open;
    // in the field it clears the query; in the empty field it closes them.
    await page.keyboard.press('/');
    await page.keyboard.type('复议');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.closest('[data-testid=search-results]') !== null), true);
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q');
    assert.ok(await tools.isVisible());
    await page.keyboard.press('Escape');
    assert.equal(await page.inputValue('#search-q'), '');
    assert.ok(await tools.isVisible());
    await page.keyboard.press('Escape');
    assert.equal(await tools.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement.matches('[data-testid=tools-toggle] > summary')), true);
    // Enter in the search field (a phone keyboard's 搜索) goes to the
    // first result, and the tools no longer cover it.
    await page.keyboard.press('/');
    await page.keyboard.type('复议');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.length > 1);
    assert.equal(await tools.isVisible(), false);
    // 展开全部 (a reading tool) closes them too.
    await page.click('[data-testid=tools-toggle] > summary');
    await page.click('[data-testid=expand-all]');
    assert.equal(await tools.isVisible(), false);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a chart\'s menu and its embed code stay on a 320 px screen, and typing in it keeps it open', async () => {
    const page = await open(browser, `${server.url}?text=xlarge`, { viewport: { width: 320, height: 640 } });
    await ready(page);
    const fig = page.locator('#chart-court-cases');
    await fig.locator('.chart-menu > summary').click();
    await fig.locator('[data-testid=embed-code] > summary').click();
    await fig.locator('[data-testid=embed-code] textarea').first().click();
    assert.equal(await fig.locator('.chart-menu').evaluate((d) => d.open), true, 'the menu stays open');
    const box = await fig.locator('.chart-menu > .menu-panel').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 320, `panel from ${box.x} to ${box.x + box.width}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'no sideways scroll');
    await page.context().close();
  });

  test('with reduced motion, the progress line and 回到顶部 still follow the reading', async () => {
    const page = await open(browser, server.url, { viewport: { width: 375, height: 667 }, reducedMotion: 'reduce' });
    await ready(page);
    const toTop = page.locator('[data-testid=to-top]');
    assert.equal(await toTop.isVisible(), false);
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
    await page.waitForTimeout(100);
    const half = await progress(page);
    assert.ok(half > 0.4 && half < 0.6, `half way: ${half}`);
    assert.ok(await toTop.isVisible());
    await page.context().close();
  });

  test('touch targets are at least 44 px in the bar, the tools and the menus, at standard and 特大', async () => {
    for (const text of ['standard', 'xlarge']) {
      const page = await open(browser, `${server.url}?text=${text}`, { viewport: { width: 375, height: 667 } });
      await ready(page);
      assert.deepEqual(await page.evaluate(smallTargets, '.bar'), [], `bar, ${text}`);
      await page.click('[data-testid=tools-toggle] > summary');
      assert.deepEqual(await page.evaluate(smallTargets, '.tools'), [], `tools, ${text}`);
      await page.keyboard.press('Escape');
      await page.click('#part-1 > .sec-menu > summary');
      assert.deepEqual(await page.evaluate(smallTargets, '#part-1 > .sec-menu'), [], `section menu, ${text}`);
      await page.locator('#chart-court-cases .chart-menu > summary').click();
      assert.deepEqual(await page.evaluate(smallTargets, '#chart-court-cases .chart-tools'), [], `chart menu, ${text}`);
      await page.context().close();
    }
  });

  test('the progress line follows the reading, and 回到顶部 appears further down and goes back', async () => {
    const page = await open(browser, server.url, { viewport: { width: 375, height: 667 } });
    await ready(page);
    const toTop = page.locator('[data-testid=to-top]');
    assert.ok((await progress(page)) < 0.01);
    assert.equal(await toTop.isVisible(), false);
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
    await page.waitForTimeout(100);
    const half = await progress(page);
    assert.ok(half > 0.4 && half < 0.6, `half way: ${half}`);
    assert.ok(await toTop.isVisible());
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(100);
    assert.ok((await progress(page)) > 0.99);
    await toTop.click();
    await page.waitForFunction(() => window.scrollY === 0);
    await page.waitForTimeout(100);
    assert.equal(await toTop.isVisible(), false);
    await page.context().close();
  });

  test('where CSS scroll timelines are missing, the viewer moves the progress line and shows 回到顶部', async () => {
    // A browser without `animation-timeline` (older Safari and Android
    // WebViews): the viewer's check says no, and the style sheet's
    // scroll-driven rules are switched off (a constructed style sheet,
    // which the page's CSP allows as any CSSOM change).
    const page = await open(browser, server.url, {
      viewport: { width: 375, height: 667 },
      init: () => {
        const supports = CSS.supports.bind(CSS);
        CSS.supports = (...args) => (args.join(':').includes('animation-timeline') ? false : supports(...args));
      },
    });
    await ready(page);
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.progress-fill, .to-top { animation: none !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const toTop = page.locator('[data-testid=to-top]');
    assert.ok((await progress(page)) < 0.01);
    assert.equal(await toTop.isVisible(), false);
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-scrolled'));
    const half = await progress(page);
    assert.ok(half > 0.4 && half < 0.6, `half way: ${half}`);
    assert.ok(await toTop.isVisible());
    await toTop.click();
    await page.waitForFunction(() => window.scrollY === 0 && !document.documentElement.hasAttribute('data-scrolled'));
    assert.equal(await toTop.isVisible(), false);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('wide screens: the contents beside the text, the tools above it, no toggles', async () => {
    const page = await open(browser, server.url, { viewport: { width: 1280, height: 900 } });
    await ready(page);
    assert.ok(await page.locator('.toc-full').isVisible());
    assert.ok(await page.locator('#search-q').isVisible());
    assert.equal(await page.locator('[data-testid=tools-toggle] > summary').isVisible(), false);
    assert.equal(await page.locator('.toc-compact > summary').isVisible(), false);
    const toc = await page.locator('.toc-full').boundingBox();
    const main = await page.locator('main').boundingBox();
    assert.ok(toc.x + toc.width <= main.x, 'contents beside the text');
    // 特大 turns it into the bar, the buttons just pressed still in view.
    await page.click('[data-text-size=xlarge]');
    assert.ok(await page.locator('[data-testid=tools-toggle] > summary').isVisible());
    assert.ok(await page.locator('[data-text-size=xlarge]').isVisible());
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  for (const theme of ['light', 'dark']) {
    test(`axe-core finds no violation with the tools, a section menu or a chart menu open: ${theme}`, async () => {
      const page = await open(browser, `${server.url}?theme=${theme}`, { viewport: { width: 375, height: 667 } });
      await ready(page);
      await page.click('[data-testid=tools-toggle] > summary');
      assert.deepEqual(await axeViolations(page), [], 'tools open');
      await page.keyboard.press('Escape');
      await page.click('#part-1 > .sec-menu > summary');
      assert.deepEqual(await axeViolations(page), [], 'section menu open');
      await page.locator('#chart-court-cases .chart-menu > summary').click();
      await page.locator('#chart-court-cases [data-testid=embed-code] > summary').click();
      assert.deepEqual(await axeViolations(page), [], 'chart menu and embed code open');
      await page.context().close();
    });
  }

  test('printed from a phone with the tools open: the text, and no control', async () => {
    const page = await open(browser, server.url, { viewport: { width: 375, height: 667 } });
    await ready(page);
    await page.click('[data-testid=tools-toggle] > summary');
    await page.click('[data-testid=collapse-all]');
    await page.click('[data-testid=tools-toggle] > summary');
    assert.ok(await page.locator('[data-testid=tools]').isVisible(), 'the tools are open');
    const dir = mkdtempSync(join(tmpdir(), 'layout-'));
    const pdf = join(dir, 'phone.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).toString().replace(/\s+/g, '');
    for (const control of ['回到顶部', '在报告中搜索', '⋯', '复制链接', '朗读本节', '下载与分享', '工具']) {
      assert.ok(!text.includes(control), `${control} printed`);
    }
    // A paragraph of a collapsed section is on paper.
    const last = await page.locator('details.sec .para').last().textContent();
    assert.ok(text.includes(last.replace(/\s+/g, '').slice(0, 30)), 'collapsed text printed');
    rmSync(dir, { recursive: true });
    await page.context().close();
  });

});
