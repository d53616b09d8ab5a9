//! Colours for charts in each theme. Every series colour keeps at least
//! 3:1 contrast with its background (WCAG 1.4.11 for graphics); text keeps
//! at least 4.5:1. The tests check both.

use report_format::Theme;

/// The colours of `theme`.
pub fn palette(theme: Theme) -> &'static Palette {
    match theme {
        Theme::Light => &LIGHT,
        Theme::Dark => &DARK,
        Theme::Contrast => &CONTRAST,
    }
}

/// The colours a chart is drawn with, as RGB triples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    /// Chart background.
    pub background: (u8, u8, u8),
    /// Labels and axis titles.
    pub text: (u8, u8, u8),
    /// Axis lines.
    pub axis: (u8, u8, u8),
    /// Grid lines (decorative; no contrast requirement).
    pub grid: (u8, u8, u8),
    /// Series colours in order.
    pub series: [(u8, u8, u8); 6],
}

impl Palette {
    /// The colour for series number `i`, cycling.
    pub fn series_color(&self, i: usize) -> (u8, u8, u8) {
        self.series[i % self.series.len()]
    }
}

static LIGHT: Palette = Palette {
    background: (0xff, 0xff, 0xff),
    text: (0x1a, 0x1a, 0x1a),
    axis: (0x59, 0x59, 0x59),
    grid: (0xdd, 0xdd, 0xdd),
    series: [
        (0x1d, 0x5f, 0xa6),
        (0xb8, 0x46, 0x1b),
        (0x2b, 0x7a, 0x3d),
        (0x7a, 0x3e, 0x9d),
        (0x85, 0x69, 0x00),
        (0xc2, 0x18, 0x5b),
    ],
};

static DARK: Palette = Palette {
    background: (0x16, 0x19, 0x1d),
    text: (0xe8, 0xe8, 0xe8),
    axis: (0xa0, 0xa0, 0xa0),
    grid: (0x3a, 0x3f, 0x45),
    series: [
        (0x7f, 0xb3, 0xff),
        (0xff, 0x9e, 0x6b),
        (0x7f, 0xd4, 0x8f),
        (0xd3, 0xa4, 0xff),
        (0xf2, 0xd0, 0x6b),
        (0xff, 0x8f, 0xb8),
    ],
};

static CONTRAST: Palette = Palette {
    background: (0, 0, 0),
    text: (0xff, 0xff, 0xff),
    axis: (0xff, 0xff, 0xff),
    grid: (0x80, 0x80, 0x80),
    series: [
        (0xff, 0xff, 0x00),
        (0x00, 0xff, 0xff),
        (0xff, 0x80, 0xff),
        (0x80, 0xff, 0x80),
        (0xff, 0xff, 0xff),
        (0xff, 0xa0, 0x40),
    ],
};

/// Style rules that recolour drawings made in the light theme into `dark`
/// and `contrast`: each colour of the light palette (as a `fill` or
/// `stroke` attribute, as plotters writes it, and in legend swatches) is
/// given the same role's colour of the other theme. Pages draw every chart
/// in the light theme; with these rules a theme change redraws nothing,
/// and the first paint is already in the reader's theme. Without script,
/// the system's dark preference applies them too.
pub fn theme_css() -> String {
    fn hex((r, g, b): (u8, u8, u8)) -> String {
        format!("#{r:02x}{g:02x}{b:02x}")
    }
    fn roles(p: &Palette) -> Vec<(u8, u8, u8)> {
        let mut v = vec![p.background, p.text, p.axis, p.grid];
        v.extend(p.series);
        v
    }
    let light = roles(&LIGHT);
    let mut out = String::new();
    for (theme, pal) in [(Theme::Dark, &DARK), (Theme::Contrast, &CONTRAST)] {
        let mut rules = String::new();
        for (from, to) in light.iter().zip(roles(pal)) {
            let (from, to) = (hex(*from), hex(to));
            for prop in ["fill", "stroke"] {
                rules += &format!(
                    ":root[data-theme={t}] .chart-svg [{prop}=\"{from}\" i],:root[data-theme={t}] .swatch [{prop}=\"{from}\" i]{{{prop}:{to}}}\n",
                    t = theme.name()
                );
            }
        }
        if theme == Theme::Dark {
            // Without script, the system's preference (as the page's own
            // colours follow it).
            let system = rules.replace(":root[data-theme=dark]", ":root:not([data-theme])");
            rules += &format!("@media (prefers-color-scheme: dark){{\n{system}}}\n");
        }
        out += &rules;
    }
    out
}

/// WCAG contrast ratio between two colours.
pub fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn lum((r, g, b): (u8, u8, u8)) -> f64 {
        let ch = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
    }
    let (la, lb) = (lum(a), lum(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_light_palette_maps_one_to_one_onto_the_others() {
        // Recolouring by attribute needs every light colour to have one role.
        let mut light = vec![LIGHT.background, LIGHT.text, LIGHT.axis, LIGHT.grid];
        light.extend(LIGHT.series);
        let n = light.len();
        light.sort_unstable();
        light.dedup();
        assert_eq!(light.len(), n);
        let css = theme_css();
        assert!(css.contains(":root[data-theme=dark] .chart-svg [fill=\"#ffffff\" i]"));
        assert!(css.contains("{fill:#16191d}"));
        assert!(css.contains(":root[data-theme=contrast] .chart-svg [stroke=\"#1d5fa6\" i]"));
        assert!(css.contains("@media (prefers-color-scheme: dark)"));
    }

    #[test]
    fn every_theme_keeps_wcag_contrast() {
        for theme in [Theme::Light, Theme::Dark, Theme::Contrast] {
            let p = palette(theme);
            assert!(
                contrast_ratio(p.text, p.background) >= 4.5,
                "{theme:?} text"
            );
            assert!(
                contrast_ratio(p.axis, p.background) >= 3.0,
                "{theme:?} axis"
            );
            for (i, c) in p.series.iter().enumerate() {
                let r = contrast_ratio(*c, p.background);
                assert!(r >= 3.0, "{theme:?} series {i}: {r:.2}");
            }
        }
    }
}
