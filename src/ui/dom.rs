//! Browser glue: reading the page, mounting, following an element's width,
//! tracking the section being read, printing, and talking to a host page
//! when embedded. Only effects, event handlers and [`mount`] call these, so
//! the components still render natively.
//!
//! Page-wide listeners are installed once, in [`mount`], and act on the
//! viewer mounted at the time ([`register`]), so re-mounting (a host page
//! changing the language) never leaves a listener on a disposed viewer.

use std::any::Any;
use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::embed::{self, HostMessage};
use super::{App, ViewOptions, Viewer, APP_ELEMENT_ID, REPORT_ELEMENT_ID, REPORT_ORIGINS_META};
use crate::chart::Theme;
use crate::i18n::Lang;
use crate::model::{parse_report, report_origin_allowed, LoadError, Report};

thread_local! {
    /// The viewer mounted now.
    static CURRENT: RefCell<Option<Viewer>> = const { RefCell::new(None) };
    /// What is mounted, to re-mount with other options.
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

struct Mounted {
    report: Result<Arc<Report>, LoadError>,
    options: ViewOptions,
    /// Keeps the Leptos view alive; dropping it unmounts.
    _handle: Box<dyn Any>,
}

fn window() -> web_sys::Window {
    web_sys::window().expect("the viewer runs in a page with a window")
}

fn document() -> web_sys::Document {
    window()
        .document()
        .expect("the viewer runs in a page with a document")
}

/// Makes `viewer` the one page-wide listeners act on.
pub fn register(viewer: Viewer) {
    CURRENT.with(|c| *c.borrow_mut() = Some(viewer));
}

fn current() -> Option<Viewer> {
    CURRENT.with(|c| c.borrow().clone())
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
        options.text = recall("text").and_then(|t| super::TextSize::parse(&t));
    }
    options.target = window()
        .location()
        .hash()
        .ok()
        .map(|h| h.trim_start_matches('#').to_string())
        .filter(|h| !h.is_empty());
    options.quote = navigation_url().and_then(|u| super::state::text_directive(&u));
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

/// The address this page was opened with, fragment directive included
/// (the navigation entry keeps what `location` hides).
fn navigation_url() -> Option<String> {
    let entries = window().performance()?.get_entries_by_type("navigation");
    let entry = Some(entries.get(0)).filter(|e| e.is_object())?;
    let entry: web_sys::PerformanceEntry = entry.unchecked_into();
    Some(entry.name())
}

/// Renders a loaded report (or its error) and tells the page and any host
/// that the viewer runs.
fn start(report: Result<Report, LoadError>, mut options: ViewOptions) {
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
        super::state::block_with_text(r, q).map(String::from)
    });
    render(report, options);
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
fn render(report: Result<Arc<Report>, LoadError>, options: ViewOptions) {
    MARKABLES.with(|m| *m.borrow_mut() = None);
    if let Some(registry) = highlight_registry() {
        registry.delete(&JsValue::from_str(HIT));
    }
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
        let w = chart_width(el.get_bounding_client_rect().width());
        if w > 0 {
            CHART_WIDTH.with(|c| c.set(w));
        }
    }
    let (r, o) = (report.clone(), options.clone());
    let handle =
        leptos::mount::mount_to(fresh.clone(), move || view! { <App report=r options=o /> });
    host.set_inner_html("");
    while let Some(child) = fresh.first_child() {
        let _ = host.append_child(&child);
    }
    let root = doc.document_element().expect("a page has a root element");
    let _ = root.set_attribute("data-ui-lang", options.lang.tag());
    if options.embed {
        let _ = root.set_attribute("data-embed", "");
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

/// The theme the reader's system asks for: dark, high contrast or light.
pub fn system_theme() -> Theme {
    if let Some(t) = SYSTEM_THEME.with(|t| t.get()) {
        return t;
    }
    let t = ask_system_theme();
    SYSTEM_THEME.with(|c| c.set(Some(t)));
    t
}

fn ask_system_theme() -> Theme {
    let matches = |q: &str| {
        window()
            .match_media(q)
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    };
    if matches("(prefers-contrast: more)") || matches("(forced-colors: active)") {
        Theme::Contrast
    } else if matches("(prefers-color-scheme: dark)") {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// Sets an attribute on `<html>`, where the style sheet reads theme and
/// text size.
pub fn set_root_attr(name: &str, value: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(name, value);
    }
}

/// Whether the `<details>` a `toggle` event came from is now open.
pub fn details_open(ev: &web_sys::Event) -> bool {
    ev.target()
        .map(|t| t.unchecked_into::<web_sys::HtmlDetailsElement>())
        .is_some_and(|d| d.open())
}

/// Keeps `width` equal to `el`'s width, rounded to 8 px so small changes
/// do not redraw.
pub fn follow_width(el: &web_sys::HtmlDivElement, width: RwSignal<u32>) {
    // No measuring here: that would force a layout of the whole page in
    // the middle of building it. The observer reports the first size
    // itself, after the next layout and before that frame is painted.
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = Some(entries.get(0)).filter(|e| e.is_object()) {
            let entry: &web_sys::ResizeObserverEntry = entry.unchecked_ref();
            let w = chart_width(entry.content_rect().width());
            if w > 0 && width.try_get_untracked().is_some_and(|old| old != w) {
                width.set(w);
            }
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        observer.observe(el);
    }
    // The observer lives as long as the element; the callback must too.
    cb.forget();
}

/// A drawing's width in whole steps of 8 px, so that a pixel's change
/// does not redraw it.
fn chart_width(w: f64) -> u32 {
    ((w.max(0.0) as u32) / 8) * 8
}

/// The width charts are first drawn at: that of the drawings on the page
/// when the viewer was last rendered, or the default (and always the
/// default natively, so the static HTML is drawn at it).
pub fn first_chart_width() -> u32 {
    CHART_WIDTH.with(std::cell::Cell::get)
}

/// The point targets of a chart drawing, in drawing order.
fn point_targets(el: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(list) = el.query_selector_all("circle.pt") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| Some(list.item(i)?.unchecked_into::<web_sys::Element>()))
        .collect()
}

fn attr_index(el: &web_sys::Element, name: &str) -> usize {
    el.get_attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX)
}

