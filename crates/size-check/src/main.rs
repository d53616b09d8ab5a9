//! `make size-check`: what the viewer's WebAssembly is made of, by crate,
//! raw and brotli, and whether it carries a symbol the project bans.
//!
//! The WASM budget is why the viewer avoids some of std (each generic sort
//! is kilobytes per element type, the float parser brings its tables, …).
//! Those rules used to live in comments; here they are a check: the linked
//! module (before wasm-bindgen and wasm-opt, so it still has function
//! names) is read function by function, each function is put to the crate
//! its name starts with, and a banned symbol fails the check with what it
//! costs and why it is banned.
//!
//! Usage: `size-check LINKED.wasm SHIPPED.wasm`. The per-crate brotli
//! figures compress each crate's code on its own, so they do not add up to
//! the shipped file's brotli size, which is printed too.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

/// Symbols the viewer must not link, as (what the demangled name contains,
/// why). Each was found to cost kilobytes for a small convenience.
const BANNED: &[(&str, &str)] = &[
    (
        "core::slice::sort::",
        "std's sorts: one copy per element type (use report_format::sorted_indices)",
    ),
    (
        "core::hash::sip::",
        "SipHash, std's HashMap/HashSet: sort once and search instead",
    ),
    (
        "core::num::dec2flt::",
        "the float parser and its tables: parse integers, or let serde_json read numbers",
    ),
    (
        "core::unicode::unicode_data::conversions::",
        "Unicode case tables (to_lowercase/to_uppercase): fold ASCII only",
    ),
    (
        "::to_html",
        "server-side rendering: Leptos' `ssr` feature leaked into the WASM (build the viewer alone)",
    ),
    // Debug printing of JS values (`<wasm_bindgen::JsValue as
    // core::fmt::Debug>`) was banned while nothing needed it; Leptos'
    // hydration runtime links it (163 bytes), so it is no longer a sign
    // of our own code.
];

/// libm's trigonometry and powers, by exact name: `f64::sin` and friends
/// link these (plotters' TriangleMarker did).
const BANNED_EXACT: &[&str] = &[
    "sin",
    "cos",
    "tan",
    "__sin",
    "__cos",
    "__tan",
    "__rem_pio2",
    "__rem_pio2_large",
    "pow",
    "log10",
    "exp",
];

/// The area a crate's code is counted under.
fn area(krate: &str) -> &str {
    match krate {
        "leptos"
        | "leptos_dom"
        | "futures_core"
        | "leptos_macro"
        | "leptos_server"
        | "leptos_config"
        | "tachys"
        | "reactive_graph"
        | "reactive_stores"
        | "any_spawner"
        | "either_of"
        | "throw_error"
        | "server_fn"
        | "wasm_streams"
        | "hydration_context"
        | "or_poisoned"
        | "next_tuple"
        | "oco_ref"
        | "slotmap"
        | "send_wrapper"
        | "guardian"
        | "futures"
        | "futures_util"
        | "futures_channel"
        | "futures_executor"
        | "pin_project_lite"
        | "async_lock"
        | "event_listener"
        | "indexmap"
        | "rustc_hash"
        | "hashbrown"
        | "paste"
        | "const_str_slice_concat"
        | "erased"
        | "typed_builder" => "leptos",
        "serde" | "serde_core" | "serde_json" | "itoa" | "ryu" | "zmij" | "memchr" => "serde",
        "plotters" | "plotters_backend" | "plotters_svg" => "plotters",
        "wasm_bindgen" | "js_sys" | "web_sys" | "wasm_bindgen_futures" | "gloo_events" => {
            "wasm-bindgen"
        }
        "core" | "alloc" | "std" | "compiler_builtins" | "dlmalloc" | "libm" | "panic_abort"
        | "__rustc" => "std",
        other => other,
    }
}

/// The crate a demangled function name belongs to: the first path segment,
/// looking inside `<…>` of trait impls and `drop_in_place<…>` (drop glue
/// belongs to the type dropped). Names without a path are wasm-bindgen's
/// (`__wbindgen_*`, `__wbg_*`, `__externref_*`), Leptos' stream exports
/// (`intounderlying*`), the entry point, or compiler-builtins and libm.
fn krate(name: &str) -> String {
    if !name.contains("::") {
        return if name.starts_with("__wbindgen_describe") {
            "(wasm-bindgen descriptors, removed by wasm-bindgen)".into()
        } else if name.starts_with("__wbindgen")
            || name.starts_with("__wbg")
            || name.starts_with("__externref")
        {
            "wasm_bindgen".into()
        } else if name.starts_with("intounderlying") {
            "server_fn".into()
        } else if name == "main" {
            "report_viewer".into()
        } else {
            "compiler_builtins".into()
        };
    }
    let mut s = name.trim_start_matches('<');
    if let Some(inner) = s.strip_prefix("core::ptr::drop_in_place<") {
        s = inner
            .trim_start_matches(['<', '&', '(', '[', ' '])
            .trim_start_matches("mut ");
    }
    let end = s.find("::").unwrap_or(s.len());
    let seg = &s[..end];
    if seg.chars().all(|c| c.is_alphanumeric() || c == '_') && !seg.is_empty() {
        return seg.to_string();
    }
    // A blanket or primitive impl, `<T as tachys::view::Render>::build`:
    // the trait's crate.
    if let Some((_, t)) = seg.split_once(" as ") {
        return t.to_string();
    }
    // Drop glue and generics over primitives (`drop_in_place<[char]>`).
    "core".to_string()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        let _ = w.write_all(bytes);
    }
    out.len()
}

