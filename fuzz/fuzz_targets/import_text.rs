//! The text importer reads whatever an author pastes from a word
//! processor: it must always produce a report and warnings, never panic,
//! and what it produces must load in the viewer or say why not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_cli::author::import::{import_text, ImportOptions};

fuzz_target!(|text: &str| {
    let imported = import_text(text, &ImportOptions::default());
    // The imported report round-trips through the viewer's own loader.
    let json = serde_json::to_string(&imported.report).expect("a report serialises");
    let _ = report_format::parse_report(&json);
});
