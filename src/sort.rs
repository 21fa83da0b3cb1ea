//! A small stable sort for the short lists of this app (findings, drafts,
//! grid lines, keys built once).
//!
//! The standard library's sorts are fast but large: every instantiation adds
//! several kilobytes to the WebAssembly module, which has a size budget. An
//! insertion sort is a few hundred bytes and quick for lists of this size.

/// Sorts `items` by `key`, keeping equal items in their order.
pub fn by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(items, |a, b| key(a) > key(b));
}

/// Sorts `items` so that no item is `after` the one following it, keeping
/// equal items in their order. For keys borrowed from the items (a
/// string compared in place, not cloned at each comparison).
pub fn by<T>(items: &mut [T], mut after: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && after(&items[j - 1], &items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        super::by_key(&mut empty, |x| *x);
        let mut words = vec![("b", 1), ("a", 2), ("b", 3), ("a", 4)];
        super::by(&mut words, |x, y| x.0 > y.0);
        assert_eq!(words, [("a", 2), ("a", 4), ("b", 1), ("b", 3)]);
    }
}
