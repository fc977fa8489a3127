//! A stable sort by a small integer key that costs one shared sort in the wasm.
//!
//! `sort_by_key` is a stable merge sort whose code is instantiated for every element type and
//! key closure, about 5 KB of wasm each; the three sorts in key inspection cost 16 KB. Here
//! every caller shares one `sort_unstable` of plain `u64`s (key above, position below, so equal
//! keys keep their order), and only the small reordering loop is per type.

/// Sorts `items` by `key`, keeping items with equal keys in their original order.
pub fn sort_stable_by_u32<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u32) {
    let mut order: Vec<u64> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (u64::from(key(item)) << 32) | i as u64)
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&o| slots.get_mut((o & 0xffff_ffff) as usize)?.take()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_ties_in_order() {
        let mut v = vec![
            (3, 'a'),
            (1, 'b'),
            (3, 'c'),
            (0, 'd'),
            (1, 'e'),
            (u32::MAX, 'f'),
        ];
        sort_stable_by_u32(&mut v, |&(k, _)| k);
        assert_eq!(
            v,
            vec![
                (0, 'd'),
                (1, 'b'),
                (1, 'e'),
                (3, 'a'),
                (3, 'c'),
                (u32::MAX, 'f')
            ]
        );
        let mut empty: Vec<u8> = Vec::new();
        sort_stable_by_u32(&mut empty, |&b| u32::from(b));
        assert!(empty.is_empty());
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in [1usize, 2, 7, 64, 1000] {
            let v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    ((state % 9) as u32, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_stable_by_u32(&mut ours, |&(k, _)| k);
            let mut std = v;
            std.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std);
        }
    }
}