/// Series and category of every point drawn in the chart `el`.
pub fn chart_points(el: &web_sys::Element) -> Vec<(usize, String)> {
    point_targets(el)
        .iter()
        .map(|t| {
            (
                attr_index(t, "data-series"),
                t.get_attribute("data-x").unwrap_or_default(),
            )
        })
        .collect()
}

/// Marks the `i`th point of the chart `el` as the one shown and returns
/// its series, its index in the series, and where its tip goes relative to
/// `el` (centre, top).
pub fn chart_point(el: &web_sys::Element, i: usize) -> Option<(usize, usize, f64, f64)> {
    let targets = point_targets(el);
    for t in &targets {
        let _ = t.class_list().remove_1("on");
    }
    let t = targets.get(i)?;
    let _ = t.class_list().add_1("on");
    let (r, host) = (t.get_bounding_client_rect(), el.get_bounding_client_rect());
    Some((
        attr_index(t, "data-series"),
        attr_index(t, "data-point"),
        r.left() + r.width() / 2.0 - host.left(),
        r.top() - host.top(),
    ))
}

/// Moves an absolutely placed element to `x`, `y` (CSS pixels) through
/// its style object, which a strict style policy allows.
pub fn place(el: &web_sys::HtmlElement, x: i32, y: i32) {
    let style = el.style();
    let _ = style.set_property("left", &format!("{x}px"));
    let _ = style.set_property("top", &format!("{y}px"));
}

/// The index of the point target under the pointer, if any.
pub fn point_under(ev: &web_sys::PointerEvent) -> Option<usize> {
    // Pointer events come from elements (never text nodes).
    let t: web_sys::Element = ev.target()?.unchecked_into();
    if !t.class_list().contains("pt") {
        return None;
    }
    let all = point_targets(&t.closest("svg").ok()??);
    all.iter().position(|o| o == &t)
}

/// Where search hits are shown: report text the viewer renders once and
/// never updates (a chart's summary too: computed once from its data),
/// so neither a range over its text nor (where the browser
/// has no highlight API) wrapping it in `<mark>` can confuse Leptos.
const MARKABLE: &str =
    "#content .para, #content .note, #content .list li, #content summary .title, \
    #content .card-label, #content .chart-title, #content .chart-desc, #content .chart-summary li, \
    #content .chart-notes li, #content td, #content th, #content caption";

/// The name search hits are registered under in `CSS.highlights`; the style
/// sheet paints `::highlight(hit)`.
const HIT: &str = "hit";

