//! The report in traditional characters, for the page in 繁體: every text
//! a reader reads is converted; ids, addresses, kinds, numbers and the
//! publication date are not. Each struct is taken apart whole (no `..`),
//! so a field added to the format must be placed here before it builds.
//!
//! A quote must still occur in what it quotes: a paragraph's or a table
//! cell's quote is taken from the converted text at the same character
//! positions (OpenCC keeps the length; where it did not, the quote is
//! converted on its own). The result is validated like any report.

use std::collections::HashMap;

use report_format::{
    check_report, Block, Chart, HeaderCell, Indexed, KeyFigure, Meta, Point, Problem, Provenance,
    Qualifier, Report, Section, Series, Table, Value, ViewerConfig,
};

use super::Converter;

/// The language tag of the converted report (and its page's `<html lang>`).
pub const HANT_TAG: &str = "zh-Hant";

/// Converted paragraphs and table cells, each with its original, for
/// quotes.
struct Quoted<'a> {
    cc: &'a Converter,
    paragraphs: HashMap<&'a str, (&'a str, String)>,
    cells: HashMap<&'a str, &'a [Vec<String>]>,
}

/// `report` in traditional characters, validated. Problems mean the
/// conversion broke a rule of the format (a quote no longer in its
/// paragraph): the build says so rather than write a page that lies.
pub fn convert_report(cc: &Converter, report: &Indexed) -> Result<Indexed, Vec<Problem>> {
    let r: &Report = report.report();
    let mut q = Quoted {
        cc,
        paragraphs: HashMap::new(),
        cells: HashMap::new(),
    };
    for b in r.walk_blocks() {
        match b {
            Block::Paragraph { id, text } => {
                q.paragraphs.insert(id, (text, cc.text(text)));
            }
            Block::Table(t) => {
                q.cells.insert(&t.id, &t.rows);
            }
            _ => {}
        }
    }
    let Report {
        format_version,
        meta,
        preamble,
        sections,
        closing,
        figures,
        charts,
        viewer,
    } = r;
    let ViewerConfig { embed_origins } = viewer;
    let converted = Report {
        format_version: *format_version,
        meta: q.meta(meta),
        preamble: q.blocks(preamble),
        sections: sections.iter().map(|s| q.section(s)).collect(),
        closing: q.blocks(closing),
        figures: figures.iter().map(|f| q.figure(f)).collect(),
        charts: charts.iter().map(|c| q.chart(c)).collect(),
        viewer: ViewerConfig {
            embed_origins: embed_origins.clone(),
        },
    };
    // Writing a report of strings and finite numbers cannot fail; if it
    // did, the empty text would not load and say so.
    let json = serde_json::to_string(&converted).unwrap_or_default();
    check_report(&json).map_err(|e| e.problems())
}

