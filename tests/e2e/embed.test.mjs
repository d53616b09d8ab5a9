// Embedding and hosting: the site under a deep sub-path, a partner page on
// another origin embedding the whole report, one section and one chart
// through embed.js, heights kept in sync, settings from allowed origins
// only, no report loaded from an address, and no CSP violation anywhere.
// embed.js frames only this viewer (its own directory, or the same path on
// an origin the build lists), clamps heights and passes on only the events
// it knows; partners can pin it by name and integrity (SRI).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, launch, ROOT, serve } from './lib.mjs';

const SUBPATH = 'zwgk/fzzf/2024/report/';
let tmp, viewerSrv, partnerSrv, strangerSrv, browser, viewerUrl, mirrorUrl, phishing;

/**
 * A page on another origin that embeds three views through embed.js, and
 * holders that a hostile author slipped past the partner's sanitiser
 * (`phishing`: id → address), none of which may become a frame.
 */
function partnerPage(viewerBase, hostile = {}) {
  const holders = Object.entries(hostile)
    .map(([id, href]) => `<div id="${id}" data-report-viewer="${href}"></div>`)
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner portal</title></head>
<body style="margin:0">
<h1>Partner portal</h1>
<div id="whole" data-report-viewer="${viewerBase}" data-title="Whole report"></div>
<div id="section" data-report-viewer="${viewerBase}?section=part-1-3" data-title="One section"></div>
<div id="chart" data-report-viewer="${viewerBase}?chart=chart-court-cases" data-title="One chart"></div>
${holders}
<script>
  window.__events = [];
  for (const id of ['whole', 'section', 'chart']) {
    for (const t of ['report-viewer:ready', 'report-viewer:applied', 'report-viewer:height', 'report-viewer:evil', 'click']) {
      document.getElementById(id).addEventListener(t, (e) =>
        window.__events.push([id, t, e.detail, e.currentTarget.querySelector('iframe')?.height]));
    }
  }
  window.__pym = [];
  window.addEventListener('message', (e) => { if (typeof e.data === 'string' && e.data.startsWith('pym')) window.__pym.push(e.data); });
</script>
<script src="${viewerBase}embed.js"></script>
</body></html>`;
}

/** Collects CSP violations in every frame of every page of `context`. */
async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function cspViolations(page) {
  const out = [];
  for (const f of page.frames()) {
    try { out.push(...(await f.evaluate(() => window.__csp || []))); } catch { /* frame gone */ }
  }
  return out;
}

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'viewer-embed-'));
  const [vp, pp, sp] = [await freePort(), await freePort(), await freePort()];
  const partnerOrigin = `http://127.0.0.1:${pp}`;
  const strangerOrigin = `http://127.0.0.1:${sp}`;
  // The bundled report, allowing the partner (not the stranger) to send settings.
  const report = JSON.parse(readFileSync(join(ROOT, 'public/reports/jimo-2024.json'), 'utf8'));
  report.viewer = { embed_origins: [partnerOrigin] };
  const reportPath = join(tmp, 'report.json');
  writeFileSync(reportPath, JSON.stringify(report));
  const site = join(tmp, 'viewer-root', SUBPATH);
  mkdirSync(site, { recursive: true });
  // The stranger's origin serves a mirror of the site at the same path,
  // which the build lets embed.js frame too.
  execFileSync(join(ROOT, 'target/release/report'), ['build', reportPath, '--out', site, '--viewer', join(ROOT, 'target/viewer'),
    '--embed-allow-origin', strangerOrigin], { stdio: 'ignore' });
  // A second report on the viewer's own origin, for ?report=.
  const other = JSON.parse(JSON.stringify(report));
  other.meta.title = '同源的另一份报告(测试)';
  writeFileSync(join(site, 'other.json'), JSON.stringify(other));
  // An upload area on the viewer's origin, with a look-alike page.
  mkdirSync(join(tmp, 'viewer-root', 'upload'));
  writeFileSync(join(tmp, 'viewer-root', 'upload', 'notice.html'), '<!DOCTYPE html><title>PHISHING</title><p>PHISHING</p>');
  viewerSrv = await serve(join(tmp, 'viewer-root'), vp);
  viewerUrl = `${viewerSrv.url}${SUBPATH}`;
  mirrorUrl = `${strangerOrigin}/${SUBPATH}`;
  phishing = {
    'other-origin': `${partnerOrigin}/${SUBPATH}`,
    'upload': `${viewerSrv.url}upload/notice.html`,
    'upload-relative': `${viewerUrl}../../../../upload/notice.html`,
    'sibling-file': `${viewerUrl}other.json`,
    'subdirectory': `${viewerUrl}sub/`,
    'credentials': viewerUrl.replace('http://', 'http://user:pass@'),
    'script-url': 'javascript:alert(1)',
  };
  mkdirSync(join(tmp, 'partner'));
  writeFileSync(join(tmp, 'partner', 'index.html'),
    partnerPage(viewerUrl, { ...phishing, mirror: `${mirrorUrl}?chart=chart-court-cases` }));
  writeFileSync(join(tmp, 'partner', 'forged.json'), JSON.stringify({ ...other, meta: { ...other.meta, title: 'FORGED-REPORT-TITLE' } }));
  partnerSrv = await serve(join(tmp, 'partner'), pp);
  mkdirSync(join(tmp, 'stranger'));
  writeFileSync(join(tmp, 'stranger', 'index.html'), partnerPage(viewerUrl));
  cpSync(site, join(tmp, 'stranger', SUBPATH), { recursive: true });
  strangerSrv = await serve(join(tmp, 'stranger'), sp);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of [viewerSrv, partnerSrv, strangerSrv]) s?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Waits until the iframe in holder `id` is as tall as its content. */
