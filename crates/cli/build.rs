//! Collects the viewer's own Chinese words: every string literal with a
//! Chinese character in the code the browser runs (the viewer's `src/`
//! but its build-time components in `src/page/`, whose words the build
//! converts in the page, though with the one the browser renders afresh,
//! the error panel; the report format but
//! its authoring-only problems, the chart layer), test modules left out.
//! `report build` converts them to traditional characters for a page in
//! 繁體 (`site::hant`), so that what the WASM writes itself (tips,
//! messages, a chart drawn again) matches the page. Read from the source
//! on every build, a new word is never missed.

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let root = manifest.join("../..");
    let dirs = [
        (root.join("src"), &["page"][..]),
        (
            root.join("crates/format/src"),
            &["problem_authoring.rs"][..],
        ),
        (root.join("crates/chart/src"), &["tests.rs"][..]),
    ];
    // Components the browser mounts from nothing (not hydrated over the
    // page's converted text): their words are converted as it shows them.
    let mounted = [root.join("src/page/error.rs")];
    let mut words = Vec::new();
    for (dir, skip) in &dirs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files = Vec::new();
        rust_files(dir, skip, &mut files);
        if dir.ends_with("src") {
            files.extend(mounted.iter().cloned());
        }
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).expect("reading the viewer's source");
            words.extend(literals(without_tests(&text)));
        }
    }
    words.sort();
    words.dedup();
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("viewer_words.txt");
    std::fs::write(out, words.join("\n")).expect("writing the viewer's words");
}

/// Every `.rs` file under `dir`, but those (or the folders) named in `skip`.
fn rust_files(dir: &Path, skip: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if skip.contains(&name.as_str()) {
            continue;
        }
        if path.is_dir() {
            rust_files(&path, skip, out);
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

/// The file up to its test module (the project keeps it last).
fn without_tests(text: &str) -> &str {
    match text.find("\n#[cfg(test)]\n") {
        Some(at) => &text[..at],
        None => text,
    }
}

/// The string literals in Rust source that hold a Chinese character, with
/// their escapes (`\u{…}`, `\n`, `\"`) read; comments and character
/// literals are skipped. A line break inside a literal becomes a space (one
/// word per line in the output).
fn literals(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            // A character literal ('a', '\'', '\u{FF1A}'), not a lifetime.
            '\'' => {
                let end = match (chars.get(i + 1), chars.get(i + 2)) {
                    (Some('\\'), Some('u')) => {
                        chars[i..].iter().position(|&c| c == '}').map(|p| i + p + 1)
                    }
                    (Some('\\'), Some(_)) => Some(i + 3),
                    (Some(_), Some('\'')) => Some(i + 2),
                    _ => None,
                };
                match end {
                    Some(end) if chars.get(end) == Some(&'\'') => i = end + 1,
                    _ => i += 1,
                }
            }
            'r' if matches!(chars.get(i + 1), Some('"' | '#'))
                && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')) =>
            {
                let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                let start = i + 1 + hashes + 1;
                let mut j = start;
                while j < chars.len()
                    && !(chars[j] == '"'
                        && chars[j + 1..]
                            .iter()
                            .take(hashes)
                            .filter(|&&c| c == '#')
                            .count()
                            == hashes)
                {
                    j += 1;
                }
                keep(chars[start..j.min(chars.len())].iter().collect(), &mut out);
                i = j + 1 + hashes;
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        match chars.get(i + 1) {
                            Some('u') => {
                                let end = chars[i..].iter().position(|&c| c == '}').unwrap_or(0);
                                let hex: String = chars[i + 3..i + end].iter().collect();
                                if let Some(c) =
                                    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                                {
                                    s.push(c);
                                }
                                i += end + 1;
                            }
                            // A line continuation.
                            Some('\n') => {
                                i += 2;
                                while i < chars.len() && chars[i].is_whitespace() {
                                    i += 1;
                                }
                            }
                            Some(c) => {
                                s.push(match c {
                                    'n' | 't' | 'r' => ' ',
                                    other => *other,
                                });
                                i += 2;
                            }
                            None => i += 1,
                        }
                    } else {
                        s.push(chars[i]);
                        i += 1;
                    }
                }
                keep(s, &mut out);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn keep(s: String, out: &mut Vec<String>) {
    if s.chars().any(|c| ('\u{3400}'..='\u{9FFF}').contains(&c)) {
        out.push(s.replace(['\n', '\r'], " "));
    }
}
