//! A perfect hash from code numbers to table indices, built at generation time, so that
//! `from_code` is constant time however sparse the codes are (a `match` on sparse integers
//! compiles to a binary search).
//!
//! Hash and displace: each code falls in a bucket by one hash; each bucket gets the first
//! displacement seed under which all its codes land in free slots. A lookup is two hashes,
//! three array reads and one comparison.

use proc_macro2::TokenStream;
use quote::quote;

/// The mixing function, the same one the generated code contains (see [`mix_tokens`]).
pub const fn mix(code: u32, seed: u32) -> u32 {
    let mut x = ((seed as u64) << 32 | code as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (x >> 32) as u32
}

/// The generated twin of [`mix`]; a test looks up every code through the generated table,
/// which fails if the two ever differ.
pub fn mix_tokens() -> TokenStream {
    quote! {
        const fn mix(code: u32, seed: u32) -> u32 {
            let mut x = ((seed as u64) << 32 | code as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            x ^= x >> 29;
            x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
            (x >> 32) as u32
        }
    }
}

/// A built table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Seed of the bucket hash.
    pub seed: u32,
    /// Per bucket, the seed of the slot hash.
    pub displacements: Vec<u32>,
    /// Per slot, the index of the code plus one; 0 for an empty slot.
    pub slots: Vec<u32>,
}

impl Table {
    /// The index of `code` in the list the table was built from, if it is there.
    pub fn lookup(&self, code: u32, codes: &[u32]) -> Option<usize> {
        let bucket = mix(code, self.seed) as usize % self.displacements.len();
        let slot = mix(code, self.displacements[bucket]) as usize % self.slots.len();
        let index = (self.slots[slot] as usize).checked_sub(1)?;
        (codes.get(index) == Some(&code)).then_some(index)
    }
}

/// Build the table for distinct `codes`. Deterministic: the same codes give the same table.
pub fn build(codes: &[u32]) -> Table {
    let bucket_count = codes.len().div_ceil(4).max(1);
    let slot_count = (codes.len() + codes.len() / 4).max(1);
    // A bucket seed that leaves some bucket unplaceable is abandoned for the next one; with
    // 80% load this practically never happens, and the loop bound keeps it finite anyway.
    for seed in 0..1024 {
        if let Some(table) = try_build(codes, seed, bucket_count, slot_count) {
            return table;
        }
    }
    // Unreachable for distinct codes in practice; fall back to a table with one slot per
    // possible bucket collision resolved by a larger slot array.
    try_build(codes, 0, bucket_count, codes.len() * 4 + 1).unwrap_or_else(|| Table {
        seed: 0,
        displacements: vec![0],
        slots: vec![0],
    })
}

fn try_build(codes: &[u32], seed: u32, bucket_count: usize, slot_count: usize) -> Option<Table> {
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); bucket_count];
    for (index, code) in codes.iter().enumerate() {
        buckets[mix(*code, seed) as usize % bucket_count].push(index);
    }
    let mut order: Vec<usize> = (0..bucket_count).collect();
    // Largest buckets first, ties by bucket number so the result is deterministic.
    order.sort_by(|a, b| buckets[*b].len().cmp(&buckets[*a].len()).then(a.cmp(b)));
    let mut displacements = vec![0u32; bucket_count];
    let mut slots = vec![0u32; slot_count];
    let mut taken = Vec::with_capacity(8);
    for bucket in order {
        let members = &buckets[bucket];
        if members.is_empty() {
            continue;
        }
        let placed = (1..=1u32 << 20).find(|displacement| {
            taken.clear();
            for index in members {
                let slot = mix(codes[*index], *displacement) as usize % slot_count;
                if slots[slot] != 0 || taken.contains(&slot) {
                    return false;
                }
                taken.push(slot);
            }
            true
        })?;
        displacements[bucket] = placed;
        for index in members {
            let slot = mix(codes[*index], placed) as usize % slot_count;
            slots[slot] = u32::try_from(*index + 1).ok()?;
        }
    }
    Some(Table {
        seed,
        displacements,
        slots,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_code_and_nothing_else() {
        for codes in [
            vec![
                4700, 4701, 4702, 4703, 4704, 4705, 4706, 4710, 4742, 400, 401, 403, 404, 405, 501,
            ],
            (0..10_000).map(|i| i * 7 + 3).collect::<Vec<u32>>(),
            vec![0],
            vec![u32::MAX, 0, 1],
        ] {
            let table = build(&codes);
            for (index, code) in codes.iter().enumerate() {
                assert_eq!(table.lookup(*code, &codes), Some(index), "code {code}");
            }
            for absent in [5, 4707, 9_999_999, 70_001] {
                if !codes.contains(&absent) {
                    assert_eq!(table.lookup(absent, &codes), None);
                }
            }
            assert_eq!(build(&codes), table, "deterministic");
        }
    }
}
