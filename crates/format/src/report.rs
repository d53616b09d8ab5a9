//! The report format, version 1: the types a report JSON file deserialises
//! into.
//!
//! A report is metadata, an optional preamble, nested sections of content
//! blocks, an optional closing, and a data store of key figures and charts
//! that blocks refer to by id. Every number lives in the data store with its
//! provenance, so the viewer can always say where a number came from.

use serde::{Deserialize, Serialize};

use crate::value::{Provenance, Value};

/// The format version this viewer reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Version of the report format; must be [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Title, issuing body, dates and the like.
    pub meta: Meta,
    /// Blocks before the first section (the report's opening words).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Block>,
    /// The top-level sections (parts) in reading order.
    pub sections: Vec<Section>,
    /// Blocks after the last section (for example `特此报告。`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<Block>,
    /// Key figures that `figures` blocks refer to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<KeyFigure>,
    /// Charts that `chart` blocks refer to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<Chart>,
    /// How the viewer may be used with this report (embedding).
    #[serde(default, skip_serializing_if = "ViewerConfig::is_default")]
    pub viewer: ViewerConfig,
}

/// Settings for the viewer that travel with the report.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ViewerConfig {
    /// Origins (`https://host[:port]`) of pages that may embed the report and
    /// send it settings (theme, language, text size) at run time; `*` allows
    /// any origin. Empty: embedding works, but no page may send settings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embed_origins: Vec<String>,
}

impl ViewerConfig {
    fn is_default(&self) -> bool {
        self == &ViewerConfig::default()
    }

    /// Whether a page at `origin` may send settings to an embedded viewer.
    pub fn accepts_settings_from(&self, origin: &str) -> bool {
        self.embed_origins
            .iter()
            .any(|o| o == "*" || o.eq_ignore_ascii_case(origin))
    }
}

/// Report metadata, shown in the title block and the print edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The report's title as published.
    pub title: String,
    /// The body that issued the report, e.g. `青岛市即墨区人民政府`.
    pub issuer: String,
    /// The region the report covers.
    pub region: String,
    /// The period the report covers, as printed, e.g. `2024年`.
    pub period: String,
    /// Publication date, `YYYY-MM-DD`, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// BCP 47 language tag of the report text, e.g. `zh-CN`.
    pub language: String,
    /// The official address of the report, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// The official document number (文号), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    /// The index number (索引号) government information disclosure pages
    /// give a document, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_number: Option<String>,
    /// Where the title or other metadata came from, when the text itself
    /// does not carry it, and what was inferred (an importer says so here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A section: a part (`一、`) or a subsection (`(一)`), nested to any depth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, unique in the report; used for links and embeds.
    pub id: String,
    /// The printed numbering, e.g. `一、` or `(一)`; empty when unnumbered.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// The heading text as printed (without the numbering).
    pub title: String,
    /// Content of the section before its subsections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// Subsections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// A content block inside a section, the preamble or the closing: one
/// object whose `type` names the kind.
// It is read through the flat `RawBlock`: serde's internally tagged enums
// buffer every object and cost the WASM tens of kilobytes; a flat struct
// does not.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A paragraph of report text, kept word for word.
    Paragraph {
        /// Stable id; provenance points here.
        id: String,
        /// The text, as printed.
        text: String,
    },
    /// A list of items.
    List {
        /// Stable id.
        id: String,
        /// Whether the items are numbered.
        #[serde(default)]
        ordered: bool,
        /// The items' text.
        items: Vec<String>,
    },
    /// A row of key-figure cards.
    Figures {
        /// Stable id.
        id: String,
        /// Ids of entries in [`Report::figures`].
        figures: Vec<String>,
    },
    /// A chart from [`Report::charts`].
    Chart {
        /// Id of an entry in [`Report::charts`].
        chart: String,
    },
    /// A table of text cells.
    Table(Table),
    /// An editorial note (not report text), e.g. a caveat.
    Note {
        /// Stable id.
        id: String,
        /// The note's text.
        text: String,
    },
}

/// Every field any block may have; [`Block`] checks which belong.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[doc(hidden)]
pub struct RawBlock {
    #[serde(rename = "type")]
    kind: String,
    id: Option<String>,
    text: Option<String>,
    ordered: Option<bool>,
    items: Option<Vec<String>>,
    figures: Option<Vec<String>>,
    chart: Option<String>,
    caption: Option<String>,
    columns: Option<Vec<String>>,
    header: Option<Vec<Vec<HeaderCell>>>,
    rows: Option<Vec<Vec<String>>>,
    source: Option<Provenance>,
}

