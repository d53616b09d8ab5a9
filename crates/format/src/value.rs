//! Numbers with their qualifier and provenance, and how to say them.
//!
//! A government report prints "2.1万余名" (more than 21,000), "2~3个月"
//! (a range) or "同比增长148%" (from which an earlier value can be derived).
//! A viewer that shows these as bare numbers misleads, so every value here
//! carries what kind of number it is and where it was read.

use serde::{Deserialize, Serialize};

use crate::report::{need, only};
use crate::settings::Lang;

/// A number as the report (or a cited source) states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Value {
    /// The number; for a range, its lower end.
    pub value: f64,
    /// Exact, bound, range or derived.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// Where the number was read.
    pub source: Provenance,
}

/// What kind of number a [`Value`] is: an object whose `kind` names it.
// Read through the flat `RawQualifier`, as blocks are (see `Block`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Qualifier {
    /// The number as printed.
    #[default]
    Exact,
    /// "More than": the source printed `余` or `以上` after the number.
    LowerBound {
        /// The marker as printed, `余` or `以上`.
        marker: String,
    },
    /// "At most": the source printed `以内` or similar.
    UpperBound {
        /// The marker as printed, e.g. `以内`.
        marker: String,
    },
    /// A range from `value` to `high`, e.g. `2~3个月`.
    Range {
        /// The upper end of the range.
        high: f64,
    },
    /// Computed from printed numbers by a stated rule; not printed itself.
    Derived {
        /// The rule, e.g. `550 ÷ (1 + 148%) ≈ 221.8`.
        rule: String,
    },
}

/// Where a value (or table) was read: an object whose `kind` names it.
// Read through the flat `RawProvenance`, as blocks are (see `Block`).
// Ordered (by kind, then fields) so that equal sources are found by sorting
// (`distinct_sources`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Provenance {
    /// Read from a paragraph of this report.
    Paragraph {
        /// The paragraph's id.
        paragraph: String,
        /// The words the number was read from, exactly as in the paragraph.
        quote: String,
    },
    /// Read from a cell of a table of this report.
    TableCell {
        /// The table's id.
        table: String,
        /// The row, counted from 0 among the table's `rows` (headings
        /// are not rows).
        row: u32,
        /// The column, counted from 0 among the table's `columns`.
        column: u32,
        /// The cell's words the number was read from, exactly as printed.
        quote: String,
    },
    /// Read from another public source.
    External {
        /// The source's address (`http:` or `https:` only).
        url: String,
        /// Who published it or what page it is.
        publisher: String,
        /// The sentence the number was read from, as published.
        quote: String,
        /// A caveat about the source, e.g. that it is a third-party copy.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
}

/// Every field a qualifier may have.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[doc(hidden)]
pub struct RawQualifier {
    kind: String,
    marker: Option<String>,
    high: Option<f64>,
    rule: Option<String>,
}

