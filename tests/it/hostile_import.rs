//! Files no import may stall on or run out of memory for, each its own
//! test: zip bombs with honest and lying headers, archives of many
//! entries, pages and Word files nested past any real document, spans of
//! two billion, formatting left open in every paragraph, sheets whose used
//! range is a whole worksheet. Each is refused with a located bilingual
//! message that names the limit, or imports. The files are synthetic, made
//! by `report_cli::author::synth_files` (as `report synth --inputs`
//! writes them for `make bench`, which times each with the release
//! build); these tests assert only the outcome.

use std::sync::LazyLock;

use report_cli::author::synth_files::{self, Input};
use report_cli::author::{detect, import, sheet};
use report_format::{Block, Code, Problem, Section};

/// Every synthetic input, made once for all the tests.
static INPUTS: LazyLock<Vec<Input>> = LazyLock::new(synth_files::all);

/// The synthetic input called `name`.
fn input(name: &str) -> &'static Input {
    INPUTS
        .iter()
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("no synthetic input {name}"))
}

/// Imports `bytes` as the file `name`.
fn import(name: &str, bytes: &[u8]) -> Result<import::Imported, Box<Problem>> {
    detect::import_file(name, bytes, &import::ImportOptions::default()).map(|(i, _)| i)
}

/// The problem importing the synthetic input `name` gives: it must be
/// refused with `code`, in both languages, naming the file.
fn refused(name: &str, code: Code) -> Box<Problem> {
    let i = input(name);
    assert!(i.refused, "{name} is listed as imported");
    let p = import(name, &i.bytes)
        .err()
        .unwrap_or_else(|| panic!("{name} imported"));
    assert_eq!(p.code, code, "{name}: {p:?}");
    assert!(p.zh.contains(name) && p.en.contains(name), "{p:?}");
    assert!(!p.hint_zh.is_empty() && !p.hint_en.is_empty(), "{p:?}");
    p
}

/// Importing the synthetic input `name` gives a report.
fn imports(name: &str) -> import::Imported {
    let i = input(name);
    assert!(!i.refused, "{name} is listed as refused");
    import(name, &i.bytes).unwrap_or_else(|p| panic!("{name}: {p:?}"))
}

/// Every block of the report, in order.
fn blocks(r: &report_format::Report) -> Vec<&Block> {
    fn walk<'a>(sections: &'a [Section], out: &mut Vec<&'a Block>) {
        for s in sections {
            out.extend(&s.blocks);
            walk(&s.sections, out);
        }
    }
    let mut out: Vec<&Block> = r.preamble.iter().collect();
    walk(&r.sections, &mut out);
    out.extend(&r.closing);
    out
}

/// Every paragraph's text in the report.
fn paragraphs(r: &report_format::Report) -> Vec<String> {
    blocks(r)
        .into_iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Every table's rows.
fn tables(r: &report_format::Report) -> Vec<&Vec<Vec<String>>> {
    blocks(r)
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(&t.rows),
            _ => None,
        })
        .collect()
}

#[test]
fn a_word_file_whose_text_inflates_to_2_gib_is_refused_by_its_header() {
    let p = refused("bomb-honest.docx", Code::ArchiveTooBig);
    assert!(p.en.contains("1 GiB"), "{p:?}");
}

#[test]
fn a_word_file_whose_text_inflates_past_the_part_limit_is_refused_by_its_header() {
    let p = refused("bomb-100m.docx", Code::PartTooBig);
    assert!(
        p.en.contains("word/document.xml") && p.en.contains("64 MiB"),
        "{p:?}"
    );
}

#[test]
fn a_word_file_whose_header_lies_is_stopped_while_inflating() {
    // The zip crate stops at the size the header gives; the limit would
    // stop it at 64 MiB were the header honest and large.
    let i = input("bomb-lying.docx");
    let p = import(&i.name, &i.bytes).expect_err("a bomb");
    assert!(
        matches!(p.code, Code::BrokenDocx | Code::PartTooBig),
        "{p:?}"
    );
    assert!(p.en.contains("word/document.xml"), "{p:?}");
}

#[test]
fn a_word_file_of_20_000_entries_is_refused_before_they_are_read() {
    let p = refused("many-entries.docx", Code::TooManyParts);
    assert!(p.en.contains("10000"), "{p:?}");
}

#[test]
fn pictures_whose_headers_say_more_than_an_archive_holds_are_refused() {
    refused("declared-huge.docx", Code::ArchiveTooBig);
}

#[test]
fn entities_in_document_xml_are_not_expanded() {
    let r = imports("entities.docx").report;
    let all = paragraphs(&r).concat();
    assert!(all.contains("合成数据:实体不展开。"), "{all}");
    assert!(!all.contains("lollol"), "an entity was expanded");
}

