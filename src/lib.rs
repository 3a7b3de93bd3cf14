//! actormap: a territory's stakeholder tables in, actor maps, gap checks and progress out.
#![forbid(unsafe_code)]

pub mod check;
pub mod cli;
pub mod diff;
pub mod error;
pub mod export;
pub mod hash;
pub mod i18n;
pub mod layout;
mod list;
pub mod load;
pub mod manifest;
mod manual;
pub mod maps;
pub mod markdown;
pub mod model;
pub mod names;
pub mod numbers;
pub mod outdir;
pub mod parallel;
pub mod render;
pub mod spreadsheet;
pub mod status;
pub mod terminal;
pub mod watch;

use std::io::Write;
use std::path::Path;

use cli::{Cli, Command, DiffFormat, ListFormat, StatusFormat};
pub use error::Error;
use spreadsheet::Kind;

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

/// A report written as text (text, Markdown, JSON) by `write`: to `out`, or with `--out
/// FILE` to that file, whole or not at all, saying so on `out`.
fn report_text(
    report: &cli::ReportOut,
    lang: i18n::Lang,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    match report.out.as_deref().filter(|p| p.as_os_str() != "-") {
        None => Ok(write(out)?),
        Some(path) => {
            let mut bytes = Vec::new();
            write(&mut bytes)?;
            let written = spreadsheet::save(path, &bytes, "rapport.txt", lang)?;
            terminal::line(out, &lang.catalog().wrote(&written))?;
            Ok(())
        }
    }
}

/// A report written as tables for a spreadsheet (CSV, XLSX), where `--out` says.
fn tables(
    tables: &[spreadsheet::Table],
    kind: Kind,
    lang: i18n::Lang,
    report: &cli::ReportOut,
    default_name: &str,
    out: &mut dyn Write,
) -> Result<(), Error> {
    spreadsheet::deliver(tables, kind, lang, report.out.as_deref(), default_name, out)
}

/// Run one command, writing its report to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<Outcome, Error> {
    match &cli.command {
        Command::List {
            territory,
            format,
            report,
        } => {
            let territory = load_territory(territory)?;
            let lang = language(cli, Some(&territory));
            let name = list::workbook_name(lang);
            match format {
                ListFormat::Text => {
                    report_text(report, lang, out, |w| list::write(&territory, lang, w))?
                }
                ListFormat::Csv => tables(
                    &[list::table(&territory, lang)],
                    Kind::Csv,
                    lang,
                    report,
                    name,
                    out,
                )?,
                ListFormat::Xlsx => tables(
                    &[list::table(&territory, lang)],
                    Kind::Xlsx,
                    lang,
                    report,
                    name,
                    out,
                )?,
            }
            Ok(Outcome::Clean)
        }
        Command::Render {
            territory,
            domains,
            pages,
            objectives,
            actors,
            overview,
            matrix,
            coverage,
            status,
            at,
            all,
            output,
        } => {
            let territory = load_territory(territory)?;
            let views: Vec<maps::MapKind> = [
                (*overview, maps::MapKind::Overview),
                (*matrix, maps::MapKind::Matrix),
                (*coverage, maps::MapKind::Coverage),
                (*status, maps::MapKind::Status { at: *at }),
            ]
            .into_iter()
            .filter_map(|(wanted, kind)| wanted.then_some(kind))
            .collect();
            let lang = language(cli, Some(&territory));
            let kinds = maps::requested(
                &territory, domains, pages, objectives, actors, &views, *all, lang,
            )?;
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
            report,
        } => {
            let territory = load_territory(territory)?;
            let lang = language(cli, Some(&territory));
            let status = status::compute(&territory, *at);
            let name = status::output::workbook_name(lang);
            let table = || [status::output::table(&status, lang)];
            use status::output as o;
            match format {
                StatusFormat::Text => {
                    report_text(report, lang, out, |w| o::text(&status, lang, w))?
                }
                StatusFormat::Json => report_text(report, lang, out, |w| o::json(&status, w))?,
                StatusFormat::Markdown => {
                    report_text(report, lang, out, |w| o::markdown(&status, lang, w))?
                }
                StatusFormat::Csv => tables(&table(), Kind::Csv, lang, report, name, out)?,
                StatusFormat::Xlsx => tables(&table(), Kind::Xlsx, lang, report, name, out)?,
            }
            Ok(Outcome::Clean)
        }
        Command::Diff {
            old,
            new,
            format,
            report,
        } => {
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
            // The language of the newer version, unless --lang says otherwise.
            let lang = language(cli, Some(&new));
            let diff = diff::compare(&old, &new)?;
            let name = diff::output::workbook_name(lang);
            let table = || [diff::output::table(&diff, lang)];
            use diff::output as o;
            match format {
                DiffFormat::Text => report_text(report, lang, out, |w| o::text(&diff, lang, w))?,
                DiffFormat::Json => report_text(report, lang, out, |w| o::json(&diff, lang, w))?,
                DiffFormat::Markdown => {
                    report_text(report, lang, out, |w| o::markdown(&diff, lang, w))?
                }
                DiffFormat::Csv => tables(&table(), Kind::Csv, lang, report, name, out)?,
                DiffFormat::Xlsx => tables(&table(), Kind::Xlsx, lang, report, name, out)?,
            }
            Ok(Outcome::Clean)
        }
        Command::Check {
            territory,
            format,
            deny,
            warn,
            allow,
            report,
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
            let name = check::output::workbook_name(lang);
            let table = || [check::output::table(&findings, lang)];
            use check::output as o;
            match format {
                cli::CheckFormat::Text => {
                    report_text(report, lang, out, |w| o::text(&findings, lang, w))?
                }
                cli::CheckFormat::Json => report_text(report, lang, out, |w| {
                    o::json(&territory, &findings, lang, w)
                })?,
                cli::CheckFormat::Markdown => {
                    report_text(report, lang, out, |w| o::markdown(&findings, lang, w))?
                }
                cli::CheckFormat::Csv => tables(&table(), Kind::Csv, lang, report, name, out)?,
                cli::CheckFormat::Xlsx => tables(&table(), Kind::Xlsx, lang, report, name, out)?,
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
