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
    let script = RwSignal::new(None::<String>);
    super::effect(move || {
        base.set(dom::url::page_base());
        script.set(dom::url::embed_script());
    });
    let code =
        Signal::derive(move || snippets(&base.get(), &target, &title, script.get().as_deref()));
    let status = v.status;
    // One snippet: its field and a copy button that reports in the status line.
    let snippet = move |which: usize, label: &'static str| {
        let text = move || {
            let (a, b) = code.get();
            if which == 0 {
                a
            } else {
                b
            }
        };
        view! {
            <textarea readonly rows="3" aria-label=label>{text}</textarea>
            <button
                type="button"
                on:click=move |_| {
                    dom::files::copy_text(&text());
                    dom::announce(status, lang.pick("已复制代码", "Code copied").to_string());
                }
            >
                {lang.pick("复制代码", "Copy code")}
            </button>
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
            {snippet(0, lang.pick("自动适应高度的嵌入代码", "Self-resizing embed code"))}
            {snippet(1, lang.pick("固定高度的 iframe 代码", "Fixed-height iframe code"))}
                        }
                    })
            }}
        </details>
    }
    .into_any()
}
