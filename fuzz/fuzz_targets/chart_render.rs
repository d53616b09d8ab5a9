//! Chart drawing from arbitrary series: any numbers (negative, zero, huge,
//! tiny, infinite, NaN), any labels, categories that points do not name,
//! hidden series, any width and text size. Drawing either succeeds or says
//! why not; the words around a chart (summary, point text, CSV) never
//! panic.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use report_chart::{draw, export, ChartStyle, DrawOptions};
use report_format::{
    chart_csv, chart_summary, point_text, Chart, ChartKind, Indexed, Lang, Point, Provenance,
    Qualifier, Report, Series, Theme, Value,
};

#[derive(Arbitrary, Debug)]
struct Input {
    bar: bool,
    unit: String,
    categories: Vec<String>,
    series: Vec<InSeries>,
    width: u32,
    text_scale: f32,
    theme: u8,
    english: bool,
    hidden: u16,
}

#[derive(Arbitrary, Debug)]
struct InSeries {
    name: String,
    unit: String,
    points: Vec<InPoint>,
}

#[derive(Arbitrary, Debug)]
struct InPoint {
    /// An index into the categories, or (past their end) a label of its own.
    category: u8,
    label: String,
    value: f64,
    qualifier: u8,
    high: f64,
}

fn chart(input: &Input) -> Chart {
    let series = input
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| Series {
            id: format!("s{i}"),
            name: s.name.clone(),
            unit: s.unit.clone(),
            points: s
                .points
                .iter()
                .map(|p| Point {
                    x: input
                        .categories
                        .get(usize::from(p.category))
                        .cloned()
                        .unwrap_or_else(|| p.label.clone()),
                    value: Value {
                        value: p.value,
                        qualifier: match p.qualifier % 5 {
                            0 => Qualifier::Exact,
                            1 => Qualifier::LowerBound {
                                marker: "余".into(),
                            },
                            2 => Qualifier::UpperBound {
                                marker: "以内".into(),
                            },
                            3 => Qualifier::Range { high: p.high },
                            _ => Qualifier::Derived {
                                rule: p.label.clone(),
                            },
                        },
                        source: Provenance::External {
                            url: "https://example.org/".into(),
                            publisher: p.label.clone(),
                            quote: p.label.clone(),
                            note: None,
                        },
                    },
                })
                .collect(),
        })
        .collect();
    Chart {
        id: "c".into(),
        title: input.unit.clone(),
        kind: if input.bar {
            ChartKind::Bar
        } else {
            ChartKind::Line
        },
        unit: input.unit.clone(),
        x_label: String::new(),
        categories: input.categories.clone(),
        series,
        description: String::new(),
        notes: Vec::new(),
    }
}

/// A report around the chart, for the functions that take one.
const SHELL: &str = r#"{"format_version":1,"meta":{"title":"t","issuer":"i","region":"r",
"period":"p","language":"zh-CN"},"sections":[]}"#;

fuzz_target!(|input: Input| {
    let chart = chart(&input);
    let theme = match input.theme % 3 {
        0 => Theme::Light,
        1 => Theme::Dark,
        _ => Theme::Contrast,
    };
    let lang = if input.english { Lang::En } else { Lang::Zh };
    let mut style = ChartStyle::for_width(input.width, f64::from(input.text_scale), theme, lang);
    style.hidden = input.hidden;
    if let Ok(d) = draw(&chart, &style, &DrawOptions { targets: true, attrs: Vec::new() }) {
        // Every placed point is one of the chart's.
        for p in &d.points {
            assert!(chart.series[p.series].points.get(p.point).is_some());
            assert!(p.category < chart.categories.len());
        }
    }
    let _ = export(
        &chart,
        &style,
        &chart.title,
        std::slice::from_ref(&chart.unit),
    );
    let mut report: Report = serde_json::from_str(SHELL).expect("the shell report reads");
    report.charts = vec![chart.clone()];
    let report = Indexed::new(report);
    let _ = chart_summary(&chart, lang);
    let _ = chart_csv(&report, &chart, lang);
    for (si, s) in chart.series.iter().enumerate() {
        for pi in 0..s.points.len() {
            let _ = point_text(&report, &chart, si, pi, lang);
        }
    }
});
