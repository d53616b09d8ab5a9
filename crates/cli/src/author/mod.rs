//! Authoring: turning authors' files (text, Word, web pages,
//! spreadsheets) into reports, checking reports, and the report format's
//! JSON Schema. Only the command-line tool uses this module.
//!
//! Reading: `detect` (what a file is, by its content), `docx`, `html`
//! (also inside `.mhtml`) and plain text each give a `source::Document`;
//! `import` finds its structure, `figures` its numbers, `tables` and
//! `charts` its tables and their charts, `meta` its metadata. `sheet`
//! turns a spreadsheet into a chart for `report chart add`. `limits`
//! bounds what any of them reads, before the work, so that no file can
//! hang an import or exhaust its memory (`html_tree` does it for pages).

pub mod charts;
pub mod check;
pub mod detect;
pub mod docx;
pub mod docx_styles;
pub mod figures;
pub mod html;
pub mod html_meta;
pub mod html_tree;
pub mod import;
pub mod limits;
pub mod meta;
pub mod sheet;
pub mod source;
pub mod synth;
pub mod synth_files;
pub mod synth_sheets;
pub mod synth_zip;
pub mod tables;
pub mod workbook;

use report_format::Report;

/// The JSON Schema of the report format, generated from the Rust types.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Report);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}
