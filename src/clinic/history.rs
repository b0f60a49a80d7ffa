//! Undo and redo for the chart: every charting change (marking, moving, removing, editing a
//! record, the pain drawing) is a `Change` that knows how to apply and revert itself.
//! Timers are not undone: they record what happened in time and have their own controls.

use super::chart::{Chart, ChartError, MapPoint, PainDab, TriggerPoint};
use super::findings::{Field, Findings};
use crate::anatomy::model::Side;

/// How many steps back the therapist can go.
pub const DEPTH: usize = 200;

/// Where a point sits: on which muscle, side and spot.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub muscle: String,
    pub side: Side,
    pub at: MapPoint,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Mark(TriggerPoint),
    /// Taking a point off the chart. Its ended needles stay in the visit's ledger.
    Remove {
        index: usize,
        trp: TriggerPoint,
    },
    Move {
        id: u32,
        from: Placement,
        to: Placement,
    },
    Record {
        id: u32,
        field: Field,
        before: Box<Findings>,
        after: Box<Findings>,
    },
    Pain {
        before: Vec<PainDab>,
        after: Vec<PainDab>,
    },
}

impl Change {
    /// A short description for the undo button's hint ("Undo: move").
    pub fn label(&self) -> &'static str {
        match self {
            Change::Mark(_) => "mark",
            Change::Remove { .. } => "delete",
            Change::Move { .. } => "move",
            Change::Record { .. } => "record edit",
            Change::Pain { .. } => "pain drawing",
        }
    }
}

fn trp_mut(chart: &mut Chart, id: u32) -> Result<&mut TriggerPoint, ChartError> {
    chart
        .trps
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or(ChartError::UnknownTriggerPoint(id))
}

fn place(chart: &mut Chart, id: u32, p: &Placement) -> Result<(), ChartError> {
    let t = trp_mut(chart, id)?;
    t.muscle = p.muscle.clone();
    t.side = p.side;
    t.at = p.at;
    Ok(())
}

fn forward(chart: &mut Chart, change: &Change) -> Result<(), ChartError> {
    match change {
        Change::Mark(trp) => {
            if chart.trp(trp.id).is_some() {
                return Err(ChartError::UnknownTriggerPoint(trp.id));
            }
            chart.trps.push(trp.clone());
            chart.next_id = chart.next_id.max(trp.id + 1);
        }
        Change::Remove { trp, .. } => {
            chart.remove(trp.id)?;
        }
        Change::Move { id, to, .. } => place(chart, *id, to)?,
        Change::Record { id, after, .. } => {
            after.validate().map_err(ChartError::InvalidRecord)?;
            trp_mut(chart, *id)?.findings = (**after).clone();
        }
        Change::Pain { after, .. } => chart.pain = after.clone(),
    }
    Ok(())
}

fn backward(chart: &mut Chart, change: &Change) -> Result<(), ChartError> {
    match change {
        // Refused while the point has a needle in.
        Change::Mark(trp) => {
            chart.remove(trp.id)?;
        }
        Change::Remove { index, trp } => {
            let at = (*index).min(chart.trps.len());
            chart.trps.insert(at, trp.clone());
        }
        Change::Move { id, from, .. } => place(chart, *id, from)?,
        Change::Record { id, before, .. } => trp_mut(chart, *id)?.findings = (**before).clone(),
        Change::Pain { before, .. } => chart.pain = before.clone(),
    }
    Ok(())
}

#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
}

impl History {
    /// Applies a change to the chart and remembers it; a failed change leaves both untouched.
    pub fn apply(&mut self, chart: &mut Chart, change: Change) -> Result<(), ChartError> {
        forward(chart, &change)?;
        self.undone.clear();
        // Typing into one field of one record is one step, not one step per keystroke.
        if let (
            Some(Change::Record {
                id: last_id,
                field: last_field,
                after: last_after,
                ..
            }),
            Change::Record {
                id, field, after, ..
            },
        ) = (self.done.last_mut(), &change)
        {
            if last_id == id && last_field == field {
                *last_after = after.clone();
                return Ok(());
            }
        }
        self.done.push(change);
        if self.done.len() > DEPTH {
            self.done.remove(0);
        }
        Ok(())
    }

