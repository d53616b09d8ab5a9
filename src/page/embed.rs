//! "嵌入 / Embed": a closed disclosure whose snippets the browser layer
//! writes when a reader opens it (they need the page's own address, which
//! only the browser knows; see `crate::enhance::sections`).

use leptos::prelude::*;

use super::Viewer;
use crate::embed::EmbedTarget;
use crate::hooks::{EMBED_BODY, EMBED_CODE};

/// A closed disclosure that will hold two snippets and copy buttons.
#[component]
pub fn EmbedCode(
    /// What the snippets embed.
    target: EmbedTarget,
    /// Title for the frame, read to screen-reader users of the host page.
    title: String,
) -> impl IntoView {
    let lang = expect_context::<Viewer>().lang;
    let (kind, id) = (target.kind(), target.id().to_string());
    view! {
        <details
            class=EMBED_CODE.name
            data-testid="embed-code"
            data-embed-kind=kind
            data-embed-id=id
            data-embed-title=title
        >
            <summary>{lang.pick("嵌入", "Embed")}</summary>
            <div class=EMBED_BODY.name></div>
        </details>
    }
}
