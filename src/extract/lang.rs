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
/// and figures), up to `SAMPLE_BYTES`.
pub fn detect(text: &str) -> Option<&'static str> {
    let mut sample = String::with_capacity(SAMPLE_BYTES + 200);
    for line in text.lines() {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        if has_five_words(line) || unspaced_letters(line) >= MIN_UNSPACED_LETTERS {
            sample.push_str(line);
            sample.push('\n');
        }
    }
    let counts = SampleCounts::of(&sample);
    if counts.ascii_letters + counts.foreign_letters < MIN_LETTERS {
        return None;
    }
    if let Some(code) = counts.unspaced_script() {
        return Some(code);
    }
    if counts.plainly_english() {
        return Some("en");
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang().code())
}

/// A line with this many letters of a script written without spaces (Chinese, Japanese) is a
/// sentence even with fewer than five space-separated words.
const MIN_UNSPACED_LETTERS: usize = 10;

/// Letters of Han, kana and Thai, scripts written without spaces between words.
fn unspaced_letters(line: &str) -> usize {
    if line.is_ascii() {
        return 0;
    }
    line.chars().filter(|&c| unspaced(c).is_some()).count()
}

/// The script of a letter written without spaces between words: Han, kana or Thai.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unspaced {
    Han,
    Kana,
    Thai,
}

fn unspaced(c: char) -> Option<Unspaced> {
    match c as u32 {
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9D => Some(Unspaced::Kana),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => {
            Some(Unspaced::Han)
        }
        0x0E00..=0x0E7F => Some(Unspaced::Thai),
        _ => None,
    }
}

/// Whether `line` has five words or more (`line.split_whitespace().nth(4).is_some()`), byte by
/// byte: only the lead bytes of white-space characters outside ASCII are decoded.
fn has_five_words(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let space_len = if byte < 0x80 {
            usize::from(super::is_ascii_space(byte))
        } else {
            super::non_ascii_space(line, at)
        };
        if space_len > 0 {
            in_word = false;
            at += space_len;
        } else {
            if !in_word {
                words += 1;
                if words == 5 {
                    return true;
                }
                in_word = true;
            }
            at += 1;
        }
    }
    false
}

/// What the language tests count in a sample, in one pass over its bytes (only the characters
/// outside ASCII are decoded).
#[derive(Debug, Default, PartialEq, Eq)]
struct SampleCounts {
    /// ASCII letters.
    ascii_letters: usize,
    /// Letters outside ASCII ([`char::is_alphabetic`]).
    foreign_letters: usize,
    /// Runs of ASCII letters.
    words: usize,
    /// Those runs that are English function words.
    function_words: usize,
    /// Letters of Han, of kana, of Hangul and of Thai.
    han: usize,
    kana: usize,
    hangul: usize,
    thai: usize,
}