/// One element search may mark: its text as rendered, folded for matching,
/// and whether it holds marks now.
struct Markable {
    el: web_sys::Element,
    text: String,
    folded: Vec<char>,
    marked: bool,
}

thread_local! {
    /// The markable elements of the mounted viewer, read once: each
    /// keystroke then matches in Rust. Cleared when the viewer is rendered
    /// again.
    static MARKABLES: RefCell<Option<Vec<Markable>>> = const { RefCell::new(None) };
    /// The system's theme, asked once (each ask is a style query).
    static SYSTEM_THEME: std::cell::Cell<Option<Theme>> = const { std::cell::Cell::new(None) };
    /// See [`first_chart_width`].
    static CHART_WIDTH: std::cell::Cell<u32> = const { std::cell::Cell::new(crate::chart::DEFAULT_WIDTH) };
}

fn markables() -> Vec<Markable> {
    let Ok(list) = document().query_selector_all(MARKABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| Some(list.item(i)?.unchecked_into::<web_sys::Element>()))
        // Only elements that hold text alone: one text node for a range
        // (`normalize` joins any split), or rewritten whole with marks.
        .filter(|el| el.child_element_count() == 0)
        .map(|el| {
            el.normalize();
            let text = el.text_content().unwrap_or_default();
            let folded = crate::search::fold_str(&text);
            Markable {
                el,
                text,
                folded,
                marked: false,
            }
        })
        .collect()
}

/// The page's highlight registry, `CSS.highlights`, where the browser has
/// the CSS Custom Highlight API.
fn highlight_registry() -> Option<js_sys::Map> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let reg = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    // A maplike: `set` and `delete` are called on it as methods.
    (!reg.is_undefined()).then(|| reg.unchecked_into())
}

/// Shows every occurrence of `query` in the report text, and no longer the
/// previous query's. The browser paints ranges over the text (the CSS
/// Custom Highlight API): nothing in the document changes, so a keystroke
/// costs no style or layout however long the report. A browser without
/// the API gets `<mark class="hit">` elements instead.
pub fn highlight(query: &str) {
    let q = crate::search::fold_str(query.trim());
    let registry = highlight_registry();
    MARKABLES.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            if q.is_empty() {
                return;
            }
            *cell = Some(markables());
        }
        let all = cell.iter_mut().flatten();
        match &registry {
            Some(registry) => paint_hits(registry, all, &q),
            None => mark_hits(all, &q),
        }
    });
}

/// Registers one highlight of every hit's range (or none).
fn paint_hits<'a>(registry: &js_sys::Map, all: impl Iterator<Item = &'a mut Markable>, q: &[char]) {
    let (doc, ranges) = (document(), js_sys::Array::new());
    for m in all {
        let hits = crate::search::find_folded(&m.folded, q);
        let Some(node) = m.el.first_child().filter(|_| !hits.is_empty()) else {
            continue;
        };
        for (us, ue) in crate::search::utf16_ranges(&m.text, &hits) {
            if let Ok(r) = doc.create_range() {
                if r.set_start(&node, us).is_ok() && r.set_end(&node, ue).is_ok() {
                    ranges.push(&r);
                }
            }
        }
    }
    let key = JsValue::from_str(HIT);
    let ctor = js_sys::Reflect::get(&js_sys::global(), &"Highlight".into());
    match ctor
        .and_then(|c| js_sys::Reflect::construct(c.unchecked_ref::<js_sys::Function>(), &ranges))
    {
        Ok(h) if ranges.length() > 0 => {
            registry.set(&key, &h);
        }
        _ => {
            registry.delete(&key);
        }
    }
}

/// Wraps every hit in `<mark class="hit">`, and unwraps the text of
/// elements that no longer have one.
fn mark_hits<'a>(all: impl Iterator<Item = &'a mut Markable>, q: &[char]) {
    let doc = document();
    for m in all {
        let hits = crate::search::find_folded(&m.folded, q);
        if hits.is_empty() {
            if m.marked {
                m.el.set_text_content(Some(&m.text));
                m.marked = false;
            }
            continue;
        }
        let starts: Vec<usize> = m
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain([m.text.len()])
            .collect();
        let frag = doc.create_document_fragment();
        let mut at = 0;
        for (s, e) in hits {
            let (bs, be) = (starts[s], starts[e]);
            let _ = frag.append_child(&doc.create_text_node(&m.text[at..bs]));
            if let Ok(mark) = doc.create_element("mark") {
                mark.set_class_name(HIT);
                mark.set_text_content(Some(&m.text[bs..be]));
                let _ = frag.append_child(&mark);
            }
            at = be;
        }
        let _ = frag.append_child(&doc.create_text_node(&m.text[at..]));
        m.el.set_text_content(None);
        let _ = m.el.append_child(&frag);
        m.marked = true;
    }
}

