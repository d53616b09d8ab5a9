//! Published web pages (`.html`, or `.mhtml` as a browser saves them) as a
//! [`Document`]: the article body, without the site around it, its
//! paragraphs, bold run-in headings and tables, and the metadata the page
//! states (the 信息公开 header table, the `<meta>` tags government sites
//! carry, `<title>`).
//!
//! The body is the element whose own paragraphs hold the most text
//! (links not counted), widened to its parent while that adds little; a
//! CMS container (`TRS_Editor`) is taken when it holds most of that text.
//! Inside it, navigation, breadcrumbs, search, share bars, print and font
//! size controls, counters, forms, scripts and hidden elements are
//! dropped; the importer drops what chrome lines remain, with a warning.

use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::source::problem;
use report_format::{Code, Problem};

use super::html_meta::{count_labels, meta_tags, Labels};
use super::html_tree::{self, Facts, Over};
use super::limits::{
    check_chars, MAX_PAGE_CHARS, MAX_PAGE_DEPTH, MAX_PAGE_ELEMENTS, MAX_PARAGRAPHS,
};
use super::source::{Document, Grid, GridCell, Item, Para, Unit};

/// Elements whose content is never report text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "select",
    "button", "input", "textarea", "iframe", "object", "embed", "svg", "canvas", "head", "title",
    "audio", "video", "map", "dialog",
];

/// Class and id words that mark site chrome.
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "foot",
    "footer",
    "print",
    "position",
    "location",
    "related",
    "share",
    "bdshare",
    "bshare",
    "jiathis",
    "search",
    "searchbox",
    "breadcrumb",
    "crumb",
    "crumbs",
    "copyright",
    "toolbar",
    "sidebar",
    "gotop",
    "backtop",
    "qrcode",
    "erweima",
    "fontsize",
    "xgxx",
    "xgwz",
    "comment",
];

/// Block elements: each ends a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "dl",
    "blockquote",
    "section",
    "article",
    "center",
    "pre",
    "ul",
    "ol",
    "address",
    "figure",
    "figcaption",
    "header",
    "main",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
];

fn element(n: NodeRef<'_, Node>) -> Option<&scraper::node::Element> {
    n.value().as_element()
}

/// Whether an element is chrome or hidden; see the module's note.
fn skipped(n: NodeRef<'_, Node>) -> bool {
    let Some(e) = element(n) else {
        return false;
    };
    if SKIP_TAGS.contains(&e.name()) || e.attr("hidden").is_some() {
        return true;
    }
    let style: String = e
        .attr("style")
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return true;
    }
    let names = format!(
        "{} {}",
        e.attr("class").unwrap_or_default(),
        e.id().unwrap_or_default()
    )
    .to_ascii_lowercase();
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| CHROME_WORDS.contains(&w))
        || names.contains("font-size")
        || names.contains("font_size")
}

/// Whether `name` is a block element.
fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// The article body; see the module's note. Every count comes from
/// `facts`, so finding it costs one look at each node.
fn find_body<'a>(root: NodeRef<'a, Node>, facts: &Facts<'a>) -> NodeRef<'a, Node> {
    let mut best = (0usize, root);
    for (i, n) in facts.order.iter().enumerate() {
        if element(*n).is_none() || facts.skipped[i] || facts.left_out[i] {
            continue;
        }
        let score: usize = n
            .children()
            .map(|c| {
                let k = facts.of(c);
                match c.value() {
                    Node::Text(_) => facts.text[k],
                    Node::Element(e) if e.name() == "table" && !facts.container[k] => {
                        facts.text[k] / 2
                    }
                    Node::Element(e) if e.name() != "a" && !facts.has_block[k] => facts.text[k],
                    _ => 0,
                }
            })
            .sum();
        if score > best.0 {
            best = (score, *n);
        }
    }
    let mut body = best.1;
    let own = facts.text[facts.of(body)];
    // A CMS container that holds most of the text.
    if let Some(cms) = facts.order.iter().find(|n| {
        element(**n).is_some_and(|e| {
            let names = format!(
                "{} {}",
                e.attr("class").unwrap_or_default(),
                e.id().unwrap_or_default()
            );
            names.to_ascii_lowercase().contains("trs_editor")
        })
    }) {
        if facts.text[facts.of(*cms)] * 2 >= own {
            return *cms;
        }
    }
    // Widen while the parent adds little (a title above, a table beside).
    while let Some(parent) = body
        .parent()
        .filter(|p| element(*p).is_some_and(|e| e.name() != "body" && e.name() != "html"))
    {
        let more = facts.text[facts.of(parent)].saturating_sub(own);
        if more * 10 > own.max(2000) {
            break;
        }
        body = parent;
    }
    body
}

