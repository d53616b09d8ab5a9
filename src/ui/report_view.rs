//! The report page: title block, contents, sections and their blocks.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_view::ChartFigure;
use super::dom;
use super::embed::EmbedTarget;
use super::embed_view::EmbedCode;
use super::figures::{CopyLink, FigureCards};
use super::state::{OpenSections, ViewOptions};
use super::Viewer;
use report_format::{Block, Chart, Indexed, Lang, Section, TextSize, Theme};

/// The whole report with its contents list and controls.
#[component]
pub fn ReportView(
    /// The report to show.
    report: Arc<Indexed>,
    /// What the URL asked for.
    options: ViewOptions,
) -> impl IntoView {
    let lang = options.lang;
    let viewer = Viewer {
        report: report.clone(),
        lang,
        open: RwSignal::new({
            // A link to an element wins over the sections the URL closes.
            let mut o = OpenSections::with_closed(&report, &options.closed);
            if let Some(target) = &options.target {
                o.reveal(&report, target);
            }
            // So does a link to words (`#:~:text=`), which the browser
            // may have scrolled to before the viewer started.
            if let Some(quote) = &options.quote {
                o.reveal_text(&report, quote);
            }
            o
        }),
        current: RwSignal::new(None),
        theme: RwSignal::new(options.theme.unwrap_or_default()),
        text: RwSignal::new(options.text.unwrap_or_default()),
        offers_embed: !options.embed && !options.offline,
        first_width: match options.chart_width {
            0 => report_chart::DEFAULT_WIDTH,
            w => w,
        },
        query: RwSignal::new(options.query.clone()),
        status: RwSignal::new(String::new()),
    };
    provide_context(viewer.clone());
    // The page-wide listeners (scroll, print, messages from a host page)
    // act on the viewer that is mounted now.
    let registered = viewer.clone();
    super::effect(move || dom::register(registered.clone()));
    let (theme, text) = (viewer.theme, viewer.text);
    super::effect(move || dom::set_root_attr("data-theme", theme.get().name()));
    super::effect(move || dom::set_root_attr("data-text", text.get().name()));
    // The reading state (search, closed sections) lives in the URL, so a
    // copied link reopens the same view.
    let (query, open) = (viewer.query, viewer.open);
    let indexed = report.clone();
    super::effect(move || {
        dom::url::write_state(
            &query.get(),
            &open.with(|o| o.closed_ids(&indexed)),
            theme.get(),
            text.get(),
        )
    });
    let status = viewer.status;
    let status_line = move || {
        view! { <p class="status" role="status" data-testid="status">{status}</p> }
    };

    match Scope::of(&options, &report) {
        Scope::Chart(chart) => view! {
            <main id="content" class="embed-only">
                <ChartFigure chart=chart />
            </main>
            {status_line()}
        }
        .into_any(),
        Scope::Section(section) => view! {
            <main id="content" class="embed-only">
                <p class="embed-context">{report.meta.title.clone()}</p>
                <SectionView section=section depth=0 />
            </main>
            {status_line()}
        }
        .into_any(),
        Scope::Whole => view! { {whole_report(&report, &options)} {status_line()} }.into_any(),
    }
}

/// What part of the report a page shows.
enum Scope {
    Whole,
    Section(Section),
    Chart(Chart),
}

impl Scope {
    fn of(options: &ViewOptions, report: &Indexed) -> Scope {
        if let Some(c) = options.chart.as_deref().and_then(|id| report.chart(id)) {
            return Scope::Chart(c.clone());
        }
        if let Some((_, s)) = options.section.as_deref().and_then(|id| report.section(id)) {
            return Scope::Section(s.clone());
        }
        Scope::Whole
    }
}

