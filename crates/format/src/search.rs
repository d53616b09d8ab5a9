//! Searching a report's text for Chinese and English readers: substring
//! matching (no word segmentation to get wrong), with full-width and
//! half-width forms, letter case and traditional characters folded to one
//! form, so "行政復議", "ＰＤＦ" and "pdf" find what they should.
//!
//! Folding maps one character to one character, so a match in the folded
//! text is a match at the same character positions in the original.

use std::sync::OnceLock;

use crate::index::Indexed;
use crate::report::{Block, Section};
use crate::settings::Lang;

/// Traditional → simplified pairs for characters common in government
/// reports (each pair: traditional then simplified; a character's first
/// pair counts). A data file, not words the viewer shows: the build
/// converts the viewer's own words for a page in traditional characters,
/// and leaves this alone.
pub const TRAD_SIMP: &str = include_str!("trad_simp.txt");

/// How text is folded for matching: full-width ASCII to half-width, the
/// ideographic space to a space, Latin letters to lower case, traditional
/// characters to simplified by a table: [`TRAD_SIMP`] and the pairs the
/// page adds. A value, passed to whatever matches ([`SearchIndex::build`],
/// the page's highlights), so that two callers can never fold differently
/// depending on which came first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folding {
    /// Traditional → simplified, sorted by traditional character for
    /// binary search; one pair per traditional character.
    pairs: Vec<(char, char)>,
}

impl Folding {
    /// Folding with the built-in pairs and `extra` (written as
    /// [`TRAD_SIMP`] is: each traditional character followed by its
    /// simplified one): the characters of a page's report that the
    /// built-in table lacks, which the build lists in the page, so that a
    /// reader finds text typed in either script. A built-in pair wins.
    pub fn with_pairs(extra: &str) -> Folding {
        let mut pairs: Vec<(char, char)> = Vec::new();
        add_pairs(&mut pairs, TRAD_SIMP);
        add_pairs(&mut pairs, extra);
        Folding { pairs }
    }

    /// Folding with the built-in pairs only.
    pub fn builtin() -> Folding {
        Folding::with_pairs("")
    }

    /// Folds one character. Always one character out for one in.
    /// (Lower-casing only ASCII keeps Unicode's case tables out of the
    /// WASM; Chinese reports quote Latin-script words only.)
    pub fn fold(&self, c: char) -> char {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        };
        if c.is_ascii() {
            return c.to_ascii_lowercase();
        }
        match self.pairs.binary_search_by_key(&c, |p| p.0) {
            Ok(i) => self.pairs[i].1,
            Err(_) => c,
        }
    }

    /// Folds a whole string.
    pub fn fold_str(&self, s: &str) -> Vec<char> {
        s.chars().map(|c| self.fold(c)).collect()
    }
}

impl Default for Folding {
    fn default() -> Self {
        Folding::builtin()
    }
}

/// The built-in folding, made once: a constant table, whoever asks first.
fn builtin() -> &'static Folding {
    static BUILTIN: OnceLock<Folding> = OnceLock::new();
    BUILTIN.get_or_init(Folding::builtin)
}

/// Adds the pairs written in `text` to the sorted `pairs`, but for
/// characters it has a pair for already. Insertion into a sorted vector: a
/// few hundred pairs, and no general sort routine for the WASM to carry.
fn add_pairs(pairs: &mut Vec<(char, char)>, text: &str) {
    let mut chars = text.trim().chars();
    while let (Some(t), Some(s)) = (chars.next(), chars.next()) {
        if t != s {
            if let Err(at) = pairs.binary_search_by_key(&t, |q| q.0) {
                pairs.insert(at, (t, s));
            }
        }
    }
}

/// Folds one character with the built-in pairs ([`Folding::fold`]).
pub fn fold(c: char) -> char {
    builtin().fold(c)
}

/// Folds a whole string with the built-in pairs.
pub fn fold_str(s: &str) -> Vec<char> {
    builtin().fold_str(s)
}

/// Character ranges (start, end) of every match of `query` in `text`,
/// without overlaps, folded with the built-in pairs. An empty query
/// matches nothing.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    find_folded(&fold_str(text), &fold_str(query.trim()))
}

/// [`find_all`] on text and query folded already (see [`fold_str`]).
pub fn find_folded(t: &[char], q: &[char]) -> Vec<(usize, usize)> {
    if q.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= t.len() {
        if t[i..i + q.len()] == q[..] {
            out.push((i, i + q.len()));
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

/// The character ranges `hits` (ascending, not overlapping, as
/// [`find_folded`] gives them) of `text` as UTF-16 offsets, which is what
/// a DOM `Range` counts in. One pass over the text however many hits.
pub fn utf16_ranges(text: &str, hits: &[(usize, usize)]) -> Vec<(u32, u32)> {
    let mut chars = text.chars();
    let (mut at, mut u) = (0usize, 0u32);
    let mut to = |target: usize| {
        for c in chars.by_ref().take(target.saturating_sub(at)) {
            u += c.len_utf16() as u32;
        }
        at = at.max(target);
        u
    };
    hits.iter().map(|&(s, e)| (to(s), to(e))).collect()
}

/// What a searchable piece of text belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The id to link to (paragraph, figure, chart, section).
    pub target: String,
    /// The printed path of the section it stands in, e.g. `一、 › (三)…`.
    pub path: String,
    /// The text searched.
    pub text: String,
}

/// A search result: one entry with its matches and a snippet around the
/// first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The id to link to.
    pub target: String,
    /// The section path.
    pub path: String,
    /// Text before the match in the snippet (with `…` when cut).
    pub before: String,
    /// The matched text as written.
    pub matched: String,
    /// Text after the match in the snippet.
    pub after: String,
    /// How many times the query occurs in this entry.
    pub count: usize,
}

/// Every searchable text of a report, in document order.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    folded: Vec<Vec<char>>,
    folding: Folding,
}

