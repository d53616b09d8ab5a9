//! Theme and text size (长者模式): the page's head script applied the
//! reader's choice before first paint (the URL's, else the remembered one,
//! else the system's); here the buttons say which is chosen, and a click
//! applies at once, is remembered and goes into the URL. A theme change
//! draws nothing again (the style sheet recolours the charts); a text size
//! change redraws the charts with larger labels.

use report_format::{TextSize, Theme};

use super::{all, closest, document, event_element, listen, root_attr, set_root_attr};
use crate::state::ViewOptions;

/// Marks the chosen buttons and listens for choices.
pub fn start(_options: &ViewOptions) {
    mark(
        "data-theme-choice",
        &root_attr("data-theme").unwrap_or_default(),
    );
    mark(
        "data-text-size",
        &root_attr("data-text").unwrap_or_else(|| "standard".into()),
    );
    listen(&document(), "click", false, |ev| {
        let Some(el) = event_element(&ev) else { return };
        if let Some(b) = closest(&el, "[data-theme-choice]") {
            if let Some(t) = b
                .get_attribute("data-theme-choice")
                .and_then(|t| Theme::parse(&t))
            {
                set_theme(t);
                super::settings::remember("theme", t.name());
            }
        } else if let Some(b) = closest(&el, "[data-text-size]") {
            if let Some(t) = b
                .get_attribute("data-text-size")
                .and_then(|t| TextSize::parse(&t))
            {
                set_text(t);
                super::settings::remember("text", t.name());
            }
        }
    });
}

/// `aria-pressed` on every button with `attr`: true for `value` only.
fn mark(attr: &str, value: &str) {
    for b in all(None, &format!("[{attr}]")) {
        let on = b.get_attribute(attr).as_deref() == Some(value);
        let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
    }
}

/// Applies a theme.
pub fn set_theme(t: Theme) {
    set_root_attr("data-theme", t.name());
    mark("data-theme-choice", t.name());
    super::sections::write_state_soon();
}

/// Applies a text size and redraws the charts for it.
pub fn set_text(t: TextSize) {
    set_root_attr("data-text", t.name());
    mark("data-text-size", t.name());
    super::chart::text_changed(t);
    super::sections::write_state_soon();
}

/// The theme and text size shown now.
pub fn current() -> (Theme, TextSize) {
    (
        root_attr("data-theme")
            .and_then(|t| Theme::parse(&t))
            .unwrap_or_default(),
        root_attr("data-text")
            .and_then(|t| TextSize::parse(&t))
            .unwrap_or_default(),
    )
}
