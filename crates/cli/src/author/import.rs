//! `report import`: a Chinese report, as authors write it in Word or WPS,
//! paste it into a text file or publish it as a web page, turned into a
//! report in the report format.
//!
//! Every reader (`text_document` here, `docx`, `html`) gives a
//! [`Document`]: paragraphs and tables in order. Headings are recognised
//! by their numbering (`第一部分`, `一、`, `(一)` / `（一）`, `一是`, `1.` /
//! `1、`); the kinds that occur nest in that order. A heading followed by
//! text in the same paragraph is a run-in heading: the title ends where
//! the bold print ends, or else at the first `。`, and the rest is the
//! paragraph. Paragraphs are kept word for word; numbers with units become
//! key figures quoting their words (see `figures`); tables become table
//! blocks, with a chart for each table of numbers (see `tables`, `charts`).
//! What the importer cannot decide it reports as a warning; what it infers
//! (a title, period or region) it also records in `meta.note` (see `meta`).

use regex::Regex;

use report_format::{
    is_stray_control, Block, KeyFigure, Report, Section, ViewerConfig, FORMAT_VERSION,
};

use super::charts::charts_for;
use super::figures::extract_figures;
use super::meta::{self, Found};
use super::source::{Document, Grid, Item, Para, Unit};
use super::tables::build_table;

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
pub const NOT_STATED: &str = meta::NOT_STATED;

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
    chrome: Regex,
    caption: Regex,
    unit_line: Regex,
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
            // Controls and counters a page puts around its article.
            chrome: re(concat!(
                r"^(?:[【\[]?(?:打印(?:本页)?|关闭(?:窗口|本页)?|返回顶部|收藏|纠错|我要纠错)[】\]]?\s*)+$",
                r"|^[【\[]?(?:字体|字号)\s*[:：]?\s*[【\[]?\s*大\s*中\s*小",
                r"|^分享到",
                r"|^(?:浏览|阅读|访问)(?:次数|量)?\s*[:：]\s*\d*\s*(?:次)?$",
                r"|^当前位置\s*[:：]",
                r"|(?:主办单位|承办单位|版权所有|ICP备|网站标识码|公网安备)"
            )),
            caption: re(r"^表\s*[0-9一二三四五六七八九十]+(?:[-—.．][0-9]+)?(?:\s|[:：、.．]|$)"),
            unit_line: re(r"^[(（]?\s*单位\s*[:：]\s*[^\s()（）]{1,8}\s*[)）]?$"),
        }
    }

    fn heading(&self, line: &str) -> Option<(Level, String, String)> {
        self.heading.iter().find_map(|(level, re)| {
            re.captures(line)
                .map(|c| (*level, c[1].to_string(), c[2].to_string()))
        })
    }
}

/// A section being built: its level and content.
struct Open {
    level: Level,
    section: Section,
}

/// Imports a UTF-8 text: one paragraph per line.
pub fn import_text(text: &str, opts: &ImportOptions) -> Imported {
    // Control characters are invisible and the report format refuses them
    // (see `report_format::is_stray_control`). Word's manual line break
    // (U+000B) and page break (U+000C) separate words: they become spaces,
    // so that line numbers stay those of the file; the rest are left out.
    let stray = text.chars().filter(|&c| is_stray_control(c)).count();
    if stray == 0 {
        return import_document(text_document(text), opts);
    }
    let cleaned: String = text
        .chars()
        .filter_map(|c| match c {
            '\u{b}' | '\u{c}' => Some(' '),
            c if is_stray_control(c) => None,
            c => Some(c),
        })
        .collect();
    let mut imported = import_document(text_document(&cleaned), opts);
    imported.warnings.insert(
        0,
        format!(
            "略去了{stray}个不可见的控制字符 / left out {stray} invisible control character(s)"
        ),
    );
    imported
}

/// The lines of a text file as a document.
pub fn text_document(text: &str) -> Document {
    let items = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let l = l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            Para::plain(l, i + 1)
        })
        .filter(|p| !p.text.is_empty())
        .map(Item::Para)
        .collect();
    Document {
        items,
        unit: Unit::Line,
        ..Document::default()
    }
}

/// What the structure pass builds.
struct Builder<'p> {
    pats: &'p Patterns,
    unit: Unit,
    warnings: Vec<String>,
    preamble: Vec<Block>,
    closing: Vec<Block>,
    stack: Vec<Open>,
    roots: Vec<Section>,
    figures: Vec<KeyFigure>,
    charts: Vec<report_format::Chart>,
    tables: usize,
    signed_off: bool,
    found: Found,
}

