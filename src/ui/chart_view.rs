//! A chart as a `<figure>`: caption, unit, the SVG drawn by [`crate::chart`]
//! at the container's width, description, notes, sources and a data table.

use std::sync::Arc;

use leptos::prelude::*;

use super::dom;
use super::embed::EmbedTarget;
use super::embed_view::EmbedCode;
use super::figures::{CopyLink, SourceLine};
use super::state::{chart_key_target, file_name};
use super::Viewer;
use report_chart::{draw, export, ChartStyle, DrawOptions, Drawing, Mark};
use report_format::markup::escape;
use report_format::{
    chart_csv, chart_points, chart_summary, distinct_sources, point_text, Chart, Indexed, Lang,
};

/// One chart with everything a reader needs to trust it: caption and unit,
/// a chart/table switch, legend buttons that show and hide series, the
/// drawing (hover or arrow keys show each value with its source), the
/// author's description and a computed summary, notes, sources, the table,
/// downloads and a link.
#[component]
pub fn ChartFigure(
    /// The chart to show.
    chart: Chart,
) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let width = RwSignal::new(v.first_width);
    let hidden = RwSignal::new(0u16);
    let table = RwSignal::new(false);
    let holder = NodeRef::<leptos::html::Div>::new();
    // One copy of the chart, shared by the closures and the data table.
    let spec = Arc::new(chart);
    let chart: &Chart = &spec;
    let (theme, text) = (v.theme, v.text);
    // The drawing and the points it placed: tips, keys and the pointer
    // work from this data, never from the markup.
    let drawing = Memo::new_with_compare(
        {
            let spec = spec.clone();
            move |_| {
                let mut style =
                    ChartStyle::for_width(width.get(), text.get().scale(), theme.get(), lang);
                style.hidden = hidden.get();
                // Targets for the pointer and the focus ring; the attributes
                // the style sheet and the tests find a drawing by.
                let attrs = [
                    ("class", "chart"),
                    ("data-chart", spec.id.as_str()),
                    ("role", "presentation"),
                    ("focusable", "false"),
                ];
                let options = DrawOptions {
                    targets: true,
                    attrs: &attrs,
                };
                draw(&spec, &style, &options).map_err(|e| e.to_string())
            }
        },
        // Every recomputation is a new drawing (its inputs changed): no
        // comparison of drawings, whose code the WASM would carry.
        |_, _| true,
    );
    super::effect(move || {
        if let Some(el) = holder.get() {
            dom::chart::follow_width(&el, width);
        }
    });

    // The point shown in the tip: index among the drawn points, its text
    // and where to put the tip (relative to the drawing's box).
    let tip = RwSignal::new(None::<(usize, String, i32, i32)>);
    let spoken = RwSignal::new(String::new());
    let report = v.report.clone();
    let show = {
        let spec = spec.clone();
        move |i: usize, speak: bool| {
            let Some(el) = holder.get_untracked() else {
                return;
            };
            let found = drawing.with_untracked(|d| {
                let d = d.as_ref().ok()?;
                Some((*d.points.get(i)?, dom::chart::point_position(&el, d, i)?))
            });
            let Some((p, (x, y))) = found else {
                return;
            };
            let said = point_text(&report, &spec, p.series, p.point, lang);
            if speak {
                spoken.set(said.clone());
            }
            tip.set(Some((i, said, x as i32, y as i32)));
        }
    };
    // The tip is placed through the style object: the page's policy
    // allows no style attributes.
    let tip_el = NodeRef::<leptos::html::P>::new();
    super::effect(move || {
        let shown = tip.with(|t| t.as_ref().map(|t| (t.0, t.2, t.3)));
        if let Some(el) = holder.get() {
            dom::chart::mark_point(&el, shown.map(|t| t.0));
        }
        if let (Some(el), Some((_, x, y))) = (tip_el.get(), shown) {
            dom::chart::place(&el, x, y);
        }
    });
    // Re-drawing (resize, theme, a series switched) moves the points.
    super::effect(move || {
        drawing.track();
        tip.set(None);
    });
    let on_move = {
        let show = show.clone();
        move |ev: leptos::ev::PointerEvent| {
            let Some(el) = holder.get_untracked() else {
                return;
            };
            let under =
                drawing.with_untracked(|d| dom::chart::point_under(&el, d.as_ref().ok()?, &ev));
            if let Some(i) = under {
                if tip.with_untracked(|t| t.as_ref().map(|t| t.0)) != Some(i) {
                    show(i, false);
                }
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let keys = drawing.with_untracked(|d| d.as_ref().map(Drawing::keys).unwrap_or_default());
        let now = tip.with_untracked(|t| t.as_ref().map(|t| t.0));
        if ev.key() == "Escape" {
            tip.set(None);
        } else if let Some(i) = chart_key_target(&keys, now, &ev.key()) {
            ev.prevent_default();
            show(i, true);
        }
    };

    let marks: Vec<Mark> = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| Mark::of(&p.value)))
        .collect();
    let key = marks_key(&marks, lang).map(|k| view! { <p class="chart-key">{k}</p> });
    let summary = chart_summary(chart, lang)
        .into_iter()
        .map(|t| view! { <li>{t}</li> })
        .collect_view();
    let notes = chart
        .notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    let sources = distinct_sources(chart)
        .into_iter()
        .map(|s| view! { <li><SourceLine source=s lang=lang /></li> })
        .collect_view();
    let n_series = chart.series.len() as u32;
    let legend = (chart.series.len() > 1).then(|| {
        let buttons = chart
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let bit = 1u16 << i.min(15);
                // An SVG fill, not a style attribute: the page's policy
                // allows no inline styles.
                let swatch = move || {
                    let (r, g, b) = report_chart::palette(theme.get()).series_color(i);
                    format!("#{r:02x}{g:02x}{b:02x}")
                };
                view! {
                    <button
                        type="button"
                        aria-pressed=move || (hidden.get() & bit == 0).to_string()
                        on:click=move |_| {
                            // The last series shown stays: an empty chart says nothing.
                            let next = hidden.get_untracked() ^ bit;
                            if next.count_ones() < n_series {
                                hidden.set(next);
                            }
                        }
                    >
                        <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
                            <rect width="10" height="10" fill=swatch></rect>
                        </svg>
                        {s.name.clone()}
                    </button>
                }
            })
            .collect_view();
        view! {
            <div class="chart-legend" role="group" aria-label=lang.pick("显示或隐藏数据系列", "Show or hide series")>
                {buttons}
            </div>
        }
    });
    let label = format!("{}。{}", chart.title, chart.description);
    let unit = format!("{}{}", lang.pick("单位\u{FF1A}", "Unit: "), chart.unit);
    let help_id = format!("help-{}", chart.id);
    let status = v.status;
    let download = {
        let spec = spec.clone();
        let report = v.report.clone();
        move |kind: &'static str| {
            let name = file_name(&spec.title, kind);
            if kind == "csv" {
                let csv = chart_csv(&report, &spec, lang);
                dom::files::download_text(&name, "text/csv;charset=utf-8", &csv);
            } else {
                let footer = export_footer(&report, &spec, lang);
                let mut style = ChartStyle::for_width(
                    width.get_untracked().max(640),
                    text.get_untracked().scale(),
                    theme.get_untracked(),
                    lang,
                );
                style.hidden = hidden.get_untracked();
                let Ok(picture) = export(&spec, &style, &spec.title, &footer) else {
                    return;
                };
                if kind == "svg" {
                    dom::files::download_text(&name, "image/svg+xml", &picture.svg);
                } else {
                    dom::files::download_png(
                        name.clone(),
                        &picture.svg,
                        picture.width,
                        picture.height,
                    );
                }
            }
            dom::announce(
                status,
                format!("{}{name}", lang.pick("已下载\u{FF1A}", "Downloaded: ")),
            );
        }
    };
    let dl = move |kind: &'static str, label: &'static str| {
        let download = download.clone();
        view! {
            <button type="button" data-download=kind on:click=move |_| download(kind)>{label}</button>
        }
    };
    view! {
        <figure class="chart" id=chart.id.clone() data-testid="chart">
            <figcaption>
                <span class="chart-title">{chart.title.clone()}</span>
                <span class="chart-unit">{unit}</span>
            </figcaption>
            <div class="chart-tools" role="group" aria-label=lang.pick("图表工具", "Chart tools")>
                <span class="seg">
                    <button type="button" data-testid="show-chart" aria-pressed=move || (!table.get()).to_string() on:click=move |_| table.set(false)>
                        {lang.pick("图表", "Chart")}
                    </button>
                    <button type="button" data-testid="show-table" aria-pressed=move || table.get().to_string() on:click=move |_| table.set(true)>
                        {lang.pick("表格", "Table")}
                    </button>
                </span>
                {dl("svg", lang.pick("下载 SVG", "SVG"))}
                {dl("png", lang.pick("下载 PNG", "PNG"))}
                {dl("csv", lang.pick("下载 CSV", "CSV"))}
                <CopyLink id=chart.id.clone() />
            </div>
            <div class="chart-view" class:away=move || table.get()>
                {legend}
                <div class="chart-stage">
                    <div
                        class="chart-svg"
                        node_ref=holder
                        tabindex="0"
                        role="group"
                        aria-roledescription=lang.pick("图表", "chart")
                        aria-label=label
                        aria-describedby=help_id.clone()
                        inner_html=move || {
                            drawing.with(|d| match d {
                                Ok(d) => d.svg.clone(),
                                Err(e) => format!("<p class=\"chart-error\">{}</p>", escape(e)),
                            })
                        }
                        on:pointermove=on_move
                        on:pointerleave=move |_| tip.set(None)
                        on:keydown=on_key
                        on:blur=move |_| tip.set(None)
                    ></div>
                    <p
                        class="chart-tip"
                        aria-hidden="true"
                        data-testid="chart-tip"
                        node_ref=tip_el
                        hidden=move || tip.with(|t| t.is_none())
                    >
                        {move || tip.with(|t| t.as_ref().map(|t| t.1.clone()).unwrap_or_default())}
                    </p>
                </div>
                <p class="chart-help" id=help_id>
                    {lang.pick(
                        "把鼠标移到数据点上，或选中图表后按方向键（←→ 同一系列，↑↓ 换系列），查看数值和出处。",
                        "Point at a value, or select the chart and use the arrow keys (← → along a series, ↑ ↓ across series), to see each number and its source.",
                    )}
                </p>
                <p class="sr-only" aria-live="polite" data-testid="chart-live">{move || spoken.get()}</p>
            </div>
            <p class="chart-desc">{chart.description.clone()}</p>
            <ul class="chart-summary" aria-label=lang.pick("数据摘要", "Summary of the data")>{summary}</ul>
            {key}
            <ul class="chart-notes" aria-label=lang.pick("注释", "Notes")>{notes}</ul>
            <div class="chart-sources">
                <span class="label">{lang.pick("数据来源", "Sources")}</span>
                <ul>{sources}</ul>
            </div>
            <DataTable chart=spec.clone() shown=table />
            {v.offers_embed.then(|| view! {
                <EmbedCode target=EmbedTarget::Chart(chart.id.clone()) title=chart.title.clone() />
            })}
        </figure>
    }
    .into_any()
}

