//! Broken reports give precise, located messages in Chinese and English;
//! valid ones pass. Every error case is a file in `tests/fixtures/invalid/`
//! (the one source of each case, also the fuzzers' seeds) with the
//! messages it must give in its `.expected` file; `UPDATE_SNAPSHOTS=1`
//! rewrites those.

use report_cli::author::check;
use report_format::parse_report;

use crate::{read, repo};

/// The fixtures, sorted by name.
fn fixtures() -> Vec<std::path::PathBuf> {
    let mut entries: Vec<_> = std::fs::read_dir(repo("tests/fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    entries
}

#[test]
fn minimal_report_is_valid() {
    assert!(parse_report(&read("tests/fixtures/valid/minimal.json")).is_ok());
}

#[test]
fn broken_reports_give_the_expected_messages() {
    let all = fixtures();
    assert!(all.len() >= 45, "{} fixtures", all.len());
    let mut failed = Vec::new();
    for path in &all {
        let name = format!(
            "tests/fixtures/invalid/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let c = check::check_text(&name, &std::fs::read_to_string(path).unwrap());
        assert_eq!(c.status, check::Status::Invalid, "{name} is refused");
        // Every message in both languages, with a hint each.
        for p in &c.problems {
            assert!(
                p.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    && !p.en.is_empty()
                    && !p.hint_zh.is_empty()
                    && !p.hint_en.is_empty(),
                "{name}: {p:?}"
            );
        }
        let got = check::to_text(&c);
        let expected_path = path.with_extension("expected");
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&expected_path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != want {
            failed.push(format!("{name}:\n--- want\n{want}--- got\n{got}"));
        }
    }
    assert!(
        failed.is_empty(),
        "messages differ (UPDATE_SNAPSHOTS=1 rewrites them):\n{}",
        failed.join("\n")
    );
}
