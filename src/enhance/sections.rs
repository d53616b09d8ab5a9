//! Sections and links: the `<details>` open state is the truth. Expand and
//! collapse all, a section's "复制链接", the report's CSV, the embed
//! disclosures, links into closed sections (`#id`, `#:~:text=`), printing,
//! and the reading state written back into the URL.

use std::cell::Cell;
use std::rc::Rc;

use report_format::{report_csv, TextSize, Theme};
use wasm_bindgen::JsCast;

use super::{
    all, announce, closest, document, event_element, later, listen, root_attr, window, Viewer,
};
use crate::embed::{snippets, EmbedTarget};
use crate::state::{block_with_text, echo, file_name, text_directive, ViewOptions, MAX_ECHO_CHARS};

/// Applies the URL's closed sections and link target, and listens.
pub fn start(v: &Rc<Viewer>, options: &ViewOptions) {
    let doc = document();
    for id in &options.closed {
        if let Some(d) = doc.get_element_by_id(id).and_then(as_section) {
            d.set_open(false);
        }
    }
    // A link to an element wins over the sections the URL closes; so does
    // a link to words (`#:~:text=`), which the browser hides from `location`.
    let hash = window().location().hash().unwrap_or_default();
    let target = Some(hash.trim_start_matches('#').to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| {
            let quote = super::url::navigation_url().and_then(|u| text_directive(&u))?;
            block_with_text(&v.report, &quote).map(String::from)
        });
    if let Some(id) = target {
        if !options.closed.is_empty() || hash.is_empty() {
            go_to(&id);
        }
    }

    let v2 = v.clone();
    listen(&doc, "click", false, move |ev| click(&v2, &ev));
    // `toggle` does not bubble: listen in the capture phase.
    listen(&doc, "toggle", true, |ev| {
        let Some(el) = event_element(&ev) else { return };
        if el.class_list().contains("sec") {
            write_state_soon();
        } else if el.class_list().contains("embed-code") {
            fill_embed(&el);
        }
    });
    listen(&window(), "hashchange", false, |_| {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(id) = Some(hash.trim_start_matches('#')).filter(|h| !h.is_empty()) {
            go_to(id);
        }
    });
    listen(&window(), "beforeprint", false, |_| {
        // Printing does not wait: open every section in the DOM at once.
        for d in all(None, "details.sec").into_iter().filter_map(as_section) {
            d.set_open(true);
        }
        if let Ok(Some(el)) = document().query_selector("[data-print-date]") {
            let date = js_sys::Date::new_0();
            el.set_text_content(Some(&format!(
                "{:04}-{:02}-{:02}",
                date.get_full_year(),
                date.get_month() + 1,
                date.get_date()
            )));
        }
    });
}

fn as_section(el: web_sys::Element) -> Option<web_sys::HtmlDetailsElement> {
    el.class_list()
        .contains("sec")
        .then(|| el.unchecked_into::<web_sys::HtmlDetailsElement>())
}

/// Opens the sections around the element `id` and scrolls it into view,
/// as following a link to it does.
pub fn go_to(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    reveal(&el);
    el.scroll_into_view();
}

/// Opens every section that holds `el` (and `el`, if it is one).
pub fn reveal(el: &web_sys::Element) {
    let mut at = Some(el.clone());
    while let Some(e) = at {
        if let Some(d) = closest(&e, "details.sec").and_then(as_section) {
            if !d.open() {
                d.set_open(true);
            }
            at = d.parent_element();
        } else {
            at = None;
        }
    }
}

fn click(v: &Rc<Viewer>, ev: &web_sys::Event) {
    let Some(el) = event_element(ev) else { return };
    let Some(button) = closest(&el, "button") else {
        return;
    };
    let lang = v.lang;
    match button.get_attribute("data-testid").as_deref() {
        Some("expand-all") => {
            for d in all(None, "details.sec").into_iter().filter_map(as_section) {
                d.set_open(true);
            }
        }
        Some("collapse-all") => {
            for d in all(None, "details.sec").into_iter().filter_map(as_section) {
                d.set_open(false);
            }
        }
        Some("copy-link") => {
            let id = button.get_attribute("data-target").unwrap_or_default();
            let url = super::url::share_url(&id);
            super::files::copy_text(&url);
            announce(format!(
                "{}{}",
                lang.pick("已复制链接\u{FF1A}", "Link copied: "),
                echo(&url, MAX_ECHO_CHARS)
            ));
        }
        Some("download-report-csv") => {
            let name = file_name(&v.report.meta.title, "csv");
            let csv = super::own(report_csv(&v.report, lang));
            super::files::download_text(&name, "text/csv;charset=utf-8", &csv);
            announce(format!(
                "{}{name}",
                lang.pick("已下载\u{FF1A}", "Downloaded: ")
            ));
        }
        Some("copy-snippet") => {
            let area = button
                .previous_element_sibling()
                .and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
            if let Some(area) = area {
                super::files::copy_text(&area.value());
                announce(lang.pick("已复制代码", "Code copied").to_string());
            }
        }
        _ => {}
    }
}

