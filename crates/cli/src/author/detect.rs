//! What a file given to `report import` is, told by its content, not its
//! name (a saved page may be called `.doc`, a Word file `.wps`): a Word
//! document (`.docx`, from Word or WPS), a web page (`.html`, or `.mhtml`
//! as browsers save it), or text in UTF-8, UTF-16 or GB18030/GBK. What it
//! cannot read (an old `.doc`, a PDF, an image, another zip, an empty
//! file) is refused with a [`Problem`] that names the file and says what
//! to do instead.

use super::source::problem;
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use report_format::{Code, Problem};

use super::import::{self, text_document};
use super::source::Document;
use super::{docx, html, limits};

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A Word document (Office Open XML).
    Docx,
    /// A web page.
    Html,
    /// A web page saved as one MIME file.
    Mhtml,
    /// Plain text.
    Text,
}

/// Reads `bytes`, the content of the file `name`, as a document, within
/// the limits (see `limits`): the file's size first, then what each kind
/// of file costs to read.
pub fn read_document(name: &str, bytes: &[u8]) -> Result<Document, Box<Problem>> {
    limits::check_file_size(name, bytes.len(), limits::MAX_FILE_BYTES)?;
    let doc = match kind(name, bytes)? {
        Kind::Docx => docx::read(name, bytes)?,
        Kind::Html => {
            limits::check_file_size(name, bytes.len(), limits::MAX_TEXT_FILE_BYTES)?;
            let (text, warning) = decode_html(bytes);
            limits::check_chars(name, &text, limits::MAX_PAGE_CHARS)?;
            let mut doc = html::read(name, &text)?;
            doc.warnings.extend(warning);
            doc
        }
        Kind::Mhtml => html::read_mhtml(name, bytes)?,
        Kind::Text => {
            limits::check_file_size(name, bytes.len(), limits::MAX_TEXT_FILE_BYTES)?;
            let (text, warning) =
                decode_text(bytes).ok_or_else(|| problem(Code::UnknownFile, name, &[name]))?;
            if text.contains('\0') {
                return Err(problem(Code::UnknownFile, name, &[name]));
            }
            limits::check_chars(name, &text, limits::MAX_TEXT_CHARS)?;
            limits::check_lines(name, &text)?;
            let mut doc = text_document(&text);
            doc.warnings.extend(warning);
            doc
        }
    };
    limits::check_document(name, &doc)?;
    Ok(doc)
}

/// Imports the file `name`: read within the limits, its structure found,
/// and refused when the report that comes out is over the report
/// format's size. Gives the report and its JSON, as `report import`
/// writes it.
pub fn import_file(
    name: &str,
    bytes: &[u8],
    opts: &import::ImportOptions,
) -> Result<(import::Imported, String), Box<Problem>> {
    let doc = read_document(name, bytes)?;
    let imported = import::import_document(doc, opts);
    let mut json = serde_json::to_string_pretty(&imported.report).expect("a report serialises");
    json.push('\n');
    limits::check_report_json(name, &json)?;
    Ok((imported, json))
}

/// Tells what `bytes` are, or why they cannot be imported.
pub fn kind(name: &str, bytes: &[u8]) -> Result<Kind, Box<Problem>> {
    let refuse = |code: Code| Err(problem(code, name, &[name]));
    let start = &bytes[..bytes.len().min(4096)];
    if bytes.iter().all(|b| b.is_ascii_whitespace())
        || bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .is_some_and(|r| r.iter().all(u8::is_ascii_whitespace))
    {
        return refuse(Code::EmptyFile);
    }
    if start.starts_with(b"%PDF-") {
        return refuse(Code::PdfFile);
    }
    // Word 97–2003, WPS and old Excel files are OLE compound files; RTF
    // is what Word writes as "Rich Text".
    if start.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".xls") || lower.ends_with(".et") {
            return refuse(Code::SpreadsheetFile);
        }
        return refuse(Code::OldWord);
    }
    if start.starts_with(b"{\\rtf") {
        return refuse(Code::OldWord);
    }
    if let Some(image) = image_kind(start) {
        return Err(problem(Code::ImageFile, name, &[name, image]));
    }
    if start.starts_with(b"PK\x03\x04") || start.starts_with(b"PK\x05\x06") {
        return zip_kind(name, bytes);
    }
    if is_mhtml(start) {
        return Ok(Kind::Mhtml);
    }
    if looks_like_html(start) {
        return Ok(Kind::Html);
    }
    Ok(Kind::Text)
}

