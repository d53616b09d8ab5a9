//! Theme and text size (长者模式). The page's head script applied the
//! reader's choice before first paint (the URL's, else the remembered one,
//! else the system's); the display controls, an island
//! ([`crate::page::DisplayControls`]), show which is chosen through
//! [`Display`]'s signals, which start here from what head.js applied. A
//! choice applies at once, is remembered and goes into the URL. A theme
//! change draws nothing again (the style sheet recolours the charts); a
//! text size change redraws the charts with larger labels.

use leptos::prelude::Set;
use report_format::{TextSize, Theme};

use super::{root_attr, set_root_attr};
use crate::hooks::root;
use crate::page::Display;

/// Gives the signals what the page shows now (the head script's choice).
pub fn start(d: Display) {
    let (theme, text) = current();
    d.theme.set(theme);
    d.text.set(text);
}

/// The reader chose a theme: applied and remembered.
pub fn choose_theme(d: Display, t: Theme) {
    set_theme(d, t);
    super::settings::remember("theme", t.name());
}

/// The reader chose a text size: applied and remembered.
pub fn choose_text(d: Display, t: TextSize) {
    set_text(d, t);
    super::settings::remember("text", t.name());
}

/// Applies a theme (a reader's choice, or a host page's).
pub fn set_theme(d: Display, t: Theme) {
    set_root_attr(root::THEME, t.name());
    d.theme.set(t);
    super::sections::write_state_soon();
}

/// Applies a text size and redraws the charts for it.
pub fn set_text(d: Display, t: TextSize) {
    set_root_attr(root::TEXT, t.name());
    d.text.set(t);
    super::chart::text_changed(t);
    super::sections::write_state_soon();
}

/// The theme and text size shown now.
pub fn current() -> (Theme, TextSize) {
    (
        root_attr(root::THEME)
            .and_then(|t| Theme::parse(&t))
            .unwrap_or_default(),
        root_attr(root::TEXT)
            .and_then(|t| TextSize::parse(&t))
            .unwrap_or_default(),
    )
}
