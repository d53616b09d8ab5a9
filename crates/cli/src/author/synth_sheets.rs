//! Synthetic workbooks for the tests, the fuzz corpus and the bench
//! (`synth_files`): an XLSX with cells where a test puts them, and
//! OpenDocument sheets whose rows and cells repeat, as a hostile file or
//! as LibreOffice writes them.

use super::synth_zip::{zip, Entry};

/// A workbook (XLSX) with `cells` as (reference, number).
pub fn xlsx(cells: &[(&str, f64)]) -> Vec<u8> {
    const TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    const BOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    const BOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let mut rows = String::new();
    for (r, v) in cells {
        let row: String = r.chars().filter(char::is_ascii_digit).collect();
        rows += &format!(r#"<row r="{row}"><c r="{r}"><v>{v}</v></c></row>"#);
    }
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    );
    zip(&[
        Entry::deflated("[Content_Types].xml", TYPES.as_bytes()),
        Entry::deflated("_rels/.rels", ROOT_RELS.as_bytes()),
        Entry::deflated("xl/workbook.xml", BOOK.as_bytes()),
        Entry::deflated("xl/_rels/workbook.xml.rels", BOOK_RELS.as_bytes()),
        Entry::deflated("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ])
}

/// An OpenDocument sheet of one row with a number at its end, `cols`
/// columns out, repeated `rows` times.
pub fn ods_repeated(rows: u64, cols: u64) -> Vec<u8> {
    ods(&format!(
        r#"<table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated="{}"/><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#,
        cols.saturating_sub(1).max(1)
    ))
}

/// An OpenDocument sheet as LibreOffice saves one: a small table, then
/// the rest of the sheet as empty rows and cells repeated a million
/// times, which span nothing.
pub fn ods_with_empty_rest() -> Vec<u8> {
    let row = |a: &str, b: &str| {
        format!(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>{a}</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>{b}</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16382"/></table:table-row>"#
        )
    };
    let number = |a: &str, v: u32| {
        format!(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>{a}</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16382"/></table:table-row>"#
        )
    };
    let rows = [
        row("年份", "数量（件）"),
        number("2023年", 1),
        number("2024年", 2),
    ]
    .concat();
    ods(&format!(
        r#"{rows}<table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#
    ))
}

/// An OpenDocument spreadsheet whose one sheet has `rows` (its
/// `table:table-row` elements).
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip(&[
        Entry::stored(
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        Entry::deflated("content.xml", content.as_bytes()),
        Entry::deflated("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}
