//! Plain state behind the components: the options a URL selects and which
//! sections are open. No Leptos here, so it is tested natively.

use crate::chart::Theme;
use crate::i18n::Lang;
use crate::model::{Block, Report, Section};

/// Text size steps for 长者模式 (elder-friendly reading).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum TextSize {
    /// The browser's default size.
    #[default]
    Standard,
    /// 大: about 1.25×.
    Large,
    /// 特大: about 1.5×.
    XLarge,
}

impl TextSize {
    /// Parses a `text` URL value.
    pub fn parse(s: &str) -> Option<TextSize> {
        match s.to_ascii_lowercase().as_str() {
            "standard" | "normal" => Some(TextSize::Standard),
            "large" => Some(TextSize::Large),
            "xlarge" | "x-large" => Some(TextSize::XLarge),
            _ => None,
        }
    }

    /// The multiplier applied to text and charts.
    pub fn scale(self) -> f64 {
        match self {
            TextSize::Standard => 1.0,
            TextSize::Large => 1.25,
            TextSize::XLarge => 1.5,
        }
    }

    /// The name used in URLs and `data-text`.
    pub fn name(self) -> &'static str {
        match self {
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::XLarge => "xlarge",
        }
    }
}

/// What the URL asks the viewer to show and how.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewOptions {
    /// Interface language (`?lang=`).
    pub lang: Lang,
    /// Colour theme, if the URL chose one (`?theme=`).
    pub theme: Option<Theme>,
    /// Text size, if the URL chose one (`?text=`).
    pub text: Option<TextSize>,
    /// Embedded in another page: no page chrome (`?embed=1`).
    pub embed: bool,
    /// Show only this section (`?section=`).
    pub section: Option<String>,
    /// Show only this chart (`?chart=`).
    pub chart: Option<String>,
    /// This is the single offline file (set by the page, not the URL):
    /// there is nothing to download.
    pub offline: bool,
    /// Load the report from this address instead of the page (`?report=`);
    /// only the site's own origin and origins its build allows.
    pub report_url: Option<String>,
    /// The search query (`?q=`).
    pub query: String,
    /// Sections closed by the reader (`?closed=id,id`).
    pub closed: Vec<String>,
    /// The element the URL's fragment names (`#id`), set from the page.
    pub target: Option<String>,
    /// The words a `#:~:text=` link points at (see [`text_directive`]), set
    /// from the page: the sections holding them open.
    pub quote: Option<String>,
    /// pym.js's child id (`?childId=`, set by a pym.js parent): height
    /// messages are also sent in pym.js's format.
    pub pym_id: Option<String>,
}

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
            let mut bad = || warnings.push(format!("ignoring unknown value {k}={v}"));
            match k {
                "lang" => match Lang::parse(&v) {
                    Some(l) => o.lang = l,
                    None => bad(),
                },
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
                "section" if !v.is_empty() => o.section = Some(v),
                "chart" if !v.is_empty() => o.chart = Some(v),
                "childId" if !v.is_empty() => o.pym_id = Some(v),
                "report" if !v.is_empty() => o.report_url = Some(v),
                "q" => o.query = v,
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

    /// Drops a `section` or `chart` the report does not have, with a
    /// warning, so a stale embed link still shows the whole report.
    pub fn resolve(&mut self, report: &Report) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(id) = &self.section {
            if !report.walk_sections().iter().any(|(_, s)| &s.id == id) {
                warnings.push(format!("ignoring unknown section={id}"));
                self.section = None;
            }
        }
        if let Some(id) = &self.chart {
            if report.chart(id).is_none() {
                warnings.push(format!("ignoring unknown chart={id}"));
                self.chart = None;
            }
        }
        warnings
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
                "embed" | "childId" | "section" | "chart" | "parentTitle" | "parentUrl"
            )
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Which chart point a key press moves to. `points` lists each drawn
/// point's series and category in drawing order (series by series);
/// `current` is the index of the point shown now. Left and right step
/// through a series and on to the next, up and down change series at the
/// same category, Home and End jump to the ends. `None`: not a key the
/// chart uses.
pub fn chart_key_target(
    points: &[(usize, String)],
    current: Option<usize>,
    key: &str,
) -> Option<usize> {
    let n = points.len();
    if n == 0 {
        return None;
    }
    let Some(i) = current.filter(|&i| i < n) else {
        return matches!(
            key,
            "ArrowRight" | "ArrowLeft" | "ArrowUp" | "ArrowDown" | "Home" | "End"
        )
        .then_some(if key == "End" { n - 1 } else { 0 });
    };
    match key {
        "ArrowRight" => Some((i + 1).min(n - 1)),
        "ArrowLeft" => Some(i.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(n - 1),
        "ArrowDown" | "ArrowUp" => {
            let (series, x) = &points[i];
            let same_x = |j: &usize| points[*j].1 == *x && points[*j].0 != *series;
            let found = if key == "ArrowDown" {
                (i + 1..n).find(same_x)
            } else {
                (0..i).rev().find(same_x)
            };
            Some(found.unwrap_or(i))
        }
        _ => None,
    }
}

/// The start text of the first `text=` directive in a URL's fragment
/// (`#:~:text=[prefix-,]start[,end][,-suffix]`), decoded. Browsers hide the
/// directive from `location`, but the navigation entry keeps it.
pub fn text_directive(url: &str) -> Option<String> {
    let (_, directives) = url.split_once(":~:")?;
    let text = directives
        .split('&')
        .find_map(|d| d.strip_prefix("text="))?;
    let start = text
        .split(',')
        .find(|p| !p.ends_with('-') && !p.starts_with('-'))?;
    let start = percent_decode(start);
    (!start.trim().is_empty()).then_some(start)
}

/// The id of the first paragraph, note or list that contains `quote`
/// (compared as search compares, see [`crate::search::fold`]).
pub fn block_with_text<'a>(report: &'a Report, quote: &str) -> Option<&'a str> {
    let has = |text: &str| !crate::search::find_all(text, quote).is_empty();
    report
        .walk_blocks()
        .into_iter()
        .find(|b| match b {
            Block::Paragraph { text, .. } | Block::Note { text, .. } => has(text),
            Block::List { items, .. } => items.iter().any(|i| has(i)),
            _ => false,
        })
        .map(|b| b.id())
}

