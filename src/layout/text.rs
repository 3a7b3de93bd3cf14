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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

/// The shipped face of a weight, parsed once (its metrics, for the PDF writer too).
pub(crate) fn face(weight: Weight) -> &'static rustybuzz::Face<'static> {
    &face_and_plan(weight).0
}

/// The advance width of one line of text at `size` pixels, shaped as resvg shapes it
/// (kerning and ligatures on, left to right).
pub fn width(text: &str, size: f64, weight: Weight) -> f64 {
    if text.is_empty() {
        return 0.0;
    }
    // Shaping is the costly part of a layout and the same strings are measured again and
    // again (wrapping, zoom levels): keep each short string's advance in font units.
    thread_local! {
        static UNITS: std::cell::RefCell<std::collections::HashMap<(String, Weight), f64>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    if text.len() > CACHED_LEN {
        return shaped_units(text, weight) * size;
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

/// Strings longer than this (in bytes) are shaped without being kept.
const CACHED_LEN: usize = 512;

/// The shaped glyphs of a text, with the text's direction and script.
fn shape(text: &str, weight: Weight) -> rustybuzz::GlyphBuffer {
    let (face, plan) = face_and_plan(weight);
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.guess_segment_properties();
    if buffer.script() == rustybuzz::script::LATIN {
        rustybuzz::shape_with_plan(face, plan, buffer)
    } else {
        rustybuzz::shape(face, &[], buffer)
    }
}

/// One glyph of a shaped line, in the font's units: its id, where its cluster starts from the
/// line's start, and where the glyph is from there (its offset, and the advances of the
/// glyphs before it in the cluster; zero but for marks and ligatures' parts).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub id: u16,
    pub cluster: i32,
    pub dx: i32,
    pub dy: i32,
    /// The byte range of the text its cluster draws.
    pub start: usize,
    pub end: usize,
}

/// A line shaped: its glyphs and its advance, in font units.
#[derive(Debug, Clone, PartialEq)]
pub struct Shaped {
    pub glyphs: Vec<Glyph>,
    pub advance: i32,
}

/// The glyphs of one line as resvg lays them, and the line's advance, in font units:
/// shaped left to right with kerning and ligatures, each cluster as wide as its widest
/// glyph. A character the font lacks is its blank box (glyph 0), as resvg draws it when the
/// shipped font is the only one.
///
/// A picture's PNG and its PDF page are drawn one after the other on the same thread, and a
/// slide says "Financeurs" or a partner's name many times: the lines shaped are kept, per
/// thread, and shared.
pub fn glyphs(text: &str, weight: Weight) -> std::rc::Rc<Shaped> {
    type Lines = std::collections::HashMap<(Weight, String), std::rc::Rc<Shaped>>;
    thread_local! {
        static LINES: std::cell::RefCell<Lines> = std::cell::RefCell::new(Lines::new());
    }
    if text.len() > CACHED_LEN {
        return std::rc::Rc::new(shape_line(text, weight));
    }
    LINES.with(|lines| {
        let mut lines = lines.borrow_mut();
        if let Some(shaped) = lines.get(&(weight, text.to_owned())) {
            return shaped.clone();
        }
        if lines.len() > 20_000 {
            lines.clear();
        }
        let shaped = std::rc::Rc::new(shape_line(text, weight));
        lines.insert((weight, text.to_owned()), shaped.clone());
        shaped
    })
}

/// [`glyphs`], shaped here.
fn shape_line(text: &str, weight: Weight) -> Shaped {
    let shaped = shape(text, weight);
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    let mut out = Vec::with_capacity(infos.len());
    let mut at = 0i32;
    let mut i = 0;
    while i < infos.len() {
        let start = infos[i].cluster as usize;
        let len = infos[i..]
            .iter()
            .take_while(|info| info.cluster as usize == start)
            .count();
        let end = infos
            .get(i + len)
            .map_or(text.len(), |next| next.cluster as usize)
            .max(start);
        let (mut inner, mut widest) = (0i32, 0i32);
        for (info, pos) in infos[i..i + len].iter().zip(&positions[i..i + len]) {
            out.push(Glyph {
                id: info.glyph_id as u16,
                cluster: at,
                dx: inner + pos.x_offset,
                dy: pos.y_offset,
                start,
                end,
            });
            inner += pos.x_advance;
            widest = widest.max(pos.x_advance);
        }
        at += widest;
        i += len;
    }
    Shaped {
        glyphs: out,
        advance: at,
    }
}

/// The size of the em square of the shipped faces, in font units.
pub fn units_per_em(weight: Weight) -> i32 {
    face(weight).units_per_em()
}

/// The line as an SVG reader reads it from `<text>` (white space as `xml:space="default"`
/// has it): characters XML forbids left out, tabs and line breaks made spaces, runs of
/// spaces made one, a leading and a trailing space dropped. What the PNG and PDF writers
/// draw, so that they draw what the SVG shows.
pub fn as_svg_reads(text: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| c >= ' ' || c == '\t' || c == '\n' || c == '\r';
    let simple = text.chars().all(|c| c >= ' ')
        && !text.contains("  ")
        && !text.starts_with(' ')
        && !text.ends_with(' ');
    if simple {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| plain(c)) {
        let c = if c < ' ' { ' ' } else { c };
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    if out.starts_with(' ') {
        out.remove(0);
    }
    std::borrow::Cow::Owned(out)
}

/// The advance of a line in ems, shaped with rustybuzz.
fn shaped_units(text: &str, weight: Weight) -> f64 {
    let units: i64 = shape(text, weight)
        .glyph_positions()
        .iter()
        .map(|p| i64::from(p.x_advance))
        .sum();
    units as f64 / f64::from(face(weight).units_per_em())
}

/// Where `text` may be cut (the byte offset of each cluster after the first) with the
/// advance in ems of what comes before, from one shaping: a long word is cut in linear time.
fn cut_points(text: &str, weight: Weight) -> Vec<(usize, f64)> {
    let shaped = shape(text, weight);
    let upem = f64::from(face(weight).units_per_em());
    let mut out = Vec::new();
    let mut advance = 0i64;
    let mut cluster = 0usize;
    for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        let at = info.cluster as usize;
        if at != cluster && at > 0 {
            out.push((at, advance as f64 / upem));
            cluster = at;
        }
        advance += i64::from(pos.x_advance);
    }
    out.push((text.len(), advance as f64 / upem));
    out
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

/// Break `text` into at most `max_lines` lines no wider than `max_width`, at ordinary spaces
/// (a no-break space keeps "Les 3 EPCI ?" together). A word longer than a line breaks after a
/// hyphen, an apostrophe or a slash of its own ("Saint-Martin-/Boulogne"); only a word with no
/// such place is cut between two letters (`cut`). When the text needs more lines, the last
/// one ends with "…" after its last whole word and `truncated` is true. Linear in the text's
/// length: every word is measured once, and no more is read than the lines kept need.
pub fn wrap(text: &str, max_width: f64, size: f64, weight: Weight, max_lines: usize) -> Wrapped {
    // No more than `max_lines + 1` lines can be kept, and no line holds more characters than
    // `most_chars` allows: past that, the text is not even read (a 1 MB name costs no more
    // than the lines it shows).
    let budget = (max_lines.saturating_add(1)).saturating_mul(most_chars(max_width, size));
    let (text, cut_short) = match text.char_indices().nth(budget) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    };
    let mut w = Wrapper {
        max: max_width,
        size,
        weight,
        space: width(" ", size, weight),
        lines: Vec::new(),
        line: Vec::new(),
        line_w: 0.0,
        cut: false,
    };
    let mut words = text
        .split([' ', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty());
    // Pieces waiting to be set, last first: the parts of a word broken up, or a piece sent
    // back from a full line.
    let mut pending: Vec<Piece> = Vec::new();
    while w.lines.len() <= max_lines {
        let piece = match pending.pop() {
            Some(p) => p,
            None => match words.next() {
                Some(word) => Piece {
                    text: word.to_owned(),
                    space: true,
                    kind: PieceKind::Word,
                },
                None if w.line.is_empty() => break,
                None => {
                    w.end_line(&mut pending);
                    continue;
                }
            },
        };
        let pw = width(&piece.text, size, weight);
        let sep = if w.line.is_empty() || !piece.space {
            0.0
        } else {
            w.space
        };
        if w.line_w + sep + pw <= max_width {
            w.line.push(piece);
            w.line_w += sep + pw;
            continue;
        }
        match piece.kind {
            // A word longer than any line: set its parts, after what the line holds.
            PieceKind::Word if pw > max_width => {
                let parts = soft_parts(&piece.text);
                if parts.len() > 1 {
                    pending.extend(parts.into_iter().enumerate().rev().map(|(i, t)| Piece {
                        text: t.to_owned(),
                        space: piece.space && i == 0,
                        kind: PieceKind::Part,
                    }));
                    continue;
                }
                pending.push(Piece {
                    kind: PieceKind::Part,
                    ..piece
                });
            }
            _ if !w.line.is_empty() => {
                pending.push(piece);
                w.end_line(&mut pending);
            }
            // Alone on its line and still too wide: a part with no break left is cut.
            PieceKind::Part | PieceKind::Word => {
                w.cut = true;
                let chunks = w.hard_chunks(&piece.text, max_lines.saturating_sub(w.lines.len()));
                pending.extend(chunks.into_iter().enumerate().rev().map(|(i, t)| Piece {
                    text: t,
                    space: piece.space && i == 0,
                    kind: PieceKind::Chunk,
                }));
            }
            // A chunk is cut to fit a line, so it only comes here when shaping disagrees by
            // a hair with the sum of its letters: take it as it is.
            PieceKind::Chunk => {
                w.line.push(piece);
                w.end_line(&mut pending);
            }
        }
    }
    let truncated = w.lines.len() > max_lines || cut_short;
    if truncated {
        w.lines.truncate(max_lines);
        if let Some(last) = w.lines.pop() {
            let ended = ellipsis(&last, max_width, size, weight);
            w.lines.push(ended);
        }
    }
    Wrapped {
        lines: w.lines,
        truncated,
        cut: w.cut,
    }
}

/// The most characters a line of `max_width` pixels can hold at `size`: no glyph of the font
/// but the zero-width ones is narrower than a tenth of an em.
fn most_chars(max_width: f64, size: f64) -> usize {
    ((max_width / size).max(0.0) * 10.0).ceil() as usize + 1
}

/// True when `s` fits `max_width` on one line; a text too long to ever fit is not shaped.
pub fn fits(s: &str, max_width: f64, size: f64, weight: Weight) -> bool {
    s.chars().nth(most_chars(max_width, size)).is_none() && width(s, size, weight) <= max_width
}

/// A piece of text set on a line: a word, a part of a word broken at a hyphen, an
/// apostrophe or a slash, or a chunk of a word cut between two letters.
struct Piece {
    text: String,
    /// Whether a space separates it from the piece before it on the same line.
    space: bool,
    kind: PieceKind,
}

#[derive(Clone, Copy, PartialEq)]
enum PieceKind {
    Word,
    Part,
    Chunk,
}

struct Wrapper {
    max: f64,
    size: f64,
    weight: Weight,
    space: f64,
    lines: Vec<String>,
    line: Vec<Piece>,
    /// The line's width estimated as the sum of its pieces'.
    line_w: f64,
    cut: bool,
}

impl Wrapper {
    fn joined(pieces: &[Piece]) -> String {
        let mut s = String::new();
        for (i, p) in pieces.iter().enumerate() {
            if i > 0 && p.space {
                s.push(' ');
            }
            s.push_str(&p.text);
        }
        s
    }

    /// Keep the line: shaped as a whole first (kerning can make it wider than its pieces),
    /// and while it does not fit, its last piece goes back to the next line.
    fn end_line(&mut self, pending: &mut Vec<Piece>) {
        while self.line.len() > 1
            && width(&Self::joined(&self.line), self.size, self.weight) > self.max
        {
            if let Some(last) = self.line.pop() {
                pending.push(last);
            }
        }
        self.lines.push(Self::joined(&self.line));
        self.line.clear();
        self.line_w = 0.0;
    }

    /// `s` cut between letters into chunks that each fit a line, enough for `lines` lines
    /// and one more (the rest of `s` as the last chunk).
    fn hard_chunks(&self, s: &str, lines: usize) -> Vec<String> {
        let points = cut_points(s, self.weight);
        let limit = self.max / self.size;
        let mut out = Vec::new();
        let (mut start, mut base) = (0usize, 0.0);
        let mut i = 0;
        while start < s.len() && out.len() <= lines {
            // The furthest cut point that keeps the chunk within a line; one cluster at least.
            let mut end = None;
            while i < points.len() && points[i].1 - base <= limit {
                end = Some(i);
                i += 1;
            }
            let j = end.unwrap_or_else(|| {
                i += 1;
                i - 1
            });
            let (mut at, mut adv) = points[j];
            // Shaped alone the chunk may differ by a kerning pair: step back while too wide.
            let mut k = j;
            while k > 0
                && points[k - 1].0 > start
                && width(&s[start..at], self.size, self.weight) > self.max
            {
                k -= 1;
                (at, adv) = points[k];
            }
            i = k + 1;
            out.push(s[start..at].to_owned());
            start = at;
            base = adv;
        }
        if start < s.len() {
            out.push(s[start..].to_owned());
        }
        out
    }
}

/// The places a word may break without being cut: after a hyphen, an apostrophe or a slash
/// followed by more of the word ("Saint-", "Martin-", "Boulogne"; "d'", "agglomération").
fn soft_parts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in word.char_indices() {
        let end = i + c.len_utf8();
        if matches!(c, '-' | '\'' | '’' | '/') && end < word.len() && i > start {
            parts.push(&word[start..end]);
            start = end;
        }
    }
    parts.push(&word[start..]);
    parts
}

/// `line` ended with "…" within `max_width`: whole words dropped first, letters only when
/// one word is left.
fn ellipsis(line: &str, max_width: f64, size: f64, weight: Weight) -> String {
    let mut kept = line.trim_end();
    loop {
        let s = format!("{}…", kept.trim_end());
        if width(&s, size, weight) <= max_width || kept.is_empty() {
            return s;
        }
        match kept.trim_end().rsplit_once(' ') {
            Some((before, _)) if !before.trim().is_empty() => kept = before,
            _ => break,
        }
    }
    // One word wider than the line with the ellipsis: keep the letters that fit.
    let room = (max_width - width("…", size, weight)).max(0.0) / size;
    let end = cut_points(kept, weight)
        .into_iter()
        .take_while(|(_, adv)| *adv <= room)
        .last()
        .map_or(0, |(at, _)| at);
    format!("{}…", &kept[..end])
}

/// Lines of wrapped text.
#[derive(Debug, Clone, PartialEq)]
pub struct Wrapped {
    pub lines: Vec<String>,
    /// True when some of the text was left out.
    pub truncated: bool,
    /// True when a word with no hyphen, apostrophe or slash to break at was cut in two.
    pub cut: bool,
}

impl Wrapped {
    /// The widest line.
    pub fn width(&self, size: f64, weight: Weight) -> f64 {
        self.lines
            .iter()
            .map(|l| width(l, size, weight))
            .fold(0.0, f64::max)
    }

    /// True when every word is there, whole or broken at a hyphen, apostrophe or slash.
    pub fn whole(&self) -> bool {
        !self.truncated && !self.cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_shaped_once_per_thread_and_laid_as_resvg_lays_clusters() {
        let first = glyphs("Chef de file : « office »", Weight::Bold);
        let again = glyphs("Chef de file : « office »", Weight::Bold);
        assert!(std::rc::Rc::ptr_eq(&first, &again));
        assert_eq!(
            *first,
            shape_line("Chef de file : « office »", Weight::Bold)
        );
        // The other weight is another line.
        assert_ne!(
            *glyphs("Chef de file : « office »", Weight::Regular),
            *first
        );
        // The advance is what the layout measures.
        let em = f64::from(units_per_em(Weight::Bold));
        let measured = width("Chef de file : « office »", em, Weight::Bold);
        assert!((f64::from(first.advance) - measured).abs() < 1e-6);
        // A combining accent is of its letter's cluster: laid from the letter's start.
        let marked = glyphs("ax\u{301}b", Weight::Regular);
        let clusters: Vec<i32> = marked.glyphs.iter().map(|g| g.cluster).collect();
        assert_eq!(clusters.len(), 4, "{marked:?}");
        assert_eq!(clusters[1], clusters[2], "{marked:?}");
        assert!(clusters[0] < clusters[1] && clusters[2] < clusters[3]);
        // A line too long to keep is shaped all the same.
        let long = "a".repeat(CACHED_LEN + 1);
        assert_eq!(glyphs(&long, Weight::Regular).glyphs.len(), long.len());
    }

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
    fn names_break_between_words_or_after_their_own_hyphens_never_inside_a_word() {
        let name = "Communauté d'agglomération du Boulonnais";
        for width in [140.0, 160.0, 200.0, 260.0] {
            let w = wrap(name, width, 20.0, Weight::Regular, 5);
            assert!(w.whole(), "{width}: {w:?}");
            for line in &w.lines {
                assert!(width_ok(line, width), "{line}");
                assert!(!line.ends_with("agglomératio"), "{line}");
            }
            assert_eq!(w.lines.join(" ").replace("d' ", "d'"), name);
        }
        // A compound name breaks after its own hyphens when a part does not fit whole.
        let w = wrap("Saint-Martin-Boulogne", 120.0, 20.0, Weight::Regular, 3);
        assert!(w.whole(), "{w:?}");
        assert_eq!(w.lines.concat(), "Saint-Martin-Boulogne");
        assert!(
            w.lines.iter().all(|l| l.ends_with('-') || l == "Boulogne"),
            "{w:?}"
        );
    }

    fn width_ok(line: &str, max: f64) -> bool {
        width(line, 20.0, Weight::Regular) <= max
    }

    #[test]
    fn a_word_without_break_is_cut_and_says_so() {
        let w = wrap(
            "Intercommunalitésdunordouestdelafrance",
            150.0,
            20.0,
            Weight::Regular,
            4,
        );
        assert!(w.cut && !w.truncated, "{w:?}");
        assert!(w.lines.iter().all(|l| width_ok(l, 150.0)), "{w:?}");
        assert_eq!(w.lines.concat(), "Intercommunalitésdunordouestdelafrance");
    }

    #[test]
    fn a_cut_title_ends_after_its_last_whole_word() {
        let w = wrap(
            "Rénovations réalisées après avoir été conseillé par les EIE",
            200.0,
            20.0,
            Weight::Regular,
            2,
        );
        assert!(w.truncated);
        let last = w.lines.last().unwrap();
        assert!(last.ends_with('…'), "{last}");
        let kept = last.trim_end_matches('…');
        assert!(
            "Rénovations réalisées après avoir été conseillé par les EIE"
                .split(' ')
                .any(|word| kept.ends_with(word)),
            "{last}"
        );
    }

    #[test]
    fn a_40000_letter_word_is_cut_into_lines_that_fit() {
        // Linear: every word is shaped once, and no more is read than the lines kept.
        let word = "é".repeat(40_000);
        let w = wrap(&word, 300.0, 20.0, Weight::Regular, 3);
        assert_eq!(w.lines.len(), 3);
        assert!(w.truncated && w.cut);
        assert!(w.lines.iter().all(|l| width_ok(l, 300.0)), "{w:?}");
        assert!(w.lines[2].ends_with('…'));
        let all = wrap(
            &"ab".repeat(20_000),
            300.0,
            20.0,
            Weight::Regular,
            usize::MAX,
        );
        assert!(all.lines.iter().all(|l| width_ok(l, 300.0)));
        assert_eq!(all.lines.concat(), "ab".repeat(20_000));
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
        for c in "éèêàçœ€«»’ÉÀ…⁰¹²³⁴⁵⁶⁷⁸⁹".chars() {
            assert!(face.glyph_index(c).is_some(), "{c}");
        }
    }
}