impl Quoted<'_> {
    fn t(&self, s: &str) -> String {
        self.cc.text(s)
    }

    fn all(&self, v: &[String]) -> Vec<String> {
        v.iter().map(|s| self.t(s)).collect()
    }

    fn meta(&self, m: &Meta) -> Meta {
        let Meta {
            title,
            issuer,
            region,
            period,
            published,
            language: _,
            canonical_url,
            document_number,
            index_number,
            note,
        } = m;
        Meta {
            title: self.t(title),
            issuer: self.t(issuer),
            region: self.t(region),
            period: self.t(period),
            published: published.clone(),
            language: HANT_TAG.to_string(),
            canonical_url: canonical_url.clone(),
            document_number: document_number.as_deref().map(|s| self.t(s)),
            index_number: index_number.clone(),
            note: note.as_deref().map(|s| self.t(s)),
        }
    }

    fn section(&self, s: &Section) -> Section {
        let Section {
            id,
            number,
            title,
            blocks,
            sections,
        } = s;
        Section {
            id: id.clone(),
            number: self.t(number),
            title: self.t(title),
            blocks: self.blocks(blocks),
            sections: sections.iter().map(|s| self.section(s)).collect(),
        }
    }

    fn blocks(&self, blocks: &[Block]) -> Vec<Block> {
        blocks.iter().map(|b| self.block(b)).collect()
    }

    fn block(&self, b: &Block) -> Block {
        match b {
            Block::Paragraph { id, text } => Block::Paragraph {
                id: id.clone(),
                text: match self.paragraphs.get(id.as_str()) {
                    Some((_, converted)) => converted.clone(),
                    None => self.t(text),
                },
            },
            Block::Note { id, text } => Block::Note {
                id: id.clone(),
                text: self.t(text),
            },
            Block::List { id, ordered, items } => Block::List {
                id: id.clone(),
                ordered: *ordered,
                items: self.all(items),
            },
            Block::Figures { id, figures } => Block::Figures {
                id: id.clone(),
                figures: figures.clone(),
            },
            Block::Chart { chart } => Block::Chart {
                chart: chart.clone(),
            },
            Block::Table(t) => Block::Table(self.table(t)),
        }
    }

    fn table(&self, t: &Table) -> Table {
        let Table {
            id,
            caption,
            columns,
            header,
            rows,
            source,
        } = t;
        Table {
            id: id.clone(),
            caption: self.t(caption),
            columns: self.all(columns),
            header: header
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|c| {
                            let HeaderCell {
                                text,
                                colspan,
                                rowspan,
                            } = c;
                            HeaderCell {
                                text: self.t(text),
                                colspan: *colspan,
                                rowspan: *rowspan,
                            }
                        })
                        .collect()
                })
                .collect(),
            rows: rows.iter().map(|r| self.all(r)).collect(),
            source: source.as_ref().map(|s| self.source(s)),
        }
    }

    fn figure(&self, f: &KeyFigure) -> KeyFigure {
        let KeyFigure {
            id,
            label,
            value,
            unit,
        } = f;
        KeyFigure {
            id: id.clone(),
            label: self.t(label),
            value: self.value(value),
            unit: self.t(unit),
        }
    }

    fn chart(&self, c: &Chart) -> Chart {
        let Chart {
            id,
            title,
            kind,
            unit,
            x_label,
            categories,
            series,
            description,
            notes,
        } = c;
        Chart {
            id: id.clone(),
            title: self.t(title),
            kind: *kind,
            unit: self.t(unit),
            x_label: self.t(x_label),
            categories: self.all(categories),
            series: series
                .iter()
                .map(|s| {
                    let Series {
                        id,
                        name,
                        unit,
                        points,
                    } = s;
                    Series {
                        id: id.clone(),
                        name: self.t(name),
                        unit: self.t(unit),
                        points: points
                            .iter()
                            .map(|p| {
                                let Point { x, value } = p;
                                Point {
                                    x: self.t(x),
                                    value: self.value(value),
                                }
                            })
                            .collect(),
                    }
                })
                .collect(),
            description: self.t(description),
            notes: self.all(notes),
        }
    }

    fn value(&self, v: &Value) -> Value {
        let Value {
            value,
            qualifier,
            source,
        } = v;
        let source = self.source(source);
        // A marker (余, 以上) is as the converted quote prints it.
        let marker = |m: &str| span(v.source.quote(), source.quote(), m).unwrap_or(self.t(m));
        let qualifier = match qualifier {
            Qualifier::Exact => Qualifier::Exact,
            Qualifier::LowerBound { marker: m } => Qualifier::LowerBound { marker: marker(m) },
            Qualifier::UpperBound { marker: m } => Qualifier::UpperBound { marker: marker(m) },
            Qualifier::Range { high } => Qualifier::Range { high: *high },
            Qualifier::Derived { rule } => Qualifier::Derived { rule: self.t(rule) },
        };
        Value {
            value: *value,
            qualifier,
            source,
        }
    }

    fn source(&self, p: &Provenance) -> Provenance {
        match p {
            Provenance::Paragraph { paragraph, quote } => {
                let found = self
                    .paragraphs
                    .get(paragraph.as_str())
                    .and_then(|(text, converted)| span(text, converted, quote));
                Provenance::Paragraph {
                    paragraph: paragraph.clone(),
                    quote: found.unwrap_or_else(|| self.t(quote)),
                }
            }
            Provenance::TableCell {
                table,
                row,
                column,
                quote,
            } => {
                let cell = self
                    .cells
                    .get(table.as_str())
                    .and_then(|rows| rows.get(*row as usize)?.get(*column as usize));
                let found = cell.and_then(|text| span(text, &self.t(text), quote));
                Provenance::TableCell {
                    table: table.clone(),
                    row: *row,
                    column: *column,
                    quote: found.unwrap_or_else(|| self.t(quote)),
                }
            }
            Provenance::External {
                url,
                publisher,
                quote,
                note,
            } => Provenance::External {
                url: url.clone(),
                publisher: self.t(publisher),
                quote: self.t(quote),
                note: note.as_deref().map(|n| self.t(n)),
            },
        }
    }
}

/// The part of `converted` at the character positions where `part` first
/// occurs in `text`; `None` when `part` is not in `text` or the conversion
/// changed the length.
fn span(text: &str, converted: &str, part: &str) -> Option<String> {
    let at = text.find(part)?;
    if text.chars().count() != converted.chars().count() {
        return None;
    }
    let start = text[..at].chars().count();
    Some(
        converted
            .chars()
            .skip(start)
            .take(part.chars().count())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::span;

    #[test]
    fn a_quote_is_taken_from_its_converted_paragraph() {
        assert_eq!(
            span("共发布公告2.1万余条", "共發布公告2.1萬餘條", "2.1万余条"),
            Some("2.1萬餘條".to_string())
        );
        assert_eq!(span("abc", "abcd", "b"), None);
        assert_eq!(span("abc", "abc", "x"), None);
    }
}
