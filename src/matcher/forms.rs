//! Word forms in the scan: a `words` entry (or a `together` group word) compiled into the trie
//! as a prefix key, and each occurrence of that key verified by stemming that one text word.
//!
//! The scan never stems the text: the trie finds where the entry's first word may begin (the
//! part its stem shares with the word as written, as a `*` key), and only there is the text
//! word, and the words after it for an entry of several, reduced to stems and compared.
//!
//! The verification is a hand-written fast path: the many entries whose keys occur at one
//! word start share that word's measure and stem ([`StemCache`]), instead of each walking the
//! word's characters and looking its stem up in a hash map; the second word of one place,
//! when it is the first word of the next, brings its stems along instead of looking them up
//! again; ASCII words are measured sixteen bytes at a time with vector compares and
//! lowercased byte by byte instead of decoded as characters and lowercased into a new
//! string; an ASCII word of up to sixteen bytes finds its remembered stem by its lowercased
//! bytes in two integers ([`short_stem`]) instead of by hashing and comparing a string; the
//! entries after the first at one place inline the test of the cached word and stem and call
//! nothing; stems are compared byte by byte instead of by a `memcmp` call, and language codes
//! as integers ([`packed`]) instead of as strings.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::language::WordForms;

/// The stems of the text words one scan has stemmed, by the word's byte offset and its
/// language's stemmer: every entry of every language whose key occurs at a word verifies that
/// same word, and a stem is computed once per word and language instead of once per entry.
///
/// The scan reports a word start's keys together, and each key's word entries verify the same
/// first word there, and those of several words mostly the same second word: those two words
/// are measured and stemmed once for the place ([`StemCache::first`], [`StemCache::second`]),
/// so that a verification there costs a length and a stem compare, not a walk over the word's
/// characters and a hash lookup. Later words are looked up by offset in a map.
#[derive(Debug, Default)]
pub(super) struct StemCache {
    stems: FxHashMap<(usize, u8), Rc<str>>,
    /// The first word of the entries verified at the current word start.
    first: Place,
    /// The word after it.
    second: Place,
}

/// A text word that entries verify one after another: where it was looked for, the word found
/// there and its stems so far.
#[derive(Debug, Default)]
struct Place {
    /// The offset the word was looked for from (unset: `None`).
    from: Option<usize>,
    /// The word's start and length, or `None` when no word of an entry may be read there.
    word: Option<(usize, usize)>,
    /// The word's stems found so far, by stemmer index.
    stems: Vec<(u8, Rc<str>)>,
}

impl Place {
    /// The word looked for from `from` by `find`, found once per offset.
    #[inline]
    fn word(
        &mut self,
        text: &str,
        from: usize,
        find: fn(&str, usize) -> Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        if self.from != Some(from) {
            self.look_up(text, from, find);
        }
        self.word
    }

    /// Looks the place's word up anew from `from` ([`Place::word`] at a new offset): kept out
    /// of line, so that the entries after the first at one place inline only the offset test.
    #[inline(never)]
    fn look_up(
        &mut self,
        text: &str,
        from: usize,
        find: fn(&str, usize) -> Option<(usize, usize)>,
    ) {
        self.from = Some(from);
        self.word = find(text, from);
        self.stems.clear();
    }

    /// Whether the place's word is a form of `stem` by `forms`, whose Snowball stemmer (if it
    /// is one) has index `stemmer`; `None` when the word is no slice of `text`. The word is
    /// read from `text` only when it has no stem of that stemmer yet: every entry after the
    /// first at one place compares stems and nothing else.
    #[inline]
    fn is_form(
        &mut self,
        forms: WordForms,
        stemmer: Option<u8>,
        text: &str,
        stem: &str,
    ) -> Option<bool> {
        if let Some(index) = stemmer
            && let Some((_, found)) = self.stems.iter().find(|(i, _)| *i == index)
        {
            return Some(same(found, stem));
        }
        self.new_form(forms, stemmer, text, stem)
    }

