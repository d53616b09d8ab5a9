//! Searching a report's text for Chinese and English readers: substring
//! matching (no word segmentation to get wrong), with full-width and
//! half-width forms, letter case and traditional characters folded to one
//! form, so "行政復議", "ＰＤＦ" and "pdf" find what they should.
//!
//! Folding maps one character to one character, so a match in the folded
//! text is a match at the same character positions in the original.

use std::sync::OnceLock;

use crate::index::Indexed;
use crate::report::{Block, Section};
use crate::settings::Lang;

/// Traditional → simplified pairs for characters common in government
/// reports (each pair: traditional then simplified).
const TRAD_SIMP: &str = "復复爲为裏里衆众僞伪綫线麵面醜丑鬆松捨舍準准國国會会這这個个們们來来時时說说對对從从發发後后經经過过學学還还進进當当現现實实點点樣样業业問问動动關关與与開开長长義义應应頭头區区縣县審审複复議议訴诉執执務务報报監监調调糾纠紛纷質质權权條条規规範范體体係系網网絡络導导領领層层級级員员數数據据處处決决檢检圖图書书舉举辦办歸归屬属資资訊讯聯联劃划單单項项費费補补貼贴價价濟济錢钱稅税幣币環环產产農农興兴鄉乡鎮镇衛卫護护醫医藥药療疗飲饮災灾險险禍祸勞劳傭佣僱雇職职場场戶户證证試试驗验認认識识論论談谈講讲語语讀读寫写詞词譯译記记錄录號号碼码類类別别種种門门閱阅覽览視视聽听見见觀观覺觉親亲愛爱樂乐歡欢傳传統统計计設设備备標标準准確确態态勢势積积極极歷历狀状況况風风氣气溫温濕湿華华東东車车軍军運运輸输線线電电話话郵邮遞递銀银億亿萬万將将為为於于並并裡里麼么讓让給给題题間间兩两總总結结構构織织組组團团隊队黨党專专幹干勝胜負负隨随轉转換换變变斷断續续訪访劉刘陳陈張张楊杨黃黄趙赵吳吴孫孙鄭郑韓韩馮冯蔣蒋衝冲擊击爭争戰战鬥斗罰罚懲惩訟讼賠赔償偿獄狱則则責责紀纪綱纲維维穩稳遠远獲获優优強强製制廣广戲戏歲岁傷伤參参權权臺台灣湾歐欧羅罗馬马鳥鸟魚鱼龍龙齊齐蘭兰藝艺藍蓝燈灯爐炉燒烧營营陽阳陰阴雞鸡雙双雜杂離离難难預预領领題题額额顏颜顯显屬属嚴严壓压廳厅廠厂縮缩綜综紹绍細细終终給给絕绝織织緊紧練练繼继續续紅红純纯級级納纳紙纸紀纪約约維维編编績绩總总繫系線线緣缘縱纵織织罷罢罪罪羅罗聞闻聲声聯联肅肃脅胁腦脑腳脚膽胆與与興兴舊旧艱艰莊庄華华葉叶著着蓋盖蘇苏處处號号術术衛卫衝冲補补裝装製制複复見见規规視视覽览觀观觸触討讨訓训記记設设許许訴诉診诊詢询試试話话詳详認认誤误說说課课調调談谈請请論论諮咨諸诸謀谋謝谢證证識识譜谱警警護护變变讓让負负財财貨货質质購购貸贷費费資资賞赏賣卖質质趨趋跡迹蹤踪車车軌轨軟软載载較较輔辅輕轻輸输轉转辦办農农這这進进遊游運运過过達达違违遠远適适選选遺遗遷迁邊边鄉乡酒酒醫医釋释針针鋼钢錄录鍵键鎮镇長长門门開开閉闭間间關关閱阅陣阵陸陆隊队階阶際际隨随險险隱隐雖虽電电需需靜静響响頁页項项順顺預预領领頻频題题類类顧顾風风飛飞養养餘余館馆驗验體体髮发鬥斗";

