//! Checks of meaning that the types alone cannot express: unique ids,
//! references that resolve, units, provenance quotes that really occur in
//! the paragraph they name, and the hard limits on size.
//!
//! Every problem names its place as a JSON pointer and says what is wrong
//! and how to fix it, in Chinese and in English.

use super::set::StrSet;

use super::report::{Block, Chart, Report, Section, FORMAT_VERSION};
use super::value::{Provenance, Qualifier, Value};

/// Sections may nest at most this deep (parts are depth 1).
pub const MAX_SECTION_DEPTH: usize = 8;
/// A series may have at most this many points.
pub const MAX_POINTS_PER_SERIES: usize = 10_000;
/// No value may be further from zero than this (a thousand trillion: far
/// beyond any count or sum a report states, and still exact in a double, so
/// chart axes never overflow).
pub const MAX_ABS_VALUE: f64 = 1e15;
/// A chart may have at most this many series.
pub const MAX_SERIES_PER_CHART: usize = 12;

/// One thing wrong with a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON pointer into the report, e.g. `/sections/0/blocks/2`.
    pub pointer: String,
    /// A stable machine-readable code, e.g. `duplicate-id`.
    pub code: &'static str,
    /// What is wrong, in Chinese.
    pub zh: String,
    /// What is wrong, in English.
    pub en: String,
    /// How to fix it, in Chinese.
    pub hint_zh: String,
    /// How to fix it, in English.
    pub hint_en: String,
}

