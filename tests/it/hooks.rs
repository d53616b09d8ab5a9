//! The contract between the page and the browser layer
//! (`report_viewer::hooks`) holds: every class, attribute and action the
//! browser looks for is on the page the build writes (or is made by the
//! browser itself, listed here), and no behaviour keys on `data-testid`.

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use report_cli::site::{prerender, PageKind};
use report_format::{parse_report, Code, Lang, Problem};
use report_viewer::hooks::{self, Action, CLASSES};
use report_viewer::page::ErrorPanel;

use crate::{bundled, minimal, read, repo};

/// Classes only the browser writes: a search's results and marks, the
/// embed snippets' words, the error panel (rendered below), the side of
/// the chart/table switch not shown, the viewer running.
const MADE_BY_THE_BROWSER: [&str; 9] = [
    "result-path",
    "hit",
    "embed-how",
    "error-panel",
    "err-list",
    "err-loc",
    "err-hint",
    "away",
    "viewer-ready",
];

/// Every class token in `html`'s `class` attributes.
fn class_tokens(html: &str) -> Vec<&str> {
    html.split(" class=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .flat_map(str::split_whitespace)
        .collect()
}

#[test]
fn every_class_attribute_and_action_the_browser_looks_for_is_on_the_page() {
    let r = bundled();
    let mut html = prerender(&r, Lang::Zh, PageKind::Hosted);
    // The bundled report has no note or list; a synthetic one does.
    let mut v = minimal();
    v["preamble"].as_array_mut().unwrap().extend([
        serde_json::json!({"type": "note", "id": "n-1", "text": "注"}),
        serde_json::json!({"type": "list", "id": "l-1", "items": ["一", "二"]}),
    ]);
    let with_note = parse_report(&v.to_string()).unwrap();
    html += &prerender(&with_note, Lang::Zh, PageKind::Hosted);
    // Nor a table.
    let with_table = parse_report(&read("tests/fixtures/valid/table-cell.json")).unwrap();
    html += &prerender(&with_table, Lang::Zh, PageKind::Hosted);
    let tokens = class_tokens(&html);
    for c in CLASSES {
        let on_page = tokens.contains(&c.name);
        let made = MADE_BY_THE_BROWSER.contains(&c.name);
        assert!(
            on_page != made,
            "{}: on the page {on_page}, made by the browser {made}",
            c.name
        );
    }
    for attr in [
        hooks::ACTION_ATTR,
        hooks::TARGET_ATTR,
        hooks::SERIES_ATTR,
        hooks::DOWNLOAD_ATTR,
        hooks::READ_ATTR,
        hooks::READ_SPEED_ATTR,
        hooks::READ_NOTE_ATTR,
        hooks::WHEN_ATTR,
        hooks::STATE_ATTR,
        hooks::TEXT_SIZE_ATTR,
        hooks::THEME_ATTR,
        hooks::PRINT_DATE_ATTR,
        hooks::EMBED_KIND_ATTR,
        hooks::EMBED_ID_ATTR,
        hooks::EMBED_TITLE_ATTR,
        hooks::ISLAND_ATTR,
    ] {
        assert!(html.contains(&format!(" {attr}=\"")), "{attr}");
    }
    for a in Action::ALL {
        let on_page = html.contains(&format!("{}=\"{}\"", hooks::ACTION_ATTR, a.name()));
        // The embed snippets' copy buttons come with the snippets.
        assert_eq!(on_page, a != Action::CopySnippet, "{}", a.name());
    }
    // The read-aloud names: each control, status line and note is written
    // where the browser looks for it.
    for c in hooks::ReadControl::ALL {
        let on_page = html.contains(&format!("{}=\"{}\"", hooks::READ_ATTR, c.name()));
        assert!(on_page, "{c:?}");
    }
    for l in hooks::ReadLine::ALL {
        assert!(
            html.contains(&format!("{}=\"{}\"", hooks::WHEN_ATTR, l.name())),
            "{l:?}"
        );
    }
    for n in hooks::ReadNote::ALL {
        assert!(
            html.contains(&format!("{}=\"{}\"", hooks::READ_NOTE_ATTR, n.name())),
            "{n:?}"
        );
    }
    for i in hooks::Island::ALL {
        assert!(
            html.contains(&format!(
                "<{} {}=\"{}\"",
                hooks::ISLAND_TAG,
                hooks::ISLAND_ATTR,
                i.name()
            )),
            "{i:?}"
        );
    }
}

#[test]
fn the_error_panel_says_each_problem_as_text_with_its_place() {
    let problem = Problem::new(Code::Missing, String::from("/sections/0/<b>"), &[]);
    let owner = Owner::new();
    let html = owner.with(|| {
        view! {
            <ErrorPanel problems=vec![problem.clone()] zh_tag="zh-CN" words=|s: String| s />
        }
        .to_html()
    });
    for class in ["error-panel", "err-list", "err-loc", "err-hint"] {
        assert!(class_tokens(&html).contains(&class), "{class} in {html}");
    }
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(
        html.contains("/sections/0/&lt;b&gt;"),
        "the place as text: {html}"
    );
    assert!(
        html.contains(&problem.zh) && html.contains(&problem.en),
        "{html}"
    );
    assert!(
        html.contains("lang=\"zh-CN\"") && html.contains("lang=\"en\""),
        "{html}"
    );
}

#[test]
fn no_behaviour_keys_on_test_ids() {
    let mut files = Vec::new();
    crate::page_ids::files("src/enhance", ".rs", &mut files);
    crate::page_ids::files("src/state", ".rs", &mut files);
    files.push(repo("src/embed.rs"));
    assert!(files.len() > 10, "{files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(!text.contains("testid"), "{} reads a test id", f.display());
    }
}
