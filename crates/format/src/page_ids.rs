//! The ids the viewer's page gives its own elements. Report ids become
//! element ids on the same page, so a report id equal to one of these would
//! take its place: a paragraph with id `report` made the page show an
//! error panel instead of the report, and `viewer-wasm` or `report-gz`
//! broke the offline file. Validation refuses them ([`is_reserved_id`]); the
//! viewer and the site builder name their elements with these constants,
//! and a test reads the sources for any id not listed here.

/// The element that holds the page the build wrote (the bar, the tools and
/// the report); the error panel goes here when there is no `#content`.
pub const APP: &str = "app";
/// The `<script type="application/json">` element the report travels in.
pub const REPORT: &str = "report";
/// The report's main content (the skip link's target).
pub const CONTENT: &str = "content";
/// The search field.
pub const SEARCH_INPUT: &str = "search-q";
/// The search field's help text.
pub const SEARCH_HELP: &str = "search-help";
/// The label of the text-size buttons.
pub const DISPLAY_TEXT: &str = "display-text";
/// The label of the colour-theme buttons.
pub const DISPLAY_THEME: &str = "display-theme";
/// The label of the 简体 / 繁體 links.
pub const DISPLAY_SCRIPT: &str = "display-script";
/// The full contents list (the compact bar's disclosure controls it).
pub const TOC_LIST: &str = "toc-list";
/// The reading tools' panel (display, search, downloads).
pub const TOOLS: &str = "tools";
/// The top of the document: "回到顶部" links to `#top`, which HTML takes
/// as the top when no element has the id, so none may.
pub const TOP: &str = "top";
/// The offline file's packed WASM.
pub const OFFLINE_WASM: &str = "viewer-wasm";
/// The offline file's packed report JSON.
pub const OFFLINE_REPORT: &str = "report-gz";

/// Every id the page uses for itself.
pub const RESERVED_IDS: [&str; 13] = [
    APP,
    REPORT,
    CONTENT,
    SEARCH_INPUT,
    SEARCH_HELP,
    DISPLAY_TEXT,
    DISPLAY_THEME,
    DISPLAY_SCRIPT,
    TOC_LIST,
    TOOLS,
    TOP,
    OFFLINE_WASM,
    OFFLINE_REPORT,
];

/// Prefix of a section heading's id (`h-` and the section's id).
pub const HEADING_PREFIX: &str = "h-";
/// Prefix of a chart's help text id (`help-` and the chart's id).
pub const CHART_HELP_PREFIX: &str = "help-";

/// Prefix of the ids a report table's cells and rows get (`cell-`, the
/// table's id, then `-h{row}-{cell}` for a heading or `-r{row}` for a row),
/// which the cells' `headers` name.
pub const TABLE_CELL_PREFIX: &str = "cell-";

/// Prefixes of the ids the page makes from report ids.
pub const RESERVED_PREFIXES: [&str; 3] = [HEADING_PREFIX, CHART_HELP_PREFIX, TABLE_CELL_PREFIX];

/// The id of a section's heading.
pub fn heading_id(section: &str) -> String {
    format!("{HEADING_PREFIX}{section}")
}

/// The id of a chart's help text.
pub fn chart_help_id(chart: &str) -> String {
    format!("{CHART_HELP_PREFIX}{chart}")
}

/// The id of heading cell `cell` of heading row `row` in table `table`.
/// Prefixed, so that no report id can be one (a paragraph `t-r0` beside a
/// table `t`); and no two tables' cell ids meet, since the id ends in
/// `-h{digits}-{digits}` read from the right.
pub fn table_heading_id(table: &str, row: usize, cell: usize) -> String {
    format!("{TABLE_CELL_PREFIX}{table}-h{row}-{cell}")
}

/// The id of body row `row`'s heading cell in table `table` (see
/// [`table_heading_id`]; this one ends in `-r{digits}`).
pub fn table_row_id(table: &str, row: usize) -> String {
    format!("{TABLE_CELL_PREFIX}{table}-r{row}")
}

/// Whether `id` is one the page uses for itself or could make from
/// another report id.
pub fn is_reserved_id(id: &str) -> bool {
    RESERVED_IDS.contains(&id) || RESERVED_PREFIXES.iter().any(|p| id.starts_with(p))
}

/// The reserved ids and prefixes as one line, for messages (written out:
/// joining them would cost WASM; a test holds it to the lists).
pub const RESERVED_LIST: &str = "app, report, content, search-q, search-help, display-text, \
     display-theme, display-script, toc-list, tools, top, viewer-wasm, report-gz, h-…, help-…, cell-…";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_ids_and_made_ids_are_reserved() {
        for id in RESERVED_IDS {
            assert!(is_reserved_id(id), "{id}");
        }
        assert!(is_reserved_id("h-part-1") && is_reserved_id("help-chart-a"));
        assert!(
            is_reserved_id(&table_row_id("t", 0)) && is_reserved_id(&table_heading_id("t", 0, 1))
        );
        assert!(
            !is_reserved_id("t-r0"),
            "a report id like the old row ids is free now"
        );
        for id in ["part-1", "reporting", "App", "h1", "helper", "p-report"] {
            assert!(!is_reserved_id(id), "{id}");
        }
        let mut list: Vec<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
        list.extend(RESERVED_PREFIXES.iter().map(|p| format!("{p}…")));
        assert_eq!(RESERVED_LIST, list.join(", "));
    }
}
