//! The Content-Security-Policy a built page carries: no `unsafe-inline`
//! and no `unsafe-eval`. Inline scripts and styles are allowed by their
//! SHA-256 hashes, computed from the finished page.

use base64::Engine;
use sha2::{Digest, Sha256};

use report_viewer::ids::TRUSTED_TYPES_POLICY;

use super::page::{apply, read, Action, Edit, PageError};

/// Which page the policy is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// The hosted page: scripts and the WASM come from its own origin.
    Hosted,
    /// The offline file: every script is inline (hashed); it loads nothing.
    Offline,
}

/// `'sha256-…'` of `text`.
fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The policy for `page`, allowing its inline scripts (not data blocks)
/// and styles.
pub fn policy_for(page: &str, kind: Policy) -> Result<String, PageError> {
    let scripts: Vec<String> = read(page, "script")?
        .into_iter()
        .filter(|s| {
            s.attr("src").is_none()
                && !matches!(
                    s.attr("type"),
                    Some("application/json" | "application/octet-stream")
                )
        })
        .map(|s| hash(&s.text))
        .collect();
    let styles: Vec<String> = read(page, "style")?.iter().map(|s| hash(&s.text)).collect();
    // The hosted page imports its glue and fetches its WASM from its own
    // origin; the offline file has both inside and loads nothing (`'self'`
    // of a `file://` page would be every file beside it).
    let (own, connect, img) = match kind {
        Policy::Hosted => (vec!["'self'".to_string()], "'self'", "'self' data:"),
        Policy::Offline => (Vec::new(), "'none'", "data:"),
    };
    let script_src: Vec<String> = own
        .into_iter()
        .chain(["'wasm-unsafe-eval'".to_string()])
        .chain(scripts)
        .collect();
    // Markup and script sinks take only Trusted Types, from the viewer's
    // one policy (chart SVG).
    Ok(format!(
        "default-src 'none'; script-src {}; style-src {}; img-src {img}; connect-src {connect}; \
         base-uri 'none'; form-action 'none'; object-src 'none'; \
         require-trusted-types-for 'script'; trusted-types {TRUSTED_TYPES_POLICY}",
        script_src.join(" "),
        if styles.is_empty() {
            "'none'".to_string()
        } else {
            styles.join(" ")
        },
    ))
}

/// Puts the policy into `page` as the first element of `<head>`, before any
/// script or style it governs.
pub fn add_policy(page: &str, kind: Policy) -> Result<String, PageError> {
    let policy = policy_for(page, kind)?;
    // Hashes are base 64: the policy holds no quote or markup character
    // to escape.
    debug_assert!(!policy.contains(['"', '<', '&']));
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    apply(page, &[Edit::one("head", Action::Prepend(meta))])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_and_styles_only() {
        let page = "<html><head><meta charset=\"utf-8\"><style>a{}</style><script type=\"module\">go()</script>\
            <script src=\"x.js\"></script><script type=\"application/json\" id=\"report\">{}</script></head><body></body></html>";
        let p = policy_for(page, Policy::Hosted).unwrap();
        assert!(p.contains(&hash("go()")));
        assert!(p.contains(&hash("a{}")));
        assert!(!p.contains(&hash("{}")));
        assert!(!p.contains("unsafe-inline") && !p.contains(" 'unsafe-eval'"));
        assert!(p.contains("'wasm-unsafe-eval'"));
        let with = add_policy(page, Policy::Hosted).unwrap();
        assert!(with.starts_with(
            "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"
        ));
        assert!(with.contains("connect-src 'self';"));
        assert!(with.contains("require-trusted-types-for 'script'; trusted-types report-viewer"));
        let offline = policy_for(page, Policy::Offline).unwrap();
        assert!(offline.contains("connect-src 'none'"));
        assert!(offline.contains("require-trusted-types-for 'script'"));
        assert!(
            !offline.contains("'self'") && !offline.contains("blob:"),
            "{offline}"
        );
    }
}