/// Reads a page: refused past the limits on elements and nesting, with
/// the line where the parse stopped.
pub fn read(name: &str, text: &str) -> Result<Document, Box<Problem>> {
    let html = html_tree::parse(text).map_err(|over| {
        let (code, args) = match over {
            Over::Elements(line) => (
                Code::TooManyElements,
                vec![
                    name.to_string(),
                    MAX_PAGE_ELEMENTS.to_string(),
                    line.to_string(),
                ],
            ),
            Over::Depth(line) => (
                Code::NestedTooDeep,
                vec![
                    name.to_string(),
                    "网页元素".into(),
                    "the markup".into(),
                    MAX_PAGE_DEPTH.to_string(),
                    format!("第{line}行"),
                    format!("line {line}"),
                ],
            ),
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        problem(code, name, &args)
    })?;
    read_tree(&html).map_err(|()| {
        let max = MAX_PARAGRAPHS.to_string();
        problem(Code::TooManyParagraphs, name, &[name, &max, &max])
    })
}

/// Reads a parsed page; `Err` when it has more than [`MAX_PARAGRAPHS`]
/// paragraphs (the walk stops there).
fn read_tree(html: &Html) -> Result<Document, ()> {
    let mut doc = Document {
        unit: Unit::Paragraph,
        ..Document::default()
    };
    let root = *html.root_element();
    let mut facts = Facts::new(root, skipped, is_block, count_labels);
    // The disclosure header first: its 发布机构 is the issuer, where the
    // `ContentSource` tag may name the office that posted the page.
    let labels = Labels::scan(&facts, &mut doc.stated);
    facts.leave_out(&labels.containers);
    meta_tags(html, &mut doc.stated);
    let body = find_body(root, &facts);
    let mut out = Out {
        facts: &facts,
        doc: &mut doc,
        line: String::new(),
        bold_end: None,
        title_like: false,
        links_only: true,
        pictures: 0,
        paragraphs: 0,
    };
    out.walk(body);
    out.flush();
    if out.paragraphs > MAX_PARAGRAPHS {
        return Err(());
    }
    let pictures = out.pictures;
    if pictures > 0 {
        doc.warnings.push(format!(
            "正文中有{pictures}张图片,未导入;图中的数字请用表格给出 / the article has {pictures} picture(s), which were not imported; give their numbers as tables"
        ));
    }
    labels.info_lines(&mut doc);
    Ok(doc)
}

/// Reads a page saved as MHTML: its HTML part, and the address it was
/// saved from.
pub fn read_mhtml(name: &str, bytes: &[u8]) -> Result<Document, Box<Problem>> {
    use mail_parser::{MessageParser, MimeHeaders};
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| problem(Code::UnknownFile, name, &[name]))?;
    let part = message
        .parts
        .iter()
        .find(|p| p.is_text_html())
        .ok_or_else(|| problem(Code::UnknownFile, name, &[name]))?;
    let text = part
        .text_contents()
        .ok_or_else(|| problem(Code::UnknownFile, name, &[name]))?;
    check_chars(name, text, MAX_PAGE_CHARS)?;
    let mut doc = read(name, text)?;
    let saved_from = message
        .header_raw("Snapshot-Content-Location")
        .map(str::trim)
        .or_else(|| part.content_location());
    if let Some(url) = saved_from {
        super::source::Stated::offer(
            &mut doc.stated.canonical_url,
            url,
            "MHTML 文件记录的网页地址",
            "the address the MHTML file was saved from",
        );
    }
    Ok(doc)
}

