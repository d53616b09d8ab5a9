//! Small menus: one per section (复制链接, 朗读本节, 嵌入) and one per chart
//! (downloads, 复制链接, 嵌入), instead of a row of buttons under every
//! heading. A menu is a `<details>`: it opens and closes without script;
//! the browser layer closes it once an action is taken, on Escape and on
//! a click elsewhere (`crate::enhance::panels`). Its panel floats over the
//! text, so opening one moves nothing.

use leptos::prelude::*;

use super::embed::EmbedCode;
use super::figures::CopyLink;
use super::read::ReadSection;
use super::Viewer;
use crate::embed::EmbedTarget;
use crate::hooks::{MENU, MENU_PANEL};

/// The menu of a section, at the right of its heading.
#[component]
pub fn SectionMenu(
    /// The section's id.
    id: String,
    /// The section's heading, for the menu's name and the embed frame.
    title: String,
) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let name = format!("{}{title}", lang.pick("本节工具：", "Tools for: "));
    let embed = (!v.offline).then(|| {
        view! { <EmbedCode target=EmbedTarget::Section(id.clone()) title=title.clone() /> }
    });
    view! {
        <details class=format!("{} sec-menu", MENU.name) data-testid="section-menu">
            <summary class="menu-button" aria-label=name.clone() title=lang.pick("本节工具", "Section tools")>
                <span class="menu-dots" aria-hidden="true">"⋯"</span>
            </summary>
            <div class=MENU_PANEL.name role="group" aria-label=name>
                <CopyLink id=id.clone() />
                <ReadSection id=id.clone() />
                {embed}
            </div>
        </details>
    }
}

/// The menu of a chart: its downloads, a link to it and the embed code.
#[component]
pub fn ChartMenu(
    /// The chart's id.
    id: String,
    /// The chart's title, for the embed frame.
    title: String,
) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let dl = |kind: &'static str, label: &'static str| {
        view! { <button type="button" data-download=kind>{label}</button> }
    };
    // The button's name says whose downloads they are (five charts, five
    // buttons), starting with its visible words.
    let name = format!(
        "{}{title}",
        lang.pick("下载与分享：", "Download and share: ")
    );
    let embed = (!v.offline)
        .then(|| view! { <EmbedCode target=EmbedTarget::Chart(id.clone()) title=title /> });
    view! {
        <details class=format!("{} chart-menu", MENU.name) data-testid="chart-menu">
            <summary class="menu-button" aria-label=name>
                {lang.pick("下载与分享", "Download and share")}
            </summary>
            <div class=MENU_PANEL.name role="group" aria-label=lang.pick("下载与分享", "Download and share")>
                {dl("svg", lang.pick("下载图片(SVG)", "Picture (SVG)"))}
                {dl("png", lang.pick("下载图片(PNG)", "Picture (PNG)"))}
                {dl("csv", lang.pick("下载数据(CSV)", "Data (CSV)"))}
                <CopyLink id=id.clone() />
                {embed}
            </div>
        </details>
    }
}
