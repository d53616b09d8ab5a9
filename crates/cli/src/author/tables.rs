//! Tables as read (rows of cells with spans) into table blocks: heading
//! rows found and kept with their merged cells, each column's headings
//! flattened into `columns`, the body made rectangular.
//!
//! Which rows are headings: the rows the source marks (`<thead>`, `<th>`,
//! Word's "repeat as header row"); else the first row, and every row a
//! heading cell reaches into by its `rowspan`, and the row below a first
//! row whose cells group several columns (`案件数量` over `2022年` and
//! `2023年`). A body cell merged down several rows (a category beside its
//! sub-rows) is written into each row it covers; one merged across
//! columns stands in its first column, the others left empty, so no word
//! is printed twice in a row.

use report_format::{HeaderCell, Table};

use super::figures::unit_in;
use super::source::Grid;

/// A table block and what the importer should know about it.
#[derive(Debug, Clone)]
pub struct Built {
    /// The table.
    pub table: Table,
    /// The unit its caption or unit line names (`单位:件`), if any.
    pub unit: Option<String>,
    /// What the author should check.
    pub warnings: Vec<String>,
}

/// One slot of the rectangular grid: which cell covers it.
#[derive(Debug, Clone, Copy)]
struct Slot {
    row: usize,
    cell: usize,
}

/// Lays the cells out on a rectangle; `None` where no cell reaches (a row
/// shorter than the others).
fn layout(grid: &Grid) -> (Vec<Vec<Option<Slot>>>, usize) {
    let height = grid.rows.len();
    let mut slots: Vec<Vec<Option<Slot>>> = vec![Vec::new(); height];
    for (r, row) in grid.rows.iter().enumerate() {
        let mut at = 0;
        for (i, cell) in row.iter().enumerate() {
            while slots[r].get(at).is_some_and(Option::is_some) {
                at += 1;
            }
            let (w, d) = (cell.colspan.clamp(1, 1000), cell.rowspan.max(1));
            for line in slots.iter_mut().skip(r).take(d) {
                if line.len() < at + w {
                    line.resize(at + w, None);
                }
                for s in &mut line[at..at + w] {
                    if s.is_none() {
                        *s = Some(Slot { row: r, cell: i });
                    }
                }
            }
            at += w;
        }
    }
    let width = slots.iter().map(Vec::len).max().unwrap_or(0);
    for line in &mut slots {
        line.resize(width, None);
    }
    (slots, width)
}

/// How many rows at the top are headings; see the module's note.
fn heading_rows(grid: &Grid, slots: &[Vec<Option<Slot>>]) -> usize {
    let height = slots.len();
    if let Some(h) = grid.head_rows.filter(|&h| h > 0 && h < height) {
        return h;
    }
    let mut h = 1;
    let groups = grid
        .rows
        .first()
        .is_some_and(|row| row.iter().skip(1).any(|c| c.colspan > 1));
    if groups && height > 2 {
        h = 2;
    }
    // Every row a heading cell reaches into is a heading row too.
    loop {
        let reach = (0..h)
            .flat_map(|r| grid.rows[r].iter().map(move |c| r + c.rowspan.max(1)))
            .max()
            .unwrap_or(h);
        if reach <= h || reach >= height {
            break;
        }
        h = reach;
    }
    h.min(height.saturating_sub(1)).max(1)
}

