//! How a reader reads: the interface language, the script (简体 or 繁體),
//! the colour theme and the text size. One module, because the URL, the
//! remembered settings, a host page's messages, the chart layer and the
//! viewer all name them the same way. Each setting's accepted spellings
//! are one table (`ALIASES`), which the page's head script repeats before
//! the WASM runs; a native test holds head.js to these tables.

/// Prefix of the keys under which a reader's choices are remembered in
/// `localStorage` (`report-viewer:theme`); head.js reads the same keys.
pub const STORAGE_PREFIX: &str = "report-viewer:";

/// The value `aliases` gives `s`, compared without regard to ASCII case.
fn lookup<T: Copy>(aliases: &[(&str, T)], s: &str) -> Option<T> {
    aliases
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(s))
        .map(|&(_, v)| v)
}

/// An interface language. The report's text stays in the language it was
/// written in; only labels, buttons and messages change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English, chosen with `?lang=en`.
    En,
}

impl Lang {
    /// Every `lang` URL value this viewer knows, lower case.
    pub const ALIASES: [(&'static str, Lang); 6] = [
        ("zh", Lang::Zh),
        ("zh-cn", Lang::Zh),
        ("zh-hans", Lang::Zh),
        ("en", Lang::En),
        ("en-gb", Lang::En),
        ("en-us", Lang::En),
    ];

    /// Parses a `lang` URL value; `None` for values this viewer does not know.
    pub fn parse(s: &str) -> Option<Lang> {
        lookup(&Self::ALIASES, s)
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The short name used in URLs and messages: `zh` or `en`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Picks the Chinese or English form.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The script Chinese text is shown in. Each is its own page: the
/// simplified one the report was written in, and one the build converts
/// to traditional characters (`index.hant.html`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Script {
    /// Simplified characters (简体), the default.
    #[default]
    Hans,
    /// Traditional characters (繁體), chosen with `?script=hant`.
    Hant,
}

impl Script {
    /// Parses a `script` URL value; `None` for values this viewer does not
    /// know.
    pub fn parse(s: &str) -> Option<Script> {
        lookup(&Self::ALIASES, s)
    }

    /// Every `script` URL value this viewer knows, lower case.
    pub const ALIASES: [(&'static str, Script); 6] = [
        ("hans", Script::Hans),
        ("zh-hans", Script::Hans),
        ("simplified", Script::Hans),
        ("hant", Script::Hant),
        ("zh-hant", Script::Hant),
        ("traditional", Script::Hant),
    ];

    /// The name used in URLs, messages and `data-script`: `hans` or `hant`.
    pub fn name(self) -> &'static str {
        match self {
            Script::Hans => "hans",
            Script::Hant => "hant",
        }
    }
}

/// A colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Theme {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on near-black.
    Dark,
    /// Maximum contrast: white and yellow on black.
    Contrast,
}

impl Theme {
    /// Parses a `theme` URL value; `None` for values this viewer does not know.
    pub fn parse(s: &str) -> Option<Theme> {
        lookup(&Self::ALIASES, s)
    }

    /// Every `theme` URL value this viewer knows, lower case.
    pub const ALIASES: [(&'static str, Theme); 4] = [
        ("light", Theme::Light),
        ("dark", Theme::Dark),
        ("contrast", Theme::Contrast),
        ("high-contrast", Theme::Contrast),
    ];

    /// The theme's name as used in URLs and `data-theme`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }
}

/// Text size steps for 长者模式 (elder-friendly reading).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum TextSize {
    /// The browser's default size.
    #[default]
    Standard,
    /// 大: about 1.25×.
    Large,
    /// 特大: about 1.5×.
    XLarge,
}

impl TextSize {
    /// Parses a `text` URL value.
    pub fn parse(s: &str) -> Option<TextSize> {
        lookup(&Self::ALIASES, s)
    }

    /// Every `text` URL value this viewer knows, lower case.
    pub const ALIASES: [(&'static str, TextSize); 5] = [
        ("standard", TextSize::Standard),
        ("normal", TextSize::Standard),
        ("large", TextSize::Large),
        ("xlarge", TextSize::XLarge),
        ("x-large", TextSize::XLarge),
    ];

    /// The multiplier applied to text and charts.
    pub fn scale(self) -> f64 {
        match self {
            TextSize::Standard => 1.0,
            TextSize::Large => 1.25,
            TextSize::XLarge => 1.5,
        }
    }

    /// The name used in URLs and `data-text`.
    pub fn name(self) -> &'static str {
        match self {
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::XLarge => "xlarge",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for l in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::parse(l.name()), Some(l));
            assert_eq!(Lang::parse(l.tag()), Some(l));
        }
        for s in [Script::Hans, Script::Hant] {
            assert_eq!(Script::parse(s.name()), Some(s));
        }
        assert_eq!(Script::parse("zh-Hant"), Some(Script::Hant));
        assert_eq!(Script::parse("tw"), None);
        for t in [Theme::Light, Theme::Dark, Theme::Contrast] {
            assert_eq!(Theme::parse(t.name()), Some(t));
        }
        for s in [TextSize::Standard, TextSize::Large, TextSize::XLarge] {
            assert_eq!(TextSize::parse(s.name()), Some(s));
        }
        assert_eq!(Theme::parse("Dark"), Some(Theme::Dark));
        assert_eq!(Theme::parse("neon"), None);
        assert_eq!(TextSize::parse("huge"), None);
    }
}