/// The pairs as a table sorted by traditional character, for binary
/// search. Built once at first use; deduplicated so each traditional
/// character maps to one simplified one.
fn trad_pairs() -> &'static [(char, char)] {
    static PAIRS: OnceLock<Vec<(char, char)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let chars: Vec<char> = TRAD_SIMP.chars().collect();
        let mut pairs: Vec<(char, char)> = Vec::new();
        // Insertion into a sorted vector: a few hundred pairs, and no
        // general sort routine for the WASM to carry.
        for p in chars.chunks(2).filter(|p| p.len() == 2 && p[0] != p[1]) {
            if let Err(at) = pairs.binary_search_by_key(&p[0], |q| q.0) {
                pairs.insert(at, (p[0], p[1]));
            }
        }
        pairs
    })
}

/// Folds one character for matching: full-width ASCII to half-width, the
/// ideographic space to a space, Latin letters to lower case, traditional
/// characters to simplified. Always one character out for one in.
/// (Lower-casing only ASCII keeps Unicode's case tables out of the WASM;
/// Chinese reports quote Latin-script words only.)
pub fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let pairs = trad_pairs();
    match pairs.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => pairs[i].1,
        Err(_) => c,
    }
}

/// Folds a whole string.
pub fn fold_str(s: &str) -> Vec<char> {
    s.chars().map(fold).collect()
}

/// Character ranges (start, end) of every match of `query` in `text`,
/// without overlaps. An empty query matches nothing.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    find_folded(&fold_str(text), &fold_str(query.trim()))
}

/// [`find_all`] on text and query folded already (see [`fold_str`]).
pub fn find_folded(t: &[char], q: &[char]) -> Vec<(usize, usize)> {
    if q.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= t.len() {
        if t[i..i + q.len()] == q[..] {
            out.push((i, i + q.len()));
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

/// The character ranges `hits` (ascending, not overlapping, as
/// [`find_folded`] gives them) of `text` as UTF-16 offsets, which is what
/// a DOM `Range` counts in. One pass over the text however many hits.
pub fn utf16_ranges(text: &str, hits: &[(usize, usize)]) -> Vec<(u32, u32)> {
    let mut chars = text.chars();
    let (mut at, mut u) = (0usize, 0u32);
    let mut to = |target: usize| {
        for c in chars.by_ref().take(target.saturating_sub(at)) {
            u += c.len_utf16() as u32;
        }
        at = at.max(target);
        u
    };
    hits.iter().map(|&(s, e)| (to(s), to(e))).collect()
}

/// What a searchable piece of text belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The id to link to (paragraph, figure, chart, section).
    pub target: String,
    /// The printed path of the section it stands in, e.g. `一、 › (三)…`.
    pub path: String,
    /// The text searched.
    pub text: String,
}

/// A search result: one entry with its matches and a snippet around the
/// first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The id to link to.
    pub target: String,
    /// The section path.
    pub path: String,
    /// Text before the match in the snippet (with `…` when cut).
    pub before: String,
    /// The matched text as written.
    pub matched: String,
    /// Text after the match in the snippet.
    pub after: String,
    /// How many times the query occurs in this entry.
    pub count: usize,
}

/// Every searchable text of a report, in document order.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    folded: Vec<Vec<char>>,
}

impl SearchIndex {
    /// Indexes headings, paragraphs, lists, notes, key figures, charts
    /// (title, description, notes, data table) and tables.
    pub fn build(report: &Indexed, lang: Lang) -> SearchIndex {
        let mut entries = Vec::new();
        let mut push = |target: &str, path: &str, text: String| {
            if !text.trim().is_empty() {
                entries.push(Entry {
                    target: target.to_string(),
                    path: path.to_string(),
                    text,
                });
            }
        };
        let opening = lang.pick("开头", "Opening").to_string();
        for b in &report.preamble {
            block_entries(report, b, &opening, lang, &mut push);
        }
        fn walk(
            report: &Indexed,
            sections: &[Section],
            parent: &str,
            lang: Lang,
            push: &mut dyn FnMut(&str, &str, String),
        ) {
            for s in sections {
                let path = if parent.is_empty() {
                    s.heading()
                } else {
                    format!("{parent} › {}", s.heading())
                };
                push(&s.id, &path, s.heading());
                for b in &s.blocks {
                    block_entries(report, b, &path, lang, push);
                }
                walk(report, &s.sections, &path, lang, push);
            }
        }
        walk(report, &report.sections, "", lang, &mut push);
        let closing = lang.pick("结尾", "Closing").to_string();
        for b in &report.closing {
            block_entries(report, b, &closing, lang, &mut push);
        }
        let folded = entries.iter().map(|e| fold_str(&e.text)).collect();
        SearchIndex { entries, folded }
    }

