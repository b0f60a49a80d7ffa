//! The patient's agreement to the treatment, and what the patient says of their own pain.
//!
//! Consent is a list of dated answers, never overwritten: the latest one counts, and a
//! withdrawal stays in the record next to the agreement it took back. The first needle (and
//! the first e-stim pair) waits for an agreement that covers it, as it waits for the screening.

use serde::{Deserialize, Serialize};

use super::chart::{Chart, ChartError, PainDab};
use super::timer::{Clock, Millis};
use super::visit::{Question, Visit};

/// What the patient answered at the end of the patient view's story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// "I understand and agree to dry needling".
    Agree,
    /// The same, and to electrical stimulation.
    AgreeWithEstim,
    /// "I have questions": nothing goes in until they are answered and consent is given.
    Questions,
    /// The agreement is taken back: no new needle goes in.
    Withdrawn,
}

impl Answer {
    pub const ALL: [Answer; 4] = [
        Answer::Agree,
        Answer::AgreeWithEstim,
        Answer::Questions,
        Answer::Withdrawn,
    ];

    /// The answer of an id (`Answer::id`).
    pub fn from_id(id: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.id() == id)
    }

    /// An agreement to needling (with or without e-stim).
    pub fn agrees(self) -> bool {
        matches!(self, Answer::Agree | Answer::AgreeWithEstim)
    }

    /// Stable id, used in `data-consent` (and the patient view's buttons).
    pub fn id(self) -> &'static str {
        match self {
            Answer::Agree => "agreed",
            Answer::AgreeWithEstim => "agreed_estim",
            Answer::Questions => "questions",
            Answer::Withdrawn => "withdrawn",
        }
    }

    /// For the therapist's screen and the record.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Agree => "agreed to dry needling",
            Answer::AgreeWithEstim => "agreed to dry needling and e-stim",
            Answer::Questions => "has questions (no consent yet)",
            Answer::Withdrawn => "withdrew consent",
        }
    }
}

/// One dated answer, and who recorded it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub answer: Answer,
    pub at: Millis,
    /// Recorded by the therapist (consent given in person) rather than by the patient in the
    /// patient view.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_person: bool,
}

/// Why a needle or an e-stim pair waits for the patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsentGap {
    /// Nothing asked yet, or the patient has questions.
    NotGiven,
    /// The patient took their agreement back.
    Withdrawn,
    /// The agreement does not cover electrical stimulation.
    NotForEstim,
}

impl std::fmt::Display for ConsentGap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ConsentGap::NotGiven => "the patient's consent is not recorded yet",
            ConsentGap::Withdrawn => "the patient has withdrawn consent",
            ConsentGap::NotForEstim => "the patient's consent does not cover e-stim",
        })
    }
}

/// Highest pain score a patient can give (0 to 10).
pub const SCORE_MAX: u8 = 10;

impl Visit {
    /// E-stim is planned when the therapist has asked the screening's questions before e-stim:
    /// the patient view then tells of it and asks the patient's agreement to it.
    pub fn estim_planned(&self) -> bool {
        Question::ALL
            .into_iter()
            .filter(|q| q.estim_only())
            .all(|q| self.screening.answer_of(q).is_some())
    }

    /// The answer that counts now: the latest.
    pub fn consent_now(&self) -> Option<&Consent> {
        self.consent.last()
    }

    /// May a needle go in, as far as the patient's agreement goes?
    pub fn consented_to_needling(&self) -> Result<(), ConsentGap> {
        match self.consent_now().map(|c| c.answer) {
            Some(a) if a.agrees() => Ok(()),
            Some(Answer::Withdrawn) => Err(ConsentGap::Withdrawn),
            _ => Err(ConsentGap::NotGiven),
        }
    }

    /// May an e-stim pair start, as far as the patient's agreement goes?
    pub fn consented_to_estim(&self) -> Result<(), ConsentGap> {
        self.consented_to_needling()?;
        match self.consent_now().map(|c| c.answer) {
            Some(Answer::AgreeWithEstim) => Ok(()),
            _ => Err(ConsentGap::NotForEstim),
        }
    }
}

impl Chart {
    /// Today's visit, started if none is open: what the patient says belongs to it.
    fn today(&mut self, clock: &impl Clock) -> Result<&mut Visit, ChartError> {
        self.ensure_visit(clock);
        self.visit.as_mut().ok_or(ChartError::NoVisit)
    }

    /// Records the patient's answer in today's visit (starting it if none is open). An ended
    /// visit is never changed.
    pub fn record_consent(
        &mut self,
        answer: Answer,
        in_person: bool,
        clock: &impl Clock,
    ) -> Result<(), ChartError> {
        let at = clock.now();
        self.today(clock)?.consent.push(Consent {
            answer,
            at,
            in_person,
        });
        Ok(())
    }

    /// Adds a stroke to the patient's own drawing of today.
    pub fn add_patient_pain(
        &mut self,
        dabs: &[PainDab],
        clock: &impl Clock,
    ) -> Result<(), ChartError> {
        self.today(clock)?.patient_pain.extend_from_slice(dabs);
        Ok(())
    }

