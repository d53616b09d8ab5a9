//! The viewer's style sheet as every page carries it: minified by
//! lightningcss for the browsers readers have.

/// Minifies a style sheet with lightningcss: every page carries the sheet
/// inline, so its bytes count. The output must still work on the phones
/// readers have: lightningcss would otherwise write newer syntax (media
/// ranges such as `(width>=60em)`, which Safari before 16.4 ignores).
pub fn minify_css(css: &str) -> anyhow::Result<String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    use lightningcss::targets::{Browsers, Targets};
    let version = |major: u32| Some(major << 16);
    let targets = Targets::from(Browsers {
        android: version(80),
        chrome: version(80),
        edge: version(80),
        firefox: version(78),
        ios_saf: version(13),
        safari: version(13),
        samsung: version(12),
        ..Browsers::default()
    });
    let mut sheet = StyleSheet::parse(css, ParserOptions::default())
        .map_err(|e| anyhow::anyhow!("the viewer's style sheet does not parse: {e}"))?;
    sheet
        .minify(MinifyOptions {
            targets,
            ..MinifyOptions::default()
        })
        .map_err(|e| anyhow::anyhow!("minifying the style sheet: {e}"))?;
    let out = sheet
        .to_css(PrinterOptions {
            minify: true,
            targets,
            ..PrinterOptions::default()
        })
        .map_err(|e| anyhow::anyhow!("writing the style sheet: {e}"))?;
    Ok(out.code)
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn css_minifies_without_touching_strings_or_meaning() {
        let css = "/* c */\n.a > b ,\n .c  .d {\n  content: \" (\"  attr(href) \") \";\n}\n@media (min-width: 60em) { :root:not([data-text=\"x y\"]) .e { margin: 0 auto; } }\n.f :hover { color: red }\n::highlight(hit) { background: yellow }\n";
        let out = minify_css(css).unwrap();
        assert!(!out.contains("/*") && !out.contains('\n'), "{out}");
        for kept in [
            "\" (\"",
            "\") \"",
            "(min-width:60em)",
            ".f :hover",
            "::highlight(hit)",
            ".c .d",
        ] {
            assert!(out.contains(kept), "{kept} in {out}");
        }
    }
}
