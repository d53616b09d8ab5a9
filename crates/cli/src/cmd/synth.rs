//! `report synth`: a synthetic report for tests and benchmarks.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

/// Write a synthetic report (for tests and benchmarks only: every part of
/// it says it is synthetic).
#[derive(Args)]
pub struct Synth {
    /// Sections in all.
    #[arg(long, default_value_t = 1000)]
    sections: usize,
    /// Charts, at most one per section.
    #[arg(long, default_value_t = 200)]
    charts: usize,
    /// Seed: the same seed gives the same report.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write the JSON here.
    #[arg(short, long)]
    output: PathBuf,
}

/// Writes the report.
pub fn execute(args: Synth) -> ExitCode {
    let json = crate::author::synth::synthetic_json(args.sections, args.charts, args.seed);
    super::finish(
        "synth",
        std::fs::write(&args.output, json.to_string())
            .with_context(|| format!("writing {}", args.output.display())),
    )
}
