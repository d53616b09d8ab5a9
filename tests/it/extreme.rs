//! Malformed and extreme reports: each one either loads and renders
//! sensibly (every chart draws at phone and desktop widths and at large
//! text, with no `NaN` or infinity in the drawing; summaries, CSV, search
//! and the static page are made) or is refused with located messages in
//! Chinese and English. None panics, hangs or overflows the stack.
//!
//! The limits these cases run into are documented in README.md
//! ("Limits").

use report_viewer::chart::{render_svg, ChartStyle, Theme};
use report_viewer::i18n::Lang;
use report_viewer::model::{
    chart_csv, chart_summary, parse_report, report_csv, LoadError, Report, MAX_ABS_VALUE,
    MAX_POINTS_PER_SERIES, MAX_REPORT_BYTES, MAX_SERIES_PER_CHART,
};
use report_viewer::search::Index;
use serde_json::{json, Value};

use crate::{minimal, read};

/// What a case must come to.
enum Expect {
    /// Loads; everything the viewer does with it works.
    Renders,
    /// Refused; one message's location or English text contains this.
    Refused(&'static str),
}

/// The minimal report with `edit` applied, as text.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = minimal();
    edit(&mut v);
    v.to_string()
}

/// The minimal report's chart with `series` as its only series over
/// `categories`.
fn with_series(categories: Vec<String>, points: Vec<(String, f64)>) -> String {
    edited(|v| {
        let chart = &mut v["charts"][0];
        chart["categories"] = json!(categories);
        chart["series"] = json!([{
            "id": "s-x", "name": "系列", "unit": "件",
            "points": points.iter().map(|(x, value)| json!({
                "x": x,
                "value": { "value": value, "source": {
                    "kind": "external", "url": "https://example.org/",
                    "publisher": "合成数据", "quote": "合成数据,仅供测试" } }
            })).collect::<Vec<_>>()
        }]);
    })
}

fn years(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{}", 1000 + i)).collect()
}

/// Sections nested `depth` deep, written as text (a `serde_json::Value`
/// that deep would overflow the stack while being dropped).
fn nested(depth: usize) -> String {
    let inner = crate::nested_sections(depth);
    let text = edited(|v| v["sections"].as_array_mut().unwrap().push(json!("HOLE")));
    text.replace("\"HOLE\"", &inner)
}

