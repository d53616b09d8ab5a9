//! The contents list marks the section being read (`aria-current` on its
//! links) and names it in the compact bar on narrow screens: the last
//! section whose heading has scrolled above the top fifth of the window.
//! Where the style sheet cannot follow the scroll position, this also
//! moves the reading-progress line and shows "回到顶部".

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;

use super::{all, document, listen, viewer, window};
use crate::hooks::{root, PROGRESS_FILL, SEC, TOC, TOC_CURRENT};

// Global because it is a fact about the browser, asked once, not state.
thread_local! {
    /// Whether the style sheet draws the reading progress and shows
    /// "回到顶部" from the scroll position itself (scroll-driven
    /// animations); where it cannot, [`update`] does.
    static CSS_SCROLL: bool = web_sys::css::supports("animation-timeline: scroll()")
        .unwrap_or(false);
}

/// What the contents know of the scroll position (the viewer holds it).
#[derive(Default)]
pub struct Marker {
    /// The section marked now.
    current: RefCell<String>,
    /// A check is waiting for the next frame.
    queued: Cell<bool>,
}

/// Marks the section in view, and again as the reader scrolls (at most
/// once a frame).
pub fn start() {
    update();
    // A resize (or text size) changes how far down the reader is too.
    for name in ["scroll", "resize"] {
        listen(&window(), name, false, |_| queue());
    }
}

/// Runs `update` at the next frame, once however many events came.
fn queue() {
    let Some(v) = viewer() else { return };
    if v.contents.queued.replace(true) {
        return;
    }
    // Leptos' helper, not gloo-render: the same call, already linked.
    leptos::prelude::request_animation_frame(move || {
        v.contents.queued.set(false);
        update();
    });
}

/// The id of the section the contents mark as being read; empty above
/// the first section.
pub fn current() -> String {
    viewer()
        .map(|v| v.contents.current.borrow().clone())
        .unwrap_or_default()
}

fn update() {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let limit = height * 0.2;
    let mut found = String::new();
    for el in all(None, SEC.sel) {
        if el.get_bounding_client_rect().top() > limit {
            break;
        }
        // A section inside a closed one has no box; skip it.
        if el.get_client_rects().length() > 0 {
            found = el.id();
        }
    }
    // Written after every read of the layout above, so the frame lays out
    // once.
    if !CSS_SCROLL.with(|c| *c) {
        progress(height);
    }
    let Some(v) = viewer() else { return };
    if *v.contents.current.borrow() == found {
        return;
    }
    let before = v.contents.current.replace(found.clone());
    for a in all(None, &format!("{} a[href=\"#{before}\"]", TOC.sel)) {
        let _ = a.remove_attribute("aria-current");
    }
    let mut title = String::new();
    for a in all(None, &format!("{} a[href=\"#{found}\"]", TOC.sel)) {
        let _ = a.set_attribute("aria-current", "location");
        title = a.text_content().unwrap_or_default();
    }
    if let Ok(Some(el)) = document().query_selector(TOC_CURRENT.sel) {
        el.set_text_content(Some(&title));
    }
}

/// The reading progress line and "回到顶部", where the style sheet cannot
/// follow the scroll position: a transform set through the CSSOM (the
/// page's policy allows no style attribute) and a mark on `<html>` once
/// the reader is a screen down.
fn progress(height: f64) {
    let w = window();
    let y = w.scroll_y().unwrap_or(0.0);
    let Some(root) = super::root() else { return };
    let range = f64::from(root.scroll_height()) - height;
    // Spelled out, not `clamp`, whose panic message formats floats.
    let done = match y / range {
        r if r > 1.0 => 1.0,
        r if r > 0.0 => r,
        _ => 0.0,
    };
    if let Ok(Some(line)) = document().query_selector(PROGRESS_FILL.sel) {
        let _ = line
            .unchecked_ref::<web_sys::HtmlElement>()
            .style()
            .set_property("transform", &format!("scaleX({done:.4})"));
    }
    if (y > height) != root.has_attribute(root::SCROLLED) {
        let _ = root.toggle_attribute(root::SCROLLED);
    }
}
