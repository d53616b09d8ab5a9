//! `report build`: a report into the compiled viewer, as a site.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::site;

/// Write the hosted site and the single offline file for REPORT into DIR,
/// using the compiled viewer.
#[derive(Args)]
pub struct Build {
    /// The report JSON file.
    report: PathBuf,
    /// Output directory.
    #[arg(long)]
    out: PathBuf,
    /// Directory of the compiled viewer (Trunk's output).
    #[arg(long, default_value = "target/viewer")]
    viewer: PathBuf,
    /// Leave out the single offline files (quicker, for looking at a
    /// report before publishing it).
    #[arg(long)]
    no_offline: bool,
    /// Another origin that serves this site at the same path (repeatable),
    /// whose viewer embed.js may frame too; by default it frames only the
    /// viewer in the directory it was served from.
    #[arg(long = "embed-allow-origin", value_name = "ORIGIN")]
    embed_origins: Vec<String>,
}

/// Builds the site and prints its sizes.
pub fn execute(args: Build) -> ExitCode {
    let options = site::BuildOptions {
        no_offline: args.no_offline,
        embed_origins: args.embed_origins,
    };
    if let Err(e) = site::build(&args.report, &args.viewer, &args.out, &options) {
        eprintln!("report build: {e:#}");
        return ExitCode::from(e.exit_code());
    }
    match site::size::measure_dir(&args.out) {
        Ok(sizes) => {
            // What a reader's browser loads for the default language's
            // page; the offline copies with their checksums; the embed
            // script under its two names.
            let (offline, rest): (Vec<_>, Vec<_>) = sizes
                .into_iter()
                .partition(|f| f.name.starts_with("report."));
            let (embed, rest): (Vec<_>, Vec<_>) = rest
                .into_iter()
                .partition(|f| f.name.starts_with("embed") && f.name.ends_with(".js"));
            let hosted: Vec<_> = rest
                .into_iter()
                .filter(|f| !(f.name.starts_with("index.") && f.name != "index.html"))
                .collect();
            println!("wrote {}", args.out.display());
            println!("\nhosted site (what a browser loads for index.html):");
            print!("{}", site::size::table(&hosted, "total transfer"));
            println!("\nsingle offline files (one per page):");
            print!("{}", site::size::table(&offline, "total"));
            println!("\nembed script for partner pages:");
            print!("{}", site::size::table(&embed, "total"));
            ExitCode::from(super::OK)
        }
        Err(e) => {
            eprintln!("report build: measuring {}: {e:#}", args.out.display());
            ExitCode::from(super::FAILED)
        }
    }
}
