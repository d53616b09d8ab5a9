//! The static HTML a site is built with holds the whole report, with
//! report text escaped, so the page reads fully before and without WASM.

use report_cli::site::{fill_template, prerender};
use report_format::{parse_report, Block, Lang};

use crate::{bundled, minimal};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn static_html_holds_every_paragraph_figure_and_chart() {
    let r = bundled();
    let html = prerender(&r, Lang::Zh, report_cli::site::PageKind::Hosted);
    for b in r.walk_blocks() {
        if let Block::Paragraph { id, text } = b {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
            assert!(html.contains(&escape(text)), "{id} text");
        }
    }
    for f in &r.figures {
        assert!(html.contains(&format!("id=\"{}\"", f.id)), "{}", f.id);
    }
    for c in &r.charts {
        assert!(
            html.contains(&format!("data-chart=\"{}\"", c.id)),
            "{} svg",
            c.id
        );
        let points: usize = c.series.iter().map(|s| s.points.len()).sum();
        let start = html.find(&format!("data-chart=\"{}\"", c.id)).unwrap();
        let figure = &html[start..start + html[start..].find("</figure>").unwrap()];
        assert_eq!(figure.matches("class=\"pt\"").count(), points, "{}", c.id);
    }
    // Sections are native disclosures, open by default.
    for (_, _, s) in r.sections() {
        let tag = format!("<details id=\"{}\" open class=\"sec ", s.id);
        assert!(html.contains(&tag), "{tag}");
    }
    assert_eq!(html.matches("<h1").count(), 1);
}

#[test]
fn report_text_never_becomes_markup() {
    let mut v = minimal();
    let evil = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    v["meta"]["title"] = evil.into();
    v["sections"][0]["title"] = evil.into();
    v["sections"][0]["sections"][0]["blocks"][0]["text"] =
        format!("受理申请550件,同比增长148%,配备人员2.1万余名。{evil}").into();
    v["charts"][0]["series"][0]["name"] = evil.into();
    v["figures"][0]["label"] = evil.into();
    let r = parse_report(&v.to_string()).expect("still valid");
    // The compiled viewer's page as Trunk writes it: the style sheet
    // inlined, the start-up script, the empty report element.
    let template = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>t</title>\
        <link rel=\"modulepreload\" href=\"./x.js\"><link rel=\"preload\" href=\"./x_bg.wasm\" as=\"fetch\">\
        <style>p { color: red }</style><script type=\"module\">import init from './x.js';</script></head>\
        <body><div id=\"app\"><p>loading</p></div><script type=\"application/json\" id=\"report\">null</script></body></html>";
    let page = fill_template(template, &r, Lang::Zh, report_cli::site::PageKind::Hosted).unwrap();
    assert!(!page.contains("<img src=x"), "no element from report text");
    assert!(
        !page.contains("<script>alert"),
        "no script from report text"
    );
    // The JSON in the page cannot close its script element early.
    let data = &page[page.find("id=\"report\">").unwrap()..];
    let data = &data[..data.find("</script>").unwrap()];
    assert!(!data[12..].contains('<'));
    assert!(page.contains("<title>&lt;img"));
}

/// The islands' markup in `html`, each `<viewer-island …>…</viewer-island>`.
fn islands(html: &str) -> Vec<&str> {
    let close = "</viewer-island>";
    html.match_indices("<viewer-island")
        .map(|(at, _)| &html[at..at + html[at..].find(close).unwrap() + close.len()])
        .collect()
}

#[test]
fn hydration_markers_are_kept_in_islands_only_and_text_like_them_is_kept() {
    // Only islands hydrate, and they need Leptos' `<!>` markers; elsewhere
    // they would only be nodes to build. Report text that looks like one
    // stays text.
    let mut r = bundled().into_report();
    r.meta.title = "标题<!>与<!---->".into();
    let html = prerender(&r.into(), Lang::Zh, report_cli::site::PageKind::Hosted);
    assert!(html.contains("标题&lt;!&gt;与&lt;!----&gt;"));
    let found = islands(&html);
    assert_eq!(found.len(), report_viewer::hooks::Island::ALL.len());
    let mut outside = html.clone();
    for island in &found {
        outside = outside.replace(island, "");
    }
    assert!(!outside.contains("<!>"));
    // Leptos does write them: the bundled report has hundreds of places,
    // and each island keeps its own exactly as rendered.
    let r = bundled();
    let owner = leptos::prelude::Owner::new();
    let raw = owner.with(|| {
        use leptos::prelude::*;
        use report_viewer::page::App;
        view! { <App report=std::sync::Arc::new(r.clone()) lang=Lang::Zh offline=false /> }
            .to_html()
    });
    assert!(raw.matches("<!>").count() > 100);
    let html = prerender(&r, Lang::Zh, report_cli::site::PageKind::Hosted);
    assert_eq!(islands(&raw), islands(&html));
    let kept: usize = islands(&html)
        .iter()
        .map(|i| i.matches("<!>").count())
        .sum();
    assert_eq!(
        html.len(),
        raw.len() - 3 * (raw.matches("<!>").count() - kept)
    );
}

#[test]
fn markers_are_stripped_between_islands_not_in_them() {
    let html =
        "<p>a<!>b</p><viewer-island data-island=\"x\"><b><!>c</b></viewer-island><!><i><!></i>";
    assert_eq!(
        report_cli::site::strip_markers(html),
        "<p>ab</p><viewer-island data-island=\"x\"><b><!>c</b></viewer-island><i></i>"
    );
    assert_eq!(report_cli::site::strip_markers("<!>x<!>"), "x");
}

/// The browser layer's first state draws exactly what the page carries:
/// each chart's drawing in the static HTML is `draw` of the default
/// state, so taking over redraws nothing at the default width, and every
/// later drawing is of the same kind.
#[test]
fn each_chart_on_the_page_is_the_first_state_s_drawing() {
    use report_chart::draw;
    use report_viewer::state::chart::{page_options, ChartState};
    let r = bundled();
    for lang in [Lang::Zh, Lang::En] {
        let html = prerender(&r, lang, report_cli::site::PageKind::Hosted);
        for c in &r.charts {
            let want = draw(c, &ChartState::default().style(lang), &page_options(&c.id))
                .unwrap()
                .svg;
            // The drawing stands in its box, whose attributes Leptos writes
            // (the SVG is the box's whole content).
            let start = html.find(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"400\" viewBox=\"0 0 720 400\" class=\"chart\" data-chart=\"{}\"", c.id)).unwrap_or_else(|| panic!("{} drawn", c.id));
            assert!(
                html[start..].starts_with(&want),
                "{} {lang:?}: the page's drawing is the first state's",
                c.id
            );
        }
    }
}