/// The paragraphs being collected.
struct Out<'d, 'a> {
    facts: &'d Facts<'a>,
    doc: &'d mut Document,
    line: String,
    /// Where the bold print at the start of `line` ends.
    bold_end: Option<usize>,
    title_like: bool,
    /// No text but link text in `line` so far.
    links_only: bool,
    pictures: usize,
    paragraphs: usize,
}

impl Out<'_, '_> {
    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        let (bold_end, title_like, links_only) =
            (self.bold_end.take(), self.title_like, self.links_only);
        self.title_like = false;
        self.links_only = true;
        let text = line.trim();
        if text.is_empty() {
            return;
        }
        self.paragraphs += 1;
        if links_only {
            self.doc.warnings.push(format!(
                "第{}段“{text}”只有链接,已略去 / paragraph {} “{text}” is only links, left out",
                self.paragraphs, self.paragraphs
            ));
            return;
        }
        let lead = line.len() - line.trim_start().len();
        let bold = bold_end.map_or(0, |b| b.saturating_sub(lead).min(text.len()));
        self.doc.items.push(Item::Para(Para {
            text: text.to_string(),
            n: self.paragraphs,
            bold: if text.is_char_boundary(bold) { bold } else { 0 },
            title_like,
        }));
    }

    fn push_text(&mut self, t: &str, in_link: bool) {
        let mut last_space = self.line.ends_with(' ') || self.line.is_empty();
        for c in t.chars() {
            let c = if c == '\u{a0}' { ' ' } else { c };
            if c.is_whitespace() && c != '\u{3000}' {
                if !last_space {
                    self.line.push(' ');
                    last_space = true;
                }
            } else {
                self.line.push(c);
                last_space = false;
                if !in_link {
                    self.links_only = false;
                }
            }
        }
    }

    /// Collects the paragraphs under `top`, in document order, with a
    /// stack of its own: a page's nesting never reaches the call stack.
    fn walk<'n>(&mut self, top: NodeRef<'n, Node>) {
        enum Step<'n> {
            Visit(NodeRef<'n, Node>, bool),
            EndBlock,
            EndInline(bool),
        }
        let mut stack = vec![Step::Visit(top, false)];
        while let Some(step) = stack.pop() {
            if self.paragraphs > MAX_PARAGRAPHS {
                return;
            }
            let (n, in_link) = match step {
                Step::Visit(n, in_link) => (n, in_link),
                Step::EndBlock => {
                    self.flush();
                    continue;
                }
                Step::EndInline(leads) => {
                    if leads {
                        self.bold_end = Some(self.line.trim_end().len());
                    }
                    continue;
                }
            };
            let e = match n.value() {
                Node::Text(t) => {
                    self.push_text(t, in_link);
                    continue;
                }
                Node::Element(e) => e,
                _ => continue,
            };
            let k = self.facts.of(n);
            if self.facts.skipped[k] || self.facts.container[k] {
                continue;
            }
            let name = e.name();
            let children = |stack: &mut Vec<Step<'n>>, in_link: bool| {
                let kids: Vec<_> = n.children().collect();
                stack.extend(kids.into_iter().rev().map(|c| Step::Visit(c, in_link)));
            };
            match name {
                "br" => self.flush(),
                "img" => self.pictures += 1,
                "table" if is_data_table(n, self.facts) => {
                    self.flush();
                    let grid = read_table(n, self.paragraphs, self.facts);
                    self.doc.items.push(Item::Table(grid));
                }
                _ if is_block(name) || name == "table" => {
                    self.flush();
                    self.title_like = matches!(name, "h1" | "h2" | "h3");
                    stack.push(Step::EndBlock);
                    children(&mut stack, in_link);
                }
                _ => {
                    let style = e.attr("style").unwrap_or_default().replace(' ', "");
                    let bold = matches!(name, "strong" | "b")
                        || style.contains("font-weight:bold")
                        || style.contains("font-weight:700");
                    // Bold print at the start of a paragraph (or right
                    // after bold print there) is a run-in heading.
                    let leads = bold
                        && (self.line.trim().is_empty()
                            || self.bold_end == Some(self.line.trim_end().len()));
                    stack.push(Step::EndInline(leads));
                    children(&mut stack, in_link || name == "a");
                }
            }
        }
    }
}

