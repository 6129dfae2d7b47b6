//! Case folding for the phrase scan: capitals outside ASCII lowercased in place, so that the
//! trie (which folds ASCII letters itself) finds "ІТ", "ДОСВІД" or "ΕΜΠΕΙΡΙΑ" by their
//! lowercase keys, at the same byte offsets as in the text.

use std::borrow::Cow;

/// `text` with every capital outside ASCII whose lowercase is one character of the same UTF-8
/// length lowercased ("ВНЗ" -> "внз", "É" -> "é"); every other character (ASCII ones
/// included: the trie folds those, and case-sensitive terms read them) as it is. Byte offsets
/// are those of `text`. The few capitals whose lowercase is longer or shorter ("İ", "ẞ") stay.
///
/// ASCII text, and text without such capitals, is borrowed: no copy.
pub(super) fn fold_capitals(text: &str) -> Cow<'_, str> {
    let Some(first) = first_capital(text) else {
        return Cow::Borrowed(text);
    };
    let (head, tail) = text.split_at(first);
    let mut out = String::with_capacity(text.len());
    out.push_str(head);
    out.extend(tail.chars().map(|c| folded(c).unwrap_or(c)));
    Cow::Owned(out)
}

/// Byte offset of the first character of `text` that [`folded`] changes. Runs of ASCII are
/// skipped eight bytes at a time: most postings are ASCII but for a few quotes and dashes,
/// and the scan should not pay a decoding pass for those.
fn first_capital(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at = next_non_ascii(bytes, at)?;
        let c = text.get(at..)?.chars().next()?;
        if folded(c).is_some() {
            return Some(at);
        }
        at += c.len_utf8();
    }
}

/// Byte offset of the first byte at or after `from` that is not ASCII.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut offset = from;
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        if word & HIGH_BITS != 0 {
            break;
        }
        offset += 8;
    }
    let tail = bytes.get(offset..)?;
    tail.iter().position(|&b| !b.is_ascii()).map(|i| offset + i)
}

/// The lowercase of `c` when `c` is a capital outside ASCII and its lowercase is a single
/// character as long in UTF-8.
#[inline]
fn folded(c: char) -> Option<char> {
    if c.is_ascii() || !c.is_uppercase() {
        return None;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => Some(l),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_of_every_script_fold_in_place() {
        // tests/fixtures/i18n/uk/postings/workua-logika-teacher-control.txt
        let text = "Великою перевагою буде  вища освіта в області ІТ ,  педагогіки/психології.";
        let folded = fold_capitals(text);
        assert_eq!(folded.len(), text.len());
        assert!(folded.contains("великою") && folded.contains("області іт ,"));
        assert_eq!(fold_capitals("ΕΜΠΕΙΡΙΑ Équipe Go"), "εμπειρια équipe Go");
        // Lowercase of another length: left as written, offsets kept.
        assert_eq!(fold_capitals("İstanbul ẞ"), "İstanbul ẞ");
        assert!(matches!(fold_capitals("Rust and Go"), Cow::Borrowed(_)));
        assert!(matches!(fold_capitals("вже малі літери"), Cow::Borrowed(_)));
        // A capital after a long ASCII run and after other non-ASCII letters is found.
        let long = "Rust, Go and C++ — and “quotes”: ВНЗ";
        assert_eq!(fold_capitals(long), "Rust, Go and C++ — and “quotes”: внз");
        assert_eq!(next_non_ascii(b"abcdefghijklmnop\xc3", 0), Some(16));
        assert_eq!(next_non_ascii(b"abcdefgh", 3), None);
    }
}
