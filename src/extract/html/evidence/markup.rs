//! Evidence from markup made for machines: `<meta>` tags (Open Graph, Twitter cards, RDFa
//! properties), microdata `itemprop`s, and logos' names.

use super::*;

impl Collector {
    pub(super) fn set_microdata(&mut self, field: Field, text: String, rule: &str) {
        if let Some(slot) = self.found.microdata.get_mut(field as usize)
            && slot.is_none()
            && plausible(field, &text)
        {
            *slot = Some(Found {
                text,
                rule: rule.to_owned(),
            });
        }
    }

    pub(super) fn meta(&mut self, el: &impl Attributes) {
        self.twitter_pair(el);
        let Some(content) = el.attr("content") else {
            return;
        };
        let key = el.attr("property").or_else(|| el.attr("name"));
        match key {
            Some("og:site_name") | Some("application-name") if self.found.site_name.is_none() => {
                self.found.site_name = clean(content);
            }
            Some("og:description") => {
                self.found.description = clean(content);
            }
            Some("description") if self.found.description.is_none() => {
                self.found.description = clean(content);
            }
            Some("og:url") | Some("canonical") if self.found.url.is_none() => {
                self.found.url = absolute_url(content);
            }
            Some("author") => {
                if let Some(name) = clean(content) {
                    self.found
                        .names
                        .push((name, crate::extract::meta::page::AUTHOR_META));
                }
            }
            Some("twitter:site") => {
                if let Some(name) = clean(content.trim_start_matches('@')) {
                    self.found.names.push((name, "twitter:site"));
                }
            }
            Some("keywords") => {
                for word in content.split(',').take(12) {
                    if let Some(name) = clean(word) {
                        self.found.names.push((name, "keywords"));
                    }
                }
            }
            _ => {}
        }
        if self.furniture > 0 {
            return;
        }
        // `<meta itemprop=... content=...>` inside a microdata scope.
        if let Some(prop) = el
            .attr("itemprop")
            .or_else(|| el.attr("property").and_then(rdfa_property))
        {
            self.content_property(prop, content);
        }
    }

    /// A microdata or RDFa property whose value is a `content` attribute.
    pub(super) fn content_property(&mut self, prop: &str, content: &str) {
        let Some(text) = clean(content) else {
            return;
        };
        match prop {
            "title" => self.set_microdata(Field::Title, text, "itemprop=\"title\""),
            "name" if self.organization > 0 && self.inner_item == 0 => self.set_microdata(
                Field::Company,
                text,
                "itemprop=\"hiringOrganization\" > itemprop=\"name\"",
            ),
            "hiringOrganization" => {
                self.set_microdata(Field::Company, text, "itemprop=\"hiringOrganization\"");
            }
            "addressLocality" | "addressRegion" | "addressCountry"
                if self.place > 0 && !self.address.iter().any(|(_, part)| *part == text) =>
            {
                self.address.push((address_rank(prop), text));
            }
            _ => {}
        }
    }

    /// Lever's and others' `twitter:label1` = "Location", `twitter:data1` = "San Francisco".
    pub(super) fn twitter_pair(&mut self, el: &impl Attributes) {
        let Some(key) = el.attr("name").or_else(|| el.attr("property")) else {
            return;
        };
        let Some(value) = el.attr("value").or_else(|| el.attr("content")) else {
            return;
        };
        if let Some(n) = key.strip_prefix("twitter:label") {
            if let Some(field) = value_label(value) {
                self.twitter_labels.push((n.to_owned(), field));
            }
        } else if let Some(n) = key.strip_prefix("twitter:data")
            && let Some(&(_, field)) = self.twitter_labels.iter().find(|(m, _)| m == n)
            && let Some(text) = clean(value)
        {
            self.set_microdata(field, text, &format!("meta twitter:data{n}"));
        }
    }

    /// A logo image's name, in the site's header too: `<img src="/image/fairness_logo.svg"
    /// alt="Fairness">`, an image whose `src` or `class` says it is the logo, its `alt` the
    /// name.
    pub(super) fn logo_image(&mut self, name: &str, el: &impl Attributes) {
        if name != "img" || self.found.names.len() > 40 {
            return;
        }
        let Some(alt) = el.attr("alt") else {
            return;
        };
        let logo = ["src", "class"].iter().any(|k| {
            el.attr(k)
                .is_some_and(|v| v.to_ascii_lowercase().contains("logo"))
        });
        if logo
            && !alt.to_lowercase().contains("logo")
            && alt.split_whitespace().count() <= MAX_LOGO_WORDS
            && let Some(text) = clean(alt)
        {
            self.found
                .names
                .push((text, crate::extract::meta::page::LOGO_IMAGE));
        }
    }

