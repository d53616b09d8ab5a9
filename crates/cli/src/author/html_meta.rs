//! The metadata a government page states about its document: the `<meta>`
//! tags the national site guidelines ask for (`ArticleTitle`, `PubDate`,
//! `ContentSource`, `Url`), the canonical link, `<title>`, the 信息公开
//! header (索引号, 发布机构, 成文日期, 发布日期, 文号, 标题 in a table or a
//! list of labelled items) and the article's info line (`发布时间:…
//! 来源:… 浏览次数:`). Each value keeps where it was read, for the
//! warnings and `meta.note`.

use std::collections::HashSet;
use std::sync::LazyLock;

use ego_tree::NodeId;
use regex::Regex;
use scraper::{Html, Node, Selector};

use super::html_tree::Facts;
use super::source::{Document, Item, Stated};

/// Labels of a disclosure header, and which metadata field each fills.
const LABELS: &[(&str, Field)] = &[
    ("索引号", Field::Index),
    ("发布机构", Field::Issuer),
    ("发文机关", Field::Issuer),
    ("发文单位", Field::Issuer),
    ("发布单位", Field::Issuer),
    ("成文日期", Field::Written),
    ("发文日期", Field::Written),
    ("发布日期", Field::Published),
    ("公开日期", Field::Published),
    ("发文字号", Field::Number),
    ("文号", Field::Number),
    ("文件名称", Field::Title),
    ("标题", Field::Title),
    ("信息来源", Field::Source),
    ("主题分类", Field::Other),
    ("主题词", Field::Other),
    ("体裁分类", Field::Other),
    ("组配分类", Field::Other),
    ("服务对象分类", Field::Other),
    ("有效性", Field::Other),
    ("公开方式", Field::Other),
    ("公开范围", Field::Other),
    ("公开时限", Field::Other),
    ("生效日期", Field::Other),
    ("废止日期", Field::Other),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Index,
    Issuer,
    Written,
    Published,
    Number,
    Title,
    Source,
    Other,
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<&str> = LABELS.iter().map(|(l, _)| *l).collect();
    Regex::new(&format!(r"(?:^|\s)({})\s*[:：]?\s*", names.join("|"))).expect("a valid pattern")
});

/// The `<meta>` tags, canonical link and `<title>` of a page.
pub fn meta_tags(html: &Html, stated: &mut Stated) {
    let select = |s: &str| Selector::parse(s).expect("a valid selector");
    for m in html.select(&select("meta[name], meta[property]")) {
        let e = m.value();
        let name = e
            .attr("name")
            .or_else(|| e.attr("property"))
            .unwrap_or_default();
        let content = e.attr("content").unwrap_or_default();
        let (zh, en) = (
            format!("网页的 {name} 元数据"),
            format!("the page's {name} meta tag"),
        );
        match name.to_ascii_lowercase().as_str() {
            "articletitle" => Stated::offer(&mut stated.title, content, &zh, &en),
            "pubdate" => Stated::offer(&mut stated.published, content, &zh, &en),
            "contentsource" => Stated::offer(&mut stated.issuer, content, &zh, &en),
            "url" | "og:url" => Stated::offer(&mut stated.canonical_url, content, &zh, &en),
            _ => {}
        }
    }
    if let Some(link) = html.select(&select("link[rel=canonical]")).next() {
        let href = link.value().attr("href").unwrap_or_default();
        Stated::offer(
            &mut stated.canonical_url,
            href,
            "网页的 canonical 链接",
            "the page's canonical link",
        );
    }
    if let Some(title) = html.select(&select("title")).next() {
        let text: String = title.text().collect();
        // `报告标题_某区人民政府` or `报告标题 - 网站名`: the first part.
        let first = text
            .split(['_', '|', '｜'])
            .next()
            .unwrap_or_default()
            .split(" - ")
            .next()
            .unwrap_or_default();
        Stated::offer(
            &mut stated.page_title,
            first.trim(),
            "网页标题(<title>)",
            "the page's <title>",
        );
    }
}

