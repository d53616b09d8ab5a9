//! Sentences, what each piece is said as, the queue and the voice choice.

use super::*;

/// The sentences of `text` as strings.
fn said(text: &str) -> Vec<&str> {
    sentences(text)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect()
}

#[test]
fn sentences_end_at_chinese_and_ascii_marks() {
    assert_eq!(
        said("制定政府规范性文件2件。现行有效规范性文件共7件！是否完成？完成；继续"),
        [
            "制定政府规范性文件2件。",
            "现行有效规范性文件共7件！",
            "是否完成？",
            "完成；",
            "继续"
        ]
    );
    assert_eq!(
        said("It rose. Did it? Yes! Then; more"),
        ["It rose.", "Did it?", "Yes!", "Then;", "more"]
    );
    assert_eq!(said("等等……然后。"), ["等等……", "然后。"]);
    assert_eq!(said("Wait... then."), ["Wait...", "then."]);
    // A line break ends a sentence; white space around sentences goes.
    assert_eq!(said("  一行\n 二行。  "), ["一行", "二行。"]);
    assert!(said("").is_empty());
    assert!(said(" \n ").is_empty());
}

#[test]
fn numbers_stay_whole() {
    // The bundled report's own sentences: decimals, percentages, 万, ranges.
    assert_eq!(
        said("配齐配强社区网格力量2.1万余名。受理申请数量同比2023年增长148%,综合纠错率37%。"),
        [
            "配齐配强社区网格力量2.1万余名。",
            "受理申请数量同比2023年增长148%,综合纠错率37%。"
        ]
    );
    assert_eq!(
        said("推行“竣工即投产2.0”改革,投产时间平均提前2~3个月。v2.0 works. Pi is 3.14."),
        [
            "推行“竣工即投产2.0”改革,投产时间平均提前2~3个月。",
            "v2.0 works.",
            "Pi is 3.14."
        ]
    );
}

#[test]
fn quotes_stay_with_their_sentence() {
    // The closing quote after the end mark belongs to the sentence.
    assert_eq!(said("他说:“好。”然后走了。"), ["他说:“好。”", "然后走了。"]);
    // Inside quotes a sentence does not end.
    assert_eq!(
        said("通知要求:“第一条。第二条。”并已落实。"),
        ["通知要求:“第一条。第二条。”", "并已落实。"]
    );
    assert_eq!(said("「甲。乙。」丙。"), ["「甲。乙。」", "丙。"]);
    // Brackets after the mark too.
    assert_eq!(said("见附件。)下文。"), ["见附件。)", "下文。"]);
    assert_eq!(
        said("He said \"go.\" Then left."),
        ["He said \"go.\"", "Then left."]
    );
    // An opening quote never closed does not swallow the rest.
    assert_eq!(said("“未闭合。后文。"), ["“未闭合。", "后文。"]);
    // A quote closed later, with no end mark inside, changes nothing.
    assert_eq!(
        said("国家首批13个“一件事”全面落地。梳理286项。"),
        ["国家首批13个“一件事”全面落地。", "梳理286项。"]
    );
}

#[test]
fn runs_without_words_join_the_sentence_before() {
    assert_eq!(said("完成。……"), ["完成。……"]);
    assert_eq!(said("完成。 。"), ["完成。 。"]);
    // With nothing before, such a run is kept (it is all there is).
    assert_eq!(said("……"), ["……"]);
}

