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
    /// Write the JSON here (with --inputs, the directory for the files).
    #[arg(short, long)]
    output: PathBuf,
    /// Instead of a report, write the synthetic input files an import must
    /// refuse or read within bounds (zip bombs, deep nesting, huge spans,
    /// a 200-page Word file) into the directory, with `inputs.tsv` naming
    /// each and whether it must be refused.
    #[arg(long)]
    inputs: bool,
}

/// Writes the report.
pub fn execute(args: Synth) -> ExitCode {
    if args.inputs {
        return super::finish("synth", write_inputs(&args.output));
    }
    let json = crate::author::synth::synthetic_json(args.sections, args.charts, args.seed);
    super::finish(
        "synth",
        std::fs::write(&args.output, json.to_string())
            .with_context(|| format!("writing {}", args.output.display())),
    )
}

/// Writes the synthetic inputs and their list.
fn write_inputs(dir: &std::path::Path) -> anyhow::Result<()> {
    let inputs = crate::author::synth_files::write_all(dir)
        .with_context(|| format!("writing {}", dir.display()))?;
    let mut list = String::from("file\trefused\twhat\n");
    for i in &inputs {
        list += &format!("{}\t{}\t{}\n", i.name, i.refused, i.what);
    }
    std::fs::write(dir.join("inputs.tsv"), list)
        .with_context(|| format!("writing {}", dir.display()))
}
