//! The messages an embedded viewer exchanges with its host page, and the
//! embed snippets it offers. The message format is documented in the README.
//!
//! Viewer → host (any origin may read these):
//! `{type: "report-viewer:ready"}`, `{type: "report-viewer:height", height}`,
//! pym.js's `pymxPYMx<id>xPYMxheightxPYMx<height>` when the URL has
//! `childId`, and `{type: "report-viewer:applied", theme, text, lang,
//! script}` in answer to settings.
//!
//! Host → viewer (only from origins in the report's `viewer.embed_origins`):
//! `{type: "report-viewer:settings", theme?, text?, lang?, script?}`.

use wasm_bindgen::JsValue;

use report_format::{Lang, Script, TextSize, Theme};

/// A message from a host page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostMessage {
    /// Apply these settings; absent ones stay as they are.
    Settings {
        /// New theme.
        theme: Option<Theme>,
        /// New text size.
        text: Option<TextSize>,
        /// New interface language.
        lang: Option<Lang>,
        /// New script (`hans`, `hant`): another page, as a language is.
        script: Option<Script>,
    },
}

/// Reads a host message from `postMessage` data; `None` for anything that
/// is not a settings message of this viewer.
pub fn parse_host_message(data: &JsValue) -> Option<HostMessage> {
    let get = |k: &str| {
        js_sys::Reflect::get(data, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_string())
    };
    if !data.is_object() || get("type")?.as_str() != "report-viewer:settings" {
        return None;
    }
    Some(HostMessage::Settings {
        theme: get("theme").and_then(|t| Theme::parse(&t)),
        text: get("text").and_then(|t| TextSize::parse(&t)),
        lang: get("lang").and_then(|l| Lang::parse(&l)),
        script: get("script").and_then(|s| Script::parse(&s)),
    })
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// `{type: "report-viewer:ready"}`.
pub fn ready_message() -> JsValue {
    object(&[("type", "report-viewer:ready".into())])
}

/// `{type: "report-viewer:height", height}`.
pub fn height_message(height: u32) -> JsValue {
    object(&[
        ("type", "report-viewer:height".into()),
        ("height", height.into()),
    ])
}

/// `{type: "report-viewer:applied", theme, text, lang, script}`.
pub fn applied_message(theme: Theme, text: TextSize, lang: Lang, script: Script) -> JsValue {
    object(&[
        ("type", "report-viewer:applied".into()),
        ("theme", theme.name().into()),
        ("text", text.name().into()),
        ("lang", lang.name().into()),
        ("script", script.name().into()),
    ])
}

/// pym.js's child-to-parent height message.
pub fn pym_height(id: &str, height: u32) -> String {
    format!("pymxPYMx{id}xPYMxheightxPYMx{height}")
}

/// What an embed shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedTarget {
    /// One section, its subsections and charts.
    Section(String),
    /// One chart.
    Chart(String),
}

impl EmbedTarget {
    /// What it is, as the page's embed disclosure and the embed address
    /// name it (`section`, `chart`).
    pub fn kind(&self) -> &'static str {
        match self {
            EmbedTarget::Section(_) => "section",
            EmbedTarget::Chart(_) => "chart",
        }
    }

    /// The section's or chart's id.
    pub fn id(&self) -> &str {
        match self {
            EmbedTarget::Section(id) | EmbedTarget::Chart(id) => id,
        }
    }

    /// The target a [`kind`](Self::kind) names, with `id`; any kind but a
    /// chart is a section.
    pub fn of_kind(kind: &str, id: String) -> EmbedTarget {
        match kind {
            "chart" => EmbedTarget::Chart(id),
            _ => EmbedTarget::Section(id),
        }
    }
}

/// The two snippets offered for embedding `target` of the viewer at
/// `base` (the page address without query or fragment): the `embed.js`
/// way, which keeps the height in sync, and a plain `<iframe>` with a fixed
/// height. `script` is what the build wrote into the page: the hashed embed
/// script's name and integrity (`embed-….js sha384-…`); the snippet then
/// pins exactly that file (Subresource Integrity, which needs CORS:
/// `crossorigin`), else it names `embed.js`.
pub fn snippets(
    base: &str,
    target: &EmbedTarget,
    title: &str,
    script: Option<&str>,
) -> (String, String) {
    let (key, id) = (target.kind(), target.id());
    let height = match target {
        EmbedTarget::Section(_) => 640,
        EmbedTarget::Chart(_) => 620,
    };
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => "",
    };
    let title = attr(title);
    let src = match script.and_then(|s| s.split_once(' ')) {
        Some((name, integrity)) => format!(
            "{dir}{}\" integrity=\"{}\" crossorigin=\"anonymous",
            attr(name),
            attr(integrity)
        ),
        None => format!("{dir}embed.js"),
    };
    let script = format!(
        "<div data-report-viewer=\"{base}?{key}={id}\" data-title=\"{title}\"></div>\n<script src=\"{src}\" async></script>"
    );
    let iframe = format!(
        "<iframe src=\"{base}?embed=1&amp;{key}={id}\" title=\"{title}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0\"></iframe>"
    );
    (script, iframe)
}

fn attr(s: &str) -> String {
    report_format::markup::escape(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_reads_back_from_its_kind_and_id() {
        for t in [
            EmbedTarget::Section("part-1".into()),
            EmbedTarget::Chart("chart-a".into()),
        ] {
            assert_eq!(EmbedTarget::of_kind(t.kind(), t.id().into()), t);
        }
    }

    #[test]
    fn snippets_point_at_the_target_and_escape_the_title() {
        let (s, i) = snippets(
            "https://example.gov.cn/zwgk/report/index.html",
            &EmbedTarget::Chart("chart-a".into()),
            "A \"quoted\" <title>",
            None,
        );
        assert!(s.contains(
            "data-report-viewer=\"https://example.gov.cn/zwgk/report/index.html?chart=chart-a\""
        ));
        assert!(s.contains("src=\"https://example.gov.cn/zwgk/report/embed.js\""));
        assert!(i.contains("?embed=1&amp;chart=chart-a"));
        assert!(i.contains("height=\"620\"") && i.contains("loading=\"lazy\""));
        assert!(s.contains("A &quot;quoted&quot; &lt;title&gt;"));
    }

    #[test]
    fn snippets_pin_the_hashed_script_the_page_names() {
        let (s, _) = snippets(
            "https://example.gov.cn/zwgk/report/",
            &EmbedTarget::Section("part-1".into()),
            "t",
            Some("embed-0123456789abcdef.js sha384-AbC+/x="),
        );
        assert!(
            s.ends_with("<script src=\"https://example.gov.cn/zwgk/report/embed-0123456789abcdef.js\" integrity=\"sha384-AbC+/x=\" crossorigin=\"anonymous\" async></script>"),
            "{s}"
        );
        // What the page names is escaped like any text.
        let (s, _) = snippets(
            "https://e/",
            &EmbedTarget::Chart("c".into()),
            "t",
            Some("a\"b c<d"),
        );
        assert!(
            s.contains("src=\"https://e/a&quot;b\" integrity=\"c&lt;d\""),
            "{s}"
        );
    }

    #[test]
    fn pym_messages_follow_pym() {
        assert_eq!(pym_height("c1", 480), "pymxPYMxc1xPYMxheightxPYMx480");
    }
}
