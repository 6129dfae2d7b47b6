//! Regex patterns: compiled at load time, in parallel and bounded in size, so that a bad
//! pattern is an error naming the file, the line, the skill and the pattern.

use std::collections::HashMap;

use toml::Spanned;

use super::error::RuleErrorKind;
use super::load::Source;
use super::{Pattern, REGEX_SIZE_LIMIT, RuleError};

/// A compiled pattern with its syntax tree, or the compiler's message.
pub(super) type Compiled = Result<(regex_automata::meta::Regex, regex_syntax::hir::Hir), String>;

/// Compiles every distinct pattern, in parallel.
pub(super) fn compile_all<'a>(
    patterns: impl Iterator<Item = &'a String>,
) -> HashMap<String, Compiled> {
    use rayon::prelude::*;
    let mut distinct: Vec<&String> = patterns.collect();
    distinct.sort_unstable();
    distinct.dedup();
    distinct
        .into_par_iter()
        .map(|pattern| (pattern.clone(), compile_regex(pattern)))
        .collect()
}

/// Compiles one pattern with the regex crate's syntax, bounded in size.
pub(super) fn compile_regex(pattern: &str) -> Compiled {
    use regex_automata::meta;
    // The syntax error's last line says what is wrong; a size error is one line.
    let last_line = |message: String| message.lines().last().unwrap_or_default().to_owned();
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .map_err(|e| last_line(e.to_string()))?;
    let regex = meta::Regex::builder()
        // No prefilter: the matcher runs patterns anchored where their trigger literals occur,
        // which makes one redundant, and building it is a third of the compile time.
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .auto_prefilter(false)
                .onepass(false),
        )
        .build_from_hir(&hir)
        .map_err(|e| match e.size_limit() {
            Some(limit) => format!("the compiled pattern is larger than the limit ({limit} bytes)"),
            None => last_line(e.to_string()),
        })?;
    Ok((regex, hir))
}

/// The pattern `pattern` of skill `skill`, compiled (`compiled`: already done by
/// [`compile_all`]) and checked.
pub(super) fn compile_pattern(
    source: Source<'_>,
    skill: &str,
    pattern: &Spanned<String>,
    compiled: Option<&Compiled>,
) -> Result<Pattern, RuleError> {
    let at = pattern.span().start;
    let pattern = pattern.get_ref().as_str();
    let compiled = match compiled {
        Some(done) => done.clone(),
        None => compile_regex(pattern),
    };
    let (regex, hir) = compiled.map_err(|message| {
        source.error(
            at,
            RuleErrorKind::InvalidPattern {
                skill: skill.to_owned(),
                pattern: pattern.to_owned(),
                message,
            },
        )
    })?;
    if pattern.trim().is_empty() || regex.is_match("") {
        return Err(source.error(
            at,
            RuleErrorKind::EmptyMatchPattern {
                skill: skill.to_owned(),
                pattern: pattern.to_owned(),
            },
        ));
    }
    Ok(Pattern {
        source: pattern.to_owned(),
        regex,
        hir,
    })
}
