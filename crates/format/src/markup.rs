//! The one markup-escaping function. Report text reaches markup only
//! through it (or through a renderer that escapes), wherever that markup
//! is written: embed snippets, chart drawings, static pages.

/// Escapes text for an HTML or XML element or a quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            super::escape("<a href=\"x\" title='y'>&amp;</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        assert_eq!(super::escape("行政复议"), "行政复议");
    }
}
