//! The fixed words of documents, in Dutch and English. Templates receive them as `t`.

use std::collections::BTreeMap;

use crate::lang::Lang;
use crate::plan::{AgreementStatus, Domain, GoalStatus, MeetingKind, Outcome};

/// Each entry: key, Dutch, English.
const LABELS: &[(&str, &str, &str)] = &[
    ("agenda", "Agenda", "Agenda"),
    ("plan_title", "Gezinsplan", "Family plan"),
    ("family", "Gezin", "Family"),
    ("date", "Datum", "Date"),
    ("date_open", "nog te prikken", "to be set"),
    ("time", "Tijd", "Time"),
    ("location", "Locatie", "Location"),
    ("chair", "Voorzitter", "Chair"),
    ("coordinator", "Zorgcoördinator", "Care coordinator"),
    ("attendees", "Aanwezig", "Attending"),
    ("part", "Deel", "Part"),
    ("with_everyone", "met iedereen", "with everyone"),
    ("with", "met", "with"),
    ("and", "en", "and"),
    (
        "closing_part",
        "Afsluiting, met iedereen",
        "Closing, with everyone",
    ),
    (
        "only_these_stay",
        "Voor dit deel blijven alleen",
        "For this part only these people stay",
    ),
    // Round table (seed 001)
    ("opening", "Opening", "Opening"),
    (
        "opening_purpose",
        "Doel en werkwijze van het overleg: samen met het gezin één plan maken. We praten *met* het gezin, niet *over* het gezin; het gezin heeft de belangrijkste stem in de agenda.",
        "Purpose and way of working: making one plan together with the family. We talk *with* the family, not *about* it; the family has the main say in the agenda.",
    ),
    (
        "opening_parents",
        "vertellen waarom dit overleg voor hen belangrijk is en wat zij ermee willen bereiken.",
        "say why this meeting matters to them and what they want to achieve with it.",
    ),
    (
        "opening_parents_one",
        "vertelt waarom dit overleg belangrijk is en wat zij ermee wil bereiken.",
        "says why this meeting matters to them and what they want to achieve with it.",
    ),
    ("request", "Hulpvraag", "The family's question"),
    ("strengths", "Krachten", "Strengths"),
    ("introductions", "Voorstelronde", "Round of introductions"),
    (
        "introductions_text",
        "Ieder stelt zich kort voor en vertelt wat hij of zij bijdraagt (of kan bijdragen) aan de doelen van het gezin.",
        "Everyone introduces themselves and says what they contribute (or could contribute) to the family's goals.",
    ),
    ("contributes_to", "draagt bij aan", "contributes to"),
    ("questions", "Vragen en zorgen", "Questions and concerns"),
    (
        "questions_text",
        "Ouders en aanwezigen stellen elkaar aanvullende vragen en bespreken hun zorgen. Leidt dit tot aanvullingen of wijzigingen in de doelen of hun volgorde?",
        "Parents and others ask each other further questions and discuss concerns. Does this add to or change the goals or their order?",
    ),
    ("goals", "Doelen van het gezin", "The family's goals"),
    ("goals_in_part", "Doelen in dit deel", "Goals in this part"),
    ("goal", "Doel", "Goal"),
    (
        "no_goals",
        "Nog geen doelen: stel ze samen met het gezin op, het meest dringende eerst.",
        "No goals yet: set them with the family, most urgent first.",
    ),
    ("later", "Voor later", "For later"),
    ("owners", "van", "for"),
    ("agreements", "Afsprakenlijst", "Agreements"),
    (
        "agreements_text",
        "Per doel: wie draagt wat bij, en van wanneer tot wanneer?",
        "Per goal: who contributes what, from when until when?",
    ),
    ("no_agreements", "nog geen afspraken", "no agreements yet"),
    ("from", "van", "from"),
    ("until", "tot en met", "until"),
    ("closing", "Afsluiting", "Closing"),
    (
        "closing_coordinator",
        "Wie is zorgcoördinator?",
        "Who is the care coordinator?",
    ),
    ("now", "nu", "now"),
    (
        "closing_contact",
        "Wie neemt contact op met hulp die nog ingeschakeld moet worden?",
        "Who contacts help that still has to be brought in?",
    ),
    (
        "closing_next",
        "Wanneer is de volgende evaluatie?",
        "When is the next evaluation?",
    ),
    ("planned", "gepland", "planned"),
    ("not_planned", "nog niet gepland", "not planned yet"),
    (
        "closing_write_up",
        "Wie werkt de afspraken uit in het gezinsplan en mailt ze rond aan de aanwezigen?",
        "Who writes up the agreements in the family plan and mails them round to those present?",
    ),
    (
        "closing_feedback",
        "Feedback: hoe was dit overleg voor iedereen?",
        "Feedback: how was this meeting for everyone?",
    ),
    // Evaluation (seed 001, "Evalueren")
    (
        "evaluation_opening",
        "Doel van deze evaluatie: per doel bespreken waar we nu staan, wat er gelukt is, en of we het kunnen afvinken of vervolgafspraken nodig hebben.",
        "Purpose of this evaluation: per goal, where are we now, what worked, and can we tick it off or do we need follow-up agreements?",
    ),
    ("progress", "Voortgang per doel", "Progress per goal"),
    ("where_now", "Waar staan we nu?", "Where are we now?"),
    ("scale", "Schaalvraag (0-10)", "Scale question (0-10)"),
    ("latest", "laatst", "latest"),
    ("before", "daarvoor", "before"),
    (
        "no_scores",
        "nog geen score: stel de schaalvraag",
        "no score yet: ask the scale question",
    ),
    ("what_worked", "Wat is er gelukt?", "What worked?"),
    (
        "decide",
        "Afvinken, doorgaan of vervolgafspraken?",
        "Tick it off, continue, or follow-up agreements?",
    ),
    (
        "evaluation_due",
        "te evalueren, uiterlijk",
        "due for evaluation by",
    ),
    ("evaluate_by", "evalueren uiterlijk", "evaluate by"),
    (
        "ended",
        "Afspraken die sinds het vorige overleg zijn afgelopen",
        "Agreements that ended since the previous meeting",
    ),
    ("ended_short", "afgelopen", "ended"),
    ("since", "sinds", "since"),
    ("running", "Lopende afspraken", "Running agreements"),
    ("whole_plan", "Het hele plan", "The whole plan"),
    ("achieved_on", "afgevinkt op", "ticked off on"),
    // Case review (seed 003)
    (
        "review_opening",
        "Doel van de dialoogtafel: samen terugkijken op de hulp aan dit gezin, wat hielp en wat belemmerde, en wat we daarvan leren. Een onafhankelijke voorzitter leidt het gesprek; ieder spreekt vanuit de eigen rol en ervaring, in een veilige sfeer waarin we naar elkaar luisteren.",
        "Purpose of the case review: looking back together on the help for this family, what helped and what hindered, and what we learn from it. An independent chair leads; everyone speaks from their own role and experience, in a safe atmosphere where we listen to each other.",
    ),
    (
        "review_course",
        "Het verloop: wat hielp en wat belemmerde?",
        "How it went: what helped and what hindered?",
    ),
    (
        "review_topic_participation",
        "Inbreng en regie van het gezin (cliëntparticipatie)",
        "The family's say and participation",
    ),
    (
        "review_topic_decisions",
        "Gezamenlijke besluitvorming met de jeugdige en de ouders",
        "Shared decisions with the young person and the parents",
    ),
    (
        "review_topic_interventions",
        "Ingezette hulp en interventies",
        "Help and interventions used",
    ),
    (
        "review_topic_communication",
        "Communicatie met het gezin en tussen hulpverleners",
        "Communication with the family and between professionals",
    ),
    (
        "review_topic_cooperation",
        "Samenwerking en afstemming",
        "Cooperation and coordination",
    ),
    (
        "review_topic_handovers",
        "Overdracht tussen hulpvormen en instellingen",
        "Hand-overs between services",
    ),
    (
        "review_goals",
        "De doelen en afspraken tot nu toe",
        "The goals and agreements so far",
    ),
    (
        "review_success",
        "Succesfactoren: wat moeten we vasthouden?",
        "Success factors: what should we keep doing?",
    ),
    (
        "review_bottlenecks",
        "Knelpunten: wat werkte belemmerend?",
        "Bottlenecks: what stood in the way?",
    ),
    (
        "review_actions",
        "Verbeteracties: wie doet wat, en wanneer?",
        "Improvement actions: who does what, and when?",
    ),
    (
        "review_closing",
        "Afsluiting: samenvatten, wie legt de verbeteracties vast, feedback op het gesprek.",
        "Closing: summary, who records the improvement actions, feedback on the conversation.",
    ),
    // The plan document
    ("started", "Gestart op", "Started on"),
    ("the_family", "Het gezin", "The family"),
    ("born", "geboren", "born"),
    (
        "progress_scale",
        "Voortgang (schaalvraag 0-10)",
        "Progress (scale question 0-10)",
    ),
    ("agreements_short", "Afspraken", "Agreements"),
    ("evaluations", "Evaluaties", "Evaluations"),
    ("closed", "Afgerond", "Closed"),
    ("network", "Netwerk", "Network"),
    ("professionals", "Professionals", "Professionals"),
    ("informal", "Eigen netwerk", "Informal network"),
    ("coordination", "Coördinatie", "Coordination"),
    ("meetings", "Overleggen", "Meetings"),
    ("held", "Gehouden", "Held"),
    ("planned_meetings", "Gepland", "Planned"),
    ("next_evaluation", "Volgende evaluatie", "Next evaluation"),
    ("no_meetings", "Nog geen overleggen.", "No meetings yet."),
    ("phone", "tel.", "phone"),
    // Invitations and calendars
    (
        "about_plan_of",
        "over het gezinsplan van",
        "about the family plan of",
    ),
    (
        "invite_ics_description",
        "De agenda en het gezinsplan staan in de uitnodiging per mail.",
        "The agenda and the family plan are attached to the invitation mail.",
    ),
    (
        "due_calendar",
        "Gezinsplannen: wat komt eraan",
        "Family plans: what is due",
    ),
    (
        "due_plan_evaluation",
        "Evaluatie gezinsplan",
        "Family plan evaluation",
    ),
    ("due_goal_evaluation", "Doel evalueren:", "Evaluate goal:"),
    ("due_agreement_end", "Afspraak loopt af", "Agreement ends"),
    ("invitation", "Uitnodiging", "Invitation"),
    (
        "purpose_rondetafel",
        "Samen met het gezin en iedereen die betrokken is maken we één plan: we bespreken de doelen van het gezin en spreken af wie wat bijdraagt, van wanneer tot wanneer.",
        "Together with the family and everyone involved we make one plan: we discuss the family's goals and agree who contributes what, from when until when.",
    ),
    (
        "purpose_evaluatie",
        "We bespreken per doel waar we nu staan, wat er gelukt is, en of we het kunnen afvinken of vervolgafspraken nodig hebben.",
        "Per goal we discuss where we are now, what worked, and whether we can tick it off or need follow-up agreements.",
    ),
    (
        "purpose_dialoogtafel",
        "We kijken samen terug op de hulp aan het gezin: wat hielp, wat belemmerde, en wat we daarvan leren.",
        "We look back together on the help for the family: what helped, what hindered, and what we learn from it.",
    ),
    // What changed
    ("changes_title", "Wat is er veranderd", "What changed"),
    ("since_rev", "Sinds", "Since"),
    ("until_rev", "tot en met", "up to"),
    ("now_file", "nu", "now"),
    ("no_changes", "Geen veranderingen.", "No changes."),
    ("goals_short", "Doelen", "Goals"),
    ("change_member_joined", "Nieuw gezinslid", "New family member"),
    (
        "change_person_joined",
        "Nieuw in het netwerk",
        "Joined the network",
    ),
    (
        "change_member_left",
        "Geen gezinslid meer",
        "No longer a family member",
    ),
    (
        "change_person_left",
        "Niet meer in het netwerk",
        "Left the network",
    ),
    ("change_goal_added", "Nieuw doel", "New goal"),
    ("change_goal_removed", "Doel vervallen", "Goal removed"),
    ("change_goal_reworded", "Doel anders verwoord", "Goal reworded"),
    ("change_priority", "prioriteit", "priority"),
    ("change_agreement_added", "Nieuwe afspraak", "New agreement"),
    (
        "change_agreement_removed",
        "Afspraak vervallen",
        "Agreement removed",
    ),
    (
        "change_agreement_changed",
        "Afspraak gewijzigd",
        "Agreement changed",
    ),
    ("change_agreement_status", "Afspraak", "Agreement"),
    ("change_field_what", "wat:", "what:"),
    ("change_field_start", "begin:", "start:"),
    ("change_field_end", "einde:", "end:"),
    ("change_evaluation", "Evaluatie", "Evaluation"),
    ("notes", "Aantekeningen", "Notes"),
    ("status", "Status", "Status"),
];