/// The lines under a downloaded chart: its sources and the report it is from.
fn export_footer(report: &Indexed, chart: &Chart, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = distinct_sources(chart)
        .iter()
        .map(|s| {
            format!(
                "{}{}",
                lang.pick("来源\u{FF1A}", "Source: "),
                s.describe(report, lang)
            )
        })
        .collect();
    out.push(format!("{} · {}", report.meta.issuer, report.meta.title));
    out
}

/// The chart's numbers as a real table, each with its qualifier.
#[component]
fn DataTable(
    /// The chart whose data to list.
    chart: Arc<Chart>,
    /// Whether the reader chose the table over the chart: then it is shown;
    /// otherwise it stays in the page for screen readers only.
    shown: RwSignal<bool>,
) -> impl IntoView {
    let lang = expect_context::<Viewer>().lang;
    let head = chart
        .series
        .iter()
        .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
        .collect_view();
    let at = chart_points(&chart);
    let rows = chart
        .categories
        .iter()
        .enumerate()
        .map(|(ci, cat)| {
            let cells = chart
                .series
                .iter()
                .zip(&at)
                .map(|(s, at)| match at[ci].and_then(|pi| s.points.get(pi)) {
                    Some(p) => {
                        let tag = p.value.qualifier_tag(lang).map(|t| format!("({t})"));
                        view! { <td>{p.value.with_unit(&s.unit, lang)} {tag}</td> }.into_any()
                    }
                    None => {
                        view! { <td class="na">{lang.pick("无数据", "no data")}</td> }.into_any()
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{cat.clone()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="chart-table" class:sr-only=move || !shown.get() data-testid="chart-table">
            <table>
                <caption>{chart.title.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{chart.x_label.clone()}</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Explains the marks used in a chart, if any value is not exact.
pub fn marks_key(marks: &[Mark], lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if marks.contains(&Mark::Derived) {
        parts.push(lang.pick(
            "浅色虚线柱、空心点和虚线为推算值,不是原文数字",
            "pale dashed bars, hollow points and dashed lines are derived values, not printed numbers",
        ));
    }
    if marks.contains(&Mark::LowerBound) {
        parts.push(lang.pick(
            "▲ 表示下限值(原文写作“余”或“以上”),实际数值更大",
            "▲ marks a lower bound (printed with 余 or 以上): the true value is higher",
        ));
    }
    if marks.contains(&Mark::Range) {
        parts.push(lang.pick("竖线表示范围", "a vertical line shows a range"));
    }
    (!parts.is_empty()).then(|| parts.join(lang.pick(";", "; ")))
}
