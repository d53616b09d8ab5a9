//! The report index: built once when a report is loaded, it answers every
//! lookup by id (sections, blocks, key figures, charts), says where each
//! element stands (which section, inside which sections) and which id is
//! used first. Validation, CSV, search, deep links, the contents list and
//! embed scope all ask it instead of walking the report again, so a lookup
//! costs O(log n) however large the report.
//!
//! The index holds positions, not references, so that [`Indexed`] can own
//! the report and its index together and be shared (`Arc`) by a viewer.

use std::ops::Deref;

use crate::order::sorted_indices;
use crate::report::{Block, Chart, KeyFigure, Report, Section, Table};

/// Where a block stands: before the sections, in one, or after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home {
    /// The report's opening blocks.
    Preamble,
    /// The section with this index (see [`Indexed::section_at`]).
    Section(usize),
    /// The closing blocks.
    Closing,
}

/// An element found by id.
#[derive(Debug, Clone, Copy)]
pub enum Found<'a> {
    /// A section, with its index.
    Section(usize, &'a Section),
    /// A block with an id of its own, and where it stands.
    Block(Home, &'a Block),
    /// A key figure.
    Figure(&'a KeyFigure),
    /// A chart.
    Chart(&'a Chart),
}

const NONE: u32 = u32::MAX;

/// A section's place: its parent (or none for a part), its index among
/// the parent's subsections, and its depth (0 for parts).
#[derive(Debug, Clone, Copy)]
struct SectionAt {
    parent: u32,
    child: u32,
    depth: u32,
}

/// Everything that has an id of the report's one id namespace.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Section(u32),
    Block(Home, u32),
    Figure(u32),
    Chart(u32),
}

/// Positions of every section and id'd element of one report; see the
/// module's note. Use it through [`Indexed`].
#[derive(Debug, Clone, Default)]
pub struct ReportIndex {
    sections: Vec<SectionAt>,
    entries: Vec<Entry>,
    /// `entries` in the order of their ids, equal ids in document order.
    by_id: Vec<u32>,
    /// For each key figure, where the first `figures` block showing it is.
    figure_home: Vec<Option<Home>>,
    /// For each chart, where the first `chart` block showing it is.
    chart_home: Vec<Option<Home>>,
}

impl ReportIndex {
    /// Indexes `report`: one walk, one sort.
    pub fn build(report: &Report) -> ReportIndex {
        let mut ix = ReportIndex::default();
        fn sections(ix: &mut ReportIndex, list: &[Section], parent: u32, depth: u32) {
            for (child, s) in list.iter().enumerate() {
                let me = ix.sections.len() as u32;
                ix.sections.push(SectionAt {
                    parent,
                    child: child as u32,
                    depth,
                });
                ix.entries.push(Entry::Section(me));
                ix.blocks(&s.blocks, Home::Section(me as usize));
                sections(ix, &s.sections, me, depth + 1);
            }
        }
        ix.blocks(&report.preamble, Home::Preamble);
        sections(&mut ix, &report.sections, NONE, 0);
        ix.blocks(&report.closing, Home::Closing);
        ix.entries
            .extend((0..report.figures.len() as u32).map(Entry::Figure));
        ix.entries
            .extend((0..report.charts.len() as u32).map(Entry::Chart));
        ix.by_id = {
            let (ix, r) = (&ix, report);
            sorted_indices(ix.entries.len(), &mut |a, b| {
                ix.id_of(r, ix.entries[a]).cmp(ix.id_of(r, ix.entries[b]))
            })
            .into_iter()
            .map(|i| i as u32)
            .collect()
        };
        // Where each figure and chart is shown: a second walk, now that
        // ids can be looked up.
        ix.figure_home = vec![None; report.figures.len()];
        ix.chart_home = vec![None; report.charts.len()];
        let mut homes = Vec::new();
        let all = report
            .preamble
            .iter()
            .map(|b| (Home::Preamble, b))
            .chain(
                ix.sections_flat(report)
                    .flat_map(|(i, s)| s.blocks.iter().map(move |b| (Home::Section(i), b))),
            )
            .chain(report.closing.iter().map(|b| (Home::Closing, b)));
        for (home, b) in all {
            match b {
                Block::Figures { figures, .. } => homes.extend(
                    figures
                        .iter()
                        .filter_map(|f| Some((ix.lookup(report, f)?, home))),
                ),
                Block::Chart { chart } => homes.extend(ix.lookup(report, chart).map(|e| (e, home))),
                _ => {}
            }
        }
        for (entry, home) in homes {
            match entry {
                Entry::Figure(f) => {
                    ix.figure_home[f as usize].get_or_insert(home);
                }
                Entry::Chart(c) => {
                    ix.chart_home[c as usize].get_or_insert(home);
                }
                _ => {}
            }
        }
        ix
    }

    fn blocks(&mut self, blocks: &[Block], home: Home) {
        for (i, b) in blocks.iter().enumerate() {
            // A chart block is addressed by its chart's id, which the
            // chart itself holds.
            if !matches!(b, Block::Chart { .. }) {
                self.entries.push(Entry::Block(home, i as u32));
            }
        }
    }

    /// Sections in document order with their index.
    fn sections_flat<'r>(
        &'r self,
        report: &'r Report,
    ) -> impl Iterator<Item = (usize, &'r Section)> + 'r {
        (0..self.sections.len()).map(move |i| (i, self.section(report, i)))
    }

    fn section<'r>(&self, report: &'r Report, i: usize) -> &'r Section {
        let at = self.sections[i];
        let list = if at.parent == NONE {
            &report.sections
        } else {
            &self.section(report, at.parent as usize).sections
        };
        &list[at.child as usize]
    }

    fn block<'r>(&self, report: &'r Report, home: Home, i: u32) -> &'r Block {
        let list = match home {
            Home::Preamble => &report.preamble,
            Home::Closing => &report.closing,
            Home::Section(s) => &self.section(report, s).blocks,
        };
        &list[i as usize]
    }

    fn id_of<'r>(&self, report: &'r Report, e: Entry) -> &'r str {
        match e {
            Entry::Section(s) => &self.section(report, s as usize).id,
            Entry::Block(home, i) => self.block(report, home, i).id(),
            Entry::Figure(f) => &report.figures[f as usize].id,
            Entry::Chart(c) => &report.charts[c as usize].id,
        }
    }

    /// The entries with id `id`, first in document order first.
    fn range(&self, report: &Report, id: &str) -> &[u32] {
        let key = |e: &u32| self.id_of(report, self.entries[*e as usize]);
        let from = self.by_id.partition_point(|e| key(e) < id);
        let to = from + self.by_id[from..].partition_point(|e| key(e) == id);
        &self.by_id[from..to]
    }

    fn lookup(&self, report: &Report, id: &str) -> Option<Entry> {
        self.range(report, id)
            .first()
            .map(|&e| self.entries[e as usize])
    }
}

