//! The phrase scanner: every literal of the rule set in one byte trie, walked only where a
//! phrase can start.
//!
//! A phrase whose first byte is a word character (ASCII letter, digit, `_`) can only match at the
//! start of a word, since the engine requires a word boundary before it; any other phrase
//! (`.net`, `'static`, CJK text) can only start at a byte that begins one of them. The scan
//! therefore finds word starts and ends (64 bytes at a time, sixteen by sixteen with vector
//! compares) and those few bytes (walked from only when their first six bytes may begin a
//! phrase: [`Starts`]), instead of running an automaton over every byte. At a word
//! start it looks the whole word up first ([`Words`]): a word that starts no phrase costs one
//! probe, and for one that does the walk resumes at the trie node after the word. It finds the
//! same occurrences as an overlapping Aho-Corasick search (every literal starting at every
//! allowed position, overlapping ones included, whole-word literals only where a word ends;
//! tests compare the two on every fixture posting, and the scan with brute force on random
//! keys and text). The scan alone runs at about twice the speed of that automaton's DFA with a
//! boundary check (`bench/peers`: 148 against 67-70 MB/s here), the whole matcher, this scan
//! included, faster than it (88 MB/s), and the trie builds in a few milliseconds where the DFA
//! took about 0.2 s.
//!
//! Letters are compared ASCII case-insensitively; the caller checks case-sensitive terms.

use wide::i8x16;

mod vectors;
mod words;

pub(super) use vectors::{BLOCK, bits, vector};
use vectors::{fold8, load, word_lanes};
use words::{
    ANY_SECOND, FOLLOW_SHIFT, Follow, Lookup, NOT_A_LETTER, OTHER_BYTE, SPACE_ANY, Starts, Words,
};

/// The byte is the first byte of a phrase that does not begin with a word character.
const OTHER_START: u8 = 2;
/// An occurrence of a key: start and end offsets, and the key's index.
pub(super) type Occurrence = (usize, usize, u32);

/// A literal trie over ASCII-lowercased bytes.
#[derive(Debug, Clone)]
pub(super) struct Trie {
    /// Child of the root for each byte (0: none; node 0 is the root).
    root: Box<[u32; 256]>,
    /// The nodes, breadth first (node 0 is the root).
    nodes: Vec<Node>,
    /// The byte on the edge into each node (read in a walk only for a wide node without a row).
    labels: Vec<u8>,
    /// Full rows of children (0: none) for nodes with many children, looked up in one step.
    dense: Vec<[u32; 256]>,
    outputs: Vec<u32>,
    /// [`OTHER_START`] flags per byte (word bytes are found with vector compares).
    class: Box<[u8; 256]>,
    /// The ASCII bytes flagged [`OTHER_START`], each in every lane of a vector.
    ascii_starts: Vec<i8x16>,
    /// Where a walk from a word start can begin: see [`Words`].
    words: Words,
    /// Where a walk from another start can begin: see [`Starts`].
    starts: Starts,
}

#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// The first child: children are numbered consecutively (breadth first).
    first_child: u32,
    /// Where its outputs start in `outputs`. A node with one child and no outputs may have a
    /// chain instead ([`Trie::link_chains`]): here its length (from [`CHAIN_LEN_SHIFT`]) and
    /// the node it leads to, in `labels` and `dense` its labels (0: no chain).
    out: u32,
    /// 1 + index of the node's row in `dense`, or 0 when its children's labels are searched
    /// (for a node with fewer than [`DENSE_CHILDREN`], the end of its chain, if any).
    dense: u16,
    children: u8,
    out_count: u8,
    /// The labels of its children, when it has no dense row: a step then reads one node.
    labels: [u8; DENSE_CHILDREN - 1],
}

/// Nodes with at least this many children get a dense row.
const DENSE_CHILDREN: usize = 5;

/// Lowercases an ASCII letter; every other byte is itself.
#[inline]
fn fold(byte: u8) -> u8 {
    byte.to_ascii_lowercase()
}

