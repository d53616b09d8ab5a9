//! The search box: substring search over the whole report (see
//! [`crate::search`]), a result list with section path and snippet, and
//! `<mark>` on every occurrence in the text.
//!
//! Keys: `/` anywhere focuses the box, Esc clears it, Enter goes to the first
//! result, ↓ moves into the list and ↑ ↓ move within it. A result is a link
//! to its element: following it opens the collapsed sections around it
//! (the browser opens `<details>` ancestors of a fragment's target; the
//! viewer's open-state follows their `toggle` events).

use std::sync::Arc;

use leptos::prelude::*;

use super::dom;
use super::Viewer;
use report_format::search::SearchIndex;

/// Id of the search field, which `/` focuses.
pub const SEARCH_INPUT_ID: &str = report_format::page_ids::SEARCH_INPUT;

/// How many results are listed; the count says how many there are.
const MAX_LISTED: usize = 20;

/// The search box with its results.
#[component]
pub fn SearchBox() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    // The index is built at the first search, not at start-up.
    let index = Arc::new(std::sync::OnceLock::new());
    let report = v.report.clone();
    let query = v.query;
    let hits = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        index
            .get_or_init(|| SearchIndex::build(&report, lang))
            .search(&q, 14)
    });
    // Marks follow the query; they are put into the text after it renders.
    super::effect(move || dom::highlight::highlight(&query.get()));
    let list = NodeRef::<leptos::html::Ol>::new();
    let count = move || {
        let q = query.get();
        if q.trim().is_empty() {
            return String::new();
        }
        let (places, times) = hits.with(|h| (h.len(), h.iter().map(|h| h.count).sum::<usize>()));
        match (places, lang) {
            (0, report_format::Lang::Zh) => format!("没有找到“{}”", q.trim()),
            (0, report_format::Lang::En) => format!("No results for “{}”", q.trim()),
            (_, report_format::Lang::Zh) => {
                format!("“{}”出现 {times} 次，在 {places} 处", q.trim())
            }
            (_, report_format::Lang::En) => {
                format!("“{}” occurs {times} times in {places} places", q.trim())
            }
        }
    };
    let on_field_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => query.set(String::new()),
        "ArrowDown" => {
            ev.prevent_default();
            if let Some(ol) = list.get_untracked() {
                dom::results::focus_result(&ol, 0);
            }
        }
        "Enter" => {
            ev.prevent_default();
            if let Some(first) = hits.with_untracked(|h| h.first().map(|h| h.target.clone())) {
                dom::go_to(&first);
            }
        }
        _ => {}
    };
    let on_list_key = move |ev: leptos::ev::KeyboardEvent| {
        let step: isize = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "Escape" => {
                dom::focus_by_id(SEARCH_INPUT_ID);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(ol) = list.get_untracked() {
            dom::results::step_result(&ol, step);
        }
    };
    let results = move || {
        hits.get()
            .into_iter()
            .take(MAX_LISTED)
            .map(|h| {
                view! {
                    <li>
                        <a href=format!("#{}", h.target)>
                            <span class="result-path">{h.path}</span>
                            {h.before}
                            <mark>{h.matched}</mark>
                            {h.after}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="search" role="search" data-testid="search">
            <label for=SEARCH_INPUT_ID>{lang.pick("在报告中搜索", "Search this report")}</label>
            <input
                id=SEARCH_INPUT_ID
                type="search"
                autocomplete="off"
                aria-describedby="search-help"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=on_field_key
            />
            <p class="search-help" id="search-help">
                {lang.pick(
                    "按 / 键开始搜索，Esc 清除；回车前往第一条结果，↓ ↑ 在结果间移动。繁体字、全角字母也能找到。",
                    "Press / to search, Esc to clear; Enter goes to the first result, ↓ ↑ move between results. Traditional characters and full-width letters match too.",
                )}
            </p>
            <p class="search-count" role="status" data-testid="search-count">{count}</p>
            <ol class="search-results" node_ref=list on:keydown=on_list_key data-testid="search-results">
                {results}
            </ol>
        </div>
    }
    .into_any()
}