/// A report with its index: what loading gives, and what the viewer and
/// the command-line tool work with. It reads as the [`Report`] it holds
/// (`Deref`), and adds lookups that cost O(log n).
#[derive(Debug, Clone)]
pub struct Indexed {
    report: Report,
    index: ReportIndex,
}

impl Deref for Indexed {
    type Target = Report;

    fn deref(&self) -> &Report {
        &self.report
    }
}

impl From<Report> for Indexed {
    fn from(report: Report) -> Indexed {
        Indexed::new(report)
    }
}

impl Indexed {
    /// Indexes `report`.
    pub fn new(report: Report) -> Indexed {
        let index = ReportIndex::build(&report);
        Indexed { report, index }
    }

    /// The report itself.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Gives the report back.
    pub fn into_report(self) -> Report {
        self.report
    }

    /// The element with this id (the first, if the id is used twice).
    pub fn find(&self, id: &str) -> Option<Found<'_>> {
        let r = &self.report;
        Some(match self.index.lookup(r, id)? {
            Entry::Section(s) => Found::Section(s as usize, self.index.section(r, s as usize)),
            Entry::Block(home, i) => Found::Block(home, self.index.block(r, home, i)),
            Entry::Figure(f) => Found::Figure(&r.figures[f as usize]),
            Entry::Chart(c) => Found::Chart(&r.charts[c as usize]),
        })
    }

    /// Whether `id` (a reference to an id field of this report) is the
    /// first use of its value in document order: preamble, sections depth
    /// first (each before its blocks, its blocks before its subsections),
    /// closing, key figures, charts.
    pub fn is_first_use(&self, id: &str) -> bool {
        let r = &self.report;
        match self.index.range(r, id).first() {
            Some(&e) => std::ptr::eq(self.index.id_of(r, self.index.entries[e as usize]), id),
            None => true,
        }
    }

    /// How many sections the report has, at every depth.
    pub fn section_count(&self) -> usize {
        self.index.sections.len()
    }

    /// The section with index `i` (document order, depth first).
    pub fn section_at(&self, i: usize) -> &Section {
        self.index.section(&self.report, i)
    }

    /// The depth of section `i`: 0 for parts.
    pub fn depth(&self, i: usize) -> usize {
        self.index.sections[i].depth as usize
    }

    /// The section that holds section `i`, if it is not a part.
    pub fn parent(&self, i: usize) -> Option<usize> {
        let p = self.index.sections[i].parent;
        (p != NONE).then_some(p as usize)
    }

    /// Every section in document order with its index and depth.
    pub fn sections(&self) -> impl Iterator<Item = (usize, usize, &Section)> + '_ {
        self.index
            .sections_flat(&self.report)
            .map(|(i, s)| (i, self.depth(i), s))
    }

    /// The section with this id, with its index.
    pub fn section(&self, id: &str) -> Option<(usize, &Section)> {
        match self.find(id)? {
            Found::Section(i, s) => Some((i, s)),
            _ => None,
        }
    }

    /// The key figure with this id.
    pub fn figure(&self, id: &str) -> Option<&KeyFigure> {
        match self.find(id)? {
            Found::Figure(f) => Some(f),
            _ => None,
        }
    }

    /// The chart with this id.
    pub fn chart(&self, id: &str) -> Option<&Chart> {
        match self.find(id)? {
            Found::Chart(c) => Some(c),
            _ => None,
        }
    }

    /// The table with this id.
    pub fn table(&self, id: &str) -> Option<&Table> {
        match self.find(id)? {
            Found::Block(_, Block::Table(t)) => Some(t),
            _ => None,
        }
    }

    /// The text of the paragraph with this id.
    pub fn paragraph_text(&self, id: &str) -> Option<&str> {
        match self.find(id)? {
            Found::Block(_, Block::Paragraph { text, .. }) => Some(text),
            _ => None,
        }
    }

    /// Where the element `id` is shown: a block's place, the place of the
    /// first block showing a figure or chart, a section's own index.
    pub fn home_of(&self, id: &str) -> Option<Home> {
        let r = &self.report;
        match self.index.lookup(r, id)? {
            Entry::Section(s) => Some(Home::Section(s as usize)),
            Entry::Block(home, _) => Some(home),
            Entry::Figure(f) => self.index.figure_home[f as usize],
            Entry::Chart(c) => self.index.chart_home[c as usize],
        }
    }

    /// The sections that must be open for the element `id` to be seen,
    /// outermost first: its own section and every one around it.
    pub fn sections_around(&self, id: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = match self.home_of(id) {
            Some(Home::Section(s)) => Some(s),
            _ => None,
        };
        while let Some(s) = at {
            out.push(s);
            at = self.parent(s);
        }
        out.reverse();
        out
    }

    /// The printed path of section `i`: each heading from its part down,
    /// joined by `sep`.
    pub fn section_path(&self, i: usize, sep: &str) -> String {
        let mut chain = vec![i];
        while let Some(p) = self.parent(*chain.last().unwrap_or(&i)) {
            chain.push(p);
        }
        chain
            .iter()
            .rev()
            .map(|&s| self.section_at(s).heading())
            .collect::<Vec<_>>()
            .join(sep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Meta, Report};

    fn para(id: &str) -> Block {
        Block::Paragraph {
            id: id.into(),
            text: format!("text of {id}"),
        }
    }

    fn section(id: &str, blocks: Vec<Block>, sections: Vec<Section>) -> Section {
        Section {
            id: id.into(),
            number: String::new(),
            title: id.to_uppercase(),
            blocks,
            sections,
        }
    }

    fn report() -> Report {
        Report {
            format_version: 1,
            meta: Meta {
                title: "t".into(),
                issuer: "i".into(),
                region: "r".into(),
                period: "p".into(),
                published: None,
                language: "zh-CN".into(),
                canonical_url: None,
                document_number: None,
                index_number: None,
                note: None,
            },
            preamble: vec![para("p0")],
            sections: vec![
                section(
                    "a",
                    vec![para("p1")],
                    vec![section(
                        "a1",
                        vec![para("p2"), Block::Chart { chart: "c".into() }],
                        vec![],
                    )],
                ),
                section("b", vec![para("p1")], vec![]),
            ],
            closing: vec![para("p9")],
            figures: vec![],
            charts: vec![],
            viewer: Default::default(),
        }
    }

    #[test]
    fn finds_every_element_and_where_it_stands() {
        let r = Indexed::new(report());
        assert_eq!(r.section_count(), 3);
        assert_eq!(r.section("a1").map(|(i, _)| i), Some(1));
        assert_eq!(r.section("b").map(|(i, _)| i), Some(2));
        assert_eq!(r.depth(1), 1);
        assert_eq!(r.parent(1), Some(0));
        assert_eq!(r.paragraph_text("p2"), Some("text of p2"));
        assert_eq!(r.paragraph_text("a"), None);
        assert_eq!(r.home_of("p0"), Some(Home::Preamble));
        assert_eq!(r.home_of("p9"), Some(Home::Closing));
        assert_eq!(r.sections_around("p2"), vec![0, 1]);
        assert_eq!(r.sections_around("a1"), vec![0, 1]);
        assert_eq!(r.sections_around("p0"), Vec::<usize>::new());
        assert_eq!(r.section_path(1, " › "), "A › A1");
        assert!(r.find("nope").is_none());
        let ids: Vec<&str> = r.sections().map(|(_, _, s)| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "a1", "b"]);
    }

    #[test]
    fn the_first_use_of_an_id_is_known() {
        let r = Indexed::new(report());
        // "p1" is used in section a, then again in section b.
        let first = match &r.sections[0].blocks[0] {
            Block::Paragraph { id, .. } => id.as_str(),
            _ => unreachable!(),
        };
        let second = match &r.sections[1].blocks[0] {
            Block::Paragraph { id, .. } => id.as_str(),
            _ => unreachable!(),
        };
        assert!(r.is_first_use(first));
        assert!(!r.is_first_use(second));
        // A look-alike string that is no field of the report is not the first use.
        assert!(!r.is_first_use(&String::from("p1")));
        // The first wins a lookup.
        assert_eq!(r.home_of("p1"), Some(Home::Section(0)));
    }
}
