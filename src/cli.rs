//! The command line: subcommands and their flags, nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub const DEFAULT_TERRITORY: &str = "actors/calaisis";

/// Turn a territory's stakeholder tables into actor maps, gap checks and progress tables.
#[derive(Debug, Parser)]
#[command(name = "actormap", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show what was loaded, domain by domain: objectives, targets and who holds which role.
    List {
        /// A territory folder (domains.csv, objectives.csv, actors.csv, links.csv) or JSON file.
        #[arg(default_value = DEFAULT_TERRITORY)]
        territory: PathBuf,
    },
    /// Check the territory for gaps: objectives without a lead or a funder, missing roles, orphan
    /// or duplicate actors... `actormap rules` lists the rules.
    ///
    /// Exit code 0 when no finding is an error, 1 when one is, 2 on bad input.
    Check {
        /// A territory folder or JSON file.
        #[arg(default_value = DEFAULT_TERRITORY)]
        territory: PathBuf,
        /// How to write the findings.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Report this rule's findings as errors; `--deny warnings` turns every warning into an error.
        #[arg(long, value_name = "RULE")]
        deny: Vec<String>,
        /// Report this rule's findings as warnings.
        #[arg(long, value_name = "RULE")]
        warn: Vec<String>,
        /// Do not run this rule.
        #[arg(long, value_name = "RULE")]
        allow: Vec<String>,
    },
    /// List the rules of `check`: name, default severity, what each finds and why it matters.
    Rules {
        /// How to write the list (markdown is the README's rule table).
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One block per finding and a summary line.
    Text,
    /// A stable array of findings for scripts.
    Json,
    /// A table for the committee's minutes.
    Markdown,
}

/// Output formats of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
    Markdown,
}
