//! The one font actormap draws with (Noto Sans, shipped in the binary) and text measuring
//! and wrapping with the same shaper resvg uses, so "the text fits its box" is exact.

use std::sync::OnceLock;

use serde::Serialize;

/// The family name written first in every SVG font stack, and loaded into the PNG renderer.
pub const FONT_FAMILY: &str = "Noto Sans";

/// The regular and bold faces' bytes, embedded at build time.
pub const REGULAR: &[u8] = ttf_noto_sans::REGULAR;
pub const BOLD: &[u8] = ttf_noto_sans::BOLD;

/// How heavy a text line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weight {
    Regular,
    Bold,
}

struct Faces {
    regular: (rustybuzz::Face<'static>, rustybuzz::ShapePlan),
    bold: (rustybuzz::Face<'static>, rustybuzz::ShapePlan),
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| {
        // The embedded fonts are known-good files; a failure here is a build defect.
        let load = |bytes| {
            let face = rustybuzz::Face::from_slice(bytes, 0).expect("embedded font parses");
            // The plan `rustybuzz::shape` would build for left-to-right Latin text, built once.
            let plan = rustybuzz::ShapePlan::new(
                &face,
                rustybuzz::Direction::LeftToRight,
                Some(rustybuzz::script::LATIN),
                None,
                &[],
            );
            (face, plan)
        };
        Faces {
            regular: load(REGULAR),
            bold: load(BOLD),
        }
    })
}

fn face_and_plan(weight: Weight) -> &'static (rustybuzz::Face<'static>, rustybuzz::ShapePlan) {
    let f = faces();
    match weight {
        Weight::Regular => &f.regular,
        Weight::Bold => &f.bold,
    }
}

fn face(weight: Weight) -> &'static rustybuzz::Face<'static> {
    &face_and_plan(weight).0
}

/// The advance width of one line of text at `size` pixels, shaped as resvg shapes it
/// (kerning and ligatures on, left to right).
pub fn width(text: &str, size: f64, weight: Weight) -> f64 {
    if text.is_empty() {
        return 0.0;
    }
    // Shaping is the costly part of a layout and the same strings are measured again and
    // again (wrapping, zoom levels): keep each string's advance in font units.
    thread_local! {
        static UNITS: std::cell::RefCell<std::collections::HashMap<(String, Weight), f64>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    let key = (text.to_owned(), weight);
    if let Some(units) = UNITS.with(|m| m.borrow().get(&key).copied()) {
        return units * size;
    }
    let units = shaped_units(text, weight);
    UNITS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > 100_000 {
            m.clear();
        }
        m.insert(key, units);
    });
    units * size
}

/// The advance of a line in ems, shaped with rustybuzz.
fn shaped_units(text: &str, weight: Weight) -> f64 {
    let (face, plan) = face_and_plan(weight);
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.guess_segment_properties();
    let output = if buffer.script() == rustybuzz::script::LATIN {
        rustybuzz::shape_with_plan(face, plan, buffer)
    } else {
        rustybuzz::shape(face, &[], buffer)
    };
    let units: i64 = output
        .glyph_positions()
        .iter()
        .map(|p| i64::from(p.x_advance))
        .sum();
    units as f64 / f64::from(face.units_per_em())
}

/// How far the font reaches above the baseline, at `size` pixels.
pub fn ascent(size: f64) -> f64 {
    let face = face(Weight::Regular);
    f64::from(face.ascender()) * size / f64::from(face.units_per_em())
}

/// How far the font reaches below the baseline (a positive number), at `size` pixels.
pub fn descent(size: f64) -> f64 {
    let face = face(Weight::Regular);
    -f64::from(face.descender()) * size / f64::from(face.units_per_em())
}

/// The distance between two baselines.
pub fn line_height(size: f64) -> f64 {
    (ascent(size) + descent(size)) * 1.02
}

