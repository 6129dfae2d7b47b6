//! The trie's entry tables: where a walk may begin. [`Words`] maps a text word to the trie
//! node after it; [`Starts`] filters the starts of keys that begin with a non-word byte.

use super::vectors::{Bits, ONES, first_bytes, fold8, load};
use super::{Trie, WHOLE_WORD, fold, is_word};

/// Which starts of keys that begin with a non-word byte (`.net`, `'static`, CJK text) the
/// text may hold, from their first six bytes (folded): most such bytes of a text (a full stop,
/// or a CJK character that begins no key, or no key with the character after it) start none,
/// and cost three bit tests instead of a walk. A key shorter than six bytes is known by its
/// first three, or two, or its only one.
#[derive(Debug, Clone, Default)]
pub(super) struct Starts {
    /// Set by the first six bytes of every key of six bytes or more.
    pub(super) six: Bits<START_BITS>,
    /// Set by the first three bytes of every key of three to five bytes.
    pub(super) three: Bits<START_BITS>,
    /// One bit per pair of bytes (the first, then the second): set for the first two bytes of
    /// a key of two bytes, and for every pair beginning with a key of one byte.
    pub(super) two: Bits<16>,
}

/// Bits of the [`Starts::six`] and [`Starts::three`] filters (64 Kbit: 8 KB each).
pub(super) const START_BITS: u32 = 16;

impl Starts {
    pub(super) fn new<'k>(keys: impl Iterator<Item = &'k [u8]>) -> Starts {
        let mut starts = Starts {
            six: Bits::new(),
            three: Bits::new(),
            two: Bits::new(),
        };
        for key in keys {
            let (x, _) = load(key, 0);
            match key.len() {
                6.. => starts.six.insert_hashed(first_bytes(x, 6)),
                3..6 => starts.three.insert_hashed(first_bytes(x, 3)),
                2 => starts.two.insert(Starts::pair(x)),
                1 => {
                    for b in 0..=u8::MAX {
                        starts.two.insert(Starts::pair(x | u64::from(b) << 8));
                    }
                }
                _ => {}
            }
        }
        starts
    }

    #[inline]
    pub(super) fn pair(x: u64) -> usize {
        (x & 0xFFFF) as usize
    }

    /// Whether a key that begins with a non-word byte may start at `at`.
    #[inline]
    pub(super) fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        // Past the end, zeros: a key cannot match there, and a false yes only costs a walk.
        let x = fold8(load(bytes, at).0);
        self.six.contains_hashed(first_bytes(x, 6))
            | self.three.contains_hashed(first_bytes(x, 3))
            | self.two.contains(Starts::pair(x))
    }
}

/// The longest word a [`Words`] entry holds in full.
pub(super) const LONG_WORD: usize = 16;

/// How many entries a cuckoo insertion moves before the table is made larger.
pub(super) const MAX_KICKS: usize = 64;

/// How many times the word table may double when an insertion fails.
pub(super) const MAX_DOUBLINGS: u32 = 4;

/// Where walks from a word start begin, found from the whole word.
///
/// A key that begins with a word character begins with a whole word of the text, unless it is
/// a single word that may be followed by more word characters (a `*` phrase or a pattern's
/// trigger). So the table maps each key's first word to the trie node it leads to: a walk from
/// a text word found there resumes at that node after the word, and a word not found starts no
/// key. A word that may carry an open single-word key is found by its first six bytes (keys of six
/// bytes or more), four (keys of four or five; three for a word of three) or its first byte (keys
/// shorter than three), and the walk runs from the word start as usual; so does a word longer than
/// [`LONG_WORD`] bytes whose first [`LONG_WORD`] bytes begin a key.
#[derive(Debug, Clone, Default)]
pub(super) struct Words {
    /// Cuckoo hashing: a word sits in one of two slots ([`Words::slots_of`]), so a lookup
    /// reads both and compares them without branches; an empty slot has `len` 0.
    pub(super) slots: Vec<WordSlot>,
    /// Set by the first four bytes of every word that may carry an open single-word key of
    /// three to five bytes (a word of three bytes: those three).
    pub(super) open: Bits<OPEN_BITS>,
    /// Set by the first six bytes of every open single-word key of six bytes or more: a word
    /// may carry one only if it begins with them.
    pub(super) open_six: Bits<OPEN_BITS>,
    /// Per first byte, whether an open single-word key shorter than three bytes starts with it.
    pub(super) open_short: Vec<bool>,
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct WordSlot {
    /// The word's first 16 bytes, folded (see [`fold_word`]), zero-padded.
    pub(super) lo: u64,
    pub(super) hi: u64,
    /// Where a walk after the word goes on: the node after the word and the space that must
    /// follow it, when the follow bits let the walk through only after a space, else the node
    /// after the word; 0: walk from the word start (a word longer than [`LONG_WORD`], or one
    /// that carries a shorter open key).
    pub(super) node: u32,
    /// The word's length ([`LEN_MASK`] bits: `LONG_WORD + 1` for a longer word, 0 for an
    /// empty slot) and the letters that may start the next word ([`Follow::letters`]).
    pub(super) meta: u32,
    /// [`Follow::bytes`].
    pub(super) bytes: u32,
    /// [`Follow::second`].
    pub(super) second: u32,
}

/// What may follow a word for a walk after it to find a key, from [`Trie::follows`]: the
/// byte right after the word, and, when that is a space, the first two letters of the next
/// word.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Follow {
    /// The bytes after the word that a walk may go on with: one bit per byte from 0x20 (the
    /// space) to 0x3F, [`OTHER_BYTE`] for any other, [`KEY_ENDS`] when a key ends with the
    /// word (the walk goes on whatever follows).
    pub(super) bytes: u32,
    /// The letters that may start the next word after a space: one bit each from
    /// [`FOLLOW_SHIFT`], and [`OTHER_FIRST`] for another byte.
    pub(super) letters: u32,
    /// The letters that may come second in that word, one bit each; [`NOT_A_LETTER`] for
    /// another byte; [`SPACE_ANY`] when anything may follow the space.
    pub(super) second: u32,
}

