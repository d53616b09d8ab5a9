//! What an import reads at most, checked before the work it would cost:
//! a file's bytes, a zip's entries and what they inflate to (the header's
//! word first, then counted while inflating, since a header may lie), a
//! text's characters, a page's elements and nesting, and the paragraphs,
//! table cells and JSON of the report that comes out. Each limit is
//! refused with a located bilingual [`Problem`] that says what to do, so
//! that no file can hang `report import` or exhaust a reader's tab.
//!
//! The figures are far above any report a government body publishes (a
//! 200-page report is about 300,000 characters, 3,000 paragraphs and a
//! 2 MB `document.xml`) and far below what a machine or a browser tab
//! runs out of. README.md's limits table lists each one.

use std::io::{Cursor, Read};

use report_format::{Code, Problem, MAX_REPORT_BYTES};

use super::source::{problem, Document, Item};

const MIB: u64 = 1024 * 1024;

/// Bytes of a file given to `report import` or `report chart add`.
pub const MAX_FILE_BYTES: u64 = 128 * MIB;
/// Bytes of a web page or text file before it is decoded.
pub const MAX_TEXT_FILE_BYTES: u64 = 32 * MIB;
/// Characters of a text file once decoded.
pub const MAX_TEXT_CHARS: usize = 4_000_000;
/// Characters of a web page once decoded (markup included).
pub const MAX_PAGE_CHARS: usize = 16_000_000;
/// Elements of a web page.
pub const MAX_PAGE_ELEMENTS: usize = 200_000;
/// How deep a web page's elements nest (Chromium's parser stops nesting
/// at 512 too).
pub const MAX_PAGE_DEPTH: usize = 512;
/// Entries of a zip (a Word file, a workbook).
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// Bytes one zip entry inflates to.
pub const MAX_PART_BYTES: u64 = 64 * MIB;
/// Bytes the entries an import reads inflate to, in all.
pub const MAX_INFLATED_BYTES: u64 = 128 * MIB;
/// Bytes the entries of a zip say they inflate to, in all (what the
/// central directory declares; pictures an import never reads count too).
pub const MAX_DECLARED_BYTES: u64 = 1024 * MIB;
/// How deep the XML of a Word document or workbook nests.
pub const MAX_XML_DEPTH: usize = 256;
/// How deep tables nest inside table cells in a Word document.
pub const MAX_TABLE_NESTING: usize = 16;
/// Paragraphs of a document.
pub const MAX_PARAGRAPHS: usize = 50_000;
/// Table cells of a document, in all, counting each cell a span covers.
pub const MAX_TABLE_CELLS: usize = 200_000;
/// Cells of a sheet's used range (rows × columns) for a chart.
pub const MAX_SHEET_CELLS: usize = 1_000_000;

/// `64 MiB`, `512 KiB`, `900 B`: a size as the messages print it.
pub fn size(bytes: u64) -> String {
    if bytes >= 1024 * MIB && bytes.is_multiple_of(1024 * MIB) {
        format!("{} GiB", bytes / (1024 * MIB))
    } else if bytes >= MIB {
        let tenths = bytes * 10 / MIB;
        if tenths.is_multiple_of(10) {
            format!("{} MiB", tenths / 10)
        } else {
            format!("{}.{} MiB", tenths / 10, tenths % 10)
        }
    } else if bytes >= 1024 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} B")
    }
}

/// Refuses a file over `limit` bytes.
pub fn check_file_size(name: &str, len: usize, limit: u64) -> Result<(), Box<Problem>> {
    if len as u64 > limit {
        return Err(problem(
            Code::FileTooBig,
            name,
            &[name, &size(len as u64), &size(limit)],
        ));
    }
    Ok(())
}