#[test]
fn long_sentences_are_cut_at_commas() {
    // The bundled report's longest sentence (93 characters).
    let long = "学习贯彻新修订的《中华人民共和国行政复议法》,发挥行政复议化解行政争议主渠道作用,全年共受理行政复议申请550件,办结442件,受理申请数量同比2023年增长148%,综合纠错率37%。";
    let parts = said(long);
    assert_eq!(
        parts,
        [
            "学习贯彻新修订的《中华人民共和国行政复议法》,发挥行政复议化解行政争议主渠道作用,",
            "全年共受理行政复议申请550件,办结442件,受理申请数量同比2023年增长148%,",
            "综合纠错率37%。"
        ]
    );
    assert!(parts.iter().all(|p| p.chars().count() <= MAX_SENTENCE));
    // Without a comma a long sentence stays whole.
    let plain = "字".repeat(150) + "。";
    assert_eq!(said(&plain), [plain.as_str()]);
    // A comma in the first characters is no place to cut: a fragment.
    let early = format!("一二,{}。", "字".repeat(60));
    assert_eq!(said(&early), [early.as_str()]);
    // Sentences up to the limit stay whole.
    let short = "制定政府规范性文件2件,现行有效规范性文件共7件。";
    assert_eq!(said(short), [short]);
}

#[test]
fn spans_count_utf16_as_the_dom_does() {
    let text = "𠀀甲。乙。";
    let spans = sentences(text);
    assert_eq!(utf16_span(text, spans[0]), (0, 4));
    assert_eq!(utf16_span(text, spans[1]), (4, 6));
}

#[test]
fn signs_for_the_eye_are_said_in_words() {
    assert_eq!(spoken("平均提前2~3个月", Lang::Zh), "平均提前2至3个月");
    assert_eq!(spoken("2万～3万人", Lang::Zh), "2万至3万人");
    assert_eq!(spoken("2~3 months", Lang::En), "2 to 3 months");
    // Only between numbers.
    assert_eq!(spoken("约~", Lang::Zh), "约~");
    assert_eq!(spoken("≤5,≈222", Lang::Zh), "不超过5,约222");
    // Percentages, decimal points and sums the Chinese way.
    assert_eq!(
        spoken("同比2023年增长148%,综合纠错率37%。", Lang::Zh),
        "同比2023年增长百分之148,综合纠错率百分之37。"
    );
    assert_eq!(
        spoken("2.1万余名,80.4%,审查率：100%。", Lang::Zh),
        "2点1万余名,百分之80点4,审查率：百分之100。"
    );
    assert_eq!(
        spoken("550 ÷ (1 + 148%) ≈ 221.8", Lang::Zh),
        "550 除以 (1 加 百分之148) 约 221点8"
    );
    // A point that ends a sentence, or a number written for another
    // reader, stays.
    assert_eq!(spoken("v2.0 works. 3.", Lang::Zh), "v2点0 works. 3.");
    assert_eq!(spoken("up 148% to 2.1", Lang::En), "up 148% to 2.1");
    assert_eq!(spoken("21,000+ 名", Lang::Zh), "21,000+ 名");
}

fn figure(label: &str, number: &str, unit: &str, tag: Option<&str>) -> Piece {
    Piece::Figure {
        label: label.into(),
        number: number.into(),
        unit: unit.into(),
        tag: tag.map(String::from),
    }
}

fn texts(p: &Piece, lang: Lang) -> Vec<String> {
    p.utterances(lang).into_iter().map(|u| u.text).collect()
}

#[test]
fn key_figures_are_said_with_unit_and_qualifier() {
    assert_eq!(
        texts(
            &figure("配齐配强社区网格力量", "2.1万余", "名", Some("下限值")),
            Lang::Zh
        ),
        ["配齐配强社区网格力量：2点1万余名（下限值）。"]
    );
    assert_eq!(
        texts(
            &figure("2023年受理行政复议申请", "约222", "件", Some("推算值")),
            Lang::Zh
        ),
        ["2023年受理行政复议申请：约222件（推算值）。"]
    );
    assert_eq!(
        texts(
            &figure("投产时间平均提前", "2~3", "个月", Some("范围")),
            Lang::Zh
        ),
        ["投产时间平均提前：2至3个月（范围）。"]
    );
    assert_eq!(
        texts(&figure("合法性审查率", "100", "%", None), Lang::Zh),
        ["合法性审查率：百分之100。"]
    );
    assert_eq!(
        texts(
            &figure("Grid workers", "21,000+", "名", Some("lower bound")),
            Lang::En
        ),
        ["Grid workers: 21,000+ 名 (lower bound)."]
    );
    // The whole card is highlighted.
    assert_eq!(
        figure("a", "1", "件", None).utterances(Lang::Zh)[0].span,
        None
    );
}

