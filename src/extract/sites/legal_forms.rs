//! The legal forms of `sites/labels.toml` (`legal_form`, with a user's additions) indexed the way
//! the page reader compares a name's ending with them: without dots and case, by their number
//! of words. A fast path for the legal-form test of every run of a page's text: it answers
//! with a lookup per distinct number of words what a pass over every form answered before.

use rustc_hash::{FxHashMap, FxHashSet};

/// A word or words without dots and case: "B.V." and "bv" alike.
pub fn bare(text: &str) -> String {
    text.chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The legal forms, bare, with their numbers of words (see the module doc).
#[derive(Debug, Default)]
pub struct LegalForms {
    /// Each form, bare, in the list's order.
    bare: Vec<String>,
    /// Each form's number of words, in the list's order.
    words: Vec<usize>,
    /// The distinct numbers of words, ascending, each with the forms that have it: their
    /// bare spelling and their places in the list, ascending.
    by_words: Vec<(usize, FxHashMap<String, Vec<usize>>)>,
    /// What follows the last space of each bare form: the bare last word of any run of words
    /// that ends in a form (a necessary condition, answered without a pass over the forms).
    last: FxHashSet<String>,
    /// The most characters of a word of [`LegalForms::last`].
    longest_last: usize,
}

impl LegalForms {
    /// The index of `forms` (the `legal_form` list).
    pub fn new(forms: &[String]) -> LegalForms {
        let mut index = LegalForms::default();
        for (at, form) in forms.iter().enumerate() {
            let bare_form = bare(form);
            let count = form.split_whitespace().count();
            let last = bare_form.rsplit(' ').next().unwrap_or_default().to_owned();
            index.longest_last = index.longest_last.max(last.chars().count());
            index.last.insert(last);
            match index.by_words.iter_mut().find(|(n, _)| *n == count) {
                Some((_, map)) => map.entry(bare_form.clone()).or_default().push(at),
                None => index
                    .by_words
                    .push((count, [(bare_form.clone(), vec![at])].into_iter().collect())),
            }
            index.bare.push(bare_form);
            index.words.push(count);
        }
        index.by_words.sort_by_key(|(n, _)| *n);
        index
    }

    /// Each form, bare, in the list's order.
    pub fn bare_forms(&self) -> &[String] {
        &self.bare
    }

    /// The number of words of the form at `at` in the list.
    pub fn words_of(&self, at: usize) -> usize {
        self.words.get(at).copied().unwrap_or(0)
    }

    /// Whether `words` end in some form with at least one word before it: the words of the
    /// form's length, joined by single spaces, equal the form without dots and case.
    pub fn ends(&self, words: &[&str]) -> bool {
        self.each_ending(words, |_| true)
    }

    /// The places in the list of the forms `words` end in (as [`LegalForms::ends`] tests),
    /// ascending.
    pub fn ending(&self, words: &[&str]) -> Vec<usize> {
        let mut found = Vec::new();
        self.each_ending(words, |places| {
            found.extend_from_slice(places);
            false
        });
        found.sort_unstable();
        found
    }

    /// Whether a run of words whose last word is `last` may end in a form: false says that
    /// [`LegalForms::ends`] is false, without a copy of the word when it is longer than the
    /// last word of every form (most words of a page are).
    pub fn may_end_with(&self, last: &str) -> bool {
        // Lowercase has as many characters or more: a word with more characters than any
        // form's last word, dots aside, is none.
        if last
            .chars()
            .filter(|c| *c != '.')
            .nth(self.longest_last)
            .is_some()
        {
            return false;
        }
        self.last.contains(&bare(last))
    }

    /// Calls `each` with the places of the forms of each length that `words` end in, until it
    /// returns true; says whether it did.
    fn each_ending(&self, words: &[&str], mut each: impl FnMut(&[usize]) -> bool) -> bool {
        let Some(last) = words.last() else {
            return false;
        };
        if !self.last.contains(&bare(last)) {
            return false;
        }
        let mut joined = String::new();
        for (count, forms) in &self.by_words {
            if words.len() <= *count {
                break;
            }
            let Some(tail) = words.get(words.len() - count..) else {
                continue;
            };
            joined.clear();
            for (i, word) in tail.iter().enumerate() {
                if i > 0 {
                    joined.push(' ');
                }
                joined.extend(
                    word.chars()
                        .filter(|c| *c != '.')
                        .flat_map(char::to_lowercase),
                );
            }
            if let Some(places) = forms.get(&joined)
                && each(places)
            {
                return true;
            }
        }
        false
    }
}
