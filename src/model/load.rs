//! Turning report JSON text into a checked [`Report`], with errors that say
//! where the problem is.

use std::fmt;

use super::report::Report;
use super::validate::{validate, Problem};

/// Report JSON larger than this is refused before parsing.
pub const MAX_REPORT_BYTES: usize = 8 * 1024 * 1024;

/// Why a report could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// There was no report text at all.
    Missing,
    /// The text is larger than [`MAX_REPORT_BYTES`].
    TooLarge {
        /// The size in bytes.
        bytes: usize,
    },
    /// The text is not JSON.
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The JSON does not have the shape of a report.
    Shape {
        /// JSON pointer to the offending value.
        pointer: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The report parsed but its content does not hold together.
    Invalid(Vec<Problem>),
    /// `?report=` named an address on an origin this site does not allow.
    Refused {
        /// The refused origin.
        origin: String,
    },
    /// `?report=` named an address that could not be read.
    Fetch {
        /// The address.
        url: String,
        /// What went wrong.
        reason: String,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Missing => write!(f, "no report data in the page"),
            LoadError::TooLarge { bytes } => write!(
                f,
                "report is {bytes} bytes, more than the limit of {MAX_REPORT_BYTES}"
            ),
            LoadError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "JSON syntax error at line {line}, column {column}: {message}"
            ),
            LoadError::Shape {
                pointer,
                line,
                column,
                message,
            } => write!(f, "{pointer} (line {line}, column {column}): {message}"),
            LoadError::Refused { origin } => {
                write!(
                    f,
                    "loading a report from {origin} is not allowed on this site"
                )
            }
            LoadError::Fetch { url, reason } => write!(f, "could not read {url}: {reason}"),
            LoadError::Invalid(problems) => {
                write!(f, "{} problem(s)", problems.len())?;
                for p in problems {
                    write!(f, "; {}: {}", p.pointer, p.en)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// One message about a report that could not be loaded, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where: a JSON pointer, a line and column, or empty when the whole
    /// report is meant.
    pub location: String,
    /// What is wrong, in Chinese.
    pub zh: String,
    /// What is wrong, in English.
    pub en: String,
    /// How to fix it, in Chinese.
    pub hint_zh: String,
    /// How to fix it, in English.
    pub hint_en: String,
}

impl LoadError {
    /// Every message this error carries, ready to show a reader or an
    /// author.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let one = |location: String, zh: String, en: String, hint_zh: &str, hint_en: &str| {
            vec![Diagnostic {
                location,
                zh,
                en,
                hint_zh: hint_zh.to_string(),
                hint_en: hint_en.to_string(),
            }]
        };
        match self {
            LoadError::Missing => one(
                String::new(),
                "页面中没有报告数据".into(),
                "the page carries no report data".into(),
                "用 report build 生成页面,报告数据会写入页面",
                "build the page with `report build`, which writes the report into it",
            ),
            LoadError::TooLarge { bytes } => one(
                String::new(),
                format!("报告数据有{bytes}字节,超过上限{MAX_REPORT_BYTES}字节"),
                format!("the report is {bytes} bytes, over the limit of {MAX_REPORT_BYTES}"),
                "拆分报告,或压缩过长的段落",
                "split the report into several",
            ),
            // serde_json refuses nesting past 128 levels (so that no report
            // overflows the stack); say so in the report's terms.
            LoadError::Syntax { line, column, .. } if self.is_too_deep() => one(
                format!("{line}:{column}"),
                format!("第{line}行第{column}列:内容嵌套超过128层"),
                format!("line {line}, column {column}: the report is nested more than 128 levels deep"),
                "章节最多嵌套8层;检查该处是否多了括号",
                "sections nest at most 8 levels deep; look for extra brackets there",
            ),
            LoadError::Syntax {
                line,
                column,
                message,
            } => one(
                format!("{line}:{column}"),
                format!("第{line}行第{column}列:JSON 语法错误({message})"),
                format!("line {line}, column {column}: JSON syntax error ({message})"),
                "检查该处附近的引号、逗号和括号",
                "check the quotes, commas and brackets near that place",
            ),
            LoadError::Shape {
                pointer,
                line,
                column,
                message,
            } => one(
                pointer.clone(),
                format!("{pointer}(第{line}行第{column}列):内容不符合报告格式({message})"),
                format!("{pointer} (line {line}, column {column}): not in the report format ({message})"),
                "对照报告格式的 JSON Schema 修改该处",
                "compare that place with the report format's JSON Schema",
            ),
            LoadError::Refused { origin } => one(
                String::new(),
                format!("本站不允许从“{origin}”加载报告,以防有人借本站显示伪造的报告"),
                format!("this site does not load reports from “{origin}”, so that no one can show a forged report under its name"),
                "只打开本站发布的报告;网站管理者可用 report build --allow-report-origin 允许其他来源",
                "open reports published by this site; its maintainers can allow other origins with report build --allow-report-origin",
            ),
            LoadError::Fetch { url, reason } => one(
                url.clone(),
                format!("无法读取报告“{url}”({reason})"),
                format!("could not read the report at “{url}” ({reason})"),
                "检查地址是否正确、网络是否连通",
                "check the address and the network connection",
            ),
            LoadError::Invalid(problems) => problems
                .iter()
                .map(|p| Diagnostic {
                    location: p.pointer.clone(),
                    zh: p.zh.clone(),
                    en: p.en.clone(),
                    hint_zh: p.hint_zh.clone(),
                    hint_en: p.hint_en.clone(),
                })
                .collect(),
        }
    }

    /// serde_json's refusal of nesting past 128 levels.
    fn is_too_deep(&self) -> bool {
        matches!(self, LoadError::Syntax { message, .. } if message.starts_with("recursion limit"))
    }
}

