//! Charts as pure functions from a chart spec and a style to a drawing:
//! the SVG document, its size, and where every point was placed. Drawn
//! with plotters.
//!
//! Architecture invariant: this crate knows nothing of Leptos or the DOM
//! (its Cargo.toml has neither). Callers use a [`Drawing`]'s data (the
//! size, the placed points) and never read it back out of the markup: the
//! viewer shows a point's tip from [`Drawing::points`], the command-line
//! tool writes [`Drawing::svg`] into static pages, downloads use
//! [`export`]'s size.
//!
//! Derived and lower-bound values are drawn differently from exact ones
//! (hollow, dashed, marked) and their labels say so, because a chart must
//! not make an estimate look like a count.

mod axis;
mod bar;
mod frame;
mod line;
mod palette;

pub use axis::{nice_step, ValueAxis};
pub use palette::{contrast_ratio, palette, theme_css, Palette};

use report_format::markup::escape;
use report_format::{is_stray_control, Chart, ChartKind, Lang, Qualifier, Series, Theme, Value};

/// Size, theme and text scale to draw a chart at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle {
    /// Width in CSS pixels.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
    /// Multiplier for every font size (1.0 standard; larger for 长者模式).
    pub text_scale: f64,
    /// Colour theme.
    pub theme: Theme,
    /// Language of axis titles and value labels.
    pub lang: Lang,
    /// Series the reader switched off: bit `i` hides series `i`. Hidden
    /// series keep their colours' places, so the others never change colour.
    pub hidden: u16,
    /// Whether the drawing names its series itself (a legend under the
    /// unit). A page whose legend buttons name them leaves it out, and the
    /// plot gets the room; a picture on its own keeps it.
    pub legend: bool,
}

impl ChartStyle {
    /// The style for a container `width` pixels wide: height follows the
    /// width within limits, and grows with the text.
    pub fn for_width(width: u32, text_scale: f64, theme: Theme, lang: Lang) -> ChartStyle {
        let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
        let text_scale = if text_scale.is_finite() {
            text_scale.clamp(0.5, 3.0)
        } else {
            1.0
        };
        let base = (width as f64 * 0.62).clamp(300.0, 400.0);
        ChartStyle {
            width,
            height: (base * text_scale.sqrt()).round() as u32,
            text_scale,
            theme,
            lang,
            hidden: 0,
            legend: true,
        }
    }

    /// Whether series `i` is switched off.
    pub fn is_hidden(&self, i: usize) -> bool {
        i < 16 && self.hidden & (1 << i) != 0
    }

    /// Font size in CSS pixels for body text in the chart.
    fn font(&self) -> f64 {
        15.0 * self.text_scale
    }
}

/// Narrowest width a chart is drawn at; narrower containers scale it down.
pub const MIN_WIDTH: u32 = 240;
/// Widest width a chart is drawn at.
pub const MAX_WIDTH: u32 = 1600;
/// Width used when the container's width is not known (static HTML).
pub const DEFAULT_WIDTH: u32 = 720;

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// The chart has no points to draw.
    #[error("the chart has no points")]
    NoData,
    /// plotters reported a drawing error.
    #[error("drawing failed: {0}")]
    Draw(String),
}

/// What to draw besides the chart itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DrawOptions {
    /// A transparent target circle on every point (class `pt`, in drawing
    /// order): what a pointer hovers and the focus ring shows on. Pages
    /// want them; downloaded pictures do not.
    pub targets: bool,
    /// Attributes for the root `<svg>` element, as `(name, value)`; values
    /// are escaped here.
    pub attrs: Vec<(&'static str, String)>,
}

/// Where one data point was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Index of the series in the chart.
    pub series: usize,
    /// Index of the point in its series.
    pub point: usize,
    /// Index of the point's category in the chart.
    pub category: usize,
    /// Pixel x of the point, in the drawing's coordinates.
    pub x: i32,
    /// Pixel y of the point (the top of a bar or range).
    pub y: i32,
}

