//! Starting the viewer on the page the build wrote: after first paint, it
//! reads the report from the page, attaches the page's behaviour, applies
//! what the URL asks for, and says it is ready (`<html data-viewer=
//! "ready">`, and `report-viewer:ready` to a host page).
//!
//! Each part starts on its own: a part that fails is logged and the
//! others still work; the text is never taken away.

use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

use report_format::search::Folding;
use report_format::{parse_report, Lang, LoadError, Script};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{document, install, root_attr, set_root_attr, window, Viewer};
use crate::hooks::{root, VIEWER_READY};
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
    root_attr(root::UI_LANG)
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default()
}

/// The script of this page, as the build wrote it.
fn page_script() -> Script {
    root_attr(root::SCRIPT)
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
/// written or searched: on a page in traditional characters the viewer's
/// own words in them. (The report's characters in the other script, for
/// search, are the viewer's [`Folding`].)
fn read_scripts(script: Script) {
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
    // kept by the viewer, which is never dropped.
    // Effects (search) and tasks (read-aloud's focus) need Leptos' task
    // runner, which it starts only when an island hydrates.
    #[cfg(target_arch = "wasm32")]
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::prelude::Owner::new_root(None);
    let display = owner.with(crate::page::Display::new);
    let first = super::search::first_query(&options.query);
    let search = owner.with(|| crate::page::Search::new(first));
    let player = owner.with(crate::page::Player::new);
    let v = install(Viewer {
        owner,
        report: Arc::new(report),
        lang: page_lang(),
        script,
        display,
        search,
        folding: Folding::with_pairs(&meta(FOLD_META).unwrap_or_default()),
        index: OnceCell::new(),
        marks: RefCell::new(None),
        charts: RefCell::new(Vec::new()),
        chart_boxes: js_sys::Map::new(),
        contents: Default::default(),
        url_writes: Default::default(),
        status_clear: RefCell::new(None),
        reading: Default::default(),
        player,
    });
    #[cfg(target_arch = "wasm32")]
    super::islands::hydrate(&v);
    super::display::start(display);
    super::events::start(&v);
    super::sections::start(&v, &options);
    super::chart::start(&v);
    super::search::start(&v);
    super::contents::start();
    super::panels::start(&options);
    super::read::start();
    super::host::start(&v, &options);
    set_root_attr(root::VIEWER, "ready");
    if let Some(root) = super::root() {
        let _ = root.class_list().add_1(VIEWER_READY.name);
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
    set_root_attr(root::VIEWER, "failed");
    let doc = document();
    let zh_tag = match page_script() {
        Script::Hans => "zh-CN",
        Script::Hant => "zh-Hant",
    };
    let Ok(holder) = doc.create_element("div") else {
        return;
    };
    let at = doc
        .get_element_by_id(crate::ids::CONTENT_ELEMENT_ID)
        .or_else(|| doc.get_element_by_id(crate::ids::APP_ELEMENT_ID))
        .or_else(|| doc.body().map(Into::into));
    if let Some(at) = at {
        let _ = at.prepend_with_node_1(&holder);
    }
    let problems = e.problems();
    // A new element of its own, not the report's text: mounted, not
    // hydrated. It stays as long as the page.
    let handle = leptos::mount::mount_to(holder.unchecked_into(), move || {
        leptos::view! { <crate::page::ErrorPanel problems zh_tag words=super::own /> }
    });
    handle.forget();
}
