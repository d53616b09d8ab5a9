//! The contents list marks the section being read (`aria-current` on its
//! links) and names it in the compact bar on narrow screens: the last
//! section whose heading has scrolled above the top fifth of the window.

use std::cell::{Cell, RefCell};

use super::{all, document, listen, window};

thread_local! {
    /// The section marked now.
    static CURRENT: RefCell<String> = const { RefCell::new(String::new()) };
    /// A check is waiting for the next frame.
    static QUEUED: Cell<bool> = const { Cell::new(false) };
}

/// Marks the section in view, and again as the reader scrolls (at most
/// once a frame).
pub fn start() {
    update();
    listen(&window(), "scroll", false, |_| {
        if QUEUED.with(|q| q.replace(true)) {
            return;
        }
        let cb = wasm_bindgen::closure::Closure::once_into_js(|| {
            QUEUED.with(|q| q.set(false));
            update();
        });
        let _ = window().request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&cb));
    });
}

/// The id of the section the contents mark as being read; empty above
/// the first section.
pub fn current() -> String {
    CURRENT.with(|c| c.borrow().clone())
}

fn update() {
    let limit = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0)
        * 0.2;
    let mut found = String::new();
    for el in all(None, "details.sec") {
        if el.get_bounding_client_rect().top() > limit {
            break;
        }
        // A section inside a closed one has no box; skip it.
        if el.get_client_rects().length() > 0 {
            found = el.id();
        }
    }
    if CURRENT.with(|c| *c.borrow() == found) {
        return;
    }
    let before = CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), found.clone()));
    for a in all(None, &format!("nav.toc a[href=\"#{before}\"]")) {
        let _ = a.remove_attribute("aria-current");
    }
    let mut title = String::new();
    for a in all(None, &format!("nav.toc a[href=\"#{found}\"]")) {
        let _ = a.set_attribute("aria-current", "location");
        title = a.text_content().unwrap_or_default();
    }
    if let Ok(Some(el)) = document().query_selector(".toc-current") {
        el.set_text_content(Some(&title));
    }
}
