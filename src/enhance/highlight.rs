//! Search hits shown in the report text: ranges painted with the CSS
//! Custom Highlight API, or `<mark>` elements where a browser lacks it.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};

use const_format::concatcp;

use report_format::search::Folding;

use super::{document, CONTENT};
use crate::hooks::{
    CARD_LABEL, CHART_DESC, CHART_NOTES, CHART_SUMMARY, CHART_TITLE, LIST, NOTE, PARA, TITLE,
};

/// Where search hits are shown: report text the page carries and the
/// viewer never changes (a chart's summary too), so a range over its text
/// stays valid, and (where the browser has no highlight API) wrapping it
/// in `<mark>` and back changes nothing else.
// One selector, kept on few lines to read as one.
#[rustfmt::skip]
const MARKABLE: &str = concatcp!(
    CONTENT, " :is(", PARA.sel, ", ", NOTE.sel, ", ", LIST.sel, " li, summary ",
    TITLE.sel, ", ", CARD_LABEL.sel, ", ", CHART_TITLE.sel, ", ", CHART_DESC.sel, ", ",
    CHART_SUMMARY.sel, " li, ", CHART_NOTES.sel, " li, td, th, caption)",
);

/// The name search hits are registered under in `CSS.highlights`; the style
/// sheet paints `::highlight(hit)`.
const HIT: &str = crate::hooks::HIT.name;

/// One element search may mark: its text as rendered, folded for matching,
/// and whether it holds marks now.
pub struct Markable {
    el: web_sys::Element,
    text: String,
    folded: Vec<char>,
    marked: bool,
}

/// The markable elements of the page, read once at the first search
/// (each keystroke then matches in Rust); the viewer holds them.
pub type Markables = RefCell<Option<Vec<Markable>>>;

fn markables(folding: &Folding) -> Vec<Markable> {
    let Ok(list) = document().query_selector_all(MARKABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| Some(list.item(i)?.unchecked_into::<web_sys::Element>()))
        // Only elements that hold text alone: one text node for a range
        // (`normalize` joins any split), or rewritten whole with marks.
        .filter(|el| el.child_element_count() == 0)
        .map(|el| {
            el.normalize();
            let text = el.text_content().unwrap_or_default();
            let folded = folding.fold_str(&text);
            Markable {
                el,
                text,
                folded,
                marked: false,
            }
        })
        .collect()
}

/// The page's highlight registry, `CSS.highlights`, where the browser has
/// the CSS Custom Highlight API.
pub(crate) fn highlight_registry() -> Option<js_sys::Map> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let reg = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    // A maplike: `set` and `delete` are called on it as methods.
    (!reg.is_undefined()).then(|| reg.unchecked_into())
}

/// Shows every occurrence of `query` in the report text, and no longer the
/// previous query's. The browser paints ranges over the text (the CSS
/// Custom Highlight API): nothing in the document changes, so a keystroke
/// costs no style or layout however long the report. A browser without
/// the API gets `<mark class="hit">` elements instead.
/// `marks` is the viewer's list of markable elements, read at the first
/// search; `folding` is the one the search index was built with.
pub fn highlight(marks: &Markables, folding: &Folding, query: &str) {
    let q = folding.fold_str(query.trim());
    let registry = highlight_registry();
    let mut cell = marks.borrow_mut();
    if cell.is_none() {
        if q.is_empty() {
            return;
        }
        *cell = Some(markables(folding));
    }
    let all = cell.iter_mut().flatten();
    match &registry {
        Some(registry) => paint_hits(registry, all, &q),
        None => mark_hits(all, &q),
    }
}

/// Registers one highlight of every hit's range (or none).
fn paint_hits<'a>(registry: &js_sys::Map, all: impl Iterator<Item = &'a mut Markable>, q: &[char]) {
    let (doc, ranges) = (document(), js_sys::Array::new());
    for m in all {
        let hits = report_format::search::find_folded(&m.folded, q);
        let Some(node) = m.el.first_child().filter(|_| !hits.is_empty()) else {
            continue;
        };
        for (us, ue) in report_format::search::utf16_ranges(&m.text, &hits) {
            if let Ok(r) = doc.create_range() {
                if r.set_start(&node, us).is_ok() && r.set_end(&node, ue).is_ok() {
                    ranges.push(&r);
                }
            }
        }
    }
    set_highlight(registry, HIT, &ranges);
}

/// Registers `ranges` as the highlight `name` (painted by the style
/// sheet's `::highlight(name)`), or removes it when there are none.
pub(crate) fn set_highlight(registry: &js_sys::Map, name: &str, ranges: &js_sys::Array) {
    let key = JsValue::from_str(name);
    let ctor = js_sys::Reflect::get(&js_sys::global(), &"Highlight".into());
    match ctor
        .and_then(|c| js_sys::Reflect::construct(c.unchecked_ref::<js_sys::Function>(), ranges))
    {
        Ok(h) if ranges.length() > 0 => {
            registry.set(&key, &h);
        }
        _ => {
            registry.delete(&key);
        }
    }
}

/// Wraps every hit in `<mark class="hit">`, and unwraps the text of
/// elements that no longer have one.
fn mark_hits<'a>(all: impl Iterator<Item = &'a mut Markable>, q: &[char]) {
    let doc = document();
    for m in all {
        let hits = report_format::search::find_folded(&m.folded, q);
        if hits.is_empty() {
            if m.marked {
                m.el.set_text_content(Some(&m.text));
                m.marked = false;
            }
            continue;
        }
        let starts: Vec<usize> = m
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain([m.text.len()])
            .collect();
        let frag = doc.create_document_fragment();
        let mut at = 0;
        for (s, e) in hits {
            let (bs, be) = (starts[s], starts[e]);
            let _ = frag.append_child(&doc.create_text_node(&m.text[at..bs]));
            if let Ok(mark) = doc.create_element("mark") {
                mark.set_class_name(HIT);
                mark.set_text_content(Some(&m.text[bs..be]));
                let _ = frag.append_child(&mark);
            }
            at = be;
        }
        let _ = frag.append_child(&doc.create_text_node(&m.text[at..]));
        m.el.set_text_content(None);
        let _ = m.el.append_child(&frag);
        m.marked = true;
    }
}
