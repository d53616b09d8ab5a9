//! Report JSON, as any page or `?report=` address may carry it: parsing and
//! validation must answer every input with a report or a message, and a
//! report that passes must survive everything the viewer does with it
//! (summaries, CSV, search, charts, the static page).
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_chart::{draw, ChartStyle, DrawOptions};
use report_format::search::{Folding, SearchIndex};
use report_format::{chart_csv, chart_summary, parse_report, report_csv, Lang, Theme};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // What `report build` checks besides (control characters) answers too.
    if let Err(e) = report_format::check_report(text) {
        assert!(!e.problems().is_empty());
    }
    let report = match parse_report(text) {
        Ok(r) => r,
        Err(e) => {
            // Every refusal must come with at least one message.
            assert!(!e.problems().is_empty());
            let _ = e.to_string();
            return;
        }
    };
    for lang in [Lang::Zh, Lang::En] {
        let _ = report_csv(&report, lang);
        for chart in &report.charts {
            let _ = chart_summary(chart, lang);
            let _ = chart_csv(&report, chart, lang);
            let style = ChartStyle::for_width(320, 1.6, Theme::Dark, lang);
            let _ = draw(chart, &style, &DrawOptions::default());
        }
        let index = SearchIndex::build(&report, lang, &Folding::builtin());
        let _ = index.search("行政", 12);
        let _ = index.search("a", 12);
    }
    for lang in [Lang::Zh, Lang::En] {
        let _ = report_cli::site::prerender(&report, lang, report_cli::site::PageKind::Hosted);
    }
});
