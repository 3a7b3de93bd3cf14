//! The command line: subcommands and their flags, nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

/// Turn a territory's stakeholder tables into actor maps, gap checks and progress tables.
#[derive(Debug, Parser)]
#[command(name = "actormap", version, about, max_term_width = 100)]
pub struct Cli {
    /// The language of what actormap writes (findings, rules, maps, exports); else the
    /// territory's "lang" in territory.json, else French.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
    /// Set by the binary: the process ends when the command returns, so the territory's
    /// memory is not freed (see `Loaded` in lib.rs). Not a flag.
    #[arg(skip)]
    pub exiting: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show what was loaded, domain by domain: objectives, targets and who holds which role.
    List {
        /// A territory folder (domains.csv, objectives.csv, actors.csv, links.csv), JSON file or
        /// workbook (.xlsx, .ods).
        /// Default: the current folder when it holds a territory, else the built-in example
        /// (the Pays du Calaisis).
        #[arg(value_name = "TERRITORY")]
        territory: Option<PathBuf>,
        /// How to write it: text, or tables for a spreadsheet (csv, xlsx).
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
        /// The table to write with --format csv or xlsx: who holds which role (the default for
        /// csv), the actions, or the governance bodies. A workbook without --table holds a
        /// sheet for each table the territory has.
        #[arg(long, value_enum, value_name = "TABLE")]
        table: Option<ListTable>,
        #[command(flatten)]
        report: ReportOut,
    },
    /// Check the territory for gaps: objectives without a lead or a funder, missing roles, orphan
    /// or duplicate actors... `actormap rules` lists the rules.
    ///
    /// Exit code 0 when no finding is an error, 1 when one is, 2 on bad input.
    Check {
        /// A territory folder, JSON file or workbook (.xlsx, .ods).
        /// Default: the current folder when it holds a territory, else the built-in example
        /// (the Pays du Calaisis).
        #[arg(value_name = "TERRITORY")]
        territory: Option<PathBuf>,
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
        #[command(flatten)]
        report: ReportOut,
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
        /// Default: the current folder when it holds a territory, else the built-in example
        /// (the Pays du Calaisis).
        #[arg(value_name = "TERRITORY")]
        territory: Option<PathBuf>,
        /// Answer as of this date (2022-06-30 or 30/06/2022): later measurements are ignored.
        #[arg(long, value_parser = parse_date)]
        at: Option<jiff::civil::Date>,
        #[arg(long, value_enum, default_value_t)]
        format: StatusFormat,
        #[command(flatten)]
        report: ReportOut,
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
        #[command(flatten)]
        report: ReportOut,
    },
    /// Draw maps: a domain's cartographie des acteurs, an objective's, an actor's, the
    /// territory overview, the actor x objective matrix or the status chart, as SVG, PNG or
    /// Scene JSON.
    Render {
        /// A territory folder, JSON file or workbook (.xlsx, .ods).
        /// Default: the current folder when it holds a territory, else the built-in example
        /// (the Pays du Calaisis).
        #[arg(value_name = "TERRITORY")]
        territory: Option<PathBuf>,
        /// A domain to map (its id or name, e.g. DC3 or "adaptation"); repeat for several.
        #[arg(long = "domain", value_name = "ID")]
        domains: Vec<String>,
        /// A domain's page, as the deck's zoom page (its id or name, e.g. DC3); repeat for
        /// several.
        #[arg(long = "page", value_name = "ID")]
        pages: Vec<String>,
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
        /// The coverage grid: each objective whose scope is tracked against the member
        /// territories of the perimeter, the actions that run in each, red where none does.
        #[arg(long)]
        coverage: bool,
        /// The governance chart: each body (instances.csv) with its chair and members, an
        /// arrow to the body it reports to.
        #[arg(long)]
        governance: bool,
        /// The links between domains (the domains' "liens"): one-way links dashed.
        #[arg(long)]
        links: bool,
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
        /// Default: the current folder when it holds a territory, else the built-in example
        /// (the Pays du Calaisis).
        #[arg(value_name = "TERRITORY")]
        territory: Option<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Write one self-contained HTML page to share (index.html): the programme and its money,
    /// the status chart, the findings, each domain's map with its objectives and means, the
    /// matrix, every actor; click an actor to see it in every map. `build` writes it too.
    ///
    /// Exit code 1 when the check finds an error (the page is written all the same), 2 on
    /// bad input.
    Report {
        /// A territory folder, JSON file or workbook (.xlsx, .ods).
        /// Default: the current folder when it holds a territory, else the built-in example
        /// (the Pays du Calaisis).
        #[arg(value_name = "TERRITORY")]
        territory: Option<PathBuf>,
        /// Give the progress as of this date (2022-06-30 or 30/06/2022).
        #[arg(long, value_parser = parse_date)]
        at: Option<jiff::civil::Date>,
        /// The folder index.html is written to (created if missing).
        #[arg(long, default_value = "output")]
        out: PathBuf,
    },
    /// The steering committee's deck in one command: dossier-copil.pdf and
    /// dossier-copil.pptx (the same pages, one slide each, the page's findings in the speaker
    /// notes), written together into the output folder.
    ///
    /// Pages: title (territory, programme, "Comité de pilotage du <date>"), the contractual
    /// objectives, the decisions to take, the overview, each domain's map, the matrix, the
    /// status chart, the points to watch, and with --since what changed since then.
    Dossier {
        /// A territory folder, JSON file or workbook (.xlsx, .ods).
        /// Default: the current folder when it holds a territory, else the built-in example
        /// (the Pays du Calaisis).
        #[arg(value_name = "TERRITORY")]
        territory: Option<PathBuf>,
        /// The committee's date (2023-06-30 or 30/06/2023): later measurements are ignored.
        /// Without it, the date of the latest measurement (never today's date).
        #[arg(long, value_parser = parse_date)]
        at: Option<jiff::civil::Date>,
        /// The territory as the last committee saw it (folder, JSON file or workbook): adds
        /// the page of what changed since.
        #[arg(long, value_name = "OLD")]
        since: Option<PathBuf>,
        /// The folder the files are written to (created if missing).
        #[arg(long, default_value = "output")]
        out: PathBuf,
    },
    /// Build, then rebuild whenever a file of the territory is saved, printing the findings
    /// that appeared or were resolved and the files that changed. A save that does not load
    /// is reported and the maps of the last good build stay.
    ///
    /// Ctrl-C stops it, once a rebuild under way has written its files: exit code 0.
    Watch {
        /// A territory folder (its CSV tables, territory.json, workbook are watched), JSON
        /// file or workbook (.xlsx, .ods).
        /// Default: the current folder (the built-in example cannot be watched).
        #[arg(value_name = "TERRITORY")]
        territory: Option<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Export the territory's graph (actors, objectives, domains; roles with their means and
    /// notes; groups and their members) for yEd, Gephi, Graphviz, Mermaid or Kumu, or its
    /// actor x objective matrix as CSV for Excel.
    Export {
        /// A territory folder, JSON file or workbook (.xlsx, .ods).
        /// Default: the current folder when it holds a territory, else the built-in example
        /// (the Pays du Calaisis).
        #[arg(value_name = "TERRITORY")]
        territory: Option<PathBuf>,
        /// The tool to export for.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Only this domain (its id, e.g. DC3): its objectives and the actors linked to them.
        #[arg(long, value_name = "ID")]
        domain: Option<String>,
        /// The file to write (written whole or not at all); `-` writes to standard output.
        #[arg(long, value_name = "FILE", default_value = "-")]
        out: PathBuf,
    },
    /// Write a starter workbook, territoire.xlsx, to fill in: a Paramètres sheet, the sheets
    /// Domaines, Objectifs, Acteurs, Liens and Avancement with French headers, notes and
    /// drop-down lists, and a #Mode d'emploi sheet. Never writes over a file.
    Init {
        /// The folder to write territoire.xlsx into (created if missing).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Fill the workbook with this territory (folder, JSON file, workbook); `--from` alone:
        /// the current folder's territory, else the built-in example.
        #[arg(long, value_name = "TERRITORY", num_args = 0..=1)]
        from: Option<Option<PathBuf>>,
    },
    /// Print the JSON Schema (draft 2020-12) of a territory given as one JSON file, for an
    /// editor to complete and check it: `actormap schema > territoire.schema.json`.
    Schema,
    /// Print the completion script of a shell, e.g. `actormap completions bash >
    /// ~/.local/share/bash-completion/completions/actormap`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) of actormap, or of one of its commands:
    /// `actormap man > actormap.1 && man ./actormap.1`.
    Man {
        /// A command, e.g. `export`, for its own page.
        command: Option<String>,
    },
}

/// Where a report (`list`, `check`, `status`, `diff`) is written.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportOut {
    /// The file to write (written whole or not at all); `-` or nothing writes to standard
    /// output, except `--format xlsx`, which is never written there: without `--out` it is a
    /// workbook named after the report in the current folder (constats.xlsx,
    /// etat-avancement.xlsx, changements.xlsx, acteurs-roles.xlsx; in English findings.xlsx,
    /// status.xlsx, changes.xlsx, actors-roles.xlsx).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
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
    /// The language of what the maps say: the global `--lang`, else the territory's, set
    /// by the command before it draws.
    #[arg(skip = LangArg::Fr)]
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
    /// Français.
    Fr,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

impl From<Lang> for LangArg {
    fn from(lang: Lang) -> LangArg {
        match lang {
            Lang::Fr => LangArg::Fr,
            Lang::En => LangArg::En,
        }
    }
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// GraphML for yEd (with its node colours) and other GraphML readers.
    Graphml,
    /// GEXF 1.3 for Gephi.
    Gexf,
    /// DOT for Graphviz.
    Dot,
    /// A Mermaid flowchart for Markdown documents.
    Mermaid,
    /// Kumu's JSON import.
    Kumu,
    /// The actor x objective matrix, `;`-separated, for Excel.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum StatusFormat {
    #[default]
    Text,
    Json,
    /// One row per objective, for Excel (in French: `;`, decimal comma, UTF-8 with BOM).
    Csv,
    Markdown,
    /// An Excel workbook (etat-avancement.xlsx unless --out says otherwise).
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DiffFormat {
    #[default]
    Text,
    Json,
    Markdown,
    /// One row per change, for Excel (in French: `;`, decimal comma, UTF-8 with BOM).
    Csv,
    /// An Excel workbook (changements.xlsx unless --out says otherwise).
    Xlsx,
}

/// Output formats of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ListFormat {
    /// Domain by domain, objective by objective.
    #[default]
    Text,
    /// One table for Excel (in French: `;`, UTF-8 with BOM): one row per objective, role and
    /// actor, or, with --table, per action or per body.
    Csv,
    /// An Excel workbook (acteurs-roles.xlsx unless --out says otherwise), a sheet per table.
    Xlsx,
}

/// The tables of `list --format csv|xlsx`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListTable {
    /// Who holds which role: one row per objective, role and actor.
    Roles,
    /// One row per action: its bearers, state, perimeter, dates and budget.
    Actions,
    /// One row per governance body: its chair, members and the body it reports to.
    Bodies,
}

impl From<ListTable> for crate::list::Sheet {
    fn from(table: ListTable) -> crate::list::Sheet {
        match table {
            ListTable::Roles => crate::list::Sheet::Roles,
            ListTable::Actions => crate::list::Sheet::Actions,
            ListTable::Bodies => crate::list::Sheet::Bodies,
        }
    }
}

fn parse_date(text: &str) -> Result<jiff::civil::Date, DateArg> {
    crate::load::values::date(text).map_err(DateArg)
}

/// A date on the command line that is not one: what is wrong, said in the user's language
/// by `help` (in English when clap prints it itself).
#[derive(Debug)]
pub struct DateArg(pub crate::load::message::Message);

impl std::fmt::Display for DateArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.render(Lang::En))
    }
}

impl std::error::Error for DateArg {}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One block per finding and a summary line.
    Text,
    /// A stable array of findings for scripts.
    Json,
    /// A table for the committee's minutes.
    Markdown,
    /// One row per finding, for Excel (in French: `;`, UTF-8 with BOM).
    Csv,
    /// An Excel workbook (constats.xlsx unless --out says otherwise).
    Xlsx,
}

/// Output formats of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
    Markdown,
}
