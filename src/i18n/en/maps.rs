//! `render`, `build` and `export` in English: what they were asked for wrongly (an unknown
//! id, a size that is not one, nothing to draw).

use super::English;
use crate::i18n::Language;
use crate::layout::SizeError;
use crate::maps::{Usage, UsageWords, Wanted};

/// `domain`, `objective`, `actor`.
fn noun(kind: Wanted) -> &'static str {
    match kind {
        Wanted::Domain => "domain",
        Wanted::Objective => "objective",
        Wanted::Actor => "actor",
    }
}

impl UsageWords for English {
    fn usage(&self, usage: &Usage) -> String {
        match usage {
            Usage::Unknown {
                kind,
                wanted,
                closest: Some(closest),
                ..
            } => format!("no {} \"{wanted}\"; did you mean \"{closest}\"?", noun(*kind)),
            Usage::Unknown {
                kind,
                wanted,
                closest: None,
                known,
            } => format!(
                "no {} \"{wanted}\"; known: {}",
                noun(*kind),
                known.join(", ")
            ),
            Usage::Ambiguous { kind, wanted, ids } => format!(
                "\"{wanted}\" names several {}s ({}); give an id",
                noun(*kind),
                ids.join(", ")
            ),
            Usage::NothingToRender => "nothing to render; give --domain ID, --objective ID, --actor ID, --overview, --matrix, --status or --all".to_owned(),
            Usage::Size(e) => format!("--size {}", self.size(e)),
            Usage::OutIsAFolder { out, example } => {
                format!("--out {out} is a folder; give a file name, e.g. {example}")
            }
            Usage::OutNamesNoFile { out } => format!("--out {out} names no file"),
            Usage::NoBodies => "no governance body (bodies.csv); nothing to draw for --governance".to_owned(),
            Usage::NoLinks => "no domain names a link to another (related column of domains.csv); nothing to draw for --links".to_owned(),
            Usage::NotPlaced { what, why } => format!("{what}: layout-rs could not place the graph ({why})"),
        }
    }

    fn size(&self, e: &SizeError) -> String {
        match e {
            SizeError::NotASize(text) => {
                format!("\"{text}\" is not a size; expected WIDTHxHEIGHT like 1920x1080")
            }
            SizeError::OutOfRange { text, min, max } => format!(
                "\"{text}\": each side must be between {} and {} pixels",
                self.number(f64::from(*min)),
                self.number(f64::from(*max))
            ),
        }
    }
}
