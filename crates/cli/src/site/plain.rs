//! A plain static HTML page of a report's content, with no viewer: the
//! benchmark's measure of what the content alone costs a browser (`make
//! bench` sets the viewer next to it). Sections are `<details>` so that
//! "expand all" has a like-for-like counterpart; charts are the same SVG
//! drawings the viewer makes. It carries all the text a reader can read in
//! the viewer, so the comparison is of like with like: every key figure with
//! its qualifier and where it was read, and each chart's description,
//! summary, notes, sources and data table. What it leaves out is the
//! viewer's own apparatus: contents, controls, help texts, embed codes.

use report_chart::{draw, ChartStyle, DrawOptions};
use report_format::markup::escape as esc;
use report_format::{
    chart_points, chart_summary, distinct_sources, Block, Indexed, Lang, Provenance, Section, Theme,
};

/// The whole page.
pub fn plain_page(report: &Indexed) -> String {
    let lang = Lang::Zh;
    let mut out = format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>body{{font:16px/1.7 sans-serif;max-width:52rem;margin:auto;padding:1rem}}\
         svg{{max-width:100%;height:auto}}table{{border-collapse:collapse}}\
         td,th{{border:1px solid #999;padding:.2em .5em}}</style></head><body><main>\
         <h1>{}</h1><p>{} · {}</p>",
        esc(&report.meta.title),
        esc(&report.meta.title),
        esc(&report.meta.issuer),
        esc(&report.meta.period),
    );
    blocks(&mut out, report, &report.preamble, lang);
    for s in &report.sections {
        section(&mut out, report, s, 2, lang);
    }
    blocks(&mut out, report, &report.closing, lang);
    out += "</main></body></html>\n";
    out
}

fn section(out: &mut String, report: &Indexed, s: &Section, level: usize, lang: Lang) {
    let h = level.min(6);
    *out += &format!(
        "<details open id=\"{}\"><summary><h{h}>{}{}</h{h}></summary>",
        esc(&s.id),
        esc(&s.number),
        esc(&s.title)
    );
    blocks(out, report, &s.blocks, lang);
    for c in &s.sections {
        section(out, report, c, level + 1, lang);
    }
    *out += "</details>";
}

fn blocks(out: &mut String, report: &Indexed, blocks: &[Block], lang: Lang) {
    for b in blocks {
        match b {
            Block::Paragraph { text, .. } | Block::Note { text, .. } => {
                *out += &format!("<p>{}</p>", esc(text))
            }
            Block::List { ordered, items, .. } => {
                let tag = if *ordered { "ol" } else { "ul" };
                *out += &format!("<{tag}>");
                for i in items {
                    *out += &format!("<li>{}</li>", esc(i));
                }
                *out += &format!("</{tag}>");
            }
            Block::Figures { figures, .. } => {
                *out += "<dl>";
                for f in figures.iter().filter_map(|id| report.figure(id)) {
                    *out += &format!(
                        "<dt>{}</dt><dd>{}<details><summary>出处</summary>",
                        esc(&f.label),
                        esc(&f.value.with_unit(&f.unit, lang))
                    );
                    source(out, report, &f.value.source, lang);
                    *out += "</details></dd>";
                }
                *out += "</dl>";
            }
            Block::Table(t) => {
                *out += &format!("<table><caption>{}</caption>", esc(&t.caption));
                if t.header.is_empty() || t.header_columns().is_err() {
                    *out += "<tr>";
                    for c in &t.columns {
                        *out += &format!("<th scope=\"col\">{}</th>", esc(c));
                    }
                    *out += "</tr>";
                } else {
                    for row in &t.header {
                        *out += "<tr>";
                        for c in row {
                            let scope = if c.colspan > 1 { "colgroup" } else { "col" };
                            *out += &format!(
                                "<th scope=\"{scope}\" colspan=\"{}\" rowspan=\"{}\">{}</th>",
                                c.colspan,
                                c.rowspan,
                                esc(&c.text)
                            );
                        }
                        *out += "</tr>";
                    }
                }
                for r in &t.rows {
                    *out += "<tr>";
                    for c in r {
                        *out += &format!("<td>{}</td>", esc(c));
                    }
                    *out += "</tr>";
                }
                *out += "</table>";
                if let Some(p) = &t.source {
                    source(out, report, p, lang);
                }
            }
            Block::Chart { chart, .. } => {
                let Some(c) = report.chart(chart) else {
                    continue;
                };
                let style = ChartStyle::for_width(720, 1.0, Theme::Light, lang);
                *out += &format!(
                    "<figure id=\"{}\"><figcaption>{}</figcaption>{}<table><tr><th>{}</th>",
                    esc(&c.id),
                    esc(&c.title),
                    draw(
                        c,
                        &style,
                        &DrawOptions {
                            targets: false,
                            attrs: vec![("class", "chart".into())],
                        }
                    )
                    .map(|d| d.svg)
                    .unwrap_or_default(),
                    esc(&c.x_label)
                );
                for s in &c.series {
                    *out += &format!("<th>{}</th>", esc(&s.name));
                }
                *out += "</tr>";
                let at = chart_points(c);
                for (ci, cat) in c.categories.iter().enumerate() {
                    *out += &format!("<tr><th>{}</th>", esc(cat));
                    for (s, at) in c.series.iter().zip(&at) {
                        let cell = at[ci]
                            .map(|pi| s.points[pi].value.with_unit(&s.unit, lang))
                            .unwrap_or_default();
                        *out += &format!("<td>{}</td>", esc(&cell));
                    }
                    *out += "</tr>";
                }
                *out += &format!("</table><p>{}</p><ul>", esc(&c.description));
                for line in chart_summary(c, lang).iter().chain(&c.notes) {
                    *out += &format!("<li>{}</li>", esc(line));
                }
                *out += "</ul><p>数据来源</p>";
                for s in distinct_sources(c) {
                    source(out, report, &s, lang);
                }
                *out += "</figure>";
            }
        }
    }
}

/// Where a value was read, in the words of the viewer's source line: the
/// report's own paragraph, or a linked page elsewhere with its quote.
fn source(out: &mut String, report: &Indexed, p: &Provenance, lang: Lang) {
    let line = match p {
        Provenance::External {
            url,
            publisher,
            quote,
            note,
        } => format!(
            "<a href=\"{}\">{}</a>:“{}”{}",
            esc(url),
            esc(publisher),
            esc(quote),
            esc(note.as_deref().unwrap_or_default())
        ),
        Provenance::Paragraph { .. } | Provenance::TableCell { .. } => {
            esc(&p.describe(report, lang))
        }
    };
    *out += &format!("<p>{line}</p>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_section_chart_and_paragraph_as_text() {
        let r = crate::author::synth::synthetic_report(30, 6, 3).unwrap();
        let page = plain_page(&r);
        assert_eq!(page.matches("<details open").count(), 30);
        assert_eq!(page.matches("<figure").count(), 6);
        assert_eq!(page.matches("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"400\" viewBox=\"0 0 720 400\" class=\"chart\"").count(), 6);
        assert!(page.contains(&r.sections[0].title));
        // The same reading content as the viewer: sources, summaries.
        assert_eq!(
            page.matches("<summary>出处</summary>").count(),
            r.figures.len()
        );
        assert!(page.contains("https://example.org/synthetic"));
        assert!(page.contains(&chart_summary(&r.charts[0], Lang::Zh)[0]));
        assert!(!page.contains("<script"));
    }

    #[test]
    fn report_text_is_escaped() {
        let mut r = crate::author::synth::synthetic_report(1, 0, 1)
            .unwrap()
            .into_report();
        r.meta.title = "<script>x</script>".into();
        let r = r.into();
        assert!(plain_page(&r).contains("&lt;script&gt;x&lt;/script&gt;"));
        assert!(!plain_page(&r).contains("<script>x"));
    }
}
