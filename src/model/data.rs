//! A chart's numbers in words and as CSV: where each value was read, a
//! summary the viewer computes (first and last, change, highest, lowest),
//! the text a point announces, and spreadsheet-ready CSV of one chart or of
//! every number in the report.
//!
//! Everything here says how exact a value is: a summary never states a
//! change between a derived or lower-bound value and another as if both were
//! printed counts.

use super::{Chart, Provenance, Qualifier, Report, Series, Value};
use crate::i18n::Lang;

impl Report {
    /// Names the place of a paragraph for a reader: the printed heading of
    /// the section it stands in, with its part.
    pub fn paragraph_place(&self, paragraph: &str, lang: Lang) -> String {
        if let Some(s) = self.section_of_block(paragraph) {
            // Name the part too: "一、…(三)…" is what a reader can find.
            let part = self
                .sections
                .iter()
                .find(|p| p.id != s.id && p.sections.iter().any(|c| c.id == s.id));
            return match part {
                Some(p) => format!("{}{}", p.number, s.heading()),
                None => s.heading(),
            };
        }
        if self.preamble.iter().any(|b| b.id() == paragraph) {
            return lang.pick("开头部分", "opening paragraph").to_string();
        }
        lang.pick("正文", "text").to_string()
    }
}

impl Provenance {
    /// Where the value was read, in one line: `本报告 二、(一)…:“…”` or
    /// `publisher url:“…”(note)`.
    pub fn describe(&self, report: &Report, lang: Lang) -> String {
        match self {
            Provenance::Paragraph { paragraph, quote } => format!(
                "{} {}{}“{quote}”",
                lang.pick("本报告", "this report,"),
                report.paragraph_place(paragraph, lang),
                lang.pick("\u{FF1A}", ": ")
            ),
            Provenance::External {
                url,
                publisher,
                quote,
                note,
            } => {
                let note = note
                    .as_deref()
                    .map(|n| {
                        format!(
                            "{}{n}{}",
                            lang.pick("\u{FF08}", " ("),
                            lang.pick("\u{FF09}", ")")
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "{publisher} {url}{}“{quote}”{note}",
                    lang.pick("\u{FF1A}", ": ")
                )
            }
        }
    }
}

/// The value with its unit and, unless exact, what kind of value it is:
/// `约222件(推算值)`.
fn said(v: &Value, unit: &str, lang: Lang) -> String {
    match v.qualifier_tag(lang) {
        Some(tag) => format!(
            "{}{}{tag}{}",
            v.with_unit(unit, lang),
            lang.pick("\u{FF08}", " ("),
            lang.pick("\u{FF09}", ")")
        ),
        None => v.with_unit(unit, lang),
    }
}

/// What one point says when hovered or reached by keyboard: series,
/// category, value with unit and kind, how a non-exact value is meant, and
/// its source.
pub fn point_text(
    report: &Report,
    chart: &Chart,
    series: usize,
    point: usize,
    lang: Lang,
) -> String {
    let Some(s) = chart.series.get(series) else {
        return String::new();
    };
    let Some(p) = s.points.get(point) else {
        return String::new();
    };
    let mut out = format!("{} · {}{}", s.name, p.x, lang.pick("\u{FF1A}", ": "));
    out += &said(&p.value, &s.unit, lang);
    if let Some(why) = p.value.qualifier_explanation(lang) {
        out += lang.pick("\u{FF1B}", "; ");
        out += &why;
    }
    out += lang.pick("。来源\u{FF1A}", ". Source: ");
    out += &p.value.source.describe(report, lang);
    out
}

/// For each of `chart`'s categories, the index of `series`' point in it
/// (validation allows one point per category; unchecked data keeps the
/// first). Each search starts at the category of the point before and
/// spreads out from there: points are written in category order, or in
/// reverse, so a series of 10,000 points costs 10,000 steps rather than 50
/// million comparisons. The table, the CSV, the summary and both kinds of
/// chart find their points through this.
pub fn category_points(chart: &Chart, series: &Series) -> Vec<Option<usize>> {
    let cats = &chart.categories;
    let mut at = vec![None; cats.len()];
    let mut last = 0usize;
    for (pi, p) in series.points.iter().enumerate() {
        for d in 0..cats.len() {
            // After, then before, the last place, at distance `d`.
            let ci = [last + d, last.wrapping_sub(d)]
                .into_iter()
                .find(|&i| cats.get(i) == Some(&p.x));
            if let Some(ci) = ci {
                at[ci].get_or_insert(pi);
                last = ci;
                break;
            }
        }
    }
    at
}

/// `(category index, point index)` of the points of `series`, in category
/// order, leaving out points whose category `chart` lacks.
pub fn category_order(chart: &Chart, series: &Series) -> Vec<(usize, usize)> {
    category_points(chart, series)
        .into_iter()
        .enumerate()
        .filter_map(|(ci, pi)| Some((ci, pi?)))
        .collect()
}

/// Each distinct source of a chart's values once, in first-use order.
/// Sorted, not searched: looking each source up among those seen before
/// took 23 s for 50,000 points with sources of their own.
pub fn distinct_sources(chart: &Chart) -> Vec<Provenance> {
    let all: Vec<&Provenance> = chart
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| &p.value.source)
        .collect();
    // Equal sources end up side by side, in first-use order; the first of
    // each run is that source's first use.
    let order = super::set::sorted_indices(all.len(), |a, b| all[a].cmp(all[b]).then(a.cmp(&b)));
    let mut first = vec![false; all.len()];
    for (k, &i) in order.iter().enumerate() {
        first[i] = k == 0 || all[order[k - 1]] != all[i];
    }
    all.into_iter()
        .zip(first)
        .filter(|&(_, first)| first)
        .map(|(p, _)| p.clone())
        .collect()
}

/// One sentence per series that has points: for a trend over years the
/// first and last value and the change between them, with the highest and
/// lowest when there are more than two; for categories the highest and the
/// lowest. Values that are not
/// exact are named as such, and a change involving one is marked as an
/// estimate.
pub fn chart_summary(chart: &Chart, lang: Lang) -> Vec<String> {
    // Years (`2023`, `2023年`) make a trend; anything else is categories.
    let temporal = chart
        .categories
        .iter()
        .all(|c| c.len() >= 4 && c.as_bytes()[..4].iter().all(u8::is_ascii_digit));
    let mut out = Vec::new();
    for s in &chart.series {
        // Points in the chart's category order.
        let pts: Vec<(usize, &super::Point)> = category_order(chart, s)
            .into_iter()
            .map(|(i, pi)| (i, &s.points[pi]))
            .collect();
        let (Some((_, first)), Some((_, last))) = (pts.first(), pts.last()) else {
            continue;
        };
        let u = &s.unit;
        if pts.len() == 1 {
            out.push(match lang {
                Lang::Zh => format!(
                    "{}\u{FF1A}{}为{}。",
                    s.name,
                    first.x,
                    said(&first.value, u, lang)
                ),
                Lang::En => format!(
                    "{}: {} in {}.",
                    s.name,
                    said(&first.value, u, lang),
                    first.x
                ),
            });
            continue;
        }
        let mut text = s.name.clone() + lang.pick("\u{FF1A}", ": ");
        if temporal {
            text += &match lang {
                Lang::Zh => format!(
                    "从{}的{}到{}的{}",
                    first.x,
                    said(&first.value, u, lang),
                    last.x,
                    said(&last.value, u, lang)
                ),
                Lang::En => format!(
                    "from {} in {} to {} in {}",
                    said(&first.value, u, lang),
                    first.x,
                    said(&last.value, u, lang),
                    last.x
                ),
            };
            text += &change_text(&first.value, &last.value, u, lang);
        }
        // Highest and lowest: for a trend only when there is a middle;
        // for categories always, since first and last mean nothing there.
        if pts.len() > 2 || !temporal {
            let by_value = |a: &&(usize, &super::Point), b: &&(usize, &super::Point)| {
                a.1.value.value.total_cmp(&b.1.value.value)
            };
            let hi = pts.iter().max_by(by_value).map(|p| p.1);
            let lo = pts.iter().min_by(by_value).map(|p| p.1);
            if let (Some(hi), Some(lo)) = (hi, lo) {
                if temporal {
                    text += lang.pick("\u{FF1B}", "; ");
                }
                text += &match lang {
                    Lang::Zh => format!(
                        "最高为{}的{}，最低为{}的{}",
                        hi.x,
                        said(&hi.value, u, lang),
                        lo.x,
                        said(&lo.value, u, lang)
                    ),
                    Lang::En => format!(
                        "highest {} for {}, lowest {} for {}",
                        said(&hi.value, u, lang),
                        hi.x,
                        said(&lo.value, u, lang),
                        lo.x
                    ),
                };
            }
        }
        text += lang.pick("。", ".");
        out.push(text);
    }
    out
}

/// The change from `a` to `b` as a clause: `,增加329件(增长148.9%)`. When
/// either end is not an exact printed number, the clause says the change
/// is only approximate, and for a lower bound it gives no number at all,
/// since the true values are unknown.
fn change_text(a: &Value, b: &Value, unit: &str, lang: Lang) -> String {
    let bound = |v: &Value| {
        matches!(
            v.qualifier,
            Qualifier::LowerBound { .. } | Qualifier::UpperBound { .. } | Qualifier::Range { .. }
        )
    };
    if bound(a) || bound(b) {
        return lang
            .pick(
                "\u{FF08}含下限值、上限值或范围，变化量无法确定\u{FF09}",
                " (a bound or range is involved, so the change cannot be stated)",
            )
            .to_string();
    }
    let d = b.value - a.value;
    let approx =
        !matches!(a.qualifier, Qualifier::Exact) || !matches!(b.qualifier, Qualifier::Exact);
    // An estimate is given in whole units, as its label is.
    let amount = super::format_number(if approx { d.abs().round() } else { d.abs() }, lang);
    let pct = (a.value != 0.0).then(|| {
        let p = (d / a.value.abs() * 1000.0).abs().round() / 10.0;
        format!("{}%", super::format_number(p, Lang::En))
    });
    match lang {
        Lang::Zh => {
            let (verb, pct_verb) = if d > 0.0 {
                ("增加", "增长")
            } else if d < 0.0 {
                ("减少", "下降")
            } else {
                return "，没有变化".to_string();
            };
            let about = if approx { "约" } else { "" };
            let pct = pct
                .map(|p| format!("\u{FF08}{pct_verb}{p}\u{FF09}"))
                .unwrap_or_default();
            let note = if approx { "，按推算值计算" } else { "" };
            format!("，{verb}{about}{amount}{unit}{pct}{note}")
        }
        Lang::En => {
            let verb = if d > 0.0 {
                "up"
            } else if d < 0.0 {
                "down"
            } else {
                return ", unchanged".to_string();
            };
            let about = if approx { "about " } else { "" };
            let sep = if unit == "%" { "" } else { " " };
            let pct = pct.map(|p| format!(" ({p})")).unwrap_or_default();
            let note = if approx {
                ", computed from a derived value"
            } else {
                ""
            };
            format!(", {verb} {about}{amount}{sep}{unit}{pct}{note}")
        }
    }
}

/// The byte-order mark that makes spreadsheet programs read CSV as UTF-8.
pub const CSV_BOM: char = '\u{FEFF}';

/// One chart's data as CSV (UTF-8 with BOM), one row per value: category,
/// series, value, range end, unit, kind, how it is meant, source, quote.
pub fn chart_csv(report: &Report, chart: &Chart, lang: Lang) -> String {
    let mut out = String::from(CSV_BOM);
    let mut head = vec![chart.x_label.as_str(), lang.pick("系列", "series")];
    head.extend(value_head(lang));
    csv_row(&mut out, head.iter().map(|h| Cell::Text(h)));
    for_each_point(chart, |cat, name, unit, v| {
        let mut row = vec![Cell::Text(cat), Cell::Text(name)];
        row.extend(value_cells(report, v, unit, lang));
        csv_row(&mut out, row);
    });
    out
}

/// Every number in the report as one CSV (UTF-8 with BOM): each chart
/// value and each key figure, with what it belongs to, its kind and its
/// source.
pub fn report_csv(report: &Report, lang: Lang) -> String {
    let mut out = String::from(CSV_BOM);
    let mut head = vec![
        lang.pick("类型", "kind"),
        lang.pick("编号", "id"),
        lang.pick("标题", "title"),
        lang.pick("类别", "category"),
        lang.pick("系列", "series"),
    ];
    head.extend(value_head(lang));
    csv_row(&mut out, head.iter().map(|h| Cell::Text(h)));
    for f in &report.figures {
        let mut row = vec![
            Cell::Text(lang.pick("关键数字", "key figure")),
            Cell::Text(&f.id),
            Cell::Text(&f.label),
            Cell::Text(""),
            Cell::Text(""),
        ];
        row.extend(value_cells(report, &f.value, &f.unit, lang));
        csv_row(&mut out, row);
    }
    for chart in &report.charts {
        for_each_point(chart, |cat, name, unit, v| {
            let mut row = vec![
                Cell::Text(lang.pick("图表", "chart")),
                Cell::Text(&chart.id),
                Cell::Text(&chart.title),
                Cell::Text(cat),
                Cell::Text(name),
            ];
            row.extend(value_cells(report, v, unit, lang));
            csv_row(&mut out, row);
        });
    }
    out
}

/// Calls `f` for every point of `chart`, in category order, then series
/// order: the order of the chart's table.
fn for_each_point(chart: &Chart, mut f: impl FnMut(&str, &str, &str, &Value)) {
    let at: Vec<_> = chart
        .series
        .iter()
        .map(|s| category_points(chart, s))
        .collect();
    for (ci, cat) in chart.categories.iter().enumerate() {
        for (s, at) in chart.series.iter().zip(&at) {
            if let Some(pi) = at[ci] {
                f(cat, &s.name, &s.unit, &s.points[pi].value);
            }
        }
    }
}

fn value_head(lang: Lang) -> [&'static str; 7] {
    [
        lang.pick("数值", "value"),
        lang.pick("范围上限", "range end"),
        lang.pick("单位", "unit"),
        lang.pick("性质", "kind of value"),
        lang.pick("说明", "meaning"),
        lang.pick("来源", "source"),
        lang.pick("原文", "quote"),
    ]
}

fn value_cells<'a>(report: &Report, v: &'a Value, unit: &'a str, lang: Lang) -> Vec<Cell<'a>> {
    let high = match v.qualifier {
        Qualifier::Range { high } => Cell::Number(high),
        _ => Cell::Text(""),
    };
    let place = match &v.source {
        Provenance::Paragraph { paragraph, .. } => format!(
            "{} {}",
            lang.pick("本报告", "this report,"),
            report.paragraph_place(paragraph, lang)
        ),
        Provenance::External {
            url,
            publisher,
            note,
            ..
        } => match note {
            Some(n) => format!("{publisher} {url} ({n})"),
            None => format!("{publisher} {url}"),
        },
    };
    vec![
        Cell::Number(v.value),
        high,
        Cell::Text(unit),
        Cell::Owned(
            v.qualifier_tag(lang)
                .unwrap_or(lang.pick("原文数字", "as printed"))
                .to_string(),
        ),
        Cell::Owned(v.qualifier_explanation(lang).unwrap_or_default()),
        Cell::Owned(place),
        Cell::Text(v.source.quote()),
    ]
}

/// A CSV cell: numbers are written as numbers, text is quoted as needed
/// and kept from being read as a spreadsheet formula.
enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Number(f64),
}

