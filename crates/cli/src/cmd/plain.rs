//! `report plain`: the report as a plain page with no viewer.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::site;

/// Write REPORT as a plain static HTML page with no viewer (what `make
/// bench` compares the viewer with).
#[derive(Args)]
pub struct Plain {
    /// The report JSON file.
    report: PathBuf,
    /// Write the page here.
    #[arg(short, long)]
    output: PathBuf,
}

/// Writes the page.
pub fn execute(args: Plain) -> ExitCode {
    let report = match site::load(&args.report) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("report plain: {e:#}");
            return ExitCode::from(e.exit_code());
        }
    };
    let page = site::plain::plain_page(&report);
    super::finish(
        "plain",
        std::fs::write(&args.output, page)
            .map_err(|e| anyhow::anyhow!("writing {}: {e}", args.output.display())),
    )
}
