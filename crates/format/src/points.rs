//! Which point of a series stands in which category, and a chart's
//! distinct sources. The table, the CSV, the summary, both kinds of chart
//! and validation find points through these, so they must scale: each
//! sorts once and then looks up in O(log n), whatever order the points are
//! in (10,000 shuffled points used to cost 50 million comparisons).

use crate::order::sorted_indices;
use crate::report::{Chart, Series};
use crate::value::Provenance;

/// A chart's categories sorted once, for finding a category by name.
pub struct Categories<'a> {
    names: &'a [String],
    sorted: Vec<usize>,
}

impl<'a> Categories<'a> {
    /// Sorts `chart`'s categories.
    pub fn of(chart: &'a Chart) -> Categories<'a> {
        let names = &chart.categories[..];
        let sorted = sorted_indices(names.len(), &mut |a, b| names[a].cmp(&names[b]));
        Categories { names, sorted }
    }

    /// The index of category `name` (its first listing, if listed twice).
    pub fn find(&self, name: &str) -> Option<usize> {
        let at = self
            .sorted
            .partition_point(|&i| self.names[i].as_str() < name);
        self.sorted
            .get(at)
            .copied()
            .filter(|&i| self.names[i] == name)
    }

    /// For each category, the index of `series`' point in it (the first,
    /// if unchecked data has two); `None` where it has none.
    pub fn points_of(&self, series: &Series) -> Vec<Option<usize>> {
        let mut at = vec![None; self.names.len()];
        for (pi, p) in series.points.iter().enumerate() {
            if let Some(ci) = self.find(&p.x) {
                at[ci].get_or_insert(pi);
            }
        }
        at
    }
}

/// For each of `chart`'s categories, the index of `series`' point in it.
pub fn category_points(chart: &Chart, series: &Series) -> Vec<Option<usize>> {
    Categories::of(chart).points_of(series)
}

/// [`category_points`] for every series of `chart`, sorting once.
pub fn chart_points(chart: &Chart) -> Vec<Vec<Option<usize>>> {
    let cats = Categories::of(chart);
    chart.series.iter().map(|s| cats.points_of(s)).collect()
}

/// `(category index, point index)` of the points of `series`, in category
/// order, leaving out points whose category `chart` lacks.
pub fn category_order(chart: &Chart, series: &Series) -> Vec<(usize, usize)> {
    category_points(chart, series)
        .into_iter()
        .enumerate()
        .filter_map(|(ci, pi)| Some((ci, pi?)))
        .collect()
}

/// Each distinct source of a chart's values once, in first-use order.
/// Sorted, not searched: looking each source up among those seen before
/// took 23 s for 50,000 points with sources of their own.
pub fn distinct_sources(chart: &Chart) -> Vec<Provenance> {
    let all: Vec<&Provenance> = chart
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| &p.value.source)
        .collect();
    let repeat = crate::order::repeats(all.len(), &mut |a, b| all[a].cmp(all[b]));
    all.into_iter()
        .zip(repeat)
        .filter(|&(_, repeat)| !repeat)
        .map(|(p, _)| p.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ChartKind, Point};
    use crate::value::{Qualifier, Value};

    fn ext(q: &str) -> Provenance {
        Provenance::External {
            url: "https://example.org/".into(),
            publisher: "p".into(),
            quote: q.into(),
            note: None,
        }
    }

    /// A chart with categories `cats` and one series whose points name `xs`.
    pub(crate) fn chart_of(cats: &[&str], xs: &[&str]) -> Chart {
        Chart {
            id: "c".into(),
            title: "t".into(),
            kind: ChartKind::Line,
            unit: "件".into(),
            x_label: "年份".into(),
            categories: cats.iter().map(|s| s.to_string()).collect(),
            series: vec![Series {
                id: "s".into(),
                name: "s".into(),
                unit: "件".into(),
                points: xs
                    .iter()
                    .map(|x| Point {
                        x: x.to_string(),
                        value: Value {
                            value: 1.0,
                            qualifier: Qualifier::Exact,
                            source: ext("q"),
                        },
                    })
                    .collect(),
            }],
            description: "d".into(),
            notes: vec![],
        }
    }

    #[test]
    fn points_find_their_categories_in_any_order() {
        let c = chart_of(&["a", "b", "c", "d", "e"], &["c", "a", "zz", "d", "b", "a"]);
        let s = &c.series[0];
        // The first point of a category counts; unknown categories are left out.
        assert_eq!(
            category_points(&c, s),
            [Some(1), Some(4), Some(0), Some(3), None]
        );
        assert_eq!(category_order(&c, s), [(0, 1), (1, 4), (2, 0), (3, 3)]);
        let none = chart_of(&[], &["a"]);
        assert!(category_points(&none, &none.series[0]).is_empty());
        assert_eq!(Categories::of(&c).find("d"), Some(3));
        assert_eq!(Categories::of(&c).find("zz"), None);
    }

    #[test]
    fn ten_thousand_shuffled_points_are_ordered() {
        let names: Vec<String> = (0..10_000).map(|i| format!("x{i:05}")).collect();
        let cats: Vec<&str> = names.iter().map(String::as_str).collect();
        // A fixed shuffle: i * 7919 mod 10,000 visits every index once.
        let shuffled: Vec<&str> = (0..10_000).map(|i| cats[(i * 7919) % 10_000]).collect();
        let c = chart_of(&cats, &shuffled);
        let order = category_order(&c, &c.series[0]);
        assert_eq!(order.len(), 10_000);
        assert!(order
            .iter()
            .enumerate()
            .all(|(i, &(ci, pi))| ci == i && (pi * 7919) % 10_000 == i));
    }

    #[test]
    fn each_source_once_in_first_use_order() {
        let mut c = chart_of(&["a", "b", "c", "d", "e"], &["a", "b", "c", "d", "e"]);
        for (p, q) in c.series[0].points.iter_mut().zip(["z", "y", "z", "x", "y"]) {
            p.value.source = ext(q);
        }
        assert_eq!(distinct_sources(&c), [ext("z"), ext("y"), ext("x")]);
        // 20,000 points, each with a source of its own, and each again.
        let one = c.series[0].points[0].clone();
        c.series[0].points = (0..40_000)
            .map(|i| Point {
                value: Value {
                    source: ext(&format!("q{}", i % 20_000)),
                    ..one.value.clone()
                },
                ..one.clone()
            })
            .collect();
        let d = distinct_sources(&c);
        assert_eq!(d.len(), 20_000);
        assert_eq!(d[19_999], ext("q19999"));
    }
}
