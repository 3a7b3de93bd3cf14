//! actormap: a territory's stakeholder tables in, actor maps, gap checks and progress out.
#![forbid(unsafe_code)]

pub mod check;
pub mod cli;
pub mod error;
mod list;
pub mod load;
pub mod model;
pub mod names;

use std::io::Write;

use cli::{Cli, Command};
pub use error::Error;

/// How a command that ran went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing of error severity was found.
    Clean,
    /// At least one finding of error severity.
    Findings,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
        }
    }
}

/// Run one command, writing its report to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<Outcome, Error> {
    match &cli.command {
        Command::List { territory } => {
            let territory = load::load(territory)?;
            list::write(&territory, out)?;
            Ok(Outcome::Clean)
        }
        Command::Check {
            territory,
            format,
            deny,
            warn,
            allow,
        } => {
            let overrides = check::Overrides {
                deny: deny.clone(),
                warn: warn.clone(),
                allow: allow.clone(),
            };
            // Check the flags before reading anything: a typo is a usage error either way.
            check::Config::default().apply(&overrides)?;
            let territory = load::load(territory)?;
            let mut config = check::Config::from_territory(&territory)?;
            config.apply(&overrides)?;
            let findings = check::run_with(&territory, &config);
            match format {
                cli::CheckFormat::Text => check::output::text(&findings, out)?,
                cli::CheckFormat::Json => check::output::json(&territory, &findings, out)?,
                cli::CheckFormat::Markdown => check::output::markdown(&findings, out)?,
            }
            Ok(if check::has_errors(&findings) {
                Outcome::Findings
            } else {
                Outcome::Clean
            })
        }
        Command::Rules { format } => {
            match format {
                cli::RulesFormat::Text => check::output::rules_text(check::RULES, out)?,
                cli::RulesFormat::Json => check::output::rules_json(check::RULES, out)?,
                cli::RulesFormat::Markdown => check::output::rules_markdown(check::RULES, out)?,
            }
            Ok(Outcome::Clean)
        }
    }
}
