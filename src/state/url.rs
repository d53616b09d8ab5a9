//! What a URL asks the viewer for, and the URL the viewer writes back: the
//! options (`?lang=`, `?theme=`, `?embed=`, …) read from a query string,
//! the reading state written into one, and links to share.

use report_format::{Lang, TextSize, Theme};

use super::echo::echo;

/// What the URL asks the viewer for, as far as the browser layer acts on
/// it. (The page's head script has already applied `?theme=`, `?text=`,
/// `?embed=`, `?section=` and `?chart=` before first paint, and sent
/// `?lang=` to the other language's page.)
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewOptions {
    /// Colour theme, if the URL chose one (`?theme=`).
    pub theme: Option<Theme>,
    /// Text size, if the URL chose one (`?text=`).
    pub text: Option<TextSize>,
    /// Embedded in another page (`?embed=1`).
    pub embed: bool,
    /// The search query (`?q=`).
    pub query: String,
    /// Sections closed by the reader (`?closed=id,id`).
    pub closed: Vec<String>,
    /// pym.js's child id (`?childId=`, set by a pym.js parent): height
    /// messages are also sent in pym.js's format.
    pub pym_id: Option<String>,
    /// A host page's settings were just applied by opening this page
    /// (`?applied=1`): say so to the host once started.
    pub applied: bool,
}

/// The longest search query taken from an address or typed (the search
/// field's `maxlength`): longer than any phrase worth finding.
pub const MAX_QUERY_CHARS: usize = 100;

impl ViewOptions {
    /// Reads options from a URL query string (with or without the leading
    /// `?`). Unknown keys and values are skipped and reported back as
    /// warnings, never as errors.
    pub fn from_query(query: &str) -> (ViewOptions, Vec<String>) {
        let mut o = ViewOptions::default();
        let mut warnings = Vec::new();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(v);
            let mut bad = || {
                warnings.push(format!(
                    "ignoring unknown value {}={}",
                    echo(k, 20),
                    echo(&v, 40)
                ))
            };
            match k {
                "lang" if Lang::parse(&v).is_none() => bad(),
                "theme" => match Theme::parse(&v) {
                    Some(t) => o.theme = Some(t),
                    None => bad(),
                },
                "text" => match TextSize::parse(&v) {
                    Some(t) => o.text = Some(t),
                    None => bad(),
                },
                "embed" => match v.as_str() {
                    "1" | "true" | "" => o.embed = true,
                    "0" | "false" => o.embed = false,
                    _ => bad(),
                },
                // Pym.js ids are short names of the host page's element.
                "childId" if !v.is_empty() && v.len() <= 64 => o.pym_id = Some(v),
                "childId" => bad(),
                "applied" => o.applied = v == "1",
                "q" => o.query = v.chars().take(MAX_QUERY_CHARS).collect(),
                "closed" => {
                    o.closed = v
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                }
                // Keys of other features, or of the hosting site, are left alone.
                _ => {}
            }
        }
        (o, warnings)
    }
}

/// The URL query `current` with the viewer's reading state written in:
/// each `(key, value)` of `state` replaces that key (`q`, `closed`,
/// `theme`, `text`); every other parameter is kept as it was. An empty
/// value leaves no parameter behind.
pub fn query_with_state(current: &str, state: &[(&str, &str)]) -> String {
    let mut parts: Vec<String> = current
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let k = p.split_once('=').map_or(*p, |(k, _)| k);
            !state.iter().any(|(key, _)| *key == k)
        })
        .map(String::from)
        .collect();
    for (k, v) in state {
        if !v.trim().is_empty() {
            parts.push(format!("{k}={}", percent_encode(v)));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The query of a link to share from this page: the same view, but as a
/// whole page (no embed, one-section or one-chart parameters) so that it
/// opens properly outside a partner's frame.
pub fn share_query(current: &str) -> String {
    let parts: Vec<&str> = current
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let k = p.split_once('=').map_or(*p, |(k, _)| k);
            !matches!(
                k,
                "embed" | "childId" | "section" | "chart" | "parentTitle" | "parentUrl" | "applied"
            )
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Percent-encodes a query value (UTF-8), leaving unreserved characters.
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` in a query value; invalid escapes are
/// kept as they are.
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_an_address_brings_is_capped() {
        let long = "行".repeat(5_000);
        let (o, _) = ViewOptions::from_query(&format!("q={long}&childId={}", "x".repeat(65)));
        assert_eq!(o.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(o.pym_id, None);
        let (_, w) = ViewOptions::from_query(&format!("theme={}", "\u{202e}z".repeat(1000)));
        assert_eq!(
            w,
            vec![format!("ignoring unknown value theme={}…", "z".repeat(40))]
        );
    }

    #[test]
    fn reads_known_options_and_warns_on_unknown_values() {
        let (o, w) = ViewOptions::from_query(
            "?lang=en&theme=neon&text=large&embed=1&section=part-2&utm=x&applied=1",
        );
        assert_eq!(o.theme, None);
        assert_eq!(o.text, Some(TextSize::Large));
        assert!(o.embed && o.applied);
        assert_eq!(w, vec!["ignoring unknown value theme=neon".to_string()]);
    }

    #[test]
    fn decodes_percent_escapes() {
        let (o, _) = ViewOptions::from_query("closed=a%2Db,x%&childId=p%201");
        assert_eq!(o.closed, ["a-b", "x%"]);
        assert_eq!(o.pym_id.as_deref(), Some("p 1"));
        assert_eq!(percent_decode("%E8%A1%8C"), "行");
        assert_eq!(percent_decode("%行%"), "%行%");
    }

    #[test]
    fn reading_state_round_trips_through_the_url() {
        let q = query_with_state(
            "?lang=en&q=old&closed=a&theme=dark",
            &[
                ("q", "行政 复议"),
                ("closed", "part-1,part-2"),
                ("theme", "contrast"),
                ("text", "xlarge"),
            ],
        );
        assert_eq!(
            q,
            "?lang=en&q=%E8%A1%8C%E6%94%BF%20%E5%A4%8D%E8%AE%AE&closed=part-1,part-2&theme=contrast&text=xlarge"
        );
        let (o, w) = ViewOptions::from_query(&q);
        assert!(w.is_empty());
        assert_eq!(o.query, "行政 复议");
        assert_eq!(o.closed, vec!["part-1".to_string(), "part-2".to_string()]);
        assert_eq!(o.theme, Some(Theme::Contrast));
        assert_eq!(o.text, Some(TextSize::XLarge));
        assert_eq!(query_with_state("?q=x", &[("q", "")]), "");
    }

    #[test]
    fn shared_links_leave_the_frame_behind() {
        assert_eq!(
            share_query("?embed=1&section=part-2&lang=en&childId=x&closed=a"),
            "?lang=en&closed=a"
        );
        assert_eq!(share_query("?chart=c"), "");
    }
}
