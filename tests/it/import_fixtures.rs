//! The import fixtures, made here: a Word document as Word writes one (a
//! zip of `[Content_Types].xml`, relationships, `word/document.xml` with
//! styles and automatic numbering), and a page in the layout Chinese
//! government sites publish (navigation, breadcrumb, the 信息公开 header,
//! a `TRS_Editor` article, share bar, print and font size controls,
//! footer). The files under `tests/fixtures/import/` are these bytes,
//! committed for the end-to-end test; `UPDATE_SNAPSHOTS=1` writes them
//! again, and a test fails when they differ.

use std::io::Write;

/// The report's text, shared by the Word file and the page.
pub const TITLE: &str = "某区2024年法治政府建设情况报告";
pub const INTRO: &str = "2024年，某区坚持依法行政，法治政府建设取得新成效。现将有关情况报告如下：";
/// (run-in heading printed bold, the rest of the paragraph)
pub const RUN_IN: [(&str, &str); 3] = [
    (
        "（一）坚持依法决策，",
        "制定政府规范性文件2件，出具合法性审查意见1666件，合法性审查率达100%。",
    ),
    (
        "（二）规范行政执法。",
        "全年开展执法培训12期，培训执法人员800人次。",
    ),
    ("（三）化解行政争议。", "行政复议、行政诉讼案件情况见下表。"),
];
pub const CAPTION: &str = "表1 2022—2024年行政案件情况";
pub const PROBLEMS: &str = "部分执法人员能力有待提高，案件办理质量仍需提升。";
pub const HEAD_1: &str = "主要举措和成效";
pub const HEAD_2: &str = "存在问题";
pub const SIGN_OFF: [&str; 3] = ["特此报告。", "某区人民政府", "2025年1月20日"];
/// The table: (row label, values by year).
pub const ROWS: [(&str, [&str; 3]); 2] = [
    ("行政诉讼案件", ["466", "430", "412"]),
    ("行政复议案件", ["221", "300余", "550"]),
];
pub const YEARS: [&str; 3] = ["2022年", "2023年", "2024年"];
pub const GROUP: &str = "案件数量（件）";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A Word paragraph: (text, bold) runs, optional numbering and centring.
fn w_para(runs: &[(&str, bool)], num: Option<(u32, u32)>, centred: bool) -> String {
    let mut ppr = String::new();
    if let Some((id, lvl)) = num {
        ppr += &format!(r#"<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr>"#);
    }
    if centred {
        ppr += r#"<w:jc w:val="center"/>"#;
    }
    let runs: String = runs
        .iter()
        .map(|(t, b)| {
            let rpr = if *b {
                r#"<w:rPr><w:rFonts w:hint="eastAsia"/><w:b/><w:bCs/></w:rPr>"#
            } else {
                r#"<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>"#
            };
            format!(
                r#"<w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r>"#,
                esc(t)
            )
        })
        .collect();
    format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>")
}

fn w_cell(text: &str, span: u32, merge: Option<&str>) -> String {
    let mut pr = String::from(r#"<w:tcW w:w="1800" w:type="dxa"/>"#);
    if span > 1 {
        pr += &format!(r#"<w:gridSpan w:val="{span}"/>"#);
    }
    match merge {
        Some("restart") => pr += r#"<w:vMerge w:val="restart"/>"#,
        Some(_) => pr += "<w:vMerge/>",
        None => {}
    }
    format!(
        "<w:tc><w:tcPr>{pr}</w:tcPr>{}</w:tc>",
        w_para(&[(text, false)], None, true)
    )
}

/// `word/document.xml`.
fn document_xml() -> String {
    let mut body = String::new();
    body += &w_para(&[(TITLE, true)], None, true);
    body += &w_para(&[(INTRO, false)], None, false);
    // 一、 is Word's automatic numbering: not in the text.
    body += &w_para(&[(HEAD_1, false)], Some((1, 0)), false);
    for (head, rest) in RUN_IN {
        // The bold heading split over two runs, as Word often writes it.
        let (a, b) = head.split_at("（一）".len());
        body += &w_para(&[(a, true), (b, true), (rest, false)], None, false);
    }
    body += &w_para(&[(CAPTION, true)], None, true);
    // The table: 类别 merged down two rows, 案件数量 across three columns.
    let mut rows = String::new();
    let header_row =
        |cells: String| format!(r#"<w:tr><w:trPr><w:tblHeader/></w:trPr>{cells}</w:tr>"#);
    rows += &header_row(format!(
        "{}{}",
        w_cell("类别", 1, Some("restart")),
        w_cell(GROUP, 3, None)
    ));
    rows += &header_row(format!(
        "{}{}",
        w_cell("", 1, Some("continue")),
        YEARS.iter().map(|y| w_cell(y, 1, None)).collect::<String>()
    ));
    for (label, values) in ROWS {
        rows += &format!(
            "<w:tr>{}{}</w:tr>",
            w_cell(label, 1, None),
            values
                .iter()
                .map(|v| w_cell(v, 1, None))
                .collect::<String>()
        );
    }
    body += &format!(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/></w:tblGrid>{rows}</w:tbl>"#
    );
    body += &w_para(&[(HEAD_2, false)], Some((1, 0)), false);
    body += &w_para(&[(PROBLEMS, false)], None, false);
    for line in SIGN_OFF {
        body += &w_para(&[(line, false)], None, false);
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="Normal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>"#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

/// A zip of `parts`, with fixed times so the bytes never change.
pub fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::from_date_and_time(2025, 1, 20, 9, 0, 0).unwrap());
    for (name, text) in parts {
        out.start_file(*name, options).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The Word document.
pub fn docx() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/document.xml", &document_xml()),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
    ])
}

/// The page, declaring `charset`.
pub fn page(charset: &str) -> String {
    let paras: String = RUN_IN
        .iter()
        .map(|(h, rest)| format!("<p style=\"text-indent:2em\"><strong>{h}</strong>{rest}</p>\n"))
        .collect();
    let years: String = YEARS.iter().map(|y| format!("<th>{y}</th>")).collect();
    let rows: String = ROWS
        .iter()
        .map(|(l, v)| {
            format!(
                "<tr><td>{l}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                v[0], v[1], v[2]
            )
        })
        .collect();
    format!(
        r##"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta name="SiteName" content="某区人民政府">
<meta name="ColumnName" content="法治政府建设">
<meta name="ArticleTitle" content="{TITLE}">
<meta name="PubDate" content="2025-01-21 09:30">
<meta name="ContentSource" content="某区司法局">
<title>{TITLE}_某区人民政府</title>
<link rel="stylesheet" href="/css/style.css">
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="header"><div class="top-bar">无障碍浏览 | 长者模式 | 登录</div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="main">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 法治政府建设</div>
<table class="xxgk-table">
<tr><td class="label">索引号：</td><td>11370282MB0000000X/2025-00012</td><td class="label">主题分类：</td><td>司法</td></tr>
<tr><td class="label">发布机构：</td><td>某区人民政府</td><td class="label">成文日期：</td><td>2025-01-20</td></tr>
<tr><td class="label">文号：</td><td>某政发〔2025〕3号</td><td class="label">发布日期：</td><td>2025-01-21</td></tr>
<tr><td class="label">标题：</td><td colspan="3">{TITLE}</td></tr>
</table>
<div class="article">
<h1 class="article-title">{TITLE}</h1>
<div class="article-info">发布时间：2025-01-21 09:30 来源：某区司法局 浏览次数：<span id="count">1024</span></div>
<div class="tools">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
<p style="text-indent:2em">{INTRO}</p>
<p style="text-indent:2em"><strong>一、{HEAD_1}</strong></p>
{paras}<p style="text-align:center"><strong>{CAPTION}</strong></p>
<table border="1" cellspacing="0">
<thead>
<tr><th rowspan="2">类别</th><th colspan="3">{GROUP}</th></tr>
<tr>{years}</tr>
</thead>
<tbody>{rows}</tbody>
</table>
<p style="text-indent:2em"><strong>二、{HEAD_2}</strong></p>
<p style="text-indent:2em">{PROBLEMS}</p>
<p style="text-indent:2em">{s0}</p>
<p style="text-align:right">{s1}</p>
<p style="text-align:right">{s2}</p>
</div></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div style="display:none">隐藏的统计文字</div>
</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a.html">某区2023年法治政府建设情况报告</a></li></ul></div>
</div>
<div class="footer">
<p>主办单位：某区人民政府办公室 版权所有</p>
<p>网站标识码：3702820000 鲁ICP备00000000号 鲁公网安备 37028202000000号</p>
</div>
<script src="/js/common.js"></script>
</body>
</html>
"##,
        s0 = SIGN_OFF[0],
        s1 = SIGN_OFF[1],
        s2 = SIGN_OFF[2],
    )
}

/// Every paragraph of report text the fixtures hold, as a reader sees it
/// (numbering included).
pub fn report_lines() -> Vec<String> {
    let mut out = vec![
        TITLE.to_string(),
        INTRO.to_string(),
        format!("一、{HEAD_1}"),
    ];
    for (h, rest) in RUN_IN {
        out.push(format!("{h}{rest}"));
    }
    out.push(format!("二、{HEAD_2}"));
    out.push(PROBLEMS.to_string());
    out.extend(SIGN_OFF.iter().map(|s| s.to_string()));
    out
}

#[test]
fn committed_fixtures_are_what_the_generator_makes() {
    let files: [(&str, Vec<u8>); 2] = [
        ("tests/fixtures/import/report.docx", docx()),
        (
            "tests/fixtures/import/page.html",
            page("utf-8").into_bytes(),
        ),
    ];
    for (path, bytes) in files {
        let at = crate::repo(path);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&at, &bytes).unwrap();
        }
        let committed = std::fs::read(&at).unwrap_or_default();
        assert!(
            committed == bytes,
            "{path} is not what the generator makes: run UPDATE_SNAPSHOTS=1 cargo test --test it import_fixtures"
        );
    }
}
