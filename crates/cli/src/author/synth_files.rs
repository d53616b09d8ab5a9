//! Synthetic input files, made here for the tests, the fuzz corpus and
//! `make bench`: the hostile ones an import must refuse or read within
//! seconds and bounded memory (zip bombs with honest and lying headers,
//! archives of many entries, pages nested 200,000 deep, formatting left
//! open in every paragraph, spans of two billion, sheets whose used range
//! is a whole worksheet), and a long Word file that must still import.
//! None of their words is real report text; the long Word file says it is
//! synthetic in its title and every paragraph. The zips are written by
//! `synth_zip`, the workbooks by `synth_sheets`.

use std::io::Write;

use flate2::FlushCompress;

use super::synth_sheets::{ods_repeated, ods_with_empty_rest, xlsx};
use super::synth_zip::{deflate, zip, Entry};

/// One file: its name and bytes, and whether an import must refuse it.
pub struct Input {
    /// A file name, whose extension is the kind of file.
    pub name: String,
    /// The bytes.
    pub bytes: Vec<u8>,
    /// What it tests, in a few words.
    pub what: &'static str,
    /// `report import` (or `report chart add`, for a sheet) must refuse it.
    pub refused: bool,
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A Word file whose body is `body` (the children of `<w:body>`).
fn docx(body: &str) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    zip(&[
        Entry::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Entry::deflated("_rels/.rels", RELS.as_bytes()),
        Entry::deflated("word/document.xml", doc.as_bytes()),
    ])
}

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A Word file whose `document.xml` is one paragraph of `gib` × 1 GiB of
/// the letter a (built from one deflated MiB repeated: deflate's blocks
/// follow each other once flushed). `honest`: the headers say how large
/// it is; otherwise they say 10 KB. The CRC is not that of the text: no
/// reader that stops at a limit gets to check it.
pub fn docx_bomb(mib: usize, honest: bool) -> Vec<u8> {
    let head =
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body><w:p><w:r><w:t>"#);
    let tail = "</w:t></w:r></w:p></w:body></w:document>";
    let block = deflate(&vec![b'a'; 1024 * 1024], FlushCompress::Full);
    let mut data = deflate(head.as_bytes(), FlushCompress::Full);
    for _ in 0..mib {
        data.extend(&block);
    }
    data.extend(deflate(tail.as_bytes(), FlushCompress::Finish));
    let inflated = (head.len() + tail.len()) as u64 + mib as u64 * 1024 * 1024;
    let size = if honest {
        u32::try_from(inflated).unwrap_or(u32::MAX)
    } else {
        10_000
    };
    zip(&[
        Entry::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Entry::deflated("_rels/.rels", RELS.as_bytes()),
        Entry {
            name: "word/document.xml".into(),
            method: 8,
            data,
            crc: 0,
            size,
        },
    ])
}

/// The parts of a Word file of one word, for others to be added to.
fn one_paragraph_parts() -> Vec<Entry> {
    let doc = format!(
        "<w:document {W}><w:body>{}</w:body></w:document>",
        para("合成")
    );
    vec![
        Entry::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Entry::deflated("word/document.xml", doc.as_bytes()),
    ]
}

/// A Word file with `n` entries besides its document (empty, stored).
pub fn docx_many_entries(n: usize) -> Vec<u8> {
    let mut entries = one_paragraph_parts();
    entries.extend((0..n).map(|i| Entry::stored(&format!("word/media/p{i}.bin"), b"")));
    zip(&entries)
}

/// A Word file whose pictures' headers say 400 MB each, in all past what
/// any archive may hold (the pictures themselves are empty).
pub fn docx_declared_huge() -> Vec<u8> {
    let mut entries = one_paragraph_parts();
    entries.extend((0..3).map(|i| Entry {
        size: 400_000_000,
        ..Entry::stored(&format!("word/media/image{i}.png"), b"")
    }));
    zip(&entries)
}