/// Writes the two snippets into an embed disclosure the first time it
/// opens: they need the page's own address, which only the browser knows.
fn fill_embed(details: &web_sys::Element) {
    let Some(body) = all(Some(details), ".embed-body").pop() else {
        return;
    };
    if !details
        .unchecked_ref::<web_sys::HtmlDetailsElement>()
        .open()
        || body.child_element_count() > 0
    {
        return;
    }
    let Some(v) = super::viewer() else { return };
    let lang = v.lang;
    let attr = |n: &str| details.get_attribute(n).unwrap_or_default();
    let target = match attr("data-embed-kind").as_str() {
        "chart" => EmbedTarget::Chart(attr("data-embed-id")),
        _ => EmbedTarget::Section(attr("data-embed-id")),
    };
    let (script, iframe) = snippets(
        &super::url::page_base(),
        &target,
        &attr("data-embed-title"),
        super::url::embed_script().as_deref(),
    );
    let doc = document();
    // The snippets are code (a title in them is the report's): as written.
    let add = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        let _ = body.append_child(&e);
        Some(e)
    };
    let words = |zh: &str, en: &str| super::own(lang.pick(zh, en).to_string());
    if let Some(p) = add(
        "p",
        &words(
            "把下面的代码放进您的网页。第一种会自动适应内容高度(推荐);第二种是固定高度的 iframe。",
            "Put this code in your page. The first keeps the frame as tall as its content (recommended); the second is an iframe of fixed height.",
        ),
    ) {
        p.set_class_name("embed-how");
    }
    for (code, label) in [
        (
            script,
            words("自动适应高度的嵌入代码", "Self-resizing embed code"),
        ),
        (
            iframe,
            words("固定高度的 iframe 代码", "Fixed-height iframe code"),
        ),
    ] {
        if let Some(area) = add("textarea", &code) {
            let _ = area.set_attribute("readonly", "");
            let _ = area.set_attribute("rows", "3");
            let _ = area.set_attribute("aria-label", &label);
        }
        if let Some(b) = add("button", &words("复制代码", "Copy code")) {
            let _ = b.set_attribute("type", "button");
            let _ = b.set_attribute("data-testid", "copy-snippet");
        }
    }
}

thread_local! {
    /// A write of the reading state into the URL is on its way.
    static PENDING: Cell<bool> = const { Cell::new(false) };
    /// The latest request for a write once typing pauses.
    static TYPED: Cell<u32> = const { Cell::new(0) };
}

/// Writes the reading state into the URL once typing pauses (a history
/// entry's address costs the browser about a frame on a long page; a
/// keystroke must not pay it).
pub fn write_state_when_idle() {
    let n = TYPED.with(|t| {
        t.set(t.get().wrapping_add(1));
        t.get()
    });
    later(400, move || {
        if TYPED.with(|t| t.get()) == n {
            write_state();
        }
    });
}

/// Writes the reading state into the URL once the current burst of
/// changes is over (expand all toggles every section).
pub fn write_state_soon() {
    if PENDING.with(|p| p.replace(true)) {
        return;
    }
    later(0, || {
        PENDING.with(|p| p.set(false));
        write_state();
    });
}

/// Writes the reading state into the URL now: search, closed sections,
/// theme and text size.
pub fn write_state() {
    let closed: Vec<String> = all(None, "details.sec:not([open])")
        .iter()
        .map(|d| d.id())
        .collect();
    let query = document()
        .get_element_by_id(crate::ids::SEARCH_INPUT_ID)
        .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    let theme = root_attr("data-theme")
        .and_then(|t| Theme::parse(&t))
        .unwrap_or_default();
    let text = root_attr("data-text")
        .and_then(|t| TextSize::parse(&t))
        .unwrap_or_default();
    super::url::write_state(&query, &closed, theme, text);
}