async function heightsMatch(page, id) {
  const frameEl = page.locator(`#${id} iframe`);
  const frame = await (await frameEl.elementHandle()).contentFrame();
  await frame.waitForSelector('html.viewer-ready', { timeout: 20000 });
  let last;
  for (let i = 0; i < 100; i++) {
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const box = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
    last = [content, box];
    if (Math.abs(content - box) <= 3) return { frame, content };
    await page.waitForTimeout(100);
  }
  assert.fail(`#${id}: iframe ${last[1]}px, content ${last[0]}px`);
}

describe('hosting under a deep sub-path', () => {
  test('the site works from /zwgk/fzzf/2024/report/ with its CSP and no violation', async () => {
    const context = await browser.newContext();
    await watchCsp(context);
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
    await page.goto(viewerUrl);
    await page.waitForSelector('html.viewer-ready', { timeout: 20000 });
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.ok(csp && !csp.includes('unsafe-inline') && !/'unsafe-eval'/.test(csp) && csp.includes("'wasm-unsafe-eval'"), csp);
    assert.equal(await page.locator('figure.chart .chart-svg > svg').count(), 5);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('each section and chart offers embed code pointing at this page', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(viewerUrl);
    await page.waitForSelector('html.viewer-ready', { timeout: 20000 });
    const chartEmbed = page.locator('figure#chart-court-cases [data-testid=embed-code]');
    // In the chart's menu (下载与分享).
    await page.locator('figure#chart-court-cases .chart-menu > summary').click();
    await chartEmbed.locator('summary').click();
    // The snippets are made when the disclosure opens (its toggle event).
    await chartEmbed.locator('textarea').nth(1).waitFor();
    const [script, iframe] = await chartEmbed.locator('textarea').allTextContents();
    assert.ok(script.includes(`data-report-viewer="${viewerUrl}index.html?chart=chart-court-cases"`) ||
      script.includes(`data-report-viewer="${viewerUrl}?chart=chart-court-cases"`), script);
    assert.ok(iframe.includes('embed=1&amp;chart=chart-court-cases') && iframe.includes('loading="lazy"'), iframe);
    assert.ok((await page.locator('#part-1-3 [data-testid=embed-code]').count()) >= 1);
    // The script is pinned: its hashed name, the integrity of exactly that
    // file, and CORS, which integrity needs across origins.
    const m = script.match(/<script src="([^"]+)" integrity="(sha384-[^"]+)" crossorigin="anonymous" async><\/script>/);
    assert.ok(m, script);
    const [, src, integrity] = m;
    assert.match(src, new RegExp(`^${viewerUrl}embed-[0-9a-f]{16}\\.js$`));
    const bytes = Buffer.from(await (await fetch(src)).arrayBuffer());
    assert.equal(`sha384-${createHash('sha384').update(bytes).digest('base64')}`, integrity);
    // The stable name serves the same file.
    assert.ok(bytes.equals(Buffer.from(await (await fetch(`${viewerUrl}embed.js`)).arrayBuffer())));
    await page.context().close();
  });

  test('no address makes the page show another report (?report= is not read)', async () => {
    const context = await browser.newContext();
    await watchCsp(context);
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (r) => fetched.push(r.url()));
    for (const other of ['other.json', partnerSrv.url + 'forged.json']) {
      await page.goto(`${viewerUrl}?report=${encodeURIComponent(other)}`);
      await page.waitForSelector('html.viewer-ready', { timeout: 20000 });
      assert.equal(await page.locator('h1').innerText(), '青岛市即墨区2024年法治政府建设情况报告');
    }
    assert.deepEqual(fetched.filter((u) => new URL(u).pathname.endsWith('.json')), []);
    assert.ok(!(await page.content()).includes('FORGED-REPORT-TITLE'));
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });
});