/// A table of data, not one that lays out the page: rows and columns, no
/// table inside, no long text in a cell. A table with a table inside is
/// answered from `facts`; only the others, which never overlap, are read.
fn is_data_table(n: NodeRef<'_, Node>, facts: &Facts<'_>) -> bool {
    if facts.has_table[facts.of(n)] {
        return false;
    }
    let (mut rows, mut widest, mut longest) = (0usize, 0usize, 0usize);
    for d in n.descendants() {
        let Some(e) = element(d) else { continue };
        match e.name() {
            "tr" => {
                rows += 1;
                let cells = d
                    .children()
                    .filter(|c| element(*c).is_some_and(|e| matches!(e.name(), "td" | "th")))
                    .count();
                widest = widest.max(cells);
            }
            "td" | "th" => longest = longest.max(facts.text_links[facts.of(d)]),
            _ => {}
        }
    }
    rows >= 2 && widest >= 2 && longest <= 300
}

/// The words of a cell, its paragraphs joined by a space.
fn cell_text(n: NodeRef<'_, Node>, facts: &Facts<'_>) -> String {
    let mut out = String::new();
    for d in n.descendants() {
        if d.parent().is_some_and(|p| facts.hidden[facts.of(p)]) {
            continue;
        }
        match d.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name() == "br" || is_block(e.name()) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_table(n: NodeRef<'_, Node>, at: usize, facts: &Facts<'_>) -> Grid {
    let span = |e: &scraper::node::Element, name: &str| {
        e.attr(name)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, 1000)
    };
    let mut rows = Vec::new();
    let (mut head_rows, mut in_head_done) = (0, false);
    let mut caption = None;
    for d in n.descendants() {
        let Some(e) = element(d) else { continue };
        match e.name() {
            "caption" => caption = Some(cell_text(d, facts)).filter(|c| !c.is_empty()),
            "tr" => {
                let cells: Vec<(GridCell, bool)> = d
                    .children()
                    .filter_map(|c| {
                        let ce = element(c)?;
                        matches!(ce.name(), "td" | "th").then(|| {
                            let cell = GridCell {
                                text: cell_text(c, facts),
                                colspan: span(ce, "colspan"),
                                rowspan: span(ce, "rowspan"),
                            };
                            (cell, ce.name() == "th")
                        })
                    })
                    .collect();
                // Only as far up as the table itself.
                let in_thead = d
                    .ancestors()
                    .take_while(|a| a.id() != n.id())
                    .any(|a| element(a).is_some_and(|e| e.name() == "thead"));
                let all_th = !cells.is_empty() && cells.iter().all(|(_, th)| *th);
                if !in_head_done && (in_thead || all_th) {
                    head_rows += 1;
                } else {
                    in_head_done = true;
                }
                rows.push(cells.into_iter().map(|(c, _)| c).collect());
            }
            _ => {}
        }
    }
    Grid {
        rows,
        head_rows: (head_rows > 0).then_some(head_rows),
        caption,
        n: at,
    }
}
