//! 繁體: the bundled report converted to traditional characters for its
//! page in them, the viewer's own words with it, and the page itself.

use report_cli::site::hant::{strings, Converter, VIEWER_WORDS};
use report_cli::site::{fill_template, PageKind, Scripts};
use report_format::{Block, Lang, Provenance, Script};

use crate::bundled;

/// The compiled viewer's page as Trunk writes it, for an offline file.
const TEMPLATE: &str =
    "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>t</title>\
    <style>p{}</style><script>say(\"交互功能未能启动\")</script></head><body>\
    <noscript><p lang=\"zh-CN\">本页脚本未运行</p></noscript><div id=\"app\"></div>\
    <script type=\"application/json\" id=\"report\">null</script></body></html>";

#[test]
fn the_bundled_report_converts_and_stays_valid() {
    let r = bundled();
    let scripts = Scripts::new(&r).expect("the converted report is valid");
    let t = scripts
        .hant_report()
        .expect("a report in simplified Chinese converts");
    assert_eq!(t.meta.language, "zh-Hant");
    assert_eq!(t.meta.title, "青島市即墨區2024年法治政府建設情況報告");
    // Every paragraph, and every quote still in the paragraph it quotes
    // (validation checks it; here the words themselves).
    let paragraphs: Vec<(&str, &str)> = t
        .walk_blocks()
        .into_iter()
        .filter_map(|b| match b {
            Block::Paragraph { id, text } => Some((id.as_str(), text.as_str())),
            _ => None,
        })
        .collect();
    assert!(paragraphs.iter().any(|(_, p)| p.contains("行政複議")));
    assert!(!paragraphs.iter().any(|(_, p)| p.contains("行政复议")));
    for f in &t.figures {
        if let Provenance::Paragraph { paragraph, quote } = &f.value.source {
            let text = t.paragraph_text(paragraph).unwrap();
            assert!(text.contains(quote.as_str()), "{} in {paragraph}", quote);
        }
    }
    // Ids, addresses and numbers are as written.
    let numbers = |r: &report_format::Indexed| -> Vec<(String, f64)> {
        r.figures
            .iter()
            .map(|f| (f.id.clone(), f.value.value))
            .chain(r.charts.iter().flat_map(|c| {
                c.series
                    .iter()
                    .flat_map(|s| s.points.iter().map(|p| (s.id.clone(), p.value.value)))
            }))
            .collect()
    };
    assert_eq!(numbers(t), numbers(&r));
    assert_eq!(t.meta.canonical_url, r.meta.canonical_url);
}

#[test]
fn the_page_shows_the_text_its_json_carries() {
    // The page is the report as written, converted node by node; the JSON
    // the report converted field by field: a paragraph reads the same in
    // both, so search, tips and links agree with what a reader sees.
    let r = bundled();
    let scripts = Scripts::new(&r).unwrap();
    let page = scripts
        .fill(TEMPLATE, Lang::Zh, Script::Hant, PageKind::Offline)
        .unwrap();
    let t = scripts.hant_report().unwrap();
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    for b in t.walk_blocks() {
        if let Block::Paragraph { id, text } = b {
            assert!(page.contains(&escape(text)), "{id}: {text}");
        }
    }
    for s in t.walk_sections() {
        assert!(page.contains(&escape(&s.1.title)), "{}", s.1.title);
    }
}

#[test]
fn the_viewer_words_table_converts_every_word_and_no_report_text() {
    let r = bundled();
    let scripts = Scripts::new(&r).unwrap();
    assert!(
        scripts.unresolved_words().is_empty(),
        "{:?}",
        scripts.unresolved_words()
    );
    let table = scripts.hant_table().unwrap();
    let cc = Converter::new().unwrap();
    let words: Vec<&str> = VIEWER_WORDS.lines().collect();
    // The build read the viewer's words from its source: messages, chart
    // words, the error panel's.
    for w in [
        "单位:{}",
        "没有找到“{q}”",
        "已复制代码",
        "无法显示报告的交互功能",
    ] {
        assert!(words.contains(&w), "{w}");
    }
    for w in &words {
        assert_eq!(table.convert(w), cc.text(w), "{w}");
    }
    let t = serde_json::to_value(scripts.hant_report().unwrap().report()).unwrap();
    for s in strings(&t) {
        assert_eq!(table.convert(s), s, "report text changed by the table");
    }
}

