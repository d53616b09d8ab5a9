//! Broken reports give precise, located messages; valid ones pass.

use report_viewer::model::{parse_report, LoadError};
use serde_json::{json, Value};

use crate::{minimal, read};

/// Applies `edit` to the minimal report and expects exactly the problems
/// `expected` as (code, pointer) pairs.
fn check(edit: impl FnOnce(&mut Value), expected: &[(&str, &str)]) {
    let mut v = minimal();
    edit(&mut v);
    let got: Vec<(String, String)> = match parse_report(&v.to_string()) {
        Ok(_) => vec![],
        Err(LoadError::Invalid(problems)) => {
            for p in &problems {
                assert!(
                    !p.zh.is_empty()
                        && !p.en.is_empty()
                        && !p.hint_zh.is_empty()
                        && !p.hint_en.is_empty()
                );
            }
            problems
                .into_iter()
                .map(|p| (p.code.to_string(), p.pointer))
                .collect()
        }
        Err(e) => panic!("expected validation problems, got {e:?}"),
    };
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn minimal_report_is_valid() {
    check(|_| {}, &[]);
}

#[test]
fn duplicate_ids_are_named() {
    check(
        |v| v["figures"][1]["id"] = json!("fig-a"),
        &[
            (
                "dangling-reference",
                "/sections/0/sections/0/blocks/1/figures/1",
            ),
            ("duplicate-id", "/figures/1/id"),
        ],
    );
}

#[test]
fn dangling_references_are_named() {
    check(
        |v| v["sections"][0]["sections"][0]["blocks"][2]["chart"] = json!("chart-x"),
        &[(
            "dangling-reference",
            "/sections/0/sections/0/blocks/2/chart",
        )],
    );
}

#[test]
fn quotes_must_occur_in_their_paragraph() {
    check(
        |v| v["figures"][0]["value"]["source"]["quote"] = json!("受理申请551件"),
        &[("quote-not-found", "/figures/0/value/source/quote")],
    );
    check(
        |v| v["figures"][0]["value"]["source"]["paragraph"] = json!("p-9"),
        &[("dangling-paragraph", "/figures/0/value/source/paragraph")],
    );
}

#[test]
fn derived_values_state_their_rule() {
    check(
        |v| v["charts"][0]["series"][0]["points"][0]["value"]["qualifier"]["rule"] = json!(" "),
        &[(
            "derived-without-rule",
            "/charts/0/series/0/points/0/value/qualifier/rule",
        )],
    );
}

#[test]
fn units_and_descriptions_are_required() {
    check(
        |v| {
            v["figures"][0]["unit"] = json!("");
            v["charts"][0]["description"] = json!("");
        },
        &[
            ("empty", "/figures/0/unit"),
            ("empty", "/charts/0/description"),
        ],
    );
    check(
        |v| v["charts"][0]["series"][0]["unit"] = json!("人"),
        &[("unit-mismatch", "/charts/0/series/0/unit")],
    );
}

#[test]
fn only_http_sources_are_links() {
    check(
        |v| {
            v["figures"][0]["value"]["source"] = json!({
                "kind": "external", "url": "javascript:alert(1)", "publisher": "x", "quote": "y"
            })
        },
        &[("bad-url", "/figures/0/value/source/url")],
    );
}

#[test]
fn points_must_use_known_categories() {
    check(
        |v| v["charts"][0]["series"][0]["points"][1]["x"] = json!("2025"),
        &[("unknown-category", "/charts/0/series/0/points/1/x")],
    );
}

#[test]
fn unknown_fields_and_wrong_types_name_their_place() {
    let mut v = minimal();
    v["meta"]["colour"] = json!("red");
    match parse_report(&v.to_string()) {
        Err(LoadError::Shape {
            pointer, message, ..
        }) => {
            assert_eq!(pointer, "/meta/colour");
            assert!(message.contains("colour"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let mut v = minimal();
    v["figures"][0]["value"]["value"] = json!("550");
    match parse_report(&v.to_string()) {
        Err(LoadError::Shape { pointer, .. }) => assert_eq!(pointer, "/figures/0/value/value"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let inner = crate::nested_sections(1000);
    let text = read("tests/fixtures/valid/minimal.json");
    let at = text.find("\"sections\": [").unwrap();
    let end = text.find("\"closing\"").unwrap();
    let text = format!(
        "{}\"sections\": [{inner}],\n  {}",
        &text[..at],
        &text[end..]
    );
    match parse_report(&text) {
        Err(LoadError::Syntax { message, .. }) => {
            assert!(message.contains("recursion"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn nesting_past_the_limit_is_a_problem() {
    let inner = crate::nested_sections(12);
    let mut v = minimal();
    v["sections"] = serde_json::from_str(&format!("[{inner}]")).unwrap();
    match parse_report(&v.to_string()) {
        Err(LoadError::Invalid(p)) => assert!(p.iter().any(|p| p.code == "too-deep"), "{p:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn misplaced_fields_and_unknown_kinds_name_their_place() {
    let mut v = minimal();
    v["preamble"][0]["items"] = json!(["x"]);
    match parse_report(&v.to_string()) {
        Err(LoadError::Shape {
            pointer, message, ..
        }) => {
            // serde_json reports the place after the list; the message names the block.
            assert_eq!(pointer, "/preamble");
            assert!(
                message.contains("block `p-intro`") && message.contains("`items`"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    let mut v = minimal();
    v["figures"][1]["value"]["qualifier"]["kind"] = json!("about");
    match parse_report(&v.to_string()) {
        Err(LoadError::Shape {
            pointer, message, ..
        }) => {
            assert_eq!(pointer, "/figures/1/value/qualifier");
            assert!(
                message.contains("unknown qualifier kind `about`"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    let mut v = minimal();
    v["sections"][0]["sections"][0]["blocks"][0] = json!({"type": "paragraph", "id": "p-1-1"});
    match parse_report(&v.to_string()) {
        Err(LoadError::Shape { message, .. }) => {
            assert!(message.contains("missing field `text`"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}
