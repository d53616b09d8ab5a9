//! Reading the report aloud, as plain decisions the browser layer
//! (`crate::enhance::read`) acts on: where sentences end, what each
//! readable part of the page is said as (a heading whole, running text
//! sentence by sentence, a key figure with its unit and qualifier, a
//! chart's caption, then its summary and table rows), what is said for
//! signs written for the eye (`2~3个月`), which of the browser's voices
//! speaks a language, and where reading stands.
//!
//! The browser reads each piece's text from the page as shown (so a page
//! in traditional characters is read as shown) and speaks; nothing here
//! touches the DOM, so all of it is tested natively.

use report_format::Lang;

/// Marks that end a sentence (ASCII `.` is decided apart: see [`ends_at`]).
const ENDS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '…', '⋯'];

/// Closing quotes and brackets that belong to the sentence they follow.
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '】', '》', '"', '\''];

/// Quotes inside which a sentence does not end: `他说:“好。再见。”` is one
/// sentence.
const QUOTES: [(char, char); 4] = [('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』')];

/// Where a long sentence may be cut: after a comma, enumeration comma or
/// colon, where a reader pauses anyway.
const SOFT: &[char] = &['，', '、', '：', ',', ':'];

/// A sentence longer than this (in characters) is cut at its last comma
/// before the limit. Chromium stops a network voice about 15 seconds into
/// an utterance and never says it ended; 50 characters of Chinese take
/// about 10 seconds at the normal rate and 14 at 慢. Reports write longer
/// sentences (in the bundled report 17 of the first part's 94 are), and
/// a short highlight is easier to follow.
pub const MAX_SENTENCE: usize = 50;

/// Whether the character at `i` ends a sentence. ASCII `.` does only
/// before white space, the end, another `.` or a closing mark, so numbers
/// (`2.1万`, `v2.0`) stay whole.
fn ends_at(chars: &[(usize, char)], i: usize) -> bool {
    match chars[i].1 {
        '.' => chars
            .get(i + 1)
            .is_none_or(|&(_, n)| n.is_whitespace() || n == '.' || CLOSERS.contains(&n)),
        c => ENDS.contains(&c),
    }
}

