//! `report import`: an author's text file into report JSON.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::author::import;

/// Turn a plain-text (UTF-8) Chinese report into report JSON.
#[derive(Args)]
pub struct Import {
    /// The text file.
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

/// Imports `text`, prints warnings to standard error and writes the JSON.
fn run(text: &Path, output: Option<&Path>, opts: &import::ImportOptions) -> anyhow::Result<()> {
    let bytes = std::fs::read(text).with_context(|| format!("reading {}", text.display()))?;
    let source = String::from_utf8(bytes)
        .with_context(|| format!("{} is not UTF-8 text; save it as UTF-8", text.display()))?;
    let imported = import::import_text(&source, opts);
    for w in &imported.warnings {
        eprintln!("warning: {w}");
    }
    let mut json = serde_json::to_string_pretty(&imported.report)?;
    json.push('\n');
    match output {
        Some(path) => {
            std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?
        }
        None => print!("{json}"),
    }
    Ok(())
}
