//! Search finds the report's words typed in either script, on the page in
//! simplified characters and on the one in traditional characters, with
//! the pairs the build puts in every page, and only with them: the
//! folding is a value each index is built with.

use report_cli::site::Scripts;
use report_format::search::{Folding, SearchIndex};
use report_format::{parse_report, Block, Indexed, Lang};

#[test]
fn either_script_finds_the_report_in_either_script() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/reports/jimo-2024.json"
    );
    let r = parse_report(&std::fs::read_to_string(path).unwrap()).unwrap();
    let scripts = Scripts::new(&r).unwrap();
    let hant = scripts.hant_report().unwrap();
    let pairs: Vec<char> = scripts.fold_pairs().chars().collect();
    assert!(!pairs.is_empty() && pairs.len().is_multiple_of(2));
    let folding = Folding::with_pairs(scripts.fold_pairs());

    // Words of the report with a character the built-in table lacks: each
    // pair's traditional character with the one after it, as printed.
    let paragraphs = |report: &Indexed| -> Vec<Vec<char>> {
        report
            .walk_blocks()
            .into_iter()
            .filter_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.chars().collect()),
                _ => None,
            })
            .collect()
    };
    let texts: Vec<(Vec<char>, Vec<char>)> = paragraphs(&r)
        .into_iter()
        .zip(paragraphs(hant))
        .filter(|(s, t)| s.len() == t.len())
        .collect();
    let mut words = vec![("行政复议".to_string(), "行政復議".to_string())];
    for p in pairs.chunks(2).take(40) {
        let found = texts.iter().find_map(|(s, t)| {
            let i = t.iter().position(|&c| c == p[0])?;
            let end = (i + 2).min(t.len());
            Some((s[i..end].iter().collect(), t[i..end].iter().collect()))
        });
        words.extend(found);
    }
    assert!(words.len() > 5, "{words:?}");
    for report in [&r, hant] {
        let index = SearchIndex::build(report, Lang::Zh, &folding);
        // Without the page's pairs, some word typed in the other script is
        // not found: the pairs are what makes it work.
        let bare = SearchIndex::build(report, Lang::Zh, &Folding::builtin());
        assert!(
            words
                .iter()
                .any(|(s, t)| bare.search(s, 5) != bare.search(t, 5)),
            "the built-in table alone finds every word in {}",
            report.meta.language
        );
        for (s, t) in &words {
            let (a, b) = (index.search(s, 5), index.search(t, 5));
            assert!(!a.is_empty(), "{s} in {}", report.meta.language);
            assert_eq!(
                a, b,
                "{s} and {t} find the same in {}",
                report.meta.language
            );
        }
    }
}
