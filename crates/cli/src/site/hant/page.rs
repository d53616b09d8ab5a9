//! The page in traditional characters, rendered from the report as
//! written: every text node (the report's text, the interface's words, the
//! head script's notes), each converted whole, and every attribute with
//! Chinese text in it (`aria-label`, `title`, `data-embed-title`, …) but
//! addresses; `lang` of simplified Chinese becomes `zh-Hant`. Left alone:
//! the report's JSON (converted field by field already: a paragraph's
//! text node and its field are the same conversion of the same text) and
//! anything marked `translate="no"` (the 简体 link names its own script).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use lol_html::html_content::ContentType;
use lol_html::{doc_text, element, rewrite_str, RewriteStrSettings};

use report_viewer::ids::has_hant_page;

use super::report::HANT_TAG;
use super::{is_han, Converter};
use crate::site::page::PageError;

/// The attribute that keeps an element and its content as written.
pub const KEEP_ATTR: &str = "translate";

/// Attributes that hold addresses, never text to convert.
const ADDRESSES: [&str; 2] = ["href", "src"];

/// `page` with its text and text attributes in traditional characters,
/// and `lang="zh-CN"` as `zh-Hant`.
pub fn convert_page(cc: &Converter, page: &str) -> Result<String, PageError> {
    // How deep inside kept elements the rewriter is (a counter, as kept
    // elements may nest), and inside `<noscript>` (whose content is text to
    // the rewriter). Shared with end-tag handlers, which must own them.
    let kept = Rc::new(Cell::new(0usize));
    let raw = Rc::new(Cell::new(0usize));
    let text = RefCell::new(String::new());
    let enter = |el: &mut lol_html::html_content::Element, depth: &Rc<Cell<usize>>| {
        depth.set(depth.get() + 1);
        let depth = depth.clone();
        el.on_end_tag(Box::new(move |_| {
            depth.set(depth.get() - 1);
            Ok(())
        }))
    };
    let out = rewrite_str(
        page,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("script#report, [translate=no]", |el| {
                    if el.can_have_content() {
                        enter(el, &kept)?;
                    }
                    Ok(())
                }),
                element!("noscript", |el| enter(el, &raw)),
                element!("*", |el| {
                    if kept.get() > 0 {
                        return Ok(());
                    }
                    let changed: Vec<(String, String)> = el
                        .attributes()
                        .iter()
                        .filter(|a| !ADDRESSES.contains(&a.name().as_str()))
                        .filter_map(|a| {
                            let v = a.value();
                            if a.name() == "lang" && has_hant_page(&v) {
                                Some((a.name(), HANT_TAG.to_string()))
                            } else if v.chars().any(is_han) {
                                Some((a.name(), cc.text(&v)))
                            } else {
                                None
                            }
                        })
                        .collect();
                    for (name, value) in changed {
                        el.set_attribute(&name, &value)?;
                    }
                    Ok(())
                }),
            ],
            // lol_html hands a text node over in chunks: a word may be cut
            // between two, so each node is gathered whole, then converted.
            document_content_handlers: vec![doc_text!(|chunk| {
                if kept.get() > 0 {
                    return Ok(());
                }
                let mut t = text.borrow_mut();
                t.push_str(chunk.as_str());
                if chunk.last_in_text_node() {
                    // The raw text, entities still escaped: converting
                    // changes Chinese characters only.
                    let mut converted = cc.text(&t);
                    if raw.get() > 0 {
                        converted = converted.replace(" lang=\"zh-CN\"", " lang=\"zh-Hant\"");
                    }
                    chunk.replace(&converted, ContentType::Html);
                    t.clear();
                } else {
                    chunk.remove();
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|e| PageError::Rewrite(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_text_attributes_convert_but_not_addresses_data_or_kept_names() {
        let cc = Converter::new().unwrap();
        let page = "<html lang=\"zh-CN\"><head><title>头发与发布</title>\
            <script>say(\"交互功能未能启动\")</script></head><body>\
            <p lang=\"zh-CN\">后续 &amp; 面条</p><noscript><p lang=\"zh-CN\">本页</p></noscript>\
            <a href=\"https://例子.cn/发布\" title=\"发布\" aria-label=\"下载离线版\">皇后</a>\
            <a href=\"index.html\" lang=\"zh-CN\" translate=\"no\">简体 <b>简体</b></a>\
            <script type=\"application/json\" id=\"report\">{\"t\":\"发布\"}</script></body></html>";
        let out = convert_page(&cc, page).unwrap();
        assert_eq!(
            out,
            "<html lang=\"zh-Hant\"><head><title>頭髮與發布</title>\
            <script>say(\"交互功能未能啟動\")</script></head><body>\
            <p lang=\"zh-Hant\">後續 &amp; 麵條</p><noscript><p lang=\"zh-Hant\">本頁</p></noscript>\
            <a href=\"https://例子.cn/发布\" title=\"發布\" aria-label=\"下載離線版\">皇后</a>\
            <a href=\"index.html\" lang=\"zh-CN\" translate=\"no\">简体 <b>简体</b></a>\
            <script type=\"application/json\" id=\"report\">{\"t\":\"发布\"}</script></body></html>"
        );
    }

    #[test]
    fn a_text_node_cut_into_chunks_converts_as_one() {
        let cc = Converter::new().unwrap();
        // Long enough for the rewriter to hand it over in pieces.
        let long = "头发".repeat(5000);
        let out = convert_page(&cc, &format!("<p>{long}</p>")).unwrap();
        assert_eq!(out, format!("<p>{}</p>", "頭髮".repeat(5000)));
    }
}
