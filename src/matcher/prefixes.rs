//! Trigger literals of a regex pattern: a finite set of (ASCII-lowercased) strings one of which
//! starts every match.
//!
//! A rule pattern is then run only where one of its triggers occurs (found by the phrase scan
//! along with every other phrase), anchored there, instead of as a pass of its own over the whole
//! posting. The set is a superset filter, so it must be sound: every match of the pattern begins
//! with one of the literals, compared ASCII case-insensitively. A pattern with no such set (it
//! may start with `\w`, say) is run over the whole text as before.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Below this many bytes a trigger literal is too common (`a `): the literals are also taken
/// through optional groups ([`triggers`]). (Only where needed: the second set costs start-up.)
const SHORT_LITERAL: usize = 4;

/// Most literals in a set; beyond it, the literals stop growing.
const MAX_LITERALS: usize = 250;

/// Most characters of a class enumerated into literals.
const MAX_CLASS_CHARS: usize = 12;

/// Literals are extended until each has at least this many bytes: enough to be selective (with
/// 4, `engi` of `engineering` started an anchored run at every `engineer`, and the trie's word
/// table sent every `engi...` word on a walk; 12 kept more literals whole but cost 1.5 ms more
/// start-up than 8 for no measurable speed).
const ENOUGH_BYTES: usize = 8;

/// One prefix: its bytes, and whether it is the whole of what it was taken from (so that what
/// follows may extend it).
type Prefix = (Vec<u8>, bool);

/// The trigger literals of a pattern, or `None` when it has no usable finite set (some match
/// could start with an empty or unbounded prefix).
///
/// The literals stop at an optional group (`(?:a )?x` gives `a `, and `x`) unless that leaves
/// one shorter than [`SHORT_LITERAL`]: then a second set that goes through such groups (`a x`)
/// is taken too, and the one whose shortest literal is longest is kept (then the smaller).
/// Going through is more selective where the group is short, but where optional groups follow
/// each other the combinations pass [`MAX_LITERALS`], and the literals then stop short of
/// where the first way stops.
pub(super) fn triggers(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let set = |through_optional: bool| {
        let mut literals: Vec<Vec<u8>> = prefixes(hir, through_optional)
            .into_iter()
            .map(|(b, _)| b)
            .collect();
        if literals.iter().any(Vec::is_empty) {
            return None;
        }
        literals.sort();
        literals.dedup();
        Some(literals)
    };
    let shortest = |set: &Vec<Vec<u8>>| set.iter().map(Vec::len).min().unwrap_or(0);
    let stopping = set(false);
    if stopping
        .as_ref()
        .is_some_and(|s| shortest(s) >= SHORT_LITERAL)
    {
        return stopping;
    }
    match (stopping, set(true)) {
        (Some(stopping), Some(through)) => {
            let score = |s: &Vec<Vec<u8>>| (shortest(s), std::cmp::Reverse(s.len()));
            Some(if score(&through) > score(&stopping) {
                through
            } else {
                stopping
            })
        }
        (stopping, through) => stopping.or(through),
    }
}

