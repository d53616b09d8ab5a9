//! The page's clicks and address changes, each handled once, in one
//! place: the document's one click listener routes a pressed button by
//! what it names ([`crate::hooks`]: `data-action`, a series, a download, a
//! read-aloud control) to the module that does it, and only then lets the
//! panels close what was used. The order is this table's, not the order
//! in which modules started.
//!
//! Islands' own buttons (the display controls) have their component's
//! `on:click`; their clicks still reach this listener, which only lets the
//! panels follow (larger text opens the tools).

use std::rc::Rc;

use super::{closest, document, event_element, listen, listen_reentrant, window, Viewer};
use crate::hooks::{
    Action, ACTION_ATTR, CHART, DOWNLOAD_ATTR, READ_ATTR, READ_SPEED_ATTR, SERIES_ATTR,
};

/// What a pressed button asks for.
enum Route {
    /// A button with `data-action`.
    Action(Action),
    /// A chart legend's series button.
    Series(usize),
    /// A chart menu's download.
    Download(String),
    /// A read-aloud control or speed.
    Read,
}

/// The routing table's key for `button`, if it does anything here.
fn route_of(button: &web_sys::Element) -> Option<Route> {
    let attr = |name: &str| button.get_attribute(name);
    if let Some(a) = attr(ACTION_ATTR) {
        return Action::parse(&a).map(Route::Action);
    }
    if let Some(i) = attr(SERIES_ATTR) {
        return Some(Route::Series(i.parse().unwrap_or(usize::MAX)));
    }
    if let Some(kind) = attr(DOWNLOAD_ATTR) {
        return Some(Route::Download(kind));
    }
    (button.has_attribute(READ_ATTR) || button.has_attribute(READ_SPEED_ATTR))
        .then_some(Route::Read)
}

/// Runs what `button` asks for.
fn run(v: &Viewer, button: web_sys::Element, route: Route) {
    let figure = || closest(&button, CHART.sel);
    match route {
        Route::Action(Action::ExpandAll) => super::sections::set_all_open(true),
        Route::Action(Action::CollapseAll) => super::sections::set_all_open(false),
        Route::Action(Action::CopyLink) => super::sections::copy_link(v.lang, &button),
        Route::Action(Action::DownloadReportCsv) => super::sections::download_csv(v),
        Route::Action(Action::CopySnippet) => super::sections::copy_snippet(v.lang, &button),
        Route::Action(Action::ShowChart) => {
            if let Some(f) = figure() {
                super::chart::switch(&f, false);
            }
        }
        Route::Action(Action::ShowTable) => {
            if let Some(f) = figure() {
                super::chart::switch(&f, true);
            }
        }
        Route::Series(i) => {
            if let Some(f) = figure() {
                super::chart::toggle_series(&f, &button, i);
            }
        }
        Route::Download(kind) => {
            if let Some(f) = figure() {
                super::chart::download(&f, &kind);
            }
        }
        Route::Read => super::read::pressed(button),
    }
}

/// Listens for the page's clicks and for the address's fragment changing.
pub fn start(v: &Rc<Viewer>) {
    let v = v.clone();
    listen_reentrant(&document(), "click", move |ev| {
        let Some(el) = event_element(&ev) else { return };
        let button = closest(&el, "button");
        if let Some((button, route)) = button.and_then(|b| Some((b.clone(), route_of(&b)?))) {
            run(&v, button, route);
        }
        // After the action: a panel whose offer was used closes.
        super::panels::clicked(&el);
    });
    // Sent elsewhere in the page (a link, the search's Enter): whatever
    // floated over the text closes, and the sections around the target open.
    listen(&window(), "hashchange", false, |_| {
        super::panels::close_all();
        super::sections::follow_hash();
    });
}
