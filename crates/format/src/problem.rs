//! One bilingual problem record for everything that can be wrong with a
//! report or a file: loading, validation, the command-line tool's checks.
//!
//! Each kind of problem is a [`Code`]; its words, in Chinese and English,
//! with a hint each, live in one table ([`Code::messages`]), so that the
//! same problem always reads the same, and a reader of the code finds every
//! message in one place.

use serde::{Serialize, Serializer};

/// What kind of problem it is. [`Code::name`] is its stable, machine-readable
/// name, as `report validate --format json` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// There was no report text at all.
    Missing,
    /// The text is larger than the limit.
    TooLarge,
    /// The text is not JSON.
    JsonSyntax,
    /// The JSON nests deeper than the parser allows.
    JsonTooDeep,
    /// JSON, but not in the report format's shape.
    Schema,
    /// A file could not be read at all.
    Unreadable,
    /// A format version this viewer does not read.
    UnsupportedVersion,
    /// A required text is empty.
    Empty,
    /// An id that is not usable as an HTML id.
    BadId,
    /// An id used twice.
    DuplicateId,
    /// An id the viewer's page uses for its own elements.
    ReservedId,
    /// A control character in report text.
    ControlCharacter,
    /// A series id used twice in one chart.
    DuplicateSeriesId,
    /// A value beyond the allowed magnitude.
    OutOfRange,
    /// A derived value without its rule.
    DerivedWithoutRule,
    /// A range whose top is not above its bottom.
    BadRange,
    /// A source naming a paragraph that does not exist.
    DanglingParagraph,
    /// A quote that is not in the paragraph it names.
    QuoteNotFound,
    /// An address that is not `http:` or `https:`.
    BadUrl,
    /// An embed origin that is not an origin.
    BadOrigin,
    /// Sections nested too deep.
    TooDeep,
    /// A table row with the wrong number of cells.
    RaggedTable,
    /// A reference to a figure or chart that does not exist.
    DanglingReference,
    /// A category listed twice.
    DuplicateCategory,
    /// A chart with too many series.
    TooManySeries,
    /// A chart with too many categories.
    TooManyCategories,
    /// A series with too many points.
    TooManyPoints,
    /// A series whose unit is not its chart's.
    UnitMismatch,
    /// A point in a category the chart does not list.
    UnknownCategory,
    /// Two points of one series in one category.
    DuplicatePoint,
    /// A source naming a table that does not exist.
    DanglingTable,
    /// A source naming a cell its table does not have.
    NoSuchCell,
    /// A cell that does not hold the quote or the value read from it.
    CellMismatch,
    /// Table heading rows that do not cover the columns exactly.
    BadHeader,
    /// An input file with nothing in it.
    #[cfg(feature = "authoring")]
    EmptyFile,
    /// A Word 97–2003 (`.doc`) or WPS binary document.
    #[cfg(feature = "authoring")]
    OldWord,
    /// A PDF given to the importer.
    #[cfg(feature = "authoring")]
    PdfFile,
    /// An image given to the importer.
    #[cfg(feature = "authoring")]
    ImageFile,
    /// A zip archive that is not a Word document.
    #[cfg(feature = "authoring")]
    NotDocx,
    /// A Word document whose parts cannot be read.
    #[cfg(feature = "authoring")]
    BrokenDocx,
    /// A spreadsheet given to the importer.
    #[cfg(feature = "authoring")]
    SpreadsheetFile,
    /// A file that is none of the kinds the importer reads.
    #[cfg(feature = "authoring")]
    UnknownFile,
    /// A spreadsheet that cannot be read.
    #[cfg(feature = "authoring")]
    BadSpreadsheet,
    /// A sheet name the spreadsheet does not have.
    #[cfg(feature = "authoring")]
    NoSheet,
    /// A sheet with no categories or no values.
    #[cfg(feature = "authoring")]
    EmptySheet,
    /// Text in a cell of a value column.
    #[cfg(feature = "authoring")]
    NotANumber,
    /// A data row without its category.
    #[cfg(feature = "authoring")]
    NoCategory,
    /// A chart from a spreadsheet with no source for its numbers.
    #[cfg(feature = "authoring")]
    NoSource,
    /// A chart from a spreadsheet whose unit is not known.
    #[cfg(feature = "authoring")]
    NoUnit,
    /// An input file larger than an import reads.
    #[cfg(feature = "authoring")]
    FileTooBig,
    /// A part of a zip (a Word document, a workbook) that inflates past
    /// its limit.
    #[cfg(feature = "authoring")]
    PartTooBig,
    /// A zip whose parts inflate past the limit in all.
    #[cfg(feature = "authoring")]
    ArchiveTooBig,
    /// A zip with more entries than a document has.
    #[cfg(feature = "authoring")]
    TooManyParts,
    /// Text longer than an import reads.
    #[cfg(feature = "authoring")]
    TextTooLong,
    /// A web page with more elements than an import reads.
    #[cfg(feature = "authoring")]
    TooManyElements,
    /// Markup nested deeper than an import follows.
    #[cfg(feature = "authoring")]
    NestedTooDeep,
    /// A document with more paragraphs than a report holds.
    #[cfg(feature = "authoring")]
    TooManyParagraphs,
    /// A document whose tables have more cells than a report holds.
    #[cfg(feature = "authoring")]
    TooManyCells,
    /// An imported report over the report size limit.
    #[cfg(feature = "authoring")]
    ReportTooBig,
    /// A sheet larger than a chart is made from.
    #[cfg(feature = "authoring")]
    SheetTooBig,
}

