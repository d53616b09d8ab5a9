//! Structure checks of rendered charts. Native builds only estimate text
//! sizes, so these check what is drawn, not exact coordinates.

use super::*;
use crate::model::{Point, Provenance, Series};

fn value(v: f64, qualifier: Qualifier) -> Value {
    Value {
        value: v,
        qualifier,
        source: Provenance::Paragraph {
            paragraph: "p".into(),
            quote: "q".into(),
        },
    }
}

fn chart(kind: ChartKind, series: Vec<Vec<(&str, Value)>>) -> Chart {
    Chart {
        id: "c".into(),
        title: "t".into(),
        kind,
        unit: "件".into(),
        x_label: "年份".into(),
        categories: vec!["2021".into(), "2022".into(), "2023".into()],
        series: series
            .into_iter()
            .enumerate()
            .map(|(i, pts)| Series {
                id: format!("s{i}"),
                name: format!("系列{i}"),
                unit: "件".into(),
                points: pts
                    .into_iter()
                    .map(|(x, value)| Point { x: x.into(), value })
                    .collect(),
            })
            .collect(),
        description: "d".into(),
        notes: vec![],
    }
}

/// The text content of every `<text>` element, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(t[start..end].trim().to_string())
        })
        .collect()
}

/// Font sizes of every `<text>` element.
fn font_sizes(svg: &str) -> Vec<f64> {
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|t| t[..t.find('"')?].parse().ok())
        .collect()
}

fn style() -> ChartStyle {
    ChartStyle::for_width(640, 1.0, Theme::Light, Lang::Zh)
}

#[test]
fn bar_chart_has_one_bar_per_point_and_labels() {
    let c = chart(
        ChartKind::Bar,
        vec![vec![
            ("2021", value(605.0, Qualifier::Exact)),
            ("2022", value(466.0, Qualifier::Exact)),
        ]],
    );
    let svg = render_svg(&c, &style()).unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("data-chart=\"c\""));
    // Two data bars in the first series colour.
    assert_eq!(svg.matches("fill=\"#1D5FA6\"").count(), 2, "{svg}");
    let t = texts(&svg);
    for want in ["605", "466", "单位:件", "2021", "2022", "年份"] {
        assert!(t.iter().any(|x| x == want), "{want} in {t:?}");
    }
}

#[test]
fn derived_bars_are_pale_dashed_and_labelled() {
    let c = chart(
        ChartKind::Bar,
        vec![vec![
            (
                "2022",
                value(221.8, Qualifier::Derived { rule: "r".into() }),
            ),
            ("2023", value(550.0, Qualifier::Exact)),
        ]],
    );
    let svg = render_svg(&c, &style()).unwrap();
    assert!(svg.contains("约222"), "{svg}");
    assert!(svg.contains("opacity=\"0.18\""), "derived bar is pale");
    assert_eq!(svg.matches("fill=\"#1D5FA6\"").count(), 2);
}

#[test]
fn line_breaks_at_gaps_and_never_interpolates() {
    let c = chart(
        ChartKind::Line,
        vec![vec![
            ("2021", value(10.0, Qualifier::Exact)),
            ("2023", value(30.0, Qualifier::Exact)),
        ]],
    );
    let svg = render_svg(&c, &style()).unwrap();
    assert_eq!(
        svg.matches("<circle").count() - svg.matches("class=\"pt\"").count(),
        2
    );
    let data_lines = svg
        .split("<polyline")
        .filter(|p| p.contains("stroke=\"#1D5FA6\""))
        .count();
    assert_eq!(data_lines, 0, "no segment across the gap: {svg}");
}

#[test]
fn line_marks_estimates_and_bounds() {
    let c = chart(
        ChartKind::Line,
        vec![
            vec![
                ("2021", value(10.0, Qualifier::Derived { rule: "r".into() })),
                ("2022", value(20.0, Qualifier::Exact)),
            ],
            vec![(
                "2022",
                value(
                    21000.0,
                    Qualifier::LowerBound {
                        marker: "余".into(),
                    },
                ),
            )],
        ],
    );
    let svg = render_svg(&c, &style()).unwrap();
    assert!(svg.contains("2.1万余"));
    assert!(
        svg.contains("系列0") && svg.contains("系列1"),
        "legend names both series"
    );
    assert!(svg.contains("fill=\"none\""), "derived point is hollow");
}

#[test]
fn report_text_cannot_become_markup() {
    let mut c = chart(
        ChartKind::Bar,
        vec![vec![("2021", value(1.0, Qualifier::Exact))]],
    );
    c.series[0].name = "<script>alert(1)</script> & co".into();
    c.series.push(c.series[0].clone());
    c.series[1].id = "s9".into();
    c.unit = "\"><img src=x onerror=alert(1)>".into();
    c.series[0].unit = c.unit.clone();
    c.series[1].unit = c.unit.clone();
    let svg = render_svg(&c, &style()).unwrap();
    assert!(!svg.contains("<script"), "{svg}");
    assert!(!svg.contains("<img"), "{svg}");
    assert!(
        svg.contains("&amp; co") && !svg.contains("&amp;amp;"),
        "{svg}"
    );
}

#[test]
fn text_scale_grows_fonts_and_height() {
    let c = chart(
        ChartKind::Bar,
        vec![vec![("2021", value(1.0, Qualifier::Exact))]],
    );
    let small = ChartStyle::for_width(640, 1.0, Theme::Light, Lang::Zh);
    let large = ChartStyle::for_width(640, 1.6, Theme::Light, Lang::Zh);
    assert!(large.height > small.height);
    let max = |s: &ChartStyle| {
        font_sizes(&render_svg(&c, s).unwrap())
            .into_iter()
            .fold(0.0, f64::max)
    };
    assert!(max(&large) > max(&small) * 1.5);
}

