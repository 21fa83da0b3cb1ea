//! Undo and redo of changes to the report.
//!
//! The history keeps whole snapshots of the report: a report is a few
//! kilobytes, so this is simple and cheap, and it makes every change — a
//! keystroke, a pasted block, an import — undoable the same way. Keystrokes in
//! one field are coalesced into one step, so Ctrl+Z undoes a word, not a letter.

use crate::model::Report;

/// How many steps are kept.
const LIMIT: usize = 200;

#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Report>,
    redo: Vec<Report>,
    /// The field whose typing the newest undo step covers, if still open.
    open_field: Option<String>,
}

impl History {
    pub fn new() -> History {
        History::default()
    }

    /// Call before changing `current`. `field` names the input being typed
    /// into: consecutive changes to the same field are one undo step. Pass
    /// `None` for a change that is a step of its own (a paste, a button).
    pub fn record(&mut self, current: &Report, field: Option<&str>) {
        let coalesce = field.is_some() && self.open_field.as_deref() == field;
        if !coalesce {
            self.undo.push(current.clone());
            if self.undo.len() > LIMIT {
                self.undo.remove(0);
            }
        }
        self.open_field = field.map(str::to_string);
        self.redo.clear();
    }

    /// Ends the open typing step (call when focus leaves a field).
    pub fn close_step(&mut self) {
        self.open_field = None;
    }

    /// The report before the last step, if any; `current` becomes redoable.
    pub fn undo(&mut self, current: &Report) -> Option<Report> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        self.open_field = None;
        Some(previous)
    }

    /// The report the last undo went back from, if any.
    pub fn redo(&mut self, current: &Report) -> Option<Report> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        self.open_field = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cell;

    fn with(agency: &str) -> Report {
        let mut r = Report::new();
        r.meta.agency = agency.into();
        r
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = History::new();
        let mut r = with("");
        for text in ["唐", "唐宫", "唐宫路"] {
            h.record(&r, Some("meta.agency"));
            r = with(text);
        }
        h.close_step();
        h.record(&r, Some("meta.agency"));
        r = with("唐宫路街道");
        let back = h.undo(&r).unwrap();
        assert_eq!(back.meta.agency, "唐宫路");
        let back = h.undo(&back).unwrap();
        assert_eq!(back.meta.agency, "");
        assert!(h.undo(&back).is_none());
        let forward = h.redo(&back).unwrap();
        assert_eq!(forward.meta.agency, "唐宫路");
        let forward = h.redo(&forward).unwrap();
        assert_eq!(forward.meta.agency, "唐宫路街道");
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_change_drops_the_redo_steps() {
        let mut h = History::new();
        let r0 = Report::new();
        h.record(&r0, None);
        let mut r1 = r0.clone();
        r1.set_cell("table4.review.upheld", Cell::Count(1));
        let back = h.undo(&r1).unwrap();
        assert_eq!(back, r0);
        assert!(h.can_redo());
        h.record(&back, Some("table4.review.corrected"));
        assert!(!h.can_redo());
    }
}
