//! Line charts: one line per series through its points, broken where a
//! category has no point (values are never interpolated).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{draw_frame, rgb, text};
use super::{category_index, draw_err, point_label, ChartError, ChartStyle, Mark};
use crate::model::{Chart, Qualifier};

/// Draws `chart` as lines with marked points.
pub(super) fn draw(chart: &Chart, style: &ChartStyle) -> Result<String, ChartError> {
    let pal = style.theme.palette();
    let font = style.font();
    let r = (font * 0.36).max(3.0) as i32;
    draw_frame(chart, style, |ctx, axis| {
        let label_every_point = chart.categories.len() <= 12;
        for (si, s) in chart.series.iter().enumerate() {
            let color = rgb(pal.series_color(si));
            let mut pts: Vec<(usize, &crate::model::Point)> = s
                .points
                .iter()
                .filter_map(|p| category_index(chart, &p.x).map(|i| (i, p)))
                .collect();
            pts.sort_by_key(|(i, _)| *i);
            let clamp = |v: f64| v.clamp(axis.min, axis.max);
            // Segments join neighbouring categories only; one touching an
            // estimate is dashed.
            for w in pts.windows(2) {
                let ((ia, a), (ib, b)) = (w[0], w[1]);
                if ib != ia + 1 {
                    continue;
                }
                let seg = vec![
                    (ia as f64, clamp(a.value.value)),
                    (ib as f64, clamp(b.value.value)),
                ];
                let estimated =
                    Mark::of(&a.value) == Mark::Derived || Mark::of(&b.value) == Mark::Derived;
                if estimated {
                    ctx.draw_series(DashedLineSeries::new(seg, 6, 5, color.stroke_width(2)))
                        .map_err(draw_err)?;
                } else {
                    ctx.draw_series(LineSeries::new(seg, color.stroke_width(3)))
                        .map_err(draw_err)?;
                }
            }
            for (i, p) in &pts {
                let at = (*i as f64, clamp(p.value.value));
                match Mark::of(&p.value) {
                    Mark::Exact => ctx
                        .draw_series(std::iter::once(Circle::new(at, r, color.filled())))
                        .map(|_| ()),
                    Mark::Derived => ctx
                        .draw_series(std::iter::once(Circle::new(
                            at,
                            r,
                            ShapeStyle::from(color).stroke_width(2),
                        )))
                        .map(|_| ()),
                    Mark::LowerBound => ctx
                        .draw_series(std::iter::once(TriangleMarker::new(
                            at,
                            r + 2,
                            color.filled(),
                        )))
                        .map(|_| ()),
                    Mark::Range => {
                        let high = match p.value.qualifier {
                            Qualifier::Range { high } => clamp(high),
                            _ => at.1,
                        };
                        ctx.draw_series(std::iter::once(PathElement::new(
                            vec![at, (at.0, high)],
                            color.stroke_width(3),
                        )))
                        .map(|_| ())
                    }
                }
                .map_err(draw_err)?;
                if label_every_point {
                    ctx.draw_series(std::iter::once(
                        EmptyElement::at(at)
                            + Text::new(
                                point_label(&p.value, style.lang),
                                (0, -(font * 1.7) as i32),
                                text(style, 0.9, pal.text).pos(Pos::new(HPos::Center, VPos::Top)),
                            ),
                    ))
                    .map_err(draw_err)?;
                }
            }
        }
        Ok(())
    })
}