    /// [`Place::is_form`] when the word has no stem of that stemmer yet: the word is stemmed
    /// (out of line, so that the comparisons after the first inline only the lookup).
    #[inline(never)]
    fn new_form(
        &mut self,
        forms: WordForms,
        stemmer: Option<u8>,
        text: &str,
        stem: &str,
    ) -> Option<bool> {
        let Some(index) = stemmer else {
            let (at, len) = self.word?;
            return Some(forms.is_form(&text.get(at..at + len)?.to_lowercase(), stem));
        };
        let (at, len) = self.word?;
        let found = snowball_stem(forms, index, text.get(at..at + len)?);
        let is = same(&found, stem);
        self.stems.push((index, found));
        Some(is)
    }
}

/// Most words [`remembered_stem`] keeps per stemmer and thread before it starts afresh: about
/// the vocabulary of some thousand postings, a few MB.
const MEMO_WORDS: usize = 1 << 16;

thread_local! {
    /// The stems of the text words this thread has stemmed, per stemmer (by its index): the
    /// same words recur from posting to posting, and a lookup costs less than a stemmer.
    static MEMO: RefCell<Vec<FxHashMap<Box<str>, Rc<str>>>> = const { RefCell::new(Vec::new()) };
}

/// The stem of `word` (lowercase) by `forms`, whose stemmer has index `index`: looked up in
/// this thread's memo, stemmed and remembered when missing.
fn remembered_stem(forms: WordForms, index: u8, word: &str) -> Rc<str> {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let index = usize::from(index);
        if memo.len() <= index {
            memo.resize_with(index + 1, FxHashMap::default);
        }
        let Some(map) = memo.get_mut(index) else {
            return forms.stem(word).into();
        };
        if let Some(stem) = map.get(word) {
            return stem.clone();
        }
        if map.len() >= MEMO_WORDS {
            map.clear();
        }
        let stem: Rc<str> = forms.stem(word).into();
        map.insert(word.into(), stem.clone());
        stem
    })
}

impl StemCache {
    /// The first word of the entries verified at `start` ([`Place::word`] by [`first_word`]).
    /// When it is the word that followed the previous place's first word, the stems found
    /// for it there as a second word are taken along rather than looked up again.
    fn first_word(&mut self, text: &str, start: usize) -> Option<(usize, usize)> {
        if self.first.from != Some(start) {
            let word = self.first.word(text, start, first_word);
            if word.is_some() && self.second.word == word {
                std::mem::swap(&mut self.first.stems, &mut self.second.stems);
                self.second.from = None;
                self.second.stems.clear();
            }
        }
        self.first.word
    }

    /// Whether the text word `word` (as written) at byte `at` is a form of `stem`.
    fn is_form(&mut self, forms: WordForms, at: usize, word: &str, stem: &str) -> bool {
        let WordForms::Snowball(algorithm) = forms else {
            return forms.is_form(&word.to_lowercase(), stem);
        };
        let index = algorithm as u8;
        let found = self
            .stems
            .entry((at, index))
            .or_insert_with(|| snowball_stem(forms, index, word));
        same(found, stem)
    }
}

/// Longest ASCII word [`short_stem`] keys by its bytes.
const SHORT_WORD_BYTES: usize = 16;

/// A short ASCII word's key in [`SHORT_MEMO`]: its bytes lowercased, zero-padded, in two
/// integers, and its length.
type ShortKey = (u64, u64, u8);

thread_local! {
    /// The stems of the ASCII words of up to [`SHORT_WORD_BYTES`] this thread has stemmed,
    /// per stemmer (by its index), keyed by [`ShortKey`]: most words of a posting, found by
    /// hashing two integers instead of a string, with no copy lowercased first.
    static SHORT_MEMO: RefCell<Vec<FxHashMap<ShortKey, Rc<str>>>> =
        const { RefCell::new(Vec::new()) };
}

