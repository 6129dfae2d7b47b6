//! Vector and word-at-a-time helpers of the trie scan: sixteen-byte compares, eight bytes
//! folded at once, and the bit sets its filters use. No knowledge of keys or nodes.

use wide::{bytemuck, i8x16, u8x16};

/// One in each byte of a word.
pub(super) const ONES: u64 = 0x0101_0101_0101_0101;

/// The bytes of a block that [`Trie::masks`] (and the matcher's table of sentence ends)
/// classifies at once.
pub(in crate::matcher) const BLOCK: usize = 64;

/// Sixteen bytes of a block as a vector.
#[inline]
pub(in crate::matcher) fn vector(bytes: &[u8; BLOCK], at: usize) -> i8x16 {
    let mut lane = [0u8; 16];
    if let Some(chunk) = bytes.get(at..at + 16) {
        lane.copy_from_slice(chunk);
    }
    bytemuck::cast(lane)
}

/// One bit per byte of `v` whose high bit is set.
#[inline]
pub(in crate::matcher) fn bits(v: i8x16) -> u64 {
    u64::from(bytemuck::cast::<i8x16, u8x16>(v).to_bitmask())
}

/// Where the bytes of `x` are word characters (ASCII letter, digit or `_`): all ones.
#[inline]
pub(super) fn word_lanes(x: i8x16) -> i8x16 {
    // Signed compares: bytes from 0x80 are negative, so never in the ASCII ranges.
    let lower = x | i8x16::splat(0x20);
    let letter =
        lower.simd_gt(i8x16::splat(b'a' as i8 - 1)) & lower.simd_lt(i8x16::splat(b'z' as i8 + 1));
    let digit = x.simd_gt(i8x16::splat(b'0' as i8 - 1)) & x.simd_lt(i8x16::splat(b'9' as i8 + 1));
    letter | digit | x.simd_eq(i8x16::splat(b'_' as i8))
}

/// Eight bytes with the ASCII capitals lowercased, as [`fold`] does one.
#[inline]
pub(super) fn fold8(x: u64) -> u64 {
    pub(super) const HIGH: u64 = ONES * 0x80;
    let low = x & !HIGH;
    let at_least_a = low + ONES * u64::from(0x80 - b'A');
    let above_z = low + ONES * u64::from(0x80 - b'Z' - 1);
    let capitals = at_least_a & !above_z & !x & HIGH;
    x | (capitals >> 2)
}

/// Eight bytes from `at` (zeros past the end) and the mask of the real ones, one bit each.
#[inline]
pub(super) fn load(bytes: &[u8], at: usize) -> (u64, u64) {
    match bytes.get(at..at + 8) {
        Some(chunk) => (
            u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default()),
            0xFF,
        ),
        None => {
            let rest = bytes.get(at..).unwrap_or_default();
            let mut buf = [0u8; 8];
            for (slot, &b) in buf.iter_mut().zip(rest) {
                *slot = b;
            }
            (u64::from_le_bytes(buf), (1u64 << rest.len()) - 1)
        }
    }
}

/// The first `len` bytes (1 to 8) of `x`, the others zero.
#[inline]
pub(super) fn first_bytes(x: u64, len: u32) -> u64 {
    x & (u64::MAX >> (64 - 8 * len))
}

/// A set of `2^N` bits (`N` from 6 to 63), read and set by index or by a value hashed to one
/// (its hash's top `N` bits): the trie's filters ([`Starts`], [`Words::open`]).
#[derive(Debug, Clone, Default)]
pub(super) struct Bits<const N: u32> {
    pub(super) words: Vec<u64>,
}

impl<const N: u32> Bits<N> {
    /// All clear.
    pub(super) fn new() -> Bits<N> {
        Bits {
            words: vec![0; 1 << N.saturating_sub(6)],
        }
    }

    pub(super) fn insert(&mut self, index: usize) {
        if let Some(word) = self.words.get_mut(index >> 6) {
            *word |= 1 << (index & 63);
        }
    }

    #[inline]
    pub(super) fn contains(&self, index: usize) -> bool {
        self.words
            .get(index >> 6)
            .is_some_and(|w| w >> (index & 63) & 1 != 0)
    }

    #[inline]
    pub(super) fn hashed(&self, value: u64) -> usize {
        (value.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - N)) as usize
    }

    pub(super) fn insert_hashed(&mut self, value: u64) {
        self.insert(self.hashed(value));
    }

    #[inline]
    pub(super) fn contains_hashed(&self, value: u64) -> bool {
        self.contains(self.hashed(value))
    }
}
