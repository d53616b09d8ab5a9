//! Starting the viewer: reading the URL, the remembered settings and the
//! report (from the page, or from `?report=`), and mounting the live
//! viewer in place of the static HTML.

use std::any::Any;
use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use report_format::{
    parse_report, report_origin_allowed, Indexed, Lang, LoadError, TextSize, Theme,
};
use wasm_bindgen::{JsCast, JsValue};

use super::host::{listen_host, post_to_parent, report_height};
use super::listen::{listen_print, listen_scroll, listen_slash};
use super::settings::{recall, system_theme};
use super::url::navigation_url;
use super::{document, window};
use crate::ui::embed;
use crate::ui::{App, ViewOptions, APP_ELEMENT_ID, REPORT_ELEMENT_ID, REPORT_ORIGINS_META};

thread_local! {
    /// What is mounted, to re-mount with other options.
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

struct Mounted {
    report: Result<Arc<Indexed>, LoadError>,
    options: ViewOptions,
    /// Keeps the Leptos view alive; dropping it unmounts.
    _handle: Box<dyn Any>,
}

/// Reads options and report from the page and mounts the viewer in place
/// of the static content.
pub fn mount() {
    let doc = document();
    let query = window().location().search().unwrap_or_default();
    let (mut options, warnings) = ViewOptions::from_query(&query);
    options.offline = doc
        .document_element()
        .and_then(|e| e.get_attribute("data-page"))
        .is_some_and(|p| p == "offline");
    options.embed |= is_framed();
    // The URL's choice first, then the reader's remembered one, then the
    // system's.
    if options.theme.is_none() {
        options.theme = Some(
            recall("theme")
                .and_then(|t| Theme::parse(&t))
                .unwrap_or_else(system_theme),
        );
    }
    if options.text.is_none() {
        options.text = recall("text").and_then(|t| TextSize::parse(&t));
    }
    options.target = window()
        .location()
        .hash()
        .ok()
        .map(|h| h.trim_start_matches('#').to_string())
        .filter(|h| !h.is_empty());
    options.quote = navigation_url().and_then(|u| crate::ui::state::text_directive(&u));
    for w in warnings {
        web_sys::console::warn_1(&format!("report viewer: {w}").into());
    }
    listen_scroll();
    listen_print();
    listen_slash();
    if options.embed {
        listen_host();
    }
    match options.report_url.take() {
        None => {
            let text = doc
                .get_element_by_id(REPORT_ELEMENT_ID)
                .and_then(|e| e.text_content())
                .unwrap_or_default();
            start(parse_report(&text), options);
        }
        Some(url) => match allowed_report_url(&url) {
            Ok(url) => wasm_bindgen_futures::spawn_local(async move {
                let report = match fetch_text(&url).await {
                    Ok(text) => parse_report(&text),
                    Err(reason) => Err(LoadError::Fetch { url, reason }),
                };
                start(report, options);
            }),
            Err(origin) => start(Err(LoadError::Refused { origin }), options),
        },
    }
}

/// Renders a loaded report (or its error) and tells the page and any host
/// that the viewer runs.
fn start(report: Result<Indexed, LoadError>, mut options: ViewOptions) {
    let report = report.map(Arc::new);
    match &report {
        Ok(r) => {
            for w in options.resolve(r) {
                web_sys::console::warn_1(&format!("report viewer: {w}").into());
            }
        }
        Err(e) => web_sys::console::error_1(&format!("report viewer: {e}").into()),
    }
    let embedded = options.embed;
    let pym_id = options.pym_id.clone();
    // A link to words scrolls to the block that holds them, unless it
    // names an element too.
    let target = options.target.clone().or_else(|| {
        let (r, q) = (report.as_ref().ok()?, options.quote.as_deref()?);
        crate::ui::state::block_with_text(r, q).map(String::from)
    });
    let kept = super::kept::take();
    render(report, options);
    super::kept::put(kept);
    // Sections the URL closes may have moved the linked element: bring it
    // back into view.
    if let Some(el) = target.and_then(|t| document().get_element_by_id(&t)) {
        el.scroll_into_view();
    }
    if embedded {
        report_height(pym_id);
        post_to_parent(&embed::ready_message());
    }
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("viewer-ready");
    }
}