/// Reads the file at `path` (called `name` in messages), refusing one
/// over [`MAX_FILE_BYTES`] after reading one byte past the limit, whatever
/// the file system says its size is.
pub fn read_file(path: &std::path::Path, name: &str) -> Result<Vec<u8>, Box<Problem>> {
    let unreadable =
        |e: std::io::Error| problem(Code::Unreadable, name, &[&format!("{name}: {e}")]);
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    check_file_size(name, bytes.len(), MAX_FILE_BYTES)?;
    Ok(bytes)
}

/// Refuses a decoded text of more than `limit` characters (counted only
/// as far as the limit).
pub fn check_chars(name: &str, text: &str, limit: usize) -> Result<(), Box<Problem>> {
    // A UTF-8 character is at most 4 bytes: most texts need no count.
    if text.len() > limit && text.chars().nth(limit).is_some() {
        return Err(problem(
            Code::TextTooLong,
            name,
            &[name, &limit.to_string()],
        ));
    }
    Ok(())
}

/// Refuses a text of more than [`MAX_PARAGRAPHS`] lines with words on
/// them, before a paragraph is made of any.
pub fn check_lines(name: &str, text: &str) -> Result<(), Box<Problem>> {
    let lines = text.lines().filter(|l| !l.trim().is_empty());
    if lines.take(MAX_PARAGRAPHS + 1).count() > MAX_PARAGRAPHS {
        let max = MAX_PARAGRAPHS.to_string();
        return Err(problem(Code::TooManyParagraphs, name, &[name, &max, &max]));
    }
    Ok(())
}

/// Refuses a document with more paragraphs or table cells than a report
/// holds, before any structure is looked for.
pub fn check_document(name: &str, doc: &Document) -> Result<(), Box<Problem>> {
    let (mut paragraphs, mut cells) = (0usize, 0usize);
    for item in &doc.items {
        match item {
            Item::Para(_) => paragraphs += 1,
            Item::Table(grid) => cells = cells.saturating_add(laid_out_cells(grid)),
        }
        if paragraphs > MAX_PARAGRAPHS {
            let max = MAX_PARAGRAPHS.to_string();
            return Err(problem(Code::TooManyParagraphs, name, &[name, &max, &max]));
        }
        if cells > MAX_TABLE_CELLS {
            let max = MAX_TABLE_CELLS.to_string();
            return Err(problem(Code::TooManyCells, name, &[name, &max, &max]));
        }
    }
    Ok(())
}

/// The cells a table has once laid out as the importer lays it out: every
/// row as wide as the widest, a row's width its own cells' spans and those
/// of cells reaching down from above (counted with a running sum, not per
/// row and cell).
fn laid_out_cells(grid: &super::source::Grid) -> usize {
    let height = grid.rows.len();
    let mut ending = vec![0usize; height + 1];
    let (mut from_above, mut widest) = (0usize, 0usize);
    for (r, row) in grid.rows.iter().enumerate() {
        from_above -= ending[r];
        let own: usize = row.iter().map(|c| c.colspan.clamp(1, 1000)).sum();
        widest = widest.max(own.saturating_add(from_above));
        for c in row.iter().filter(|c| c.rowspan > 1) {
            let w = c.colspan.clamp(1, 1000);
            from_above += w;
            ending[(r + c.rowspan).min(height)] += w;
        }
    }
    height.saturating_mul(widest)
}

/// Refuses an imported report whose JSON is over the report format's
/// limit.
pub fn check_report_json(name: &str, json: &str) -> Result<(), Box<Problem>> {
    if json.len() > MAX_REPORT_BYTES {
        return Err(problem(
            Code::ReportTooBig,
            name,
            &[name, &json.len().to_string(), &MAX_REPORT_BYTES.to_string()],
        ));
    }
    Ok(())
}

