// Screenshots of the built site as readers see it, to look at before
// calling layout work done: phones of 360, 375 and 414 px and a 1280 px
// screen, standard and 特大 text, light and dark; each with the page as it
// opens, the tools open, a section's menu and a chart's menu; the page in
// traditional characters on a phone; and the printed page (PDF). Nothing
// is asserted here (the end-to-end tests do that): these are for eyes.
//
// Usage: node tools/screenshots.mjs SITE OUT   (SITE: a built site such
// as dist/; OUT: where the PNGs and the PDF go). Run by `make screenshots`;
// the server and Chromium are the end-to-end tests' (`tests/e2e/lib.mjs`).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve } from '../tests/e2e/lib.mjs';

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error('usage: node tools/screenshots.mjs SITE OUT');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const server = await serve(site);
const { url } = server;
const browser = await launch();

/** Opens `path` of the site at a viewport, once the viewer is ready. */
async function visit(path, width, height, colorScheme) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log(`  console: ${m.text()}`); });
  await page.goto(url + path);
  await page.waitForSelector('html[data-viewer=ready]');
  await page.waitForTimeout(300);
  return page;
}

const SCREENS = [[360, 640], [375, 667], [414, 736], [1280, 900]];
for (const [width, height] of SCREENS) {
  for (const theme of ['light', 'dark']) {
    for (const text of ['standard', 'xlarge']) {
      const name = `${width}-${theme}-${text}`;
      const page = await visit(`?text=${text}`, width, height, theme);
      const top = await page.evaluate(() => Math.round(document.querySelector('.preamble .para').getBoundingClientRect().top));
      console.log(`${name}: the report's first paragraph starts at ${top} px of ${height}`);
      await page.screenshot({ path: join(out, `${name}.png`) });
      const toggle = page.locator('[data-testid=tools-toggle] > summary');
      if (await toggle.isVisible()) {
        await toggle.click();
        await page.screenshot({ path: join(out, `${name}-tools.png`) });
        await page.keyboard.press('Escape');
      }
      await page.locator('#part-1').scrollIntoViewIfNeeded();
      await page.click('#part-1 > .sec-menu > summary');
      await page.screenshot({ path: join(out, `${name}-section-menu.png`) });
      await page.keyboard.press('Escape');
      await page.locator('#chart-court-cases').scrollIntoViewIfNeeded();
      await page.click('#chart-court-cases .chart-menu > summary');
      await page.screenshot({ path: join(out, `${name}-chart-menu.png`) });
      await page.context().close();
    }
  }
}
const hant = await visit('index.hant.html', 375, 667, 'light');
await hant.screenshot({ path: join(out, '375-hant.png') });
await hant.context().close();
const printed = await visit('', 1280, 900, 'light');
await printed.pdf({ path: join(out, 'printed.pdf'), format: 'A4' });
await printed.context().close();
console.log(`screenshots in ${out}`);
await browser.close();
server.close();
