//! `report import`: a plain-text Chinese report, as authors write it in a
//! word processor, turned into a report in the report format.
//!
//! Headings are recognised by their numbering (`第一部分`, `一、`, `(一)` /
//! `（一）`, `一是`, `1.` / `1、`); the kinds that occur nest in that order.
//! A heading followed by text on the same line (`(一)标题。正文…`) is a
//! run-in heading: the title keeps its `。`, the rest is the paragraph.
//! Paragraphs are kept word for word. Numbers with units become key figures
//! whose provenance is the words they were read from; `余`/`多`/`以上` make
//! a lower bound, `以内` an upper bound, `2~3` a range. What the importer
//! cannot decide (a missing title, issuer or period) it reports as a
//! warning and writes as "未注明", never as a guess.

use regex::Regex;

use report_format::{
    is_stray_control, Block, KeyFigure, Meta, Provenance, Qualifier, Report, Section, Value,
    ViewerConfig, FORMAT_VERSION,
};

/// Metadata the text may not carry, given on the command line.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The report's title.
    pub title: Option<String>,
    /// The issuing body.
    pub issuer: Option<String>,
    /// The region covered.
    pub region: Option<String>,
    /// The period covered, e.g. `2024年`.
    pub period: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Official address.
    pub canonical_url: Option<String>,
    /// Document number.
    pub document_number: Option<String>,
}

/// An imported report and what the author should check.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The report.
    pub report: Report,
    /// Warnings, one per line, in Chinese and English.
    pub warnings: Vec<String>,
}

/// Written where the text and the options do not say.
pub const NOT_STATED: &str = "未注明";

/// Lines a website adds around a report when it is copied from the page.
const CHROME: &[&str] = &[
    "请输入检索词",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "分享到:",
    "分享到：",
    "字号:大 中 小",
    "字号：大 中 小",
    "【字体:大 中 小】",
];

/// Sign-off lines that close a report.
const SIGN_OFF: &[&str] = &["特此报告。", "特此报告", "特此报告!"];

/// The numbering kinds, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Part,
    Chinese,
    Paren,
    Shi,
    Arabic,
}

struct Patterns {
    heading: [(Level, Regex); 5],
    figure: Regex,
    date: Regex,
}

