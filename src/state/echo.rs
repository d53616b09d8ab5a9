//! Text from outside the report's author — the address, a search query, a
//! title on its way to being a file name — shown back to the reader. Each
//! echo is capped (a status line that screen readers announce must not
//! read out a crafted ten-thousand-character address) and loses the
//! characters that show nothing or reorder what follows, so that what a
//! reader sees is what is there.

/// Characters of outside text a status line repeats.
pub const MAX_ECHO_CHARS: usize = 80;

/// Characters of a title kept in a file name (file systems refuse names
/// over 255 bytes, and a Chinese character takes three).
pub const MAX_FILE_STEM_CHARS: usize = 60;

/// `text` as a status line may repeat it: without invisible or control
/// characters, and cut to `max` characters with `…` where longer.
pub fn echo(text: &str, max: usize) -> String {
    let mut shown = text
        .chars()
        .filter(|&c| !is_invisible(c) && !c.is_control());
    let mut out: String = shown.by_ref().take(max).collect();
    if shown.next().is_some() {
        out.push('…');
    }
    out
}

/// A file name from a title: characters file systems refuse become `_`;
/// bidirectional controls and invisible format characters are left out,
/// so that the name a reader sees is the name the file has (a U+202E in a
/// title shows what follows reversed: a `.svg` could pass for a `.jpg`);
/// a long title is cut to [`MAX_FILE_STEM_CHARS`].
pub fn file_name(title: &str, ext: &str) -> String {
    let clean: String = title
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let stem: String = clean.trim().chars().take(MAX_FILE_STEM_CHARS).collect();
    format!("{}.{ext}", stem.trim_end())
}

/// Whether `c` is a format character that shows nothing or reorders text:
/// soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
/// and directional marks (U+200B–U+200F), line and paragraph separators,
/// embeddings and overrides (U+202A–U+202E), word joiner, invisible
/// operators and isolates (U+2060–U+206F), the byte-order mark,
/// interlinear annotation controls, and tag characters.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_drop_what_file_systems_refuse() {
        assert_eq!(file_name(" a/b:c? ", "csv"), "a_b_c_.csv");
        // Directional overrides and invisible characters are left out.
        assert_eq!(file_name("报告\u{202E}gpj.exe", "svg"), "报告gpj.exe.svg");
        assert_eq!(
            file_name(
                "\u{feff}a\u{200b}b\u{200f}c\u{2066}d\u{2069}\u{ad}e\u{e0041}",
                "png"
            ),
            "abcde.png"
        );
        assert_eq!(
            file_name("即墨区\u{202a}2024\u{202c}年", "csv"),
            "即墨区2024年.csv"
        );
        // A long title fits a file system's 255 bytes.
        let long = file_name(&"法治政府建设".repeat(100), "png");
        assert_eq!(long.chars().count(), MAX_FILE_STEM_CHARS + 4);
        assert!(long.len() < 255);
    }

    #[test]
    fn echoes_are_capped_and_show_what_is_there() {
        assert_eq!(echo("行政复议", 80), "行政复议");
        assert_eq!(echo("abcdef", 3), "abc…");
        assert_eq!(echo("abc", 3), "abc");
        assert_eq!(echo("a\u{202e}b\nc\u{200b}d", 80), "abcd");
        let url = format!("https://x.gov.cn/?{}", "a".repeat(10_000));
        assert_eq!(
            echo(&url, MAX_ECHO_CHARS).chars().count(),
            MAX_ECHO_CHARS + 1
        );
    }
}
