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

use wide::{bytemuck, i8x16, u8x16};

/// The byte is the first byte of a phrase that does not begin with a word character.
const OTHER_START: u8 = 2;

/// One in each byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The bytes of a block that [`Trie::masks`] (and the matcher's table of sentence ends)
/// classifies at once.
pub(super) const BLOCK: usize = 64;

/// Sixteen bytes of a block as a vector.
#[inline]
pub(super) fn vector(bytes: &[u8; BLOCK], at: usize) -> i8x16 {
    let mut lane = [0u8; 16];
    if let Some(chunk) = bytes.get(at..at + 16) {
        lane.copy_from_slice(chunk);
    }
    bytemuck::cast(lane)
}

/// One bit per byte of `v` whose high bit is set.
#[inline]
pub(super) fn bits(v: i8x16) -> u64 {
    u64::from(bytemuck::cast::<i8x16, u8x16>(v).to_bitmask())
}

/// Where the bytes of `x` are word characters (ASCII letter, digit or `_`): all ones.
#[inline]
fn word_lanes(x: i8x16) -> i8x16 {
    // Signed compares: bytes from 0x80 are negative, so never in the ASCII ranges.
    let lower = x | i8x16::splat(0x20);
    let letter =
        lower.simd_gt(i8x16::splat(b'a' as i8 - 1)) & lower.simd_lt(i8x16::splat(b'z' as i8 + 1));
    let digit = x.simd_gt(i8x16::splat(b'0' as i8 - 1)) & x.simd_lt(i8x16::splat(b'9' as i8 + 1));
    letter | digit | x.simd_eq(i8x16::splat(b'_' as i8))
}

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

/// Eight bytes with the ASCII capitals lowercased, as [`fold`] does one.
#[inline]
fn fold8(x: u64) -> u64 {
    const HIGH: u64 = ONES * 0x80;
    let low = x & !HIGH;
    let at_least_a = low + ONES * u64::from(0x80 - b'A');
    let above_z = low + ONES * u64::from(0x80 - b'Z' - 1);
    let capitals = at_least_a & !above_z & !x & HIGH;
    x | (capitals >> 2)
}

/// The flag of a whole-word key in `outputs`.
const WHOLE_WORD: u32 = 1 << 31;

/// Eight bytes from `at` (zeros past the end) and the mask of the real ones, one bit each.
#[inline]
fn load(bytes: &[u8], at: usize) -> (u64, u64) {
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

/// Which starts of keys that begin with a non-word byte (`.net`, `'static`, CJK text) the
/// text may hold, from their first six bytes (folded): most such bytes of a text (a full stop,
/// or a CJK character that begins no key, or no key with the character after it) start none,
/// and cost three bit tests instead of a walk. A key shorter than six bytes is known by its
/// first three, or two, or its only one.
#[derive(Debug, Clone, Default)]
struct Starts {
    /// Set by the first six bytes of every key of six bytes or more.
    six: Bits<START_BITS>,
    /// Set by the first three bytes of every key of three to five bytes.
    three: Bits<START_BITS>,
    /// One bit per pair of bytes (the first, then the second): set for the first two bytes of
    /// a key of two bytes, and for every pair beginning with a key of one byte.
    two: Bits<16>,
}

/// Bits of the [`Starts::six`] and [`Starts::three`] filters (64 Kbit: 8 KB each).
const START_BITS: u32 = 16;

impl Starts {
    fn new<'k>(keys: impl Iterator<Item = &'k [u8]>) -> Starts {
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
    fn pair(x: u64) -> usize {
        (x & 0xFFFF) as usize
    }

    /// Whether a key that begins with a non-word byte may start at `at`.
    #[inline]
    fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        // Past the end, zeros: a key cannot match there, and a false yes only costs a walk.
        let x = fold8(load(bytes, at).0);
        self.six.contains_hashed(first_bytes(x, 6))
            | self.three.contains_hashed(first_bytes(x, 3))
            | self.two.contains(Starts::pair(x))
    }
}

