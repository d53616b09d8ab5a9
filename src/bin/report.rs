//! `report`: the authoring and publishing tool for the report viewer.
//!
//! From a text file to a published site: `report import`, `report
//! validate`, `report build`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use report_viewer::author::{check, import};
use report_viewer::site;

/// Import, check and publish reports for the report viewer.
#[derive(Parser)]
#[command(name = "report", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Lines for people, in Chinese and English.
    Text,
    /// One JSON document for programs.
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Print the JSON Schema of the report format.
    Schema,
    /// Check report files: JSON syntax, the format, and meaning. Exit code
    /// 0 all valid, 1 some invalid, 2 some unreadable.
    Validate {
        /// Report JSON files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output for people or for programs.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Turn a plain-text (UTF-8) Chinese report into report JSON.
    Import {
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
    },
    /// Write the hosted site and the single offline file for REPORT into
    /// DIR, using the compiled viewer.
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
    /// Write a synthetic report (for tests and benchmarks only: every part
    /// of it says it is synthetic).
    Synth {
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
    },
    /// Write REPORT as a plain static HTML page with no viewer (what
    /// `make bench` compares the viewer with).
    Plain {
        /// The report JSON file.
        report: PathBuf,
        /// Write the page here.
        #[arg(short, long)]
        output: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Schema => {
            print!("{}", report_viewer::author::schema_json());
            ExitCode::SUCCESS
        }
        Command::Validate { files, format } => {
            let checks: Vec<check::FileCheck> =
                files.iter().map(|f| check::check_file(f)).collect();
            match format {
                Format::Text => checks.iter().for_each(|c| print!("{}", check::to_text(c))),
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&checks).expect("checks serialise")
                ),
            }
            ExitCode::from(check::exit_code(&checks))
        }
        Command::Import {
            text,
            output,
            title,
            issuer,
            region,
            period,
            published,
            url,
            document_number,
        } => {
            let opts = import::ImportOptions {
                title,
                issuer,
                region,
                period,
                published,
                canonical_url: url,
                document_number,
            };
            match run_import(&text, output.as_ref(), &opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("report import: {e:#}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Synth {
            sections,
            charts,
            seed,
            output,
        } => {
            let json = report_viewer::author::synth::synthetic_json(sections, charts, seed);
            finish(
                "synth",
                std::fs::write(&output, json.to_string())
                    .with_context(|| format!("writing {}", output.display())),
            )
        }
        Command::Plain { report, output } => {
            let page = std::fs::read_to_string(&report)
                .with_context(|| format!("reading {}", report.display()))
                .and_then(|t| report_viewer::model::parse_report(&t).map_err(anyhow::Error::from))
                .map(|r| report_viewer::site::plain::plain_page(&r));
            finish(
                "plain",
                page.and_then(|p| {
                    std::fs::write(&output, p)
                        .with_context(|| format!("writing {}", output.display()))
                }),
            )
        }
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

/// Imports `text`, prints warnings to standard error and writes the JSON.
fn run_import(
    text: &PathBuf,
    output: Option<&PathBuf>,
    opts: &import::ImportOptions,
) -> anyhow::Result<()> {
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

/// Exit status and message for a command that either worked or did not.
fn finish(command: &str, result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("report {command}: {e:#}");
            ExitCode::from(2)
        }
    }
}