/// A finished drawing: the SVG document, its size in CSS pixels, and the
/// points it placed, in drawing order (series by series, each in category
/// order).
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// The SVG document (`<svg …>…</svg>`), text escaped.
    pub svg: String,
    /// Width in CSS pixels.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
    /// Every point drawn, in drawing order.
    pub points: Vec<Placed>,
    /// The radius of a point's target, in the drawing's pixels.
    pub target_radius: i32,
}

impl Drawing {
    /// The point nearest to (`x`, `y`) in the drawing's pixels, if one is
    /// within its target's radius.
    pub fn point_at(&self, x: f64, y: f64) -> Option<usize> {
        let r = f64::from(self.target_radius);
        let d2 = |p: &Placed| {
            let (dx, dy) = (f64::from(p.x) - x, f64::from(p.y) - y);
            dx * dx + dy * dy
        };
        self.points
            .iter()
            .enumerate()
            .filter(|(_, p)| d2(p) <= r * r)
            .min_by(|a, b| d2(a.1).total_cmp(&d2(b.1)))
            .map(|(i, _)| i)
    }

    /// `(series, category)` of every placed point, in drawing order: what
    /// the arrow keys move through.
    pub fn keys(&self) -> Vec<(usize, usize)> {
        self.points.iter().map(|p| (p.series, p.category)).collect()
    }
}

/// Draws `chart` in `style`.
pub fn draw(
    chart: &Chart,
    style: &ChartStyle,
    options: &DrawOptions,
) -> Result<Drawing, ChartError> {
    let (body, points) = body(chart, style)?;
    let (w, h) = (style.width, style.height);
    let target_radius = (style.font() * 0.8).max(8.0).round() as i32;
    let mut svg = root(w, h, &options.attrs);
    svg += &body;
    if options.targets {
        svg += &format!("<g class=\"{TARGETS_CLASS}\">");
        for p in &points {
            svg += &format!(
                "<circle class=\"{TARGET_CLASS}\" cx=\"{}\" cy=\"{}\" r=\"{target_radius}\" fill=\"transparent\" data-series=\"{}\"/>",
                p.x, p.y, p.series
            );
        }
        svg += "</g>";
    }
    svg += "</svg>";
    Ok(Drawing {
        svg: xml_safe(svg),
        width: w,
        height: h,
        points,
        target_radius,
    })
}

/// The class of the group that holds a drawing's point targets, one
/// circle per point in the order of [`Drawing::points`], so that the
/// viewer finds point `i`'s target as the group's child `i`.
pub const TARGETS_CLASS: &str = "pts";
/// The class of a point's target circle.
pub const TARGET_CLASS: &str = "pt";

/// The opening tag of a drawing's root: its size, a view box so that CSS
/// can scale it with its box, and `attrs`.
fn root(w: u32, h: u32, attrs: &[(&str, String)]) -> String {
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\""
    );
    for (name, value) in attrs {
        s += &format!(" {name}=\"{}\"", escape(value));
    }
    s.push('>');
    s
}

/// plotters' document for `chart` (an `<svg>` of the style's size) and the
/// points it placed.
fn body(chart: &Chart, style: &ChartStyle) -> Result<(String, Vec<Placed>), ChartError> {
    // A hidden series is drawn as one without points, so every other
    // series keeps its index, colour and bar slot order.
    let masked;
    let chart = if style.hidden == 0 {
        chart
    } else {
        masked = Chart {
            series: chart
                .series
                .iter()
                .enumerate()
                .map(|(i, s)| Series {
                    points: if style.is_hidden(i) {
                        Vec::new()
                    } else {
                        s.points.clone()
                    },
                    ..s.clone()
                })
                .collect(),
            ..chart.clone()
        };
        &masked
    };
    if chart.series.iter().all(|s| s.points.is_empty()) || chart.categories.is_empty() {
        return Err(ChartError::NoData);
    }
    // plotters 0.3.7 escapes `&`, `<` and `>` in drawn text (the tests
    // hold it to that), so report text reaches the SVG as text only.
    match chart.kind {
        ChartKind::Bar => bar::draw(chart, style),
        ChartKind::Line => line::draw(chart, style),
    }
}