/// The whole report; with its page chrome (skip link, contents, download,
/// language switch, footer) unless it is embedded.
fn whole_report(report: &Indexed, options: &ViewOptions) -> AnyView {
    let lang = options.lang;
    let chrome = !options.embed;
    let offline = options.offline;
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
    let preamble = blocks_view(&report.preamble);
    let closing = blocks_view(&report.closing);
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
        {chrome
            .then(|| {
                view! {
                    <a class="skip-link" href="#content">
                        {lang.pick("跳到正文", "Skip to the report")}
                    </a>
                }
            })}
        <PrintBlock />
        <header class="title-block" data-testid="title-block">
            <p class="issuer">{meta.issuer.clone()}</p>
            <h1>{meta.title.clone()}</h1>
            <p class="dateline">{dateline}</p>
        </header>
        <div class="layout">
            {chrome.then(|| view! { <Contents /> })}
            <main id="content" tabindex="-1">
                <Toolbar offline=offline chrome=chrome />
                <div class="preamble">{preamble}</div>
                {sections}
                <div class="closing">{closing}</div>
            </main>
        </div>
        <footer class="page-footer">
            {chrome.then_some(note)}
            <p class="legend-note">
                {lang.pick(
                    "每个数字都可展开“出处”查看来源原文;“下限值”表示原文写作“余”或“以上”,“推算值”由原文数字计算得出,并注明算法。",
                    "Every number can show its source: open “Source”. A lower bound was printed with 余 or 以上 (more than); a derived value was computed from printed numbers by the rule shown.",
                )}
            </p>
        </footer>
    }
    .into_any()
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

/// Expand-all and collapse-all buttons, the offline download and the
/// language switch.
#[component]
fn Toolbar(
    /// This page is the offline file already: offer no download.
    offline: bool,
    /// Full page (not embedded): offer download and language switch.
    chrome: bool,
) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let report = v.report.clone();
    let open = v.open;
    let other = match lang {
        Lang::Zh => ("?lang=en", "English", "en"),
        Lang::En => ("?lang=zh", "中文", "zh-CN"),
    };
    let csv_report = v.report.clone();
    let status = v.status;
    view! {
        {chrome.then(|| view! { <DisplayControls /> })}
        {chrome.then(|| view! { <super::search_view::SearchBox /> })}
        <div class="toolbar" role="group" aria-label=lang.pick("阅读工具", "Reading tools")>
            <button
                type="button"
                data-testid="expand-all"
                on:click=move |_| open.update(|o| o.expand_all())
            >
                {lang.pick("展开全部", "Expand all")}
            </button>
            <button
                type="button"
                data-testid="collapse-all"
                on:click=move |_| open.update(|o| o.collapse_all(&report))
            >
                {lang.pick("收起全部", "Collapse all")}
            </button>
            {(chrome && !offline)
                .then(|| {
                    view! {
                        <a
                            class="download"
                            href=crate::ui::OFFLINE_FILE
                            download=super::state::file_name(&v.report.meta.title, "html")
                            data-testid="download-offline"
                        >
                            {lang.pick("下载离线版", "Download for offline reading")}
                        </a>
                    }
                })}
            <button
                type="button"
                data-testid="download-report-csv"
                on:click=move |_| {
                    let name = super::state::file_name(&csv_report.meta.title, "csv");
                    let csv = report_format::report_csv(&csv_report, lang);
                    dom::files::download_text(&name, "text/csv;charset=utf-8", &csv);
                    dom::announce(status, format!("{}{name}", lang.pick("已下载\u{FF1A}", "Downloaded: ")));
                }
            >
                {lang.pick("下载全部数据(CSV)", "Download all data (CSV)")}
            </button>
            {chrome
                .then(|| {
                    view! {
                        <a class="lang-switch" href=other.0 hreflang=other.2 lang=other.2>
                            {other.1}
                        </a>
                    }
                })}
        </div>
    }
    .into_any()
}

