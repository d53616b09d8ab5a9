//! Turning report JSON text into a checked [`Report`], with errors that say
//! where the problem is.

use crate::index::Indexed;
use crate::problem::{Code, Problem};
use crate::report::Report;
use crate::validate::validate;

/// Report JSON larger than this is refused before parsing.
pub const MAX_REPORT_BYTES: usize = 8 * 1024 * 1024;

/// Why a report could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// There was no report text at all.
    #[error("no report data in the page")]
    Missing,
    /// The text is larger than [`MAX_REPORT_BYTES`].
    #[error("report is {bytes} bytes, more than the limit of {MAX_REPORT_BYTES}")]
    TooLarge {
        /// The size in bytes.
        bytes: usize,
    },
    /// The text is not JSON.
    #[error("JSON syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The text is JSON but not in the report format's shape.
    #[error("{pointer} (line {line}, column {column}): {message}")]
    Shape {
        /// JSON pointer of the value that does not fit.
        pointer: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The report parsed but its content does not hold together.
    #[error("{} problem(s): {}", .0.len(), summary(.0))]
    Invalid(Vec<Problem>),
}

fn summary(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("{}: {}", p.location, p.en))
        .collect::<Vec<_>>()
        .join("; ")
}

impl LoadError {
    /// Every problem this error carries, ready to show a reader or an
    /// author.
    pub fn problems(&self) -> Vec<Problem> {
        let one = |code, location: String, args: &[&str]| vec![Problem::new(code, location, args)];
        match self {
            LoadError::Missing => one(Code::Missing, String::new(), &[]),
            LoadError::TooLarge { bytes } => one(
                Code::TooLarge,
                String::new(),
                &[&bytes.to_string(), &MAX_REPORT_BYTES.to_string()],
            ),
            LoadError::Syntax {
                line,
                column,
                message,
            } => {
                let (l, c) = (line.to_string(), column.to_string());
                // serde_json refuses nesting past 128 levels (so that no
                // report overflows the stack); say so in the report's terms.
                let code = if message.starts_with("recursion limit") {
                    Code::JsonTooDeep
                } else {
                    Code::JsonSyntax
                };
                one(code, format!("{l}:{c}"), &[&l, &c, message])
            }
            LoadError::Shape {
                pointer,
                line,
                column,
                message,
            } => one(
                Code::Schema,
                pointer.clone(),
                &[pointer, &line.to_string(), &column.to_string(), message],
            ),
            LoadError::Invalid(problems) => problems.clone(),
        }
    }
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
    serde::Deserialize::deserialize(crate::objects::Obj(&mut de))
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

/// Parses report JSON, indexes it and checks its meaning.
pub fn parse_report(text: &str) -> Result<Indexed, LoadError> {
    let report = Indexed::new(parse_unchecked(text)?);
    let problems = validate(&report);
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Parses report JSON and checks it as `report build` and `report
/// validate` do: [`parse_report`], and no control characters in its text
/// ([`control_characters`]).
///
/// The viewer reads reports with [`parse_report`] alone: every report in a
/// page has been through `report build`, and its drawings leave such
/// characters out anyway (`report_chart`), so the WASM need not carry this
/// scan (some 800 bytes).
pub fn check_report(text: &str) -> Result<Indexed, LoadError> {
    let controls = || control_characters(text.strip_prefix('\u{feff}').unwrap_or(text));
    match parse_report(text) {
        Ok(report) => match controls() {
            none if none.is_empty() => Ok(report),
            some => Err(LoadError::Invalid(some)),
        },
        Err(LoadError::Invalid(problems)) => Err(LoadError::Invalid(
            controls().into_iter().chain(problems).collect(),
        )),
        Err(e) => Err(e),
    }
}

/// How many control characters [`control_characters`] names: each costs a
/// walk of the text up to it, and an author fixes the first ones first.
const MAX_CONTROL_PROBLEMS: usize = 20;

/// Whether `c` may not stand in report text: a C0 or C1 control other than
/// tab, line feed and carriage return, or U+FFFE/U+FFFF. None of them is
/// visible, and they make an SVG (XML) with that text invalid, so a chart
/// with one could not be downloaded.
pub fn is_stray_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// A problem for each control character in the strings of report JSON
/// `text` (parsed without a syntax error, so every `\` starts an escape): written as an
/// escape (`\u000b`, `\b`, `\f`) or, for C1 controls, as is. Checked on
/// the text, where every string is in one place and each has its line and
/// column, rather than field by field.
pub fn control_characters(text: &str) -> Vec<Problem> {
    // Byte by byte. Raw C0 controls are not JSON; raw DEL is 7F, a raw C1
    // control C2 80–9F, U+FFFE/U+FFFF EF BF BE/BF in UTF-8.
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut problems = Vec::new();
    let (mut i, mut line, mut line_start) = (0, 1, 0);
    while i < bytes.len() && problems.len() < MAX_CONTROL_PROBLEMS {
        let found = match (at(i), at(i + 1)) {
            (b'\\', b'b') => Some(0x08),
            (b'\\', b'f') => Some(0x0c),
            (b'\\', b'u') => {
                (i + 2..i + 6).try_fold(0, |v, j| Some(v * 16 + (at(j) as char).to_digit(16)?))
            }
            (0x7f, _) => Some(0x7f),
            (0xc2, c @ 0x80..=0x9f) => Some(c as u32),
            (0xef, 0xbf) if matches!(at(i + 2), 0xbe | 0xbf) => {
                Some(0xffc0 | (at(i + 2) & 0x3f) as u32)
            }
            (b'\n', _) => {
                (line, line_start) = (line + 1, i + 1);
                None
            }
            _ => None,
        };
        if let Some(c) = found
            .and_then(char::from_u32)
            .filter(|&c| is_stray_control(c))
        {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            let code: String = (0..4)
                .rev()
                .map(|k| HEX[(c as usize >> (4 * k)) & 15] as char)
                .collect();
            // The column in characters, as editors count them.
            let column = text[line_start..i].chars().count() + 1;
            problems.push(Problem::new(
                Code::ControlCharacter,
                pointer_at(text, 1, i + 1),
                &[&line.to_string(), &column.to_string(), &code],
            ));
        }
        // An escape's second byte is never the start of another.
        i += if at(i) == b'\\' { 2 } else { 1 };
    }
    problems
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

    /// The codes and locations of the problems `text` gives.
    fn problems(text: &str) -> Vec<(Code, String, String)> {
        check_report(text)
            .err()
            .map(|e| e.problems())
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.code, p.location, p.en))
            .collect()
    }

