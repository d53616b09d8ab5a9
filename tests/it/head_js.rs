//! head.js runs before the WASM and repeats the settings' tables (the
//! accepted spellings of theme, text size, language and script) and the
//! storage prefix. These tests read its source and hold every table to
//! the Rust one it repeats, so neither can drift: a spelling `?script=`
//! accepts in Rust is accepted before first paint too.

use std::collections::BTreeMap;

use report_format::settings::STORAGE_PREFIX;
use report_format::{Lang, Script, TextSize, Theme};

/// The object literal `var NAME = { … };` in head.js, as key → value.
fn table(src: &str, name: &str) -> BTreeMap<String, String> {
    let start = format!("var {name} = {{");
    let at = src
        .find(&start)
        .unwrap_or_else(|| panic!("head.js has no `{start}`"));
    let body = &src[at + start.len()..];
    let body = &body[..body.find('}').expect("the table closes")];
    body.split(',')
        .map(|pair| {
            let (k, v) = pair
                .split_once(':')
                .unwrap_or_else(|| panic!("{name}: `{pair}` is not key: value"));
            let unquote = |s: &str| s.trim().trim_matches('"').to_string();
            (unquote(k), unquote(v))
        })
        .collect()
}

fn rust<T: Copy>(
    aliases: &[(&str, T)],
    name: impl Fn(T) -> &'static str,
) -> BTreeMap<String, String> {
    aliases
        .iter()
        .map(|&(k, v)| (k.to_string(), name(v).to_string()))
        .collect()
}

#[test]
fn head_js_tables_are_the_rust_ones() {
    let src = crate::read("public/head.js");
    assert_eq!(table(&src, "THEMES"), rust(&Theme::ALIASES, Theme::name));
    assert_eq!(
        table(&src, "TEXTS"),
        rust(&TextSize::ALIASES, TextSize::name)
    );
    // A language is sent to its page, named by its tag.
    assert_eq!(table(&src, "LANGS"), rust(&Lang::ALIASES, Lang::tag));
    assert_eq!(table(&src, "SCRIPTS"), rust(&Script::ALIASES, Script::name));
}

#[test]
fn head_js_keys_are_the_viewers() {
    let src = crate::read("public/head.js");
    let keys: Vec<&str> = src
        .match_indices("\"report-viewer:")
        .map(|(i, _)| &src[i + 1..])
        .collect();
    assert!(!keys.is_empty(), "head.js reads remembered settings");
    for k in keys {
        assert!(k.starts_with(STORAGE_PREFIX), "{k}");
    }
    // The prefix head.js prepends to a key is the one the viewer writes.
    assert!(src.contains(&format!("localStorage.getItem(\"{STORAGE_PREFIX}\" + k)")));
    assert!(src.contains(&format!("localStorage.setItem(\"{STORAGE_PREFIX}script\"")));
}

#[test]
fn a_table_reads_as_written() {
    let t = table(r#"var X = { a: "b", "c-d": "e" };"#, "X");
    assert_eq!(t.len(), 2);
    assert_eq!(t["c-d"], "e");
}