impl Follow {
    /// A walk goes on whatever follows.
    pub(super) const ANY: Follow = Follow {
        bytes: KEY_ENDS,
        letters: OTHER_FIRST,
        second: u32::MAX,
    };
}

/// [`Follow::bytes`]: a byte after the word outside 0x20..0x40. (The bit of `'0'`, which
/// never follows a word.)
pub(super) const OTHER_BYTE: u32 = 1 << 16;

/// [`Follow::bytes`]: a key ends with the word. (The bit of `'1'`.)
pub(super) const KEY_ENDS: u32 = 1 << 17;

/// [`Follow::second`]: a byte that is not a letter.
pub(super) const NOT_A_LETTER: u32 = 1 << 26;

/// The bits of [`WordSlot::meta`] that hold the word's length.
pub(super) const LEN_MASK: u32 = 0x1F;

/// The first bit of [`WordSlot::meta`] for the letters that may start the next word.
pub(super) const FOLLOW_SHIFT: u32 = 5;

/// [`Follow::letters`]: a byte that is not a letter may start the next word (the bit of the
/// 27th letter).
pub(super) const OTHER_FIRST: u32 = 1 << (FOLLOW_SHIFT + 26);

/// [`Follow::second`]: any letter or other byte may come second (a key ends one byte after
/// the space).
pub(super) const ANY_SECOND: u32 = SPACE_ANY - 1;

/// [`Follow::second`]: whatever follows the space after the word.
pub(super) const SPACE_ANY: u32 = 1 << 27;

/// What a word start leads to.
pub(super) enum Lookup {
    /// No key starts there.
    None,
    /// Walk from the word start.
    Walk,
    /// Walk from this node, at this offset (after the word, or after the space that follows
    /// it).
    After(u32, usize),
}

/// Up to eight bytes of a word from `at` (`len`, at most eight, count), folded to lower case,
/// zero-padded: ASCII word bytes OR 0x20 (letters lowercase, digits stay, `_` becomes 0x7F),
/// the same for text and keys. Branch-free: no bytes give 0.
#[inline]
pub(super) fn fold_word(bytes: &[u8], at: usize, len: usize) -> u64 {
    let (x, _) = load(bytes, at);
    let mask = u64::MAX
        .checked_shr(64 - 8 * len.min(8) as u32)
        .unwrap_or(0);
    (x & mask) | (mask & (ONES * 0x20))
}

/// A word's first sixteen bytes, folded ([`fold_word`]): how [`Words`] knows it.
#[inline]
pub(super) fn word_key(bytes: &[u8], start: usize, len: usize) -> (u64, u64) {
    (
        fold_word(bytes, start, len),
        fold_word(bytes, start + 8, len.saturating_sub(8)),
    )
}