/// The number of entries the end of a zip declares, read before the
/// central directory is (the zip crate reads every entry it declares).
/// `None` when there is no end record to read; the zip crate then says
/// what is wrong.
pub fn declared_entries(bytes: &[u8]) -> Option<u64> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let start = bytes.len().saturating_sub(22 + 65_535);
    let tail = &bytes[start..];
    let at = tail.windows(4).rposition(|w| w == EOCD)?;
    let record = tail.get(at..at + 22)?;
    let n = u64::from(u16::from_le_bytes([record[10], record[11]]));
    if n != 0xFFFF {
        return Some(n);
    }
    // Zip64: a locator just before the end record points at the
    // 64-bit record, which holds the count.
    let abs = start + at;
    let locator = bytes.get(abs.checked_sub(20)?..abs)?;
    if &locator[..4] != b"PK\x06\x07" {
        return Some(n);
    }
    let offset = usize::try_from(u64::from_le_bytes(locator[8..16].try_into().ok()?)).ok()?;
    let record = bytes.get(offset..offset.checked_add(56)?)?;
    if &record[..4] != b"PK\x06\x06" {
        return Some(n);
    }
    Some(u64::from_le_bytes(record[32..40].try_into().ok()?))
}

/// A zip opened within the limits: its entry count and declared size
/// checked, and a budget for what reading its parts inflates.
pub struct Zip<'a> {
    name: &'a str,
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    inflated: u64,
}

/// Why a zip could not be opened: a limit (the problem to report), or
/// the zip crate's own error (the caller words it for its kind of file).
pub enum OpenError {
    /// Over a limit.
    Limit(Box<Problem>),
    /// Not a readable zip.
    Broken(zip::result::ZipError),
}

impl<'a> Zip<'a> {
    /// Opens the zip `bytes` (the file `name`).
    pub fn open(name: &'a str, bytes: &'a [u8]) -> Result<Zip<'a>, OpenError> {
        if let Some(n) = declared_entries(bytes).filter(|&n| n > MAX_ZIP_ENTRIES as u64) {
            return Err(OpenError::Limit(too_many_parts(name, n)));
        }
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(OpenError::Broken)?;
        if archive.len() > MAX_ZIP_ENTRIES {
            return Err(OpenError::Limit(too_many_parts(name, archive.len() as u64)));
        }
        if archive
            .decompressed_size()
            .is_some_and(|total| total > u128::from(MAX_DECLARED_BYTES))
        {
            return Err(OpenError::Limit(problem(
                Code::ArchiveTooBig,
                name,
                &[name, &size(MAX_DECLARED_BYTES)],
            )));
        }
        Ok(Zip {
            name,
            archive,
            inflated: 0,
        })
    }

    /// Whether the zip has an entry called `path`.
    pub fn has(&self, path: &str) -> bool {
        self.archive.index_for_name(path).is_some()
    }

    /// The entry `path`, inflated, or `None` when there is none: refused
    /// when its header says it is over [`MAX_PART_BYTES`], or when it or
    /// all read so far turn out, while inflating, to be over the limits.
    /// `broken` words the zip crate's errors.
    pub fn read(
        &mut self,
        path: &str,
        broken: &dyn Fn(String) -> Box<Problem>,
    ) -> Result<Option<Vec<u8>>, Box<Problem>> {
        let name = self.name;
        let mut file = match self.archive.by_name(path) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(broken(format!("{path}: {e}"))),
        };
        let part_too_big = || problem(Code::PartTooBig, name, &[name, path, &size(MAX_PART_BYTES)]);
        if file.size() > MAX_PART_BYTES {
            return Err(part_too_big());
        }
        let left = MAX_INFLATED_BYTES - self.inflated;
        let limit = MAX_PART_BYTES.min(left);
        let mut out = Vec::with_capacity(file.size().min(limit) as usize);
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| broken(format!("{path}: {e}")))?;
        if out.len() as u64 > limit {
            return Err(if limit == MAX_PART_BYTES {
                part_too_big()
            } else {
                problem(
                    Code::ArchiveTooBig,
                    name,
                    &[name, &size(MAX_INFLATED_BYTES)],
                )
            });
        }
        self.inflated += out.len() as u64;
        Ok(Some(out))
    }

    /// Inflates every entry, counting, without keeping any: a zip another
    /// library will read (a workbook, for calamine) is first shown to
    /// inflate within the limits whatever its headers say.
    pub fn check_every_part(
        &mut self,
        broken: &dyn Fn(String) -> Box<Problem>,
    ) -> Result<(), Box<Problem>> {
        let name = self.name;
        for i in 0..self.archive.len() {
            let mut file = self
                .archive
                .by_index(i)
                .map_err(|e| broken(e.to_string()))?;
            let path = file.name().map(|n| n.into_owned()).unwrap_or_default();
            let left = MAX_INFLATED_BYTES - self.inflated;
            let limit = MAX_PART_BYTES.min(left);
            let n = std::io::copy(&mut (&mut file).take(limit + 1), &mut std::io::sink())
                .map_err(|e| broken(format!("{path}: {e}")))?;
            if n > limit {
                return Err(if limit == MAX_PART_BYTES {
                    problem(
                        Code::PartTooBig,
                        name,
                        &[name, &path, &size(MAX_PART_BYTES)],
                    )
                } else {
                    problem(
                        Code::ArchiveTooBig,
                        name,
                        &[name, &size(MAX_INFLATED_BYTES)],
                    )
                });
            }
            self.inflated += n;
        }
        Ok(())
    }
}

