//! Word forms in the scan: a `words` entry (or a `together` group word) compiled into the trie
//! as a prefix key, and each occurrence of that key verified by stemming that one text word.
//!
//! The scan never stems the text: the trie finds where the entry's first word may begin (the
//! part its stem shares with the word as written, as a `*` key), and only there is the text
//! word, and the words after it for an entry of several, reduced to stems and compared.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::language::WordForms;

/// The stems of the text words one scan has stemmed, by the word's byte offset and its
/// language's stemmer: every entry of every language whose key occurs at a word verifies that
/// same word, and a stem is computed once per word and language instead of once per entry.
#[derive(Debug, Default)]
pub(super) struct StemCache {
    stems: FxHashMap<(usize, u8), Rc<str>>,
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
    /// Whether the text word `word` (as written) at byte `at` is a form of `stem`.
    fn is_form(&mut self, forms: WordForms, at: usize, word: &str, stem: &str) -> bool {
        let WordForms::Snowball(algorithm) = forms else {
            return forms.is_form(&word.to_lowercase(), stem);
        };
        let index = algorithm as u8;
        let found = self.stems.entry((at, index)).or_insert_with(|| {
            if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
                remembered_stem(forms, index, &word.to_lowercase())
            } else {
                remembered_stem(forms, index, word)
            }
        });
        &**found == stem
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
    forms: WordForms,
    /// The stem of each word of the entry.
    stems: Vec<String>,
}

/// Fewest bytes of a trie key for a word entry: a shorter key would be tried at too many word
/// starts, so the word as written is used instead.
const MIN_KEY_BYTES: usize = 3;

impl WordForm {
    /// The entry `text` in a language with `forms`, and the trie keys (lowercase; each a `*`
    /// key) where its matches may start.
    pub(super) fn new(
        text: &str,
        language: &str,
        forms: WordForms,
        target: Target,
    ) -> (WordForm, Vec<String>) {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        let stems: Vec<String> = words.iter().map(|w| forms.stem(w)).collect();
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
            forms,
            stems,
        };
        (form, keys)
    }

    /// The entry's language when it is not English: only postings of that language (or of
    /// none found) look for it.
    pub(super) fn restricted_to(&self) -> Option<&str> {
        (&*self.language != "en").then_some(&*self.language)
    }

    /// Whether the entry is read in a posting in `language`: English entries in every posting,
    /// another language's in postings of that language or of no language found. A Spanish
    /// "determinación" is not looked for in an English posting (where its stem would find
    /// "determine"), and an English posting is not stemmed by nine other stemmers.
    pub(super) fn applies_to(&self, language: Option<&str>) -> bool {
        &*self.language == "en" || language.is_none_or(|l| l == &*self.language)
    }

    /// Where the entry's match that begins at byte `start` of `text` ends, if the words there
    /// are forms of the entry's words (separated by spaces or a hyphen, as the entry's may be).
    pub(super) fn verify(&self, text: &str, start: usize, cache: &mut StemCache) -> Option<usize> {
        if self.forms == WordForms::Literal {
            // Found as written, like a phrase: the trie key is the whole entry.
            let entry = self.stems.concat();
            let found = text.get(start..start + entry.len())?;
            return found
                .eq_ignore_ascii_case(&entry)
                .then_some(start + entry.len());
        }
        if text
            .get(..start)?
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        let mut at = start;
        for (i, stem) in self.stems.iter().enumerate() {
            if i > 0 {
                let rest = text.get(at..)?;
                let gap = match rest.as_bytes().first()? {
                    b'-' => 1,
                    _ => rest.len() - rest.trim_start_matches([' ', '\t']).len(),
                };
                if gap == 0 || gap > MAX_GAP {
                    return None;
                }
                at += gap;
            }
            let rest = text.get(at..)?;
            let len: usize = rest
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .map(char::len_utf8)
                .sum();
            if len == 0 || len > MAX_WORD_BYTES {
                return None;
            }
            let word = rest.get(..len)?;
            if !cache.is_form(self.forms, at, word, stem) {
                return None;
            }
            at += len;
        }
        Some(at)
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
