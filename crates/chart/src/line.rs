//! Line charts: one line per series through its points, broken where a
//! category has no point (values are never interpolated).

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::frame::{anchored, draw_frame, rgb, triangle, Area, Plot, Shape};
use super::{draw_err, palette, point_label, ChartError, ChartStyle, Mark, Placed};
use report_format::{category_order, chart_points, Chart, Point, Qualifier, Value};

/// Draws `chart` as lines with marked points.
pub(super) fn draw(chart: &Chart, style: &ChartStyle) -> Result<(String, Vec<Placed>), ChartError> {
    let pal = palette(style.theme);
    let font = style.font();
    let r = (font * 0.36).max(3.0) as i32;
    draw_frame(chart, style, |area, plot| {
        let mut placed = Vec::new();
        for (si, s) in chart.series.iter().enumerate() {
            let color = rgb(pal.series_color(si));
            let pts: Vec<(usize, usize, &Point)> = category_order(chart, s)
                .into_iter()
                .map(|(i, pi)| (i, pi, &s.points[pi]))
                .collect();
            let at = |i: usize, p: &Point| (plot.x(i as f64), plot.y(p.value.value));
            // Segments join neighbouring categories only; one touching an
            // estimate is dashed.
            for w in pts.windows(2) {
                let ((ia, _, a), (ib, _, b)) = (w[0], w[1]);
                if ib != ia + 1 {
                    continue;
                }
                let seg = vec![at(ia, a), at(ib, b)];
                let estimated =
                    Mark::of(&a.value) == Mark::Derived || Mark::of(&b.value) == Mark::Derived;
                if estimated {
                    area.draw(&Shape::Dashed(DashedPathElement::new(
                        &seg,
                        6,
                        5,
                        color.stroke_width(2),
                    )))
                    .map_err(draw_err)?;
                } else {
                    area.draw(&Shape::Path(PathElement::new(seg, color.stroke_width(3))))
                        .map_err(draw_err)?;
                }
            }
            for (i, pi, p) in &pts {
                let xy = at(*i, p);
                placed.push(Placed {
                    series: si,
                    point: *pi,
                    category: *i,
                    x: xy.0,
                    y: xy.1,
                });
                match Mark::of(&p.value) {
                    Mark::Exact => area.draw(&Shape::Circle(Circle::new(xy, r, color.filled()))),
                    Mark::Derived => area.draw(&Shape::Circle(Circle::new(
                        xy,
                        r,
                        ShapeStyle::from(color).stroke_width(2),
                    ))),
                    Mark::LowerBound => area.draw(&Shape::Tri(triangle(xy, r + 2, color))),
                    Mark::Range => {
                        let high = match p.value.qualifier {
                            Qualifier::Range { high } => plot.y(high),
                            _ => xy.1,
                        };
                        area.draw(&Shape::Path(PathElement::new(
                            vec![xy, (xy.0, high)],
                            color.stroke_width(3),
                        )))
                    }
                }
                .map_err(draw_err)?;
            }
        }
        if chart.categories.len() <= 12 {
            draw_labels(area, plot, chart, style)?;
        }
        Ok(placed)
    })
}

/// Value labels above points, pushed apart where series come close so that
/// no two labels of one category overlap.
fn draw_labels(
    area: &Area<'_>,
    plot: &Plot,
    chart: &Chart,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let pal = palette(style.theme);
    let font = style.font();
    let line = (font * 1.25) as i32;
    let at = chart_points(chart);
    for ci in 0..chart.categories.len() {
        let mut here: Vec<(i32, &Value)> = chart
            .series
            .iter()
            .zip(&at)
            .filter_map(|(s, at)| s.points.get(at[ci]?))
            .map(|p| (plot.y(p.value.value), &p.value))
            .collect();
        // Lowest on screen (largest y) first; each label at least a line
        // above the one before.
        // A stable insertion sort (one value per series, so few): std's
        // `sort_by_key` would add ~3.5 KB of driftsort to the WASM.
        for i in 1..here.len() {
            let mut j = i;
            while j > 0 && here[j - 1].0 < here[j].0 {
                here.swap(j - 1, j);
                j -= 1;
            }
        }
        let mut last = i32::MAX;
        for (y, value) in here {
            let label_y = (y - (font * 0.6) as i32).min(last - line);
            // Pushed above the plot there is no room: leave the rest to
            // the data table rather than overprint the legend.
            if label_y - line < plot.top() {
                break;
            }
            last = label_y;
            area.draw(&Shape::Text(Text::new(
                point_label(value, style.lang),
                (plot.x(ci as f64), label_y),
                anchored(style, 0.9, pal.text, HPos::Center, VPos::Bottom),
            )))
            .map_err(draw_err)?;
        }
    }
    Ok(())
}