/// The chart as a file to download: the drawing with the title above it
/// and the source lines below, on the theme's background, as one
/// self-contained SVG document (also the picture a PNG is made from). Its
/// size is the whole picture's; it has no point targets.
pub fn export(
    chart: &Chart,
    style: &ChartStyle,
    title: &str,
    footer: &[String],
) -> Result<Drawing, ChartError> {
    // A picture on its own names its series.
    let style = &ChartStyle {
        legend: true,
        ..*style
    };
    let (inner, points) = body(chart, style)?;
    let pal = palette(style.theme);
    let (w, font) = (style.width as f64, style.font());
    let pad = font;
    let color = |(r, g, b): (u8, u8, u8)| format!("#{r:02x}{g:02x}{b:02x}");
    let mut text = String::new();
    let mut y = pad;
    let line = |out: &mut String, s: &str, size: f64, weight: &str, y: &mut f64| {
        for part in frame::wrap(s, size, w - 2.0 * pad) {
            *y += size * 1.35;
            *out += &format!(
                "<text x=\"{pad}\" y=\"{y:.0}\" font-size=\"{size:.1}\" font-weight=\"{weight}\" fill=\"{}\">{}</text>",
                color(pal.text),
                escape(&part)
            );
        }
    };
    line(&mut text, title, font * 1.25, "bold", &mut y);
    y += pad * 0.6;
    let chart_top = y.round() as i32;
    y += style.height as f64 + pad * 0.4;
    for f in footer {
        line(&mut text, f, font * 0.8, "normal", &mut y);
    }
    let height = (y + pad).ceil() as u32;
    let mut svg = root(style.width, height, &[("font-family", "sans-serif".into())]);
    svg += &format!(
        "<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>{text}<g transform=\"translate(0 {chart_top})\">{inner}</g></svg>",
        color(pal.background)
    );
    Ok(Drawing {
        svg: xml_safe(svg),
        width: style.width,
        height,
        points: points
            .into_iter()
            .map(|p| Placed {
                y: p.y + chart_top,
                ..p
            })
            .collect(),
        target_radius: 0,
    })
}

/// `svg` without the characters XML does not allow (C0 controls other
/// than tab and line breaks, U+FFFE, U+FFFF) and C1 controls: one of them
/// in a label would make the drawing no document at all, and the PNG made
/// from it fail. Validation refuses them in report text; this keeps every
/// drawing a document whatever it is given. Markup written here has none,
/// so only text loses them.
fn xml_safe(svg: String) -> String {
    if svg.chars().any(is_stray_control) {
        svg.chars().filter(|&c| !is_stray_control(c)).collect()
    } else {
        svg
    }
}

/// The label drawn next to a point: the number with its qualifier mark
/// (`约222`, `2.1万余`).
pub fn point_label(v: &Value, lang: Lang) -> String {
    v.number_text(lang)
}

/// How a point is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Solid: the number as printed.
    Exact,
    /// Hollow and dashed: computed, not printed.
    Derived,
    /// With an upward mark: the true value is higher.
    LowerBound,
    /// With a vertical bar: a range.
    Range,
}

impl Mark {
    /// The mark for a value's qualifier.
    pub fn of(v: &Value) -> Mark {
        match v.qualifier {
            Qualifier::Exact | Qualifier::UpperBound { .. } => Mark::Exact,
            Qualifier::Derived { .. } => Mark::Derived,
            Qualifier::LowerBound { .. } => Mark::LowerBound,
            Qualifier::Range { .. } => Mark::Range,
        }
    }
}

/// Every value the axis must show (range tops included).
fn axis_values(chart: &Chart) -> impl Iterator<Item = f64> + '_ {
    chart
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .flat_map(|p| {
            let high = match p.value.qualifier {
                Qualifier::Range { high } => Some(high),
                _ => None,
            };
            std::iter::once(p.value.value).chain(high)
        })
}

/// plotters' errors wrap `std::io::Error`; formatting them would link
/// every `io::ErrorKind` name into the viewer, so only the fact is kept.
fn draw_err<E>(_: E) -> ChartError {
    ChartError::Draw("plotters".to_string())
}

#[cfg(test)]
mod tests;
