//! Who is invited to a meeting, each with the reader their documents are rendered for, and
//! who cannot be written to (no e-mail address). Also the stable ids that make every run's
//! drafts and calendars identical.

use sha2::{Digest, Sha256};

use crate::plan::{Meeting, Plan};
use crate::sharing::Reader;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee<'p> {
    pub id: &'p str,
    pub name: &'p str,
    pub email: &'p str,
    pub family: bool,
    /// Family members read the family's copy; everyone else their own.
    pub reader: Reader,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped<'p> {
    pub id: &'p str,
    pub name: &'p str,
}

/// Everyone at the meeting with an e-mail address, and those without one, in the plan's order.
pub fn invitees<'p>(plan: &'p Plan, meeting: &Meeting) -> (Vec<Invitee<'p>>, Vec<Skipped<'p>>) {
    let mut invited = Vec::new();
    let mut skipped = Vec::new();
    for id in plan.attendees_of(meeting) {
        let (id, family) = if let Some(m) = plan.member(id) {
            (m.id.as_str(), true)
        } else if let Some(p) = plan.person(id) {
            (p.id.as_str(), false)
        } else {
            continue;
        };
        let name = plan.name_of(id).unwrap_or(id);
        let email = plan.email_of(id);
        match email {
            Some(email) => invited.push(Invitee {
                id,
                name,
                email,
                family,
                reader: if family {
                    Reader::Family
                } else {
                    Reader::Person(id.to_owned())
                },
            }),
            None => skipped.push(Skipped { id, name }),
        }
    }
    (invited, skipped)
}

/// A short hex id that is always the same for the same parts: for `Message-ID`s, calendar
/// `UID`s and mail boundaries. The parts are separated, so ("ab", "c") differs from ("a", "bc").
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0u8]);
    }
    hash.finalize()[..12].iter().map(|b| format!("{b:02x}")).collect()
}

/// The family's short name for a subject line: "Familie Jansen" → "Jansen".
pub fn short_family_name(name: &str) -> &str {
    let trimmed = name.trim();
    for prefix in ["Familie ", "familie ", "Gezin ", "gezin ", "Family ", "The "] {
        if let Some(rest) = trimmed.strip_prefix(prefix)
            && !rest.trim().is_empty()
        {
            return rest.trim();
        }
    }
    trimmed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_separate_their_parts() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_eq!(fingerprint(&["x"]).len(), 24);
    }

    #[test]
    fn short_names() {
        assert_eq!(short_family_name("Familie Jansen"), "Jansen");
        assert_eq!(short_family_name("Gezin El Amrani"), "El Amrani");
        assert_eq!(short_family_name("De Boer"), "De Boer");
        assert_eq!(short_family_name("Familie "), "Familie");
    }
}
