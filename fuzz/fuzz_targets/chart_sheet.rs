//! `report chart add` reads spreadsheets authors made by hand: any CSV
//! (or bytes claiming to be a workbook) gives a chart or a problem naming
//! the sheet and cell, never a panic; a chart it gives has every value's
//! source. Sheets whose used range is a whole worksheet, or workbooks that
//! inflate past the limits, are refused within the memory and time limits
//! `make fuzz` gives it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_cli::author::sheet;
use report_format::ChartKind;

fuzz_target!(|bytes: &[u8]| {
    let spec = sheet::Spec {
        kind: ChartKind::Line,
        title: "t".into(),
        unit: None,
        id: "chart-1".into(),
        description: None,
        source: Some("https://example.org/".into()),
        quote: Some("q".into()),
        publisher: None,
    };
    for name in ["data.csv", "data.xlsx", "data.ods"] {
        if let Ok(s) = sheet::read_sheet(name, bytes, None) {
            if let Ok(chart) = sheet::chart_from_sheet(&s, &spec, name) {
                assert!(chart.series.iter().all(|s| !s.unit.is_empty()));
            }
        }
    }
});