/// The words of `n` with a space wherever an element begins or ends, so
/// that table cells and list items stay apart.
fn spaced_text(n: ego_tree::NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for edge in n.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(d) | ego_tree::iter::Edge::Close(d) => match d.value() {
                Node::Text(t) => {
                    if matches!(edge, ego_tree::iter::Edge::Open(_)) {
                        out.push_str(t);
                    }
                }
                Node::Element(e) if !matches!(e.name(), "script" | "style") => out.push(' '),
                _ => {}
            },
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `LABEL: value LABEL: value …` in `text`: each label with the words up
/// to the next label.
fn pairs(text: &str) -> Vec<(&'static str, Field, String)> {
    let found: Vec<(usize, usize, &str)> = LABEL
        .captures_iter(text)
        .map(|c| {
            let whole = c.get(0).expect("a match");
            (
                whole.start(),
                whole.end(),
                c.get(1).expect("a label").as_str(),
            )
        })
        .collect();
    found
        .iter()
        .enumerate()
        .filter_map(|(i, &(_, end, label))| {
            let to = found.get(i + 1).map_or(text.len(), |f| f.0);
            let value = text[end..to]
                .trim()
                .trim_end_matches(['|', '｜', ';', '；'])
                .trim();
            let (name, field) = LABELS.iter().find(|(l, _)| *l == label)?;
            Some((*name, *field, value.to_string()))
        })
        .collect()
}

/// The disclosure header of a page: what it states, and the elements that
/// hold it (left out of the body).
pub struct Labels {
    /// The header's elements.
    pub containers: HashSet<NodeId>,
}

/// How many times label words occur in `text` (a count that is never
/// below what [`pairs`] finds, so a subtree with fewer than two is passed
/// over without reading its text).
pub fn count_labels(text: &str) -> usize {
    static WORD: LazyLock<Regex> = LazyLock::new(|| {
        let names: Vec<&str> = LABELS.iter().map(|(l, _)| *l).collect();
        Regex::new(&names.join("|")).expect("a valid pattern")
    });
    WORD.find_iter(text).count()
}

/// A header is short: its text at most this many characters, and at
/// most this many elements.
const HEADER_CHARS: usize = 600;
const HEADER_ELEMENTS: usize = 400;
/// Elements whose text is read to look for the header, at most: a page
/// has one or two.
const HEADER_TRIES: usize = 200;

impl Labels {
    /// Finds the header: the outermost short element (a table, a list)
    /// whose text has two labels or more. Only elements that are short
    /// and hold two label words (known from `facts`, without reading
    /// their text) are read.
    pub fn scan(facts: &Facts<'_>, stated: &mut Stated) -> Labels {
        let mut containers: HashSet<NodeId> = HashSet::new();
        let mut inside = vec![false; facts.order.len()];
        let mut written = None;
        let mut tries = 0;
        for (i, n) in facts.order.iter().enumerate() {
            if let Some(p) = n.parent().and_then(|p| facts.at(p)) {
                inside[i] = inside[p] || containers.contains(&facts.order[p].id());
            }
            let Some(e) = n.value().as_element() else {
                continue;
            };
            if matches!(e.name(), "html" | "body" | "head" | "script" | "style")
                || inside[i]
                || facts.labels[i] < 2
                || facts.chars[i] > HEADER_CHARS
                || facts.elements[i] > HEADER_ELEMENTS
                || tries >= HEADER_TRIES
            {
                continue;
            }
            tries += 1;
            let text = spaced_text(*n);
            if text.chars().count() > HEADER_CHARS {
                continue;
            }
            let found = pairs(&text);
            // Labelled values only: not a container that holds the article too.
            let before = LABEL.find(&text).map_or(usize::MAX, |m| m.start());
            if found.len() < 2 || before > 60 || found.iter().any(|(.., v)| v.chars().count() > 100)
            {
                continue;
            }
            containers.insert(n.id());
            for (label, field, value) in found {
                let zh = format!("网页信息公开表头“{label}”栏");
                let en = format!("the page's disclosure header ({label})");
                match field {
                    Field::Index => Stated::offer(&mut stated.index_number, &value, &zh, &en),
                    Field::Issuer => Stated::offer(&mut stated.issuer, &value, &zh, &en),
                    Field::Published => Stated::offer(&mut stated.published, &value, &zh, &en),
                    Field::Number => Stated::offer(&mut stated.document_number, &value, &zh, &en),
                    Field::Title => Stated::offer(&mut stated.title, &value, &zh, &en),
                    Field::Written => Stated::offer(&mut written, &value, &zh, &en),
                    Field::Source | Field::Other => {}
                }
            }
        }
        // The date written stands in for the date published when the page
        // gives no other.
        if stated.published.is_none() {
            stated.published = written;
        }
        Labels { containers }
    }

    /// Takes the article's info line (`发布时间:2025-01-21 来源:区司法局
    /// 浏览次数:`) out of the text, reading its date and source.
    pub fn info_lines(&self, doc: &mut Document) {
        static INFO: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(发布时间|发布日期|日期|时间|来源|信息来源|作者|编辑|责任编辑|浏览次数|点击数|访问量|阅读次数)\s*[:：]\s*([^\s:：]*(?:\s\d{1,2}:\d{2}(?::\d{2})?)?)")
                .expect("a valid pattern")
        });
        let mut removed = Vec::new();
        doc.items.retain(|item| {
            let Item::Para(p) = item else { return true };
            let fields: Vec<(String, String)> = INFO
                .captures_iter(&p.text)
                .map(|c| (c[1].to_string(), c[2].to_string()))
                .collect();
            let starts = INFO.find(&p.text).is_some_and(|m| m.start() == 0);
            if fields.is_empty() || !starts || p.text.chars().count() > 150 {
                return true;
            }
            for (label, value) in &fields {
                let zh = format!("网页正文上方的“{label}”");
                let en = format!("the article's info line ({label})");
                match label.as_str() {
                    "发布时间" | "发布日期" | "日期" | "时间" => {
                        Stated::offer(&mut doc.stated.published, value, &zh, &en)
                    }
                    "来源" | "信息来源" => {
                        Stated::offer(&mut doc.stated.issuer, value, &zh, &en)
                    }
                    _ => {}
                }
            }
            removed.push((p.n, p.text.clone()));
            false
        });
        for (n, text) in removed {
            doc.warnings.push(format!(
                "第{n}段“{text}”是网页的发布信息,已读入元数据并略去 / paragraph {n} “{text}” is the page's publishing line: read as metadata, left out"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labelled_pairs() {
        let p = pairs("索引号： 11370282/2025-00012 发布机构： 青岛市即墨区人民政府 文号： 无 发布日期： 2025-01-21");
        let got: Vec<(&str, String)> = p.iter().map(|(l, _, v)| (*l, v.clone())).collect();
        assert_eq!(
            got,
            [
                ("索引号", "11370282/2025-00012".to_string()),
                ("发布机构", "青岛市即墨区人民政府".to_string()),
                ("文号", "无".to_string()),
                ("发布日期", "2025-01-21".to_string()),
            ]
        );
    }
}
