// From a text file to a published site: import, build, read in Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appText, launch, open, ready, ROOT, serve } from './lib.mjs';

let tmp, browser;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'viewer-author-'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('a text imported and built reads in the browser, every paragraph and heading', async () => {
  const report = join(ROOT, 'target/release/report');
  const json = join(tmp, 'report.json');
  execFileSync(report, ['import', join(ROOT, 'tests/fixtures/import/other-shape.txt'), '-o', json,
    '--issuer', '某县人民政府', '--region', '某县', '--period', '2025年'], { stdio: ['ignore', 'ignore', 'pipe'] });
  execFileSync(report, ['validate', json]);
  const site = join(tmp, 'site');
  execFileSync(report, ['build', json, '--out', site, '--viewer', join(ROOT, 'target/viewer')], { stdio: 'ignore' });
  const srv = await serve(site);
  try {
    const page = await open(browser, srv.url);
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), '某县2025年政务公开工作情况报告');
    const text = await appText(page);
    const source = readFileSync(join(ROOT, 'tests/fixtures/import/other-shape.txt'), 'utf8')
      .split('\n').map((l) => l.trim()).filter((l) => l && !['请输入检索词', '打印本页', '某县2025年政务公开工作情况报告'].includes(l));
    for (const line of source) assert.ok(text.includes(line.replace(/\s+/g, '')), `missing: ${line}`);
    // Key figures read from the text say where they came from.
    const card = page.locator('[data-testid=figure]', { hasText: '3000余' });
    assert.match(await card.textContent(), /下限值/);
    assert.deepEqual(page.problems, []);
  } finally {
    srv.close();
  }
});
