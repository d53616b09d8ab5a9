//! The report page: title block, contents, the reading tools, sections and
//! their blocks, and the print block. Everything renders in its first
//! state: every section open, standard text, the light theme's charts (the
//! style sheet recolours them for the other themes), no search.

use leptos::prelude::*;
use report_format::page_ids;
use report_format::{Block, Lang, Script, Section, TextSize, Theme};

use super::chart::ChartFigure;
use super::figures::FigureCards;
use super::menu::SectionMenu;
use super::read::{ReadAloud, ReadPlayer};
use super::search::SearchBox;
use super::{Display, Viewer};
use crate::hooks::{
    Action, Island, LIST, NOTE, PARA, PROGRESS_FILL, SEC, STATUS, TITLE, TITLE_BLOCK, TOC,
    TOC_COMPACT, TOC_CURRENT, TOC_FULL, TOOLBAR, TOOLS, TOOLS_TOGGLE,
};
use crate::ids::{page_file, script_page_file, INDEX_FILE, OFFLINE_FILE};

/// The whole report with its contents list and controls. Embedding (a
/// frame, `?embed=1`) and one section or chart (`?section=`, `?chart=`)
/// are the same page, with the rest hidden by the style sheet before first
/// paint (the page's head script marks `<html>`).
#[component]
pub fn ReportView() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let (report, lang) = (v.report.clone(), v.lang);
    let meta = report.meta.clone();
    let dateline = [
        Some(meta.period.clone()),
        meta.published.clone(),
        meta.document_number.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let sections = report
        .sections
        .iter()
        .map(|s| view! { <SectionView section=s.clone() depth=0 /> })
        .collect_view();
    let note = meta.note.clone().map(|n| {
        view! {
            <p class="meta-note">
                <span class="label">{lang.pick("关于本页:", "About this page: ")}</span>
                {n}
            </p>
        }
    });
    view! {
        <a class="skip-link" href="#content">
            {lang.pick("跳到正文", "Skip to the report")}
        </a>
        <PrintBlock />
        <header class=TITLE_BLOCK.name data-testid="title-block">
            <p class="issuer">{meta.issuer.clone()}</p>
            <h1>{meta.title.clone()}</h1>
            <p class="dateline">{dateline}</p>
        </header>
        <div class="layout">
            <ReadingBar />
            <main id=page_ids::CONTENT tabindex="-1">
                <div class="preamble">{blocks_view(&report.preamble)}</div>
                {sections}
                <div class="closing">{blocks_view(&report.closing)}</div>
            </main>
        </div>
        <footer class="page-footer">
            {note}
            <p class="legend-note">
                {lang.pick(
                    "每个数字都可展开“出处”查看来源原文;“下限值”表示原文写作“余”或“以上”,“推算值”由原文数字计算得出,并注明算法。",
                    "Every number can show its source: open “Source”. A lower bound was printed with 余 or 以上 (more than); a derived value was computed from printed numbers by the rule shown.",
                )}
            </p>
        </footer>
        <p class=STATUS.name role="status" data-testid="status"></p>
        // `#top` is the top of the document (HTML's own rule; reserved as
        // an id, so no report element can take it).
        <viewer-island data-island=Island::Read.name()>
            <ReadPlayer />
        </viewer-island>
        <a class="to-top" href="#top" data-testid="to-top">
            <span aria-hidden="true">"↑ "</span>
            {lang.pick("回到顶部", "Back to top")}
        </a>
    }
}

/// The contents and the reading tools. On a phone (and with large text)
/// it is one bar that stays at the top: 目录 with the section being read,
/// and 工具, each opening a panel over the text, and a line that fills as
/// the reader goes down the report. On a wide screen the contents are a
/// sidebar and the tools sit above the text.
#[component]
fn ReadingBar() -> impl IntoView {
    let lang = expect_context::<Viewer>().lang;
    view! {
        <div class="bar" data-testid="reading-bar">
            <Contents />
            <details class=TOOLS_TOGGLE.name data-testid="tools-toggle">
                <summary aria-controls=page_ids::TOOLS>
                    {lang.pick("工具", "Tools")}
                </summary>
            </details>
            <div
                class=TOOLS.name
                id=page_ids::TOOLS
                role="region"
                aria-label=lang.pick("字号、配色、搜索与下载", "Text size, colours, search and downloads")
                data-testid=page_ids::TOOLS
            >
                <viewer-island data-island=Island::Display.name()>
                    <DisplayControls />
                </viewer-island>
                <viewer-island data-island=Island::Search.name()>
                    <SearchBox />
                </viewer-island>
                <Toolbar />
            </div>
            <div class="progress" aria-hidden="true">
                <span class=PROGRESS_FILL.name></span>
            </div>
        </div>
    }
}