/// A file name from a title: characters file systems refuse become `_`.
pub fn file_name(title: &str, ext: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}.{ext}", clean.trim())
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
fn percent_decode(s: &str) -> String {
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

/// Which sections are collapsed. Sections start open, so the report reads
/// like the document; the set holds the ids a reader closed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpenSections {
    closed: crate::model::StrSet<String>,
}

impl OpenSections {
    /// Whether the section `id` is open.
    pub fn is_open(&self, id: &str) -> bool {
        !self.closed.contains(id)
    }

    /// Opens or closes one section.
    pub fn set(&mut self, id: &str, open: bool) {
        if open {
            self.closed.remove(id);
        } else {
            self.closed.insert(id.to_string());
        }
    }

    /// Opens every section.
    pub fn expand_all(&mut self) {
        self.closed.clear();
    }

    /// Closes every section of `report`.
    pub fn collapse_all(&mut self, report: &Report) {
        self.closed.clear();
        self.closed.extend(
            report
                .walk_sections()
                .into_iter()
                .map(|(_, s)| s.id.clone()),
        );
    }

    /// Opens the sections around the block [`block_with_text`] finds.
    pub fn reveal_text(&mut self, report: &Report, quote: &str) {
        if let Some(id) = block_with_text(report, quote) {
            self.reveal(report, id);
        }
    }

    /// Whether every section is open.
    pub fn all_open(&self) -> bool {
        self.closed.is_empty()
    }

    /// Starts with these sections closed (ids the report does not have are
    /// ignored).
    pub fn with_closed(report: &Report, ids: &[String]) -> OpenSections {
        let known = report.walk_sections();
        let mut closed = crate::model::StrSet::new();
        closed.extend(
            ids.iter()
                .filter(|i| known.iter().any(|(_, s)| s.id == **i))
                .cloned(),
        );
        OpenSections { closed }
    }

    /// Opens whatever hides the element `target` (a section, block, chart
    /// or key figure id): its section and every section around it.
    pub fn reveal(&mut self, report: &Report, target: &str) {
        fn holds(s: &Section, target: &str) -> bool {
            s.id == target
                || s.blocks.iter().any(|b| {
                    b.id() == target
                        || matches!(b, Block::Figures { figures, .. } if figures.iter().any(|f| f == target))
                })
        }
        fn go(open: &mut OpenSections, sections: &[Section], target: &str) -> bool {
            for s in sections {
                if holds(s, target) || go(open, &s.sections, target) {
                    open.set(&s.id, true);
                    return true;
                }
            }
            false
        }
        go(self, &report.sections, target);
    }

