//! The panel shown when the report in the page cannot be read (a broken
//! copy, an edited file): what is wrong and where, in Chinese and English,
//! above the report's text, which stays. The browser mounts it into an
//! empty element of its own (there is nothing of it in the page to
//! hydrate); the build can render it too, which the native tests use.

use leptos::prelude::*;
use report_format::Problem;

use crate::hooks::{ERROR_PANEL, ERR_HINT, ERR_LIST, ERR_LOC};

/// Chinese and English side by side, each marked with its language.
#[component]
fn Both(
    /// The language tag of the Chinese (`zh-CN` or `zh-Hant`).
    zh_tag: &'static str,
    /// The Chinese.
    zh: String,
    /// The English.
    en: String,
) -> impl IntoView {
    view! { <span lang=zh_tag>{zh}</span>" / "<span lang="en">{en}</span> }
}

/// The error panel. Every text is given in the page's script already
/// (`words` converts the viewer's own words on a page in traditional
/// characters); the problems' texts are set as text, never as markup.
#[component]
pub fn ErrorPanel(
    /// What is wrong with the report.
    problems: Vec<Problem>,
    /// The language tag of the page's Chinese (`zh-CN` or `zh-Hant`).
    zh_tag: &'static str,
    /// The viewer's own words in the page's script.
    words: fn(String) -> String,
) -> impl IntoView {
    let w = move |s: &str| words(s.to_string());
    let items = problems
        .into_iter()
        .map(|p| {
            let location = (!p.location.is_empty()).then(|| {
                view! { <code class=ERR_LOC.name>{words(p.location)}</code>" " }
            });
            view! {
                <li>
                    {location}
                    <span lang=zh_tag>{words(p.zh)}</span>
                    " / "
                    <span lang="en">{p.en}</span>
                    " "
                    <span class=ERR_HINT.name>
                        <Both
                            zh_tag
                            zh=words(format!("修改建议:{}", p.hint_zh))
                            en=format!("How to fix: {}", p.hint_en)
                        />
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class=ERROR_PANEL.name role="alert" data-testid="error-panel">
            <h2>
                <Both
                    zh_tag
                    zh=w("无法显示报告的交互功能")
                    en="This report cannot be shown interactively".into()
                />
            </h2>
            <p>
                <Both
                    zh_tag
                    zh=w("页面中的报告数据有误,以下问题需要修正;下面仍是报告全文。")
                    en="The report data in this page has problems, listed below; the full text is still below."
                        .into()
                />
            </p>
            <ul class=ERR_LIST.name>{items}</ul>
        </section>
    }
}