/// The first `len` bytes (1 to 8) of `x`, the others zero.
#[inline]
fn first_bytes(x: u64, len: u32) -> u64 {
    x & (u64::MAX >> (64 - 8 * len))
}

/// A set of `2^N` bits (`N` from 6 to 63), read and set by index or by a value hashed to one
/// (its hash's top `N` bits): the trie's filters ([`Starts`], [`Words::open`]).
#[derive(Debug, Clone, Default)]
struct Bits<const N: u32> {
    words: Vec<u64>,
}

impl<const N: u32> Bits<N> {
    /// All clear.
    fn new() -> Bits<N> {
        Bits {
            words: vec![0; 1 << N.saturating_sub(6)],
        }
    }

    fn insert(&mut self, index: usize) {
        if let Some(word) = self.words.get_mut(index >> 6) {
            *word |= 1 << (index & 63);
        }
    }

    #[inline]
    fn contains(&self, index: usize) -> bool {
        self.words
            .get(index >> 6)
            .is_some_and(|w| w >> (index & 63) & 1 != 0)
    }

    #[inline]
    fn hashed(&self, value: u64) -> usize {
        (value.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - N)) as usize
    }

    fn insert_hashed(&mut self, value: u64) {
        self.insert(self.hashed(value));
    }

    #[inline]
    fn contains_hashed(&self, value: u64) -> bool {
        self.contains(self.hashed(value))
    }
}

/// The longest word a [`Words`] entry holds in full.
const LONG_WORD: usize = 16;

/// How many entries a cuckoo insertion moves before the table is made larger.
const MAX_KICKS: usize = 64;

/// How many times the word table may double when an insertion fails.
const MAX_DOUBLINGS: u32 = 4;

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
struct Words {
    /// Cuckoo hashing: a word sits in one of two slots ([`Words::slots_of`]), so a lookup
    /// reads both and compares them without branches; an empty slot has `len` 0.
    slots: Vec<WordSlot>,
    /// Set by the first four bytes of every word that may carry an open single-word key of
    /// three to five bytes (a word of three bytes: those three).
    open: Bits<OPEN_BITS>,
    /// Set by the first six bytes of every open single-word key of six bytes or more: a word
    /// may carry one only if it begins with them.
    open_six: Bits<OPEN_BITS>,
    /// Per first byte, whether an open single-word key shorter than three bytes starts with it.
    open_short: Vec<bool>,
}

#[derive(Debug, Clone, Copy, Default)]
struct WordSlot {
    /// The word's first 16 bytes, folded (see [`fold_word`]), zero-padded.
    lo: u64,
    hi: u64,
    /// Where a walk after the word goes on: the node after the word and the space that must
    /// follow it, when the follow bits let the walk through only after a space, else the node
    /// after the word; 0: walk from the word start (a word longer than [`LONG_WORD`], or one
    /// that carries a shorter open key).
    node: u32,
    /// The word's length ([`LEN_MASK`] bits: `LONG_WORD + 1` for a longer word, 0 for an
    /// empty slot) and the letters that may start the next word ([`Follow::letters`]).
    meta: u32,
    /// [`Follow::bytes`].
    bytes: u32,
    /// [`Follow::second`].
    second: u32,
}

/// What may follow a word for a walk after it to find a key, from [`Trie::follows`]: the
/// byte right after the word, and, when that is a space, the first two letters of the next
/// word.
#[derive(Debug, Clone, Copy, Default)]
struct Follow {
    /// The bytes after the word that a walk may go on with: one bit per byte from 0x20 (the
    /// space) to 0x3F, [`OTHER_BYTE`] for any other, [`KEY_ENDS`] when a key ends with the
    /// word (the walk goes on whatever follows).
    bytes: u32,
    /// The letters that may start the next word after a space: one bit each from
    /// [`FOLLOW_SHIFT`], and [`OTHER_FIRST`] for another byte.
    letters: u32,
    /// The letters that may come second in that word, one bit each; [`NOT_A_LETTER`] for
    /// another byte; [`SPACE_ANY`] when anything may follow the space.
    second: u32,
}