    const META: &str =
        r#""meta":{"title":"t","issuer":"i","region":"r","period":"p","language":"zh-CN"}"#;

    #[test]
    fn control_characters_are_refused_where_they_are() {
        // Escaped C0 controls, \b and \f, a raw C1 control, DEL and
        // U+FFFE, an escaped U+FFFF: each named with its place; tab,
        // newline and an escaped backslash before "u000b" are text.
        let sections = r#""sections":[{"id":"s","title":"a\u000Bb\tc\n\\u000b",
"blocks":[{"type":"paragraph","id":"p","text":"x\by\fzC1DEL\uFFFF\u0000"}]}]"#
            .replace("C1", "\u{85}")
            .replace("DEL", "\u{7f}\u{fffe}");
        let text = format!("{{\"format_version\":1,{META},{sections}}}");
        // The viewer's reading leaves this scan to `report build`.
        let read = parse_report(&text).err().map(|e| e.problems());
        assert!(!read
            .iter()
            .flatten()
            .any(|p| p.code == Code::ControlCharacter));
        let got: Vec<(Code, String, String)> = problems(&text)
            .into_iter()
            .filter(|p| p.0 == Code::ControlCharacter)
            .collect();
        let places: Vec<(&str, &str)> = got
            .iter()
            .map(|(_, at, en)| (at.as_str(), &en[en.rfind("U+").unwrap() + 2..]))
            .collect();
        let text_at = "/sections/0/blocks/0/text";
        assert_eq!(
            places,
            [
                ("/sections/0/title", "000B"),
                (text_at, "0008"),
                (text_at, "000C"),
                (text_at, "0085"),
                (text_at, "007F"),
                (text_at, "FFFE"),
                (text_at, "FFFF"),
                (text_at, "0000"),
            ],
            "{got:?}"
        );
        // Line and column (in characters) of the escape or the character.
        assert!(got[1].2.starts_with("line 2, column 49:"), "{got:?}");
        assert!(got[3].2.starts_with("line 2, column 55:"), "{got:?}");
        // A report without them has no such problem.
        let clean = format!(
            r#"{{"format_version":1,{META},"sections":[{{"id":"s","title":"a\tb\n\\u0007 \u00e9"}}]}}"#
        );
        assert!(!problems(&clean)
            .iter()
            .any(|p| p.0 == Code::ControlCharacter));
    }

    #[test]
    fn stray_controls_are_those_xml_and_readers_cannot_take() {
        for c in [
            '\u{0}', '\u{b}', '\u{1f}', '\u{7f}', '\u{85}', '\u{9f}', '\u{fffe}', '\u{ffff}',
        ] {
            assert!(is_stray_control(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', 'é', '行', '\u{a0}', '\u{fffd}'] {
            assert!(!is_stray_control(c), "{c:?}");
        }
    }

    #[test]
    fn empty_text_is_missing() {
        assert_eq!(parse_report("  ").unwrap_err(), LoadError::Missing);
        assert_eq!(parse_report("null").unwrap_err(), LoadError::Missing);
    }

    #[test]
    fn trailing_garbage_is_a_syntax_error() {
        let text = r#"{"format_version":1,"meta":{"title":"t","issuer":"i","region":"r","period":"p","language":"zh-CN"},"sections":[]} x"#;
        assert!(matches!(parse_report(text), Err(LoadError::Syntax { .. })));
    }
}