impl Patterns {
    fn new() -> Patterns {
        let cn = "[一二三四五六七八九十百零〇两]+";
        let re = |s: &str| Regex::new(s).expect("the importer's patterns are valid");
        Patterns {
            heading: [
                (Level::Part, re(&format!(r"^(第{cn}部分)[\s、:：]*(.*)$"))),
                (Level::Chinese, re(&format!(r"^({cn}、)\s*(.*)$"))),
                (Level::Paren, re(&format!(r"^([(（]{cn}[)）])\s*(.*)$"))),
                (Level::Shi, re(&format!(r"^({cn}是)[，,:：]?(.*)$"))),
                (Level::Arabic, re(r"^(\d{1,2}[.、．])\s*(\D.*)$")),
            ],
            figure: re(concat!(
                r"(?P<num>\d+(?:\.\d+)?)",
                r"(?:\s*(?:~|～|-|—|至)\s*(?P<hi>\d+(?:\.\d+)?))?",
                r"(?P<mult>万|亿)?(?P<approx>余|多)?",
                r"(?P<unit>个工作日|工作日|人次|场次|万元|亿元|个月|件|项|个|名|人|期|条|起|家|份|户|元|次|批|所|处|篇|场|天|%)",
                r"(?P<bound>以上|以内)?"
            )),
            date: re(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
        }
    }

    fn heading(&self, line: &str) -> Option<(Level, String, String)> {
        self.heading.iter().find_map(|(level, re)| {
            re.captures(line)
                .map(|c| (*level, c[1].to_string(), c[2].to_string()))
        })
    }
}

/// A section being built: its level, numbering path and content.
struct Open {
    level: Level,
    section: Section,
}

/// Imports `text`.
pub fn import_text(text: &str, opts: &ImportOptions) -> Imported {
    let pats = Patterns::new();
    let mut warnings = Vec::new();
    // Control characters are invisible and the report format refuses them
    // (see `report_format::is_stray_control`). Word's manual line break
    // (U+000B) and page break (U+000C) separate words: they become spaces,
    // so that line numbers stay those of the file; the rest are left out.
    let stray = text.chars().filter(|&c| is_stray_control(c)).count();
    let cleaned: String;
    let text = if stray == 0 {
        text
    } else {
        warnings.push(format!(
            "略去了{stray}个不可见的控制字符 / left out {stray} invisible control character(s)"
        ));
        cleaned = text
            .chars()
            .filter_map(|c| match c {
                '\u{b}' | '\u{c}' => Some(' '),
                c if is_stray_control(c) => None,
                c => Some(c),
            })
            .collect();
        &cleaned
    };
    let mut lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            (
                i + 1,
                l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'),
            )
        })
        .filter(|(_, l)| !l.is_empty())
        .collect();
    lines.retain(|(n, l)| {
        let chrome = CHROME.contains(l);
        if chrome {
            warnings.push(format!(
                "第{n}行“{l}”是网页附带的文字,已略去 / line {n} “{l}” is website chrome, left out"
            ));
        }
        !chrome
    });

    // A title line: short, no sentence punctuation, not numbered.
    let mut title = opts.title.clone();
    if let Some((n, first)) = lines.first().copied() {
        let looks_like_title = first.chars().count() <= 60
            && !first.contains(['。', '，', ',', '；', ';'])
            && pats.heading(first).is_none()
            && (first.ends_with("报告") || first.ends_with("情况") || first.ends_with("总结"));
        if looks_like_title {
            if title.is_none() {
                title = Some(first.to_string());
            }
            lines.remove(0);
            let _ = n;
        }
    }

    let mut preamble: Vec<Block> = Vec::new();
    let mut closing: Vec<Block> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut roots: Vec<Section> = Vec::new();
    let mut levels_seen: Vec<Level> = Vec::new();
    let mut signed_off = false;
    let mut figures: Vec<KeyFigure> = Vec::new();
    let mut published = opts.published.clone();

    for (n, line) in lines {
        if signed_off {
            // After 特此报告: issuer and date lines of the sign-off.
            if let Some(c) = pats.date.captures(line) {
                if published.is_none() {
                    published = Some(format!("{}-{:0>2}-{:0>2}", &c[1], &c[2], &c[3]));
                    warnings.push(format!(
                        "发布日期取自落款“{line}” / publication date read from the sign-off “{line}”"
                    ));
                }
            }
            let id = numbered_id("p-closing", closing.len());
            closing.push(Block::Paragraph {
                id,
                text: line.to_string(),
            });
            continue;
        }
        if SIGN_OFF.contains(&line) {
            signed_off = true;
            let id = numbered_id("p-closing", closing.len());
            closing.push(Block::Paragraph {
                id,
                text: line.to_string(),
            });
            continue;
        }
        if let Some((level, number, rest)) = pats.heading(line) {
            if !levels_seen.contains(&level) {
                levels_seen.push(level);
            }
            // Close sections at this level or deeper.
            while stack.last().is_some_and(|o| o.level >= level) {
                close(&mut stack, &mut roots);
            }
            let path = match stack.last() {
                Some(parent) => format!(
                    "{}-{}",
                    parent.section.id.trim_start_matches("part-"),
                    parent.section.sections.len() + 1
                ),
                None => format!("{}", roots.len() + 1),
            };
            let (title_text, body) = split_run_in(&rest);
            if title_text.is_empty() {
                warnings.push(format!(
                    "第{n}行的标题“{number}”后没有文字 / line {n}: heading “{number}” has no text"
                ));
            }
            let mut section = Section {
                id: format!("part-{path}"),
                number: number.clone(),
                title: if title_text.is_empty() {
                    number.clone()
                } else {
                    title_text
                },
                blocks: Vec::new(),
                sections: Vec::new(),
            };
            if let Some(body) = body {
                let id = format!("p-{path}");
                add_paragraph(&pats, &mut section.blocks, &mut figures, id, body);
            }
            stack.push(Open { level, section });
            continue;
        }
        match stack.last_mut() {
            Some(open) => {
                let path = open.section.id.trim_start_matches("part-").to_string();
                let count = open
                    .section
                    .blocks
                    .iter()
                    .filter(|b| matches!(b, Block::Paragraph { .. }))
                    .count();
                let id = paragraph_id(&path, count);
                add_paragraph(
                    &pats,
                    &mut open.section.blocks,
                    &mut figures,
                    id,
                    line.to_string(),
                );
            }
            None => {
                let id = numbered_id("p-intro", preamble.len());
                add_paragraph(&pats, &mut preamble, &mut figures, id, line.to_string());
            }
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    if roots.is_empty() {
        warnings.push("没有找到任何编号标题(如“一、”“(一)”) / no numbered headings (such as 一、 or (一)) were found".into());
    }
    if !signed_off {
        warnings.push("没有找到落款“特此报告。” / no sign-off “特此报告。” was found".into());
    }

    let mut stated = |value: &Option<String>, zh: &str, en: &str, flag: &str| -> String {
        match value {
            Some(v) if !v.trim().is_empty() => v.clone(),
            _ => {
                warnings.push(format!(
                    "文中没有{zh},已写作“{NOT_STATED}”,请用 {flag} 指定 / the text does not state the {en}; written as “{NOT_STATED}”, give it with {flag}"
                ));
                NOT_STATED.to_string()
            }
        }
    };
    let meta = Meta {
        title: stated(&title, "标题", "title", "--title"),
        issuer: stated(&opts.issuer, "发布机关", "issuing body", "--issuer"),
        region: stated(&opts.region, "地区", "region", "--region"),
        period: stated(&opts.period, "报告期", "period", "--period"),
        published,
        language: "zh-CN".into(),
        canonical_url: opts.canonical_url.clone(),
        document_number: opts.document_number.clone(),
        note: None,
    };
    Imported {
        report: Report {
            format_version: FORMAT_VERSION,
            meta,
            preamble,
            sections: roots,
            closing,
            figures,
            charts: Vec::new(),
            viewer: ViewerConfig::default(),
        },
        warnings,
    }
}

/// `p-1-1`, then `p-1-1b`, `p-1-1c`… so ids never collide with those of
/// deeper sections (`p-1-1-2`).
fn paragraph_id(path: &str, count: usize) -> String {
    if count == 0 {
        format!("p-{path}")
    } else {
        let letter = (b'a' + (count % 26) as u8) as char;
        let round = count / 26;
        if round == 0 {
            format!("p-{path}{letter}")
        } else {
            format!("p-{path}{letter}{round}")
        }
    }
}

fn numbered_id(base: &str, count: usize) -> String {
    if count == 0 {
        base.to_string()
    } else {
        format!("{base}-{}", count + 1)
    }
}

fn close(stack: &mut Vec<Open>, roots: &mut Vec<Section>) {
    if let Some(done) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.section.sections.push(done.section),
            None => roots.push(done.section),
        }
    }
}

