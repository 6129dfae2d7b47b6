use super::words::MAX_DOUBLINGS;
use super::*;
use proptest::prelude::*;

fn all(trie: &Trie, text: &str) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    trie.scan(text.as_bytes(), &mut out);
    out
}

/// What the scan must find, by brute force: every key at every position, compared ASCII
/// case-insensitively, where it may start (a word start, for a key beginning with a word
/// character) and, for a whole-word key ending with one, where no word character follows.
fn brute_force(keys: &[(Vec<u8>, bool)], text: &[u8]) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    for start in 0..text.len() {
        for (id, (key, whole_word)) in keys.iter().enumerate() {
            let Some(first) = key.first() else { continue };
            let end = start + key.len();
            let Some(window) = text.get(start..end) else {
                continue;
            };
            let word_start = start == 0 || !is_word(text[start - 1]);
            let closed = *whole_word && is_word(key[key.len() - 1]);
            let word_end = text.get(end).is_none_or(|&b| !is_word(b));
            if window.eq_ignore_ascii_case(key)
                && (!is_word(*first) || word_start)
                && (!closed || word_end)
            {
                out.push((start, end, id as u32));
            }
        }
    }
    out.sort_unstable();
    out
}

fn sorted(trie: &Trie, text: &[u8]) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    trie.scan(text, &mut out);
    out.sort_unstable();
    out
}

#[test]
fn finds_overlapping_keys_at_word_starts_only() {
    let keys: [&[u8]; 5] = [b"rust", b"rust async", b".net", b"async", "并发".as_bytes()];
    let trie = Trie::new(keys.map(|k| (k, false)));
    assert_eq!(
        all(&trie, "Rust Async, trusty .NET 并发"),
        vec![(0, 4, 0), (0, 10, 1), (5, 10, 3), (19, 23, 2), (24, 30, 4)]
    );
    // Inside a word nothing starts; a non-word phrase starts anywhere.
    assert_eq!(all(&trie, "xrust asp.net"), vec![(9, 13, 2)]);
    assert!(all(&trie, "").is_empty());
}

/// Thousands of first words, most of them phrases' (which walk on after the word and its
/// space): every one is placed in the cuckoo table, which grows when an insertion fails,
/// and found in a text.
#[test]
fn a_large_word_table_finds_every_first_word() {
    let keys: Vec<(Vec<u8>, bool)> = (0..6000)
        .map(|i| {
            let key = if i % 3 == 0 {
                format!("w{i}x")
            } else {
                format!("w{i}x then{}", i % 7)
            };
            (key.into_bytes(), true)
        })
        .collect();
    let trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
    assert!(trie.words.slots.len() >= keys.len());
    let mut text = Vec::new();
    let mut expected = Vec::new();
    for (id, (key, _)) in keys.iter().enumerate() {
        expected.push((text.len(), text.len() + key.len(), id as u32));
        text.extend_from_slice(key);
        text.extend_from_slice(b"; ");
    }
    assert_eq!(sorted(&trie, &text), expected);
}

/// A word the cuckoo table cannot place (here: 300 first words and a table held to 16
/// slots) is still found, by a walk from its start: the scan finds what brute force does.
#[test]
fn words_without_a_slot_are_walked_from_their_start() {
    let keys: Vec<(Vec<u8>, bool)> = (0..300)
        .map(|i| (format!("k{i} word{}", i % 5).into_bytes(), i % 2 == 0))
        .chain([(b"k7".to_vec(), true), (b"k12 wor".to_vec(), false)])
        .collect();
    let mut trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
    let mut items: Vec<(Vec<u8>, u32)> = keys
        .iter()
        .enumerate()
        .map(|(id, (k, w))| {
            let closed = *w && k.last().is_some_and(|&b| is_word(b));
            (k.clone(), id as u32 | if closed { WHOLE_WORD } else { 0 })
        })
        .collect();
    items.sort();
    trie.words = Words::build(
        &trie,
        items.iter().map(|(k, id)| (k.as_slice(), *id)),
        Some(16),
    );
    // 256 slots for 300 first words: some have none.
    assert_eq!(trie.words.slots.len(), 16 << MAX_DOUBLINGS);
    let text: Vec<u8> = (0..320)
        .flat_map(|i| format!("k{i} word{} k{i} wordy k{i}, ", i % 6).into_bytes())
        .collect();
    assert_eq!(sorted(&trie, &text), brute_force(&keys, &text));
}

