//! What a page carries for the browser layer about scripts: the viewer's
//! own words in traditional characters ([`viewer_table`], for the page in
//! 繁體) and the characters of its report in the other script
//! ([`fold_pairs`], for search on every page).

use std::collections::{BTreeMap, HashSet};

use report_format::search::TRAD_SIMP;
use report_viewer::state::ScriptTable;
use serde_json::Value as Json;

use super::{is_han, Converter};

/// Every string literal with a Chinese character in the code the browser
/// runs, one a line, read from the viewer's source by this crate's build
/// script.
pub const VIEWER_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/viewer_words.txt"));

/// The table for the viewer's own words on one page in 繁體, and the words
/// it could not get right.
#[derive(Debug, Clone, Default)]
pub struct ViewerTable {
    /// The entries.
    pub table: ScriptTable,
    /// Words the table still converts otherwise than OpenCC does (a
    /// simplified character stays, say): shown as they are, listed so a
    /// test can insist there are none.
    pub unresolved: Vec<String>,
}

/// The table that turns each of `words` (one a line) into OpenCC's
/// conversion of it, without changing any of `data`: the text of the
/// page's report in traditional characters, which the WASM writes
/// alongside its own words. A character the data never holds gets an entry
/// of its own (发 → 發); any other is converted in the word around it
/// (复制 → 複製, while 制度 in the report stays), by the shortest stretch
/// of the word that the data does not contain.
pub fn viewer_table(cc: &Converter, words: &str, data: &str) -> ViewerTable {
    let in_data: HashSet<char> = data.chars().collect();
    let words: Vec<(Vec<char>, Vec<char>)> = words
        .lines()
        .filter(|w| w.chars().any(is_han))
        .map(|w| (w.chars().collect(), cc.text(w).chars().collect()))
        .collect();
    let mut entries: BTreeMap<Vec<char>, Vec<char>> = BTreeMap::new();
    let mut table = ScriptTable::default();
    // Each round fixes the first wrong place of each word; an entry can
    // spoil a word that was right, which a later round fixes in turn.
    for _ in 0..12 {
        let mut added = false;
        for (word, want) in &words {
            if word.len() != want.len() {
                continue;
            }
            let text: String = word.iter().collect();
            let got: Vec<char> = table.convert(&text).chars().collect();
            let Some(i) = (0..word.len()).find(|&i| got.get(i) != want.get(i)) else {
                continue;
            };
            if let Some((key, value)) = entry_at(word, want, i, &entries, &in_data, data) {
                let text = |c: &[char]| c.iter().collect::<String>();
                table.insert(&text(&key), &text(&value));
                entries.insert(key, value);
                added = true;
            }
        }
        if !added {
            break;
        }
    }
    let unresolved = words
        .iter()
        .map(|(w, want)| {
            (
                w.iter().collect::<String>(),
                want.iter().collect::<String>(),
            )
        })
        .filter(|(w, want)| &table.convert(w) != want)
        .map(|(w, _)| w)
        .collect();
    ViewerTable { table, unresolved }
}

/// The shortest stretch of `word` around place `i` that may be an entry:
/// the character alone if the data never holds it, else two, three or
/// four characters that the data does not contain, and that are no entry
/// yet.
fn entry_at(
    word: &[char],
    want: &[char],
    i: usize,
    entries: &BTreeMap<Vec<char>, Vec<char>>,
    in_data: &HashSet<char>,
    data: &str,
) -> Option<(Vec<char>, Vec<char>)> {
    for len in 1..=4usize {
        for start in (i + 1).saturating_sub(len)..=i {
            let end = start + len;
            if end > word.len() {
                continue;
            }
            let key = &word[start..end];
            if key.iter().any(|c| c.is_ascii() || c.is_whitespace()) || entries.contains_key(key) {
                continue;
            }
            let safe = if len == 1 {
                !in_data.contains(&key[0])
            } else {
                !data.contains(&key.iter().collect::<String>())
            };
            // The page carries key and value without a separator: the same
            // length in bytes (as nearly every pair is).
            let bytes = |c: &[char]| c.iter().map(|c| c.len_utf8()).sum::<usize>();
            if safe && bytes(key) == bytes(&want[start..end]) {
                return Some((key.to_vec(), want[start..end].to_vec()));
            }
        }
    }
    None
}

/// Every string in a report's JSON, in order.
pub fn strings(v: &Json) -> Vec<&str> {
    fn go<'a>(v: &'a Json, out: &mut Vec<&'a str>) {
        match v {
            Json::String(s) => out.push(s),
            Json::Array(a) => a.iter().for_each(|x| go(x, out)),
            Json::Object(o) => o.values().for_each(|x| go(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    go(v, &mut out);
    out
}

/// Traditional → simplified pairs (as the search's built-in table writes
/// them: each traditional character, then its simplified one) for the
/// characters `simplified` and `traditional` (the same report's strings,
/// before and after conversion, in the same order) print differently and
/// search does not fold to one already. With them on a page, a reader
/// finds the report's words typed in either script.
pub fn fold_pairs(simplified: &[&str], traditional: &[&str]) -> String {
    // Search's own pairs, read here rather than through its folding, which
    // would fix its table for this process before the page's pairs exist.
    let mut builtin: BTreeMap<char, char> = BTreeMap::new();
    let table: Vec<char> = TRAD_SIMP.trim().chars().collect();
    for p in table.chunks(2).filter(|p| p.len() == 2) {
        builtin.entry(p[0]).or_insert(p[1]);
    }
    let fold = |c: char| builtin.get(&c).copied().unwrap_or(c);
    let mut pairs: BTreeMap<char, char> = BTreeMap::new();
    for (s, t) in simplified.iter().zip(traditional) {
        if s.chars().count() != t.chars().count() {
            continue;
        }
        for (a, b) in s.chars().zip(t.chars()) {
            if a != b && fold(a) != fold(b) {
                pairs.entry(b).or_insert(a);
            }
        }
    }
    pairs.iter().flat_map(|(t, s)| [*t, *s]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_converts_the_words_and_leaves_the_data_alone() {
        let cc = Converter::new().unwrap();
        let words = "已复制链接\n制度\n发布\n之后\n开头";
        // The report holds 制 (制度) and 后 (皇后) as traditional text does.
        let data = "完善制度。皇后。發布";
        let t = viewer_table(&cc, words, data);
        assert!(t.unresolved.is_empty(), "{:?}", t.unresolved);
        for w in words.lines() {
            assert_eq!(t.table.convert(w), cc.text(w), "{w}");
        }
        assert_eq!(t.table.convert(data), data);
        // 制 is converted only in 复制: the report's 制度 stays.
        assert_eq!(t.table.convert("已复制:完善制度"), "已複製:完善制度");
    }

    #[test]
    fn fold_pairs_name_what_search_lacks() {
        let pairs = fold_pairs(&["行政复议 干燥", "x"], &["行政複議 乾燥", "x"]);
        // 複 and 議 fold already; 乾 does not.
        assert!(pairs.contains("乾干"), "{pairs}");
        assert!(!pairs.contains('議'), "{pairs}");
        assert_eq!(pairs.chars().count() % 2, 0);
    }
}
