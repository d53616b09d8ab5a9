//! The viewer's own words in traditional characters, on a page in 繁體.
//!
//! The build converts the report and the page; what the WASM writes
//! itself (a tip, a message, a chart drawn again) comes from words in its
//! code, in simplified characters. The page in 繁體 carries a table for
//! them (`<meta name="report-viewer:hant">`, made by `report build` from
//! OpenCC): words and characters, each with its traditional form, matched
//! longest first. The build keeps the table from touching the report's
//! text, which the WASM has in traditional characters already: no
//! character entry for a character that text holds, no word entry found
//! in it. So the table applies to the whole of what the viewer writes.

/// Simplified → traditional entries for the viewer's own words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScriptTable {
    /// Keys and their traditional forms (of the same length), longest key
    /// first: the first key that matches at a place is the longest there.
    /// A hundred or so entries, tried in turn at each Chinese character of
    /// a short text: no index to build, and little code in the WASM.
    entries: Vec<(String, String)>,
}

impl ScriptTable {
    /// Reads the table as the page carries it (see
    /// [`ScriptTable::content`]): entries separated by spaces, each a key
    /// followed by its traditional form of the same length in bytes
    /// (`复制複製 发發`), longest first. Malformed entries are skipped.
    pub fn parse(content: &str) -> ScriptTable {
        let mut entries = Vec::new();
        for token in content.split(' ') {
            let mid = token.len() / 2;
            if token.len() % 2 == 0 && token.is_char_boundary(mid) && mid > 0 {
                entries.push((token[..mid].to_string(), token[mid..].to_string()));
            }
        }
        ScriptTable { entries }
    }

    /// Adds (or replaces) an entry, keeping the longest keys first (the
    /// build's way to make a table). Only a key and value of the same
    /// length in bytes (every character of the table is three bytes in
    /// UTF-8), so the page can carry them without a separator.
    pub fn insert(&mut self, key: &str, value: &str) {
        let len = key.chars().count();
        if len == 0 || key.len() != value.len() || len != value.chars().count() {
            return;
        }
        self.entries.retain(|(k, _)| k != key);
        let at = self
            .entries
            .iter()
            .position(|(k, _)| {
                let n = k.chars().count();
                n < len || (n == len && k.as_str() > key)
            })
            .unwrap_or(self.entries.len());
        self.entries
            .insert(at, (key.to_string(), value.to_string()));
    }

    /// Whether the table has no entry (the page is in simplified
    /// characters).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The table as the page carries it (see [`ScriptTable::parse`]).
    pub fn content(&self) -> String {
        let tokens: Vec<String> = self
            .entries
            .iter()
            .map(|(k, v)| format!("{k}{v}"))
            .collect();
        tokens.join(" ")
    }

    /// `text` with every entry's key replaced by its traditional form,
    /// longest key first at each place, left to right. Text without a
    /// Chinese character (markup, numbers) passes through.
    pub fn convert(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            let found = (!c.is_ascii())
                .then(|| {
                    self.entries
                        .iter()
                        .find(|(k, _)| rest.starts_with(k.as_str()))
                })
                .flatten();
            let (put, len) = match found {
                Some((k, v)) => (v.as_str(), k.len()),
                None => (&rest[..c.len_utf8()], c.len_utf8()),
            };
            out.push_str(put);
            rest = &rest[len..];
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_entry_wins_and_the_rest_passes_through() {
        let t = ScriptTable::parse("恢复恢復 制度制度 后续後續 发發 复複 bad x");
        assert_eq!(t.convert("已复制链接"), "已複制链接");
        assert_eq!(t.convert("恢复后续发"), "恢復後續發");
        assert_eq!(
            t.convert("<text x=\"1\">发</text>"),
            "<text x=\"1\">發</text>"
        );
        assert_eq!(t.convert("皇后"), "皇后");
        assert_eq!(ScriptTable::parse(&t.content()), t);
        assert!(ScriptTable::parse("").is_empty());
        assert_eq!(ScriptTable::parse("").convert("发"), "发");
    }

    #[test]
    fn a_table_made_by_inserting_keeps_the_longest_first() {
        let mut t = ScriptTable::default();
        for (k, v) in [
            ("发", "發"),
            ("复", "複"),
            ("复制", "複製"),
            ("恢复", "恢復"),
            ("发", "發"),
        ] {
            t.insert(k, v);
        }
        t.insert("不", "不對");
        t.insert("x", "發");
        assert_eq!(t.content(), "复制複製 恢复恢復 发發 复複");
        assert_eq!(t.convert("已复制恢复发"), "已複製恢復發");
    }
}
