//! Authoring: turning authors' text into reports, checking reports, and
//! the report format's JSON Schema. Only the command-line tool uses this
//! module (feature `cli`).

pub mod check;
pub mod import;
pub mod synth;

use report_format::Report;

/// The JSON Schema of the report format, generated from the Rust types.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Report);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}
