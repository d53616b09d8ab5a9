//! The script partner pages include to embed the viewer, and the hashes a
//! reader or partner checks files with.
//!
//! `embed.js` frames only its own viewer: the build writes into it the
//! other origins that serve this site at the same path. It is written
//! twice: as `embed-<hash>.js`, whose name changes with every byte (cached
//! for good, and pinned by partners with Subresource Integrity), and as
//! `embed.js`, a stable name to be cached briefly. The hosted page names
//! the hashed file and its integrity in a `<meta>` for the embed snippets.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// The stable name of the embed script.
pub const EMBED_SCRIPT: &str = "embed.js";

/// Where the build writes its list of other origins into the script.
const ORIGINS_MARKER: &str = "/*report-viewer:embed-origins*/[]";

/// The embed script as written: the hashed file's name and its integrity
/// value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedScript {
    /// `embed-<16 hex digits>.js`.
    pub name: String,
    /// `sha384-<base64>`, as the `integrity` attribute takes it.
    pub integrity: String,
}

/// The Subresource Integrity value of `bytes` (SHA-384, as browsers
/// recommend).
pub fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The SHA-256 of `bytes` as 64 lower-case hex digits (what `sha256sum`,
/// `shasum -a 256`, `certutil` and `Get-FileHash` print).
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The compiled viewer's `embed.js` (`source`) with `origins` written in.
pub fn with_origins(source: &str, origins: &[String]) -> Result<String> {
    if source.matches(ORIGINS_MARKER).count() != 1 {
        bail!("the compiled viewer's {EMBED_SCRIPT} has no single `{ORIGINS_MARKER}`; rebuild it with `make viewer`");
    }
    let list = serde_json::to_string(origins)?;
    Ok(source.replace(
        ORIGINS_MARKER,
        &format!("/*report-viewer:embed-origins*/{list}"),
    ))
}

/// Writes the embed script from the compiled viewer in `viewer` into `out`
/// under both names, allowing `origins` besides its own. Returns the files
/// written and the hashed one's name and integrity.
pub fn write(viewer: &Path, out: &Path, origins: &[String]) -> Result<(Vec<PathBuf>, EmbedScript)> {
    let from = viewer.join(EMBED_SCRIPT);
    let source =
        std::fs::read_to_string(&from).with_context(|| format!("reading {}", from.display()))?;
    let text = with_origins(&source, origins)?;
    let bytes = text.as_bytes();
    let script = EmbedScript {
        name: format!("embed-{}.js", &sha256_hex(bytes)[..16]),
        integrity: integrity(bytes),
    };
    let mut written = Vec::new();
    for name in [EMBED_SCRIPT, script.name.as_str()] {
        let to = out.join(name);
        std::fs::write(&to, bytes).with_context(|| format!("writing {}", to.display()))?;
        written.push(to);
    }
    Ok((written, script))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_written_once_as_a_json_list() {
        let src = "var ALSO = /*report-viewer:embed-origins*/[];";
        let out = with_origins(
            src,
            &["https://a.example.gov.cn".into(), "http://b:8080".into()],
        )
        .unwrap();
        assert_eq!(
            out,
            "var ALSO = /*report-viewer:embed-origins*/[\"https://a.example.gov.cn\",\"http://b:8080\"];"
        );
        assert_eq!(with_origins(src, &[]).unwrap(), src);
        assert!(with_origins("var ALSO = [];", &[]).is_err());
    }

    #[test]
    fn hashes_are_the_standard_ones() {
        // `printf abc | sha256sum` and `| openssl dgst -sha384 -binary | base64`.
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
