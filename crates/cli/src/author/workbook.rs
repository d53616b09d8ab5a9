//! A spreadsheet's cells read within the limits, for `sheet`. calamine
//! turns a sheet into a dense grid over its used range, so two cells far
//! apart (A1 and XFD1048576), or an ODS row repeated a million times,
//! would ask for billions of cells; and it inflates a workbook's parts
//! with no limit. So a zipped workbook (XLSX, XLSB, ODS) is first shown to
//! inflate within the limits, XLSX and XLSB cells are streamed and their
//! used range checked before any grid is made, and an ODS sheet's
//! repeats are counted before calamine expands them. An XLS file (BIFF)
//! is bounded by its format: 65,536 rows by 256 columns.

use std::io::Cursor;

use calamine::{Data, DataRef, Reader};
use quick_xml::events::Event;
use report_format::{Code, Problem};

use super::limits::{declared_entries, OpenError, Zip, MAX_SHEET_CELLS, MAX_XML_DEPTH};
use super::sheet::{column_letters, Cell};
use super::source::problem;

/// The cells of one sheet: rows from its first used cell, and where that
/// cell stands (row, column from 0).
pub struct Cells {
    /// Rows of cells.
    pub rows: Vec<Vec<Cell>>,
    /// Where `rows[0][0]` stands.
    pub origin: (usize, usize),
}

/// A cell as the chart reads it.
fn cell(d: Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(i as f64),
        Data::Float(f) => Cell::Number(f),
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.trim().to_string()),
        other => Cell::Text(other.to_string()),
    }
}

/// `A1`-style name of the cell at (row, column) from 0.
fn cell_name((r, c): (usize, usize)) -> String {
    format!("{}{}", column_letters(c), r + 1)
}

/// Refuses a used range of more than [`MAX_SHEET_CELLS`] cells.
fn check_range(sheet: &str, from: (usize, usize), to: (usize, usize)) -> Result<(), Box<Problem>> {
    let area = (to.0 - from.0 + 1).saturating_mul(to.1 - from.1 + 1);
    if area > MAX_SHEET_CELLS {
        let range = format!("{}:{}", cell_name(from), cell_name(to));
        return Err(problem(
            Code::SheetTooBig,
            sheet,
            &[
                sheet,
                &format!("用到的范围是 {range}(含最远处的 {})", cell_name(to)),
                &format!("uses the range {range} (out to {})", cell_name(to)),
                &MAX_SHEET_CELLS.to_string(),
            ],
        ));
    }
    Ok(())
}

/// Cells given one by one, as a grid over their used range, once the
/// range is known to be within the limit.
fn grid(sheet: &str, cells: Vec<((usize, usize), Cell)>) -> Result<Cells, Box<Problem>> {
    let Some(first) = cells.first().map(|c| c.0) else {
        return Ok(Cells {
            rows: Vec::new(),
            origin: (0, 0),
        });
    };
    let (mut from, mut to) = (first, first);
    for ((r, c), _) in &cells {
        from = (from.0.min(*r), from.1.min(*c));
        to = (to.0.max(*r), to.1.max(*c));
    }
    check_range(sheet, from, to)?;
    let width = to.1 - from.1 + 1;
    let mut rows = vec![vec![Cell::Empty; width]; to.0 - from.0 + 1];
    for ((r, c), v) in cells {
        rows[r - from.0][c - from.1] = v;
    }
    Ok(Cells { rows, origin: from })
}

/// Streams cells from `next`, refusing past [`MAX_SHEET_CELLS`] before
/// any grid is made.
fn stream<'a, E: std::fmt::Display>(
    sheet: &str,
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, E>,
    bad: &dyn Fn(String) -> Box<Problem>,
) -> Result<Cells, Box<Problem>> {
    let mut cells = Vec::new();
    while let Some(c) = next().map_err(|e| bad(e.to_string()))? {
        let (r, col) = c.get_position();
        let value = cell(Data::from(c.get_value().clone()));
        if value == Cell::Empty {
            continue;
        }
        if cells.len() >= MAX_SHEET_CELLS {
            let (zh, en) = (
                format!("有{MAX_SHEET_CELLS}个以上非空单元格"),
                format!("has more than {MAX_SHEET_CELLS} cells with content"),
            );
            let max = MAX_SHEET_CELLS.to_string();
            return Err(problem(Code::SheetTooBig, sheet, &[sheet, &zh, &en, &max]));
        }
        cells.push(((r as usize, col as usize), value));
    }
    grid(sheet, cells)
}

/// Chooses a sheet by name from the workbook's sheet names.
pub type PickSheet<'a> = dyn Fn(&[String]) -> Result<String, Box<Problem>> + 'a;

