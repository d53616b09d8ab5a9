//! Word documents (`.docx`, from Word or WPS) as a [`Document`]: the body's
//! paragraphs with Word's automatic numbering written out (`docx_styles`),
//! how much of each paragraph's start is bold (a bold run-in heading), and
//! tables with their merged cells (`gridSpan` across, `vMerge` down) and
//! the rows Word repeats as headings. Deleted text of tracked changes is
//! left out, inserted text kept; text boxes and pictures cannot be placed
//! in the text and are reported instead.

use super::source::problem;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use report_format::{Code, Problem};

use super::docx_styles::{attr, on, Numbering, Styles};
use super::limits::{Depth, OpenError, Zip, MAX_PARAGRAPHS, MAX_TABLE_NESTING};
use super::source::{Document, Grid, GridCell, Item, Para, Unit};

/// Reads the Word document `bytes` (the file `name`).
pub fn read(name: &str, bytes: &[u8]) -> Result<Document, Box<Problem>> {
    let broken = |why: String| problem(Code::BrokenDocx, name, &[name, &why]);
    let mut zip = match Zip::open(name, bytes) {
        Ok(z) => z,
        Err(OpenError::Limit(p)) => return Err(p),
        Err(OpenError::Broken(e)) => return Err(broken(e.to_string())),
    };
    // Each part read within the limits, and as UTF-8, as Word writes it.
    let mut part = |path: &str| -> Result<Option<String>, Box<Problem>> {
        match zip.read(path, &broken)? {
            None => Ok(None),
            Some(bytes) => String::from_utf8(bytes)
                .map(Some)
                .map_err(|e| broken(format!("{path}: {e}"))),
        }
    };
    let body = part("word/document.xml")?.ok_or_else(|| broken("word/document.xml".into()))?;
    let styles = Styles::read(part("word/styles.xml")?.as_deref());
    let numbering = Numbering::read(part("word/numbering.xml")?.as_deref());
    let mut r = BodyReader {
        styles,
        numbering,
        doc: Document {
            unit: Unit::Paragraph,
            ..Document::default()
        },
        para: None,
        tables: Vec::new(),
        run: Run::default(),
        in_ppr: false,
        in_text: false,
        skip: 0,
        deleted: 0,
        pictures: 0,
        text_boxes: 0,
        paragraphs: 0,
    };
    r.read(name, &body)?;
    let mut doc = r.doc;
    if r.pictures > 0 {
        doc.warnings.push(format!(
            "文档中有{0}张图片,未导入;图表请用表格或 report chart add 添加 / the document has {0} picture(s), which were not imported; give charts as tables or add them with report chart add",
            r.pictures
        ));
    }
    if r.text_boxes > 0 {
        doc.warnings.push(format!(
            "文档中有{0}个文本框,其中的文字未导入,请移入正文 / the document has {0} text box(es) whose text was not imported; move it into the text",
            r.text_boxes
        ));
    }
    Ok(doc)
}

/// The run being read.
#[derive(Debug, Default)]
struct Run {
    text: String,
    bold: Option<bool>,
    style: Option<String>,
    in_rpr: bool,
}

/// The paragraph being read.
#[derive(Debug, Default)]
struct ParaState {
    runs: Vec<(String, bool)>,
    style: Option<String>,
    num_id: Option<String>,
    level: Option<usize>,
    centred: bool,
}

