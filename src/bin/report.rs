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
        /// An origin besides the site's own from which `?report=` may load
        /// a report (repeatable), e.g. https://data.example.gov.cn.
        #[arg(long = "allow-report-origin", value_name = "ORIGIN")]
        report_origins: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            report,
            out,
            viewer,
            report_origins,
        } => match site::build(
            &report,
            &viewer,
            &out,
            &site::BuildOptions { report_origins },
        ) {
            Ok(_) => match site::size::measure_dir(&out) {
                Ok(sizes) => {
                    let (offline, rest): (Vec<_>, Vec<_>) = sizes
                        .into_iter()
                        .partition(|f| f.name == site::OFFLINE_FILE);
                    let (embed, hosted): (Vec<_>, Vec<_>) =
                        rest.into_iter().partition(|f| f.name == site::EMBED_SCRIPT);
                    println!("wrote {}", out.display());
                    println!("\nhosted site (what a browser loads for index.html):");
                    print!("{}", site::size::table(&hosted, "total transfer"));
                    println!("\nsingle offline file:");
                    print!("{}", site::size::table(&offline, "total"));
                    println!("\nembed script for partner pages:");
                    print!("{}", site::size::table(&embed, "total"));
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