/// The prefixes of what `hir` matches; with `through_optional`, what follows a group that may
/// occur once or not at all extends the group's prefixes.
fn prefixes(hir: &Hir, through_optional: bool) -> Vec<Prefix> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => vec![(Vec::new(), true)],
        HirKind::Literal(literal) => vec![(literal.0.to_ascii_lowercase(), true)],
        HirKind::Class(class) => class_literals(class),
        HirKind::Capture(capture) => prefixes(&capture.sub, through_optional),
        HirKind::Repetition(repetition) => {
            let inner = prefixes(&repetition.sub, through_optional);
            let once = repetition.max == Some(1) && (repetition.min == 1 || through_optional);
            let mut out: Vec<Prefix> = inner.into_iter().map(|(b, e)| (b, e && once)).collect();
            if repetition.min == 0 {
                out.push((Vec::new(), true));
            }
            out
        }
        HirKind::Alternation(alternatives) => {
            let mut out = Vec::new();
            for alternative in alternatives {
                out.extend(prefixes(alternative, through_optional));
                if out.len() > MAX_LITERALS {
                    return vec![(Vec::new(), false)];
                }
            }
            out
        }
        HirKind::Concat(parts) => {
            // The literals still growing, and those that stopped (inexact, or long enough).
            let mut current: Vec<Prefix> = vec![(Vec::new(), true)];
            let mut stopped: Vec<Prefix> = Vec::new();
            let mut complete = true;
            for part in parts {
                let (growing, done): (Vec<Prefix>, Vec<Prefix>) = current
                    .into_iter()
                    .partition(|(b, exact)| *exact && b.len() < ENOUGH_BYTES);
                stopped.extend(done.into_iter().map(|(b, _)| (b, false)));
                current = growing;
                if current.is_empty() {
                    complete = false;
                    break;
                }
                let extend = |next_parts: &[Prefix]| {
                    let mut next = Vec::with_capacity(current.len() * next_parts.len());
                    for (bytes, _) in &current {
                        for (more, more_exact) in next_parts {
                            let mut joined = Vec::with_capacity(bytes.len() + more.len());
                            joined.extend_from_slice(bytes);
                            joined.extend_from_slice(more);
                            next.push((joined, *more_exact));
                        }
                    }
                    next
                };
                let room = MAX_LITERALS.saturating_sub(stopped.len());
                let mut next = extend(&prefixes(part, through_optional));
                if through_optional && next.len() > room {
                    // Too many ways through this part's optional groups: stop at them here.
                    next = extend(&prefixes(part, false));
                }
                if next.len() > room {
                    complete = false;
                    break;
                }
                current = next;
            }
            // What was not extended to the end of the concatenation is a prefix only.
            if !complete {
                for prefix in &mut current {
                    prefix.1 = false;
                }
            }
            stopped.extend(current);
            stopped
        }
    }
}