struct Checker<'a> {
    report: &'a Report,
    ids: StrSet<&'a str>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, pointer: String, code: &'static str, msg: [String; 4]) {
        let [zh, en, hint_zh, hint_en] = msg;
        self.problems.push(Problem {
            pointer,
            code,
            zh,
            en,
            hint_zh,
            hint_en,
        });
    }

    fn empty(&mut self, pointer: String, what_zh: &str, what_en: &str) {
        self.push(
            pointer,
            "empty",
            [
                format!("{what_zh}为空"),
                format!("{what_en} is empty"),
                format!("填写{what_zh}"),
                format!("fill in the {what_en}"),
            ],
        );
    }

    fn id(&mut self, pointer: String, id: &'a str) {
        if !is_valid_id(id) {
            self.push(
                pointer.clone(),
                "bad-id",
                [
                    format!("标识“{id}”不合规"),
                    format!("id “{id}” is not a valid id"),
                    "标识以英文字母开头,只含英文字母、数字、“-”和“_”,不超过64个字符".into(),
                    "start with a Latin letter; use only letters, digits, - and _; at most 64 characters".into(),
                ],
            );
        }
        if !self.ids.insert(id) {
            self.push(
                pointer,
                "duplicate-id",
                [
                    format!("标识“{id}”重复"),
                    format!("id “{id}” is used more than once"),
                    "每个章节、段落、数据和图表的标识在全文中必须唯一".into(),
                    "give every section, block, figure and chart an id of its own".into(),
                ],
            );
        }
    }

    fn value(&mut self, pointer: &str, v: &'a Value) {
        let high = match v.qualifier {
            Qualifier::Range { high } => high,
            _ => v.value,
        };
        // (Written so that NaN fails too.)
        if !(v.value.abs() <= MAX_ABS_VALUE && high.abs() <= MAX_ABS_VALUE) {
            self.push(
                format!("{pointer}/value"),
                "out-of-range",
                [
                    "数值超出范围(绝对值不超过10¹⁵)".into(),
                    "the value is out of range (at most 10¹⁵ either way)".into(),
                    "填写原文中的数字;很大的数可换用“亿元”等单位".into(),
                    "write the number as printed; give very large ones in a larger unit".into(),
                ],
            );
        }
        match &v.qualifier {
            Qualifier::Derived { rule } if rule.trim().is_empty() => self.push(
                format!("{pointer}/qualifier/rule"),
                "derived-without-rule",
                [
                    "推算值没有说明推算规则".into(),
                    "a derived value does not state its rule".into(),
                    "写明推算方法,例如“550 ÷ (1 + 148%)”".into(),
                    "state how it was computed, e.g. “550 ÷ (1 + 148%)”".into(),
                ],
            ),
            Qualifier::Range { high } if !(high.is_finite() && *high > v.value) => self.push(
                format!("{pointer}/qualifier/high"),
                "bad-range",
                [
                    "范围的上限不大于下限".into(),
                    "the range's upper end is not above its lower end".into(),
                    "value 填下限,high 填上限".into(),
                    "put the lower end in value and the upper end in high".into(),
                ],
            ),
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
    }

    fn provenance(&mut self, pointer: &str, p: &'a Provenance) {
        match p {
            Provenance::Paragraph { paragraph, quote } => {
                if quote.trim().is_empty() {
                    return self.empty(format!("{pointer}/quote"), "引文", "quote");
                }
                match self.report.paragraph_text(paragraph) {
                    None => self.push(
                        format!("{pointer}/paragraph"),
                        "dangling-paragraph",
                        [
                            format!("出处指向的段落“{paragraph}”不存在"),
                            format!(
                                "the source names paragraph “{paragraph}”, which does not exist"
                            ),
                            "填写数字所在段落的标识".into(),
                            "name the id of the paragraph the number was read from".into(),
                        ],
                    ),
                    Some(text) if !text.contains(quote.as_str()) => self.push(
                        format!("{pointer}/quote"),
                        "quote-not-found",
                        [
                            format!("引文“{quote}”不在段落“{paragraph}”中"),
                            format!(
                                "the quote “{quote}” does not occur in paragraph “{paragraph}”"
                            ),
                            "引文须与段落原文逐字一致".into(),
                            "copy the words exactly as they stand in the paragraph".into(),
                        ],
                    ),
                    Some(_) => {}
                }
            }
            Provenance::External {
                url,
                publisher,
                quote,
                ..
            } => {
                if !is_http_url(url) {
                    self.push(
                        format!("{pointer}/url"),
                        "bad-url",
                        [
                            format!("来源地址“{url}”不是 http 或 https 地址"),
                            format!("source address “{url}” is not an http or https URL"),
                            "来源只能是 http:// 或 https:// 开头的网址".into(),
                            "sources must be http:// or https:// addresses".into(),
                        ],
                    );
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
            return self.push(
                pointer.to_string(),
                "too-deep",
                [
                    format!("章节嵌套超过{MAX_SECTION_DEPTH}层"),
                    format!("sections nest deeper than {MAX_SECTION_DEPTH} levels"),
                    "减少章节层级".into(),
                    "flatten the section structure".into(),
                ],
            );
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
                            self.dangling(
                                format!("{here}/figures/{j}"),
                                "数据",
                                "key figure",
                                "figures",
                                f,
                            );
                        }
                    }
                }
                Block::Chart { chart } => {
                    if self.report.chart(chart).is_none() {
                        self.dangling(format!("{here}/chart"), "图表", "chart", "charts", chart);
                    }
                }
                Block::Table(t) => {
                    self.id(format!("{here}/id"), &t.id);
                    if t.caption.trim().is_empty() {
                        self.empty(format!("{here}/caption"), "表格标题", "table caption");
                    }
                    for (r, row) in t.rows.iter().enumerate() {
                        if row.len() != t.columns.len() {
                            self.push(
                                format!("{here}/rows/{r}"),
                                "ragged-table",
                                [
                                    format!(
                                        "第{}行有{}格,表头有{}列",
                                        r + 1,
                                        row.len(),
                                        t.columns.len()
                                    ),
                                    format!(
                                        "row {} has {} cells but there are {} columns",
                                        r + 1,
                                        row.len(),
                                        t.columns.len()
                                    ),
                                    "每行的格数与表头列数一致".into(),
                                    "give every row one cell per column".into(),
                                ],
                            );
                        }
                    }
                    self.provenance(&format!("{here}/source"), &t.source);
                }
            }
        }
    }

    fn dangling(&mut self, pointer: String, what_zh: &str, what_en: &str, field: &str, id: &str) {
        self.push(
            pointer,
            "dangling-reference",
            [
                format!("引用的{what_zh}“{id}”不存在"),
                format!("the {what_en} “{id}” referred to does not exist"),
                format!("检查{what_zh}标识的拼写,或在 {field} 中补上它"),
                format!("check the id's spelling, or add the {what_en} to {field}"),
            ],
        );
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
        let mut cats = StrSet::new();
        for (i, cat) in c.categories.iter().enumerate() {
            if !cats.insert(cat.as_str()) {
                self.push(
                    format!("{pointer}/categories/{i}"),
                    "duplicate-category",
                    [
                        format!("分类“{cat}”重复"),
                        format!("category “{cat}” appears twice"),
                        "每个分类只列一次".into(),
                        "list each category once".into(),
                    ],
                );
            }
        }
        if c.series.is_empty() {
            self.empty(format!("{pointer}/series"), "数据系列", "series list");
        }
        if c.series.len() > MAX_SERIES_PER_CHART {
            self.push(
                format!("{pointer}/series"),
                "too-many-series",
                [
                    format!("一个图表最多{MAX_SERIES_PER_CHART}个数据系列"),
                    format!("a chart may have at most {MAX_SERIES_PER_CHART} series"),
                    "拆分为几个图表".into(),
                    "split it into several charts".into(),
                ],
            );
        }
        let mut series_ids = StrSet::new();
        for (i, s) in c.series.iter().enumerate() {
            let sp = format!("{pointer}/series/{i}");
            if !series_ids.insert(s.id.as_str()) {
                self.push(
                    format!("{sp}/id"),
                    "duplicate-id",
                    [
                        format!("数据系列标识“{}”在图表中重复", s.id),
                        format!("series id “{}” is used twice in this chart", s.id),
                        "每个数据系列用不同的标识".into(),
                        "give each series its own id".into(),
                    ],
                );
            }
            if s.name.trim().is_empty() {
                self.empty(format!("{sp}/name"), "系列名称", "series name");
            }
            if s.unit.trim().is_empty() {
                self.empty(format!("{sp}/unit"), "单位", "unit");
            } else if s.unit != c.unit {
                self.push(
                    format!("{sp}/unit"),
                    "unit-mismatch",
                    [
                        format!("系列单位“{}”与图表单位“{}”不同", s.unit, c.unit),
                        format!(
                            "series unit “{}” differs from the chart's unit “{}”",
                            s.unit, c.unit
                        ),
                        "同一图表中的系列须使用同一单位".into(),
                        "series drawn on one axis must share its unit".into(),
                    ],
                );
            }
            if s.points.is_empty() {
                self.empty(format!("{sp}/points"), "数据点", "point list");
            }
            if s.points.len() > MAX_POINTS_PER_SERIES {
                self.push(
                    format!("{sp}/points"),
                    "too-many-points",
                    [
                        format!("一个系列最多{MAX_POINTS_PER_SERIES}个数据点"),
                        format!("a series may have at most {MAX_POINTS_PER_SERIES} points"),
                        "汇总数据或拆分系列".into(),
                        "aggregate the data or split the series".into(),
                    ],
                );
                continue;
            }
            let mut xs = StrSet::new();
            for (j, p) in s.points.iter().enumerate() {
                let pp = format!("{sp}/points/{j}");
                if !cats.contains(p.x.as_str()) {
                    self.push(
                        format!("{pp}/x"),
                        "unknown-category",
                        [
                            format!("数据点的分类“{}”不在图表的分类列表中", p.x),
                            format!(
                                "point category “{}” is not one of the chart's categories",
                                p.x
                            ),
                            "在 categories 中加入它,或改正拼写".into(),
                            "add it to categories or fix its spelling".into(),
                        ],
                    );
                }
                if !xs.insert(p.x.as_str()) {
                    self.push(
                        format!("{pp}/x"),
                        "duplicate-point",
                        [
                            format!("分类“{}”在同一系列中有两个数据点", p.x),
                            format!("category “{}” has two points in one series", p.x),
                            "每个分类最多一个数据点".into(),
                            "give each category at most one point".into(),
                        ],
                    );
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
pub fn validate(report: &Report) -> Vec<Problem> {
    let mut c = Checker {
        report,
        ids: StrSet::new(),
        problems: Vec::new(),
    };
    if report.format_version != FORMAT_VERSION {
        c.push(
            "/format_version".into(),
            "unsupported-version",
            [
                format!("格式版本 {} 不受支持", report.format_version),
                format!("format version {} is not supported", report.format_version),
                format!("本查看器读取格式版本 {FORMAT_VERSION}"),
                format!("this viewer reads format version {FORMAT_VERSION}"),
            ],
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
            c.push(
                "/meta/canonical_url".into(),
                "bad-url",
                [
                    format!("原文地址“{url}”不是 http 或 https 地址"),
                    format!("canonical address “{url}” is not an http or https URL"),
                    "填写 http:// 或 https:// 开头的网址".into(),
                    "use an http:// or https:// address".into(),
                ],
            );
        }
    }
    for (i, origin) in report.viewer.embed_origins.iter().enumerate() {
        if !is_origin(origin) {
            c.push(
                format!("/viewer/embed_origins/{i}"),
                "bad-origin",
                [
                    format!("“{origin}”不是网页来源"),
                    format!("“{origin}” is not a web origin"),
                    "写成 https://主机名[:端口],不带路径;或写 * 允许任何来源".into(),
                    "write https://host[:port] with no path, or * for any origin".into(),
                ],
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
