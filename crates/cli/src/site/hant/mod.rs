//! 繁體: the report's page in traditional characters, written by the build
//! beside the simplified one (`index.hant.html`, `report.hant.html`).
//!
//! Converting at build time, not in the browser: OpenCC's dictionaries
//! are megabytes, a reader of simplified characters would pay for them,
//! and a prerendered page is traditional at first paint, offline and
//! without script. The conversion is OpenCC's (through `ferrous-opencc`,
//! its dictionaries built in): phrase first, then character, with
//! Taiwan's standard character forms (`s2tw`: 麵, 裡, 著), so that a
//! one-to-many character follows the word it stands in (头发 頭髮, 发布
//! 發布; 皇后 keeps 后).
//!
//! What is converted: the report's text ([`report`]: every field a reader
//! reads, never ids, addresses, kinds or numbers), the page around it
//! ([`page`]: interface words, text attributes, the head script's notes),
//! and the viewer's own words ([`words`]: a table the WASM applies to
//! what it writes itself on that page).

mod page;
mod report;
mod words;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

pub use page::{convert_page, KEEP_ATTR};
pub use report::{convert_report, HANT_TAG};
pub use words::{fold_pairs, strings, viewer_table, ViewerTable, VIEWER_WORDS};

/// Words OpenCC writes with 佈 that governments in Taiwan and Hong Kong
/// print with 布, as Taiwan's standard dictionary does (發布, 公布): each
/// pair is OpenCC's form and the one printed. Same length, so character
/// positions hold.
const PRINTED: [(&str, &str); 5] = [
    ("發佈", "發布"),
    ("公佈", "公布"),
    ("宣佈", "宣布"),
    ("頒佈", "頒布"),
    ("分佈", "分布"),
];

/// Simplified → traditional conversion, loaded once per build.
pub struct Converter {
    cc: OpenCC,
}

impl Converter {
    /// Loads OpenCC's `s2tw` dictionaries (built into the binary).
    pub fn new() -> anyhow::Result<Converter> {
        let cc = OpenCC::from_config(BuiltinConfig::S2tw)
            .map_err(|e| anyhow::anyhow!("loading OpenCC's dictionaries: {e}"))?;
        Ok(Converter { cc })
    }

    /// `text` in traditional characters.
    pub fn text(&self, text: &str) -> String {
        if !text.chars().any(is_han) {
            return text.to_string();
        }
        let mut out = self.cc.convert(text);
        for (opencc, printed) in PRINTED {
            if out.contains(opencc) {
                out = out.replace(opencc, printed);
            }
        }
        out
    }
}

/// Whether `c` is a Chinese character (CJK Unified Ideographs, extension A
/// and the compatibility block).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_to_many_characters_follow_the_word() {
        let cc = Converter::new().unwrap();
        for (simplified, traditional) in [
            ("发布", "發布"),
            ("头发", "頭髮"),
            ("后续", "後續"),
            ("皇后", "皇后"),
            ("干部", "幹部"),
            ("干燥", "乾燥"),
            ("面积", "面積"),
            ("面条", "麵條"),
            ("公布", "公布"),
            ("行政复议", "行政複議"),
            ("恢复", "恢復"),
            ("2.1万余名", "2.1萬餘名"),
            ("理发后发布了头发的照片", "理髮後發布了頭髮的照片"),
            ("法治政府建设年度报告", "法治政府建設年度報告"),
            ("ABC 123", "ABC 123"),
        ] {
            assert_eq!(cc.text(simplified), traditional, "{simplified}");
            // Converting traditional text again changes nothing.
            assert_eq!(cc.text(traditional), traditional, "{traditional}");
        }
    }
}
