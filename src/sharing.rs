//! What the family agreed to share: who may read which goals, and who they may know of.
//!
//! A document is rendered for a [`Reader`]. The family (and each member) sees everything; a
//! network person sees only the goals shared with them, the material tied to those goals, and
//! the people they meet in it (spec: "Sharing rules").

use std::collections::BTreeSet;

use crate::plan::{Goal, Plan};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reader {
    /// The family's own copy: everything.
    Family,
    /// The copy for one network person.
    Person(String),
}

/// `--for` named an id that is not in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownReader {
    pub id: String,
    pub suggestion: Option<String>,
}

impl std::fmt::Display for UnknownReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` is not a family member or network person in this plan",
            self.id
        )?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownReader {}

impl Reader {
    /// The reader for `--for ID`: a family member reads the family's copy.
    pub fn for_id(plan: &Plan, id: Option<&str>) -> Result<Reader, UnknownReader> {
        let Some(id) = id else {
            return Ok(Reader::Family);
        };
        if plan.member(id).is_some() {
            return Ok(Reader::Family);
        }
        if plan.person(id).is_some() {
            return Ok(Reader::Person(id.to_owned()));
        }
        let ids = plan.everyone();
        Err(UnknownReader {
            id: id.to_owned(),
            suggestion: crate::suggest::closest(id, ids).map(str::to_owned),
        })
    }

    pub fn is_family(&self) -> bool {
        *self == Reader::Family
    }

    pub fn may_see(&self, goal: &Goal) -> bool {
        match self {
            Reader::Family => true,
            Reader::Person(id) => goal.shared_with(id),
        }
    }

    /// Free text not tied to a goal (the help question, strengths, meeting notes, whole-plan
    /// evaluations) may speak of anything, so only the family reads it.
    pub fn sees_untied_text(&self) -> bool {
        self.is_family()
    }

    /// Ids of the people this reader may know of from the plan itself: the family, the
    /// coordinator, themselves, and whoever has an agreement on a goal they may see. Documents
    /// about a meeting add the people at the same table.
    pub fn known_people(&self, plan: &Plan) -> BTreeSet<String> {
        let mut known: BTreeSet<String> = plan.family.members.iter().map(|m| m.id.clone()).collect();
        match self {
            Reader::Family => known.extend(plan.everyone().into_iter().map(str::to_owned)),
            Reader::Person(id) => {
                known.insert(id.clone());
                known.insert(plan.coordinator.clone());
                for agreement in &plan.agreements {
                    if plan.goal(&agreement.goal).is_some_and(|g| self.may_see(g)) {
                        known.insert(agreement.who.clone());
                    }
                }
            }
        }
        known
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Agreement, Family, Member, Person};

    fn plan() -> Plan {
        Plan {
            family: Family {
                name: "F".into(),
                members: vec![Member {
                    id: "sanne".into(),
                    ..Member::default()
                }],
            },
            coordinator: "petra".into(),
            network: ["petra", "kees", "anna"]
                .map(|id| Person {
                    id: id.into(),
                    ..Person::default()
                })
                .to_vec(),
            goals: vec![
                Goal {
                    id: "open".into(),
                    ..Goal::default()
                },
                Goal {
                    id: "debts".into(),
                    share_with: Some(vec!["kees".into()]),
                    ..Goal::default()
                },
            ],
            agreements: vec![Agreement {
                goal: "debts".into(),
                who: "kees".into(),
                ..Agreement::default()
            }],
            ..Plan::default()
        }
    }

    #[test]
    fn members_read_the_family_copy_and_strangers_are_refused() {
        let p = plan();
        assert_eq!(Reader::for_id(&p, Some("sanne")), Ok(Reader::Family));
        let err = Reader::for_id(&p, Some("kess")).unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("kees"));
    }

    #[test]
    fn people_see_only_shared_goals_and_the_people_in_them() {
        let p = plan();
        let anna = Reader::Person("anna".into());
        assert!(anna.may_see(&p.goals[0]));
        assert!(!anna.may_see(&p.goals[1]));
        let known = anna.known_people(&p);
        assert!(known.contains("petra") && known.contains("sanne") && known.contains("anna"));
        assert!(!known.contains("kees"));
        assert!(Reader::Person("kees".into()).known_people(&p).contains("kees"));
    }
}
