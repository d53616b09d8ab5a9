//! Talking to a host page when embedded: readiness and height out,
//! settings in (only from the parent window, and only from origins the
//! report allows).

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use report_format::{Lang, Script};

use super::{document, listen, window, Viewer};
use crate::embed::{self, HostMessage};
use crate::ids::script_page_file;
use crate::state::{query_with_state, ViewOptions};

/// Whether the page runs inside a frame of another page.
fn is_framed() -> bool {
    let w = window();
    match w.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(parent.as_ref(), w.as_ref()),
        _ => false,
    }
}

/// When embedded: keeps the host told of the height, says the viewer is
/// ready (and, after a language change a host asked for, what was
/// applied), and listens for settings.
pub fn start(v: &Rc<Viewer>, options: &ViewOptions) {
    if !(options.embed || is_framed()) {
        return;
    }
    report_height(options.pym_id.clone());
    post_to_parent(&embed::ready_message());
    if options.applied {
        let (theme, text) = super::display::current();
        post_to_parent(&embed::applied_message(theme, text, v.lang, v.script));
    }
    let v = v.clone();
    listen(&window(), "message", false, move |ev| settings(&v, &ev));
}

/// Posts `msg` to the parent page. Heights and readiness are not secret,
/// so any parent may read them.
fn post_to_parent(msg: &JsValue) {
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(msg, "*");
    }
}

/// Tells the parent page the content height whenever it changes: load,
/// expand and collapse, resize, text size.
fn report_height(pym_id: Option<String>) {
    let last = Rc::new(std::cell::Cell::new(0u32));
    let send = move || {
        let Some(root) = document().document_element() else {
            return;
        };
        let h = root.get_bounding_client_rect().height().ceil() as u32;
        if h == last.get() {
            return;
        }
        last.set(h);
        post_to_parent(&embed::height_message(h));
        if let Some(id) = &pym_id {
            post_to_parent(&JsValue::from_str(&embed::pym_height(id, h)));
        }
    };
    send();
    let cb = Closure::<dyn FnMut()>::new(send);
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
    }
    cb.forget();
}

/// Applies settings from the parent page when its origin is one the
/// report allows, and answers with what was applied; ignores every other
/// message. Another interface language or script is another page: the
/// frame opens it with the same view, and that page answers.
fn settings(v: &Viewer, ev: &web_sys::Event) {
    let ev: &web_sys::MessageEvent = ev.unchecked_ref();
    let Some(HostMessage::Settings {
        theme,
        text,
        lang,
        script,
    }) = embed::parse_host_message(&ev.data())
    else {
        return;
    };
    let from_parent = match (ev.source(), window().parent()) {
        (Some(source), Ok(Some(parent))) => js_sys::Object::is(source.as_ref(), parent.as_ref()),
        _ => false,
    };
    let origin = ev.origin();
    if !from_parent || !v.report.viewer.accepts_settings_from(&origin) {
        web_sys::console::warn_1(
            &format!("report viewer: ignoring settings from {origin}, not the parent or not in embed_origins").into(),
        );
        return;
    }
    if let Some(t) = theme {
        super::display::set_theme(v.display, t);
    }
    if let Some(t) = text {
        super::display::set_text(v.display, t);
    }
    let (theme_now, text_now) = super::display::current();
    let lang = lang.unwrap_or(v.lang);
    // Traditional characters are a page of the Chinese interface, where the
    // build wrote one: this page, or one it links to.
    let converts = v.script == Script::Hant
        || matches!(
            document().query_selector("link[rel=alternate][hreflang=zh-Hant]"),
            Ok(Some(_))
        );
    let script = match lang {
        Lang::Zh if converts => script.unwrap_or(v.script),
        _ => Script::Hans,
    };
    if (lang, script) == (v.lang, v.script) {
        let reply = embed::applied_message(theme_now, text_now, v.lang, v.script);
        if let Ok(Some(parent)) = window().parent() {
            let _ = parent.post_message(&reply, &origin);
        }
        return;
    }
    let loc = window().location();
    let base = if super::is_offline() {
        crate::ids::OFFLINE_FILE
    } else {
        crate::ids::INDEX_FILE
    };
    let search = query_with_state(
        &loc.search().unwrap_or_default(),
        &[
            ("theme", theme_now.name()),
            ("text", text_now.name()),
            ("applied", "1"),
            ("lang", ""),
            // Said in the URL, so the head script does not send the frame
            // back to a script the reader chose before.
            ("script", script.name()),
        ],
    );
    let url = format!(
        "{}{search}{}",
        script_page_file(base, lang, script),
        loc.hash().unwrap_or_default()
    );
    let _ = loc.replace(&url);
}
