//! Extreme reports, each its own test: large ones built here (the small
//! broken ones are files in `tests/fixtures/invalid/`, see `validation`).
//! Each either loads and renders sensibly (every chart draws at phone and
//! desktop widths and at large text, with no `NaN` or infinity in the
//! drawing; summaries, CSV, search and the static page are made) or is
//! refused with located messages in Chinese and English. None panics,
//! hangs or overflows the stack, and none takes time that grows faster
//! than n log n: these are the shapes that once took seconds.
//!
//! The limits these cases run into are documented in README.md
//! ("Limits").

use report_chart::{draw, ChartStyle, DrawOptions};
use report_format::search::{Folding, SearchIndex};
use report_format::{
    chart_csv, chart_summary, check_report, report_csv, Indexed, Lang, Theme,
    MAX_CATEGORIES_PER_CHART, MAX_POINTS_PER_SERIES, MAX_REPORT_BYTES, MAX_SERIES_PER_CHART,
};
use serde_json::{json, Value};

use crate::{minimal, read};

/// What a case must come to.
enum Expect {
    /// Loads; everything the viewer does with it works.
    Renders,
    /// Refused; one message's location or English text contains this.
    Refused(&'static str),
}
use Expect::*;

/// The minimal report with `edit` applied, as text.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = minimal();
    edit(&mut v);
    v.to_string()
}

/// An external source for synthetic values.
fn synthetic() -> Value {
    json!({ "kind": "external", "url": "https://example.org/",
            "publisher": "合成数据", "quote": "合成数据,仅供测试" })
}

/// The minimal report's chart with one series over `categories`, its
/// points `(category, value, source)`.
fn with_points(categories: Vec<String>, points: Vec<(String, f64, Value)>) -> String {
    edited(|v| {
        let chart = &mut v["charts"][0];
        chart["categories"] = json!(categories);
        chart["series"] = json!([{
            "id": "s-x", "name": "系列", "unit": "件",
            "points": points.into_iter().map(|(x, value, source)| json!({
                "x": x, "value": { "value": value, "source": source }
            })).collect::<Vec<_>>()
        }]);
    })
}

/// [`with_points`] with synthetic sources.
fn with_series(categories: Vec<String>, points: Vec<(String, f64)>) -> String {
    with_points(
        categories,
        points
            .into_iter()
            .map(|(x, v)| (x, v, synthetic()))
            .collect(),
    )
}

fn years(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{}", 1000 + i)).collect()
}

fn many_points(n: usize) -> String {
    with_series(
        years(n),
        (0..n)
            .map(|i| (format!("{}", 1000 + i), i as f64))
            .collect(),
    )
}

/// Sections nested `depth` deep, written as text (a `serde_json::Value`
/// that deep would overflow the stack while being dropped).
fn nested(depth: usize) -> String {
    let inner = crate::nested_sections(depth);
    let text = edited(|v| v["sections"].as_array_mut().unwrap().push(json!("HOLE")));
    text.replace("\"HOLE\"", &inner)
}

/// Everything the viewer does with a report it loaded.
fn exercise(name: &str, report: &Indexed) {
    for lang in [Lang::Zh, Lang::En] {
        for chart in &report.charts {
            for (width, scale) in [(320, 1.0), (960, 1.0), (320, 2.0)] {
                let style = ChartStyle::for_width(width, scale, Theme::Light, lang);
                match draw(chart, &style, &DrawOptions::default()) {
                    Ok(d) => {
                        for bad in ["NaN", "inf"] {
                            assert!(!d.svg.contains(bad), "{name}: {bad} in the drawing");
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
        let index = SearchIndex::build(report, lang, &Folding::builtin());
        assert!(!index.search("报告", 10).is_empty(), "{name}: search");
    }
    let page = report_cli::site::prerender(report, Lang::Zh, report_cli::site::PageKind::Hosted);
    assert!(page.contains("<h1"), "{name}: static page");
    if let Some(s) = report.sections.first() {
        assert!(page.contains(&s.title), "{name}: static page");
    }
}

fn check(name: &str, text: String, expect: Expect) {
    // As `report build` checks it (the viewer's own reading skips only the
    // control-character scan).
    match (check_report(&text), expect) {
        (Ok(report), Renders) => exercise(name, &report),
        (Err(e), Refused(needle)) => {
            let problems = e.problems();
            assert!(!problems.is_empty(), "{name}");
            for p in &problems {
                assert!(
                    p.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{name}: {}",
                    p.zh
                );
                assert!(!p.en.is_empty() && !p.hint_zh.is_empty() && !p.hint_en.is_empty());
                // Said in the report's terms, never as a bare parser message.
                assert!(!p.en.contains("recursion limit"), "{name}: {}", p.en);
            }
            assert!(
                problems
                    .iter()
                    .any(|p| p.location.contains(needle) || p.en.contains(needle)),
                "{name}: no message mentions {needle:?}: {problems:#?}"
            );
        }
        (Ok(_), Refused(needle)) => panic!("{name}: loaded, expected {needle:?}"),
        (Err(e), Renders) => panic!("{name}: refused: {e}"),
    }
}

/// One `#[test]` per case, so that one failing case hides no other.
macro_rules! cases {
    ($($name:ident: $text:expr => $expect:expr;)*) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name), $text, $expect);
            }
        )*
    };
}