#[test]
fn prose_is_said_sentence_by_sentence_with_its_spans() {
    let text = "投产时间平均提前2~3个月。帮助解决企业实际问题102件。";
    let u = Piece::Prose(text.into()).utterances(Lang::Zh);
    assert_eq!(u.len(), 2);
    assert_eq!(u[0].text, "投产时间平均提前2至3个月。");
    let (s, e) = u[1].span.unwrap();
    assert_eq!(&text[s..e], "帮助解决企业实际问题102件。");
    assert!(Piece::Prose("  ".into()).utterances(Lang::Zh).is_empty());
    assert!(Piece::Silent.utterances(Lang::Zh).is_empty());
    assert!(Piece::Heading(" ".into()).utterances(Lang::Zh).is_empty());
    assert_eq!(
        texts(
            &Piece::Heading("(一)行政决策程序机制日益健全。".into()),
            Lang::Zh
        ),
        ["(一)行政决策程序机制日益健全。"]
    );
}

#[test]
fn charts_and_tables_are_said_as_caption_and_rows() {
    let chart = Piece::Chart {
        kind: "图表".into(),
        title: "行政复议申请受理数量".into(),
        unit: "单位：件".into(),
    };
    assert_eq!(
        texts(&chart, Lang::Zh),
        ["图表：行政复议申请受理数量。单位：件。"]
    );
    let row = Piece::Row {
        head: "2023".into(),
        cells: vec![
            ("各类行政案件".into(), "605件".into()),
            ("行政诉讼案件".into(), "约222件 (推算值)".into()),
        ],
    };
    assert_eq!(
        texts(&row, Lang::Zh),
        ["2023：各类行政案件 605件；行政诉讼案件 约222件 (推算值)。"]
    );
    assert_eq!(
        texts(&row, Lang::En),
        ["2023: 各类行政案件 605件; 行政诉讼案件 约222件 (推算值)."]
    );
    let bare = Piece::Row {
        head: String::new(),
        cells: vec![(String::new(), "1".into())],
    };
    assert_eq!(texts(&bare, Lang::Zh), ["1。"]);
    assert_eq!(
        texts(&Piece::Caption("表1".into()), Lang::Zh),
        ["表格：表1。"]
    );
}

/// A chart as the page shows it, in document order: caption, description,
/// summary lines, then the table's rows.
fn page() -> Vec<Piece> {
    vec![
        Piece::Heading("(三)行政执法监督效能明显提升。".into()),
        Piece::Silent,
        Piece::Chart {
            kind: "图表".into(),
            title: "行政复议申请".into(),
            unit: "单位：件".into(),
        },
        Piece::Prose("2024年受理550件。".into()),
        Piece::Prose("受理行政复议申请：从2023的约222件（推算值）到2024的550件。".into()),
        Piece::Row {
            head: "2023".into(),
            cells: vec![("受理行政复议申请".into(), "约222件 (推算值)".into())],
        },
        Piece::Row {
            head: "2024".into(),
            cells: vec![("受理行政复议申请".into(), "550件".into())],
        },
    ]
}

#[test]
fn the_queue_reads_element_by_element_to_the_end() {
    let pieces = page();
    let mut piece = |i: usize| pieces.get(i).cloned();
    let mut q = Queue::from(0, Lang::Zh, &mut piece).unwrap();
    let mut heard = vec![(q.block, q.current().unwrap().text.clone())];
    while q.advance(Lang::Zh, &mut piece) {
        heard.push((q.block, q.current().unwrap().text.clone()));
    }
    let blocks: Vec<usize> = heard.iter().map(|h| h.0).collect();
    // The silent element is skipped; the chart is its caption, then its
    // summary, then its rows.
    assert_eq!(blocks, [0, 2, 3, 4, 5, 6]);
    assert!(heard[1].1.starts_with("图表"));
    assert!(heard[3].1.starts_with("受理行政复议申请：从2023"));
    assert_eq!(heard[4].1, "2023：受理行政复议申请 约222件 (推算值)。");
    assert_eq!(heard[5].1, "2024：受理行政复议申请 550件。");
    // Starting on a silent element starts at the next; past the end, none.
    assert_eq!(Queue::from(1, Lang::Zh, &mut piece).unwrap().block, 2);
    assert_eq!(Queue::from(7, Lang::Zh, &mut piece), None);
}

