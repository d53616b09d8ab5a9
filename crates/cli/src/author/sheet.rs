//! A chart from a spreadsheet (`report chart add`): XLSX, XLS or ODS read
//! with `calamine`, CSV (UTF-8 or GBK, as Excel saves it) with `csv`.
//!
//! The first row holds the headings: the category (`年份`), then one
//! column per series (`受理案件（件）`), and optionally `来源` (an address,
//! or the id of a paragraph of this report), `原文` (the words the number
//! was read from) and `发布者`. Each row below is one category. A number
//! may be written `300余`, `95%以上` or `2~3`, kept as a bound or range;
//! an empty cell is no point. No source, no chart: without a `来源` column
//! or `--source` and `--quote`, nothing is added. Every problem names the
//! sheet, the cell (`C4`), its row and its column's heading. Workbooks
//! are read within the limits by `workbook`; a CSV file is bounded here.

use super::source::problem;
use report_format::{Chart, ChartKind, Code, Point, Problem, Provenance, Series, Value};

use super::detect::decode_text;
use super::figures::{cell_value, unit_in, CellValue};
use super::limits::{self, MAX_SHEET_CELLS};
use super::workbook;

/// A cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// A number the spreadsheet stores as one.
    Number(f64),
    /// Text (in a CSV file, every cell).
    Text(String),
}

/// A sheet: its name, its cells, and where its first cell stands
/// (row, column from 0), for naming cells as the spreadsheet does.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sheet's name (for CSV, the file's).
    pub name: String,
    /// Rows of cells.
    pub rows: Vec<Vec<Cell>>,
    /// Where `rows[0][0]` stands.
    pub origin: (usize, usize),
}

/// What the command line says about the chart.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Line or bar.
    pub kind: ChartKind,
    /// The chart's title.
    pub title: String,
    /// The unit, when the headings do not name it.
    pub unit: Option<String>,
    /// The chart's id.
    pub id: String,
    /// The description; by default, where the data was read.
    pub description: Option<String>,
    /// A source for rows without their own: an address or a paragraph id.
    pub source: Option<String>,
    /// The words quoted, for rows without their own.
    pub quote: Option<String>,
    /// Who published the source.
    pub publisher: Option<String>,
}

/// Reads sheet `wanted` (or the first) of the spreadsheet `bytes`, the
/// file `name`.
pub fn read_sheet(name: &str, bytes: &[u8], wanted: Option<&str>) -> Result<Sheet, Box<Problem>> {
    let bad = |why: String| problem(Code::BadSpreadsheet, name, &[name, &why]);
    if name.to_ascii_lowercase().ends_with(".csv") || name.to_ascii_lowercase().ends_with(".txt") {
        limits::check_file_size(name, bytes.len(), limits::MAX_TEXT_FILE_BYTES)?;
        let (text, _) = decode_text(bytes)
            .ok_or_else(|| bad("不是 UTF-8 或 GBK 文本 / not UTF-8 or GBK text".into()))?;
        limits::check_chars(name, &text, limits::MAX_TEXT_CHARS)?;
        let text = text.trim_start_matches('\u{feff}');
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut cells = 0usize;
        for record in csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
        {
            let record = record.map_err(|e| bad(e.to_string()))?;
            cells += record.len();
            if cells > MAX_SHEET_CELLS {
                let max = MAX_SHEET_CELLS.to_string();
                let (zh, en) = (
                    format!("有{max}个以上单元格(读到第{}行)", rows.len() + 1),
                    format!("has more than {max} cells (by row {})", rows.len() + 1),
                );
                return Err(problem(Code::SheetTooBig, name, &[name, &zh, &en, &max]));
            }
            rows.push(
                record
                    .iter()
                    .map(|c| match c.trim() {
                        "" => Cell::Empty,
                        t => Cell::Text(t.to_string()),
                    })
                    .collect(),
            );
        }
        let stem = std::path::Path::new(name)
            .file_stem()
            .map_or(name.to_string(), |s| s.to_string_lossy().into_owned());
        return Ok(Sheet {
            name: stem,
            rows,
            origin: (0, 0),
        });
    }
    let pick = |names: &[String]| match wanted {
        Some(w) => names
            .iter()
            .find(|n| n.as_str() == w)
            .cloned()
            .ok_or_else(|| problem(Code::NoSheet, name, &[w, &names.join("、")])),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| bad("没有工作表 / no sheets".into())),
    };
    let (sheet, cells) = workbook::read(name, bytes, &pick, &bad)?;
    Ok(Sheet {
        name: sheet,
        rows: cells.rows,
        origin: cells.origin,
    })
}

/// `A`, `B`, … `Z`, `AA` for column `c` (from 0).
pub fn column_letters(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A number written plainly: `2024`, `3.5`.
fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        v.to_string()
    }
}

fn text_of(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Number(v) => plain(*v),
        Cell::Text(t) => t.clone(),
    }
}

const SOURCE: &[&str] = &[
    "来源",
    "出处",
    "数据来源",
    "来源网址",
    "网址",
    "source",
    "url",
];
const QUOTE: &[&str] = &["原文", "引文", "quote"];
const PUBLISHER: &[&str] = &["发布者", "发布机构", "来源名称", "publisher"];

