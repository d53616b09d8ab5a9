//! Sections and links: the `<details>` open state is the truth. Expand and
//! collapse all, a section's "复制链接", the report's CSV, the embed
//! disclosures, links into closed sections (`#id`, `#:~:text=`), printing,
//! and the reading state written back into the URL.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::GetUntracked;
use report_format::{report_csv, Lang, TextSize, Theme};
use wasm_bindgen::JsCast;

use super::{
    all, announce, closest, document, event_element, later, listen, root_attr, window, Viewer,
};
use crate::embed::{snippets, EmbedTarget};
use crate::hooks::{
    root, Action, ACTION_ATTR, EMBED_BODY, EMBED_CODE, EMBED_HOW, EMBED_ID_ATTR, EMBED_KIND_ATTR,
    EMBED_TITLE_ATTR, PRINT_DATE_ATTR, SEC, TARGET_ATTR,
};
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
            block_with_text(&v.report, &quote, &v.folding).map(String::from)
        });
    if let Some(id) = target {
        if !options.closed.is_empty() || hash.is_empty() {
            go_to(&id);
        }
    }

    // `toggle` does not bubble: listen in the capture phase.
    listen(&doc, "toggle", true, |ev| {
        let Some(el) = event_element(&ev) else { return };
        if el.class_list().contains(SEC.name) {
            write_state_soon();
        } else if el.class_list().contains(EMBED_CODE.name) {
            fill_embed(&el);
        }
    });
    listen(&window(), "beforeprint", false, |_| {
        // Printing does not wait: open every section in the DOM at once.
        set_all_open(true);
        let date_sel = format!("[{PRINT_DATE_ATTR}]");
        if let Ok(Some(el)) = document().query_selector(&date_sel) {
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

/// Follows the address's fragment (a link was followed, or the search's
/// Enter): the sections around its element open and it scrolls into view.
pub fn follow_hash() {
    let hash = window().location().hash().unwrap_or_default();
    if let Some(id) = Some(hash.trim_start_matches('#')).filter(|h| !h.is_empty()) {
        go_to(id);
    }
}

fn as_section(el: web_sys::Element) -> Option<web_sys::HtmlDetailsElement> {
    el.class_list()
        .contains(SEC.name)
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
        if let Some(d) = closest(&e, SEC.sel).and_then(as_section) {
            if !d.open() {
                d.set_open(true);
            }
            at = d.parent_element();
        } else {
            at = None;
        }
    }
}

/// Opens (or closes) every section at once.
pub fn set_all_open(open: bool) {
    for d in all(None, SEC.sel).into_iter().filter_map(as_section) {
        d.set_open(open);
    }
}

/// "复制链接": copies the address of the button's target and says so.
pub fn copy_link(lang: Lang, button: &web_sys::Element) {
    let id = button.get_attribute(TARGET_ATTR).unwrap_or_default();
    let url = super::url::share_url(&id);
    super::files::copy_text(&url);
    announce(format!(
        "{}{}",
        lang.pick("已复制链接\u{FF1A}", "Link copied: "),
        echo(&url, MAX_ECHO_CHARS)
    ));
}

/// Downloads every figure of the report as one CSV file.
pub fn download_csv(v: &Viewer) {
    let lang = v.lang;
    let name = file_name(&v.report.meta.title, "csv");
    let csv = super::own(report_csv(&v.report, lang));
    super::files::download_text(&name, "text/csv;charset=utf-8", &csv);
    announce(format!(
        "{}{name}",
        lang.pick("已下载\u{FF1A}", "Downloaded: ")
    ));
}

/// Copies the embed snippet written before the button.
pub fn copy_snippet(lang: Lang, button: &web_sys::Element) {
    let area = button
        .previous_element_sibling()
        .and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(area) = area {
        super::files::copy_text(&area.value());
        announce(lang.pick("已复制代码", "Code copied").to_string());
    }
}

/// Writes the two snippets into an embed disclosure the first time it
/// opens: they need the page's own address, which only the browser knows.
fn fill_embed(details: &web_sys::Element) {
    let Some(body) = all(Some(details), EMBED_BODY.sel).pop() else {
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
    let target = EmbedTarget::of_kind(&attr(EMBED_KIND_ATTR), attr(EMBED_ID_ATTR));
    let (script, iframe) = snippets(
        &super::url::page_base(),
        &target,
        &attr(EMBED_TITLE_ATTR),
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
        p.set_class_name(EMBED_HOW.name);
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
            let _ = b.set_attribute(ACTION_ATTR, Action::CopySnippet.name());
        }
    }
}

/// The writes of the reading state into the URL that are waiting (the
/// viewer holds them).
#[derive(Default)]
pub struct UrlWrites {
    /// A write at the end of the current burst of changes is on its way.
    soon: Cell<bool>,
    /// The write once typing pauses; replacing it cancels the one before.
    typed: RefCell<Option<Timeout>>,
}

/// Writes the reading state into the URL once typing pauses (a history
/// entry's address costs the browser about a frame on a long page; a
/// keystroke must not pay it).
pub fn write_state_when_idle() {
    let Some(v) = super::viewer() else { return };
    v.url_writes
        .typed
        .replace(Some(Timeout::new(400, write_state)));
}

/// Writes the reading state into the URL once the current burst of
/// changes is over (expand all toggles every section).
pub fn write_state_soon() {
    let Some(v) = super::viewer() else { return };
    if v.url_writes.soon.replace(true) {
        return;
    }
    later(0, move || {
        v.url_writes.soon.set(false);
        write_state();
    });
}

/// Writes the reading state into the URL now: search, closed sections,
/// theme and text size.
pub fn write_state() {
    let closed: Vec<String> = all(None, &format!("{}:not([open])", SEC.sel))
        .iter()
        .map(|d| d.id())
        .collect();
    // The search's own state, which the field shows.
    let query = super::viewer()
        .map(|v| v.search.query.get_untracked())
        .unwrap_or_default();
    let theme = root_attr(root::THEME)
        .and_then(|t| Theme::parse(&t))
        .unwrap_or_default();
    let text = root_attr(root::TEXT)
        .and_then(|t| TextSize::parse(&t))
        .unwrap_or_default();
    super::url::write_state(&query, &closed, theme, text);
}
