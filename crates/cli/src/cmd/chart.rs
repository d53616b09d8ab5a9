//! `report chart add`: a chart from a spreadsheet (XLSX, XLS, ODS or
//! CSV) added to a report, every value with its source, with no JSON to
//! write. The report is checked with the chart in it before anything is
//! written.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use report_format::{parse_report, Block, ChartKind, Code, Problem, Report, Section};

use crate::author::source::problem;
use crate::author::{check, limits, sheet};

/// Charts: add one from a spreadsheet.
#[derive(Args)]
pub struct ChartCmd {
    #[command(subcommand)]
    command: ChartCommand,
}

#[derive(Subcommand)]
enum ChartCommand {
    Add(Add),
}

/// How the chart draws.
#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    /// Lines, for years or other ordered categories.
    Line,
    /// Bars, for categories.
    Bar,
}

/// Add a chart from a spreadsheet to REPORT. The first row names the
/// category column, then one column per series (`受理案件（件）`), and a
/// `来源` column (an address, or a paragraph id of the report) with `原文`
/// (the words quoted), unless --source and --quote give them for all rows.
/// Exit code 1 when the sheet or the result is invalid (the message names
/// the sheet, the cell and its column), 2 when a file cannot be read.
#[derive(Args)]
struct Add {
    /// The report JSON file; the chart is written into it.
    report: PathBuf,
    /// The spreadsheet: .xlsx, .xls, .ods or .csv (UTF-8 or GBK).
    #[arg(long, value_name = "FILE")]
    from: PathBuf,
    /// The sheet to read (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Line or bar.
    #[arg(long, value_enum)]
    kind: Kind,
    /// The chart's title.
    #[arg(long)]
    title: String,
    /// The unit of the values, when the headings do not name it, e.g. 件.
    #[arg(long)]
    unit: Option<String>,
    /// The chart's id (default: chart-N).
    #[arg(long)]
    id: Option<String>,
    /// What the chart shows, in a sentence (default: where the data was read).
    #[arg(long)]
    description: Option<String>,
    /// Where the numbers were published (an https address), or the id of
    /// the paragraph of this report they were read from, for rows without
    /// a 来源 cell.
    #[arg(long)]
    source: Option<String>,
    /// The words the numbers were read from, for rows without a 原文 cell.
    #[arg(long)]
    quote: Option<String>,
    /// Who published the source (default: the address's host).
    #[arg(long)]
    publisher: Option<String>,
    /// The id of the block or section the chart follows (default: the end
    /// of the last section).
    #[arg(long)]
    after: Option<String>,
    /// Write the report here instead of back into REPORT.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Runs `report chart …`.
pub fn execute(args: ChartCmd) -> ExitCode {
    match args.command {
        ChartCommand::Add(a) => add(a),
    }
}

fn say(p: &Problem) {
    let at = if p.location.is_empty() {
        String::new()
    } else {
        format!("{}: ", p.location)
    };
    eprintln!("report chart add: {at}{} / {}", p.zh, p.en);
    eprintln!("  修改建议:{} / How to fix: {}", p.hint_zh, p.hint_en);
}

fn add(a: Add) -> ExitCode {
    let fail = |code: u8, p: Box<Problem>| {
        say(&p);
        ExitCode::from(code)
    };
    let report_name = a.report.display().to_string();
    let text = match limits::read_file(&a.report, &report_name).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(e)) => {
            return fail(
                super::FAILED,
                problem(Code::Unreadable, &report_name, &[&e.to_string()]),
            )
        }
        Err(p) => return fail(super::FAILED, p),
    };
    let mut report: Report = match parse_report(&text) {
        Ok(r) => r.into_report(),
        Err(e) => {
            e.problems().iter().for_each(say);
            return ExitCode::from(super::INVALID);
        }
    };
    let file = a.from.display().to_string();
    let bytes = match limits::read_file(&a.from, &file) {
        Ok(b) => b,
        Err(p) => return fail(super::FAILED, p),
    };
    let sheet = match sheet::read_sheet(&file, &bytes, a.sheet.as_deref()) {
        Ok(s) => s,
        Err(p) if p.code == Code::BadSpreadsheet => return fail(super::FAILED, p),
        Err(p) => return fail(super::INVALID, p),
    };
    let id = a.id.clone().unwrap_or_else(|| {
        (1..)
            .map(|n| format!("chart-{n}"))
            .find(|id| !report.charts.iter().any(|c| &c.id == id))
            .unwrap_or_default()
    });
    let spec = sheet::Spec {
        kind: match a.kind {
            Kind::Line => ChartKind::Line,
            Kind::Bar => ChartKind::Bar,
        },
        title: a.title.clone(),
        unit: a.unit.clone(),
        id: id.clone(),
        description: a.description.clone(),
        source: a.source.clone(),
        quote: a.quote.clone(),
        publisher: a.publisher.clone(),
    };
    let chart = match sheet::chart_from_sheet(&sheet, &spec, &file) {
        Ok(c) => c,
        Err(p) => return fail(super::INVALID, p),
    };
    let block = Block::Chart { chart: id.clone() };
    if let Err(p) = place(&mut report, block, a.after.as_deref()) {
        return fail(super::INVALID, p);
    }
    report.charts.push(chart);
    let mut json = match serde_json::to_string_pretty(&report) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("report chart add: {e}");
            return ExitCode::from(super::FAILED);
        }
    };
    json.push('\n');
    let result = check::check_text(&report_name, &json);
    if result.status != check::Status::Valid {
        eprint!("{}", check::to_text(&result));
        return ExitCode::from(super::INVALID);
    }
    let out = a.output.unwrap_or(a.report);
    match std::fs::write(&out, json) {
        Ok(()) => {
            println!(
                "已添加图表“{}”({id}) / added chart “{}” ({id}) to {}",
                a.title,
                a.title,
                out.display()
            );
            ExitCode::from(super::OK)
        }
        Err(e) => {
            eprintln!("report chart add: writing {}: {e}", out.display());
            ExitCode::from(super::FAILED)
        }
    }
}

/// Puts `block` after the block or at the end of the section `after`, or
/// at the end of the last section.
fn place(report: &mut Report, block: Block, after: Option<&str>) -> Result<(), Box<Problem>> {
    fn in_blocks(blocks: &mut Vec<Block>, after: &str, block: &mut Option<Block>) -> bool {
        if let Some(i) = blocks.iter().position(|b| b.id() == after) {
            if let Some(b) = block.take() {
                blocks.insert(i + 1, b);
            }
            return true;
        }
        false
    }
    fn in_sections(sections: &mut [Section], after: &str, block: &mut Option<Block>) -> bool {
        for s in sections {
            if s.id == after {
                if let Some(b) = block.take() {
                    s.blocks.push(b);
                }
                return true;
            }
            if in_blocks(&mut s.blocks, after, block) || in_sections(&mut s.sections, after, block)
            {
                return true;
            }
        }
        false
    }
    let mut block = Some(block);
    match after {
        Some(after) => {
            let found = in_blocks(&mut report.preamble, after, &mut block)
                || in_sections(&mut report.sections, after, &mut block)
                || in_blocks(&mut report.closing, after, &mut block);
            if !found {
                return Err(problem(
                    Code::DanglingReference,
                    "--after",
                    &["段落或章节", "block or section", after, "report"],
                ));
            }
        }
        None => {
            let mut last = report.sections.last_mut();
            while let Some(s) = last {
                if s.sections.is_empty() {
                    s.blocks.extend(block.take());
                    break;
                }
                last = s.sections.last_mut();
            }
            report.preamble.extend(block);
        }
    }
    Ok(())
}
