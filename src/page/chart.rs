//! A chart as a `<figure>`: caption, unit, tools, the drawing
//! [`report_chart`] makes, description, computed summary, notes, sources
//! and a data table.

use leptos::prelude::*;
use report_chart::{draw, palette, Mark};
use report_format::markup::escape;
use report_format::{chart_points, chart_summary, distinct_sources, Chart, Lang, Theme};

use super::figures::SourceLine;
use super::menu::ChartMenu;
use super::Viewer;
use crate::hooks::{
    Action, CHART, CHART_DESC, CHART_LIVE, CHART_NOTES, CHART_SUMMARY, CHART_SVG, CHART_TABLE,
    CHART_TIP, CHART_TITLE, CHART_UNIT, CHART_VIEW, SR_ONLY,
};

/// One chart with everything a reader needs to trust it: caption and unit,
/// a chart/table switch, legend buttons that show and hide series, the
/// drawing (hover or arrow keys show each value with its source), the
/// author's description and a computed summary, notes, sources, the table,
/// and a menu of downloads, a link and the embed code. The page carries it in its first state (the
/// drawing at the default width, every series shown, the chart not the
/// table); the browser layer makes it work in place
/// (`crate::enhance::chart`).
#[component]
pub fn ChartFigure(
    /// The chart to show.
    chart: Chart,
) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let drawing = static_drawing(&chart, lang);
    let marks: Vec<Mark> = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| Mark::of(&p.value)))
        .collect();
    let key = marks_key(&marks, lang).map(|k| view! { <p class="chart-key">{k}</p> });
    let summary = chart_summary(&chart, lang)
        .into_iter()
        .map(|t| view! { <li>{t}</li> })
        .collect_view();
    let notes = chart
        .notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    let sources = distinct_sources(&chart)
        .into_iter()
        .map(|s| view! { <li><SourceLine source=s lang=lang /></li> })
        .collect_view();
    let legend = (chart.series.len() > 1).then(|| {
        let buttons = chart
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                // An SVG fill in the light theme's colour, not a style
                // attribute (the page's policy allows none); the style
                // sheet recolours it for the other themes.
                let (r, g, b) = palette(Theme::Light).series_color(i);
                view! {
                    <button type="button" aria-pressed="true" data-series=i.to_string()>
                        <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
                            <rect width="10" height="10" fill=format!("#{r:02x}{g:02x}{b:02x}")></rect>
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
    let help_id = report_format::page_ids::chart_help_id(&chart.id);
    view! {
        <figure class=CHART.name id=chart.id.clone() data-testid="chart">
            <figcaption>
                <span class=CHART_TITLE.name>{chart.title.clone()}</span>
                <span class=CHART_UNIT.name>{unit}</span>
            </figcaption>
            <div class="chart-tools" role="group" aria-label=lang.pick("图表工具", "Chart tools")>
                <span class="seg">
                    <button type="button" data-action=Action::ShowChart.name() data-testid="show-chart" aria-pressed="true">
                        {lang.pick("图表", "Chart")}
                    </button>
                    <button type="button" data-action=Action::ShowTable.name() data-testid="show-table" aria-pressed="false">
                        {lang.pick("表格", "Table")}
                    </button>
                </span>
                <ChartMenu id=chart.id.clone() title=chart.title.clone() />
            </div>
            <div class=CHART_VIEW.name>
                {legend}
                <div class="chart-stage">
                    <div
                        class=CHART_SVG.name
                        tabindex="0"
                        role="group"
                        aria-roledescription=lang.pick("图表", "chart")
                        aria-label=label
                        aria-describedby=help_id.clone()
                        inner_html=drawing
                    ></div>
                    <p class=CHART_TIP.name aria-hidden="true" data-testid="chart-tip" hidden=true></p>
                </div>
                <p class="chart-help" id=help_id>
                    {lang.pick(
                        "把鼠标移到数据点上，或选中图表后按方向键（←→ 同一系列，↑↓ 换系列），查看数值和出处。",
                        "Point at a value, or select the chart and use the arrow keys (← → along a series, ↑ ↓ across series), to see each number and its source.",
                    )}
                </p>
                <p class=format!("{} {}", CHART_LIVE.name, SR_ONLY.name) aria-live="polite" data-testid="chart-live"></p>
            </div>
            <p class=CHART_DESC.name>{chart.description.clone()}</p>
            <ul class=CHART_SUMMARY.name aria-label=lang.pick("数据摘要", "Summary of the data")>{summary}</ul>
            {key}
            <ul class=CHART_NOTES.name aria-label=lang.pick("注释", "Notes")>{notes}</ul>
            <div class="chart-sources">
                <span class="label">{lang.pick("数据来源", "Sources")}</span>
                <ul>{sources}</ul>
            </div>
            <DataTable chart=chart.clone() />
        </figure>
    }
    .into_any()
}

/// The drawing a page starts with: the default width, standard text, the
/// light theme, every series, point targets. The browser draws it again
/// only when the reader's screen or choices make it differ.
pub fn static_drawing(chart: &Chart, lang: Lang) -> String {
    // The browser layer's first state: what it would draw is what is here.
    let style = crate::state::chart::ChartState::default().style(lang);
    match draw(chart, &style, &crate::state::chart::page_options(&chart.id)) {
        Ok(d) => d.svg,
        Err(e) => format!("<p class=\"chart-error\">{}</p>", escape(&e.to_string())),
    }
}

/// The chart's numbers as a real table, each with its qualifier.
/// It stays in the page for screen readers (`sr-only`) until a reader
/// chooses the table over the chart.
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
        <div class=format!("{} {}", CHART_TABLE.name, SR_ONLY.name) data-testid="chart-table">
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
