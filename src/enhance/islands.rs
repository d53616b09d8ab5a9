//! Hydrating the islands ([`crate::hooks::Island`]): each
//! `<viewer-island>` the build wrote is taken over in place by the
//! component that rendered it, with the page's state in its context. One
//! root per island (`hydrate_from`), so that a widget outside any island's
//! markup, and the report's text between them, is never walked.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{all, Viewer};
use crate::hooks::{Island, ISLAND_ATTR, ISLAND_TAG};
use crate::page::{self, DisplayControls, ReadPlayer, SearchBox};

/// The page's state as the components had it at build time: the same
/// report, language, script, page kind and 繁體 page, so that each
/// island's first render is the markup the build wrote.
fn page_context(v: &Viewer) -> page::Viewer {
    page::Viewer {
        report: v.report.clone(),
        lang: v.lang,
        offline: super::is_offline(),
        script: v.script,
        // The page in traditional characters carries its report converted
        // (`zh-Hant`): it is itself the 繁體 page.
        hant_page: v.script == report_format::Script::Hant
            || crate::ids::has_hant_page(&v.report.meta.language),
    }
}

/// Hydrates every island on the page; an element naming no island is
/// left static (and said so in the console).
pub fn hydrate(v: &Rc<Viewer>) {
    for el in all(None, ISLAND_TAG) {
        let name = el.get_attribute(ISLAND_ATTR).unwrap_or_default();
        let Some(island) = Island::parse(&name) else {
            web_sys::console::warn_1(&format!("report viewer: no island {name:?}").into());
            continue;
        };
        let context = page_context(v);
        let (display, search, player) = (v.display, v.search, v.player);
        let el: web_sys::HtmlElement = el.unchecked_into();
        let handle = leptos::mount::hydrate_from(el, move || {
            provide_context(context);
            provide_context(display);
            provide_context(search);
            provide_context(player);
            match island {
                Island::Display => view! { <DisplayControls /> }.into_any(),
                Island::Search => view! { <SearchBox /> }.into_any(),
                Island::Read => view! { <ReadPlayer /> }.into_any(),
            }
        });
        // The island lives as long as the page.
        handle.forget();
    }
}
