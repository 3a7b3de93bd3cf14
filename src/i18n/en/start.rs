//! Where actormap starts, in English: the built-in example when there is no territory here.

use super::English;
use crate::start::{Said, Words};

impl Words for English {
    fn start_line(&self, said: &Said) -> String {
        match said {
            Said::Example(name) => format!("no territory here: built-in example, {name}"),
            Said::NothingToWatch => "no territory here to watch: the built-in example does not change; give a folder (actormap watch my-territory) or make one with actormap init".to_owned(),
            Said::Empty(source) => format!(
                "empty territory: {source} holds no domain, objective or actor yet; fill in the sheets Domaines, Objectifs, Acteurs and Liens (or the files domains.csv, objectives.csv, actors.csv and links.csv), then run again"
            ),
            Said::Exists(path) => format!(
                "{} already exists: actormap init never writes over a file; give another folder (actormap init my-territory) or rename that file",
                path.display()
            ),
        }
    }
}
