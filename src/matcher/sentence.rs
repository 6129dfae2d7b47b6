//! Sentence boundaries: the separators that end a sentence, found around one hit or tabled
//! for the whole text at once.

use super::trie;

/// What ends a sentence (or a bullet point run into a paragraph, as HN comments do; or the
/// list item or paragraph tag of HTML left raw in a text, as API records carry it): the
/// reference list that [`sentence_end_before`] reads from the last bytes.
#[cfg(test)]
pub(super) const SENTENCE_ENDS: &[&str] = &[
    ". ", "! ", "? ", "; ", "• ", " · ", " | ", "。", "；", "！", "？", "<li>", "</li>", "</p>",
    "<br>", "</td>",
];

/// The HTML tags that end a sentence when a text carries its markup raw: list items,
/// paragraphs, line breaks and table cells.
const TAG_ENDS: [&[u8]; 5] = [b"<li>", b"</li>", b"</p>", b"<br>", b"</td>"];

/// Whether a sentence end finishes right before byte `at`; its length if so. The same as
/// finding which of the separators `. `, `! `, `? `, `; `, `• `, ` · `, ` | `, `。`, `；`, `！`,
/// `？`, `<li>`, `</li>`, `</p>`, `<br>`, `</td>` `bytes[..at]` ends with (a test compares the
/// two), read from the last bytes instead of comparing sixteen strings: it runs at every full
/// stop.
pub(super) fn sentence_end_before(bytes: &[u8], at: usize) -> Option<usize> {
    let before = bytes.get(..at)?;
    let ends = |sep: &[u8]| before.ends_with(sep).then_some(sep.len());
    match before.last()? {
        b' ' => match before.get(at.checked_sub(2)?)? {
            b'.' | b'!' | b'?' | b';' => Some(2),
            0xA2 => ends("• ".as_bytes()),
            0xB7 => ends(" · ".as_bytes()),
            b'|' => ends(b" | "),
            _ => None,
        },
        0x82 => ends("。".as_bytes()),
        0x9B => ends("；".as_bytes()),
        0x81 => ends("！".as_bytes()),
        0x9F => ends("？".as_bytes()),
        b'>' => TAG_ENDS.iter().find_map(|tag| ends(tag)),
        _ => None,
    }
}

/// Byte range of the sentence around `[start, end)` within the block `[from, to)`, searched
/// byte by byte (for one hit; [`sentence_in`] looks it up for many, and is tested against it).
///
/// Looks at most [`MAX_SENTENCE_BYTES`] each way, so that a huge block without full stops costs
/// a bounded amount per hit.
pub(super) fn sentence_around(
    text: &str,
    from: usize,
    to: usize,
    start: usize,
    end: usize,
) -> (usize, usize) {
    let bytes = text.as_bytes();
    let from = floor_char_boundary(text, from.max(start.saturating_sub(MAX_SENTENCE_BYTES)));
    let to = ceil_char_boundary(text, to.min(end + MAX_SENTENCE_BYTES));
    let mut s = start;
    while s > from && sentence_end_before(bytes, s).is_none() {
        s -= 1;
    }
    let mut e = end;
    while e < to {
        if let Some(len) = sentence_end_before(bytes, e + 1) {
            // Keep a full stop, drop a bullet or a bar.
            e = e + 1 - len + usize::from(len == 2);
            break;
        }
        e += 1;
    }
    trimmed_sentence(text, s, e, to)
}

/// The sentence `[s, e)` found by [`sentence_in`] or [`sentence_around`], its end cut at `to`,
/// both ends on character boundaries, without surrounding whitespace.
pub(super) fn trimmed_sentence(text: &str, s: usize, e: usize, to: usize) -> (usize, usize) {
    let e = floor_char_boundary(text, e.min(to));
    let s = ceil_char_boundary(text, s.min(e));
    let sentence = text.get(s..e).unwrap_or_default();
    let trimmed = sentence.trim();
    let offset = sentence.len() - sentence.trim_start().len();
    (s + offset, s + offset + trimmed.len())
}

