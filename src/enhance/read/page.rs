//! The page side of reading aloud: which elements are read and in what
//! order, what each one says (read from the page as shown), and the
//! sentence being said painted over the page's own text and kept in view.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use const_format::concatcp;

use super::super::{all, closest, document, window, CONTENT};
use crate::hooks::{
    Action, BADGE, CARD, CARD_LABEL, CARD_VALUE, CHART, CHART_DESC, CHART_NOTES, CHART_SUMMARY,
    CHART_TABLE, CHART_TITLE, CHART_UNIT, DEPTH_0, LIST, NOTE, NUM, PARA, READING_ATTR, SR_ONLY,
    TABLE_WRAP, TITLE_BLOCK, UNIT,
};
use crate::state::read::Piece;

/// What reading goes through, in document order: the title, headings,
/// running text, key figures, and each chart's caption, description,
/// summary, notes and table rows (a chart's table comes after its summary
/// in the page), report tables' captions and rows.
// One selector, kept on few lines to read as one.
#[rustfmt::skip]
pub(super) const READABLE: &str = concatcp!(
    TITLE_BLOCK.sel, " h1, ", CONTENT, " :is(summary > :is(h2, h3, h4), ",
    PARA.sel, ", ", NOTE.sel, ", ", LIST.sel, " > li, ", CARD.sel, ", ",
    CHART.sel, " > figcaption, ", CHART_DESC.sel, ", ", CHART_SUMMARY.sel, " > li, ",
    CHART_NOTES.sel, " > li, ", CHART_TABLE.sel, " tbody > tr, ",
    TABLE_WRAP.sel, " caption, ", TABLE_WRAP.sel, " tbody > tr)",
);

/// The name the sentence being said is registered under in
/// `CSS.highlights`.
const READING: &str = "reading";

/// The index of the first of `blocks` inside the element `id`, if any.
pub(super) fn first_in(blocks: &[Element], id: &str) -> Option<usize> {
    let at = document().get_element_by_id(id)?;
    blocks.iter().position(|b| at.contains(Some(b)))
}

/// The index of the first of `blocks` in view: the first that starts in
/// the window, or that fills most of it from above. Blocks before the
/// part the contents mark as being read are above the window, so the
/// search starts at that part.
pub(super) fn in_view(blocks: &[Element]) -> usize {
    let part = document()
        .get_element_by_id(&super::super::contents::current())
        .and_then(|s| closest(&s, DEPTH_0.sel));
    let from = part.and_then(|p| first_in(blocks, &p.id())).unwrap_or(0);
    let h = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    blocks[from..]
        .iter()
        .position(|b| {
            // A chart's table, kept for screen readers while the drawing
            // shows, is a 1 px box whose rows overflow it anywhere: where
            // a reader sees it is where its chart is.
            let seen = closest(b, SR_ONLY.sel)
                .and_then(|_| closest(b, CHART.sel))
                .unwrap_or_else(|| b.clone());
            let r = seen.get_bounding_client_rect();
            b.get_client_rects().length() > 0 && (r.top() > -4.0 || r.bottom() > h * 0.5)
        })
        .map_or(from, |i| from + i)
}

/// The language the element's text is in, as the page marks it.
pub(super) fn lang_of(el: &Element) -> String {
    closest(el, "[lang]")
        .and_then(|l| l.get_attribute("lang"))
        .unwrap_or_else(|| "zh-CN".into())
}

/// Reads what element `el` says, opening the sections around it; an
/// element that is not shown (outside an embedded section) says nothing.
// One copy for both callers (starting and moving on), not one each.
#[inline(never)]
pub(super) fn piece(el: &Element) -> Piece {
    super::super::sections::reveal(el);
    if el.get_client_rects().length() == 0 {
        return Piece::Silent;
    }
    let text_of = |e: &Element| e.text_content().unwrap_or_default();
    let part = |sel: &str| {
        el.query_selector(sel)
            .ok()
            .flatten()
            .map(|e| text_of(&e))
            .unwrap_or_default()
    };
    match el.tag_name().as_str() {
        "H1" | "H2" | "H3" | "H4" => Piece::Heading(text_of(el)),
        "FIGCAPTION" => Piece::Chart {
            // The chart/table switch's word for a chart, as the page shows it.
            kind: el
                .parent_element()
                .and_then(|f| {
                    f.query_selector(&Action::ShowChart.selector())
                        .ok()
                        .flatten()
                })
                .map(|b| text_of(&b))
                .unwrap_or_default(),
            title: part(CHART_TITLE.sel),
            unit: part(CHART_UNIT.sel),
        },
        "CAPTION" => Piece::Caption(text_of(el)),
        "TR" => row(el),
        _ if el.class_list().contains(CARD.name) => Piece::Figure {
            label: part(CARD_LABEL.sel),
            number: part(&format!("{} {}", CARD_VALUE.sel, NUM.sel)),
            unit: part(&format!("{} {}", CARD_VALUE.sel, UNIT.sel)),
            tag: Some(part(&format!("{} {}", CARD_VALUE.sel, BADGE.sel))),
        },
        _ => Piece::Prose(text_of(el)),
    }
}

