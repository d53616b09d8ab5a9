//! A set of strings kept as a sorted vector, and a sort of indices.
//!
//! The viewer needs small sets of ids (to find duplicates, to know which
//! sections are closed). `HashSet` brings SipHash and hashbrown into the
//! WASM, `BTreeSet` its node code; a sorted vector with binary search does
//! the same job in a fraction of the bytes, and ids come in few enough that
//! inserting into the middle costs nothing a reader could notice.

use std::cmp::Ordering;

/// A set of strings (`&str` or `String`), sorted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StrSet<S> {
    items: Vec<S>,
}

impl<S: AsRef<str>> StrSet<S> {
    /// An empty set.
    pub fn new() -> Self {
        StrSet { items: Vec::new() }
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.items.binary_search_by(|x| x.as_ref().cmp(key))
    }

    /// Adds `item`; `false` if it was there already.
    pub fn insert(&mut self, item: S) -> bool {
        match self.find(item.as_ref()) {
            Ok(_) => false,
            Err(at) => {
                self.items.insert(at, item);
                true
            }
        }
    }

    /// Whether `key` is in the set.
    pub fn contains(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Removes `key`; `false` if it was not there.
    pub fn remove(&mut self, key: &str) -> bool {
        match self.find(key) {
            Ok(at) => {
                self.items.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// Empties the set.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items in sorted order.
    pub fn iter(&self) -> std::slice::Iter<'_, S> {
        self.items.iter()
    }
}

impl<S: AsRef<str>> Extend<S> for StrSet<S> {
    fn extend<I: IntoIterator<Item = S>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

/// The indices `0..n` ordered by `cmp`, by heap sort: O(n log n) in every
/// case, and a few hundred bytes of WASM where std's sorts cost kilobytes
/// for each element type (see the module's note). Not stable: make `cmp`
/// total, e.g. by comparing the indices last.
pub fn sorted_indices(n: usize, mut cmp: impl FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    // Moves `v[root]` down until both children are not greater.
    fn sift(
        v: &mut [usize],
        mut root: usize,
        end: usize,
        cmp: &mut impl FnMut(usize, usize) -> Ordering,
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
    let mut v: Vec<usize> = (0..n).collect();
    for start in (0..n / 2).rev() {
        sift(&mut v, start, n, &mut cmp);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(&mut v, 0, end, &mut cmp);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_sort_like_std() {
        for n in [0usize, 1, 2, 3, 10, 1000] {
            // A scrambled sequence with repeats.
            let keys: Vec<u32> = (0..n as u32).map(|i| (i * 7919) % 97).collect();
            let got = sorted_indices(n, |a, b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
            let mut want: Vec<usize> = (0..n).collect();
            want.sort_by_key(|&i| (keys[i], i));
            assert_eq!(got, want, "n = {n}");
        }
    }

    #[test]
    fn keeps_items_sorted_and_unique() {
        let mut s = StrSet::new();
        assert!(s.insert("b"));
        assert!(s.insert("a"));
        assert!(!s.insert("b"));
        assert!(s.contains("a") && !s.contains("c"));
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), ["a", "b"]);
        assert!(s.remove("a") && !s.remove("a"));
        let mut owned: StrSet<String> = StrSet::new();
        owned.insert("x".to_string());
        assert!(owned.contains("x"));
        owned.clear();
        assert!(owned.is_empty());
    }
}
