//! Chart geometry on the page: following a drawing's width, and where a
//! placed point of a [`report_chart::Drawing`] is on screen. Everything
//! about a point comes from the drawing's data; the page is asked only
//! for sizes and positions.

use leptos::prelude::*;
use report_chart::Drawing;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Keeps `width` equal to `el`'s width, rounded to 8 px so small changes
/// do not redraw.
pub fn follow_width(el: &web_sys::HtmlDivElement, width: RwSignal<u32>) {
    // No measuring here: that would force a layout of the whole page in
    // the middle of building it. The observer reports the first size
    // itself, after the next layout and before that frame is painted.
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = Some(entries.get(0)).filter(|e| e.is_object()) {
            let entry: &web_sys::ResizeObserverEntry = entry.unchecked_ref();
            let w = chart_width(entry.content_rect().width());
            if w > 0 && width.try_get_untracked().is_some_and(|old| old != w) {
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

/// A drawing's width in whole steps of 8 px, so that a pixel's change
/// does not redraw it.
pub(crate) fn chart_width(w: f64) -> u32 {
    ((w.max(0.0) as u32) / 8) * 8
}

/// Moves an absolutely placed element to `x`, `y` (CSS pixels) through
/// its style object, which a strict style policy allows.
pub fn place(el: &web_sys::HtmlElement, x: i32, y: i32) {
    let style = el.style();
    let _ = style.set_property("left", &format!("{x}px"));
    let _ = style.set_property("top", &format!("{y}px"));
}

/// The box a drawing is shown in: where its `<svg>` is, relative to `host`,
/// and how much it is scaled. The SVG keeps its aspect ratio and is
/// centred in its box (`xMidYMid meet`).
fn frame(host: &web_sys::Element, d: &Drawing) -> Option<(f64, f64, f64)> {
    let svg = host.first_element_child()?;
    let (r, h) = (
        svg.get_bounding_client_rect(),
        host.get_bounding_client_rect(),
    );
    let (w, ht) = (f64::from(d.width.max(1)), f64::from(d.height.max(1)));
    let scale = (r.width() / w).min(r.height() / ht);
    let left = r.left() - h.left() + (r.width() - w * scale) / 2.0;
    let top = r.top() - h.top() + (r.height() - ht * scale) / 2.0;
    Some((left, top, scale))
}

/// Where the tip of point `i` of the drawing shown in `host` goes,
/// relative to `host`: above the point's target, centred.
pub fn point_position(host: &web_sys::Element, d: &Drawing, i: usize) -> Option<(f64, f64)> {
    let p = d.points.get(i)?;
    let (left, top, scale) = frame(host, d)?;
    let above = f64::from(p.y - d.target_radius);
    Some((left + f64::from(p.x) * scale, top + above * scale))
}

/// The point of the drawing under the pointer, if any.
pub fn point_under(
    host: &web_sys::Element,
    d: &Drawing,
    ev: &web_sys::PointerEvent,
) -> Option<usize> {
    let (left, top, scale) = frame(host, d)?;
    let h = host.get_bounding_client_rect();
    let x = (f64::from(ev.client_x()) - h.left() - left) / scale;
    let y = (f64::from(ev.client_y()) - h.top() - top) / scale;
    d.point_at(x, y)
}

/// Shows point `i`'s focus ring on its target (and no other's): targets
/// are drawn in the order of the drawing's points.
pub fn mark_point(host: &web_sys::Element, i: Option<usize>) {
    let Ok(list) = host.query_selector_all("circle.pt") else {
        return;
    };
    for k in 0..list.length() {
        if let Some(el) = list.item(k).map(|n| n.unchecked_into::<web_sys::Element>()) {
            let _ = el
                .class_list()
                .toggle_with_force("on", Some(k as usize) == i);
        }
    }
}
