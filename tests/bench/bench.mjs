// `make bench`: the viewer against a plain static HTML page of the same
// content (`report plain`), both served by a real static server and loaded
// in real Chromium in the same run, for the bundled report and for a
// synthetic 1,000-section / 200-chart report (`report synth`; test data,
// not a real report).
//
// For each page, the median of RUNS fresh browser contexts:
//   first paint navigation start → first contentful paint;
//   on page     … → every section and every chart in the document, at a
//               frame (the viewer's page is static HTML: the same nodes);
//   running     … → the viewer started (`data-viewer="ready"`);
//   interactive … → a search typed at once answers: its hits are painted
//               (the static page: its content on the page, as above);
//   expand all  all sections closed, then the expand-all button (the plain
//               page: every <details> opened) → the next frame;
//   keystroke   one more character in the search box → the next frame,
//               over every prefix of the query (the plain page: the
//               browser's own window.find for the same prefix);
//   JS heap     used JS heap after a garbage collection;
//   WASM memory the viewer's linear memory (its Rust heap and stack) after
//               the searches (it never shrinks: the most it used), read
//               from the module's exported memory, which an init script
//               keeps when the glue instantiates it.
// Usage: node bench.mjs DIR  (DIR as `make bench` fills it)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, serve } from '../e2e/lib.mjs';

const DIR = resolve(process.argv[2] || 'target/bench');
const RUNS = Number(process.env.BENCH_RUNS || 5);

const SUBJECTS = [
  { report: 'bundled (Jimo 2024)', key: 'jimo', query: '行政复议' },
  { report: 'synthetic 1,000 sections / 200 charts', key: 'synth', query: '依法行政' },
];
// The targets, as ratios to the static page in the same run, or limits.
const TARGETS = {
  jimo: { paint: 1.05, interactive: 1.3 },
  synth: { interactive: 1.5, expand: 1.2, keystroke: 30, memory: 15 * 1024 * 1024 },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};


async function measure(browser, url, viewer, expect, query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Keep the instance's memory where the benchmark can read it (the glue
  // holds it in module scope); the page itself is not changed.
  await context.addInitScript(() => {
    const keep = (r) => { globalThis.__benchMemory = (r.instance || r).exports?.memory; return r; };
    for (const name of ['instantiateStreaming', 'instantiate']) {
      const f = WebAssembly[name];
      if (f) WebAssembly[name] = (...args) => f.apply(WebAssembly, args).then(keep);
    }
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url, { waitUntil: 'commit' });
  // Every section and chart in the document, at a frame (the viewer's
  // page carries them as static HTML before the WASM runs)…
  const content = await (await page.waitForFunction((expect) => {
    const done = document.querySelectorAll('svg.chart').length >= expect.charts
      && document.querySelectorAll(expect.sectionSelector).length >= expect.sections
      && document.getElementById(expect.last);
    return done ? performance.now() : false;
  }, expect, { polling: 'raf', timeout: 60000 })).jsonValue();
  // …the viewer running…
  const load = viewer ? await (await page.waitForFunction(() => (
    document.documentElement.dataset.viewer === 'ready' ? performance.now() : false
  ), null, { polling: 'raf', timeout: 60000 })).jsonValue() : content;
  // …and answering a search typed at once.
  const interactive = viewer ? await page.evaluate(async (query) => {
    const input = document.querySelector('[data-testid=search] input');
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const hits = () => CSS.highlights?.get('hit')?.size ?? document.querySelectorAll('mark.hit').length;
    while (!hits()) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    const t = performance.now();
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return t;
  }, query) : content;
  const paint = await (await page.waitForFunction(() => (
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false
  ), null, { timeout: 60000 })).jsonValue();

  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');

  // Expand all, from all closed.
  const expand = await page.evaluate(async ([viewer, sel]) => {
    // The next frame after the current work is painted.
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    if (viewer) document.querySelector('[data-testid=collapse-all]').click();
    else document.querySelectorAll('details').forEach((d) => { d.open = false; });
    await frame();
    await frame();
    const t0 = performance.now();
    if (viewer) document.querySelector('[data-testid=expand-all]').click();
    else document.querySelectorAll('details').forEach((d) => { d.open = true; });
    await frame();
    const t = performance.now() - t0;
    const closed = [...document.querySelectorAll(sel)].filter((d) => !d.open).length;
    return { t, closed };
  }, [viewer, expect.sectionSelector]);
  if (expand.closed) throw new Error(`${url}: ${expand.closed} sections still closed after expand-all`);

  // Search keystrokes.
  const keys = await page.evaluate(async ([viewer, query]) => {
    // The next frame after the current work is painted.
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const input = document.querySelector('[data-testid=search] input');
    const out = [];
    for (let i = 1; i <= query.length; i++) {
      const q = query.slice(0, i);
      const t0 = performance.now();
      if (viewer) {
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        window.getSelection().removeAllRanges();
        window.find(q);
      }
      await frame();
      out.push(performance.now() - t0);
    }
    const hits = viewer ? (CSS.highlights?.get('hit')?.size ?? document.querySelectorAll('mark.hit').length) : -1;
    return { out, hits };
  }, [viewer, query]);
  if (viewer && keys.hits === 0) throw new Error(`${url}: the search marked nothing`);
  // Linear memory only grows: its size now is the most the viewer used,
  // search index included.
  const wasm = await page.evaluate(() => globalThis.__benchMemory?.buffer.byteLength ?? 0);
  if (viewer && !wasm) throw new Error(`${url}: the viewer's WASM memory was not found`);
  await context.close();
  return { paint, content, load, interactive, expand: expand.t, keys: keys.out, heap: heap.usedSize, wasm };
}

function expectations(key) {
  // What "all content on the page" means for each report: its section and
  // chart counts, and the last section's id.
  const report = JSON.parse(readFileSync(join(DIR, key === 'jimo' ? 'jimo.json' : 'synth-1000.json'), 'utf8'));
  const sections = [];
  const walk = (ss) => ss.forEach((s) => { sections.push(s.id); walk(s.sections || []); });
  walk(report.sections);
  return { charts: report.charts.length, sections: sections.length, last: sections[sections.length - 1] };
}


const server = await serve(DIR);
const browser = await launch();
const rows = [];
const misses = [];
try {
  for (const s of SUBJECTS) {
    const e = expectations(s.key);
    const pages = {
      viewer: { url: `${server.url}site-${s.key}/`, viewer: true, expect: { ...e, sectionSelector: 'details.sec[id]' } },
      static: { url: `${server.url}plain-${s.key}.html`, viewer: false, expect: { ...e, sectionSelector: 'details[id]' } },
    };
    const result = {};
    for (const [name, p] of Object.entries(pages)) {
      const runs = [];
      // One warm-up run (the server's and the disk's caches), not counted.
      await measure(browser, p.url, p.viewer, p.expect, s.query);
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, p.url, p.viewer, p.expect, s.query));
      result[name] = {
        paint: median(runs.map((r) => r.paint)),
        interactive: median(runs.map((r) => r.interactive)),
        content: median(runs.map((r) => r.content)),
        load: median(runs.map((r) => r.load)),
        expand: median(runs.map((r) => r.expand)),
        keystroke: median(runs.flatMap((r) => r.keys)),
        heap: median(runs.map((r) => r.heap)),
        wasm: median(runs.map((r) => r.wasm)),
      };
    }
    rows.push({ ...s, ...e, result });
    const t = TARGETS[s.key];
    const v = result.viewer;
    const st = result.static;
    const over = (what, got, limit, unit) => { if (got > limit) misses.push(`${s.key}: ${what} ${got.toFixed(2)}${unit} (target ${limit}${unit})`); };
    if (t.paint) over('first paint', v.paint / st.paint, t.paint, '×');
    if (t.interactive) over('interactive', v.interactive / st.content, t.interactive, '×');
    if (t.expand) over('expand all', v.expand / st.expand, t.expand, '×');
    if (t.keystroke) over('keystroke', v.keystroke, t.keystroke, ' ms');
    if (t.memory) over('JS heap + WASM', (v.heap + v.wasm) / 1048576, t.memory / 1048576, ' MB');
  }
} finally {
  await browser.close();
  server.close();
}

