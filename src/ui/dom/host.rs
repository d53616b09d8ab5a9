//! Talking to a host page when embedded: readiness and height out,
//! settings in (only from origins the report allows).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{current, document, window};
use crate::ui::embed::{self, HostMessage};

/// Posts `msg` to the parent page. Heights and readiness are not secret,
/// so any parent may read them.
pub(super) fn post_to_parent(msg: &JsValue) {
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(msg, "*");
    }
}

/// Tells the parent page the content height whenever it changes: load,
/// expand and collapse, resize, text size.
pub(super) fn report_height(pym_id: Option<String>) {
    let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
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

/// Accepts settings from a host page whose origin the report allows, and
/// answers with what was applied; ignores every other message.
pub(super) fn listen_host() {
    gloo_events::EventListener::new(&window(), "message", |ev| {
        let ev: &web_sys::MessageEvent = ev.unchecked_ref();
        let Some(msg) = embed::parse_host_message(&ev.data()) else {
            return;
        };
        let Some(v) = current() else { return };
        let origin = ev.origin();
        if !v.report.viewer.accepts_settings_from(&origin) {
            web_sys::console::warn_1(
                &format!("report viewer: ignoring settings from {origin}, not in embed_origins")
                    .into(),
            );
            return;
        }
        let HostMessage::Settings { theme, text, lang } = msg;
        if let Some(t) = theme {
            v.theme.set(t);
        }
        if let Some(t) = text {
            v.text.set(t);
        }
        // Read everything the answer needs before a re-mount disposes `v`.
        let (theme_now, text_now) = (v.theme.get_untracked(), v.text.get_untracked());
        let lang_now = lang.unwrap_or(v.lang);
        if lang_now != v.lang {
            super::boot::remount_with_lang(lang_now, theme_now, text_now);
        }
        let reply = embed::applied_message(theme_now, text_now, lang_now);
        // A cross-origin parent is a WindowProxy of another realm, which
        // fails `instanceof Window` here, so it cannot be checked-cast.
        if let Some(source) = ev.source() {
            let w: web_sys::Window = source.unchecked_into();
            let _ = w.post_message(&reply, &origin);
        }
    })
    .forget();
}
