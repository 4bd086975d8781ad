//! Stable sorting for the short lists the widget sorts (a few dozen items at most): an
//! insertion sort weighs about 100 bytes of wasm, each use of the standard sort about 4 KB.

/// Sorts `items` by `key`, keeping the order of equal keys, like `slice::sort_by_key`.
/// Quadratic: only for short lists.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
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
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            super::sort_by_key(&mut ours, |(key, _)| *key);
            let mut standard = items;
            standard.sort_by_key(|(key, _)| *key);
            prop_assert_eq!(ours, standard);
        }
    }
}
