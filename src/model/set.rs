//! A set of strings kept as a sorted vector.
//!
//! The viewer needs small sets of ids (to find duplicates, to know which
//! sections are closed). `HashSet` brings SipHash and hashbrown into the
//! WASM, `BTreeSet` its node code; a sorted vector with binary search does
//! the same job in a fraction of the bytes, and ids come in few enough that
//! inserting into the middle costs nothing a reader could notice.

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

#[cfg(test)]
mod tests {
    use super::*;

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
