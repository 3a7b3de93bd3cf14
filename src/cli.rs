//! The command line: subcommands and their flags, nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
    /// Check the territory for gaps: objectives without a lead, and more.
    ///
    /// Exit code 0 when no finding is an error, 1 when one is, 2 on bad input.
    Check {
        /// A territory folder or JSON file.
        #[arg(default_value = DEFAULT_TERRITORY)]
        territory: PathBuf,
    },
}
