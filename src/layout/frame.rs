//! What every slide shares: the palette, the text sizes, the frame (title band and its rule,
//! side panel, footer band), the PRIORITAIRE badge and the page number of a map split over
//! several slides. Layouts take these from here instead of repeating literals.

use super::scene::{Anchor, Color, Item, Line, Rect, Scene, Stroke, Weight};
use super::words::Label;
use super::{Card, group, paragraph, rect_item, text, text_item};
use crate::model::{Lang, Role, Territory};

// The palette. Role colours follow the seed deck's legend.
pub const NAVY: Color = "#1b2a4a";
pub const GREY: Color = "#5f6b7a";
pub const LIGHT: Color = "#f3f5f8";
pub const RULE: Color = "#d5dae1";
pub const WHITE: Color = "#ffffff";
pub const DARK: Color = "#1f1f1f";
/// Body text on a white or light background.
pub const INK: Color = "#2b3440";
pub const RED: Color = "#c62828";
pub const RED_FILL: Color = "#fdecec";
/// The PRIORITAIRE badge.
pub const PRIORITY: Color = "#c0392b";
/// Every other row of a table.
pub const STRIPE: Color = "#f7f8fa";

/// The smallest text on a picture, at 1920 x 1080: a 16:9 slide projected in a council room
/// stays legible from the back at this size.
pub const TEXT: f64 = 20.0;
/// The smallest text of the side panel (legend, means, notes).
pub const PANEL_TEXT: f64 = 18.0;
/// The footer line (territory and programme), the one text allowed below `TEXT`.
pub const FOOTER_TEXT: f64 = 16.0;
/// A slide's title.
pub const TITLE_TEXT: f64 = 34.0;

/// The space around the slide's content.
pub const MARGIN: f64 = 48.0;
/// From the slide's bottom edge to the bottom of its content: the footer band.
pub const FOOTER_BAND: f64 = MARGIN + 28.0;
/// The side panel of the maps (legend, means, notes, related domains).
pub const PANEL_WIDTH: f64 = 420.0;
/// The panel's inner padding.
pub const PANEL_PAD: f64 = 22.0;

/// How a role's boxes are painted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    pub fill: Color,
    pub stroke: Color,
    pub text: Color,
    pub stroke_width: f64,
    pub dashed: bool,
}

pub fn paint(role: Role) -> Paint {
    let p = |fill, stroke, text| Paint {
        fill,
        stroke,
        text,
        stroke_width: 1.5,
        dashed: false,
    };
    match role {
        Role::Prescriber => p("#f39c34", "#b8650c", DARK),
        Role::Funder => p("#8e5bb5", "#623a86", WHITE),
        Role::Support => p("#3a7dc9", "#245a96", WHITE),
        Role::Target => p("#3b8a3e", "#276029", WHITE),
        Role::Relay => p("#f5cf3a", "#b99400", DARK),
        Role::Lead => Paint {
            fill: WHITE,
            stroke: NAVY,
            text: NAVY,
            stroke_width: 4.0,
            dashed: false,
        },
        Role::LeadCandidate => gap_paint(),
    }
}

/// The red dashed look of a gap: a missing lead, a required role nobody holds.
pub fn gap_paint() -> Paint {
    Paint {
        fill: RED_FILL,
        stroke: RED,
        text: RED,
        stroke_width: 3.0,
        dashed: true,
    }
}

/// A solid box of one colour with white text (the hub, the badges).
pub fn solid(fill: Color) -> Paint {
    Paint {
        fill,
        stroke: fill,
        text: WHITE,
        stroke_width: 0.0,
        dashed: false,
    }
}

impl Paint {
    pub fn stroke(&self) -> Stroke {
        if self.dashed {
            Stroke::dashed(self.stroke, self.stroke_width, 10.0, 6.0)
        } else {
            Stroke::solid(self.stroke, self.stroke_width)
        }
    }
}

/// A small rounded label on one line ("PRIORITAIRE", "DC3", "Cibles ?").
pub fn badge(label: &str, paint: Paint) -> Card {
    let card = Card::new(&[(label, TEXT, Weight::Bold, 1)], 1000.0, paint);
    Card {
        radius: 15.0,
        h: 34.0,
        ..card
    }
}

/// The red "PRIORITAIRE" badge of a priority objective.
pub fn priority_badge(lang: Lang) -> Card {
    badge(lang.catalog().map_label(Label::Priority), solid(PRIORITY))
}

/// Which slide of a map split over several this one is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// From 1.
    pub number: usize,
    pub count: usize,
}

impl Page {
    pub const ONLY: Page = Page {
        number: 1,
        count: 1,
    };

    /// The pages of a map of `count` slides.
    pub fn all(count: usize) -> impl Iterator<Item = Page> {
        (1..=count).map(move |number| Page { number, count })
    }

    /// The title with the page number when there are several: "Matrice (1/2)".
    pub fn title(self, title: &str, lang: Lang) -> String {
        if self.count > 1 {
            lang.catalog().page(title, self.number, self.count)
        } else {
            title.to_owned()
        }
    }

