//! "Did you mean …?": the closest known word to a misspelled key, id or value.

/// The candidate closest to `typed`, if it is close enough to be a likely typo.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed_lower = typed.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(|c| (similarity(&typed_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    // Jaro-Winkler rewards a shared beginning (how people misspell), Levenshtein catches the
    // dropped or doubled letter in short words that Jaro-Winkler rates too low.
    let jw = strsim::jaro_winkler(a, b);
    let distance = strsim::levenshtein(a, b);
    let longest = a.chars().count().max(b.chars().count());
    let lev = if longest > 3 && distance <= longest / 4 + 1 {
        0.85
    } else {
        0.0
    };
    jw.max(lev)
}

/// Dutch words people type for the English keys of the file format.
const DUTCH_KEYS: &[(&str, &str)] = &[
    ("versie", "version"),
    ("gezin", "family"),
    ("familie", "family"),
    ("naam", "name"),
    ("leden", "members"),
    ("gezinsleden", "members"),
    ("rol", "role"),
    ("geboren", "born"),
    ("geboortedatum", "born"),
    ("telefoon", "phone"),
    ("mail", "email"),
    ("e-mail", "email"),
    ("hulpvraag", "request"),
    ("vraag", "request"),
    ("krachten", "strengths"),
    ("sterke-punten", "strengths"),
    ("gestart", "started"),
    ("start-datum", "started"),
    ("coordinator", "coordinator"),
    ("coördinator", "coordinator"),
    ("zorgcoördinator", "coordinator"),
    ("zorgcoordinator", "coordinator"),
    ("afstemming", "coordination"),
    ("coördinatie", "coordination"),
    ("netwerk", "network"),
    ("organisatie", "organisation"),
    ("organization", "organisation"),
    ("professioneel", "professional"),
    ("doelen", "goals"),
    ("doel", "goal"),
    ("eigenaren", "owners"),
    ("prioriteit", "priority"),
    ("levensgebied", "domain"),
    ("domein", "domain"),
    ("delen-met", "share_with"),
    ("share-with", "share_with"),
    ("sharewith", "share_with"),
    ("evalueren-voor", "evaluate_by"),
    ("evaluate-by", "evaluate_by"),
    ("afspraken", "agreements"),
    ("afsprakenlijst", "agreements"),
    ("wie", "who"),
    ("wat", "what"),
    ("begin", "start"),
    ("eind", "end"),
    ("einde", "end"),
    ("bijeenkomsten", "meetings"),
    ("overleggen", "meetings"),
    ("datum", "date"),
    ("tijd", "time"),
    ("duur", "duration"),
    ("soort", "kind"),
    ("voorzitter", "chair"),
    ("locatie", "location"),
    ("plaats", "location"),
    ("aanwezigen", "attendees"),
    ("deelnemers", "attendees"),
    ("notities", "notes"),
    ("aantekeningen", "notes"),
    ("volgende-evaluatie", "next_evaluation"),
    ("next-evaluation", "next_evaluation"),
    ("evaluaties", "evaluations"),
    ("schaal", "scale"),
    ("schaalvraag", "scale"),
    ("cijfer", "scale"),
    ("uitkomst", "outcome"),
    ("resultaat", "outcome"),
];

/// The key the user most likely meant: a typo of an allowed key, or its Dutch word.
pub fn key<'a>(typed: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let lower = typed.to_lowercase();
    let normalised = lower.replace(['_', ' '], "-");
    if let Some((_, english)) = DUTCH_KEYS.iter().find(|(dutch, _)| *dutch == normalised)
        && let Some(found) = allowed.iter().find(|a| *a == english)
    {
        return Some(found);
    }
    closest(typed, allowed.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos() {
        let keys = ["agreements", "goals", "network", "professional"];
        assert_eq!(key("agrements", &keys), Some("agreements"));
        assert_eq!(key("profesional", &keys), Some("professional"));
        assert_eq!(key("Netwerk", &keys), Some("network"));
        assert_eq!(key("afspraken", &keys), Some("agreements"));
        assert_eq!(key("colour", &keys), None);
    }

    #[test]
    fn finds_close_ids() {
        assert_eq!(closest("doel-c", ["doel-a", "rust"]), Some("doel-a"));
        assert_eq!(closest("financieen", ["financien", "school"]), Some("financien"));
        assert_eq!(closest("xyz", ["financien", "school"]), None);
    }
}
