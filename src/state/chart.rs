//! One chart's state in the browser: the width it is drawn at, the text
//! scale, the series a reader switched off, and the point shown in the tip.
//! Plain data with the decisions on it (when to draw again, which point a
//! key moves to), so that all of it is tested natively.

use report_chart::{ChartStyle, DrawOptions, DEFAULT_WIDTH};
use report_format::{Lang, TextSize, Theme};

/// How a page draws a chart: with point targets, and the attributes the
/// style sheet, assistive technology and the tests find a drawing by.
pub fn page_options(id: &str) -> DrawOptions {
    DrawOptions {
        targets: true,
        attrs: vec![
            ("class", "chart".into()),
            ("data-chart", id.into()),
            ("role", "presentation".into()),
            ("focusable", "false".into()),
        ],
    }
}

/// What a chart on the page is drawn with now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartState {
    /// The width of the drawing on the page, in CSS pixels.
    pub width: u32,
    /// The text size it was drawn for.
    pub text: TextSize,
    /// Series the reader switched off: bit `i` hides series `i`.
    pub hidden: u16,
    /// The point shown in the tip: its index among the drawn points.
    pub tip: Option<usize>,
}

impl Default for ChartState {
    /// The state of the static page's drawing.
    fn default() -> ChartState {
        ChartState {
            width: DEFAULT_WIDTH,
            text: TextSize::Standard,
            hidden: 0,
            tip: None,
        }
    }
}

impl ChartState {
    /// The style to draw in. The theme is always the light one: the style
    /// sheet recolours drawings for the others, so a theme change draws
    /// nothing again. The page's legend buttons name the series, so the
    /// drawing does not (the plot gets the room, which a phone needs).
    pub fn style(&self, lang: Lang) -> ChartStyle {
        let mut s = ChartStyle::for_width(self.width, self.text.scale(), Theme::Light, lang);
        s.hidden = self.hidden;
        s.legend = false;
        s
    }

    /// Whether a drawing of this state's width must be made again for a
    /// box `box_width` pixels wide. The drawing scales with its box, so a
    /// small difference is left to the scaling (a 720 px drawing in a 776
    /// px column reads the same); a large one would shrink or blow up the
    /// text, and the drawing follows the box. Widths are kept in steps of
    /// 8 px.
    pub fn width_for(&self, box_width: f64) -> Option<u32> {
        let w = ((box_width.max(0.0) as u32) / 8) * 8;
        if w == 0 {
            return None;
        }
        let (a, b) = (f64::from(w), f64::from(self.width));
        ((a - b).abs() > 0.1 * b).then_some(w)
    }

    /// Switches series `i` of `n` on or off; the last one shown stays on
    /// (an empty chart says nothing). Whether anything changed.
    pub fn toggle_series(&mut self, i: usize, n: usize) -> bool {
        if i >= 16 || i >= n {
            return false;
        }
        let next = self.hidden ^ (1 << i);
        if (next.count_ones() as usize) < n {
            self.hidden = next;
            true
        } else {
            false
        }
    }

    /// Whether a drawing made for `other` is the one this state asks for
    /// (the tip is not part of a drawing).
    pub fn draws_as(&self, other: &ChartState) -> bool {
        (self.width, self.text, self.hidden) == (other.width, other.text, other.hidden)
    }

    /// Whether series `i` is shown.
    pub fn shows(&self, i: usize) -> bool {
        i >= 16 || self.hidden & (1 << i) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_width_changes_are_left_to_scaling() {
        let s = ChartState::default();
        assert_eq!(s.width_for(776.0), None, "a desktop column");
        assert_eq!(s.width_for(312.0), Some(312), "a phone");
        assert_eq!(s.width_for(1100.0), Some(1096));
        assert_eq!(s.width_for(0.0), None, "not laid out");
    }

    #[test]
    fn the_last_series_shown_stays() {
        let mut s = ChartState::default();
        assert!(s.toggle_series(0, 2));
        assert!(!s.shows(0) && s.shows(1));
        assert!(!s.toggle_series(1, 2), "the last one stays");
        assert!(s.toggle_series(0, 2));
        assert_eq!(s.hidden, 0);
        assert!(!s.toggle_series(5, 2));
        assert_eq!(s.style(Lang::Zh).hidden, 0);
    }
}
