//! The report's metadata, honestly: what the command line gives wins;
//! then what the source states (a page's disclosure header, its `<meta>`
//! tags); then what can be inferred (the title line, the sign-off, the
//! period and region named in the title). Every value not given on the
//! command line is reported as a warning saying where it came from, and
//! every inference is also written into `meta.note`, which the viewer
//! shows. What cannot be found is written as `未注明`, never guessed.

use std::sync::LazyLock;

use regex::Regex;

use report_format::Meta;

use super::import::ImportOptions;
use super::source::{Stated, StatedValue};

/// Written where neither the source nor the options say.
pub const NOT_STATED: &str = "未注明";

/// What the structure pass found that may tell metadata.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// A title line at the top of the text.
    pub title_line: Option<String>,
    /// The lines after `特此报告。` (issuer, date).
    pub sign_off: Vec<String>,
}

fn re(s: &str) -> Regex {
    Regex::new(s).expect("the metadata patterns are valid")
}

/// A year as a report names its period: `2024年`, `2024年度`.
static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| re(r"((?:19|20)\d{2})\s*(年度|年)(?:上半年|下半年|第[一二三四]季度)?"));
/// The administrative area a title opens with, before the year or the
/// government: `青岛市即墨区`, `山东省`, `某县`.
static REGION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^((?:[\p{Han}]{1,12}?(?:省|自治区|特别行政区|市|地区|自治州|州|盟|区|县|旗|镇|乡|街道))+)")
});
/// An issuing body in a sign-off line.
static BODY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[\p{Han}（）()]{2,40}(?:政府|委员会|办公室|办公厅|局|厅|委|院|部|处|中心|办|党组|公司)$")
});

/// A date as printed (`2025年1月20日`, `2025-01-20 09:30`, `2025/1/20`,
/// `二〇二五年一月二十日`) as `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^\s*(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?(?:\s.*)?$")
    });
    static HAN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*$",
        )
    });
    let (y, m, d) = if let Some(c) = DIGITS.captures(s) {
        (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    } else {
        let c = HAN.captures(s)?;
        let year: String = c[1]
            .chars()
            .map(|ch| match ch {
                '〇' | '○' | '零' => '0',
                other => han_digit(other)
                    .and_then(|d| char::from_digit(d, 10))
                    .unwrap_or('?'),
            })
            .collect();
        (year.parse().ok()?, han_number(&c[2])?, han_number(&c[3])?)
    };
    let (y, m, d): (u32, u32, u32) = (y, m, d);
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y}-{m:02}-{d:02}"))
}

fn han_digit(c: char) -> Option<u32> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u32)
}

/// `一` … `三十一`.
fn han_number(s: &str) -> Option<u32> {
    match s.split_once('十') {
        None => han_digit(s.chars().next()?).filter(|_| s.chars().count() == 1),
        Some((tens, ones)) => {
            let t = if tens.is_empty() {
                1
            } else {
                han_digit(tens.chars().next()?)?
            };
            let o = if ones.is_empty() {
                0
            } else {
                han_digit(ones.chars().next()?)?
            };
            Some(t * 10 + o)
        }
    }
}

/// Warnings for the author and notes for `meta.note`.
struct Log<'w> {
    warnings: &'w mut Vec<String>,
    notes: Vec<String>,
}

impl Log<'_> {
    /// A value the source states: a warning says where it was read.
    fn stated(&mut self, field_zh: &str, field_en: &str, v: &StatedValue) -> String {
        self.warnings.push(format!(
            "{field_zh}“{}”取自{} / {field_en} “{}” read from {}",
            v.value, v.zh, v.value, v.en
        ));
        self.notes.push(format!("{field_zh}取自{}", v.zh));
        v.value.clone()
    }

    /// An inferred value: a warning with the flag that corrects it, and a
    /// note.
    fn inferred(&mut self, zh: String, en: String, flag: &str) {
        self.warnings.push(format!(
            "{zh},可用 {flag} 改正 / {en}; correct it with {flag}"
        ));
        self.notes.push(zh);
    }
}

