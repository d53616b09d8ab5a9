//! Building a site for one report from the compiled viewer: the report JSON
//! goes into the page, and the page already holds the whole report as
//! static HTML rendered from the same components (Leptos `ssr`), so it is
//! readable before and without WebAssembly.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use report_format::{check_report, Indexed, Lang, Problem};
use report_viewer::ids::{page_file, EMBED_SCRIPT_META, INDEX_FILE, OFFLINE_FILE};
use report_viewer::page::App;

pub mod csp;
pub mod embed;
pub mod offline;
pub mod page;
pub mod plain;
pub mod size;

pub use embed::EMBED_SCRIPT;
use page::{apply, Action, Edit};

/// The file next to the offline copy in `lang` that holds its SHA-256, in
/// the format `sha256sum -c` reads.
pub fn offline_sha256_file(lang: Lang) -> String {
    format!("{}.sha256", page_file(OFFLINE_FILE, lang))
}

/// Which page is being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `index.html`: served, with separate script and WASM files.
    Hosted,
    /// `report.html`: one self-contained file for reading offline.
    Offline,
}

/// Why a site could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The report is not valid: the author must fix it (exit code 1).
    #[error("{} is not a valid report / 报告无效:\n{}", .path.display(), lines(.problems))]
    Invalid {
        /// The report file.
        path: PathBuf,
        /// What is wrong with it.
        problems: Vec<Problem>,
    },
    /// A build option is wrong (exit code 1).
    #[error("{0}")]
    Option(String),
    /// Something could not be read or written, or the compiled viewer is
    /// not as expected (exit code 2).
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

fn lines(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {} {} / {}", p.location, p.zh, p.en))
        .collect::<Vec<_>>()
        .join("\n")
}

impl BuildError {
    /// The process exit code: 1 for input the author must fix, 2 for a
    /// failure to read, write or build.
    pub fn exit_code(&self) -> u8 {
        match self {
            BuildError::Invalid { .. } | BuildError::Option(_) => 1,
            BuildError::Failed(_) => 2,
        }
    }
}

/// The interface languages a site is built in: a page each.
pub const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

/// Renders the report as a reader first sees it, in the interface
/// language `lang`, as static HTML: the page itself.
pub fn prerender(report: &Indexed, lang: Lang, kind: PageKind) -> String {
    let report = Arc::new(report.clone());
    let offline = kind == PageKind::Offline;
    let owner = Owner::new();
    let html = owner.with(|| view! { <App report=report lang=lang offline=offline /> }.to_html());
    // `<!>` marks where Leptos would hydrate; the viewer attaches to the
    // page without hydrating, so they are only nodes for the browser to
    // build (13,000 in a 1,000-section report). Text and attribute values
    // have every `<` escaped, so each `<!>` is a marker.
    html.replace("<!>", "")
}

/// Escapes report JSON for a `<script>` element: no `<` can close it early.
pub fn script_safe_json(report: &Indexed) -> anyhow::Result<String> {
    let json = serde_json::to_string(report.report())?;
    Ok(json.replace('<', "\\u003c"))
}

/// Minifies a style sheet with lightningcss: every page carries the sheet
/// inline, so its bytes count. The output must still work on the phones
/// readers have: lightningcss would otherwise write newer syntax (media
/// ranges such as `(width>=60em)`, which Safari before 16.4 ignores).
pub fn minify_css(css: &str) -> anyhow::Result<String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    use lightningcss::targets::{Browsers, Targets};
    let version = |major: u32| Some(major << 16);
    let targets = Targets::from(Browsers {
        android: version(80),
        chrome: version(80),
        edge: version(80),
        firefox: version(78),
        ios_saf: version(13),
        safari: version(13),
        samsung: version(12),
        ..Browsers::default()
    });
    let mut sheet = StyleSheet::parse(css, ParserOptions::default())
        .map_err(|e| anyhow::anyhow!("the viewer's style sheet does not parse: {e}"))?;
    sheet
        .minify(MinifyOptions {
            targets,
            ..MinifyOptions::default()
        })
        .map_err(|e| anyhow::anyhow!("minifying the style sheet: {e}"))?;
    let out = sheet
        .to_css(PrinterOptions {
            minify: true,
            targets,
            ..PrinterOptions::default()
        })
        .map_err(|e| anyhow::anyhow!("writing the style sheet: {e}"))?;
    Ok(out.code)
}

