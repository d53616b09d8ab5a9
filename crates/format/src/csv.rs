//! Spreadsheet-ready CSV of one chart or of every number in a report
//! (UTF-8 with BOM): one row per value with its kind, rule, source and
//! quote. Text a spreadsheet would run as a formula is kept as text.

use crate::index::Indexed;
use crate::points::chart_points;
use crate::report::Chart;
use crate::settings::Lang;
use crate::value::{Provenance, Qualifier, Value};

/// The byte-order mark that makes spreadsheet programs read CSV as UTF-8.
pub const CSV_BOM: char = '\u{FEFF}';

/// One chart's data as CSV (UTF-8 with BOM), one row per value: category,
/// series, value, range end, unit, kind, how it is meant, source, quote.
pub fn chart_csv(report: &Indexed, chart: &Chart, lang: Lang) -> String {
    let mut out = String::from(CSV_BOM);
    let mut head = vec![chart.x_label.as_str(), lang.pick("系列", "series")];
    head.extend(value_head(lang));
    csv_row(&mut out, head.iter().map(|h| Cell::Text(h)));
    for_each_point(chart, |cat, name, unit, v| {
        let mut row = vec![Cell::Text(cat), Cell::Text(name)];
        row.extend(value_cells(report, v, unit, lang));
        csv_row(&mut out, row);
    });
    out
}

/// Every number in the report as one CSV (UTF-8 with BOM): each chart
/// value and each key figure, with what it belongs to, its kind and its
/// source.
pub fn report_csv(report: &Indexed, lang: Lang) -> String {
    let mut out = String::from(CSV_BOM);
    let mut head = vec![
        lang.pick("类型", "kind"),
        lang.pick("编号", "id"),
        lang.pick("标题", "title"),
        lang.pick("类别", "category"),
        lang.pick("系列", "series"),
    ];
    head.extend(value_head(lang));
    csv_row(&mut out, head.iter().map(|h| Cell::Text(h)));
    for f in &report.figures {
        let mut row = vec![
            Cell::Text(lang.pick("关键数字", "key figure")),
            Cell::Text(&f.id),
            Cell::Text(&f.label),
            Cell::Text(""),
            Cell::Text(""),
        ];
        row.extend(value_cells(report, &f.value, &f.unit, lang));
        csv_row(&mut out, row);
    }
    for chart in &report.charts {
        for_each_point(chart, |cat, name, unit, v| {
            let mut row = vec![
                Cell::Text(lang.pick("图表", "chart")),
                Cell::Text(&chart.id),
                Cell::Text(&chart.title),
                Cell::Text(cat),
                Cell::Text(name),
            ];
            row.extend(value_cells(report, v, unit, lang));
            csv_row(&mut out, row);
        });
    }
    out
}

/// Calls `f` for every point of `chart`, in category order, then series
/// order: the order of the chart's table.
fn for_each_point(chart: &Chart, mut f: impl FnMut(&str, &str, &str, &Value)) {
    let at = chart_points(chart);
    for (ci, cat) in chart.categories.iter().enumerate() {
        for (s, at) in chart.series.iter().zip(&at) {
            if let Some(pi) = at[ci] {
                f(cat, &s.name, &s.unit, &s.points[pi].value);
            }
        }
    }
}

fn value_head(lang: Lang) -> [&'static str; 7] {
    [
        lang.pick("数值", "value"),
        lang.pick("范围上限", "range end"),
        lang.pick("单位", "unit"),
        lang.pick("性质", "kind of value"),
        lang.pick("说明", "meaning"),
        lang.pick("来源", "source"),
        lang.pick("原文", "quote"),
    ]
}

fn value_cells<'a>(report: &Indexed, v: &'a Value, unit: &'a str, lang: Lang) -> Vec<Cell<'a>> {
    let high = match v.qualifier {
        Qualifier::Range { high } => Cell::Number(high),
        _ => Cell::Text(""),
    };
    let place = match &v.source {
        Provenance::Paragraph { paragraph, .. } => format!(
            "{} {}",
            lang.pick("本报告", "this report,"),
            report.paragraph_place(paragraph, lang)
        ),
        Provenance::TableCell {
            table, row, column, ..
        } => format!(
            "{} {}",
            lang.pick("本报告", "this report,"),
            report.cell_place(table, *row, *column, lang)
        ),
        Provenance::External {
            url,
            publisher,
            note,
            ..
        } => match note {
            Some(n) => format!("{publisher} {url} ({n})"),
            None => format!("{publisher} {url}"),
        },
    };
    vec![
        Cell::Number(v.value),
        high,
        Cell::Text(unit),
        Cell::Owned(
            v.qualifier_tag(lang)
                .unwrap_or(lang.pick("原文数字", "as printed"))
                .to_string(),
        ),
        Cell::Owned(v.qualifier_explanation(lang).unwrap_or_default()),
        Cell::Owned(place),
        Cell::Text(v.source.quote()),
    ]
}

