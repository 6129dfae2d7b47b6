//! Documents that are HTML in disguise: plain text that is really HTML markup (a template or a
//! page fragment saved under another name), and one RSS `<item>` saved as a page, whose
//! description is HTML inside CDATA. This module only recognises them and rewrites an item into
//! a page; reading the HTML stays with [`super::html`].

/// HTML elements whose opening tag may start a page or a fragment of one.
const START_TAGS: &[&str] = &[
    "!doctype", "!--", "html", "head", "body", "div", "p", "section", "article", "main", "ul",
    "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "span", "header", "strong", "b", "br",
    "meta", "title",
];

/// Whether `text` (read as plain text) starts with an HTML tag and so is HTML markup.
///
/// Only lower-case HTML element names count: JSX components (`<Localized`) and processing
/// instructions (`<?php`) are not HTML.
pub(crate) fn is_html_markup(text: &str) -> bool {
    let Some(rest) = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .strip_prefix('<')
    else {
        return false;
    };
    let name_end = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(rest.len());
    let name = rest.get(..name_end).unwrap_or_default();
    let name = name.strip_prefix("!--").map_or(name, |_| "!--");
    START_TAGS
        .iter()
        .any(|tag| name == *tag || (*tag == "!doctype" && name.eq_ignore_ascii_case(tag)))
}

/// One RSS `<item>` saved as a page, rewritten as an HTML page: its `<title>` as the page
/// title and its `<description>` (HTML, in CDATA or escaped) as the body. The feed's other
/// fields (link, guid, dates, logo) are furniture and are left out. `None` when `text` is not
/// an item that starts the document.
pub(crate) fn rss_item_page(text: &str) -> Option<String> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let body = body.strip_prefix("<item>")?;
    let title = element(body, "title").map(unwrap_cdata).unwrap_or_default();
    let description = element(body, "description").map(unwrap_cdata)?;
    Some(format!(
        "<html><head><title>{}</title></head><body>{description}</body></html>",
        title.trim()
    ))
}

/// The raw content of the first `<name>...</name>` element in `text`.
fn element<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = text.find(&open)? + open.len();
    let len = text.get(start..)?.find(&close)?;
    text.get(start..start + len)
}

/// The content of a CDATA section, or the text unchanged when it is not one.
fn unwrap_cdata(text: &str) -> &str {
    let trimmed = text.trim();
    trimmed
        .strip_prefix("<![CDATA[")
        .and_then(|rest| rest.strip_suffix("]]>"))
        .unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_markup_is_told_from_jsx_and_text() {
        assert!(is_html_markup("\t\t<div class=\"vc_tta-panel\" id=\"1\"\n"));
        assert!(is_html_markup("<!DOCTYPE html><html>"));
        assert!(is_html_markup("<p>Wir suchen</p>"));
        assert!(!is_html_markup("<Localized id=\"x\">"));
        assert!(!is_html_markup("<?include('top.php')?>"));
        assert!(!is_html_markup("Senior developer <3 Rust"));
    }

    #[test]
    fn an_rss_item_becomes_its_title_and_description() {
        // The shape of a jouwictvacature.nl feed item (tests/fixtures/i18n-fresh5/nl).
        let item = "    <item>\n      <title><![CDATA[Software Tester bij Minox!]]></title>\n      \
            <link>https://example.nl/v</link>\n      <description><![CDATA[<p>Test \
            strategie&euml;n</p>]]></description>\n      <guid>g</guid>\n    </item>\n";
        let page = rss_item_page(item);
        assert_eq!(
            page.as_deref(),
            Some(
                "<html><head><title>Software Tester bij Minox!</title></head><body><p>Test \
                 strategie&euml;n</p></body></html>"
            )
        );
        assert_eq!(rss_item_page("<p>no item</p>"), None);
    }
}
