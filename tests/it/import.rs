//! Importing what authors have: a Word file, a published page (also in
//! GBK and as MHTML), text in GBK; tables with merged headings; charts
//! whose values cite their cells; metadata stated or inferred, and said so.

use report_cli::author::{detect, import};
use report_format::{
    validate, Block, ChartKind, Code, Indexed, Lang, Provenance, Qualifier, Report, Section,
};

use crate::import_fixtures::{self as fx, docx, page};
use crate::read;

fn import_bytes(name: &str, bytes: &[u8]) -> import::Imported {
    let doc = detect::read_document(name, bytes).unwrap_or_else(|p| panic!("{name}: {p:?}"));
    import::import_document(doc, &import::ImportOptions::default())
}

fn valid(r: &Report) {
    let problems = validate(&Indexed::new(r.clone()));
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Every paragraph, list item, heading and table cell of the report, in
/// order.
fn all_text(r: &Report) -> String {
    fn blocks(out: &mut String, b: &[Block]) {
        for b in b {
            match b {
                Block::Paragraph { text, .. } | Block::Note { text, .. } => *out += text,
                Block::Table(t) => {
                    *out += &t.caption;
                    for row in &t.rows {
                        *out += &row.concat();
                    }
                }
                _ => {}
            }
            out.push('\n');
        }
    }
    fn sections(out: &mut String, s: &[Section]) {
        for s in s {
            *out += &s.heading();
            out.push('\n');
            blocks(out, &s.blocks);
            sections(out, &s.sections);
        }
    }
    let mut out = format!("{}\n", r.meta.title);
    blocks(&mut out, &r.preamble);
    sections(&mut out, &r.sections);
    blocks(&mut out, &r.closing);
    out
}

/// What both the Word file and the page must give.
fn the_fixture_report(r: &Report) {
    valid(r);
    let text = all_text(r).replace('\n', "");
    for line in fx::report_lines() {
        assert!(text.contains(&line), "missing “{line}” in\n{}", all_text(r));
    }
    assert_eq!(r.meta.title, fx::TITLE);
    assert_eq!(r.meta.period, "2024年");
    assert_eq!(r.meta.region, "某区");
    // Structure: 一、 with three run-in subsections (the bold part is the
    // title, the rest its paragraph), then 二、.
    let heads: Vec<(&str, &str)> = r
        .sections
        .iter()
        .map(|s| (s.number.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(heads, [("一、", fx::HEAD_1), ("二、", fx::HEAD_2)]);
    let subs: Vec<(&str, &str)> = r.sections[0]
        .sections
        .iter()
        .map(|s| (s.number.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        subs,
        [
            ("（一）", "坚持依法决策，"),
            ("（二）", "规范行政执法。"),
            ("（三）", "化解行政争议。")
        ]
    );
    assert!(
        matches!(&r.sections[0].sections[0].blocks[0], Block::Paragraph { text, .. } if text == fx::RUN_IN[0].1)
    );
    assert_eq!(r.closing.len(), 3);
    // The table, in (三), with its caption and merged headings.
    let third = &r.sections[0].sections[2];
    let t = third
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("the table is in (三)");
    assert_eq!(t.caption, fx::CAPTION);
    assert_eq!(t.header.len(), 2);
    assert_eq!(
        (t.header[0][0].text.as_str(), t.header[0][0].rowspan),
        ("类别", 2)
    );
    assert_eq!(
        (t.header[0][1].text.as_str(), t.header[0][1].colspan),
        (fx::GROUP, 3)
    );
    assert_eq!(t.columns[1], format!("{} 2022年", fx::GROUP));
    assert_eq!(
        t.rows,
        [
            ["行政诉讼案件", "466", "430", "412"],
            ["行政复议案件", "221", "300余", "550"]
        ]
    );
    // Its chart, right after it: years across make a line per row.
    let at = third
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Table(_)))
        .unwrap();
    let Block::Chart { chart } = &third.blocks[at + 1] else {
        panic!("no chart after the table")
    };
    let c = r.charts.iter().find(|c| &c.id == chart).unwrap();
    assert_eq!(c.kind, ChartKind::Line);
    assert_eq!(c.unit, "件");
    assert_eq!(c.categories, fx::YEARS);
    assert_eq!(c.series.len(), 2);
    assert_eq!(c.series[0].name, "行政诉讼案件");
    let p = &c.series[1].points[1];
    assert_eq!(p.value.value, 300.0);
    assert_eq!(
        p.value.qualifier,
        Qualifier::LowerBound {
            marker: "余".into()
        }
    );
    assert_eq!(
        p.value.source,
        Provenance::TableCell {
            table: t.id.clone(),
            row: 1,
            column: 2,
            quote: "300余".into()
        }
    );
    let indexed = Indexed::new(r.clone());
    assert_eq!(
        c.series[0].points[0]
            .value
            .source
            .describe(&indexed, Lang::Zh),
        format!("本报告 表1 ‘行政诉讼案件’ {} 2022年：“466”", fx::GROUP)
    );
    // Key figures from the paragraphs, as for text.
    assert!(r
        .figures
        .iter()
        .any(|f| f.value.value == 1666.0 && f.unit == "件"));
}

#[test]
fn a_word_file_imports_with_its_structure_table_and_chart() {
    let imp = import_bytes("报告.docx", &docx());
    let r = &imp.report;
    the_fixture_report(r);
    // Inferred from the text, and said so.
    assert_eq!(r.meta.issuer, "某区人民政府");
    assert_eq!(r.meta.published.as_deref(), Some("2025-01-20"));
    let note = r.meta.note.as_deref().unwrap();
    assert!(
        note.contains("落款") && note.contains("由标题推断"),
        "{note}"
    );
    assert!(imp.warnings.iter().any(|w| w.contains("--period")));
    // Word's automatic numbering is written out.
    assert_eq!(r.sections[0].number, "一、");
}

#[test]
fn a_government_page_imports_without_its_chrome() {
    let imp = import_bytes("page.html", page("utf-8").as_bytes());
    let r = &imp.report;
    the_fixture_report(r);
    // Metadata the page states, each saying where it was read.
    assert_eq!(r.meta.issuer, "某区人民政府");
    assert_eq!(r.meta.published.as_deref(), Some("2025-01-21"));
    assert_eq!(r.meta.document_number.as_deref(), Some("某政发〔2025〕3号"));
    assert_eq!(
        r.meta.index_number.as_deref(),
        Some("11370282MB0000000X/2025-00012")
    );
    for field in ["发布机构", "发布日期", "文号", "索引号", "标题"] {
        assert!(
            imp.warnings
                .iter()
                .any(|w| w.contains(&format!("网页信息公开表头“{field}”栏"))),
            "{field}: {:#?}",
            imp.warnings
        );
    }
    let json = serde_json::to_string(r).unwrap();
    for chrome in [
        "当前位置",
        "首页",
        "请输入",
        "搜索",
        "主题分类",
        "浏览次数",
        "字体",
        "打印",
        "关闭窗口",
        "分享到",
        "微信",
        "隐藏",
        "相关文章",
        "主办单位",
        "版权所有",
        "ICP",
        "网站标识码",
        "公网安备",
        "统计",
        "<",
        "&gt;",
    ] {
        assert!(!json.contains(chrome), "“{chrome}” is in the report");
    }
}

#[test]
fn the_page_in_gbk_and_as_mhtml_imports_the_same() {
    let utf8 = import_bytes("page.html", page("utf-8").as_bytes()).report;
    let gbk_page = page("gb2312");
    let (gbk, _, errors) = encoding_rs::GB18030.encode(&gbk_page);
    assert!(!errors);
    let from_gbk = import_bytes("page.htm", &gbk).report;
    assert_eq!(all_text(&from_gbk), all_text(&utf8));
    assert_eq!(from_gbk.charts, utf8.charts);
    // MHTML as Chromium saves it: the page base64-encoded, with the address.
    use base64::Engine;
    let body = base64::engine::general_purpose::STANDARD.encode(&gbk);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let mhtml = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.gov.cn/zwgk/2025/report.html\r\nSubject: page\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc\"\r\n\r\n\r\n------MultipartBoundary--abc\r\nContent-Type: text/html; charset=gb2312\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://www.example.gov.cn/zwgk/2025/report.html\r\n\r\n{}\r\n\r\n------MultipartBoundary--abc--\r\n",
        lines.join("\r\n")
    );
    let imp = import_bytes("page.mhtml", mhtml.as_bytes());
    assert_eq!(all_text(&imp.report), all_text(&utf8));
    assert_eq!(
        imp.report.meta.canonical_url.as_deref(),
        Some("https://www.example.gov.cn/zwgk/2025/report.html")
    );
}

#[test]
fn the_jimo_text_in_gbk_imports_as_in_utf8() {
    let text = read("tests/fixtures/source/jimo-2024.txt");
    let (gbk, _, errors) = encoding_rs::GBK.encode(&text);
    assert!(!errors);
    assert!(std::str::from_utf8(&gbk).is_err(), "really not UTF-8");
    let imp = import_bytes("jimo-gbk.txt", &gbk);
    let want = import::import_text(&text, &import::ImportOptions::default());
    assert_eq!(all_text(&imp.report), all_text(&want.report));
    assert_eq!(imp.report.figures, want.report.figures);
    assert!(imp.warnings.iter().any(|w| w.contains("GB18030")));
}

#[test]
fn what_cannot_be_read_is_refused_by_name_with_what_to_do() {
    let cases: [(&str, Vec<u8>, Code, &str); 6] = [
        (
            "报告.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0".to_vec(),
            Code::OldWord,
            ".docx",
        ),
        (
            "报告.pdf",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(),
            Code::PdfFile,
            "Word",
        ),
        (
            "扫描件.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            Code::ImageFile,
            "Word",
        ),
        (
            "报告.zip",
            fx::zip_of(&[("a.txt", "x")]),
            Code::NotDocx,
            ".docx",
        ),
        ("空.txt", Vec::new(), Code::EmptyFile, "选择"),
        (
            "数据.xlsx",
            fx::zip_of(&[("xl/workbook.xml", "<workbook/>")]),
            Code::SpreadsheetFile,
            "chart add",
        ),
    ];
    for (name, bytes, code, hint) in cases {
        let p = detect::read_document(name, &bytes).expect_err(name);
        assert_eq!(p.code, code, "{name}");
        assert!(p.zh.contains(name) && p.en.contains(name), "{p:?}");
        assert!(
            p.hint_zh.contains(hint) || p.hint_en.contains(hint),
            "{p:?}"
        );
    }
    // A zip that claims to be Word but has no document in it.
    let p =
        detect::read_document("坏.docx", &fx::zip_of(&[("word/styles.xml", "<x/>")])).unwrap_err();
    assert_eq!(p.code, Code::NotDocx);
}

#[test]
fn cells_cited_by_a_chart_are_checked() {
    let good = import_bytes("page.html", page("utf-8").as_bytes()).report;
    let mut json = serde_json::to_value(&good).unwrap();
    let check = |json: &serde_json::Value| -> Vec<Code> {
        let r: Report = serde_json::from_value(json.clone()).unwrap();
        validate(&Indexed::new(r))
            .into_iter()
            .map(|p| p.code)
            .collect()
    };
    assert_eq!(check(&json), []);
    let point = "/charts/0/series/0/points/0/value";
    // A value the cell does not print.
    *json.pointer_mut(&format!("{point}/value")).unwrap() = 467.into();
    assert_eq!(check(&json), [Code::CellMismatch]);
    *json.pointer_mut(&format!("{point}/value")).unwrap() = 466.into();
    // A quote the cell does not hold.
    *json.pointer_mut(&format!("{point}/source/quote")).unwrap() = "46".into();
    assert_eq!(
        check(&json),
        [Code::CellMismatch],
        "466 is not among the numbers of “46”"
    );
    *json.pointer_mut(&format!("{point}/source/quote")).unwrap() = "4660".into();
    assert_eq!(check(&json), [Code::CellMismatch]);
    *json.pointer_mut(&format!("{point}/source/quote")).unwrap() = "466".into();
    // A cell the table does not have, a table that does not exist.
    *json.pointer_mut(&format!("{point}/source/row")).unwrap() = 7.into();
    assert_eq!(check(&json), [Code::NoSuchCell]);
    *json.pointer_mut(&format!("{point}/source/row")).unwrap() = 0.into();
    *json.pointer_mut(&format!("{point}/source/table")).unwrap() = "table-9".into();
    assert_eq!(check(&json), [Code::DanglingTable]);
    *json.pointer_mut(&format!("{point}/source/table")).unwrap() = "table-1".into();
    assert_eq!(check(&json), []);
    // Headings that do not cover the columns.
    let table = "/sections/0/sections/2/blocks";
    let blocks = json.pointer_mut(table).unwrap().as_array_mut().unwrap();
    let t = blocks.iter_mut().find(|b| b["type"] == "table").unwrap();
    t["header"][0][1]["colspan"] = 2.into();
    assert_eq!(check(&json), [Code::BadHeader]);
}

#[test]
fn the_bundled_report_still_loads_with_the_new_format() {
    // Format version 1 extended compatibly: nothing new is required.
    let r = crate::bundled();
    assert!(validate(&r).is_empty());
    assert!(r
        .walk_blocks()
        .iter()
        .all(|b| !matches!(b, Block::Table(t) if t.source.is_none())));
}
