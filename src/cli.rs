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
        /// A territory folder (domains.csv, objectives.csv, actors.csv, links.csv), JSON file or
        /// workbook (.xlsx, .ods).
        #[arg(default_value = DEFAULT_TERRITORY)]
        territory: PathBuf,
    },
    /// Check the territory for gaps: objectives without a lead or a funder, missing roles, orphan
    /// or duplicate actors... `actormap rules` lists the rules.
    ///
    /// Exit code 0 when no finding is an error, 1 when one is, 2 on bad input.
    Check {
        /// A territory folder, JSON file or workbook (.xlsx, .ods).
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
    /// Where the territory stands against its contract: per objective its value, share of the
    /// target, threshold and verdict, a projection to the programme's end; then the year-3
    /// bonus conditions and the amounts at stake.
    Status {
        /// A territory folder, JSON file or workbook (.xlsx, .ods) (progress.csv holds dated measurements).
        #[arg(default_value = DEFAULT_TERRITORY)]
        territory: PathBuf,
        /// Answer as of this date (2022-06-30 or 30/06/2022): later measurements are ignored.
        #[arg(long, value_parser = parse_date)]
        at: Option<jiff::civil::Date>,
        #[arg(long, value_enum, default_value_t)]
        format: StatusFormat,
    },
    /// What changed between two versions of a territory (e.g. the last committee's and
    /// today's): actors, roles and leads per objective, findings, progress.
    ///
    /// Exit code 0 whatever the difference, 2 on bad input.
    Diff {
        /// The older territory folder, JSON file or workbook (.xlsx, .ods).
        old: PathBuf,
        /// The newer territory folder, JSON file or workbook (.xlsx, .ods).
        new: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: DiffFormat,
    },
    /// Draw maps: a domain's cartographie des acteurs, an objective's, an actor's, the
    /// territory overview, the actor x objective matrix or the status chart, as SVG, PNG or
    /// Scene JSON.
    Render {
        /// A territory folder, JSON file or workbook (.xlsx, .ods).
        #[arg(default_value = DEFAULT_TERRITORY)]
        territory: PathBuf,
        /// A domain to map (its id or name, e.g. DC3 or "adaptation"); repeat for several.
        #[arg(long = "domain", value_name = "ID")]
        domains: Vec<String>,
        /// One objective to map on its own (its id or title); repeat for several.
        #[arg(long = "objective", value_name = "ID")]
        objectives: Vec<String>,
        /// An actor whose own map to draw (id, name or alias); repeat for several.
        #[arg(long = "actor", value_name = "ID")]
        actors: Vec<String>,
        /// The territory overview: domains, objectives, priority and gap badges.
        #[arg(long)]
        overview: bool,
        /// The actor x objective matrix (RACI-style letters).
        #[arg(long)]
        matrix: bool,
        /// The status chart: one bar per objective against its target, the bonus verdict.
        #[arg(long)]
        status: bool,
        /// Draw the status chart as of this date (2022-06-30 or 30/06/2022).
        #[arg(long, value_parser = parse_date, requires = "status")]
        at: Option<jiff::civil::Date>,
        /// Every domain map, the overview, the matrix and the status chart.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// The main job: check the territory, then draw every domain map, the overview, the
    /// matrix and the status chart into the output folder, printing what was written.
    ///
    /// Exit code 1 when the check finds an error (the maps are drawn all the same and show
    /// the gaps), 2 on bad input.
    Build {
        /// A territory folder, JSON file or workbook (.xlsx, .ods).
        #[arg(default_value = DEFAULT_TERRITORY)]
        territory: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
}

/// Where and how maps are written.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output formats, comma-separated [default: svg for render, svg,png for build]
    #[arg(long, value_enum, value_delimiter = ',')]
    pub format: Vec<FormatArg>,
    /// Canvas size in pixels, WIDTHxHEIGHT.
    #[arg(long, default_value = "1920x1080")]
    pub size: String,
    /// The language of what the maps say.
    #[arg(long, value_enum, default_value = "fr")]
    pub lang: LangArg,
    /// The folder the files are written to (created if missing).
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Svg,
    Png,
    /// The laid-out Scene as JSON.
    Scene,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum StatusFormat {
    #[default]
    Text,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DiffFormat {
    #[default]
    Text,
    Json,
    Markdown,
}

fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    crate::load::values::date(text)
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
