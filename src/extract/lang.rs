//! Language of the posting text: ISO 639-1 code, or nothing when unsure.
//!
//! whatlang (trigram and script models compiled into the crate, no data files) guesses the
//! language; only answers it deems reliable are kept. A sample of the text's sentences is enough
//! and keeps the cost flat on long pages.

/// Bytes of text looked at: enough for a reliable guess, small enough to stay cheap.
const SAMPLE_BYTES: usize = 2_000;

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
        if line.split_whitespace().count() >= 5 {
            sample.push_str(line);
            sample.push('\n');
        }
    }
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang().code())
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
    }
}
