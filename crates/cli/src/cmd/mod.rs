//! One module per subcommand, as mdBook's `src/cmd/`: each has its
//! arguments (clap) and an `execute` that returns the exit code.
//!
//! Exit codes, the same for every command: 0 done, 1 the input is invalid
//! (the author must change it), 2 the input cannot be read or the command
//! failed.

pub mod build;
pub mod chart;
pub mod import;
pub mod plain;
pub mod schema;
pub mod synth;
pub mod validate;

use std::process::ExitCode;

/// Done.
pub const OK: u8 = 0;
/// The input is invalid.
pub const INVALID: u8 = 1;
/// The input cannot be read, or the command failed.
pub const FAILED: u8 = 2;

/// Prints `command`'s error and gives [`FAILED`], or [`OK`].
pub fn finish(command: &str, result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::from(OK),
        Err(e) => {
            eprintln!("report {command}: {e:#}");
            ExitCode::from(FAILED)
        }
    }
}
