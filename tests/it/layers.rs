//! The layer invariants of ARCHITECTURE.md, as the compiler keeps them:
//! each layer is a crate, and what a crate may not know is what it cannot
//! depend on. Checked on `cargo tree` for the browser's target, one crate
//! at a time (so features are resolved as that crate's own build resolves
//! them), without procedural macros (they run in the compiler).

use std::collections::BTreeSet;
use std::process::Command;

/// `cargo tree` of `package` for the browser's target, with `args`
/// (edges, format, depth) after the common ones.
fn browser_tree(package: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--offline",
            "-p",
            package,
            "--target",
            "wasm32-unknown-unknown",
            "--prefix",
            "none",
        ])
        .args(args)
        .current_dir(crate::repo(""))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The packages a build of `package` for the browser links: all of them,
/// or (`direct`) only its own dependencies.
fn linked(package: &str, direct: bool) -> BTreeSet<String> {
    let mut args = vec!["-e", "normal,no-proc-macro", "--format", "{p}"];
    if direct {
        args.extend(["--depth", "1"]);
    }
    browser_tree(package, &args)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != package)
        .map(String::from)
        .collect()
}

/// `package` links none of `anywhere`, and depends on none of `directly`
/// itself (a library it uses may, for its own purposes).
fn refuses(package: &str, anywhere: &[&str], directly: &[&str]) {
    let all = linked(package, false);
    assert!(!all.is_empty(), "{package} has dependencies");
    let bad: Vec<&&str> = anywhere.iter().filter(|f| all.contains(**f)).collect();
    assert!(bad.is_empty(), "{package} links {bad:?}");
    let own = linked(package, true);
    let bad: Vec<&&str> = directly.iter().filter(|f| own.contains(**f)).collect();
    assert!(bad.is_empty(), "{package} depends on {bad:?}");
}

#[test]
fn the_format_knows_nothing_of_screens_or_drawing() {
    refuses(
        "report-format",
        &[
            "leptos",
            "web-sys",
            "wasm-bindgen",
            "js-sys",
            "plotters",
            "report-chart",
            "report-viewer",
            "schemars",
        ],
        &[],
    );
}

#[test]
fn the_chart_layer_knows_nothing_of_leptos_or_the_dom() {
    // plotters itself links web-sys in the browser (it can measure text
    // there); the chart layer does not touch it.
    refuses(
        "report-chart",
        &["leptos", "report-viewer"],
        &["web-sys", "wasm-bindgen", "js-sys"],
    );
}

#[test]
fn the_viewer_links_none_of_the_command_line_tool() {
    // The browser build: the page's components render to HTML only in
    // the command-line tool; the WASM hydrates their islands.
    refuses(
        "report-viewer",
        &[
            "report-cli",
            "clap",
            "lol_html",
            "lightningcss",
            "zopfli",
            "brotli",
            "flate2",
            "sha2",
            "schemars",
        ],
        &[],
    );
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
    assert!(main.contains("report_viewer::mount()"));
}

#[test]
fn the_viewer_hydrates_with_leptos_and_never_renders_for_a_server() {
    // `cargo tree -e features` for the browser's target: Leptos with
    // `hydrate`, and none of `ssr` (which would link the renderer to HTML).
    let tree = browser_tree("report-viewer", &["-e", "features"]);
    assert!(tree.contains("leptos feature \"hydrate\""), "{tree}");
    for server in ["leptos feature \"ssr\"", "tachys feature \"ssr\""] {
        assert!(!tree.contains(server), "{server} in the browser build");
    }
}
