//! Numbers as reports print them: in running text (`出具各类合法性审查意见
//! 1666件`, which becomes a key figure quoting its clause) and alone in a
//! table cell (`300余`, `95%以上`, `2~3`), each with its qualifier: `余`,
//! `多`, `以上` a lower bound, `以内`, `以下` an upper bound, `2~3` a range.
//! A number said to be approximate (`约`, `左右`) is not read as a value:
//! there is no honest number to draw.

use std::sync::LazyLock;

use regex::Regex;

use report_format::{KeyFigure, Provenance, Qualifier, Value};

/// Units a number in running text must carry to become a key figure.
const UNITS: &str = "个工作日|工作日|人次|场次|万元|亿元|个月|件|项|个|名|人|期|条|起|家|份|户|元|次|批|所|处|篇|场|天|%";

fn re(s: &str) -> Regex {
    Regex::new(s).expect("the importer's patterns are valid")
}

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        concat!(
            r"(?P<num>\d+(?:\.\d+)?)",
            r"(?:\s*(?:~|～|-|—|至)\s*(?P<hi>\d+(?:\.\d+)?))?",
            r"(?P<mult>万|亿)?(?P<approx>余|多)?",
            r"(?P<unit>{})",
            r"(?P<bound>以上|以内)?"
        ),
        UNITS
    ))
});

static CELL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        concat!(
            r"^(?P<pre>超过|逾|不足|不到)?\s*(?P<num>[-−]?\d[\d,]*(?:\.\d+)?)",
            r"(?:\s*(?:~|～|-|—|–|至|到)\s*(?P<hi>\d[\d,]*(?:\.\d+)?))?",
            r"\s*(?P<mult>万|亿)?\s*(?P<approx>余|多)?\s*(?P<unit>{}|‰|人|户|元|万人|公里|平方米|亩|吨)?",
            r"\s*(?P<bound>以上|以内|以下)?$"
        ),
        UNITS
    ))
});

/// A number alone in a table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellNumber {
    /// The number (the lower end of a range), times 万 or 亿.
    pub value: f64,
    /// Exact, bound or range.
    pub qualifier: Qualifier,
    /// The unit printed after it, if any.
    pub unit: Option<String>,
}

/// What a table cell holds, for charting.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// A number.
    Number(CellNumber),
    /// No number: empty, or a dash or `无` printed for "none".
    Blank,
    /// Words: not a number (or one said to be approximate).
    Text,
}

/// Reads a table cell (or a spreadsheet cell written as text).
pub fn cell_value(text: &str) -> CellValue {
    let t = text.trim();
    if t.is_empty()
        || matches!(
            t,
            "-" | "—" | "——" | "–" | "/" | "／" | "无" | "暂无" | "*" | "…" | "——/——"
        )
    {
        return CellValue::Blank;
    }
    let Some(c) = CELL.captures(t) else {
        return CellValue::Text;
    };
    let parse = |s: &str| -> Option<f64> {
        let s = s.replace(',', "").replace('−', "-");
        s.parse::<f64>().ok().filter(|v| v.is_finite())
    };
    let mult = match c.name("mult").map(|m| m.as_str()) {
        Some("万") => 10_000.0,
        Some("亿") => 100_000_000.0,
        _ => 1.0,
    };
    let Some(value) = parse(&c["num"]) else {
        return CellValue::Text;
    };
    let marker = |m: &str| m.to_string();
    let qualifier = if let Some(hi) = c.name("hi") {
        match parse(hi.as_str()) {
            Some(h) if h > value => Qualifier::Range { high: h * mult },
            _ => return CellValue::Text,
        }
    } else if let Some(a) = c.name("approx").or_else(|| {
        c.name("pre")
            .filter(|p| matches!(p.as_str(), "超过" | "逾"))
    }) {
        Qualifier::LowerBound {
            marker: marker(a.as_str()),
        }
    } else if let Some(p) = c.name("pre") {
        Qualifier::UpperBound {
            marker: marker(p.as_str()),
        }
    } else {
        match c.name("bound").map(|b| b.as_str()) {
            Some("以上") => Qualifier::LowerBound {
                marker: "以上".into(),
            },
            Some(b) => Qualifier::UpperBound { marker: b.into() },
            None => Qualifier::Exact,
        }
    };
    CellValue::Number(CellNumber {
        value: value * mult,
        qualifier,
        unit: c.name("unit").map(|u| u.as_str().to_string()),
    })
}

