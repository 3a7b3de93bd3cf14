//! The `note` column of the links table on a map: each distinct note numbered in the order
//! its cards come, marked on them with superscript numbers ("ADEME¹"), and written in full
//! in a band under the map ("¹ COT TRI · ² AAP").

use super::scene::{Anchor, Item, Rect, Weight};
use super::{INK, group, text, text_item};

/// The notes of one slide, numbered from 1.
#[derive(Debug, Default)]
pub struct Notes<'a> {
    list: Vec<&'a str>,
}

pub use crate::model::notes as of;

impl<'a> Notes<'a> {
    /// Number `notes` not numbered yet, in order.
    pub fn add(&mut self, notes: &[&'a str]) {
        for n in notes {
            if !self.list.contains(n) {
                self.list.push(n);
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The marks of `notes` on a card, each numbered before: "¹", "¹ ³" (no-break spaces
    /// between, and before, so a mark never starts a line); empty without notes.
    pub fn marks(&self, notes: &[&str]) -> String {
        let mut s = String::new();
        for n in notes {
            if let Some(i) = self.list.iter().position(|x| x == n) {
                if !s.is_empty() {
                    s.push('\u{a0}');
                }
                s.push_str(&superscript(i + 1));
            }
        }
        s
    }

    /// The band of notes, one after the other ("¹ COT TRI · ² AAP"), wrapped within
    /// `width` on at most `max_lines` lines; `None` when they need more.
    pub fn lines(&self, width: f64, max_lines: usize) -> Option<Vec<String>> {
        let wrapped = text::wrap(&self.text(), width, TEXT_SIZE, Weight::Regular, max_lines);
        (!wrapped.truncated).then_some(wrapped.lines)
    }

    /// The band cut to `max_lines` lines, the last ended with "…": for a slide that cannot
    /// be split further.
    pub fn cut_lines(&self, width: f64, max_lines: usize) -> Vec<String> {
        text::wrap(&self.text(), width, TEXT_SIZE, Weight::Regular, max_lines).lines
    }

    fn text(&self) -> String {
        self.list
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{}\u{a0}{n}", superscript(i + 1)))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The size of the band's text.
pub const TEXT_SIZE: f64 = super::frame::TEXT;

/// The height of a band of `lines` lines, its space above included.
pub fn band_height(lines: usize) -> f64 {
    if lines == 0 {
        0.0
    } else {
        12.0 + lines as f64 * text::line_height(TEXT_SIZE)
    }
}

/// The band's items at the bottom of `area` (which the map no longer uses).
pub fn band(area: &Rect, lines: &[String]) -> Item {
    let mut y = area.bottom() - lines.len() as f64 * text::line_height(TEXT_SIZE);
    let mut items = Vec::new();
    for line in lines {
        items.push(text_item(
            area.x,
            y + text::ascent(TEXT_SIZE),
            line,
            TEXT_SIZE,
            Weight::Regular,
            Anchor::Start,
            INK,
        ));
        y += text::line_height(TEXT_SIZE);
    }
    group("notes", "", items)
}

/// A number in superscript digits: 12 -> "¹²".
pub fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .map(|c| DIGITS[c.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_numbered_once_in_order_and_marked() {
        let mut notes = Notes::default();
        notes.add(&["COT TRI", "AAP"]);
        notes.add(&["AAP", "OPAH"]);
        assert_eq!(notes.marks(&["AAP", "OPAH"]), "²\u{a0}³");
        assert_eq!(notes.marks(&[]), "");
        assert_eq!(superscript(12), "¹²");
        let lines = notes.lines(2000.0, 1).unwrap();
        assert_eq!(lines, ["¹\u{a0}COT TRI · ²\u{a0}AAP · ³\u{a0}OPAH"]);
        assert!(notes.lines(60.0, 1).is_none());
    }
}
