//! Charts from a report's own tables, so that an author who printed a
//! table of numbers gets its chart without writing JSON.
//!
//! The first columns that hold no number name the rows; columns whose
//! cells are all numbers (or blank) are the data. Years as the column
//! headings (`2022年 2023年 2024年`) make a line chart with a line per
//! row, one chart per group of columns (the heading above the years);
//! years as the rows make a line chart with a line per column; anything
//! else is a bar chart of the rows, without their `合计` row. Series of
//! one unit share a chart: a table of counts and rates gives two. Every
//! value cites its cell (`table_cell`), qualifiers kept (`300余` is a
//! lower bound); a blank cell is no point, never a zero. A column or row
//! without a unit is left out with a warning: a chart needs one.

use std::sync::LazyLock;

use regex::Regex;

use report_format::{
    Chart, ChartKind, Point, Provenance, Series, Table, Value, MAX_SERIES_PER_CHART,
};

use super::figures::{cell_value, unit_in, CellNumber, CellValue};

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:19|20)\d{2}\s*(?:年|年度)?$").expect("a valid pattern"));

const TOTALS: &[&str] = &["合计", "总计", "小计", "总数", "合 计", "总 计"];

/// One run of numbers before it becomes a series: its name, unit, and
/// cells as (category, row, column).
struct Run {
    name: String,
    unit: Option<String>,
    cells: Vec<(String, usize, usize)>,
}

/// The charts `table`'s numbers make (see the module's note), with
/// warnings for the author. `unit` is what the caption or a unit line
/// names.
pub fn charts_for(table: &Table, unit: Option<&str>) -> (Vec<Chart>, Vec<String>) {
    let mut warnings = Vec::new();
    let name = table.name().to_string();
    let width = table.columns.len();
    let values: Vec<Vec<CellValue>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| cell_value(c)).collect())
        .collect();
    let is_number = |r: usize, c: usize| matches!(values[r].get(c), Some(CellValue::Number(_)));
    let labels_end = (0..width)
        .find(|&c| (0..values.len()).any(|r| is_number(r, c)))
        .unwrap_or(width);
    if labels_end == 0 || labels_end == width || table.rows.is_empty() {
        return (Vec::new(), warnings);
    }
    let mut data: Vec<usize> = Vec::new();
    for c in labels_end..width {
        let text: Vec<&str> = (0..values.len())
            .filter(|&r| matches!(values[r].get(c), Some(CellValue::Text)))
            .map(|r| table.rows[r][c].as_str())
            .collect();
        let numbers = (0..values.len()).any(|r| is_number(r, c));
        if numbers && text.is_empty() {
            data.push(c);
        } else if numbers {
            warnings.push(format!(
                "{name}的“{col}”列有不是数字的格(“{t}”),此列未画入图表 / column “{col}” of {name} has cells that are not numbers (“{t}”); it is not charted",
                col = table.columns[c],
                t = text[0]
            ));
        }
    }
    if data.is_empty() {
        return (Vec::new(), warnings);
    }
    let row_label = |r: usize| -> String {
        let mut parts: Vec<&str> = Vec::new();
        for c in 0..labels_end {
            let t = table.rows[r][c].trim();
            if !t.is_empty() && parts.last() != Some(&t) {
                parts.push(t);
            }
        }
        parts.join(" ")
    };
    // Each column's lowest heading and the headings above it.
    let (leaf, group) = headings(table);
    let years_across = data.len() >= 2 && data.iter().all(|&c| YEAR.is_match(&leaf[c]));
    let years_down =
        table.rows.len() >= 2 && (0..table.rows.len()).all(|r| YEAR.is_match(&row_label(r)));
    let mut made: Vec<(ChartKind, String, String, Vec<Run>)> = Vec::new();
    if years_across {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for &c in &data {
            match groups.iter_mut().find(|(g, _)| *g == group[c]) {
                Some((_, cols)) => cols.push(c),
                None => groups.push((group[c].clone(), vec![c])),
            }
        }
        for (g, cols) in groups {
            let runs = (0..table.rows.len())
                .map(|r| Run {
                    name: row_label(r),
                    unit: unit_in(&row_label(r)).or_else(|| unit_in(&g)),
                    cells: cols.iter().map(|&c| (leaf[c].clone(), r, c)).collect(),
                })
                .collect();
            made.push((ChartKind::Line, g, "年份".into(), runs));
        }
    } else {
        let rows: Vec<usize> = (0..table.rows.len())
            .filter(|&r| years_down || !TOTALS.contains(&row_label(r).as_str()))
            .collect();
        let runs = data
            .iter()
            .map(|&c| Run {
                name: table.columns[c].clone(),
                unit: unit_in(&table.columns[c]),
                cells: rows.iter().map(|&r| (row_label(r), r, c)).collect(),
            })
            .collect();
        let x_label = table.columns[..labels_end].join(" ").trim().to_string();
        let (kind, x_label) = if years_down {
            (
                ChartKind::Line,
                if x_label.is_empty() {
                    "年份".into()
                } else {
                    x_label
                },
            )
        } else {
            (
                ChartKind::Bar,
                if x_label.is_empty() {
                    "类别".into()
                } else {
                    x_label
                },
            )
        };
        made.push((kind, String::new(), x_label, runs));
    }
    let title = caption_title(table);
    let groups = made.len();
    let mut charts = Vec::new();
    for (kind, group, x_label, runs) in made {
        // Series of one unit share a chart.
        let mut by_unit: Vec<(String, Vec<Series>)> = Vec::new();
        let mut blank = false;
        for run in runs {
            let cells: Vec<(String, usize, usize, &CellNumber)> = run
                .cells
                .iter()
                .filter_map(|(x, r, c)| match &values[*r][*c] {
                    CellValue::Number(n) => Some((x.clone(), *r, *c, n)),
                    _ => {
                        blank = true;
                        None
                    }
                })
                .collect();
            let unit = run
                .unit
                .or_else(|| cells.iter().find_map(|(.., n)| n.unit.clone()))
                .or_else(|| unit.map(str::to_string));
            let Some(unit) = unit else {
                warnings.push(format!(
                    "{name}的“{n}”没有单位,未画入图表;请在表头或表题中写明单位(如“（件）”“单位:件”) / “{n}” in {name} has no unit and is not charted; name the unit in a heading or the caption (such as “（件）” or “单位:件”)",
                    n = run.name
                ));
                continue;
            };
            if cells.is_empty() {
                continue;
            }
            let points = cells
                .into_iter()
                .map(|(x, r, c, n)| Point {
                    x,
                    value: Value {
                        value: n.value,
                        qualifier: n.qualifier.clone(),
                        source: Provenance::TableCell {
                            table: table.id.clone(),
                            row: r as u32,
                            column: c as u32,
                            quote: table.rows[r][c].trim().to_string(),
                        },
                    },
                })
                .collect();
            let series = Series {
                id: String::new(),
                name: run.name,
                unit: unit.clone(),
                points,
            };
            match by_unit.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, list)) => list.push(series),
                None => by_unit.push((unit, vec![series])),
            }
        }
        let several = by_unit.len() > 1;
        for (unit, mut series) in by_unit {
            if series.len() > MAX_SERIES_PER_CHART {
                warnings.push(format!(
                    "{name}有{}个数据系列,超过一个图表的上限{MAX_SERIES_PER_CHART},未生成图表 / {name} has {} series, more than a chart may have ({MAX_SERIES_PER_CHART}); no chart made",
                    series.len(),
                    series.len()
                ));
                continue;
            }
            for (i, s) in series.iter_mut().enumerate() {
                s.id = format!("s-{}", i + 1);
            }
            let categories = categories_of(&series);
            let mut t = title.clone();
            // Several groups of years (案件数量, 结案数量): each its own chart.
            if groups > 1 && !group.is_empty() {
                t = format!("{t}：{group}");
            }
            if several {
                t = format!("{t}（{unit}）");
            }
            let id = if charts.is_empty() {
                format!("chart-{}", table.id)
            } else {
                format!("chart-{}-{}", table.id, charts.len() + 1)
            };
            let mut notes = Vec::new();
            if blank {
                notes.push("表中空白或写作“—”的格没有数字,图中不画,也不按0计。".to_string());
            }
            let what = if name == table.caption.trim() {
                format!("表格“{name}”")
            } else {
                name.clone()
            };
            warnings.push(format!(
                "由{name}生成{}“{t}”,请核对 / made a {} chart “{t}” from {name}; check it",
                if kind == ChartKind::Line {
                    "折线图"
                } else {
                    "柱状图"
                },
                if kind == ChartKind::Line {
                    "line"
                } else {
                    "bar"
                },
            ));
            charts.push(Chart {
                id,
                title: t,
                kind,
                unit,
                x_label: x_label.clone(),
                categories,
                series,
                description: format!(
                    "根据本报告{what}中的数字绘制，每个数值都注明取自表中哪一格。"
                ),
                notes,
            });
        }
    }
    (charts, warnings)
}