/// The labels of one language, keyed as templates use them (`{{ t.opening }}`).
pub fn labels(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    LABELS
        .iter()
        .map(|(key, nl, en)| (*key, if lang == Lang::Nl { *nl } else { *en }))
        .collect()
}

pub fn meeting_title(lang: Lang, kind: MeetingKind) -> &'static str {
    match (lang, kind) {
        (Lang::Nl, MeetingKind::Rondetafel) => "rondetafelgesprek",
        (Lang::Nl, MeetingKind::Evaluatie) => "evaluatiegesprek",
        (Lang::Nl, MeetingKind::Dialoogtafel) => "dialoogtafel",
        (Lang::En, MeetingKind::Rondetafel) => "round-table meeting",
        (Lang::En, MeetingKind::Evaluatie) => "evaluation meeting",
        (Lang::En, MeetingKind::Dialoogtafel) => "case review (dialoogtafel)",
    }
}

pub fn domain(lang: Lang, domain: Domain) -> &'static str {
    match (lang, domain) {
        (Lang::Nl, Domain::Gezondheid) => "gezondheid",
        (Lang::Nl, Domain::Opvoeding) => "opvoeding",
        (Lang::Nl, Domain::Relatie) => "relatie",
        (Lang::Nl, Domain::Huisvesting) => "huisvesting",
        (Lang::Nl, Domain::Financien) => "financiën",
        (Lang::Nl, Domain::School) => "school",
        (Lang::Nl, Domain::Werk) => "werk",
        (Lang::Nl, Domain::VrijeTijd) => "vrije tijd",
        (Lang::En, Domain::Gezondheid) => "health",
        (Lang::En, Domain::Opvoeding) => "parenting",
        (Lang::En, Domain::Relatie) => "relationship",
        (Lang::En, Domain::Huisvesting) => "housing",
        (Lang::En, Domain::Financien) => "finances",
        (Lang::En, Domain::School) => "school",
        (Lang::En, Domain::Werk) => "work",
        (Lang::En, Domain::VrijeTijd) => "leisure",
    }
}

