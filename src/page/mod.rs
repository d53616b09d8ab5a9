//! The page: Leptos components that render a report to static HTML at
//! build time (feature `ssr`; the command-line tool calls [`App`]). That
//! HTML is the page a reader gets, with scripts or without. In the browser
//! the interactive widgets among them are islands ([`crate::hooks::Island`]):
//! the same component hydrates its own markup in place, reading the
//! page's state from context ([`Display`]). The report's text is never
//! rendered again; the browser layer ([`crate::enhance`]) attaches the
//! rest of the behaviour to the DOM these components wrote.
//!
//! Components stay thin: what a number says, where it came from and what a
//! chart looks like are decided by `report_format` and `report_chart`.

mod chart;
mod embed;
mod error;
mod figures;
mod menu;
mod read;
mod report;
mod search;
mod table;

use std::sync::Arc;

use leptos::prelude::*;
use report_format::{Indexed, Lang, Script, TextSize, Theme};

pub use error::ErrorPanel;
pub use read::{Player, ReadPlayer};
pub use report::{DisplayControls, ReportView};
pub use search::{Answer, Search, SearchBox, MAX_LISTED};

/// The reader's display settings, as signals every island reads: the
/// page's defaults at build time; in the browser, what the page's head
/// script applied, then each choice.
#[derive(Clone, Copy)]
pub struct Display {
    /// The colour theme.
    pub theme: RwSignal<Theme>,
    /// The text size (长者模式).
    pub text: RwSignal<TextSize>,
}

impl Display {
    /// The page's defaults, as the build renders them.
    pub fn new() -> Display {
        Display {
            theme: RwSignal::new(Theme::default()),
            text: RwSignal::new(TextSize::default()),
        }
    }
}

impl Default for Display {
    fn default() -> Self {
        Display::new()
    }
}

/// What every component of one page shares.
#[derive(Clone)]
pub struct Viewer {
    /// The report shown, with its index.
    pub report: Arc<Indexed>,
    /// Interface language of this page.
    pub lang: Lang,
    /// This page is the single offline file.
    pub offline: bool,
    /// The script of this page: the report as written, or in traditional
    /// characters (the build converts the page after rendering it).
    pub script: Script,
    /// Whether the report has a page in traditional characters beside the
    /// simplified one (the 简体 / 繁體 links).
    pub hant_page: bool,
}

/// The whole page's content for one report in one interface language.
#[component]
pub fn App(
    /// The report, validated and indexed.
    report: Arc<Indexed>,
    /// The interface language of this page.
    lang: Lang,
    /// Whether this is the single offline file (nothing to download, no
    /// embed codes).
    offline: bool,
    /// The script of this page (simplified unless given).
    #[prop(optional)]
    script: Script,
    /// Whether the report has a page in traditional characters too.
    #[prop(optional)]
    hant_page: bool,
) -> impl IntoView {
    provide_context(Viewer {
        report,
        lang,
        offline,
        script,
        hant_page,
    });
    provide_context(Display::new());
    view! { <ReportView /> }
}
