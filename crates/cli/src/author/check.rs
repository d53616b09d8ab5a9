//! `report validate`: checks report files and says what is wrong where, in
//! Chinese and English, for people or (as JSON) for machines.

use std::path::Path;

use serde::Serialize;

use report_format::{check_report, Code, Problem};

/// The result of checking one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileCheck {
    /// The file as named on the command line.
    pub file: String,
    /// `valid`, `invalid` or `unreadable`.
    pub status: Status,
    /// Every problem, in document order.
    pub problems: Vec<Problem>,
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

/// Checks the report text `text` of `file`.
pub fn check_text(file: &str, text: &str) -> FileCheck {
    let problems = match check_report(text) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems(),
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
    let text = std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| String::from_utf8(bytes).map_err(|e| format!("not UTF-8 text: {e}")));
    match text {
        Ok(text) => check_text(&file, &text),
        Err(why) => FileCheck {
            file,
            status: Status::Unreadable,
            problems: vec![Problem::new(Code::Unreadable, "", &[&why])],
        },
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
        s += &format!("  {at}[{}] {} / {}\n", p.code.name(), p.zh, p.en);
        s += &format!("    修改建议:{} / How to fix: {}\n", p.hint_zh, p.hint_en);
    }
    s
}
