// 简体 / 繁體: the report's page in traditional characters, reached by its
// control, by the URL (?script=hant) and by the reader's remembered
// choice; text, headings and charts (as the page drew them and as the
// viewer draws them again) in traditional characters, what the viewer
// writes itself too; search in either script; offline from file://;
// embedded; axe-core clean; no CSP violation. Real Chromium against the
// release site on a real static server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { axeViolations, browser, clickInMenu, DIST, open, ready, server, useSite } from './lib.mjs';


useSite();

const TITLE_HANT = '青島市即墨區2024年法治政府建設情況報告';
const TITLE_HANS = '青岛市即墨区2024年法治政府建设情况报告';
const PART_1_HANT = '2024年推進法治政府建設的主要舉措和成效';
// Characters only simplified text has (their traditional forms differ in
// every word): none may be left on the page in traditional characters.
const SIMPLIFIED_ONLY = /[这个发会国说对时为报区设与门们进实点经过学还当现业问动关开长应头县审复议诉执务监调质权条规范体数据处决检图书举办归属资讯联单项费补贴价济环产农兴乡镇卫护医药疗饮灾险劳职场户证试验认识论谈讲语读写词译记录号码类别种阅览视听见观觉亲爱乐欢传统计备标准确态势积极历状况风气温湿华东车军运输线电话邮递银亿万将并让给题间两总结构织组团队党专胜负随转换变断续访]/g;

/** Collects CSP violations in the page, from before its first script. */
function watchCsp() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/** Simplified-only characters in the page's text but the 简体 link's. */
async function simplifiedLeft(page) {
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    for (const el of clone.querySelectorAll('[translate="no"], script')) el.remove();
    return clone.textContent;
  });
  return [...new Set(text.match(SIMPLIFIED_ONLY) || [])].join('');
}

/** Shows the first point's tip of `chart` by keyboard; its text. */
async function tip(page, chart) {
  const holder = page.locator(`figure#${chart} .chart-svg`);
  await holder.scrollIntoViewIfNeeded();
  await holder.focus();
  await page.keyboard.press('ArrowRight');
  const t = page.locator(`figure#${chart} [data-testid=chart-tip]`);
  await t.waitFor({ state: 'visible' });
  return t.innerText();
}

