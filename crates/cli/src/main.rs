//! `report`: the authoring and publishing tool for the report viewer.
//!
//! From an author's file to a published site: `report import`, `report
//! chart add`, `report validate`, `report build`. Each subcommand lives in `cmd/`; exit codes
//! are 0 done, 1 invalid input, 2 unreadable input or a failure.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use report_cli::cmd;

/// Import, check and publish reports for the report viewer.
#[derive(Parser)]
#[command(name = "report", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the JSON Schema of the report format.
    Schema,
    Validate(cmd::validate::Validate),
    Import(cmd::import::Import),
    Chart(cmd::chart::ChartCmd),
    Build(cmd::build::Build),
    Synth(cmd::synth::Synth),
    Plain(cmd::plain::Plain),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Schema => cmd::schema::execute(),
        Command::Validate(a) => cmd::validate::execute(a),
        Command::Import(a) => cmd::import::execute(a),
        Command::Chart(a) => cmd::chart::execute(a),
        Command::Build(a) => cmd::build::execute(a),
        Command::Synth(a) => cmd::synth::execute(a),
        Command::Plain(a) => cmd::plain::execute(a),
    }
}
