//! The reading bar's panels (目录, 工具) and the small menus (a section's,
//! a chart's). They open and close as `<details>` without script; this
//! makes them behave as a reader expects: one open at a time, closed again
//! once what they offered was used (a contents link or search result
//! followed, an action taken), on Escape (focus back on its button) and on
//! a tap elsewhere. `/` and a search in the address open the tools, and so
//! does a text size that turns the wide layout into the bar.

use wasm_bindgen::JsCast;

use super::{all, closest, document, event_element, listen};
use crate::state::ViewOptions;

/// The bar's panels and the menus: whatever may float over the text.
const FLOATING: &str = "details.toc-compact, details.tools-toggle, details.menu";

/// Opens the tools where they are a panel (a phone, large text); on a wide
/// screen they are always shown.
pub fn open_tools() {
    if let Ok(Some(t)) = document().query_selector("details.tools-toggle") {
        let _ = t.set_attribute("open", "");
    }
}

/// Listens for what opens and closes the panels and menus.
pub fn start(options: &ViewOptions) {
    if !options.query.is_empty() {
        open_tools();
    }
    let doc = document();
    // `toggle` does not bubble: listen in the capture phase.
    listen(&doc, "toggle", true, |ev| {
        let Some(el) = event_element(&ev) else { return };
        if el.matches(FLOATING).unwrap_or(false) && el.has_attribute("open") {
            close_all_but(Some(&el));
        }
    });
    listen(&doc, "click", false, |ev| {
        let Some(el) = event_element(&ev) else { return };
        if let Some(menu) =
            closest(&el, ".menu-panel > button").and_then(|b| closest(&b, "details.menu"))
        {
            // Used: the action has run (its handler was registered
            // earlier). Focus goes back to the menu's button, not to the
            // page's start.
            close_all_but(None);
            focus_summary(&menu);
        } else if closest(&el, ".toc-full a, .search-results a").is_some() {
            // The link is followed; the text it leads to is no longer covered.
            close_all_but(None);
        } else if el.matches("[data-text-size]").unwrap_or(false)
            || closest(&el, "[data-text-size]").is_some()
        {
            // Larger text turns a wide page's sidebar into the bar: the
            // buttons just pressed stay in view.
            open_tools();
        } else {
            // A tap outside everything open closes it.
            let inside =
                closest(&el, "details[open]").filter(|d| d.matches(FLOATING).unwrap_or(false));
            let keep = inside.or_else(|| {
                closest(&el, ".toc-full, .tools").and_then(|p| p.previous_element_sibling())
            });
            close_all_but(keep.as_ref());
        }
    });
    listen(&doc, "keydown", false, |ev| {
        let ev: web_sys::KeyboardEvent = ev.unchecked_into();
        if ev.key() != "Escape" {
            return;
        }
        let Some(el) = event_element(&ev) else { return };
        // Escape in the search field clears the search (search.rs).
        if el.id() == crate::ids::SEARCH_INPUT_ID {
            return;
        }
        let owner = closest(&el, "details.menu[open]").or_else(|| {
            closest(&el, ".toc-full, .tools")
                .and_then(|p| p.previous_element_sibling())
                .or_else(|| closest(&el, "details.toc-compact[open], details.tools-toggle[open]"))
        });
        if let Some(d) = owner.filter(|d| d.has_attribute("open")) {
            let _ = d.remove_attribute("open");
            focus_summary(&d);
        }
    });
}

/// Focuses the button (`summary`) of the disclosure `d`.
fn focus_summary(d: &web_sys::Element) {
    if let Ok(Some(s)) = d.query_selector(":scope > summary") {
        let _ = s.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// Closes every open panel and menu but `keep` (and the ones holding it:
/// an embed disclosure inside a menu keeps its menu open).
fn close_all_but(keep: Option<&web_sys::Element>) {
    for d in all(
        None,
        "details.toc-compact[open], details.tools-toggle[open], details.menu[open]",
    ) {
        let holds = keep.is_some_and(|k| d.contains(Some(k)));
        if !holds {
            let _ = d.remove_attribute("open");
        }
    }
}