/// "Billion laughs": entities that would expand to 10⁹ laughs.
pub fn docx_entities() -> Vec<u8> {
    let mut dtd = String::from(r#"<!DOCTYPE w:document [<!ENTITY l0 "lol">"#);
    for i in 1..10 {
        let p = i - 1;
        dtd += &format!(
            r#"<!ENTITY l{i} "&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};">"#
        );
    }
    dtd += "]>";
    let doc = format!(
        r#"<?xml version="1.0"?>{dtd}<w:document {W}><w:body>{}<w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"#,
        para("合成数据:实体不展开。")
    );
    zip(&[
        Entry::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Entry::deflated("word/document.xml", doc.as_bytes()),
    ])
}

/// A table whose cells span two billion columns.
pub fn docx_huge_span() -> Vec<u8> {
    let cell = |t: &str| {
        format!(
            r#"<w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr>{}</w:tc>"#,
            para(t)
        )
    };
    let row = format!("<w:tr>{}{}</w:tr>", cell("年份"), cell("数量"));
    docx(&format!(
        "{}<w:tbl>{row}{row}</w:tbl>",
        para("合成数据:跨二十亿列的表格。")
    ))
}

/// Tables nested `depth` deep, one cell each.
pub fn docx_nested_tables(depth: usize) -> Vec<u8> {
    let mut inner = para("合成");
    for _ in 0..depth {
        inner = format!("<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>");
    }
    docx(&format!("{}{inner}", para("合成数据:层层嵌套的表格。")))
}

/// Runs inside `depth` nested content controls (fields and controls
/// nest in Word's XML).
pub fn docx_nested_controls(depth: usize) -> Vec<u8> {
    let open = "<w:sdt><w:sdtContent>".repeat(depth);
    let close = "</w:sdtContent></w:sdt>".repeat(depth);
    docx(&format!("{open}{}{close}", para("合成")))
}

/// A page with one heading and one paragraph inside `depth` nested
/// `<div>`s.
pub fn page_nested_divs(depth: usize) -> Vec<u8> {
    let mut page = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
    page += &"<div>".repeat(depth);
    page += "<h1>合成数据</h1><p>一、总体情况</p><p>合成段落,仅供测试。</p>";
    page += &"</div>".repeat(depth);
    page += "</body></html>";
    page.into_bytes()
}

/// A page of `n` paragraphs, each leaving a bold element of its own
/// open: the tree builder rebuilds every one of them in each paragraph
/// after it, so the tree grows as n².
pub fn page_open_formatting(n: usize) -> Vec<u8> {
    let mut page = String::from("<!DOCTYPE html><html><body>");
    for i in 0..n {
        page += &format!("<p><b id=b{i}>合成</p>");
    }
    page += "</body></html>";
    page.into_bytes()
}

/// A page of `n` empty paragraphs' worth of elements.
pub fn page_many_elements(n: usize) -> Vec<u8> {
    let mut page = String::from("<!DOCTYPE html><html><body><p>合成数据</p>");
    page += &"<i></i>".repeat(n);
    page += "</body></html>";
    page.into_bytes()
}

/// A page with a table of `rows` rows, each one cell spanning `span`
/// columns and a second cell.
pub fn page_spanning_table(rows: usize, span: usize) -> Vec<u8> {
    let mut page = String::from("<!DOCTYPE html><html><body><p>合成数据:大跨度表格。</p><table>");
    for r in 0..rows {
        page += &format!("<tr><td colspan={span}>行{r}</td><td>1</td></tr>");
    }
    page += "</table></body></html>";
    page.into_bytes()
}

/// A page with a table whose first row is one cell `span` columns wide,
/// then `rows` rows of one short cell: small as written, but every row
/// is laid out as wide as the first.
pub fn page_wide_first_row(rows: usize, span: usize) -> Vec<u8> {
    let mut page = format!(
        "<!DOCTYPE html><html><body><p>合成数据:首行很宽的表格。</p><table><tr><td colspan={span}>合成</td></tr>"
    );
    page += &"<tr><td>1</td><td>2</td></tr>".repeat(rows);
    page += "</table></body></html>";
    page.into_bytes()
}

/// A saved page whose MIME parts nest `depth` deep.
pub fn mhtml_nested(depth: usize) -> Vec<u8> {
    let mut out = String::from("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n");
    for i in 0..depth {
        out += &format!("Content-Type: multipart/related; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
    }
    out += "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>合成数据</p></body></html>\r\n";
    for i in (0..depth).rev() {
        out += &format!("--b{i}--\r\n");
    }
    out.into_bytes()
}

/// Text of `n` lines.
pub fn text_lines(n: usize, line: &str) -> Vec<u8> {
    let mut out = String::with_capacity(n * (line.len() + 1));
    for _ in 0..n {
        out += line;
        out.push('\n');
    }
    out.into_bytes()
}

/// A Word file of about `pages` pages (25 paragraphs a page, a numbered
/// heading every five pages, a table every twenty): synthetic, and its
/// title and every paragraph say so.
pub fn long_docx(pages: usize) -> Vec<u8> {
    const CN: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut body = String::from(
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>合成数据测试报告(非真实报告)</w:t></w:r></w:p>"#,
    );
    body += &para("本文件为程序生成的合成数据,仅供测试导入,不是真实报告。");
    for p in 0..pages {
        if p % 5 == 0 {
            let n = p / 5 + 1;
            let num = if n <= 10 {
                CN[n - 1].to_string()
            } else {
                format!(
                    "{}十{}",
                    CN[(n / 10) - 1],
                    CN.get((n % 10).wrapping_sub(1)).unwrap_or(&"")
                )
            };
            body += &para(&format!("{num}、合成章节第{n}部分"));
        }
        for k in 0..25 {
            body += &para(&format!(
                "合成段落:第{p}页第{k}段,持续推进依法行政,完善行政执法监督机制,规范重大行政决策程序,深化政务公开,本段文字为合成数据,仅供测试。"
            ));
        }
        if p % 20 == 19 {
            body += &para(&format!("表{} 合成数据统计(单位:件)", p / 20 + 1));
            let cell = |t: &str| format!("<w:tc>{}</w:tc>", para(t));
            body += &format!(
                "<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
                cell("类别"),
                cell("2023年"),
                cell("2024年"),
                cell("合成数据"),
                cell(&(p + 1).to_string()),
                cell(&(p + 2).to_string())
            );
        }
    }
    docx(&body)
}

/// Every synthetic input, for the bench and the fuzz corpus.
pub fn all() -> Vec<Input> {
    let input = |name: &str, bytes: Vec<u8>, what: &'static str, refused: bool| Input {
        name: name.into(),
        bytes,
        what,
        refused,
    };
    vec![
        input(
            "bomb-honest.docx",
            docx_bomb(2048, true),
            "document.xml inflates to 2 GiB; its header says so",
            true,
        ),
        input(
            "bomb-100m.docx",
            docx_bomb(100, true),
            "document.xml inflates to 100 MiB; its header says so",
            true,
        ),
        input(
            "bomb-lying.docx",
            docx_bomb(2048, false),
            "document.xml inflates to 2 GiB; its header says 10 KB",
            true,
        ),
        input(
            "many-entries.docx",
            docx_many_entries(20_000),
            "20,000 entries",
            true,
        ),
        input(
            "declared-huge.docx",
            docx_declared_huge(),
            "pictures whose headers say 1.2 GB in all",
            true,
        ),
        input(
            "entities.docx",
            docx_entities(),
            "billion laughs in document.xml",
            false,
        ),
        input(
            "huge-span.docx",
            docx_huge_span(),
            "gridSpan of 2,000,000,000",
            false,
        ),
        input(
            "nested-tables.docx",
            docx_nested_tables(40),
            "tables nested 40 deep",
            true,
        ),
        input(
            "nested-controls.docx",
            docx_nested_controls(2_000),
            "content controls nested 2,000 deep",
            true,
        ),
        input(
            "divs-5000.html",
            page_nested_divs(5_000),
            "5,000 nested <div>s",
            true,
        ),
        input(
            "divs-10000.html",
            page_nested_divs(10_000),
            "10,000 nested <div>s",
            true,
        ),
        input(
            "divs-200000.html",
            page_nested_divs(200_000),
            "200,000 nested <div>s",
            true,
        ),
        input(
            "divs-600.html",
            page_nested_divs(600),
            "600 nested <div>s, closed in the same piece of the parse",
            true,
        ),
        input(
            "divs-400.html",
            page_nested_divs(400),
            "400 nested <div>s",
            false,
        ),
        input(
            "open-bold.html",
            page_open_formatting(20_000),
            "20,000 paragraphs each leaving a <b> open",
            true,
        ),
        input(
            "many-elements.html",
            page_many_elements(300_000),
            "300,000 elements",
            true,
        ),
        input(
            "spanning-table.html",
            page_spanning_table(300, 1_000),
            "300 rows spanning 1,000 columns",
            true,
        ),
        input(
            "wide-first-row.html",
            page_wide_first_row(300, 1_000),
            "one row 1,000 columns wide over 300 narrow rows",
            true,
        ),
        input(
            "nested-parts.mhtml",
            mhtml_nested(5_000),
            "MIME parts nested 5,000 deep",
            false,
        ),
        input(
            "many-paragraphs.docx",
            docx(&para("合成数据").repeat(60_000)),
            "a Word file of 60,000 paragraphs",
            true,
        ),
        input(
            "many-paragraphs.html",
            ("<html><body>".to_string() + &"<p>合成数据</p>".repeat(60_000)).into_bytes(),
            "a page of 60,000 paragraphs",
            true,
        ),
        input(
            "long-lines.txt",
            text_lines(60_000, "合成数据,仅供测试。"),
            "60,000 paragraphs",
            true,
        ),
        input(
            "broken-encoding.txt",
            (0..200_000u32)
                .map(|i| (0x80 + (i * 7919) % 0x80) as u8)
                .collect(),
            "bytes that are no encoding's text",
            true,
        ),
        input(
            "long-text.txt",
            text_lines(1, &"合".repeat(4_100_000)),
            "4.1 million characters",
            true,
        ),
        input(
            "page-200.docx",
            long_docx(200),
            "a 200-page Word file (synthetic)",
            false,
        ),
        input(
            "far-cells.xlsx",
            xlsx(&[("A1", 1.0), ("XFD1048576", 2.0)]),
            "cells at A1 and XFD1048576",
            true,
        ),
        input(
            "empty-rest.ods",
            ods_with_empty_rest(),
            "a small table, then a million empty rows as LibreOffice saves them",
            false,
        ),
        input(
            "repeated-rows.ods",
            ods_repeated(1_000_000, 16_384),
            "a row repeated 1,000,000 times, 16,384 columns wide",
            true,
        ),
    ]
}

/// Small relatives of the inputs above, for the fuzzers' corpus (at most
/// 64 KiB, what `import_file` is given; the sheets at most 4 KiB, what
/// `chart_sheet` is given): (file name, bytes). `fuzz/seeds/` holds them;
/// a test checks that it holds these bytes.
pub fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let mut s = vec![
        ("import_file/bomb-lying.docx", docx_bomb(8, false)),
        ("import_file/many-entries.docx", docx_many_entries(300)),
        ("import_file/declared-huge.docx", docx_declared_huge()),
        ("import_file/entities.docx", docx_entities()),
        ("import_file/huge-span.docx", docx_huge_span()),
        ("import_file/nested-tables.docx", docx_nested_tables(20)),
        (
            "import_file/nested-controls.docx",
            docx_nested_controls(300),
        ),
        ("import_file/divs-600.html", page_nested_divs(600)),
        ("import_file/divs-400.html", page_nested_divs(400)),
        ("import_file/open-bold.html", page_open_formatting(600)),
        (
            "import_file/spanning-table.html",
            page_spanning_table(300, 1_000),
        ),
        ("import_file/nested-parts.mhtml", mhtml_nested(500)),
        ("import_file/page-5.docx", long_docx(5)),
        (
            "chart_sheet/far-cells.xlsx",
            xlsx(&[("A1", 1.0), ("XFD1048576", 2.0)]),
        ),
        (
            "chart_sheet/repeated-rows.ods",
            ods_repeated(1_000_000, 16_384),
        ),
        ("chart_sheet/empty-rest.ods", ods_with_empty_rest()),
    ];
    s.sort_by_key(|(name, _)| *name);
    s
}

/// Writes every synthetic input into `dir`.
pub fn write_all(dir: &std::path::Path) -> std::io::Result<Vec<Input>> {
    std::fs::create_dir_all(dir)?;
    let inputs = all();
    for i in &inputs {
        std::fs::File::create(dir.join(&i.name))?.write_all(&i.bytes)?;
    }
    Ok(inputs)
}