/// A table being read: rows of (grid column, cell, vertical merge).
#[derive(Debug, Default)]
struct TableState {
    rows: Vec<Vec<(GridCell, Merge)>>,
    header_rows: usize,
    header_open: bool,
    cell: Option<(GridCell, Merge)>,
    skip_before: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Merge {
    None,
    Restart,
    Continue,
}

struct BodyReader {
    styles: Styles,
    numbering: Numbering,
    doc: Document,
    para: Option<ParaState>,
    tables: Vec<TableState>,
    run: Run,
    in_ppr: bool,
    in_text: bool,
    /// Depth inside a part whose text cannot be placed (text boxes).
    skip: usize,
    /// Depth inside deleted text of tracked changes.
    deleted: usize,
    pictures: usize,
    text_boxes: usize,
    paragraphs: usize,
}

impl BodyReader {
    fn read(&mut self, name: &str, xml: &str) -> Result<(), Box<Problem>> {
        let mut reader = Reader::from_str(xml);
        let mut depth = Depth::default();
        // Nesting is refused where it starts, named by the paragraph
        // before it.
        let too_deep = |what: (&str, &str), limit: usize, after: usize| {
            let limit = limit.to_string();
            let (zh, en) = match after {
                0 => (
                    "在第一段之前".to_string(),
                    "before the first paragraph".to_string(),
                ),
                n => (format!("在第{n}段之后"), format!("after paragraph {n}")),
            };
            problem(
                Code::NestedTooDeep,
                name,
                &[name, what.0, what.1, &limit, &zh, &en],
            )
        };
        loop {
            let ev = reader.read_event().map_err(|e| {
                problem(
                    Code::BrokenDocx,
                    name,
                    &[name, &format!("word/document.xml: {e}")],
                )
            })?;
            match ev {
                Event::Eof => return Ok(()),
                Event::Start(e) => {
                    depth.open().map_err(|limit| {
                        let what = ("正文(word/document.xml)", "the body (word/document.xml)");
                        too_deep(what, limit, self.paragraphs)
                    })?;
                    self.start(&e, false);
                    if self.tables.len() > MAX_TABLE_NESTING {
                        let what = ("表格", "a table");
                        return Err(too_deep(what, MAX_TABLE_NESTING, self.paragraphs));
                    }
                }
                Event::Empty(e) if self.skip == 0 => {
                    self.start(&e, true);
                    self.end(e.local_name().as_ref());
                }
                Event::End(e) => {
                    depth.close();
                    self.end(e.local_name().as_ref());
                    // Refused as soon as it is known, not once read.
                    if self.paragraphs > MAX_PARAGRAPHS {
                        let max = MAX_PARAGRAPHS.to_string();
                        return Err(problem(Code::TooManyParagraphs, name, &[name, &max, &max]));
                    }
                }
                Event::Text(t) if self.in_text && self.skip == 0 && self.deleted == 0 => {
                    self.run.text.push_str(&t.xml10_content());
                }
                Event::GeneralRef(r) if self.in_text && self.skip == 0 && self.deleted == 0 => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match &*r {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                    };
                    self.run.text.extend(c);
                }
                _ => {}
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        match name {
            "txbxContent" => {
                self.text_boxes += 1;
                self.skip = usize::from(!empty);
            }
            "drawing" | "pict" => self.pictures += 1,
            "del" | "moveFrom" if !empty => self.deleted += 1,
            "p" => {
                self.para = Some(ParaState::default());
            }
            "pPr" => self.in_ppr = true,
            "pStyle" if self.in_ppr => {
                if let Some(p) = &mut self.para {
                    p.style = attr(e, "val");
                }
            }
            "numId" if self.in_ppr => {
                if let Some(p) = &mut self.para {
                    p.num_id = attr(e, "val");
                }
            }
            "ilvl" if self.in_ppr => {
                if let Some(p) = &mut self.para {
                    p.level = attr(e, "val").and_then(|v| v.parse().ok());
                }
            }
            "jc" if self.in_ppr => {
                if let Some(p) = &mut self.para {
                    p.centred = attr(e, "val").as_deref() == Some("center");
                }
            }
            "r" => self.run = Run::default(),
            "rPr" if !self.in_ppr => self.run.in_rpr = true,
            "b" if self.run.in_rpr => self.run.bold = Some(on(e)),
            "rStyle" if self.run.in_rpr => self.run.style = attr(e, "val"),
            "t" => self.in_text = !empty,
            "tab" if !self.in_ppr && self.deleted == 0 => self.run.text.push(' '),
            "br" | "cr"
                if self.deleted == 0
                    && !matches!(attr(e, "type").as_deref(), Some("page" | "column")) =>
            {
                self.run.text.push('\n');
            }
            "noBreakHyphen" => self.run.text.push('-'),
            "tbl" => self.tables.push(TableState::default()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                    t.header_open = false;
                    t.skip_before = 0;
                }
            }
            "tblHeader" => {
                if let Some(t) = self.tables.last_mut() {
                    t.header_open = on(e);
                }
            }
            "gridBefore" => {
                if let Some(t) = self.tables.last_mut() {
                    t.skip_before = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    if t.skip_before > 0 {
                        let mut blank = GridCell::new("");
                        blank.colspan = t.skip_before.min(64);
                        if let Some(row) = t.rows.last_mut() {
                            row.push((blank, Merge::None));
                        }
                        t.skip_before = 0;
                    }
                    t.cell = Some((GridCell::new(""), Merge::None));
                }
            }
            "gridSpan" => {
                if let Some((c, _)) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.colspan = attr(e, "val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                }
            }
            "vMerge" => {
                if let Some((_, m)) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    *m = match attr(e, "val").as_deref() {
                        Some("restart") => Merge::Restart,
                        _ => Merge::Continue,
                    };
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            "del" | "moveFrom" => self.deleted = self.deleted.saturating_sub(1),
            "pPr" => self.in_ppr = false,
            "rPr" => self.run.in_rpr = false,
            "t" => self.in_text = false,
            "r" => {
                let run = std::mem::take(&mut self.run);
                if let Some(p) = &mut self.para {
                    let bold = run
                        .bold
                        .or_else(|| run.style.as_deref().map(|s| self.styles.bold(s)))
                        .unwrap_or_else(|| p.style.as_deref().is_some_and(|s| self.styles.bold(s)));
                    p.runs.push((run.text, bold));
                }
            }
            "p" => {
                if let Some(p) = self.para.take() {
                    self.paragraph(p);
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    if let (Some(cell), Some(row)) = (t.cell.take(), t.rows.last_mut()) {
                        row.push(cell);
                    }
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    if t.header_open && t.header_rows + 1 == t.rows.len() {
                        t.header_rows += 1;
                    }
                }
            }
            "tbl" => {
                if let Some(t) = self.tables.pop() {
                    let grid = merge_down(t);
                    match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        // A table inside a cell: its words join the cell's.
                        Some((cell, _)) => {
                            for row in &grid.rows {
                                for c in row {
                                    push_words(&mut cell.text, &c.text);
                                }
                            }
                        }
                        None => {
                            let n = self.paragraphs;
                            self.doc.items.push(Item::Table(Grid { n, ..grid }));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// A finished paragraph: numbering written out, bold lead measured,
    /// soft line breaks made separate paragraphs; into the cell being read,
    /// or the document.
    fn paragraph(&mut self, p: ParaState) {
        let text: String = p.runs.iter().map(|(t, _)| t.as_str()).collect();
        let num = match (&p.num_id, &p.style) {
            (Some(id), _) => Some((id.clone(), p.level.unwrap_or(0))),
            (None, Some(style)) => self
                .styles
                .numbering(style)
                .map(|(id, lvl)| (id, p.level.unwrap_or(lvl))),
            _ => None,
        };
        let label = num
            .map(|(id, lvl)| self.numbering.next_label(&id, lvl))
            .unwrap_or_default();
        if let Some((cell, _)) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            push_words(&mut cell.text, &format!("{label}{text}"));
            return;
        }
        // The bold lead: runs from the start while bold (blank runs go
        // either way).
        let mut bold = 0;
        for (t, b) in &p.runs {
            if *b || t.trim().is_empty() {
                bold += t.len();
            } else {
                break;
            }
        }
        let all_bold = bold == text.len() && !text.trim().is_empty();
        let full = format!("{label}{text}");
        let lead_trim = full.len() - full.trim_start().len();
        let bold = if bold > 0 { bold + label.len() } else { 0 };
        let title_style = p.style.as_deref().is_some_and(|s| self.styles.is_title(s));
        for (i, line) in full.split('\n').enumerate() {
            let trimmed = line.trim_matches(|c: char| c.is_whitespace());
            if trimmed.is_empty() {
                continue;
            }
            self.paragraphs += 1;
            let bold = if i == 0 {
                bold.saturating_sub(lead_trim).min(trimmed.len())
            } else {
                0
            };
            let bold = if trimmed.is_char_boundary(bold) {
                bold
            } else {
                0
            };
            self.doc.items.push(Item::Para(Para {
                text: trimmed.to_string(),
                n: self.paragraphs,
                bold,
                title_like: title_style || (p.centred && all_bold),
            }));
        }
    }
}

fn push_words(to: &mut String, words: &str) {
    let words = words.trim();
    if words.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push(' ');
    }
    to.push_str(&words.replace('\n', " "));
}

/// Word's vertical merges as row spans: a cell that continues a merge is
/// dropped and the cell it continues spans one more row.
fn merge_down(t: TableState) -> Grid {
    let mut rows: Vec<Vec<GridCell>> = Vec::with_capacity(t.rows.len());
    // For each grid column, the (row, cell) a merge there started at.
    let mut open: Vec<Option<(usize, usize)>> = Vec::new();
    for (r, row) in t.rows.into_iter().enumerate() {
        let mut out = Vec::new();
        let mut col = 0;
        for (cell, merge) in row {
            let span = cell.colspan;
            if open.len() < col + span {
                open.resize(col + span, None);
            }
            match (merge, open[col]) {
                (Merge::Continue, Some((or, oc))) => {
                    let origin: &mut GridCell = &mut rows[or][oc];
                    origin.rowspan = r - or + 1;
                    push_words(&mut origin.text, &cell.text);
                }
                _ => {
                    let at = (r, out.len());
                    out.push(cell);
                    for slot in &mut open[col..col + span] {
                        *slot = (merge == Merge::Restart).then_some(at);
                    }
                }
            }
            col += span;
        }
        rows.push(out);
    }
    let head_rows = (t.header_rows > 0).then_some(t.header_rows);
    Grid {
        rows,
        head_rows,
        caption: None,
        n: 0,
    }
}
