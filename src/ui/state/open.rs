//! Which sections a reader has closed. Sections start open, so the report
//! reads like the document; what a reader closes is kept by section index
//! (see [`report_format::Indexed::section_at`]), so every question is
//! O(1) and opening the way to a target walks only the sections around it.

use report_format::Indexed;

/// Which sections are collapsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpenSections {
    /// `closed[i]`: section `i` is closed. Shorter than the report's
    /// sections when the last ones are open.
    closed: Vec<bool>,
}

impl OpenSections {
    /// Whether the section with index `i` is open.
    pub fn is_open(&self, i: usize) -> bool {
        !self.closed.get(i).copied().unwrap_or(false)
    }

    /// Opens or closes section `i`.
    pub fn set(&mut self, i: usize, open: bool) {
        if !open && self.closed.len() <= i {
            self.closed.resize(i + 1, false);
        }
        if let Some(c) = self.closed.get_mut(i) {
            *c = !open;
        }
    }

    /// Opens every section.
    pub fn expand_all(&mut self) {
        self.closed.clear();
    }

    /// Closes every section of `report`.
    pub fn collapse_all(&mut self, report: &Indexed) {
        self.closed = vec![true; report.section_count()];
    }

    /// Whether every section is open.
    pub fn all_open(&self) -> bool {
        !self.closed.contains(&true)
    }

    /// Starts with the sections `ids` closed (ids the report does not have
    /// are ignored).
    pub fn with_closed(report: &Indexed, ids: &[String]) -> OpenSections {
        let mut o = OpenSections::default();
        for (i, _) in ids.iter().filter_map(|id| report.section(id)) {
            o.set(i, false);
        }
        o
    }

    /// Opens whatever hides the element `target` (a section, block, chart
    /// or key figure id): its section and every section around it.
    pub fn reveal(&mut self, report: &Indexed, target: &str) {
        for s in report.sections_around(target) {
            self.set(s, true);
        }
    }

    /// Opens the sections around the block [`super::block_with_text`] finds.
    pub fn reveal_text(&mut self, report: &Indexed, quote: &str) {
        if let Some(id) = super::block_with_text(report, quote) {
            self.reveal(report, id);
        }
    }

    /// The closed sections' ids, in document order.
    pub fn closed_ids(&self, report: &Indexed) -> Vec<String> {
        self.closed
            .iter()
            .enumerate()
            .filter(|&(i, &c)| c && i < report.section_count())
            .map(|(i, _)| report.section_at(i).id.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_format::{parse_report, Block};

    #[test]
    fn text_links_open_the_sections_around_their_words() {
        let r = parse_report(include_str!("../../../public/reports/jimo-2024.json")).unwrap();
        let part = &r.sections[1];
        let sub = &part.sections[0];
        let Some(Block::Paragraph { text, .. }) = sub.blocks.first() else {
            panic!("a paragraph")
        };
        let words: String = text.chars().skip(12).take(12).collect();
        let mut o = OpenSections::default();
        o.collapse_all(&r);
        o.reveal_text(&r, &words);
        let at = |id: &str| r.section(id).unwrap().0;
        assert!(o.is_open(at(&part.id)) && o.is_open(at(&sub.id)));
        assert!(!o.is_open(at(&r.sections[0].id)));
    }

    #[test]
    fn reveal_opens_every_section_around_a_target() {
        let r = parse_report(include_str!("../../../tests/fixtures/valid/minimal.json")).unwrap();
        let mut o =
            OpenSections::with_closed(&r, &["part-1".into(), "part-1-1".into(), "nope".into()]);
        assert_eq!(
            o.closed_ids(&r),
            vec!["part-1".to_string(), "part-1-1".to_string()]
        );
        o.reveal(&r, "fig-b");
        assert!(o.all_open());
        o.collapse_all(&r);
        o.reveal(&r, "part-1");
        assert_eq!(o.closed_ids(&r), vec!["part-1-1".to_string()]);
    }

    #[test]
    fn open_sections_expand_and_collapse() {
        let mut s = OpenSections::default();
        assert!(s.is_open(3) && s.all_open());
        s.set(3, false);
        assert!(!s.is_open(3) && s.is_open(2) && s.is_open(40) && !s.all_open());
        s.set(3, true);
        assert!(s.all_open());
        s.set(3, false);
        s.expand_all();
        assert!(s.is_open(3));
    }
}