fn csv_row<'a>(out: &mut String, cells: impl IntoIterator<Item = Cell<'a>>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Number(n) => out.push_str(&n.to_string()),
            Cell::Text(t) => push_text(out, t),
            Cell::Owned(t) => push_text(out, &t),
        }
    }
    out.push_str("\r\n");
}

fn push_text(out: &mut String, t: &str) {
    // A cell starting with = + - @ is run as a formula by spreadsheet
    // programs; report text must never be, so it gets a leading apostrophe.
    let guard = t.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if guard || t.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if guard {
            out.push('\'');
        }
        out.push_str(&t.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(t);
    }
}

/// Reads CSV written by this module back into rows of cells (for tests and
/// for checking a download against its table).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(CSV_BOM).unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_report, Point};

    fn jimo() -> Report {
        parse_report(include_str!("../../public/reports/jimo-2024.json")).expect("bundled report")
    }

    /// A chart with categories `cats` and one series whose points name `xs`.
    fn chart_of(cats: &[&str], xs: &[&str]) -> Chart {
        let mut c = jimo().chart("chart-court-cases").unwrap().clone();
        let p = c.series[0].points[0].clone();
        c.categories = cats.iter().map(|s| s.to_string()).collect();
        c.series.truncate(1);
        c.series[0].points = xs
            .iter()
            .map(|x| Point {
                x: x.to_string(),
                ..p.clone()
            })
            .collect();
        c
    }

    #[test]
    fn points_find_their_categories_in_any_order() {
        let c = chart_of(&["a", "b", "c", "d", "e"], &["c", "a", "zz", "d", "b", "a"]);
        let s = &c.series[0];
        // The first point of a category counts; unknown categories are left out.
        assert_eq!(
            category_points(&c, s),
            [Some(1), Some(4), Some(0), Some(3), None]
        );
        assert_eq!(category_order(&c, s), [(0, 1), (1, 4), (2, 0), (3, 3)]);
        let none = chart_of(&[], &["a"]);
        assert!(category_points(&none, &none.series[0]).is_empty());
        assert!(category_order(&none, &none.series[0]).is_empty());
    }

    #[test]
    fn each_source_once_in_first_use_order() {
        let mut c = chart_of(&["a", "b", "c", "d", "e"], &["a", "b", "c", "d", "e"]);
        let ext = |q: &str| Provenance::External {
            url: "https://example.org/".into(),
            publisher: "p".into(),
            quote: q.into(),
            note: None,
        };
        for (p, q) in c.series[0].points.iter_mut().zip(["z", "y", "z", "x", "y"]) {
            p.value.source = ext(q);
        }
        assert_eq!(distinct_sources(&c), [ext("z"), ext("y"), ext("x")]);
        // 20,000 points, each with a source of its own, and each again.
        let one = c.series[0].points[0].clone();
        c.series[0].points = (0..40_000)
            .map(|i| Point {
                value: Value {
                    source: ext(&format!("q{}", i % 20_000)),
                    ..one.value.clone()
                },
                ..one.clone()
            })
            .collect();
        let d = distinct_sources(&c);
        assert_eq!(d.len(), 20_000);
        assert_eq!(d[19_999], ext("q19999"));
    }

    #[test]
    fn ten_thousand_reversed_points_are_ordered() {
        let names: Vec<String> = (0..10_000).map(|i| format!("x{i}")).collect();
        let cats: Vec<&str> = names.iter().map(String::as_str).collect();
        let rev: Vec<&str> = cats.iter().rev().copied().collect();
        let c = chart_of(&cats, &rev);
        let order = category_order(&c, &c.series[0]);
        assert_eq!(order.len(), 10_000);
        assert!(order
            .iter()
            .enumerate()
            .all(|(i, &(ci, pi))| ci == i && pi == 9_999 - i));
    }

    #[test]
    fn a_trend_from_a_derived_value_says_so() {
        let r = jimo();
        let c = r.chart("chart-reconsideration").unwrap();
        let zh = chart_summary(c, Lang::Zh);
        assert_eq!(zh.len(), 1);
        assert!(
            zh[0].contains("从2023的约222件（推算值）到2024的550件"),
            "{}",
            zh[0]
        );
        assert!(zh[0].contains("增加约328件"), "{}", zh[0]);
        assert!(zh[0].contains("按推算值计算"), "{}", zh[0]);
        let en = chart_summary(c, Lang::En);
        assert!(en[0].contains("about 328"), "{}", en[0]);
        assert!(en[0].contains("(derived)"), "{}", en[0]);
    }

    #[test]
    fn exact_trends_give_change_and_percent() {
        let r = jimo();
        let c = r.chart("chart-court-cases").unwrap();
        let zh = chart_summary(c, Lang::Zh);
        assert_eq!(zh.len(), 4);
        assert!(
            zh[0].starts_with(
                "各类行政案件\u{FF1A}从2021的605件到2022的466件，减少139件（下降23%）"
            ),
            "{}",
            zh[0]
        );
        assert!(!zh[0].contains("推算"));
    }

    #[test]
    fn categories_get_highest_and_lowest_not_a_change() {
        let r = jimo();
        let c = r.chart("chart-mediators-2023").unwrap();
        let zh = chart_summary(c, Lang::Zh);
        assert_eq!(
            zh[0],
            "评定人数\u{FF1A}最高为四级的177名，最低为二级的4名。"
        );
        assert!(!zh[0].contains("增加") && !zh[0].contains("减少"));
    }

    #[test]
    fn bounds_never_get_a_computed_change() {
        let lb = Value {
            value: 100.0,
            qualifier: Qualifier::LowerBound {
                marker: "余".into(),
            },
            source: Provenance::Paragraph {
                paragraph: "p".into(),
                quote: "100余".into(),
            },
        };
        let exact = Value {
            qualifier: Qualifier::Exact,
            value: 150.0,
            ..lb.clone()
        };
        let t = change_text(&lb, &exact, "件", Lang::Zh);
        assert!(t.contains("无法确定") && !t.contains("50"), "{t}");
    }

    #[test]
    fn point_text_names_value_kind_and_source() {
        let r = jimo();
        let c = r.chart("chart-reconsideration").unwrap();
        let t = point_text(&r, c, 0, 0, Lang::Zh);
        assert!(
            t.starts_with("受理行政复议申请 · 2023\u{FF1A}约222件（推算值）"),
            "{t}"
        );
        assert!(t.contains("550 ÷ (1 + 148%)"), "{t}");
        assert!(t.contains("来源\u{FF1A}本报告"), "{t}");
        assert_eq!(point_text(&r, c, 5, 0, Lang::Zh), "");
    }

    #[test]
    fn chart_csv_has_bom_one_row_per_value_and_reads_back() {
        let r = jimo();
        let c = r.chart("chart-court-cases").unwrap();
        let csv = chart_csv(&r, c, Lang::Zh);
        assert!(csv.starts_with(CSV_BOM));
        let rows = parse_csv(&csv);
        assert_eq!(rows.len(), 1 + 8);
        assert_eq!(rows[0][0], c.x_label);
        assert_eq!(rows[1][..4], ["2021", "各类行政案件", "605", ""]);
        assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    }

    #[test]
    fn report_csv_lists_every_figure_and_chart_value() {
        let r = jimo();
        let rows = parse_csv(&report_csv(&r, Lang::En));
        let points: usize = r
            .charts
            .iter()
            .flat_map(|c| &c.series)
            .map(|s| s.points.len())
            .sum();
        assert_eq!(rows.len(), 1 + r.figures.len() + points);
        assert_eq!(rows[0][0], "kind");
    }

    #[test]
    fn csv_text_is_quoted_and_never_a_formula() {
        let mut out = String::new();
        csv_row(
            &mut out,
            [
                Cell::Text("=HYPERLINK(\"x\")"),
                Cell::Text("a,b"),
                Cell::Text("-1"),
                Cell::Number(-1.5),
            ],
        );
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",\"'-1\",-1.5\r\n");
        assert_eq!(parse_csv(&out)[0][1], "a,b");
    }
}
