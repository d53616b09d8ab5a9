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
    /// An origin besides the site's own from which `?report=` may load
    /// a report (repeatable), e.g. https://data.example.gov.cn.
    #[arg(long = "allow-report-origin", value_name = "ORIGIN")]
    report_origins: Vec<String>,
    /// Another origin that serves this site at the same path (repeatable),
    /// whose viewer embed.js may frame too; by default it frames only the
    /// viewer in the directory it was served from.
    #[arg(long = "embed-allow-origin", value_name = "ORIGIN")]
    embed_origins: Vec<String>,
}

/// Builds the site and prints its sizes.
pub fn execute(args: Build) -> ExitCode {
    let options = site::BuildOptions {
        report_origins: args.report_origins,
        embed_origins: args.embed_origins,
    };
    if let Err(e) = site::build(&args.report, &args.viewer, &args.out, &options) {
        eprintln!("report build: {e:#}");
        return ExitCode::from(e.exit_code());
    }
    match site::size::measure_dir(&args.out) {
        Ok(sizes) => {
            // What index.html loads; the offline copy with its checksum;
            // the embed script under its two names.
            let offline_files = [
                report_viewer::ui::OFFLINE_FILE.to_string(),
                site::offline_sha256_file(),
            ];
            let (offline, rest): (Vec<_>, Vec<_>) = sizes
                .into_iter()
                .partition(|f| offline_files.contains(&f.name));
            let (embed, hosted): (Vec<_>, Vec<_>) = rest
                .into_iter()
                .partition(|f| f.name.starts_with("embed") && f.name.ends_with(".js"));
            println!("wrote {}", args.out.display());
            println!("\nhosted site (what a browser loads for index.html):");
            print!("{}", site::size::table(&hosted, "total transfer"));
            println!("\nsingle offline file:");
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