    /// The widest page number a map of up to this many pages writes, to measure a title
    /// before the pages are counted.
    pub fn widest(count: usize) -> Page {
        let count = count.max(2);
        Page {
            number: count,
            count,
        }
    }
}

/// Items of the given heights on slides of `room` pixels, in order, as many on each as fit
/// with `gap` between two; an item taller than a slide has one to itself. One slide at
/// least, empty when there is no item.
pub fn paginate<T>(items: impl IntoIterator<Item = (T, f64)>, room: f64, gap: f64) -> Vec<Vec<T>> {
    paginate_until(items, room, gap, usize::MAX)
}

/// [`paginate`], reading no item past the first of slide `most + 1` (whose items need not
/// be measured: that slide is not drawn, only known to be there).
pub fn paginate_until<T>(
    items: impl IntoIterator<Item = (T, f64)>,
    room: f64,
    gap: f64,
    most: usize,
) -> Vec<Vec<T>> {
    let mut slides: Vec<Vec<T>> = vec![Vec::new()];
    let mut used = 0.0;
    for (item, height) in items {
        let current = slides.last_mut().expect("one slide at least");
        if current.is_empty() {
            used = height;
            current.push(item);
        } else if used + gap + height > room {
            used = height;
            slides.push(vec![item]);
            if slides.len() > most {
                break;
            }
        } else {
            used += gap + height;
            current.push(item);
        }
    }
    slides
}

/// The most slides one map takes (the matrix, the overview, the status chart): 30 keeps a
/// territory of 250 objectives whole. Past it, the first `MAX_SLIDES` are drawn and the last
/// says in its title how many objectives are left out ("+ 9 650 autres objectifs").
pub const MAX_SLIDES: usize = 30;

/// The slide around a picture: its size and what is drawn so far.
pub struct Frame {
    pub w: f64,
    pub h: f64,
    pub items: Vec<Item>,
}

impl Frame {
    pub fn new(w: f64, h: f64) -> Frame {
        Frame {
            w,
            h,
            items: Vec::new(),
        }
    }

    /// A title (bold, navy, up to two lines); returns its bottom.
    pub fn title(&mut self, title: &str) -> f64 {
        let (items, bottom) = paragraph(
            MARGIN,
            36.0,
            title,
            self.w - 2.0 * MARGIN,
            (TITLE_TEXT, Weight::Bold, NAVY),
            2,
        );
        self.items.push(group("title", "", items));
        bottom
    }

    /// The rule under the title band, across the slide at `y`.
    pub fn rule(&mut self, y: f64) {
        self.items.push(Item::Line(Line {
            points: vec![(MARGIN, y), (self.w - MARGIN, y)],
            stroke: Stroke::solid(RULE, 2.0),
            arrow: false,
            class: "rule".into(),
        }));
    }

    /// A title and its rule; returns the top of the slide's body.
    pub fn titled(&mut self, title: &str) -> f64 {
        let rule = self.title(title) + 12.0;
        self.rule(rule);
        rule + 24.0
    }

    /// Where the slide's body ends: above the footer band.
    pub fn bottom(&self) -> f64 {
        self.h - FOOTER_BAND
    }

    /// The left edge of the side panel.
    pub fn panel_x(&self) -> f64 {
        self.w - MARGIN - PANEL_WIDTH
    }

    /// A map's area under `top`, left of the side panel, above the footer band.
    pub fn map_area(&self, top: f64) -> Rect {
        Rect {
            x: MARGIN,
            y: top,
            w: self.panel_x() - 28.0 - MARGIN,
            h: self.bottom() - top,
            radius: 0.0,
            fill: None,
            stroke: None,
            class: String::new(),
        }
    }

    /// The footer line: territory and programme, on one line.
    pub fn footer(&mut self, t: &Territory) {
        let line = text::wrap(
            &footer(t),
            self.w - 2.0 * MARGIN,
            FOOTER_TEXT,
            Weight::Regular,
            1,
        )
        .lines
        .join(" ");
        let item = text_item(
            MARGIN,
            self.h - MARGIN + 16.0,
            &line,
            FOOTER_TEXT,
            Weight::Regular,
            Anchor::Start,
            GREY,
        );
        self.items.push(group("footer", "", vec![item]));
    }

    pub fn scene(self, title: String) -> Scene {
        Scene {
            width: self.w,
            height: self.h,
            title,
            background: WHITE,
            items: self.items,
        }
    }
}

/// A slide with its title and footer only: what a map falls back to should a slide that
/// cannot be split further still not draw (the forced layouts always do).
pub fn blank(t: &Territory, title: &str, size: super::Size) -> Scene {
    let k = size.scale();
    let mut frame = Frame::new(size.width / k, size.height / k);
    frame.titled(title);
    frame.footer(t);
    super::finish(frame.scene(title.to_owned()), k)
}

/// The footer text: territory and programme.
pub fn footer(t: &Territory) -> String {
    let mut s = t.name.clone();
    if let Some(p) = &t.programme {
        s.push_str(" · ");
        s.push_str(&p.name);
        if let (Some(a), Some(b)) = (p.start, p.end) {
            s.push_str(&format!(" {}–{}", a.year(), b.year()));
        }
    }
    s
}