/// The stem of the ASCII word `word` (as written, at most [`SHORT_WORD_BYTES`]) by `forms`,
/// whose stemmer has index `index`: looked up in this thread's [`SHORT_MEMO`], stemmed (in
/// lowercase) and remembered when missing.
fn short_stem(forms: WordForms, index: u8, word: &str) -> Rc<str> {
    let mut lanes = [0u8; SHORT_WORD_BYTES];
    if let Some(to) = lanes.get_mut(..word.len()) {
        to.copy_from_slice(word.as_bytes());
    }
    lanes.make_ascii_lowercase();
    let [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p] = lanes;
    let key: ShortKey = (
        u64::from_le_bytes([a, b, c, d, e, f, g, h]),
        u64::from_le_bytes([i, j, k, l, m, n, o, p]),
        word.len() as u8,
    );
    SHORT_MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let index = usize::from(index);
        if memo.len() <= index {
            memo.resize_with(index + 1, FxHashMap::default);
        }
        let Some(map) = memo.get_mut(index) else {
            return forms.stem(&word.to_ascii_lowercase()).into();
        };
        if let Some(stem) = map.get(&key) {
            return stem.clone();
        }
        if map.len() >= MEMO_WORDS {
            map.clear();
        }
        let stem: Rc<str> = forms.stem(&word.to_ascii_lowercase()).into();
        map.insert(key, stem.clone());
        stem
    })
}

/// The Snowball stem of the text word `word` (as written) by `forms`, whose stemmer has index
/// `index`.
fn snowball_stem(forms: WordForms, index: u8, word: &str) -> Rc<str> {
    if word.len() <= SHORT_WORD_BYTES && word.is_ascii() {
        return short_stem(forms, index, word);
    }
    if !word.is_ascii() {
        return remembered_stem(forms, index, &word.to_lowercase());
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return remembered_stem(forms, index, word);
    }
    // An ASCII word with capitals: lowercased in place of an allocation.
    let mut buffer = [0u8; MAX_WORD_BYTES];
    match buffer.get_mut(..word.len()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            match std::str::from_utf8(lower) {
                Ok(lower) => remembered_stem(forms, index, lower),
                Err(_) => remembered_stem(forms, index, &word.to_lowercase()),
            }
        }
        None => remembered_stem(forms, index, &word.to_lowercase()),
    }
}

/// Whether two stems are the same: compared byte by byte, which for words of a few letters
/// costs less than a call to `memcmp`.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// A language code packed into an integer, so that [`WordForm::applies_to`] compares
/// codes without a call: its bytes and its length, for a code of 1 to 7 bytes; 0 for another.
pub(super) fn packed(code: &str) -> u64 {
    let mut bytes = [0u8; 8];
    match (bytes.get_mut(..code.len()), u8::try_from(code.len())) {
        (Some(head), Ok(len @ 1..8)) => {
            head.copy_from_slice(code.as_bytes());
            bytes[7] = len;
            u64::from_le_bytes(bytes)
        }
        _ => 0,
    }
}

/// The start and length in bytes of the word (a run of alphanumeric characters) that begins at
/// `start` of `text`, if an entry's first word may be read there: `start` is a character boundary, no
/// alphanumeric character comes right before it, and the word has 1 to [`MAX_WORD_BYTES`]
/// bytes. ASCII is measured byte by byte; a character outside it is decoded.
fn first_word(text: &str, start: usize) -> Option<(usize, usize)> {
    if !starts_word(text, start)? {
        return None;
    }
    let len = word_len(text.get(start..)?);
    (len != 0 && len <= MAX_WORD_BYTES).then_some((start, len))
}

/// The next word of an entry of several after the word that ends at `at` of `text`: its start
/// and length, when a hyphen or 1 to [`MAX_GAP`] spaces or tabs come before it and it has 1 to
/// [`MAX_WORD_BYTES`] bytes.
fn next_word(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = text.get(at..)?;
    let gap = match rest.as_bytes().first()? {
        b'-' => 1,
        _ => rest.len() - rest.trim_start_matches([' ', '\t']).len(),
    };
    if gap == 0 || gap > MAX_GAP {
        return None;
    }
    let at = at + gap;
    let len = word_len(text.get(at..)?);
    (len != 0 && len <= MAX_WORD_BYTES).then_some((at, len))
}

