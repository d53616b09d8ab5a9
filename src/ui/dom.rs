//! Browser glue: reading the page, following an element's width, tracking
//! the section being read. Only effects, event handlers and [`mount`] call
//! these, so the components still render natively.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{App, ViewOptions, APP_ELEMENT_ID, REPORT_ELEMENT_ID};
use crate::chart::Theme;
use crate::model::parse_report;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("the viewer runs in a page with a document")
}

/// Reads options and report from the page and mounts the viewer in place
/// of the static content.
pub fn mount() {
    let doc = document();
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (mut options, mut warnings) = ViewOptions::from_query(&query);
    options.offline = doc
        .document_element()
        .and_then(|e| e.get_attribute("data-page"))
        .is_some_and(|p| p == "offline");
    if options.theme.is_none() {
        options.theme = Some(system_theme());
    }
    let text = doc
        .get_element_by_id(REPORT_ELEMENT_ID)
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let report = parse_report(&text).map(Arc::new);
    if let Ok(r) = &report {
        warnings.extend(options.resolve(r));
    }
    for w in warnings {
        web_sys::console::warn_1(&format!("report viewer: {w}").into());
    }
    if let Err(e) = &report {
        web_sys::console::error_1(&format!("report viewer: {e}").into());
    }
    let lang = options.lang;
    let Some(host) = doc.get_element_by_id(APP_ELEMENT_ID) else {
        web_sys::console::error_1(&"report viewer: no #app element in the page".into());
        return;
    };
    // Build the live viewer off-screen, then swap it in within one task so
    // the reader never sees an empty page in between.
    let fresh: web_sys::HtmlElement = doc
        .create_element("div")
        .expect("creating a div cannot fail")
        .unchecked_into();
    let handle = leptos::mount::mount_to(
        fresh.clone(),
        move || view! { <App report=report options=options /> },
    );
    host.set_inner_html("");
    while let Some(child) = fresh.first_child() {
        let _ = host.append_child(&child);
    }
    handle.forget();
    let root = doc.document_element().expect("a page has a root element");
    let _ = root.set_attribute("data-ui-lang", lang.tag());
    let _ = root.class_list().add_1("viewer-ready");
}

/// The theme the reader's system asks for: dark, high contrast or light.
fn system_theme() -> Theme {
    let matches = |q: &str| {
        web_sys::window()
            .and_then(|w| w.match_media(q).ok().flatten())
            .is_some_and(|m| m.matches())
    };
    if matches("(prefers-contrast: more)") || matches("(forced-colors: active)") {
        Theme::Contrast
    } else if matches("(prefers-color-scheme: dark)") {
        Theme::Dark
    } else {
        Theme::Light
    }
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
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// Keeps `width` equal to `el`'s width, rounded to 8 px so small changes
/// do not redraw.
pub fn follow_width(el: &web_sys::HtmlDivElement, width: RwSignal<u32>) {
    let round = |w: f64| ((w.max(0.0) as u32) / 8) * 8;
    let now = round(el.get_bounding_client_rect().width());
    if now > 0 && now != width.get_untracked() {
        width.set(now);
    }
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            let w = round(entry.content_rect().width());
            if w > 0 && w != width.get_untracked() {
                width.set(w);
            }
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        observer.observe(el);
    }
    // The observer lives as long as the element; the callback must too.
    cb.forget();
}

/// Sets `current` to the id of the last section whose heading has scrolled
/// above the top fifth of the window.
pub fn track_current_section(current: RwSignal<Option<String>>) {
    let update = move || {
        let doc = document();
        let Ok(list) = doc.query_selector_all("details.sec") else {
            return;
        };
        let limit = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0)
            * 0.2;
        let mut found = None;
        for i in 0..list.length() {
            let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let top = el.get_bounding_client_rect().top();
            if top > limit {
                break;
            }
            // A closed section's children have no box; skip hidden ones.
            if el.get_client_rects().length() > 0 {
                found = Some(el.id());
            }
        }
        if current.get_untracked() != found {
            current.set(found);
        }
    };
    update();
    let listener = gloo_events::EventListener::new_with_options(
        &web_sys::window().expect("a page has a window"),
        "scroll",
        gloo_events::EventListenerOptions::run_in_capture_phase(),
        move |_| update(),
    );
    listener.forget();
}

/// Runs `expand` before the page is printed, opens every section in the
/// DOM at once (printing does not wait for reactive updates), and writes
/// today's date into the print block.
pub fn on_before_print(expand: impl Fn() + 'static) {
    let listener = gloo_events::EventListener::new(
        &web_sys::window().expect("a page has a window"),
        "beforeprint",
        move |_| {
            expand();
            let doc = document();
            if let Ok(list) = doc.query_selector_all("details.sec") {
                for i in 0..list.length() {
                    if let Some(d) = list
                        .item(i)
                        .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok())
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
        },
    );
    listener.forget();
}
