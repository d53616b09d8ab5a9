//! Building a site for one report from the compiled viewer: the report JSON
//! goes into the page, and the page already holds the whole report as
//! static HTML rendered from the same components (Leptos `ssr`), so it is
//! readable before and without WebAssembly.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use report_format::{check_report, Indexed, Lang, Problem, Script};
use report_viewer::hooks::{self, ISLAND_TAG};
use report_viewer::ids::{
    has_hant_page, script_page_file, EMBED_SCRIPT_META, FOLD_META, HANT_META, INDEX_FILE,
    OFFLINE_FILE,
};
use report_viewer::page::App;

pub mod csp;
mod css;
pub mod embed;
pub mod hant;
pub mod offline;
pub mod page;
pub mod plain;
pub mod size;

pub use css::minify_css;
pub use embed::EMBED_SCRIPT;
use page::{apply, Action, Edit};

/// The file next to the offline copy in `lang` that holds its SHA-256, in
/// the format `sha256sum -c` reads.
pub fn offline_sha256_file(lang: Lang, script: Script) -> String {
    format!("{}.sha256", script_page_file(OFFLINE_FILE, lang, script))
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
    prerender_in(report, lang, Script::Hans, kind, false)
}

/// [`prerender`] for the page in `script` (rendered in the report's own
/// characters; the build converts a page in traditional characters after),
/// with the 简体 / 繁體 links where `hant_page`: the site has the page in
/// traditional characters.
pub fn prerender_in(
    report: &Indexed,
    lang: Lang,
    script: Script,
    kind: PageKind,
    hant_page: bool,
) -> String {
    let report = Arc::new(report.clone());
    let offline = kind == PageKind::Offline;
    let owner = Owner::new();
    let html = owner.with(|| {
        view! { <App report=report lang=lang offline=offline script=script hant_page=hant_page /> }
            .to_html()
    });
    strip_markers(&html)
}

/// Removes Leptos' hydration markers (`<!>`) outside the islands
/// (`report_viewer::hooks`): only an island is hydrated, and it needs its
/// markers to find its place; elsewhere they are only nodes for the
/// browser to build (13,000 in a 1,000-section report). Text and attribute
/// values have every `<` escaped, so each `<!>` is a marker and each
/// `<viewer-island` an island; islands do not nest.
pub fn strip_markers(html: &str) -> String {
    let open = format!("<{ISLAND_TAG}");
    let close = format!("</{ISLAND_TAG}>");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        out.push_str(&rest[..at].replace("<!>", ""));
        let end = rest[at..]
            .find(&close)
            .map_or(rest.len(), |e| at + e + close.len());
        out.push_str(&rest[at..end]);
        rest = &rest[end..];
    }
    out.push_str(&rest.replace("<!>", ""));
    out
}

/// Escapes report JSON for a `<script>` element: no `<` can close it early.
pub fn script_safe_json(report: &Indexed) -> anyhow::Result<String> {
    let json = serde_json::to_string(report.report())?;
    Ok(json.replace('<', "\\u003c"))
}

/// Puts one report into the viewer's page template for the interface
/// language `lang`: the report's language, the page's kind and interface
/// language on `<html>`, a link to each other language's page, the title,
/// the style sheet (with the chart theme rules, minified), the static
/// report in `#app` and the report JSON in `script#report`. (The page in
/// simplified characters; a site's pages come from [`Scripts`].)
pub fn fill_template(
    template: &str,
    report: &Indexed,
    lang: Lang,
    kind: PageKind,
) -> anyhow::Result<String> {
    Scripts::simplified(report).fill(template, lang, Script::Hans, kind)
}

/// A report in each script it has a page in: as written, and, for a report
/// in simplified Chinese, converted to traditional characters with what
/// the browser layer needs there.
pub struct Scripts<'a> {
    /// The report as written.
    report: &'a Indexed,
    /// The traditional characters' page, where the report has one.
    hant: Option<HantPages>,
    /// Traditional → simplified pairs of the report's characters that
    /// search does not fold already (on every page).
    fold: String,
}

/// What the pages in traditional characters are made of.
struct HantPages {
    cc: hant::Converter,
    /// The report converted.
    report: Indexed,
    /// The viewer's own words in traditional characters.
    table: hant::ViewerTable,
}

