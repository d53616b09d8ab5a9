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
}

/// Parses report JSON without checking its meaning.
pub fn parse_unchecked(text: &str) -> Result<Report, LoadError> {
    if text.trim().is_empty() || text.trim() == "null" {
        return Err(LoadError::Missing);
    }
    if text.len() > MAX_REPORT_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let result: Result<Report, _> = serde_path_to_error::deserialize(&mut de);
    let report = result.map_err(|e| {
        let pointer = to_pointer(e.path());
        let inner = e.into_inner();
        let (line, column) = (inner.line(), inner.column());
        let message = strip_position(&inner.to_string());
        if inner.is_syntax() || inner.is_eof() || inner.is_io() {
            LoadError::Syntax {
                line,
                column,
                message,
            }
        } else {
            LoadError::Shape {
                pointer,
                line,
                column,
                message,
            }
        }
    })?;
    de.end().map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    Ok(report)
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

fn to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        out.push('/');
        match seg {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Segment::Enum { variant } => out.push_str(variant),
            Segment::Unknown => out.push('?'),
        }
    }
    if out.is_empty() {
        "/".to_string()
    } else {
        out
    }
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
    fn shape_errors_have_a_pointer() {
        let text = r#"{"format_version": 1, "meta": {"title": 5}}"#;
        match parse_report(text) {
            Err(LoadError::Shape { pointer, .. }) => assert_eq!(pointer, "/meta/title"),
            other => panic!("expected a shape error, got {other:?}"),
        }
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
