//! Plain state the browser layer works with: what a URL asks for, the URL
//! written back, a chart's state, which chart point a key moves to, file
//! names and what the page repeats, what reading aloud says, the viewer's
//! words in traditional characters. No DOM here, so all of it is tested
//! natively.

pub mod chart;
mod echo;
pub mod read;
mod script;
mod url;

pub use echo::{echo, file_name, MAX_ECHO_CHARS, MAX_FILE_STEM_CHARS};
pub use script::ScriptTable;
pub(crate) use url::percent_decode;
pub use url::{query_with_state, share_query, ViewOptions, MAX_QUERY_CHARS};

use report_format::{Block, Indexed};

/// Which chart point a key press moves to. `points` lists each drawn
/// point's series and category index in drawing order (series by series;
/// see `report_chart::Drawing::keys`);
/// `current` is the index of the point shown now. Left and right step
/// through a series and on to the next, up and down change series at the
/// same category, Home and End jump to the ends. `None`: not a key the
/// chart uses.
pub fn chart_key_target(
    points: &[(usize, usize)],
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
/// (compared as search compares, with the page's `folding`).
pub fn block_with_text<'a>(
    report: &'a Indexed,
    quote: &str,
    folding: &report_format::search::Folding,
) -> Option<&'a str> {
    let q = folding.fold_str(quote.trim());
    let has =
        |text: &str| !report_format::search::find_folded(&folding.fold_str(text), &q).is_empty();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_keys_walk_points_and_series() {
        let pts = [(0, 0), (0, 1), (1, 0), (1, 1)];
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
}
