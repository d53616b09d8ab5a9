//! The search box as the page carries it: a field, its help, and the empty
//! places where the browser layer writes the count and the results (see
//! `crate::enhance::search`).

use leptos::prelude::*;

use super::Viewer;
use crate::ids::SEARCH_INPUT_ID;

/// The search box.
#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = expect_context::<Viewer>().lang;
    view! {
        <div class="search" role="search" data-testid="search">
            <label for=SEARCH_INPUT_ID>{lang.pick("在报告中搜索", "Search this report")}</label>
            <input
                id=SEARCH_INPUT_ID
                type="search"
                autocomplete="off"
                maxlength=crate::state::MAX_QUERY_CHARS
                aria-describedby="search-help"
            />
            <p class="search-help" id="search-help">
                {lang.pick(
                    "按 / 键开始搜索，Esc 清除；回车前往第一条结果，↓ ↑ 在结果间移动。繁体字、全角字母也能找到。",
                    "Press / to search, Esc to clear; Enter goes to the first result, ↓ ↑ move between results. Traditional characters and full-width letters match too.",
                )}
            </p>
            <p class="search-count" role="status" data-testid="search-count"></p>
            <ol class="search-results" data-testid="search-results"></ol>
        </div>
    }
}
