//! The search box, made to work in place: each keystroke searches the
//! whole report (the index is built at the first search), writes the count
//! and the result list into the places the page left for them, and shows
//! every hit in the text ([`super::highlight`]). Text typed before the
//! viewer started is kept and searched.
//!
//! Keys: `/` anywhere focuses the box, Esc clears it, Enter goes to the
//! first result, ↓ moves into the list and ↑ ↓ move within it.

use report_format::search::{Hit, SearchIndex};
use report_format::Lang;
use wasm_bindgen::JsCast;

use super::{all, closest, document, event_element, focus_by_id, listen, own, viewer};
use crate::ids::SEARCH_INPUT_ID;
use crate::state::{echo, ViewOptions, MAX_ECHO_CHARS};

/// How many results are listed; the count says how many there are.
const MAX_LISTED: usize = 20;

fn input() -> Option<web_sys::HtmlInputElement> {
    document()
        .get_element_by_id(SEARCH_INPUT_ID)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
}

fn list() -> Option<web_sys::Element> {
    document()
        .query_selector("[data-testid=search-results]")
        .ok()
        .flatten()
}

/// Searches what the URL asks for, or what was typed before the start,
/// and listens.
pub fn start(options: &ViewOptions) {
    if let Some(field) = input() {
        if !options.query.is_empty() && field.value().is_empty() {
            field.set_value(&options.query);
        }
        if !field.value().trim().is_empty() {
            run(&field.value());
        }
    }
    let doc = document();
    listen(&doc, "input", false, |ev| {
        if event_element(&ev).is_some_and(|el| el.id() == SEARCH_INPUT_ID) {
            if let Some(field) = input() {
                run(&field.value());
                super::sections::write_state_when_idle();
            }
        }
    });
    listen(&doc, "keydown", false, |ev| {
        let ev: web_sys::KeyboardEvent = ev.unchecked_into();
        let Some(el) = event_element(&ev) else { return };
        if el.id() == SEARCH_INPUT_ID {
            field_key(&ev);
        } else if closest(&el, "[data-testid=search-results]").is_some() {
            list_key(&ev);
        } else {
            slash(&ev, &el);
        }
    });
}

/// `/` anywhere but in a text field focuses the search box, as on many
/// sites.
fn slash(ev: &web_sys::KeyboardEvent, el: &web_sys::Element) {
    if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let typing = matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.get_attribute("contenteditable").is_some();
    if !typing && input().is_some() {
        ev.prevent_default();
        // On a phone the field is in the tools panel.
        super::panels::open_tools();
        focus_by_id(SEARCH_INPUT_ID);
    }
}

fn field_key(ev: &web_sys::KeyboardEvent) {
    match ev.key().as_str() {
        "Escape" => {
            if let Some(field) = input() {
                // A query to clear: this Escape is the search's. In an
                // empty field it closes the tools (panels.rs).
                if !field.value().is_empty() {
                    ev.prevent_default();
                }
                field.set_value("");
            }
            run("");
            super::sections::write_state();
        }
        "ArrowDown" => {
            ev.prevent_default();
            focus_result(0);
        }
        "Enter" => {
            ev.prevent_default();
            let first = links().first().and_then(|a| a.get_attribute("href"));
            if let Some(href) = first {
                go(href.trim_start_matches('#'));
            }
        }
        _ => {}
    }
}

fn list_key(ev: &web_sys::KeyboardEvent) {
    let step: isize = match ev.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        "Escape" => {
            // Back to the field; the tools stay open (panels.rs).
            ev.prevent_default();
            return focus_by_id(SEARCH_INPUT_ID);
        }
        _ => return,
    };
    ev.prevent_default();
    let links = links();
    let active = document().active_element();
    let now = links.iter().position(|a| active.as_ref() == Some(a));
    let next = now.map_or(0, |i| i as isize + step);
    if next < 0 {
        focus_by_id(SEARCH_INPUT_ID);
    } else {
        focus_result(next as usize);
    }
}

fn links() -> Vec<web_sys::Element> {
    list().map(|l| all(Some(&l), "a")).unwrap_or_default()
}

