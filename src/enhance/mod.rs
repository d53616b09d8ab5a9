//! The browser layer: it takes over the page the build wrote and makes it
//! work, without rendering the report again. The nodes a reader sees at
//! first paint are the nodes the viewer works with; what changes (a section
//! opened, a chart drawn at the screen's width, search hits, a tip) changes
//! in that DOM.
//!
//! One file per concern: starting ([`boot`]), sections and links
//! ([`sections`]), charts ([`chart`]), search ([`search`]) and its
//! highlights ([`highlight`]), theme and text size ([`display`]), the
//! contents list ([`contents`]), the bar's panels and the small menus
//! ([`panels`]), reading aloud ([`read`]), a host page
//! when embedded ([`host`]), the URL ([`url`]), remembered settings
//! ([`settings`]), files and the clipboard ([`files`]), the one Trusted
//! Types policy ([`trusted`]). Listeners are delegated from the document,
//! so they cost nothing per element; the plain decisions behind them live in
//! [`crate::state`], tested natively.
//!
//! Nothing here runs natively (the functions compile, so the crate builds
//! for the command-line tool; only `main` in the browser calls them).

pub mod boot;
pub mod chart;
pub mod contents;
pub mod display;
pub mod files;
pub mod highlight;
pub mod host;
#[cfg(target_arch = "wasm32")]
pub mod islands;
pub mod panels;
pub mod read;
pub mod search;
pub mod sections;
pub mod settings;
pub mod trusted;
pub mod url;

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use report_format::search::SearchIndex;
use report_format::{Indexed, Lang, Script};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What the running viewer knows: the report (read once from the page),
/// the page's interface language, the display settings the islands read,
/// the search index (built at the first search) and the charts' state.
pub struct Viewer {
    /// The report the page carries, validated and indexed (shared with the
    /// islands' context).
    pub report: Arc<Indexed>,
    /// The display settings, as the signals the display controls read.
    pub display: crate::page::Display,
    /// The interface language of this page.
    pub lang: Lang,
    /// The script of this page (`<html data-script>`).
    pub script: Script,
    /// The search index, built at the first search.
    pub search: OnceCell<SearchIndex>,
    /// The charts on the page, in document order.
    pub charts: RefCell<Vec<chart::Slot>>,
}

thread_local! {
    /// The viewer running on this page.
    static VIEWER: OnceCell<Rc<Viewer>> = const { OnceCell::new() };
}

/// The viewer, once started.
pub fn viewer() -> Option<Rc<Viewer>> {
    VIEWER.with(|v| v.get().cloned())
}

fn install(v: Viewer) -> Rc<Viewer> {
    VIEWER.with(|cell| cell.get_or_init(|| Rc::new(v)).clone())
}

pub(crate) fn window() -> web_sys::Window {
    web_sys::window().expect("the viewer runs in a page with a window")
}

pub(crate) fn document() -> web_sys::Document {
    window()
        .document()
        .expect("the viewer runs in a page with a document")
}

/// `<html>`, where the style sheet reads theme, text size and embedding.
pub(crate) fn root() -> Option<web_sys::Element> {
    document().document_element()
}

/// Sets an attribute on `<html>`.
pub fn set_root_attr(name: &str, value: &str) {
    if let Some(root) = root() {
        let _ = root.set_attribute(name, value);
    }
}

/// Whether this page is the single offline file (`<html data-page>`, as
/// the build wrote it).
pub(crate) fn is_offline() -> bool {
    root_attr("data-page").as_deref() == Some("offline")
}

/// An attribute of `<html>`.
pub fn root_attr(name: &str) -> Option<String> {
    root()?.get_attribute(name)
}

/// Every element `selector` matches under `scope` (the document if none).
pub(crate) fn all(scope: Option<&web_sys::Element>, selector: &str) -> Vec<web_sys::Element> {
    let list = match scope {
        Some(el) => el.query_selector_all(selector),
        None => document().query_selector_all(selector),
    };
    let Ok(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| Some(list.item(i)?.unchecked_into::<web_sys::Element>()))
        .collect()
}

/// The element an event happened on, if it is one (not a text node).
pub(crate) fn event_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

/// The nearest element from `el` up that matches `selector`.
pub(crate) fn closest(el: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    el.closest(selector).ok().flatten()
}

/// Listens for `name` events on `target` for the page's lifetime. The
/// handler may run again while it runs (a click it makes, as a download
/// link's, reaches the document's click handlers), so it is `Fn`: its
/// state lives in the DOM or in cells it borrows briefly.
pub(crate) fn listen(
    target: &web_sys::EventTarget,
    name: &str,
    capture: bool,
    f: impl Fn(web_sys::Event) + 'static,
) {
    let cb = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_capture(capture);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        name,
        cb.as_ref().unchecked_ref(),
        &opts,
    );
    // The listener lives as long as the page; so must its closure.
    cb.forget();
}

/// Runs `f` once after `ms` milliseconds.
pub(crate) fn later(ms: i32, f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms);
}

/// Focuses the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

thread_local! {
    /// The viewer's own words in the page's script: empty on a page in
    /// simplified characters, the page's table on one in traditional
    /// characters (read at the start, see [`boot`]).
    static WORDS: OnceCell<crate::state::ScriptTable> = const { OnceCell::new() };
}

/// Sets the table for the viewer's own words; once, at the start.
pub(crate) fn set_words(table: crate::state::ScriptTable) {
    WORDS.with(|w| {
        let _ = w.set(table);
    });
}

/// `text`, which the viewer wrote from its own words (and report text), in
/// the page's script: converted on a page in traditional characters (the
/// table leaves the report's text alone), as it is otherwise.
pub fn own(text: String) -> String {
    WORDS.with(|w| match w.get() {
        Some(t) if !t.is_empty() => t.convert(&text),
        _ => text,
    })
}

thread_local! {
    /// The message the status line shows now, to clear only that one.
    static STATUS: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Shows `message` in the page's status line (read out by screen readers)
/// and clears it a few seconds later.
pub fn announce(message: String) {
    let Ok(Some(el)) = document().query_selector("[data-testid=status]") else {
        return;
    };
    let message = own(message);
    el.set_text_content(Some(&message));
    STATUS.with(|s| *s.borrow_mut() = message.clone());
    later(4000, move || {
        if STATUS.with(|s| *s.borrow() == message) {
            el.set_text_content(None);
        }
    });
}
