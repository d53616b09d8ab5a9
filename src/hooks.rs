//! The contract between the page the build writes and the browser code
//! that takes it over: the names the browser looks for, defined once and
//! compiled on both sides, so that renaming one renames it everywhere.
//!
//! An *island* is a widget the same Leptos component renders at build
//! time and hydrates in the browser (`leptos::mount::hydrate_from`). Its
//! static markup sits in a `<viewer-island data-island="…">` element, laid
//! out as if it were not there (`display: contents`). The build keeps the
//! hydration markers (`<!>`) only inside islands; everywhere else the
//! report's text is static HTML that no component renders again.

/// The element an island's markup is rendered into.
pub const ISLAND_TAG: &str = "viewer-island";
/// The attribute naming which island an element holds ([`Island::name`]).
pub const ISLAND_ATTR: &str = "data-island";

/// Every island on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Island {
    /// The display controls: text size (长者模式), colours, 简体 / 繁體.
    Display,
}

impl Island {
    /// Every island, for tests and the build's checks.
    pub const ALL: [Island; 1] = [Island::Display];

    /// The island's name in `data-island`.
    pub fn name(self) -> &'static str {
        match self {
            Island::Display => "display",
        }
    }

    /// The island a `data-island` value names.
    pub fn parse(s: &str) -> Option<Island> {
        Self::ALL.into_iter().find(|i| i.name() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for i in Island::ALL {
            assert_eq!(Island::parse(i.name()), Some(i));
        }
        assert_eq!(Island::parse("search-results"), None);
    }
}