#[test]
fn a_span_of_two_billion_columns_is_clamped() {
    let r = imports("huge-span.docx").report;
    let widths: Vec<usize> = tables(&r)
        .iter()
        .flat_map(|t| t.iter().map(Vec::len))
        .collect();
    assert!(
        !widths.is_empty() && widths.iter().all(|&w| w <= 128),
        "{widths:?}"
    );
}

#[test]
fn tables_nested_40_deep_are_refused_at_16() {
    let p = refused("nested-tables.docx", Code::NestedTooDeep);
    assert!(p.zh.contains("表格") && p.en.contains("16 levels"), "{p:?}");
}

#[test]
fn word_xml_nested_2_000_deep_is_refused_at_256() {
    let p = refused("nested-controls.docx", Code::NestedTooDeep);
    assert!(
        p.en.contains("256 levels") && p.en.contains("word/document.xml"),
        "{p:?}"
    );
}

#[test]
fn a_page_of_5_000_nested_divs_is_refused_at_512() {
    let p = refused("divs-5000.html", Code::NestedTooDeep);
    assert!(
        p.en.contains("512 levels") && p.en.contains("line 1"),
        "{p:?}"
    );
}

#[test]
fn a_page_of_10_000_nested_divs_is_refused_at_512() {
    refused("divs-10000.html", Code::NestedTooDeep);
}

#[test]
fn a_page_of_200_000_nested_divs_is_refused_at_512() {
    refused("divs-200000.html", Code::NestedTooDeep);
}

#[test]
fn a_page_of_600_nested_divs_closed_soon_after_the_limit_is_refused() {
    // The parse stops at the end of the piece in which the limit is
    // passed; the closing tags in that piece must not upset it.
    refused("divs-600.html", Code::NestedTooDeep);
}

#[test]
fn a_page_of_400_nested_divs_imports_its_heading_and_paragraph() {
    let r = imports("divs-400.html").report;
    let text = paragraphs(&r);
    assert_eq!(r.meta.title, "合成数据");
    assert_eq!(r.sections.len(), 1, "{:?}", r.sections);
    assert!(text.concat().contains("合成段落,仅供测试"), "{text:?}");
}

#[test]
fn formatting_left_open_in_every_paragraph_is_refused_before_the_tree_grows() {
    // The tree builder would nest each paragraph's bold inside all the
    // ones before: 20,000 paragraphs would make 200 million elements.
    let i = input("open-bold.html");
    let p = import(&i.name, &i.bytes).expect_err("refused");
    assert!(
        matches!(p.code, Code::NestedTooDeep | Code::TooManyElements),
        "{p:?}"
    );
}

#[test]
fn a_page_of_300_000_elements_is_refused_at_200_000() {
    let p = refused("many-elements.html", Code::TooManyElements);
    assert!(p.en.contains("200000"), "{p:?}");
}

#[test]
fn a_table_spanning_300_000_cells_is_refused() {
    refused("spanning-table.html", Code::TooManyCells);
}

#[test]
fn a_table_laid_out_as_wide_as_its_widest_row_is_counted_so() {
    refused("wide-first-row.html", Code::TooManyCells);
}

#[test]
fn mime_parts_nested_5_000_deep_read_as_a_page() {
    let r = imports("nested-parts.mhtml").report;
    assert!(format!("{r:?}").contains("合成数据"), "{r:?}");
}

#[test]
fn a_word_file_of_60_000_paragraphs_is_refused_at_50_000() {
    refused("many-paragraphs.docx", Code::TooManyParagraphs);
}

#[test]
fn a_page_of_60_000_paragraphs_is_refused_at_50_000() {
    refused("many-paragraphs.html", Code::TooManyParagraphs);
}

#[test]
fn a_text_of_60_000_lines_is_refused_at_50_000_paragraphs() {
    refused("long-lines.txt", Code::TooManyParagraphs);
}

#[test]
fn a_text_of_4_1_million_characters_is_refused() {
    let p = refused("long-text.txt", Code::TextTooLong);
    assert!(p.en.contains("4000000"), "{p:?}");
}

#[test]
fn bytes_that_are_no_encodings_text_are_refused() {
    let i = input("broken-encoding.txt");
    let p = import(&i.name, &i.bytes).expect_err("refused");
    assert_eq!(p.code, Code::UnknownFile, "{p:?}");
}

