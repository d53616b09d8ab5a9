//! The single offline file: the hosted page with its script, WASM and data
//! inside it, so it works from `file://` with no network.
//!
//! Chromium blocks `<script type="module" src>` and `fetch()` of the WASM
//! from `file://`, so nothing may be a separate file. The WASM, the
//! wasm-bindgen glue and the report JSON are gzipped and base64-encoded into
//! non-executed `<script>` elements; a small inline loader inflates them
//! with the browser's own `DecompressionStream`, imports the glue from a
//! `blob:` URL and starts the viewer. Readers without script have the
//! static HTML.

use std::path::Path;

use anyhow::{bail, Context, Result};
use base64::Engine;

/// Id of the element that carries the gzipped, base64-encoded WASM.
pub const WASM_ELEMENT_ID: &str = "viewer-wasm";

/// Id of the element that carries the gzipped, base64-encoded report JSON.
pub const REPORT_GZ_ELEMENT_ID: &str = "report-gz";

/// Id of the element that carries the gzipped, base64-encoded JS glue.
pub const GLUE_ELEMENT_ID: &str = "viewer-glue";

/// The loader: inflate the glue and import it, put the report back into the
/// element the viewer reads, then start the WASM.
const LOADER: &str = r#"<script type="module">
const inflate = (id) => {
  const gz = Uint8Array.from(atob(document.getElementById(id).textContent), (c) => c.charCodeAt(0));
  return new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip")));
};
const glue = new Blob([await inflate("viewer-glue").text()], { type: "text/javascript" });
const { default: init } = await import(URL.createObjectURL(glue));
document.getElementById("report").textContent = await inflate("report-gz").text();
await init({ module_or_path: await inflate("viewer-wasm").arrayBuffer() });
</script>"#;

const DATA_OPEN: &str = "<script type=\"application/json\" id=\"report\">";

/// gzip, then base64. Zopfli's gzip is a few percent smaller than zlib's
/// best, which is what keeps the file under its size budget; browsers
/// inflate it like any gzip.
fn pack(bytes: &[u8]) -> Result<String> {
    let mut gz = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut gz,
    )?;
    Ok(base64::engine::general_purpose::STANDARD.encode(gz))
}

/// Moves the report JSON out of its script element into a packed one; the
/// loader puts it back before the viewer starts. Readers without script
/// have the static HTML.
fn pack_report(page: &str) -> Result<String> {
    let Some(a) = page.find(DATA_OPEN).map(|i| i + DATA_OPEN.len()) else {
        bail!("the page has no report script element");
    };
    let Some(len) = page[a..].find("</script>") else {
        bail!("the report script element is not closed");
    };
    let packed = pack(&page.as_bytes()[a..a + len])?;
    Ok(format!(
        "{}</script>\n<script type=\"application/octet-stream\" id=\"{REPORT_GZ_ELEMENT_ID}\">{packed}{}",
        &page[..a],
        &page[a + len..]
    ))
}

/// Turns a filled hosted page into one self-contained file. `viewer` is the
/// compiled viewer's directory, where the page's scripts and WASM are.
pub fn single_file(hosted: &str, viewer: &Path) -> Result<String> {
    let mut page = pack_report(hosted)?;
    // Trunk's preload links and inline start-up script refer to files.
    page = remove_tags(&page, "<link rel=\"modulepreload\"", ">");
    page = remove_tags(&page, "<link rel=\"preload\"", ">");
    let glue_name = file_with(viewer, ".js", |n| !n.starts_with("embed"))?;
    let wasm_name = file_with(viewer, "_bg.wasm", |_| true)?;
    page = remove_block(
        &page,
        "<script type=\"module\">",
        "</script>",
        "import init",
    )?;

    let glue =
        std::fs::read(viewer.join(&glue_name)).with_context(|| format!("reading {glue_name}"))?;
    let wasm =
        std::fs::read(viewer.join(&wasm_name)).with_context(|| format!("reading {wasm_name}"))?;
    let tail = format!(
        "<script type=\"application/octet-stream\" id=\"{GLUE_ELEMENT_ID}\">{}</script>\n\
         <script type=\"application/octet-stream\" id=\"{WASM_ELEMENT_ID}\">{}</script>\n\
         {LOADER}\n</body>",
        pack(&glue)?,
        pack(&wasm)?
    );
    let Some(end) = page.rfind("</body>") else {
        bail!("the page has no </body>");
    };
    page.replace_range(end..end + "</body>".len(), &tail);
    Ok(page)
}

/// The name of the one file in `dir` that ends with `suffix` and passes
/// `pick`.
fn file_with(dir: &Path, suffix: &str, pick: impl Fn(&str) -> bool) -> Result<String> {
    let mut found = Vec::new();
    for e in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let name = e?.file_name().to_string_lossy().into_owned();
        if name.ends_with(suffix) && pick(&name) {
            found.push(name);
        }
    }
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => bail!(
            "expected one *{suffix} in {}, found {found:?}",
            dir.display()
        ),
    }
}

/// Removes every tag that starts with `start` up to the next `end`.
fn remove_tags(page: &str, start: &str, end: &str) -> String {
    let mut out = page.to_string();
    while let Some(a) = out.find(start) {
        let Some(len) = out[a..].find(end) else { break };
        out.replace_range(a..a + len + end.len(), "");
    }
    out
}

/// Removes the one block from `start` to `end` that contains `marker`.
fn remove_block(page: &str, start: &str, end: &str, marker: &str) -> Result<String> {
    let mut from = 0;
    while let Some(a) = page[from..].find(start).map(|i| i + from) {
        let Some(b) = page[a..].find(end).map(|i| i + a + end.len()) else {
            break;
        };
        if page[a..b].contains(marker) {
            return Ok(format!("{}{}", &page[..a], &page[b..]));
        }
        from = b;
    }
    bail!("the page has no {start}…{end} block with {marker}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_tags_and_blocks() {
        let p = "<head><link rel=\"preload\" href=\"a\"><script type=\"module\">x</script><script type=\"module\">import init</script></head>";
        let p = remove_tags(p, "<link rel=\"preload\"", ">");
        let p = remove_block(&p, "<script type=\"module\">", "</script>", "import init").unwrap();
        assert_eq!(p, "<head><script type=\"module\">x</script></head>");
    }
}
