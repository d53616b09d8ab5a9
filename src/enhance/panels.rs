//! The reading bar's panels (目录, 工具) and the small menus (a section's,
//! a chart's). They open and close as `<details>` without script; this
//! makes them behave as a reader expects: one open at a time; closed again
//! once what they offered was used (a contents link or search result
//! followed, a reading tool or menu action taken), when focus leaves them,
//! on Escape (focus back on its button) and on a tap elsewhere. `/` and a
//! search in the address open the tools, and so does a text size that
//! turns the wide layout into the bar.

use wasm_bindgen::JsCast;

use const_format::concatcp;

use super::{all, closest, document, event_element, listen};
use crate::hooks::{
    MENU, MENU_PANEL, SEARCH_RESULTS, TEXT_SIZE_ATTR, TOC_COMPACT, TOC_FULL, TOOLBAR, TOOLS,
    TOOLS_TOGGLE,
};
use crate::state::ViewOptions;

/// The bar's disclosures (目录, 工具).
const BAR: &str = concatcp!(TOC_COMPACT.sel, ", ", TOOLS_TOGGLE.sel);
/// The bar's panels, which follow their disclosures.
const PANELS: &str = concatcp!(TOC_FULL.sel, ", ", TOOLS.sel);
/// The bar's panels and the menus: whatever may float over the text.
const FLOATING: &str = concatcp!(BAR, ", ", MENU.sel);
/// The same, open.
const OPEN: &str = concatcp!(
    TOC_COMPACT.sel,
    "[open], ",
    TOOLS_TOGGLE.sel,
    "[open], ",
    MENU.sel,
    "[open]"
);
/// An open menu.
const OPEN_MENU: &str = concatcp!(MENU.sel, "[open]");
/// What uses a panel up: the reader is sent into the text or an action
/// runs (a menu's button, a reading tool, a contents link, a result).
const USED: &str = concatcp!(
    MENU_PANEL.sel,
    " button, ",
    TOC_FULL.sel,
    " a, ",
    SEARCH_RESULTS.sel,
    " a, ",
    TOOLS.sel,
    " ",
    TOOLBAR.sel,
    " button, ",
    TOOLS.sel,
    " ",
    TOOLBAR.sel,
    " a"
);
/// A text-size button.
const TEXT_SIZE: &str = concatcp!("[", TEXT_SIZE_ATTR, "]");

/// Opens the tools where they are a panel (a phone, large text); on a wide
/// screen they are always shown.
pub fn open_tools() {
    if let Ok(Some(t)) = document().query_selector(TOOLS_TOGGLE.sel) {
        let _ = t.set_attribute("open", "");
    }
}

/// Closes whatever floats over the text (the reader is sent into it).
pub fn close_all() {
    close_all_but(None);
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
    // A tap or click outside everything open closes it. On the pointer's
    // press, not the click: iOS Safari sends no click from plain text to
    // a listener on the document.
    listen(&doc, "pointerdown", false, |ev| {
        let Some(el) = event_element(&ev) else { return };
        close_all_but(owner(&el).as_ref());
    });
    // Focus moving out of an open panel or menu (Tab) closes it, so it
    // never covers what has the focus. A click on nothing focusable has no
    // new focus: the click handler decides.
    listen(&doc, "focusout", false, |ev| {
        let ev: web_sys::FocusEvent = ev.unchecked_into();
        let Some(to) = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        else {
            return;
        };
        let Some(from) = event_element(&ev) else {
            return;
        };
        if let Some(d) = owner(&from).filter(|d| !holds(d, &to)) {
            let _ = d.remove_attribute("open");
        }
    });
    // On the window, so that the search's own Escape (it clears a query,
    // or goes back to the field from a result) has run and said so.
    listen(&super::window(), "keydown", false, |ev| {
        let ev: web_sys::KeyboardEvent = ev.unchecked_into();
        if ev.key() != "Escape" || ev.default_prevented() {
            return;
        }
        let held = event_element(&ev).as_ref().and_then(owner);
        let open = held.or_else(|| all(None, OPEN).into_iter().next());
        if let Some(d) = open {
            let _ = d.remove_attribute("open");
            focus_summary(&d);
        }
    });
}

/// After a click's action has run (`super::events`): a panel or menu
/// whose offer was used closes. After a button, focus goes back to the
/// button that opened the panel, not to the page's start; a link has sent
/// the reader where it leads.
pub fn clicked(el: &web_sys::Element) {
    if closest(el, USED).is_some() {
        let holder = owner(el).filter(|_| closest(el, "a").is_none());
        close_all_but(None);
        if let Some(d) = holder {
            focus_summary(&d);
        }
    } else if closest(el, TEXT_SIZE).is_some() {
        // Larger text turns a wide page's sidebar into the bar: the
        // buttons just pressed stay in view.
        open_tools();
    }
}

/// The open panel or menu `el` is in (or is the button of): a menu, or
/// the 目录 / 工具 disclosure whose panel follows it.
fn owner(el: &web_sys::Element) -> Option<web_sys::Element> {
    closest(el, OPEN_MENU)
        .or_else(|| closest(el, PANELS).and_then(|p| p.previous_element_sibling()))
        .or_else(|| closest(el, BAR))
        .filter(|d| d.has_attribute("open") && d.matches(FLOATING).unwrap_or(false))
}

/// Whether `node` is in the disclosure `d` or in the panel that follows it.
fn holds(d: &web_sys::Element, node: &web_sys::Node) -> bool {
    d.contains(Some(node))
        || d.next_element_sibling()
            .filter(|p| p.matches(PANELS).unwrap_or(false))
            .is_some_and(|p| p.contains(Some(node)))
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
    for d in all(None, OPEN) {
        let holds = keep.is_some_and(|k| d.contains(Some(k)));
        if !holds {
            let _ = d.remove_attribute("open");
        }
    }
}
