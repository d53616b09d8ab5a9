//! Trusted Types. The page's policy requires them for every sink that
//! parses markup or script (`require-trusted-types-for 'script'`), and
//! allows one policy, [`TRUSTED_TYPES_POLICY`]. The viewer sets markup in
//! one place: a chart's SVG, redrawn for a new width, theme or series, made
//! by the chart layer, which escapes every text it draws. The policy is
//! created here on first use and never leaves the WASM, so no other script
//! on the page can use it; a second `createPolicy` with the name would be
//! refused by the page's policy.

use std::cell::OnceCell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::ids::TRUSTED_TYPES_POLICY;

#[wasm_bindgen]
extern "C" {
    /// A `TrustedTypePolicy` (not in web-sys's stable API).
    type TrustedTypePolicy;

    /// `policy.createHTML(input)`: a `TrustedHTML`.
    #[wasm_bindgen(method, js_name = createHTML)]
    fn create_html(this: &TrustedTypePolicy, input: &str) -> JsValue;
}

// Global because the browser lets a page create a policy of one name
// once (CSP `trusted-types`), and every drawing of every chart uses it.
thread_local! {
    static POLICY: OnceCell<Option<TrustedTypePolicy>> = const { OnceCell::new() };
}

/// The policy, or `None` where the browser has no Trusted Types (it then
/// takes plain strings).
fn create() -> Option<TrustedTypePolicy> {
    let global = js_sys::global();
    let factory = Reflect::get(&global, &"trustedTypes".into()).ok()?;
    if factory.is_undefined() || factory.is_null() {
        return None;
    }
    let create_policy: Function = Reflect::get(&factory, &"createPolicy".into())
        .ok()?
        .dyn_into()
        .ok()?;
    // `createHTML` returns its input: the global `String` function does
    // exactly that for a string, with no closure kept alive for it.
    let rules = Object::new();
    let identity = Reflect::get(&global, &"String".into()).ok()?;
    Reflect::set(&rules, &"createHTML".into(), &identity).ok()?;
    match create_policy.call2(&factory, &TRUSTED_TYPES_POLICY.into(), &rules) {
        Ok(policy) => Some(policy.unchecked_into()),
        Err(e) => {
            web_sys::console::error_2(&"report viewer: no Trusted Types policy".into(), &e);
            None
        }
    }
}

/// Replaces the content of `holder` with the chart layer's `svg`.
pub fn set_svg(holder: &web_sys::Element, svg: &str) {
    let trusted = POLICY.with(|p| p.get_or_init(create).as_ref().map(|p| p.create_html(svg)));
    match trusted {
        Some(html) => {
            let _ = Reflect::set(holder, &"innerHTML".into(), &html);
        }
        None => holder.set_inner_html(svg),
    }
}
