// Shared helpers for the end-to-end tests: a real static HTTP server, real
// Chromium, and the report's source text.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Serves `dir` with Python's static file server; resolves once it answers. */
export async function serve(dir, fixedPort) {
  const port = fixedPort || await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, close: () => proc.kill() };
}

/** The release site's server and the browser, once `useSite` has started them. */
export let server;
/** See `server`. */
export let browser;

/**
 * Serves `dir` (the release site) and launches Chromium before a test
 * file's tests, and closes both after them; `server` and `browser` are
 * live bindings, set once `before` has run.
 */
export function useSite(dir = DIST) {
  before(async () => {
    server = await serve(dir);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}

/**
 * Every Content-Security-Policy or Trusted Types violation any page or
 * frame of any browser from `launch` logs, in every test of every file
 * (the pages enforce both: a violation is a feature that broke). A test
 * that provokes one on purpose says so with `allowCspViolations`.
 */
const cspViolations = [];
const cspAllowed = new WeakSet();
const CSP_MESSAGE = /Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript/i;

/** Lets `context` violate the policy (a test of the policy itself). */
export function allowCspViolations(context) {
  cspAllowed.add(context);
}

function watchCsp(context) {
  context.on('console', (m) => {
    if (m.type() === 'error' && CSP_MESSAGE.test(m.text()) && !cspAllowed.has(context)) {
      cspViolations.push(`${m.page()?.url() ?? '?'}: ${m.text()}`);
    }
  });
  context.on('weberror', (e) => {
    if (CSP_MESSAGE.test(String(e.error())) && !cspAllowed.has(context)) {
      cspViolations.push(`${e.page()?.url() ?? '?'}: ${e.error()}`);
    }
  });
  return context;
}

afterEach(() => {
  const seen = cspViolations.splice(0);
  assert.deepEqual(seen, [], 'no CSP or Trusted Types violation');
});

/**
 * Launches Debian's Chromium headless with the flags this machine needs;
 * each context it makes is watched for policy violations.
 */
export async function launch() {
  const b = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const newContext = b.newContext.bind(b);
  b.newContext = async (options) => watchCsp(await newContext(options));
  b.newPage = async (options) => {
    const context = await b.newContext(options);
    const page = await context.newPage();
    // As Playwright's own newPage: closing the page closes its context.
    page.on('close', () => context.close().catch(() => {}));
    return page;
  };
  return b;
}

/**
 * Opens `url` in a new page and collects console errors, page errors and
 * failed requests into `page.problems`. `init` (a function) runs first in
 * every document; other options go to the browser context.
 */
export async function open(browser, url, { init, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // A script to run in every document before the page's own.
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => page.problems.push(`requestfailed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) page.problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  return page;
}

/** Waits until the WASM viewer has mounted (it marks <html>). */
export async function ready(page) {
  await page.waitForSelector('html.viewer-ready', { timeout: 20000 });
}

/** The report's source lines, without the website's search-box line. */
export function sourceLines() {
  const text = readFileSync(join(ROOT, 'tests/fixtures/source/jimo-2024.txt'), 'utf8');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines[0] !== '请输入检索词') throw new Error('unexpected source text');
  return lines.slice(1);
}

/** The pieces a reader must find on the page for one source line. */
export function expectedPieces(line) {
  // A subsection line is a run-in heading "(一)标题。" followed by its
  // paragraph; the page shows them as a heading and a paragraph.
  const m = line.match(/^(\([一二三四五六七八九十]+\))(.*?。)(.*)$/);
  return m ? [m[1] + m[2], m[3]] : [line];
}

/** The bundled report JSON. */
export function bundledReport() {
  return JSON.parse(readFileSync(join(ROOT, 'public/reports/jimo-2024.json'), 'utf8'));
}

/** The text of the page's #app element with white space removed. */
export async function appText(page) {
  const t = await page.evaluate(() => document.getElementById('app').textContent);
  return t.replace(/\s+/g, '');
}

/**
 * The texts of the search hits shown in the report text, in the page: the
 * ranges the viewer registered with the CSS Custom Highlight API, or, in a
 * browser without it, its `<mark class="hit">` elements.
 */
export function hitTexts() {
  const h = globalThis.CSS?.highlights?.get('hit');
  return h ? [...h].map(String) : [...document.querySelectorAll('mark.hit')].map((m) => m.textContent);
}
