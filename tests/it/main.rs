//! Native integration tests, one module per feature.

#[cfg(feature = "cli")]
mod authoring;
mod bundled;
#[cfg(feature = "cli")]
mod extreme;
mod layers;
#[cfg(feature = "cli")]
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

/// The bundled report, parsed and validated.
pub fn bundled() -> report_viewer::model::Report {
    report_viewer::model::parse_report(&read("public/reports/jimo-2024.json"))
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