    /// Clears the patient's own drawing of today (the patient starts again).
    pub fn clear_patient_pain(&mut self) -> Result<(), ChartError> {
        let v = self.visit.as_mut().ok_or(ChartError::NoVisit)?;
        v.patient_pain.clear();
        Ok(())
    }

    /// The patient's own pain score of today, 0 to 10.
    pub fn set_patient_score(&mut self, score: u8, clock: &impl Clock) -> Result<(), ChartError> {
        if score > SCORE_MAX {
            return Err(ChartError::InvalidRecord(format!(
                "a pain score is 0 to {SCORE_MAX}"
            )));
        }
        self.today(clock)?.patient_score = Some(score);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anatomy::model::{Side, View};
    use crate::clinic::chart::MapPoint;
    use crate::clinic::timer::{FixedClock, MINUTE};

    fn screened(clock: &FixedClock) -> (Chart, u32) {
        let mut c = Chart::default();
        let id = c
            .mark(
                "upper_trapezius",
                Side::Left,
                MapPoint {
                    view: View::Posterior,
                    x: -40.0,
                    y: 120.0,
                },
                clock,
            )
            .unwrap();
        c.start_visit(clock).unwrap();
        for q in Question::ALL {
            c.answer(q, false, clock).unwrap();
        }
        (c, id)
    }

    #[test]
    fn the_first_needle_waits_for_consent_and_a_withdrawal_stops_new_ones() {
        let clock = FixedClock(1_000);
        let (mut c, trp) = screened(&clock);
        assert_eq!(
            c.start_timer(trp, 10 * MINUTE, &clock),
            Err(ChartError::Consent(ConsentGap::NotGiven))
        );
        c.record_consent(Answer::Questions, false, &clock).unwrap();
        assert_eq!(
            c.start_timer(trp, 10 * MINUTE, &clock),
            Err(ChartError::Consent(ConsentGap::NotGiven))
        );
        c.record_consent(Answer::Agree, false, &FixedClock(2_000))
            .unwrap();
        let needle = c.start_timer(trp, 10 * MINUTE, &clock).unwrap();
        c.record_consent(Answer::Withdrawn, false, &FixedClock(3_000))
            .unwrap();
        assert_eq!(
            c.start_timer(trp, 10 * MINUTE, &clock),
            Err(ChartError::Consent(ConsentGap::Withdrawn))
        );
        // The needle already in can still come out, and the whole story stays in the record.
        assert!(c.stop(needle, &clock).is_ok());
        let v = c.visit.as_ref().unwrap();
        let answers: Vec<Answer> = v.consent.iter().map(|k| k.answer).collect();
        assert_eq!(
            answers,
            [Answer::Questions, Answer::Agree, Answer::Withdrawn]
        );
        assert_eq!(v.consent[1].at, 2_000);
    }

    #[test]
    fn e_stim_needs_an_agreement_that_names_it() {
        let clock = FixedClock(1_000);
        let mut bare = Chart::default();
        bare.start_visit(&clock).unwrap();
        for q in Question::ALL.into_iter().filter(|q| !q.estim_only()) {
            bare.answer(q, false, &clock).unwrap();
        }
        assert!(
            !bare.visit.as_ref().unwrap().estim_planned(),
            "e-stim questions not asked"
        );
        let (mut c, _) = screened(&clock);
        assert!(c.visit.as_ref().unwrap().estim_planned());
        c.record_consent(Answer::Agree, true, &clock).unwrap();
        let v = c.visit.as_ref().unwrap();
        assert_eq!(v.consented_to_needling(), Ok(()));
        assert_eq!(v.consented_to_estim(), Err(ConsentGap::NotForEstim));
        assert!(v.consent[0].in_person);
        c.record_consent(Answer::AgreeWithEstim, false, &clock)
            .unwrap();
        assert_eq!(c.visit.as_ref().unwrap().consented_to_estim(), Ok(()));
    }

    #[test]
    fn answers_are_found_by_their_id() {
        for a in Answer::ALL {
            assert_eq!(Answer::from_id(a.id()), Some(a));
        }
        assert_eq!(Answer::from_id("maybe"), None);
    }

    #[test]
    fn the_patients_drawing_and_score_belong_to_the_visit() {
        let clock = FixedClock(1_000);
        let mut c = Chart::default();
        // No visit yet: the patient's answer starts today's.
        c.set_patient_score(7, &clock).unwrap();
        assert!(c.set_patient_score(11, &clock).is_err());
        let dab = PainDab {
            view: View::Anterior,
            x: 10.0,
            y: 20.0,
            r: 4.0,
        };
        c.add_patient_pain(&[dab, dab], &clock).unwrap();
        let v = c.visit.as_ref().unwrap();
        assert_eq!(v.patient_score, Some(7));
        assert_eq!(v.patient_pain.len(), 2);
        // The therapist's drawing is another thing.
        assert!(c.pain.is_empty());
        c.clear_patient_pain().unwrap();
        assert!(c.visit.as_ref().unwrap().patient_pain.is_empty());
    }
}
