//! actormap: a territory's stakeholder tables in, actor maps, gap checks and progress out.
#![forbid(unsafe_code)]

pub mod check;
pub mod cli;
pub mod diff;
pub mod dossier;
pub mod error;
pub mod export;
pub mod hash;
pub mod help;
pub mod i18n;
pub mod init;
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
pub mod progress;
pub mod render;
pub mod report;
pub mod spreadsheet;
pub mod stamps;
pub mod start;
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

/// Load the territory of a command (the one given, else the current folder's, else the
/// built-in example, which is said on standard error); the notes about how it was read go
/// to standard error too, and both notes and errors are said in `--lang`, else the language
/// the territory asks for.
fn load_territory(cli: &Cli, given: Option<&Path>) -> Result<Loaded, Error> {
    let source = start::Source::of(given);
    let loaded = source.load();
    if let (start::Source::Example, Ok(territory)) = (&source, &loaded.territory) {
        let lang = language(cli, Some(territory));
        let said = start::Said::Example(territory.name.clone());
        let _ = writeln!(
            std::io::stderr().lock(),
            "{}",
            lang.catalog().start_line(&said)
        );
    }
    let asked = cli.lang.map(i18n::Lang::from).or(loaded.lang);
    print_notes(&loaded.notes, asked.unwrap_or_default());
    let territory = loaded.territory.map_err(|errors| Error::Load {
        errors,
        lang: loaded.lang,
    })?;
    if territory.domains().is_empty()
        && territory.objectives().is_empty()
        && territory.actors().is_empty()
    {
        let shown = match &source {
            // The current folder, when it was not named, by its full path ("." says little).
            start::Source::Path(path) if given.is_none() => std::env::current_dir()
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
            start::Source::Path(path) => path.display().to_string(),
            start::Source::Example => load::EXAMPLE.to_owned(),
        };
        let lang = language(cli, Some(&territory));
        return Err(Error::Usage(
            lang.catalog().start_line(&start::Said::Empty(shown)),
        ));
    }
    Ok(Loaded {
        territory: Some(territory),
        forget: cli.exiting,
    })
}

/// A command's territory. When the process ends with the command (`Cli::exiting`), its
/// memory is left to the operating system rather than freed piece by piece: a territory of
/// 500,000 links is millions of small allocations, and freeing them took a fifth of `check`.
/// Called as a library (tests, several commands in one process), it is dropped as usual.
struct Loaded {
    /// Always `Some` until dropped.
    territory: Option<model::Territory>,
    forget: bool,
}

impl std::ops::Deref for Loaded {
    type Target = model::Territory;

    fn deref(&self) -> &model::Territory {
        self.territory.as_ref().expect("a territory until dropped")
    }
}

impl Drop for Loaded {
    fn drop(&mut self) {
        if self.forget {
            std::mem::forget(self.territory.take());
        }
    }
}