/// Splits `标题。正文` into the run-in title (with its `。`) and the body.
fn split_run_in(rest: &str) -> (String, Option<String>) {
    match rest.find('。') {
        Some(i) if i + '。'.len_utf8() < rest.len() => {
            let (t, b) = rest.split_at(i + '。'.len_utf8());
            (t.to_string(), Some(b.to_string()))
        }
        _ => (rest.to_string(), None),
    }
}

/// Adds a paragraph, then a figures block for the numbers found in it.
fn add_paragraph(
    pats: &Patterns,
    blocks: &mut Vec<Block>,
    figures: &mut Vec<KeyFigure>,
    id: String,
    text: String,
) {
    let found = extract_figures(pats, &id, &text);
    blocks.push(Block::Paragraph {
        id: id.clone(),
        text,
    });
    if !found.is_empty() {
        blocks.push(Block::Figures {
            id: format!("figs-{}", id.trim_start_matches("p-")),
            figures: found.iter().map(|f| f.id.clone()).collect(),
        });
        figures.extend(found);
    }
}

const DELIMS: &[char] = &[
    '，', ',', '。', '；', ';', '：', ':', '、', '“', '”', '(', ')', '（', '）', '《', '》', '！',
    '？',
];

/// Numbers with units in `text`, as key figures quoting their clause.
fn extract_figures(pats: &Patterns, para: &str, text: &str) -> Vec<KeyFigure> {
    let mut out = Vec::new();
    for c in pats.figure.captures_iter(text) {
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

    #[test]
    fn control_characters_from_word_are_left_out_with_a_warning() {
        let text =
            "一、总体情况\n全年受理\u{b}申请550件。\u{7}\u{85}\n二、下一步\n继续\u{c}推进。\n";
        let imp = import_text(text, &ImportOptions::default());
        let json = serde_json::to_string(&imp.report).unwrap();
        assert!(
            !json.contains("\\u000b") && !json.contains('\u{85}'),
            "{json}"
        );
        assert!(
            json.contains("全年受理 申请550件。") && json.contains("继续 推进。"),
            "{json}"
        );
        assert!(
            imp.warnings.iter().any(|w| w.contains("略去了4个")),
            "{:?}",
            imp.warnings
        );
        let problems = report_format::check_report(&json)
            .err()
            .map(|e| e.problems());
        assert!(
            !problems
                .iter()
                .flatten()
                .any(|p| p.code == report_format::Code::ControlCharacter),
            "{problems:?}"
        );
    }

    fn figs(text: &str) -> Vec<(String, f64, Qualifier, String, String)> {
        extract_figures(&Patterns::new(), "p-1", text)
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
    fn nests_the_numbering_kinds_that_occur() {
        let text = "某区2025年工作报告\n第一部分 总体情况\n今年工作顺利。\n一、主要工作\n(一)依法行政。全年办理事项120件。\n一是加强学习。开展培训3期。\n1.组织专题讲座。\n二是完善制度。\n二、存在问题\n特此报告。\n某区人民政府\n2025年1月20日\n";
        let imp = import_text(text, &ImportOptions::default());
        let r = imp.report;
        assert_eq!(r.meta.title, "某区2025年工作报告");
        assert_eq!(r.meta.published.as_deref(), Some("2025-01-20"));
        assert_eq!(r.sections.len(), 1, "one part");
        let part = &r.sections[0];
        assert_eq!(part.number, "第一部分");
        assert_eq!(part.sections.len(), 2);
        let sub = &part.sections[0].sections[0];
        assert_eq!(
            (sub.number.as_str(), sub.title.as_str()),
            ("(一)", "依法行政。")
        );
        assert_eq!(sub.sections.len(), 2, "一是, 二是");
        assert_eq!(sub.sections[0].sections[0].number, "1.");
        assert_eq!(r.closing.len(), 3);
        assert!(imp.warnings.iter().any(|w| w.contains("--issuer")));
        assert!(
            report_format::validate(&report_format::Indexed::new(r.clone())).is_empty(),
            "{:?}",
            report_format::validate(&report_format::Indexed::new(r.clone()))
        );
    }
}
