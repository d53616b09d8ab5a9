//! The layer invariants of ARCHITECTURE.md, checked on the source.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
}

fn uses(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    sources(&crate::repo(layer), &mut files);
    assert!(!files.is_empty(), "{layer} has sources");
    let mut bad = Vec::new();
    for (path, text) in files {
        for (n, line) in text.lines().enumerate() {
            let t = line.trim_start();
            for f in forbidden {
                if t.starts_with(&format!("use {f}")) || t.contains(&format!("{f}::")) {
                    bad.push(format!("{path}:{}: {line}", n + 1));
                }
            }
        }
    }
    bad
}

#[test]
fn model_knows_nothing_of_ui_or_drawing() {
    let bad = uses(
        "src/model",
        &[
            "leptos",
            "web_sys",
            "wasm_bindgen",
            "plotters",
            "crate::ui",
            "crate::chart",
        ],
    );
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn chart_knows_nothing_of_leptos_or_the_dom() {
    let bad = uses(
        "src/chart",
        &["leptos", "web_sys", "wasm_bindgen", "crate::ui"],
    );
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn main_only_mounts() {
    let main = crate::read("src/main.rs");
    let code: Vec<&str> = main
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect();
    assert!(code.len() <= 6, "main.rs grew: {code:#?}");
    assert!(main.contains("ui::mount()"));
}
