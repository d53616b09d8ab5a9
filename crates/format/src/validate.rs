//! Checks of meaning that the types alone cannot express: unique ids that
//! are not the page's own, references that resolve, units, provenance
//! quotes that really occur in the paragraph they name, and the hard
//! limits on size.
//!
//! Every problem names its place as a JSON pointer and says what is wrong
//! and how to fix it, in Chinese and in English (see [`crate::problem`]).
//! Every lookup goes through the report's index or a sort done once, so
//! checking costs O(n log n) however the report is shaped.

use crate::index::Indexed;
use crate::order::repeats;
use crate::page_ids::{is_reserved_id, RESERVED_LIST};
use crate::points::Categories;
use crate::problem::{Code, Problem};
use crate::report::{Block, Chart, Section, FORMAT_VERSION};
use crate::value::{printed_numbers, same_number, Provenance, Qualifier, Value};

/// A table cell a value names: table id, row, column, quote.
type Cell<'q> = (&'q str, u32, u32, &'q str);

/// Sections may nest at most this deep (parts are depth 1).
pub const MAX_SECTION_DEPTH: usize = 8;
/// A series may have at most this many points.
pub const MAX_POINTS_PER_SERIES: usize = 10_000;
/// A chart may have at most this many categories: as many as a series may
/// have points.
pub const MAX_CATEGORIES_PER_CHART: usize = MAX_POINTS_PER_SERIES;
/// No value may be further from zero than this (a thousand trillion: far
/// beyond any count or sum a report states, and still exact in a double, so
/// chart axes never overflow).
pub const MAX_ABS_VALUE: f64 = 1e15;
/// A chart may have at most this many series.
pub const MAX_SERIES_PER_CHART: usize = 12;