/// A small class as one literal per character (ASCII letters lowercased); a large one as the
/// empty, open prefix.
fn class_literals(class: &Class) -> Vec<Prefix> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    match class {
        Class::Unicode(class) => {
            let count: usize = class
                .ranges()
                .iter()
                .map(|r| (r.end() as usize).saturating_sub(r.start() as usize) + 1)
                .sum();
            if count > MAX_CLASS_CHARS {
                return vec![(Vec::new(), false)];
            }
            for range in class.ranges() {
                for c in range.start()..=range.end() {
                    let mut buf = [0u8; 4];
                    out.push(c.encode_utf8(&mut buf).as_bytes().to_ascii_lowercase());
                }
            }
        }
        Class::Bytes(class) => {
            let count: usize = class
                .ranges()
                .iter()
                .map(|r| usize::from(r.end()) - usize::from(r.start()) + 1)
                .sum();
            if count > MAX_CLASS_CHARS {
                return vec![(Vec::new(), false)];
            }
            for range in class.ranges() {
                for b in range.start()..=range.end() {
                    out.push(vec![b.to_ascii_lowercase()]);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out.into_iter().map(|b| (b, true)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(pattern: &str) -> Option<Vec<Vec<u8>>> {
        triggers(&regex_syntax::Parser::new().parse(pattern).unwrap())
    }

    fn strings(pattern: &str) -> Option<Vec<String>> {
        parsed(pattern).map(|set| {
            set.into_iter()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .collect()
        })
    }

    #[test]
    fn literal_alternations_and_case() {
        // Case-insensitive `k` also matches the Kelvin sign, so `track` has two spellings.
        assert_eq!(
            strings("(?i)track|hunt down"),
            Some(vec![
                "hunt dow".into(),
                "track".into(),
                "trac\u{212a}".into()
            ])
        );
        // Stopping at the optional group leaves no literal shorter than SHORT_LITERAL.
        assert_eq!(
            strings(r"\((?:GNU )?Make\)"),
            Some(vec!["(gnu ".into(), "(make)".into()])
        );
        // It would leave `a `: through it, the shortest literal is longer.
        assert_eq!(
            strings("(?i)(?:a )?(?:related|similar) field"),
            Some(vec![
                "a related".into(),
                "a similar".into(),
                "a \u{17f}imilar".into(),
                "related ".into(),
                "similar ".into(),
                "\u{17f}imilar".into(),
            ])
        );
        // Case-insensitive `k` and `s` also match the Kelvin and long-s signs.
        let set = strings("(?i)ask").unwrap_or_default();
        assert!(set.contains(&"ask".to_string()), "{set:?}");
        assert!(set.len() > 1);
    }

    /// Where going through every optional group would give more than [`MAX_LITERALS`]
    /// literals, the literals stop at the groups that overflow, and go through the others:
    /// neither `a ` (stopping at `(?:a )?`) nor a bare `cs` (everything stopped before the
    /// group that overflows) is a literal.
    #[test]
    fn optional_groups_that_overflow_are_stopped_at() {
        let fields = "cs|ee|ece|cse|math|stem|physics|biology|chemistry|statistics|economics";
        let pattern = format!(
            "(?i)(?:{fields}|(?:a )?(?:related|similar) field)(?: or (?:a )?(?:related|\
             relevant|similar|equivalent|comparable|technical|scientific|quantitative|\
             engineering|natural) (?:field|discipline))?,? (?:bachelor'?s |master'?s |\
             undergraduate |graduate )?(?:degree|diploma)s?"
        );
        let set = strings(&pattern).unwrap_or_default();
        assert!(set.len() <= MAX_LITERALS, "{}", set.len());
        assert!(set.contains(&"a related".to_string()), "{set:?}");
        let shortest = set.iter().map(String::len).min().unwrap_or(0);
        assert!(shortest >= 3, "{set:?}");
    }

    #[test]
    fn open_starts_have_no_triggers() {
        assert_eq!(strings(r"\w+ bugs"), None);
        assert_eq!(strings("(?:x)?"), None);
        assert_eq!(strings("[a-z]+b"), None);
        assert_eq!(strings("a*b"), Some(vec!["a".into(), "b".into()]));
    }

    #[test]
    fn every_match_starts_with_a_trigger() {
        let patterns = [
            "(?i)resolv(?:e|es|ing) (?:\\w+ ){1,2}issues",
            "(?i)high[- ]quality (?:[\\w-]+ ){0,3}(?:uis?|code)",
            "(?:CMake|Bazel)(?:,| or) ?(?:Make|make)",
            "(?i)(?:fluent|c1|b2)(?: level)? english",
            // Taken through the optional groups (`a ` alone would be too short).
            "(?i)(?:a )?(?:related|similar) (?:technical )?fields?(?: or (?:a )?degree)?",
        ];
        let texts = [
            "We Resolve hard issues; RESOLVING some issues",
            "High-quality shiny code and high quality UIs",
            "CMake or make, Bazel,Make",
            "Fluent English, C1 level English, b2 english",
            "A related field or a degree; similar technical fields, a Similar field or degree",
        ];
        for (pattern, text) in patterns.iter().zip(texts) {
            let set = parsed(pattern).unwrap_or_default();
            assert!(!set.is_empty(), "{pattern}");
            let re = regex::Regex::new(pattern).unwrap();
            let mut seen = 0;
            for m in re.find_iter(text) {
                seen += 1;
                let rest = text[m.start()..].to_ascii_lowercase();
                assert!(
                    set.iter().any(|t| rest.as_bytes().starts_with(t)),
                    "{pattern}: {:?}",
                    m.as_str()
                );
            }
            assert!(seen >= 2, "{pattern}");
        }
    }
}