/// Whether the text after a word (at `end`) lets a walk from the word's slot go on ([`Follow`]).
/// Branch-free: a byte past the letters (or the end) reads the last bit of each mask.
#[inline]
pub(super) fn followed(slot: &WordSlot, bytes: &[u8], end: usize) -> bool {
    let (next, first, second) = match bytes.get(end..end + 3) {
        Some(&[next, first, second]) => (next, first, second),
        _ => (
            bytes.get(end).copied().unwrap_or(0),
            bytes.get(end + 1).copied().unwrap_or(0),
            0,
        ),
    };
    let index = u32::from(next.wrapping_sub(0x20));
    let byte = if index < 32 { index } else { 16 };
    let first = u32::from(fold(first).wrapping_sub(b'a')).min(26);
    let second = u32::from(fold(second).wrapping_sub(b'a')).min(26);
    let letters = (slot.meta >> (FOLLOW_SHIFT + first) & slot.second >> second
        | slot.second >> SPACE_ANY.trailing_zeros())
        & 1
        != 0;
    let goes_on = slot.bytes >> byte & 1 != 0;
    (slot.bytes & KEY_ENDS != 0) | (goes_on & ((next != b' ') | letters))
}

/// What of a word of `len` bytes (its first eight folded: `lo`) the open filter is read by:
/// its first four bytes (a shorter word: all of it).
#[inline]
pub(super) fn open_prefix(lo: u64, len: usize) -> u64 {
    if len >= 4 { lo & 0xFFFF_FFFF } else { lo }
}

/// Bits of the [`Words::open`] filter (32 Kbit: 4 KB).
pub(super) const OPEN_BITS: u32 = 15;

/// The bytes that may follow in a word, folded as [`fold_word`] folds them.
pub(super) const FOLDED_WORD_BYTES: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789\x7f";