impl Follow {
    /// A walk goes on whatever follows.
    const ANY: Follow = Follow {
        bytes: KEY_ENDS,
        letters: OTHER_FIRST,
        second: u32::MAX,
    };
}

/// [`Follow::bytes`]: a byte after the word outside 0x20..0x40. (The bit of `'0'`, which
/// never follows a word.)
const OTHER_BYTE: u32 = 1 << 16;

/// [`Follow::bytes`]: a key ends with the word. (The bit of `'1'`.)
const KEY_ENDS: u32 = 1 << 17;

/// [`Follow::second`]: a byte that is not a letter.
const NOT_A_LETTER: u32 = 1 << 26;

/// The bits of [`WordSlot::meta`] that hold the word's length.
const LEN_MASK: u32 = 0x1F;

/// The first bit of [`WordSlot::meta`] for the letters that may start the next word.
const FOLLOW_SHIFT: u32 = 5;

/// [`Follow::letters`]: a byte that is not a letter may start the next word (the bit of the
/// 27th letter).
const OTHER_FIRST: u32 = 1 << (FOLLOW_SHIFT + 26);

/// [`Follow::second`]: any letter or other byte may come second (a key ends one byte after
/// the space).
const ANY_SECOND: u32 = SPACE_ANY - 1;

/// [`Follow::second`]: whatever follows the space after the word.
const SPACE_ANY: u32 = 1 << 27;

/// What a word start leads to.
enum Lookup {
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
fn fold_word(bytes: &[u8], at: usize, len: usize) -> u64 {
    let (x, _) = load(bytes, at);
    let mask = u64::MAX
        .checked_shr(64 - 8 * len.min(8) as u32)
        .unwrap_or(0);
    (x & mask) | (mask & (ONES * 0x20))
}

/// A word's first sixteen bytes, folded ([`fold_word`]): how [`Words`] knows it.
#[inline]
fn word_key(bytes: &[u8], start: usize, len: usize) -> (u64, u64) {
    (
        fold_word(bytes, start, len),
        fold_word(bytes, start + 8, len.saturating_sub(8)),
    )
}

/// Whether the text after a word (at `end`) lets a walk from the word's slot go on ([`Follow`]).
/// Branch-free: a byte past the letters (or the end) reads the last bit of each mask.
#[inline]
fn followed(slot: &WordSlot, bytes: &[u8], end: usize) -> bool {
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
fn open_prefix(lo: u64, len: usize) -> u64 {
    if len >= 4 { lo & 0xFFFF_FFFF } else { lo }
}

/// Bits of the [`Words::open`] filter (32 Kbit: 4 KB).
const OPEN_BITS: u32 = 15;

/// The bytes that may follow in a word, folded as [`fold_word`] folds them.
const FOLDED_WORD_BYTES: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789\x7f";

impl Words {
    /// The table for the trie's `keys` (folded, with their output ids).
    fn new<'k>(trie: &Trie, keys: impl Iterator<Item = (&'k [u8], u32)>) -> Words {
        Words::build(trie, keys, None)
    }

