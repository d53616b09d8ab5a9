//! The search result list: moving through it with the arrow keys.

use wasm_bindgen::JsCast;

use super::{document, focus_by_id};
use crate::ui::search_view::SEARCH_INPUT_ID;

fn result_links(list: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(links) = list.query_selector_all("a") else {
        return Vec::new();
    };
    (0..links.length())
        .filter_map(|i| Some(links.item(i)?.unchecked_into::<web_sys::HtmlElement>()))
        .collect()
}

/// Focuses the `i`th result link of the list.
pub fn focus_result(list: &web_sys::Element, i: usize) {
    if let Some(a) = result_links(list).get(i) {
        let _ = a.focus();
    }
}

/// Moves focus `step` results up or down from the focused one; above the
/// first, back to the search field.
pub fn step_result(list: &web_sys::Element, step: isize) {
    let links = result_links(list);
    let active = document().active_element();
    let now = links.iter().position(|a| {
        active
            .as_ref()
            .is_some_and(|f| f == a.unchecked_ref::<web_sys::Element>())
    });
    let next = now.map_or(0, |i| i as isize + step);
    if next < 0 {
        focus_by_id(SEARCH_INPUT_ID);
    } else if let Some(a) = links.get(next as usize) {
        let _ = a.focus();
    }
}