/// Notes on standard error, before the command's output, in `lang` (a failure to write them
/// is not worth stopping the command for).
fn print_notes<'a>(notes: impl IntoIterator<Item = &'a error::Note>, lang: i18n::Lang) {
    let mut err = std::io::stderr().lock();
    for note in notes {
        let _ = writeln!(err, "{}", note.render(lang));
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
            table,
            report,
        } => {
            let territory = load_territory(cli, territory.as_deref())?;
            let lang = language(cli, Some(&territory));
            let sheet = table.map(list::Sheet::from);
            let name = list::workbook_name(lang, sheet);
            let kind = match format {
                ListFormat::Text if sheet.is_some() => {
                    return Err(Error::Usage(list::table_needs_a_table_format(lang)));
                }
                ListFormat::Text => {
                    report_text(report, lang, out, |w| list::write(&territory, lang, w))?;
                    return Ok(Outcome::Clean);
                }
                ListFormat::Csv => Kind::Csv,
                ListFormat::Xlsx => Kind::Xlsx,
            };
            let sheets = match (sheet, kind) {
                (Some(sheet), _) => vec![sheet],
                (None, Kind::Csv) => vec![list::Sheet::Roles],
                (None, Kind::Xlsx) => list::Sheet::kept(&territory),
            };
            let sheets: Vec<_> = (sheets.into_iter())
                .map(|s| list::sheet(&territory, s, lang))
                .collect();
            tables(&sheets, kind, lang, report, name, out)?;
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
            governance,
            links,
            status,
            at,
            all,
            output,
        } => {
            let territory = load_territory(cli, territory.as_deref())?;
            let views: Vec<maps::MapKind> = [
                (*overview, maps::MapKind::Overview),
                (*matrix, maps::MapKind::Matrix),
                (*coverage, maps::MapKind::Coverage),
                (*governance, maps::MapKind::Governance),
                (*links, maps::MapKind::Links),
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
            let territory = load_territory(cli, territory.as_deref())?;
            let output = in_language(output, language(cli, Some(&territory)));
            maps::build(&territory, &output, out)
        }
        Command::Report {
            territory,
            at,
            out: dir,
        } => {
            let territory = load_territory(cli, territory.as_deref())?;
            let lang = language(cli, Some(&territory));
            report::run(&territory, lang, *at, dir, out)
        }
        Command::Dossier {
            territory,
            at,
            since,
            out: dir,
        } => {
            let loaded = start::Source::of(territory.as_deref()).load();
            let old = since.as_deref().map(load::load_with_notes);
            let read = loaded.lang.or(old.as_ref().and_then(|o| o.lang));
            print_notes(
                loaded.notes.iter().chain(old.iter().flat_map(|o| &o.notes)),
                cli.lang.map(i18n::Lang::from).or(read).unwrap_or_default(),
            );
            // Both territories' errors together, like `diff`.
            let (territory, old) = match (loaded.territory, old.map(|o| o.territory).transpose()) {
                (Ok(t), Ok(old)) => (t, old),
                (t, old) => {
                    let errors = t.err().into_iter().chain(old.err()).flatten().collect();
                    return Err(Error::Load { errors, lang: read });
                }
            };
            let lang = language(cli, Some(&territory));
            dossier::run(&territory, old.as_ref(), *at, dir, lang, out)?;
            Ok(Outcome::Clean)
        }
        Command::Watch { territory, output } => {
            let territory = match start::Source::of(territory.as_deref()) {
                start::Source::Path(path) => path,
                start::Source::Example => {
                    let lang = language(cli, None);
                    let said = start::Said::NothingToWatch;
                    return Err(Error::Usage(lang.catalog().start_line(&said)));
                }
            };
            watch::run(&territory, output, cli.lang.map(i18n::Lang::from), out)
        }
        Command::Status {
            territory,
            at,
            format,
            report,
        } => {
            let territory = load_territory(cli, territory.as_deref())?;
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
            // Until the newer version is read, the language it asks for, else the older's.
            let asked = cli.lang.map(i18n::Lang::from);
            let read = new.lang.or(old.lang);
            print_notes(
                old.notes.iter().chain(&new.notes),
                asked.or(read).unwrap_or_default(),
            );
            let (old, new) = match (old.territory, new.territory) {
                (Ok(old), Ok(new)) => (old, new),
                (old, new) => {
                    let errors = old.err().into_iter().chain(new.err()).flatten().collect();
                    return Err(Error::Load { errors, lang: read });
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
            let territory = load_territory(cli, territory.as_deref())?;
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
            let territory = load_territory(cli, territory.as_deref())?;
            let lang = language(cli, Some(&territory));
            export::run(&territory, *format, domain.as_deref(), lang, path, out)?;
            Ok(Outcome::Clean)
        }
        Command::Init { dir, from } => {
            let territory = match from {
                Some(given) => Some(load_territory(cli, given.as_deref())?),
                None => None,
            };
            let territory = territory.as_deref();
            let lang = language(cli, territory);
            let written = init::write(dir, territory, lang)?;
            terminal::line(out, &lang.catalog().wrote(&written))?;
            Ok(Outcome::Clean)
        }
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&load::json_schema())
                .map_err(|e| Error::Io(std::io::Error::other(e)))?;
            writeln!(out, "{schema}")?;
            Ok(Outcome::Clean)
        }
        Command::Completions { shell } => {
            manual::completions(*shell, language(cli, None), out)?;
            Ok(Outcome::Clean)
        }
        Command::Man { command } => {
            manual::man(command.as_deref(), language(cli, None), out)?;
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