/// Takes the required field `name` of a `kind` object.
pub(crate) fn need<T>(v: Option<T>, name: &str, kind: &str) -> Result<T, String> {
    v.ok_or_else(|| format!("missing field `{name}` in a `{kind}` object"))
}

/// Refuses fields present (`true`) that are not `allowed` in a `kind`
/// object.
pub(crate) fn only(present: &[(&str, bool)], allowed: &[&str], kind: &str) -> Result<(), String> {
    match present
        .iter()
        .find(|(name, p)| *p && !allowed.contains(name))
    {
        Some((name, _)) => Err(format!(
            "unknown field `{name}`: a `{kind}` object has no such field"
        )),
        None => Ok(()),
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Block, D::Error> {
        Block::try_from(RawBlock::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<RawBlock> for Block {
    type Error = String;

    fn try_from(r: RawBlock) -> Result<Block, String> {
        // serde_json places this error after the enclosing list, so name
        // the block by its id to say which one.
        let name = r.id.clone().or_else(|| r.chart.clone());
        Block::from_raw(r).map_err(|e| match name {
            Some(n) => format!("block `{n}`: {e}"),
            None => e,
        })
    }
}

impl Block {
    fn from_raw(r: RawBlock) -> Result<Block, String> {
        let k = r.kind.as_str();
        let present = [
            ("id", r.id.is_some()),
            ("text", r.text.is_some()),
            ("ordered", r.ordered.is_some()),
            ("items", r.items.is_some()),
            ("figures", r.figures.is_some()),
            ("chart", r.chart.is_some()),
            ("caption", r.caption.is_some()),
            ("columns", r.columns.is_some()),
            ("header", r.header.is_some()),
            ("rows", r.rows.is_some()),
            ("source", r.source.is_some()),
        ];
        let allowed: &[&str] = match k {
            "paragraph" | "note" => &["id", "text"],
            "list" => &["id", "ordered", "items"],
            "figures" => &["id", "figures"],
            "chart" => &["chart"],
            "table" => &["id", "caption", "columns", "header", "rows", "source"],
            other => {
                return Err(format!(
                    "unknown block type `{other}`, expected one of `paragraph`, `list`, `figures`, `chart`, `table`, `note`"
                ))
            }
        };
        only(&present, allowed, k)?;
        Ok(match k {
            "paragraph" => Block::Paragraph {
                id: need(r.id, "id", k)?,
                text: need(r.text, "text", k)?,
            },
            "note" => Block::Note {
                id: need(r.id, "id", k)?,
                text: need(r.text, "text", k)?,
            },
            "list" => Block::List {
                id: need(r.id, "id", k)?,
                ordered: r.ordered.unwrap_or(false),
                items: need(r.items, "items", k)?,
            },
            "figures" => Block::Figures {
                id: need(r.id, "id", k)?,
                figures: need(r.figures, "figures", k)?,
            },
            "chart" => Block::Chart {
                chart: need(r.chart, "chart", k)?,
            },
            _ => Block::Table(Table {
                id: need(r.id, "id", k)?,
                caption: need(r.caption, "caption", k)?,
                columns: need(r.columns, "columns", k)?,
                header: r.header.unwrap_or_default(),
                rows: need(r.rows, "rows", k)?,
                source: r.source,
            }),
        })
    }
}

impl Block {
    /// The id a link to this block uses. A chart block is addressed by its
    /// chart's id.
    pub fn id(&self) -> &str {
        match self {
            Block::Paragraph { id, .. }
            | Block::List { id, .. }
            | Block::Figures { id, .. }
            | Block::Note { id, .. } => id,
            Block::Chart { chart } => chart,
            Block::Table(t) => &t.id,
        }
    }
}

/// A table with a caption, column headings and text cells.
///
/// A table whose headings are printed in several rows, with cells merged
/// across columns or rows (`案件数量` over `2022年` and `2023年`), keeps
/// them in `header` as printed; `columns` then holds each column's
/// headings from top to bottom, joined by a space, for CSV, search and
/// sources. Merged cells of the body are written into each cell they cover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Stable id.
    pub id: String,
    /// The caption, e.g. `表1 2022—2024年行政案件情况`.
    pub caption: String,
    /// Column headings, one per column.
    pub columns: Vec<String>,
    /// The heading rows as printed, top first, when there is more than one
    /// or a heading cell spans several columns; every row covers each
    /// column exactly once (a cell from a row above may cover it by its
    /// `rowspan`). Empty: `columns` is the one heading row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<Vec<HeaderCell>>,
    /// Rows of cells; each row has as many cells as there are columns.
    pub rows: Vec<Vec<String>>,
    /// Where the table's content came from, when it is not the report's
    /// own text (a table the report prints needs none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
}

/// One heading cell of a table's `header`, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HeaderCell {
    /// The heading's text.
    pub text: String,
    /// How many columns it spans (1 when absent).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub colspan: u32,
    /// How many heading rows it spans (1 when absent).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub rowspan: u32,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

impl Table {
    /// The first column of each heading cell in `header`, row by row; or
    /// the first heading row (counted from 0) whose cells do not cover
    /// the table's columns exactly once, with those from the rows above.
    pub fn header_columns(&self) -> Result<Vec<Vec<usize>>, usize> {
        let (n, h) = (self.columns.len(), self.header.len());
        let mut taken = vec![vec![false; n]; h];
        let mut out = Vec::with_capacity(h);
        for (r, row) in self.header.iter().enumerate() {
            let mut at = 0;
            let mut starts = Vec::with_capacity(row.len());
            for cell in row {
                while at < n && taken[r][at] {
                    at += 1;
                }
                let (w, d) = (cell.colspan as usize, cell.rowspan as usize);
                if w == 0 || d == 0 || at + w > n || r + d > h {
                    return Err(r);
                }
                for line in &mut taken[r..r + d] {
                    for slot in &mut line[at..at + w] {
                        if *slot {
                            return Err(r);
                        }
                        *slot = true;
                    }
                }
                starts.push(at);
                at += w;
            }
            if taken[r].iter().any(|t| !t) {
                return Err(r);
            }
            out.push(starts);
        }
        Ok(out)
    }

    /// A short name for the table as a reader finds it: the caption's
    /// number (`表1`) when it opens with one, else the whole caption.
    pub fn name(&self) -> &str {
        let c = self.caption.trim();
        let Some(rest) = c.strip_prefix('表') else {
            return c;
        };
        let digits = rest
            .char_indices()
            .find(|&(_, ch)| !(ch.is_ascii_digit() || "一二三四五六七八九十-.".contains(ch)))
            .map_or(rest.len(), |(i, _)| i);
        if digits == 0 {
            c
        } else {
            &c[..'表'.len_utf8() + digits]
        }
    }
}

/// A headline number shown as a card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyFigure {
    /// Stable id, unique in the report.
    pub id: String,
    /// What is counted, e.g. `受理行政复议申请`.
    pub label: String,
    /// The number with its qualifier and provenance.
    pub value: Value,
    /// The unit as printed, e.g. `件`, `%`, `人次`.
    pub unit: String,
}

/// How a chart draws its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Lines through points, for trends over time.
    Line,
    /// Grouped bars, for categories or short comparisons.
    Bar,
}

/// A chart: one or more series over shared categories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// Stable id, unique in the report.
    pub id: String,
    /// Caption title.
    pub title: String,
    /// Line or bar.
    pub kind: ChartKind,
    /// The unit of the value axis, e.g. `件`.
    pub unit: String,
    /// What the category axis shows, e.g. `年份`.
    pub x_label: String,
    /// The categories in order (years, or names); every point's `x` is one
    /// of them.
    pub categories: Vec<String>,
    /// The series drawn.
    pub series: Vec<Series>,
    /// The author's description of what the chart shows.
    pub description: String,
    /// Notes and caveats shown under the chart.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A named run of values with a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Stable id, unique within its chart.
    pub id: String,
    /// The series name shown in the legend.
    pub name: String,
    /// The unit of its values; must match the chart's unit.
    pub unit: String,
    /// The points, at most one per category.
    pub points: Vec<Point>,
}

/// One value of a series at one category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// The category, one of the chart's `categories`.
    pub x: String,
    /// The value with its qualifier and provenance.
    pub value: Value,
}

impl Report {
    /// Every section in document order, depth first, with its depth
    /// (0 for parts).
    pub fn walk_sections(&self) -> Vec<(usize, &Section)> {
        fn go<'a>(out: &mut Vec<(usize, &'a Section)>, s: &'a [Section], depth: usize) {
            for sec in s {
                out.push((depth, sec));
                go(out, &sec.sections, depth + 1);
            }
        }
        let mut out = Vec::new();
        go(&mut out, &self.sections, 0);
        out
    }

    /// Every block in document order: preamble, sections depth first,
    /// closing.
    pub fn walk_blocks(&self) -> Vec<&Block> {
        let mut out: Vec<&Block> = self.preamble.iter().collect();
        for (_, s) in self.walk_sections() {
            out.extend(s.blocks.iter());
        }
        out.extend(self.closing.iter());
        out
    }
}

impl Section {
    /// The heading as printed: numbering followed by title.
    pub fn heading(&self) -> String {
        format!("{}{}", self.number, self.title)
    }
}
