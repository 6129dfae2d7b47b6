//! What a capture gives when its element closes: the field of an icon, a label, a heading, an
//! address part or a microdata property, checked and cleaned.

use super::*;

impl Collector {
    pub(super) fn finish(&mut self, mut capture: Capture) {
        if let Kind::Icon(field) = capture.kind {
            let rule = match field {
                Field::Location => "the text after a location icon",
                Field::Company => "the text after a company icon",
                Field::Title => "the text after a title icon",
            };
            self.captures.push(Capture {
                kind: Kind::Labeled(field),
                depth: self.depth.saturating_sub(1),
                text: String::new(),
                rule: rule.to_owned(),
                plain: false,
                links_from: None,
                linked: false,
                line: true,
                first_break: None,
                done: false,
            });
            return;
        }
        if capture.text.contains('\u{1}') {
            // A cell of roles with their descriptions, too long to keep: its first line.
            match (capture.kind, capture.first_break) {
                (Kind::AfterLabel(Field::Title), Some(at)) if at < capture.text.len() => {
                    capture.text.truncate(at);
                }
                _ => return,
            }
        }
        // A label's colon in an element of its own ("<span>:</span>") is a spacer too.
        let spacer = |t: &String| {
            matches!(capture.kind, Kind::AfterLabel(_)) && !t.chars().any(char::is_alphanumeric)
        };
        let Some(text) = clean(&capture.text).filter(|t| !spacer(t)) else {
            if let Kind::AfterLabel(field) = capture.kind {
                // An empty element (a spacer cell) between a label and its value.
                self.pending = Some((field, capture.rule));
            }
            return;
        };
        match capture.kind {
            // "Overview:", "Required Skills": an <h4> that heads a part of the posting is no
            // main heading.
            Kind::H1
                if capture.rule == LOWER_MAIN
                    && (text.ends_with([':', '：'])
                        || crate::extract::sections::classify_heading(&text).is_some()) => {}
            Kind::H1 => {
                if !capture.plain && self.h1_home_link && self.found.home_h1.is_none() {
                    self.found.home_h1 = Some(text.clone());
                }
                // A real <h1> after an <h4> read as the main heading takes its place; the
                // <h4> is then a run above it ("Hjúkrunarheimilið Hjallatún" over the job). An
                // <h1> after the posting's sections ("Equal" in a closing banner) does not.
                let mut above = Vec::new();
                if capture.rule.is_empty() && self.lower_main && capture.plain && !self.seen_section
                {
                    self.lower_main = false;
                    if !self.found.h1s.is_empty() {
                        let lower = self.found.h1s.remove(0);
                        above.push(lower.text);
                        above.extend(lower.preline);
                    }
                    if !self.after_h1.is_empty() {
                        self.after_h1.remove(0);
                    }
                }
                if capture.rule == LOWER_MAIN {
                    self.lower_main = true;
                }
                if capture.plain && self.found.h1s.len() < MAX_H1 {
                    // The runs before the heading: those seen last, less the heading's own.
                    let own = text.to_lowercase();
                    let preline: Vec<String> = self
                        .recent
                        .iter()
                        .rev()
                        .chain(&above)
                        .filter(|run| !own.contains(&run.to_lowercase()))
                        .take(PRELINE_RUNS)
                        .cloned()
                        .collect();
                    self.recent.clear();
                    self.found.h1s.push(Heading {
                        text,
                        subline: Vec::new(),
                        preline,
                        hidden: self.h1_hidden,
                    });
                    if self.after_h1.is_empty() {
                        self.badge_runs = BADGE_RUNS;
                    }
                    self.after_h1.push(SUBLINE_RUNS);
                }
            }
            Kind::PlainTitle => {
                if self.found.plain_title.is_none() {
                    self.found.plain_title = Some(text);
                }
            }
            Kind::Heading => {
                if self.found.heading.is_none() {
                    self.found.heading = Some(text);
                }
            }
            Kind::Icon(_) => {}
            Kind::LowerHeading => {
                self.company_part = names_company_part(&text);
                if self.furniture == 0
                    && self.site_header == 0
                    && self.found.lower_headings.len() < MAX_LATER_HEADINGS
                {
                    self.found.lower_headings.push(text.clone());
                }
            }
            Kind::Section => {
                self.company_part = names_company_part(&text);
                if self.furniture == 0
                    && self.site_header == 0
                    && !self.found.h1s.is_empty()
                    && self.found.later_headings.len() < MAX_LATER_HEADINGS
                {
                    self.found.later_headings.push(text.clone());
                }
                // Not when the parent is the page's body or main content.
                let parent = capture.depth.saturating_sub(1);
                if self.furniture == 0
                    && parent > 2
                    && parent != self.main
                    && crate::extract::sections::classify_heading(&text)
                        == Some(crate::extract::SectionKind::OtherJobs)
                {
                    self.furniture = parent;
                    self.other_jobs = Some(false);
                }
            }
            Kind::AddressPart(rank) => {
                if !self.address.iter().any(|(_, part)| *part == text) {
                    self.address.push((rank, text));
                }
            }
            Kind::Microdata(field) => self.set_microdata(field, text, &capture.rule),
            // "Work Location(s)" in an element labeled `work-locations`: the label of the
            // value that follows, not the value.
            // `<h2 id="5-location--work-style">5. Location & Work Style</h2>`: an id that a
            // renderer made from the element's own words is an anchor to it, not a label of
            // what it holds.
            Kind::Labeled(_) if anchor_id(&capture.rule, &text) => {}
            Kind::Labeled(Field::Company) if restates_label(&capture.rule, &text) => {}
            Kind::Labeled(_) if value_label(&text).is_some() => {
                self.pending = value_label(&text).map(|field| (field, text));
            }
            Kind::Labeled(field) | Kind::AfterLabel(field) => {
                // The name before the links that follow it, when it can stand alone.
                let text = capture
                    .links_from
                    .filter(|_| matches!(capture.kind, Kind::AfterLabel(_)))
                    .and_then(|at| capture.text.get(..at))
                    .and_then(clean)
                    .filter(|name| field != Field::Title && plausible(field, name))
                    .unwrap_or(text);
                // A title cell too long to be one title: its first line names the job.
                let text = match capture.first_break {
                    Some(at) if field == Field::Title && !plausible(field, &text) => {
                        capture.text.get(..at).and_then(clean).unwrap_or(text)
                    }
                    _ => text,
                };
                let fits = !matches!(capture.kind, Kind::AfterLabel(_))
                    || fits_label(&capture.rule, &text);
                let rule = match capture.kind {
                    Kind::AfterLabel(_) => {
                        format!("the element after the label {:?}", capture.rule)
                    }
                    _ => capture.rule,
                };
                if let Some(slot) = self.found.labeled.get_mut(field as usize)
                    && slot.is_none()
                    && fits
                    && plausible(field, &text)
                {
                    // "Published by: Republic of Bulgaria,<br> at date: ...": the value without
                    // the comma that parts it from the next fact.
                    let value = strip_label(field, &text);
                    let value = match field {
                        Field::Title => value,
                        _ => value.trim_end_matches([',', ';']).trim_end(),
                    };
                    *slot = Some(Found {
                        text: value.to_owned(),
                        rule,
                    });
                }
            }
        }
    }
}