impl Code {
    /// Every code, for tests and documentation.
    pub const ALL: [Code; 34] = [
        Code::Missing,
        Code::TooLarge,
        Code::JsonSyntax,
        Code::JsonTooDeep,
        Code::Schema,
        Code::Unreadable,
        Code::UnsupportedVersion,
        Code::Empty,
        Code::BadId,
        Code::DuplicateId,
        Code::ReservedId,
        Code::ControlCharacter,
        Code::DuplicateSeriesId,
        Code::OutOfRange,
        Code::DerivedWithoutRule,
        Code::BadRange,
        Code::DanglingParagraph,
        Code::QuoteNotFound,
        Code::BadUrl,
        Code::BadOrigin,
        Code::TooDeep,
        Code::RaggedTable,
        Code::DanglingReference,
        Code::DuplicateCategory,
        Code::TooManySeries,
        Code::TooManyCategories,
        Code::TooManyPoints,
        Code::UnitMismatch,
        Code::UnknownCategory,
        Code::DuplicatePoint,
        Code::DanglingTable,
        Code::NoSuchCell,
        Code::CellMismatch,
        Code::BadHeader,
    ];

    /// The codes only the authoring tool meets (files it cannot import,
    /// spreadsheets): behind the `authoring` feature, so that their words
    /// never reach the viewer's WASM.
    #[cfg(feature = "authoring")]
    pub const AUTHORING: [Code; 26] = [
        Code::EmptyFile,
        Code::OldWord,
        Code::PdfFile,
        Code::ImageFile,
        Code::NotDocx,
        Code::BrokenDocx,
        Code::SpreadsheetFile,
        Code::UnknownFile,
        Code::BadSpreadsheet,
        Code::NoSheet,
        Code::EmptySheet,
        Code::NotANumber,
        Code::NoCategory,
        Code::NoSource,
        Code::NoUnit,
        Code::FileTooBig,
        Code::PartTooBig,
        Code::ArchiveTooBig,
        Code::TooManyParts,
        Code::TextTooLong,
        Code::TooManyElements,
        Code::NestedTooDeep,
        Code::TooManyParagraphs,
        Code::TooManyCells,
        Code::ReportTooBig,
        Code::SheetTooBig,
    ];

