//! Rewriting the compiled viewer's page with an HTML rewriter (lol_html):
//! each edit names the elements it changes by a CSS selector and says how
//! many it must find, so a change in Trunk's output (a renamed element, an
//! attribute written in another order, a script no longer inlined) fails
//! the build with a message instead of leaving the page half filled.

use std::cell::{Cell, RefCell};

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};

/// Why the viewer's page could not be filled.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// An edit found another number of elements than it needs.
    #[error(
        "the compiled viewer's page has {found} element(s) matching `{selector}` where {expected} \
         was expected; rebuild it with `make viewer`, or update the site builder if Trunk's output changed"
    )]
    Unexpected {
        /// The selector of the edit.
        selector: String,
        /// How many it found.
        found: usize,
        /// How many it needs.
        expected: usize,
    },
    /// The rewriter refused the page or an edit.
    #[error("rewriting the page: {0}")]
    Rewrite(String),
}

/// What an edit does to each element it matches.
pub enum Action {
    /// Sets these attributes.
    Attrs(Vec<(&'static str, String)>),
    /// Replaces the element's content with this text (escaped).
    Text(String),
    /// Replaces the element's content with this markup (written as is).
    Html(String),
    /// Inserts this markup as the element's first child.
    Prepend(String),
    /// Inserts this markup as the element's last child.
    Append(String),
    /// Inserts this markup right after the element.
    After(String),
    /// Removes the element and its content.
    Remove,
}

/// One edit: the elements `selector` matches, how many there must be, and
/// what to do to each.
pub struct Edit {
    /// A CSS selector as lol_html reads it.
    pub selector: &'static str,
    /// How many elements it must match.
    pub expect: usize,
    /// What to do.
    pub action: Action,
}

impl Edit {
    /// An edit of exactly one element.
    pub fn one(selector: &'static str, action: Action) -> Edit {
        Edit {
            selector,
            expect: 1,
            action,
        }
    }
}

/// Applies `edits` to `page` in one pass, then checks every edit matched
/// as many elements as it needs.
pub fn apply(page: &str, edits: &[Edit]) -> Result<String, PageError> {
    let counts: Vec<Cell<usize>> = edits.iter().map(|_| Cell::new(0)).collect();
    let handlers = edits
        .iter()
        .zip(&counts)
        .map(|(edit, count)| {
            element!(edit.selector, move |el| {
                count.set(count.get() + 1);
                match &edit.action {
                    Action::Attrs(attrs) => {
                        for (name, value) in attrs {
                            el.set_attribute(name, value)?;
                        }
                    }
                    Action::Text(t) => el.set_inner_content(t, ContentType::Text),
                    Action::Html(h) => el.set_inner_content(h, ContentType::Html),
                    Action::Prepend(h) => el.prepend(h, ContentType::Html),
                    Action::Append(h) => el.append(h, ContentType::Html),
                    Action::After(h) => el.after(h, ContentType::Html),
                    Action::Remove => el.remove(),
                }
                Ok(())
            })
        })
        .collect();
    let out = rewrite_str(
        page,
        RewriteStrSettings {
            element_content_handlers: handlers,
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|e| PageError::Rewrite(e.to_string()))?;
    for (edit, count) in edits.iter().zip(&counts) {
        if count.get() != edit.expect {
            return Err(PageError::Unexpected {
                selector: edit.selector.to_string(),
                found: count.get(),
                expected: edit.expect,
            });
        }
    }
    Ok(out)
}

/// An element's attributes and its text content, as read from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Read {
    /// Attribute names and values.
    pub attrs: Vec<(String, String)>,
    /// The text inside (for `<script>` and `<style>`, their source).
    pub text: String,
}

impl Read {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every element `selector` matches in `page`, with its attributes and
/// text, in document order.
pub fn read(page: &str, selector: &str) -> Result<Vec<Read>, PageError> {
    let found = RefCell::new(Vec::<Read>::new());
    rewrite_str(
        page,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!(selector, |el| {
                    found.borrow_mut().push(Read {
                        attrs: el
                            .attributes()
                            .iter()
                            .map(|a| (a.name(), a.value()))
                            .collect(),
                        text: String::new(),
                    });
                    Ok(())
                }),
                text!(selector, |t| {
                    if let Some(last) = found.borrow_mut().last_mut() {
                        last.text.push_str(t.as_str());
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|e| PageError::Rewrite(e.to_string()))?;
    Ok(found.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_and_count_what_they_match() {
        let page = "<html lang=\"x\"><head><title>old</title></head><body><div id=\"app\"><p>static</p></div><i></i><i></i></body></html>";
        let out = apply(
            page,
            &[
                Edit::one("html", Action::Attrs(vec![("lang", "zh-CN".into())])),
                Edit::one("title", Action::Text("<新> & 标题".into())),
                Edit::one("#app", Action::Html("<main>report</main>".into())),
                Edit {
                    selector: "i",
                    expect: 2,
                    action: Action::Remove,
                },
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "<html lang=\"zh-CN\"><head><title>&lt;新&gt; &amp; 标题</title></head><body><div id=\"app\"><main>report</main></div></body></html>"
        );
        // An edit that finds nothing (Trunk wrote another page) fails loudly.
        match apply(page, &[Edit::one("script#report", Action::Remove)]) {
            Err(PageError::Unexpected {
                found: 0,
                expected: 1,
                ..
            }) => {}
            other => panic!("{other:?}"),
        }
        match apply(page, &[Edit::one("i", Action::Remove)]) {
            Err(PageError::Unexpected { found: 2, .. }) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_attributes_and_text() {
        let page = "<head><script type=\"module\">a<b</script><script src=\"x.js\"></script><style>p{}</style></head>";
        let scripts = read(page, "script").unwrap();
        assert_eq!(scripts.len(), 2);
        assert_eq!(scripts[0].attr("type"), Some("module"));
        assert_eq!(scripts[0].text, "a<b");
        assert_eq!(scripts[1].attr("src"), Some("x.js"));
        assert_eq!(read(page, "style").unwrap()[0].text, "p{}");
    }
}
