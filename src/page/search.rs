//! The search box, an island ([`crate::hooks::Island::Search`]): a field,
//! its help, the count and the result list. The build renders it empty;
//! in the browser the same component hydrates it and shows what the
//! [`Search`] signals hold. The field writes the query; the browser layer
//! (`crate::enhance::search`) searches the report for it and writes the
//! answer back, so the component stays a view of the two signals.

use std::sync::Arc;

use leptos::prelude::*;
use report_format::search::Hit;

use super::Viewer;
use crate::hooks::{RESULT_PATH, SEARCH_COUNT, SEARCH_RESULTS};
use crate::ids::{SEARCH_HELP_ID, SEARCH_INPUT_ID};

/// How many results are listed; the count says how many there are.
pub const MAX_LISTED: usize = 20;

/// What a search found, ready to show: the count line and the listed
/// results, in the page's script.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    /// The count line (empty for no query).
    pub count: String,
    /// The results listed, at most [`MAX_LISTED`].
    pub results: Vec<Hit>,
}

/// The search's state, shared by the island and the browser layer.
#[derive(Clone, Copy)]
pub struct Search {
    /// What the field holds.
    pub query: RwSignal<String>,
    /// What the search found for it.
    pub answer: RwSignal<Arc<Answer>>,
}

impl Search {
    /// A search for `query`, with nothing found yet (as the build renders
    /// it, whatever the query).
    pub fn new(query: String) -> Search {
        Search {
            query: RwSignal::new(query),
            answer: RwSignal::new(Arc::default()),
        }
    }
}

impl Default for Search {
    fn default() -> Self {
        Search::new(String::new())
    }
}

/// One listed result: a link to its element, with the section path and
/// the words around the first match, all as text.
#[component]
fn Result(
    /// The result.
    hit: Hit,
) -> impl IntoView {
    view! {
        <li>
            <a href=format!("#{}", hit.target)>
                <span class=RESULT_PATH.name>{hit.path}</span>
                {hit.before}
                <mark>{hit.matched}</mark>
                {hit.after}
            </a>
        </li>
    }
}

/// The search box.
#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = expect_context::<Viewer>().lang;
    let search = use_context::<Search>().unwrap_or_default();
    // Nothing (a comment), not an empty text: the build writes an empty
    // text as a space, which `:empty` would not hide.
    let count = move || {
        search
            .answer
            .with(|a| (!a.count.is_empty()).then(|| a.count.clone()))
    };
    // The field's value follows the query only when it differs (the query
    // cleared by Esc, or kept from before the viewer ran): writing it on
    // every keystroke would end a Chinese input method's composition.
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let q = search.query.get();
        if let Some(input) = field.get() {
            if input.value() != q {
                input.set_value(&q);
            }
        }
    });
    let results = move || {
        search
            .answer
            .get()
            .results
            .iter()
            .map(|hit| view! { <Result hit=hit.clone() /> })
            .collect_view()
    };
    view! {
        <div class="search" role="search" data-testid="search">
            <label for=SEARCH_INPUT_ID>{lang.pick("在报告中搜索", "Search this report")}</label>
            <input
                id=SEARCH_INPUT_ID
                type="search"
                autocomplete="off"
                maxlength=crate::state::MAX_QUERY_CHARS
                aria-describedby=SEARCH_HELP_ID
                node_ref=field
                on:input=move |ev| search.query.set(event_target_value(&ev))
            />
            <p class="search-help" id=SEARCH_HELP_ID>
                {lang.pick(
                    "按 / 键开始搜索，Esc 清除；回车前往第一条结果，↓ ↑ 在结果间移动。繁体字、全角字母也能找到。",
                    "Press / to search, Esc to clear; Enter goes to the first result, ↓ ↑ move between results. Traditional characters and full-width letters match too.",
                )}
            </p>
            <p class=SEARCH_COUNT.name role="status" data-testid="search-count">{count}</p>
            <ol class=SEARCH_RESULTS.name data-testid="search-results">{results}</ol>
        </div>
    }
}
