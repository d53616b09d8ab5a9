//! Building a site for one report from the compiled viewer: the report JSON
//! goes into the page, and the page already holds the whole report as
//! static HTML rendered from the same components (Leptos `ssr`), so it is
//! readable before and without WebAssembly.
//!
//! Only the command-line tool uses this module (feature `cli`).

use std::path::Path;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use crate::model::{parse_report, Report};

pub mod csp;
pub mod offline;
pub mod plain;
pub mod size;

/// Name of the single offline file in a built site.
pub const OFFLINE_FILE: &str = crate::ui::OFFLINE_FILE;

/// Name of the script partner pages include to embed the viewer.
pub const EMBED_SCRIPT: &str = "embed.js";

/// Which page is being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `index.html`: served, with separate script and WASM files.
    Hosted,
    /// `report.html`: one self-contained file for reading offline.
    Offline,
}
use crate::ui::{App, ViewOptions};

/// Marks in the viewer's `index.html` that a build fills in.
const STATIC_START: &str = "<!--static-->";
const STATIC_END: &str = "<!--/static-->";
const DATA_EMPTY: &str = "<script type=\"application/json\" id=\"report\">null</script>";

/// Renders the report as the viewer would show it on first paint, as
/// static HTML.
pub fn prerender(report: &Report, kind: PageKind) -> String {
    let report = Arc::new(report.clone());
    let options = ViewOptions {
        offline: kind == PageKind::Offline,
        ..ViewOptions::default()
    };
    let owner = Owner::new();
    let html = owner.with(|| view! { <App report=Ok(report) options=options /> }.to_html());
    // `<!>` marks where Leptos would hydrate; the viewer replaces the static
    // HTML rather than hydrating it, so they are only nodes for the browser
    // to build (13,000 in a 1,000-section report). Text and attribute
    // values have every `<` escaped, so each `<!>` is a marker.
    html.replace("<!>", "")
}

/// Escapes report JSON for a `<script>` element: no `<` can close it early.
pub fn script_safe_json(report: &Report) -> Result<String> {
    let json = serde_json::to_string(report).context("serialising the report")?;
    Ok(json.replace('<', "\\u003c"))
}

/// Escapes text for HTML element content.
fn escape_html(s: &str) -> String {
    crate::chart::escape_xml(s)
}

/// Puts one report into the viewer's page template.
pub fn fill_template(template: &str, report: &Report, kind: PageKind) -> Result<String> {
    let (Some(a), Some(b)) = (template.find(STATIC_START), template.find(STATIC_END)) else {
        bail!("the viewer's index.html has no {STATIC_START} … {STATIC_END} marks");
    };
    if !template.contains(DATA_EMPTY) {
        bail!("the viewer's index.html has no empty report script element");
    }
    let mut page = String::with_capacity(template.len() + 200_000);
    page.push_str(&template[..a + STATIC_START.len()]);
    page.push_str(&prerender(report, kind));
    page.push_str(&template[b..]);
    let data = format!(
        "<script type=\"application/json\" id=\"report\">{}</script>",
        script_safe_json(report)?
    );
    let page = page.replacen(DATA_EMPTY, &data, 1);
    let page = replace_title(&page, &report.meta.title);
    let page = minify_style(&page);
    let lang = escape_html(&report.meta.language);
    let page_attr = match kind {
        PageKind::Hosted => "hosted",
        PageKind::Offline => "offline",
    };
    Ok(page.replacen(
        "<html lang=\"zh-CN\">",
        &format!("<html lang=\"{lang}\" data-page=\"{page_attr}\">"),
        1,
    ))
}

/// The page with its inlined style sheet without comments and needless
/// white space: every page carries the sheet, so its bytes count.
fn minify_style(page: &str) -> String {
    match (page.find("<style>"), page.find("</style>")) {
        (Some(a), Some(b)) if a < b => format!(
            "{}{}{}",
            &page[..a + "<style>".len()],
            minify_css(&page[a + "<style>".len()..b]),
            &page[b..]
        ),
        _ => page.to_string(),
    }
}