fn focus_result(i: usize) {
    if let Some(a) = links().get(i) {
        let _ = a.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// Goes to the element `id` as a link to it would: the fragment changes
/// (so the sections around it open) and it scrolls into view.
fn go(id: &str) {
    // The tools panel no longer covers the text the reader is sent to.
    super::panels::close_all();
    let loc = super::window().location();
    if loc.hash().unwrap_or_default() == format!("#{id}") {
        super::sections::go_to(id);
    } else {
        let _ = loc.set_hash(id);
    }
}

/// Searches for `query`: the count, the result list, the hits in the text.
fn run(query: &str) {
    let Some(v) = viewer() else { return };
    let q = query.trim();
    let hits = if q.is_empty() {
        Vec::new()
    } else {
        v.search
            .get_or_init(|| SearchIndex::build(&v.report, v.lang))
            .search(q, 14)
    };
    if let Ok(Some(count)) = document().query_selector("[data-testid=search-count]") {
        count.set_text_content(Some(&count_line(q, &hits, v.lang, own)));
    }
    if let Some(list) = list() {
        write_results(&list, &hits);
    }
    super::highlight::highlight(q);
}

/// Where the query goes in the count line until its words are in the
/// page's script.
const QUERY_SLOT: &str = "\u{1}";

/// The count line: its words in the page's script (`words`), the query as
/// the reader typed it, capped (the line is announced, and repeats at
/// most a line of the query). The query goes in only after the words are
/// converted; capping the slot would drop it (a control character).
fn count_line(q: &str, hits: &[Hit], lang: Lang, words: impl Fn(String) -> String) -> String {
    if q.is_empty() {
        return String::new();
    }
    words(count_text(QUERY_SLOT, hits, lang)).replace(QUERY_SLOT, &echo(q, MAX_ECHO_CHARS))
}

/// What the count line says, with `q` as given.
fn count_text(q: &str, hits: &[Hit], lang: Lang) -> String {
    if q.is_empty() {
        return String::new();
    }
    let (places, times) = (hits.len(), hits.iter().map(|h| h.count).sum::<usize>());
    match (places, lang) {
        (0, Lang::Zh) => format!("没有找到“{q}”"),
        (0, Lang::En) => format!("No results for “{q}”"),
        (_, Lang::Zh) => format!("“{q}”出现 {times} 次，在 {places} 处"),
        (_, Lang::En) => format!("“{q}” occurs {times} times in {places} places"),
    }
}

/// The result list: each a link to its element, with the section path
/// and the words around the first match. Set as text: report text is
/// never markup.
fn write_results(list: &web_sys::Element, hits: &[Hit]) {
    let doc = document();
    let frag = doc.create_document_fragment();
    for h in hits.iter().take(MAX_LISTED) {
        let (Ok(li), Ok(a), Ok(path), Ok(mark)) = (
            doc.create_element("li"),
            doc.create_element("a"),
            doc.create_element("span"),
            doc.create_element("mark"),
        ) else {
            return;
        };
        let _ = a.set_attribute("href", &format!("#{}", h.target));
        path.set_class_name("result-path");
        // Report text, with the viewer's words (开头, 万) in the page's script.
        path.set_text_content(Some(&own(h.path.clone())));
        mark.set_text_content(Some(&own(h.matched.clone())));
        let _ = a.append_child(&path);
        let _ = a.append_with_str_1(&own(h.before.clone()));
        let _ = a.append_child(&mark);
        let _ = a.append_with_str_1(&own(h.after.clone()));
        let _ = li.append_child(&a);
        let _ = frag.append_child(&li);
    }
    list.set_text_content(None);
    let _ = list.append_child(&frag);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_line_repeats_the_query_as_typed_and_capped() {
        let to_hant = |t: String| t.replace('没', "沒").replace('复', "復");
        assert_eq!(count_line("复议", &[], Lang::Zh, to_hant), "沒有找到“复议”");
        assert_eq!(count_line("", &[], Lang::Zh, to_hant), "");
        let long = count_line(&"法治".repeat(2000), &[], Lang::Zh, |t| t);
        assert!(long.starts_with("没有找到“法治法治"), "{long}");
        assert!(long.ends_with("…”"), "{long}");
        assert_eq!(
            long.chars().count(),
            "没有找到“”".chars().count() + MAX_ECHO_CHARS + 1
        );
    }
}