/// The chart `spec` describes, from `sheet` (read from the file `file`).
pub fn chart_from_sheet(sheet: &Sheet, spec: &Spec, file: &str) -> Result<Chart, Box<Problem>> {
    let empty = |zh: &str, en: &str| problem(Code::EmptySheet, &sheet.name, &[&sheet.name, zh, en]);
    let Some(head_at) = sheet
        .rows
        .iter()
        .position(|r| r.iter().any(|c| *c != Cell::Empty))
    else {
        return Err(empty("整张表是空的", "the whole sheet is empty"));
    };
    let heads: Vec<String> = sheet.rows[head_at].iter().map(text_of).collect();
    let find = |names: &[&str]| {
        heads
            .iter()
            .position(|h| names.contains(&h.trim().to_ascii_lowercase().as_str()))
    };
    let (source_col, quote_col, publisher_col) = (find(SOURCE), find(QUOTE), find(PUBLISHER));
    let series_cols: Vec<usize> = (1..heads.len())
        .filter(|c| {
            ![source_col, quote_col, publisher_col].contains(&Some(*c))
                && !heads[*c].trim().is_empty()
        })
        .collect();
    if series_cols.is_empty() {
        return Err(empty(
            "第一行只有分类,没有数值列的表头",
            "the first row names a category but no value columns",
        ));
    }
    if source_col.is_none() && spec.source.is_none() {
        return Err(problem(Code::NoSource, &sheet.name, &[&sheet.name]));
    }
    let cell_ref = |r: usize, c: usize| {
        (
            format!(
                "{}{}",
                column_letters(sheet.origin.1 + c),
                sheet.origin.0 + r + 1
            ),
            (sheet.origin.0 + r + 1).to_string(),
        )
    };
    let unit = match &spec.unit {
        Some(u) => u.clone(),
        None => {
            let named: Vec<String> = series_cols
                .iter()
                .filter_map(|&c| unit_in(&heads[c]))
                .collect();
            match named.first() {
                Some(u) if named.len() == series_cols.len() && named.iter().all(|n| n == u) => {
                    u.clone()
                }
                _ => return Err(problem(Code::NoUnit, &sheet.name, &[&sheet.name])),
            }
        }
    };
    let mut categories = Vec::new();
    let mut series: Vec<Series> = series_cols
        .iter()
        .enumerate()
        .map(|(i, &c)| Series {
            id: format!("s-{}", i + 1),
            name: heads[c].trim().to_string(),
            unit: unit.clone(),
            points: Vec::new(),
        })
        .collect();
    for (r, row) in sheet.rows.iter().enumerate().skip(head_at + 1) {
        let cell = |c: usize| row.get(c).cloned().unwrap_or(Cell::Empty);
        if row.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let category = text_of(&cell(0));
        if category.trim().is_empty() {
            let (at, line) = cell_ref(r, 0);
            return Err(problem(Code::NoCategory, &at, &[&sheet.name, &at, &line]));
        }
        let own = |col: Option<usize>| {
            col.map(|c| text_of(&cell(c)))
                .filter(|t| !t.trim().is_empty())
        };
        let source = own(source_col).or_else(|| spec.source.clone());
        let quote = own(quote_col).or_else(|| spec.quote.clone());
        let (Some(source), Some(quote)) = (source, quote) else {
            return Err(problem(Code::NoSource, &sheet.name, &[&sheet.name]));
        };
        let provenance = if source.starts_with("http://") || source.starts_with("https://") {
            let publisher = own(publisher_col)
                .or_else(|| spec.publisher.clone())
                .unwrap_or_else(|| source.split('/').nth(2).unwrap_or(&source).to_string());
            Provenance::External {
                url: source,
                publisher,
                quote,
                note: None,
            }
        } else {
            Provenance::Paragraph {
                paragraph: source,
                quote,
            }
        };
        for (s, &c) in series.iter_mut().zip(&series_cols) {
            let (value, qualifier) = match cell(c) {
                Cell::Empty => continue,
                Cell::Number(v) => (v, Default::default()),
                Cell::Text(t) => match cell_value(&t) {
                    CellValue::Number(n) => (n.value, n.qualifier),
                    CellValue::Blank => continue,
                    CellValue::Text => {
                        let (at, line) = cell_ref(r, c);
                        return Err(problem(
                            Code::NotANumber,
                            &at,
                            &[&sheet.name, &at, &line, &heads[c], &t],
                        ));
                    }
                },
            };
            s.points.push(Point {
                x: category.clone(),
                value: Value {
                    value,
                    qualifier,
                    source: provenance.clone(),
                },
            });
        }
        categories.push(category);
    }
    if categories.is_empty() {
        return Err(empty(
            "表头下面没有数据行",
            "there are no rows of data under the headings",
        ));
    }
    Ok(Chart {
        id: spec.id.clone(),
        title: spec.title.clone(),
        kind: spec.kind,
        unit,
        x_label: match heads[0].trim() {
            "" => "类别".to_string(),
            h => h.to_string(),
        },
        categories,
        series,
        description: spec
            .description
            .clone()
            .unwrap_or_else(|| format!("数据取自“{file}”的工作表“{}”。", sheet.name)),
        notes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(plain(2024.0), "2024");
        assert_eq!(plain(3.5), "3.5");
    }
}
