//! A viewer for government annual reports.
//!
//! The layers, from the bottom: [`model`] (the report format, loading,
//! validation), [`chart`] (plotters → SVG strings) and [`ui`] (Leptos
//! components). `main.rs` only mounts [`ui::mount`]. See ARCHITECTURE.md.

#[cfg(feature = "cli")]
pub mod author;
pub mod chart;
pub mod i18n;
pub mod model;
pub mod search;
#[cfg(feature = "cli")]
pub mod site;
pub mod ui;
