//! Components mounted in real headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use report_format::parse_report;
use report_viewer::ui::{App, ViewOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MINIMAL: &str = include_str!("fixtures/valid/minimal.json");

/// A fresh element in the page, `width` pixels wide.
fn container(width: u32) -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    el.set_attribute("style", &format!("width:{width}px"))
        .unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn mount(text: &str, width: u32) -> web_sys::HtmlElement {
    let el = container(width);
    let report = parse_report(text).map(Arc::new);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <App report=report options=ViewOptions::default() /> }
    });
    handle.forget();
    el
}

fn all(el: &web_sys::HtmlElement, sel: &str) -> Vec<web_sys::Element> {
    let list = el.query_selector_all(sel).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn open_count(el: &web_sys::HtmlElement) -> usize {
    all(el, "details.sec")
        .into_iter()
        .filter(|d| d.unchecked_ref::<web_sys::HtmlDetailsElement>().open())
        .count()
}

fn click(el: &web_sys::HtmlElement, sel: &str) {
    el.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// Waits for effects, toggle events and resize observers.
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn sections_collapse_and_expand() {
    let el = mount(MINIMAL, 800);
    settle().await;
    assert_eq!(all(&el, "details.sec").len(), 2);
    assert_eq!(open_count(&el), 2, "sections start open");
    click(&el, "[data-testid=collapse-all]");
    settle().await;
    assert_eq!(open_count(&el), 0);
    click(&el, "[data-testid=expand-all]");
    settle().await;
    assert_eq!(open_count(&el), 2);
    // A reader closing one section by its summary is remembered.
    click(&el, "#part-1-1 > summary");
    settle().await;
    assert_eq!(open_count(&el), 1);
}

#[wasm_bindgen_test]
async fn figures_show_qualifiers_and_sources() {
    let el = mount(MINIMAL, 800);
    settle().await;
    let cards = all(&el, "[data-testid=figure]");
    assert_eq!(cards.len(), 2);
    let lower = el.query_selector("#fig-b").unwrap().unwrap();
    let text = lower.text_content().unwrap();
    assert!(
        text.contains("2.1万余") && text.contains("下限值"),
        "{text}"
    );
    assert!(text.contains("2.1万余名"), "source quote shown: {text}");
}

#[wasm_bindgen_test]
async fn chart_draws_every_point_at_the_container_width() {
    let el = mount(MINIMAL, 480);
    settle().await;
    let svg = el
        .query_selector("figure.chart svg")
        .unwrap()
        .expect("an svg");
    assert_eq!(all(&el, "figure.chart .pt").len(), 2);
    let w: u32 = svg.get_attribute("width").unwrap().parse().unwrap();
    // 480 px less the figure's padding and border, rounded to 8 px.
    assert!((400..=480).contains(&w), "drawn at {w}px");
    assert!(el.text_content().unwrap().contains("约222"));
}

#[wasm_bindgen_test]
async fn bad_json_shows_a_located_error_in_both_languages() {
    let el = mount("{\n  \"format_version\": 1,\n  oops", 800);
    settle().await;
    let panel = el
        .query_selector("[data-testid=error-panel]")
        .unwrap()
        .expect("an error panel");
    let text = panel.text_content().unwrap();
    assert!(
        text.contains("无法显示报告") && text.contains("cannot be shown"),
        "{text}"
    );
    assert!(
        text.contains("第3行第3列") && text.contains("line 3, column 3"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn invalid_report_names_the_json_pointer() {
    let broken = MINIMAL.replace(
        "\"quote\": \"受理申请550件\" } } },",
        "\"quote\": \"受理申请999件\" } } },",
    );
    assert_ne!(broken, MINIMAL);
    let el = mount(&broken, 800);
    settle().await;
    let text = el.text_content().unwrap();
    assert!(text.contains("/figures/0/value/source/quote"), "{text}");
    assert!(text.contains("does not occur"), "{text}");
}
