//! The page's address: where it is, links to share, the reading state
//! written back, and the address it was opened with.

use report_format::{TextSize, Theme};
use wasm_bindgen::{JsCast, JsValue};

use super::settings::system_theme;
use super::window;

/// The page's address without query or fragment, for embed snippets.
pub fn page_base() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// The hashed embed script's name and integrity value, as the build wrote
/// them into the page (`None` where it did not: the offline file).
pub fn embed_script() -> Option<String> {
    super::document()
        .query_selector(&format!("meta[name=\"{}\"]", crate::ids::EMBED_SCRIPT_META))
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// Writes the reading state into the URL without a new history entry:
/// search, closed sections, and theme and text size unless they are what
/// the page would pick by itself.
pub fn write_state(query: &str, closed: &[String], theme: Theme, text: TextSize) {
    let w = window();
    let loc = w.location();
    let search = loc.search().unwrap_or_default();
    let closed = closed.join(",");
    let theme = if theme == system_theme() {
        ""
    } else {
        theme.name()
    };
    let text = if text == TextSize::Standard {
        ""
    } else {
        text.name()
    };
    let next = crate::state::query_with_state(
        &search,
        &[
            ("q", query),
            ("closed", &closed),
            ("theme", theme),
            ("text", text),
        ],
    );
    if next == search {
        return;
    }
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap_or_default(),
        next,
        loc.hash().unwrap_or_default()
    );
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// A link to the element `id` on this page, as a whole page (see
/// [`crate::state::share_query`]), with the current reading state.
pub fn share_url(id: &str) -> String {
    let search = window().location().search().unwrap_or_default();
    format!("{}{}#{id}", page_base(), crate::state::share_query(&search))
}

/// The address this page was opened with, fragment directive included
/// (the navigation entry keeps what `location` hides).
pub(super) fn navigation_url() -> Option<String> {
    let entries = window().performance()?.get_entries_by_type("navigation");
    let entry = Some(entries.get(0)).filter(|e| e.is_object())?;
    let entry: web_sys::PerformanceEntry = entry.unchecked_into();
    Some(entry.name())
}