/// Whether no alphanumeric character comes right before byte `start` of `text`; `None` when
/// `start` is no character boundary.
fn starts_word(text: &str, start: usize) -> Option<bool> {
    let before = text.get(..start)?;
    Some(match before.as_bytes().last() {
        None => true,
        Some(&b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    })
}

/// The length in bytes of the run of alphanumeric characters that `rest` begins with.
fn word_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let ascii = ascii_alphanumeric_run(bytes);
    match bytes.get(ascii) {
        Some(&b) if !b.is_ascii() => {
            ascii
                + rest
                    .get(ascii..)
                    .unwrap_or_default()
                    .chars()
                    .take_while(|c| c.is_alphanumeric())
                    .map(char::len_utf8)
                    .sum::<usize>()
        }
        _ => ascii,
    }
}

/// The length of the run of ASCII letters and digits that `bytes` begins with, measured
/// sixteen bytes at a time with vector compares.
fn ascii_alphanumeric_run(bytes: &[u8]) -> usize {
    use wide::{bytemuck, i8x16, u8x16};
    let splat = |b: u8| i8x16::splat(b as i8);
    let mut at = 0;
    loop {
        let rest = bytes.get(at..).unwrap_or_default();
        let mut lane = [0u8; 16];
        let n = rest.len().min(16);
        if let (Some(to), Some(from)) = (lane.get_mut(..n), rest.get(..n)) {
            to.copy_from_slice(from);
        }
        let x: i8x16 = bytemuck::cast(lane);
        // Signed compares: bytes from 0x80 are negative, never in the ASCII ranges; a zero
        // past the end is no letter or digit. `| 0x20` maps capitals, and only them, onto
        // the lowercase letters.
        let lower = x | splat(0x20);
        let letter = lower.simd_gt(splat(b'a' - 1)) & lower.simd_lt(splat(b'z' + 1));
        let digit = x.simd_gt(splat(b'0' - 1)) & x.simd_lt(splat(b'9' + 1));
        let mask = bytemuck::cast::<i8x16, u8x16>(letter | digit).to_bitmask();
        let run = (mask.trailing_ones() as usize).min(n);
        at += run;
        if run < 16 {
            return at;
        }
    }
}

/// What an entry's match stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// A `words` entry: a candidate hit of the skill.
    Detect,
    /// A word of group `group` of co-occurrence rule `rule` (an index of
    /// [`super::Matcher::together`]).
    Group { rule: usize, group: usize },
}

/// One word entry, compiled.
#[derive(Debug, Clone)]
pub(super) struct WordForm {
    pub(super) target: Target,
    /// The language of the entry (ISO 639-1).
    language: Box<str>,
    /// Whether that language is English (read in every posting).
    english: bool,
    /// The language's code, [`packed`].
    packed: u64,
    forms: WordForms,
    /// The index of its Snowball stemmer, `None` for other word forms.
    stemmer: Option<u8>,
    /// The stem of each word of the entry.
    stems: Vec<String>,
    /// The stems, concatenated: what a [`WordForms::Literal`] entry is found as.
    literal: Box<str>,
}

/// Fewest bytes of a trie key for a word entry: a shorter key would be tried at too many word
/// starts, so the word as written is used instead.
const MIN_KEY_BYTES: usize = 3;

/// The stems of the words of the entries compiled so far, by language and word: the same word
/// recurs in many entries (every `together` group of a language repeats its common words), and
/// a snowball stem costs far more than a look-up.
pub(super) type StemMemo = FxHashMap<String, FxHashMap<String, String>>;

impl WordForm {
    /// The entry `text` in a language with `forms`, and the trie keys (lowercase; each a `*`
    /// key) where its matches may start.
    #[cfg(test)]
    pub(super) fn new(
        text: &str,
        language: &str,
        forms: WordForms,
        target: Target,
    ) -> (WordForm, Vec<String>) {
        WordForm::new_with(text, language, forms, target, &mut StemMemo::default())
    }