    pub fn undo(&mut self, chart: &mut Chart) -> Result<Option<&'static str>, ChartError> {
        let Some(change) = self.done.last() else {
            return Ok(None);
        };
        backward(chart, change)?;
        let change = self.done.pop().expect("checked above");
        let label = change.label();
        self.undone.push(change);
        Ok(Some(label))
    }

    pub fn redo(&mut self, chart: &mut Chart) -> Result<Option<&'static str>, ChartError> {
        let Some(change) = self.undone.last() else {
            return Ok(None);
        };
        forward(chart, change)?;
        let change = self.undone.pop().expect("checked above");
        let label = change.label();
        self.done.push(change);
        Ok(Some(label))
    }

    /// The change the last undo took back (what it touched is saved).
    pub fn last_undone(&self) -> Option<&Change> {
        self.undone.last()
    }

    /// The change last applied or redone.
    pub fn last_done(&self) -> Option<&Change> {
        self.done.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    pub fn next_undo(&self) -> Option<&'static str> {
        self.done.last().map(Change::label)
    }

    pub fn next_redo(&self) -> Option<&'static str> {
        self.undone.last().map(Change::label)
    }
}

/// Builders for the changes the map makes, reading the chart's current state.
impl Chart {
    pub fn change_mark(
        &mut self,
        muscle: &str,
        side: Side,
        at: MapPoint,
        now: i64,
    ) -> Result<Change, ChartError> {
        Ok(Change::Mark(self.new_trp(muscle, side, at, now)?))
    }

    pub fn change_remove(&self, id: u32) -> Result<Change, ChartError> {
        let index = self.removable(id)?;
        Ok(Change::Remove {
            index,
            trp: self.trps[index].clone(),
        })
    }

    pub fn change_move(&self, id: u32, to: Placement) -> Result<Change, ChartError> {
        let t = self.trp(id).ok_or(ChartError::UnknownTriggerPoint(id))?;
        if crate::anatomy::muscle(&to.muscle).is_none() {
            return Err(ChartError::UnknownMuscle(to.muscle));
        }
        Ok(Change::Move {
            id,
            from: Placement {
                muscle: t.muscle.clone(),
                side: t.side,
                at: t.at,
            },
            to,
        })
    }

    pub fn change_record(
        &self,
        id: u32,
        field: Field,
        edit: impl FnOnce(&mut Findings),
    ) -> Result<Change, ChartError> {
        let t = self.trp(id).ok_or(ChartError::UnknownTriggerPoint(id))?;
        let mut after = t.findings.clone();
        edit(&mut after);
        after.validate().map_err(ChartError::InvalidRecord)?;
        Ok(Change::Record {
            id,
            field,
            before: Box::new(t.findings.clone()),
            after: Box::new(after),
        })
    }

