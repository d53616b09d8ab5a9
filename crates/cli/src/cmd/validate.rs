//! `report validate`: checks report files and says what is wrong where.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::author::check;

/// How to print the result.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Lines for people, in Chinese and English.
    Text,
    /// One JSON document for programs.
    Json,
}

/// Check report files: JSON syntax, the format, and meaning. Exit code 0
/// all valid, 1 some invalid, 2 some unreadable.
#[derive(Args)]
pub struct Validate {
    /// Report JSON files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output for people or for programs.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Checks every file and prints the result.
pub fn execute(args: Validate) -> ExitCode {
    let checks: Vec<check::FileCheck> = args.files.iter().map(|f| check::check_file(f)).collect();
    match args.format {
        Format::Text => checks.iter().for_each(|c| print!("{}", check::to_text(c))),
        Format::Json => match serde_json::to_string_pretty(&checks) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("report validate: {e}");
                return ExitCode::from(super::FAILED);
            }
        },
    }
    ExitCode::from(check::exit_code(&checks))
}