/// Imports a document from any reader.
pub fn import_document(doc: Document, opts: &ImportOptions) -> Imported {
    let pats = Patterns::new();
    let unit = doc.unit;
    let mut b = Builder {
        pats: &pats,
        unit,
        warnings: doc.warnings,
        preamble: Vec::new(),
        closing: Vec::new(),
        stack: Vec::new(),
        roots: Vec::new(),
        figures: Vec::new(),
        charts: Vec::new(),
        tables: 0,
        signed_off: false,
        found: Found::default(),
    };
    let mut items = doc.items;
    items.retain(|item| match item {
        Item::Para(p) if CHROME.contains(&p.text.as_str()) || pats.chrome.is_match(&p.text) => {
            let (zh, en) = unit.at(p.n);
            b.warnings.push(format!(
                "{zh}“{l}”是网页附带的文字,已略去 / {en} “{l}” is website chrome, left out",
                l = p.text
            ));
            false
        }
        _ => true,
    });
    // A title line: the first paragraph, short, not numbered, no
    // sentence punctuation, and either marked as a title or named like one
    // (or the title the source states).
    let stated_title = doc.stated.title.as_ref().map(|t| squash(&t.value));
    if let Some(Item::Para(first)) = items.first() {
        let t = first.text.as_str();
        let named = t.ends_with("报告") || t.ends_with("情况") || t.ends_with("总结");
        let looks_like_title = t.chars().count() <= 60
            && !t.contains(['。', '，', ',', '；', ';'])
            && pats.heading(t).is_none()
            && (named || first.title_like || stated_title.as_deref() == Some(&squash(t)));
        if looks_like_title {
            b.found.title_line = Some(t.to_string());
            items.remove(0);
        }
    }
    let mut pending_caption: Option<String> = None;
    let mut pending_unit: Option<String> = None;
    for i in 0..items.len() {
        match &items[i] {
            Item::Para(p) => {
                // A caption (`表1 …`) or unit line (`单位:件`) just before a
                // table belongs to it.
                let before_table = |k: usize| matches!(items.get(k), Some(Item::Table(_)));
                let unit_next = matches!(items.get(i + 1), Some(Item::Para(q)) if pats.unit_line.is_match(&q.text));
                if pats.caption.is_match(&p.text)
                    && p.text.chars().count() <= 80
                    && (before_table(i + 1) || (unit_next && before_table(i + 2)))
                {
                    pending_caption = Some(p.text.clone());
                    continue;
                }
                if pats.unit_line.is_match(&p.text) && before_table(i + 1) {
                    pending_unit = Some(p.text.clone());
                    continue;
                }
                b.para(p);
            }
            Item::Table(g) => {
                b.table(g, pending_caption.take(), pending_unit.take());
            }
        }
    }
    while !b.stack.is_empty() {
        close(&mut b.stack, &mut b.roots);
    }
    if b.roots.is_empty() {
        b.warnings.push("没有找到任何编号标题(如“一、”“(一)”) / no numbered headings (such as 一、 or (一)) were found".into());
    }
    if !b.signed_off {
        b.warnings
            .push("没有找到落款“特此报告。” / no sign-off “特此报告。” was found".into());
    }
    let meta = meta::resolve(opts, &doc.stated, &b.found, &mut b.warnings);
    Imported {
        report: Report {
            format_version: FORMAT_VERSION,
            meta,
            preamble: b.preamble,
            sections: b.roots,
            closing: b.closing,
            figures: b.figures,
            charts: b.charts,
            viewer: ViewerConfig::default(),
        },
        warnings: b.warnings,
    }
}

