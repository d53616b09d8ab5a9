//! `report import`: an author's Word file, saved web page or text file
//! into report JSON.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::author::{detect, import, limits};

/// Turn a Chinese report into report JSON: a Word document (.docx, from
/// Word or WPS), a saved web page (.html, .htm, .mhtml) or text (UTF-8 or
/// GB18030/GBK), told apart by content. Exit code 2 for a file it cannot
/// read (.doc, PDF, image, empty), with what to do instead.
#[derive(Args)]
pub struct Import {
    /// The file to import.
    #[arg(value_name = "FILE")]
    text: PathBuf,
    /// Write the JSON here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The report's title, if the text does not open with it.
    #[arg(long)]
    title: Option<String>,
    /// The issuing body, e.g. 青岛市即墨区人民政府.
    #[arg(long)]
    issuer: Option<String>,
    /// The region covered.
    #[arg(long)]
    region: Option<String>,
    /// The period covered, e.g. 2024年.
    #[arg(long)]
    period: Option<String>,
    /// Publication date, YYYY-MM-DD.
    #[arg(long)]
    published: Option<String>,
    /// The official address of the report.
    #[arg(long)]
    url: Option<String>,
    /// The document number (文号).
    #[arg(long)]
    document_number: Option<String>,
}

/// Imports the file and writes the JSON.
pub fn execute(args: Import) -> ExitCode {
    let opts = import::ImportOptions {
        title: args.title,
        issuer: args.issuer,
        region: args.region,
        period: args.period,
        published: args.published,
        canonical_url: args.url,
        document_number: args.document_number,
    };
    super::finish("import", run(&args.text, args.output.as_deref(), &opts))
}

/// A problem as the command prints it: what is wrong, then what to do,
/// in Chinese and English.
fn said(p: &report_format::Problem) -> anyhow::Error {
    anyhow::anyhow!(
        "{} / {}\n  修改建议:{} / How to fix: {}",
        p.zh,
        p.en,
        p.hint_zh,
        p.hint_en
    )
}

/// Imports `text`, prints warnings to standard error and writes the JSON.
fn run(text: &Path, output: Option<&Path>, opts: &import::ImportOptions) -> anyhow::Result<()> {
    let name = text.display().to_string();
    let bytes = limits::read_file(text, &name).map_err(|p| said(&p))?;
    let (imported, json) = detect::import_file(&name, &bytes, opts).map_err(|p| said(&p))?;
    for w in &imported.warnings {
        eprintln!("warning: {w}");
    }
    match output {
        Some(path) => {
            std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?
        }
        None => print!("{json}"),
    }
    Ok(())
}