/// The unit a heading or caption names: `数量（件）`, `(单位:万元)`,
/// `单位：件`, `占比(%)`.
pub fn unit_in(text: &str) -> Option<String> {
    static UNIT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:单位\s*[:：]\s*(?P<a>[^\s()（）,，;；]{1,6}))|[(（]\s*(?P<b>[^()（）:：\d\s]{1,4})\s*[)）]\s*$",
        )
    });
    let c = UNIT.captures(text)?;
    let u = c.name("a").or_else(|| c.name("b"))?.as_str().trim();
    (!u.is_empty()).then(|| u.to_string())
}

const DELIMS: &[char] = &[
    '，', ',', '。', '；', ';', '：', ':', '、', '“', '”', '(', ')', '（', '）', '《', '》', '！',
    '？',
];

/// Numbers with units in `text`, as key figures quoting their clause.
pub fn extract_figures(para: &str, text: &str) -> Vec<KeyFigure> {
    let mut out = Vec::new();
    for c in FIGURE.captures_iter(text) {
        let m = c.get(0).expect("a match has a whole");
        // Part of a longer number or word ("2024年" is excluded by the unit
        // list; "A1件" or "3.5" after a digit are not figures).
        if text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_alphanumeric() || p == '.')
        {
            continue;
        }
        let Ok(num) = c["num"].parse::<f64>() else {
            continue;
        };
        let mult = match c.name("mult").map(|m| m.as_str()) {
            Some("万") => 10_000.0,
            Some("亿") => 100_000_000.0,
            _ => 1.0,
        };
        let unit = c["unit"].to_string();
        let qualifier = if let Some(hi) = c.name("hi").and_then(|h| h.as_str().parse::<f64>().ok())
        {
            Qualifier::Range { high: hi * mult }
        } else if let Some(a) = c.name("approx") {
            Qualifier::LowerBound {
                marker: a.as_str().to_string(),
            }
        } else {
            match c.name("bound").map(|b| b.as_str()) {
                Some("以上") => Qualifier::LowerBound {
                    marker: "以上".into(),
                },
                Some("以内") => Qualifier::UpperBound {
                    marker: "以内".into(),
                },
                _ => Qualifier::Exact,
            }
        };
        // The label: the clause before the number, or after the unit when
        // the number opens its clause ("5项决策事项纳入…").
        let clause_start = text[..m.start()]
            .char_indices()
            .rev()
            .find(|(_, ch)| DELIMS.contains(ch))
            .map_or(0, |(i, ch)| i + ch.len_utf8());
        let before = text[clause_start..m.start()].trim();
        let (label, quote_start, quote_end) = if before.chars().count() >= 2 {
            (trim_label(before), clause_start, m.end())
        } else {
            let after_end = text[m.end()..]
                .char_indices()
                .find(|(_, ch)| DELIMS.contains(ch) && *ch != '、')
                .map_or(text.len(), |(i, _)| m.end() + i);
            (
                text[m.end()..after_end].trim().to_string(),
                clause_start,
                after_end,
            )
        };
        let label = if label.is_empty() {
            "未命名的数字".to_string()
        } else {
            label
        };
        let quote = text[quote_start..quote_end].trim().to_string();
        out.push(KeyFigure {
            id: format!("fig-{}-{}", para.trim_start_matches("p-"), out.len() + 1),
            label,
            value: Value {
                value: num * mult,
                qualifier,
                source: Provenance::Paragraph {
                    paragraph: para.to_string(),
                    quote,
                },
            },
            unit,
        });
    }
    out
}