/// The sentences of `text`, as byte ranges without surrounding white
/// space: each ends after its end marks (`。`, `！`, `？`, `；`, `…` and
/// their ASCII forms) and the closing quotes or brackets that follow
/// them; no sentence ends inside quotes that close later; a line break
/// ends one too. Runs without words (a lone `……`) join the sentence
/// before them, and a sentence over [`MAX_SENTENCE`] characters is cut
/// at commas.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    // Closing quotes still ahead, by kind: an opening quote that is never
    // closed must not swallow the rest of the text.
    let mut ahead = [0usize; QUOTES.len()];
    for &(_, c) in &chars {
        if let Some(k) = QUOTES.iter().position(|q| q.1 == c) {
            ahead[k] += 1;
        }
    }
    let mut depth = [0usize; QUOTES.len()];
    let mut cuts = vec![0];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if let Some(k) = QUOTES.iter().position(|q| q.0 == c) {
            if ahead[k] > depth[k] {
                depth[k] += 1;
            }
        } else if c == '\n' {
            cuts.push(byte(i));
        } else if ends_at(&chars, i) {
            let mut j = i + 1;
            while j < chars.len() && ends_at(&chars, j) {
                j += 1;
            }
            while j < chars.len() && CLOSERS.contains(&chars[j].1) {
                close(chars[j].1, &mut ahead, &mut depth);
                j += 1;
            }
            if depth.iter().all(|&d| d == 0) {
                cuts.push(byte(j));
            }
            i = j;
            continue;
        } else {
            close(c, &mut ahead, &mut depth);
        }
        i += 1;
    }
    cuts.push(text.len());
    let mut out: Vec<(usize, usize)> = Vec::new();
    for w in cuts.windows(2) {
        let Some((s, e)) = trimmed(text, w[0], w[1]) else {
            continue;
        };
        match out.last_mut() {
            // Nothing to say: it belongs with the sentence before.
            Some(last) if !has_words(&text[s..e]) => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    let mut cut = Vec::with_capacity(out.len());
    for r in out {
        cut_long(text, r, &mut cut);
    }
    cut
}

/// A closing quote: one fewer ahead, one level out.
fn close(c: char, ahead: &mut [usize], depth: &mut [usize]) {
    if let Some(k) = QUOTES.iter().position(|q| q.1 == c) {
        ahead[k] = ahead[k].saturating_sub(1);
        depth[k] = depth[k].saturating_sub(1);
    }
}

/// The range without white space at either end; `None` if nothing is left.
fn trimmed(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let part = &text[s..e];
    let t = part.trim();
    if t.is_empty() {
        return None;
    }
    let s = s + (part.len() - part.trim_start().len());
    Some((s, s + t.len()))
}

/// Whether `text` holds anything to say: more than marks and spaces.
fn has_words(text: &str) -> bool {
    text.chars().any(|c| {
        !(c.is_whitespace()
            || ENDS.contains(&c)
            || CLOSERS.contains(&c)
            || SOFT.contains(&c)
            || c == '.'
            || QUOTES.iter().any(|q| q.0 == c))
    })
}

/// A sentence over [`MAX_SENTENCE`] characters, cut after the last soft
/// mark before the limit (repeatedly); one without such a mark stays whole.
fn cut_long(text: &str, (s, e): (usize, usize), out: &mut Vec<(usize, usize)>) {
    let mut s = s;
    loop {
        let rest = &text[s..e];
        let Some((limit, _)) = rest.char_indices().nth(MAX_SENTENCE) else {
            break;
        };
        // The last soft mark before the limit, not in the first few
        // characters (a cut there would leave a fragment).
        let cut = rest[..limit]
            .char_indices()
            .skip(8)
            .filter(|&(_, c)| SOFT.contains(&c))
            .last()
            .map(|(b, c)| s + b + c.len_utf8());
        let Some(cut) = cut else { break };
        if let Some(r) = trimmed(text, s, cut) {
            out.push(r);
        }
        match trimmed(text, cut, e) {
            Some((ns, _)) => s = ns,
            None => return,
        }
    }
    out.push((s, e));
}

/// A byte range of `text` as UTF-16 offsets, as DOM ranges count.
pub fn utf16_span(text: &str, (s, e): (usize, usize)) -> (u32, u32) {
    let start = text[..s].encode_utf16().count();
    let len = text[s..e].encode_utf16().count();
    (start as u32, (start + len) as u32)
}

/// What is said for text written for the eye: a range sign between
/// numbers (`2~3个月`) is said as `至` ("to"); `≤`, `≈`, `÷` and `×` as
/// words. In Chinese text a percentage is said the Chinese way, `百分之`
/// before the number (`148%` → `百分之148`), a decimal point as `点` and
/// `+` between numbers as `加`: engines that do not know these signs
/// otherwise say them in English, drop the point (2.1万 heard as 二一万) or
/// say nothing (espeak-ng's Mandarin does all three).
pub fn spoken(text: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    let number_end = |c: char| c.is_ascii_digit() || matches!(c, '万' | '亿' | '%');
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if zh && digit(i) && (i == 0 || !(digit(i - 1) || chars[i - 1] == '.')) {
            // A number: digits, with a decimal point between digits.
            let mut j = i;
            while digit(j) || (chars.get(j) == Some(&'.') && digit(j + 1)) {
                j += 1;
            }
            let percent = matches!(chars.get(j), Some('%' | '％'));
            if percent {
                out += "百分之";
            }
            for &d in &chars[i..j] {
                if d == '.' {
                    out += "点";
                } else {
                    out.push(d);
                }
            }
            i = j + usize::from(percent);
            continue;
        }
        let between = i > 0 && number_end(chars[i - 1]) && digit(i + 1);
        match c {
            '~' | '～' | '〜' if between => out += lang.pick("至", " to "),
            '≤' => out += lang.pick("不超过", "at most "),
            '≈' => out += lang.pick("约", "about "),
            '÷' => out += lang.pick("除以", "divided by"),
            '×' => out += lang.pick("乘以", "times"),
            // Between numbers (`1 + 148%`), not after one (`21,000+`).
            '+' if zh
                && chars[i + 1..]
                    .iter()
                    .find(|n| **n != ' ')
                    .is_some_and(|n| *n == '(' || n.is_ascii_digit()) =>
            {
                out += "加"
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// One readable element of the page, with its text as shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A heading (the report's title, a part, a subsection): said whole.
    Heading(String),
    /// Running text (a paragraph, note or list item; a chart's
    /// description, summary line or note): said sentence by sentence.
    Prose(String),
    /// A key figure as its card shows it.
    Figure {
        /// What it counts.
        label: String,
        /// The number as printed, with its qualifier words (`2.1万余`,
        /// `约222`).
        number: String,
        /// Its unit.
        unit: String,
        /// What kind of number it is when not exact (`下限值`, `推算值`).
        tag: Option<String>,
    },
    /// A chart's caption: its title and its unit line (`单位:件`).
    Chart {
        /// What the page calls a chart (`图表`, `Chart`), said first, in
        /// the page's words (and script).
        kind: String,
        /// The chart's title.
        title: String,
        /// The unit line as shown.
        unit: String,
    },
    /// A report table's caption.
    Caption(String),
    /// A table row: its heading cell, then each data cell with the
    /// headings it stands under.
    Row {
        /// The row's heading (a year, a category).
        head: String,
        /// Each data cell: its column's headings, and its text.
        cells: Vec<(String, String)>,
    },
    /// Nothing to say (an element that is not shown).
    Silent,
}

/// One thing said: its words, and the part of its element to highlight
/// (a sentence's byte range in [`Piece::Prose`] text, or `None` for the
/// whole element).
#[derive(Debug, Clone, PartialEq)]
pub struct Utterance {
    /// What is said.
    pub text: String,
    /// The sentence's bytes in the piece's text; `None`: the whole piece.
    pub span: Option<(usize, usize)>,
}

impl Piece {
    /// What this piece is said as, in order. `lang` is the language of
    /// the report's text (which the voice speaks), for the punctuation
    /// between parts, the numbers (see [`spoken`]) and the one word
    /// reading adds (`表格`, the same in both scripts).
    pub fn utterances(&self, lang: Lang) -> Vec<Utterance> {
        let (colon, stop) = (lang.pick("\u{FF1A}", ": "), lang.pick("。", "."));
        // One string pushed to, not `format!`: each format costs the WASM
        // its own argument list.
        let mut s = String::new();
        match self {
            Piece::Silent => {}
            Piece::Prose(t) => {
                return sentences(t)
                    .into_iter()
                    .map(|span| Utterance {
                        text: spoken(&t[span.0..span.1], lang),
                        span: Some(span),
                    })
                    .collect()
            }
            Piece::Heading(t) => s += t.trim(),
            Piece::Figure {
                label,
                number,
                unit,
                tag,
            } => {
                s += label;
                s += colon;
                s += number;
                if lang == Lang::En && unit != "%" {
                    s.push(' ');
                }
                s += unit;
                if let Some(t) = tag.as_deref().filter(|t| !t.is_empty()) {
                    s += lang.pick("\u{FF08}", " (");
                    s += t;
                    s += lang.pick("\u{FF09}", ")");
                }
                s += stop;
            }
            Piece::Chart { kind, title, unit } => {
                s += kind;
                s += colon;
                s += title;
                s += stop;
                s += unit;
                s += stop;
            }
            Piece::Caption(c) => {
                s += lang.pick("表格", "Table");
                s += colon;
                s += c;
                s += stop;
            }
            Piece::Row { head, cells } => {
                if !head.is_empty() {
                    s += head;
                    s += colon;
                }
                for (i, (h, c)) in cells.iter().enumerate() {
                    if i > 0 {
                        s += lang.pick("\u{FF1B}", "; ");
                    }
                    if !h.is_empty() {
                        s += h;
                        s.push(' ');
                    }
                    s += c;
                }
                s += stop;
            }
        }
        if s.is_empty() {
            return Vec::new();
        }
        vec![Utterance {
            text: spoken(&s, lang),
            span: None,
        }]
    }
}

/// Where reading stands: the element being read (an index into the page's
/// readable elements, in document order), what it is said as, and which of
/// those utterances is being said. Elements are read into it one at a
/// time, as reading reaches them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Queue {
    /// The element being read.
    pub block: usize,
    /// What it is said as.
    pub lines: Vec<Utterance>,
    /// The utterance being said.
    pub line: usize,
}

impl Queue {
    /// Reading from element `block`, or the first one after it with
    /// anything to say; `piece(i)` reads element `i`, `None` past the last.
    /// `None` when nothing is left to read.
    pub fn from(
        block: usize,
        lang: Lang,
        piece: &mut dyn FnMut(usize) -> Option<Piece>,
    ) -> Option<Queue> {
        let mut i = block;
        loop {
            let lines = piece(i)?.utterances(lang);
            if !lines.is_empty() {
                return Some(Queue {
                    block: i,
                    lines,
                    line: 0,
                });
            }
            i += 1;
        }
    }

    /// The next utterance, reading the next element when this one is
    /// done; `false` at the end of the report.
    pub fn advance(&mut self, lang: Lang, piece: &mut dyn FnMut(usize) -> Option<Piece>) -> bool {
        if self.line + 1 < self.lines.len() {
            self.line += 1;
            return true;
        }
        match Queue::from(self.block + 1, lang, piece) {
            Some(next) => {
                *self = next;
                true
            }
            None => false,
        }
    }

    /// The utterance being said.
    pub fn current(&self) -> Option<&Utterance> {
        self.lines.get(self.line)
    }
}

/// What reading is doing, as the player shows it (`data-state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    /// Not reading.
    #[default]
    Idle,
    /// Speaking.
    Playing,
    /// Stopped at a sentence, to go on from there.
    Paused,
}

impl Status {
    /// The name the page uses.
    pub fn name(self) -> &'static str {
        match self {
            Status::Idle => "idle",
            Status::Playing => "playing",
            Status::Paused => "paused",
        }
    }
}

