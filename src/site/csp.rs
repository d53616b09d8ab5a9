//! The Content-Security-Policy a built page carries: no `unsafe-inline`
//! and no `unsafe-eval`. Inline scripts and styles are allowed by their
//! SHA-256 hashes, computed from the finished page.

use base64::Engine;
use sha2::{Digest, Sha256};

/// Which page the policy is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// The hosted page: scripts and the WASM come from its own origin.
    Hosted,
    /// The offline file: the glue is imported from a `blob:` URL it makes.
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

/// The contents of every `<tag …>…</tag>` element in `page` whose opening
/// tag passes `keep`.
fn inline_contents<'a>(page: &'a str, tag: &str, keep: impl Fn(&str) -> bool) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(a) = page[from..].find(&open).map(|i| i + from) {
        let Some(gt) = page[a..].find('>').map(|i| i + a) else {
            break;
        };
        let Some(end) = page[gt..].find(&close).map(|i| i + gt) else {
            break;
        };
        if keep(&page[a..=gt]) {
            out.push(&page[gt + 1..end]);
        }
        from = end + close.len();
    }
    out
}

/// The policy for `page`, allowing its inline scripts and styles, and
/// report fetches from `report_origins` besides its own.
pub fn policy_for(page: &str, kind: Policy, report_origins: &[String]) -> String {
    let scripts = inline_contents(page, "script", |open| {
        !open.contains(" src=")
            && !open.contains("application/json")
            && !open.contains("application/octet-stream")
    });
    let styles = inline_contents(page, "style", |_| true);
    let mut script_src = vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()];
    if kind == Policy::Offline {
        script_src.push("blob:".into());
    }
    script_src.extend(scripts.iter().map(|s| hash(s)));
    let style_src: Vec<String> = styles.iter().map(|s| hash(s)).collect();
    let mut connect = vec!["'self'".to_string()];
    connect.extend(report_origins.iter().cloned());
    format!(
        "default-src 'none'; script-src {}; style-src {}; img-src 'self' data:; connect-src {}; \
         base-uri 'none'; form-action 'none'; object-src 'none'",
        script_src.join(" "),
        if style_src.is_empty() {
            "'none'".to_string()
        } else {
            style_src.join(" ")
        },
        connect.join(" ")
    )
}

/// Puts the policy into `page` as the first element of `<head>`, before any
/// script or style it governs.
pub fn add_policy(page: &str, kind: Policy, report_origins: &[String]) -> String {
    let policy = policy_for(page, kind, report_origins);
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    match page.find("<meta charset=\"utf-8\">") {
        Some(i) => {
            let at = i + "<meta charset=\"utf-8\">".len();
            format!("{}\n{meta}{}", &page[..at], &page[at..])
        }
        None => page.replacen("<head>", &format!("<head>\n{meta}"), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_and_styles_only() {
        let page = "<head><meta charset=\"utf-8\"><style>a{}</style><script type=\"module\">go()</script>\
            <script src=\"x.js\"></script><script type=\"application/json\" id=\"report\">{}</script></head>";
        let p = policy_for(page, Policy::Hosted, &[]);
        assert!(p.contains(&hash("go()")));
        assert!(p.contains(&hash("a{}")));
        assert!(!p.contains(&hash("{}")));
        assert!(!p.contains("unsafe-inline") && !p.contains(" 'unsafe-eval'"));
        assert!(p.contains("'wasm-unsafe-eval'"));
        let with = add_policy(page, Policy::Hosted, &["https://data.example".into()]);
        assert!(with.starts_with(
            "<head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\""
        ));
        assert!(with.contains("connect-src 'self' https://data.example"));
    }
}
