//! What bar and line charts share: the background, the unit, the legend,
//! the value axis, the category labels and the projection from data to
//! pixels.
//!
//! Charts are drawn with plotters' SVG backend and its elements, in pixel
//! coordinates that [`Plot`] computes from our own [`ValueAxis`]. (plotters'
//! `ChartBuilder` and mesh would do the same with more generic code in the
//! WASM than the whole projection here.)

use plotters::coord::Shift;
use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use super::{axis_values, draw_err, palette, ChartError, ChartStyle, Placed, ValueAxis};
use report_format::{format_number, Chart, Lang};

/// The SVG drawing area, in pixels.
pub(super) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Where the data goes: category `i` is centred at `x(i)`, value `v` is at
/// `y(v)`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    n: usize,
    /// The value axis.
    pub axis: ValueAxis,
}

impl Plot {
    /// The pixel x of the centre of category `i` (fractions allowed).
    pub fn x(&self, i: f64) -> i32 {
        let w = (self.right - self.left) / self.n.max(1) as f64;
        (self.left + (i + 0.5) * w).round() as i32
    }

    /// The top of the plot in pixels.
    pub fn top(&self) -> i32 {
        self.top as i32
    }

    /// The width of one category in pixels.
    pub fn band(&self) -> f64 {
        (self.right - self.left) / self.n.max(1) as f64
    }

    /// The pixel y of value `v`, clamped to the axis.
    pub fn y(&self, v: f64) -> i32 {
        // `clamp` as spelled out: `f64::clamp` checks its bounds, and its
        // panic message formats floats with `Debug` (~2 KB of WASM).
        let v = if v < self.axis.min {
            self.axis.min
        } else if v > self.axis.max {
            self.axis.max
        } else {
            v
        };
        let span = (self.axis.max - self.axis.min).max(f64::MIN_POSITIVE);
        (self.bottom - (v - self.axis.min) / span * (self.bottom - self.top)).round() as i32
    }
}

/// Converts a palette triple to a plotters colour.
pub(super) fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// plotters' SVG backend writes `font-size` as the given size ÷ 1.24.
const PLOTTERS_FONT_FACTOR: f64 = 1.24;

/// A text style in the chart's font at `scale` × the base size.
pub(super) fn text(style: &ChartStyle, scale: f64, color: (u8, u8, u8)) -> TextStyle<'static> {
    let px = style.font() * scale * PLOTTERS_FONT_FACTOR;
    // Not `"sans-serif"`: plotters lower-cases a family name, and that
    // links the Unicode case tables (~17 KB) into the viewer.
    let mut t = TextStyle::from((FontFamily::SansSerif, px).into_font());
    t.color = rgb(color).to_backend_color();
    t
}

/// The same, anchored at `h`, `v`.
pub(super) fn anchored(
    style: &ChartStyle,
    scale: f64,
    color: (u8, u8, u8),
    h: HPos,
    v: VPos,
) -> TextStyle<'static> {
    text(style, scale, color).pos(Pos::new(h, v))
}

/// plotters' `TriangleMarker` (centre `at`, `size` pixels from centre to
/// corner) drawn the same way, without trigonometry: the marker computes
/// its corners with `cos`/`sin` of −90°, −210° and −330°, which links
/// libm's `sin`, `cos` and `rem_pio2` (~5 KB) into the viewer.
pub(super) struct Triangle {
    at: (i32, i32),
    size: i32,
    color: RGBColor,
}

/// A [`Triangle`] at `at`.
pub(super) fn triangle(at: (i32, i32), size: i32, color: RGBColor) -> Triangle {
    Triangle { at, size, color }
}

impl<'a> PointCollection<'a, (i32, i32)> for &'a Triangle {
    type Point = &'a (i32, i32);
    type IntoIter = std::iter::Once<&'a (i32, i32)>;
    fn point_iter(self) -> std::iter::Once<&'a (i32, i32)> {
        std::iter::once(&self.at)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Triangle {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        if let Some((x, y)) = points.next() {
            let size = f64::from(self.size);
            let corners = TRIANGLE.map(|(cos, sin)| {
                (
                    (cos * size + f64::from(x)).ceil() as i32,
                    (sin * size + f64::from(y)).ceil() as i32,
                )
            });
            backend.fill_polygon(corners, &self.color.to_backend_color())?;
        }
        Ok(())
    }
}

