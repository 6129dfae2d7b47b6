//! Character references (`&amp;`, `&#233;`, `&#xE9;`, `&not`) decoded the way the HTML
//! tokenizer decodes them, with the standard's table of named references (the one html5ever
//! uses, from `markup5ever`).
//!
//! Named references: the longest name in the table wins; the legacy ones that the table holds
//! without `;` (`&amp`, `&copy`, `&not`...) are decoded without it in text, but in an attribute
//! value they are left as they are when the next character is `=` or alphanumeric
//! (`href="?a=1&copy=2"`). Numeric references: decimal or hexadecimal, `;` optional; zero,
//! surrogates and values beyond U+10FFFF become U+FFFD, and 0x80-0x9F map to the characters
//! windows-1252 puts there.

use std::borrow::Cow;

use markup5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// `text` with its character references decoded (borrowed when it has none).
pub fn decode(text: &str, in_attribute: bool) -> Cow<'_, str> {
    if memchr::memchr(b'&', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    decode_into(&mut out, text, in_attribute);
    Cow::Owned(out)
}

/// Appends `text` to `out` with its character references decoded.
pub fn decode_into(out: &mut String, text: &str, in_attribute: bool) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = bytes.get(at..).and_then(|rest| memchr::memchr(b'&', rest)) {
        let amp = at + found;
        out.push_str(text.get(copied..amp).unwrap_or_default());
        let (consumed, decoded) = reference(text, amp + 1, in_attribute);
        match decoded {
            Some(Decoded::One(c)) => out.push(c),
            Some(Decoded::Two(c1, c2)) => {
                out.push(c1);
                out.push(c2);
            }
            None => out.push('&'),
        }
        copied = amp + 1 + consumed;
        at = copied;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
}

enum Decoded {
    One(char),
    Two(char, char),
}

/// Reads the reference that starts at `at` (just after `&`): how many bytes it takes and what
/// it stands for (`None`: not a reference, the `&` stays as it is and nothing is consumed).
fn reference(text: &str, at: usize, in_attribute: bool) -> (usize, Option<Decoded>) {
    let bytes = text.as_bytes();
    match bytes.get(at) {
        Some(b'#') => numeric(bytes, at + 1),
        Some(b) if b.is_ascii_alphanumeric() => named(text, at, in_attribute),
        _ => (0, None),
    }
}

fn numeric(bytes: &[u8], mut at: usize) -> (usize, Option<Decoded>) {
    let start = at - 1;
    let hex = matches!(bytes.get(at), Some(b'x' | b'X'));
    if hex {
        at += 1;
    }
    let radix = if hex { 16 } else { 10 };
    let digits_start = at;
    let mut value: u32 = 0;
    let mut too_big = false;
    while let Some(digit) = bytes.get(at).and_then(|&b| char::from(b).to_digit(radix)) {
        value = match value.checked_mul(radix).and_then(|v| v.checked_add(digit)) {
            Some(v) if v <= 0x10_FFFF => v,
            _ => {
                too_big = true;
                0x11_0000
            }
        };
        at += 1;
    }
    if at == digits_start {
        // `&#` or `&#x` with no digits: not a reference.
        return (0, None);
    }
    if bytes.get(at) == Some(&b';') {
        at += 1;
    }
    let c = match value {
        _ if too_big => '\u{FFFD}',
        0 | 0xD800..=0xDFFF => '\u{FFFD}',
        0x80..=0x9F => C1_REPLACEMENTS
            .get((value - 0x80) as usize)
            .copied()
            .flatten()
            .or_else(|| char::from_u32(value))
            .unwrap_or('\u{FFFD}'),
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    };
    // `start` is the `#`: the count is from there.
    (at - start, Some(Decoded::One(c)))
}

/// Longest name in the table: every entity name is at most this long (with its `;`).
const LONGEST_NAME: usize = 32;

fn named(text: &str, at: usize, in_attribute: bool) -> (usize, Option<Decoded>) {
    let bytes = text.as_bytes();
    let mut best: Option<(usize, (u32, u32))> = None;
    let mut len = 0;
    // The table holds every prefix of every name (with a zero value), so the search stops as
    // soon as a prefix is not in it.
    while len < LONGEST_NAME {
        let Some(&b) = bytes.get(at + len) else { break };
        if !(b.is_ascii_alphanumeric() || b == b';') {
            break;
        }
        len += 1;
        let Some(&found) = text
            .get(at..at + len)
            .and_then(|key| NAMED_ENTITIES.get(key))
        else {
            break;
        };
        if found.0 != 0 {
            best = Some((len, found));
        }
        if b == b';' {
            break;
        }
    }
    let Some((len, (c1, c2))) = best else {
        return (0, None);
    };
    let ends_with_semicolon = bytes.get(at + len - 1) == Some(&b';');
    if in_attribute && !ends_with_semicolon {
        let next = bytes.get(at + len);
        if next.is_some_and(|&b| b == b'=' || b.is_ascii_alphanumeric()) {
            return (0, None);
        }
    }
    let Some(c1) = char::from_u32(c1) else {
        return (0, None);
    };
    let decoded = match char::from_u32(c2) {
        Some(c2) if c2 != '\0' => Decoded::Two(c1, c2),
        _ => Decoded::One(c1),
    };
    (len, Some(decoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        decode(s, false).into_owned()
    }

    fn attr(s: &str) -> String {
        decode(s, true).into_owned()
    }

    #[test]
    fn named_references() {
        assert_eq!(
            text("R&amp;D &lt;b&gt; &quot;x&quot; &nbsp;"),
            "R&D <b> \"x\" \u{a0}"
        );
        assert_eq!(text("&eacute;t&eacute;"), "été");
        assert_eq!(text("&NotEqualTilde;"), "\u{2242}\u{338}");
        assert_eq!(text("&unknown; & &;"), "&unknown; & &;");
        assert_eq!(text("a&"), "a&");
    }

    #[test]
    fn legacy_names_without_semicolon() {
        assert_eq!(text("&amp &copy 2024 &notit;"), "& © 2024 ¬it;");
        assert_eq!(text("&notin;"), "∉");
        assert_eq!(text("AT&T"), "AT&T");
        // In attributes, not before `=` or an alphanumeric.
        assert_eq!(attr("?a=1&copy=2&amp;b"), "?a=1&copy=2&b");
        assert_eq!(attr("&copyx &copy x &amp"), "&copyx © x &");
        assert_eq!(text("&copyx"), "©x");
    }

    #[test]
    fn numeric_references() {
        assert_eq!(text("&#39;&#x27;&#X41;&#65"), "''AA");
        assert_eq!(
            text("&#0;&#xD800;&#x110000;&#99999999999;"),
            "\u{FFFD}".repeat(4)
        );
        assert_eq!(text("&#x80;&#150;"), "€–");
        assert_eq!(text("&#; &#x; &#xg"), "&#; &#x; &#xg");
    }
}
