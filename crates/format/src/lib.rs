//! The report format and everything that can be known about a report
//! without a screen: the types a report JSON file reads into, loading with
//! located errors, validation, the report index, search, the words a
//! number is said in, and CSV.
//!
//! Architecture invariant: this crate depends on nothing that draws or
//! shows (no `leptos`, `web-sys`, `wasm-bindgen`, `js-sys` or
//! `plotters`): its Cargo.toml says so. The chart layer, the viewer, the
//! command-line tool and the tests all build on it.

mod csv;
mod index;
mod load;
pub mod markup;
mod objects;
mod order;
pub mod page_ids;
mod points;
pub mod problem;
#[cfg(feature = "authoring")]
mod problem_authoring;
mod report;
pub mod search;
pub mod settings;
mod validate;
mod value;
mod wording;

pub use csv::{chart_csv, report_csv, CSV_BOM};
pub use index::{Found, Home, Indexed, ReportIndex};
pub use load::{
    check_report, control_characters, is_stray_control, parse_report, parse_unchecked, pointer_at,
    LoadError, MAX_REPORT_BYTES,
};
pub use order::{repeats, sorted_indices};
pub use points::{category_order, category_points, chart_points, distinct_sources, Categories};
pub use problem::{Code, Problem};
pub use report::{
    Block, Chart, ChartKind, HeaderCell, KeyFigure, Meta, Point, Report, Section, Series, Table,
    ViewerConfig, FORMAT_VERSION,
};
pub use settings::{Lang, Script, TextSize, Theme};
pub use validate::{
    is_http_url, is_origin, is_valid_id, validate, MAX_ABS_VALUE, MAX_CATEGORIES_PER_CHART,
    MAX_POINTS_PER_SERIES, MAX_SECTION_DEPTH, MAX_SERIES_PER_CHART,
};
pub use value::{format_number, printed_numbers, same_number, Provenance, Qualifier, Value};
pub use wording::{chart_summary, point_text};
