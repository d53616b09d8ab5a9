//! Key-figure cards and the source line every number carries.

use leptos::prelude::*;

use super::Viewer;
use crate::hooks::{Action, BADGE, CARD, CARD_LABEL, CARD_VALUE, NUM, UNIT};
use report_format::{KeyFigure, Lang, Provenance, Qualifier};

/// A row of key-figure cards.
#[component]
pub fn FigureCards(
    /// The block's id.
    id: String,
    /// Ids of the key figures to show.
    figures: Vec<String>,
) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let cards = figures
        .iter()
        .filter_map(|f| v.report.figure(f).cloned())
        .map(|f| view! { <FigureCard figure=f /> })
        .collect_view();
    view! {
        <ul class="figures" id=id aria-label=v.lang.pick("本节数据", "Figures in this section")>
            {cards}
        </ul>
    }
}

/// One key figure: the number as printed, its unit, what it counts, a tag
/// when it is not exact, and a disclosure with its source.
#[component]
pub fn FigureCard(
    /// The key figure to show.
    figure: KeyFigure,
) -> impl IntoView {
    let v = expect_context::<Viewer>();
    let lang = v.lang;
    let value = &figure.value;
    let tag = value
        .qualifier_tag(lang)
        .map(|t| view! { <span class=BADGE.name>{t}</span> });
    let explain = value
        .qualifier_explanation(lang)
        .map(|e| view! { <p class="qual-explain">{e}</p> });
    let kind = match value.qualifier {
        Qualifier::Exact => "exact",
        Qualifier::LowerBound { .. } => "lower-bound",
        Qualifier::UpperBound { .. } => "upper-bound",
        Qualifier::Range { .. } => "range",
        Qualifier::Derived { .. } => "derived",
    };
    view! {
        <li class=CARD.name id=figure.id.clone() data-qualifier=kind data-testid="figure">
            <p class=CARD_VALUE.name>
                <span class=NUM.name>{value.number_text(lang)}</span>
                <span class=UNIT.name>{figure.unit.clone()}</span>
                {tag}
            </p>
            <p class=CARD_LABEL.name>{figure.label.clone()}</p>
            <details class="prov">
                <summary>{lang.pick("出处", "Source")}</summary>
                {explain}
                <SourceLine source=value.source.clone() lang=lang />
                <CopyLink id=figure.id.clone() />
            </details>
        </li>
    }
}

/// "复制链接": a button the browser layer makes copy a link to the element
/// `id` (the whole page with the current reading state).
#[component]
pub fn CopyLink(
    /// The id of the element the link leads to.
    id: String,
) -> impl IntoView {
    let lang = expect_context::<Viewer>().lang;
    view! {
        <button type="button" class="copy-link" data-action=Action::CopyLink.name() data-testid="copy-link" data-target=id>
            {lang.pick("复制链接", "Copy link")}
        </button>
    }
}

/// Where a value was read: the quoted words and a link to the paragraph, or
/// the external page.
#[component]
pub fn SourceLine(
    /// The provenance to show.
    source: Provenance,
    /// Interface language.
    lang: Lang,
) -> impl IntoView {
    let v = use_context::<Viewer>();
    match source {
        Provenance::Paragraph { paragraph, quote } => {
            let place = v
                .map(|v| v.report.paragraph_place(&paragraph, lang))
                .unwrap_or_default();
            view! {
                <p class="source">
                    <span class="label">{lang.pick("本报告", "This report")}</span>
                    " "
                    <a href=format!("#{paragraph}")>{place}</a>
                    ":"
                    <q lang="zh-CN">{quote}</q>
                </p>
            }
            .into_any()
        }
        Provenance::TableCell {
            table,
            row,
            column,
            quote,
        } => {
            let place = v
                .map(|v| v.report.cell_place(&table, row, column, lang))
                .unwrap_or_default();
            view! {
                <p class="source">
                    <span class="label">{lang.pick("本报告", "This report")}</span>
                    " "
                    <a href=format!("#{table}")>{place}</a>
                    ":"
                    <q lang="zh-CN">{quote}</q>
                </p>
            }
            .into_any()
        }
        Provenance::External {
            url,
            publisher,
            quote,
            note,
        } => {
            let note = note.map(|n| view! { <span class="source-note">{n}</span> });
            // Validation admits only http(s) addresses; check again here so
            // no other scheme can ever become a link.
            let link = if report_format::is_http_url(&url) {
                view! {
                    <a href=url.clone() rel="noopener noreferrer external" class="ext">
                        {publisher}
                    </a>
                }
                .into_any()
            } else {
                view! { <span>{publisher}</span> }.into_any()
            };
            view! {
                <p class="source">
                    <span class="label">{lang.pick("外部来源", "External source")}</span>
                    " "
                    {link}
                    ":"
                    <q lang="zh-CN">{quote}</q>
                    " "
                    {note}
                </p>
            }
            .into_any()
        }
    }
}
