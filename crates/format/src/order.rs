//! Sorting, once, for the lookups that must scale: the report index, a
//! chart's categories, a chart's distinct sources.
//!
//! One sort routine serves them all: it orders indices through a
//! `dyn` comparison, so the WASM carries one copy of it however many
//! kinds of key are sorted (std's sorts are generic over the element and
//! the comparison, and each use would link its own copy). Which routine
//! that is, a hand-written heap sort or std's, is decided by the table
//! `make size-check` prints; see ARCHITECTURE.md.

use std::cmp::Ordering;

/// The indices `0..n` ordered by `cmp`, equal ones in index order (so the
/// result is what a stable sort gives). O(n log n) in every case.
pub fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    // Heap sort: a few hundred bytes of WASM where std's sorts cost
    // kilobytes (see the module's note).
    fn sift(
        v: &mut [usize],
        mut root: usize,
        end: usize,
        cmp: &mut dyn FnMut(usize, usize) -> Ordering,
    ) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && cmp(v[child], v[child + 1]) == Ordering::Less {
                child += 1;
            }
            if cmp(v[root], v[child]) != Ordering::Less {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let mut total = |a: usize, b: usize| cmp(a, b).then(a.cmp(&b));
    let mut v: Vec<usize> = (0..n).collect();
    for start in (0..n / 2).rev() {
        sift(&mut v, start, n, &mut total);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(&mut v, 0, end, &mut total);
    }
    v
}

/// For each of `keys`, whether an equal key comes before it: the
/// repeats, found by sorting rather than by looking each up among those
/// before (quadratic: 300,000 categories took 9 s).
pub fn repeats(n: usize, eq_cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<bool> {
    let order = sorted_indices(n, eq_cmp);
    let mut out = vec![false; n];
    for w in order.windows(2) {
        if eq_cmp(w[0], w[1]) == Ordering::Equal {
            out[w[1]] = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_sort_like_a_stable_std_sort() {
        for n in [0usize, 1, 2, 3, 10, 1000] {
            // A scrambled sequence with repeats.
            let keys: Vec<u32> = (0..n as u32).map(|i| (i * 7919) % 97).collect();
            let got = sorted_indices(n, &mut |a, b| keys[a].cmp(&keys[b]));
            let mut want: Vec<usize> = (0..n).collect();
            want.sort_by_key(|&i| keys[i]);
            assert_eq!(got, want, "n = {n}");
        }
    }

    #[test]
    fn repeats_are_every_use_after_the_first() {
        let keys = ["b", "a", "b", "c", "a", "b"];
        assert_eq!(
            repeats(keys.len(), &mut |a, b| keys[a].cmp(keys[b])),
            [false, false, true, false, true, true]
        );
        assert!(repeats(0, &mut |_, _| Ordering::Equal).is_empty());
    }
}
