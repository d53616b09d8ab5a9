//! The browser layer's glue in real headless Chromium (wasm-bindgen-test):
//! what needs a real DOM and layout. Whole pages are driven by the
//! end-to-end tests (tests/e2e).
#![cfg(target_arch = "wasm32")]

use report_chart::draw;
use report_format::{parse_report, Lang};
use report_viewer::enhance;
use report_viewer::state::chart::{page_options, ChartState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MINIMAL: &str = include_str!("fixtures/valid/minimal.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the page with `html` inside (markup the test
/// writes, never report text).
fn element(tag: &str, html: &str) -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document().create_element(tag).unwrap().unchecked_into();
    el.set_inner_html(html);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
fn a_point_is_found_where_it_is_drawn_whatever_the_box() {
    let report = parse_report(MINIMAL).unwrap();
    let chart = &report.charts[0];
    // The page's drawing at the default width, shown in a narrower box:
    // it scales, and the point under the pointer is still the one drawn
    // there.
    let d = draw(
        chart,
        &ChartState::default().style(Lang::Zh),
        &page_options(&chart.id),
    )
    .unwrap();
    let host = element("div", "");
    host.set_attribute("style", "width:360px;height:200px;position:relative")
        .unwrap();
    let holder = element("div", &d.svg);
    holder
        .set_attribute("style", "width:360px;height:200px")
        .unwrap();
    holder
        .first_element_child()
        .unwrap()
        .set_attribute("style", "width:100%;height:100%;display:block")
        .unwrap();
    assert_eq!(d.points.len(), 2);
    let box_ = holder.get_bounding_client_rect();
    for i in 0..d.points.len() {
        let (x, _) = enhance::chart::point_position(&holder, &d, i).unwrap();
        assert!(x > 0.0 && x < 360.0, "point {i} at {x}");
        // A pointer on the drawn point (its centre, in the page).
        let p = d.points[i];
        let scale = (box_.width() / f64::from(d.width)).min(box_.height() / f64::from(d.height));
        let left = box_.left() + (box_.width() - f64::from(d.width) * scale) / 2.0;
        let top = box_.top() + (box_.height() - f64::from(d.height) * scale) / 2.0;
        let init = web_sys::PointerEventInit::new();
        init.set_client_x((left + f64::from(p.x) * scale).round() as i32);
        init.set_client_y((top + f64::from(p.y) * scale).round() as i32);
        let ev = web_sys::PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap();
        assert_eq!(enhance::chart::point_under(&holder, &d, &ev), Some(i));
    }
    // The focus ring goes to the target drawn for that point, and away.
    enhance::chart::mark_point(&holder, Some(1));
    let on = holder.query_selector_all("circle.pt.on").unwrap();
    assert_eq!(on.length(), 1);
    enhance::chart::mark_point(&holder, None);
    assert_eq!(
        holder.query_selector_all("circle.pt.on").unwrap().length(),
        0
    );
}

#[wasm_bindgen_test]
fn a_broken_report_is_named_above_the_text_which_stays() {
    let content = element("main", "<p class=\"para\">正文仍在</p>");
    content.set_id("content");
    let e = parse_report("{\n  \"format_version\": 1,\n  oops").unwrap_err();
    enhance::boot::failed(&e);
    let panel = content
        .query_selector("[data-testid=error-panel]")
        .unwrap()
        .expect("a panel in the content");
    let text = panel.text_content().unwrap();
    assert!(
        text.contains("无法显示报告") && text.contains("cannot be shown"),
        "{text}"
    );
    assert!(
        text.contains("第3行第3列") && text.contains("line 3, column 3"),
        "{text}"
    );
    assert!(
        content.text_content().unwrap().contains("正文仍在"),
        "the text stays"
    );
    content.remove();
}

#[wasm_bindgen_test]
fn search_hits_are_painted_over_the_page_s_text() {
    let content = element(
        "main",
        "<p class=\"para\">受理行政复议申请550件。</p><p class=\"para\">行政復議与行政复议。</p><p class=\"note\">无关</p>",
    );
    content.set_id("content");
    let marks = enhance::highlight::Markables::default();
    let folding = report_format::search::Folding::builtin();
    enhance::highlight::highlight(&marks, &folding, "行政复议");
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).unwrap();
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).unwrap();
    let hit: js_sys::Set = js_sys::Reflect::apply(
        &js_sys::Reflect::get(&registry, &"get".into())
            .unwrap()
            .unchecked_into::<js_sys::Function>(),
        &registry,
        &js_sys::Array::of1(&"hit".into()),
    )
    .unwrap()
    .unchecked_into();
    // Traditional characters fold: 行政復議 is a hit too. The text is
    // unchanged: no element was made.
    assert_eq!(hit.size(), 3);
    assert_eq!(content.query_selector_all("mark").unwrap().length(), 0);
    content.remove();
}
