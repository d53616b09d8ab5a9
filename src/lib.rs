//! The report viewer: Leptos components and browser glue, compiled to
//! WebAssembly for the page, and rendered to static HTML (feature `ssr`)
//! by the command-line tool with the same components.
//!
//! It builds on the report format (`report_format`) and the chart layer
//! (`report_chart`); `main.rs` only mounts [`ui::mount`]. See
//! ARCHITECTURE.md.

pub mod ui;