    /// [`WordForm::new`], with the stems of the words of the entries compiled before it in
    /// `memo` (`forms` must be the word forms of `language`).
    pub(super) fn new_with(
        text: &str,
        language: &str,
        forms: WordForms,
        target: Target,
        memo: &mut StemMemo,
    ) -> (WordForm, Vec<String>) {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        if !memo.contains_key(language) {
            memo.insert(language.to_owned(), FxHashMap::default());
        }
        let mut of_language = memo.get_mut(language);
        let stems: Vec<String> = words
            .iter()
            .map(|&w| match of_language.as_deref_mut() {
                Some(known) => match known.get(w) {
                    Some(stem) => stem.clone(),
                    None => {
                        let stem = forms.stem(w);
                        known.insert(w.to_owned(), stem.clone());
                        stem
                    }
                },
                None => forms.stem(w),
            })
            .collect();
        let first = words.first().copied().unwrap_or_default();
        let stem = stems.first().map_or("", String::as_str);
        // The key is what the word as written shares with its stem and its other spellings
        // (German stems spell ä, ö, ü as a, o, u).
        let mut chars = first.chars().count();
        for spelling in forms.spellings(first) {
            let common = stem
                .chars()
                .zip(spelling.chars())
                .take_while(|&(a, b)| a == b || Some(a) == plain(b))
                .count();
            chars = chars.min(common);
        }
        let end = first
            .char_indices()
            .nth(chars)
            .map_or(first.len(), |(i, _)| i);
        let key = first.get(..end).unwrap_or(first);
        let key = if key.len() < MIN_KEY_BYTES {
            first
        } else {
            key
        };
        // Lowercase: the scan folds the capitals of every script (see `fold.rs`).
        let keys = vec![key.to_owned()];
        let form = WordForm {
            target,
            language: language.into(),
            english: language == "en",
            packed: packed(language),
            forms,
            stemmer: match forms {
                WordForms::Snowball(algorithm) => Some(algorithm as u8),
                _ => None,
            },
            literal: stems.concat().into(),
            stems,
        };
        (form, keys)
    }

    /// The entry's language when it is not English: only postings of that language (or of
    /// none found) look for it.
    pub(super) fn restricted_to(&self) -> Option<&str> {
        (!self.english).then_some(&*self.language)
    }

    /// Whether the entry is read in a posting in `language`, whose code, [`packed`], is
    /// `code`: English entries in every posting, another language's in postings of that
    /// language or of no language found. A Spanish "determinación" is not looked for in an
    /// English posting (where its stem would find "determine"), and an English posting is not
    /// stemmed by nine other stemmers. The codes are compared as integers when both are packed.
    #[inline]
    pub(super) fn applies_to(&self, language: Option<&str>, code: u64) -> bool {
        if self.english {
            return true;
        }
        match language {
            None => true,
            Some(_) if code != 0 && self.packed != 0 => code == self.packed,
            Some(l) => l == &*self.language,
        }
    }

    /// Where the entry's match that begins at byte `start` of `text` ends, if the words there
    /// are forms of the entry's words (separated by spaces or a hyphen, as the entry's may be).
    pub(super) fn verify(&self, text: &str, start: usize, cache: &mut StemCache) -> Option<usize> {
        if self.forms == WordForms::Literal {
            // Found as written, like a phrase: the trie key is the whole entry.
            let entry = &*self.literal;
            let found = text.get(start..start + entry.len())?;
            return found
                .eq_ignore_ascii_case(entry)
                .then_some(start + entry.len());
        }
        let mut stems = self.stems.iter();
        let Some(first) = stems.next() else {
            // No words: nothing to verify but the boundary.
            return starts_word(text, start)?.then_some(start);
        };
        cache.first_word(text, start)?;
        if !cache.first.is_form(self.forms, self.stemmer, text, first)? {
            return None;
        }
        let (at, len) = cache.first.word?;
        let mut end = at + len;
        let Some(second) = stems.next() else {
            return Some(end);
        };
        cache.second.word(text, end, next_word)?;
        if !cache
            .second
            .is_form(self.forms, self.stemmer, text, second)?
        {
            return None;
        }
        let (at, len) = cache.second.word?;
        end = at + len;
        for stem in stems {
            let (at, len) = next_word(text, end)?;
            if !cache.is_form(self.forms, at, text.get(at..at + len)?, stem) {
                return None;
            }
            end = at + len;
        }
        Some(end)
    }
}

/// The letter a German stem writes for `c` (ä -> a), if it writes another.
fn plain(c: char) -> Option<char> {
    match c {
        'ä' => Some('a'),
        'ö' => Some('o'),
        'ü' => Some('u'),
        _ => None,
    }
}

