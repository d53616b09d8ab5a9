//! The panel shown when a report cannot be loaded: always in Chinese and in
//! English, naming where each problem is.

use leptos::prelude::*;

use report_format::LoadError;

/// A visible, announced error panel listing every problem.
#[component]
pub fn ErrorPanel(
    /// Why the report could not be loaded.
    error: LoadError,
) -> impl IntoView {
    let items = error
        .problems()
        .into_iter()
        .map(|d| {
            let loc = (!d.location.is_empty()).then(|| {
                view! { <code class="err-loc">{d.location.clone()}</code> " " }
            });
            view! {
                <li>
                    {loc}
                    <span lang="zh-CN">{d.zh}</span>
                    " / "
                    <span lang="en">{d.en}</span>
                    <br />
                    <span class="err-hint">
                        <span lang="zh-CN">"修改建议:" {d.hint_zh}</span>
                        " / "
                        <span lang="en">"How to fix: " {d.hint_en}</span>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <main id="content" class="error-panel" role="alert" data-testid="error-panel">
            <h1>
                <span lang="zh-CN">"无法显示报告"</span>
                " / "
                <span lang="en">"This report cannot be shown"</span>
            </h1>
            <p>
                <span lang="zh-CN">"报告数据有误,查看器没有显示任何可能不准确的内容。"</span>
                " "
                <span lang="en">
                    "The report data has problems, so nothing that might be wrong is shown."
                </span>
            </p>
            <ul class="err-list">{items}</ul>
        </main>
    }
}