/// How fast reading goes: 慢 / 正常 / 快.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Speed {
    /// For listeners who need time: three quarters of the voice's rate.
    Slow,
    /// The voice's own rate.
    #[default]
    Normal,
    /// A quarter faster.
    Fast,
}

impl Speed {
    /// Reads a speed's name (`slow`, `normal`, `fast`).
    pub fn parse(s: &str) -> Option<Speed> {
        match s {
            "slow" => Some(Speed::Slow),
            "normal" => Some(Speed::Normal),
            "fast" => Some(Speed::Fast),
            _ => None,
        }
    }

    /// The speed's name, as the page's buttons carry it.
    pub fn name(self) -> &'static str {
        match self {
            Speed::Slow => "slow",
            Speed::Normal => "normal",
            Speed::Fast => "fast",
        }
    }

    /// The rate given to the speech engine (1 is the voice's own).
    pub fn rate(self) -> f32 {
        match self {
            Speed::Slow => 0.75,
            Speed::Normal => 1.0,
            Speed::Fast => 1.25,
        }
    }
}

/// A language tag's parts, lower case: language, script, region.
/// `zh_CN` (as some systems write it) reads like `zh-CN`.
fn tag_parts(tag: &str) -> (String, String, String) {
    let tag = tag.to_ascii_lowercase().replace('_', "-");
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or_default().to_string();
    let (mut script, mut region) = (String::new(), String::new());
    for p in parts {
        match p.len() {
            4 if script.is_empty() => script = p.to_string(),
            2 | 3 if region.is_empty() => region = p.to_string(),
            _ => {}
        }
    }
    // Chinese by any name; its script, when the tag does not say, follows
    // the region (Taiwan, Hong Kong and Macao write traditional) or the
    // language (Cantonese).
    let chinese = matches!(lang.as_str(), "zh" | "cmn" | "yue");
    if chinese {
        if script.is_empty() {
            let hant = lang == "yue" || matches!(region.as_str(), "tw" | "hk" | "mo");
            script = if hant { "hant" } else { "hans" }.to_string();
        }
        return ("zh".to_string(), script, region);
    }
    (lang, script, region)
}

/// The voice to read text in language `want` (the text's `lang`, e.g.
/// `zh-CN`, `zh-Hant`): among `voices` (each its language tag as the
/// browser gives it, and whether it runs on the device), one of the same
/// language, preferring the same region, then the same script (a
/// traditional text prefers Taiwan's Mandarin, then Hong Kong's), then a
/// voice on the device (it works offline). `None`: no voice speaks it.
pub fn pick_voice(voices: &[(String, bool)], want: &str) -> Option<usize> {
    let (lang, script, region) = tag_parts(want);
    let mut best: Option<(usize, u32)> = None;
    for (i, (tag, local)) in voices.iter().enumerate() {
        let (l, s, r) = tag_parts(tag);
        if l != lang || l.is_empty() {
            continue;
        }
        let mut score = 1;
        if !region.is_empty() && r == region {
            score += 8;
        }
        if s == script {
            score += 4;
        }
        if region.is_empty() && script == "hant" && r == "tw" {
            score += 2;
        }
        if *local {
            score += 1;
        }
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests;
