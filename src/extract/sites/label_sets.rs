//! The label lists that name a field (`location`, `company`, `title` of `sites/labels.toml`,
//! with a user's additions) as sets. A fast path for the test every short run of a page's text
//! goes through ("is this run a label?"): one lookup per list instead of a pass over its words;
//! and the phrases that name a place, in one automaton.

use rustc_hash::FxHashSet;

use super::LabelWords;

/// Whether `c` is of a script written without spaces (Chinese, Japanese, Korean).
pub fn cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// `text` without white space.
fn spaceless(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// One list of labels as sets: its words, and its words without white space.
#[derive(Debug, Default)]
pub struct LabelSet {
    /// The words as written (lowercase).
    exact: FxHashSet<String>,
    /// The words without white space.
    spaceless: FxHashSet<String>,
    /// Bit `n` set when some word has `n` bytes (the last bit for 63 or more): most runs of
    /// text have a length no word has, and are passed over without hashing them.
    lengths: u64,
}

/// The bit of [`LabelSet::lengths`] for a word of `len` bytes.
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl LabelSet {
    /// The set of `list`.
    pub fn new(list: &[String]) -> LabelSet {
        LabelSet {
            exact: list.iter().cloned().collect(),
            spaceless: list.iter().map(|l| spaceless(l)).collect(),
            lengths: list.iter().fold(0, |bits, l| bits | length_bit(l.len())),
        }
    }

    /// Whether `label` (lowercase) is one of the words; labels in scripts written without
    /// spaces match with or without them ("근무예정지", "근무 예정지").
    pub fn contains(&self, label: &str) -> bool {
        (self.lengths & length_bit(label.len()) != 0 && self.exact.contains(label))
            || (!label.is_ascii()
                && label.chars().any(cjk)
                && self.spaceless.contains(&spaceless(label)))
    }
}

/// The label lists that name a field, as sets.
#[derive(Debug, Default)]
pub struct LabelSets {
    /// Labels before a place.
    pub location: LabelSet,
    /// Labels before the employer.
    pub company: LabelSet,
    /// Labels before the job title.
    pub title: LabelSet,
    /// Every `place_phrase`, in one automaton: a text none of them is in is passed over
    /// without searching it for each (`None` if it could not be built, or there are none).
    pub place_phrases: Option<aho_corasick::AhoCorasick>,
}

impl LabelSets {
    /// The sets of `words`' field lists.
    pub fn new(words: &LabelWords) -> LabelSets {
        LabelSets {
            location: LabelSet::new(&words.location),
            company: LabelSet::new(&words.company),
            title: LabelSet::new(&words.title),
            place_phrases: (!words.place_phrase.is_empty())
                .then(|| aho_corasick::AhoCorasick::new(&words.place_phrase).ok())
                .flatten(),
        }
    }
}
