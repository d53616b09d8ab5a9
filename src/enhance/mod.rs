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
//! Types policy ([`trusted`]). The islands Leptos hydrates in place (display
//! controls, search) are in [`islands`]. Document clicks go through one
//! dispatcher with a routing table ([`events`]), so they cost nothing per
//! element and run in a stated order; the plain decisions behind them live
//! in [`crate::state`], tested natively. The state a page's widgets share
//! hangs off one [`Viewer`].
//!
//! Nothing here runs natively (the functions compile, so the crate builds
//! for the command-line tool; only `main` in the browser calls them).

pub mod boot;
pub mod chart;
pub mod contents;
pub mod display;
pub mod events;
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

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use report_format::search::{Folding, SearchIndex};
use report_format::{Indexed, Lang, Script};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The selector of the report's text (`#content`), which the selectors of
/// what search marks and reading reads start from.
pub(crate) const CONTENT: &str = const_format::concatcp!("#", report_format::page_ids::CONTENT);

/// What the running viewer knows: the report (read once from the page),
/// the page's interface language, the display and search signals the
/// islands read, the search index (built at the first search) and the
/// charts' state.
pub struct Viewer {
    /// The reactive owner of the islands' signals and the viewer's
    /// effects, which lives as long as the page.
    pub owner: leptos::prelude::Owner,
    /// The report the page carries, validated and indexed (shared with the
    /// islands' context).
    pub report: Arc<Indexed>,
    /// The display settings, as the signals the display controls read.
    pub display: crate::page::Display,
    /// The interface language of this page.
    pub lang: Lang,
    /// The script of this page (`<html data-script>`).
    pub script: Script,
    /// The search's query and answer, as the search island shows them.
    pub search: crate::page::Search,
    /// How this page's text is folded for search: the built-in pairs and
    /// those the page carries.
    pub folding: Folding,
    /// The search index, built at the first search.
    pub index: OnceCell<SearchIndex>,
    /// The elements search marks, read at the first search.
    pub marks: highlight::Markables,
    /// The charts on the page, in document order.
    pub charts: RefCell<Vec<chart::Slot>>,
    /// Each drawing's box → its chart's slot, for the observers' entries.
    pub chart_boxes: js_sys::Map,
    /// What the contents know of the scroll position.
    pub contents: contents::Marker,
    /// The writes of the reading state into the URL that are waiting.
    pub url_writes: sections::UrlWrites,
    /// The clearing of the status line's message, replaced by the next one.
    pub status_clear: RefCell<Option<gloo_timers::callback::Timeout>>,
    /// Where reading aloud stands.
    pub reading: RefCell<read::Reading>,
    /// What the read-aloud player shows (the `read` island's signals).
    pub player: crate::page::Player,
}

// Global because the browser's callbacks (listeners, timers, speech
// events) are `'static` closures with no other way to reach the viewer;
// all other state hangs off it.
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
    root_attr(crate::hooks::root::PAGE).as_deref() == Some("offline")
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

/// Listens for `name` events on `target` for the page's lifetime
/// (`gloo-events`; in the capture phase if `capture`, for events that do
/// not bubble). Never passive: handlers may prevent the default.
pub(crate) fn listen(
    target: &web_sys::EventTarget,
    name: &'static str,
    capture: bool,
    mut f: impl FnMut(web_sys::Event) + 'static,
) {
    let options = EventListenerOptions {
        phase: if capture {
            EventListenerPhase::Capture
        } else {
            EventListenerPhase::Bubble
        },
        passive: false,
    };
    EventListener::new_with_options(target, name, options, move |ev| f(ev.clone())).forget();
}

/// Listens for `name` events on `target` with a handler that may run
/// again while it runs: a click it makes (a download link's) reaches the
/// document's click listener at once. A `gloo-events` handler is `FnMut`,
/// which wasm-bindgen refuses to enter twice; this one is `Fn`, its state
/// in the DOM or in cells it borrows briefly.
pub(crate) fn listen_reentrant(
    target: &web_sys::EventTarget,
    name: &str,
    f: impl Fn(web_sys::Event) + 'static,
) {
    let cb = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
    // The listener lives as long as the page; so must its closure.
    cb.forget();
}

/// Runs `f` once after `ms` milliseconds (`gloo-timers`).
pub(crate) fn later(ms: u32, f: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(ms, f).forget();
}

/// Focuses the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

// Global because the words are asked for before there is a viewer (the
// error panel, when the report cannot be read) and by plain functions.
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

/// Shows `message` in the page's status line (read out by screen readers)
/// and clears it a few seconds later.
pub fn announce(message: String) {
    let Ok(Some(el)) = document().query_selector(crate::hooks::STATUS.sel) else {
        return;
    };
    el.set_text_content(Some(&own(message)));
    // A newer message replaces the clearing of the one before.
    let clear = gloo_timers::callback::Timeout::new(4000, move || el.set_text_content(None));
    if let Some(v) = viewer() {
        v.status_clear.replace(Some(clear));
    } else {
        clear.forget();
    }
}
