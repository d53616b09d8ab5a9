// 朗读 (read aloud) in real Chromium against the release site: the
// browser's speech synthesis is replaced, before the page's scripts run,
// by a recorder (headless Chromium has no voices), so a test reads what
// the page asked to be said and ends each utterance itself, as an engine
// would when it finishes a sentence.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { axeViolations, browser, bundledReport, clickInMenu, DIST, open, ready, server, useSite } from './lib.mjs';

useSite();

/**
 * The speech engine the page gets: `speechSynthesis` and
 * `SpeechSynthesisUtterance` replaced by a recorder. `window.__speech`
 * holds what was said (`said`: text, lang, rate, voice), how often it was
 * cancelled, the voices offered; `__speech.end()` finishes the utterance
 * being said, `__speech.fail(code)` fails it. Cancelling fails the
 * utterance being said with `interrupted`, late, as Chromium does.
 * `voices` is the list offered; `null` leaves the page without speech
 * synthesis at all. Also records CSP violations in `window.__csp`.
 */
function engine(voices) {
  return `(${(list) => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    if (list === null) {
      delete window.speechSynthesis;
      delete window.SpeechSynthesisUtterance;
      delete Window.prototype.speechSynthesis;
      return;
    }
    class Utterance extends EventTarget {
      constructor(text) {
        super();
        Object.assign(this, { text, lang: '', rate: 1, voice: null, onend: null, onerror: null });
        this.addEventListener('end', (e) => this.onend && this.onend(e));
        this.addEventListener('error', (e) => this.onerror && this.onerror(e));
      }
    }
    const speech = { said: [], cancels: 0, queue: [], voices: list.map((v) => ({ name: v, lang: v, localService: true, default: false, voiceURI: v })) };
    class Synth extends EventTarget {
      getVoices() { return speech.voices.slice(); }
      speak(u) {
        speech.said.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.lang });
        speech.queue.push(u);
      }
      cancel() {
        speech.cancels++;
        const gone = speech.queue.splice(0);
        setTimeout(() => gone.forEach((u) => { const e = new Event('error'); e.error = 'interrupted'; u.dispatchEvent(e); }), 0);
      }
      pause() {}
      resume() {}
    }
    speech.end = () => { const u = speech.queue.shift(); if (u) u.dispatchEvent(new Event('end')); return !!u; };
    speech.fail = (code) => { const u = speech.queue.shift(); const e = new Event('error'); e.error = code; u.dispatchEvent(e); };
    const synth = new Synth();
    speech.synth = synth;
    window.__speech = speech;
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    window.SpeechSynthesisUtterance = Utterance;
  }})(${JSON.stringify(voices)})`;
}

/** Opens the site (or `url`) with the recorder offering `voices`. */
async function openWith(voices = ['zh-CN'], url = server.url) {
  const page = await open(browser, url, { init: { content: engine(voices) } });
  await ready(page);
  return page;
}

/** What was said so far. */
const said = (page) => page.evaluate(() => window.__speech.said.map((s) => s.text));

/** Waits until `n` utterances have been said. */
async function saidCount(page, n) {
  await page.waitForFunction((n) => window.__speech.said.length >= n, n);
}

/** Ends the utterance being said and waits for the next one. */
async function endOne(page) {
  const n = await page.evaluate(() => window.__speech.said.length);
  assert.ok(await page.evaluate(() => window.__speech.end()), 'something was being said');
  await saidCount(page, n + 1);
}

/** The text painted as being said, and the element marked. */
function shown() {
  const h = CSS.highlights.get('reading');
  const marked = [...document.querySelectorAll('[data-reading]')];
  return {
    text: h ? [...h].map(String).join('') : null,
    marked: marked.map((m) => m.id || m.className),
  };
}

/**
 * The sentences of a paragraph as reading says them: cut at 。！？；, and
 * one over 50 characters cut again after its last comma before the 50th
 * (src/state/read.rs, MAX_SENTENCE: network voices stop after about 15 s).
 */
