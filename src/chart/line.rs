//! Line charts: one line per series through its points, broken where a
//! category has no point (values are never interpolated).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{draw_frame, rgb, text, Placed};
use super::{category_index, draw_err, point_label, ChartError, ChartStyle, Mark};
use crate::model::{Chart, Qualifier};

/// Draws `chart` as lines with marked points.
pub(super) fn draw(chart: &Chart, style: &ChartStyle) -> Result<String, ChartError> {
    let pal = style.theme.palette();
    let font = style.font();
    let r = (font * 0.36).max(3.0) as i32;
    draw_frame(chart, style, |ctx, axis| {
        let mut placed = Vec::new();
        for (si, s) in chart.series.iter().enumerate() {
            let color = rgb(pal.series_color(si));
            let mut pts: Vec<(usize, usize, &crate::model::Point)> = s
                .points
                .iter()
                .enumerate()
                .filter_map(|(pi, p)| category_index(chart, &p.x).map(|i| (i, pi, p)))
                .collect();
            pts.sort_by_key(|(i, _, _)| *i);
            let clamp = |v: f64| v.clamp(axis.min, axis.max);
            // Segments join neighbouring categories only; one touching an
            // estimate is dashed.
            for w in pts.windows(2) {
                let ((ia, _, a), (ib, _, b)) = (w[0], w[1]);
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
            for (i, pi, p) in &pts {
                let at = (*i as f64, clamp(p.value.value));
                placed.push(Placed {
                    series: si,
                    point: *pi,
                    at: ctx.backend_coord(&at),
                });
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
            }
        }
        if chart.categories.len() <= 12 {
            draw_labels(ctx, chart, style, axis)?;
        }
        Ok(placed)
    })
}

/// Value labels above points, pushed apart where series come close so that
/// no two labels of one category overlap.
fn draw_labels(
    ctx: &mut super::frame::Ctx<'_, '_>,
    chart: &Chart,
    style: &ChartStyle,
    axis: &super::ValueAxis,
) -> Result<(), ChartError> {
    let pal = style.theme.palette();
    let font = style.font();
    // Approximate plot height in pixels, to turn a label's height into
    // value units.
    let plot_h = (style.height as f64 - font * 7.0).max(40.0);
    let sep = (axis.max - axis.min) * (font * 1.25) / plot_h;
    for (ci, cat) in chart.categories.iter().enumerate() {
        let mut here: Vec<(f64, &crate::model::Value)> = chart
            .series
            .iter()
            .filter_map(|s| s.points.iter().find(|p| &p.x == cat))
            .map(|p| (p.value.value.clamp(axis.min, axis.max), &p.value))
            .collect();
        here.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut last = f64::NEG_INFINITY;
        for (v, value) in here {
            let y = v.max(last + sep);
            last = y;
            ctx.draw_series(std::iter::once(
                EmptyElement::at((ci as f64, y))
                    + Text::new(
                        point_label(value, style.lang),
                        (0, -(font * 1.7) as i32),
                        text(style, 0.9, pal.text).pos(Pos::new(HPos::Center, VPos::Top)),
                    ),
            ))
            .map_err(draw_err)?;
        }
    }
    Ok(())
}
