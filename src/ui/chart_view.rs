//! A chart as a `<figure>`: caption, unit, the SVG drawn by [`crate::chart`]
//! at the container's width, description, notes, sources and a data table.

use leptos::prelude::*;

use super::dom;
use super::embed::EmbedTarget;
use super::embed_view::EmbedCode;
use super::figures::SourceLine;
use super::Viewer;
use crate::chart::{render_svg, ChartStyle, Mark, DEFAULT_WIDTH};
use crate::i18n::Lang;
use crate::model::{Chart, Provenance};

/// One chart with everything a reader needs to trust it.
#[component]
pub fn ChartFigure(
    /// The chart to show.
    chart: Chart,
) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let width = RwSignal::new(DEFAULT_WIDTH);
    let holder = NodeRef::<leptos::html::Div>::new();
    let spec = chart.clone();
    let (theme, text) = (v.theme, v.text);
    let svg = Memo::new(move |_| {
        let style = ChartStyle::for_width(width.get(), text.get().scale(), theme.get(), lang);
        render_svg(&spec, &style).unwrap_or_else(|e| {
            format!(
                "<p class=\"chart-error\">{}</p>",
                crate::chart::escape_xml(&e.to_string())
            )
        })
    });
    Effect::new(move |_| {
        if let Some(el) = holder.get() {
            dom::follow_width(&el, width);
        }
    });

    let marks: Vec<Mark> = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| Mark::of(&p.value)))
        .collect();
    let key = marks_key(&marks, lang).map(|k| view! { <p class="chart-key">{k}</p> });
    let notes = chart
        .notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    let sources = distinct_sources(&chart)
        .into_iter()
        .map(|s| view! { <li><SourceLine source=s lang=lang /></li> })
        .collect_view();
    let label = format!("{}。{}", chart.title, chart.description);
    let unit = format!("{}{}", lang.pick("单位:", "Unit: "), chart.unit);
    view! {
        <figure class="chart" id=chart.id.clone() data-testid="chart">
            <figcaption>
                <span class="chart-title">{chart.title.clone()}</span>
                <span class="chart-unit">{unit}</span>
            </figcaption>
            <div class="chart-svg" node_ref=holder role="img" aria-label=label inner_html=move || svg.get()></div>
            <p class="chart-desc">{chart.description.clone()}</p>
            {key}
            <ul class="chart-notes" aria-label=lang.pick("注释", "Notes")>{notes}</ul>
            <div class="chart-sources">
                <span class="label">{lang.pick("数据来源", "Sources")}</span>
                <ul>{sources}</ul>
            </div>
            <DataTable chart=chart.clone() />
            {v.offers_embed.then(|| view! {
                <EmbedCode target=EmbedTarget::Chart(chart.id.clone()) title=chart.title.clone() />
            })}
        </figure>
    }
    .into_any()
}

/// The chart's numbers as a real table, each with its qualifier.
#[component]
fn DataTable(
    /// The chart whose data to list.
    chart: Chart,
) -> impl IntoView {
    let lang = expect_context::<Viewer>().lang;
    let head = chart
        .series
        .iter()
        .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
        .collect_view();
    let rows = chart
        .categories
        .iter()
        .map(|cat| {
            let cells = chart
                .series
                .iter()
                .map(|s| match s.points.iter().find(|p| &p.x == cat) {
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
        <details class="chart-table">
            <summary>{lang.pick("查看数据表", "Show the data table")}</summary>
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
        </details>
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

/// Each distinct source of a chart's values once, in first-use order.
pub fn distinct_sources(chart: &Chart) -> Vec<Provenance> {
    let mut out: Vec<Provenance> = Vec::new();
    for p in chart.series.iter().flat_map(|s| s.points.iter()) {
        if !out.contains(&p.value.source) {
            out.push(p.value.source.clone());
        }
    }
    out
}
