//! Starting the viewer on the page the build wrote: after first paint, it
//! reads the report from the page, attaches the page's behaviour, applies
//! what the URL asks for, and says it is ready (`<html data-viewer=
//! "ready">`, and `report-viewer:ready` to a host page).
//!
//! Each part starts on its own: a part that fails is logged and the
//! others still work; the text is never taken away.

use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

use report_format::{parse_report, Lang, LoadError, Script};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{document, install, root_attr, set_root_attr, window, Viewer};
use crate::ids::{FOLD_META, HANT_META, OFFLINE_REPORT_GLOBAL, REPORT_ELEMENT_ID};
use crate::state::{ScriptTable, ViewOptions};

/// Schedules the start for after first paint: an idle callback, with a
/// timeout so a busy page still starts soon.
pub fn mount() {
    let w = window();
    let start = Closure::once_into_js(start);
    let has_idle = js_sys::Reflect::has(&w, &"requestIdleCallback".into()).unwrap_or(false);
    if has_idle {
        let opts = web_sys::IdleRequestOptions::new();
        opts.set_timeout(300);
        let _ = w.request_idle_callback_with_options(start.unchecked_ref(), &opts);
    } else {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(start.unchecked_ref(), 1);
    }
}

/// The interface language of this page, as the build wrote it.
fn page_lang() -> Lang {
    root_attr("data-ui-lang")
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default()
}

/// The script of this page, as the build wrote it.
fn page_script() -> Script {
    root_attr("data-script")
        .and_then(|s| Script::parse(&s))
        .unwrap_or_default()
}

/// The content of the page's `<meta name=…>`, if it has one.
fn meta(name: &str) -> Option<String> {
    document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??
        .get_attribute("content")
}

/// What the build wrote into the page about scripts, before anything is
/// written or searched: the report's characters in the other script, for
/// search, and on a page in traditional characters the viewer's own
/// words in them.
fn read_scripts(script: Script) {
    if let Some(pairs) = meta(FOLD_META) {
        report_format::search::add_fold_pairs(&pairs);
    }
    if script == Script::Hant {
        if let Some(table) = meta(HANT_META) {
            super::set_words(ScriptTable::parse(&table));
        }
    }
}

fn start() {
    let script = page_script();
    read_scripts(script);
    let query = window().location().search().unwrap_or_default();
    let (options, warnings) = ViewOptions::from_query(&query);
    for w in warnings {
        web_sys::console::warn_1(&format!("report viewer: {w}").into());
    }
    let text = report_text();
    let report = match parse_report(&text) {
        Ok(r) => r,
        Err(e) => return failed(&e),
    };
    // The signals islands read live as long as the page: their owner is
    // never dropped.
    let owner = leptos::prelude::Owner::new_root(None);
    let display = owner.with(crate::page::Display::new);
    std::mem::forget(owner);
    let v = install(Viewer {
        report: Arc::new(report),
        lang: page_lang(),
        script,
        display,
        search: OnceCell::new(),
        charts: RefCell::new(Vec::new()),
    });
    #[cfg(target_arch = "wasm32")]
    super::islands::hydrate(&v);
    super::display::start(display);
    super::sections::start(&v, &options);
    super::chart::start(&v);
    super::search::start(&options);
    super::contents::start();
    super::panels::start(&options);
    super::read::start();
    super::host::start(&v, &options);
    set_root_attr("data-viewer", "ready");
    if let Some(root) = super::root() {
        let _ = root.class_list().add_1("viewer-ready");
    }
}

/// The report's JSON as the page carries it: in `script#report`, or, in
/// the offline file, where its loader left it after unpacking (taken, so
/// that the page keeps one copy).
fn report_text() -> String {
    let text = document()
        .get_element_by_id(REPORT_ELEMENT_ID)
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    if !text.trim().is_empty() {
        return text;
    }
    let w = window();
    let key = wasm_bindgen::JsValue::from_str(OFFLINE_REPORT_GLOBAL);
    let unpacked = js_sys::Reflect::get(&w, &key)
        .ok()
        .and_then(|v| v.as_string());
    let _ = js_sys::Reflect::delete_property(&w, &key);
    unpacked.unwrap_or(text)
}

/// The report in the page does not load (a broken copy, an edited file):
/// says what is wrong and where, above the report text, which stays.
pub fn failed(e: &LoadError) {
    web_sys::console::error_1(&format!("report viewer: {e}").into());
    // The head script's watch need not say more: this says what is wrong.
    set_root_attr("data-viewer", "failed");
    let doc = document();
    let zh_tag = match page_script() {
        Script::Hans => "zh-CN",
        Script::Hant => "zh-Hant",
    };
    let el = |tag: &str, text: Option<&str>| {
        let e = doc.create_element(tag).ok()?;
        if let Some(t) = text {
            e.set_text_content(Some(&super::own(t.to_string())));
        }
        Some(e)
    };
    let both = |tag: &str, zh: &str, en: &str| {
        let e = el(tag, None)?;
        let a = el("span", Some(zh))?;
        let _ = a.set_attribute("lang", zh_tag);
        let b = el("span", Some(en))?;
        let _ = b.set_attribute("lang", "en");
        let _ = e.append_child(&a);
        let _ = e.append_with_str_1(" / ");
        let _ = e.append_child(&b);
        Some(e)
    };
    let Some(panel) = el("section", None) else {
        return;
    };
    panel.set_class_name("error-panel");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "error-panel");
    let parts = [
        both("h2", "无法显示报告的交互功能", "This report cannot be shown interactively"),
        both(
            "p",
            "页面中的报告数据有误,以下问题需要修正;下面仍是报告全文。",
            "The report data in this page has problems, listed below; the full text is still below.",
        ),
    ];
    for p in parts.into_iter().flatten() {
        let _ = panel.append_child(&p);
    }
    if let Some(list) = el("ul", None) {
        list.set_class_name("err-list");
        for p in e.problems() {
            let Some(li) = el("li", None) else { continue };
            if !p.location.is_empty() {
                if let Some(code) = el("code", Some(&p.location)) {
                    code.set_class_name("err-loc");
                    let _ = li.append_child(&code);
                    let _ = li.append_with_str_1(" ");
                }
            }
            for (text, lang) in [(p.zh.as_str(), zh_tag), (" / ", ""), (p.en.as_str(), "en")] {
                if let Some(s) = el("span", Some(text)) {
                    if !lang.is_empty() {
                        let _ = s.set_attribute("lang", lang);
                    }
                    let _ = li.append_child(&s);
                }
            }
            if let Some(hint) = both(
                "span",
                &format!("修改建议:{}", p.hint_zh),
                &format!("How to fix: {}", p.hint_en),
            ) {
                hint.set_class_name("err-hint");
                let _ = li.append_with_str_1(" ");
                let _ = li.append_child(&hint);
            }
            let _ = list.append_child(&li);
        }
        let _ = panel.append_child(&list);
    }
    let at = doc
        .get_element_by_id("content")
        .or_else(|| doc.get_element_by_id(crate::ids::APP_ELEMENT_ID));
    match at {
        Some(at) => {
            let _ = at.prepend_with_node_1(&panel);
        }
        None => {
            if let Some(body) = doc.body() {
                let _ = body.prepend_with_node_1(&panel);
            }
        }
    }
}
