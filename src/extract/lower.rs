//! Lowercasing of a page's text for the extractor's tests of words and phrases: the same string
//! as [`str::to_lowercase`], built by copying the runs of ASCII between other characters whole
//! and lowering them in place, where the standard one goes character by character once it has
//! met the first character that is not ASCII (most pages have one near their top: a curly
//! quote, a bullet, an accented letter).

/// Bytes of ASCII tested at once.
const CHUNK: usize = 8;

/// `text` in lowercase: exactly `text.to_lowercase()`.
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = ascii_prefix(rest.as_bytes());
        let (head, tail) = rest.split_at(ascii);
        if !head.is_empty() {
            let start = out.len();
            out.push_str(head);
            if let Some(copied) = out.get_mut(start..) {
                copied.make_ascii_lowercase();
            }
        }
        let mut chars = tail.chars();
        let Some(c) = chars.next() else {
            break;
        };
        // A capital sigma lowers by its place in a word (σ or ς): the standard library knows
        // the rule.
        if c == 'Σ' {
            return text.to_lowercase();
        }
        out.extend(c.to_lowercase());
        rest = chars.as_str();
    }
    out
}

/// How many bytes `bytes` starts with that are ASCII.
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut at = 0;
    for chunk in bytes.chunks_exact(CHUNK) {
        let mut word = [0; CHUNK];
        word.copy_from_slice(chunk);
        if u64::from_ne_bytes(word) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        at += CHUNK;
    }
    at + bytes
        .get(at..)
        .map_or(0, |tail| tail.iter().take_while(|b| b.is_ascii()).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_as_the_standard_library_does() {
        for text in [
            "",
            "Hello World",
            "ÉCOLE Supérieure — «Ingénieur» d’ÉTUDES",
            "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ Σ",
            "İSTANBUL ǅ ẞ KELVIN \u{212A}",
            "Ваканси́я: Программист C++ (удалённо) 100% REMOTE",
            "勤務地・交通 ABC 근무예정지 Straße",
            "a very long line of plain ASCII TEXT, long enough for several chunks of eight",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text:?}");
        }
    }
}
