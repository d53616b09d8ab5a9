//! Structure checks of rendered charts. Native builds only estimate text
//! sizes, so these check what is drawn, not exact coordinates.

use super::*;
use report_format::{Point, Provenance, Series};

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

/// The drawing as a page shows it: with point targets.
fn render_svg(c: &Chart, style: &ChartStyle) -> Result<String, ChartError> {
    draw(c, style, &page()).map(|d| d.svg)
}

fn page() -> DrawOptions {
    DrawOptions {
        targets: true,
        attrs: vec![("class", "chart".into()), ("data-chart", "c".into())],
    }
}

/// The elements named `tag` of an SVG document, parsed as XML.
fn elements<'a>(doc: &'a roxmltree::Document, tag: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants().filter(|n| n.has_tag_name(tag)).collect()
}

/// The drawn circle (not a target) centred at the placed point `p`.
fn mark_at<'a>(doc: &'a roxmltree::Document, p: &Placed) -> roxmltree::Node<'a, 'a> {
    let at = |n: &roxmltree::Node, a: &str, v: i32| n.attribute(a) == Some(v.to_string().as_str());
    elements(doc, "circle")
        .into_iter()
        .find(|n| n.attribute("class") != Some("pt") && at(n, "cx", p.x) && at(n, "cy", p.y))
        .unwrap_or_else(|| panic!("no mark drawn at {p:?}"))
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
    assert!(roxmltree::Document::parse(&svg).is_ok(), "well-formed XML");
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
    // Lines in the series colour: the data's segments.
    let segments = |points: Vec<(&str, Value)>| {
        let c = chart(ChartKind::Line, vec![points]);
        let d = draw(&c, &style(), &page()).unwrap();
        let doc = roxmltree::Document::parse(&d.svg).unwrap();
        let n = elements(&doc, "polyline")
            .iter()
            .filter(|p| p.attribute("stroke") == Some("#1D5FA6"))
            .count();
        (n, d.points.len())
    };
    // Neighbouring categories are joined: the control that the count sees
    // a drawn segment at all.
    assert_eq!(
        segments(vec![
            ("2021", value(10.0, Qualifier::Exact)),
            ("2022", value(20.0, Qualifier::Exact)),
            ("2023", value(30.0, Qualifier::Exact)),
        ]),
        (2, 3)
    );
    // With 2022 missing, nothing joins 2021 to 2023.
    assert_eq!(
        segments(vec![
            ("2021", value(10.0, Qualifier::Exact)),
            ("2023", value(30.0, Qualifier::Exact)),
        ]),
        (0, 2)
    );
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
    let d = draw(&c, &style(), &page()).unwrap();
    assert!(d.svg.contains("2.1万余"));
    assert!(
        d.svg.contains("系列0") && d.svg.contains("系列1"),
        "legend names both series"
    );
    let doc = roxmltree::Document::parse(&d.svg).unwrap();
    // The derived point is a hollow ring in the series colour; the exact
    // one next to it is filled.
    let derived = d
        .points
        .iter()
        .find(|p| p.series == 0 && p.category == 0)
        .unwrap();
    let exact = d
        .points
        .iter()
        .find(|p| p.series == 0 && p.category == 1)
        .unwrap();
    let ring = mark_at(&doc, derived);
    assert_eq!(
        ring.attribute("fill"),
        Some("none"),
        "derived point is hollow"
    );
    assert_eq!(ring.attribute("stroke"), Some("#1D5FA6"));
    let dot = mark_at(&doc, exact);
    assert_eq!(
        dot.attribute("fill"),
        Some("#1D5FA6"),
        "exact point is filled"
    );
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
fn every_point_is_placed_once_inside_the_chart_with_its_target() {
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
        let d = draw(&c, &st, &page()).unwrap();
        assert_eq!((d.width, d.height), (st.width, st.height));
        let keys: Vec<(usize, usize, usize)> = d
            .points
            .iter()
            .map(|p| (p.series, p.point, p.category))
            .collect();
        assert_eq!(keys, [(0, 0, 0), (0, 1, 1), (1, 0, 2)], "{kind:?}");
        for p in &d.points {
            assert!(
                p.x > 0 && p.x < st.width as i32 && p.y > 0 && p.y < st.height as i32,
                "{p:?}"
            );
            // A pointer on the point finds it; one far away finds nothing.
            let i = d.points.iter().position(|q| q == p).unwrap();
            assert_eq!(
                d.point_at(f64::from(p.x) + 2.0, f64::from(p.y) - 1.0),
                Some(i)
            );
        }
        assert_eq!(d.point_at(-50.0, -50.0), None);
        // The page's targets sit where the points were placed.
        let doc = roxmltree::Document::parse(&d.svg).unwrap();
        let targets: Vec<(i32, i32)> = elements(&doc, "circle")
            .iter()
            .filter(|n| n.attribute("class") == Some("pt"))
            .map(|n| {
                (
                    n.attribute("cx").unwrap().parse().unwrap(),
                    n.attribute("cy").unwrap().parse().unwrap(),
                )
            })
            .collect();
        let placed: Vec<(i32, i32)> = d.points.iter().map(|p| (p.x, p.y)).collect();
        assert_eq!(targets, placed);
        // Without targets, none are drawn, and the root carries what it was given.
        let bare = draw(&c, &st, &DrawOptions::default()).unwrap();
        assert!(!bare.svg.contains("class=\"pt\""));
        assert_eq!(bare.points, d.points);
        let root = doc.root_element();
        assert_eq!(root.attribute("data-chart"), Some("c"));
        assert_eq!(
            root.attribute("viewBox"),
            Some(format!("0 0 {} {}", st.width, st.height).as_str())
        );
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
    let third = palette(Theme::Light).series_color(2);
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
    let d = export(&c, &style(), "标题 & <b>", &footer).unwrap();
    let svg = d.svg;
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some(d.width.to_string().as_str()));
    assert_eq!(
        root.attribute("height"),
        Some(d.height.to_string().as_str())
    );
    assert!(
        d.height > style().height,
        "title and sources add to the height"
    );
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
fn control_characters_never_reach_the_drawing() {
    // Every text a drawing shows, with characters XML refuses in it.
    let bad = "a\u{0}\u{1}\u{b}\u{c}\u{1b}\u{7f}\u{85}\u{fffe}\u{ffff}b";
    let mut c = chart(
        ChartKind::Bar,
        vec![vec![
            (
                "2021",
                value(1.0, Qualifier::LowerBound { marker: bad.into() }),
            ),
            ("2022", value(2.0, Qualifier::Exact)),
        ]],
    );
    c.unit = format!("件{bad}");
    c.x_label = format!("年份{bad}");
    c.series[0].name = format!("系列{bad}");
    c.categories[0] = format!("2021{bad}");
    c.series[0].points[0].x = c.categories[0].clone();
    for kind in [ChartKind::Bar, ChartKind::Line] {
        c.kind = kind;
        let drawn = draw(
            &c,
            &style(),
            &DrawOptions {
                targets: true,
                attrs: vec![("aria-label", bad.to_string())],
            },
        )
        .unwrap()
        .svg;
        let exported = export(&c, &style(), &format!("标题{bad}"), &[format!("来源{bad}")])
            .unwrap()
            .svg;
        for svg in [drawn, exported] {
            assert!(!svg.contains(is_stray_control), "{svg}");
            let doc = roxmltree::Document::parse(&svg).expect("a valid XML document");
            let shown: String = doc.descendants().filter_map(|n| n.text()).collect();
            // Only the control characters are gone.
            assert!(
                shown.contains("年份ab") || shown.contains("件ab"),
                "{shown}"
            );
        }
    }
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
