//! Native integration tests, one module per feature. They drive every
//! layer: the report format, the chart layer, the viewer's components
//! rendered to static HTML, and the command-line tool.
#![cfg(not(target_arch = "wasm32"))]

mod authoring;
mod bundled;
mod extreme;
mod hant;
mod head_js;
mod hooks;
mod hostile_import;
mod import;
mod import_fixtures;
mod layers;
mod page_ids;
mod prerender;
mod validation;

use std::path::PathBuf;

/// A path under the repository root.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The text of a file under the repository root.
pub fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

/// The bundled report, parsed, indexed and validated.
pub fn bundled() -> report_format::Indexed {
    report_format::parse_report(&read("public/reports/jimo-2024.json"))
        .expect("the bundled report is valid")
}

/// The minimal valid report, as JSON to edit.
pub fn minimal() -> serde_json::Value {
    serde_json::from_str(&read("tests/fixtures/valid/minimal.json")).unwrap()
}

/// `depth` sections each inside the one before, as JSON text (built as
/// text: a 1,000-deep `serde_json::Value` would itself overflow the stack
/// when dropped).
pub fn nested_sections(depth: usize) -> String {
    let mut inner = String::from(r#"{"id":"s0","title":"t"}"#);
    for i in 1..depth {
        inner = format!(r#"{{"id":"s{i}","title":"t","sections":[{inner}]}}"#);
    }
    inner
}

/// Reads CSV as a spreadsheet would (the `csv` crate), byte order mark
/// dropped: rows of cells.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(report_format::CSV_BOM).unwrap_or(text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(String::from).collect())
        .collect()
}
