//! A report's numbers in words: where each value was read, a summary the
//! viewer computes for each chart (first and last, change, highest,
//! lowest), and the text a point announces.
//!
//! Everything here says how exact a value is: a summary never states a
//! change between a derived or lower-bound value and another as if both were
//! printed counts.

use crate::index::{Home, Indexed};
use crate::points::category_order;
use crate::report::{Chart, Point};
use crate::settings::Lang;
use crate::value::{format_number, Provenance, Qualifier, Value};

impl Indexed {
    /// Names the place of a paragraph for a reader: the printed heading of
    /// the section it stands in, after the numbers of the sections around
    /// it (`一、(三)…`, which a reader can find in the document).
    pub fn paragraph_place(&self, paragraph: &str, lang: Lang) -> String {
        match self.home_of(paragraph) {
            Some(Home::Section(s)) => {
                let mut numbers = String::new();
                let mut at = self.parent(s);
                let mut outer = Vec::new();
                while let Some(p) = at {
                    outer.push(p);
                    at = self.parent(p);
                }
                for p in outer.into_iter().rev() {
                    numbers.push_str(&self.section_at(p).number);
                }
                numbers + &self.section_at(s).heading()
            }
            Some(Home::Preamble) => lang.pick("开头部分", "opening paragraph").to_string(),
            _ => lang.pick("正文", "text").to_string(),
        }
    }
}

impl Indexed {
    /// Names a table cell for a reader: the table (`表1`), the row's
    /// label in quotes and the column's heading: `表1 ‘行政诉讼案件’ 2022年`.
    pub fn cell_place(&self, table: &str, row: u32, column: u32, lang: Lang) -> String {
        let Some(t) = self.table(table) else {
            return table.to_string();
        };
        let (r, c) = (row as usize, column as usize);
        let row_label = match t.rows.get(r).and_then(|cells| cells.first()) {
            Some(label) if c > 0 => format!("\u{2018}{label}\u{2019}"),
            _ => format!(
                "{}{}{}",
                lang.pick("第", "row "),
                r + 1,
                lang.pick("行", "")
            ),
        };
        let column = t.columns.get(c).map_or("", String::as_str);
        match lang {
            Lang::Zh => format!("{} {row_label} {column}", t.name()),
            Lang::En => format!("table {}, {row_label}, {column}", t.name()),
        }
    }
}

impl Provenance {
    /// Where the value was read, in one line: `本报告 二、(一)…:“…”` or
    /// `publisher url:“…”(note)`.
    pub fn describe(&self, report: &Indexed, lang: Lang) -> String {
        match self {
            Provenance::Paragraph { paragraph, quote } => format!(
                "{} {}{}“{quote}”",
                lang.pick("本报告", "this report,"),
                report.paragraph_place(paragraph, lang),
                lang.pick("\u{FF1A}", ": ")
            ),
            Provenance::TableCell {
                table,
                row,
                column,
                quote,
            } => format!(
                "{} {}{}“{quote}”",
                lang.pick("本报告", "this report,"),
                report.cell_place(table, *row, *column, lang),
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
pub(crate) fn said(v: &Value, unit: &str, lang: Lang) -> String {
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
    report: &Indexed,
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
        let pts: Vec<(usize, &Point)> = category_order(chart, s)
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
            let by_value = |a: &&(usize, &Point), b: &&(usize, &Point)| {
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
    let amount = format_number(if approx { d.abs().round() } else { d.abs() }, lang);
    let pct = (a.value != 0.0).then(|| {
        let p = (d / a.value.abs() * 1000.0).abs().round() / 10.0;
        format!("{}%", format_number(p, Lang::En))
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::index::Indexed;
    use crate::load::parse_report;

    pub(crate) fn jimo() -> Indexed {
        parse_report(include_str!("../../../public/reports/jimo-2024.json"))
            .expect("bundled report")
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
}
