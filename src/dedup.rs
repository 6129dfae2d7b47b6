//! Near-duplicate postings: the same posting under several URLs or ids, or once per city.
//!
//! Each posting gets a compact [`Signature`]: a MinHash of its word 5-shingles (lowercased
//! words, so markup and spacing do not matter). Two signatures agree in a share of their values
//! that estimates the Jaccard similarity of the two shingle sets. [`Index`] keeps one signature
//! per posting seen (not the text) and finds candidates with locality-sensitive hashing: the
//! signature is cut into bands, and postings that share a whole band are compared. With
//! [`BANDS`] bands of [`ROWS`] values, a pair at similarity 0.8 shares a band with probability
//! above 0.9999 and a pair at 0.3 with probability under 0.2; candidates are then kept only at
//! an estimated similarity of [`THRESHOLD`] or more, and only when their employers agree (both
//! known and equal, or both unknown).
//!
//! Everything is deterministic: fixed seeds, FNV-1a hashing, candidates taken in input order.
//! Pure and synchronous; the orchestrator computes signatures on the worker threads and asks the
//! index in input order.

use std::collections::HashMap;

/// Values in a signature.
pub const HASHES: usize = BANDS * ROWS;
/// Bands of the LSH index.
pub const BANDS: usize = 24;
/// Values per band.
pub const ROWS: usize = 4;
/// Estimated Jaccard similarity of the shingle sets from which two postings are duplicates.
pub const THRESHOLD: f64 = 0.8;
/// Words per shingle.
const SHINGLE_WORDS: usize = 5;

/// A MinHash signature of a posting's text, with its employer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The smallest hash of the posting's shingles under each of [`HASHES`] hash functions.
    values: Box<[u32; HASHES]>,
    /// The employer, normalised (lowercase letters and digits), when known.
    employer: Option<String>,
}

impl Signature {
    /// The signature of a posting's text and company.
    pub fn of(text: &str, company: Option<&str>) -> Signature {
        let mut values = Box::new([u32::MAX; HASHES]);
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let shingle_count = words.len().saturating_sub(SHINGLE_WORDS - 1).max(1);
        for start in 0..shingle_count {
            let end = (start + SHINGLE_WORDS).min(words.len());
            let mut hash = FNV_OFFSET;
            for word in words.get(start..end).unwrap_or_default() {
                hash = fnv1a(hash, word.as_bytes());
                hash = fnv1a(hash, b" ");
            }
            for (slot, seed) in values.iter_mut().zip(SEEDS.iter()) {
                let h = (splitmix64(hash ^ seed) >> 32) as u32;
                if h < *slot {
                    *slot = h;
                }
            }
        }
        let employer = company
            .map(|c| {
                c.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .filter(|c| !c.is_empty() && c != "none");
        Signature { values, employer }
    }

    /// The estimated Jaccard similarity of the two postings' shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self
            .values
            .iter()
            .zip(other.values.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / HASHES as f64
    }

    /// Whether the employers agree: both known and equal, or both unknown (a posting that
    /// names its employer is not merged with one that does not).
    fn same_employer(&self, other: &Signature) -> bool {
        self.employer == other.employer
    }

    fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.values.chunks(ROWS).enumerate().map(|(band, rows)| {
            let mut hash = fnv1a(FNV_OFFSET, &(band as u32).to_le_bytes());
            for value in rows {
                hash = fnv1a(hash, &value.to_le_bytes());
            }
            hash
        })
    }
}

/// Postings seen so far, in input order, and the LSH bands that find their look-alikes.
#[derive(Debug, Default)]
pub struct Index {
    /// Per posting: its signature and the index of the first occurrence it duplicates (its own
    /// index when it is a first occurrence).
    entries: Vec<(Signature, u32)>,
    /// Band hash -> postings with that band.
    bands: HashMap<u64, Vec<u32>>,
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index::default()
    }

    /// Adds a posting; returns the position (in the order of `add` calls) of the first
    /// occurrence of the posting it duplicates, if any.
    pub fn add(&mut self, signature: Signature) -> Option<usize> {
        let id = self.entries.len() as u32;
        let mut best: Option<u32> = None;
        let mut seen: Vec<u32> = Vec::new();
        let keys: Vec<u64> = signature.band_keys().collect();
        for key in &keys {
            for &candidate in self.bands.get(key).map(Vec::as_slice).unwrap_or_default() {
                if seen.contains(&candidate) {
                    continue;
                }
                seen.push(candidate);
                let Some((other, root)) = self.entries.get(candidate as usize) else {
                    continue;
                };
                if signature.same_employer(other) && signature.similarity(other) >= THRESHOLD {
                    best = Some(best.map_or(*root, |b| b.min(*root)));
                }
            }
        }
        for key in keys {
            self.bands.entry(key).or_default().push(id);
        }
        self.entries.push((signature, best.unwrap_or(id)));
        best.map(|b| b as usize)
    }

    /// Postings added.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no posting was added.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One fixed seed per hash function.
static SEEDS: std::sync::LazyLock<[u64; HASHES]> = std::sync::LazyLock::new(|| {
    let mut seeds = [0u64; HASHES];
    let mut state = 0x6a09_e667_f3bc_c909_u64;
    for seed in &mut seeds {
        state = splitmix64(state);
        *seed = state;
    }
    seeds
});

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "We are looking for a senior backend engineer to build our storage engine in Rust. \
        You will design distributed systems, review code, mentor engineers and own services in production. \
        Requirements: five years of experience with systems programming, Linux, networking and databases.";

    #[test]
    fn identical_and_near_identical_texts_are_duplicates() {
        let mut index = Index::new();
        assert_eq!(index.add(Signature::of(TEXT, Some("Acme"))), None);
        let city = TEXT.replace("Rust.", "Rust. This is a remote position in Spain.");
        let near = Signature::of(&city, Some("ACME"));
        assert!(near.similarity(&Signature::of(TEXT, Some("Acme"))) >= 0.5);
        assert_eq!(index.add(Signature::of(TEXT, Some("acme"))), Some(0));
        assert_eq!(index.add(Signature::of(TEXT, None)), None);
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn other_employers_and_other_texts_are_not() {
        let mut index = Index::new();
        index.add(Signature::of(TEXT, Some("Acme")));
        assert_eq!(index.add(Signature::of(TEXT, Some("Globex"))), None);
        let other = "We sell shoes online and need a marketing manager who loves spreadsheets and social media.";
        assert_eq!(index.add(Signature::of(other, Some("Acme"))), None);
    }

    #[test]
    fn chains_point_to_the_first_occurrence() {
        let mut index = Index::new();
        index.add(Signature::of("intro", Some("Acme")));
        index.add(Signature::of(TEXT, Some("Acme")));
        assert_eq!(index.add(Signature::of(TEXT, Some("Acme"))), Some(1));
        assert_eq!(index.add(Signature::of(TEXT, Some("Acme"))), Some(1));
    }

    #[test]
    fn signatures_are_deterministic() {
        assert_eq!(Signature::of(TEXT, None), Signature::of(TEXT, None));
        assert_eq!(
            Signature::of("", None).similarity(&Signature::of("", None)),
            1.0
        );
    }
}