/// A table row: its heading cell, and each data cell with its headings
/// (those its `headers` names, or its column's in the last heading row).
fn row(tr: &Element) -> Piece {
    let text_of = |e: &Element| e.text_content().unwrap_or_default().trim().to_string();
    let cells = all(Some(tr), ":scope > th, :scope > td");
    let head = cells.first().filter(|c| c.tag_name() == "TH");
    let heads = closest(tr, "table")
        .and_then(|t| all(Some(&t), "thead tr").pop())
        .map(|r| all(Some(&r), ":scope > th"))
        .unwrap_or_default();
    let doc = document();
    let cells = cells
        .iter()
        .enumerate()
        .skip(usize::from(head.is_some()))
        .map(|(i, c)| {
            let heading = match c.get_attribute("headers") {
                Some(ids) => ids
                    .split_whitespace()
                    .filter(|id| head.is_none_or(|h| h.id() != *id))
                    .filter_map(|id| doc.get_element_by_id(id))
                    .map(|h| text_of(&h))
                    .collect::<Vec<_>>()
                    .join(" "),
                None => heads.get(i).map(text_of).unwrap_or_default(),
            };
            (heading, text_of(c))
        })
        .collect();
    Piece::Row {
        head: head.map(text_of).unwrap_or_default(),
        cells,
    }
}

/// Shows what is being said: the sentence (or the element) painted, its
/// element marked, and both kept in view. A table row read while its
/// chart shows the drawing marks the chart.
pub(super) fn show(el: &Element, span: Option<(u32, u32)>, marked: &mut Option<Element>) {
    let mark = closest(el, SR_ONLY.sel)
        .and_then(|_| closest(el, CHART.sel))
        .unwrap_or_else(|| el.clone());
    let old = marked.replace(mark.clone());
    if let Some(old) = old.filter(|o| *o != mark) {
        let _ = old.remove_attribute(READING_ATTR);
    }
    let _ = mark.set_attribute(READING_ATTR, "");
    let range = range_of(el, span);
    if let (Some(reg), Some(range)) = (super::super::highlight::highlight_registry(), &range) {
        super::super::highlight::set_highlight(&reg, READING, &js_sys::Array::of1(range));
    }
    let rect = match range.filter(|_| mark == *el) {
        Some(r) => r.get_bounding_client_rect(),
        None => mark.get_bounding_client_rect(),
    };
    keep_in_view(rect.top(), rect.bottom());
}

/// Scrolls so that what is being said stands in the upper middle of the
/// window: below the sticky contents bar, above the player.
fn keep_in_view(top: f64, bottom: f64) {
    let h = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let (aim, low, high) = (h * 0.3, h * 0.12, h * 0.75);
    if top < low || (bottom > high && top > aim + 1.0) {
        window().scroll_by_with_x_and_y(0.0, top - aim);
    }
}

/// The range of `el` being said: a sentence (UTF-16 offsets in its text),
/// a key figure's number and label, or the whole element.
fn range_of(el: &Element, span: Option<(u32, u32)>) -> Option<web_sys::Range> {
    let r = document().create_range().ok()?;
    if el.class_list().contains(CARD.name) {
        let value = el.query_selector(CARD_VALUE.sel).ok()??;
        let label = el.query_selector(CARD_LABEL.sel).ok()??;
        r.set_start_before(&value).ok()?;
        r.set_end_after(&label).ok()?;
        return Some(r);
    }
    match span {
        Some((s, e)) => {
            let mut nodes = Vec::new();
            text_nodes(el, &mut nodes);
            let (sn, so) = locate(&nodes, s)?;
            let (en, eo) = locate(&nodes, e)?;
            r.set_start(&sn, so).ok()?;
            r.set_end(&en, eo).ok()?;
        }
        None => r.select_node_contents(el).ok()?,
    }
    Some(r)
}

/// The text nodes under `node`, in document order.
fn text_nodes(node: &Node, out: &mut Vec<Node>) {
    let kids = node.child_nodes();
    for i in 0..kids.length() {
        let Some(k) = kids.item(i) else { continue };
        if k.node_type() == Node::TEXT_NODE {
            out.push(k);
        } else {
            text_nodes(&k, out);
        }
    }
}

/// The text node and offset at UTF-16 offset `at` of the text of `nodes`.
fn locate(nodes: &[Node], mut at: u32) -> Option<(Node, u32)> {
    for n in nodes {
        let len = n.unchecked_ref::<web_sys::CharacterData>().length();
        if at <= len {
            return Some((n.clone(), at));
        }
        at -= len;
    }
    None
}

/// Takes the paint and the mark away.
pub(super) fn clear(marked: Option<Element>) {
    if let Some(m) = marked {
        let _ = m.remove_attribute(READING_ATTR);
    }
    if let Some(reg) = super::super::highlight::highlight_registry() {
        super::super::highlight::set_highlight(&reg, READING, &js_sys::Array::new());
    }
}