impl SearchIndex {
    /// Indexes headings, paragraphs, lists, notes, key figures, charts
    /// (title, description, notes, data table) and tables, folded with
    /// `folding` (the page's; queries are folded with it too).
    pub fn build(report: &Indexed, lang: Lang, folding: &Folding) -> SearchIndex {
        let mut entries = Vec::new();
        let mut push = |target: &str, path: &str, text: String| {
            if !text.trim().is_empty() {
                entries.push(Entry {
                    target: target.to_string(),
                    path: path.to_string(),
                    text,
                });
            }
        };
        let opening = lang.pick("开头", "Opening").to_string();
        for b in &report.preamble {
            block_entries(report, b, &opening, lang, &mut push);
        }
        fn walk(
            report: &Indexed,
            sections: &[Section],
            parent: &str,
            lang: Lang,
            push: &mut dyn FnMut(&str, &str, String),
        ) {
            for s in sections {
                let path = if parent.is_empty() {
                    s.heading()
                } else {
                    format!("{parent} › {}", s.heading())
                };
                push(&s.id, &path, s.heading());
                for b in &s.blocks {
                    block_entries(report, b, &path, lang, push);
                }
                walk(report, &s.sections, &path, lang, push);
            }
        }
        walk(report, &report.sections, "", lang, &mut push);
        let closing = lang.pick("结尾", "Closing").to_string();
        for b in &report.closing {
            block_entries(report, b, &closing, lang, &mut push);
        }
        let folded = entries.iter().map(|e| folding.fold_str(&e.text)).collect();
        SearchIndex {
            entries,
            folded,
            folding: folding.clone(),
        }
    }

    /// Every entry containing `query`, in document order, with a snippet of
    /// about `context` characters either side of the first match.
    pub fn search(&self, query: &str, context: usize) -> Vec<Hit> {
        let q = self.folding.fold_str(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (e, t) in self.entries.iter().zip(&self.folded) {
            let mut first = None;
            let mut count = 0;
            let mut i = 0;
            while i + q.len() <= t.len() {
                if t[i..i + q.len()] == q[..] {
                    first.get_or_insert(i);
                    count += 1;
                    i += q.len();
                } else {
                    i += 1;
                }
            }
            let Some(s) = first else { continue };
            let chars: Vec<char> = e.text.chars().collect();
            let from = s.saturating_sub(context);
            let to = (s + q.len() + context).min(chars.len());
            let mut before: String = chars[from..s].iter().collect();
            if from > 0 {
                before.insert(0, '…');
            }
            let mut after: String = chars[s + q.len()..to].iter().collect();
            if to < chars.len() {
                after.push('…');
            }
            out.push(Hit {
                target: e.target.clone(),
                path: e.path.clone(),
                before,
                matched: chars[s..s + q.len()].iter().collect(),
                after,
                count,
            });
        }
        out
    }
}

fn block_entries(
    report: &Indexed,
    b: &Block,
    path: &str,
    lang: Lang,
    push: &mut dyn FnMut(&str, &str, String),
) {
    match b {
        Block::Paragraph { id, text } | Block::Note { id, text } => push(id, path, text.clone()),
        Block::List { id, items, .. } => push(id, path, items.join(" ")),
        Block::Figures { figures, .. } => {
            for f in figures.iter().filter_map(|f| report.figure(f)) {
                push(
                    &f.id,
                    path,
                    format!(
                        "{} {} {}",
                        f.label,
                        f.value.with_unit(&f.unit, lang),
                        f.value.source.quote()
                    ),
                );
            }
        }
        Block::Chart { chart } => {
            if let Some(c) = report.chart(chart) {
                let mut text = format!("{} {} {}", c.title, c.description, c.notes.join(" "));
                for s in &c.series {
                    text.push(' ');
                    text.push_str(&s.name);
                    for p in &s.points {
                        text.push_str(&format!(" {} {}", p.x, p.value.with_unit(&s.unit, lang)));
                    }
                }
                push(&c.id, path, text);
            }
        }
        Block::Table(t) => {
            let mut text = format!("{} {}", t.caption, t.columns.join(" "));
            for r in &t.rows {
                text.push(' ');
                text.push_str(&r.join(" "));
            }
            push(&t.id, path, text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_become_utf16_offsets() {
        // Chinese characters are one UTF-16 unit; 😀 and 𠀀 are two.
        let text = "😀行政复议与𠀀行政复议";
        let hits = find_all(text, "行政复议");
        assert_eq!(hits, vec![(1, 5), (7, 11)]);
        assert_eq!(utf16_ranges(text, &hits), vec![(2, 6), (9, 13)]);
        let u: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&u[9..13]).unwrap(), "行政复议");
        assert_eq!(utf16_ranges("abc", &[]), vec![]);
        assert_eq!(utf16_ranges("abc", &[(0, 3)]), vec![(0, 3)]);
    }

    #[test]
    fn folds_width_case_and_traditional_characters() {
        assert_eq!(fold('Ａ'), 'a');
        assert_eq!(fold('１'), '1');
        assert_eq!(fold('（'), '(');
        assert_eq!(fold('復'), '复');
        assert_eq!(fold('議'), '议');
        assert_eq!(fold('行'), '行');
        assert_eq!(find_all("行政复议申请", "行政復議"), vec![(0, 4)]);
        assert_eq!(find_all("PDF 与 ｐｄｆ", "pdf"), vec![(0, 3), (6, 9)]);
        assert!(find_all("abc", "  ").is_empty());
    }
}
