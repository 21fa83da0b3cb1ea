//! A small stable sort for the short lists of this app (findings, drafts,
//! grid lines, keys built once).
//!
//! The standard library's sorts are fast but large: every instantiation adds
//! several kilobytes to the WebAssembly module, which has a size budget. An
//! insertion sort is a few hundred bytes and quick for lists of this size.

/// Sorts `items` by `key`, keeping equal items in their order.
pub fn by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
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
    }
}