    /// A logo's name: "Stripe logo" in an `alt`, `aria-label` or `title`.
    pub(super) fn logo_name(&mut self, name: &str, el: &impl Attributes) {
        if !matches!(name, "img" | "svg" | "a" | "span" | "div") || self.found.names.len() > 40 {
            return;
        }
        for key in ["alt", "aria-label", "title"] {
            let Some(value) = el.attr(key) else {
                continue;
            };
            // No character lowers to a letter of " logo" but those letters themselves: a value
            // without them in any case is passed over before it is lowered.
            if value.len() > 60
                || !value
                    .as_bytes()
                    .windows(b" logo".len())
                    .any(|w| w.eq_ignore_ascii_case(b" logo"))
            {
                continue;
            }
            let lower = value.to_lowercase();
            let Some(at) = lower.rfind(" logo") else {
                continue;
            };
            if let Some(text) = value.get(..at).and_then(clean) {
                self.found.names.push((text, "a logo's text"));
            }
        }
    }

    pub(super) fn itemprop(&mut self, prop: &str, name: &str, scoped: bool) {
        if name == "meta" {
            return;
        }
        let prop = if prop.eq_ignore_ascii_case("joblocation") {
            "jobLocation"
        } else {
            prop
        };
        match prop {
            "title" => self.start(Kind::Microdata(Field::Title), "itemprop=\"title\"".into()),
            "hiringOrganization" if scoped => self.organization = self.depth,
            "hiringOrganization" => self.start(
                Kind::Microdata(Field::Company),
                "itemprop=\"hiringOrganization\"".into(),
            ),
            "name" if self.organization > 0 && self.inner_item == 0 => self.start(
                Kind::Microdata(Field::Company),
                "itemprop=\"hiringOrganization\" > itemprop=\"name\"".into(),
            ),
            "jobLocation" if scoped => {
                self.place = self.depth;
                self.address.clear();
            }
            "jobLocation" => self.start(
                Kind::Microdata(Field::Location),
                "itemprop=\"jobLocation\"".into(),
            ),
            "addressLocality" | "addressRegion" | "addressCountry" if self.place > 0 => {
                self.start(Kind::AddressPart(address_rank(prop)), String::new());
            }
            // An address written whole: "Chalupkova 4, Bratislava-Staré Mesto-Bratislava".
            "address" if self.place > 0 && !scoped => {
                self.start(Kind::AddressPart(0), String::new());
            }
            _ => {}
        }
    }
}

/// The rank of an address part in the written order: locality, region, country.
pub(super) fn address_rank(prop: &str) -> u8 {
    match prop {
        "addressLocality" => 1,
        "addressRegion" => 2,
        "addressCountry" => 3,
        _ => 0,
    }
}

/// The schema.org property an RDFa `property` attribute names (`schema:title`, or `title`
/// under a page-wide `vocab`), among those the collector reads.
pub(super) fn rdfa_property(property: &str) -> Option<&str> {
    let name = property.strip_prefix("schema:").unwrap_or(property);
    [
        "title",
        "hiringOrganization",
        "name",
        "jobLocation",
        "joblocation",
        "address",
        "addressLocality",
        "addressRegion",
        "addressCountry",
    ]
    .into_iter()
    .find(|known| *known == name)
}

/// Whether an element's class hides it from the eye but not from a screen reader
/// (`sr-only`, `visually-hidden`, `u-visually-hidden`, `screen-reader-text`).
pub(super) fn hidden_class(el: &impl Attributes) -> bool {
    el.attr("class").is_some_and(|class| {
        class.split_ascii_whitespace().any(|c| {
            let c = c.to_ascii_lowercase();
            c == "sr-only" || c.ends_with("visually-hidden") || c == "screen-reader-text"
        })
    })
}

/// A link to one job's page: a path or query that names jobs, then the job's number
/// ("/jobs/7289318-customer-care-assistant", "/ge/?view=jobs&id=412345").
static JOB_LINK: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)[/=](?:jobs?|vacanc(?:y|ies)|stellen|offres?|empleos?|vacantes?|vagas?)(?:/|&id=|\?id=)\d{4,}",
    )
    .ok()
});

/// Most links to job pages kept (see [`PageEvidence::job_links`]).
const MAX_JOB_LINKS: usize = 40;

impl Collector {
    /// Keeps the `href` of a link `<a>` to one job's page (see [`JOB_LINK`]), once.
    pub(super) fn job_link(&mut self, name: &str, el: &impl Attributes) {
        if name == "a"
            && self.found.job_links.len() < MAX_JOB_LINKS
            && let Some(href) = el.attr("href")
            && JOB_LINK.as_ref().is_some_and(|re| re.is_match(href))
            && !self.found.job_links.iter().any(|h| h == href)
        {
            self.found.job_links.push(href.to_owned());
        }
    }
}