    /// [`Words::new`], starting with `capacity` slots when given (for tests) and doubling them
    /// at most [`MAX_DOUBLINGS`] times while some word finds no place. A word that still finds
    /// none (only words made to collide could) is marked in the open filter instead: a text word
    /// like it then walks from its start, which finds every key there, only slower.
    fn build<'k>(
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
    fn place(&mut self, entries: &[WordSlot], capacity: usize) -> Vec<WordSlot> {
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
    fn slots_of(&self, lo: u64, hi: u64, len: u32) -> (usize, usize) {
        let h = (lo ^ hi.rotate_left(29) ^ u64::from(len)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mask = self.slots.len().wrapping_sub(1);
        let second = (h ^ (h >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        ((h >> 32) as usize & mask, (second >> 32) as usize & mask)
    }

    /// Whether the word (its first eight bytes folded: `lo`) may carry an open key.
    #[inline]
    fn may_be_open(&self, lo: u64, len: usize) -> bool {
        self.open.contains_hashed(open_prefix(lo, len))
            | ((len >= 6) & self.open_six.contains_hashed(lo & 0xFFFF_FFFF_FFFF))
    }

    /// What the word `bytes[start..end]` leads to. Both slots the word may sit in are read
    /// and compared without branches, and so is what follows it: the only branch left is on
    /// the outcome.
    #[inline]
    fn lookup(&self, bytes: &[u8], start: usize, end: usize) -> Lookup {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn all(trie: &Trie, text: &str) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        trie.scan(text.as_bytes(), &mut out);
        out
    }

    /// What the scan must find, by brute force: every key at every position, compared ASCII
    /// case-insensitively, where it may start (a word start, for a key beginning with a word
    /// character) and, for a whole-word key ending with one, where no word character follows.
    fn brute_force(keys: &[(Vec<u8>, bool)], text: &[u8]) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        for start in 0..text.len() {
            for (id, (key, whole_word)) in keys.iter().enumerate() {
                let Some(first) = key.first() else { continue };
                let end = start + key.len();
                let Some(window) = text.get(start..end) else {
                    continue;
                };
                let word_start = start == 0 || !is_word(text[start - 1]);
                let closed = *whole_word && is_word(key[key.len() - 1]);
                let word_end = text.get(end).is_none_or(|&b| !is_word(b));
                if window.eq_ignore_ascii_case(key)
                    && (!is_word(*first) || word_start)
                    && (!closed || word_end)
                {
                    out.push((start, end, id as u32));
                }
            }
        }
        out.sort_unstable();
        out
    }

    fn sorted(trie: &Trie, text: &[u8]) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        trie.scan(text, &mut out);
        out.sort_unstable();
        out
    }

    #[test]
    fn finds_overlapping_keys_at_word_starts_only() {
        let keys: [&[u8]; 5] = [b"rust", b"rust async", b".net", b"async", "并发".as_bytes()];
        let trie = Trie::new(keys.map(|k| (k, false)));
        assert_eq!(
            all(&trie, "Rust Async, trusty .NET 并发"),
            vec![(0, 4, 0), (0, 10, 1), (5, 10, 3), (19, 23, 2), (24, 30, 4)]
        );
        // Inside a word nothing starts; a non-word phrase starts anywhere.
        assert_eq!(all(&trie, "xrust asp.net"), vec![(9, 13, 2)]);
        assert!(all(&trie, "").is_empty());
    }

    /// Thousands of first words, most of them phrases' (which walk on after the word and its
    /// space): every one is placed in the cuckoo table, which grows when an insertion fails,
    /// and found in a text.
    #[test]
    fn a_large_word_table_finds_every_first_word() {
        let keys: Vec<(Vec<u8>, bool)> = (0..6000)
            .map(|i| {
                let key = if i % 3 == 0 {
                    format!("w{i}x")
                } else {
                    format!("w{i}x then{}", i % 7)
                };
                (key.into_bytes(), true)
            })
            .collect();
        let trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
        assert!(trie.words.slots.len() >= keys.len());
        let mut text = Vec::new();
        let mut expected = Vec::new();
        for (id, (key, _)) in keys.iter().enumerate() {
            expected.push((text.len(), text.len() + key.len(), id as u32));
            text.extend_from_slice(key);
            text.extend_from_slice(b"; ");
        }
        assert_eq!(sorted(&trie, &text), expected);
    }

    /// A word the cuckoo table cannot place (here: 300 first words and a table held to 16
    /// slots) is still found, by a walk from its start: the scan finds what brute force does.
    #[test]
    fn words_without_a_slot_are_walked_from_their_start() {
        let keys: Vec<(Vec<u8>, bool)> = (0..300)
            .map(|i| (format!("k{i} word{}", i % 5).into_bytes(), i % 2 == 0))
            .chain([(b"k7".to_vec(), true), (b"k12 wor".to_vec(), false)])
            .collect();
        let mut trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
        let mut items: Vec<(Vec<u8>, u32)> = keys
            .iter()
            .enumerate()
            .map(|(id, (k, w))| {
                let closed = *w && k.last().is_some_and(|&b| is_word(b));
                (k.clone(), id as u32 | if closed { WHOLE_WORD } else { 0 })
            })
            .collect();
        items.sort();
        trie.words = Words::build(
            &trie,
            items.iter().map(|(k, id)| (k.as_slice(), *id)),
            Some(16),
        );
        // 256 slots for 300 first words: some have none.
        assert_eq!(trie.words.slots.len(), 16 << MAX_DOUBLINGS);
        let text: Vec<u8> = (0..320)
            .flat_map(|i| format!("k{i} word{} k{i} wordy k{i}, ", i % 6).into_bytes())
            .collect();
        assert_eq!(sorted(&trie, &text), brute_force(&keys, &text));
    }

    #[test]
    fn whole_word_keys_end_where_the_word_does() {
        let keys: [(&[u8], bool); 4] = [
            (b"rust", true),
            (b"rustacean", false),
            (b"c++", true),
            (b"go", true),
        ];
        let trie = Trie::new(keys);
        assert_eq!(
            all(&trie, "rusty Rustaceans rust c++x go_ go"),
            vec![(6, 15, 1), (17, 21, 0), (22, 25, 2), (31, 33, 3)]
        );
    }

    /// On every fixture posting, the trie finds exactly what an overlapping Aho-Corasick search
    /// over the same keys finds at the allowed starts and ends (the scan it replaced).
    #[test]
    fn agrees_with_an_overlapping_automaton_on_real_postings() {
        let rules = crate::RuleSet::default_rules().unwrap();
        let mut keys: Vec<(Vec<u8>, bool)> = rules
            .skills
            .iter()
            .flat_map(|s| s.literal_phrases())
            .map(|p| (p.text.as_bytes().to_ascii_lowercase(), !p.prefix))
            .collect();
        keys.sort();
        keys.dedup_by(|a, b| a.0 == b.0);
        let trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(keys.iter().map(|(k, _)| k))
            .unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
        let (mut total, mut open, mut closed_inside) = (0, 0, 0);
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let Some(format) = crate::Format::from_path(&path) else {
                continue;
            };
            let posting = crate::extract::extract(&std::fs::read(&path).unwrap(), format).unwrap();
            let bytes = posting.text.as_bytes();
            let mut expected: Vec<(usize, usize, u32)> = Vec::new();
            for m in automaton.find_overlapping_iter(&posting.text) {
                let (key, whole_word) = &keys[m.pattern().as_usize()];
                let starts_word = key.first().is_some_and(|&b| is_word(b));
                if starts_word && m.start() > 0 && is_word(bytes[m.start() - 1]) {
                    continue;
                }
                let word_follows = bytes.get(m.end()).is_some_and(|&b| is_word(b));
                if word_follows && key.last().is_some_and(|&b| is_word(b)) {
                    if *whole_word {
                        closed_inside += 1;
                        continue;
                    }
                    open += 1;
                }
                expected.push((m.start(), m.end(), m.pattern().as_u32()));
            }
            expected.sort();
            let mut found = all(&trie, &posting.text);
            found.sort();
            assert_eq!(found, expected, "{}", path.display());
            total += found.len();
        }
        // Both kinds of key end inside words somewhere in the fixtures.
        assert!(
            total > 10_000 && open > 100 && closed_inside > 1_000,
            "{total} {open} {closed_inside}"
        );
    }

    /// Keys of every shape the word table treats apart, on text that puts them at every
    /// alignment and across the edges of the 64-byte blocks.
    #[test]
    fn word_table_finds_every_kind_of_key() {
        let keys: Vec<(Vec<u8>, bool)> = [
            ("go", true),
            ("c++", false),
            ("rust", true),
            ("rust async", true),
            ("#rust", false),
            ("_x", true),
            ("并发", false),
            ("k8", false),
            ("bug", false),
            ("prof", false),
            ("profiler", true),
            ("internationalization", true),
            ("internationalizations are", true),
            ("a_b", false),
            ("x9", true),
            ("naïve", true),
            ("the cloud", false),
            ("the rest", true),
            ("with other teams", true),
            ("in-house", true),
            ("in 9", true),
            ("technica", false),
            ("scalab", false),
            ("stati", false),
            ("a lot", true),
            ("a \u{17f}imilar", true),
            ("a 9", true),
        ]
        .iter()
        .map(|(k, w)| (k.as_bytes().to_vec(), *w))
        .collect();
        let trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
        let base = "Go c++ RUST rust Async #rust x_x _x algo 并发 go; (go) rust9 9go k8s K8 bugs \
                    Bug profile PROFILER profilers Internationalization internationalizations are \
                    internationalizationx a_bc A_B x9 X99 naïve naïves the Cloudy the  cloud \
                    the rest the restful with Other teams with others in-house in house in 9 in 99 \
                    Technical technicalities technology techn scalable Scalab scala statistics \
                    status stati stat a lot a \u{17f}imilar a similar a team a 9 a 99 a lots";
        let mut checked = 0;
        for shift in 0..70 {
            for text in [
                format!("{}{base}{}", "a".repeat(shift), " ".repeat(shift)),
                format!("{}{base}", " ".repeat(shift)),
                format!("{}{base}", "é".repeat(shift)),
            ] {
                let expected = brute_force(&keys, text.as_bytes());
                assert_eq!(sorted(&trie, text.as_bytes()), expected, "{text:?}");
                checked += expected.len();
            }
        }
        assert!(checked > 5_000, "{checked}");
    }

    #[test]
    fn fold8_folds_each_byte_as_fold_does() {
        for byte in 0..=255u8 {
            for lane in 0..8 {
                let x = (u64::from(byte) << (8 * lane)) | 0x4142_5A5B_6061_7A7B;
                let expected = x.to_le_bytes().map(fold);
                assert_eq!(fold8(x).to_le_bytes(), expected, "{byte:#x} in lane {lane}");
            }
        }
    }

    proptest! {
        /// Random keys (some whole-word) on random text: the scan finds what brute force finds.
        #[test]
        fn agrees_with_brute_force(
            keys in proptest::collection::vec(("[a-cA-C0-9_ .+é并发-]{1,12}", any::<bool>()), 1..24),
            text in "[a-cA-C0-9_ .+é并发-]{0,300}",
        ) {
            let keys: Vec<(Vec<u8>, bool)> = keys
                .into_iter()
                .map(|(k, w)| (k.to_ascii_lowercase().into_bytes(), w))
                .collect();
            let trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
            prop_assert_eq!(sorted(&trie, text.as_bytes()), brute_force(&keys, text.as_bytes()));
        }

        /// Long keys (long runs of single children) on text made of pieces of them, in any
        /// case, cut anywhere: the scan finds what brute force finds.
        #[test]
        fn agrees_with_brute_force_on_long_keys(
            keys in proptest::collection::vec(("[a-dé][a-d .é]{0,30}", any::<bool>()), 1..12),
            pieces in proptest::collection::vec(
                (any::<proptest::sample::Index>(), 0..32usize, 0..32usize, any::<bool>(), "[ .x]{0,2}"),
                0..24,
            ),
        ) {
            let keys: Vec<(Vec<u8>, bool)> =
                keys.into_iter().map(|(k, w)| (k.into_bytes(), w)).collect();
            let mut text = String::new();
            for (which, from, to, upper, separator) in pieces {
                let key = String::from_utf8_lossy(&keys[which.index(keys.len())].0).into_owned();
                let cut = |at: usize| (0..=at.min(key.len())).rev().find(|&i| key.is_char_boundary(i)).unwrap_or(0);
                let (from, to) = (cut(from.min(to)), cut(from.max(to)));
                let piece = if upper { key[from..to].to_uppercase() } else { key[from..to].to_owned() };
                text.push_str(&piece);
                text.push_str(&separator);
            }
            let trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
            prop_assert_eq!(sorted(&trie, text.as_bytes()), brute_force(&keys, text.as_bytes()));
        }
    }
}
