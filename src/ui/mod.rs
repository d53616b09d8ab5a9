//! Leptos components: the only layer that touches the DOM.
//!
//! Components stay thin: what is open, how a number is said and what a URL
//! asks for are decided by plain types in [`state`] and [`crate::model`].
//! The same components render to static HTML in the command-line tool
//! (Leptos `ssr`), so effects and event handlers hold all browser calls.

mod chart_view;
mod dom;
pub mod embed;
mod embed_view;
mod error;
mod figures;
mod report_view;
mod search_view;
pub mod state;

use std::sync::Arc;

use leptos::prelude::*;

pub use error::ErrorPanel;
pub use report_view::ReportView;
pub use state::{OpenSections, ViewOptions};

use report_format::{Indexed, Lang, LoadError, TextSize, Theme};

/// What every component of one viewer shares.
#[derive(Clone)]
pub struct Viewer {
    /// The report shown, with its index.
    pub report: Arc<Indexed>,
    /// Interface language.
    pub lang: Lang,
    /// Which sections are open.
    pub open: RwSignal<OpenSections>,
    /// The id of the section being read, for the contents list.
    pub current: RwSignal<Option<String>>,
    /// Colour theme; charts redraw in its colours.
    pub theme: RwSignal<Theme>,
    /// Text size; charts redraw with larger labels.
    pub text: RwSignal<TextSize>,
    /// Whether to offer embed codes: a full hosted page, not an embed and
    /// not the offline file.
    pub offers_embed: bool,
    /// The width charts are first drawn at: that of the static page's
    /// drawings, so that they are not drawn twice.
    pub first_width: u32,
    /// The search query (kept in the URL).
    pub query: RwSignal<String>,
    /// A short message for the status line: copied, downloaded, … (read
    /// out by screen readers, cleared after a few seconds).
    pub status: RwSignal<String>,
}

/// The whole viewer: the report, or an error panel when it cannot be shown.
#[component]
pub fn App(
    /// The loaded report, or why it could not be loaded.
    report: Result<Arc<Indexed>, LoadError>,
    /// What the URL asked for.
    options: ViewOptions,
) -> impl IntoView {
    match report {
        Ok(report) => view! { <ReportView report=report options=options /> }.into_any(),
        Err(error) => view! { <ErrorPanel error=error /> }.into_any(),
    }
}

/// `Effect::new(move |_| f())` with the body boxed: each closure type given
/// to `Effect::new` links its own copy of the effect's task (~1.4 KB of
/// WASM); through one boxed type they share a single copy.
pub(crate) fn effect(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}

/// Id of the `<script type="application/json">` element the report travels in.
pub const REPORT_ELEMENT_ID: &str = report_format::page_ids::REPORT;
/// Name of the `<meta>` element in which a site's build lists the origins
/// besides its own that `?report=` may load from.
pub const REPORT_ORIGINS_META: &str = "report-viewer-origins";

/// File name of the single offline copy next to the hosted page.
pub const OFFLINE_FILE: &str = "report.html";

/// Name of the `<meta>` element in which the hosted page names its embed
/// script's hashed file and integrity (`embed-….js sha384-…`).
pub const EMBED_SCRIPT_META: &str = "report-viewer-embed";

/// Id of the element the viewer mounts into (it holds the static HTML
/// until then).
pub const APP_ELEMENT_ID: &str = report_format::page_ids::APP;

/// Starts the viewer in the browser: reads the URL and the report from the
/// page and replaces the static content of `#app` with the live viewer.
pub fn mount() {
    dom::boot::mount();
}