/// The absolute address of a `?report=` value if this site may load it;
/// otherwise the refused origin.
fn allowed_report_url(raw: &str) -> Result<String, String> {
    let page = window().location();
    let base = page.href().unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(raw, &base) else {
        return Err(raw.to_string());
    };
    let allowed: Vec<String> = document()
        .query_selector(&format!("meta[name=\"{REPORT_ORIGINS_META}\"]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|c| c.split_whitespace().map(String::from).collect())
        .unwrap_or_default();
    let origin = url.origin();
    let scheme_ok = matches!(url.protocol().as_str(), "https:" | "http:");
    if scheme_ok && report_origin_allowed(&page.origin().unwrap_or_default(), &origin, &allowed) {
        Ok(url.href())
    } else {
        Err(origin)
    }
}

/// Reads `url` as text with `fetch`.
async fn fetch_text(url: &str) -> Result<String, String> {
    // `{e:?}` on a `JsValue` would link wasm-bindgen's debug formatter.
    let describe = |e: JsValue| e.as_string().unwrap_or_else(|| "network error".to_string());
    let resp = wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(describe)?;
    let resp: web_sys::Response = resp.unchecked_into();
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(resp.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// Builds the viewer off-screen, then swaps it in within one task so the
/// reader never sees an empty page in between.
fn render(report: Result<Arc<Indexed>, LoadError>, mut options: ViewOptions) {
    super::highlight::reset();
    let doc = document();
    let Some(host) = doc.get_element_by_id(APP_ELEMENT_ID) else {
        web_sys::console::error_1(&"report viewer: no #app element in the page".into());
        return;
    };
    // No `expect` here: on a `JsValue` error it would link wasm-bindgen's
    // debug printer into the viewer.
    let Ok(fresh) = doc.create_element("div") else {
        web_sys::console::error_1(&"report viewer: cannot create an element".into());
        return;
    };
    let fresh: web_sys::HtmlElement = fresh.unchecked_into();
    // Charts are first drawn at the width of a drawing already on the page
    // (the static one, laid out by now): drawn at the default width
    // instead, every chart would be drawn, parsed and laid out twice.
    if let Ok(Some(el)) = doc.query_selector(".chart-svg") {
        options.chart_width = super::chart::chart_width(el.get_bounding_client_rect().width());
    }
    let (r, o) = (report.clone(), options.clone());
    let handle =
        leptos::mount::mount_to(fresh.clone(), move || view! { <App report=r options=o /> });
    host.set_inner_html("");
    while let Some(child) = fresh.first_child() {
        let _ = host.append_child(&child);
    }
    super::set_root_attr("data-ui-lang", options.lang.tag());
    if options.embed {
        super::set_root_attr("data-embed", "");
    }
    // Drop the previous view only after the new one is in place.
    MOUNTED.with(|m| {
        *m.borrow_mut() = Some(Mounted {
            report,
            options,
            _handle: Box::new(handle),
        })
    });
}

/// Whether the page runs inside a frame of another page.
fn is_framed() -> bool {
    let w = window();
    match w.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(parent.as_ref(), w.as_ref()),
        _ => false,
    }
}

/// Mounts the viewer again in another language, keeping theme and text size.
pub(super) fn remount_with_lang(lang: Lang, theme: Theme, text: TextSize) {
    let again = MOUNTED.with(|m| {
        m.borrow()
            .as_ref()
            .map(|m| (m.report.clone(), m.options.clone()))
    });
    if let Some((report, mut options)) = again {
        options.lang = lang;
        options.theme = Some(theme);
        options.text = Some(text);
        render(report, options);
    }
}