#[test]
fn a_file_over_128_mib_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: the file system says 200 MB, and the read stops past 128 MiB.
    file.set_len(200_000_000).unwrap();
    let p = report_cli::author::limits::read_file(&path, "huge.txt").unwrap_err();
    assert_eq!(p.code, Code::FileTooBig, "{p:?}");
    assert!(p.en.contains("128 MiB"), "{p:?}");
}

#[test]
fn a_200_page_word_file_imports() {
    let r = imports("page-200.docx").report;
    let text = paragraphs(&r);
    assert!(text.len() >= 200 * 25, "{} paragraphs", text.len());
    assert_eq!(r.sections.len(), 40);
    assert_eq!(tables(&r).len(), 10);
    assert!(
        text.iter().all(|t| t.contains("合成")),
        "every paragraph says it is synthetic"
    );
    assert!(r.meta.title.contains("合成数据"));
}

/// Reads the synthetic sheet `name` as `report chart add` does.
fn read_sheet(name: &str) -> Result<sheet::Sheet, Box<Problem>> {
    sheet::read_sheet(name, &input(name).bytes, None)
}

#[test]
fn a_sheet_with_cells_at_a1_and_xfd1048576_is_refused_before_a_grid_is_made() {
    let p = read_sheet("far-cells.xlsx").unwrap_err();
    assert_eq!(p.code, Code::SheetTooBig, "{p:?}");
    assert!(p.en.contains("A1:XFD1048576"), "{p:?}");
}

#[test]
fn an_ods_row_repeated_a_million_times_is_refused_before_calamine_expands_it() {
    let p = read_sheet("repeated-rows.ods").unwrap_err();
    assert_eq!(p.code, Code::SheetTooBig, "{p:?}");
    assert!(
        p.zh.contains("Sheet1") && p.en.contains("16384 columns"),
        "{p:?}"
    );
}

#[test]
fn an_ods_with_a_million_empty_rows_after_its_table_reads_the_table() {
    let s = read_sheet("empty-rest.ods").unwrap();
    assert_eq!(s.rows.len(), 3, "{:?}", s.rows);
    assert_eq!(s.rows[2][1], sheet::Cell::Number(2.0));
}

#[test]
fn a_csv_of_over_a_million_cells_is_refused() {
    let csv = "1,".repeat(1_100_000);
    let p = sheet::read_sheet("big.csv", csv.as_bytes(), None).unwrap_err();
    assert_eq!(p.code, Code::SheetTooBig, "{p:?}");
}

#[test]
fn a_workbook_bomb_is_refused_before_calamine_reads_it() {
    let i = input("bomb-100m.docx");
    let p = sheet::read_sheet("bomb.xlsx", &i.bytes, None).unwrap_err();
    assert_eq!(p.code, Code::PartTooBig, "{p:?}");
}

#[test]
fn every_synthetic_input_is_listed_as_what_it_comes_to() {
    for i in INPUTS.iter() {
        let sheet_like = i.name.ends_with(".xlsx") || i.name.ends_with(".ods");
        let outcome = if sheet_like {
            sheet::read_sheet(&i.name, &i.bytes, None).map(|_| ())
        } else {
            import(&i.name, &i.bytes).map(|_| ())
        };
        assert_eq!(outcome.is_err(), i.refused, "{}: {outcome:?}", i.name);
    }
}

#[test]
fn every_fuzz_seed_is_refused_or_imported() {
    for (name, bytes) in synth_files::seeds() {
        if let Some(file) = name.strip_prefix("import_file/") {
            let _ = import(file, &bytes);
        } else {
            let _ = sheet::read_sheet(name, &bytes, None);
        }
    }
}

#[test]
fn the_fuzz_seeds_are_what_the_generator_makes() {
    // `UPDATE_SNAPSHOTS=1` writes them again.
    let dir = crate::repo("fuzz/seeds");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for (name, bytes) in synth_files::seeds() {
        let path = dir.join(name);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        let committed = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            committed == bytes,
            "fuzz/seeds/{name} differs from its generator"
        );
        let limit = if name.starts_with("chart_sheet/") {
            4096
        } else {
            65_536
        };
        assert!(bytes.len() <= limit, "{name} is {} bytes", bytes.len());
    }
}

#[test]
fn a_workbook_found_after_other_bytes_is_still_read_within_the_limits() {
    // Found by fuzzing `chart_sheet`: text with a workbook's zip after
    // it was not taken for a zip, and calamine, guessing, made a grid of
    // its used range (549 GB).
    let bytes = std::fs::read(crate::repo("tests/fixtures/hostile/zip-after-text.xlsx")).unwrap();
    let p = sheet::read_sheet("zip-after-text.xlsx", &bytes, None).unwrap_err();
    assert_eq!(p.code, Code::BadSpreadsheet, "{p:?}");
}
