//! The command line in English: the doc comments of `cli.rs` and clap's own words.

use super::English;
use crate::help::{Label, Words, Wrong};

impl Words for English {
    fn help_text(&self, _key: &str) -> Option<&'static str> {
        None
    }

    fn cli_label(&self, _label: Label) -> Option<&'static str> {
        None
    }

    fn wrong(&self, _wrong: &Wrong) -> Option<String> {
        None
    }

    fn more_help(&self, _command: &str) -> Option<String> {
        None
    }
}