cases! {
    sections_nested_1000_deep: nested(1000) => Refused("nested more than 128 levels");
    sections_nested_8_deep: nested(8) => Renders;
    a_single_point: with_series(years(1), vec![("1000".into(), 7.0)]) => Renders;
    negative_values: with_series(
        years(3),
        vec![("1000".into(), -5.0), ("1001".into(), -0.5), ("1002".into(), 3.0)],
    ) => Renders;
    all_zero: with_series(years(3), (0..3).map(|i| (format!("{}", 1000 + i), 0.0)).collect()) => Renders;
    the_largest_values_allowed_both_signs: with_series(
        years(2),
        vec![("1000".into(), 1e15), ("1001".into(), -1e15)],
    ) => Renders;
    the_largest_doubles: with_series(
        years(2),
        vec![("1000".into(), f64::MAX), ("1001".into(), -f64::MAX)],
    ) => Refused("out of range");
    tiny_values: with_series(years(2), vec![("1000".into(), 1e-300), ("1001".into(), 5e-324)]) => Renders;
    ten_thousand_points: many_points(MAX_POINTS_PER_SERIES) => Renders;
    ten_thousand_points_in_reverse: with_series(
        years(MAX_POINTS_PER_SERIES),
        (0..MAX_POINTS_PER_SERIES)
            .rev()
            .map(|i| (format!("{}", 1000 + i), i as f64))
            .collect(),
    ) => Renders;
    ten_thousand_shuffled_points: with_series(
        years(MAX_POINTS_PER_SERIES),
        // i × 7919 mod 10,000 visits every category once, out of order.
        (0..MAX_POINTS_PER_SERIES)
            .map(|i| (i * 7919) % MAX_POINTS_PER_SERIES)
            .map(|i| (format!("{}", 1000 + i), i as f64))
            .collect(),
    ) => Renders;
    ten_thousand_points_citing_five_thousand_paragraphs: citing_paragraphs(5_000, MAX_POINTS_PER_SERIES) => Renders;
    // More points than categories allowed: refused, by either limit.
    ten_thousand_and_one_points: many_points(MAX_POINTS_PER_SERIES + 1) => Refused("at most 10000");
    three_hundred_thousand_descending_categories: with_series(
        (0..300_000).rev().map(|i| format!("c{i:06}")).collect(),
        vec![("c000001".into(), 1.0)],
    ) => Refused("at most 10000 categories");
    ten_thousand_descending_categories: with_series(
        (0..MAX_CATEGORIES_PER_CHART).rev().map(|i| format!("c{i:05}")).collect(),
        vec![("c00001".into(), 1.0)],
    ) => Renders;
    thirteen_series: edited(|v| {
        let s = v["charts"][0]["series"][0].clone();
        v["charts"][0]["series"] = json!((0..=MAX_SERIES_PER_CHART)
            .map(|i| {
                let mut s = s.clone();
                s["id"] = json!(format!("s-{i}"));
                s
            })
            .collect::<Vec<_>>());
    }) => Refused("at most 12 series");
    a_five_megabyte_paragraph: edited(|v| {
        let p = &mut v["sections"][0]["sections"][0]["blocks"][0]["text"];
        let text = p.as_str().unwrap().to_string();
        *p = json!(format!("{text}{}", "依法行政,".repeat(5_000_000 / 15)));
    }) => Renders;
    over_the_size_limit: edited(|v| v["meta"]["note"] = json!("x".repeat(MAX_REPORT_BYTES))) => Refused("over the limit");
    a_truncated_real_report: {
        let bundled = read("public/reports/jimo-2024.json");
        bundled[..bundled.len() / 2].to_string()
    } => Refused("JSON syntax error");
    // Invisible, and they would make a chart's SVG invalid XML: refused
    // with the place of each.
    control_characters_in_text: edited(|v| {
        v["meta"]["title"] = json!("\u{0}\u{7}\u{1b}[31m标题")
    }) => Refused("control character U+0000");
    a_byte_order_mark_and_a_direction_override_in_text: edited(|v| {
        v["meta"]["title"] = json!("\u{feff}\u{202e}标题")
    }) => Renders;
    a_byte_order_mark_before_the_json: format!("\u{feff}{}", read("tests/fixtures/valid/minimal.json")) => Renders;
}

/// A report of `paragraphs` paragraphs and one series of `points` points,
/// each citing a paragraph (the quote checked against it): once, every
/// value's paragraph was found by walking every block.
fn citing_paragraphs(paragraphs: usize, points: usize) -> String {
    let blocks: Vec<Value> = (0..paragraphs)
        .map(|i| json!({"type": "paragraph", "id": format!("p{i}"), "text": format!("第{i}段:受理{i}件。")}))
        .collect();
    let cats = years(points);
    let pts = (0..points)
        .map(|i| {
            let p = (i * 7) % paragraphs;
            let source = json!({"kind": "paragraph", "paragraph": format!("p{p}"), "quote": format!("受理{p}件")});
            (cats[i].clone(), p as f64, source)
        })
        .collect();
    let text = with_points(cats, pts);
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["sections"][0]["blocks"] = json!(blocks);
    v.to_string()
}
