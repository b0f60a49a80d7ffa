//! A visit (treatment session): its start, the screening answered before the first needle,
//! and its end. The needles and e-stim pairs of the open visit live on the chart; an ended
//! visit keeps them with its record.

use serde::{Deserialize, Serialize};

use super::chart::{PainDab, TriggerPoint};
use super::timer::{Millis, Timer};

/// A screening question: the contraindications and precautions checked before needling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    Bleeding,
    Pregnancy,
    NeedleFear,
    LocalInfection,
    Lymphoedema,
    MetalAllergy,
    ImmuneSuppression,
    Pacemaker,
    Epilepsy,
}

impl Question {
    pub const ALL: [Question; 9] = [
        Question::Bleeding,
        Question::Pregnancy,
        Question::NeedleFear,
        Question::LocalInfection,
        Question::Lymphoedema,
        Question::MetalAllergy,
        Question::ImmuneSuppression,
        Question::Pacemaker,
        Question::Epilepsy,
    ];

    /// Stable id, used in `data-question` and in saved visits.
    pub fn id(self) -> &'static str {
        match self {
            Question::Bleeding => "bleeding",
            Question::Pregnancy => "pregnancy",
            Question::NeedleFear => "needle_fear",
            Question::LocalInfection => "local_infection",
            Question::Lymphoedema => "lymphoedema",
            Question::MetalAllergy => "metal_allergy",
            Question::ImmuneSuppression => "immune_suppression",
            Question::Pacemaker => "pacemaker",
            Question::Epilepsy => "epilepsy",
        }
    }

    /// The question as the therapist asks it.
    pub fn ask(self) -> &'static str {
        match self {
            Question::Bleeding => "Bleeding disorder or anticoagulant medicine?",
            Question::Pregnancy => "Pregnant, or could be?",
            Question::NeedleFear => "Afraid of needles, or has fainted at needles before?",
            Question::LocalInfection => "Skin infection where the needles would go?",
            Question::Lymphoedema => "Lymphoedema in the area to treat?",
            Question::MetalAllergy => "Allergy to metal (nickel)?",
            Question::ImmuneSuppression => "Weakened immune system (illness or medicine)?",
            Question::Pacemaker => "Pacemaker or other implanted electrical device?",
            Question::Epilepsy => "Epilepsy?",
        }
    }

    /// What a "yes" means for this visit, in plain words.
    pub fn meaning(self) -> &'static str {
        match self {
            Question::Bleeding => "Bleeds more easily. Needle only muscles you can press on afterwards; avoid deep muscles that cannot be compressed, and press each site when the needle comes out.",
            Question::Pregnancy => "Needle with care and avoid the low back, the abdomen and points known to be sensitive in pregnancy. E-stim is not allowed in this visit.",
            Question::NeedleFear => "Risk of fainting. Treat lying down, start with one needle, and watch the patient's colour and breathing.",
            Question::LocalInfection => "Never needle through infected skin. Treat only other areas.",
            Question::Lymphoedema => "Do not needle the swollen limb or area: a puncture can start an infection there.",
            Question::MetalAllergy => "Check the needle material; use needles the patient tolerates, or do not needle.",
            Question::ImmuneSuppression => "Higher risk of infection. Clean the skin with extra care and consider fewer needles.",
            Question::Pacemaker => "E-stim is not allowed in this visit. Dry needling without current may go on.",
            Question::Epilepsy => "E-stim is not allowed in this visit. Dry needling without current may go on.",
        }
    }

    /// Asked only before e-stim; dry needling does not wait for it.
    pub fn estim_only(self) -> bool {
        matches!(self, Question::Pacemaker | Question::Epilepsy)
    }

    /// A "yes" rules out e-stim for the visit.
    pub fn blocks_estim(self) -> bool {
        matches!(
            self,
            Question::Pacemaker | Question::Epilepsy | Question::Pregnancy
        )
    }

    /// Short name for messages ("pacemaker or implant").
    pub fn short(self) -> &'static str {
        match self {
            Question::Bleeding => "bleeding disorder or anticoagulants",
            Question::Pregnancy => "pregnancy",
            Question::NeedleFear => "fear of needles",
            Question::LocalInfection => "local infection",
            Question::Lymphoedema => "lymphoedema",
            Question::MetalAllergy => "metal allergy",
            Question::ImmuneSuppression => "immune suppression",
            Question::Pacemaker => "pacemaker or implant",
            Question::Epilepsy => "epilepsy",
        }
    }
}

/// One answer. A "yes" stops the visit until the therapist confirms going on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: Question,
    pub yes: bool,
    pub answered_at: Millis,
    /// When the therapist confirmed going on despite a "yes".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_at: Option<Millis>,
}

