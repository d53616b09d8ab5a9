//! The `report` command as an author runs it: exit codes (0 done, 1
//! invalid input, 2 unreadable input or a failure), messages, and the
//! whole way from a text file to a site.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use report_cli::author::check;

/// A path under the repository root.
fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// Runs `report` with `args` in the repository root.
fn report(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report"))
        .args(args)
        .current_dir(repo(""))
        .output()
        .unwrap()
}

#[test]
fn validate_exit_codes_and_json_output() {
    let run = report;
    let ok = run(&[
        "validate",
        "public/reports/jimo-2024.json",
        "tests/fixtures/valid/minimal.json",
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let bad = run(&[
        "validate",
        "tests/fixtures/valid/minimal.json",
        "tests/fixtures/invalid/duplicate-id.json",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    let gone = run(&[
        "validate",
        "tests/fixtures/invalid/duplicate-id.json",
        "no/such/file.json",
    ]);
    assert_eq!(gone.status.code(), Some(2));
    let json = run(&[
        "validate",
        "--format",
        "json",
        "tests/fixtures/invalid/syntax-trailing-comma.json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v[0]["status"], "invalid");
    assert_eq!(v[0]["problems"][0]["code"], "json-syntax");
    assert!(v[0]["problems"][0]["location"]
        .as_str()
        .unwrap()
        .contains(':'));
}

#[test]
fn import_then_build_from_the_command_line() {
    let bin = env!("CARGO_BIN_EXE_report");
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path();
    let json = tmp.join("other.json");
    let out = Command::new(bin)
        .args(["import", "tests/fixtures/import/other-shape.txt", "-o"])
        .arg(&json)
        .args([
            "--issuer",
            "某县人民政府",
            "--region",
            "某县",
            "--period",
            "2025年",
        ])
        .current_dir(repo(""))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = check::check_file(&json);
    assert_eq!(
        check.status,
        check::Status::Valid,
        "{}",
        check::to_text(&check)
    );
    if Path::new(&repo("target/viewer/index.html")).exists() {
        let site = tmp.join("site");
        // (The offline files are the release build's business: see the
        // end-to-end tests. Made by a debug build, they take a minute.)
        let built = Command::new(bin)
            .arg("build")
            .arg(&json)
            .arg("--no-offline")
            .arg("--out")
            .arg(&site)
            .current_dir(repo(""))
            .output()
            .unwrap();
        assert!(
            built.status.success(),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        assert!(std::fs::read_to_string(site.join("index.html"))
            .unwrap()
            .contains("完善制度。"));
        // An invalid report is refused with the validator's words.
        let refused = Command::new(bin)
            .args(["build", "tests/fixtures/invalid/duplicate-id.json", "--out"])
            .arg(tmp.join("refused"))
            .current_dir(repo(""))
            .output()
            .unwrap();
        assert_eq!(refused.status.code(), Some(1), "invalid input exits with 1");
        assert!(
            String::from_utf8_lossy(&refused.stderr).contains("duplicate")
                || String::from_utf8_lossy(&refused.stderr).contains("重复")
        );
    }
}

#[test]
fn every_command_exits_with_the_agreed_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let code = |o: Output| o.status.code();
    // Invalid input: 1.
    assert_eq!(
        code(report(&[
            "plain",
            "tests/fixtures/invalid/duplicate-id.json",
            "-o",
            &out("p.html")
        ])),
        Some(1)
    );
    // Unreadable input: 2.
    assert_eq!(
        code(report(&["plain", "no/such.json", "-o", &out("p.html")])),
        Some(2)
    );
    assert_eq!(
        code(report(&["build", "no/such.json", "--out", &out("s")])),
        Some(2)
    );
    assert_eq!(code(report(&["import", "no/such.txt"])), Some(2));
    // A viewer that is not there is a failure, not the author's: 2.
    assert_eq!(
        code(report(&[
            "build",
            "tests/fixtures/valid/minimal.json",
            "--out",
            &out("s"),
            "--viewer",
            &out("none")
        ])),
        Some(2)
    );
    // Done: 0.
    assert_eq!(
        code(report(&[
            "plain",
            "tests/fixtures/valid/minimal.json",
            "-o",
            &out("p.html")
        ])),
        Some(0)
    );
    assert_eq!(code(report(&["schema"])), Some(0));
}
