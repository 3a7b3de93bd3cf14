//! The command line in the user's language: `--help`, the manual page and clap's own errors
//! ("unexpected argument", "invalid value") said in French by default.
//!
//! The English texts are the doc comments of [`crate::cli`], which clap reads; each other
//! language gives its own through [`Words`], by key: a command's name (`"check"`, `""` for
//! actormap itself), an argument as `"check deny"` (command and argument id), a value of an
//! argument as `"check format=json"`. A key `"* territory"` serves every command that has no
//! text of its own for that argument. A test walks every command and argument and fails on
//! one without words, so a new flag does not compile its way into an English help unnoticed.
//! The placeholders of values are at `"<TERRITORY>"`.

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use crate::cli::{Cli, DateArg};
use crate::i18n::Lang;

/// What a language says on the command line besides the texts of each command and argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Before the usage line: "Usage:".
    Usage,
    /// The heading of the list of commands (clap adds the colon).
    Commands,
    /// The heading of the options (clap adds the colon).
    Options,
    /// The heading of the positional arguments (clap adds the colon).
    Arguments,
    /// The placeholder of a command in the usage line: "COMMAND".
    CommandValue,
    /// The help of `-h, --help`.
    HelpFlag,
    /// The help of `-V, --version`.
    VersionFlag,
    /// The about of the `help` command.
    HelpCommand,
    /// The argument of the `help` command.
    HelpCommandArg,
    /// Before a default value: "default".
    Default,
    /// Before the values an argument takes: "possible values".
    PossibleValues,
}

/// What is wrong with a command line, as data (from clap's error and its context).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wrong {
    /// An option that no command has, and the closest one.
    UnknownOption {
        given: String,
        closest: Option<String>,
    },
    /// A command that does not exist, and the closest one.
    UnknownCommand {
        given: String,
        closest: Option<String>,
    },
    /// A value an argument does not take.
    InvalidValue {
        arg: String,
        given: String,
        possible: Vec<String>,
        closest: Option<String>,
    },
    /// A value the argument's own parser refused, with its reason in the language.
    Refused {
        arg: String,
        given: String,
        reason: String,
    },
    /// Arguments that must be given.
    Missing { args: Vec<String> },
    /// Two arguments that do not go together (`other` may be empty when clap does not say).
    Conflict { arg: String, other: String },
    /// An argument given more often, or with more values, than it takes.
    TooMany { arg: String },
    /// A value missing after an option that needs one.
    NoValue { arg: String },
}

/// What each language says on the command line. Implement it with an exhaustive `match`.
pub trait Words {
    /// The help of the command, argument or value at `key` (see the module's doc); `None`
    /// keeps the English doc comment. The long help of a command is at `"<key>!long"`.
    fn help_text(&self, key: &str) -> Option<&'static str>;
    /// A label; `None` keeps clap's (English).
    fn cli_label(&self, label: Label) -> Option<&'static str>;
    /// The error line for `wrong`, without the "error:" prefix; `None` keeps clap's.
    fn wrong(&self, wrong: &Wrong) -> Option<String>;
    /// The last line of an error: how to get help on `command` ("actormap check --help").
    fn more_help(&self, command: &str) -> Option<String>;
}

/// The language asked for on the command line (`--lang en`, `--lang=en`), before it is parsed:
/// the help and clap's errors are said in it. French otherwise.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut lang = Lang::default();
    let mut next_is_lang = false;
    for arg in args.iter().skip(1) {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        let value = if next_is_lang {
            Some(arg)
        } else {
            arg.strip_prefix("--lang=")
        };
        next_is_lang = arg == "--lang";
        match value {
            Some("en") => lang = Lang::En,
            Some("fr") => lang = Lang::Fr,
            _ => {}
        }
    }
    lang
}

/// Parses the command line, or the text to print and the exit code (0 for `--help` and
/// `--version`, 2 for a mistake), in the language the line asks for.
pub fn parse(args: Vec<OsString>) -> Result<Cli, (String, u8)> {
    use clap::FromArgMatches;
    let lang = lang_of(&args);
    let parsed = command(lang)
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    parsed.map_err(|e| {
        let code = if e.use_stderr() { 2 } else { 0 };
        (said(&e, lang), code)
    })
}

