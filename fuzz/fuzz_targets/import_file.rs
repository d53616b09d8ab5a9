//! `report import` reads whatever file an author gives it: Word documents
//! (zips of XML), web pages, MHTML, text in any encoding, and things it
//! must refuse. Whatever the bytes, it refuses with a message or produces
//! a report and warnings; it never panics, and what it produces loads in
//! the viewer or says why not. `make fuzz` runs it with a memory limit and
//! a time limit per input (see the Makefile) that zip bombs and deeply
//! nested pages passed before the import had limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_cli::author::{detect, import};

fuzz_target!(|bytes: &[u8]| {
    // The name only matters for refusals' words and a few kinds (.docx,
    // .xls): try both.
    for name in ["input", "input.docx"] {
        if let Ok((_, json)) =
            detect::import_file(name, bytes, &import::ImportOptions::default())
        {
            let _ = report_format::parse_report(&json);
        }
    }
});
