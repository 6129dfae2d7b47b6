//! Plain text -> structured text.
//!
//! Every non-empty line is a block. Lines opening with a bullet (`-`, `*`, `•`, `1.`) are list
//! items; a short line in capitals, or one underlined with `===` or `---`, is a heading, and so
//! is a short line that names a known section and stands after an empty line, before an empty
//! line or a list ("🤓 Profil recherché"). A short first line is taken as the title.
//!
//! A text whose line breaks were written as escapes (`\r\n` as four characters, as in a row of
//! a SQL dump or a JSON string copied out whole) has them made real first, and a text written
//! for a terminal (colours and styles as ANSI escape sequences, as a page served to `curl`
//! sends them) has its escape sequences removed (strip-ansi-escapes).

use std::borrow::Cow;

use super::{BlockKind, Metadata, RawBlock, push_block};

/// The fewest escaped line breaks (`\n` written as two characters) that, outnumbering the real
/// ones, show a text whose lines were escaped.
const MIN_ESCAPED_BREAKS: usize = 4;

/// `text` without the ANSI escape sequences (colours, bold) of a text written for a terminal;
/// a text without the escape character is returned as it is.
fn strip_terminal_codes(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.contains('\u{1b}') {
        Cow::Owned(strip_ansi_escapes::strip_str(&text))
    } else {
        text
    }
}

/// Reduces plain text to metadata and blocks.
pub fn extract(text: &str) -> (Metadata, Vec<RawBlock>) {
    let text = unescape_breaks(text);
    let text = strip_terminal_codes(text);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut blocks = Vec::new();
    let mut collapsed = String::new();
    let mut index = 0;
    while let Some(&line) = lines.get(index) {
        index += 1;
        if line.is_empty() || is_rule(line) {
            continue;
        }
        let underlined = lines.get(index).is_some_and(|next| is_rule(next));
        let after_gap = index < 2 || lines.get(index - 2).is_some_and(|p| p.is_empty());
        let before_list = lines
            .get(index)
            .is_none_or(|next| next.is_empty() || strip_bullet(next).is_some());
        let (kind, body) = if underlined
            || is_caps_heading(line)
            || (after_gap && before_list && is_named_heading(line))
        {
            (BlockKind::Heading(2), line)
        } else if let Some(body) = strip_bullet(line) {
            (BlockKind::ListItem, body)
        } else {
            (BlockKind::Paragraph, line)
        };
        collapsed.clear();
        super::push_collapsed(&mut collapsed, body);
        push_block(&mut blocks, kind, &collapsed, false);
    }
    let title = blocks
        .first()
        .filter(|b| {
            b.kind != BlockKind::ListItem
                && b.text.chars().count() <= 80
                && !b.text.ends_with(['.', ':'])
                && !b.text.contains('|')
        })
        .map(|b| b.text.clone());
    (
        Metadata {
            title,
            ..Metadata::default()
        },
        blocks,
    )
}

/// `text` with its escaped line breaks (`\r\n`, `\n` as backslash escapes) made real, when it
/// has at least [`MIN_ESCAPED_BREAKS`] of them and more than real lines; else `text` itself.
fn unescape_breaks(text: &str) -> Cow<'_, str> {
    let escaped = text.matches("\\n").count();
    if escaped < MIN_ESCAPED_BREAKS || escaped <= text.lines().count() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\\r\\n", "\n").replace("\\n", "\n"))
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3 && line.chars().all(|c| matches!(c, '=' | '-' | '_' | '*'))
}

/// A short line (60 characters at most) with three letters or more, all capitals.
fn is_caps_heading(line: &str) -> bool {
    // Sixty characters are at most 240 bytes: long lines (paragraphs) are not even decoded.
    if line.len() > 240 || line.chars().count() > 60 {
        return false;
    }
    let mut letters = 0;
    for c in line.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 3
}

/// Most words of a heading line in mixed case ([`is_named_heading`]).
const MAX_NAMED_HEADING_WORDS: usize = 6;