/// Most spaces between two words of an entry.
const MAX_GAP: usize = 3;

/// Longest text word stemmed: a longer run of letters is no word of an entry.
const MAX_WORD_BYTES: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    fn en(text: &str) -> (WordForm, Vec<String>) {
        WordForm::new(text, "en", WordForms::of("en").unwrap(), Target::Detect)
    }

    #[test]
    fn keys_are_what_every_spelling_begins_with() {
        let (_, keys) = en("prioritize");
        assert_eq!(keys, ["priorit"]);
        let (_, keys) = en("realise");
        assert_eq!(keys, ["reali"]);
        let de = WordForms::of("de").unwrap();
        let (_, keys) = WordForm::new("Übernahme", "de", de, Target::Detect);
        assert_eq!(keys, ["übernahm"]);
    }

    /// The word lengths the fast path measures are those of the characters' own test, at
    /// every character boundary of real postings (English, German, French, Russian).
    #[test]
    fn measures_words_as_characters_do() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut texts = 0;
        for dir in [
            "postings",
            "i18n/de/postings",
            "i18n/fr/postings",
            "i18n/ru/postings",
        ] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten().take(5) {
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                texts += 1;
                for (at, _) in text.char_indices() {
                    let rest = &text[at..];
                    let chars: usize = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric())
                        .map(char::len_utf8)
                        .sum();
                    assert_eq!(word_len(rest), chars, "at {at} of {:?}", entry.path());
                    let before = text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                    assert_eq!(starts_word(&text, at), Some(!before));
                }
            }
        }
        assert!(texts >= 10);
    }

    /// The memo of short ASCII words gives the stem of the word in lowercase, as the
    /// stemmer does, whatever its capitals and however often it is asked.
    #[test]
    fn short_words_stem_as_the_stemmer_does() {
        let en = WordForms::of("en").unwrap();
        let WordForms::Snowball(algorithm) = en else {
            panic!("English has a Snowball stemmer");
        };
        let index = algorithm as u8;
        for word in [
            "Prioritizing",
            "prioritizing",
            "TESTS",
            "a",
            "Rust2024",
            "abcdefghijklmnop",
        ] {
            for _ in 0..2 {
                let stem = snowball_stem(en, index, word);
                assert_eq!(&*stem, en.stem(&word.to_lowercase()), "{word}");
            }
        }
        assert_ne!(
            snowball_stem(en, index, "Rust"),
            snowball_stem(en, index, "Test")
        );
    }

    #[test]
    fn packs_language_codes_apart() {
        assert_ne!(packed("en"), packed("fr"));
        assert_eq!(packed("de"), packed("de"));
        assert_ne!(packed("e"), packed("e\0"));
        assert_eq!(packed(""), 0);
        assert_eq!(packed("eightbyt"), 0);
        assert!(same("prioriti", "prioriti"));
        assert!(!same("prioriti", "priorit"));
    }

    #[test]
    fn verifies_forms_of_every_word() {
        let (form, _) = en("unit test");
        let text = "Write unit-tested code, unit tests and unit  testing; units tested.";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(
            form.verify(text, at("unit-"), &mut StemCache::default()),
            Some(at("unit-") + 11)
        );
        assert_eq!(
            form.verify(text, at("unit tests"), &mut StemCache::default()),
            Some(at("unit tests") + 10)
        );
        assert!(
            form.verify(text, at("unit  testing"), &mut StemCache::default())
                .is_some()
        );
        assert!(
            form.verify(text, at("units"), &mut StemCache::default())
                .is_some()
        );
        let (form, _) = en("prioritize");
        assert_eq!(
            form.verify("Prioritisation matters", 0, &mut StemCache::default()),
            Some(14)
        );
        assert_eq!(
            form.verify("Priority matters", 0, &mut StemCache::default()),
            None
        );
        let zh = WordForms::of("zh").unwrap();
        let (form, keys) = WordForm::new("团队合作", "zh", zh, Target::Detect);
        assert_eq!(keys, ["团队合作"]);
        assert_eq!(
            form.verify("具备团队合作精神", 6, &mut StemCache::default()),
            Some(18)
        );
    }
}
