//! The parts of a Word document that change what its paragraphs say:
//! styles (which are bold, which are titles, which carry numbering) and
//! Word's automatic numbering, whose `一、` or `(一)` is not in the text
//! at all but computed from `numbering.xml`. A report numbered by Word
//! would otherwise lose every heading.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The value of the attribute whose local name is `name` (`w:val` → `val`).
pub fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// Whether an on/off property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
pub fn on(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, "val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// A paragraph or character style.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    bold: Option<bool>,
    num: Option<(String, usize)>,
}

/// The styles of a document, by id.
#[derive(Debug, Clone, Default)]
pub struct Styles {
    styles: HashMap<String, Style>,
}

impl Styles {
    /// Reads `styles.xml`; a missing or unreadable part gives no styles.
    pub fn read(xml: Option<&str>) -> Styles {
        let mut styles = HashMap::new();
        let Some(xml) = xml else {
            return Styles { styles };
        };
        let mut reader = Reader::from_str(xml);
        let mut current: Option<(String, Style)> = None;
        let (mut in_rpr, mut in_num) = (false, false);
        loop {
            let ev = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "style" => {
                        if let Some((id, s)) = current.take() {
                            styles.insert(id, s);
                        }
                        current = attr(&e, "styleId").map(|id| (id, Style::default()));
                    }
                    "name" => {
                        if let Some((_, s)) = &mut current {
                            s.name = attr(&e, "val").unwrap_or_default();
                        }
                    }
                    "basedOn" => {
                        if let Some((_, s)) = &mut current {
                            s.based_on = attr(&e, "val");
                        }
                    }
                    "rPr" => in_rpr = true,
                    "numPr" => in_num = true,
                    "b" if in_rpr => {
                        if let Some((_, s)) = &mut current {
                            s.bold = Some(on(&e));
                        }
                    }
                    "numId" if in_num => {
                        if let Some((_, s)) = &mut current {
                            let id = attr(&e, "val").unwrap_or_default();
                            let lvl = s.num.as_ref().map_or(0, |n| n.1);
                            s.num = Some((id, lvl));
                        }
                    }
                    "ilvl" if in_num => {
                        if let Some((_, s)) = &mut current {
                            let lvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                            let id = s.num.take().map(|n| n.0).unwrap_or_default();
                            s.num = Some((id, lvl));
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    "rPr" => in_rpr = false,
                    "numPr" => in_num = false,
                    "style" => {
                        if let Some((id, s)) = current.take() {
                            styles.insert(id, s);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Styles { styles }
    }

    /// Follows `basedOn` from `id` (at most a few steps: styles may loop).
    fn chain(&self, id: &str) -> impl Iterator<Item = &Style> {
        let mut at = self.styles.get(id);
        std::iter::from_fn(move || {
            let s = at?;
            at = s.based_on.as_deref().and_then(|b| self.styles.get(b));
            Some(s)
        })
        .take(10)
    }

    /// Whether text in style `id` is bold.
    pub fn bold(&self, id: &str) -> bool {
        self.chain(id).find_map(|s| s.bold).unwrap_or(false)
    }

    /// The numbering (list id, level) style `id` gives its paragraphs.
    pub fn numbering(&self, id: &str) -> Option<(String, usize)> {
        self.chain(id).find_map(|s| s.num.clone())
    }

    /// Whether style `id` is a title (`Title`, `标题`, not `标题 1`).
    pub fn is_title(&self, id: &str) -> bool {
        let name = self.chain(id).next().map_or("", |s| s.name.as_str());
        let lower = name.to_ascii_lowercase();
        lower == "title" || name == "标题" || lower == "subtitle" || name == "副标题"
    }
}

/// One level of a numbered list.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// Word's automatic numbering: the lists of a document and the counters
/// of the paragraphs read so far.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// List id → (abstract list id, start overrides by level).
    lists: HashMap<String, (String, HashMap<usize, u32>)>,
    counters: HashMap<String, [Option<u32>; 9]>,
}

impl Numbering {
    /// Reads `numbering.xml`; a missing or unreadable part numbers nothing.
    pub fn read(xml: Option<&str>) -> Numbering {
        let mut n = Numbering::default();
        let Some(xml) = xml else { return n };
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut level: Option<usize> = None;
        let mut list: Option<String> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let ev = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    let val = || attr(&e, "val").unwrap_or_default();
                    match e.local_name().as_ref() {
                        "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                        "lvl" if abstract_id.is_some() => {
                            level = attr(&e, "ilvl")
                                .and_then(|v| v.parse().ok())
                                .filter(|&l: &usize| l < 9);
                        }
                        "num" => {
                            list = attr(&e, "numId");
                            abstract_id = None;
                        }
                        "abstractNumId" => {
                            if let Some(l) = &list {
                                n.lists.insert(l.clone(), (val(), HashMap::new()));
                            }
                        }
                        "lvlOverride" => {
                            override_level = attr(&e, "ilvl").and_then(|v| v.parse().ok())
                        }
                        "startOverride" => {
                            if let (Some(l), Some(lvl)) = (&list, override_level) {
                                if let Some((_, o)) = n.lists.get_mut(l) {
                                    o.insert(lvl, val().parse().unwrap_or(1));
                                }
                            }
                        }
                        name @ ("start" | "numFmt" | "lvlText") => {
                            if let (Some(a), Some(lvl)) = (&abstract_id, level) {
                                let levels = n.abstracts.entry(a.clone()).or_default();
                                if levels.len() <= lvl {
                                    let unset = Level {
                                        start: 1,
                                        ..Level::default()
                                    };
                                    levels.resize(lvl + 1, unset);
                                }
                                let l = &mut levels[lvl];
                                match name {
                                    "start" => l.start = val().parse().unwrap_or(1),
                                    "numFmt" => l.format = val(),
                                    _ => l.text = val(),
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    "abstractNum" => abstract_id = None,
                    "lvl" => level = None,
                    "num" => list = None,
                    _ => {}
                },
                _ => {}
            }
        }
        n
    }

    /// The label of the next paragraph of list `id` at level `lvl`
    /// (`一、`, `(二)`, `3.`), counting it; empty for bullets and lists
    /// the document does not define.
    pub fn next_label(&mut self, id: &str, lvl: usize) -> String {
        if id == "0" || lvl >= 9 {
            return String::new();
        }
        let Some((abs, overrides)) = self.lists.get(id) else {
            return String::new();
        };
        let Some(levels) = self.abstracts.get(abs) else {
            return String::new();
        };
        let start = |l: usize| {
            overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(l).map(|x| x.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(id.to_string()).or_insert([None; 9]);
        counters[lvl] = Some(counters[lvl].map_or(start(lvl), |c| c.saturating_add(1)));
        for deeper in counters.iter_mut().skip(lvl + 1) {
            *deeper = None;
        }
        let Some(level) = levels.get(lvl) else {
            return String::new();
        };
        if matches!(level.format.as_str(), "bullet" | "none") {
            return String::new();
        }
        let mut out = level.text.clone();
        for k in (0..9).rev() {
            let key = format!("%{}", k + 1);
            if out.contains(&key) {
                let value = counters[k].unwrap_or_else(|| start(k));
                let format = levels.get(k).map_or("decimal", |l| l.format.as_str());
                out = out.replace(&key, &format_number(value, format));
            }
        }
        out
    }
}

/// `n` in one of Word's number formats.
fn format_number(n: u32, format: &str) -> String {
    const CN: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "chineseLegalSimplified" => match n {
            0..=9 => CN[n as usize].to_string(),
            10..=19 => format!("十{}", if n == 10 { "" } else { CN[(n - 10) as usize] }),
            20..=99 => format!(
                "{}十{}",
                CN[(n / 10) as usize],
                if n.is_multiple_of(10) {
                    ""
                } else {
                    CN[(n % 10) as usize]
                }
            ),
            _ => n.to_string(),
        },
        "ideographTraditional" => "甲乙丙丁戊己庚辛壬癸"
            .chars()
            .nth(n.saturating_sub(1) as usize)
            .map_or(n.to_string(), String::from),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or(n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "upperLetter" | "lowerLetter" if n >= 1 => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let letter = (base + ((n - 1) % 26) as u8) as char;
            letter.to_string().repeat(((n - 1) / 26 + 1) as usize)
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let mut out = String::new();
            let mut v = n;
            for (value, s) in [
                (1000, "M"),
                (900, "CM"),
                (500, "D"),
                (400, "CD"),
                (100, "C"),
                (90, "XC"),
                (50, "L"),
                (40, "XL"),
                (10, "X"),
                (9, "IX"),
                (5, "V"),
                (4, "IV"),
                (1, "I"),
            ] {
                while v >= value {
                    out.push_str(s);
                    v -= value;
                }
            }
            if format == "lowerRoman" {
                out.to_ascii_lowercase()
            } else {
                out
            }
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_numbering_formats() {
        assert_eq!(format_number(1, "chineseCounting"), "一");
        assert_eq!(format_number(10, "chineseCounting"), "十");
        assert_eq!(format_number(12, "chineseCountingThousand"), "十二");
        assert_eq!(format_number(23, "chineseCounting"), "二十三");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(7, "decimal"), "7");
    }

    #[test]
    fn labels_follow_the_lists_levels() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
          </w:abstractNum>
          <w:abstractNum w:abstractNumId="1">
            <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>
        </w:numbering>"#;
        let mut n = Numbering::read(Some(xml));
        assert_eq!(n.next_label("5", 0), "一、");
        assert_eq!(n.next_label("5", 1), "（一）");
        assert_eq!(n.next_label("5", 1), "（二）");
        assert_eq!(n.next_label("5", 0), "二、");
        assert_eq!(
            n.next_label("5", 1),
            "（一）",
            "a new part restarts its subsections"
        );
        assert_eq!(n.next_label("6", 0), "", "bullets give no number");
        assert_eq!(n.next_label("9", 0), "", "an undefined list");
    }
}