struct Checker<'a> {
    report: &'a Indexed,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, code: Code, pointer: String, args: &[&str]) {
        self.problems.push(Problem::new(code, pointer, args));
    }

    fn empty(&mut self, pointer: String, what_zh: &str, what_en: &str) {
        self.push(Code::Empty, pointer, &[what_zh, what_en]);
    }

    fn id(&mut self, pointer: String, id: &'a str) {
        if !is_valid_id(id) {
            self.push(Code::BadId, pointer.clone(), &[id]);
        } else if is_reserved_id(id) {
            self.push(Code::ReservedId, pointer.clone(), &[id, RESERVED_LIST]);
        }
        if !self.report.is_first_use(id) {
            self.push(Code::DuplicateId, pointer, &[id]);
        }
    }

    fn value(&mut self, pointer: &str, v: &'a Value) {
        let high = match v.qualifier {
            Qualifier::Range { high } => high,
            _ => v.value,
        };
        // (Written so that NaN fails too.)
        if !(v.value.abs() <= MAX_ABS_VALUE && high.abs() <= MAX_ABS_VALUE) {
            self.push(Code::OutOfRange, format!("{pointer}/value"), &[]);
        }
        match &v.qualifier {
            Qualifier::Derived { rule } if rule.trim().is_empty() => self.push(
                Code::DerivedWithoutRule,
                format!("{pointer}/qualifier/rule"),
                &[],
            ),
            Qualifier::Range { high } if !(high.is_finite() && *high > v.value) => {
                self.push(Code::BadRange, format!("{pointer}/qualifier/high"), &[])
            }
            Qualifier::LowerBound { marker } | Qualifier::UpperBound { marker }
                if marker.trim().is_empty() =>
            {
                self.empty(
                    format!("{pointer}/qualifier/marker"),
                    "原文标记",
                    "marker as printed",
                )
            }
            _ => {}
        }
        self.provenance(&format!("{pointer}/source"), &v.source);
        if let Provenance::TableCell {
            table,
            row,
            column,
            quote,
        } = &v.source
        {
            self.cell_value(pointer, v, (table, *row, *column, quote));
        }
    }

    /// A value read from a table cell must be a number printed in the
    /// quoted words (both ends of a range). A derived value is not printed,
    /// so only its quote is checked.
    fn cell_value(&mut self, pointer: &str, v: &Value, (table, row, column, quote): Cell<'_>) {
        let printed = printed_numbers(quote);
        let holds = |n: f64| printed.iter().any(|&p| same_number(p, n));
        let ok = match v.qualifier {
            Qualifier::Derived { .. } => true,
            Qualifier::Range { high } => holds(v.value) && holds(high),
            _ => holds(v.value),
        };
        if !ok
            && self
                .cell_text(table, row, column)
                .is_some_and(|t| t.contains(quote))
        {
            let number = v.number_text(crate::settings::Lang::Zh);
            self.push(
                Code::CellMismatch,
                format!("{pointer}/value"),
                &[table, &row.to_string(), &column.to_string(), quote, &number],
            );
        }
    }

    fn cell_text(&self, table: &str, row: u32, column: u32) -> Option<&'a str> {
        let t = self.report.table(table)?;
        let cells = t.rows.get(row as usize)?;
        (t.columns.len() > column as usize)
            .then(|| cells.get(column as usize))
            .flatten()
            .map(String::as_str)
    }

    fn provenance(&mut self, pointer: &str, p: &'a Provenance) {
        match p {
            Provenance::Paragraph { paragraph, quote } => {
                if quote.trim().is_empty() {
                    return self.empty(format!("{pointer}/quote"), "引文", "quote");
                }
                match self.report.paragraph_text(paragraph) {
                    None => self.push(
                        Code::DanglingParagraph,
                        format!("{pointer}/paragraph"),
                        &[paragraph],
                    ),
                    Some(text) if !text.contains(quote.as_str()) => self.push(
                        Code::QuoteNotFound,
                        format!("{pointer}/quote"),
                        &[quote, paragraph],
                    ),
                    Some(_) => {}
                }
            }
            Provenance::TableCell {
                table,
                row,
                column,
                quote,
            } => {
                if quote.trim().is_empty() {
                    return self.empty(format!("{pointer}/quote"), "引文", "quote");
                }
                let (r, c) = (row.to_string(), column.to_string());
                match (
                    self.report.table(table),
                    self.cell_text(table, *row, *column),
                ) {
                    (None, _) => {
                        self.push(Code::DanglingTable, format!("{pointer}/table"), &[table])
                    }
                    (Some(_), None) => {
                        self.push(Code::NoSuchCell, format!("{pointer}/row"), &[table, &r, &c])
                    }
                    (Some(_), Some(text)) if !text.contains(quote.as_str()) => self.push(
                        Code::CellMismatch,
                        format!("{pointer}/quote"),
                        &[table, &r, &c, text, quote],
                    ),
                    _ => {}
                }
            }
            Provenance::External {
                url,
                publisher,
                quote,
                ..
            } => {
                if !is_http_url(url) {
                    self.push(Code::BadUrl, format!("{pointer}/url"), &[url]);
                }
                if publisher.trim().is_empty() {
                    self.empty(format!("{pointer}/publisher"), "来源名称", "publisher");
                }
                if quote.trim().is_empty() {
                    self.empty(format!("{pointer}/quote"), "引文", "quote");
                }
            }
        }
    }

    fn section(&mut self, pointer: &str, s: &'a Section, depth: usize) {
        if depth > MAX_SECTION_DEPTH {
            let max = MAX_SECTION_DEPTH.to_string();
            return self.push(Code::TooDeep, pointer.to_string(), &[&max]);
        }
        self.id(format!("{pointer}/id"), &s.id);
        if s.title.trim().is_empty() {
            self.empty(format!("{pointer}/title"), "章节标题", "section title");
        }
        self.blocks(&format!("{pointer}/blocks"), &s.blocks);
        for (i, sub) in s.sections.iter().enumerate() {
            self.section(&format!("{pointer}/sections/{i}"), sub, depth + 1);
        }
    }

    fn blocks(&mut self, pointer: &str, blocks: &'a [Block]) {
        for (i, b) in blocks.iter().enumerate() {
            let here = format!("{pointer}/{i}");
            match b {
                Block::Paragraph { id, text } | Block::Note { id, text } => {
                    self.id(format!("{here}/id"), id);
                    if text.trim().is_empty() {
                        self.empty(format!("{here}/text"), "段落", "text");
                    }
                }
                Block::List { id, items, .. } => {
                    self.id(format!("{here}/id"), id);
                    if items.is_empty() {
                        self.empty(format!("{here}/items"), "列表", "list");
                    }
                }
                Block::Figures { id, figures } => {
                    self.id(format!("{here}/id"), id);
                    for (j, f) in figures.iter().enumerate() {
                        if self.report.figure(f).is_none() {
                            self.push(
                                Code::DanglingReference,
                                format!("{here}/figures/{j}"),
                                &["数据", "key figure", f, "figures"],
                            );
                        }
                    }
                }
                Block::Chart { chart } => {
                    if self.report.chart(chart).is_none() {
                        self.push(
                            Code::DanglingReference,
                            format!("{here}/chart"),
                            &["图表", "chart", chart, "charts"],
                        );
                    }
                }
                Block::Table(t) => {
                    self.id(format!("{here}/id"), &t.id);
                    if t.caption.trim().is_empty() {
                        self.empty(format!("{here}/caption"), "表格标题", "table caption");
                    }
                    if let Err(r) = t.header_columns() {
                        let n = t.columns.len().to_string();
                        self.push(
                            Code::BadHeader,
                            format!("{here}/header/{r}"),
                            &[&(r + 1).to_string(), &n],
                        );
                    }
                    for (r, row) in t.rows.iter().enumerate() {
                        if row.len() != t.columns.len() {
                            self.push(
                                Code::RaggedTable,
                                format!("{here}/rows/{r}"),
                                &[
                                    &(r + 1).to_string(),
                                    &row.len().to_string(),
                                    &t.columns.len().to_string(),
                                ],
                            );
                        }
                    }
                    if let Some(source) = &t.source {
                        self.provenance(&format!("{here}/source"), source);
                    }
                }
            }
        }
    }

    fn chart(&mut self, pointer: &str, c: &'a Chart) {
        self.id(format!("{pointer}/id"), &c.id);
        if c.title.trim().is_empty() {
            self.empty(format!("{pointer}/title"), "图表标题", "chart title");
        }
        if c.unit.trim().is_empty() {
            self.empty(format!("{pointer}/unit"), "单位", "unit");
        }
        if c.description.trim().is_empty() {
            self.empty(
                format!("{pointer}/description"),
                "图表说明",
                "chart description",
            );
        }
        if c.categories.is_empty() {
            self.empty(format!("{pointer}/categories"), "分类", "category list");
        }
        if c.categories.len() > MAX_CATEGORIES_PER_CHART {
            // Nothing in such a chart can be drawn or read; one message says so.
            let (max, n) = (
                MAX_CATEGORIES_PER_CHART.to_string(),
                c.categories.len().to_string(),
            );
            return self.push(
                Code::TooManyCategories,
                format!("{pointer}/categories"),
                &[&max, &n],
            );
        }
        let cats = &c.categories;
        let repeated = repeats(cats.len(), &mut |a, b| cats[a].cmp(&cats[b]));
        for (i, cat) in cats.iter().enumerate().filter(|&(i, _)| repeated[i]) {
            self.push(
                Code::DuplicateCategory,
                format!("{pointer}/categories/{i}"),
                &[cat],
            );
        }
        if c.series.is_empty() {
            self.empty(format!("{pointer}/series"), "数据系列", "series list");
        }
        if c.series.len() > MAX_SERIES_PER_CHART {
            let max = MAX_SERIES_PER_CHART.to_string();
            return self.push(Code::TooManySeries, format!("{pointer}/series"), &[&max]);
        }
        let series = &c.series;
        let repeated = repeats(series.len(), &mut |a, b| series[a].id.cmp(&series[b].id));
        let index = Categories::of(c);
        for (i, s) in series.iter().enumerate() {
            let sp = format!("{pointer}/series/{i}");
            if repeated[i] {
                self.push(Code::DuplicateSeriesId, format!("{sp}/id"), &[&s.id]);
            }
            if s.name.trim().is_empty() {
                self.empty(format!("{sp}/name"), "系列名称", "series name");
            }
            if s.unit.trim().is_empty() {
                self.empty(format!("{sp}/unit"), "单位", "unit");
            } else if s.unit != c.unit {
                self.push(
                    Code::UnitMismatch,
                    format!("{sp}/unit"),
                    &[&s.unit, &c.unit],
                );
            }
            if s.points.is_empty() {
                self.empty(format!("{sp}/points"), "数据点", "point list");
            }
            if s.points.len() > MAX_POINTS_PER_SERIES {
                let max = MAX_POINTS_PER_SERIES.to_string();
                self.push(Code::TooManyPoints, format!("{sp}/points"), &[&max]);
                continue;
            }
            let mut seen = vec![false; cats.len()];
            for (j, p) in s.points.iter().enumerate() {
                let pp = format!("{sp}/points/{j}");
                match index.find(&p.x) {
                    None => self.push(Code::UnknownCategory, format!("{pp}/x"), &[&p.x]),
                    Some(ci) if seen[ci] => {
                        self.push(Code::DuplicatePoint, format!("{pp}/x"), &[&p.x])
                    }
                    Some(ci) => seen[ci] = true,
                }
                self.value(&format!("{pp}/value"), &p.value);
            }
        }
    }
}

