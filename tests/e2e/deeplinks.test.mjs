// Deep links into collapsed sections, and reading state kept in the URL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, open, ready, server, useSite } from './lib.mjs';

useSite();

const isOpen = (page, id) => page.evaluate((id) => document.getElementById(id).open, id);
const inView = (page, id) => page.evaluate((id) => {
  const r = document.getElementById(id).getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.top < innerHeight;
}, id);

test('a link into a collapsed subsection opens it and scrolls there', async () => {
  const page = await open(browser, `${server.url}?closed=part-3,part-3-2,part-1#p-3-2`);
  await ready(page);
  assert.equal(await isOpen(page, 'part-3'), true);
  assert.equal(await isOpen(page, 'part-3-2'), true);
  assert.equal(await isOpen(page, 'part-1'), false, 'other closed sections stay closed');
  await page.waitForFunction(() => {
    const r = document.getElementById('p-3-2').getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  });
  assert.deepEqual(page.problems, []);
});

test('changing the hash later opens the sections around a key figure', async () => {
  const page = await open(browser, server.url);
  await ready(page);
  await page.click('[data-testid=collapse-all]');
  await page.waitForFunction(() => [...document.querySelectorAll('details.sec')].every((d) => !d.open));
  await page.evaluate(() => { location.hash = '#fig-trainees'; });
  await page.waitForFunction(() => document.getElementById('part-3-1').open);
  assert.equal(await isOpen(page, 'part-3'), true);
  assert.ok(await inView(page, 'fig-trainees'));
});

test('a copied URL reopens the same sections', async () => {
  const page = await open(browser, server.url);
  await ready(page);
  await page.click('#part-2 > summary');
  await page.waitForFunction(() => location.search.includes('closed=part-2'));
  const url = page.url();
  const copy = await open(browser, url);
  await ready(copy);
  assert.equal(await isOpen(copy, 'part-2'), false);
  assert.equal(await isOpen(copy, 'part-1'), true);
  // Opening it again takes it out of the URL.
  await copy.click('#part-2 > summary');
  await copy.waitForFunction(() => !location.search.includes('closed='));
  assert.deepEqual(copy.problems, []);
});