/// A short line in mixed case that names a known section ("🤓 Profil recherché",
/// "Ce que nous t’offrons"), with no sentence punctuation at its end. Read as a heading only
/// where it stands after an empty line and before an empty line or a list.
fn is_named_heading(line: &str) -> bool {
    line.len() <= 240
        && line.chars().count() <= 60
        && line.split_whitespace().count() <= MAX_NAMED_HEADING_WORDS
        && !line.ends_with(['.', ',', ';', '!', '?', ':', '，', '；', '：'])
        // A sentence end inside is a sentence, not a heading ("熟悉Rust语言。有Docker经验者优先。").
        && !line.contains(['。', '！', '？'])
        && strip_bullet(line).is_none()
        && super::sections::classify_heading(line).is_some()
}

fn strip_bullet(line: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "• ", "· ", "– ", "+ ", "o "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest);
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of the résumé tests/fixtures/fit/heldout19/resumes/junior-developer-benjamin-adams.txt,
    /// served to `curl` with its bold and colours as ANSI escape sequences.
    #[test]
    fn terminal_escape_sequences_are_removed() {
        let text = "    → set-based SQL + selective KMS decryption. \u{1b}[32m9s → 0.25s\u{1b}[0m\n\n\
                    \u{20} \u{1b}[1mMiniShell\u{1b}[0m   Unix shell in C → WebAssembly. Runs in your\n";
        let (_, blocks) = extract(text);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "→ set-based SQL + selective KMS decryption. 9s → 0.25s",
                "MiniShell Unix shell in C → WebAssembly. Runs in your"
            ]
        );
    }

    #[test]
    fn escaped_line_breaks_are_made_real() {
        let row = r"(72, 'Developer', 'Вимоги:\r\n\r\nLinux, Git, Docker\r\n\r\nЩо ми пропонуємо Вам:\r\n\r\nКурси')";
        let (_, blocks) = extract(row);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "(72, 'Developer', 'Вимоги:",
                "Linux, Git, Docker",
                "Що ми пропонуємо Вам:",
                "Курси')"
            ]
        );
        let code = r#"printf("%d\n", x); puts("\n");"#;
        assert_eq!(unescape_breaks(code), code);
    }

    #[test]
    fn caps_headings_as_defined() {
        let by_definition = |line: &str| {
            let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 3
                && line.chars().count() <= 60
                && letters.iter().all(|c| c.is_uppercase())
        };
        let mut lines: Vec<String> = [
            "",
            "AB",
            "ABC",
            "A B C",
            "ABC def",
            "REQUIREMENTS:",
            "ÉQUIPE & AVANTAGES",
            "任职要求",
            "WHAT YOU'LL DO 🦄",
        ]
        .map(str::to_owned)
        .to_vec();
        lines.push("A".repeat(60));
        lines.push("A".repeat(61));
        lines.push("É".repeat(60));
        lines.push("É".repeat(61));
        lines.push("🦄".repeat(59) + "ABC");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            lines.extend(text.lines().map(|l| l.trim().to_owned()));
        }
        let mut headings = 0;
        for line in &lines {
            assert_eq!(is_caps_heading(line), by_definition(line), "{line:?}");
            headings += usize::from(by_definition(line));
        }
        assert!(headings > 20, "{headings}");
    }

    #[test]
    fn lines_bullets_and_headings() {
        let text = "Senior Rust Engineer\n\nREQUIREMENTS\n- Rust\n• Linux\n2. Git\n\nBenefits\n========\nGym\n";
        let (meta, blocks) = extract(text);
        assert_eq!(meta.title.as_deref(), Some("Senior Rust Engineer"));
        let got: Vec<_> = blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Paragraph, "Senior Rust Engineer"),
                (BlockKind::Heading(2), "REQUIREMENTS"),
                (BlockKind::ListItem, "Rust"),
                (BlockKind::ListItem, "Linux"),
                (BlockKind::ListItem, "Git"),
                (BlockKind::Heading(2), "Benefits"),
                (BlockKind::Paragraph, "Gym"),
            ]
        );
    }
}