/// Drops linking words at the end of a label ("共", "达", "为").
fn trim_label(s: &str) -> String {
    let mut t = s.trim();
    for suffix in ["达到", "均为", "共计", "共", "达", "为", "约"] {
        if let Some(r) = t.strip_suffix(suffix) {
            t = r.trim_end();
            break;
        }
    }
    for prefix in ["其中", "全年"] {
        if let Some(r) = t.strip_prefix(prefix) {
            if r.chars().count() >= 2 {
                t = r;
            }
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<(String, f64, Qualifier, String, String)> {
        extract_figures("p-1", text)
            .into_iter()
            .map(|f| {
                (
                    f.label,
                    f.value.value,
                    f.value.qualifier,
                    f.unit,
                    f.value.source.quote().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn reads_numbers_units_and_qualifiers() {
        let f = figs("出具各类合法性审查意见1666件,合法性审查率达100%。");
        assert_eq!(f[0].0, "出具各类合法性审查意见");
        assert_eq!((f[0].1, f[0].3.as_str()), (1666.0, "件"));
        assert_eq!(f[1].0, "合法性审查率");
        assert_eq!((f[1].1, f[1].3.as_str()), (100.0, "%"));
        let f = figs("配齐配强社区网格力量2.1万余名。");
        assert_eq!(f[0].1, 21000.0);
        assert_eq!(
            f[0].2,
            Qualifier::LowerBound {
                marker: "余".into()
            }
        );
        assert_eq!(f[0].4, "配齐配强社区网格力量2.1万余名");
        let f = figs("投产时间平均提前2~3个月,93%以上实现全程网办");
        assert_eq!(f[0].2, Qualifier::Range { high: 3.0 });
        assert_eq!(f[0].3, "个月");
        assert_eq!(
            f[1].2,
            Qualifier::LowerBound {
                marker: "以上".into()
            }
        );
        let f = figs("培训4060人次,开展活动220场次,挽回损失80余万元");
        assert_eq!((f[0].1, f[0].3.as_str()), (4060.0, "人次"));
        assert_eq!((f[1].1, f[1].3.as_str()), (220.0, "场次"));
        assert_eq!((f[2].1, f[2].3.as_str()), (80.0, "万元"));
        let f = figs("受理申请数量同比2023年增长148%,综合纠错率37%");
        assert_eq!(f[0].0, "受理申请数量同比2023年增长");
        assert_eq!(f[0].1, 148.0);
    }

    #[test]
    fn skips_years_codes_and_unitless_numbers() {
        assert!(figs("2024年,在12345政务服务便民热线,“竣工即投产2.0”改革,(2023)").is_empty());
    }

    #[test]
    fn labels_numbers_that_open_their_clause() {
        let f = figs("5项决策事项纳入重大行政决策事项范围,实行目录清单管理。");
        assert_eq!(f[0].0, "决策事项纳入重大行政决策事项范围");
        assert_eq!(f[0].4, "5项决策事项纳入重大行政决策事项范围");
    }

    #[test]
    fn reads_cells_with_their_qualifiers() {
        let n = |t: &str| match cell_value(t) {
            CellValue::Number(n) => (n.value, n.qualifier, n.unit),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(n("466"), (466.0, Qualifier::Exact, None));
        assert_eq!(
            n("1,234.5 件"),
            (1234.5, Qualifier::Exact, Some("件".into()))
        );
        assert_eq!(
            n("300余"),
            (
                300.0,
                Qualifier::LowerBound {
                    marker: "余".into()
                },
                None
            )
        );
        assert_eq!(
            n("95%以上"),
            (
                95.0,
                Qualifier::LowerBound {
                    marker: "以上".into()
                },
                Some("%".into())
            )
        );
        assert_eq!(n("2~3"), (2.0, Qualifier::Range { high: 3.0 }, None));
        assert_eq!(n("2.1万"), (21000.0, Qualifier::Exact, None));
        assert_eq!(n("-5"), (-5.0, Qualifier::Exact, None));
        assert_eq!(cell_value("—"), CellValue::Blank);
        assert_eq!(cell_value(""), CellValue::Blank);
        assert_eq!(cell_value("约300"), CellValue::Text);
        assert_eq!(cell_value("300左右"), CellValue::Text);
        assert_eq!(cell_value("行政诉讼案件"), CellValue::Text);
        assert_eq!(cell_value("2024年"), CellValue::Text);
    }

    #[test]
    fn finds_units_in_headings() {
        assert_eq!(unit_in("案件数量（件）").as_deref(), Some("件"));
        assert_eq!(unit_in("表1 行政案件情况(单位:件)").as_deref(), Some("件"));
        assert_eq!(unit_in("单位：万元").as_deref(), Some("万元"));
        assert_eq!(unit_in("纠错率(%)").as_deref(), Some("%"));
        assert_eq!(unit_in("2024年"), None);
    }
}