    /// Every entry containing `query`, in document order, with a snippet of
    /// about `context` characters either side of the first match.
    pub fn search(&self, query: &str, context: usize) -> Vec<Hit> {
        let q = fold_str(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (e, t) in self.entries.iter().zip(&self.folded) {
            let mut first = None;
            let mut count = 0;
            let mut i = 0;
            while i + q.len() <= t.len() {
                if t[i..i + q.len()] == q[..] {
                    first.get_or_insert(i);
                    count += 1;
                    i += q.len();
                } else {
                    i += 1;
                }
            }
            let Some(s) = first else { continue };
            let chars: Vec<char> = e.text.chars().collect();
            let from = s.saturating_sub(context);
            let to = (s + q.len() + context).min(chars.len());
            let mut before: String = chars[from..s].iter().collect();
            if from > 0 {
                before.insert(0, '…');
            }
            let mut after: String = chars[s + q.len()..to].iter().collect();
            if to < chars.len() {
                after.push('…');
            }
            out.push(Hit {
                target: e.target.clone(),
                path: e.path.clone(),
                before,
                matched: chars[s..s + q.len()].iter().collect(),
                after,
                count,
            });
        }
        out
    }
}

fn block_entries(
    report: &Indexed,
    b: &Block,
    path: &str,
    lang: Lang,
    push: &mut dyn FnMut(&str, &str, String),
) {
    match b {
        Block::Paragraph { id, text } | Block::Note { id, text } => push(id, path, text.clone()),
        Block::List { id, items, .. } => push(id, path, items.join(" ")),
        Block::Figures { figures, .. } => {
            for f in figures.iter().filter_map(|f| report.figure(f)) {
                push(
                    &f.id,
                    path,
                    format!(
                        "{} {} {}",
                        f.label,
                        f.value.with_unit(&f.unit, lang),
                        f.value.source.quote()
                    ),
                );
            }
        }
        Block::Chart { chart } => {
            if let Some(c) = report.chart(chart) {
                let mut text = format!("{} {} {}", c.title, c.description, c.notes.join(" "));
                for s in &c.series {
                    text.push(' ');
                    text.push_str(&s.name);
                    for p in &s.points {
                        text.push_str(&format!(" {} {}", p.x, p.value.with_unit(&s.unit, lang)));
                    }
                }
                push(&c.id, path, text);
            }
        }
        Block::Table(t) => {
            let mut text = format!("{} {}", t.caption, t.columns.join(" "));
            for r in &t.rows {
                text.push(' ');
                text.push_str(&r.join(" "));
            }
            push(&t.id, path, text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_become_utf16_offsets() {
        // Chinese characters are one UTF-16 unit; 😀 and 𠀀 are two.
        let text = "😀行政复议与𠀀行政复议";
        let hits = find_all(text, "行政复议");
        assert_eq!(hits, vec![(1, 5), (7, 11)]);
        assert_eq!(utf16_ranges(text, &hits), vec![(2, 6), (9, 13)]);
        let u: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&u[9..13]).unwrap(), "行政复议");
        assert_eq!(utf16_ranges("abc", &[]), vec![]);
        assert_eq!(utf16_ranges("abc", &[(0, 3)]), vec![(0, 3)]);
    }

    #[test]
    fn folds_width_case_and_traditional_characters() {
        assert_eq!(fold('Ａ'), 'a');
        assert_eq!(fold('１'), '1');
        assert_eq!(fold('（'), '(');
        assert_eq!(fold('復'), '复');
        assert_eq!(fold('議'), '议');
        assert_eq!(fold('行'), '行');
        assert_eq!(find_all("行政复议申请", "行政復議"), vec![(0, 4)]);
        assert_eq!(find_all("PDF 与 ｐｄｆ", "pdf"), vec![(0, 3), (6, 9)]);
        assert!(find_all("abc", "  ").is_empty());
    }
}
