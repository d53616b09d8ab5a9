// From what authors have to a published site: a Word file and a saved
// government page, each imported, built and read in Chromium, with the
// whole text, the table with its merged headings, and the chart made from
// it, each point citing its cell.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appText, launch, open, ready, ROOT, serve } from './lib.mjs';

const TITLE = '某区2024年法治政府建设情况报告';
// Every paragraph of the fixtures (tests/it/import_fixtures.rs makes them).
const LINES = [
  '2024年，某区坚持依法行政，法治政府建设取得新成效。现将有关情况报告如下：',
  '一、主要举措和成效',
  '（一）坚持依法决策，', '制定政府规范性文件2件，出具合法性审查意见1666件，合法性审查率达100%。',
  '（二）规范行政执法。', '全年开展执法培训12期，培训执法人员800人次。',
  '（三）化解行政争议。', '行政复议、行政诉讼案件情况见下表。',
  '表12022—2024年行政案件情况',
  '二、存在问题', '部分执法人员能力有待提高，案件办理质量仍需提升。',
  '特此报告。', '某区人民政府', '2025年1月20日',
];
// What a page's site chrome says; none of it may reach the report.
const CHROME = ['当前位置', '请输入关键字', '主题分类', '浏览次数', '打印本页', '关闭窗口', '分享到', '相关文章', '主办单位', 'ICP备', '网站标识码', '公网安备', '隐藏的统计文字'];

let tmp, browser;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'viewer-import-'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Imports `fixture`, validates and builds it; returns the site's folder and the report. */
function importAndBuild(fixture, name) {
  const report = join(ROOT, 'target/release/report');
  const json = join(tmp, `${name}.json`);
  execFileSync(report, ['import', join(ROOT, fixture), '-o', json], { stdio: ['ignore', 'ignore', 'pipe'] });
  execFileSync(report, ['validate', json]);
  const site = join(tmp, name);
  execFileSync(report, ['build', json, '--out', site, '--viewer', join(ROOT, 'target/viewer')], { stdio: 'ignore' });
  return { site, json: JSON.parse(readFileSync(json, 'utf8')) };
}

async function readsWhole(site, json) {
  const srv = await serve(site);
  try {
    const page = await open(browser, srv.url);
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), TITLE);
    const text = await appText(page);
    for (const line of LINES) assert.ok(text.includes(line.replace(/\s+/g, '')), `missing: ${line}`);
    for (const chrome of CHROME) assert.ok(!text.includes(chrome), `site chrome shown: ${chrome}`);

    // The table with its merged headings, as a screen reader gets it.
    const table = page.locator('.table-wrap table');
    assert.equal(await table.count(), 1);
    assert.match(await table.locator('caption').innerText(), /表1/);
    assert.equal(await table.locator('thead tr').count(), 2);
    const group = table.locator('thead th[scope=colgroup]');
    assert.equal(await group.getAttribute('colspan'), '3');
    assert.match(await group.innerText(), /案件数量/);
    assert.equal(await table.locator('thead th[rowspan="2"]').innerText(), '类别');
    // A cell names its headings: the year, the group above it, its row.
    const cell = table.locator('tbody td', { hasText: '300余' });
    const ids = (await cell.getAttribute('headers')).split(' ');
    const names = [];
    for (const id of ids) names.push(await page.locator(`[id="${id}"]`).innerText());
    assert.deepEqual(names.sort(), ['2023年', '案件数量（件）', '行政复议案件'].sort());

    // Its chart: drawn, every point there, each citing its cell.
    const chart = json.charts[0];
    const fig = page.locator(`figure#${chart.id}`);
    await fig.scrollIntoViewIfNeeded();
    assert.equal(await fig.locator('svg .pt').count(), 6);
    const sources = await fig.locator('.chart-sources').innerText();
    assert.match(sources, /表1 ‘行政诉讼案件’ 案件数量（件） 2022年/);
    assert.ok((await fig.locator(`.chart-sources a[href="#${json.sections[0].sections[2].blocks.find((b) => b.type === 'table').id}"]`).count()) >= 1);
    // The lower bound stays one.
    assert.match(await fig.innerText(), /下限值/);
    assert.deepEqual(page.problems, []);
    return page;
  } finally {
    srv.close();
  }
}

test('a Word file imported and built reads in the browser: text, table, chart', async () => {
  const { site, json } = importAndBuild('tests/fixtures/import/report.docx', 'word');
  assert.equal(json.meta.issuer, '某区人民政府');
  assert.match(json.meta.note, /由标题推断/);
  await readsWhole(site, json);
});

test('a saved government page imported and built reads in the browser, without its chrome', async () => {
  const { site, json } = importAndBuild('tests/fixtures/import/page.html', 'page');
  assert.equal(json.meta.document_number, '某政发〔2025〕3号');
  assert.equal(json.meta.published, '2025-01-21');
  await readsWhole(site, json);
});