/// Whether a report at `url_origin` may be shown by a page at
/// `page_origin`: its own origin always, others only when the site's build
/// listed them. (`null` origins, as of `file://` pages, match nothing.)
pub fn report_origin_allowed(page_origin: &str, url_origin: &str, allowed: &[String]) -> bool {
    if url_origin == "null" || url_origin.is_empty() {
        return false;
    }
    url_origin.eq_ignore_ascii_case(page_origin)
        || allowed.iter().any(|a| a.eq_ignore_ascii_case(url_origin))
}

/// Parses report JSON without checking its meaning.
pub fn parse_unchecked(text: &str) -> Result<Report, LoadError> {
    // Editors on Windows often save a byte order mark; it is not JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() || text.trim() == "null" {
        return Err(LoadError::Missing);
    }
    if text.len() > MAX_REPORT_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    // As `serde_json::from_str`, but reading structs as objects only.
    let mut de = serde_json::Deserializer::from_str(text);
    serde::Deserialize::deserialize(super::objects::Obj(&mut de))
        .and_then(|r: Report| de.end().map(|()| r))
        .map_err(|e| {
            let (line, column) = (e.line(), e.column());
            let message = strip_position(&e.to_string());
            if e.is_data() {
                LoadError::Shape {
                    pointer: pointer_at(text, line, column),
                    line,
                    column,
                    message,
                }
            } else {
                LoadError::Syntax {
                    line,
                    column,
                    message,
                }
            }
        })
}