#[test]
fn themes_change_colours() {
    let c = chart(
        ChartKind::Bar,
        vec![vec![("2021", value(1.0, Qualifier::Exact))]],
    );
    let dark = ChartStyle::for_width(640, 1.0, Theme::Dark, Lang::Zh);
    let svg = render_svg(&c, &dark).unwrap();
    assert!(svg.contains("#16191D"), "dark background");
    assert!(svg.contains("#7FB3FF"), "dark series colour");
}

#[test]
fn extreme_values_still_draw() {
    for v in [0.0, -5.0, 1e300] {
        let c = chart(
            ChartKind::Line,
            vec![vec![("2021", value(v, Qualifier::Exact))]],
        );
        assert!(render_svg(&c, &style()).is_ok(), "{v}");
    }
    let empty = chart(ChartKind::Bar, vec![vec![]]);
    assert_eq!(render_svg(&empty, &style()), Err(ChartError::NoData));
}

#[test]
fn every_point_gets_one_target_inside_the_chart() {
    for kind in [ChartKind::Bar, ChartKind::Line] {
        let c = chart(
            kind,
            vec![
                vec![
                    ("2021", value(5.0, Qualifier::Exact)),
                    ("2022", value(7.0, Qualifier::Exact)),
                ],
                vec![("2023", value(2.0, Qualifier::Range { high: 4.0 }))],
            ],
        );
        let st = style();
        let svg = render_svg(&c, &st).unwrap();
        let targets: Vec<&str> = svg.split("<circle class=\"pt\"").skip(1).collect();
        assert_eq!(targets.len(), 3, "{kind:?}");
        for t in targets {
            let num = |attr: &str| -> i32 {
                let i = t.find(attr).unwrap() + attr.len();
                t[i..i + t[i..].find('"').unwrap()].parse().unwrap()
            };
            let (x, y) = (num("cx=\""), num("cy=\""));
            assert!(
                x > 0 && x < st.width as i32 && y > 0 && y < st.height as i32,
                "{x},{y}"
            );
        }
    }
}

#[test]
fn hidden_series_lose_points_and_legend_but_keep_colours() {
    let c = chart(
        ChartKind::Bar,
        vec![
            vec![("2021", value(10.0, Qualifier::Exact))],
            vec![("2021", value(900.0, Qualifier::Exact))],
            vec![("2021", value(30.0, Qualifier::Exact))],
        ],
    );
    let all = render_svg(&c, &style()).unwrap();
    let mut s = style();
    s.hidden = 0b010;
    let some = render_svg(&c, &s).unwrap();
    assert_eq!(all.matches("class=\"pt\"").count(), 3);
    assert_eq!(some.matches("class=\"pt\"").count(), 2);
    assert!(!some.contains("data-series=\"1\""));
    assert!(texts(&all).contains(&"系列1".to_string()));
    assert!(!texts(&some).contains(&"系列1".to_string()));
    // The axis follows what is shown: 900 no longer sets its top.
    assert!(texts(&all).iter().any(|t| t == "900" || t == "1000"));
    assert!(!texts(&some).iter().any(|t| t == "900" || t == "1000"));
    // Series 2 keeps its colour with series 1 hidden.
    let third = Theme::Light.palette().series_color(2);
    let hex = format!("#{:02X}{:02X}{:02X}", third.0, third.1, third.2);
    assert!(some.to_uppercase().contains(&hex), "{hex}");
    s.hidden = 0b111;
    assert_eq!(render_svg(&c, &s), Err(ChartError::NoData));
}

#[test]
fn export_has_title_sources_and_no_targets() {
    let c = chart(
        ChartKind::Line,
        vec![vec![
            ("2021", value(1.0, Qualifier::Exact)),
            ("2022", value(2.0, Qualifier::Exact)),
        ]],
    );
    let footer = vec!["来源:<script>很长的来源说明".repeat(8)];
    let svg = export_svg(&c, &style(), "标题 & <b>", &footer).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(">标题 &amp; &lt;b&gt;</text>"));
    assert!(!svg.contains("<script") && !svg.contains("<b>"));
    assert!(!svg.contains("class=\"pt\""));
    // The long source wraps onto several lines inside the width.
    assert!(texts(&svg).iter().filter(|t| t.contains("来源")).count() >= 2);
    assert_eq!(svg.matches("<svg").count(), 2);
    assert_eq!(svg.matches("</svg>").count(), 2);
}

#[test]
fn triangle_draws_what_plotters_triangle_marker_draws() {
    use plotters::prelude::*;
    let svg = |draw: &dyn Fn(&DrawingArea<SVGBackend, plotters::coord::Shift>)| {
        let mut out = String::new();
        {
            let area = SVGBackend::with_string(&mut out, (400, 300)).into_drawing_area();
            draw(&area);
            area.present().unwrap();
        }
        out
    };
    let color = RGBColor(12, 34, 56);
    for x in [-3, 0, 1, 2, 7, 100, 399] {
        for y in [-2, 0, 1, 3, 4, 50, 299] {
            for size in 0..24 {
                let want = svg(&|a| {
                    a.draw(&TriangleMarker::new((x, y), size, color.filled()))
                        .unwrap();
                });
                let got = svg(&|a| {
                    a.draw(&frame::triangle((x, y), size, color)).unwrap();
                });
                assert_eq!(got, want, "({x}, {y}) size {size}");
            }
        }
    }
}
