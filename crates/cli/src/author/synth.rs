//! Synthetic reports for tests and benchmarks: any number of sections and
//! charts, deterministic for a seed. Everything in them says it is
//! synthetic (title, note, every source) and none of it is real data; they
//! are never shipped as reports.

use serde_json::{json, Value};

use report_format::{parse_report, Indexed, LoadError};

/// What every synthetic source says it is.
pub const SYNTHETIC: &str = "合成数据,仅供测试,并非真实统计";

/// Phrases the paragraphs are made of (generic administrative wording, no
/// real figures).
const PHRASES: [&str; 8] = [
    "持续推进依法行政",
    "完善行政执法监督机制",
    "规范重大行政决策程序",
    "深化政务公开",
    "加强行政复议和应诉工作",
    "提升基层治理法治化水平",
    "健全行政规范性文件管理",
    "强化法治宣传教育",
];

/// A small deterministic generator (64-bit LCG): the same seed gives the
/// same report on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A synthetic report with `sections` sections in all (parts of up to 50,
/// each part's first level below it holding the rest) and `charts` charts
/// spread evenly over them (at most one per section); each section has two paragraphs, every tenth a
/// list and a key figure. Checked with the viewer's own validation.
pub fn synthetic_report(sections: usize, charts: usize, seed: u64) -> Result<Indexed, LoadError> {
    parse_report(&synthetic_json(sections, charts, seed).to_string())
}

/// [`synthetic_report`] as JSON.
pub fn synthetic_json(sections: usize, charts: usize, seed: u64) -> Value {
    let mut rng = Lcg(seed);
    let sections = sections.max(1);
    let parts = sections.div_ceil(50);
    let mut figures = Vec::new();
    let mut chart_list = Vec::new();
    let mut made = 0usize;
    let mut section = |rng: &mut Lcg, id: String, number: String, kids: Vec<Value>| {
        let n = made;
        made += 1;
        let count = 100 + rng.below(9900);
        let mut text = String::new();
        for _ in 0..6 {
            text += PHRASES[rng.below(PHRASES.len() as u64) as usize];
            text += ",";
        }
        text += &format!("全年办理相关事项{count}件(合成数据)。");
        let mut blocks = vec![
            json!({"type": "paragraph", "id": format!("p-{id}-a"), "text": text}),
            json!({"type": "paragraph", "id": format!("p-{id}-b"),
                   "text": format!("本节为第{}节合成内容,用于测试长报告的加载、展开和检索。", n + 1)}),
        ];
        if n.is_multiple_of(10) {
            let fid = format!("fig-{id}");
            figures.push(json!({
                "id": fid, "label": "办理相关事项", "unit": "件",
                "value": {"value": count, "source": {"kind": "paragraph",
                    "paragraph": format!("p-{id}-a"), "quote": format!("办理相关事项{count}件")}}
            }));
            blocks.push(json!({"type": "figures", "id": format!("figs-{id}"), "figures": [fid]}));
            blocks.push(
                json!({"type": "list", "id": format!("l-{id}"), "ordered": false,
                "items": PHRASES[..3].iter().map(|p| format!("{p}(合成)")).collect::<Vec<_>>()}),
            );
        }
        // Charts go to evenly spaced sections.
        if charts > 0 && n * charts / sections != (n + 1) * charts / sections {
            let cid = format!("chart-{}", chart_list.len() + 1);
            let years: Vec<String> = (2015..2025).map(|y| y.to_string()).collect();
            let series: Vec<Value> = (0..1 + rng.below(3))
                .map(|s| {
                    let mut v = 50 + rng.below(500);
                    json!({
                        "id": format!("{cid}-s{s}"), "name": format!("合成系列{}", s + 1), "unit": "件",
                        "points": years.iter().map(|y| {
                            v = (v + rng.below(120)).saturating_sub(50).max(1);
                            json!({"x": y, "value": {"value": v, "source": {
                                "kind": "external", "url": "https://example.org/synthetic",
                                "publisher": SYNTHETIC, "quote": SYNTHETIC}}})
                        }).collect::<Vec<_>>()
                    })
                })
                .collect();
            chart_list.push(json!({
                "id": cid, "title": format!("合成图表{}", chart_list.len() + 1),
                "kind": if chart_list.len() % 2 == 0 { "bar" } else { "line" },
                "unit": "件", "x_label": "年份", "categories": years, "series": series,
                "description": format!("{SYNTHETIC}:随机生成的十年数值。"),
            }));
            blocks.push(json!({"type": "chart", "chart": cid}));
        }
        json!({"id": id, "number": number, "title": format!("合成章节{}", n + 1),
               "blocks": blocks, "sections": kids})
    };
    let mut top = Vec::new();
    let mut left = sections;
    for p in 0..parts {
        left -= 1;
        let kids_n = (sections - parts).div_ceil(parts).min(left);
        left -= kids_n;
        // The part's own section comes first, as in reading order.
        let part_id = format!("s{}", p + 1);
        let mut part = section(&mut rng, part_id.clone(), format!("{}、", p + 1), vec![]);
        let kids: Vec<Value> = (0..kids_n)
            .map(|k| {
                section(
                    &mut rng,
                    format!("{part_id}-{}", k + 1),
                    format!("({})", k + 1),
                    vec![],
                )
            })
            .collect();
        part["sections"] = Value::Array(kids);
        top.push(part);
    }
    json!({
        "format_version": 1,
        "meta": {
            "title": format!("合成测试报告({sections}节、{charts}个图表)"),
            "issuer": "测试用合成数据", "region": "无", "period": "无", "language": "zh-CN",
            "note": format!("{SYNTHETIC}。本报告由 report synth 生成,只用于测试和性能基准,不得作为真实报告发布。")
        },
        "preamble": [{"type": "paragraph", "id": "p-intro",
                      "text": "这是一份合成的测试报告,全部内容和数字均为随机生成。"}],
        "sections": top,
        "closing": [{"type": "paragraph", "id": "p-closing", "text": "合成报告到此结束。"}],
        "figures": figures,
        "charts": chart_list,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(s: &[report_format::Section]) -> usize {
        s.iter().map(|s| 1 + count(&s.sections)).sum()
    }

    #[test]
    fn sizes_are_as_asked_and_the_report_is_valid() {
        for (n, c) in [(1, 0), (7, 3), (1000, 200), (120, 120)] {
            let r = synthetic_report(n, c, 1).expect("valid");
            assert_eq!(count(&r.sections), n, "{n} sections");
            assert_eq!(r.charts.len(), c, "{c} charts");
            assert!(r.meta.title.contains("合成"));
            assert!(r
                .charts
                .iter()
                .flat_map(|c| &c.series)
                .flat_map(|s| &s.points)
                .all(|p| matches!(&p.value.source,
                    report_format::Provenance::External { publisher, .. } if publisher == SYNTHETIC)));
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_report() {
        assert_eq!(synthetic_json(50, 10, 7), synthetic_json(50, 10, 7));
        assert_ne!(synthetic_json(50, 10, 7), synthetic_json(50, 10, 8));
    }
}