describe('a partner page on another origin', () => {
  test('embeds the report, a section and a chart, each as tall as its content', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 3000 } });
    await watchCsp(context);
    const page = await context.newPage();
    await page.goto(partnerSrv.url);
    for (const id of ['whole', 'section', 'chart']) {
      const iframe = page.locator(`#${id} iframe`);
      assert.equal(await iframe.getAttribute('loading'), 'lazy');
      assert.ok((await iframe.getAttribute('title')).length > 0);
      await heightsMatch(page, id);
    }
    // What a reader sees: the headings shown, the charts shown.
    const headings = (frame) => frame.evaluate(() => [...document.querySelectorAll('details.sec > summary')]
      .filter((s) => s.getClientRects().length > 0).map((s) => s.parentElement.id));
    const { frame: section } = await heightsMatch(page, 'section');
    assert.deepEqual(await headings(section), ['part-1-3'], 'only that section');
    assert.equal(await section.locator('.toc:visible, .toolbar .download:visible, .display:visible').count(), 0, 'no page chrome');
    const { frame: chart } = await heightsMatch(page, 'chart');
    assert.equal(await chart.locator('figure.chart:visible').count(), 1);
    assert.deepEqual(await headings(chart), []);
    assert.ok(await chart.locator('figure.chart:visible .chart-sources').isVisible());
    // Collapsing the section shrinks the frame to fit.
    const before = (await heightsMatch(page, 'section')).content;
    await section.click('#part-1-3 > summary');
    await page.waitForFunction(() => true);
    let after = before;
    for (let i = 0; i < 50 && after >= before - 50; i++) {
      await page.waitForTimeout(100);
      after = (await heightsMatch(page, 'section')).content;
    }
    assert.ok(after < before - 50, `section frame shrank from ${before} to ${after}`);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  test('settings from an allowed origin apply and are answered; others are ignored', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 3000 } });
    const page = await context.newPage();
    await page.goto(partnerSrv.url);
    const { frame } = await heightsMatch(page, 'chart');
    await page.evaluate(() => window.ReportViewer.send(document.getElementById('chart'), { theme: 'dark', text: 'large', lang: 'en' }));
    await page.waitForFunction(() => window.__events.some(([id, t]) => id === 'chart' && t === 'report-viewer:applied'));
    const applied = await page.evaluate(() => window.__events.find(([id, t]) => id === 'chart' && t === 'report-viewer:applied')[2]);
    assert.deepEqual({ theme: applied.theme, text: applied.text, lang: applied.lang }, { theme: 'dark', text: 'large', lang: 'en' });
    const frame2 = await (await page.locator('#chart iframe').elementHandle()).contentFrame();
    assert.equal(await frame2.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await frame2.evaluate(() => document.documentElement.dataset.text), 'large');
    // Another language is that language's page, opened in the frame.
    assert.match(await frame2.locator('figure.chart:visible figcaption').innerText(), /Unit:/);
    assert.ok(frame);

    const stranger = await context.newPage();
    await stranger.goto(strangerSrv.url);
    const s = await heightsMatch(stranger, 'chart');
    await stranger.evaluate(() => window.ReportViewer.send(document.getElementById('chart'), { theme: 'dark' }));
    await stranger.waitForTimeout(1500);
    assert.equal(await stranger.evaluate(() => window.__events.filter(([, t]) => t === 'report-viewer:applied').length), 0);
    assert.notEqual(await s.frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await context.close();
  });

  test('a host asks for traditional characters: the frame opens that page and says so', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 3000 } });
    await watchCsp(context);
    const page = await context.newPage();
    await page.goto(partnerSrv.url);
    await heightsMatch(page, 'chart');
    await page.evaluate(() => window.ReportViewer.send(document.getElementById('chart'), { script: 'hant' }));
    await page.waitForFunction(() => window.__events.some(([id, t]) => id === 'chart' && t === 'report-viewer:applied'));
    const applied = await page.evaluate(() => window.__events.find(([id, t]) => id === 'chart' && t === 'report-viewer:applied')[2]);
    assert.deepEqual({ lang: applied.lang, script: applied.script }, { lang: 'zh', script: 'hant' });
    const frame = await (await page.locator('#chart iframe').elementHandle()).contentFrame();
    assert.match(frame.url(), /index\.hant\.html\?.*chart=chart-court-cases/);
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'zh-Hant');
    assert.match(await frame.locator('figure.chart:visible figcaption').innerText(), /即墨法院受理行政類案件[\s\S]*單位/);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  test('frames only this viewer: other origins, paths and schemes stay holders', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 3000 } });
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(partnerSrv.url);
    await heightsMatch(page, 'chart');
    for (const id of Object.keys(phishing)) {
      assert.equal(await page.locator(`#${id} iframe`).count(), 0, `${id}: ${phishing[id]} was framed`);
    }
    assert.equal(page.frames().filter((f) => /notice|PHISH/.test(f.url())).length, 0);
    assert.equal(warnings.filter((w) => w.includes('not framed')).length, Object.keys(phishing).length, warnings.join('\n'));
    // The same path on an origin the build listed is this viewer too.
    assert.equal(await page.locator('#mirror iframe').count(), 1);
    assert.ok((await page.locator('#mirror iframe').getAttribute('src')).startsWith(`${mirrorUrl}?chart=`));
    await context.close();
  });

  test('clamps heights and passes on only the events it knows, only from its frame', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 3000 } });
    const page = await context.newPage();
    await page.goto(partnerSrv.url);
    const { frame } = await heightsMatch(page, 'chart');
    const seen = () => page.evaluate(() => window.__events.filter(([id]) => id === 'chart'));
    const readies = async () => (await seen()).filter(([, t]) => t === 'report-viewer:ready').length;
    const before = await readies();
    // The page itself posing as the frame is not the frame.
    await page.evaluate(() => window.postMessage({ type: 'report-viewer:ready' }, '*'));
    // The frame (its window and origin) sends what the viewer never sends.
    await frame.evaluate(() => {
      parent.postMessage({ type: 'report-viewer:height', height: 500000 }, '*');
      parent.postMessage({ type: 'report-viewer:height', height: 1e9 }, '*');
      parent.postMessage({ type: 'report-viewer:height', height: 'Infinity' }, '*');
      parent.postMessage({ type: 'report-viewer:evil', height: 5 }, '*');
      parent.postMessage({ type: 'click' }, '*');
      parent.postMessage({ type: 'report-viewer:ready', extra: 'x'.repeat(100) }, '*');
    });
    // Messages arrive in order: the last one seen means all were handled.
    await page.waitForFunction((n) => window.__events.filter(([id, t]) => id === 'chart' && t === 'report-viewer:ready').length > n, before);
    const events = await seen();
    assert.equal(await readies(), before + 1, 'only the frame\'s own ready');
    assert.deepEqual(events.filter(([, t]) => t === 'report-viewer:evil' || t === 'click'), []);
    const heights = events.filter(([, t]) => t === 'report-viewer:height');
    assert.ok(heights.some(([, , d, h]) => d.height === 100000 && h === '100000'), JSON.stringify(heights));
    assert.ok(heights.every(([, , d, h]) => d.height <= 100000 && Number(h) <= 100000), JSON.stringify(heights));
    const ready = events.filter(([, t]) => t === 'report-viewer:ready').at(-1)[2];
    assert.deepEqual(ready, { type: 'report-viewer:ready' }, 'only the fields it knows');
    await context.close();
  });

  test('a partner page pinning embed.js by name and integrity embeds the report', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 3000 } });
    await watchCsp(context);
    // What the README asks of the server: CORS on the embed script.
    await context.route('**/embed-*.js', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    const page = await context.newPage();
    await page.goto(viewerUrl);
    await page.waitForSelector('html.viewer-ready', { timeout: 20000 });
    const chartEmbed = page.locator('figure#chart-court-cases [data-testid=embed-code]');
    // In the chart's menu (下载与分享).
    await page.locator('figure#chart-court-cases .chart-menu > summary').click();
    await chartEmbed.locator('summary').click();
    const snippet = await chartEmbed.locator('textarea').first().inputValue();
    writeFileSync(join(tmp, 'partner', 'pinned.html'),
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pinned</title></head><body>${snippet}</body></html>`);
    await page.goto(`${partnerSrv.url}pinned.html`);
    await page.waitForSelector('[data-report-viewer] iframe');
    const frame = await (await page.locator('[data-report-viewer] iframe').elementHandle()).contentFrame();
    await frame.waitForSelector('html.viewer-ready', { timeout: 20000 });
    assert.equal(await frame.locator('figure.chart:visible').count(), 1);
    // A file that is not the pinned one is refused.
    writeFileSync(join(tmp, 'partner', 'tampered.html'),
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tampered</title></head><body>${snippet.replace(/sha384-[^"]+/, `sha384-${createHash('sha384').update('other').digest('base64')}`)}</body></html>`);
    await page.goto(`${partnerSrv.url}tampered.html`);
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('[data-report-viewer] iframe').count(), 0);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  test('speaks pym.js height messages when a pym.js parent gives a childId', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(partnerSrv.url);
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.appendChild(f);
    }, `${viewerUrl}?embed=1&chart=chart-reconsideration&childId=pymchart`);
    await page.waitForFunction(() => window.__pym.some((m) => /^pymxPYMxpymchartxPYMxheightxPYMx\d+$/.test(m)), null, { timeout: 20000 });
    await context.close();
  });
});