/// Every offset `at` of `bytes` right after a sentence end, with that end's length, in order:
/// the table [`sentence_in`] looks sentences up in, built in one pass.
pub(super) fn sentence_ends(bytes: &[u8]) -> Vec<(usize, usize)> {
    // A separator ends with a space right after one of `.!?;|` or the last byte of `•` or
    // `·`, or with the last byte of a full-width mark or the `>` of a tag: those bytes are
    // found with vector compares, 64 bytes at a time (a few per sentence, against one space
    // per word), in order, so the table comes out sorted.
    use trie::{BLOCK, bits, vector};
    use wide::i8x16;
    let splat = |b: u8| i8x16::splat(b as i8);
    let (full_stop, bang, question, semicolon, bar, tag) = (
        splat(b'.'),
        splat(b'!'),
        splat(b'?'),
        splat(b';'),
        splat(b'|'),
        splat(b'>'),
    );
    let (bullet, dot) = (splat(0xA2), splat(0xB7));
    let (marks_a, marks_b, marks_c, marks_d) = (splat(0x82), splat(0x9B), splat(0x81), splat(0x9F));
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(bytes.len() / BLOCK);
    let blocks = bytes.chunks_exact(BLOCK);
    let mut tail = [0u8; BLOCK];
    for (slot, &b) in tail.iter_mut().zip(blocks.remainder()) {
        *slot = b;
    }
    let blocks = blocks
        .map(|block| <[u8; BLOCK]>::try_from(block).unwrap_or([0; BLOCK]))
        .chain(std::iter::once(tail));
    for (index, block) in blocks.enumerate() {
        let mut found = 0u64;
        for k in 0..BLOCK / 16 {
            let x = vector(&block, 16 * k);
            let mut marks = x.simd_eq(full_stop)
                | x.simd_eq(bang)
                | x.simd_eq(question)
                | x.simd_eq(semicolon)
                | x.simd_eq(bar)
                | x.simd_eq(tag);
            if bits(x) != 0 {
                marks |= x.simd_eq(bullet)
                    | x.simd_eq(dot)
                    | x.simd_eq(marks_a)
                    | x.simd_eq(marks_b)
                    | x.simd_eq(marks_c)
                    | x.simd_eq(marks_d);
            }
            found |= bits(marks) << (16 * k);
        }
        while found != 0 {
            let i = index * BLOCK + found.trailing_zeros() as usize;
            found &= found - 1;
            // `. ` and the like end after the space; a full-width mark ends after itself
            // (their bytes differ, so at most one holds).
            let spaced = bytes.get(i + 1) == Some(&b' ');
            let end = spaced
                .then(|| sentence_end_before(bytes, i + 2).map(|len| (i + 2, len)))
                .flatten()
                .or_else(|| sentence_end_before(bytes, i + 1).map(|len| (i + 1, len)));
            ends.extend(end);
        }
    }
    ends
}

/// [`sentence_around`] with the sentence ends looked up in `ends` ([`sentence_ends`] of the
/// text) rather than searched for byte by byte: the same range, in logarithmic time.
pub(super) fn sentence_in(
    text: &str,
    ends: &[(usize, usize)],
    (from, to): (usize, usize),
    (start, end): (usize, usize),
) -> (usize, usize) {
    let from = floor_char_boundary(text, from.max(start.saturating_sub(MAX_SENTENCE_BYTES)));
    let to = ceil_char_boundary(text, to.min(end + MAX_SENTENCE_BYTES));
    let before = ends.partition_point(|&(at, _)| at <= start);
    let s = match before.checked_sub(1).and_then(|i| ends.get(i)) {
        Some(&(at, _)) if at > from => at,
        _ => from,
    };
    let after = ends.partition_point(|&(at, _)| at <= end);
    let e = match ends.get(after) {
        // Keep a full stop, drop a bullet or a bar.
        Some(&(at, len)) if at <= to && end < to => at - len + usize::from(len == 2),
        _ => end.max(to),
    };
    trimmed_sentence(text, s, e, to)
}

/// How far to look for the ends of a sentence, each way from a hit.
pub(super) const MAX_SENTENCE_BYTES: usize = 600;

pub(super) fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub(super) fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}