impl Builder<'_> {
    fn para(&mut self, p: &Para) {
        let (n, line) = (p.n, p.text.as_str());
        if self.signed_off {
            // After 特此报告: issuer and date lines of the sign-off.
            self.found.sign_off.push(line.to_string());
            let id = numbered_id("p-closing", self.closing.len());
            self.closing.push(Block::Paragraph {
                id,
                text: line.to_string(),
            });
            return;
        }
        if SIGN_OFF.contains(&line) {
            self.signed_off = true;
            let id = numbered_id("p-closing", self.closing.len());
            self.closing.push(Block::Paragraph {
                id,
                text: line.to_string(),
            });
            return;
        }
        if let Some((level, number, rest)) = self.pats.heading(line) {
            // Close sections at this level or deeper.
            while self.stack.last().is_some_and(|o| o.level >= level) {
                close(&mut self.stack, &mut self.roots);
            }
            let path = match self.stack.last() {
                Some(parent) => format!(
                    "{}-{}",
                    parent.section.id.trim_start_matches("part-"),
                    parent.section.sections.len() + 1
                ),
                None => format!("{}", self.roots.len() + 1),
            };
            let (title_text, body) = split_run_in(line, &rest, p.bold);
            if title_text.is_empty() {
                let (zh, en) = self.unit.at(n);
                self.warnings.push(format!(
                    "{zh}的标题“{number}”后没有文字 / {en}: heading “{number}” has no text"
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
                add_paragraph(&mut section.blocks, &mut self.figures, id, body);
            }
            self.stack.push(Open { level, section });
            return;
        }
        match self.stack.last_mut() {
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
                    &mut open.section.blocks,
                    &mut self.figures,
                    id,
                    line.to_string(),
                );
            }
            None => {
                let id = numbered_id("p-intro", self.preamble.len());
                add_paragraph(&mut self.preamble, &mut self.figures, id, line.to_string());
            }
        }
    }

    /// A table block where the text stands, then a chart block for each
    /// chart its numbers make.
    fn table(&mut self, grid: &Grid, caption: Option<String>, unit_line: Option<String>) {
        self.tables += 1;
        let id = format!("table-{}", self.tables);
        let built = build_table(grid, &id, caption, unit_line, self.tables);
        self.warnings.extend(built.warnings);
        let (charts, warnings) = charts_for(&built.table, built.unit.as_deref());
        self.warnings.extend(warnings);
        let container = if self.signed_off {
            &mut self.closing
        } else {
            match self.stack.last_mut() {
                Some(open) => &mut open.section.blocks,
                None => &mut self.preamble,
            }
        };
        container.push(Block::Table(built.table));
        for c in charts {
            container.push(Block::Chart {
                chart: c.id.clone(),
            });
            self.charts.push(c);
        }
    }
}

/// Spaces removed, for comparing titles.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
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

/// Splits a run-in heading `rest` (the line after its numbering)
/// into its title and the body. Where the source printed the heading bold
/// (`bold` bytes of the line), the title is the bold part; otherwise it
/// ends with the first `。`.
fn split_run_in(line: &str, rest: &str, bold: usize) -> (String, Option<String>) {
    let after_number = line.len() - rest.len();
    if bold > after_number && bold < line.len() && line.is_char_boundary(bold) {
        let title = line[after_number..bold].trim();
        let body = line[bold..].trim();
        if !title.is_empty() && !body.is_empty() {
            return (title.to_string(), Some(body.to_string()));
        }
    }
    match rest.find('。') {
        Some(i) if i + '。'.len_utf8() < rest.len() => {
            let (t, b) = rest.split_at(i + '。'.len_utf8());
            (t.to_string(), Some(b.to_string()))
        }
        _ => (rest.to_string(), None),
    }
}

/// Adds a paragraph, then a figures block for the numbers found in it.
fn add_paragraph(blocks: &mut Vec<Block>, figures: &mut Vec<KeyFigure>, id: String, text: String) {
    let found = extract_figures(&id, &text);
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
        // Inferred, and said so.
        assert_eq!(r.meta.issuer, "某区人民政府");
        assert_eq!(r.meta.period, "2025年");
        assert_eq!(r.meta.region, "某区");
        let note = r.meta.note.as_deref().unwrap();
        assert!(note.contains("落款") && note.contains("标题"), "{note}");
        assert!(imp.warnings.iter().any(|w| w.contains("--issuer")));
        assert!(
            report_format::validate(&report_format::Indexed::new(r.clone())).is_empty(),
            "{:?}",
            report_format::validate(&report_format::Indexed::new(r.clone()))
        );
    }

    #[test]
    fn a_bold_run_in_heading_ends_where_the_bold_ends() {
        let line = "（一）坚持依法决策，全面推进科学决策。全年审查文件12件。";
        let bold = "（一）坚持依法决策，".len();
        let mut doc = text_document("");
        doc.items.push(Item::Para(Para {
            text: line.into(),
            n: 1,
            bold,
            title_like: false,
        }));
        let r = import_document(doc, &ImportOptions::default()).report;
        let s = &r.sections[0];
        assert_eq!(s.title, "坚持依法决策，");
        assert!(
            matches!(&s.blocks[0], Block::Paragraph { text, .. } if text == "全面推进科学决策。全年审查文件12件。")
        );
        // Without bold print, the title ends at the first 。.
        let r = import_text(line, &ImportOptions::default()).report;
        assert_eq!(r.sections[0].title, "坚持依法决策，全面推进科学决策。");
    }
}
