//! `report`: the authoring and publishing tool for the report viewer.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use report_viewer::site;

/// Build and check report viewer sites.
#[derive(Parser)]
#[command(name = "report", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the hosted site for REPORT into DIR using the compiled viewer.
    Build {
        /// The report JSON file.
        report: PathBuf,
        /// Output directory.
        #[arg(long)]
        out: PathBuf,
        /// Directory of the compiled viewer (Trunk's output).
        #[arg(long, default_value = "target/viewer")]
        viewer: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            report,
            out,
            viewer,
        } => match site::build(&report, &viewer, &out) {
            Ok(_) => match site::size::measure_dir(&out) {
                Ok(sizes) => {
                    let (offline, hosted): (Vec<_>, Vec<_>) = sizes
                        .into_iter()
                        .partition(|f| f.name == site::OFFLINE_FILE);
                    println!("wrote {}", out.display());
                    println!("\nhosted site (what a browser loads for index.html):");
                    print!("{}", site::size::table(&hosted, "total transfer"));
                    println!("\nsingle offline file:");
                    print!("{}", site::size::table(&offline, "total"));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("report build: measuring {}: {e:#}", out.display());
                    ExitCode::FAILURE
                }
            },
            Err(e) => {
                eprintln!("report build: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}
