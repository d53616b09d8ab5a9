//! `report schema`: the JSON Schema of the report format, for editors.

use std::process::ExitCode;

/// Prints the schema.
pub fn execute() -> ExitCode {
    print!("{}", crate::author::schema_json());
    ExitCode::from(super::OK)
}
