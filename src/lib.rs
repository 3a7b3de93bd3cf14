//! actormap: a territory's stakeholder tables in, actor maps, gap checks and progress out.
#![forbid(unsafe_code)]

pub mod check;
pub mod cli;
pub mod diff;
pub mod error;
pub mod export;
pub mod i18n;
pub mod layout;
mod list;
pub mod load;
mod manual;
pub mod maps;
pub mod markdown;
pub mod model;
pub mod names;
pub mod numbers;
pub mod outdir;
pub mod render;
pub mod spreadsheet;
pub mod status;
pub mod terminal;
pub mod watch;

use std::io::Write;
use std::path::Path;

use cli::{Cli, Command, DiffFormat, StatusFormat};
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

/// Load a territory for a command; the notes about how it was read go to standard error.
fn load_territory(path: &Path) -> Result<model::Territory, Error> {
    let loaded = load::load_with_notes(path);
    print_notes(&loaded.notes);
    Ok(loaded.territory?)
}

/// Notes on standard error, before the command's output (a failure to write them is not
/// worth stopping the command for).
fn print_notes<'a>(notes: impl IntoIterator<Item = &'a error::Note>) {
    let mut err = std::io::stderr().lock();
    for note in notes {
        let _ = writeln!(err, "note: {note}");
    }
}

/// The language a command writes in: `--lang`, else the territory's `"lang"`, else French.
fn language(cli: &Cli, territory: Option<&model::Territory>) -> i18n::Lang {
    cli.lang
        .map(i18n::Lang::from)
        .or(territory.and_then(|t| t.lang))
        .unwrap_or_default()
}

/// The map options of `render` and `build`, in the command's language.
pub(crate) fn in_language(output: &cli::OutputArgs, lang: i18n::Lang) -> cli::OutputArgs {
    cli::OutputArgs {
        lang: lang.into(),
        ..output.clone()
    }
}

/// Run one command, writing its report to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<Outcome, Error> {
    match &cli.command {
        Command::List { territory } => {
            let territory = load_territory(territory)?;
            list::write(&territory, out)?;
            Ok(Outcome::Clean)
        }
        Command::Render {
            territory,
            domains,
            objectives,
            actors,
            overview,
            matrix,
            status,
            at,
            all,
            output,
        } => {
            let territory = load_territory(territory)?;
            let views: Vec<maps::MapKind> = [
                (*overview, maps::MapKind::Overview),
                (*matrix, maps::MapKind::Matrix),
                (*status, maps::MapKind::Status { at: *at }),
            ]
            .into_iter()
            .filter_map(|(wanted, kind)| wanted.then_some(kind))
            .collect();
            let lang = language(cli, Some(&territory));
            let kinds =
                maps::requested(&territory, domains, objectives, actors, &views, *all, lang)?;
            let output = in_language(output, lang);
            maps::draw(&territory, &kinds, &output, &[render::Format::Svg], out)?;
            Ok(Outcome::Clean)
        }
        Command::Build { territory, output } => {
            let territory = load_territory(territory)?;
            let output = in_language(output, language(cli, Some(&territory)));
            maps::build(&territory, &output, out)
        }
        Command::Watch { territory, output } => {
            watch::run(territory, output, cli.lang.map(i18n::Lang::from), out)
        }
        Command::Status {
            territory,
            at,
            format,
        } => {
            let territory = load_territory(territory)?;
            let status = status::compute(&territory, *at);
            match format {
                StatusFormat::Text => status::output::text(&status, out)?,
                StatusFormat::Json => status::output::json(&status, out)?,
                StatusFormat::Csv => status::output::csv(&status, out)?,
                StatusFormat::Markdown => status::output::markdown(&status, out)?,
            }
            Ok(Outcome::Clean)
        }
        Command::Diff { old, new, format } => {
            let (old, new) = (load::load_with_notes(old), load::load_with_notes(new));
            print_notes(old.notes.iter().chain(&new.notes));
            let (old, new) = match (old.territory, new.territory) {
                (Ok(old), Ok(new)) => (old, new),
                (old, new) => {
                    return Err(Error::Load(
                        old.err().into_iter().chain(new.err()).flatten().collect(),
                    ));
                }
            };
            let diff = diff::compare(&old, &new)?;
            match format {
                DiffFormat::Text => diff::output::text(&diff, out)?,
                DiffFormat::Json => diff::output::json(&diff, out)?,
                DiffFormat::Markdown => diff::output::markdown(&diff, out)?,
            }
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
            let territory = load_territory(territory)?;
            let mut config = check::Config::from_territory(&territory)?;
            config.apply(&overrides)?;
            let findings = check::run_with(&territory, &config);
            let lang = language(cli, Some(&territory));
            match format {
                cli::CheckFormat::Text => check::output::text(&findings, lang, out)?,
                cli::CheckFormat::Json => check::output::json(&territory, &findings, lang, out)?,
                cli::CheckFormat::Markdown => check::output::markdown(&findings, lang, out)?,
            }
            Ok(if check::has_errors(&findings) {
                Outcome::Findings
            } else {
                Outcome::Clean
            })
        }
        Command::Export {
            territory,
            format,
            domain,
            out: path,
        } => {
            let territory = load::load(territory)?;
            let lang = language(cli, Some(&territory));
            export::run(&territory, *format, domain.as_deref(), lang, path, out)?;
            Ok(Outcome::Clean)
        }
        Command::Completions { shell } => {
            manual::completions(*shell, out)?;
            Ok(Outcome::Clean)
        }
        Command::Man { command } => {
            manual::man(command.as_deref(), out)?;
            Ok(Outcome::Clean)
        }
        Command::Rules { format } => {
            let lang = language(cli, None);
            match format {
                cli::RulesFormat::Text => check::output::rules_text(check::RULES, lang, out)?,
                cli::RulesFormat::Json => check::output::rules_json(check::RULES, lang, out)?,
                cli::RulesFormat::Markdown => {
                    check::output::rules_markdown(check::RULES, lang, out)?
                }
            }
            Ok(Outcome::Clean)
        }
    }
}
