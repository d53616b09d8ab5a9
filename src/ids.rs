//! The names the static page and the browser layer agree on: element ids,
//! file names, storage keys. One place, so that neither side can drift.

//!
//! Element ids live in `report_format::page_ids`, because validation must
//! refuse a report id equal to one of them.

/// Id of the `<script type="application/json">` element the report travels in.
pub const REPORT_ELEMENT_ID: &str = report_format::page_ids::REPORT;
/// Id of the element that holds the report's static HTML.
pub const APP_ELEMENT_ID: &str = report_format::page_ids::APP;
/// Id of the search field, which `/` focuses.
pub const SEARCH_INPUT_ID: &str = report_format::page_ids::SEARCH_INPUT;
/// Name of the `<meta>` in which the site build names the hashed embed
/// script and its integrity, for the embed snippets.
pub const EMBED_SCRIPT_META: &str = "report-viewer-embed";
/// The one Trusted Types policy the page's Content-Security-Policy allows
/// (`trusted-types report-viewer`), which the viewer creates for chart SVG.
pub const TRUSTED_TYPES_POLICY: &str = "report-viewer";
/// Where the offline file's loader leaves the unpacked report text for the
/// viewer (its `script#report` stays empty: writing a script element's text
/// is a Trusted Types sink).
pub const OFFLINE_REPORT_GLOBAL: &str = "reportViewerReport";
/// File name of the hosted page in the report's own language.
pub const INDEX_FILE: &str = "index.html";
/// File name of the single offline copy next to the hosted page.
pub const OFFLINE_FILE: &str = "report.html";

/// The file name of `base` (`index.html`, `report.html`) for the
/// interface language `lang`: the default language's is `base` itself,
/// others insert their short name (`index.en.html`).
pub fn page_file(base: &str, lang: report_format::Lang) -> String {
    match lang {
        report_format::Lang::Zh => base.to_string(),
        other => match base.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem}.{}.{ext}", other.name()),
            None => format!("{base}.{}", other.name()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_format::Lang;

    #[test]
    fn each_language_has_its_own_page() {
        assert_eq!(page_file(INDEX_FILE, Lang::Zh), "index.html");
        assert_eq!(page_file(INDEX_FILE, Lang::En), "index.en.html");
        assert_eq!(page_file(OFFLINE_FILE, Lang::En), "report.en.html");
    }
}