impl SampleCounts {
    /// Counts `sample`.
    fn of(sample: &str) -> SampleCounts {
        let bytes = sample.as_bytes();
        let mut counts = SampleCounts::default();
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            if byte.is_ascii_alphabetic() {
                // A run of ASCII letters is a word: read to its end in one tight loop.
                let start = at;
                at += 1;
                while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
                    at += 1;
                }
                counts.word(bytes.get(start..at).unwrap_or_default());
                continue;
            }
            if byte < 0x80 {
                at += 1;
            } else {
                let c = sample
                    .get(at..)
                    .and_then(|rest| rest.chars().next())
                    .unwrap_or_default();
                counts.foreign_letters += usize::from(c.is_alphabetic());
                match unspaced(c) {
                    Some(Unspaced::Han) => counts.han += 1,
                    Some(Unspaced::Kana) => counts.kana += 1,
                    Some(Unspaced::Thai) => counts.thai += 1,
                    None if ('\u{AC00}'..='\u{D7AF}').contains(&c) => counts.hangul += 1,
                    None => {}
                }
                at += c.len_utf8();
            }
        }
        counts
    }

    fn word(&mut self, word: &[u8]) {
        self.words += 1;
        self.ascii_letters += word.len();
        self.function_words += usize::from(is_english_function_word(word));
    }

    /// The language of a sample whose letters are mostly of one script that only one language
    /// among those told apart uses (or, for Han, two: kana makes it Japanese). Counted in
    /// characters, a Chinese sentence outweighs the Latin names of the technologies it lists,
    /// which trigram models read as Italian or English.
    fn unspaced_script(&self) -> Option<&'static str> {
        // Each Han or Hangul character stands for a word or a syllable: weigh it as 3 letters.
        let letters = self.ascii_letters + self.foreign_letters + 2 * (self.han + self.kana);
        let dominant = |count: usize| count * 3 * 10 >= letters * 4;
        if dominant(self.han + self.kana) {
            return Some(if self.kana * 10 >= self.han + self.kana {
                "ja"
            } else {
                "zh"
            });
        }
        if dominant(self.hangul) {
            return Some("ko");
        }
        if self.thai * 10 >= letters * 4 {
            return Some("th");
        }
        None
    }

    /// A fast path for the most common case, without whatlang's trigram models (which cost
    /// more than the rest of the metadata together): text of 30 words or more, nearly all of
    /// its letters ASCII, a fifth of its words English function words.
    fn plainly_english(&self) -> bool {
        self.words >= 30
            && self.foreign_letters * 50 <= self.ascii_letters
            && self.function_words * 5 >= self.words
    }
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
fn is_english_function_word(bytes: &[u8]) -> bool {
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
            assert!(super::is_english_function_word(word.as_bytes()), "{word}");
            assert!(
                super::is_english_function_word(word.to_uppercase().as_bytes()),
                "{word}"
            );
        }
        for word in ["", "th", "thee", "withs", "yours", "ánd", "x"] {
            assert!(!super::is_english_function_word(word.as_bytes()), "{word}");
        }
    }

    use super::*;

    #[test]
    fn five_words_counted_as_split_whitespace_counts_them() {
        let lines = [
            "",
            "one two three four",
            "one two three four five",
            "  one\ttwo  three\u{a0}four\u{3000}five ",
            "one\u{2028}two\u{85}three\u{1680}four five",
            "Chúng tôi đang tìm kiếm",
            "日本語 の 文 で す",
            "a\u{200b}b c d e",
            "🦄 🦄 🦄 🦄",
            "🦄 🦄 🦄 🦄 🦄",
            "\u{b}a\u{c}b\rc d e",
        ];
        for line in lines {
            assert_eq!(
                has_five_words(line),
                line.split_whitespace().nth(4).is_some(),
                "{line:?}"
            );
        }
    }

    /// The definition `plainly_english` had before [`SampleCounts`], with the letter count
    /// `detect` made.
    fn plainly_english_by_chars(sample: &str) -> (bool, usize) {
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
            if is_english_function_word(word.as_bytes()) {
                function_words += 1;
            }
        }
        let english = words >= 30 && foreign_letters * 50 <= letters && function_words * 5 >= words;
        (
            english,
            sample.chars().filter(|c| c.is_alphabetic()).count(),
        )
    }

    #[test]
    fn one_pass_counts_agree_with_the_char_by_char_ones() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
        let mut english = 0;
        let mut foreign = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for sample in text.split("\n\n") {
                let counts = SampleCounts::of(sample);
                let (plainly, letters) = plainly_english_by_chars(sample);
                assert_eq!(
                    (
                        counts.plainly_english(),
                        counts.ascii_letters + counts.foreign_letters
                    ),
                    (plainly, letters),
                    "{}: {sample:?}",
                    path.display()
                );
                english += usize::from(plainly);
                foreign += usize::from(counts.foreign_letters > 0);
            }
        }
        assert!(english > 100 && foreign > 100, "{english} {foreign}");
    }

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
        assert!(!SampleCounts::of(dutch).plainly_english());
        assert_eq!(detect(dutch), Some("nl"));
    }
}