impl<'a> Scripts<'a> {
    /// The report's pages in simplified characters only.
    pub fn simplified(report: &'a Indexed) -> Scripts<'a> {
        Scripts {
            report,
            hant: None,
            fold: String::new(),
        }
    }

    /// The report's pages: a report in simplified Chinese also gets its
    /// pages in traditional characters. Fails when the converted report is
    /// not valid (a quote lost, which would be a defect here).
    pub fn new(report: &'a Indexed) -> Result<Scripts<'a>, BuildError> {
        if !has_hant_page(&report.meta.language) {
            return Ok(Scripts::simplified(report));
        }
        let cc = hant::Converter::new()?;
        let converted =
            hant::convert_report(&cc, report).map_err(|problems| BuildError::Invalid {
                path: PathBuf::from("(繁體 / traditional characters)"),
                problems,
            })?;
        let before = serde_json::to_value(report.report()).map_err(anyhow::Error::from)?;
        let after = serde_json::to_value(converted.report()).map_err(anyhow::Error::from)?;
        let (before, after) = (hant::strings(&before), hant::strings(&after));
        let fold = hant::fold_pairs(&before, &after);
        let table = hant::viewer_table(&cc, hant::VIEWER_WORDS, &after.join("\n"));
        Ok(Scripts {
            report,
            hant: Some(HantPages {
                cc,
                report: converted,
                table,
            }),
            fold,
        })
    }

    /// The scripts the pages of interface language `lang` come in: the
    /// Chinese interface's in both where the report converts.
    pub fn scripts(&self, lang: Lang) -> Vec<Script> {
        match (lang, &self.hant) {
            (Lang::Zh, Some(_)) => vec![Script::Hans, Script::Hant],
            _ => vec![Script::Hans],
        }
    }

    /// The report in traditional characters, where it has a page in them.
    pub fn hant_report(&self) -> Option<&Indexed> {
        self.hant.as_ref().map(|h| &h.report)
    }

    /// The table of the viewer's own words on the page in traditional
    /// characters, where the report has one.
    pub fn hant_table(&self) -> Option<&report_viewer::state::ScriptTable> {
        self.hant.as_ref().map(|h| &h.table.table)
    }

    /// `words` the build adds to a page in `script` after filling it, in
    /// that script.
    pub fn words(&self, script: Script, words: &str) -> String {
        match (&self.hant, script) {
            (Some(h), Script::Hant) => h.cc.text(words),
            _ => words.to_string(),
        }
    }

    /// The traditional → simplified pairs every page carries for search.
    pub fn fold_pairs(&self) -> &str {
        &self.fold
    }

    /// The viewer's words the table for the page in traditional characters
    /// does not convert as OpenCC does (none, in a correct build).
    pub fn unresolved_words(&self) -> &[String] {
        self.hant.as_ref().map_or(&[], |h| &h.table.unresolved)
    }

    /// One page: the template filled for interface language `lang` in
    /// `script` (see [`fill_template`]), and for traditional characters
    /// converted, with `<html lang="zh-Hant" data-script="hant">` and the
    /// viewer's words table.
    pub fn fill(
        &self,
        template: &str,
        lang: Lang,
        script: Script,
        kind: PageKind,
    ) -> anyhow::Result<String> {
        let hant = self.hant.as_ref().filter(|_| script == Script::Hant);
        // The page is rendered from the report as written and converted
        // as a whole, each text once (OpenCC is not idempotent: 作为了解
        // gives 作為了解, which again gives 作為瞭解); the JSON is the
        // converted report, whose fields are the same conversions.
        let carried = hant.map_or(self.report, |h| &h.report);
        let zh_scripts = self.scripts(Lang::Zh);
        let page = fill_one(
            template,
            self.report,
            carried,
            lang,
            script,
            kind,
            &zh_scripts,
        )?;
        let Some(h) = hant else {
            return self.add_meta(page, &[(FOLD_META, &self.fold)]);
        };
        let page = hant::convert_page(&h.cc, &page)?;
        let table = h.table.table.content();
        self.add_meta(page, &[(FOLD_META, &self.fold), (HANT_META, &table)])
    }

    /// Adds a `<meta name content>` for each non-empty pair, after the
    /// conversion (they hold both scripts on purpose).
    fn add_meta(&self, page: String, metas: &[(&str, &str)]) -> anyhow::Result<String> {
        let tags: String = metas
            .iter()
            .filter(|(_, content)| !content.is_empty())
            .map(|(name, content)| {
                format!(
                    "<meta name=\"{name}\" content=\"{}\">",
                    report_format::markup::escape(content)
                )
            })
            .collect();
        if tags.is_empty() {
            return Ok(page);
        }
        Ok(apply(&page, &[Edit::one("head", Action::Append(tags))])?)
    }
}

/// The template filled for one page (see [`fill_template`]): `shown` as
/// static HTML, `carried` (the same report, or it converted) as JSON and
/// in `<html lang>`; `zh_scripts` are the scripts the Chinese interface's
/// pages come in, each linked.
fn fill_one(
    template: &str,
    shown: &Indexed,
    carried: &Indexed,
    lang: Lang,
    script: Script,
    kind: PageKind,
    zh_scripts: &[Script],
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
    // Each other page (language, script), for the head script (`?lang=`,
    // `?script=`) and for search engines and browsers. An offline file
    // stands alone.
    let alternates: String = LANGS
        .iter()
        .flat_map(|&l| {
            let scripts = if l == Lang::Zh {
                zh_scripts
            } else {
                &[Script::Hans][..]
            };
            scripts.iter().map(move |&s| (l, s))
        })
        .filter(|&(l, s)| (l, s) != (lang, script) && kind == PageKind::Hosted)
        .map(|(l, s)| {
            let tag = match (l, s) {
                (Lang::Zh, Script::Hant) => hant::HANT_TAG,
                _ => l.tag(),
            };
            format!(
                "<link rel=\"alternate\" hreflang=\"{tag}\" href=\"{}\">",
                script_page_file(base, l, s)
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
    let mut root = vec![
        ("lang", carried.meta.language.clone()),
        (hooks::root::PAGE, page_kind.to_string()),
        (hooks::root::UI_LANG, lang.name().to_string()),
    ];
    if script == Script::Hant {
        root.push((hooks::root::SCRIPT, script.name().to_string()));
    }
    edits.extend([
        Edit::one("html", Action::Attrs(root)),
        Edit::one("head", Action::Prepend(alternates)),
        Edit::one("title", Action::Text(shown.meta.title.clone())),
        Edit::one("style", Action::Html(minify_css(&css)?)),
        Edit::one(
            "#app",
            Action::Html(prerender_in(
                shown,
                lang,
                script,
                kind,
                zh_scripts.contains(&Script::Hant),
            )),
        ),
        Edit::one("script#report", Action::Html(script_safe_json(carried)?)),
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
/// print block, in the page's language and script. The offline copy itself carries
/// neither: it cannot hold its own hash. Written here rather than by the
/// components, so that the viewer's WASM carries none of it.
fn describe_files(
    page: &str,
    lang: Lang,
    script: &embed::EmbedScript,
    offline_sha256: Option<&str>,
    words: &dyn Fn(&str) -> String,
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
            words(lang.pick("离线版 SHA-256 校验值:", "SHA-256 of the offline copy: "))
        );
        let in_print = format!(
            "<div class=\"print-sha256\"><dt>{}</dt><dd>{sum}</dd></div>",
            words(lang.pick("离线版 SHA-256", "Offline copy SHA-256"))
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
/// offline file (`report.html`, `report.en.html`); for a report in
/// simplified Chinese, its Chinese pages in traditional characters too
/// (`index.hant.html`, `report.hant.html`). Refuses an invalid report.
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
    let (files, embed_script) = embed::write(viewer, out, &options.embed_origins)?;
    written.extend(files);
    let scripts = Scripts::new(&report)?;
    for lang in LANGS {
        for script in scripts.scripts(lang) {
            // The offline copy first: the hosted page shows its hash.
            let mut offline_sha256 = None;
            if !options.no_offline {
                let offline_page = finish(
                    &offline::single_file(
                        &scripts.fill(&template, lang, script, PageKind::Offline)?,
                        viewer,
                    )?,
                    csp::Policy::Offline,
                )?;
                let sum = embed::sha256_hex(offline_page.as_bytes());
                let name = script_page_file(OFFLINE_FILE, lang, script);
                let offline_path = out.join(&name);
                std::fs::write(&offline_path, offline_page)
                    .with_context(|| format!("writing {}", offline_path.display()))?;
                written.push(offline_path);
                let sum_path = out.join(offline_sha256_file(lang, script));
                std::fs::write(&sum_path, format!("{sum}  {name}\n"))
                    .with_context(|| format!("writing {}", sum_path.display()))?;
                written.push(sum_path);
                offline_sha256 = Some(sum);
            }
            let page = finish(
                &describe_files(
                    &scripts.fill(&template, lang, script, PageKind::Hosted)?,
                    lang,
                    &embed_script,
                    offline_sha256.as_deref(),
                    &|words| scripts.words(script, words),
                )?,
                csp::Policy::Hosted,
            )?;
            let index = out.join(script_page_file(INDEX_FILE, lang, script));
            std::fs::write(&index, page).with_context(|| format!("writing {}", index.display()))?;
            written.push(index);
        }
    }
    Ok(written)
}