fn cases() -> Vec<(&'static str, String, Expect)> {
    use Expect::*;
    let bundled = read("public/reports/jimo-2024.json");
    let many_points = |n: usize| {
        with_series(
            years(n),
            (0..n)
                .map(|i| (format!("{}", 1000 + i), i as f64))
                .collect(),
        )
    };
    vec![
        ("empty text", String::new(), Refused("no report data")),
        ("null", "null".into(), Refused("no report data")),
        (
            "whitespace only",
            " \n\t ".into(),
            Refused("no report data"),
        ),
        (
            "truncated in the middle",
            bundled[..bundled.len() / 2].to_string(),
            Refused("JSON syntax error"),
        ),
        ("one brace", "{".into(), Refused("1:1")),
        (
            "an HTML page instead of JSON",
            "<!doctype html><title>404</title>".into(),
            Refused("line 1, column 1"),
        ),
        (
            "a list at the top",
            "[]".into(),
            Refused("not in the report format"),
        ),
        (
            "a number at the top",
            "42".into(),
            Refused("not in the report format"),
        ),
        (
            "version as a string",
            edited(|v| v["format_version"] = json!("1")),
            Refused("/format_version"),
        ),
        (
            "unsupported version",
            edited(|v| v["format_version"] = json!(2)),
            Refused("/format_version"),
        ),
        (
            "sections as an object",
            edited(|v| v["sections"] = json!({})),
            Refused("/sections"),
        ),
        (
            "value as a string",
            edited(|v| v["figures"][0]["value"]["value"] = json!("550")),
            Refused("/figures/0/value/value"),
        ),
        (
            "unknown field at the top",
            edited(|v| v["extra"] = json!(1)),
            Refused("extra"),
        ),
        (
            "unknown field in a series",
            edited(|v| v["charts"][0]["series"][0]["colour"] = json!("red")),
            Refused("colour"),
        ),
        (
            "a key written twice",
            bundled.replacen("\"title\":", "\"title\": \"x\", \"title\":", 1),
            Refused("duplicate field"),
        ),
        (
            "duplicate ids",
            edited(|v| v["sections"][0]["id"] = json!("p-intro")),
            Refused("/sections/0/id"),
        ),
        (
            "dangling chart reference",
            edited(|v| v["sections"][0]["sections"][0]["blocks"][2]["chart"] = json!("nope")),
            Refused("/sections/0/sections/0/blocks/2"),
        ),
        (
            "dangling figure reference",
            edited(|v| v["sections"][0]["sections"][0]["blocks"][1]["figures"][0] = json!("nope")),
            Refused("/sections/0/sections/0/blocks/1"),
        ),
        (
            "dangling paragraph in a source",
            edited(|v| v["figures"][0]["value"]["source"]["paragraph"] = json!("nope")),
            Refused("/figures/0/value/source"),
        ),
        (
            "point in an unknown category",
            with_series(years(2), vec![("1999".into(), 1.0)]),
            Refused("/charts/0/series/0/points/0"),
        ),
        (
            "a javascript: source",
            with_series(years(1), vec![("1000".into(), 1.0)])
                .replace("https://example.org/", "javascript:alert(1)"),
            Refused("/charts/0/series/0/points/0/value/source"),
        ),
        (
            "a number too large for a double",
            edited(|v| v["figures"][0]["value"]["value"] = json!(1)).replacen(
                "\"value\":1",
                "\"value\":1e400",
                1,
            ),
            Refused("number out of range"),
        ),
        (
            "NaN written as a word",
            "{\"format_version\": NaN}".into(),
            Refused("1:"),
        ),
        (
            "a lone surrogate escape",
            edited(|v| v["meta"]["title"] = json!("HOLE")).replace("HOLE", "\\ud800"),
            Refused("JSON syntax error"),
        ),
        (
            "sections nested 1,000 deep",
            nested(1000),
            Refused("nested"),
        ),
        (
            "sections nested 9 deep",
            nested(9),
            Refused("deeper than 8"),
        ),
        ("sections nested 8 deep", nested(8), Renders),
        (
            "an empty series",
            with_series(years(2), vec![]),
            Refused("/charts/0/series/0/points"),
        ),
        (
            "a single point",
            with_series(years(1), vec![("1000".into(), 7.0)]),
            Renders,
        ),
        (
            "negative values",
            with_series(
                years(3),
                vec![
                    ("1000".into(), -5.0),
                    ("1001".into(), -0.5),
                    ("1002".into(), 3.0),
                ],
            ),
            Renders,
        ),
        (
            "all zero",
            with_series(
                years(3),
                (0..3).map(|i| (format!("{}", 1000 + i), 0.0)).collect(),
            ),
            Renders,
        ),
        (
            "1e300",
            with_series(
                years(2),
                vec![("1000".into(), 1e300), ("1001".into(), 2e300)],
            ),
            Refused("out of range"),
        ),
        (
            "the largest values allowed, both signs",
            with_series(
                years(2),
                vec![
                    ("1000".into(), MAX_ABS_VALUE),
                    ("1001".into(), -MAX_ABS_VALUE),
                ],
            ),
            Renders,
        ),
        (
            "a range reaching past the largest value",
            edited(|v| {
                v["figures"][0]["value"]["qualifier"] = json!({"kind": "range", "high": 1e300})
            }),
            Refused("/figures/0/value/value"),
        ),
        (
            "the largest doubles, both signs",
            with_series(
                years(2),
                vec![("1000".into(), f64::MAX), ("1001".into(), -f64::MAX)],
            ),
            Refused("out of range"),
        ),
        (
            "tiny values",
            with_series(
                years(2),
                vec![("1000".into(), 1e-300), ("1001".into(), 5e-324)],
            ),
            Renders,
        ),
        ("10,000 points", many_points(MAX_POINTS_PER_SERIES), Renders),
        (
            "10,000 points in reverse order",
            with_series(
                years(MAX_POINTS_PER_SERIES),
                (0..MAX_POINTS_PER_SERIES)
                    .rev()
                    .map(|i| (format!("{}", 1000 + i), i as f64))
                    .collect(),
            ),
            Renders,
        ),
        (
            "10,001 points",
            many_points(MAX_POINTS_PER_SERIES + 1),
            Refused("at most 10000 points"),
        ),
        (
            "13 series",
            edited(|v| {
                let s = v["charts"][0]["series"][0].clone();
                v["charts"][0]["series"] = json!((0..=MAX_SERIES_PER_CHART)
                    .map(|i| {
                        let mut s = s.clone();
                        s["id"] = json!(format!("s-{i}"));
                        s
                    })
                    .collect::<Vec<_>>());
            }),
            Refused("at most 12 series"),
        ),
        (
            "a 5 MB paragraph",
            edited(|v| {
                let p = &mut v["sections"][0]["sections"][0]["blocks"][0]["text"];
                let text = p.as_str().unwrap().to_string();
                *p = json!(format!("{text}{}", "依法行政,".repeat(5_000_000 / 15)));
            }),
            Renders,
        ),
        (
            "over the size limit",
            edited(|v| v["meta"]["note"] = json!("x".repeat(MAX_REPORT_BYTES))),
            Refused("over the limit"),
        ),
        (
            "control characters and a byte order mark in text",
            edited(|v| v["meta"]["title"] = json!("\u{0}\u{7}\u{1b}[31m\u{feff}\u{202e}标题")),
            Renders,
        ),
        (
            "a byte order mark before the JSON",
            format!("\u{feff}{}", read("tests/fixtures/valid/minimal.json")),
            Renders,
        ),
        (
            "a range whose top is below its bottom",
            edited(|v| v["figures"][0]["value"]["qualifier"] = json!({"kind": "range", "high": 1})),
            Refused("/figures/0/value"),
        ),
        (
            "an id of 65 characters",
            edited(|v| v["sections"][0]["id"] = json!("a".repeat(65))),
            Refused("/sections/0/id"),
        ),
    ]
}