/// The block printed above the report: issuing body, title, dates,
/// document number and the official address. Hidden on screen.
#[component]
fn PrintBlock() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let m = v.report.meta.clone();
    let row = |label: &'static str, value: Option<String>| {
        value.map(|val| {
            view! {
                <div>
                    <dt>{label}</dt>
                    <dd>{val}</dd>
                </div>
            }
        })
    };
    view! {
        <aside class="print-only print-meta" aria-hidden="true">
            <dl>
                {row(lang.pick("发布机关", "Issued by"), Some(m.issuer.clone()))}
                {row(lang.pick("标题", "Title"), Some(m.title.clone()))}
                {row(lang.pick("发布日期", "Published"), m.published.clone())}
                {row(lang.pick("文号", "Document number"), m.document_number.clone())}
                {row(lang.pick("索引号", "Index number"), m.index_number.clone())}
                {row(lang.pick("原文地址", "Official address"), m.canonical_url.clone())}
                <div class="print-date">
                    <dt>{lang.pick("打印日期", "Printed on")}</dt>
                    <dd data-print-date=""></dd>
                </div>
            </dl>
        </aside>
    }
}

/// Expand and collapse all, the report's data, the offline download and
/// the other interface language's page.
#[component]
fn Toolbar() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let (label, tag) = match other {
        Lang::En => ("English", "en"),
        Lang::Zh => ("中文", "zh-CN"),
    };
    let name = crate::state::file_name(&v.report.meta.title, "html");
    view! {
        <div class=TOOLBAR.name role="group" aria-label=lang.pick("阅读工具", "Reading tools")>
            <ReadAloud />
            <button type="button" data-action=Action::ExpandAll.name() data-testid="expand-all">
                {lang.pick("展开全部", "Expand all")}
            </button>
            <button type="button" data-action=Action::CollapseAll.name() data-testid="collapse-all">
                {lang.pick("收起全部", "Collapse all")}
            </button>
            {(!v.offline)
                .then(|| {
                    view! {
                        <a
                            class="download"
                            href=script_page_file(OFFLINE_FILE, lang, v.script)
                            download=name
                            data-testid="download-offline"
                        >
                            {lang.pick("下载离线版", "Download for offline reading")}
                        </a>
                    }
                })}
            <button type="button" data-action=Action::DownloadReportCsv.name() data-testid="download-report-csv">
                {lang.pick("下载全部数据(CSV)", "Download all data (CSV)")}
            </button>
            // An offline file stands alone: its other language is another
            // download, not a file beside it.
            {(!v.offline)
                .then(|| {
                    view! {
                        <a class="lang-switch" href=page_file(INDEX_FILE, other) hreflang=tag lang=tag>
                            {label}
                        </a>
                    }
                })}
        </div>
    }
}

/// Text size (长者模式) and colour theme, then 简体 / 繁體: an island
/// ([`Island::Display`]). The buttons say which is chosen ([`Display`]'s
/// signals: the page's defaults at build time, the reader's choice once
/// hydrated); a click applies at once, is remembered and goes into the URL
/// (`crate::enhance::display`).
#[component]
pub fn DisplayControls() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let d = expect_context::<Display>();
    let lang = v.lang;
    let sizes = [
        (TextSize::Standard, lang.pick("标准", "Standard")),
        (TextSize::Large, lang.pick("大", "Large")),
        (TextSize::XLarge, lang.pick("特大", "Extra large")),
    ]
    .map(|(size, label)| {
        let pressed = move || (d.text.get() == size).to_string();
        let choose = move |_| crate::enhance::display::choose_text(d, size);
        view! {
            <button type="button" data-text-size=size.name() aria-pressed=pressed on:click=choose>
                {label}
            </button>
        }
    });
    let themes = [
        (Theme::Light, lang.pick("浅色", "Light")),
        (Theme::Dark, lang.pick("深色", "Dark")),
        (Theme::Contrast, lang.pick("高对比", "High contrast")),
    ]
    .map(|(t, label)| {
        let pressed = move || (d.theme.get() == t).to_string();
        let choose = move |_| crate::enhance::display::choose_theme(d, t);
        view! {
            <button type="button" data-theme-choice=t.name() aria-pressed=pressed on:click=choose>
                {label}
            </button>
        }
    });
    view! {
        <div class="display" data-testid="display-controls">
            <div class="seg" role="group" aria-labelledby="display-text">
                <span class="label" id="display-text">{lang.pick("长者模式 · 字号", "Easy reading · text size")}</span>
                {sizes}
            </div>
            <div class="seg" role="group" aria-labelledby="display-theme">
                <span class="label" id="display-theme">{lang.pick("配色", "Colours")}</span>
                {themes}
            </div>
            <ScriptLinks />
        </div>
    }
}

/// 简体 / 繁體: links between the report's page in simplified characters
/// and the one the build converted to traditional characters. Each link
/// says its script (`?script=`), which the head script remembers. Each
/// name is written in its own script on both pages (`translate="no"`
/// keeps the build from converting 简体). Chinese pages only, hosted only:
/// an offline file stands alone.
#[component]
fn ScriptLinks() -> impl IntoView {
    let v = expect_context::<Viewer>();
    (v.hant_page && v.lang == Lang::Zh && !v.offline).then(|| {
        let links = [
            (Script::Hans, "简体", "zh-CN"),
            (Script::Hant, "繁體", "zh-Hant"),
        ]
        .map(|(script, label, tag)| {
            let href = format!(
                "{}?script={}",
                script_page_file(INDEX_FILE, Lang::Zh, script),
                script.name()
            );
            let current = (script == v.script).then_some("page");
            view! {
                <a
                    href=href
                    hreflang=tag
                    lang=tag
                    translate="no"
                    aria-current=current
                    data-script-choice=script.name()
                >
                    {label}
                </a>
            }
        });
        view! {
            <div class="seg" role="group" aria-labelledby="display-script">
                <span class="label" id="display-script">{"简繁"}</span>
                {links}
            </div>
        }
    })
}