/// The categories of `series` in the order they first occur.
fn categories_of(series: &[Series]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in series.iter().flat_map(|s| &s.points) {
        if !out.contains(&p.x) {
            out.push(p.x.clone());
        }
    }
    out
}

/// The caption without its number: `表1 2022—2024年行政案件情况` →
/// `2022—2024年行政案件情况`.
fn caption_title(table: &Table) -> String {
    let name = table.name();
    let rest = table.caption.trim();
    let rest = rest.strip_prefix(name).unwrap_or(rest);
    let rest = rest.trim_start_matches([' ', ':', '：', '、', '.', '．', '\u{3000}']);
    if rest.is_empty() {
        table.caption.trim().to_string()
    } else {
        rest.to_string()
    }
}

/// For each column, its lowest heading and the headings above it (joined
/// by a space): from the header rows, or the flat heading.
fn headings(table: &Table) -> (Vec<String>, Vec<String>) {
    let n = table.columns.len();
    let (mut leaf, mut group) = (table.columns.clone(), vec![String::new(); n]);
    let Ok(starts) = table.header_columns() else {
        return (leaf, group);
    };
    if table.header.is_empty() {
        return (leaf, group);
    }
    let mut stack: Vec<Vec<&str>> = vec![Vec::new(); n];
    for (row, starts) in table.header.iter().zip(&starts) {
        for (cell, &at) in row.iter().zip(starts) {
            for col in stack.iter_mut().skip(at).take(cell.colspan as usize) {
                col.push(cell.text.trim());
            }
        }
    }
    for (c, parts) in stack.into_iter().enumerate() {
        if let Some((last, above)) = parts.split_last() {
            leaf[c] = last.to_string();
            let mut up: Vec<&str> = above
                .iter()
                .copied()
                .filter(|t| !t.is_empty() && t != last)
                .collect();
            up.dedup();
            group[c] = up.join(" ");
        }
    }
    (leaf, group)
}