/// The names of a workbook's sheets, and the cells of the one `pick`
/// chooses. `bad` words the libraries' errors.
pub fn read(
    name: &str,
    bytes: &[u8],
    pick: &PickSheet<'_>,
    bad: &dyn Fn(String) -> Box<Problem>,
) -> Result<(String, Cells), Box<Problem>> {
    // A zip is found by its end record, as zip readers find it: bytes
    // before it (a self-extracting archive, or a fuzzer's) do not make it
    // something else.
    let zipped = bytes.starts_with(b"PK\x03\x04") || declared_entries(bytes).is_some();
    if !zipped {
        // XLS, and only XLS: bounded by the format (see the module's note).
        let mut book = calamine::Xls::new(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
        return whole_sheet(&mut book, pick, bad);
    }
    let mut zip = match Zip::open(name, bytes) {
        Ok(z) => z,
        Err(OpenError::Limit(p)) => return Err(p),
        Err(OpenError::Broken(e)) => return Err(bad(e.to_string())),
    };
    zip.check_every_part(bad)?;
    if zip.has("xl/workbook.xml") {
        let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
        let sheet = pick(&book.sheet_names())?;
        let mut reader = book
            .worksheet_cells_reader(&sheet)
            .map_err(|e| bad(e.to_string()))?;
        let cells = stream(&sheet, || reader.next_cell(), bad)?;
        return Ok((sheet, cells));
    }
    if zip.has("xl/workbook.bin") {
        let mut book = calamine::Xlsb::new(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
        let sheet = pick(&book.sheet_names())?;
        let mut reader = book
            .worksheet_cells_reader(&sheet)
            .map_err(|e| bad(e.to_string()))?;
        let cells = stream(&sheet, || reader.next_cell(), bad)?;
        return Ok((sheet, cells));
    }
    // ODS: the repeats counted in content.xml before calamine reads it.
    let Some(content) = zip.read("content.xml", bad)? else {
        return Err(bad(
            "压缩包中没有工作表 / the zip holds no workbook (XLSX, XLSB or ODS)".into(),
        ));
    };
    ods_within_limits(name, &content, bad)?;
    let mut book = calamine::Ods::new(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    whole_sheet(&mut book, pick, bad)
}

/// The sheet `pick` chooses, read whole by calamine: only for readers
/// whose grid is known to be within the limits (XLS by its format, ODS
/// once its repeats are counted).
fn whole_sheet<'b, R: Reader<Cursor<&'b [u8]>>>(
    book: &mut R,
    pick: &PickSheet<'_>,
    bad: &dyn Fn(String) -> Box<Problem>,
) -> Result<(String, Cells), Box<Problem>>
where
    R::Error: std::fmt::Display,
{
    let sheet = pick(&book.sheet_names())?;
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| bad(e.to_string()))?;
    let origin = range
        .start()
        .map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let rows = range
        .rows()
        .map(|row| row.iter().cloned().map(cell).collect())
        .collect();
    Ok((sheet, Cells { rows, origin }))
}

/// Refuses an ODS sheet whose used range, with its rows and cells
/// repeated as `number-rows-repeated` and `number-columns-repeated` say,
/// spans more than [`MAX_SHEET_CELLS`] cells (calamine makes a grid that
/// large), or whose XML nests past the limit. Empty cells and rows that
/// end a row or a sheet (LibreOffice writes a million of them) span
/// nothing.
fn ods_within_limits(
    name: &str,
    content: &[u8],
    bad: &dyn Fn(String) -> Box<Problem>,
) -> Result<(), Box<Problem>> {
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buf = Vec::new();
    let mut depth = 0usize;
    // Rows so far and up to the last with content; columns up to the last
    // cell with content in this row, and the widest row.
    let (mut rows, mut last_row, mut widest) = (0u64, 0u64, 0u64);
    let (mut col, mut last_col, mut row_repeat) = (0u64, 0u64, 1u64);
    let mut sheet = String::new();
    let repeat = |e: &quick_xml::events::BytesStart<'_>, key: &str| -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| a.value.trim().parse().ok())
            .unwrap_or(1u64)
            .max(1)
    };
    let valued = |e: &quick_xml::events::BytesStart<'_>| {
        e.attributes()
            .flatten()
            .any(|a| a.key.as_ref() == "office:value-type")
    };
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| bad(format!("content.xml: {e}")))?;
        let (start, e) = match &ev {
            Event::Start(e) => (true, e.clone().into_owned()),
            Event::Empty(e) => (false, e.clone().into_owned()),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if e.name().as_ref() == "table:table-row" {
                    if last_col > 0 {
                        widest = widest.max(last_col);
                        last_row = rows.saturating_add(row_repeat);
                    }
                    rows = rows.saturating_add(row_repeat);
                }
                buf.clear();
                if last_row.saturating_mul(widest) > MAX_SHEET_CELLS as u64 {
                    break;
                }
                continue;
            }
            Event::Eof => break,
            _ => {
                buf.clear();
                continue;
            }
        };
        buf.clear();
        if start {
            depth += 1;
            if depth > MAX_XML_DEPTH {
                let limit = MAX_XML_DEPTH.to_string();
                return Err(problem(
                    Code::NestedTooDeep,
                    name,
                    &[
                        name,
                        "表格内容(content.xml)",
                        "the sheets (content.xml)",
                        &limit,
                        "content.xml",
                        "content.xml",
                    ],
                ));
            }
        }
        match e.name().as_ref() {
            "table:table" => {
                (rows, last_row, widest) = (0, 0, 0);
                sheet = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "table:name")
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
            }
            "table:table-row" => {
                (col, last_col) = (0, 0);
                row_repeat = repeat(&e, "table:number-rows-repeated");
                if !start {
                    rows = rows.saturating_add(row_repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                col = col.saturating_add(repeat(&e, "table:number-columns-repeated"));
                if start || valued(&e) {
                    last_col = col;
                }
            }
            _ => {}
        }
    }
    if last_row.saturating_mul(widest) > MAX_SHEET_CELLS as u64 {
        let (zh, en) = (
            format!("的行和单元格按重复次数展开后跨{last_row}行、{widest}列"),
            format!("spans {last_row} rows and {widest} columns once its repeated rows and cells are counted"),
        );
        let max = MAX_SHEET_CELLS.to_string();
        return Err(problem(Code::SheetTooBig, name, &[&sheet, &zh, &en, &max]));
    }
    Ok(())
}