/// The side panel of a map, filled from the top: headings, paragraphs, legend entries.
/// Whatever would pass its bottom is not drawn and `overflow` is set, so that the caller
/// can split the map rather than lose a line.
pub struct Panel {
    x: f64,
    top: f64,
    bottom: f64,
    y: f64,
    items: Vec<Item>,
    pub overflow: bool,
}

impl Panel {
    pub fn new(x: f64, top: f64, bottom: f64) -> Panel {
        Panel {
            x,
            top,
            bottom,
            y: top + 20.0,
            items: Vec::new(),
            overflow: false,
        }
    }

    /// The width text has inside the panel.
    pub fn width(&self) -> f64 {
        PANEL_WIDTH - 2.0 * PANEL_PAD
    }

    /// The room left above `reserve` pixels kept at the bottom.
    pub fn room(&self, reserve: f64) -> f64 {
        self.bottom - 16.0 - reserve - self.y
    }

    /// Leave `dy` pixels of space.
    pub fn space(&mut self, dy: f64) {
        self.y += dy;
    }

    /// A section heading ("Légende", "Avec quels moyens ?").
    pub fn heading(&mut self, s: &str) {
        self.text(s, (20.0, Weight::Bold, NAVY), 0.0, 2);
        self.y += 4.0;
    }

    /// Wrapped text at `indent` from the panel's inner edge, on at most `max_lines` lines.
    pub fn text(&mut self, s: &str, font: super::Font, indent: f64, max_lines: usize) {
        let lines = text::wrap(s, self.width() - indent, font.0, font.1, max_lines).lines;
        let h = lines.len() as f64 * text::line_height(font.0);
        if self.y + h > self.bottom - 16.0 {
            self.overflow = true;
            self.y += h;
            return;
        }
        let (items, next) = super::stack(self.x + PANEL_PAD + indent, self.y, &lines, font);
        self.items.extend(items);
        self.y = next;
    }

    /// A legend entry: a swatch painted like the boxes it stands for, and its label.
    pub fn swatch(&mut self, p: Paint, label: &str) {
        let top = self.y;
        let lines = text::wrap(label, self.width() - 54.0, PANEL_TEXT, Weight::Regular, 2).lines;
        let h = (lines.len() as f64 * text::line_height(PANEL_TEXT)).max(26.0);
        if top + h > self.bottom - 16.0 {
            self.overflow = true;
            self.y += h + 6.0;
            return;
        }
        let x = self.x + PANEL_PAD;
        self.items.push(rect_item(
            (
                x + p.stroke_width / 2.0,
                top + 2.0,
                40.0 - p.stroke_width,
                22.0,
            ),
            6.0,
            Some(p.fill),
            Some(p.stroke()),
            "swatch",
        ));
        let (items, _) = super::stack(x + 54.0, top, &lines, (PANEL_TEXT, Weight::Regular, INK));
        self.items.extend(items);
        self.y = top + h + 6.0;
    }

    /// One bold line at the panel's bottom ("Liens : DC5, DC7, DC9"); reserve its room with
    /// `room(FOOT_LINE)` before.
    pub fn foot(&mut self, s: &str) {
        let y = self.bottom - 16.0 - text::line_height(PANEL_TEXT);
        let line = text::wrap(s, self.width(), PANEL_TEXT, Weight::Bold, 1)
            .lines
            .join(" ");
        if y < self.y {
            self.overflow = true;
            return;
        }
        self.items.push(text_item(
            self.x + PANEL_PAD,
            y + text::ascent(PANEL_TEXT),
            &line,
            PANEL_TEXT,
            Weight::Bold,
            Anchor::Start,
            NAVY,
        ));
    }

    /// The panel as one group: its light background, then its text.
    pub fn finish(self) -> Item {
        let mut items = vec![rect_item(
            (self.x, self.top, PANEL_WIDTH, self.bottom - self.top),
            14.0,
            Some(LIGHT),
            None,
            "panel",
        )];
        items.extend(self.items);
        group("panel", "", items)
    }
}

/// The height `Panel::foot` takes.
pub const FOOT_LINE: f64 = 30.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_stops_reading_at_the_first_item_past_its_last_slide() {
        // Three items of 40 a slide of 100: [0, 1], [2, 3], [4, 5], [6].
        let heights = || (0..7).map(|i| (i, 40.0));
        assert_eq!(
            paginate(heights(), 100.0, 10.0),
            [vec![0, 1], vec![2, 3], vec![4, 5], vec![6]]
        );
        let mut read = 0;
        let counted = heights().inspect(|_| read += 1);
        let slides = paginate_until(counted, 100.0, 10.0, 2);
        assert_eq!(slides, [vec![0, 1], vec![2, 3], vec![4]]);
        assert_eq!(read, 5);
        // Within the bound, everything.
        assert_eq!(
            paginate_until(heights(), 100.0, 10.0, 4),
            paginate(heights(), 100.0, 10.0)
        );
    }
}
