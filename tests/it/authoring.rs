//! The authoring tool: schema, validator, importer.

use report_cli::author::{import, schema_json};
use report_format::{validate, Block, Indexed, Qualifier, Report, Section};

/// The problems validation finds in `r`.
fn problems(r: &Report) -> Vec<report_format::Problem> {
    validate(&Indexed::new(r.clone()))
}

use crate::{bundled, read};

#[test]
fn committed_schema_matches_the_types() {
    let committed = read("docs/report.schema.json");
    assert!(
        committed == schema_json(),
        "docs/report.schema.json is out of date: run `target/release/report schema > docs/report.schema.json`"
    );
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
    let (got, want): (Report, Report) = (imp.report, bundled().into_report());
    assert_eq!(structure(&got.sections), structure(&want.sections));
    assert_eq!(paragraphs(&got.preamble), paragraphs(&want.preamble));
    assert_eq!(paragraphs(&got.closing), paragraphs(&want.closing));
    assert!(problems(&got).is_empty(), "{:?}", problems(&got));
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
    assert!(problems(&r).is_empty(), "{:?}", problems(&r));
    assert_eq!(r.meta.title, "某县2025年政务公开工作情况报告");
    assert_eq!(r.meta.published.as_deref(), Some("2026-01-15"));
    // Read from the sign-off, and said so: a warning with the option that
    // corrects it, and the note the viewer shows.
    assert_eq!(r.meta.issuer, "某县人民政府");
    assert!(imp
        .warnings
        .iter()
        .any(|w| w.contains("落款") && w.contains("--issuer")));
    assert!(r.meta.note.as_deref().unwrap().contains("按落款填写"));
    assert_eq!(r.meta.region, "某县", "inferred from the title");
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