#[test]
fn whole_word_keys_end_where_the_word_does() {
    let keys: [(&[u8], bool); 4] = [
        (b"rust", true),
        (b"rustacean", false),
        (b"c++", true),
        (b"go", true),
    ];
    let trie = Trie::new(keys);
    assert_eq!(
        all(&trie, "rusty Rustaceans rust c++x go_ go"),
        vec![(6, 15, 1), (17, 21, 0), (22, 25, 2), (31, 33, 3)]
    );
}

/// On every fixture posting, the trie finds exactly what an overlapping Aho-Corasick search
/// over the same keys finds at the allowed starts and ends (the scan it replaced).
#[test]
fn agrees_with_an_overlapping_automaton_on_real_postings() {
    let rules = crate::RuleSet::default_rules().unwrap();
    let mut keys: Vec<(Vec<u8>, bool)> = rules
        .skills
        .iter()
        .flat_map(|s| s.literal_phrases())
        .map(|p| (p.text.as_bytes().to_ascii_lowercase(), !p.prefix))
        .collect();
    keys.sort();
    keys.dedup_by(|a, b| a.0 == b.0);
    let trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
    let automaton = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(keys.iter().map(|(k, _)| k))
        .unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
    let (mut total, mut open, mut closed_inside) = (0, 0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(format) = crate::Format::from_path(&path) else {
            continue;
        };
        let posting = crate::extract::extract(&std::fs::read(&path).unwrap(), format).unwrap();
        let bytes = posting.text.as_bytes();
        let mut expected: Vec<(usize, usize, u32)> = Vec::new();
        for m in automaton.find_overlapping_iter(&posting.text) {
            let (key, whole_word) = &keys[m.pattern().as_usize()];
            let starts_word = key.first().is_some_and(|&b| is_word(b));
            if starts_word && m.start() > 0 && is_word(bytes[m.start() - 1]) {
                continue;
            }
            let word_follows = bytes.get(m.end()).is_some_and(|&b| is_word(b));
            if word_follows && key.last().is_some_and(|&b| is_word(b)) {
                if *whole_word {
                    closed_inside += 1;
                    continue;
                }
                open += 1;
            }
            expected.push((m.start(), m.end(), m.pattern().as_u32()));
        }
        expected.sort();
        let mut found = all(&trie, &posting.text);
        found.sort();
        assert_eq!(found, expected, "{}", path.display());
        total += found.len();
    }
    // Both kinds of key end inside words somewhere in the fixtures.
    assert!(
        total > 10_000 && open > 100 && closed_inside > 1_000,
        "{total} {open} {closed_inside}"
    );
}