describe('简体 / 繁體', () => {
  test('繁體 turns the report, its charts and the viewer\'s words into traditional characters', async () => {
    const page = await open(browser, `${server.url}index.html`, { init: watchCsp });
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), TITLE_HANS);
    assert.equal(await page.getAttribute('[data-script-choice=hans]', 'aria-current'), 'page');
    await page.click('[data-script-choice=hant]');
    await page.waitForURL(/index\.hant\.html\?script=hant$/);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
    assert.equal(await page.getAttribute('html', 'data-script'), 'hant');
    assert.equal(await page.title(), TITLE_HANT);
    assert.equal(await page.locator('h1').innerText(), TITLE_HANT);
    assert.equal(await page.locator('#h-part-1 .title').innerText(), PART_1_HANT);
    assert.match(await page.locator('#display-controls, [data-testid=display-controls]').innerText(), /長者模式/);
    // Each link names its script in that script.
    assert.equal(await page.locator('[data-script-choice=hans]').innerText(), '简体');
    assert.equal(await page.getAttribute('[data-script-choice=hant]', 'aria-current'), 'page');
    assert.equal(await simplifiedLeft(page), '');
    // A chart as the page drew it: title, unit, categories, series.
    const chart = page.locator('figure#chart-court-cases');
    assert.match(await chart.locator('figcaption').innerText(), /即墨法院受理行政類案件[\s\S]*單位：件/);
    assert.match(await chart.locator('.chart-legend').innerText(), /行政訴訟案件/);
    // What the viewer writes itself: a tip, and the chart drawn again
    // (larger text), with its own words (單位) in traditional characters.
    const said = await tip(page, 'chart-court-cases');
    assert.match(said, /來源/);
    assert.doesNotMatch(said, SIMPLIFIED_ONLY);
    const before = await chart.locator('.chart-svg').innerHTML();
    await page.click('[data-text-size=xlarge]');
    await page.waitForFunction((b) => document.querySelector('figure#chart-court-cases .chart-svg').innerHTML !== b, before);
    const svg = await chart.locator('.chart-svg').textContent();
    assert.match(svg, /單位/);
    assert.doesNotMatch(svg, SIMPLIFIED_ONLY);
    // 特大 turned the page into the reading bar with its tools open
    // (the button just pressed stays in view); Escape closes them.
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[data-testid=tools]').isVisible(), false);
    // A message: the link copied.
    // The section's menu and its words, in traditional characters.
    const menu = page.locator('#part-1 > [data-testid=section-menu]');
    assert.match(await menu.locator(':scope > summary').getAttribute('aria-label'), /^本節工具：/);
    assert.doesNotMatch(await menu.textContent(), SIMPLIFIED_ONLY);
    assert.match(await page.locator('[data-testid=tools-toggle] > summary').textContent(), /工具/);
    assert.match(await page.locator('[data-testid=to-top]').textContent(), /回到頂部/);
    await clickInMenu(menu.locator('[data-testid=copy-link]'));
    await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.length > 0);
    assert.match(await page.locator('[data-testid=status]').innerText(), /^已複製鏈接：/);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('search finds the report typed in either script, on either page', async () => {
    for (const file of ['index.hant.html', 'index.html']) {
      const page = await open(browser, `${server.url}${file}`);
      await ready(page);
      const counts = [];
      for (const q of ['行政复议', '行政復議', '干部', '幹部']) {
        await page.fill('#search-q', q);
        await page.waitForFunction(() => document.querySelector('[data-testid=search-count]').textContent.length > 0);
        const count = await page.locator('[data-testid=search-count]').innerText();
        counts.push(count.replace(/“.*”/, ''));
        assert.match(count, new RegExp(`“${q}”`), 'the query as typed');
        assert.ok(await page.locator('[data-testid=search-results] li').count() > 0, `${q} on ${file}`);
        if (file === 'index.hant.html' && q === '行政复议') {
          assert.match(count, /出現 \d+ 次，在 \d+ 處/);
          assert.match(await page.locator('[data-testid=search-results] mark').first().innerText(), /^行政複議$/);
        }
      }
      assert.equal(counts[0], counts[1], `${file}: ${counts}`);
      assert.equal(counts[2], counts[3], `${file}: ${counts}`);
      await page.context().close();
    }
  });

  test('survives a reload through the URL and through the remembered choice', async () => {
    const page = await open(browser, `${server.url}index.html?script=hant&theme=dark#part-2`);
    await page.waitForURL(/index\.hant\.html\?script=hant&theme=dark#part-2$/);
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    // Remembered: the report's address opens in traditional characters.
    await page.goto(`${server.url}index.html?q=${encodeURIComponent('复议')}`);
    await page.waitForURL(/index\.hant\.html\?q=/);
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), TITLE_HANT);
    assert.ok(await page.locator('[data-testid=search-results] li').count() > 0, 'the query came along');
    // 简体 goes back, and is remembered in turn.
    await page.click('[data-script-choice=hans]');
    await page.waitForURL(/index\.html\?script=hans$/);
    await page.goto(`${server.url}index.html`);
    await ready(page);
    assert.equal(page.url(), `${server.url}index.html`);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.locator('h1').innerText(), TITLE_HANS);
    // The English page is not sent anywhere: its interface is English.
    await page.goto(`${server.url}index.en.html?script=hant`);
    await ready(page);
    assert.equal(page.url(), `${server.url}index.en.html?script=hant`);
    // (A page left for another stops its own loads: those are not errors.)
    assert.deepEqual(page.problems.filter((p) => !p.startsWith('requestfailed')), []);
    await page.context().close();
  });

  test('works in the offline file from file://', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
    await context.addInitScript(watchCsp);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(join(DIST, 'report.hant.html')).href);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
    assert.equal(await page.locator('h1').innerText(), TITLE_HANT);
    assert.equal(await simplifiedLeft(page), '');
    assert.match(await tip(page, 'chart-reconsideration'), /來源/);
    await page.fill('#search-q', '行政复议');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=search-results] li').length > 0);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an embedded chart in traditional characters', async () => {
    for (const url of ['index.hant.html?embed=1&chart=chart-court-cases', 'index.html?embed=1&chart=chart-court-cases&script=hant']) {
      const page = await open(browser, `${server.url}${url}`, { init: watchCsp });
      await page.waitForURL(/index\.hant\.html/);
      await ready(page);
      assert.equal(await page.getAttribute('html', 'data-scope'), 'chart');
      const figure = page.locator('figure#chart-court-cases');
      assert.ok(await figure.isVisible());
      assert.match(await figure.locator('figcaption').innerText(), /即墨法院受理行政類案件/);
      assert.equal(await page.locator('#h-part-1').isVisible(), false);
      assert.match(await tip(page, 'chart-court-cases'), /來源/);
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      await page.context().close();
    }
  });

  test('axe-core finds no WCAG 2.2 A/AA violation on the page in traditional characters, tools and a menu open', async () => {
    const page = await open(browser, `${server.url}index.hant.html`);
    await ready(page);
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 375, height: 667 });
    await page.click('[data-testid=tools-toggle] > summary');
    assert.deepEqual(await axeViolations(page), [], 'tools open');
    await page.keyboard.press('Escape');
    await page.click('#part-1 > .sec-menu > summary');
    assert.deepEqual(await axeViolations(page), [], 'section menu open');
    await page.context().close();
  });

});
