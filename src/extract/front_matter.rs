//! A posting whose text lives in its front matter: content files of static sites (Astro, Hugo,
//! Jekyll collections) that keep the whole posting in fields, `description:` and `profile:`
//! lists under a `title`, with no Markdown body. Read only when the body holds next to no text,
//! so that front matter stays furniture wherever a body carries the posting.
//!
//! YAML (`---`) is parsed with yaml-rust2, TOML (`+++`) with the toml crate the rule files use.
//! Each field that holds prose becomes a heading (its key, `job_description` read as "job
//! description") over its text: a string of five words or more as a paragraph, a list whose
//! items are mostly phrases (three words or more) as list items. Short scalars (names, e-mail
//! addresses, dates, icons) and lists of tags are left out.

use super::{BlockKind, RawBlock, push_block};

/// Words a string field needs to be read as prose.
const MIN_PARAGRAPH_WORDS: usize = 5;

/// Words most items of a list need for the list to be read as prose, not as tags.
const MIN_ITEM_WORDS: usize = 3;

/// The blocks of the prose fields of a front matter block; `toml` for a `+++` block. Empty
/// when the block does not parse or holds no prose.
pub fn blocks(front_matter: &str, toml: bool) -> Vec<RawBlock> {
    let fields = if toml {
        toml_fields(front_matter)
    } else {
        yaml_fields(front_matter)
    };
    let mut blocks = Vec::new();
    for (key, value) in fields {
        if key.eq_ignore_ascii_case("title") {
            continue;
        }
        match value {
            Field::Text(text) if words(&text) >= MIN_PARAGRAPH_WORDS => {
                push_block(&mut blocks, BlockKind::Heading(2), &heading(&key), false);
                push_block(&mut blocks, BlockKind::Paragraph, &text, false);
            }
            Field::List(items) if !items.is_empty() => {
                let phrases = items.iter().filter(|i| words(i) >= MIN_ITEM_WORDS).count();
                if phrases * 2 >= items.len() {
                    push_block(&mut blocks, BlockKind::Heading(2), &heading(&key), false);
                    for item in &items {
                        push_block(&mut blocks, BlockKind::ListItem, item, false);
                    }
                }
            }
            _ => {}
        }
    }
    blocks
}

/// A top-level field's value, as far as it can be prose.
enum Field {
    /// A string.
    Text(String),
    /// A list of strings (other items left out).
    List(Vec<String>),
    /// Anything else: numbers, booleans, dates, tables.
    Other,
}

/// The top-level fields of a YAML mapping, in order.
fn yaml_fields(front_matter: &str) -> Vec<(String, Field)> {
    use yaml_rust2::{Yaml, YamlLoader};
    let Ok(documents) = YamlLoader::load_from_str(front_matter) else {
        return Vec::new();
    };
    let Some(Yaml::Hash(map)) = documents.into_iter().next() else {
        return Vec::new();
    };
    map.into_iter()
        .filter_map(|(key, value)| {
            let Yaml::String(key) = key else {
                return None;
            };
            let field = match value {
                Yaml::String(text) => Field::Text(text),
                Yaml::Array(items) => Field::List(
                    items
                        .into_iter()
                        .flat_map(|i| match i {
                            Yaml::String(text) => vec![text],
                            Yaml::Hash(_) => {
                                let mut leaves = Vec::new();
                                yaml_leaves(i, &mut leaves);
                                leaves
                            }
                            _ => Vec::new(),
                        })
                        .collect(),
                ),
                _ => Field::Other,
            };
            Some((key, field))
        })
        .collect()
}