fn image_kind(start: &[u8]) -> Option<&'static str> {
    Some(match start {
        [0x89, b'P', b'N', b'G', ..] => "PNG",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG",
        [b'G', b'I', b'F', b'8', ..] => "GIF",
        [b'B', b'M', ..] if start.len() > 14 && !start[2..14].iter().all(u8::is_ascii) => "BMP",
        [b'I', b'I', 0x2A, 0x00, ..] | [b'M', b'M', 0x00, 0x2A, ..] => "TIFF",
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => "WebP",
        [_, _, _, _, b'f', b't', b'y', b'p', b'h', b'e', b'i', b'c', ..] => "HEIC",
        _ => return None,
    })
}

fn zip_kind(name: &str, bytes: &[u8]) -> Result<Kind, Box<Problem>> {
    let docx_named = name.to_ascii_lowercase().ends_with(".docx");
    let archive = match limits::Zip::open(name, bytes) {
        Ok(a) => a,
        Err(limits::OpenError::Limit(p)) => return Err(p),
        Err(limits::OpenError::Broken(e)) if docx_named => {
            return Err(problem(Code::BrokenDocx, name, &[name, &e.to_string()]))
        }
        Err(limits::OpenError::Broken(_)) => return Err(problem(Code::NotDocx, name, &[name])),
    };
    if archive.has("word/document.xml") {
        Ok(Kind::Docx)
    } else if archive.has("xl/workbook.xml") || spreadsheet_mimetype(bytes) {
        Err(problem(Code::SpreadsheetFile, name, &[name]))
    } else {
        Err(problem(Code::NotDocx, name, &[name]))
    }
}

/// An OpenDocument spreadsheet names itself in its first entry.
fn spreadsheet_mimetype(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    head.windows(46)
        .any(|w| w == b"application/vnd.oasis.opendocument.spreadsheet")
}

fn is_mhtml(start: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&start[..start.len().min(2048)]).to_ascii_lowercase();
    head.contains("mime-version:") && head.contains("multipart/related")
}

fn looks_like_html(start: &[u8]) -> bool {
    let head = String::from_utf8_lossy(start).to_ascii_lowercase();
    let head = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<meta")
        || (head.starts_with("<?xml") && head.contains("<html"))
        || (head.starts_with("<!--") && head.contains("<html"))
        || (head.starts_with('<')
            && (head.contains("<body") || head.contains("<p>") || head.contains("<div")))
}

/// Decodes text: a byte-order mark wins, then UTF-8, then GB18030 (which
/// covers GBK and GB2312), then what `chardetng` guesses; each only if it
/// decodes without a single error. The warning names a guessed encoding.
pub fn decode_text(bytes: &[u8]) -> Option<(String, Option<String>)> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        let warning = (enc == UTF_16LE || enc == UTF_16BE)
            .then(|| "文件按 UTF-16 编码读取 / the file was read as UTF-16".to_string());
        return (!had_errors).then(|| (text.into_owned(), warning));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some((text.to_string(), None));
    }
    let mut guesses = vec![GB18030];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guessed = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    if guessed != GB18030 && guessed != UTF_8 {
        guesses.push(guessed);
    }
    guesses.into_iter().find_map(|enc| {
        let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
        let label = if enc == GB18030 {
            "GB18030(GBK)"
        } else {
            enc.name()
        };
        Some((
            text.into_owned(),
            Some(format!(
                "文件按 {label} 编码读取,请核对文字 / the file was read as {label}; check the text"
            )),
        ))
    })
}

