//! "嵌入 / Embed": copyable snippets for embedding one section or chart.

use leptos::prelude::*;

use super::dom;
use super::embed::{snippets, EmbedTarget};
use super::Viewer;

/// A closed disclosure with two snippets and copy buttons. Static HTML has
/// page-relative addresses; the live viewer fills in the page's own.
#[component]
pub fn EmbedCode(
    /// What the snippets embed.
    target: EmbedTarget,
    /// Title for the frame, read to screen-reader users of the host page.
    title: String,
) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let base = RwSignal::new(String::from("index.html"));
    Effect::new(move |_| base.set(dom::page_base()));
    let code = Signal::derive(move || snippets(&base.get(), &target, &title));
    let copied = RwSignal::new(None::<usize>);
    let copy = move |which: usize| {
        let (a, b) = code.get_untracked();
        let text = if which == 0 { a } else { b };
        dom::copy_text(&text);
        copied.set(Some(which));
    };
    let done = move |which: usize| {
        move || {
            if copied.get() == Some(which) {
                lang.pick("已复制", "Copied")
            } else {
                ""
            }
        }
    };
    // The snippets are made only when a reader opens the disclosure: the
    // static page then carries one short line per section, not two snippets.
    let opened = RwSignal::new(false);
    view! {
        <details
            class="embed-code"
            data-testid="embed-code"
            on:toggle=move |ev| {
                if dom::details_open(&ev) {
                    opened.set(true);
                }
            }
        >
            <summary>{lang.pick("嵌入", "Embed")}</summary>
            {move || {
                opened
                    .get()
                    .then(|| {
                        view! {
            <p class="embed-how">
                {lang.pick(
                    "把下面的代码放进您的网页。第一种会自动适应内容高度(推荐);第二种是固定高度的 iframe。",
                    "Put this code in your page. The first keeps the frame as tall as its content (recommended); the second is an iframe of fixed height.",
                )}
            </p>
            <textarea readonly rows="3" aria-label=lang.pick("自动适应高度的嵌入代码", "Self-resizing embed code")>
                {move || code.get().0}
            </textarea>
            <button type="button" on:click=move |_| copy(0)>
                {lang.pick("复制代码", "Copy code")}
            </button>
            <span class="copied" role="status">{done(0)}</span>
            <textarea readonly rows="3" aria-label=lang.pick("固定高度的 iframe 代码", "Fixed-height iframe code")>
                {move || code.get().1}
            </textarea>
            <button type="button" on:click=move |_| copy(1)>
                {lang.pick("复制代码", "Copy code")}
            </button>
            <span class="copied" role="status">{done(1)}</span>
                        }
                    })
            }}
        </details>
    }
    .into_any()
}