fn too_many_parts(name: &str, n: u64) -> Box<Problem> {
    problem(
        Code::TooManyParts,
        name,
        &[name, &n.to_string(), &MAX_ZIP_ENTRIES.to_string()],
    )
}

/// Counts how deep XML nests, for readers that stream it: refused past
/// [`MAX_XML_DEPTH`].
#[derive(Debug, Default)]
pub struct Depth {
    now: usize,
}

impl Depth {
    /// An element opened; `Err(limit)` past the limit.
    pub fn open(&mut self) -> Result<(), usize> {
        self.now += 1;
        if self.now > MAX_XML_DEPTH {
            return Err(MAX_XML_DEPTH);
        }
        Ok(())
    }

    /// An element closed.
    pub fn close(&mut self) {
        self.now = self.now.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(64 * MIB), "64 MiB");
        assert_eq!(size(1024 * MIB), "1 GiB");
        assert_eq!(size(MIB + MIB / 2), "1.5 MiB");
        assert_eq!(size(2048), "2 KiB");
        assert_eq!(size(12), "12 B");
    }

    #[test]
    fn counts_characters_only_as_far_as_the_limit() {
        assert!(check_chars("a.txt", "一二三", 3).is_ok());
        let p = check_chars("a.txt", "一二三四", 3).unwrap_err();
        assert_eq!(p.code, Code::TextTooLong);
        assert!(
            p.zh.contains("a.txt") && p.en.contains("3 characters"),
            "{p:?}"
        );
    }

    #[test]
    fn counts_a_table_as_laid_out_every_row_as_wide_as_the_widest() {
        use super::super::source::{Grid, GridCell};
        let wide = GridCell {
            colspan: 1000,
            ..GridCell::new("")
        };
        let tall = GridCell {
            rowspan: 3,
            colspan: 2,
            ..GridCell::new("")
        };
        let mut rows = vec![vec![wide]];
        rows.extend((0..99).map(|_| vec![GridCell::new("")]));
        let grid = Grid {
            rows,
            ..Grid::default()
        };
        assert_eq!(laid_out_cells(&grid), 100 * 1000);
        let grid = Grid {
            rows: vec![
                vec![tall, GridCell::new("")],
                vec![GridCell::new("")],
                vec![],
            ],
            ..Grid::default()
        };
        assert_eq!(laid_out_cells(&grid), 3 * 3);
    }

    #[test]
    fn reads_the_entry_count_a_zip_declares() {
        let mut end = b"PK\x05\x06".to_vec();
        end.extend([0, 0, 0, 0, 0x10, 0x27, 0x10, 0x27]);
        end.extend([0; 10]);
        assert_eq!(declared_entries(&end), Some(10_000));
        assert_eq!(declared_entries(b"not a zip"), None);
    }
}
