//! The contract between the page the build writes and the browser code
//! that takes it over: every class, attribute and action name the browser
//! looks for, defined once and compiled on both sides, so that renaming one
//! renames it everywhere. Behaviour never keys on `data-testid`, which is
//! the tests' alone.
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

/// A class the page writes and the browser looks for: its name (for the
/// `class` attribute) and its selector (`.name`), both from one literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Class {
    /// The class name, as written in `class="…"`.
    pub name: &'static str,
    /// The selector for it, `.name`.
    pub sel: &'static str,
}

macro_rules! classes {
    ($($(#[$doc:meta])* $id:ident = $lit:literal,)*) => {
        $($(#[$doc])* pub const $id: Class = Class { name: $lit, sel: concat!(".", $lit) };)*
        /// Every class in the contract, for the build's checks.
        pub const CLASSES: &[Class] = &[$($id),*];
    };
}

classes! {
    /// A section: a `<details>` whose open state is the truth.
    SEC = "sec",
    /// A top-level section (a part), where reading aloud starts looking.
    DEPTH_0 = "depth-0",
    /// The header with the report's title.
    TITLE_BLOCK = "title-block",
    /// A paragraph of report text.
    PARA = "para",
    /// A note in the report text.
    NOTE = "note",
    /// A list in the report text.
    LIST = "list",
    /// A section heading's words inside its `<summary>`.
    TITLE = "title",
    /// A report table's scroll box.
    TABLE_WRAP = "table-wrap",
    /// A key figure.
    CARD = "card",
    /// A key figure's words.
    CARD_LABEL = "card-label",
    /// A key figure's value (number, unit, qualifier).
    CARD_VALUE = "card-value",
    /// The number in a value.
    NUM = "num",
    /// The unit in a value.
    UNIT = "unit",
    /// A value's qualifier badge (余, 以上, 约).
    BADGE = "badge",
    /// A chart's `<figure>`.
    CHART = "chart",
    /// The box a chart's drawing is written into.
    CHART_SVG = "chart-svg",
    /// A chart's title in its caption.
    CHART_TITLE = "chart-title",
    /// A chart's unit in its caption.
    CHART_UNIT = "chart-unit",
    /// A chart's description.
    CHART_DESC = "chart-desc",
    /// A chart's summary list.
    CHART_SUMMARY = "chart-summary",
    /// A chart's notes.
    CHART_NOTES = "chart-notes",
    /// The drawing side of the chart/table switch.
    CHART_VIEW = "chart-view",
    /// The table side of the chart/table switch.
    CHART_TABLE = "chart-table",
    /// The tip over a chart's point.
    CHART_TIP = "chart-tip",
    /// What a chart says to screen readers as its keys move.
    CHART_LIVE = "chart-live",
    /// The side of the chart/table switch not shown.
    AWAY = "away",
    /// Shown to screen readers only.
    SR_ONLY = "sr-only",
    /// The contents (目录).
    TOC = "toc",
    /// The contents' disclosure in the bar.
    TOC_COMPACT = "toc-compact",
    /// The contents' full list.
    TOC_FULL = "toc-full",
    /// Where the bar names the section being read.
    TOC_CURRENT = "toc-current",
    /// The tools' (工具) disclosure in the bar.
    TOOLS_TOGGLE = "tools-toggle",
    /// The tools' panel.
    TOOLS = "tools",
    /// The reading tools in the tools' panel.
    TOOLBAR = "toolbar",
    /// How far through the report the reader is.
    PROGRESS_FILL = "progress-fill",
    /// A small menu (a section's, a chart's) as a `<details>`.
    MENU = "menu",
    /// A menu's panel of actions.
    MENU_PANEL = "menu-panel",
    /// A section's or chart's embed disclosure.
    EMBED_CODE = "embed-code",
    /// Where the embed snippets are written when it first opens.
    EMBED_BODY = "embed-body",
    /// The words above the embed snippets.
    EMBED_HOW = "embed-how",
    /// The page's status line (announced to screen readers).
    STATUS = "status",
    /// The search's count line.
    SEARCH_COUNT = "search-count",
    /// The search's result list.
    SEARCH_RESULTS = "search-results",
    /// A result's section path.
    RESULT_PATH = "result-path",
    /// A search hit marked as an element (no highlight API).
    HIT = "hit",
    /// The read-aloud player.
    READ_PLAYER = "read-player",
    /// The panel shown when the report cannot be read.
    ERROR_PANEL = "error-panel",
    /// The problems in the error panel.
    ERR_LIST = "err-list",
    /// Where a problem is.
    ERR_LOC = "err-loc",
    /// What to do about the problems.
    ERR_HINT = "err-hint",
    /// On `<html>` once the viewer runs.
    VIEWER_READY = "viewer-ready",
}

/// The attribute that names what a button does ([`Action`]).
pub const ACTION_ATTR: &str = "data-action";
/// The element a button acts on (a section's or figure's id).
pub const TARGET_ATTR: &str = "data-target";
/// A legend button: which series it shows or hides.
pub const SERIES_ATTR: &str = "data-series";
/// A chart menu's download: which file (`svg`, `png`, `csv`).
pub const DOWNLOAD_ATTR: &str = "data-download";
/// A read-aloud control: what it does (`start`, `section`, `pause`, …).
pub const READ_ATTR: &str = "data-read";
/// A read-aloud speed button: which speed.
pub const READ_SPEED_ATTR: &str = "data-read-speed";
/// A note the player shows when reading cannot start: which.
pub const READ_NOTE_ATTR: &str = "data-read-note";
/// A player status line: which state it describes.
pub const WHEN_ATTR: &str = "data-when";
/// The player's state.
pub const STATE_ATTR: &str = "data-state";
/// The block being read aloud.
pub const READING_ATTR: &str = "data-reading";
/// A text-size button: which size.
pub const TEXT_SIZE_ATTR: &str = "data-text-size";
/// A colours button: which theme.
pub const THEME_ATTR: &str = "data-theme-choice";
/// Where print writes the day it was printed.
pub const PRINT_DATE_ATTR: &str = "data-print-date";

/// An embed disclosure: what it embeds (`section` or `chart`).
pub const EMBED_KIND_ATTR: &str = "data-embed-kind";
/// An embed disclosure: the id of what it embeds.
pub const EMBED_ID_ATTR: &str = "data-embed-id";
/// An embed disclosure: the title its snippets carry.
pub const EMBED_TITLE_ATTR: &str = "data-embed-title";

/// Attributes of `<html>`, which the style sheet and `head.js` read too.
pub mod root {
    /// The colours (`Theme::name`).
    pub const THEME: &str = "data-theme";
    /// The text size (`TextSize::name`).
    pub const TEXT: &str = "data-text";
    /// Which page this is (`hosted`, `offline`, …), as the build wrote it.
    pub const PAGE: &str = "data-page";
    /// The page's interface language (`Lang::name`).
    pub const UI_LANG: &str = "data-ui-lang";
    /// The page's script (`Script::name`).
    pub const SCRIPT: &str = "data-script";
    /// Whether the viewer runs (`ready`) or could not read the report (`failed`).
    pub const VIEWER: &str = "data-viewer";
    /// The reader has scrolled past the first screen.
    pub const SCROLLED: &str = "data-scrolled";
    /// The read-aloud player is showing.
    pub const READ_PLAYER: &str = "data-read-player";
}

/// What a button with [`ACTION_ATTR`] does: the routing table's keys
/// (`crate::enhance::events`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Opens every section.
    ExpandAll,
    /// Closes every section.
    CollapseAll,
    /// Copies a link to its target.
    CopyLink,
    /// Downloads every figure of the report as CSV.
    DownloadReportCsv,
    /// Copies the embed snippet beside it.
    CopySnippet,
    /// Shows a chart's drawing.
    ShowChart,
    /// Shows a chart's table.
    ShowTable,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 7] = [
        Action::ExpandAll,
        Action::CollapseAll,
        Action::CopyLink,
        Action::DownloadReportCsv,
        Action::CopySnippet,
        Action::ShowChart,
        Action::ShowTable,
    ];

    /// The action's name in `data-action`.
    pub fn name(self) -> &'static str {
        match self {
            Action::ExpandAll => "expand-all",
            Action::CollapseAll => "collapse-all",
            Action::CopyLink => "copy-link",
            Action::DownloadReportCsv => "download-report-csv",
            Action::CopySnippet => "copy-snippet",
            Action::ShowChart => "show-chart",
            Action::ShowTable => "show-table",
        }
    }

    /// The action a `data-action` value names.
    pub fn parse(s: &str) -> Option<Action> {
        Self::ALL.into_iter().find(|a| a.name() == s)
    }

    /// The selector for the buttons that do this action.
    pub fn selector(self) -> String {
        format!("[{ACTION_ATTR}=\"{}\"]", self.name())
    }
}

/// An enum whose values are names the page writes and the browser reads,
/// each with `name()`, `parse()` and `ALL`.
macro_rules! names {
    ($(#[$doc:meta])* $ty:ident { $($(#[$vdoc:meta])* $v:ident = $lit:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $ty { $($(#[$vdoc])* $v,)* }

        impl $ty {
            /// Every value.
            pub const ALL: &'static [$ty] = &[$($ty::$v,)*];

            /// The name the page writes.
            pub fn name(self) -> &'static str {
                match self { $($ty::$v => $lit,)* }
            }

            /// The value a name on the page stands for.
            pub fn parse(s: &str) -> Option<$ty> {
                Self::ALL.iter().copied().find(|x| x.name() == s)
            }
        }
    };
}

names! {
    /// A read-aloud control, in [`READ_ATTR`].
    ReadControl {
        /// 朗读: from what is in view.
        Start = "start",
        /// 朗读本节: from a section's heading ([`TARGET_ATTR`] names it).
        Section = "section",
        /// The player's 暂停.
        Pause = "pause",
        /// The player's 继续.
        Resume = "resume",
        /// The player's 停止.
        Stop = "stop",
    }
}

names! {
    /// A line of the player's status, in [`WHEN_ATTR`]: the style sheet
    /// shows the one for the player's state, and it is said when reached.
    ReadLine {
        /// Reading (the player's state `playing` shows it).
        Playing = "playing",
        /// Paused (the state `paused` shows it).
        Paused = "paused",
        /// Stopped by the reader.
        Stopped = "stopped",
        /// Read to the end.
        Done = "done",
    }
}

names! {
    /// Why 朗读 cannot read, in [`READ_NOTE_ATTR`].
    ReadNote {
        /// No voice for the report's language.
        NoVoice = "no-voice",
        /// No speech synthesis at all.
        Unsupported = "unsupported",
    }
}

/// Every island on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Island {
    /// The display controls: text size (长者模式), colours, 简体 / 繁體.
    Display,
    /// The search box, its count and its results.
    Search,
    /// The read-aloud player: its state, pause or continue, the speed.
    Read,
}

impl Island {
    /// Every island, for tests and the build's checks.
    pub const ALL: [Island; 3] = [Island::Display, Island::Search, Island::Read];

    /// The island's name in `data-island`.
    pub fn name(self) -> &'static str {
        match self {
            Island::Display => "display",
            Island::Search => "search",
            Island::Read => "read",
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
        for a in Action::ALL {
            assert_eq!(Action::parse(a.name()), Some(a));
        }
        assert_eq!(Action::parse("chart"), None);
        for c in ReadControl::ALL {
            assert_eq!(ReadControl::parse(c.name()), Some(*c));
        }
        assert_eq!(ReadNote::parse("no-voice"), Some(ReadNote::NoVoice));
        assert_eq!(ReadLine::parse("idle"), None);
    }

    #[test]
    fn each_class_is_one_name_and_its_selector() {
        let mut names: Vec<_> = CLASSES.iter().map(|c| c.name).collect();
        for c in CLASSES {
            assert_eq!(c.sel, format!(".{}", c.name));
        }
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n, "a class is defined twice");
    }
}
