//! The page's own element ids and report ids share one namespace: every
//! id the viewer, the page template and the site builder give an element
//! (or make from a report id) must be reserved, so that validation refuses
//! it as a report id. Read from the sources, so that a new element with an
//! id fails here until it is listed in `report_format::page_ids`.

use report_format::page_ids::{is_reserved_id, RESERVED_IDS};
use report_format::{parse_report, Code};

use crate::{minimal, repo};

/// Every file under `dir` (recursively) whose name ends with `ext`.
pub(crate) fn files(dir: &str, ext: &str, out: &mut Vec<std::path::PathBuf>) {
    let mut stack = vec![repo(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().ends_with(ext) {
                out.push(p);
            }
        }
    }
}

/// The literal ids after each `pattern` in `text` that starts an attribute
/// or call of its own (not `data-testid="`); dynamic ones (`{…}`) are skipped.
fn ids_after<'a>(text: &'a str, pattern: &str) -> Vec<&'a str> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.match_indices(pattern)
        .filter(|(i, _)| !text[..*i].ends_with(word))
        .map(|(i, _)| {
            let rest = &text[i + pattern.len()..];
            &rest[..rest.find(|c: char| !word(c)).unwrap_or(rest.len())]
        })
        .filter(|id| !id.is_empty())
        .collect()
}

/// The prefixes of ids made with `format!("prefix-{…}")` into a variable
/// whose name ends with `id`.
fn made_prefixes(text: &str) -> Vec<&str> {
    text.match_indices("id = format!(\"")
        .map(|(i, m)| {
            let rest = &text[i + m.len()..];
            &rest[..rest.find('{').unwrap_or(0)]
        })
        .filter(|p| p.ends_with('-'))
        .collect()
}

#[test]
fn every_id_the_page_gives_its_own_elements_is_reserved() {
    let mut paths = Vec::new();
    files("src", ".rs", &mut paths);
    files("crates/cli/src/site", ".rs", &mut paths);
    files("public", ".js", &mut paths);
    paths.push(repo("index.html"));
    let mut found: Vec<(String, String)> = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.strip_prefix(repo("")).unwrap().display().to_string();
        for pattern in [
            "id=\"",
            "id=\\\"",
            "getElementById(\"",
            "get_element_by_id(\"",
            "inflate(\"",
            "aria-labelledby=\"",
            "aria-describedby=\"",
            "for=\"",
            "href=\"#",
            "href=\\\"#",
        ] {
            for id in ids_after(&text, pattern) {
                found.push((name.clone(), id.to_string()));
            }
        }
        for prefix in made_prefixes(&text) {
            found.push((name.clone(), format!("{prefix}x")));
        }
    }
    let unlisted: Vec<_> = found.iter().filter(|(_, id)| !is_reserved_id(id)).collect();
    assert!(
        unlisted.is_empty(),
        "ids the page uses that report_format::page_ids does not reserve: {unlisted:?}"
    );
    // The reading works: it finds the page's ids where they are written.
    for want in [
        "app",
        "report",
        "content",
        "display-text",
        "display-theme",
        "report-gz",
        "viewer-wasm",
    ] {
        assert!(
            found.iter().any(|(_, id)| id == want),
            "{want} in {found:?}"
        );
    }
}

#[test]
fn reserved_ids_are_refused_with_their_place() {
    for id in RESERVED_IDS
        .iter()
        .copied()
        .chain(["h-part-1", "help-chart", "cell-table-1-r0"])
    {
        let mut v = minimal();
        v["sections"][0]["sections"][0]["blocks"][0]["id"] = id.into();
        let problems = parse_report(&v.to_string()).unwrap_err().problems();
        let reserved: Vec<_> = problems
            .iter()
            .filter(|p| p.code == Code::ReservedId)
            .collect();
        assert_eq!(reserved.len(), 1, "{id}: {problems:?}");
        assert_eq!(reserved[0].location, "/sections/0/sections/0/blocks/0/id");
        assert!(reserved[0].en.contains(id) && reserved[0].hint_en.contains("app, report"));
    }
}

/// The ids the page makes from report ids (headings, chart help, a table's
/// cells and rows) meet no report id and no other made id, on a report
/// whose paragraph is named like a row of the table beside it.
#[test]
fn ids_made_from_report_ids_are_unique_on_the_page() {
    let text = std::fs::read_to_string(repo("tests/fixtures/valid/table-cell.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    // The old row ids were `{table}-r{row}`: this paragraph took row 0's.
    let blocks = v["sections"][0]["sections"][0]["blocks"]
        .as_array_mut()
        .unwrap();
    blocks.push(serde_json::json!({"type": "paragraph", "id": "table-1-r0", "text": "一段话。"}));
    let r = parse_report(&v.to_string()).expect("a report id like a row's is valid");
    let html = report_cli::site::prerender(
        &r,
        report_format::Lang::Zh,
        report_cli::site::PageKind::Hosted,
    );
    let ids = ids_after(&html, "id=\"");
    let mut seen = std::collections::HashSet::new();
    let twice: Vec<_> = ids.iter().filter(|id| !seen.insert(**id)).collect();
    assert!(twice.is_empty(), "ids on the page twice: {twice:?}");
    let tabled: Vec<_> = ids.iter().filter(|i| i.contains("table-1")).collect();
    assert!(
        ids.contains(&"table-1-r0") && ids.contains(&"cell-table-1-r0"),
        "{tabled:?}"
    );
    assert!(ids.contains(&"h-part-1"), "{ids:?}");
}
