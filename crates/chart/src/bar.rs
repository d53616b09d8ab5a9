//! Grouped bars: one bar per series in each category.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::frame::{anchored, draw_frame, rgb, triangle, Shape};
use super::{draw_err, palette, point_label, ChartError, ChartStyle, Mark, Placed};
use report_format::{category_order, Chart, Qualifier};

/// Draws `chart` as grouped bars.
pub(super) fn draw(chart: &Chart, style: &ChartStyle) -> Result<(String, Vec<Placed>), ChartError> {
    let pal = palette(style.theme);
    // Bar slots go to series with points, in order; a hidden series
    // leaves no gap.
    let slots: Vec<usize> = (0..chart.series.len())
        .filter(|&i| !chart.series[i].points.is_empty())
        .collect();
    let k = slots.len().max(1) as f64;
    let group = 0.76;
    let bar_w = group / k;
    let font = style.font();
    draw_frame(chart, style, |area, plot| {
        let mut placed = Vec::new();
        // `y` clamps to the axis.
        let base = plot.y(0.0);
        for (slot, &si) in slots.iter().enumerate() {
            let s = &chart.series[si];
            let color = rgb(pal.series_color(si));
            for (ci, pi) in category_order(chart, s) {
                let p = &s.points[pi];
                let c = ci as f64 - group / 2.0 + slot as f64 * bar_w;
                let x0 = plot.x(c + bar_w * 0.06);
                let x1 = plot.x(c + bar_w * 0.94);
                let xm = (x0 + x1) / 2;
                let y = plot.y(p.value.value);
                let mark = Mark::of(&p.value);
                let fill = match mark {
                    // A derived bar is pale with a dashed outline: an estimate,
                    // not a count.
                    Mark::Derived => color.mix(0.18).filled(),
                    _ => color.filled(),
                };
                area.draw(&Shape::Rect(Rectangle::new([(x0, base), (x1, y)], fill)))
                    .map_err(draw_err)?;
                if mark == Mark::Derived {
                    let outline = [(x0, base), (x0, y), (x1, y), (x1, base)];
                    area.draw(&Shape::Dashed(DashedPathElement::new(
                        &outline,
                        6,
                        4,
                        color.stroke_width(2),
                    )))
                    .map_err(draw_err)?;
                }
                let mut top = y;
                match (&p.value.qualifier, mark) {
                    (Qualifier::Range { high }, _) => {
                        let hi = plot.y(*high);
                        let stroke = ShapeStyle::from(rgb(pal.text)).stroke_width(2);
                        let cap = ((x1 - x0) / 5).max(3);
                        area.draw(&Shape::Path(PathElement::new(
                            vec![(xm, y), (xm, hi)],
                            stroke,
                        )))
                        .map_err(draw_err)?;
                        area.draw(&Shape::Path(PathElement::new(
                            vec![(xm - cap, hi), (xm + cap, hi)],
                            stroke,
                        )))
                        .map_err(draw_err)?;
                        top = hi;
                    }
                    (_, Mark::LowerBound) => {
                        // An upward arrow on top: the true value is higher.
                        let size = (font * 0.45) as i32;
                        area.draw(&Shape::Tri(triangle((xm, y), size, rgb(pal.text))))
                            .map_err(draw_err)?;
                    }
                    _ => {}
                }
                placed.push(Placed {
                    series: si,
                    point: pi,
                    category: ci,
                    x: xm,
                    y: top,
                });
                area.draw(&Shape::Text(Text::new(
                    point_label(&p.value, style.lang),
                    (xm, top - (font * 0.5) as i32),
                    anchored(style, 0.95, pal.text, HPos::Center, VPos::Bottom),
                )))
                .map_err(draw_err)?;
            }
        }
        Ok(placed)
    })
}