/// Whether `id` is usable as an HTML id and URL fragment: a Latin letter,
/// then letters, digits, `-` or `_`, at most 64 characters.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && id.len() <= 64
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Whether `url` is an absolute `http:` or `https:` address. Anything else
/// (`javascript:`, `data:`, relative paths) is refused as a source link.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "https://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether `s` is `*` or an origin: `http(s)://host[:port]` with no path.
pub fn is_origin(s: &str) -> bool {
    if s == "*" {
        return true;
    }
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && r.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    })
}

/// Checks a parsed report; returns every problem found, in document order.
pub fn validate(report: &Indexed) -> Vec<Problem> {
    let mut c = Checker {
        report,
        problems: Vec::new(),
    };
    if report.format_version != FORMAT_VERSION {
        let (got, want) = (
            report.format_version.to_string(),
            FORMAT_VERSION.to_string(),
        );
        c.push(
            Code::UnsupportedVersion,
            "/format_version".into(),
            &[&got, &want],
        );
    }
    if report.meta.title.trim().is_empty() {
        c.empty("/meta/title".into(), "报告标题", "title");
    }
    if report.meta.issuer.trim().is_empty() {
        c.empty("/meta/issuer".into(), "发布机关", "issuer");
    }
    if let Some(url) = &report.meta.canonical_url {
        if !is_http_url(url) {
            c.push(Code::BadUrl, "/meta/canonical_url".into(), &[url]);
        }
    }
    for (i, origin) in report.viewer.embed_origins.iter().enumerate() {
        if !is_origin(origin) {
            c.push(
                Code::BadOrigin,
                format!("/viewer/embed_origins/{i}"),
                &[origin],
            );
        }
    }
    c.blocks("/preamble", &report.preamble);
    for (i, s) in report.sections.iter().enumerate() {
        c.section(&format!("/sections/{i}"), s, 1);
    }
    c.blocks("/closing", &report.closing);
    for (i, f) in report.figures.iter().enumerate() {
        let p = format!("/figures/{i}");
        c.id(format!("{p}/id"), &f.id);
        if f.label.trim().is_empty() {
            c.empty(format!("{p}/label"), "数据名称", "figure label");
        }
        if f.unit.trim().is_empty() {
            c.empty(format!("{p}/unit"), "单位", "unit");
        }
        c.value(&format!("{p}/value"), &f.value);
    }
    for (i, ch) in report.charts.iter().enumerate() {
        c.chart(&format!("/charts/{i}"), ch);
    }
    c.problems
}