/// Break `text` into at most `max_lines` lines no wider than `max_width`. Words longer than a
/// line are cut; when the text does not fit, the last line ends with "…" and `truncated`
/// is true.
pub fn wrap(text: &str, max_width: f64, size: f64, weight: Weight, max_lines: usize) -> Wrapped {
    let fits = |s: &str| width(s, size, weight) <= max_width;
    let space = width(" ", size, weight);
    let mut lines: Vec<String> = Vec::new();
    // The line being filled: its words and its width estimated as the sum of word widths.
    let mut current: Vec<String> = Vec::new();
    let mut estimate = 0.0;
    // Break at ordinary spaces only: a no-break space keeps "Les 3 EPCI ?" together.
    let mut words: Vec<String> = text
        .split([' ', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.reverse();
    // A full line is shaped as a whole before it is kept (kerning can make it wider than its
    // words): while it does not fit, its last word goes back to the next line.
    let finish = |current: &mut Vec<String>, words: &mut Vec<String>, lines: &mut Vec<String>| {
        while current.len() > 1 && !fits(&current.join(" ")) {
            if let Some(last) = current.pop() {
                words.push(last);
            }
        }
        lines.push(current.join(" "));
        current.clear();
    };
    while let Some(word) = words.pop() {
        let w = width(&word, size, weight);
        let next = if current.is_empty() {
            w
        } else {
            estimate + space + w
        };
        if next <= max_width {
            current.push(word);
            estimate = next;
            continue;
        }
        if !current.is_empty() {
            words.push(word);
            finish(&mut current, &mut words, &mut lines);
            estimate = 0.0;
            continue;
        }
        // One word wider than a line: cut it where it stops fitting.
        let chars: Vec<char> = word.chars().collect();
        let mut cut = 1;
        while cut < chars.len() && fits(&chars[..=cut].iter().collect::<String>()) {
            cut += 1;
        }
        lines.push(chars[..cut].iter().collect());
        let rest: String = chars[cut..].iter().collect();
        if !rest.is_empty() {
            words.push(rest);
        }
    }
    if !current.is_empty() {
        let before = lines.len();
        finish(&mut current, &mut words, &mut lines);
        // Words sent back by the last check go on lines of their own.
        words.reverse();
        if !words.is_empty() && lines.len() > before {
            let rest = wrap(&words.join(" "), max_width, size, weight, usize::MAX);
            lines.extend(rest.lines);
        }
    }
    let truncated = lines.len() > max_lines;
    if truncated {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let mut chars: Vec<char> = last.chars().collect();
            loop {
                let s: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
                if fits(&s) || chars.is_empty() {
                    *last = s;
                    break;
                }
                chars.pop();
            }
        }
    }
    Wrapped { lines, truncated }
}

/// Lines of wrapped text.
#[derive(Debug, Clone, PartialEq)]
pub struct Wrapped {
    pub lines: Vec<String>,
    /// True when some of the text was left out.
    pub truncated: bool,
}

impl Wrapped {
    /// The widest line.
    pub fn width(&self, size: f64, weight: Weight) -> f64 {
        self.lines
            .iter()
            .map(|l| width(l, size, weight))
            .fold(0.0, f64::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider_and_bold_is_wider() {
        let a = width("ADEME", 20.0, Weight::Regular);
        assert!(a > 40.0 && a < 90.0, "{a}");
        assert!(width("ADEME et SEVADEC", 20.0, Weight::Regular) > a);
        assert!(width("ADEME", 20.0, Weight::Bold) > a);
        assert!((width("ADEME", 40.0, Weight::Regular) - 2.0 * a).abs() < 1e-9);
    }

    #[test]
    fn wrap_keeps_every_line_within_the_width() {
        let w = wrap(
            "Autres territoires porteurs de REGAL",
            150.0,
            18.0,
            Weight::Regular,
            3,
        );
        assert!(w.lines.len() >= 2);
        assert!(!w.truncated);
        for line in &w.lines {
            assert!(width(line, 18.0, Weight::Regular) <= 150.0);
        }
        assert_eq!(w.lines.join(" "), "Autres territoires porteurs de REGAL");
    }

    #[test]
    fn wrap_cuts_long_words_and_marks_truncation() {
        let w = wrap(&"x".repeat(200), 100.0, 18.0, Weight::Regular, 2);
        assert_eq!(w.lines.len(), 2);
        assert!(w.truncated);
        assert!(w.lines[1].ends_with('…'));
        for line in &w.lines {
            assert!(width(line, 18.0, Weight::Regular) <= 100.0);
        }
    }

    #[test]
    fn the_cached_plan_measures_as_a_fresh_shaping_does() {
        for text in [
            "Région Hauts-de-France",
            "AV Wa fi ffl 1 500 €",
            "Ελληνικά",
            "123 ?",
        ] {
            for weight in [Weight::Regular, Weight::Bold] {
                let face = face(weight);
                let mut buffer = rustybuzz::UnicodeBuffer::new();
                buffer.push_str(text);
                buffer.set_direction(rustybuzz::Direction::LeftToRight);
                let fresh: i32 = rustybuzz::shape(face, &[], buffer)
                    .glyph_positions()
                    .iter()
                    .map(|p| p.x_advance)
                    .sum();
                let expected = f64::from(fresh) / f64::from(face.units_per_em());
                assert_eq!(shaped_units(text, weight), expected, "{text}");
            }
        }
    }

    #[test]
    fn french_glyphs_are_in_the_font() {
        let face = face(Weight::Regular);
        for c in "éèêàçœ€«»’ÉÀ…".chars() {
            assert!(face.glyph_index(c).is_some(), "{c}");
        }
    }
}
