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

use super::html_meta::{meta_tags, Labels};
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

/// Characters of text under `n` (not counting spaces, skipped elements,
/// `skip` nodes, or link text when `links` is false).
fn text_len(n: NodeRef<'_, Node>, links: bool, skip: &[ego_tree::NodeId]) -> usize {
    match n.value() {
        Node::Text(t) => t.chars().filter(|c| !c.is_whitespace()).count(),
        Node::Element(e) => {
            if skipped(n) || skip.contains(&n.id()) || (!links && e.name() == "a") {
                return 0;
            }
            n.children().map(|c| text_len(c, links, skip)).sum()
        }
        _ => 0,
    }
}

/// Whether `n` holds no block element: a paragraph of its own.
fn is_leaf_block(n: NodeRef<'_, Node>) -> bool {
    n.descendants()
        .skip(1)
        .filter_map(element)
        .all(|e| !BLOCKS.contains(&e.name()) && e.name() != "table" && e.name() != "br")
}

/// The article body; see the module's note.
fn find_body<'a>(doc: &'a Html, skip: &[ego_tree::NodeId]) -> NodeRef<'a, Node> {
    let root = *doc.root_element();
    let mut best = (0usize, root);
    for n in root.descendants().filter(|n| element(*n).is_some()) {
        if skipped(n) || n.ancestors().any(|a| skipped(a) || skip.contains(&a.id())) {
            continue;
        }
        let score: usize = n
            .children()
            .map(|c| match c.value() {
                Node::Text(_) => text_len(c, false, skip),
                Node::Element(e) if e.name() == "table" && !skip.contains(&c.id()) => {
                    text_len(c, false, skip) / 2
                }
                Node::Element(e) if e.name() != "a" && is_leaf_block(c) => text_len(c, false, skip),
                _ => 0,
            })
            .sum();
        if score > best.0 {
            best = (score, n);
        }
    }
    let mut body = best.1;
    let own = text_len(body, false, skip);
    // A CMS container that holds most of the text.
    if let Some(cms) = root.descendants().find(|n| {
        element(*n).is_some_and(|e| {
            let names = format!(
                "{} {}",
                e.attr("class").unwrap_or_default(),
                e.id().unwrap_or_default()
            );
            names.to_ascii_lowercase().contains("trs_editor")
        })
    }) {
        if text_len(cms, false, skip) * 2 >= own {
            return cms;
        }
    }
    // Widen while the parent adds little (a title above, a table beside).
    while let Some(parent) = body
        .parent()
        .filter(|p| element(*p).is_some_and(|e| e.name() != "body" && e.name() != "html"))
    {
        let more = text_len(parent, false, skip).saturating_sub(own);
        if more * 10 > own.max(2000) {
            break;
        }
        body = parent;
    }
    body
}

/// Reads a page.
pub fn read(text: &str) -> Document {
    let html = Html::parse_document(text);
    let mut doc = Document {
        unit: Unit::Paragraph,
        ..Document::default()
    };
    // The disclosure header first: its 发布机构 is the issuer, where the
    // `ContentSource` tag may name the office that posted the page.
    let labels = Labels::scan(&html, &mut doc.stated);
    meta_tags(&html, &mut doc.stated);
    let body = find_body(&html, &labels.containers);
    let mut out = Out {
        skip: &labels.containers,
        doc: &mut doc,
        line: String::new(),
        bold_end: None,
        title_like: false,
        links_only: true,
        pictures: 0,
        paragraphs: 0,
    };
    out.walk(body, false);
    out.flush();
    let pictures = out.pictures;
    if pictures > 0 {
        doc.warnings.push(format!(
            "正文中有{pictures}张图片,未导入;图中的数字请用表格给出 / the article has {pictures} picture(s), which were not imported; give their numbers as tables"
        ));
    }
    labels.info_lines(&mut doc);
    doc
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
    let mut doc = read(text);
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
struct Out<'d> {
    skip: &'d [ego_tree::NodeId],
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

impl Out<'_> {
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

    fn walk(&mut self, n: NodeRef<'_, Node>, in_link: bool) {
        match n.value() {
            Node::Text(t) => self.push_text(t, in_link),
            Node::Element(e) => {
                if skipped(n) || self.skip.contains(&n.id()) {
                    return;
                }
                let name = e.name();
                match name {
                    "br" => self.flush(),
                    "img" => self.pictures += 1,
                    "table" if is_data_table(n) => {
                        self.flush();
                        let grid = read_table(n, self.paragraphs);
                        self.doc.items.push(Item::Table(grid));
                    }
                    _ if BLOCKS.contains(&name) || name == "table" => {
                        self.flush();
                        self.title_like = matches!(name, "h1" | "h2" | "h3");
                        for c in n.children() {
                            self.walk(c, in_link);
                        }
                        self.flush();
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
                        for c in n.children() {
                            self.walk(c, in_link || name == "a");
                        }
                        if leads {
                            self.bold_end = Some(self.line.trim_end().len());
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// A table of data, not one that lays out the page: rows and columns, no
/// table inside, no long text in a cell.
fn is_data_table(n: NodeRef<'_, Node>) -> bool {
    let rows: Vec<_> = n
        .descendants()
        .filter(|d| element(*d).is_some_and(|e| e.name() == "tr"))
        .collect();
    let nested = n
        .descendants()
        .skip(1)
        .any(|d| element(d).is_some_and(|e| e.name() == "table"));
    let widest = rows
        .iter()
        .map(|r| {
            r.children()
                .filter(|c| element(*c).is_some_and(|e| matches!(e.name(), "td" | "th")))
                .count()
        })
        .max()
        .unwrap_or(0);
    let longest = n
        .descendants()
        .filter(|d| element(*d).is_some_and(|e| matches!(e.name(), "td" | "th")))
        .map(|c| text_len(c, true, &[]))
        .max()
        .unwrap_or(0);
    !nested && rows.len() >= 2 && widest >= 2 && longest <= 300
}

/// The words of a cell, its paragraphs joined by a space.
fn cell_text(n: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in n.descendants() {
        if d.ancestors().any(skipped) {
            continue;
        }
        match d.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name() == "br" || BLOCKS.contains(&e.name()) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_table(n: NodeRef<'_, Node>, at: usize) -> Grid {
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
            "caption" => caption = Some(cell_text(d)).filter(|c| !c.is_empty()),
            "tr" => {
                let cells: Vec<(GridCell, bool)> = d
                    .children()
                    .filter_map(|c| {
                        let ce = element(c)?;
                        matches!(ce.name(), "td" | "th").then(|| {
                            let cell = GridCell {
                                text: cell_text(c),
                                colspan: span(ce, "colspan"),
                                rowspan: span(ce, "rowspan"),
                            };
                            (cell, ce.name() == "th")
                        })
                    })
                    .collect();
                let in_thead = d
                    .ancestors()
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