    /// The stable name, e.g. `duplicate-id`.
    pub fn name(self) -> &'static str {
        self.messages()[0]
    }

    /// The name, then what is wrong in Chinese and in English, then how to
    /// fix it in Chinese and in English. `{0}`, `{1}`, … stand for the
    /// arguments a problem is made with.
    pub(crate) fn messages(self) -> [&'static str; 5] {
        use Code::*;
        match self {
            Missing => [
                "missing",
                "页面中没有报告数据",
                "the page carries no report data",
                "用 report build 生成页面,报告数据会写入页面",
                "build the page with `report build`, which writes the report into it",
            ],
            TooLarge => [
                "too-large",
                "报告数据有{0}字节,超过上限{1}字节",
                "the report is {0} bytes, over the limit of {1}",
                "拆分报告,或压缩过长的段落",
                "split the report into several",
            ],
            JsonSyntax => [
                "json-syntax",
                "第{0}行第{1}列:JSON 语法错误({2})",
                "line {0}, column {1}: JSON syntax error ({2})",
                "检查该处附近的引号、逗号和括号",
                "check the quotes, commas and brackets near that place",
            ],
            JsonTooDeep => [
                "json-too-deep",
                "第{0}行第{1}列:内容嵌套超过128层",
                "line {0}, column {1}: the report is nested more than 128 levels deep",
                "章节最多嵌套8层;检查该处是否多了括号",
                "sections nest at most 8 levels deep; look for extra brackets there",
            ],
            Schema => [
                "schema",
                "{0}(第{1}行第{2}列):内容不符合报告格式({3})",
                "{0} (line {1}, column {2}): not in the report format ({3})",
                "对照报告格式的 JSON Schema 修改该处",
                "compare that place with the report format's JSON Schema",
            ],
            Unreadable => [
                "unreadable",
                "无法读取文件({0})",
                "the file cannot be read ({0})",
                "检查文件名和文件编码(应为 UTF-8)",
                "check the file name and that the file is UTF-8",
            ],
            UnsupportedVersion => [
                "unsupported-version",
                "格式版本 {0} 不受支持",
                "format version {0} is not supported",
                "本查看器读取格式版本 {1}",
                "this viewer reads format version {1}",
            ],
            Empty => [
                "empty",
                "{0}为空",
                "{1} is empty",
                "填写{0}",
                "fill in the {1}",
            ],
            BadId => [
                "bad-id",
                "标识“{0}”不合规",
                "id “{0}” is not a valid id",
                "标识以英文字母开头,只含英文字母、数字、“-”和“_”,不超过64个字符",
                "start with a Latin letter; use only letters, digits, - and _; at most 64 characters",
            ],
            DuplicateId => [
                "duplicate-id",
                "标识“{0}”重复",
                "id “{0}” is used more than once",
                "每个章节、段落、数据和图表的标识在全文中必须唯一",
                "give every section, block, figure and chart an id of its own",
            ],
            ReservedId => [
                "reserved-id",
                "标识“{0}”是查看器页面自己使用的标识",
                "id “{0}” is one the viewer's page uses for itself",
                "换一个标识;以下标识和前缀留给页面使用:{1}",
                "choose another id; these ids and prefixes belong to the page: {1}",
            ],
            ControlCharacter => [
                "control-character",
                "第{0}行第{1}列:文字中有不可见的控制字符 U+{2}",
                "line {0}, column {1}: the text contains the invisible control character U+{2}",
                "删除该字符(从 Word 或网页复制的文字常带有这类字符,例如手动换行符 U+000B);换行请写 \\n",
                "delete it (text copied from Word or web pages often carries them, such as the manual line break U+000B); write \\n for a line break",
            ],
            DuplicateSeriesId => [
                "duplicate-series-id",
                "数据系列标识“{0}”在图表中重复",
                "series id “{0}” is used twice in this chart",
                "每个数据系列用不同的标识",
                "give each series its own id",
            ],
            OutOfRange => [
                "out-of-range",
                "数值超出范围(绝对值不超过10¹⁵)",
                "the value is out of range (at most 10¹⁵ either way)",
                "填写原文中的数字;很大的数可换用“亿元”等单位",
                "write the number as printed; give very large ones in a larger unit",
            ],
            DerivedWithoutRule => [
                "derived-without-rule",
                "推算值没有说明推算规则",
                "a derived value does not state its rule",
                "写明推算方法,例如“550 ÷ (1 + 148%)”",
                "state how it was computed, e.g. “550 ÷ (1 + 148%)”",
            ],
            BadRange => [
                "bad-range",
                "范围的上限不大于下限",
                "the range's upper end is not above its lower end",
                "value 填下限,high 填上限",
                "put the lower end in value and the upper end in high",
            ],
            DanglingParagraph => [
                "dangling-paragraph",
                "出处指向的段落“{0}”不存在",
                "the source names paragraph “{0}”, which does not exist",
                "填写数字所在段落的标识",
                "name the id of the paragraph the number was read from",
            ],
            QuoteNotFound => [
                "quote-not-found",
                "引文“{0}”不在段落“{1}”中",
                "the quote “{0}” does not occur in paragraph “{1}”",
                "引文须与段落原文逐字一致",
                "copy the words exactly as they stand in the paragraph",
            ],
            BadUrl => [
                "bad-url",
                "地址“{0}”不是 http 或 https 地址",
                "address “{0}” is not an http or https URL",
                "填写 http:// 或 https:// 开头的网址",
                "use an http:// or https:// address",
            ],
            BadOrigin => [
                "bad-origin",
                "“{0}”不是网页来源",
                "“{0}” is not a web origin",
                "写成 https://主机名[:端口],不带路径;或写 * 允许任何来源",
                "write https://host[:port] with no path, or * for any origin",
            ],
            TooDeep => [
                "too-deep",
                "章节嵌套超过{0}层",
                "sections nest deeper than {0} levels",
                "减少章节层级",
                "flatten the section structure",
            ],
            RaggedTable => [
                "ragged-table",
                "第{0}行有{1}格,表头有{2}列",
                "row {0} has {1} cells but there are {2} columns",
                "每行的格数与表头列数一致",
                "give every row one cell per column",
            ],
            DanglingReference => [
                "dangling-reference",
                "引用的{0}“{2}”不存在",
                "the {1} “{2}” referred to does not exist",
                "检查{0}标识的拼写,或在 {3} 中补上它",
                "check the id's spelling, or add the {1} to {3}",
            ],
            DuplicateCategory => [
                "duplicate-category",
                "分类“{0}”重复",
                "category “{0}” appears twice",
                "每个分类只列一次",
                "list each category once",
            ],
            TooManySeries => [
                "too-many-series",
                "一个图表最多{0}个数据系列",
                "a chart may have at most {0} series",
                "拆分为几个图表",
                "split it into several charts",
            ],
            TooManyCategories => [
                "too-many-categories",
                "一个图表最多{0}个分类,这里有{1}个",
                "a chart may have at most {0} categories; this one has {1}",
                "汇总数据(例如按年或按类),或拆分为几个图表",
                "aggregate the data (by year or by kind, say) or split the chart",
            ],
            TooManyPoints => [
                "too-many-points",
                "一个系列最多{0}个数据点",
                "a series may have at most {0} points",
                "汇总数据或拆分系列",
                "aggregate the data or split the series",
            ],
            UnitMismatch => [
                "unit-mismatch",
                "系列单位“{0}”与图表单位“{1}”不同",
                "series unit “{0}” differs from the chart's unit “{1}”",
                "同一图表中的系列须使用同一单位",
                "series drawn on one axis must share its unit",
            ],
            UnknownCategory => [
                "unknown-category",
                "数据点的分类“{0}”不在图表的分类列表中",
                "point category “{0}” is not one of the chart's categories",
                "在 categories 中加入它,或改正拼写",
                "add it to categories or fix its spelling",
            ],
            DuplicatePoint => [
                "duplicate-point",
                "分类“{0}”在同一系列中有两个数据点",
                "category “{0}” has two points in one series",
                "每个分类最多一个数据点",
                "give each category at most one point",
            ],
            DanglingTable => [
                "dangling-table",
                "出处指向的表格“{0}”不存在",
                "the source names table “{0}”, which does not exist",
                "填写数字所在表格的标识",
                "name the id of the table the number was read from",
            ],
            NoSuchCell => [
                "no-such-cell",
                "表格“{0}”没有 row {1}、column {2} 这一格",
                "table “{0}” has no cell at row {1}, column {2}",
                "row 和 column 从0数起:row 数表体的行(不含表头),column 数列",
                "row and column count from 0: row among the body rows (headings excluded), column among the columns",
            ],
            CellMismatch => [
                "cell-mismatch",
                "表格“{0}”row {1}、column {2} 一格写作“{3}”,其中没有“{4}”",
                "the cell at row {1}, column {2} of table “{0}” reads “{3}”, which does not hold “{4}”",
                "引文须与格中文字逐字一致,数值须是格中印出的数字",
                "quote the cell's words exactly, and give the number printed in it",
            ],
            BadHeader => [
                "bad-header",
                "表头第{0}行的格与表格的{1}列对不齐",
                "heading row {0} does not cover the table's {1} columns exactly once",
                "调整 colspan 和 rowspan,使每个表头行(连同上方跨行的格)恰好覆盖每一列一次",
                "set colspan and rowspan so that each heading row, with cells reaching down from above, covers every column once",
            ],
            #[cfg(feature = "authoring")]
            _ => self.authoring_messages(),
        }
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// One thing wrong, where, and how to fix it, in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where: a JSON pointer (`/sections/0/blocks/2`), a line and column
    /// (`3:7`), an address, or empty when the whole input is meant.
    pub location: String,
    /// What kind of problem.
    pub code: Code,
    /// What is wrong, in Chinese.
    pub zh: String,
    /// What is wrong, in English.
    pub en: String,
    /// How to fix it, in Chinese.
    pub hint_zh: String,
    /// How to fix it, in English.
    pub hint_en: String,
}

impl Problem {
    /// The problem `code` at `location`, its messages filled in with `args`.
    pub fn new(code: Code, location: impl Into<String>, args: &[&str]) -> Problem {
        let [_, zh, en, hint_zh, hint_en] = code.messages();
        Problem {
            location: location.into(),
            code,
            zh: fill(zh, args),
            en: fill(en, args),
            hint_zh: fill(hint_zh, args),
            hint_en: fill(hint_en, args),
        }
    }
}

/// `template` with each `{n}` replaced by `args[n]` (missing ones left
/// empty).
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let n: usize = after[..close].parse().ok()?;
            Some((n, close))
        }) {
            Some((n, close)) => {
                out.push_str(&rest[..open]);
                out.push_str(args.get(n).copied().unwrap_or_default());
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[path = "problem_tests.rs"]
mod tests;
