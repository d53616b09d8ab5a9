//! The problem table's own tests: every code named once, with all its
//! words, and arguments filled in.

use super::*;

#[test]
fn fills_numbered_arguments() {
    assert_eq!(
        fill("引用的{0}“{2}”不存在", &["图表", "chart", "c-1"]),
        "引用的图表“c-1”不存在"
    );
    assert_eq!(fill("{1}{0}{1}", &["a", "b"]), "bab");
    assert_eq!(fill("no {x} args {", &[]), "no {x} args {");
    assert_eq!(fill("{5}", &["a"]), "");
}

#[test]
fn every_code_has_a_unique_name_and_all_its_words() {
    #[cfg(not(feature = "authoring"))]
    let all = Code::ALL.to_vec();
    #[cfg(feature = "authoring")]
    let all = [Code::ALL.as_slice(), Code::AUTHORING.as_slice()].concat();
    let mut names: Vec<&str> = all.iter().map(|c| c.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all.len());
    for c in all {
        assert!(c.messages().iter().all(|m| !m.trim().is_empty()), "{c:?}");
        assert!(
            c.messages()[1]
                .chars()
                .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)),
            "{c:?}"
        );
    }
    let p = Problem::new(
        Code::DanglingReference,
        "/x",
        &["图表", "chart", "c-1", "charts"],
    );
    assert_eq!(p.en, "the chart “c-1” referred to does not exist");
    assert_eq!(p.hint_zh, "检查图表标识的拼写,或在 charts 中补上它");
    assert_eq!(
        serde_json::to_value(&p).unwrap()["code"],
        "dangling-reference"
    );
}
