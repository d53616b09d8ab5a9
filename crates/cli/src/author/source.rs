//! What every reader (text, Word, web page) hands the importer: the
//! document's paragraphs and tables in reading order, and what the source
//! states about itself. The importer builds sections, figures, tables and
//! charts from this alone, so the structure rules are the same whatever
//! the author's file was.

/// A document as read, before any structure is found.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Paragraphs and tables in reading order.
    pub items: Vec<Item>,
    /// Metadata the source states (a page's disclosure header, its
    /// `<meta>` tags), each with where it was read.
    pub stated: Stated,
    /// What the reader noticed (chrome left out, an encoding guessed).
    pub warnings: Vec<String>,
    /// How places are named in warnings: lines of a text file, or
    /// paragraphs of a Word file or a page.
    pub unit: Unit,
}

/// What a place number in a warning counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Unit {
    /// Lines of a text file: `第3行` / `line 3`.
    #[default]
    Line,
    /// Paragraphs of a document: `第3段` / `paragraph 3`.
    Paragraph,
}

impl Unit {
    /// `第3行` / `line 3`, or `第3段` / `paragraph 3`: Chinese, English.
    pub fn at(self, n: usize) -> (String, String) {
        match self {
            Unit::Line => (format!("第{n}行"), format!("line {n}")),
            Unit::Paragraph => (format!("第{n}段"), format!("paragraph {n}")),
        }
    }
}

/// One piece of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A paragraph (or a line of a text file).
    Para(Para),
    /// A table.
    Table(Grid),
}

/// A paragraph as read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Para {
    /// The text, trimmed.
    pub text: String,
    /// Its place: line or paragraph number, from 1.
    pub n: usize,
    /// How many bytes at the start were printed bold: a bold run-in
    /// heading (`(一)标题。` followed by its text) ends there.
    pub bold: usize,
    /// Marked as a title or heading by the source (a Word title style, a
    /// centred bold line, an HTML heading element).
    pub title_like: bool,
}

impl Para {
    /// A plain paragraph.
    pub fn plain(text: impl Into<String>, n: usize) -> Para {
        Para {
            text: text.into(),
            n,
            ..Para::default()
        }
    }
}

/// A table as read: rows of cells, each cell spanning columns and rows as
/// in HTML (a cell covered by one from above is not listed again).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    /// The rows, top first.
    pub rows: Vec<Vec<GridCell>>,
    /// How many rows at the top the source marks as headings (`<thead>`,
    /// `<th>` rows, Word's "repeat as header row"), if it marks any.
    pub head_rows: Option<usize>,
    /// A caption the source attaches to the table (`<caption>`).
    pub caption: Option<String>,
    /// Its place: the number of the paragraph before it, from 0.
    pub n: usize,
}

/// A table cell as read.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    /// The cell's text, paragraphs joined by a space.
    pub text: String,
    /// Columns spanned, at least 1.
    pub colspan: usize,
    /// Rows spanned, at least 1.
    pub rowspan: usize,
}

impl GridCell {
    /// A cell spanning one column and one row.
    pub fn new(text: impl Into<String>) -> GridCell {
        GridCell {
            text: text.into(),
            colspan: 1,
            rowspan: 1,
        }
    }
}

/// A metadata value the source states, with where it was read
/// (`网页信息公开表头“发布机构”栏` / `the page's disclosure header, “发布机构”`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatedValue {
    /// The value, as printed.
    pub value: String,
    /// Where it was read, in Chinese.
    pub zh: String,
    /// Where it was read, in English.
    pub en: String,
}

/// The metadata a source states about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stated {
    /// 标题 / 文件名称, or the page's `ArticleTitle`.
    pub title: Option<StatedValue>,
    /// The page's `<title>`, often with the site's name after it.
    pub page_title: Option<StatedValue>,
    /// 发布机构 / 发文机关, or the page's `ContentSource`.
    pub issuer: Option<StatedValue>,
    /// 发布日期 (or 成文日期), as printed.
    pub published: Option<StatedValue>,
    /// 文号.
    pub document_number: Option<StatedValue>,
    /// 索引号.
    pub index_number: Option<StatedValue>,
    /// The page's own address (`<link rel=canonical>`, the `Url` meta tag,
    /// or the address an MHTML file was saved from).
    pub canonical_url: Option<StatedValue>,
}

impl Stated {
    /// Sets `field` unless it is set already (the first source wins) or
    /// `value` is empty or a placeholder such as `无`.
    pub fn offer(field: &mut Option<StatedValue>, value: &str, zh: &str, en: &str) {
        let value = value.trim();
        if field.is_none() && !value.is_empty() && !matches!(value, "无" | "-" | "—" | "/") {
            *field = Some(StatedValue {
                value: value.to_string(),
                zh: zh.to_string(),
                en: en.to_string(),
            });
        }
    }
}

/// A problem that stops a reader (a file it cannot read, a sheet it cannot
/// use), boxed: the record is large, and it travels up several calls.
pub fn problem(
    code: report_format::Code,
    location: &str,
    args: &[&str],
) -> Box<report_format::Problem> {
    Box::new(report_format::Problem::new(code, location, args))
}
