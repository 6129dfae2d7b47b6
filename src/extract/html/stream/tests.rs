//! The streaming path against the scraper path on crafted markup, and its own guarantees.

use super::super::{BlockKind, extract_with_warnings, fragment_blocks, reference};
use super::*;

type Shown = Vec<(BlockKind, String, bool)>;

fn shown(blocks: Vec<crate::extract::RawBlock>) -> Shown {
    blocks
        .into_iter()
        .map(|b| (b.kind, b.text, b.bold))
        .collect()
}

fn new_document(html: &str) -> (Shown, Option<String>) {
    let (meta, blocks, _) = extract_with_warnings(html);
    (shown(blocks), meta.title)
}

fn old_document(html: &str) -> (Shown, Option<String>) {
    let (meta, blocks, _) = reference::extract_with_warnings(html);
    (shown(blocks), meta.title)
}

/// Sixty words, enough for a main content element to be chosen.
fn long_text() -> String {
    (0..60).map(|i| format!("word{i} ")).collect()
}

/// Markup where the tree builder's rules matter: both paths must give the same blocks and
/// title, as a document and as a fragment.
#[test]
fn agrees_with_scraper_on_crafted_markup() {
    let long = long_text();
    let cases: Vec<String> = vec![
        "<p>One<p>Two<div>Three</div>Four".into(),
        "<ul><li>a<li>b<ul><li>c</ul><li>d</ul>after".into(),
        "<dl><dt>T<dd>D<dt>T2</dl>x".into(),
        format!("<p>before</p><main><p>{long}<p>{long}<li>unclosed<br>x<img src=y>z</main><p>outside"),
        format!("<div role=main><p>{long}<ul><li>a<li>b</ul></div><footer>f</footer><p>after"),
        format!("<article><p>{long}<p>x</article><article><p>second</article><p>after"),
        "<div>a<br>b<br/>c<img src=x>d<hr>e<wbr>f</div>".into(),
        "<b>bold<p>para</b>rest</p>".into(),
        "<p><b>x<p>y</b>z".into(),
        "<p><strong>Lead:</strong></p><p>text <b>b</b></p>".into(),
        "<a href=1>x<a href=2>y</a> <a>z</a>".into(),
        "<div><a href=1>Jobs in Docker</a> <a href=2>Jobs in Rust</a> <a href=3>Jobs in Go</a></div><p>We use <a>Rust</a>.</p>".into(),
        "<table><tr><td>a<td>b<tr><td>c</table>d".into(),
        "<table><td>x</td></table>y".into(),
        "<table><caption>cap<tr><th>h<td>v</table>".into(),
        "<table><tbody><tr><td>a</tbody><tfoot><tr><td>f</table>".into(),
        "<table>foster<tr><td>x</table>".into(),
        "<td>outside</td><tr>row</tr>".into(),
        "<h1>a<h2>b</h1>c<h3>d</h4>e".into(),
        "</p>stray</br>x</div>y".into(),
        "<div hidden>h</div><div aria-hidden=true>h</div><div class='cookie-banner'>c</div>v".into(),
        "<div class=&quot;login&quot;>entity class</div><div id='x&amp;cookie'>gone</div>kept".into(),
        "<meta property=og:title content='R&amp;D &copy=2 Engineer'><p>x".into(),
        "<title>A &amp; B &lt;x&gt;</title><p>x".into(),
        "<head><title>T1</title></head><body><svg><title>Icon</title></svg><p>x".into(),
        "<script>document.write('<div>x</div>')</script><p>after</p>".into(),
        "<style>p{}</style><textarea><p>not</p>&amp;</textarea>t".into(),
        "<!-- <p>c</p> --><p>v</p><!--><p>w</p><!---><p>x</p><!-- a --!><p>y</p><!----><p>z".into(),
        "<!x><?php echo 1 ?><p>a</ p>b<![CDATA[ c > d ]]>e".into(),
        "<svg><title>icon</title><path/><![CDATA[ a > b ]]></svg><p>t</p>".into(),
        "<math><mi>x</mi><mo>+</mo></math> text <math><p>breaks</p></math>".into(),
        "<p>x<svg><p>y</svg>z<svg><font color=red>f</font></svg>".into(),
        "<div data-a='>' data-b=\">\" c=d e=f>g</div><div a=b/c d/>h</div>".into(),
        "a &amp b &lt; c &#x41; &#65 &notin; &notit; &copy2024 &#0; &#x80; &bogus; &".into(),
        "<select><option>a<option>b</select>after".into(),
        "<noscript><p>no</p></noscript><p>yes</p>".into(),
        "<template><p>t</p></template><p>u</p>".into(),
        "<form><form><p>a</p></form></form>after".into(),
        "<p>a<table><tr><td>b</td></tr></table>c".into(),
        "<!DOCTYPE html><p>a<table><tr><td>b</table>c".into(),
        "<!doctype html public \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>a<table><td>b</table>c".into(),
        "<DIV CLASS=Login>upper</DIV><P>Para<BR>two</P>".into(),
        "<html class=signin><p>whole page dropped".into(),
        "<head><template><p>t</template><title>x</title></head><p>u".into(),
        "<div>use<select></div>Rust</select><h2>use<select></h3>Rust".into(),
        "<select><option>a<input>after<select>x<select>y".into(),
        "<form>a<div></form>b</div>c<form>d</form>e<div><form>f</div><form>g".into(),
        "<svg>Docker <image></marquee></body>senior".into(),
        "<body role=main><p>body as main".into(),
        "<button>b<button>c</button>d".into(),
        "<p>a<button><p>b</button>c".into(),
        "<ruby>漢<rt>kan</rt>字<rp>(</rp></ruby>".into(),
        "<li>x<div><li>y</div>z".into(),
        "<xmp><b>x</b></xmp><iframe><p>x</p></iframe>z".into(),
        "<b><i>x</b>y</i>z".into(),
        "<pre>\ncode\n  here</pre>".into(),
        "<p>x<div".into(),
        "<p>x</di".into(),
        "<p>x<!-- unclosed".into(),
        "<p>x<div class=\"unclosed".into(),
        "<<>><a<b>c</a<b>".into(),
        "<p>a</p\n>b x <3 y</p >".into(),
        "<nav>menu</nav><header>h</header><aside>a</aside><p>main</p>".into(),
        "<object><p>o</p></object><applet>ap</applet><marquee>m</marquee>".into(),
        "<nobr>a<nobr>b</nobr>".into(),
        "<h2><strong>Requirements</strong></h2><ul><li><p>Rust</p></li></ul>".into(),
        "<div>a<span>b</div>c</span>d".into(),
        "<p>one</p>\n\n<p>two\u{a0}&nbsp;three</p>".into(),
        "<body><p>a</body><p>after body</html><p>after html".into(),
        "<head><div>in head</div><title>t</title></head><p>x".into(),
        "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"T &amp; U\",\
         \"description\":\"<p>We use <b>Rust</b> &amp; Go<li>Kafka\"}</script><div id=app></div>"
            .into(),
    ];
    let mut differences = Vec::new();
    for case in &cases {
        let (old, new) = (old_document(case), new_document(case));
        let fragment_differs = case.starts_with("<html");
        if old != new {
            differences.push(format!("document {case:?}:\n  old {old:?}\n  new {new:?}"));
        }
        let old = shown(reference::fragment_blocks(case));
        let new = shown(fragment_blocks(case));
        if (old != new) != fragment_differs {
            differences.push(format!("fragment {case:?}:\n  old {old:?}\n  new {new:?}"));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// Attributes of an `<html>` tag that is not the first thing in a document (or any `<html>` tag
/// in a fragment) are merged into the root element by html5ever, after the walker has seen it
/// here: ignored, as are those of a second `<body>` tag.
#[test]
fn known_difference_late_html_attributes() {
    let html = "<html class=signin><p>whole page dropped";
    assert!(shown(reference::fragment_blocks(html)).is_empty());
    assert_eq!(shown(fragment_blocks(html)).len(), 1);
    // As the first tag of a document, they are read as html5ever reads them.
    assert!(new_document(html).0.is_empty());
}

/// Where the streaming path differs from html5ever on purpose: script data "double escaped"
/// (`<!--<script>` inside a script) is not emulated. No posting text comes from a script.
#[test]
fn known_difference_double_escaped_script() {
    let html = "<script><!--<script></script><p>inside</p>--></script><p>after</p>";
    let old = old_document(html).0;
    let new = new_document(html).0;
    assert_eq!(old, vec![(BlockKind::Paragraph, "after".into(), false)]);
    assert_eq!(
        new,
        vec![
            (BlockKind::Paragraph, "inside".into(), false),
            (BlockKind::Paragraph, "-->".into(), false),
            (BlockKind::Paragraph, "after".into(), false),
        ]
    );
}

#[test]
fn void_and_optional_end_tags_keep_the_main_element_closed() {
    let long = long_text();
    let html = format!(
        "<nav>n</nav><p>before</p><main><p>{long}<p>second<br><img src=x><ul><li>a<li>b</ul>\
         <input type=text><p>last</main><p>outside one</p><p>outside two"
    );
    let blocks = new_document(&html).0;
    let texts: Vec<&str> = blocks.iter().map(|b| b.1.as_str()).collect();
    assert_eq!(texts.len(), 5, "{texts:?}");
    assert_eq!(texts.get(1..), Some(&["second", "a", "b", "last"][..]));
}

#[test]
fn entities_in_attributes_and_title() {
    let html = "<html><head><title>Dev &amp; Ops</title>\
        <meta property=\"og:title\" content=\"R&amp;D Engineer &#8220;Core&#8221;\"></head>\
        <body><p>x</p></body></html>";
    assert_eq!(
        new_document(html).1.as_deref(),
        Some("R&D Engineer \u{201c}Core\u{201d}")
    );
    let html = "<title>Dev &amp; Ops &lt;3</title><p>x</p>";
    assert_eq!(new_document(html).1.as_deref(), Some("Dev & Ops <3"));
}

#[test]
fn raw_text_and_comments_hide_markup() {
    let html = "<script>var s = '</div><p>no</p>';</script><style>.a{}</style>\
        <!-- <p>no</p> --><textarea><p>no</p></textarea><p>yes</p>";
    assert_eq!(
        new_document(html).0,
        vec![(BlockKind::Paragraph, "yes".into(), false)]
    );
}

#[test]
fn deep_nesting_is_bounded_and_keeps_the_text() {
    let html = format!(
        "{}Rust{}",
        "<div><span>".repeat(100_000),
        "</span></div>".repeat(100_000)
    );
    let started = std::time::Instant::now();
    let blocks = fragment_blocks(&html);
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks.first().map(|b| b.text.as_str()), Some("Rust"));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn unclosed_formatting_elements_are_bounded() {
    let html = format!("{}text", "<b class=x1><i><u>".repeat(50_000));
    let started = std::time::Instant::now();
    let blocks = fragment_blocks(&html);
    assert_eq!(blocks.len(), 1);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn many_attributes_and_tags() {
    let attributes: String = (0..100_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let html = format!("<p{attributes} class=cookie>Rust</p>");
    // The class is beyond the attributes read: the paragraph is kept.
    assert_eq!(fragment_blocks(&html).len(), 1);
    let html = "<b>x</b>".repeat(MAX_TAGS);
    let blocks = fragment_blocks(&html);
    assert_eq!(blocks.len(), 1);
    assert_eq!(
        blocks.first().map(|b| b.text.matches('x').count()),
        Some(MAX_TAGS)
    );
}

/// Random soups of tags, text and references (no tables, whose misplaced content html5ever
/// moves before the table, and no `<frameset>`): both paths agree on nearly all. The few that
/// differ misnest formatting elements across blocks (the simplified adoption agency).
#[test]
fn agrees_with_scraper_on_nearly_all_random_tag_soups() {
    let vocabulary = [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<b>",
        "</b>",
        "<strong>",
        "</strong>",
        "<a href=x>",
        "</a>",
        "<i>",
        "</i>",
        "<span>",
        "</span>",
        "<h1>",
        "</h1>",
        "<h2>",
        "</h2>",
        "<br>",
        "<img src=x>",
        "<hr>",
        "<main>",
        "</main>",
        "<article>",
        "</article>",
        "<nav>",
        "</nav>",
        "<script>x<p>y</script>",
        "<!-- c -->",
        "<svg>",
        "</svg>",
        "<math>",
        "<title>t</title>",
        "<select>",
        "<option>",
        "<form>",
        "</form>",
        "<button>",
        "</button>",
        "<dl>",
        "<dt>",
        "<dd>",
        "<pre>",
        "<section>",
        "</section>",
        "<template>",
        "</template>",
        "<textarea>",
        "</textarea>",
        "<font color=red>",
        "<em>",
        "</em>",
        "<nobr>",
        "<center>",
        "<header>",
        "<footer>",
        "<div hidden>",
        "<body>",
        "<html>",
        "<head>",
        "</head>",
        "</body>",
        "<p class=cookie>",
        "<blockquote>",
        "<h3>",
        "</h3>",
        "<code>",
        "</code>",
        "<object>",
        "</object>",
        "<u>",
        "<s>",
        "&amp;",
        "&nbsp;",
        "<input>",
        "<iframe>",
        "</iframe>",
        "<noscript>",
        "</noscript>",
        "<xmp>",
        "</xmp>",
        "<ruby>",
        "<rt>",
        "<meta property=og:title content=T>",
        "<!DOCTYPE html>",
        "<figure>",
        "<details>",
        "<summary>",
        "<address>",
        "<listing>",
        "<plaintext>",
        "<image>",
        "<marquee>",
        "</marquee>",
        "<applet>",
        "<wbr>",
    ];
    let words = [
        "Rust", "Go", "and", "Kafka", "we", "use", " ", "\n", "Docker", "senior",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut random = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    let soups = 4_000;
    let mut differing = Vec::new();
    for _ in 0..soups {
        let mut soup = String::new();
        for _ in 0..3 + random(25) {
            if random(3) == 0 {
                soup.push_str(words.get(random(words.len())).copied().unwrap_or_default());
                soup.push(' ');
            } else {
                soup.push_str(
                    vocabulary
                        .get(random(vocabulary.len()))
                        .copied()
                        .unwrap_or_default(),
                );
            }
        }
        if old_document(&soup) != new_document(&soup)
            || shown(reference::fragment_blocks(&soup)) != shown(fragment_blocks(&soup))
        {
            differing.push(soup);
        }
    }
    // 6 of these 4,000 differed when this was written (16 of 40,000 of another series).
    assert!(
        differing.len() * 400 <= soups,
        "{} of {soups}: {differing:#?}",
        differing.len()
    );
}