/// Focuses the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

fn result_links(list: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(links) = list.query_selector_all("a") else {
        return Vec::new();
    };
    (0..links.length())
        .filter_map(|i| Some(links.item(i)?.unchecked_into::<web_sys::HtmlElement>()))
        .collect()
}

/// Focuses the `i`th result link of the list.
pub fn focus_result(list: &web_sys::Element, i: usize) {
    if let Some(a) = result_links(list).get(i) {
        let _ = a.focus();
    }
}

/// Moves focus `step` results up or down from the focused one; above the
/// first, back to the search field.
pub fn step_result(list: &web_sys::Element, step: isize) {
    let links = result_links(list);
    let active = document().active_element();
    let now = links.iter().position(|a| {
        active
            .as_ref()
            .is_some_and(|f| f == a.unchecked_ref::<web_sys::Element>())
    });
    let next = now.map_or(0, |i| i as isize + step);
    if next < 0 {
        focus_by_id(super::search_view::SEARCH_INPUT_ID);
    } else if let Some(a) = links.get(next as usize) {
        let _ = a.focus();
    }
}

/// Goes to the element `id` as a link to it would: the fragment changes
/// (so the sections around it open) and it scrolls into view.
pub fn go_to(id: &str) {
    let loc = window().location();
    if loc.hash().unwrap_or_default() == format!("#{id}") {
        if let Some(el) = document().get_element_by_id(id) {
            el.scroll_into_view();
        }
    } else {
        let _ = loc.set_hash(id);
    }
}

/// `/` anywhere but in a text field focuses the search box, as on many
/// sites.
fn listen_slash() {
    // Not passive: the `/` must not also be typed into the field.
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    gloo_events::EventListener::new_with_options(&document(), "keydown", options, |ev| {
        let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document().active_element().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.get_attribute("contenteditable").is_some()
        });
        if !typing
            && document()
                .get_element_by_id(super::search_view::SEARCH_INPUT_ID)
                .is_some()
        {
            ev.prevent_default();
            focus_by_id(super::search_view::SEARCH_INPUT_ID);
        }
    })
    .forget();
}

/// Keeps the viewer's `current` section: the last one whose heading has
/// scrolled above the top fifth of the window.
fn listen_scroll() {
    let update = || {
        let Some(v) = current() else { return };
        let doc = document();
        let Ok(list) = doc.query_selector_all("details.sec") else {
            return;
        };
        let limit = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0)
            * 0.2;
        let mut found = None;
        for i in 0..list.length() {
            let Some(el) = list.item(i).map(|n| n.unchecked_into::<web_sys::Element>()) else {
                continue;
            };
            let top = el.get_bounding_client_rect().top();
            if top > limit {
                break;
            }
            // A section inside a closed one has no box; skip it.
            if el.get_client_rects().length() > 0 {
                found = Some(el.id());
            }
        }
        if v.current.try_get_untracked().is_some_and(|c| c != found) {
            v.current.set(found);
        }
    };
    update();
    gloo_events::EventListener::new(&window(), "scroll", move |_| update()).forget();
}