/// The top-level fields of a TOML table, in the table's order.
fn toml_fields(front_matter: &str) -> Vec<(String, Field)> {
    let Ok(table) = front_matter.parse::<toml::Table>() else {
        return Vec::new();
    };
    table
        .into_iter()
        .map(|(key, value)| {
            let field = match value {
                toml::Value::String(text) => Field::Text(text),
                toml::Value::Array(items) => Field::List(
                    items
                        .into_iter()
                        .flat_map(|i| match i {
                            toml::Value::String(text) => vec![text],
                            toml::Value::Table(_) => {
                                let mut leaves = Vec::new();
                                toml_leaves(i, &mut leaves);
                                leaves
                            }
                            _ => Vec::new(),
                        })
                        .collect(),
                ),
                _ => Field::Other,
            };
            (key, field)
        })
        .collect()
}

/// The phrases (three words or more) among the strings of a list item that is a mapping, in
/// order, nested mappings included: a CMS list whose items are `- expectation: {contents:
/// ...}` records. Short strings (icons, labels, amounts) are left out.
fn yaml_leaves(value: yaml_rust2::Yaml, out: &mut Vec<String>) {
    use yaml_rust2::Yaml;
    match value {
        Yaml::String(text) if words(&text) >= MIN_ITEM_WORDS => out.push(text),
        Yaml::Hash(map) => {
            for (_, value) in map {
                yaml_leaves(value, out);
            }
        }
        _ => {}
    }
}

/// [`yaml_leaves`] for a TOML table in an array.
fn toml_leaves(value: toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(text) if words(&text) >= MIN_ITEM_WORDS => out.push(text),
        toml::Value::Table(table) => {
            for (_, value) in table {
                toml_leaves(value, out);
            }
        }
        _ => {}
    }
}

/// A field's key as a heading: `job_description` -> "job description".
fn heading(key: &str) -> String {
    key.replace(['_', '-'], " ")
}

/// Words of a text, by white space.
fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_fields_are_read_and_furniture_is_not() {
        // The fields of a LOG consulting posting (tests/fixtures/i18n-fresh12/fr), cut short.
        let yaml = "title: Ingénieur DevOps expérimenté H/F\nicon: devops\n\
            summary: LOG recherche pour l'un de ses clients un expert DevOps expérimenté\n\
            hr_email: recrutement@wearelog.fr\ntags: [devops, azure]\n\
            profile:\n  - Familiarité avec les méthodes Agile telles que Scrum et Kanban\n  \
            - Bon niveau d'anglais indispensable\n";
        let texts: Vec<String> = blocks(yaml, false).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            [
                "summary",
                "LOG recherche pour l'un de ses clients un expert DevOps expérimenté",
                "profile",
                "Familiarité avec les méthodes Agile telles que Scrum et Kanban",
                "Bon niveau d'anglais indispensable",
            ]
        );
    }

    #[test]
    fn toml_front_matter_is_read_too() {
        let toml = "title = \"SRE\"\nrequirements = [\"Five years of running Linux servers\", \
            \"On-call experience with Kubernetes\"]\n";
        let texts: Vec<String> = blocks(toml, true).into_iter().map(|b| b.text).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
    }

    #[test]
    fn list_items_that_are_records_give_their_phrases() {
        // tests/fixtures/postings/check20-naturaily-frontend-developer-vue-js.md, cut short:
        // a Netlify CMS list of `expectation: {contents: ...}` records, and benefits whose icon
        // is left out.
        let yaml = "title: Frontend Developer (Vue.js)\nwe-need-you-to:\n  - expectation:\n      \
            contents: 'experienced with Git usage '\n  - expectation:\n      \
            contents: eager to mentor other developers\nbenefits:\n  - benefit:\n      \
            benefit-icon: trust\n      benefit-title: You will be proud of your work\n";
        let texts: Vec<String> = blocks(yaml, false).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            [
                "we need you to",
                "experienced with Git usage",
                "eager to mentor other developers",
                "benefits",
                "You will be proud of your work",
            ]
        );
    }

    #[test]
    fn a_block_that_does_not_parse_gives_nothing() {
        assert!(blocks("title: [unclosed\n  - x: : y", false).is_empty());
    }
}
