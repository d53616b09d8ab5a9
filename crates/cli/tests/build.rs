//! `report build` with a stand-in compiled viewer (the real one needs
//! `make viewer`): the files it writes besides the pages, and what the
//! hosted page says of them: the offline copy's SHA-256, checked by the
//! tool readers have, and the embed script under a hashed name with its
//! integrity value.

use std::path::Path;
use std::process::Command;

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// A path under the repository root.
fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// A compiled viewer as Trunk lays it out: the page with its start-up
/// script, preload links, inline style and empty report element; the
/// glue, the WASM and the embed script.
fn stand_in_viewer(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>t</title>\
         <link rel=\"modulepreload\" href=\"./v-1.js\"><link rel=\"preload\" href=\"./v-1_bg.wasm\" as=\"fetch\">\
         <script type=\"module\">import init from './v-1.js'; await init({ module_or_path: './v-1_bg.wasm' });</script>\
         <style>p { color: red }</style></head><body><div id=\"app\"><p>loading</p></div>\
         <script type=\"application/json\" id=\"report\">null</script></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.join("v-1.js"),
        "export default async function init() {}",
    )
    .unwrap();
    std::fs::write(dir.join("v-1_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::copy(repo("public/embed.js"), dir.join("embed.js")).unwrap();
}

fn build(viewer: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_report"))
        .arg("build")
        .arg(repo("tests/fixtures/valid/minimal.json"))
        .arg("--out")
        .arg(out)
        .arg("--viewer")
        .arg(viewer)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn the_offline_copy_has_its_sha256_beside_it_and_on_the_hosted_page() {
    let tmp = tempfile::tempdir().unwrap();
    let (viewer, out) = (tmp.path().join("viewer"), tmp.path().join("site"));
    stand_in_viewer(&viewer);
    let run = build(&viewer, &out, &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let offline = std::fs::read(out.join("report.html")).unwrap();
    let hex: String = Sha256::digest(&offline)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    // In the format `sha256sum -c` reads, and it agrees.
    assert_eq!(
        std::fs::read_to_string(out.join("report.html.sha256")).unwrap(),
        format!("{hex}  report.html\n")
    );
    if let Ok(check) = Command::new("sha256sum")
        .args(["-c", "report.html.sha256"])
        .current_dir(&out)
        .output()
    {
        assert!(check.status.success(), "{check:?}");
    }
    // After the download link and in the print block.
    let hosted = std::fs::read_to_string(out.join("index.html")).unwrap();
    let after_link = format!("</a><span class=\"offline-sha256\" data-testid=\"offline-sha256\">离线版 SHA-256 校验值:<code>{hex}</code></span>");
    assert_eq!(hosted.matches(&after_link).count(), 1, "{hosted}");
    assert_eq!(
        hosted
            .matches(&format!("<dt>离线版 SHA-256</dt><dd>{hex}</dd></div></dl>"))
            .count(),
        1
    );
    // The offline copy cannot hold its own hash, and claims none.
    let offline = String::from_utf8(offline).unwrap();
    assert!(!offline.contains("SHA-256") && !offline.contains(&hex));
}

#[test]
fn the_embed_script_is_written_under_a_hashed_name_with_its_integrity() {
    let tmp = tempfile::tempdir().unwrap();
    let (viewer, out) = (tmp.path().join("viewer"), tmp.path().join("site"));
    stand_in_viewer(&viewer);
    let run = build(
        &viewer,
        &out,
        &["--embed-allow-origin", "https://mirror.example.gov.cn"],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stable = std::fs::read(out.join("embed.js")).unwrap();
    assert!(String::from_utf8_lossy(&stable)
        .contains("/*report-viewer:embed-origins*/[\"https://mirror.example.gov.cn\"]"));
    let hex: String = Sha256::digest(&stable)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let name = format!("embed-{}.js", &hex[..16]);
    assert_eq!(std::fs::read(out.join(&name)).unwrap(), stable);
    // The hosted page names that file and the integrity of its bytes.
    let integrity = format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&stable))
    );
    let hosted = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        hosted.contains(&format!(
            "<meta name=\"report-viewer-embed\" content=\"{name} {integrity}\">"
        )),
        "{hosted}"
    );
    // Another origin changes the file, so its name and integrity.
    let again = build(&viewer, &tmp.path().join("other"), &[]);
    assert!(again.status.success());
    assert!(!tmp.path().join("other").join(&name).exists());
    // An address that is not an origin is refused as an option.
    for bad in ["*", "https://mirror.example.gov.cn/path/", "javascript:x"] {
        let refused = build(
            &viewer,
            &tmp.path().join("bad"),
            &["--embed-allow-origin", bad],
        );
        assert_eq!(refused.status.code(), Some(1), "{bad}");
        assert!(String::from_utf8_lossy(&refused.stderr).contains("--embed-allow-origin"));
    }
}