/// The contents list: every part and subsection. The browser layer marks
/// the one being read (`aria-current`) and names it in the compact bar.
///
/// Wide screens show the list as a sticky sidebar. Narrow screens show a
/// compact, sticky, closed bar naming the section being read; opening it
/// shows the same list below it (the style sheet does, without script).
/// One list: a long report's contents are thousands of elements.
#[component]
fn Contents() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    view! {
        <nav class=TOC.name aria-label=lang.pick("目录", "Contents") data-testid="toc">
            <details class=TOC_COMPACT.name>
                <summary aria-controls=page_ids::TOC_LIST>
                    <span class="toc-title">{lang.pick("目录", "Contents")}</span>
                    <span class=TOC_CURRENT.name></span>
                </summary>
            </details>
            <div class=TOC_FULL.name id=page_ids::TOC_LIST>
                <p class="toc-title" aria-hidden="true">{lang.pick("目录", "Contents")}</p>
                {toc_list(&v.report.sections)}
            </div>
        </nav>
    }
}

/// Nested contents links.
fn toc_list(sections: &[Section]) -> AnyView {
    let list = sections
        .iter()
        .map(|s| {
            let sub = (!s.sections.is_empty()).then(|| toc_list(&s.sections));
            view! {
                <li>
                    <a href=format!("#{}", s.id)>
                        <span class="num">{s.number.clone()}</span>
                        {s.title.clone()}
                    </a>
                    {sub}
                </li>
            }
        })
        .collect_view();
    view! { <ol>{list}</ol> }.into_any()
}

/// A section as a native disclosure: `<details>` whose `<summary>` holds the
/// heading, so it opens and closes without JavaScript and the browser's
/// find-in-page reaches collapsed text. Its open state lives in the DOM.
#[component]
pub fn SectionView(
    /// The section to show.
    section: Section,
    /// Nesting depth: 0 for parts (`h2`), 1 for subsections (`h3`), …
    depth: usize,
) -> impl IntoView {
    let heading_id = page_ids::heading_id(&section.id);
    let heading = heading(
        depth,
        heading_id,
        section.number.clone(),
        section.title.clone(),
    );
    let body = blocks_view(&section.blocks);
    let subs = section
        .sections
        .iter()
        .map(|s| view! { <SectionView section=s.clone() depth=depth + 1 /> }.into_any())
        .collect_view();
    view! {
        <details class=format!("{} depth-{depth}", SEC.name) id=section.id.clone() open=true>
            <summary>{heading}</summary>
            // After the summary, floated to its right: it is not part of
            // the heading a reader clicks to open and close.
            <SectionMenu id=section.id.clone() title=section.heading() />
            <div class="sec-body">
                {body}
                {subs}
            </div>
        </details>
    }
}

/// `h2` for parts, `h3` for subsections, `h4` below that.
fn heading(depth: usize, id: String, number: String, title: String) -> AnyView {
    let inner = view! {
        <span class="num">{number}</span>
        <span class=TITLE.name>{title}</span>
    };
    match depth {
        0 => view! { <h2 id=id>{inner}</h2> }.into_any(),
        1 => view! { <h3 id=id>{inner}</h3> }.into_any(),
        _ => view! { <h4 id=id>{inner}</h4> }.into_any(),
    }
}

fn blocks_view(blocks: &[Block]) -> AnyView {
    blocks
        .iter()
        .map(|b| block_view(b.clone()))
        .collect_view()
        .into_any()
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph { id, text } => view! { <p id=id class=PARA.name>{text}</p> }.into_any(),
        Block::Note { id, text } => view! { <p id=id class=NOTE.name>{text}</p> }.into_any(),
        Block::List { id, ordered, items } => {
            let lis = items
                .into_iter()
                .map(|i| view! { <li>{i}</li> })
                .collect_view();
            if ordered {
                view! { <ol id=id class=LIST.name>{lis}</ol> }.into_any()
            } else {
                view! { <ul id=id class=LIST.name>{lis}</ul> }.into_any()
            }
        }
        Block::Figures { id, figures } => {
            view! { <FigureCards id=id figures=figures /> }.into_any()
        }
        Block::Chart { chart } => {
            let v = expect_context::<Viewer>();
            match v.report.chart(&chart) {
                Some(c) => view! { <ChartFigure chart=c.clone() /> }.into_any(),
                None => ().into_any(),
            }
        }
        Block::Table(t) => super::table::table_view(t),
    }
}