/// A CSV cell: numbers are written as numbers, text is quoted and kept
/// from being read as a spreadsheet formula.
enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Number(f64),
}

fn csv_row<'a>(out: &mut String, cells: impl IntoIterator<Item = Cell<'a>>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Number(n) => out.push_str(&n.to_string()),
            Cell::Text(t) => push_text(out, t),
            Cell::Owned(t) => push_text(out, &t),
        }
    }
    out.push_str("\r\n");
}

fn push_text(out: &mut String, t: &str) {
    // Every text cell is quoted, so that it stays one cell in a program
    // that splits on another separator (`;` in many European locales of
    // Excel and WPS, tab, `|`). Spreadsheets run a cell starting with
    // = + - @ (or tab, CR) as a formula; report text must never be one. A
    // program that splits without honouring quotes starts a cell after any
    // separator or line break, so a formula start there (after spaces) gets
    // a leading apostrophe too, which spreadsheets read as "this is text".
    out.push('"');
    let mut cell_start = true;
    for c in t.chars() {
        if cell_start && matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r') {
            out.push('\'');
        }
        if c == '"' {
            out.push('"');
        }
        out.push(c);
        cell_start = matches!(c, ',' | ';' | '\t' | '|' | '\n' | '\r') || (cell_start && c == ' ');
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::tests::jimo;

    /// Reads CSV as a spreadsheet would (the `csv` crate), BOM dropped.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix(CSV_BOM).unwrap_or(text);
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| {
                r.expect("CSV the module writes reads back")
                    .iter()
                    .map(String::from)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn chart_csv_has_bom_one_row_per_value_and_reads_back() {
        let r = jimo();
        let c = r.chart("chart-court-cases").unwrap();
        let csv = chart_csv(&r, c, Lang::Zh);
        assert!(csv.starts_with(CSV_BOM));
        let rows = parse_csv(&csv);
        assert_eq!(rows.len(), 1 + 8);
        assert_eq!(rows[0][0], c.x_label);
        assert_eq!(rows[1][..4], ["2021", "各类行政案件", "605", ""]);
        assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    }

    #[test]
    fn report_csv_lists_every_figure_and_chart_value() {
        let r = jimo();
        let rows = parse_csv(&report_csv(&r, Lang::En));
        let points: usize = r
            .charts
            .iter()
            .flat_map(|c| &c.series)
            .map(|s| s.points.len())
            .sum();
        assert_eq!(rows.len(), 1 + r.figures.len() + points);
        assert_eq!(rows[0][0], "kind");
    }

    #[test]
    fn csv_text_is_quoted_and_never_a_formula() {
        let mut out = String::new();
        csv_row(
            &mut out,
            [
                Cell::Text("=HYPERLINK(\"x\")"),
                Cell::Text("a,b"),
                Cell::Text("-1"),
                Cell::Number(-1.5),
                Cell::Text("行政复议"),
            ],
        );
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",\"'-1\",-1.5,\"行政复议\"\r\n"
        );
        assert_eq!(parse_csv(&out)[0][1], "a,b");
    }

    /// Every cell of `text` as a program splitting on `sep`, with or without
    /// honouring quotes, would read it.
    fn cells_as_split_by(text: &str, sep: u8, quotes: bool) -> Vec<String> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sep)
            .quoting(quotes)
            .from_reader(text.as_bytes())
            .records()
            .flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
            .collect()
    }

    #[test]
    fn no_separator_starts_a_formula() {
        let texts = [
            "x;=1+2",
            "x; =1+2",
            "a,@SUM(A1)",
            "a\t+1",
            "a|-1",
            "a\n=1",
            "a\r\n=cmd|' /C calc'!A0",
            "x ;;  =1",
        ];
        for t in texts {
            let mut out = String::new();
            // A number before the text: a program that ignores quotes
            // reads from the number on.
            csv_row(&mut out, [Cell::Number(605.0), Cell::Text(t)]);
            for sep in [b',', b';', b'\t', b'|'] {
                for quotes in [true, false] {
                    for cell in cells_as_split_by(&out, sep, quotes) {
                        let start = cell.trim_start_matches([' ', '"', '\r', '\n']);
                        assert!(
                            cell.parse::<f64>().is_ok()
                                || !start.starts_with(['=', '+', '-', '@', '\t']),
                            "{t:?} split on {:?} (quotes {quotes}) gives cell {cell:?}",
                            sep as char
                        );
                    }
                }
            }
            // Read as intended, the text is all there, apostrophes aside.
            let back = &parse_csv(&out)[0][1];
            assert_eq!(back.replace('\'', ""), t.replace('\'', ""), "{t:?}");
        }
    }
}