impl<'de> Deserialize<'de> for Qualifier {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Qualifier, D::Error> {
        Qualifier::try_from(RawQualifier::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<RawQualifier> for Qualifier {
    type Error = String;

    fn try_from(r: RawQualifier) -> Result<Qualifier, String> {
        let k = r.kind.as_str();
        let present = [
            ("marker", r.marker.is_some()),
            ("high", r.high.is_some()),
            ("rule", r.rule.is_some()),
        ];
        let allowed: &[&str] = match k {
            "exact" => &[],
            "lower_bound" | "upper_bound" => &["marker"],
            "range" => &["high"],
            "derived" => &["rule"],
            other => {
                return Err(format!(
                    "unknown qualifier kind `{other}`, expected one of `exact`, `lower_bound`, `upper_bound`, `range`, `derived`"
                ))
            }
        };
        only(&present, allowed, k)?;
        Ok(match k {
            "exact" => Qualifier::Exact,
            "lower_bound" => Qualifier::LowerBound {
                marker: need(r.marker, "marker", k)?,
            },
            "upper_bound" => Qualifier::UpperBound {
                marker: need(r.marker, "marker", k)?,
            },
            "range" => Qualifier::Range {
                high: need(r.high, "high", k)?,
            },
            _ => Qualifier::Derived {
                rule: need(r.rule, "rule", k)?,
            },
        })
    }
}

/// Every field a provenance may have.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[doc(hidden)]
pub struct RawProvenance {
    kind: String,
    paragraph: Option<String>,
    table: Option<String>,
    row: Option<u32>,
    column: Option<u32>,
    quote: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    note: Option<String>,
}

impl<'de> Deserialize<'de> for Provenance {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Provenance, D::Error> {
        Provenance::try_from(RawProvenance::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<RawProvenance> for Provenance {
    type Error = String;

    fn try_from(r: RawProvenance) -> Result<Provenance, String> {
        let k = r.kind.as_str();
        let present = [
            ("paragraph", r.paragraph.is_some()),
            ("table", r.table.is_some()),
            ("row", r.row.is_some()),
            ("column", r.column.is_some()),
            ("url", r.url.is_some()),
            ("publisher", r.publisher.is_some()),
            ("note", r.note.is_some()),
        ];
        match k {
            "paragraph" => {
                only(&present, &["paragraph"], k)?;
                Ok(Provenance::Paragraph {
                    paragraph: need(r.paragraph, "paragraph", k)?,
                    quote: need(r.quote, "quote", k)?,
                })
            }
            "table_cell" => {
                only(&present, &["table", "row", "column"], k)?;
                Ok(Provenance::TableCell {
                    table: need(r.table, "table", k)?,
                    row: need(r.row, "row", k)?,
                    column: need(r.column, "column", k)?,
                    quote: need(r.quote, "quote", k)?,
                })
            }
            "external" => {
                only(&present, &["url", "publisher", "note"], k)?;
                Ok(Provenance::External {
                    url: need(r.url, "url", k)?,
                    publisher: need(r.publisher, "publisher", k)?,
                    quote: need(r.quote, "quote", k)?,
                    note: r.note,
                })
            }
            other => Err(format!(
                "unknown source kind `{other}`, expected `paragraph`, `table_cell` or `external`"
            )),
        }
    }
}

impl Provenance {
    /// The quoted words.
    pub fn quote(&self) -> &str {
        match self {
            Provenance::Paragraph { quote, .. }
            | Provenance::TableCell { quote, .. }
            | Provenance::External { quote, .. } => quote,
        }
    }
}

/// The numbers printed in `text`, in order: runs of digits (half or full
/// width) with a decimal part and thousands commas, negative after a
/// minus sign that follows no digit, times 10,000 or 100,000,000 when `万`
/// or `亿` (`萬`, `億`) follows. `2.1万余名` holds 21000, `2~3个月` holds 2 and 3.
// Integer arithmetic and one division: parsing an `f64` would link core's
// float parser into the WASM (about 12 KB).
pub fn printed_numbers(text: &str) -> Vec<f64> {
    const TENS: [f64; 16] = [
        1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u64 - '0' as u64),
        '０'..='９' => Some(c as u64 - '０' as u64),
        _ => None,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let negative = i > 0
            && matches!(chars[i - 1], '-' | '−' | '－')
            && (i < 2 || digit(chars[i - 2]).is_none());
        let (mut mantissa, mut scale, mut fraction) = (0u64, 0usize, false);
        while let Some(&c) = chars.get(i) {
            let next_is_digit = chars.get(i + 1).is_some_and(|&n| digit(n).is_some());
            if let Some(d) = digit(c) {
                // Digits past what a double holds exactly are dropped.
                if mantissa < 100_000_000_000_000_000 && scale < TENS.len() - 1 {
                    mantissa = mantissa * 10 + d;
                    scale += usize::from(fraction);
                } else if !fraction {
                    mantissa = u64::MAX;
                }
            } else if matches!(c, '.' | '．') && !fraction && next_is_digit {
                fraction = true;
            } else if c != ',' || fraction || !next_is_digit {
                break;
            }
            i += 1;
        }
        let mut v = mantissa as f64 / TENS[scale];
        match chars.get(i) {
            // Traditional characters too: a report's page in 繁體 quotes
            // its numbers as 萬 and 億.
            Some('万' | '萬') => v *= 1e4,
            Some('亿' | '億') => v *= 1e8,
            _ => {}
        }
        out.push(if negative { -v } else { v });
    }
    out
}

/// Whether two numbers are the same printed number (up to the rounding of
/// a decimal fraction in binary).
pub fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Formats a plain number: no trailing zeros, at most two decimals.
/// English groups thousands with commas; Chinese writes large round
/// numbers with 万 as reports do (21000 → 2.1万).
pub fn format_number(v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if lang == Lang::Zh && v.abs() >= 10_000.0 && (v / 100.0).fract() == 0.0 {
        return format!("{}万", trim(v / 10_000.0));
    }
    let s = trim(v);
    if lang == Lang::En {
        group_thousands(&s)
    } else {
        s
    }
}

fn trim(v: f64) -> String {
    // Past what validation allows, `{:.2}` would print hundreds of digits.
    if v.abs() >= 1e16 {
        return v.to_string();
    }
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn group_thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    if int.len() <= 4 || int.len() > 15 {
        return s.to_string();
    }
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

impl Value {
    /// The number part as a reader sees it, without the unit: `2.1万余`,
    /// `2~3`, `约222`, `more than 21,000`.
    pub fn number_text(&self, lang: Lang) -> String {
        let n = format_number(self.value, lang);
        match (&self.qualifier, lang) {
            (Qualifier::Exact, _) => n,
            (Qualifier::LowerBound { marker }, Lang::Zh) => format!("{n}{marker}"),
            (Qualifier::LowerBound { .. }, Lang::En) => format!("{n}+"),
            (Qualifier::UpperBound { marker }, Lang::Zh) => format!("{n}{marker}"),
            (Qualifier::UpperBound { .. }, Lang::En) => format!("≤{n}"),
            (Qualifier::Range { high }, _) => format!("{n}~{}", format_number(*high, lang)),
            (Qualifier::Derived { .. }, Lang::Zh) => {
                format!("约{}", format_number(self.value.round(), lang))
            }
            (Qualifier::Derived { .. }, Lang::En) => {
                format!("≈{}", format_number(self.value.round(), lang))
            }
        }
    }

    /// Number and unit together, e.g. `2.1万余名` or `1666件`. Chinese puts
    /// the `以上` marker after the unit only for percentages, as printed.
    pub fn with_unit(&self, unit: &str, lang: Lang) -> String {
        let sep = if lang == Lang::En && unit != "%" {
            " "
        } else {
            ""
        };
        format!("{}{sep}{unit}", self.number_text(lang))
    }

    /// A short tag naming the qualifier, or `None` for exact values.
    pub fn qualifier_tag(&self, lang: Lang) -> Option<&'static str> {
        let zh = lang == Lang::Zh;
        match self.qualifier {
            Qualifier::Exact => None,
            Qualifier::LowerBound { .. } => Some(if zh { "下限值" } else { "lower bound" }),
            Qualifier::UpperBound { .. } => Some(if zh { "上限值" } else { "upper bound" }),
            Qualifier::Range { .. } => Some(if zh { "范围" } else { "range" }),
            Qualifier::Derived { .. } => Some(if zh { "推算值" } else { "derived" }),
        }
    }

    /// A sentence explaining the qualifier, e.g. what `余` means or the
    /// rule a derived value was computed by.
    pub fn qualifier_explanation(&self, lang: Lang) -> Option<String> {
        let zh = lang == Lang::Zh;
        match &self.qualifier {
            Qualifier::Exact => None,
            Qualifier::LowerBound { marker } => Some(if zh {
                format!("原文写作“{marker}”,表示多于此数,实际数值不详")
            } else {
                format!("printed with “{marker}”: more than this; the exact number is not given")
            }),
            Qualifier::UpperBound { marker } => Some(if zh {
                format!("原文写作“{marker}”,表示不超过此数")
            } else {
                format!("printed with “{marker}”: at most this")
            }),
            Qualifier::Range { .. } => Some(if zh {
                "原文给出的是一个范围".to_string()
            } else {
                "the source gives a range".to_string()
            }),
            Qualifier::Derived { rule } => Some(if zh {
                format!("原文未直接给出,按规则推算:{rule}")
            } else {
                format!("not printed in the source; derived by: {rule}")
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(value: f64, qualifier: Qualifier) -> Value {
        Value {
            value,
            qualifier,
            source: Provenance::Paragraph {
                paragraph: "p".into(),
                quote: "q".into(),
            },
        }
    }

    #[test]
    fn formats_numbers_as_reports_print_them() {
        assert_eq!(format_number(1666.0, Lang::Zh), "1666");
        assert_eq!(format_number(21000.0, Lang::Zh), "2.1万");
        assert_eq!(format_number(60000.0, Lang::Zh), "6万");
        assert_eq!(format_number(12345.0, Lang::Zh), "12345");
        assert_eq!(format_number(21000.0, Lang::En), "21,000");
        assert_eq!(format_number(1666.0, Lang::En), "1666");
        assert_eq!(format_number(80.4, Lang::Zh), "80.4");
        assert_eq!(format_number(0.5, Lang::En), "0.5");
        assert_eq!(format_number(-0.0, Lang::En), "0");
        assert_eq!(format_number(1234567.5, Lang::En), "1,234,567.5");
        // At most two decimals, rounded, trailing zeros dropped.
        assert_eq!(format_number(1234.5678, Lang::Zh), "1234.57");
        assert_eq!(format_number(3.10, Lang::Zh), "3.1");
        assert_eq!(format_number(-3.05, Lang::Zh), "-3.05");
        assert_eq!(format_number(0.004, Lang::Zh), "0");
        assert_eq!(format_number(-0.004, Lang::Zh), "0");
        assert_eq!(format_number(0.999, Lang::Zh), "1");
        assert_eq!(format_number(-148.0, Lang::Zh), "-148");
        // The largest values a report may hold, and beyond (not validated).
        assert_eq!(format_number(1e15, Lang::En), "1000000000000000");
        assert_eq!(format_number(-1e15, Lang::Zh), "-100000000000万");
        assert_eq!(format_number(1e300, Lang::En), 1e300.to_string());
        assert_eq!(format_number(f64::NAN, Lang::En), "NaN");
    }

    #[test]
    fn reads_printed_numbers() {
        assert_eq!(printed_numbers("2.1万余名"), [21000.0]);
        assert_eq!(printed_numbers("2.1萬餘名"), [21000.0]);
        assert_eq!(printed_numbers("3億"), [3e8]);
        assert_eq!(printed_numbers("2~3个月"), [2.0, 3.0]);
        assert_eq!(printed_numbers("2-3"), [2.0, 3.0]);
        assert_eq!(printed_numbers("1,234.5件,-7"), [1234.5, -7.0]);
        assert_eq!(printed_numbers("１６６６件"), [1666.0]);
        assert_eq!(printed_numbers("37.50%"), [37.5]);
        assert_eq!(printed_numbers("第3.页"), [3.0]);
        assert_eq!(printed_numbers("无"), Vec::<f64>::new());
        assert!(same_number(printed_numbers("0.1")[0] * 3.0, 0.3));
        assert!(!same_number(466.0, 466.5));
        // Absurdly long digit runs stay finite.
        assert!(printed_numbers(&"9".repeat(400))[0].is_finite());
    }

    #[test]
    fn says_qualifiers() {
        let lb = v(
            21000.0,
            Qualifier::LowerBound {
                marker: "余".into(),
            },
        );
        assert_eq!(lb.with_unit("名", Lang::Zh), "2.1万余名");
        assert_eq!(lb.with_unit("名", Lang::En), "21,000+ 名");
        assert_eq!(lb.qualifier_tag(Lang::Zh), Some("下限值"));
        let r = v(2.0, Qualifier::Range { high: 3.0 });
        assert_eq!(r.with_unit("个月", Lang::Zh), "2~3个月");
        let d = v(
            221.8,
            Qualifier::Derived {
                rule: "550 ÷ (1 + 148%)".into(),
            },
        );
        assert_eq!(d.with_unit("件", Lang::Zh), "约222件");
        assert!(d
            .qualifier_explanation(Lang::En)
            .unwrap()
            .contains("550 ÷ (1 + 148%)"));
        let e = v(37.0, Qualifier::Exact);
        assert_eq!(e.with_unit("%", Lang::En), "37%");
        assert_eq!(e.qualifier_tag(Lang::En), None);
    }
}