/// Decodes a page: a byte-order mark, then the charset its `<meta>` names,
/// then as text.
pub fn decode_html(bytes: &[u8]) -> (String, Option<String>) {
    if Encoding::for_bom(bytes).is_none() {
        if let Some(enc) = meta_charset(bytes) {
            if enc != UTF_8 {
                let (text, _, had_errors) = enc.decode(bytes);
                let warning = had_errors.then(|| {
                    format!(
                        "网页按 {0} 编码读取时有无法识别的字符,已替换为“�” / the page has bytes that are not {0}; they were replaced by “�”",
                        enc.name()
                    )
                });
                return (text.into_owned(), warning);
            }
        }
    }
    match decode_text(bytes) {
        Some(t) => t,
        None => {
            let (text, _, _) = UTF_8.decode(bytes);
            (
                text.into_owned(),
                Some("网页的编码无法识别,无法识别的字符已替换为“�” / the page's encoding is unknown; unreadable bytes were replaced by “�”".into()),
            )
        }
    }
}

/// The encoding a page's `<meta charset>` or `http-equiv` names.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(name: &str, bytes: &[u8]) -> Option<Code> {
        kind(name, bytes).err().map(|p| p.code)
    }

    #[test]
    fn refuses_what_it_cannot_read_and_says_what_it_is() {
        assert_eq!(code("a.txt", b""), Some(Code::EmptyFile));
        assert_eq!(code("a.txt", b" \n\t"), Some(Code::EmptyFile));
        assert_eq!(code("a.pdf", b"%PDF-1.7\n..."), Some(Code::PdfFile));
        assert_eq!(
            code("a.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
            Some(Code::OldWord)
        );
        assert_eq!(
            code("a.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
            Some(Code::SpreadsheetFile)
        );
        assert_eq!(
            code("a.png", b"\x89PNG\r\n\x1a\n...."),
            Some(Code::ImageFile)
        );
        assert_eq!(
            code("a.jpg", b"\xFF\xD8\xFF\xE0...."),
            Some(Code::ImageFile)
        );
        assert_eq!(code("a.zip", b"PK\x03\x04 not really"), Some(Code::NotDocx));
        assert_eq!(
            code("a.docx", b"PK\x03\x04 not really"),
            Some(Code::BrokenDocx)
        );
        let p = kind("报告.pdf", b"%PDF-1.4").unwrap_err();
        assert!(
            p.zh.contains("报告.pdf") && p.hint_zh.contains(".docx"),
            "{p:?}"
        );
    }

    #[test]
    fn tells_pages_and_text() {
        assert_eq!(kind("a.txt", b"<!DOCTYPE html><html>").unwrap(), Kind::Html);
        assert_eq!(
            kind("a.doc", b"\xEF\xBB\xBF<html><body>").unwrap(),
            Kind::Html
        );
        assert_eq!(
            kind(
                "a.mht",
                b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;"
            )
            .unwrap(),
            Kind::Mhtml
        );
        assert_eq!(
            kind("a.txt", "一、总体情况".as_bytes()).unwrap(),
            Kind::Text
        );
    }

    #[test]
    fn decodes_gbk_and_utf16() {
        let (gbk, _, _) = GB18030.encode("一、依法行政。全年办理120件。");
        let (text, warning) = decode_text(&gbk).unwrap();
        assert_eq!(text, "一、依法行政。全年办理120件。");
        assert!(warning.unwrap().contains("GB18030"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("特此报告。".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode_text(&utf16).unwrap().0, "特此报告。");
        let page = [
            b"<html><head><meta charset=\"gbk\"></head><body>".as_slice(),
            &GB18030.encode("正文").0,
        ]
        .concat();
        assert!(decode_html(&page).0.contains("正文"));
    }
}
