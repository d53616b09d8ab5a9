//! Files and the clipboard: downloads (text, and PNG through a canvas) and
//! copying, all working offline and from `file://`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{document, window};

/// Copies `text` to the clipboard; where the asynchronous clipboard is not
/// available (a `file://` page), selects the text with a temporary field and
/// uses the older copy command.
pub fn copy_text(text: &str) {
    let w = window();
    if w.is_secure_context() {
        let _ = w.navigator().clipboard().write_text(text);
        return;
    }
    let doc = document();
    let Ok(area) = doc.create_element("textarea") else {
        return;
    };
    let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
    area.set_value(text);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&area);
        area.select();
        let _ = doc
            .unchecked_ref::<web_sys::HtmlDocument>()
            .exec_command("copy");
        area.remove();
    }
}

/// Offers `content` as a file download named `name`. A `blob:` link is
/// clicked and released, so it works offline and from `file://`.
pub fn download_text(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
        click_link(&url, name);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

fn click_link(href: &str, name: &str) {
    let doc = document();
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let _ = a.set_attribute("href", href);
    let _ = a.set_attribute("download", name);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.unchecked_ref::<web_sys::HtmlElement>().click();
        a.remove();
    }
}

/// Offers an SVG document as a PNG download at twice its size: drawn into
/// a canvas from a `data:` URL (allowed by the page's policy, unlike
/// `blob:` images), then saved.
pub fn download_png(name: String, svg: &str, width: u32, height: u32) {
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    );
    let loaded = img.clone();
    let onload = Closure::once_into_js(move || {
        let doc = document();
        let Ok(canvas) = doc.create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        let Ok(Some(ctx)) = canvas.get_context("2d") else {
            return;
        };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
            &loaded,
            0.0,
            0.0,
            (width * 2) as f64,
            (height * 2) as f64,
        );
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            click_link(&url, &name);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&src);
}