#[test]
fn the_page_in_traditional_characters_says_so_and_links_both_ways() {
    let r = bundled();
    let scripts = Scripts::new(&r).unwrap();
    let template = TEMPLATE;
    let hant = scripts
        .fill(template, Lang::Zh, Script::Hant, PageKind::Offline)
        .unwrap();
    assert!(hant.contains("<html lang=\"zh-Hant\""), "{}", &hant[..300]);
    assert!(hant.contains("data-script=\"hant\""));
    assert!(hant.contains("交互功能未能啟動") && hant.contains("本頁腳本未運行"));
    assert!(hant.contains("<p lang=\"zh-Hant\">"));
    assert!(hant.contains("長者模式") && hant.contains("跳到正文"));
    assert!(hant.contains("<meta name=\"report-viewer:hant\""));
    assert!(hant.contains("<meta name=\"report-viewer:fold\""));
    assert!(!hant.contains("行政复议"));
    // The JSON is the converted report, untouched by the page's pass.
    let json = &hant[hant.find("id=\"report\">").unwrap() + 12..];
    let json = &json[..json.find("</script>").unwrap()];
    let parsed = report_format::parse_report(&json.replace("\\u003c", "<")).unwrap();
    assert_eq!(parsed.report(), scripts.hant_report().unwrap().report());
    // An offline file stands alone: no links to other pages.
    assert!(!hant.contains("rel=\"alternate\""));
    assert!(!hant.contains("data-script-choice"));

    // Hosted pages link each other, and the Chinese ones carry 简体 / 繁體.
    let hosted_template = template.replace(
        "<style>",
        "<link rel=\"modulepreload\" href=\"./x.js\"><link rel=\"preload\" href=\"./x_bg.wasm\" as=\"fetch\">\
         <script type=\"module\">import init from './x.js';</script><style>",
    );
    let hosted = |lang, script| {
        scripts
            .fill(&hosted_template, lang, script, PageKind::Hosted)
            .unwrap()
    };
    let (hans, hant, en) = (
        hosted(Lang::Zh, Script::Hans),
        hosted(Lang::Zh, Script::Hant),
        hosted(Lang::En, Script::Hans),
    );
    for (page, links) in [
        (
            &hans,
            [
                "hreflang=\"en\" href=\"index.en.html\"",
                "hreflang=\"zh-Hant\" href=\"index.hant.html\"",
            ],
        ),
        (
            &hant,
            [
                "hreflang=\"zh-CN\" href=\"index.html\"",
                "hreflang=\"en\" href=\"index.en.html\"",
            ],
        ),
        (
            &en,
            [
                "hreflang=\"zh-CN\" href=\"index.html\"",
                "hreflang=\"zh-Hant\" href=\"index.hant.html\"",
            ],
        ),
    ] {
        for l in links {
            assert!(
                page.contains(&format!("<link rel=\"alternate\" {l}>")),
                "{l}"
            );
        }
    }
    for page in [&hans, &hant] {
        // Each link names its script in that script, on both pages.
        assert!(page.contains(">简体</a>") && page.contains(">繁體</a>"));
        assert!(page.contains("href=\"index.hant.html?script=hant\""));
        assert!(page.contains("href=\"index.html?script=hans\""));
    }
    assert!(hant.contains("aria-current=\"page\" data-script-choice=\"hant\""));
    assert!(hans.contains("aria-current=\"page\" data-script-choice=\"hans\""));
    assert!(
        hant.contains("href=\"report.hant.html\""),
        "the offline download in 繁體"
    );
    assert!(!en.contains("data-script-choice"));
    assert!(
        !hans.contains("<meta name=\"report-viewer:hant\"") && hans.contains("report-viewer:fold")
    );

    let hans = fill_template(template, &r, Lang::Zh, PageKind::Offline).unwrap();
    assert!(hans.contains("<html lang=\"zh-CN\"") && !hans.contains("data-script"));
    assert!(hans.contains("交互功能未能启动"));
}
