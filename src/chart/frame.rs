//! What bar and line charts share: the background, the unit, the legend,
//! the value axis and the category labels.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::{axis_values, draw_err, ChartError, ChartStyle, ValueAxis};
use crate::model::format_number as format_tick;
use crate::model::Chart;

/// The drawing context both chart kinds draw their series into: x runs
/// from -0.5 to n - 0.5 so that category `i` is centred on `i`.
pub(super) type Ctx<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Converts a palette triple to a plotters colour.
pub(super) fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// plotters' SVG backend writes `font-size` as the given size ÷ 1.24.
const PLOTTERS_FONT_FACTOR: f64 = 1.24;

/// A text style in the chart's font at `scale` × the base size.
pub(super) fn text(style: &ChartStyle, scale: f64, color: (u8, u8, u8)) -> TextStyle<'static> {
    let px = style.font() * scale * PLOTTERS_FONT_FACTOR;
    let mut t = TextStyle::from(("sans-serif", px).into_font());
    t.color = rgb(color).to_backend_color();
    t
}

/// Rough width of `s` in pixels at `font` size: CJK characters are about
/// one em wide, Latin ones about half. Only used for layout decisions.
pub(super) fn approx_width(s: &str, font: f64) -> f64 {
    s.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.56 } else { 1.0 })
        .sum::<f64>()
        * font
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

/// Where one data point was drawn, in SVG pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Placed {
    /// Index of the series in the chart.
    pub series: usize,
    /// Index of the point in its series.
    pub point: usize,
    /// Pixel position of the point (top of a bar).
    pub at: (i32, i32),
}

/// Draws background, unit, legend, axes and category labels, then hands
/// the context to `series` to draw the data; `series` returns where it put
/// each point, and those become the chart's point targets.
pub(super) fn draw_frame(
    chart: &Chart,
    style: &ChartStyle,
    series: impl FnOnce(&mut Ctx<'_, '_>, &ValueAxis) -> Result<Vec<Placed>, ChartError>,
) -> Result<String, ChartError> {
    let mut buf = String::new();
    let placed;
    {
        let pal = style.theme.palette();
        let font = style.font();
        let root =
            SVGBackend::with_string(&mut buf, (style.width, style.height)).into_drawing_area();
        root.fill(&rgb(pal.background)).map_err(draw_err)?;

        // Unit, top left, in the reading direction rather than rotated.
        let unit_label = match style.lang {
            crate::i18n::Lang::Zh => format!("单位:{}", chart.unit),
            crate::i18n::Lang::En => format!("Unit: {}", chart.unit),
        };
        let pad = (font * 0.6) as i32;
        root.draw(&Text::new(
            unit_label,
            (pad, pad),
            text(style, 0.9, pal.text),
        ))
        .map_err(draw_err)?;

        // Legend row(s) under the unit when there is more than one series.
        let mut top = (font * 2.2) as i32;
        if chart.series.len() > 1 {
            let (mut x, mut y) = (pad, top);
            let line_h = (font * 1.5) as i32;
            for (i, s) in chart.series.iter().enumerate() {
                let w = (approx_width(&s.name, font * 0.9) + font * 2.2) as i32;
                if x + w > style.width as i32 - pad && x > pad {
                    x = pad;
                    y += line_h;
                }
                let c = rgb(pal.series_color(i));
                let sw = (font * 0.9) as i32;
                root.draw(&Rectangle::new(
                    [(x, y + 2), (x + sw, y + 2 + sw)],
                    c.filled(),
                ))
                .map_err(draw_err)?;
                root.draw(&Text::new(
                    s.name.clone(),
                    (x + sw + (font * 0.4) as i32, y),
                    text(style, 0.9, pal.text),
                ))
                .map_err(draw_err)?;
                x += w;
            }
            top = y + line_h + (font * 0.4) as i32;
        }

        let axis = ValueAxis::for_values(axis_values(chart), 5);
        let n = chart.categories.len();
        let tick_w = axis
            .ticks()
            .iter()
            .map(|t| approx_width(&format_tick(*t, style.lang), font * 0.9))
            .fold(0.0, f64::max);
        let (_, plot) = root.split_vertically(top);
        let mut ctx = ChartBuilder::on(&plot)
            .margin_right((font * 1.2) as i32)
            .margin_left(pad)
            .margin_bottom(pad)
            .x_label_area_size((font * 3.6) as i32)
            .y_label_area_size((tick_w + font * 0.8) as i32)
            .build_cartesian_2d(-0.5..(n as f64 - 0.5), axis.min..axis.max)
            .map_err(draw_err)?;

        let plot_w = style.width as f64 - tick_w - font * 3.0;
        let per_cat = plot_w / n.max(1) as f64;
        let lang = style.lang;
        let cats = &chart.categories;
        let fmt_x = |x: &f64| {
            let i = x.round();
            if (x - i).abs() > 1e-6 || i < 0.0 || i as usize >= cats.len() {
                return String::new();
            }
            fit(&cats[i as usize], font * 0.9, per_cat * 0.95)
        };
        let fmt_y = |y: &f64| format_tick(*y, lang);
        ctx.configure_mesh()
            .disable_x_mesh()
            .x_labels(n.min(24))
            .y_labels(axis.ticks().len())
            .x_label_formatter(&fmt_x)
            .x_desc(chart.x_label.as_str())
            .axis_desc_style(text(style, 0.85, pal.text))
            .y_label_formatter(&fmt_y)
            .x_label_style(text(style, 0.9, pal.text))
            .y_label_style(text(style, 0.9, pal.text))
            .axis_style(rgb(pal.axis))
            .light_line_style(TRANSPARENT)
            .bold_line_style(rgb(pal.grid))
            .draw()
            .map_err(draw_err)?;

        placed = series(&mut ctx, &axis)?;
        root.present().map_err(draw_err)?;
    }
    let targets = point_targets(chart, style, &placed);
    match buf.rfind("</svg>") {
        Some(end) => buf.insert_str(end, &targets),
        None => return Err(ChartError::Draw("plotters wrote no closing </svg>".into())),
    }
    Ok(buf)
}

/// One transparent circle per drawn point, carrying which point it is, so
/// the viewer can attach hover and focus to points and tests can count what
/// was drawn.
fn point_targets(chart: &Chart, style: &ChartStyle, placed: &[Placed]) -> String {
    let r = (style.font() * 0.8).max(8.0).round();
    let mut g = String::from("<g class=\"pts\">");
    for p in placed {
        let Some(point) = chart
            .series
            .get(p.series)
            .and_then(|s| s.points.get(p.point))
        else {
            continue;
        };
        g += &format!(
            "<circle class=\"pt\" cx=\"{}\" cy=\"{}\" r=\"{r}\" fill=\"transparent\" data-series=\"{}\" data-point=\"{}\" data-x=\"{}\"/>",
            p.at.0,
            p.at.1,
            p.series,
            p.point,
            super::escape_xml(&point.x)
        );
    }
    g + "</g>"
}
