//! Language of the posting text: ISO 639-1 code, or nothing when unsure.
//!
//! whatlang (trigram and script models compiled into the crate, no data files) guesses the
//! language; only answers it deems reliable are kept. A sample of the text's sentences is enough
//! and keeps the cost flat on long pages.

/// Bytes of text looked at: enough for a reliable guess, small enough to stay cheap.
const SAMPLE_BYTES: usize = 1_000;

/// Fewer letters than this give no answer: too little text to tell.
const MIN_LETTERS: usize = 40;

/// The ISO 639-1 code of the language `text` is written in, when the guess is reliable.
///
/// The sample is made of the text's lines of five words or more (sentences, not labels, names
/// and figures), up to [`SAMPLE_BYTES`].
pub fn detect(text: &str) -> Option<&'static str> {
    let mut sample = String::with_capacity(SAMPLE_BYTES + 200);
    for line in text.lines() {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        if line.split_whitespace().nth(4).is_some() {
            sample.push_str(line);
            sample.push('\n');
        }
    }
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if plainly_english(&sample) {
        return Some("en");
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang().code())
}

/// English function words: in English text about a third of the words; in other languages
/// written in Latin script, a few percent at most.
#[cfg(test)]
const ENGLISH_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "be", "for", "in", "is", "of", "on", "or", "our", "the", "to",
    "we", "will", "with", "you", "your",
];

/// Whether `word` is one of `ENGLISH_WORDS`, ignoring ASCII case (a `match`, not a search of
/// the list: this runs on every word of the sample).
fn is_english_function_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mut lower = [0u8; 4];
    let Some(slot) = lower.get_mut(..bytes.len()) else {
        return false;
    };
    for (to, from) in slot.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    matches!(
        &*slot,
        b"a" | b"an"
            | b"and"
            | b"are"
            | b"as"
            | b"be"
            | b"for"
            | b"in"
            | b"is"
            | b"of"
            | b"on"
            | b"or"
            | b"our"
            | b"the"
            | b"to"
            | b"we"
            | b"will"
            | b"with"
            | b"you"
            | b"your"
    )
}

/// A fast path for the most common case, without whatlang's trigram models (which cost more
/// than the rest of the metadata together): text of 30 words or more, nearly all of its letters
/// ASCII, a fifth of its words English function words.
fn plainly_english(sample: &str) -> bool {
    let foreign_letters = sample
        .chars()
        .filter(|c| !c.is_ascii() && c.is_alphabetic())
        .count();
    let (mut words, mut letters, mut function_words) = (0usize, 0usize, 0usize);
    for word in sample.split(|c: char| !c.is_ascii_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        letters += word.len();
        if is_english_function_word(word) {
            function_words += 1;
        }
    }
    words >= 30 && foreign_letters * 50 <= letters && function_words * 5 >= words
}

/// ISO 639-3 (whatlang's codes) to ISO 639-1.
fn iso639_1(code: &str) -> Option<&'static str> {
    let two = match code {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "cym" => "cy",
        _ => return None,
    };
    Some(two)
}

#[cfg(test)]
mod tests {
    #[test]
    fn function_words_are_the_listed_ones() {
        for word in ENGLISH_WORDS {
            assert!(super::is_english_function_word(word), "{word}");
            assert!(
                super::is_english_function_word(&word.to_uppercase()),
                "{word}"
            );
        }
        for word in ["", "th", "thee", "withs", "yours", "ánd", "x"] {
            assert!(!super::is_english_function_word(word), "{word}");
        }
    }

    use super::*;

    #[test]
    fn common_languages() {
        assert_eq!(
            detect(
                "We are looking for a senior engineer to join our team and build reliable distributed systems in Rust."
            ),
            Some("en")
        );
        assert_eq!(
            detect(
                "Wir suchen eine erfahrene Entwicklerin, die unser Team beim Aufbau verteilter Systeme unterstützt und gerne mit Rust arbeitet."
            ),
            Some("de")
        );
        assert_eq!(
            detect(
                "Chúng tôi đang tìm kiếm một trưởng nhóm trí tuệ nhân tạo có kinh nghiệm để phát triển các sản phẩm mới."
            ),
            Some("vi")
        );
        assert_eq!(detect("Rust, Go"), None);
        let dutch = "Wij zoeken een ervaren ontwikkelaar die ons team komt versterken en met plezier werkt aan gedistribueerde systemen, met aandacht voor kwaliteit en een goede samenwerking met collega's in het hele bedrijf.";
        assert!(!plainly_english(dutch));
        assert_eq!(detect(dutch), Some("nl"));
    }
}
