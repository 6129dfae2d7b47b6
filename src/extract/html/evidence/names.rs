//! Bare names, units and legal names read from runs of text: a name under a company
//! heading ("Nom :" then the name), a unit under "Business Unit", a unit that "is part of" an
//! organization, a run that ends in a legal form.

use super::*;

impl Collector {
    /// Reads "X is part of Y" into [`PageEvidence::parents`], Y perhaps the next run.
    pub(super) fn unit_of(&mut self, run: &str) {
        let found = match self.part_of.take() {
            Some(unit) => labels::organization_name(run).map(|parent| (unit, parent)),
            None => labels::part_of(run),
        };
        match found {
            Some((unit, parent)) if parent.is_empty() => self.part_of = Some(unit),
            Some(pair) if self.found.parents.len() < MAX_PARENTS => self.found.parents.push(pair),
            _ => {}
        }
    }

    /// Reads a run of text for a bare name's label and value under a heading about the
    /// company ("Nom :" then "VOLTIX - Groupe VINCI"), and for a unit's ("Business Unit" then
    /// "Northwestern Medical Group", or "Business Unit: ..." in one run).
    pub(super) fn name_or_unit(&mut self, run: &str) {
        let (name, unit) = (
            std::mem::take(&mut self.pending_name),
            std::mem::take(&mut self.pending_unit),
        );
        let (label, value) = match run.split_once([':', '：']) {
            Some((label, value)) if name_label(label) || unit_label(label) => (label, value),
            _ if name || unit => ("", run),
            _ => (run, ""),
        };
        let value = value.trim().trim_start_matches([':', '：']).trim();
        if value.is_empty() {
            // A label alone, or a spacer (":") between a label and its value.
            self.pending_name = name_label(label) || (name && label.is_empty());
            self.pending_unit = unit_label(label) || (unit && label.is_empty());
            return;
        }
        let (name, unit) = if label.is_empty() {
            (name, unit)
        } else {
            (name_label(label), unit_label(label))
        };
        if name
            && self.company_part
            && let Some(slot) = self.found.labeled.get_mut(Field::Company as usize)
            && slot.is_none()
            && plausible(Field::Company, value)
            && let Some(value) = clean(value)
        {
            *slot = Some(Found {
                text: value,
                rule: "the text after a name's label under a heading about the company".into(),
            });
        }
        if unit
            && self.found.units.len() < MAX_UNITS
            && plausible(Field::Company, value)
            && let Some(value) = clean(value)
        {
            self.found.units.push(value);
        }
    }

    /// Reads a run of text for a company's legal name and for the postcode and town of the
    /// address under one.
    pub(super) fn legal_text(&mut self, text: &str) {
        let run = text.trim();
        if run.is_empty() {
            return;
        }
        if self.found.postal.len() < MAX_POSTAL
            && let Some((before, town)) = legal::postal_town(run)
        {
            let mut context: Vec<&str> = self.address_runs.iter().map(String::as_str).collect();
            context.push(&before);
            self.found.postal.push((context.join(" "), town));
        }
        if run.len() <= 200 {
            // Once full, the oldest run's buffer takes the new one: no allocation per run.
            let mut kept = if self.address_runs.len() == POSTAL_RUNS {
                self.address_runs.pop_front().unwrap_or_default()
            } else {
                String::new()
            };
            kept.clear();
            kept.push_str(run);
            self.address_runs.push_back(kept);
        }
        if let Some((name, left)) = &mut self.address_of {
            if let Some(town) = legal::postcode_town(run) {
                if self.found.addresses.len() < MAX_LEGAL_NAMES {
                    self.found.addresses.push((name.clone(), town));
                }
                self.address_of = None;
            } else if *left <= 1 {
                self.address_of = None;
            } else {
                *left -= 1;
            }
        }
        let ending = legal::legal_name(run);
        // "© 2024 Qian Capital, LP. All Rights Reserved.": the copyright line's owner.
        let owned = || copyright_owner(run).and_then(|owner| legal::legal_name(&owner));
        let Some((name, ends)) = ending
            .map(|n| (n, true))
            .or_else(|| owned().map(|n| (n, false)))
        else {
            return;
        };
        let at = if !ends {
            Where::CopyrightOwner
        } else if run.contains('©') || run.contains("Copyright") {
            Where::Copyright
        } else if self.furniture == 0 {
            Where::Content
        } else {
            Where::Furniture
        };
        if name == run.trim_end_matches([',', ';', ':']).trim_end() {
            self.address_of = Some((name.clone(), legal::ADDRESS_RUNS));
        }
        if self.found.legal_names.len() < MAX_LEGAL_NAMES
            && !self
                .found
                .legal_names
                .iter()
                .any(|(n, w)| *n == name && *w == at)
        {
            self.found.legal_names.push((name, at));
        }
    }
}

/// Most "X is part of Y" statements kept.
const MAX_PARENTS: usize = 4;
