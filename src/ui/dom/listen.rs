//! Page-wide listeners: `/` to search, the section being read, printing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{current, document, focus_by_id, window};
use crate::ui::search_view::SEARCH_INPUT_ID;

/// `/` anywhere but in a text field focuses the search box, as on many
/// sites.
pub(super) fn listen_slash() {
    // Not passive: the `/` must not also be typed into the field.
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    gloo_events::EventListener::new_with_options(&document(), "keydown", options, |ev| {
        let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document().active_element().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.get_attribute("contenteditable").is_some()
        });
        if !typing && document().get_element_by_id(SEARCH_INPUT_ID).is_some() {
            ev.prevent_default();
            focus_by_id(SEARCH_INPUT_ID);
        }
    })
    .forget();
}

/// Keeps the viewer's `current` section: the last one whose heading has
/// scrolled above the top fifth of the window.
pub(super) fn listen_scroll() {
    let update = || {
        let Some(v) = current() else { return };
        let doc = document();
        let Ok(list) = doc.query_selector_all("details.sec") else {
            return;
        };
        let limit = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0)
            * 0.2;
        let mut found = None;
        for i in 0..list.length() {
            let Some(el) = list.item(i).map(|n| n.unchecked_into::<web_sys::Element>()) else {
                continue;
            };
            let top = el.get_bounding_client_rect().top();
            if top > limit {
                break;
            }
            // A section inside a closed one has no box; skip it.
            if el.get_client_rects().length() > 0 {
                found = Some(el.id());
            }
        }
        if v.current.try_get_untracked().is_some_and(|c| c != found) {
            v.current.set(found);
        }
    };
    update();
    gloo_events::EventListener::new(&window(), "scroll", move |_| update()).forget();
}

/// Before printing: open every section (in the DOM at once, since printing
/// does not wait for reactive updates) and write today's date into the
/// print block.
pub(super) fn listen_print() {
    gloo_events::EventListener::new(&window(), "beforeprint", |_| {
        if let Some(v) = current() {
            v.open.update(|o| o.expand_all());
        }
        let doc = document();
        if let Ok(list) = doc.query_selector_all("details.sec") {
            for i in 0..list.length() {
                if let Some(d) = list
                    .item(i)
                    .map(|n| n.unchecked_into::<web_sys::HtmlDetailsElement>())
                {
                    d.set_open(true);
                }
            }
        }
        if let Ok(Some(el)) = doc.query_selector("[data-print-date]") {
            let date = js_sys::Date::new_0();
            el.set_text_content(Some(&format!(
                "{:04}-{:02}-{:02}",
                date.get_full_year(),
                date.get_month() + 1,
                date.get_date()
            )));
        }
    })
    .forget();
}