/// Every element the charts draw, as one type: `DrawingArea::draw` is
/// generic over the element, and one instantiation per element type
/// (six of them) costs more WASM than this match.
pub(super) enum Shape<'p> {
    Rect(Rectangle<(i32, i32)>),
    Path(PathElement<(i32, i32)>),
    Dashed(DashedPathElement<std::slice::Iter<'p, (i32, i32)>, i32>),
    Text(Text<'static, (i32, i32), String>),
    Circle(Circle<(i32, i32), i32>),
    Tri(Triangle),
}

impl<'a, 'p> PointCollection<'a, (i32, i32)> for &'a Shape<'p> {
    type Point = &'a (i32, i32);
    type IntoIter = &'a [(i32, i32)];
    fn point_iter(self) -> &'a [(i32, i32)] {
        match self {
            Shape::Rect(e) => e.point_iter(),
            Shape::Path(e) => e.point_iter(),
            Shape::Dashed(e) => e.point_iter().as_slice(),
            Shape::Text(e) => e.point_iter().next().map_or(&[], std::slice::from_ref),
            Shape::Circle(e) => e.point_iter().next().map_or(&[], std::slice::from_ref),
            Shape::Tri(e) => std::slice::from_ref(&e.at),
        }
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Shape<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut DB,
        ps: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match self {
            Shape::Rect(e) => e.draw(points, backend, ps),
            Shape::Path(e) => e.draw(points, backend, ps),
            Shape::Dashed(e) => e.draw(points, backend, ps),
            Shape::Text(e) => e.draw(points, backend, ps),
            Shape::Circle(e) => e.draw(points, backend, ps),
            Shape::Tri(e) => e.draw(points, backend, ps),
        }
    }
}

/// `(cos, sin)` of −90°, −210° and −330° in radians, as plotters computes
/// them (`deg * PI / 180`).
const TRIANGLE: [(f64, f64); 3] = [
    (6.123233995736766e-17, -1.0),
    (-0.8660254037844386, 0.5000000000000001),
    (0.8660254037844384, 0.5000000000000004),
];

/// Rough width of `s` in pixels at `font` size: CJK characters are about
/// one em wide, Latin ones about half. Only used for layout decisions.
pub(super) fn approx_width(s: &str, font: f64) -> f64 {
    s.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.56 } else { 1.0 })
        .sum::<f64>()
        * font
}

/// Breaks `s` into lines of at most `max_px` (by [`approx_width`]),
/// between any two characters: Chinese has no spaces to break at.
pub(super) fn wrap(s: &str, font: f64, max_px: f64) -> Vec<String> {
    let mut lines = vec![String::new()];
    for c in s.chars() {
        let last = lines.last_mut().expect("never empty");
        if !last.is_empty()
            && approx_width(last, font) + approx_width(c.encode_utf8(&mut [0; 4]), font) > max_px
        {
            lines.push(String::new());
        }
        lines.last_mut().expect("never empty").push(c);
    }
    lines
}

