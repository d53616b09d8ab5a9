//! The report viewer. One page per report and interface language, whose
//! static HTML is the page: the same Leptos components render it at build
//! time ([`page`], feature `ssr`, used by the command-line tool), and in
//! the browser the WebAssembly attaches behaviour to that very DOM
//! ([`enhance`]) without rendering the report a second time.
//!
//! It builds on the report format (`report_format`) and the chart layer
//! (`report_chart`). [`state`] holds the plain, natively tested state the
//! browser layer works with; [`ids`] the names both sides agree on.
//! `main.rs` only calls [`mount`]. See ARCHITECTURE.md.

pub mod embed;
pub mod enhance;
pub mod hooks;
pub mod ids;
pub mod page;
pub mod state;

/// Starts the viewer in the browser: attaches behaviour to the page.
pub fn mount() {
    enhance::boot::mount();
}
