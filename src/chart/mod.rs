//! Charts as pure functions from a chart spec and a size to an SVG string,
//! drawn with plotters.
//!
//! Architecture invariant: this layer imports nothing from `leptos` or
//! `web_sys`; it takes a [`crate::model::Chart`] and a [`ChartStyle`] and
//! returns markup. The viewer puts that markup in the page, the command-line
//! tool writes it into static HTML, and native tests check its structure.
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
pub use palette::{contrast_ratio, Palette, Theme};

use crate::i18n::Lang;
use crate::model::{Chart, ChartKind, Qualifier, Value};

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// The chart has no points to draw.
    NoData,
    /// plotters reported a drawing error.
    Draw(String),
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::NoData => write!(f, "the chart has no points"),
            ChartError::Draw(e) => write!(f, "drawing failed: {e}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// Draws `chart` as a standalone SVG document string.
pub fn render_svg(chart: &Chart, style: &ChartStyle) -> Result<String, ChartError> {
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
                .map(|(i, s)| crate::model::Series {
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
    let mut svg = match chart.kind {
        ChartKind::Bar => bar::draw(chart, style)?,
        ChartKind::Line => line::draw(chart, style)?,
    };
    // plotters gives a fixed-size root; let CSS scale it with its box.
    if let Some(end) = svg.find('>') {
        let attrs = format!(
            " class=\"chart\" data-chart=\"{}\" role=\"presentation\" focusable=\"false\"",
            escape_xml(&chart.id)
        );
        svg.insert_str(end, &attrs);
    }
    Ok(svg)
}

/// The chart as a file to download: `render_svg`'s drawing with the title
/// above it and the source lines below, on the theme's background, as one
/// self-contained SVG document (also the picture a PNG is made from).
pub fn export_svg(
    chart: &Chart,
    style: &ChartStyle,
    title: &str,
    footer: &[String],
) -> Result<String, ChartError> {
    let inner = render_svg(chart, style)?;
    // The point targets are for the page, not the picture.
    let inner = match (inner.find("<g class=\"pts\">"), inner.rfind("</svg>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &inner[..a], &inner[b..]),
        _ => inner,
    };
    let pal = style.theme.palette();
    let (w, font) = (style.width as f64, style.font());
    let pad = font;
    let color = |(r, g, b): (u8, u8, u8)| format!("#{r:02x}{g:02x}{b:02x}");
    let mut out = String::new();
    let mut y = pad;
    let line = |out: &mut String, text: &str, size: f64, weight: &str, y: &mut f64| {
        for part in frame::wrap(text, size, w - 2.0 * pad) {
            *y += size * 1.35;
            *out += &format!(
                "<text x=\"{pad}\" y=\"{y:.0}\" font-size=\"{size:.1}\" font-weight=\"{weight}\" fill=\"{}\">{}</text>",
                color(pal.text),
                escape_xml(&part)
            );
        }
    };
    line(&mut out, title, font * 1.25, "bold", &mut y);
    y += pad * 0.6;
    let chart_top = y;
    y += style.height as f64 + pad * 0.4;
    for f in footer {
        line(&mut out, f, font * 0.8, "normal", &mut y);
    }
    let height = (y + pad).ceil();
    // Place the drawing below the title: a nested <svg> with a y offset.
    let inner = inner.replacen("<svg ", &format!("<svg y=\"{chart_top:.0}\" "), 1);
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\" font-family=\"sans-serif\"><rect width=\"100%\" height=\"100%\" fill=\"{}\"/>{out}{inner}</svg>",
        color(pal.background)
    ))
}

/// Escapes text for an XML attribute or element.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
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
