//! The bundled Jimo 2024 report is faithful to its source text and honest
//! about every number.

use report_format::{Block, ChartKind, Provenance, Qualifier};

use crate::{bundled, parse_csv, read};

/// The source lines that are report text (line 1 is the website's search
/// box placeholder, not part of the report).
fn source_lines() -> Vec<String> {
    let text = read("tests/fixtures/source/jimo-2024.txt");
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect();
    assert_eq!(lines[0], "请输入检索词");
    lines[1..].to_vec()
}

#[test]
fn every_source_line_is_kept_word_for_word() {
    let r = bundled();
    // Rebuild each printed line from the report: headings with their
    // run-in paragraph, paragraphs alone.
    let mut rebuilt = Vec::new();
    for b in &r.preamble {
        if let Block::Paragraph { text, .. } = b {
            rebuilt.push(text.clone());
        }
    }
    for part in &r.sections {
        rebuilt.push(part.heading());
        for sub in &part.sections {
            let text: String = sub
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Paragraph { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            rebuilt.push(format!("{}{}", sub.heading(), text));
        }
    }
    for b in &r.closing {
        if let Block::Paragraph { text, .. } = b {
            rebuilt.push(text.clone());
        }
    }
    assert_eq!(rebuilt, source_lines());
}

#[test]
fn has_four_parts_every_subsection_and_the_sign_off() {
    let r = bundled();
    let numbers: Vec<&str> = r.sections.iter().map(|s| s.number.as_str()).collect();
    assert_eq!(numbers, ["一、", "二、", "三、", "四、"]);
    let subs: Vec<usize> = r.sections.iter().map(|s| s.sections.len()).collect();
    assert_eq!(subs, [5, 3, 3, 3]);
    assert!(matches!(&r.closing[..], [Block::Paragraph { text, .. }] if text == "特此报告。"));
    assert!(!r
        .walk_blocks()
        .iter()
        .any(|b| matches!(b, Block::Paragraph { text, .. } if text.contains("请输入检索词"))));
}

#[test]
fn has_enough_key_figures_each_with_unit_and_source() {
    let r = bundled();
    assert!(r.figures.len() >= 20, "{} figures", r.figures.len());
    for f in &r.figures {
        assert!(!f.unit.is_empty(), "{}", f.id);
        // Every key figure in this report was read from its text.
        assert!(
            matches!(f.value.source, Provenance::Paragraph { .. }),
            "{}",
            f.id
        );
    }
    let grid = r.figure("fig-grid-workers").unwrap();
    assert_eq!(grid.value.value, 21000.0);
    assert!(matches!(&grid.value.qualifier, Qualifier::LowerBound { marker } if marker == "余"));
    let months = r.figure("fig-production-earlier").unwrap();
    assert_eq!(months.value.qualifier, Qualifier::Range { high: 3.0 });
}

#[test]
fn reconsideration_2023_is_derived_from_the_growth_sentence() {
    let r = bundled();
    let c = r
        .chart("chart-reconsideration")
        .expect("the reconsideration chart");
    assert_eq!(c.categories, ["2023", "2024"]);
    let pts = &c.series[0].points;
    let y2023 = pts.iter().find(|p| p.x == "2023").unwrap();
    match &y2023.value.qualifier {
        Qualifier::Derived { rule } => assert!(rule.contains("550") && rule.contains("148%")),
        q => panic!("2023 must be derived, is {q:?}"),
    }
    assert!((y2023.value.value - 550.0 / 2.48).abs() < 0.05);
    assert!(y2023.value.source.quote().contains("增长148%"));
    let y2024 = pts.iter().find(|p| p.x == "2024").unwrap();
    assert_eq!(
        (y2024.value.value, &y2024.value.qualifier),
        (550.0, &Qualifier::Exact)
    );
}

#[test]
fn has_at_least_four_charts_of_both_kinds() {
    let r = bundled();
    assert!(r.charts.len() >= 4);
    assert!(r.charts.iter().any(|c| c.kind == ChartKind::Line));
    assert!(r.charts.iter().any(|c| c.kind == ChartKind::Bar));
    // Every chart is placed in the report exactly once.
    for c in &r.charts {
        let uses = r
            .walk_blocks()
            .iter()
            .filter(|b| matches!(b, Block::Chart { chart } if chart == &c.id))
            .count();
        assert_eq!(uses, 1, "{}", c.id);
    }
}

/// Every external value equals a row of context-figures.csv with the same
/// source URL and quote: nothing invented, nothing retyped wrongly.
#[test]
fn context_values_match_the_gathered_figures() {
    let csv = read("tests/fixtures/source/context-figures.csv");
    // The first row names the columns.
    let rows = parse_csv(&csv).split_off(1);
    let r = bundled();
    let mut external = 0;
    for c in &r.charts {
        for s in &c.series {
            for p in &s.points {
                if let Provenance::External { url, quote, .. } = &p.value.source {
                    external += 1;
                    let hit = rows.iter().any(|row| {
                        row[5] == *url
                            && row[6] == *quote
                            && row[4].parse::<f64>().ok() == Some(p.value.value)
                    });
                    assert!(hit, "{} {} {} not in the CSV", c.id, s.id, p.x);
                }
            }
        }
    }
    assert!(external >= 10, "charts use the context figures");
}

/// The 2022 disclosure total and the 2024 published count are different
/// measures: they must never be one series.
#[test]
fn different_measures_are_not_joined_into_one_series() {
    let r = bundled();
    for c in &r.charts {
        for s in &c.series {
            let quotes: Vec<&str> = s.points.iter().map(|p| p.value.source.quote()).collect();
            let has_2022_total = quotes.iter().any(|q| q.contains("2.7万余条"));
            let has_2024 = quotes.iter().any(|q| q.contains("1.9万条"));
            assert!(
                !(has_2022_total && has_2024),
                "{} joins 2022 and 2024 disclosure",
                c.id
            );
        }
    }
}
