//! `report import` reads whatever file an author gives it: Word documents
//! (zips of XML), web pages, MHTML, text in any encoding, and things it
//! must refuse. Whatever the bytes, it refuses with a message or produces
//! a report and warnings; it never panics, and what it produces loads in
//! the viewer or says why not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_cli::author::{detect, import};

fuzz_target!(|bytes: &[u8]| {
    // The name only matters for refusals' words and a few kinds (.docx,
    // .xls): try both.
    for name in ["input", "input.docx"] {
        if let Ok(doc) = detect::read_document(name, bytes) {
            let imported = import::import_document(doc, &import::ImportOptions::default());
            let json = serde_json::to_string(&imported.report).expect("a report serialises");
            let _ = report_format::parse_report(&json);
        }
    }
});