/// Why needling or e-stim cannot go on yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScreeningGap {
    /// These questions have no answer yet.
    Unanswered(Vec<Question>),
    /// A "yes" not yet confirmed.
    Unconfirmed(Question),
    /// E-stim is ruled out by this answer.
    Blocks(Question),
}

impl std::fmt::Display for ScreeningGap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScreeningGap::Unanswered(qs) => write!(
                f,
                "the screening is not complete ({} question{} unanswered)",
                qs.len(),
                if qs.len() == 1 { "" } else { "s" }
            ),
            ScreeningGap::Unconfirmed(q) => write!(
                f,
                "the screening answer “{}” is yes and has not been confirmed",
                q.short()
            ),
            ScreeningGap::Blocks(q) => write!(
                f,
                "e-stim is not allowed in this visit: the patient answered yes to {}",
                q.short()
            ),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Screening {
    pub answers: Vec<Answer>,
}

impl Screening {
    pub fn answer_of(&self, q: Question) -> Option<&Answer> {
        self.answers.iter().find(|a| a.question == q)
    }

    /// Records an answer; changing it clears an earlier confirmation.
    pub fn answer(&mut self, q: Question, yes: bool, now: Millis) {
        let a = Answer {
            question: q,
            yes,
            answered_at: now,
            confirmed_at: None,
        };
        match self.answers.iter_mut().find(|a| a.question == q) {
            Some(old) if old.yes == yes => {}
            Some(old) => *old = a,
            None => self.answers.push(a),
        }
    }

    /// Confirms going on despite a "yes". Returns false when there is no "yes" to confirm.
    pub fn confirm(&mut self, q: Question, now: Millis) -> bool {
        match self.answers.iter_mut().find(|a| a.question == q && a.yes) {
            Some(a) => {
                a.confirmed_at.get_or_insert(now);
                true
            }
            None => false,
        }
    }

    fn check(&self, estim: bool) -> Result<(), ScreeningGap> {
        let asked = Question::ALL
            .into_iter()
            .filter(|q| estim || !q.estim_only());
        let missing: Vec<Question> = asked
            .clone()
            .filter(|q| self.answer_of(*q).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(ScreeningGap::Unanswered(missing));
        }
        for q in asked {
            let a = self.answer_of(q).expect("answered");
            if a.yes && estim && q.blocks_estim() {
                return Err(ScreeningGap::Blocks(q));
            }
            if a.yes && a.confirmed_at.is_none() {
                return Err(ScreeningGap::Unconfirmed(q));
            }
        }
        Ok(())
    }

    /// May the first needle go in? Every needling question answered, every "yes" confirmed.
    pub fn ready_for_needling(&self) -> Result<(), ScreeningGap> {
        self.check(false)
    }

    /// May e-stim start? Also the e-stim questions answered, and none that rules it out.
    pub fn ready_for_estim(&self) -> Result<(), ScreeningGap> {
        self.check(true)
    }
}

/// A mild adverse event recorded for a visit (the ones seen in practice: bruising, bleeding,
/// pain during or after needling, and a vasovagal reaction).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Adverse {
    Bruising,
    Bleeding,
    PainDuring,
    PainAfter,
    Fainting,
}

impl Adverse {
    pub const ALL: [Adverse; 5] = [
        Adverse::Bruising,
        Adverse::Bleeding,
        Adverse::PainDuring,
        Adverse::PainAfter,
        Adverse::Fainting,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Adverse::Bruising => "Bruising",
            Adverse::Bleeding => "Bleeding",
            Adverse::PainDuring => "Pain during",
            Adverse::PainAfter => "Pain after",
            Adverse::Fainting => "Dizziness or fainting",
        }
    }
}

/// A dated correction of an ended visit: the original stays as it was, the amendment says
/// what changed and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Amendment {
    pub at: Millis,
    pub what: String,
    pub why: String,
}

/// Longest visit note kept (characters); the field stops input there.
pub const NOTES_MAX: usize = 10_000;

/// Longest amendment text kept, each of "what" and "why" (characters).
pub const AMENDMENT_MAX: usize = 10_000;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    /// Also the visit's id within its patient (two visits never start in the same millisecond).
    pub started_at: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Millis>,
    pub screening: Screening,
    /// The needle and e-stim timers of an ended visit (an open visit's are on the chart).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timers: Vec<Timer>,
    /// Adverse events recorded for the visit, in the order they were noted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adverse: Vec<Adverse>,
    /// The therapist's notes on the visit as a whole.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The chart as it was when the visit ended: every point with that day's findings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<TriggerPoint>,
    /// That day's pain drawing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pain: Vec<PainDab>,
    /// Corrections made after the visit ended, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
    /// The patient's answers to "do you agree?", oldest first (see `consent`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consent: Vec<super::consent::Consent>,
    /// The patient's own drawing of where it hurts, from the patient view.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patient_pain: Vec<PainDab>,
    /// The patient's own pain score, 0 to 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_score: Option<u8>,
}

