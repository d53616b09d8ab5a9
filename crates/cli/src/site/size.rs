//! The size table `report build` prints: every file of a site, raw, gzip
//! and brotli, and the total a reader's browser transfers.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

/// One file's sizes in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSize {
    /// File name.
    pub name: String,
    /// Size as stored.
    pub raw: usize,
    /// Size gzip-compressed (level 9).
    pub gzip: usize,
    /// Size brotli-compressed (quality 11).
    pub brotli: usize,
}

/// Measures one byte string.
pub fn measure(name: &str, bytes: &[u8]) -> Result<FileSize> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    let gzip = gz.finish()?.len();
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        w.write_all(bytes)?;
    }
    Ok(FileSize {
        name: name.to_string(),
        raw: bytes.len(),
        gzip,
        brotli: br.len(),
    })
}

/// Measures every file directly in `dir`, sorted by name.
pub fn measure_dir(dir: &Path) -> Result<Vec<FileSize>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            let name = entry.file_name().to_string_lossy().into_owned();
            out.push(measure(&name, &std::fs::read(entry.path())?)?);
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Formats sizes as an aligned table with a total row.
pub fn table(files: &[FileSize], total_label: &str) -> String {
    let kb = |b: usize| format!("{:.1} KB", b as f64 / 1024.0);
    let w = files
        .iter()
        .map(|f| f.name.len())
        .max()
        .unwrap_or(4)
        .max(total_label.len());
    let mut s = format!(
        "{:<w$}  {:>10}  {:>10}  {:>10}\n",
        "file", "raw", "gzip", "brotli"
    );
    for f in files {
        s += &format!(
            "{:<w$}  {:>10}  {:>10}  {:>10}\n",
            f.name,
            kb(f.raw),
            kb(f.gzip),
            kb(f.brotli)
        );
    }
    let sum = |g: fn(&FileSize) -> usize| files.iter().map(g).sum::<usize>();
    s += &format!(
        "{:<w$}  {:>10}  {:>10}  {:>10}\n",
        total_label,
        kb(sum(|f| f.raw)),
        kb(sum(|f| f.gzip)),
        kb(sum(|f| f.brotli))
    );
    s
}