/// Puts one report into the viewer's page template for the interface
/// language `lang`: the report's language, the page's kind and interface
/// language on `<html>`, a link to each other language's page, the title,
/// the style sheet (with the chart theme rules, minified), the static
/// report in `#app` and the report JSON in `script#report`.
pub fn fill_template(
    template: &str,
    report: &Indexed,
    lang: Lang,
    kind: PageKind,
) -> anyhow::Result<String> {
    let styles = page::read(template, "style")?;
    let [style] = styles.as_slice() else {
        anyhow::bail!(
            "the compiled viewer's page has {} inline style sheets, not one",
            styles.len()
        );
    };
    let (page_kind, base) = match kind {
        PageKind::Hosted => ("hosted", INDEX_FILE),
        PageKind::Offline => ("offline", OFFLINE_FILE),
    };
    // Each other language's page, for the head script (`?lang=`) and for
    // search engines and browsers. An offline file stands alone.
    let alternates: String = LANGS
        .iter()
        .filter(|&&l| l != lang && kind == PageKind::Hosted)
        .map(|&l| {
            format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                l.tag(),
                page_file(base, l)
            )
        })
        .collect();
    let css = format!("{}\n{}", style.text, report_chart::theme_css());
    let mut edits = vec![];
    if kind == PageKind::Hosted {
        edits.push(Edit::one(
            "script[type=\"module\"]",
            Action::Html(start_script(template)?),
        ));
    }
    edits.extend([
        Edit::one(
            "html",
            Action::Attrs(vec![
                ("lang", report.meta.language.clone()),
                ("data-page", page_kind.to_string()),
                ("data-ui-lang", lang.name().to_string()),
            ]),
        ),
        Edit::one("head", Action::Prepend(alternates)),
        Edit::one("title", Action::Text(report.meta.title.clone())),
        Edit::one("style", Action::Html(minify_css(&css)?)),
        Edit::one("#app", Action::Html(prerender(report, lang, kind))),
        Edit::one("script#report", Action::Html(script_safe_json(report)?)),
    ]);
    Ok(apply(template, &edits)?)
}

/// The hosted page's start-up module, in place of Trunk's: the same glue
/// and WASM (their names read from Trunk's preload links), started once
/// the page is painted. Trunk's awaits the WASM at the module's top level,
/// which holds back `DOMContentLoaded`, and with it the first paint, for
/// as long as the WASM takes to arrive and compile; this one returns at
/// once, and the preload link has the WASM on its way meanwhile. (A frame
/// out of view gets no animation frames: a timeout starts it there.)
fn start_script(template: &str) -> anyhow::Result<String> {
    let href = |selector: &str| -> anyhow::Result<String> {
        let found = page::read(template, selector)?;
        match found.as_slice() {
            [one] => one
                .attr("href")
                .map(String::from)
                .ok_or_else(|| anyhow::anyhow!("`{selector}` has no href")),
            _ => anyhow::bail!(
                "the compiled viewer's page has {} `{selector}` links, not one",
                found.len()
            ),
        }
    };
    let glue = href("link[rel=\"modulepreload\"]")?;
    let wasm = href("link[rel=\"preload\"][as=\"fetch\"]")?;
    Ok(format!(
        "\nimport init from '{glue}';\nlet go = () => {{ go = () => {{}}; init({{ module_or_path: '{wasm}' }}); }};\nrequestAnimationFrame(() => setTimeout(() => go(), 0));\nsetTimeout(() => go(), 100);\n"
    ))
}

/// Settings of one site build.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// Leave out the single offline files (a quicker build to look at a
    /// report; a site to publish has them).
    pub no_offline: bool,
    /// Origins besides the one `embed.js` is served from that serve this
    /// viewer at the same path, which `embed.js` may frame too.
    pub embed_origins: Vec<String>,
}

/// What the hosted page says of the site's other files: the hashed embed
/// script with its integrity (for the embed snippets), and the offline
/// copy's SHA-256 (when there is one) after its download link and in the
/// print block, in the page's language. The offline copy itself carries
/// neither: it cannot hold its own hash. Written here rather than by the
/// components, so that the viewer's WASM carries none of it.
fn describe_files(
    page: &str,
    lang: Lang,
    script: &embed::EmbedScript,
    offline_sha256: Option<&str>,
) -> anyhow::Result<String> {
    use report_format::markup::escape;
    let meta = format!(
        "<meta name=\"{EMBED_SCRIPT_META}\" content=\"{} {}\">",
        escape(&script.name),
        escape(&script.integrity)
    );
    let mut edits = vec![Edit::one("head", Action::Append(meta))];
    if let Some(sum) = offline_sha256 {
        let by_link = format!(
            "<span class=\"offline-sha256\" data-testid=\"offline-sha256\">{}<code>{sum}</code></span>",
            lang.pick("离线版 SHA-256 校验值:", "SHA-256 of the offline copy: ")
        );
        let in_print = format!(
            "<div class=\"print-sha256\"><dt>{}</dt><dd>{sum}</dd></div>",
            lang.pick("离线版 SHA-256", "Offline copy SHA-256")
        );
        edits.push(Edit::one(
            "[data-testid=\"download-offline\"]",
            Action::After(by_link),
        ));
        edits.push(Edit::one(".print-meta > dl", Action::Append(in_print)));
    }
    Ok(apply(page, &edits)?)
}

