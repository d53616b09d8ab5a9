//! The reader's settings: the system's theme, and choices remembered in
//! `localStorage` (which the page's head script reads back before first
//! paint).

use report_format::Theme;

use super::window;

// Global because it is a fact about the browser, asked once, not state.
thread_local! {
    /// The system's theme, asked once (each ask is a style query).
    static SYSTEM_THEME: std::cell::Cell<Option<Theme>> = const { std::cell::Cell::new(None) };
}

/// The theme the reader's system asks for: dark, high contrast or light.
pub fn system_theme() -> Theme {
    if let Some(t) = SYSTEM_THEME.with(|t| t.get()) {
        return t;
    }
    let t = ask_system_theme();
    SYSTEM_THEME.with(|c| c.set(Some(t)));
    t
}

fn ask_system_theme() -> Theme {
    let matches = |q: &str| {
        window()
            .match_media(q)
            .ok()
            .flatten()
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

/// Key under which a reader's choice is remembered in `localStorage`.
fn storage_key(name: &str) -> String {
    format!("{}{name}", report_format::settings::STORAGE_PREFIX)
}

/// A choice the reader made before, if storage has it.
pub fn recall(name: &str) -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(&storage_key(name))
        .ok()
        .flatten()
}

/// Remembers a reader's choice; silently does nothing without storage.
pub fn remember(name: &str, value: &str) {
    if let Ok(Some(store)) = window().local_storage() {
        let _ = store.set_item(&storage_key(name), value);
    }
}