/// Whether a byte is a word character for boundaries: ASCII letter, digit or `_`.
#[inline]
pub(super) fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

impl Trie {
    /// Builds the trie of `keys`; output `i` is reported where key `i` occurs. A key flagged
    /// whole-word that ends with a word character is reported only where no word character
    /// follows it. Empty keys are never reported.
    pub(super) fn new<'a>(keys: impl IntoIterator<Item = (&'a [u8], bool)>) -> Trie {
        let mut class = Box::new([0u8; 256]);
        let mut items: Vec<(std::borrow::Cow<'a, [u8]>, u32)> = Vec::new();
        for (id, (key, whole_word)) in keys.into_iter().enumerate() {
            let (Some(&first), Ok(id)) = (key.first(), u32::try_from(id)) else {
                continue;
            };
            if id >= WHOLE_WORD {
                break;
            }
            let closed = whole_word && key.last().is_some_and(|&b| is_word(b));
            let id = if closed { id | WHOLE_WORD } else { id };
            if !is_word(first)
                && let Some(flags) = class.get_mut(usize::from(first))
            {
                *flags |= OTHER_START;
            }
            let key = if key.iter().any(u8::is_ascii_uppercase) {
                std::borrow::Cow::Owned(key.iter().map(|&b| fold(b)).collect())
            } else {
                std::borrow::Cow::Borrowed(key)
            };
            items.push((key, id));
        }
        // Built depth first from the sorted keys (sorted already when they come from the
        // matcher): a node's children are allocated as one block, in byte order, when the node is
        // reached, so a walk down a chain of single children reads consecutive nodes, mostly from
        // one cache line. The keys below a node are one run of the sorted list.
        // (The matcher's keys come sorted; equal keys keep the order they were given in.)
        if !items.is_sorted_by(|a, b| a.0 <= b.0) {
            items.sort_by(|a, b| a.0.cmp(&b.0));
        }
        let mut trie = Trie {
            root: Box::new([0u32; 256]),
            nodes: vec![Node::default()],
            labels: vec![0],
            dense: Vec::new(),
            outputs: Vec::new(),
            ascii_starts: (0u8..0x80)
                .filter(|&b| {
                    class
                        .get(usize::from(b))
                        .is_some_and(|f| f & OTHER_START != 0)
                })
                .map(|b| i8x16::splat(b as i8))
                .collect(),
            class,
            words: Words::default(),
            starts: Starts::default(),
        };
        // (node, the run of keys below it, its depth)
        let mut stack: Vec<(u32, usize, usize, usize)> = vec![(0, 0, items.len(), 0)];
        let mut groups: Vec<(usize, usize)> = Vec::new();
        while let Some((node, from, to, depth)) = stack.pop() {
            let run = items.get(from..to).unwrap_or_default();
            // The keys that end here come first.
            let ending = run.iter().take_while(|(key, _)| key.len() == depth).count();
            for (_, id) in run.iter().take(ending) {
                if let Some(n) = trie.nodes.get_mut(node as usize)
                    && n.out_count < u8::MAX
                {
                    if n.out_count == 0 {
                        n.out = trie.outputs.len() as u32;
                    }
                    n.out_count += 1;
                    trie.outputs.push(*id);
                }
            }
            groups.clear();
            let mut at = from + ending;
            while at < to {
                let byte = items.get(at).and_then(|(key, _)| key.get(depth)).copied();
                let end = at
                    + items
                        .get(at..to)
                        .unwrap_or_default()
                        .iter()
                        .take_while(|(key, _)| key.get(depth).copied() == byte)
                        .count();
                groups.push((at, end));
                at = end;
            }
            let first = trie.nodes.len() as u32;
            for &(at, _) in &groups {
                let byte = items
                    .get(at)
                    .and_then(|(key, _)| key.get(depth))
                    .copied()
                    .unwrap_or(0);
                trie.add_child(node, byte);
            }
            for (i, &(at, end)) in groups.iter().enumerate().rev() {
                stack.push((first + i as u32, at, end, depth + 1));
            }
        }
        for index in 0..trie.nodes.len() {
            let Some(&node) = trie.nodes.get(index) else {
                continue;
            };
            let first = node.first_child as usize;
            if usize::from(node.children) < DENSE_CHILDREN {
                let labels = trie
                    .labels
                    .get(first..first + usize::from(node.children))
                    .unwrap_or_default();
                if let Some(node) = trie.nodes.get_mut(index) {
                    for (slot, &label) in node.labels.iter_mut().zip(labels) {
                        *slot = label;
                    }
                }
                continue;
            }
            if trie.dense.len() >= 0xFFFF {
                continue;
            }
            let mut row = [0u32; 256];
            for child in first..first + usize::from(node.children) {
                if let Some(&label) = trie.labels.get(child)
                    && let Some(slot) = row.get_mut(usize::from(label))
                {
                    *slot = child as u32;
                }
            }
            trie.dense.push(row);
            if let Some(node) = trie.nodes.get_mut(index) {
                node.dense = trie.dense.len() as u16;
            }
        }
        trie.link_chains();
        trie.words = Words::new(&trie, items.iter().map(|(key, id)| (key.as_ref(), *id)));
        trie.starts = Starts::new(
            items
                .iter()
                .map(|(key, _)| key.as_ref())
                .filter(|key| key.first().is_some_and(|&b| !is_word(b))),
        );
        trie
    }

    /// Gives every node with one child and no outputs a chain when its child starts a run of
    /// single children without outputs: up to [`MAX_CHAIN`] labels that a walk takes in one
    /// comparison, stored in the fields such a node leaves unused (see [`Node::out`]).
    fn link_chains(&mut self) {
        for index in 1..self.nodes.len() {
            let Some(&node) = self.nodes.get(index) else {
                continue;
            };
            if node.children != 1 || node.out_count != 0 {
                continue;
            }
            let (mut bytes, mut len, mut at) = (0u64, 0usize, node);
            let mut target = node.first_child;
            while len < MAX_CHAIN {
                let Some(&label) = self.labels.get(at.first_child as usize) else {
                    break;
                };
                bytes |= u64::from(label) << (8 * len);
                len += 1;
                target = at.first_child;
                match self.nodes.get(target as usize) {
                    Some(&next) if next.children == 1 && next.out_count == 0 => at = next,
                    _ => break,
                }
            }
            if len < 2 || target >= CHAIN_TARGET_LIMIT {
                continue;
            }
            if let Some(n) = self.nodes.get_mut(index) {
                n.out = target | ((len as u32) << CHAIN_LEN_SHIFT);
                n.labels = [
                    bytes as u8,
                    (bytes >> 8) as u8,
                    (bytes >> 16) as u8,
                    (bytes >> 24) as u8,
                ];
                n.dense = (bytes >> 32) as u16;
            }
        }
    }

    /// Whether a key that is not whole-word ends inside `word` (before its last byte): a text
    /// word that is `word` carries it.
    fn has_open_prefix(&self, word: &[u8]) -> bool {
        let mut node = 0;
        for (i, &byte) in word.iter().enumerate() {
            node = if node == 0 {
                self.root.get(usize::from(byte)).copied().unwrap_or(0)
            } else {
                self.child(node, byte)
            };
            let Some(current) = self.nodes.get(node as usize).filter(|_| node != 0) else {
                return false;
            };
            if i + 1 < word.len() && current.out_count != 0 {
                let from = current.out as usize;
                let outs = self
                    .outputs
                    .get(from..from + usize::from(current.out_count))
                    .unwrap_or_default();
                if outs.iter().any(|&id| id & WHOLE_WORD == 0) {
                    return true;
                }
            }
        }
        false
    }

    /// The node reached from the root by `key` (0: none).
    fn node_of(&self, key: &[u8]) -> u32 {
        let mut node = 0;
        for &byte in key {
            node = if node == 0 {
                self.root.get(usize::from(byte)).copied().unwrap_or(0)
            } else {
                self.child(node, byte)
            };
            if node == 0 {
                return 0;
            }
        }
        node
    }

    /// What may follow a text word that leads to `node` for a walk from there to find a key
    /// (see [`Follow`]). A child labelled with a word byte is never taken: the text word ends
    /// at `node`.
    fn follows(&self, node: u32) -> Follow {
        let children = |node: u32| {
            let n = self.nodes.get(node as usize).copied().unwrap_or_default();
            let first = n.first_child as usize;
            let labels = self
                .labels
                .get(first..first + usize::from(n.children))
                .unwrap_or_default();
            (n, (first..).zip(labels.iter().copied()))
        };
        let (here, below) = children(node);
        if here.out_count != 0 {
            return Follow::ANY;
        }
        let mut follow = Follow::default();
        for (child, label) in below {
            match label {
                b' ' => {
                    follow.bytes |= 1;
                    let (space, next) = children(child as u32);
                    if space.out_count != 0 {
                        follow.second |= SPACE_ANY;
                    }
                    for (letter_node, letter) in next {
                        // Another byte than a letter is the 27th "letter" (OTHER_FIRST).
                        let first = if letter.is_ascii_lowercase() {
                            u32::from(letter - b'a')
                        } else {
                            26
                        };
                        follow.letters |= 1 << (FOLLOW_SHIFT + first);
                        let (at, after) = children(letter_node as u32);
                        if at.out_count != 0 {
                            follow.second |= ANY_SECOND;
                        }
                        for (_, second) in after {
                            follow.second |= if second.is_ascii_lowercase() {
                                1 << (second - b'a')
                            } else {
                                NOT_A_LETTER
                            };
                        }
                    }
                }
                label if is_word(label) => {}
                0x21..0x40 => follow.bytes |= 1 << (label - 0x20),
                _ => follow.bytes |= OTHER_BYTE,
            }
        }
        follow
    }

    /// The child of `node` (not the root) labelled `byte` (0: none).
    #[inline]
    fn child(&self, node: u32, byte: u8) -> u32 {
        let Some(current) = self.nodes.get(node as usize) else {
            return 0;
        };
        self.step(current, byte)
    }

    /// Appends a node under `parent`, labelled `byte`; children of one parent must be added
    /// one after the other, in byte order. (Keys are UTF-8, in which bytes 0xF8-0xFF never
    /// occur, so no node has more than 255 children.)
    fn add_child(&mut self, parent: u32, byte: u8) -> u32 {
        let node = self.nodes.len() as u32;
        self.nodes.push(Node::default());
        self.labels.push(byte);
        if parent == 0
            && let Some(slot) = self.root.get_mut(usize::from(byte))
        {
            *slot = node;
        }
        if let Some(p) = self.nodes.get_mut(parent as usize) {
            if p.children == 0 {
                p.first_child = node;
            }
            p.children = p.children.saturating_add(1);
        }
        node
    }

    /// Appends to `found` every key occurring in `bytes` at an allowed start (a word start for
    /// keys beginning with a word character) and, for whole-word keys, an allowed end, in order
    /// of start, then end.
    ///
    /// Blocks of 64 bytes are classified sixteen bytes at a time with vector compares (the
    /// `wide` crate: SSE2 on x86-64, NEON on ARM, plain code elsewhere): word bytes, the ASCII
    /// bytes that start non-word keys, and UTF-8 lead bytes, which the class table then sorts.
    /// At a word start, the whole word is looked up first ([`Words`]): most words start no key
    /// and cost one table probe; a word that is no key itself but begins longer ones is let
    /// through only when the byte after it (and, for a space, the next word's first two
    /// letters) is one those keys go on with ([`Follow`]); and a walk resumes after the word
    /// instead of stepping through it. Any other start is walked only when its first bytes
    /// may begin a key ([`Starts`]).
    #[inline]
    pub(super) fn scan(&self, bytes: &[u8], found: &mut Vec<Occurrence>) {
        let mut previous_word = 0u64;
        let mut at = 0;
        let mut current = self.masks(bytes, 0);
        while at < bytes.len() {
            let next = self.masks(bytes, at + BLOCK);
            let (words, others) = current;
            let word_starts = words & !((words << 1) | previous_word);
            let mut starts = word_starts | others;
            while starts != 0 {
                let i = starts.trailing_zeros();
                let position = at + i as usize;
                if word_starts & (1 << i) != 0 {
                    // The word ends at the first non-word byte from here, in this block, the
                    // next one, or (a word longer than that) further on.
                    let rest = !words >> i;
                    let end = if rest != 0 {
                        position + rest.trailing_zeros() as usize
                    } else if !next.0 != 0 {
                        at + BLOCK + (!next.0).trailing_zeros() as usize
                    } else {
                        let from = at + 2 * BLOCK;
                        from + bytes
                            .get(from..)
                            .unwrap_or_default()
                            .iter()
                            .take_while(|&&b| is_word(b))
                            .count()
                    };
                    self.word(bytes, position, end, found);
                } else if self.starts.may_start(bytes, position) {
                    self.walk(bytes, position, found);
                }
                starts &= starts - 1;
            }
            previous_word = words >> 63;
            at += BLOCK;
            current = next;
        }
    }

    /// For the [`BLOCK`] bytes from `at` (fewer at the end): the word bytes and the bytes that
    /// start a non-word key, one bit each.
    #[inline]
    fn masks(&self, bytes: &[u8], at: usize) -> (u64, u64) {
        if let Some(block) = bytes
            .get(at..at + BLOCK)
            .and_then(|b| <&[u8; BLOCK]>::try_from(b).ok())
        {
            return self.block_masks(block, u64::MAX);
        }
        let rest = bytes.get(at..).unwrap_or_default();
        let mut block = [0u8; BLOCK];
        for (slot, &b) in block.iter_mut().zip(rest) {
            *slot = b;
        }
        self.block_masks(&block, (1u64 << rest.len()) - 1)
    }

    /// [`Trie::masks`] of one block, of which the `valid` bytes count.
    #[inline]
    fn block_masks(&self, block: &[u8; BLOCK], valid: u64) -> (u64, u64) {
        let mut words = 0u64;
        let mut others = 0u64;
        let mut high = 0u64;
        for k in 0..BLOCK / 16 {
            let x = vector(block, 16 * k);
            let mut starts = i8x16::splat(0);
            for &start in &self.ascii_starts {
                starts |= x.simd_eq(start);
            }
            words |= bits(word_lanes(x)) << (16 * k);
            others |= bits(starts) << (16 * k);
            // UTF-8 lead bytes (0xC0 and up): continuation bytes start no key.
            let lead = (x & i8x16::splat(0xC0u8 as i8)).simd_eq(i8x16::splat(0xC0u8 as i8));
            high |= bits(lead) << (16 * k);
        }
        // Non-ASCII characters that start keys, from the class table.
        let mut rest = high & valid;
        while rest != 0 {
            let i = rest.trailing_zeros();
            if block
                .get(i as usize)
                .and_then(|&b| self.class.get(usize::from(b)))
                .is_some_and(|f| f & OTHER_START != 0)
            {
                others |= 1 << i;
            }
            rest &= rest - 1;
        }
        (words & valid, others & valid)
    }

    /// Reports every key that starts at the word `bytes[start..end]`.
    #[inline]
    fn word(&self, bytes: &[u8], start: usize, end: usize, found: &mut Vec<Occurrence>) {
        match self.words.lookup(bytes, start, end) {
            Lookup::None => {}
            Lookup::Walk => self.walk(bytes, start, found),
            Lookup::After(node, resume) => self.walk_from(bytes, start, resume, node, found),
        }
    }

    /// Reports every key that starts at `start`.
    #[inline]
    fn walk(&self, bytes: &[u8], start: usize, found: &mut Vec<Occurrence>) {
        let Some(&first) = bytes.get(start) else {
            return;
        };
        let node = self
            .root
            .get(usize::from(fold(first)))
            .copied()
            .unwrap_or(0);
        self.walk_from(bytes, start, start + 1, node, found);
    }

    /// Reports every key that starts at `start` and passes through `node`, which `bytes[start..
    /// end]` leads to.
    #[inline]
    fn walk_from(
        &self,
        bytes: &[u8],
        start: usize,
        mut end: usize,
        mut node: u32,
        found: &mut Vec<Occurrence>,
    ) {
        while node != 0 {
            let Some(current) = self.nodes.get(node as usize) else {
                return;
            };
            if current.out_count == 0 && current.out != 0 {
                // A chain: the text follows all of it or finds nothing here (no key ends
                // inside it).
                let len = (current.out >> CHAIN_LEN_SHIFT) as usize;
                let labels = u64::from(u32::from_le_bytes(current.labels))
                    | (u64::from(current.dense) << 32);
                let (x, valid) = load(bytes, end);
                let mask = u64::MAX >> (64 - 8 * len);
                if valid & ((1 << len) - 1) != (1 << len) - 1 || fold8(x) & mask != labels & mask {
                    return;
                }
                node = current.out & (CHAIN_TARGET_LIMIT - 1);
                end += len;
                continue;
            }
            let next = bytes.get(end).copied();
            if current.out_count != 0 {
                let from = current.out as usize;
                let outs = self
                    .outputs
                    .get(from..from + usize::from(current.out_count))
                    .unwrap_or_default();
                let word_follows = next.is_some_and(is_word);
                for &id in outs {
                    if id & WHOLE_WORD == 0 || !word_follows {
                        found.push((start, end, id & !WHOLE_WORD));
                    }
                }
            }
            let Some(next) = next else {
                return;
            };
            node = self.step(current, fold(next));
            end += 1;
        }
    }

    /// The child of `current` labelled `next` (0: none).
    #[inline]
    fn step(&self, current: &Node, next: u8) -> u32 {
        let children = usize::from(current.children);
        if children >= DENSE_CHILDREN && current.dense != 0 {
            return self
                .dense
                .get(usize::from(current.dense) - 1)
                .and_then(|row| row.get(usize::from(next)))
                .copied()
                .unwrap_or(0);
        }
        if children < DENSE_CHILDREN {
            // Branch-free: the lowest zero byte of labels ^ next, among the first `children`
            // (the borrows of this test only ever mark bytes above a true zero).
            let x = u32::from_le_bytes(current.labels) ^ (u32::from(next) * 0x0101_0101);
            let zero = x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080;
            let hit = zero & (((1u64 << (8 * children)) - 1) as u32);
            if hit == 0 {
                0
            } else {
                current.first_child + hit.trailing_zeros() / 8
            }
        } else {
            // A wide node past the last numbered dense row (huge rule sets only).
            let first = current.first_child as usize;
            let labels = self.labels.get(first..first + children).unwrap_or_default();
            match labels.iter().position(|&b| b == next) {
                Some(i) => current.first_child + i as u32,
                None => 0,
            }
        }
    }
}

/// Most labels of a chain (see [`Trie::link_chains`]): what fits in a node's `labels` and
/// `dense` fields.
const MAX_CHAIN: usize = 6;

/// Where a chain's length starts in [`Node::out`]; the target node is below it.
const CHAIN_LEN_SHIFT: u32 = 29;

/// Chains lead only to nodes numbered below this.
const CHAIN_TARGET_LIMIT: u32 = 1 << CHAIN_LEN_SHIFT;

/// The flag of a whole-word key in `outputs`.
const WHOLE_WORD: u32 = 1 << 31;

#[cfg(test)]
mod tests;
