//! Grouped bar charts: one bar per series in each category.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{draw_frame, rgb, text, Placed};
use super::{category_index, draw_err, point_label, ChartError, ChartStyle, Mark};
use crate::model::{Chart, Qualifier};

/// Draws `chart` as grouped bars.
pub(super) fn draw(chart: &Chart, style: &ChartStyle) -> Result<String, ChartError> {
    let pal = style.theme.palette();
    let k = chart.series.len().max(1) as f64;
    let group = 0.76;
    let bar_w = group / k;
    draw_frame(chart, style, |ctx, axis| {
        let mut placed = Vec::new();
        for (si, s) in chart.series.iter().enumerate() {
            let color = rgb(pal.series_color(si));
            for (pi, p) in s.points.iter().enumerate() {
                let Some(ci) = category_index(chart, &p.x) else {
                    continue;
                };
                let x0 = ci as f64 - group / 2.0 + si as f64 * bar_w + bar_w * 0.06;
                let x1 = x0 + bar_w * 0.88;
                let xm = (x0 + x1) / 2.0;
                let base = 0f64.clamp(axis.min, axis.max);
                let v = p.value.value.clamp(axis.min, axis.max);
                let mark = Mark::of(&p.value);
                let fill = match mark {
                    // A derived bar is pale with a dashed outline: an estimate,
                    // not a count.
                    Mark::Derived => color.mix(0.18).filled(),
                    _ => color.filled(),
                };
                ctx.draw_series(std::iter::once(Rectangle::new([(x0, base), (x1, v)], fill)))
                    .map_err(draw_err)?;
                if mark == Mark::Derived {
                    let outline = vec![(x0, base), (x0, v), (x1, v), (x1, base)];
                    ctx.draw_series(DashedLineSeries::new(outline, 6, 4, color.stroke_width(2)))
                        .map_err(draw_err)?;
                }
                let mut top = v;
                match (&p.value.qualifier, mark) {
                    (Qualifier::Range { high }, _) => {
                        let hi = high.clamp(axis.min, axis.max);
                        let stroke = ShapeStyle::from(rgb(pal.text)).stroke_width(2);
                        let cap = bar_w * 0.2;
                        ctx.draw_series(std::iter::once(PathElement::new(
                            vec![(xm, v), (xm, hi)],
                            stroke,
                        )))
                        .map_err(draw_err)?;
                        ctx.draw_series(std::iter::once(PathElement::new(
                            vec![(xm - cap, hi), (xm + cap, hi)],
                            stroke,
                        )))
                        .map_err(draw_err)?;
                        top = hi;
                    }
                    (_, Mark::LowerBound) => {
                        // An upward arrow on top: the true value is higher.
                        let size = (style.font() * 0.45) as i32;
                        ctx.draw_series(std::iter::once(TriangleMarker::new(
                            (xm, v),
                            size,
                            rgb(pal.text).filled(),
                        )))
                        .map_err(draw_err)?;
                    }
                    _ => {}
                }
                placed.push(Placed {
                    series: si,
                    point: pi,
                    at: ctx.backend_coord(&(xm, top)),
                });
                let label = point_label(&p.value, style.lang);
                let font = style.font();
                ctx.draw_series(std::iter::once(
                    EmptyElement::at((xm, top))
                        + Text::new(
                            label,
                            (0, -(font * 1.5) as i32),
                            text(style, 0.95, pal.text).pos(Pos::new(HPos::Center, VPos::Top)),
                        ),
                ))
                .map_err(draw_err)?;
            }
        }
        Ok(placed)
    })
}
