//! White space of extracted text: collapsing runs of it to one space and counting words, the
//! two passes every extractor makes over each run of text. Hand-written over bytes (eight at a
//! time over printable ASCII) rather than with `split_whitespace` and `chars`, which decode every
//! character.

/// Collapses runs of white space to one space and trims; used by every extractor.
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    push_collapsed_counting(out, text);
}

/// [`push_collapsed`], returning how many characters of `text` are not white space.
///
/// White space is what [`char::is_whitespace`] says; each run of it becomes one space, none at
/// the start of `out` or after a space. One pass over the bytes: only four lead bytes can start
/// a white-space character outside ASCII, and only those are decoded.
pub(crate) fn push_collapsed_counting(out: &mut String, text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut visible = 0;
    let mut at = 0;
    loop {
        // A run of visible characters, copied whole.
        let start = at;
        let mut space_len = 0;
        while let Some(&byte) = bytes.get(at) {
            if let Some(spaces) = bytes.get(at..at + 8).and_then(plain_ascii_chunk) {
                at += 8;
                visible += 8 - spaces;
                continue;
            }
            if byte < 0x80 {
                if is_ascii_space(byte) {
                    // One space between two visible characters is what collapsing would
                    // write: it stays in the run, copied with it.
                    if byte == b' ' && at > start && !space_or_end(text, at + 1) {
                        at += 1;
                        continue;
                    }
                    space_len = 1;
                    break;
                }
                at += 1;
            } else {
                space_len = non_ascii_space(text, at);
                if space_len > 0 {
                    break;
                }
                at += match byte {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    _ => 2,
                };
            }
            visible += 1;
        }
        out.push_str(text.get(start..at).unwrap_or_default());
        if space_len == 0 {
            return visible;
        }
        // A run of white space, one space at most.
        at += space_len;
        loop {
            // Indentation: eight spaces at a time.
            while bytes.get(at..at + 8) == Some(b"        ") {
                at += 8;
            }
            match bytes.get(at) {
                Some(&byte) if is_ascii_space(byte) => at += 1,
                Some(&byte) if byte >= 0x80 => match non_ascii_space(text, at) {
                    0 => break,
                    len => at += len,
                },
                _ => break,
            }
        }
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
}

/// Words of `text`: runs of characters that are not white space (as `split_whitespace` counts
/// them). Eight bytes at a time over printable ASCII, byte by byte elsewhere (decoding only the
/// lead bytes that may start white space outside ASCII).
pub(super) fn count_words(text: &str) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if let Some(spaces) = bytes.get(at..at + 8).and_then(printable_ascii_spaces) {
            // A word starts at each visible byte after a space (or, for the first byte, after
            // what came before the chunk).
            let visible = !spaces & HIGH;
            let after_space = (spaces << 8) | if in_word { 0 } else { 0x80 };
            words += sum_of_bytes((visible & after_space) >> 7);
            in_word = visible >> 63 != 0;
            at += 8;
            continue;
        }
        let space_len = if byte < 0x80 {
            usize::from(is_ascii_space(byte))
        } else {
            non_ascii_space(text, at)
        };
        if space_len > 0 {
            in_word = false;
            at += space_len;
        } else {
            words += usize::from(!in_word);
            in_word = true;
            at += 1;
        }
    }
    words
}

/// The sum of the bytes of `flags`, each 0 or 1: a multiplication adds them all into the top
/// byte (`count_ones` is a dozen instructions on x86-64 without POPCNT, the default target).
fn sum_of_bytes(flags: u64) -> usize {
    (flags.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// If `chunk` (eight bytes) is all printable ASCII or spaces (0x20 to 0x7F), the high bit of
/// each of its bytes that is a space; `None` otherwise. Eight bytes at a time (SWAR).
fn printable_ascii_spaces(chunk: &[u8]) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    const LOW: u64 = ONES * 0x7F;
    let word = u64::from_le_bytes(chunk.try_into().ok()?);
    // A byte at 0x80 or above, or below 0x20 (ASCII white space but the space, controls): the
    // subtraction borrows into a high bit only below a byte that is below 0x20.
    if (word.wrapping_sub(ONES * 0x20) | word) & HIGH != 0 {
        return None;
    }
    // The high bit of each byte that is 0x20, exactly (no addition carries out of a byte).
    let other = word ^ (ONES * 0x20);
    Some(!(((other & LOW) + LOW) | other | LOW))
}

/// If `chunk` (eight bytes) is printable ASCII with single spaces inside it (none first or
/// last, no two together), which [`push_collapsed_counting`] copies as it is, the number of
/// its spaces; `None` otherwise. Eight bytes at a time (SWAR), without a branch per byte.
fn plain_ascii_chunk(chunk: &[u8]) -> Option<usize> {
    let spaces = printable_ascii_spaces(chunk)?;
    // Little endian: byte 0 is the low byte. No space first or last, none next to another.
    let first_or_last = 0x80 | (0x80 << 56);
    if spaces & first_or_last != 0 || spaces & (spaces << 8) != 0 {
        return None;
    }
    Some(sum_of_bytes(spaces >> 7))
}

/// Whether a white-space character starts at byte `at` of `text`, or the text ends there.
fn space_or_end(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(&byte) if byte < 0x80 => is_ascii_space(byte),
        Some(_) => non_ascii_space(text, at) > 0,
        None => true,
    }
}

pub(super) fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// The length of the white-space character at `at` (a non-ASCII lead byte), 0 if it is not
/// white space: U+0085, U+00A0 (C2 85, C2 A0), U+1680 (E1 9A 80), U+2000-U+200A, U+2028,
/// U+2029, U+202F, U+205F (E2 80 xx, E2 81 9F), U+3000 (E3 80 80).
pub(super) fn non_ascii_space(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let candidate = match bytes.get(at) {
        Some(0xC2) => matches!(bytes.get(at + 1), Some(0x85 | 0xA0)),
        Some(0xE1) => bytes.get(at + 1) == Some(&0x9A),
        Some(0xE2) => matches!(bytes.get(at + 1), Some(0x80 | 0x81)),
        Some(0xE3) => bytes.get(at + 1) == Some(&0x80),
        _ => false,
    };
    if !candidate {
        return 0;
    }
    match text.get(at..).and_then(|rest| rest.chars().next()) {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}
