//! `report validate`: checks report files and says what is wrong where, in
//! Chinese and English, for people or (as JSON) for machines.

use std::path::Path;

use serde::Serialize;

use crate::model::{parse_report, Diagnostic, LoadError};

/// The result of checking one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileCheck {
    /// The file as named on the command line.
    pub file: String,
    /// `valid`, `invalid` or `unreadable`.
    pub status: Status,
    /// Every problem, in document order.
    pub problems: Vec<Found>,
}

/// Whether a file is a valid report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A valid report.
    Valid,
    /// Read, but not a valid report.
    Invalid,
    /// Could not be read at all (missing, not UTF-8, a directory).
    Unreadable,
}

/// One problem, as printed or serialised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// JSON pointer, or `line:column` for syntax errors.
    pub location: String,
    /// Stable code, e.g. `duplicate-id`, `json-syntax`.
    pub code: String,
    /// What is wrong, in Chinese.
    pub zh: String,
    /// What is wrong, in English.
    pub en: String,
    /// How to fix it, in Chinese.
    pub hint_zh: String,
    /// How to fix it, in English.
    pub hint_en: String,
}

fn found(code: &str, d: Diagnostic) -> Found {
    Found {
        location: d.location,
        code: code.to_string(),
        zh: d.zh,
        en: d.en,
        hint_zh: d.hint_zh,
        hint_en: d.hint_en,
    }
}

/// Checks the report text `text` of `file`.
pub fn check_text(file: &str, text: &str) -> FileCheck {
    let problems = match parse_report(text) {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(problems)) => problems
            .into_iter()
            .map(|p| Found {
                location: p.pointer,
                code: p.code.to_string(),
                zh: p.zh,
                en: p.en,
                hint_zh: p.hint_zh,
                hint_en: p.hint_en,
            })
            .collect(),
        Err(e) => {
            let code = match e {
                LoadError::Syntax { .. } => "json-syntax",
                LoadError::Shape { .. } => "schema",
                LoadError::TooLarge { .. } => "too-large",
                _ => "missing",
            };
            e.diagnostics()
                .into_iter()
                .map(|d| found(code, d))
                .collect()
        }
    };
    FileCheck {
        file: file.to_string(),
        status: if problems.is_empty() {
            Status::Valid
        } else {
            Status::Invalid
        },
        problems,
    }
}

/// Reads and checks one file.
pub fn check_file(path: &Path) -> FileCheck {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => check_text(&file, &text),
            Err(e) => unreadable(
                file,
                &format!("not UTF-8 text ({e})"),
                "文件不是 UTF-8 文本",
            ),
        },
        Err(e) => unreadable(file.clone(), &e.to_string(), "无法读取文件"),
    }
}

fn unreadable(file: String, en: &str, zh: &str) -> FileCheck {
    FileCheck {
        file,
        status: Status::Unreadable,
        problems: vec![Found {
            location: String::new(),
            code: "unreadable".into(),
            zh: format!("{zh}({en})"),
            en: en.to_string(),
            hint_zh: "检查文件名和文件编码(应为 UTF-8)".into(),
            hint_en: "check the file name and that the file is UTF-8".into(),
        }],
    }
}

/// The process exit code for a set of checks: 0 all valid, 1 some invalid,
/// 2 some unreadable.
pub fn exit_code(checks: &[FileCheck]) -> u8 {
    if checks.iter().any(|c| c.status == Status::Unreadable) {
        2
    } else if checks.iter().any(|c| c.status == Status::Invalid) {
        1
    } else {
        0
    }
}

/// The human-readable report of one check.
pub fn to_text(c: &FileCheck) -> String {
    let mut s = match c.status {
        Status::Valid => format!("{}: 有效 / valid\n", c.file),
        Status::Invalid => format!(
            "{}: {} 个问题 / {} problem(s)\n",
            c.file,
            c.problems.len(),
            c.problems.len()
        ),
        Status::Unreadable => format!("{}: 无法读取 / unreadable\n", c.file),
    };
    for p in &c.problems {
        let at = if p.location.is_empty() {
            String::new()
        } else {
            format!("{} ", p.location)
        };
        s += &format!("  {at}[{}] {} / {}\n", p.code, p.zh, p.en);
        s += &format!("    修改建议:{} / How to fix: {}\n", p.hint_zh, p.hint_en);
    }
    s
}