/// Parses report JSON and checks its meaning.
pub fn parse_report(text: &str) -> Result<Report, LoadError> {
    let report = parse_unchecked(text)?;
    let problems = validate(&report);
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// serde_json appends " at line L column C"; the position is reported
/// separately, so drop it from the message.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// The JSON pointer of the value being read at `line`:`column` (1-based,
/// as serde_json reports them). serde_json names the place of a shape error
/// only by position; walking the text up to it recovers the path, which
/// costs far less WASM than tracking paths while deserialising.
pub fn pointer_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object { key: Option<String> },
        Array { index: usize, started: bool },
    }
    let offset = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        + column;
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    let raw = text.get(start..i.min(bytes.len())).unwrap_or("");
                    let key = serde_json::from_str::<String>(&format!("\"{raw}\""))
                        .unwrap_or_else(|_| raw.to_string());
                    if let Some(Frame::Object { key: k }) = stack.last_mut() {
                        *k = Some(key);
                    }
                    expect_key = false;
                } else {
                    start_value(&mut stack);
                }
            }
            b'{' => {
                start_value(&mut stack);
                stack.push(Frame::Object { key: None });
                expect_key = true;
            }
            b'[' => {
                start_value(&mut stack);
                stack.push(Frame::Array {
                    index: 0,
                    started: false,
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key }) => {
                    *key = None;
                    expect_key = true;
                }
                Some(Frame::Array { index, .. }) => *index += 1,
                None => {}
            },
            b if !b.is_ascii_whitespace() && b != b':' => start_value(&mut stack),
            _ => {}
        }
        i += 1;
    }

    fn start_value(stack: &mut [Frame]) {
        if let Some(Frame::Array { started, .. }) = stack.last_mut() {
            *started = true;
        }
    }

    let mut out = String::new();
    for f in &stack {
        match f {
            Frame::Object { key: Some(k) } => {
                out.push('/');
                out.push_str(&k.replace('~', "~0").replace('/', "~1"));
            }
            Frame::Array {
                index,
                started: true,
            } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            _ => {}
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_line_and_column() {
        match parse_report("{\n  \"format_version\": 1,\n  oops\n}") {
            Err(LoadError::Syntax { line, column, .. }) => {
                assert_eq!(line, 3);
                assert_eq!(column, 3);
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn structs_are_objects_only() {
        let text = r#"{"format_version": 1, "meta": ["t", "i", "r", "p", null, "zh"]}"#;
        match parse_report(text) {
            Err(LoadError::Shape {
                pointer, message, ..
            }) => {
                assert_eq!(pointer, "/meta");
                assert_eq!(message, "invalid type: sequence, expected struct Meta");
            }
            other => panic!("expected a shape error, got {other:?}"),
        }
    }

    #[test]
    fn shape_errors_have_a_pointer() {
        let text = r#"{"format_version": 1, "meta": {"title": 5}}"#;
        match parse_report(text) {
            Err(LoadError::Shape { pointer, .. }) => assert_eq!(pointer, "/meta/title"),
            other => panic!("expected a shape error, got {other:?}"),
        }
    }

    #[test]
    fn pointer_at_follows_objects_and_arrays() {
        let text = "{\"a\": [1, {\"b\": \"x\", \"c\": [true, false]}], \"d~/\": 2}";
        let at = |needle: &str| pointer_at(text, 1, text.find(needle).unwrap() + needle.len());
        assert_eq!(at("[1"), "/a/0");
        assert_eq!(at("\"x"), "/a/1/b");
        assert_eq!(at("[true, f"), "/a/1/c/1");
        assert_eq!(at("\"d~/\": 2"), "/d~0~1");
        assert_eq!(pointer_at("[\n 1,\n 2]", 3, 2), "/1");
    }

    #[test]
    fn reports_load_only_from_allowed_origins() {
        let allowed = vec!["https://data.example.gov.cn".to_string()];
        assert!(report_origin_allowed(
            "https://www.example.gov.cn",
            "https://www.example.gov.cn",
            &[]
        ));
        assert!(report_origin_allowed(
            "https://www.example.gov.cn",
            "https://DATA.example.gov.cn",
            &allowed
        ));
        assert!(!report_origin_allowed(
            "https://www.example.gov.cn",
            "https://evil.example",
            &allowed
        ));
        assert!(!report_origin_allowed("null", "null", &[]));
    }

    #[test]
    fn empty_text_is_missing() {
        assert_eq!(parse_report("  "), Err(LoadError::Missing));
        assert_eq!(parse_report("null"), Err(LoadError::Missing));
    }

    #[test]
    fn trailing_garbage_is_a_syntax_error() {
        let text = r#"{"format_version":1,"meta":{"title":"t","issuer":"i","region":"r","period":"p","language":"zh-CN"},"sections":[]} x"#;
        assert!(matches!(parse_report(text), Err(LoadError::Syntax { .. })));
    }
}
