//! Where actormap starts, in English: the built-in example when there is no territory here.

use super::English;
use crate::start::{Said, Words};

impl Words for English {
    fn start_line(&self, said: &Said) -> String {
        match said {
            Said::Example(name) => format!("no territory here: built-in example, {name}"),
            Said::NothingToWatch => "no territory here to watch: the built-in example does not change; give a folder (actormap watch my-territory) or make one with actormap init".to_owned(),
        }
    }
}
