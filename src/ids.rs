//! The names the static page and the browser layer agree on: element ids,
//! file names, storage keys. One place, so that neither side can drift.
//! Classes, `data-*` names, actions and islands are in [`crate::hooks`].
//!
//! Element ids live in `report_format::page_ids`, because validation must
//! refuse a report id equal to one of them.

/// Id of the `<script type="application/json">` element the report travels in.
pub const REPORT_ELEMENT_ID: &str = report_format::page_ids::REPORT;
/// Id of the element that holds the report's static HTML.
pub const APP_ELEMENT_ID: &str = report_format::page_ids::APP;
/// Id of the element that holds the report's text.
pub const CONTENT_ELEMENT_ID: &str = report_format::page_ids::CONTENT;
/// Id of the search field, which `/` focuses.
pub const SEARCH_INPUT_ID: &str = report_format::page_ids::SEARCH_INPUT;
/// Id of the search field's help, which the field names as its description.
pub const SEARCH_HELP_ID: &str = report_format::page_ids::SEARCH_HELP;
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
/// Name of the `<meta>` that carries, on a page in traditional characters,
/// the viewer's own words in them ([`crate::state::ScriptTable`]).
pub const HANT_META: &str = "report-viewer:hant";
/// Name of the `<meta>` that carries the report's characters in the other
/// script, for search (`report_format::search::add_fold_pairs`).
pub const FOLD_META: &str = "report-viewer:fold";

/// The file name of `base` (`index.html`, `report.html`) for the
/// interface language `lang`: the default language's is `base` itself,
/// others insert their short name (`index.en.html`).
pub fn page_file(base: &str, lang: report_format::Lang) -> String {
    match lang {
        report_format::Lang::Zh => base.to_string(),
        other => insert_name(base, other.name()),
    }
}

/// The file name of `base` for the interface language `lang` in `script`:
/// the Chinese page in traditional characters inserts `hant`
/// (`index.hant.html`); every other is [`page_file`]'s.
pub fn script_page_file(
    base: &str,
    lang: report_format::Lang,
    script: report_format::Script,
) -> String {
    match (lang, script) {
        (report_format::Lang::Zh, report_format::Script::Hant) => insert_name(base, script.name()),
        _ => page_file(base, lang),
    }
}

fn insert_name(base: &str, name: &str) -> String {
    match base.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{name}.{ext}"),
        None => format!("{base}.{name}"),
    }
}

/// Whether a report written in `language` (its `meta.language`) has a page
/// in traditional characters beside its simplified one: a report in
/// simplified Chinese (`zh`, `zh-CN`, `zh-Hans`, `zh-SG`) does; one in
/// traditional characters (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`) or in
/// another language does not.
pub fn has_hant_page(language: &str) -> bool {
    let l = language.to_ascii_lowercase();
    let chinese = l == "zh" || l.starts_with("zh-");
    let traditional = ["hant", "tw", "hk", "mo"]
        .iter()
        .any(|t| l.split('-').skip(1).any(|part| part == *t));
    chinese && !traditional
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_format::{Lang, Script};

    #[test]
    fn each_language_has_its_own_page() {
        assert_eq!(page_file(INDEX_FILE, Lang::Zh), "index.html");
        assert_eq!(page_file(INDEX_FILE, Lang::En), "index.en.html");
        assert_eq!(page_file(OFFLINE_FILE, Lang::En), "report.en.html");
        assert_eq!(
            script_page_file(INDEX_FILE, Lang::Zh, Script::Hant),
            "index.hant.html"
        );
        assert_eq!(
            script_page_file(OFFLINE_FILE, Lang::Zh, Script::Hant),
            "report.hant.html"
        );
        assert_eq!(
            script_page_file(INDEX_FILE, Lang::Zh, Script::Hans),
            "index.html"
        );
        assert_eq!(
            script_page_file(INDEX_FILE, Lang::En, Script::Hant),
            "index.en.html"
        );
    }

    #[test]
    fn only_simplified_chinese_reports_get_a_traditional_page() {
        for (language, yes) in [
            ("zh-CN", true),
            ("zh", true),
            ("zh-Hans", true),
            ("zh-SG", true),
            ("zh-Hant", false),
            ("zh-TW", false),
            ("zh-Hant-HK", false),
            ("zh-HK", false),
            ("en", false),
            ("zhx", false),
        ] {
            assert_eq!(has_hant_page(language), yes, "{language}");
        }
    }
}