#[test]
fn the_queue_steps_through_an_elements_sentences() {
    let pieces = [Piece::Prose("甲。乙。".into()), Piece::Prose("丙。".into())];
    let mut piece = |i: usize| pieces.get(i).cloned();
    let mut q = Queue::from(0, Lang::Zh, &mut piece).unwrap();
    assert_eq!((q.block, q.line), (0, 0));
    assert!(q.advance(Lang::Zh, &mut piece));
    assert_eq!(
        (q.block, q.line, q.current().unwrap().text.as_str()),
        (0, 1, "乙。")
    );
    assert!(q.advance(Lang::Zh, &mut piece));
    assert_eq!((q.block, q.line), (1, 0));
    assert!(!q.advance(Lang::Zh, &mut piece));
    // At the end the queue stays on the last sentence.
    assert_eq!(q.current().unwrap().text, "丙。");
}

#[test]
fn speeds_and_states_have_names() {
    for s in [Speed::Slow, Speed::Normal, Speed::Fast] {
        assert_eq!(Speed::parse(s.name()), Some(s));
    }
    assert_eq!(Speed::parse("x"), None);
    assert!(Speed::Slow.rate() < Speed::Normal.rate() && Speed::Normal.rate() < Speed::Fast.rate());
    assert_eq!(Speed::default(), Speed::Normal);
    assert_eq!(Status::default().name(), "idle");
    assert_eq!(Status::Paused.name(), "paused");
}

fn voices(list: &[(&str, bool)]) -> Vec<(String, bool)> {
    list.iter().map(|(l, b)| (l.to_string(), *b)).collect()
}

#[test]
fn a_voice_is_picked_by_language_region_and_script() {
    let v = voices(&[
        ("en-US", true),
        ("zh-HK", true),
        ("zh-TW", false),
        ("zh-CN", false),
        ("zh_CN", true),
    ]);
    // Simplified text: mainland Mandarin, on the device first.
    assert_eq!(pick_voice(&v, "zh-CN"), Some(4));
    assert_eq!(pick_voice(&v, "zh"), Some(4));
    assert_eq!(pick_voice(&v, "zh-Hans"), Some(4));
    // Traditional text: Taiwan's Mandarin first, then Hong Kong's.
    assert_eq!(pick_voice(&v, "zh-Hant"), Some(2));
    assert_eq!(pick_voice(&v, "zh-HK"), Some(1));
    assert_eq!(pick_voice(&v, "zh-TW"), Some(2));
    assert_eq!(
        pick_voice(&voices(&[("zh-HK", false), ("zh-CN", true)]), "zh-Hant"),
        Some(0)
    );
    // Any Chinese voice reads Chinese when no better one is there.
    assert_eq!(
        pick_voice(&voices(&[("en-GB", true), ("zh-CN", true)]), "zh-Hant"),
        Some(1)
    );
    assert_eq!(pick_voice(&voices(&[("cmn", true)]), "zh-CN"), Some(0));
    assert_eq!(pick_voice(&voices(&[("yue-HK", true)]), "zh-HK"), Some(0));
    assert_eq!(pick_voice(&v, "en"), Some(0));
    // No voice for the language: none, never another language's.
    assert_eq!(
        pick_voice(&voices(&[("en-US", true), ("de-DE", true)]), "zh-CN"),
        None
    );
    assert_eq!(pick_voice(&[], "zh-CN"), None);
    assert_eq!(pick_voice(&v, ""), None);
}
