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
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let Some(first) = text
        .char_indices()
        .find(|&(_, c)| folded(c).is_some())
        .map(|(at, _)| at)
    else {
        return Cow::Borrowed(text);
    };
    let (head, tail) = text.split_at(first);
    let mut out = String::with_capacity(text.len());
    out.push_str(head);
    out.extend(tail.chars().map(|c| folded(c).unwrap_or(c)));
    Cow::Owned(out)
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
    }
}
