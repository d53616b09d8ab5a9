//! The authoring tool: schema, validator, importer.

use std::path::Path;
use std::process::Command;

use report_viewer::author::{check, import, schema_json};
use report_viewer::model::{validate, Block, Qualifier, Report, Section};

use crate::{bundled, read, repo};

#[test]
fn committed_schema_matches_the_types() {
    let committed = read("docs/report.schema.json");
    assert!(
        committed == schema_json(),
        "docs/report.schema.json is out of date: run `target/release/report schema > docs/report.schema.json`"
    );
}

/// Each broken fixture gives exactly the messages in its `.expected` file.
/// `UPDATE_SNAPSHOTS=1` rewrites them.
#[test]
fn broken_reports_give_the_expected_diagnostics() {
    let dir = repo("tests/fixtures/invalid");
    let mut seen = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        seen += 1;
        let name = format!(
            "tests/fixtures/invalid/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let c = check::check_text(&name, &std::fs::read_to_string(path).unwrap());
        assert_eq!(c.status, check::Status::Invalid, "{name}");
        let got = check::to_text(&c);
        let expected_path = path.with_extension("expected");
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&expected_path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
            panic!(
                "{} missing; run with UPDATE_SNAPSHOTS=1",
                expected_path.display()
            )
        });
        assert_eq!(got, want, "{name}");
    }
    assert!(seen >= 8);
}

#[test]
fn validate_exit_codes_and_json_output() {
    let bin = env!("CARGO_BIN_EXE_report");
    let run = |args: &[&str]| {
        Command::new(bin)
            .args(args)
            .current_dir(repo(""))
            .output()
            .unwrap()
    };
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

/// A section as compared: id, number, title, paragraphs (id, text), and
/// how many subsections it has.
type Shape = (String, String, String, Vec<(String, String)>, usize);

fn structure(sections: &[Section]) -> Vec<Shape> {
    let mut out = Vec::new();
    fn go(out: &mut Vec<Shape>, s: &[Section]) {
        for sec in s {
            let paras = sec
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Paragraph { id, text } => Some((id.clone(), text.clone())),
                    _ => None,
                })
                .collect();
            out.push((
                sec.id.clone(),
                sec.number.clone(),
                sec.title.clone(),
                paras,
                sec.sections.len(),
            ));
            go(out, &sec.sections);
        }
    }
    go(&mut out, sections);
    out
}

fn paragraphs(blocks: &[Block]) -> Vec<(String, String)> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { id, text } => Some((id.clone(), text.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn importing_the_jimo_text_gives_the_bundled_structure() {
    let opts = import::ImportOptions {
        title: Some("青岛市即墨区2024年法治政府建设情况报告".into()),
        issuer: Some("青岛市即墨区人民政府".into()),
        region: Some("山东省青岛市即墨区".into()),
        period: Some("2024年".into()),
        ..Default::default()
    };
    let imp = import::import_text(&read("tests/fixtures/source/jimo-2024.txt"), &opts);
    let (got, want): (Report, Report) = (imp.report, bundled());
    assert_eq!(structure(&got.sections), structure(&want.sections));
    assert_eq!(paragraphs(&got.preamble), paragraphs(&want.preamble));
    assert_eq!(paragraphs(&got.closing), paragraphs(&want.closing));
    assert!(validate(&got).is_empty(), "{:?}", validate(&got));
    // The website's search box line is reported, not kept.
    assert!(imp.warnings.iter().any(|w| w.contains("请输入检索词")));
    // Numbers with units become key figures that quote their words.
    let find = |quote: &str| {
        got.figures
            .iter()
            .find(|f| f.value.source.quote().contains(quote))
    };
    assert_eq!(find("1666件").unwrap().value.value, 1666.0);
    let grid = find("2.1万余名").unwrap();
    assert_eq!(grid.value.value, 21000.0);
    assert_eq!(
        grid.value.qualifier,
        Qualifier::LowerBound {
            marker: "余".into()
        }
    );
    assert_eq!(
        find("2~3个月").unwrap().value.qualifier,
        Qualifier::Range { high: 3.0 }
    );
    assert_eq!(find("4060人次").unwrap().unit, "人次");
    assert_eq!(find("220场次").unwrap().unit, "场次");
    let growth = find("增长148%").unwrap();
    assert!(growth.label.contains("同比") && growth.unit == "%");
    assert!(got.figures.len() >= 30, "{}", got.figures.len());
}

#[test]
fn importing_another_shape() {
    let imp = import::import_text(
        &read("tests/fixtures/import/other-shape.txt"),
        &Default::default(),
    );
    let r = imp.report;
    assert!(validate(&r).is_empty(), "{:?}", validate(&r));
    assert_eq!(r.meta.title, "某县2025年政务公开工作情况报告");
    assert_eq!(r.meta.published.as_deref(), Some("2026-01-15"));
    assert_eq!(r.meta.issuer, import::NOT_STATED, "not guessed");
    assert!(imp.warnings.iter().any(|w| w.contains("--issuer")));
    assert!(imp.warnings.iter().any(|w| w.contains("打印本页")));
    let s = structure(&r.sections);
    let heads: Vec<(&str, &str)> = s.iter().map(|x| (x.1.as_str(), x.2.as_str())).collect();
    assert_eq!(
        heads,
        [
            ("第一部分", "工作开展情况"),
            ("一、", "主要做法"),
            ("（一）", "完善制度。"),
            ("一是", "加强培训。"),
            ("1、", "组织专题讲座。"),
            ("2、", "开展线上学习。"),
            ("二是", "强化督查。"),
            ("（二）", "优化平台。"),
            ("二、", "存在问题"),
            ("第二部分", "下一步打算"),
        ]
    );
    assert_eq!(paragraphs(&r.closing).len(), 3);
    let find = |quote: &str| {
        r.figures
            .iter()
            .find(|f| f.value.source.quote().contains(quote))
            .unwrap()
    };
    assert_eq!(
        find("3000余条").value.qualifier,
        Qualifier::LowerBound {
            marker: "余".into()
        }
    );
    assert_eq!(
        find("95%以上").value.qualifier,
        Qualifier::LowerBound {
            marker: "以上".into()
        }
    );
    assert_eq!(
        find("3~5个工作日").value.qualifier,
        Qualifier::Range { high: 5.0 }
    );
    assert!(find("增长35%").label.contains("比上年"));
}

#[test]
fn import_then_build_from_the_command_line() {
    let bin = env!("CARGO_BIN_EXE_report");
    let tmp = std::env::temp_dir().join(format!("report-import-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
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
        let built = Command::new(bin)
            .arg("build")
            .arg(&json)
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
        assert!(!refused.status.success());
        assert!(
            String::from_utf8_lossy(&refused.stderr).contains("duplicate")
                || String::from_utf8_lossy(&refused.stderr).contains("重复")
        );
    }
    std::fs::remove_dir_all(&tmp).unwrap();
}