/// Before printing: open every section (in the DOM at once, since printing
/// does not wait for reactive updates) and write today's date into the
/// print block.
fn listen_print() {
    gloo_events::EventListener::new(&window(), "beforeprint", |_| {
        if let Some(v) = current() {
            v.open.update(|o| o.expand_all());
        }
        let doc = document();
        if let Ok(list) = doc.query_selector_all("details.sec") {
            for i in 0..list.length() {
                if let Some(d) = list
                    .item(i)
                    .map(|n| n.unchecked_into::<web_sys::HtmlDetailsElement>())
                {
                    d.set_open(true);
                }
            }
        }
        if let Ok(Some(el)) = doc.query_selector("[data-print-date]") {
            let date = js_sys::Date::new_0();
            el.set_text_content(Some(&format!(
                "{:04}-{:02}-{:02}",
                date.get_full_year(),
                date.get_month() + 1,
                date.get_date()
            )));
        }
    })
    .forget();
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
fn listen_host() {
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
            remount_with_lang(lang_now, theme_now, text_now);
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

/// Mounts the viewer again in another language, keeping theme and text size.
fn remount_with_lang(lang: Lang, theme: Theme, text: super::TextSize) {
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

/// The page's address without query or fragment, for embed snippets.
pub fn page_base() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// Copies `text` to the clipboard; where the asynchronous clipboard is not
/// available (a `file://` page), selects the text with a temporary field and
/// uses the older copy command.
pub fn copy_text(text: &str) {
    let w = window();
    if w.is_secure_context() {
        let _ = w.navigator().clipboard().write_text(text);
        return;
    }
    let doc = document();
    let Ok(area) = doc.create_element("textarea") else {
        return;
    };
    let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
    area.set_value(text);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&area);
        area.select();
        let _ = doc
            .unchecked_ref::<web_sys::HtmlDocument>()
            .exec_command("copy");
        area.remove();
    }
}

/// Writes the reading state into the URL without a new history entry:
/// search, closed sections, and theme and text size unless they are what
/// the page would pick by itself.
pub fn write_state(query: &str, closed: &[String], theme: Theme, text: super::TextSize) {
    let w = window();
    let loc = w.location();
    let search = loc.search().unwrap_or_default();
    let closed = closed.join(",");
    let theme = if theme == system_theme() {
        ""
    } else {
        theme.name()
    };
    let text = if text == super::TextSize::Standard {
        ""
    } else {
        text.name()
    };
    let next = super::state::query_with_state(
        &search,
        &[
            ("q", query),
            ("closed", &closed),
            ("theme", theme),
            ("text", text),
        ],
    );
    if next == search {
        return;
    }
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap_or_default(),
        next,
        loc.hash().unwrap_or_default()
    );
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// A link to the element `id` on this page, as a whole page (see
/// [`super::state::share_query`]), with the current reading state.
pub fn share_url(id: &str) -> String {
    let search = window().location().search().unwrap_or_default();
    format!("{}{}#{id}", page_base(), super::state::share_query(&search))
}

/// Key under which a reader's choice is remembered in `localStorage`.
fn storage_key(name: &str) -> String {
    format!("report-viewer:{name}")
}

/// A remembered choice, if storage is available (it is not in some
/// sandboxed frames and private modes).
pub fn recall(name: &str) -> Option<String> {
    let store = window().local_storage().ok().flatten()?;
    store.get_item(&storage_key(name)).ok().flatten()
}

/// Remembers a reader's choice; silently does nothing without storage.
pub fn remember(name: &str, value: &str) {
    if let Ok(Some(store)) = window().local_storage() {
        let _ = store.set_item(&storage_key(name), value);
    }
}

/// Offers `content` as a file download named `name`. A `blob:` link is
/// clicked and released, so it works offline and from `file://`.
pub fn download_text(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
        click_link(&url, name);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

fn click_link(href: &str, name: &str) {
    let doc = document();
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let _ = a.set_attribute("href", href);
    let _ = a.set_attribute("download", name);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.unchecked_ref::<web_sys::HtmlElement>().click();
        a.remove();
    }
}

/// Offers an SVG document as a PNG download at twice its size: drawn into
/// a canvas from a `data:` URL (allowed by the page's policy, unlike
/// `blob:` images), then saved.
pub fn download_png(name: String, svg: &str, width: u32, height: u32) {
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    );
    let loaded = img.clone();
    let onload = Closure::once_into_js(move || {
        let doc = document();
        let Ok(canvas) = doc.create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        let Ok(Some(ctx)) = canvas.get_context("2d") else {
            return;
        };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
            &loaded,
            0.0,
            0.0,
            (width * 2) as f64,
            (height * 2) as f64,
        );
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            click_link(&url, &name);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&src);
}

/// Shows `message` in the page's status line (read out by screen readers)
/// and clears it a few seconds later.
pub fn announce(status: RwSignal<String>, message: String) {
    status.set(message.clone());
    let clear = Closure::once_into_js(move || {
        if status.try_get_untracked().is_some_and(|s| s == message) {
            status.set(String::new());
        }
    });
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(clear.unchecked_ref(), 4000);
}
