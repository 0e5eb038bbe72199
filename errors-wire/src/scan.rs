//! Word-at-a-time byte search: eight bytes per step in plain safe code, which keeps the
//! renderers and readers ahead of the serde-based ones on short, mostly plain strings.
//!
//! Each mask sets the high bit of a flagged byte. The tricks may also flag a byte *after*
//! a truly flagged one (a borrow carries upward), never before, so the lowest set bit, the
//! only one used, is always exact.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Flags the bytes equal to `byte`.
#[inline]
pub(crate) const fn eq(word: u64, byte: u8) -> u64 {
    let x = word ^ (LO * byte as u64);
    x.wrapping_sub(LO) & !x & HI
}

/// Flags the bytes below `n`, for `n <= 0x80`.
#[inline]
pub(crate) const fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(LO * n as u64) & !word & HI
}

/// Flags the bytes outside ASCII.
#[inline]
pub(crate) const fn non_ascii(word: u64) -> u64 {
    word & HI
}

/// The index of the first byte that `mask` flags, or `bytes.len()` when there is none.
#[inline]
pub(crate) fn first(bytes: &[u8], mask: impl Fn(u64) -> u64) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let flags = mask(word);
        if flags != 0 {
            return at + (flags.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    // A lone byte in the lowest position: its own flag is exact, whatever the zero bytes
    // above it get.
    let tail = chunks.remainder();
    at + tail
        .iter()
        .position(|&b| mask(u64::from(b)) & 0x80 != 0)
        .unwrap_or(tail.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(bytes: &[u8], flag: impl Fn(u8) -> bool) -> usize {
        bytes.iter().position(|&b| flag(b)).unwrap_or(bytes.len())
    }

    #[test]
    fn agrees_with_a_byte_loop() {
        let json = |w| eq(w, b'"') | eq(w, b'\\') | below(w, 0x20);
        let json_byte = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
        let php = |w| json(w) | eq(w, b'/') | non_ascii(w);
        let php_byte = |b: u8| json_byte(b) || b == b'/' || b >= 0x80;
        // Every byte value at every position of a 0..20-byte haystack, over two fillers
        // chosen to sit next to the flagged values.
        for filler in [b'!', 0x21 ^ 0x01, b']', 0x7f] {
            for len in 0..20 {
                for at in 0..len {
                    for b in 0..=255u8 {
                        let mut bytes = vec![filler; len];
                        bytes[at] = b;
                        assert_eq!(first(&bytes, json), naive(&bytes, json_byte), "{bytes:?}");
                        assert_eq!(first(&bytes, php), naive(&bytes, php_byte), "{bytes:?}");
                    }
                }
            }
        }
        // Haystacks with many flagged bytes, from a fixed pseudo-random sequence.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let len = (state % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state.to_le_bytes()[3]
                })
                .collect();
            assert_eq!(first(&bytes, json), naive(&bytes, json_byte), "{bytes:?}");
            assert_eq!(first(&bytes, php), naive(&bytes, php_byte), "{bytes:?}");
        }
    }
}