/// The command line's definition, its texts in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cli = Cli::command();
    if lang == Lang::En {
        return cli;
    }
    let words = lang.catalog();
    // Built first: the help flag, the version flag and the help command exist only then.
    cli.build();
    let cli = localize(cli, "", words);
    let cli = match words.cli_label(Label::CommandValue) {
        Some(value) => cli.subcommand_value_name(value),
        None => cli,
    };
    match words.cli_label(Label::Commands) {
        Some(heading) => cli.subcommand_help_heading(heading),
        None => cli,
    }
}

fn localize(cmd: Command, key: &str, words: &dyn crate::i18n::Catalog) -> Command {
    let mut cmd = cmd;
    if let Some(about) = command_text(key, words) {
        let long = words
            .help_text(&format!("{}!long", name_key(key)))
            .unwrap_or(about);
        cmd = cmd.about(about).long_about(long);
    }
    if let Some(usage) = words.cli_label(Label::Usage) {
        cmd = cmd.help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id.as_str(), |arg| localize_arg(arg, key, words));
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subcommands {
        cmd = cmd.mut_subcommand(name.as_str(), |sub| localize(sub, &name, words));
    }
    cmd
}

/// `""` is actormap itself, whose texts are at the key `"actormap"`.
fn name_key(key: &str) -> &str {
    if key.is_empty() { "actormap" } else { key }
}

fn command_text(key: &str, words: &dyn crate::i18n::Catalog) -> Option<&'static str> {
    match key {
        "help" => words.cli_label(Label::HelpCommand),
        _ => words.help_text(name_key(key)),
    }
}

fn arg_key(command: &str, id: &str) -> String {
    if command.is_empty() {
        id.to_owned()
    } else {
        format!("{command} {id}")
    }
}

/// The text of the argument `id` of `command`: its own, else the one every command shares.
fn arg_text(command: &str, id: &str, words: &dyn crate::i18n::Catalog) -> Option<&'static str> {
    match id {
        "help" => words.cli_label(Label::HelpFlag),
        "version" => words.cli_label(Label::VersionFlag),
        "subcommand" if command == "help" => words.cli_label(Label::HelpCommandArg),
        _ => words
            .help_text(&arg_key(command, id))
            .or_else(|| words.help_text(&format!("* {id}"))),
    }
}

fn value_text(
    command: &str,
    id: &str,
    value: &str,
    words: &dyn crate::i18n::Catalog,
) -> Option<&'static str> {
    words
        .help_text(&format!("{}={value}", arg_key(command, id)))
        .or_else(|| words.help_text(&format!("* {id}={value}")))
}

