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
        "tests/fixtures/valid/table-cell.json",
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

/// A zip of `parts` (an .xlsx or a broken .docx for the tests).
fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in parts {
        out.start_file(*name, options).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A one-sheet workbook named `sheet`, as Excel stores it; cells as
/// (reference, text or number).
fn xlsx(sheet: &str, cells: &[(&str, &str)]) -> Vec<u8> {
    let mut rows: Vec<(u32, String)> = Vec::new();
    for (at, v) in cells {
        let row: u32 = at
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .unwrap();
        let cell = if v.parse::<f64>().is_ok() {
            format!(r#"<c r="{at}"><v>{v}</v></c>"#)
        } else {
            format!(r#"<c r="{at}" t="inlineStr"><is><t>{v}</t></is></c>"#)
        };
        match rows.iter_mut().find(|(r, _)| *r == row) {
            Some((_, s)) => s.push_str(&cell),
            None => rows.push((row, cell)),
        }
    }
    let data: String = rows
        .iter()
        .map(|(r, c)| format!(r#"<row r="{r}">{c}</row>"#))
        .collect();
    zip_of(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        (
            "xl/worksheets/sheet1.xml",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#
            ),
        ),
    ])
}

#[test]
fn import_refuses_what_it_cannot_read_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "旧版.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0".to_vec(),
            "另存为",
        ),
        ("扫描.pdf", b"%PDF-1.5\n".to_vec(), "PDF"),
        ("照片.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF".to_vec(), "图片"),
        ("压缩包.zip", zip_of(&[("readme.txt", "x")]), "不是 Word"),
        ("空白.txt", Vec::new(), "空的"),
    ];
    for (name, bytes, words) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = report(&["import", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(name) && err.contains(words), "{name}: {err}");
        assert!(err.contains("How to fix"), "{err}");
        assert!(out.stdout.is_empty(), "no report for {name}");
    }
}

#[test]
fn a_chart_from_a_spreadsheet_is_added_with_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    let imported = report(&[
        "import",
        "tests/fixtures/import/report.docx",
        "-o",
        json.to_str().unwrap(),
    ]);
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let book = dir.path().join("数据.xlsx");
    std::fs::write(
        &book,
        xlsx(
            "复议",
            &[
                ("A1", "年份"),
                ("B1", "受理行政复议申请（件）"),
                ("C1", "来源"),
                ("D1", "原文"),
                ("A2", "2023"),
                ("B2", "221"),
                ("C2", "https://www.example.gov.cn/2023.html"),
                ("D2", "受理行政复议申请221件"),
                ("A3", "2024"),
                ("B3", "300余"),
                ("C3", "https://www.example.gov.cn/2024.html"),
                ("D3", "受理行政复议申请300余件"),
            ],
        ),
    )
    .unwrap();
    let add = |args: &[&str]| {
        let mut all = vec!["chart", "add", json.to_str().unwrap()];
        all.extend(args);
        report(&all)
    };
    let out = add(&[
        "--from",
        book.to_str().unwrap(),
        "--kind",
        "line",
        "--title",
        "行政复议申请",
        "--after",
        "part-2",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let chart = r["charts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"] == "行政复议申请")
        .unwrap();
    assert_eq!(chart["unit"], "件");
    assert_eq!(chart["categories"], serde_json::json!(["2023", "2024"]));
    let p = &chart["series"][0]["points"][1]["value"];
    assert_eq!(p["qualifier"]["kind"], "lower_bound");
    assert_eq!(p["source"]["publisher"], "www.example.gov.cn");
    assert_eq!(check::check_file(&json).status, check::Status::Valid);
    // The chart block follows section 二、's text.
    let blocks = r["sections"][1]["blocks"].as_array().unwrap();
    assert_eq!(blocks.last().unwrap()["chart"], chart["id"]);

    // Bad sheets: exit 1, naming the sheet, the cell and its column.
    let csv = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let bad = [
        (
            "文字.csv",
            "年份,案件（件）\n2023,221\n2024,待统计\n",
            vec!["文字", "B3", "案件（件）", "待统计"],
        ),
        (
            "缺分类.csv",
            "年份,案件（件）\n2023,221\n,300\n",
            vec!["缺分类", "A3"],
        ),
        ("空表.csv", "\n\n", vec!["空表", "空"]),
        (
            "只有表头.csv",
            "年份,案件（件）\n",
            vec!["只有表头", "数据"],
        ),
    ];
    for (name, text, words) in bad {
        let path = csv(name, text);
        let out = add(&[
            "--from",
            path.to_str().unwrap(),
            "--kind",
            "bar",
            "--title",
            "t",
            "--source",
            "https://a.example/",
            "--quote",
            "q",
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        for w in words {
            assert!(err.contains(w), "{name}: “{w}” not in {err}");
        }
    }
    // No source, no chart.
    let path = csv("无来源.csv", "年份,案件（件）\n2023,221\n");
    let out = add(&[
        "--from",
        path.to_str().unwrap(),
        "--kind",
        "bar",
        "--title",
        "t",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("来源"));
    // A sheet the workbook does not have.
    let out = add(&[
        "--from",
        book.to_str().unwrap(),
        "--sheet",
        "诉讼",
        "--kind",
        "bar",
        "--title",
        "t",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("复议"),
        "names the sheets there are"
    );
    // A spreadsheet that cannot be read: 2.
    let path = csv("坏.xlsx", "not a workbook");
    let out = add(&[
        "--from",
        path.to_str().unwrap(),
        "--kind",
        "bar",
        "--title",
        "t",
    ]);
    assert_eq!(out.status.code(), Some(2));
    // Nothing invalid was written: the report still validates.
    assert_eq!(check::check_file(&json).status, check::Status::Valid);
}