impl Words {
    /// The table for the trie's `keys` (folded, with their output ids).
    pub(super) fn new<'k>(trie: &Trie, keys: impl Iterator<Item = (&'k [u8], u32)>) -> Words {
        Words::build(trie, keys, None)
    }

    /// [`Words::new`], starting with `capacity` slots when given (for tests) and doubling them
    /// at most [`MAX_DOUBLINGS`] times while some word finds no place. A word that still finds
    /// none (only words made to collide could) is marked in the open filter instead: a text word
    /// like it then walks from its start, which finds every key there, only slower.
    pub(super) fn build<'k>(
        trie: &Trie,
        keys: impl Iterator<Item = (&'k [u8], u32)>,
        capacity: Option<usize>,
    ) -> Words {
        let mut words = Words {
            slots: Vec::new(),
            open: Bits::new(),
            open_six: Bits::new(),
            open_short: vec![false; 256],
        };
        // (word, length or LONG_WORD + 1, node after it or 0: walk from the start)
        let mut entries: Vec<(&[u8], usize, u32)> = Vec::new();
        for (key, id) in keys {
            let run = key.iter().take_while(|&&b| is_word(b)).count();
            let Some(first) = key.get(..run).filter(|w| !w.is_empty()) else {
                continue;
            };
            let whole_word = id & WHOLE_WORD != 0;
            if run == key.len() && !whole_word {
                // Open: any longer word may carry it.
                match run {
                    6.. => words.open_six.insert_hashed(fold_word(first, 0, 6)),
                    4 | 5 => words.open.insert_hashed(fold_word(first, 0, 4)),
                    3 => {
                        let three = fold_word(first, 0, 3);
                        words.open.insert_hashed(three);
                        for &b in FOLDED_WORD_BYTES {
                            words.open.insert_hashed(three | (u64::from(b) << 24));
                        }
                    }
                    _ => {
                        if let Some(slot) = first
                            .first()
                            .and_then(|&b| words.open_short.get_mut(usize::from(b)))
                        {
                            *slot = true;
                        }
                    }
                }
                continue;
            }
            if entries.last().is_some_and(|&(word, ..)| word == first) {
                // Sorted keys: one first word's keys mostly come together.
                continue;
            }
            if run > LONG_WORD {
                entries.push((first.get(..LONG_WORD).unwrap_or(first), LONG_WORD + 1, 0));
            } else if trie.has_open_prefix(first) {
                // The word also carries a shorter open key: walk from its start.
                entries.push((first, run, 0));
            } else {
                entries.push((first, run, trie.node_of(first)));
            }
        }
        entries.sort_unstable();
        entries.dedup();
        let mut capacity =
            capacity.unwrap_or_else(|| (entries.len() * 2).next_power_of_two().max(16));
        let limit = capacity << MAX_DOUBLINGS;
        let slots: Vec<WordSlot> = entries
            .into_iter()
            .map(|(word, len, node)| {
                let follow = if node == 0 {
                    Follow::ANY
                } else {
                    trie.follows(node)
                };
                // A word that a walk goes on from only after a space: the walk need not step
                // through the space.
                let node = if follow.bytes == 1 {
                    trie.child(node, b' ')
                } else {
                    node
                };
                let (lo, hi) = word_key(word, 0, word.len());
                WordSlot {
                    lo,
                    hi,
                    node,
                    meta: len as u32 | follow.letters,
                    bytes: follow.bytes,
                    second: follow.second,
                }
            })
            .collect();
        loop {
            let homeless = words.place(&slots, capacity);
            if homeless.is_empty() || capacity >= limit {
                for entry in homeless {
                    words
                        .open
                        .insert_hashed(open_prefix(entry.lo, (entry.meta & LEN_MASK) as usize));
                }
                return words;
            }
            capacity *= 2;
        }
    }

    /// Fills a table of `capacity` slots (a power of two) with `entries` by cuckoo hashing:
    /// each entry sits in one of its two slots ([`Words::slots_of`]). Returns the entries that
    /// found no place.
    pub(super) fn place(&mut self, entries: &[WordSlot], capacity: usize) -> Vec<WordSlot> {
        self.slots = vec![WordSlot::default(); capacity];
        let mut homeless = Vec::new();
        for &entry in entries {
            let mut moving = entry;
            let mut index = self
                .slots_of(moving.lo, moving.hi, moving.meta & LEN_MASK)
                .0;
            let mut placed = false;
            for _ in 0..MAX_KICKS {
                let Some(slot) = self.slots.get_mut(index) else {
                    break;
                };
                let evicted = std::mem::replace(slot, moving);
                if evicted.meta & LEN_MASK == 0 {
                    placed = true;
                    break;
                }
                // Move the evicted entry to its other slot.
                let (a, b) = self.slots_of(evicted.lo, evicted.hi, evicted.meta & LEN_MASK);
                index = if a == index { b } else { a };
                moving = evicted;
            }
            if !placed {
                homeless.push(moving);
            }
        }
        homeless
    }

    /// The two slots where the word `lo`, `hi` of length `len` may sit.
    #[inline]
    pub(super) fn slots_of(&self, lo: u64, hi: u64, len: u32) -> (usize, usize) {
        let h = (lo ^ hi.rotate_left(29) ^ u64::from(len)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mask = self.slots.len().wrapping_sub(1);
        let second = (h ^ (h >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        ((h >> 32) as usize & mask, (second >> 32) as usize & mask)
    }

    /// Whether the word (its first eight bytes folded: `lo`) may carry an open key.
    #[inline]
    pub(super) fn may_be_open(&self, lo: u64, len: usize) -> bool {
        self.open.contains_hashed(open_prefix(lo, len))
            | ((len >= 6) & self.open_six.contains_hashed(lo & 0xFFFF_FFFF_FFFF))
    }

    /// What the word `bytes[start..end]` leads to. Both slots the word may sit in are read
    /// and compared without branches, and so is what follows it: the only branch left is on
    /// the outcome.
    #[inline]
    pub(super) fn lookup(&self, bytes: &[u8], start: usize, end: usize) -> Lookup {
        let len = (end - start).min(LONG_WORD + 1);
        let (lo, hi) = word_key(bytes, start, len.min(LONG_WORD));
        let (first, second) = self.slots_of(lo, hi, len as u32);
        let empty = WordSlot::default();
        let a = self.slots.get(first).unwrap_or(&empty);
        let b = self.slots.get(second).unwrap_or(&empty);
        let is = |slot: &WordSlot| {
            (slot.lo == lo) & (slot.hi == hi) & ((slot.meta & LEN_MASK) as usize == len)
        };
        // Entries are unique, so at most one slot holds the word (or both are the same slot).
        let (in_a, in_b) = (
            u32::from(is(a)).wrapping_neg(),
            u32::from(is(b)).wrapping_neg(),
        );
        let slot = WordSlot {
            lo,
            hi,
            node: (a.node & in_a) | (b.node & in_b),
            meta: (a.meta & in_a) | (b.meta & in_b),
            bytes: (a.bytes & in_a) | (b.bytes & in_b),
            second: (a.second & in_a) | (b.second & in_b),
        };
        if slot.meta != 0 {
            return if slot.node == 0 {
                Lookup::Walk
            } else if followed(&slot, bytes, end) {
                Lookup::After(slot.node, end + usize::from(slot.bytes == 1))
            } else {
                Lookup::None
            };
        }
        // Not the first word of any key (the table knows for those whether they carry an open
        // one): it may still carry an open single-word key.
        let short = bytes
            .get(start)
            .and_then(|&b| self.open_short.get(usize::from(fold(b))))
            .copied()
            .unwrap_or(false);
        if short | self.may_be_open(lo, len) {
            Lookup::Walk
        } else {
            Lookup::None
        }
    }
}
