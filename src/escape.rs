//! Escaping text for the formats jobfit writes and reads: HTML element content and quoted
//! attribute values. A leaf module: extraction (board descriptions rebuilt as HTML) and the
//! reports both use it, and it uses nothing of theirs.

/// Escapes text for HTML element content and quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
