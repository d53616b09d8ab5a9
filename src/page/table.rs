//! Report tables: heading rows as printed, with merged cells and the
//! `scope` and `headers` that let a screen reader name every cell's
//! headings, in print and on screen.

use leptos::prelude::*;

use super::Viewer;
use crate::hooks::TABLE_WRAP;
use report_format::page_ids::{table_heading_id, table_row_id};
use report_format::Table;

/// One cell of a table as shown: a heading (`th`) or data (`td`).
struct CellOut {
    head: bool,
    text: String,
    id: Option<String>,
    scope: Option<&'static str>,
    colspan: Option<String>,
    rowspan: Option<String>,
    headers: Option<String>,
}

// One element type per tag, whatever the cell: the attributes a cell does
// not have are `None`, which Leptos leaves out. Tables are rendered by the
// build only (no island holds one), so none of this is in the WASM.
fn cell_view(c: CellOut) -> AnyView {
    if c.head {
        view! {
            <th id=c.id scope=c.scope colspan=c.colspan rowspan=c.rowspan headers=c.headers>
                {c.text}
            </th>
        }
        .into_any()
    } else {
        view! { <td headers=c.headers>{c.text}</td> }.into_any()
    }
}

fn row_view(cells: Vec<CellOut>) -> impl IntoView {
    view! { <tr>{cells.into_iter().map(cell_view).collect_view()}</tr> }
}

/// A table: its heading rows as printed (merged cells keep their spans; a
/// heading over several columns has `scope="colgroup"`), the first cell of
/// each row as the row's heading, and each data cell naming its headings
/// (`headers`), so a screen reader reads "2022年, 案件数量, 行政诉讼案件:
/// 466".
pub(super) fn table_view(t: Table) -> AnyView {
    let v = expect_context::<Viewer>();
    let id = &t.id;
    let heading = |hid: String, scope: &'static str, text: &str| CellOut {
        head: true,
        text: text.to_string(),
        id: Some(hid),
        scope: Some(scope),
        colspan: None,
        rowspan: None,
        headers: None,
    };
    // The heading rows, and for each column the ids of its headings. A
    // header that does not tile the columns is refused by validation;
    // should one get here, the flat headings are shown instead.
    let mut covers: Vec<Vec<String>> = vec![Vec::new(); t.columns.len()];
    let head: Vec<Vec<CellOut>> = match t.header_columns() {
        Ok(starts) if !starts.is_empty() => t
            .header
            .iter()
            .zip(&starts)
            .enumerate()
            .map(|(r, (cells, starts))| {
                cells
                    .iter()
                    .zip(starts)
                    .enumerate()
                    .map(|(i, (cell, &at))| {
                        let hid = table_heading_id(id, r, i);
                        let span = cell.colspan as usize;
                        for c in covers.iter_mut().skip(at).take(span) {
                            c.push(hid.clone());
                        }
                        let scope = if span > 1 { "colgroup" } else { "col" };
                        CellOut {
                            colspan: (span > 1).then(|| span.to_string()),
                            rowspan: (cell.rowspan > 1).then(|| cell.rowspan.to_string()),
                            ..heading(hid, scope, &cell.text)
                        }
                    })
                    .collect()
            })
            .collect(),
        _ => vec![t
            .columns
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let hid = table_heading_id(id, 0, c);
                covers[c].push(hid.clone());
                heading(hid, "col", text)
            })
            .collect()],
    };
    let body = t.rows.iter().enumerate().map(|(r, row)| {
        let row_id = table_row_id(id, r);
        let cells = row
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let mut headers = covers.get(i).cloned().unwrap_or_default();
                if i == 0 {
                    CellOut {
                        headers: Some(headers.join(" ")),
                        ..heading(row_id.clone(), "row", text)
                    }
                } else {
                    headers.push(row_id.clone());
                    CellOut {
                        head: false,
                        text: text.clone(),
                        id: None,
                        scope: None,
                        colspan: None,
                        rowspan: None,
                        headers: Some(headers.join(" ")),
                    }
                }
            })
            .collect::<Vec<_>>();
        row_view(cells)
    });
    let head = head.into_iter().map(row_view).collect_view();
    let body = body.collect_view();
    let source = t
        .source
        .clone()
        .map(|s| view! { <super::figures::SourceLine source=s lang=v.lang /> });
    view! {
        <div class=TABLE_WRAP.name id=t.id.clone()>
            <table>
                <caption>{t.caption.clone()}</caption>
                <thead>{head}</thead>
                <tbody>{body}</tbody>
            </table>
            {source}
        </div>
    }
    .into_any()
}