function sentencesOf(text) {
  const out = [];
  for (let s of text.match(/[^。！？；]+[。！？；]*/g).map((x) => x.trim()).filter(Boolean)) {
    for (let chars = [...s]; chars.length > 50; chars = [...s]) {
      let cut = -1;
      for (let i = 8; i < 50; i++) if ('，、：,:'.includes(chars[i])) cut = i;
      if (cut < 0) break;
      out.push(chars.slice(0, cut + 1).join(''));
      s = chars.slice(cut + 1).join('').trim();
    }
    out.push(s);
  }
  return out;
}

/**
 * What reading says for text written for the eye, on the Chinese page
 * (src/state/read.rs, `spoken`): 百分之 before a percentage, 点 for a
 * decimal point, 至 for a range, words for ≈ ≤ ÷ × and + between numbers.
 */
function heard(text) {
  return text
    .replace(/(\d+(?:\.\d+)?)[%％]/g, '百分之$1')
    .replace(/(\d)\.(?=\d)/g, '$1点')
    .replace(/([\d万亿%])[~～〜](?=\d)/g, '$1至')
    .replace(/≈/g, '约').replace(/≤/g, '不超过').replace(/÷/g, '除以').replace(/×/g, '乘以')
    .replace(/\+(?= *[\d(])/g, '加');
}

/** Whether the painted sentence is inside the window. */
function inView() {
  const h = CSS.highlights.get('reading');
  const r = [...h][0].getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight;
}

const report = bundledReport();
const paragraph = (id) => report.sections.flatMap((s) => s.sections).flatMap((s) => s.blocks).find((b) => b.id === id).text;

describe('朗读', () => {
  test('reads the report sentence by sentence from the top, the highlight following', async () => {
    const page = await openWith();
    const before = await page.locator('#p-1-1').evaluate((p) => p.innerHTML);
    assert.ok(await page.locator('[data-testid=read-player]').isHidden());
    await page.click('[data-testid=read-start]');
    await saidCount(page, 1);
    assert.ok(await page.locator('[data-testid=read-player]').isVisible());
    const intro = sentencesOf(report.preamble[0].text);
    const p11 = sentencesOf(paragraph('p-1-1'));
    const expected = [
      report.meta.title,
      ...intro,
      `${report.sections[0].number}${report.sections[0].title}`,
      `${report.sections[0].sections[0].number}${report.sections[0].sections[0].title}`,
      ...p11,
    ];
    for (let i = 0; i < expected.length; i++) {
      const now = await said(page);
      assert.equal(now.length, i + 1);
      assert.equal(now[i], heard(expected[i]), `utterance ${i}`);
      const s = await page.evaluate(shown);
      // The painted text is what is being said, in the page's own text.
      assert.equal(s.text, expected[i]);
      if (i >= expected.length - p11.length) {
        assert.deepEqual(s.marked, ['p-1-1']);
        assert.ok(await page.evaluate(inView), `sentence ${i} in view`);
      }
      await endOne(page);
    }
    // Then the key figures, each with its unit (and qualifier, when not exact).
    assert.equal((await said(page)).at(-1), '纳入重大行政决策事项范围的决策事项：5项。');
    let all = await said(page);
    while (!all.at(-1).startsWith('(四)')) { await endOne(page); all = await said(page); }
    await endOne(page); // its paragraph's first sentence
    while (!all.at(-1).startsWith('配齐配强社区网格力量')) { await endOne(page); all = await said(page); }
    assert.equal(all.at(-1), '配齐配强社区网格力量：2点1万余名（下限值）。');
    const card = await page.evaluate(shown);
    assert.deepEqual(card.marked, ['fig-grid-workers']);
    assert.match(card.text, /2\.1万余名.*配齐配强社区网格力量/);
    // Every voice setting: the page's language, the chosen voice, the normal rate.
    const first = await page.evaluate(() => window.__speech.said[0]);
    assert.deepEqual([first.lang, first.voice, first.rate], ['zh-CN', 'zh-CN', 1]);
    // Reading changed no text: the paragraph is as the build wrote it.
    assert.equal(await page.locator('#p-1-1').evaluate((p) => p.innerHTML), before);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    await page.context().close();
  });

  test('a chart is read as its caption and summary, then its table rows', async () => {
    const page = await openWith();
    await clickInMenu(page.locator('[data-read=section][data-target=part-1-4]'));
    await saidCount(page, 1);
    let all = await said(page);
    while (!all.at(-1).startsWith('图表')) { await endOne(page); all = await said(page); }
    const fig = page.locator('#chart-mediators-2023');
    const title = await fig.locator('.chart-title').innerText();
    const unit = await fig.locator('.chart-unit').innerText();
    assert.equal(all.at(-1), `图表：${title}。${unit}。`);
    const start = all.length - 1;
    const rows = await fig.locator('tbody tr').count();
    // Read on until the last row has been said.
    const marks = [];
    while (!(await page.evaluate(() => window.__speech.said.at(-1).text.startsWith('四级')))) {
      await endOne(page);
      marks.push((await page.evaluate(shown)).marked);
    }
    all = (await said(page)).slice(start);
    const summary = await fig.locator('.chart-summary li').allInnerTexts();
    const rowTexts = all.slice(-rows);
    // The summary, in words, before the rows.
    const summaryAt = all.indexOf(heard(summary[0]));
    assert.ok(summaryAt > 0, `summary said: ${all.join(' | ')}`);
    assert.ok(summaryAt < all.length - rows);
    // Each row with its heading, its column's heading and its value with unit.
    const cells = await fig.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    const series = await fig.locator('thead th').evaluateAll((ths) => ths.map((t) => t.textContent.trim()));
    assert.deepEqual(rowTexts, cells.map((c) => heard(`${c[0]}：${series[1]} ${c[1]}。`)));
    // The table is not shown (the drawing is): the chart is marked, the
    // row is painted.
    assert.deepEqual(marks.at(-1), ['chart-mediators-2023']);
    assert.equal((await page.evaluate(shown)).text.replace(/\s+/g, ''), cells.at(-1).join('').replace(/\s+/g, ''));
    await page.context().close();
  });

  test('pause, continue and stop, by mouse and by keyboard', async () => {
    const page = await openWith();
    await page.focus('[data-testid=read-start]');
    await page.keyboard.press('Enter');
    await saidCount(page, 1);
    // Focus moves into the player, which the status line announces.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.read), 'pause');
    assert.equal(await page.locator('[data-testid=status]').innerText(), '正在朗读');
    await endOne(page);
    const sentence = (await said(page)).at(-1);
    const cancels = await page.evaluate(() => window.__speech.cancels);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('.read-player').dataset.state === 'paused');
    assert.ok(await page.evaluate((c) => window.__speech.cancels > c, cancels), 'paused speech is cancelled');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.read), 'resume');
    assert.ok(await page.locator('[data-testid=read-pause]').isHidden());
    assert.equal(await page.locator('[data-testid=status]').innerText(), '已暂停');
    // The engine's late "interrupted" for the cancelled sentence changes nothing.
    await page.waitForTimeout(50);
    const n = (await said(page)).length;
    assert.equal(await page.evaluate(() => document.querySelector('.read-player').dataset.state), 'paused');
    // The highlight stays on the sentence reading stopped at.
    assert.equal((await page.evaluate(shown)).text, sentence);
    // Continue says that sentence again, then goes on.
    await page.keyboard.press('Enter');
    await saidCount(page, n + 1);
    assert.equal((await said(page)).at(-1), sentence);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.read), 'pause');
    await endOne(page);
    // Speed: the sentence being said starts again at the slower rate, and
    // the choice is remembered.
    const m = (await said(page)).length;
    await page.click('[data-read-speed=slow]');
    await saidCount(page, m + 1);
    const slow = await page.evaluate(() => window.__speech.said.at(-1));
    assert.equal(slow.rate, 0.75);
    assert.equal(slow.text, (await said(page)).at(-2));
    assert.equal(await page.getAttribute('[data-read-speed=slow]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-read-speed=normal]', 'aria-pressed'), 'false');
    // Stop (Escape in the player): the player and the highlight go, focus
    // returns to the button that started reading, nothing more is said.
    await page.focus('[data-testid=read-pause]');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('.read-player').hidden);
    assert.equal(await page.evaluate(() => CSS.highlights.has('reading')), false);
    assert.equal(await page.locator('[data-reading]').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'read-start');
    assert.equal(await page.locator('[data-testid=status]').innerText(), '已停止朗读');
    const total = (await said(page)).length;
    await page.evaluate(() => window.__speech.end());
    await page.waitForTimeout(50);
    assert.equal((await said(page)).length, total);
    // The speed is remembered on the next visit.
    await page.reload();
    await ready(page);
    await page.click('[data-testid=read-start]');
    await page.waitForFunction(() => window.__speech.said.length > 0);
    assert.equal(await page.evaluate(() => window.__speech.said[0].rate), 0.75);
    assert.equal(await page.getAttribute('[data-read-speed=slow]', 'aria-pressed'), 'true');
    await page.click('[data-testid=read-stop]');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('starts from what is in view, and reads to the end', async () => {
    const page = await openWith();
    // A paragraph at the top of the window: reading starts with it.
    await page.locator('#p-1-4').evaluate((p) => window.scrollBy(0, p.getBoundingClientRect().top));
    await page.waitForFunction(() => document.querySelector('nav.toc a[aria-current]')?.getAttribute('href') === '#part-1-4');
    // The button as a toolbar that stays in reach would offer it (a
    // click through Playwright would first scroll the button into view).
    const room = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).paddingBottom));
    const before = await room();
    await page.locator('[data-testid=read-start]').evaluate((b) => b.click());
    await saidCount(page, 1);
    assert.equal((await said(page))[0], heard(sentencesOf(paragraph('p-1-4'))[0]));
    // The end of the page makes room for the player while it shows.
    assert.ok((await room()) > before + 100, 'room for the player');
    await page.locator('[data-testid=read-stop]').click();
    assert.equal(await room(), before);
    await page.evaluate(() => { window.__speech.said = []; });
    // A part's heading at the top: reading starts with it.
    await page.locator('#h-part-3').evaluate((h) => h.scrollIntoView());
    await page.waitForFunction(() => document.querySelector('nav.toc a[aria-current]')?.getAttribute('href').startsWith('#part-3'));
    await page.locator('[data-testid=read-start]').evaluate((b) => b.click());
    await saidCount(page, 1);
    assert.equal((await said(page))[0], heard(`${report.sections[2].number}${report.sections[2].title}`));
    // On to the end: the player goes and says so.
    for (let i = 0; i < 400 && await page.evaluate(() => window.__speech.end()); i++) {
      await page.waitForTimeout(0);
    }
    await page.waitForFunction(() => document.querySelector('.read-player').hidden);
    assert.equal(await page.locator('[data-testid=status]').innerText(), '已读完');
    const last = sentencesOf(report.closing.at(-1).text).at(-1);
    assert.equal((await said(page)).at(-1), heard(last));
    await page.context().close();
  });

  test('hiding the page stops the speech', async () => {
    const page = await openWith();
    await page.click('[data-testid=read-start]');
    await saidCount(page, 1);
    const cancels = await page.evaluate(() => window.__speech.cancels);
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForFunction(() => document.querySelector('.read-player').dataset.state === 'paused');
    assert.ok(await page.evaluate((c) => window.__speech.cancels > c, cancels));
    await page.waitForTimeout(50);
    assert.equal((await said(page)).length, 1);
    await page.context().close();
  });

  test('without a voice for the language, or without speech, the control says so', async () => {
    // Voices, but none for Chinese.
    let page = await openWith(['en-US', 'de-DE']);
    await page.click('[data-testid=read-start]');
    const note = page.locator('[data-testid=read-no-voice]');
    await note.waitFor({ state: 'visible' });
    assert.match(await note.innerText(), /没有中文语音/);
    assert.match(await page.locator('[data-testid=status]').innerText(), /没有中文语音/);
    assert.equal((await said(page)).length, 0);
    assert.ok(await page.locator('[data-testid=read-player]').isHidden());
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();

    // No voices at all: reading waits for them a moment, then says so.
    page = await openWith([]);
    await page.click('[data-testid=read-start]');
    await page.locator('[data-testid=read-no-voice]').waitFor({ state: 'visible' });
    assert.equal((await said(page)).length, 0);
    await page.context().close();

    // Voices that arrive late (`voiceschanged`) are used.
    page = await openWith([]);
    await page.click('[data-testid=read-start]');
    await page.evaluate(() => {
      window.__speech.voices = [{ name: 'm', lang: 'zh-CN', localService: true, default: true, voiceURI: 'm' }];
      window.__speech.synth.dispatchEvent(new Event('voiceschanged'));
    });
    await saidCount(page, 1);
    assert.equal((await said(page))[0], report.meta.title);
    assert.ok(await page.locator('[data-testid=read-no-voice]').isHidden());
    await page.context().close();

    // No speech synthesis in this browser.
    page = await openWith(null);
    await page.click('[data-testid=read-start]');
    await page.locator('[data-testid=read-unsupported]').waitFor({ state: 'visible' });
    assert.match(await page.locator('[data-testid=status]').innerText(), /不支持朗读/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('the English page reads the report in the report\'s language', async () => {
    const page = await openWith(['en-US', 'zh-CN'], `${server.url}index.en.html`);
    assert.equal(await page.locator('[data-testid=read-start]').innerText(), 'Read aloud');
    await clickInMenu(page.locator('[data-read=section][data-target=part-1-1]'));
    await saidCount(page, 1);
    for (let i = 0; i < 8; i++) await endOne(page);
    const all = await page.evaluate(() => window.__speech.said);
    // The report's text in Chinese, by a Chinese voice, its numbers said
    // the Chinese way.
    assert.ok(all.every((s) => s.lang === 'zh-CN' && s.voice === 'zh-CN'));
    assert.ok(all.some((s) => s.text.endsWith('合法性审查率达百分之100。')), all.map((s) => s.text).join(' | '));
    await page.click('[data-testid=read-pause]');
    assert.equal(await page.locator('[data-testid=status]').innerText(), 'Paused');
    await page.context().close();
  });

  test('traditional text gets a Taiwan or Hong Kong voice', async () => {
    const page = await openWith(['zh-CN', 'zh-HK', 'zh-TW']);
    await page.evaluate(() => { document.documentElement.lang = 'zh-Hant'; });
    await page.click('[data-testid=read-start]');
    await saidCount(page, 1);
    const first = await page.evaluate(() => window.__speech.said[0]);
    assert.deepEqual([first.lang, first.voice], ['zh-Hant', 'zh-TW']);
    await page.context().close();
  });

  test('the page in traditional characters reads with a Taiwan voice, else Hong Kong\'s', async () => {
    const hant = JSON.parse(readFileSync(join(DIST, 'index.hant.html'), 'utf8')
      .match(/<script type="application\/json" id="report">([\s\S]*?)<\/script>/)[1]);
    for (const [voices, voice] of [[['zh-CN', 'zh-HK', 'zh-TW'], 'zh-TW'], [['zh-CN', 'zh-HK'], 'zh-HK']]) {
      const page = await openWith(voices, `${server.url}index.hant.html`);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
      await page.click('[data-testid=read-start]');
      await saidCount(page, 1);
      await endOne(page);
      const all = await page.evaluate(() => window.__speech.said);
      assert.equal(all[0].text, hant.meta.title);
      assert.ok(all.every((s) => s.lang === 'zh-Hant' && s.voice === voice), JSON.stringify(all));
      assert.ok(await page.locator('[data-testid=read-no-voice]').isHidden());
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      await page.context().close();
    }
  });

  test('axe-core finds no violation while reading or paused, in every theme', async () => {
    for (const query of ['', '?theme=dark', '?theme=contrast&text=xlarge']) {
      const page = await openWith(['zh-CN'], server.url + query);
      await clickInMenu(page.locator('[data-read=section][data-target=part-1-3]'));
      await saidCount(page, 1);
      for (let i = 0; i < 3; i++) await endOne(page);
      assert.deepEqual(await axeViolations(page), [], `reading ${query}`);
      await page.click('[data-testid=read-pause]');
      assert.deepEqual(await axeViolations(page), [], `paused ${query}`);
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      await page.context().close();
    }
  });

  test('works in the offline file, from file://', async () => {
    const page = await openWith(['zh-CN'], pathToFileURL(join(DIST, 'report.html')).href);
    await page.click('[data-testid=read-start]');
    await saidCount(page, 1);
    assert.equal((await said(page))[0], report.meta.title);
    await endOne(page);
    assert.equal((await page.evaluate(shown)).text, sentencesOf(report.preamble[0].text)[0]);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
