//! The single offline file: the hosted page with its script, WASM and data
//! inside it, so it works from `file://` with no network.
//!
//! Chromium blocks `<script type="module" src>` and `fetch()` of the WASM
//! from `file://`, so nothing may be a separate file. The WASM, the
//! wasm-bindgen glue and the report JSON are gzipped and written as text
//! (base 85, 25% larger than the bytes, where base64 is 33%) into
//! non-executed `<script>` elements; the wasm-bindgen glue and a small
//! loader are one inline module, which inflates them with the browser's
//! own `DecompressionStream` and starts the viewer. (The glue was once
//! packed too and imported from a `blob:` URL; inline, it costs a dozen KB
//! more and the page's policy allows no script but its own hashes.)
//! Readers without script have the static HTML.

use std::path::Path;

use anyhow::{bail, Context, Result};

use super::page::{apply, read, Action, Edit};

/// Id of the element that carries the gzipped, base-85 encoded WASM.
pub const WASM_ELEMENT_ID: &str = report_format::page_ids::OFFLINE_WASM;

/// Id of the element that carries the gzipped, base-85 encoded report JSON.
pub const REPORT_GZ_ELEMENT_ID: &str = report_format::page_ids::OFFLINE_REPORT;

/// The 85 characters of the text encoding: printable ASCII without the
/// ones HTML or JavaScript could read specially (`" & ' < > \ ` { }`), so a
/// packed element can never contain `</script`.
const B85: &[u8; 85] =
    b"!#$%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz|~";

/// The loader, run in the same inline module as the wasm-bindgen glue
/// (so that the page's policy needs neither `blob:` nor `'self'` for
/// script): once the page is painted, decode and inflate the report and
/// leave its text where the viewer looks for it, then inflate the WASM and
/// start it with the glue's init function (`reportViewerInit`, bound just
/// before). In a block, so that its names cannot clash with the glue's.
const LOADER: &str = r#"{
const A = "!#$%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz|~";
const T = new Uint8Array(128);
for (let i = 0; i < 85; i++) T[A.charCodeAt(i)] = i;
const decode = (s) => {
  const n = s.length, out = new Uint8Array(Math.floor(n / 5) * 4 + Math.max(0, (n % 5) - 1));
  for (let i = 0, o = 0; i < n; i += 5) {
    let v = 0;
    for (let j = 0; j < 5; j++) v = v * 85 + (i + j < n ? T[s.charCodeAt(i + j)] : 84);
    for (let j = 0, k = Math.min(4, n - i - 1); j < k; j++) out[o++] = Math.floor(v / 2 ** (24 - 8 * j)) % 256;
  }
  return out;
};
const inflate = (id) => {
  const gz = decode(document.getElementById(id).textContent);
  return new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip")));
};
// After first paint: unpacking and compiling never hold the page back.
const start = async () => {
  window.REPORT_GLOBAL = await inflate("report-gz").text();
  await reportViewerInit({ module_or_path: await inflate("viewer-wasm").arrayBuffer() });
};
let go = () => { go = () => {}; start(); };
// A frame out of view gets no animation frames: a timeout starts it there.
requestAnimationFrame(() => setTimeout(() => go(), 0));
setTimeout(() => go(), 100);
}"#;

/// The local name of the glue's default export (its init function):
/// `export{A as initSync,C as default}` as Trunk minifies it, or
/// `export default __wbg_init;` as wasm-bindgen writes it.
fn init_name(glue: &str) -> Result<&str> {
    let ident = |s: &str| -> Option<usize> {
        let n = s
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(s.len());
        (n > 0).then_some(n)
    };
    if let Some(i) = glue.rfind("export default ") {
        let rest = &glue[i + "export default ".len()..];
        if let Some(n) = ident(rest) {
            return Ok(&rest[..n]);
        }
    }
    for (i, _) in glue.match_indices("export") {
        let rest = glue[i + "export".len()..].trim_start();
        let Some(list) = rest.strip_prefix('{') else {
            continue;
        };
        let Some(end) = list.find('}') else { continue };
        for item in list[..end].split(',') {
            if let Some((local, "default")) =
                item.split_once(" as ").map(|(l, e)| (l.trim(), e.trim()))
            {
                if ident(local) == Some(local.len()) {
                    return Ok(local);
                }
            }
        }
    }
    bail!("the compiled viewer's glue has no default export (its init function); rebuild it with `make viewer`")
}

/// The inline module that starts the offline file: the glue as it is,
/// then the loader.
fn start_module(glue: &str) -> Result<String> {
    let lower = glue.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        bail!("the compiled viewer's glue contains `</script` or `<!--`, which cannot be inline in a page");
    }
    let init = init_name(glue)?;
    Ok(format!(
        "<script type=\"module\">{glue}\nconst reportViewerInit = {init};\n{}\n</script>",
        LOADER.replace("REPORT_GLOBAL", report_viewer::ids::OFFLINE_REPORT_GLOBAL)
    ))
}