impl Visit {
    /// Adds a correction to an ended visit; the record itself is never edited.
    pub fn amend(&mut self, what: &str, why: &str, now: Millis) -> Result<(), String> {
        if self.ended_at.is_none() {
            return Err("a visit under way is edited directly, not amended".into());
        }
        let (what, why) = (what.trim(), why.trim());
        if what.is_empty() || why.is_empty() {
            return Err("an amendment says what changed and why".into());
        }
        if what.chars().count() > AMENDMENT_MAX || why.chars().count() > AMENDMENT_MAX {
            return Err(format!(
                "an amendment can be at most {AMENDMENT_MAX} characters"
            ));
        }
        self.amendments.push(Amendment {
            at: now,
            what: what.into(),
            why: why.into(),
        });
        Ok(())
    }

    /// Needles put in during the visit.
    pub fn needle_count(&self) -> usize {
        self.timers.iter().filter(|t| t.is_needle()).count()
    }

    /// Pain before and after across the visit's points (highest of each), for the history.
    pub fn nrs_range(&self) -> (Option<u8>, Option<u8>) {
        let max = |f: fn(&TriggerPoint) -> Option<u8>| self.points.iter().filter_map(f).max();
        (
            max(|p| p.findings.nrs_before),
            max(|p| p.findings.nrs_after),
        )
    }

    /// Notes an adverse event, or takes back one noted by mistake.
    pub fn toggle_adverse(&mut self, event: Adverse) {
        match self.adverse.iter().position(|a| *a == event) {
            Some(i) => {
                self.adverse.remove(i);
            }
            None => self.adverse.push(event),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_no(s: &mut Screening, estim: bool) {
        for q in Question::ALL {
            if estim || !q.estim_only() {
                s.answer(q, false, 1);
            }
        }
    }

    #[test]
    fn needling_waits_for_every_needling_question() {
        let mut s = Screening::default();
        match s.ready_for_needling() {
            Err(ScreeningGap::Unanswered(qs)) => assert_eq!(qs.len(), 7),
            other => panic!("{other:?}"),
        }
        all_no(&mut s, false);
        assert_eq!(s.ready_for_needling(), Ok(()));
        // E-stim also asks about pacemakers and epilepsy.
        assert_eq!(
            s.ready_for_estim(),
            Err(ScreeningGap::Unanswered(vec![
                Question::Pacemaker,
                Question::Epilepsy
            ]))
        );
    }

    #[test]
    fn a_yes_needs_a_confirmation_and_a_changed_answer_clears_it() {
        let mut s = Screening::default();
        all_no(&mut s, true);
        s.answer(Question::Bleeding, true, 5);
        assert_eq!(
            s.ready_for_needling(),
            Err(ScreeningGap::Unconfirmed(Question::Bleeding))
        );
        assert!(s.confirm(Question::Bleeding, 6));
        assert_eq!(s.ready_for_needling(), Ok(()));
        assert_eq!(s.ready_for_estim(), Ok(()));
        assert!(
            !s.confirm(Question::Epilepsy, 7),
            "nothing to confirm on a no"
        );
        s.answer(Question::Bleeding, false, 8);
        s.answer(Question::Bleeding, true, 9);
        assert_eq!(
            s.ready_for_needling(),
            Err(ScreeningGap::Unconfirmed(Question::Bleeding))
        );
    }

    #[test]
    fn adverse_events_are_noted_once_and_can_be_taken_back() {
        let mut v = Visit::default();
        v.toggle_adverse(Adverse::Bruising);
        v.toggle_adverse(Adverse::PainAfter);
        assert_eq!(v.adverse, vec![Adverse::Bruising, Adverse::PainAfter]);
        v.toggle_adverse(Adverse::Bruising);
        assert_eq!(v.adverse, vec![Adverse::PainAfter]);
    }

    #[test]
    fn pacemaker_epilepsy_and_pregnancy_block_estim_only() {
        for q in [Question::Pacemaker, Question::Epilepsy, Question::Pregnancy] {
            let mut s = Screening::default();
            all_no(&mut s, true);
            s.answer(q, true, 2);
            s.confirm(q, 3);
            assert_eq!(s.ready_for_needling(), Ok(()), "{q:?}");
            assert_eq!(s.ready_for_estim(), Err(ScreeningGap::Blocks(q)));
        }
        let mut s = Screening::default();
        all_no(&mut s, true);
        s.answer(Question::MetalAllergy, true, 2);
        s.confirm(Question::MetalAllergy, 3);
        assert_eq!(s.ready_for_estim(), Ok(()));
    }
}