/// Removes comments, collapses white space and drops it next to `{ } ; ,`
/// and `>`, and after `:` (before one it can be a descendant selector);
/// strings are copied as they are.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            '"' | '\'' => {
                if space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', '>', ':']) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            out.push(e);
                        }
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' | '>' => {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push(c);
                space = false;
            }
            c => {
                if space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', '>', ':']) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

fn replace_title(page: &str, title: &str) -> String {
    match (page.find("<title>"), page.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!(
            "{}<title>{}</title>{}",
            &page[..a],
            escape_html(title),
            &page[b + "</title>".len()..]
        ),
        _ => page.to_string(),
    }
}

/// Settings of one site build.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// Origins besides the site's own from which `?report=` may load a
    /// report. Kept in the page, never in a report, so that a report cannot
    /// allow itself.
    pub report_origins: Vec<String>,
}

pub use crate::ui::REPORT_ORIGINS_META;

/// Writes the site-level settings into a filled page: allowed report
/// origins, then the Content-Security-Policy (last, so it hashes the final
/// inline scripts and styles).
fn finish(page: &str, kind: csp::Policy, options: &BuildOptions) -> String {
    let origins = escape_html(&options.report_origins.join(" "));
    let meta = format!("<meta name=\"{REPORT_ORIGINS_META}\" content=\"{origins}\">\n<title>");
    let page = page.replacen("<title>", &meta, 1);
    csp::add_policy(&page, kind, &options.report_origins)
}

/// Writes the hosted site for the report at `report_path` into `out`,
/// using the compiled viewer in `viewer`: `index.html` with its files, and
/// the single offline file. Refuses an invalid report.
pub fn build(
    report_path: &Path,
    viewer: &Path,
    out: &Path,
    options: &BuildOptions,
) -> Result<Vec<std::path::PathBuf>> {
    for o in &options.report_origins {
        if o == "*" || !crate::model::is_origin(o) {
            bail!("--allow-report-origin {o}: give an origin such as https://data.example.gov.cn");
        }
    }
    let text = std::fs::read_to_string(report_path)
        .with_context(|| format!("reading {}", report_path.display()))?;
    let report = parse_report(&text).map_err(|e| {
        let lines: Vec<String> = e
            .diagnostics()
            .iter()
            .map(|d| format!("  {} {} / {}", d.location, d.zh, d.en))
            .collect();
        anyhow::anyhow!(
            "{} is not a valid report / 报告无效:\n{}",
            report_path.display(),
            lines.join("\n")
        )
    })?;
    let template_path = viewer.join("index.html");
    let template = std::fs::read_to_string(&template_path).with_context(|| {
        format!(
            "reading the compiled viewer at {} (run `make viewer` first)",
            template_path.display()
        )
    })?;
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut written = Vec::new();
    for entry in std::fs::read_dir(viewer)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "index.html" || !entry.file_type()?.is_file() {
            continue;
        }
        let to = out.join(&name);
        std::fs::copy(entry.path(), &to).with_context(|| format!("copying to {}", to.display()))?;
        written.push(to);
    }
    let page = finish(
        &fill_template(&template, &report, PageKind::Hosted)?,
        csp::Policy::Hosted,
        options,
    );
    let index = out.join("index.html");
    std::fs::write(&index, page).with_context(|| format!("writing {}", index.display()))?;
    written.push(index);
    let offline_page = finish(
        &offline::single_file(
            &fill_template(&template, &report, PageKind::Offline)?,
            viewer,
        )?,
        csp::Policy::Offline,
        &BuildOptions::default(),
    );
    let offline_path = out.join(OFFLINE_FILE);
    std::fs::write(&offline_path, offline_page)
        .with_context(|| format!("writing {}", offline_path.display()))?;
    written.push(offline_path);
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn css_minifies_without_touching_strings_or_meaning() {
        let css = "/* c */\n.a > b ,\n .c  .d {\n  content: \" (\"  attr(href) \") \";\n  transform: translate(-50%, calc(-100% - 12px));\n}\n@media (min-width: 60em) { :root:not([data-text=\"x y\"]) .e { margin: 0 auto; } }\n.f :hover { color: red }\n";
        assert_eq!(
            minify_css(css),
            ".a>b,.c .d{content:\" (\" attr(href) \") \";transform:translate(-50%,calc(-100% - 12px));}@media (min-width:60em){:root:not([data-text=\"x y\"]) .e{margin:0 auto;}}.f :hover{color:red}"
        );
    }
}