const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const mb = (x) => `${(x / 1048576).toFixed(1)} MB`;
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
let md = `Benchmark: median of ${RUNS} runs, Chromium headless, 1280×900, ${new Date().toISOString().slice(0, 10)}\n\n`;
md += '| report | measure | viewer | static page | ratio |\n|---|---|---:|---:|---:|\n';
for (const r of rows) {
  const { viewer: v, static: s } = r.result;
  md += `| ${r.report} | first paint | ${ms(v.paint)} | ${ms(s.paint)} | ${ratio(v.paint, s.paint)} |\n`;
  md += `| | on page (${r.sections} sections, ${r.charts} charts) | ${ms(v.content)} | ${ms(s.content)} | ${ratio(v.content, s.content)} |\n`;
  md += `| | viewer running | ${ms(v.load)} | – | – |\n`;
  md += `| | interactive: a search answers (static page: content on page) | ${ms(v.interactive)} | ${ms(s.content)} | ${ratio(v.interactive, s.content)} |\n`;
  md += `| | expand all | ${ms(v.expand)} | ${ms(s.expand)} | ${ratio(v.expand, s.expand)} |\n`;
  md += `| | search keystroke ("${r.query}") | ${ms(v.keystroke)} | ${ms(s.keystroke)} | ${ratio(v.keystroke, s.keystroke)} |\n`;
  md += `| | JS heap | ${mb(v.heap)} | ${mb(s.heap)} | ${ratio(v.heap, s.heap)} |\n`;
  md += `| | WASM memory (JS heap + WASM: ${mb(v.heap + v.wasm)}) | ${mb(v.wasm)} | – | – |\n`;
}
md += misses.length ? `\nOver target:\n${misses.map((m) => `- ${m}`).join('\n')}\n` : '\nAll targets met.\n';
process.stdout.write(md);
writeFileSync(join(DIR, 'results.md'), md);
writeFileSync(join(DIR, 'results.json'), JSON.stringify(rows, null, 1));
if (misses.length && process.env.BENCH_STRICT) process.exit(1);
