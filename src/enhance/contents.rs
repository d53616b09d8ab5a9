//! The contents list marks the section being read (`aria-current` on its
//! links) and names it in the compact bar on narrow screens: the last
//! section whose top has scrolled above the top fifth of the window.
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
    /// The sections in document order, and for each whether its top is
    /// above the line (as the observer last said).
    sections: RefCell<Vec<(web_sys::Element, bool)>>,
    /// Each section element's place in `sections`.
    index: js_sys::Map,
    /// A progress update is waiting for the next frame.
    queued: Cell<bool>,
}

/// How far down the window the line is that a section's top must have
/// passed to be the one being read: the top fifth.
const LINE: &str = "-80%";

/// Marks the section being read, and again whenever a section's top
/// crosses the line: an IntersectionObserver tells which, so scrolling
/// reads no layout. Its area is the window above the line, grown far
/// upwards, so a section counts while its top is above the line and any
/// of it is less than that far above the window; a section inside a
/// closed one has no box and never counts.
pub fn start() {
    let Some(v) = viewer() else { return };
    {
        let mut sections = v.contents.sections.borrow_mut();
        for (k, el) in all(None, SEC.sel).into_iter().enumerate() {
            v.contents.index.set(&el, &(k as f64).into());
            sections.push((el, false));
        }
    }
    let seen =
        wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(|entries: js_sys::Array| {
            let Some(v) = viewer() else { return };
            {
                let mut sections = v.contents.sections.borrow_mut();
                for e in entries.iter() {
                    let e: web_sys::IntersectionObserverEntry = e.unchecked_into();
                    let k = v.contents.index.get(&e.target()).as_f64();
                    if let Some(s) = k.and_then(|k| sections.get_mut(k as usize)) {
                        s.1 = e.is_intersecting();
                    }
                }
            }
            mark(&v);
        });
    let opts = web_sys::IntersectionObserverInit::new();
    // The document as the root, not the implicit one: in a partner's
    // frame of another origin the implicit root is the top window, and
    // its margins are ignored.
    let _ = js_sys::Reflect::set(&opts, &"root".into(), &document());
    opts.set_root_margin(&format!("100000px 0px {LINE} 0px"));
    let cb: &js_sys::Function = seen.as_ref().unchecked_ref();
    let io = web_sys::IntersectionObserver::new_with_options(cb, &opts).or_else(|_| {
        // A browser that takes no document as the root: the window's.
        let _ = js_sys::Reflect::delete_property(&opts, &"root".into());
        web_sys::IntersectionObserver::new_with_options(cb, &opts)
    });
    if let Ok(io) = io {
        for (el, _) in v.contents.sections.borrow().iter() {
            io.observe(el);
        }
    }
    // The observer lives as long as the page; so must its callback.
    seen.forget();
    if !CSS_SCROLL.with(|c| *c) {
        queue();
        // A resize (or text size) changes how far down the reader is too.
        for name in ["scroll", "resize"] {
            listen(&window(), name, false, |_| queue());
        }
    }
}

/// Moves the progress line at the next frame, once however many events
/// came.
fn queue() {
    let Some(v) = viewer() else { return };
    if v.contents.queued.replace(true) {
        return;
    }
    // Leptos' helper, not gloo-render: the same call, already linked.
    leptos::prelude::request_animation_frame(move || {
        v.contents.queued.set(false);
        progress();
    });
}

/// The id of the section the contents mark as being read; empty above
/// the first section.
pub fn current() -> String {
    viewer()
        .map(|v| v.contents.current.borrow().clone())
        .unwrap_or_default()
}

/// Marks the last section whose top is above the line, if it changed.
fn mark(v: &super::Viewer) {
    let found = v
        .contents
        .sections
        .borrow()
        .iter()
        .rev()
        .find(|(_, above)| *above)
        .map(|(el, _)| el.id())
        .unwrap_or_default();
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
fn progress() {
    let w = window();
    let height = w
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
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