pub fn goal_status(lang: Lang, status: GoalStatus) -> &'static str {
    match (lang, status) {
        (Lang::Nl, GoalStatus::Open) => "loopt",
        (Lang::Nl, GoalStatus::Later) => "later",
        (Lang::Nl, GoalStatus::Achieved) => "behaald",
        (Lang::Nl, GoalStatus::Stopped) => "gestopt",
        (Lang::En, GoalStatus::Open) => "open",
        (Lang::En, GoalStatus::Later) => "later",
        (Lang::En, GoalStatus::Achieved) => "achieved",
        (Lang::En, GoalStatus::Stopped) => "stopped",
    }
}

pub fn agreement_status(lang: Lang, status: AgreementStatus) -> &'static str {
    match (lang, status) {
        (Lang::Nl, AgreementStatus::Open) => "loopt",
        (Lang::Nl, AgreementStatus::Done) => "gedaan",
        (Lang::Nl, AgreementStatus::Stopped) => "gestopt",
        (Lang::En, AgreementStatus::Open) => "open",
        (Lang::En, AgreementStatus::Done) => "done",
        (Lang::En, AgreementStatus::Stopped) => "stopped",
    }
}

pub fn outcome(lang: Lang, outcome: Outcome) -> &'static str {
    match (lang, outcome) {
        (Lang::Nl, Outcome::Continue) => "doorgaan",
        (Lang::Nl, Outcome::Achieved) => "behaald",
        (Lang::Nl, Outcome::Adjust) => "bijstellen",
        (Lang::Nl, Outcome::Stopped) => "gestopt",
        (Lang::En, Outcome::Continue) => "continue",
        (Lang::En, Outcome::Achieved) => "achieved",
        (Lang::En, Outcome::Adjust) => "adjust",
        (Lang::En, Outcome::Stopped) => "stopped",
    }
}

/// "Sanne, Petra en Kees": a list of names as a sentence.
pub fn join_names(lang: Lang, names: &[String]) -> String {
    let and = if lang == Lang::Nl { "en" } else { "and" };
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_both_languages_and_a_unique_key() {
        let mut keys = std::collections::BTreeSet::new();
        for (key, nl, en) in LABELS {
            assert!(keys.insert(*key), "duplicate label {key}");
            assert!(!nl.is_empty() && !en.is_empty(), "{key}");
        }
    }

    #[test]
    fn names_join_like_a_sentence() {
        let names = ["Sanne".to_string(), "Petra".into(), "Kees".into()];
        assert_eq!(join_names(Lang::Nl, &names), "Sanne, Petra en Kees");
        assert_eq!(join_names(Lang::En, &names[..2]), "Sanne and Petra");
    }
}