    /// The closed sections' ids, sorted.
    pub fn closed_ids(&self) -> Vec<String> {
        self.closed.iter().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_options_and_warns_on_unknown_values() {
        let (o, w) =
            ViewOptions::from_query("?lang=en&theme=neon&text=large&embed=1&section=part-2&utm=x");
        assert_eq!(o.lang, Lang::En);
        assert_eq!(o.theme, None);
        assert_eq!(o.text, Some(TextSize::Large));
        assert!(o.embed);
        assert_eq!(o.section.as_deref(), Some("part-2"));
        assert_eq!(w, vec!["ignoring unknown value theme=neon".to_string()]);
    }

    #[test]
    fn decodes_percent_escapes() {
        let (o, _) = ViewOptions::from_query("chart=a%2Db&section=x%");
        assert_eq!(o.chart.as_deref(), Some("a-b"));
        assert_eq!(o.section.as_deref(), Some("x%"));
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

    #[test]
    fn chart_keys_walk_points_and_series() {
        let pts: Vec<(usize, String)> = [(0, "2021"), (0, "2022"), (1, "2021"), (1, "2022")]
            .iter()
            .map(|(s, x)| (*s, x.to_string()))
            .collect();
        assert_eq!(chart_key_target(&pts, None, "ArrowRight"), Some(0));
        assert_eq!(chart_key_target(&pts, None, "End"), Some(3));
        assert_eq!(chart_key_target(&pts, Some(0), "ArrowRight"), Some(1));
        assert_eq!(chart_key_target(&pts, Some(3), "ArrowRight"), Some(3));
        assert_eq!(chart_key_target(&pts, Some(0), "ArrowLeft"), Some(0));
        assert_eq!(chart_key_target(&pts, Some(1), "ArrowDown"), Some(3));
        assert_eq!(chart_key_target(&pts, Some(3), "ArrowUp"), Some(1));
        assert_eq!(chart_key_target(&pts, Some(3), "ArrowDown"), Some(3));
        assert_eq!(chart_key_target(&pts, Some(2), "Home"), Some(0));
        assert_eq!(chart_key_target(&pts, Some(2), "a"), None);
        assert_eq!(chart_key_target(&[], None, "ArrowRight"), None);
    }

    #[test]
    fn text_directives_give_their_start_text() {
        assert_eq!(
            text_directive("http://x/?a=1#:~:text=%E8%A1%8C%E6%94%BF").as_deref(),
            Some("行政")
        );
        assert_eq!(
            text_directive("http://x/#top:~:text=pre-,start,end,-suf&text=b").as_deref(),
            Some("start")
        );
        assert_eq!(text_directive("http://x/#top"), None);
        assert_eq!(text_directive("http://x/#:~:text="), None);
    }

    #[test]
    fn text_links_open_the_sections_around_their_words() {
        let r = crate::model::parse_report(include_str!("../../public/reports/jimo-2024.json"))
            .unwrap();
        let part = &r.sections[1];
        let sub = &part.sections[0];
        let Some(Block::Paragraph { text, .. }) = sub.blocks.first() else {
            panic!("a paragraph")
        };
        let words: String = text.chars().skip(12).take(12).collect();
        let mut o = OpenSections::default();
        o.collapse_all(&r);
        o.reveal_text(&r, &words);
        assert!(o.is_open(&part.id) && o.is_open(&sub.id));
        assert!(!o.is_open(&r.sections[0].id));
    }

    #[test]
    fn file_names_drop_what_file_systems_refuse() {
        assert_eq!(file_name(" a/b:c? ", "csv"), "a_b_c_.csv");
    }

    #[test]
    fn reveal_opens_every_section_around_a_target() {
        let r = crate::model::parse_report(include_str!("../../tests/fixtures/valid/minimal.json"))
            .unwrap();
        let mut o =
            OpenSections::with_closed(&r, &["part-1".into(), "part-1-1".into(), "nope".into()]);
        assert_eq!(
            o.closed_ids(),
            vec!["part-1".to_string(), "part-1-1".to_string()]
        );
        o.reveal(&r, "fig-b");
        assert!(o.all_open());
        o.collapse_all(&r);
        o.reveal(&r, "part-1");
        assert_eq!(o.closed_ids(), vec!["part-1-1".to_string()]);
    }

    #[test]
    fn open_sections_expand_and_collapse() {
        let mut s = OpenSections::default();
        assert!(s.is_open("a") && s.all_open());
        s.set("a", false);
        assert!(!s.is_open("a") && !s.all_open());
        s.expand_all();
        assert!(s.is_open("a"));
    }
}
