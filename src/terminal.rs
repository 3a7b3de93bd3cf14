//! What reaches a terminal: text from the data shown with its control characters made
//! visible, so a name can neither clear the screen, ring, recolour nor reorder what is printed.
//!
//! Every text writer passes user text through [`escape`] (or writes its lines with [`line`]);
//! JSON goes out through [`write_json`]. A control character is never dropped: it is shown as
//! `\u{1b}`, `\t`, `\n`, `\r`, so the user sees that the cell holds one and can fix it.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

/// True for the characters a terminal acts on instead of showing: the C0 controls (tab and
/// newline included), DEL, the C1 controls (U+009B is an 8-bit `ESC[`), the bidirectional
/// embeddings, overrides, isolates and marks (U+202E, the right-to-left override, reverses
/// what follows), and the line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// How an unsafe character is shown: `\t`, `\n`, `\r`, else `\u{1b}` (Rust's notation).
fn push_visible(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

/// `text` with every unsafe character (see [`is_unsafe`]) shown visibly; borrowed when there
/// is none. Escaping twice changes nothing.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`escape`], but the line breaks of a message of several lines stay line breaks.
pub fn escape_lines(text: &str) -> String {
    text.split('\n').map(escape).collect::<Vec<_>>().join("\n")
}

/// Write one line of text for people, escaped.
pub fn line(out: &mut dyn Write, text: &str) -> io::Result<()> {
    writeln!(out, "{}", escape(text))
}

/// Write `value` as pretty JSON and a newline. serde_json escapes the C0 controls itself; the
/// other unsafe characters (DEL, C1, bidirectional controls) are written as `\u` escapes too,
/// which JSON readers decode to the same text.
pub fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let json = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    writeln!(out, "{}", json_safe(&json))
}

/// JSON text with the unsafe characters serde_json leaves raw written as `\uXXXX`. They can
/// only stand inside strings (JSON's own syntax is ASCII), where the escape means the same.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    // serde_json escapes the C0 controls inside strings; the ones left are its own line
    // breaks and indentation. What remains to escape is in the BMP, above U+007E.
    let raw = |c: char| c > '\u{7e}' && is_unsafe(c);
    if !json.chars().any(raw) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "A\u{1b}[2J\u{1b}[31mB\u{7}C\u{202e}D\u{9b}E\tF\u{2066}G";

    #[test]
    fn controls_are_shown_not_acted_on() {
        assert_eq!(
            escape(HOSTILE),
            "A\\u{1b}[2J\\u{1b}[31mB\\u{7}C\\u{202e}D\\u{9b}E\\tF\\u{2066}G"
        );
        assert!(!escape(HOSTILE).chars().any(is_unsafe));
        assert_eq!(escape(&escape(HOSTILE)), escape(HOSTILE));
    }

    #[test]
    fn ordinary_text_is_borrowed_untouched() {
        let text = "Communauté d'agglomération « Grand Calais » – 2023 · œuvre \\ €";
        assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn line_breaks_of_a_message_stay() {
        assert_eq!(
            escape_lines("error: a\u{1b}b\nerror: c\r"),
            "error: a\\u{1b}b\nerror: c\\r"
        );
    }

    #[test]
    fn json_keeps_the_text_and_escapes_every_control() {
        let mut out = Vec::new();
        write_json(&mut out, &[HOSTILE]).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert!(!json.chars().any(|c| c != '\n' && is_unsafe(c)), "{json:?}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [HOSTILE]);
    }
}