/// Everything the viewer does with a report it loaded.
fn exercise(name: &str, report: &Report) {
    for lang in [Lang::Zh, Lang::En] {
        for chart in &report.charts {
            for (width, scale) in [(320, 1.0), (960, 1.0), (320, 2.0)] {
                let style = ChartStyle::for_width(width, scale, Theme::Light, lang);
                match render_svg(chart, &style) {
                    Ok(svg) => {
                        for bad in ["NaN", "inf"] {
                            assert!(!svg.contains(bad), "{name}: {bad} in the drawing");
                        }
                    }
                    // A chart without points says so instead of drawing.
                    Err(e) => assert!(
                        chart.series.iter().all(|s| s.points.is_empty()),
                        "{name}: {e}"
                    ),
                }
            }
            let summary = chart_summary(chart, lang);
            assert!(summary.iter().all(|s| !s.contains("NaN")), "{name}");
            assert!(chart_csv(report, chart, lang).lines().count() > 1, "{name}");
        }
        assert!(!report_csv(report, lang).is_empty());
        let index = Index::build(report, lang);
        assert!(!index.search("报告", 10).is_empty(), "{name}: search");
    }
    let page = report_viewer::site::prerender(report, report_viewer::site::PageKind::Hosted);
    assert!(page.contains("<h1"), "{name}: static page");
    if let Some(s) = report.sections.first() {
        assert!(page.contains(&s.title), "{name}: static page");
    }
}

#[test]
fn malformed_and_extreme_reports() {
    let cases = cases();
    assert!(cases.len() >= 30);
    for (name, text, expect) in cases {
        match (parse_report(&text), expect) {
            (Ok(report), Expect::Renders) => exercise(name, &report),
            (Err(e), Expect::Refused(needle)) => {
                let diags = e.diagnostics();
                assert!(!diags.is_empty(), "{name}");
                for d in &diags {
                    assert!(
                        d.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                        "{name}: {}",
                        d.zh
                    );
                    assert!(!d.en.is_empty() && !d.hint_zh.is_empty() && !d.hint_en.is_empty());
                }
                assert!(
                    diags
                        .iter()
                        .any(|d| d.location.contains(needle) || d.en.contains(needle)),
                    "{name}: no message mentions {needle:?}: {diags:#?}"
                );
            }
            (Ok(_), Expect::Refused(needle)) => panic!("{name}: loaded, expected {needle:?}"),
            (Err(e), Expect::Renders) => panic!("{name}: refused: {e}"),
        }
    }
}

#[test]
fn a_refused_report_is_never_a_bare_parser_message() {
    // The deepest nesting reads as a statement about the report, not as
    // serde's "recursion limit exceeded".
    let e = parse_report(&nested(1000)).unwrap_err();
    assert!(matches!(e, LoadError::Syntax { .. }));
    let d = &e.diagnostics()[0];
    assert!(d.zh.contains("嵌套"), "{}", d.zh);
    assert!(!d.en.contains("recursion"), "{}", d.en);
}