/// Keys of every shape the word table treats apart, on text that puts them at every
/// alignment and across the edges of the 64-byte blocks.
#[test]
fn word_table_finds_every_kind_of_key() {
    let keys: Vec<(Vec<u8>, bool)> = [
        ("go", true),
        ("c++", false),
        ("rust", true),
        ("rust async", true),
        ("#rust", false),
        ("_x", true),
        ("并发", false),
        ("k8", false),
        ("bug", false),
        ("prof", false),
        ("profiler", true),
        ("internationalization", true),
        ("internationalizations are", true),
        ("a_b", false),
        ("x9", true),
        ("naïve", true),
        ("the cloud", false),
        ("the rest", true),
        ("with other teams", true),
        ("in-house", true),
        ("in 9", true),
        ("technica", false),
        ("scalab", false),
        ("stati", false),
        ("a lot", true),
        ("a \u{17f}imilar", true),
        ("a 9", true),
    ]
    .iter()
    .map(|(k, w)| (k.as_bytes().to_vec(), *w))
    .collect();
    let trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
    let base = "Go c++ RUST rust Async #rust x_x _x algo 并发 go; (go) rust9 9go k8s K8 bugs \
                Bug profile PROFILER profilers Internationalization internationalizations are \
                internationalizationx a_bc A_B x9 X99 naïve naïves the Cloudy the  cloud \
                the rest the restful with Other teams with others in-house in house in 9 in 99 \
                Technical technicalities technology techn scalable Scalab scala statistics \
                status stati stat a lot a \u{17f}imilar a similar a team a 9 a 99 a lots";
    let mut checked = 0;
    for shift in 0..70 {
        for text in [
            format!("{}{base}{}", "a".repeat(shift), " ".repeat(shift)),
            format!("{}{base}", " ".repeat(shift)),
            format!("{}{base}", "é".repeat(shift)),
        ] {
            let expected = brute_force(&keys, text.as_bytes());
            assert_eq!(sorted(&trie, text.as_bytes()), expected, "{text:?}");
            checked += expected.len();
        }
    }
    assert!(checked > 5_000, "{checked}");
}

#[test]
fn fold8_folds_each_byte_as_fold_does() {
    for byte in 0..=255u8 {
        for lane in 0..8 {
            let x = (u64::from(byte) << (8 * lane)) | 0x4142_5A5B_6061_7A7B;
            let expected = x.to_le_bytes().map(fold);
            assert_eq!(fold8(x).to_le_bytes(), expected, "{byte:#x} in lane {lane}");
        }
    }
}

proptest! {
    /// Random keys (some whole-word) on random text: the scan finds what brute force finds.
    #[test]
    fn agrees_with_brute_force(
        keys in proptest::collection::vec(("[a-cA-C0-9_ .+é并发-]{1,12}", any::<bool>()), 1..24),
        text in "[a-cA-C0-9_ .+é并发-]{0,300}",
    ) {
        let keys: Vec<(Vec<u8>, bool)> = keys
            .into_iter()
            .map(|(k, w)| (k.to_ascii_lowercase().into_bytes(), w))
            .collect();
        let trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
        prop_assert_eq!(sorted(&trie, text.as_bytes()), brute_force(&keys, text.as_bytes()));
    }

    /// Long keys (long runs of single children) on text made of pieces of them, in any
    /// case, cut anywhere: the scan finds what brute force finds.
    #[test]
    fn agrees_with_brute_force_on_long_keys(
        keys in proptest::collection::vec(("[a-dé][a-d .é]{0,30}", any::<bool>()), 1..12),
        pieces in proptest::collection::vec(
            (any::<proptest::sample::Index>(), 0..32usize, 0..32usize, any::<bool>(), "[ .x]{0,2}"),
            0..24,
        ),
    ) {
        let keys: Vec<(Vec<u8>, bool)> =
            keys.into_iter().map(|(k, w)| (k.into_bytes(), w)).collect();
        let mut text = String::new();
        for (which, from, to, upper, separator) in pieces {
            let key = String::from_utf8_lossy(&keys[which.index(keys.len())].0).into_owned();
            let cut = |at: usize| (0..=at.min(key.len())).rev().find(|&i| key.is_char_boundary(i)).unwrap_or(0);
            let (from, to) = (cut(from.min(to)), cut(from.max(to)));
            let piece = if upper { key[from..to].to_uppercase() } else { key[from..to].to_owned() };
            text.push_str(&piece);
            text.push_str(&separator);
        }
        let trie = Trie::new(keys.iter().map(|(k, w)| (k.as_slice(), *w)));
        prop_assert_eq!(sorted(&trie, text.as_bytes()), brute_force(&keys, text.as_bytes()));
    }
}