/// Builds table `n` (its id `id`) from `grid`, with the caption and unit
/// line printed before it.
pub fn build_table(
    grid: &Grid,
    id: &str,
    caption: Option<String>,
    unit_line: Option<String>,
    n: usize,
) -> Built {
    let mut warnings = Vec::new();
    let (slots, width) = layout(grid);
    let text = |s: Option<Slot>| s.map_or("", |s| grid.rows[s.row][s.cell].text.trim());
    let caption = match caption.or_else(|| grid.caption.clone()) {
        Some(c) => c,
        None => {
            let c = format!("表{n}");
            warnings.push(format!(
                "第{n}个表格没有表题(如“表1 …”),已写作“{c}”,请在原稿中补上 / table {n} has no caption (such as “表1 …”); written as “{c}”, add one to the source"
            ));
            c
        }
    };
    let unit = unit_line
        .as_deref()
        .and_then(unit_in)
        .or_else(|| unit_in(&caption));
    let caption = match &unit_line {
        Some(u) if !caption.contains(u.as_str()) => {
            format!("{caption}（{}）", u.trim_matches(['(', ')', '（', '）']))
        }
        _ => caption,
    };
    if slots.is_empty() || width == 0 {
        warnings.push(format!("{caption}是空表格 / table “{caption}” is empty"));
        return Built {
            table: Table {
                id: id.to_string(),
                caption,
                columns: vec![String::new()],
                header: Vec::new(),
                rows: Vec::new(),
                source: None,
            },
            unit,
            warnings,
        };
    }
    let h = heading_rows(grid, &slots).min(slots.len());
    // Each column's headings, top to bottom, each cell once.
    let columns: Vec<String> = (0..width)
        .map(|c| {
            let mut parts: Vec<&str> = Vec::new();
            let mut last: Option<(usize, usize)> = None;
            for line in &slots[..h] {
                let Some(s) = line[c] else { continue };
                if last == Some((s.row, s.cell)) {
                    continue;
                }
                last = Some((s.row, s.cell));
                let t = text(Some(s));
                if !t.is_empty() && parts.last() != Some(&t) {
                    parts.push(t);
                }
            }
            parts.join(" ")
        })
        .collect();
    // The heading rows as printed, when they are more than one flat row.
    let spans = (0..h).any(|r| grid.rows[r].iter().any(|c| c.colspan > 1 || c.rowspan > 1));
    let gaps = slots[..h]
        .iter()
        .any(|line| line.iter().any(Option::is_none));
    let header = if (h > 1 || spans) && !gaps {
        (0..h)
            .map(|r| {
                grid.rows[r]
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| slots[r].iter().flatten().any(|s| s.row == r && s.cell == i))
                    .map(|(_, c)| HeaderCell {
                        text: c.text.trim().to_string(),
                        colspan: c.colspan.clamp(1, width) as u32,
                        rowspan: c.rowspan.clamp(1, h - r) as u32,
                    })
                    .collect()
            })
            .collect()
    } else {
        Vec::new()
    };
    let rows = slots[h..]
        .iter()
        .map(|line| {
            (0..width)
                .map(|c| match line[c] {
                    // Merged across columns: its first column only.
                    Some(s)
                        if c > 0
                            && line[c - 1].is_some_and(|p| p.row == s.row && p.cell == s.cell) =>
                    {
                        String::new()
                    }
                    Some(s) => text(Some(s)).to_string(),
                    None => String::new(),
                })
                .collect()
        })
        .collect();
    let table = Table {
        id: id.to_string(),
        caption,
        columns,
        header,
        rows,
        source: None,
    };
    if table.header_columns().is_err() {
        // Spans the source got wrong: the flat headings still say it all.
        return Built {
            table: Table {
                header: Vec::new(),
                ..table
            },
            unit,
            warnings,
        };
    }
    Built {
        table,
        unit,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::author::source::GridCell;

    fn cell(t: &str, colspan: usize, rowspan: usize) -> GridCell {
        GridCell {
            text: t.into(),
            colspan,
            rowspan,
        }
    }

    #[test]
    fn merged_headings_become_a_header_and_flat_columns() {
        let grid = Grid {
            rows: vec![
                vec![cell("类别", 1, 2), cell("案件数量（件）", 3, 1)],
                vec![
                    cell("2022年", 1, 1),
                    cell("2023年", 1, 1),
                    cell("2024年", 1, 1),
                ],
                vec![
                    cell("行政诉讼案件", 1, 1),
                    cell("466", 1, 1),
                    cell("430", 1, 1),
                    cell("412", 1, 1),
                ],
                vec![
                    cell("行政复议案件", 1, 1),
                    cell("221", 1, 1),
                    cell("300余", 1, 1),
                    cell("550", 1, 1),
                ],
            ],
            ..Grid::default()
        };
        let b = build_table(&grid, "table-1", Some("表1 行政案件情况".into()), None, 1);
        let t = b.table;
        assert_eq!(
            t.columns,
            [
                "类别",
                "案件数量（件） 2022年",
                "案件数量（件） 2023年",
                "案件数量（件） 2024年"
            ]
        );
        assert_eq!(t.header.len(), 2);
        assert_eq!((t.header[0][0].rowspan, t.header[0][1].colspan), (2, 3));
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1], ["行政复议案件", "221", "300余", "550"]);
        assert!(t.header_columns().is_ok());
        assert!(b.warnings.is_empty());
    }

    #[test]
    fn a_category_merged_down_is_written_into_each_row() {
        let grid = Grid {
            rows: vec![
                vec![cell("类别", 1, 1), cell("项目", 1, 1), cell("数量", 1, 1)],
                vec![cell("行政案件", 1, 2), cell("诉讼", 1, 1), cell("5", 1, 1)],
                vec![cell("复议", 1, 1), cell("6", 1, 1)],
                vec![cell("合计", 2, 1), cell("11", 1, 1)],
                vec![cell("短行", 1, 1)],
            ],
            ..Grid::default()
        };
        let t = build_table(&grid, "t", None, Some("单位：件".into()), 2);
        assert_eq!(t.table.caption, "表2（单位：件）");
        assert_eq!(t.unit.as_deref(), Some("件"));
        assert_eq!(t.warnings.len(), 1, "no caption");
        let rows = &t.table.rows;
        assert_eq!(rows[0], ["行政案件", "诉讼", "5"]);
        assert_eq!(rows[1], ["行政案件", "复议", "6"]);
        assert_eq!(rows[2], ["合计", "", "11"]);
        assert_eq!(rows[3], ["短行", "", ""]);
        assert!(t.table.header.is_empty(), "one flat heading row");
    }
}