/// Builds the metadata; see the module's note.
pub fn resolve(
    opts: &ImportOptions,
    stated: &Stated,
    found: &Found,
    warnings: &mut Vec<String>,
) -> Meta {
    let mut log = Log {
        warnings,
        notes: Vec::new(),
    };
    let given = |o: &Option<String>| o.clone().filter(|v| !v.trim().is_empty());

    let mut title = given(&opts.title);
    if title.is_none() {
        if let Some(v) = &stated.title {
            title = Some(log.stated("标题", "title", v));
        } else if let Some(t) = &found.title_line {
            log.inferred(
                format!("标题“{t}”取自正文第一行"),
                format!("title “{t}” taken from the first line"),
                "--title",
            );
            title = Some(t.clone());
        } else if let Some(v) = &stated.page_title {
            title = Some(log.stated("标题", "title", v));
        }
    }
    let mut issuer = given(&opts.issuer);
    if issuer.is_none() {
        if let Some(v) = &stated.issuer {
            issuer = Some(log.stated("发布机关", "issuing body", v));
        } else if let Some(line) = found.sign_off.iter().find(|l| BODY.is_match(l)) {
            log.inferred(
                format!("发布机关“{line}”按落款填写"),
                format!("issuing body “{line}” taken from the sign-off"),
                "--issuer",
            );
            issuer = Some(line.clone());
        }
    }
    let mut published = given(&opts.published);
    if published.is_none() {
        if let Some(v) = &stated.published {
            match parse_date(&v.value) {
                Some(d) => {
                    published = Some(log.stated(
                        "发布日期",
                        "publication date",
                        &StatedValue {
                            value: d,
                            ..v.clone()
                        },
                    ))
                }
                None => log.warnings.push(format!(
                    "{}的日期“{}”无法识别,未填写 / the date “{}” in {} is not a date, left out",
                    v.zh, v.value, v.value, v.en
                )),
            }
        }
    }
    if published.is_none() {
        if let Some((line, date)) = found
            .sign_off
            .iter()
            .find_map(|l| Some((l, parse_date(l)?)))
        {
            log.warnings.push(format!(
                "发布日期取自落款“{line}” / publication date read from the sign-off “{line}”"
            ));
            published = Some(date);
        }
    }
    let document_number = given(&opts.document_number).or_else(|| {
        let v = stated.document_number.as_ref()?;
        Some(log.stated("文号", "document number", v))
    });
    let index_number = stated
        .index_number
        .as_ref()
        .map(|v| log.stated("索引号", "index number", v));
    let canonical_url = given(&opts.canonical_url).or_else(|| {
        let v = stated
            .canonical_url
            .as_ref()
            .filter(|v| report_format::is_http_url(&v.value))?;
        Some(log.stated("原文地址", "official address", v))
    });

    // Period and region: named in the title (or the issuer's name).
    let mut period = given(&opts.period);
    if period.is_none() {
        if let Some(c) = title.as_deref().and_then(|t| PERIOD.captures(t)) {
            let p = c[0].to_string();
            log.inferred(
                format!("报告期“{p}”由标题推断"),
                format!("period “{p}” inferred from the title"),
                "--period",
            );
            period = Some(p);
        }
    }
    let mut region = given(&opts.region);
    if region.is_none() {
        let named = [
            ("标题", "title", title.as_deref()),
            ("发布机关", "issuing body", issuer.as_deref()),
        ]
        .into_iter()
        .find_map(|(zh, en, text)| Some((zh, en, REGION.captures(text?)?[1].to_string())));
        if let Some((zh, en, r)) = named {
            log.inferred(
                format!("地区“{r}”由{zh}推断"),
                format!("region “{r}” inferred from the {en}"),
                "--region",
            );
            region = Some(r);
        }
    }

    let mut or_not_stated = |value: Option<String>, zh: &str, en: &str, flag: &str| match value {
        Some(v) => v,
        None => {
            log.warnings.push(format!(
                "文中没有{zh},已写作“{NOT_STATED}”,请用 {flag} 指定 / the text does not state the {en}; written as “{NOT_STATED}”, give it with {flag}"
            ));
            NOT_STATED.to_string()
        }
    };
    let title = or_not_stated(title, "标题", "title", "--title");
    let issuer = or_not_stated(issuer, "发布机关", "issuing body", "--issuer");
    let region = or_not_stated(region, "地区", "region", "--region");
    let period = or_not_stated(period, "报告期", "period", "--period");
    Meta {
        title,
        issuer,
        region,
        period,
        published,
        language: "zh-CN".into(),
        canonical_url,
        document_number,
        index_number,
        note: (!log.notes.is_empty()).then(|| format!("导入时{}。", log.notes.join(";"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_as_printed() {
        assert_eq!(parse_date("2025年1月20日").as_deref(), Some("2025-01-20"));
        assert_eq!(
            parse_date("2025-01-20 09:30:00").as_deref(),
            Some("2025-01-20")
        );
        assert_eq!(parse_date("2025/1/2").as_deref(), Some("2025-01-02"));
        assert_eq!(
            parse_date("二〇二五年一月二十日").as_deref(),
            Some("2025-01-20")
        );
        assert_eq!(
            parse_date("二〇二四年十二月三十一日").as_deref(),
            Some("2024-12-31")
        );
        assert_eq!(parse_date("2025年13月1日"), None);
        assert_eq!(parse_date("某区人民政府"), None);
    }

    #[test]
    fn infers_period_and_region_from_the_title_and_says_so() {
        let mut w = Vec::new();
        let opts = ImportOptions {
            title: Some("青岛市即墨区2024年法治政府建设情况报告".into()),
            ..Default::default()
        };
        let m = resolve(&opts, &Stated::default(), &Found::default(), &mut w);
        assert_eq!(m.period, "2024年");
        assert_eq!(m.region, "青岛市即墨区");
        assert_eq!(m.issuer, NOT_STATED);
        let note = m.note.unwrap();
        assert!(note.contains("报告期“2024年”由标题推断"), "{note}");
        assert!(w.iter().any(|w| w.contains("--region")));
        assert!(w.iter().any(|w| w.contains("--issuer")));
    }

    #[test]
    fn stated_metadata_says_where_it_was_read() {
        let mut stated = Stated::default();
        Stated::offer(
            &mut stated.issuer,
            "青岛市即墨区人民政府",
            "网页信息公开表头“发布机构”栏",
            "the page's disclosure header (发布机构)",
        );
        Stated::offer(
            &mut stated.published,
            "2025-01-21",
            "网页信息公开表头“发布日期”栏",
            "the page's disclosure header (发布日期)",
        );
        Stated::offer(&mut stated.document_number, "无", "x", "x");
        let mut w = Vec::new();
        let m = resolve(
            &ImportOptions::default(),
            &stated,
            &Found::default(),
            &mut w,
        );
        assert_eq!(m.issuer, "青岛市即墨区人民政府");
        assert_eq!(m.published.as_deref(), Some("2025-01-21"));
        assert_eq!(m.document_number, None, "无 is no number");
        assert_eq!(m.region, "青岛市即墨区", "from the issuer");
        assert!(w
            .iter()
            .any(|w| w.contains("发布机关“青岛市即墨区人民政府”取自网页信息公开表头“发布机构”栏")));
    }
}