/// Writes the Content-Security-Policy into a finished page (last, so it
/// hashes the final inline scripts and styles).
fn finish(page: &str, kind: csp::Policy) -> anyhow::Result<String> {
    Ok(csp::add_policy(page, kind)?)
}

/// Reads and checks the report at `path`.
pub fn load(path: &Path) -> Result<Indexed, BuildError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))?;
    check_report(&text).map_err(|e| BuildError::Invalid {
        path: path.to_path_buf(),
        problems: e.problems(),
    })
}

/// Writes the site for the report at `report_path` into `out`, using the
/// compiled viewer in `viewer`: for each interface language a hosted page
/// (`index.html`, `index.en.html`) with the viewer's files, and a single
/// offline file (`report.html`, `report.en.html`). Refuses an invalid
/// report.
pub fn build(
    report_path: &Path,
    viewer: &Path,
    out: &Path,
    options: &BuildOptions,
) -> Result<Vec<PathBuf>, BuildError> {
    use anyhow::Context;
    for o in &options.embed_origins {
        if o == "*" || !report_format::is_origin(o) {
            return Err(BuildError::Option(format!(
                "--embed-allow-origin {o}: give an origin such as https://mirror.example.gov.cn / 请写成网页来源,例如 https://mirror.example.gov.cn"
            )));
        }
    }
    let report = load(report_path)?;
    let template_path = viewer.join("index.html");
    let template = std::fs::read_to_string(&template_path).with_context(|| {
        format!(
            "reading the compiled viewer at {} (run `make viewer` first)",
            template_path.display()
        )
    })?;
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut written = Vec::new();
    for entry in std::fs::read_dir(viewer).context("reading the compiled viewer")? {
        let entry = entry.context("reading the compiled viewer")?;
        let name = entry.file_name();
        // The page is filled below; the embed script is written with its
        // settings and hash.
        if name == "index.html"
            || name == EMBED_SCRIPT
            || !entry.file_type().is_ok_and(|t| t.is_file())
        {
            continue;
        }
        let to = out.join(&name);
        std::fs::copy(entry.path(), &to).with_context(|| format!("copying to {}", to.display()))?;
        written.push(to);
    }
    let (files, script) = embed::write(viewer, out, &options.embed_origins)?;
    written.extend(files);
    for lang in LANGS {
        // The offline copy first: the hosted page shows its hash.
        let mut offline_sha256 = None;
        if !options.no_offline {
            let offline_page = finish(
                &offline::single_file(
                    &fill_template(&template, &report, lang, PageKind::Offline)?,
                    viewer,
                )?,
                csp::Policy::Offline,
            )?;
            let sum = embed::sha256_hex(offline_page.as_bytes());
            let name = page_file(OFFLINE_FILE, lang);
            let offline_path = out.join(&name);
            std::fs::write(&offline_path, offline_page)
                .with_context(|| format!("writing {}", offline_path.display()))?;
            written.push(offline_path);
            let sum_path = out.join(offline_sha256_file(lang));
            std::fs::write(&sum_path, format!("{sum}  {name}\n"))
                .with_context(|| format!("writing {}", sum_path.display()))?;
            written.push(sum_path);
            offline_sha256 = Some(sum);
        }
        let page = finish(
            &describe_files(
                &fill_template(&template, &report, lang, PageKind::Hosted)?,
                lang,
                &script,
                offline_sha256.as_deref(),
            )?,
            csp::Policy::Hosted,
        )?;
        let index = out.join(page_file(INDEX_FILE, lang));
        std::fs::write(&index, page).with_context(|| format!("writing {}", index.display()))?;
        written.push(index);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn css_minifies_without_touching_strings_or_meaning() {
        let css = "/* c */\n.a > b ,\n .c  .d {\n  content: \" (\"  attr(href) \") \";\n}\n@media (min-width: 60em) { :root:not([data-text=\"x y\"]) .e { margin: 0 auto; } }\n.f :hover { color: red }\n::highlight(hit) { background: yellow }\n";
        let out = minify_css(css).unwrap();
        assert!(!out.contains("/*") && !out.contains('\n'), "{out}");
        for kept in [
            "\" (\"",
            "\") \"",
            "(min-width:60em)",
            ".f :hover",
            "::highlight(hit)",
            ".c .d",
        ] {
            assert!(out.contains(kept), "{kept} in {out}");
        }
    }
}