struct Func {
    name: String,
    body: std::ops::Range<usize>,
}

/// Every defined function's demangled name and body, and the data
/// segments' total size.
fn read(bytes: &[u8]) -> Result<(Vec<Func>, Vec<u8>)> {
    let mut imported = 0u32;
    let mut bodies = Vec::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let mut data = Vec::new();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload? {
            Payload::ImportSection(s) => {
                for imp in s {
                    if matches!(imp?.ty, TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range()),
            Payload::DataSection(s) => {
                for d in s {
                    data.extend_from_slice(d?.data);
                }
            }
            Payload::CustomSection(c) => {
                if let KnownCustom::Name(reader) = c.as_known() {
                    for sub in reader {
                        if let Name::Function(map) = sub? {
                            for n in map {
                                let n = n?;
                                names.insert(n.index, n.name.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let funcs = bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let raw = names
                .get(&(imported + i as u32))
                .cloned()
                .unwrap_or_default();
            Func {
                name: format!("{:#}", rustc_demangle::demangle(&raw)),
                body,
            }
        })
        .collect();
    Ok((funcs, data))
}

fn main() -> Result<ExitCode> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [linked, shipped] = args.as_slice() else {
        anyhow::bail!("usage: size-check LINKED.wasm SHIPPED.wasm");
    };
    let bytes = std::fs::read(linked).with_context(|| format!("reading {linked}"))?;
    let shipped_bytes = std::fs::read(shipped).with_context(|| format!("reading {shipped}"))?;
    let (funcs, data) = read(&bytes)?;
    if funcs.iter().all(|f| f.name.is_empty()) {
        anyhow::bail!(
            "{linked} has no function names: give the module cargo linked, before wasm-opt"
        );
    }

    let mut areas: BTreeMap<String, (usize, Vec<u8>, usize)> = BTreeMap::new();
    let mut banned = Vec::new();
    for f in &funcs {
        let code = &bytes[f.body.clone()];
        let k = krate(&f.name);
        let e = areas.entry(area(&k).to_string()).or_default();
        e.0 += code.len();
        e.1.extend_from_slice(code);
        e.2 += 1;
        for (needle, why) in BANNED {
            if f.name.contains(needle) {
                banned.push((f.name.clone(), code.len(), *why));
            }
        }
        if BANNED_EXACT.contains(&f.name.as_str()) {
            banned.push((f.name.clone(), code.len(), "libm trigonometry and powers"));
        }
    }
    let mut rows: Vec<(String, usize, usize, usize)> = areas
        .into_iter()
        .map(|(a, (raw, code, n))| (a, raw, brotli(&code), n))
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.2));
    rows.push((
        "data segments (strings, tables)".into(),
        data.len(),
        brotli(&data),
        0,
    ));

    println!("The viewer's WASM by crate: code of the linked module ({linked}),");
    println!("each area compressed on its own (brotli 11).\n");
    println!("| area | functions | raw bytes | brotli bytes |");
    println!("| --- | ---: | ---: | ---: |");
    for (a, raw, br, n) in &rows {
        println!("| {a} | {n} | {raw} | {br} |");
    }
    println!(
        "\nShipped module ({shipped}, after wasm-bindgen and wasm-opt): {} bytes raw, {} bytes brotli.",
        shipped_bytes.len(),
        brotli(&shipped_bytes)
    );
    if let Ok(n) = std::env::var("SIZE_CHECK_TOP") {
        let n: usize = n.parse().unwrap_or(30);
        let mut all: Vec<&Func> = funcs.iter().collect();
        all.sort_by_key(|f| std::cmp::Reverse(f.body.len()));
        println!("\nLargest functions:");
        for f in all.into_iter().take(n) {
            println!("{:>8}  {}", f.body.len(), f.name);
        }
    }
    if banned.is_empty() {
        println!("\nNo banned symbol.");
        return Ok(ExitCode::SUCCESS);
    }
    println!("\nBanned symbols found:");
    for (name, len, why) in &banned {
        println!("  {len:>7} bytes  {name}\n           why banned: {why}");
    }
    Ok(ExitCode::FAILURE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_go_to_their_crates() {
        assert_eq!(
            krate("report_format::index::ReportIndex::build"),
            "report_format"
        );
        assert_eq!(
            krate("<tachys::html::element::HtmlElement<E> as leptos::IntoView>::into_view"),
            "tachys"
        );
        assert_eq!(
            krate("core::ptr::drop_in_place<report_format::report::Report>"),
            "report_format"
        );
        assert_eq!(
            krate("core::ptr::drop_in_place<&mut alloc::string::String>"),
            "alloc"
        );
        assert_eq!(area("serde_json"), "serde");
        assert_eq!(krate("sin"), "compiler_builtins");
        assert_eq!(krate("<T as tachys::view::Render>::build"), "tachys");
        assert_eq!(
            krate("<&T as wasm_bindgen::convert::IntoWasmAbi>::into_abi"),
            "wasm_bindgen"
        );
        assert_eq!(krate("core::ptr::drop_in_place<[char]>"), "core");
        assert_eq!(krate("__wbindgen_malloc"), "wasm_bindgen");
    }
}
