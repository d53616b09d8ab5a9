//! Browser glue, one file per concern: starting the viewer ([`boot`]),
//! page-wide listeners ([`listen`]), a host page when embedded ([`host`]),
//! the URL ([`url`]), remembered settings ([`settings`]), files and the
//! clipboard ([`files`]), search highlights ([`highlight`]), chart
//! geometry ([`chart`]), the search result list ([`results`]) and what
//! the build wrote into the static page besides the report ([`kept`]).
//!
//! Only effects, event handlers and [`boot::mount`] call these, so the
//! components still render natively. Page-wide listeners are installed
//! once and act on the viewer mounted at the time ([`register`]), so
//! re-mounting (a host page changing the language) never leaves a
//! listener on a disposed viewer.

pub mod boot;
pub mod chart;
pub mod files;
pub mod highlight;
pub mod host;
mod kept;
pub mod listen;
pub mod results;
pub mod settings;
pub mod url;

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::Viewer;

thread_local! {
    /// The viewer mounted now.
    static CURRENT: RefCell<Option<Viewer>> = const { RefCell::new(None) };
}

pub(crate) fn window() -> web_sys::Window {
    web_sys::window().expect("the viewer runs in a page with a window")
}

pub(crate) fn document() -> web_sys::Document {
    window()
        .document()
        .expect("the viewer runs in a page with a document")
}

/// Makes `viewer` the one page-wide listeners act on.
pub fn register(viewer: Viewer) {
    CURRENT.with(|c| *c.borrow_mut() = Some(viewer));
}

pub(crate) fn current() -> Option<Viewer> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Sets an attribute on `<html>`, where the style sheet reads theme and
/// text size.
pub fn set_root_attr(name: &str, value: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(name, value);
    }
}

/// Whether the `<details>` a `toggle` event came from is now open.
pub fn details_open(ev: &web_sys::Event) -> bool {
    ev.target()
        .map(|t| t.unchecked_into::<web_sys::HtmlDetailsElement>())
        .is_some_and(|d| d.open())
}

/// Focuses the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// Goes to the element `id` as a link to it would: the fragment changes
/// (so the sections around it open) and it scrolls into view.
pub fn go_to(id: &str) {
    let loc = window().location();
    if loc.hash().unwrap_or_default() == format!("#{id}") {
        if let Some(el) = document().get_element_by_id(id) {
            el.scroll_into_view();
        }
    } else {
        let _ = loc.set_hash(id);
    }
}

/// Shows `message` in the page's status line (read out by screen readers)
/// and clears it a few seconds later.
pub fn announce(status: RwSignal<String>, message: String) {
    status.set(message.clone());
    let clear = Closure::once_into_js(move || {
        if status.try_get_untracked().is_some_and(|s| s == message) {
            status.set(String::new());
        }
    });
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(clear.unchecked_ref(), 4000);
}