/// Shortens `s` to fit `max_px`, ending with `…` when cut.
pub(super) fn fit(s: &str, font: f64, max_px: f64) -> String {
    if approx_width(s, font) <= max_px {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if approx_width(&out, font) + 2.0 * font > max_px {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Draws background, unit, legend, axes and category labels, then hands
/// the area and projection to `series` to draw the data; `series` returns
/// where it put each point.
pub(super) fn draw_frame(
    chart: &Chart,
    style: &ChartStyle,
    series: impl FnOnce(&Area<'_>, &Plot) -> Result<Vec<Placed>, ChartError>,
) -> Result<(String, Vec<Placed>), ChartError> {
    let mut buf = String::new();
    let placed;
    {
        let pal = palette(style.theme);
        let font = style.font();
        let (w, h) = (style.width as f64, style.height as f64);
        let root =
            SVGBackend::with_string(&mut buf, (style.width, style.height)).into_drawing_area();
        root.fill(&rgb(pal.background)).map_err(draw_err)?;

        // Unit, top left, in the reading direction rather than rotated.
        let unit_label = match style.lang {
            Lang::Zh => format!("单位:{}", chart.unit),
            Lang::En => format!("Unit: {}", chart.unit),
        };
        let pad = font * 0.6;
        root.draw(&Shape::Text(Text::new(
            unit_label,
            (pad as i32, pad as i32),
            text(style, 0.9, pal.text),
        )))
        .map_err(draw_err)?;

        // Legend row(s) under the unit when there is more than one series.
        let mut top = font * 2.2;
        let shown = chart.series.iter().filter(|s| !s.points.is_empty()).count();
        if style.legend && shown > 1 {
            let (mut x, mut y) = (pad, top);
            let line_h = font * 1.5;
            let sw = font * 0.9;
            for (i, s) in chart.series.iter().enumerate() {
                // Hidden by the reader (drawn without points): no entry.
                if s.points.is_empty() {
                    continue;
                }
                let item_w = approx_width(&s.name, font * 0.9) + font * 2.2;
                if x + item_w > w - pad && x > pad {
                    x = pad;
                    y += line_h;
                }
                let c = rgb(pal.series_color(i));
                root.draw(&Shape::Rect(Rectangle::new(
                    [
                        (x as i32, (y + 2.0) as i32),
                        ((x + sw) as i32, (y + 2.0 + sw) as i32),
                    ],
                    c.filled(),
                )))
                .map_err(draw_err)?;
                root.draw(&Shape::Text(Text::new(
                    s.name.clone(),
                    ((x + sw + font * 0.4) as i32, y as i32),
                    text(style, 0.9, pal.text),
                )))
                .map_err(draw_err)?;
                x += item_w;
            }
            top = y + line_h + font * 0.4;
        }

        let axis = ValueAxis::for_values(axis_values(chart), 5);
        let ticks = axis.ticks();
        let tick_w = ticks
            .iter()
            .map(|t| approx_width(&format_number(*t, style.lang), font * 0.9))
            .fold(0.0, f64::max);
        let plot = Plot {
            left: pad + tick_w + font * 0.8,
            right: w - font * 1.2,
            top: top + font * 0.6,
            bottom: h - pad - font * 3.4,
            n: chart.categories.len(),
            axis,
        };

        // Grid lines and value labels.
        let grid = ShapeStyle::from(rgb(pal.grid)).stroke_width(1);
        for t in &ticks {
            let y = plot.y(*t);
            root.draw(&Shape::Path(PathElement::new(
                vec![(plot.left as i32, y), (plot.right as i32, y)],
                grid,
            )))
            .map_err(draw_err)?;
            root.draw(&Shape::Text(Text::new(
                format_number(*t, style.lang),
                ((plot.left - font * 0.5) as i32, y),
                anchored(style, 0.9, pal.text, HPos::Right, VPos::Center),
            )))
            .map_err(draw_err)?;
        }
        // Axes: the baseline at zero (or the axis minimum) and the left edge.
        let axis_style = ShapeStyle::from(rgb(pal.axis)).stroke_width(1);
        // `y` clamps to the axis.
        let base = plot.y(0.0);
        root.draw(&Shape::Path(PathElement::new(
            vec![
                (plot.left as i32, plot.top as i32),
                (plot.left as i32, plot.bottom as i32),
            ],
            axis_style,
        )))
        .map_err(draw_err)?;
        root.draw(&Shape::Path(PathElement::new(
            vec![(plot.left as i32, base), (plot.right as i32, base)],
            axis_style,
        )))
        .map_err(draw_err)?;

        // Category labels, shortened to their band (the table has them whole),
        // and at most about 24 of them.
        let every = chart.categories.len().div_ceil(24).max(1);
        for (i, cat) in chart.categories.iter().enumerate().step_by(every) {
            let x = plot.x(i as f64);
            root.draw(&Shape::Path(PathElement::new(
                vec![(x, plot.bottom as i32), (x, (plot.bottom + 4.0) as i32)],
                axis_style,
            )))
            .map_err(draw_err)?;
            root.draw(&Shape::Text(Text::new(
                fit(cat, font * 0.9, plot.band() * every as f64 * 0.95),
                (x, (plot.bottom + font * 0.5) as i32),
                anchored(style, 0.9, pal.text, HPos::Center, VPos::Top),
            )))
            .map_err(draw_err)?;
        }
        root.draw(&Shape::Text(Text::new(
            chart.x_label.clone(),
            (((plot.left + plot.right) / 2.0) as i32, (h - pad) as i32),
            anchored(style, 0.85, pal.text, HPos::Center, VPos::Bottom),
        )))
        .map_err(draw_err)?;

        placed = series(&root, &plot)?;
        root.present().map_err(draw_err)?;
    }
    Ok((buf, placed))
}
