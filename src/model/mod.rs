//! The report format and everything that can be known about a report
//! without a screen: types, loading, validation and number formatting.
//!
//! Architecture invariant: this layer imports nothing from `leptos`,
//! `web_sys` or `plotters`. The viewer, the command-line tool and the tests
//! all build on it.

mod data;
mod load;
mod objects;
mod report;
mod set;
mod validate;
mod value;

pub use data::{
    category_order, category_points, chart_csv, chart_summary, distinct_sources, parse_csv,
    point_text, report_csv, CSV_BOM,
};
pub use load::{
    parse_report, parse_unchecked, pointer_at, report_origin_allowed, Diagnostic, LoadError,
    MAX_REPORT_BYTES,
};
pub use report::{
    Block, Chart, ChartKind, KeyFigure, Meta, Point, Report, Section, Series, Table, ViewerConfig,
    FORMAT_VERSION,
};
pub use set::StrSet;
pub use validate::{
    is_http_url, is_origin, is_valid_id, validate, Problem, MAX_ABS_VALUE, MAX_POINTS_PER_SERIES,
    MAX_SECTION_DEPTH, MAX_SERIES_PER_CHART,
};
pub use value::{format_number, Provenance, Qualifier, Value};
