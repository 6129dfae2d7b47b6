//! Plain text -> structured text.
//!
//! Every non-empty line is a block. Lines opening with a bullet (`-`, `*`, `•`, `1.`) are list
//! items; a short line in capitals, or one underlined with `===` or `---`, is a heading. A
//! short first line is taken as the title.

use super::{BlockKind, Metadata, RawBlock, push_block};

/// Reduces plain text to metadata and blocks.
pub fn extract(text: &str) -> (Metadata, Vec<RawBlock>) {
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
        let (kind, body) = if underlined || is_caps_heading(line) {
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

fn is_rule(line: &str) -> bool {
    line.len() >= 3 && line.chars().all(|c| matches!(c, '=' | '-' | '_' | '*'))
}

fn is_caps_heading(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && line.chars().count() <= 60 && letters.iter().all(|c| c.is_uppercase())
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