/// Bytes as base-85 text in [`B85`]'s alphabet: each 4 bytes (big-endian)
/// as 5 digits; a last group of n bytes, padded with zeros, as its first
/// n + 1 digits.
fn base85(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() / 4 * 5 + 5);
    for chunk in bytes.chunks(4) {
        let mut group = [0u8; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let mut v = u32::from_be_bytes(group);
        let mut digits = [0u8; 5];
        for d in digits.iter_mut().rev() {
            *d = B85[(v % 85) as usize];
            v /= 85;
        }
        out.extend(digits[..chunk.len() + 1].iter().map(|&d| d as char));
    }
    out
}

/// gzip, then base 85. Zopfli's gzip is a few percent smaller than zlib's
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
    Ok(base85(&gz))
}

/// Turns a filled hosted page into one self-contained file. `viewer` is the
/// compiled viewer's directory, where the page's scripts and WASM are.
///
/// The report JSON moves out of its script element into a packed one; the
/// loader hands it to the viewer. Readers without script
/// have the static HTML.
pub fn single_file(hosted: &str, viewer: &Path) -> Result<String> {
    let data = read(hosted, "script#report")?;
    let [report] = data.as_slice() else {
        bail!(
            "the page has {} report script elements, not one",
            data.len()
        );
    };
    let glue_name = file_with(viewer, ".js", |n| !n.starts_with("embed"))?;
    let wasm_name = file_with(viewer, "_bg.wasm", |_| true)?;
    let glue =
        std::fs::read(viewer.join(&glue_name)).with_context(|| format!("reading {glue_name}"))?;
    let wasm =
        std::fs::read(viewer.join(&wasm_name)).with_context(|| format!("reading {wasm_name}"))?;
    let packed = |id: &str, bytes: &[u8]| -> Result<String> {
        Ok(format!(
            "<script type=\"application/octet-stream\" id=\"{id}\">{}</script>\n",
            pack(bytes)?
        ))
    };
    let glue = String::from_utf8(glue).with_context(|| format!("reading {glue_name}"))?;
    let tail = format!(
        "{}{}\n",
        packed(WASM_ELEMENT_ID, &wasm)?,
        start_module(&glue)?
    );
    Ok(apply(
        hosted,
        &[
            Edit::one("script#report", Action::Html(String::new())),
            Edit::one(
                "script#report",
                Action::After(packed(REPORT_GZ_ELEMENT_ID, report.text.as_bytes())?),
            ),
            // Trunk's preload links and start-up script refer to files.
            Edit::one("link[rel=\"modulepreload\"]", Action::Remove),
            Edit::one("link[rel=\"preload\"]", Action::Remove),
            Edit::one("script[type=\"module\"]", Action::Remove),
            Edit::one("body", Action::Append(tail)),
        ],
    )?)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The loader's decoding, written again in Rust, for the round trip.
    fn decode(s: &str) -> Vec<u8> {
        let t = |c: u8| B85.iter().position(|&a| a == c).unwrap() as u64;
        let b = s.as_bytes();
        let mut out = Vec::new();
        for g in b.chunks(5) {
            let mut v = 0u64;
            for j in 0..5 {
                v = v * 85 + g.get(j).map_or(84, |&c| t(c));
            }
            for j in 0..g.len() - 1 {
                out.push((v >> (24 - 8 * j)) as u8);
            }
        }
        out
    }

    #[test]
    fn finds_the_glues_init_function_as_written_or_minified() {
        assert_eq!(
            init_name("function a(){}export{A as initSync,C as default};").unwrap(),
            "C"
        );
        assert_eq!(
            init_name("export { initSync, __wbg_init as default };\n").unwrap(),
            "__wbg_init"
        );
        assert_eq!(
            init_name("export { initSync };\nexport default __wbg_init;\n").unwrap(),
            "__wbg_init"
        );
        assert!(init_name("export{A as initSync};").is_err());
        assert!(start_module("x='</SCRIPT>';export default f;").is_err());
        let m = start_module("function f(){}export default f;").unwrap();
        assert!(m.contains("const reportViewerInit = f;"));
        assert!(m.contains("window.reportViewerReport = "));
    }

    #[test]
    fn base85_round_trips_and_stays_out_of_html() {
        assert_eq!(B85.len(), 85);
        for &c in B85.iter() {
            assert!(c.is_ascii_graphic() && !b"\"&'<>\\`{}".contains(&c));
        }
        let mut seed = 7u32;
        for len in 0..300 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (seed >> 16) as u8
                })
                .collect();
            let text = base85(&bytes);
            assert_eq!(
                text.len(),
                len / 4 * 5 + if len % 4 > 0 { len % 4 + 1 } else { 0 }
            );
            assert_eq!(decode(&text), bytes, "length {len}");
        }
        assert_eq!(decode(&base85(&[255; 9])), vec![255; 9]);
    }
}