fn localize_arg(arg: Arg, command: &str, words: &dyn crate::i18n::Catalog) -> Arg {
    let id = arg.get_id().to_string();
    let Some(text) = arg_text(command, &id, words) else {
        return arg;
    };
    let mut short = text.to_owned();
    let mut long = text.to_owned();
    let mut arg = arg;
    // clap writes "[default: ...]" and "[possible values: ...]" in English: said here.
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_values = arg.get_action().takes_values();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        if let Some(default) = words.cli_label(Label::Default) {
            let shown = format!(" [{default}{} {}]", words.colon(), defaults.join(","));
            short.push_str(&shown);
            long.push_str(&shown);
        }
        arg = arg.hide_default_value(true);
    }
    let values: Vec<clap::builder::PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    if !values.is_empty()
        && !arg.is_hide_possible_values_set()
        && let Some(possible) = words.cli_label(Label::PossibleValues)
    {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        let _ = write!(short, " [{possible}{} {}]", words.colon(), names.join(", "));
        let _ = write!(long, "\n\n{}{}", capitalized(possible), words.colon());
        for value in &values {
            let name = value.get_name();
            match value_text(command, &id, name, words) {
                Some(help) => {
                    let _ = write!(long, "\n- {name}{} {help}", words.colon());
                }
                None => {
                    let _ = write!(long, "\n- {name}");
                }
            }
        }
        arg = arg.hide_possible_values(true);
    }
    let names: Vec<String> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect();
    let names = if names.is_empty() && takes_values {
        vec![id.to_uppercase()]
    } else {
        names
    };
    let french: Option<Vec<&'static str>> = names
        .iter()
        .map(|n| words.help_text(&format!("<{n}>")))
        .collect();
    if let Some(french) = french.filter(|f| !f.is_empty()) {
        arg = arg.value_names(french);
    }
    let heading = if arg.is_positional() {
        Label::Arguments
    } else {
        Label::Options
    };
    if let Some(heading) = words.cli_label(heading) {
        arg = arg.help_heading(heading);
    }
    arg.help(short).long_help(long)
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The error or the help as printed, in `lang`: clap's own words for `--help`, `--version`
/// and in English; for the other errors in another language, ours.
fn said(e: &clap::Error, lang: Lang) -> String {
    let clap_says = || e.render().ansi().to_string();
    if !e.use_stderr() || lang == Lang::En {
        return clap_says();
    }
    let words = lang.catalog();
    let Some(line) = wrong(e, lang).and_then(|w| words.wrong(&w)) else {
        return clap_says();
    };
    let mut out = format!("{}{line}\n", words.error_prefix());
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        let heading = words.cli_label(Label::Usage).unwrap_or("Usage:");
        let _ = write!(out, "\n{heading} {usage}\n");
        // "actormap check --format <FORMAT> [TERRITORY]": the command is the words before
        // the first option or placeholder.
        let command: Vec<&str> = usage
            .split_whitespace()
            .take_while(|w| !w.starts_with(['-', '[', '<']))
            .collect();
        if let Some(more) = words.more_help(&command.join(" ")) {
            let _ = write!(out, "\n{more}\n");
        }
    }
    out
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => v.first().map(ToString::to_string),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        _ => Vec::new(),
    }
}

/// What clap found wrong, as data; `None` for the kinds we leave to clap.
fn wrong(e: &clap::Error, lang: Lang) -> Option<Wrong> {
    // "--format <FORMAT>": the option alone.
    let arg = || {
        let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
        arg.split(' ').next().unwrap_or_default().to_owned()
    };
    Some(match e.kind() {
        ErrorKind::UnknownArgument => Wrong::UnknownOption {
            given: arg(),
            closest: string(e, ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => {
            // Our own suggestion, the one `man` makes: clap's offers "schema" for "chek".
            let given = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let cli = Cli::command();
            let names = cli.get_subcommands().map(|c| c.get_name());
            let closest = crate::names::suggest(&given, names).map(str::to_owned);
            Wrong::UnknownCommand { given, closest }
        }
        ErrorKind::InvalidValue => Wrong::InvalidValue {
            arg: arg(),
            given: string(e, ContextKind::InvalidValue).unwrap_or_default(),
            possible: strings(e, ContextKind::ValidValue),
            closest: string(e, ContextKind::SuggestedValue),
        },
        ErrorKind::ValueValidation => {
            use std::error::Error as _;
            let date = e.source().and_then(|s| s.downcast_ref::<DateArg>())?;
            Wrong::Refused {
                arg: arg(),
                given: string(e, ContextKind::InvalidValue).unwrap_or_default(),
                reason: date.0.render(lang),
            }
        }
        ErrorKind::MissingRequiredArgument => Wrong::Missing {
            args: strings(e, ContextKind::InvalidArg),
        },
        ErrorKind::ArgumentConflict => Wrong::Conflict {
            arg: arg(),
            other: string(e, ContextKind::PriorArg).unwrap_or_default(),
        },
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => Wrong::TooMany { arg: arg() },
        ErrorKind::NoEquals | ErrorKind::TooFewValues => Wrong::NoValue { arg: arg() },
        _ => return None,
    })
}
