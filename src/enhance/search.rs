//! Searching, in the browser: the search island ([`crate::page::SearchBox`])
//! writes the query into the [`Search`] signals; on each change this
//! searches the whole report (the index is built at the first search,
//! with the fold pairs the page carries), writes the answer back for the
//! island to show, and shows every hit in the text ([`super::highlight`]).
//! Text typed before the viewer started is kept and searched.
//!
//! Keys: `/` anywhere focuses the box, Esc clears it, Enter goes to the
//! first result, ↓ moves into the list and ↑ ↓ move within it.

use std::sync::Arc;

use leptos::prelude::*;
use report_format::search::{Hit, SearchIndex};
use report_format::Lang;
use wasm_bindgen::JsCast;

use super::{all, closest, document, event_element, focus_by_id, listen, own, viewer, Viewer};
use crate::hooks::SEARCH_RESULTS;
use crate::ids::SEARCH_INPUT_ID;
use crate::page::{Answer, Search, MAX_LISTED};
use crate::state::{echo, MAX_ECHO_CHARS};

fn list() -> Option<web_sys::Element> {
    document().query_selector(SEARCH_RESULTS.sel).ok().flatten()
}

/// The query to start with: what was typed before the viewer started,
/// or else what the address asks for.
pub fn first_query(asked: &str) -> String {
    let typed = document()
        .get_element_by_id(SEARCH_INPUT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|f| f.value())
        .unwrap_or_default();
    if typed.is_empty() {
        asked.to_string()
    } else {
        typed
    }
}

/// Searches for the query whenever it changes (now, for the first), and
/// listens for the search's keys.
pub fn start(v: &Viewer) {
    let search = v.search;
    v.owner.with(|| {
        Effect::watch(
            move || search.query.get(),
            move |q, before, _| {
                run(search, q);
                // The address follows what the reader typed (not the
                // first query, which came from it or from the page).
                if before.is_some() {
                    super::sections::write_state_when_idle();
                }
            },
            true,
        );
    });
    let doc = document();
    listen(&doc, "keydown", false, move |ev| {
        let ev: web_sys::KeyboardEvent = ev.unchecked_into();
        let Some(el) = event_element(&ev) else { return };
        if el.id() == SEARCH_INPUT_ID {
            field_key(search, &ev);
        } else if closest(&el, SEARCH_RESULTS.sel).is_some() {
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
    if !typing && document().get_element_by_id(SEARCH_INPUT_ID).is_some() {
        ev.prevent_default();
        // On a phone the field is in the tools panel.
        super::panels::open_tools();
        focus_by_id(SEARCH_INPUT_ID);
    }
}

fn field_key(search: Search, ev: &web_sys::KeyboardEvent) {
    match ev.key().as_str() {
        "Escape" => {
            // A query to clear: this Escape is the search's. In an empty
            // field it closes the tools (panels.rs).
            if !search.query.with_untracked(String::is_empty) {
                ev.prevent_default();
                search.query.set(String::new());
            }
            super::sections::write_state();
        }
        "ArrowDown" => {
            ev.prevent_default();
            focus_result(0);
        }
        "Enter" => {
            ev.prevent_default();
            let first = search
                .answer
                .with_untracked(|a| a.results.first().map(|h| h.target.clone()));
            if let Some(id) = first {
                go(&id);
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

/// Searches for `query`: the answer the island shows, the hits in the text.
fn run(search: Search, query: &str) {
    let Some(v) = viewer() else { return };
    let q = query.trim();
    let hits = if q.is_empty() {
        Vec::new()
    } else {
        v.index
            .get_or_init(|| SearchIndex::build(&v.report, v.lang, &v.folding))
            .search(q, 14)
    };
    let count = count_line(q, &hits, v.lang, own);
    let results = hits
        .into_iter()
        .take(MAX_LISTED)
        // Report text, with the viewer's words (开头, 万) in the page's script.
        .map(|h| Hit {
            path: own(h.path),
            before: own(h.before),
            matched: own(h.matched),
            after: own(h.after),
            ..h
        })
        .collect();
    search.answer.set(Arc::new(Answer { count, results }));
    super::highlight::highlight(&v.marks, &v.folding, q);
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