    pub fn change_pain(&self, edit: impl FnOnce(&mut Vec<PainDab>)) -> Change {
        let mut after = self.pain.clone();
        edit(&mut after);
        Change::Pain {
            before: self.pain.clone(),
            after,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anatomy::model::View;
    use crate::clinic::findings::Status;
    use crate::clinic::timer::{FixedClock, MINUTE};

    fn at(x: f32, y: f32) -> MapPoint {
        MapPoint {
            view: View::Posterior,
            x,
            y,
        }
    }

    fn marked(chart: &mut Chart, h: &mut History, muscle: &str, x: f32) -> u32 {
        let c = chart
            .change_mark(muscle, Side::Right, at(x, 200.0), 0)
            .unwrap();
        let Change::Mark(t) = &c else { unreachable!() };
        let id = t.id;
        h.apply(chart, c).unwrap();
        id
    }

    #[test]
    fn undo_and_redo_mark_move_edit_remove_in_order() {
        let mut c = Chart::default();
        let mut h = History::default();
        let a = marked(&mut c, &mut h, "infraspinatus", 60.0);
        let b = marked(&mut c, &mut h, "teres_major", 70.0);
        let to = Placement {
            muscle: "infraspinatus".into(),
            side: Side::Right,
            at: at(62.0, 190.0),
        };
        let mv = c.change_move(a, to.clone()).unwrap();
        h.apply(&mut c, mv).unwrap();
        let ed = c
            .change_record(a, Field::Status, |f| f.status = Status::Latent)
            .unwrap();
        h.apply(&mut c, ed).unwrap();
        let rm = c.change_remove(b).unwrap();
        h.apply(&mut c, rm).unwrap();
        let after = c.clone();
        assert_eq!(c.trps.len(), 1);
        assert_eq!(c.trp(a).unwrap().findings.status, Status::Latent);
        assert_eq!(c.trp(a).unwrap().at, to.at);

        assert_eq!(h.undo(&mut c).unwrap(), Some("delete"));
        assert!(c.trp(b).is_some());
        assert_eq!(h.undo(&mut c).unwrap(), Some("record edit"));
        assert_eq!(c.trp(a).unwrap().findings.status, Status::Active);
        assert_eq!(h.undo(&mut c).unwrap(), Some("move"));
        assert_eq!(c.trp(a).unwrap().at, at(60.0, 200.0));
        assert_eq!(h.undo(&mut c).unwrap(), Some("mark"));
        assert_eq!(h.undo(&mut c).unwrap(), Some("mark"));
        assert!(c.trps.is_empty());
        assert_eq!(h.undo(&mut c).unwrap(), None);

        for _ in 0..5 {
            h.redo(&mut c).unwrap();
        }
        assert_eq!(c, after);
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_change_clears_the_redo_steps() {
        let mut c = Chart::default();
        let mut h = History::default();
        marked(&mut c, &mut h, "infraspinatus", 60.0);
        h.undo(&mut c).unwrap();
        assert!(h.can_redo());
        marked(&mut c, &mut h, "teres_minor", 80.0);
        assert!(!h.can_redo());
    }

    #[test]
    fn typing_into_one_field_is_one_step() {
        let mut c = Chart::default();
        let mut h = History::default();
        let a = marked(&mut c, &mut h, "infraspinatus", 60.0);
        for text in ["t", "ta", "tau", "taut"] {
            let e = c
                .change_record(a, Field::Note, |f| f.note = text.into())
                .unwrap();
            h.apply(&mut c, e).unwrap();
        }
        let e = c
            .change_record(a, Field::NrsBefore, |f| f.nrs_before = Some(6))
            .unwrap();
        h.apply(&mut c, e).unwrap();
        h.undo(&mut c).unwrap();
        assert_eq!(c.trp(a).unwrap().findings.note, "taut");
        h.undo(&mut c).unwrap();
        assert_eq!(c.trp(a).unwrap().findings.note, "");
        assert_eq!(h.next_undo(), Some("mark"));
    }

    #[test]
    fn a_point_with_a_needle_in_is_neither_removed_nor_unmarked() {
        let mut c = crate::clinic::chart::tests::screened();
        let mut h = History::default();
        let a = marked(&mut c, &mut h, "infraspinatus", 60.0);
        c.start_timer(a, 10 * MINUTE, &FixedClock(0)).unwrap();
        assert_eq!(c.change_remove(a), Err(ChartError::NeedleIn(a)));
        assert_eq!(h.undo(&mut c), Err(ChartError::NeedleIn(a)));
        assert_eq!(c.trps.len(), 1);
        assert!(h.can_undo(), "a refused undo stays available");
    }

    #[test]
    fn invalid_records_are_refused_and_leave_the_chart_alone() {
        let mut c = Chart::default();
        let mut h = History::default();
        let a = marked(&mut c, &mut h, "infraspinatus", 60.0);
        let r = c.change_record(a, Field::NrsAfter, |f| f.nrs_after = Some(12));
        assert!(matches!(r, Err(ChartError::InvalidRecord(_))));
        assert_eq!(c.trp(a).unwrap().findings.nrs_after, None);
    }

    #[test]
    fn pain_drawing_is_undoable() {
        let mut c = Chart::default();
        let mut h = History::default();
        let dab = PainDab {
            view: View::Anterior,
            x: -30.0,
            y: 35.0,
            r: 8.0,
        };
        let p = c.change_pain(|p| p.push(dab));
        h.apply(&mut c, p).unwrap();
        assert_eq!(c.pain, vec![dab]);
        h.undo(&mut c).unwrap();
        assert!(c.pain.is_empty());
        h.redo(&mut c).unwrap();
        assert_eq!(c.pain.len(), 1);
    }

    #[test]
    fn history_depth_is_bounded() {
        let mut c = Chart::default();
        let mut h = History::default();
        for i in 0..(DEPTH + 20) {
            marked(&mut c, &mut h, "infraspinatus", 40.0 + (i % 40) as f32);
        }
        let mut n = 0;
        while h.undo(&mut c).unwrap().is_some() {
            n += 1;
        }
        assert_eq!(n, DEPTH);
        assert_eq!(c.trps.len(), 20);
    }
}