/// Text size (长者模式) and colour theme: buttons that apply at once, are
/// remembered for the next visit and go into the URL.
#[component]
fn DisplayControls() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let (theme, text) = (v.theme, v.text);
    let sizes = [
        (TextSize::Standard, lang.pick("标准", "Standard")),
        (TextSize::Large, lang.pick("大", "Large")),
        (TextSize::XLarge, lang.pick("特大", "Extra large")),
    ]
    .map(|(size, label)| {
        view! {
            <button
                type="button"
                data-text-size=size.name()
                aria-pressed=Signal::derive(move || (text.get() == size).to_string())
                on:click=move |_| {
                    text.set(size);
                    dom::settings::remember("text", size.name());
                }
            >
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
        view! {
            <button
                type="button"
                data-theme-choice=t.name()
                aria-pressed=Signal::derive(move || (theme.get() == t).to_string())
                on:click=move |_| {
                    theme.set(t);
                    dom::settings::remember("theme", t.name());
                }
            >
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
        </div>
    }
    .into_any()
}

/// The contents list: every part and subsection, the one being read marked.
///
/// Wide screens show it as a sticky sidebar. Narrow screens show a compact,
/// sticky, closed disclosure that names the section being read; the two
/// are separate lists so that neither depends on script to start in the
/// right state.
#[component]
fn Contents() -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let compact = NodeRef::<leptos::html::Details>::new();
    let current_title = {
        let report = v.report.clone();
        let current = v.current;
        move || {
            current
                .get()
                .and_then(|id| report.section(&id).map(|(_, s)| s.heading()))
                .unwrap_or_default()
        }
    };
    view! {
        <nav class="toc" aria-label=lang.pick("目录", "Contents") data-testid="toc">
            <details class="toc-compact" node_ref=compact>
                <summary>
                    <span class="toc-title">{lang.pick("目录", "Contents")}</span>
                    <span class="toc-current">{current_title}</span>
                </summary>
                {toc_list(&v.report.sections, &v, Some(compact))}
            </details>
            <div class="toc-full">
                <p class="toc-title" aria-hidden="true">{lang.pick("目录", "Contents")}</p>
                {toc_list(&v.report.sections, &v, None)}
            </div>
        </nav>
    }
}

/// Nested contents links. A click opens the target's sections and, in the
/// compact list, closes the list again.
fn toc_list(
    sections: &[Section],
    v: &Viewer,
    close: Option<NodeRef<leptos::html::Details>>,
) -> AnyView {
    let list = sections
        .iter()
        .map(|s| {
            let id = s.id.clone();
            let current = v.current;
            let open = v.open;
            let report = v.report.clone();
            let sub = (!s.sections.is_empty()).then(|| toc_list(&s.sections, v, close));
            let id_click = id.clone();
            view! {
                <li>
                    <a
                        href=format!("#{}", s.id)
                        aria-current=move || {
                            (current.get().as_deref() == Some(id.as_str())).then_some("location")
                        }
                        on:click=move |_| {
                            open.update(|o| o.reveal(&report, &id_click));
                            if let Some(d) = close.and_then(|c| c.get()) {
                                d.set_open(false);
                            }
                        }
                    >
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
/// find-in-page reaches collapsed text.
#[component]
pub fn SectionView(
    /// The section to show.
    section: Section,
    /// Nesting depth: 0 for parts (`h2`), 1 for subsections (`h3`), …
    depth: usize,
) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let open = v.open;
    // The section's index: what its open state is kept by.
    let at = v.report.section(&section.id).map_or(usize::MAX, |(i, _)| i);
    let heading_id = format!("h-{}", section.id);
    let heading = heading(
        depth,
        heading_id.clone(),
        section.number.clone(),
        section.title.clone(),
    );
    let body = blocks_view(&section.blocks);
    let subs = section
        .sections
        .iter()
        .map(|s| view! { <SectionView section=s.clone() depth=depth + 1 /> }.into_any())
        .collect_view();
    let is_open = move || open.with(|o| o.is_open(at));
    let embed = v.offers_embed.then(|| {
        view! {
            <EmbedCode
                target=EmbedTarget::Section(section.id.clone())
                title=section.heading()
            />
        }
    });
    view! {
        <details
            class=format!("sec depth-{depth}")
            id=section.id.clone()
            open=is_open
            on:toggle=move |ev| {
                let now = dom::details_open(&ev);
                if now != open.with_untracked(|o| o.is_open(at)) {
                    open.update(|o| o.set(at, now));
                }
            }
        >
            <summary>{heading}</summary>
            <div class="sec-body">
                {body}
                // After the section's own text, before its subsections: a
                // run-in heading and its paragraph stay together.
                <div class="sec-tools">
                    <CopyLink id=section.id.clone() />
                    {embed}
                </div>
                {subs}
            </div>
        </details>
    }
}

/// `h2` for parts, `h3` for subsections, `h4` below that.
fn heading(depth: usize, id: String, number: String, title: String) -> AnyView {
    let inner = view! {
        <span class="num">{number}</span>
        <span class="title">{title}</span>
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
        Block::Paragraph { id, text } => view! { <p id=id class="para">{text}</p> }.into_any(),
        Block::Note { id, text } => view! { <p id=id class="note">{text}</p> }.into_any(),
        Block::List { id, ordered, items } => {
            let lis = items
                .into_iter()
                .map(|i| view! { <li>{i}</li> })
                .collect_view();
            if ordered {
                view! { <ol id=id class="list">{lis}</ol> }.into_any()
            } else {
                view! { <ul id=id class="list">{lis}</ul> }.into_any()
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
        Block::Table(t) => super::table_view::table_view(t),
    }
}
