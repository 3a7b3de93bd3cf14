//! The loader in English: what is wrong with the input files, and the notes about them.

use super::English;
use crate::error::MisuseWords;
use crate::error::{LoadError, Location, Note};
use crate::i18n::Language;
use crate::load::TableKind;
use crate::load::message::{
    CellProblem, Encoding, Expected, JsonProblem, ListOf, Message, NoteMessage, PathKind, Quantity,
    Thing, Vocabulary, Words,
};

/// `"x"`.
fn q(text: &str) -> String {
    format!("\"{text}\"")
}

/// ` (did you mean "x"?)`, or nothing.
fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default()
}

/// "a, b or c".
fn or(items: &[String]) -> String {
    crate::i18n::joined(items, "or")
}

/// Items quoted and joined: `"A", "B"`.
fn quoted(items: &[String]) -> Vec<String> {
    items.iter().map(|i| q(i)).collect()
}

/// "a territory folder (domains.csv, objectives.csv, actors.csv, links.csv), a JSON file
/// or a workbook (.xlsx, .ods)".
fn territory() -> String {
    let files: Vec<String> = TableKind::all()
        .filter(|k| k.required())
        .map(|k| format!("{}.csv", k.file_stems()[0]))
        .collect();
    format!(
        "a territory folder ({}), a JSON file or a workbook (.xlsx, .ods)",
        files.join(", ")
    )
}

fn path_kind(kind: &PathKind) -> String {
    match kind {
        PathKind::CannotBeRead(e) => format!("cannot be read ({e})"),
        PathKind::Missing => "no such file".to_owned(),
        PathKind::Folder => "is a folder".to_owned(),
        PathKind::Fifo => "is not a regular file: a named pipe (FIFO)".to_owned(),
        PathKind::CharDevice => "is not a regular file: a character device".to_owned(),
        PathKind::BlockDevice => "is not a regular file: a block device".to_owned(),
        PathKind::Socket => "is not a regular file: a socket".to_owned(),
        PathKind::NotRegular => "is not a regular file".to_owned(),
    }
}

fn json_problem(problem: &JsonProblem) -> String {
    match problem {
        JsonProblem::UnclosedText => "a text is missing its closing quote: every text is written between two double quotes (\"Pays du Calaisis\")".to_owned(),
        JsonProblem::TypographicQuotes => "typographic quotes are not JSON quotes: type straight double quotes (\"), as in \"Pays du Calaisis\"".to_owned(),
        JsonProblem::SpacedNumber { file, number, typed } => {
            format!("numbers are written without spaces in {file}: {number}, not {typed}")
        }
        JsonProblem::DecimalComma { whole, decimals } => format!(
            "decimal numbers take a point in JSON: {whole}.{decimals}, not {whole},{decimals}"
        ),
        JsonProblem::MissingComma => "a comma is missing here, between two items".to_owned(),
        JsonProblem::TrailingComma => {
            "a comma after the last item of a list or a group; remove it".to_owned()
        }
        JsonProblem::SingleQuotes => {
            "texts are written between double quotes (\"x\"), not single ones".to_owned()
        }
        JsonProblem::Comments => "JSON has no comments; remove the // or /* */ text".to_owned(),
        JsonProblem::UnquotedKey => "a key is written between double quotes: \"name\": ...".to_owned(),
        JsonProblem::UnclosedObject => "this { is never closed with a }".to_owned(),
        JsonProblem::UnclosedArray => "this [ is never closed with a ]".to_owned(),
        JsonProblem::ExtraClose => "a } or ] too many, or in the wrong place: each { closes with a } and each [ with a ]".to_owned(),
        JsonProblem::ExtraComma => "a comma too many".to_owned(),
        JsonProblem::Parser(words) => words.clone(),
    }
}

fn expected(what: Expected) -> &'static str {
    match what {
        Expected::ActorName => "the actor's name",
        Expected::ActorReference => "an actor's id, name or alias",
        Expected::BodyName => "the body's name",
        Expected::DomainId => "a domain id such as DC1",
        Expected::DomainName => "the domain's name",
        Expected::ObjectiveId => "an objective id",
        Expected::NewObjectiveId => "an objective id such as regal",
        Expected::ObjectiveDomain => "the id of the objective's domain",
        Expected::ObjectiveTitle => "the objective's title",
        Expected::ObjectiveOrDomain => "an objective id or a domain id",
        Expected::ActionTitle => "the action's title",
        Expected::Role => "a role such as chef de file, financeur, cible",
        Expected::MeasurementDate => "a date such as 2022-06-30 or 30/06/2022",
        Expected::MeasurementValue => "the value reached on that date",
    }
}

fn thing(thing: Thing) -> &'static str {
    match thing {
        Thing::Actor => "actor",
        Thing::Objective => "objective",
        Thing::Domain => "domain",
        Thing::Action => "action",
        Thing::Body => "body",
    }
}

/// Where links or groups use a name: "links.csv:4", "links.csv:4 and 2 more".
fn used(used: &[Location]) -> String {
    match used {
        [] => String::new(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
    }
}

impl Words for English {
    fn load_message(&self, message: &Message) -> String {
        use Message as M;
        match message {
            M::NoSuchPath => format!("no such folder or file; expected {}", territory()),
            M::NotATerritory(kind) => format!("{}; expected {}", path_kind(kind), territory()),
            M::NotAFile(kind) => format!("{}; expected a regular file", path_kind(kind)),
            M::CannotRead { error } => format!("cannot read: {}", self.os_error(error)),
            M::TooLarge { mib } => format!("larger than {mib} MiB; expected a territory's table"),
            M::SettingsTwice { first, second } => {
                format!("the settings are given twice ({first} and {second}); keep one")
            }
            M::SeveralWorkbooks { books } => {
                format!("several workbooks ({}); keep one", books.join(", "))
            }
            M::MissingSheet { table, beside } => {
                let stems = table.file_stems();
                let csv = if *beside {
                    format!(" (or {}.csv beside the workbook)", stems[0])
                } else {
                    String::new()
                };
                format!(
                    "missing sheet; expected a sheet named {}{csv}",
                    stems.join(" or ")
                )
            }
            M::MissingFile { table, folder } => {
                let files: Vec<String> =
                    table.file_stems().iter().map(|s| format!("{s}.csv")).collect();
                format!(
                    "missing file; expected {} in {folder} (a header line is enough for an empty table)",
                    files.join(" or ")
                )
            }
            M::TableTwice { table, files } => format!(
                "the {} table is given more than once ({}); keep one",
                table.name(),
                files.join(", ")
            ),
            M::TableTwiceInFile {
                key,
                table,
                first_line,
            } => format!(
                "\"{key}\": the {} table is given a second time (first at line {first_line}); keep one",
                table.name()
            ),
            M::TableTwiceInBook { table, book } => format!(
                "the {} table is given more than once in {book}; keep one sheet for it",
                table.name()
            ),
            M::Unreadable(encoding) => {
                let what = match encoding {
                    Encoding::InvalidAfterMark(name) => {
                        format!("the file starts with a {name} mark but is not valid {name}")
                    }
                    Encoding::NulByte => {
                        "a NUL byte: binary data, or UTF-16 without a byte-order mark".to_owned()
                    }
                    Encoding::NeitherUtf8NorWindows1252 => {
                        "neither UTF-8 nor Windows-1252 text".to_owned()
                    }
                };
                format!(
                    "unreadable encoding: {what}; expected UTF-8, UTF-16 with a byte-order mark or Windows-1252 text (save as CSV UTF-8 or CSV with ';')"
                )
            }
            M::BadUtf8 { byte, after } => {
                let after = after
                    .as_ref()
                    .map(|a| format!(" after \"{a}\""))
                    .unwrap_or_default();
                format!(
                    "unreadable encoding: byte 0x{byte:02X}{after} is not UTF-8, but the rest of the file is; retype that character, or save the file again as UTF-8 (Excel: \"CSV UTF-8\")"
                )
            }
            M::EmptyCsv => "empty file; expected a header line naming the columns".to_owned(),
            M::EmptySheet => "empty sheet; expected a header row naming the columns".to_owned(),
            M::TooManyCells { cells, columns } => format!(
                "{cells} cells but the header has {columns} columns (a cell holding the delimiter must be in double quotes)"
            ),
            M::UnclosedQuote => "quote opened here is never closed".to_owned(),
            M::UnreadableWorkbook { error } => format!("unreadable workbook: {error}"),
            M::UnreadableSheet { error } => format!("unreadable sheet: {error}"),
            M::SettingsSheet => "territory settings are not read from a sheet; put them in territory.json beside the workbook (or start the sheet's name with # to keep it as a note)".to_owned(),
            M::UnknownSheet { sheet, expected } => format!(
                "unknown sheet \"{sheet}\"; expected {expected} (start a sheet's name with # to keep it as a note)"
            ),
            M::Cell { cell, problem } => {
                let problem = match problem {
                    CellProblem::Error(e) => format!(
                        "holds the error {e}; expected a value (fix the formula or type the value)"
                    ),
                    CellProblem::BeyondColumns => "is right of the last named column; name its column in the header row (or start the name with # to keep it as a comment)".to_owned(),
                };
                format!("cell {cell} {problem}")
            }
            M::SameColumn {
                first,
                second,
                field,
            } => format!("columns \"{first}\" and \"{second}\" both mean {field}; keep one"),
            M::UnknownColumn {
                column,
                table,
                suggestion,
                expected,
            } => format!(
                "unknown column \"{column}\" in the {} table{}; expected {expected} (start a column's name with # to keep it as a comment)",
                table.name(),
                did_you_mean(suggestion)
            ),
            M::MissingColumn {
                column,
                table,
                accepted,
            } => format!(
                "missing column \"{column}\" in the {} table (also accepted: {})",
                table.name(),
                accepted.join(", ")
            ),
            M::Headerless {
                table,
                first,
                expected,
            } => {
                let holds = first
                    .as_ref()
                    .map(|(line, text)| format!(" (line {line} holds \"{text}\")"))
                    .unwrap_or_default();
                format!(
                    "no line reads as the header of the {} table{holds}; expected a line naming its columns: {expected}",
                    table.name()
                )
            }
            M::JsonSyntax { column, problem } => {
                format!("invalid JSON (column {column}): {}", json_problem(problem))
            }
            M::NotJsonObject => "expected a JSON object at the top of the file".to_owned(),
            M::EmptyJson => "empty file; expected a JSON object".to_owned(),
            M::Key { key, then } => format!("\"{key}\": {}", self.load_message(then)),
            M::WholeInhabitants => "expected a whole number of inhabitants".to_owned(),
            M::ExpectedLang { found } => format!("expected \"fr\" or \"en\", found \"{found}\""),
            M::UnknownKey { key } => format!(
                "unknown key \"{key}\"; expected name, population, programme, lang, perimeter, rules, {}",
                crate::load::tables::json_keys()
            ),
            M::ExpectedString => "expected a string".to_owned(),
            M::ExpectedNumber => "expected a number".to_owned(),
            M::ExpectedShare => {
                "expected a share between 0 and 1 (0.6) or a percentage (\"60 %\")".to_owned()
            }
            M::ExpectedObject => "expected an object".to_owned(),
            M::UnknownProgrammeKey { key } => format!(
                "unknown programme key \"{key}\"; expected name, start, end, flat_aid, bonus_per_inhabitant, min_ratio or priority_ratio"
            ),
            M::ProgrammeEndsBeforeStart { start, end } => format!(
                "programme ends ({}) before it starts ({})",
                self.date(*end),
                self.date(*start)
            ),
            M::ExpectedPerimeter => "expected a list of the member territories' names or ids, e.g. [\"GCT&M\", \"CCRA\", \"CCPO\"]".to_owned(),
            M::ExpectedRules => "expected an object mapping rule names to settings".to_owned(),
            M::ExpectedArray => "expected an array of objects".to_owned(),
            M::ExpectedRowObject => "expected an object for each row".to_owned(),
            M::ExpectedCell => {
                "expected a string, a number, a boolean or a list of strings".to_owned()
            }
            M::NotANumber { text } => {
                format!("\"{text}\" is not a number (expected e.g. 1500, 1 500 or 1500,5)")
            }
            M::NotYesNo { text } => format!(
                "\"{text}\" is not a yes/no value (expected oui/non, yes/no, x, 1/0, vrai/faux)"
            ),
            M::UnknownWord {
                vocabulary,
                text,
                suggestion,
            } => {
                let (word, tail) = match vocabulary {
                    Vocabulary::Role => ("role", "singular or plural"),
                    Vocabulary::Means => ("means", "singular or plural"),
                    Vocabulary::Status => ("status", "empty is planned"),
                };
                format!(
                    "unknown {word} \"{text}\"{}; expected one of: {} ({tail})",
                    did_you_mean(suggestion),
                    vocabulary.listed(crate::i18n::Lang::En)
                )
            }
            M::NotAnAmount { text } => format!(
                "\"{text}\" is not an amount (expected euros, e.g. 15000, 15 000 or 15 000 €)"
            ),
            M::Negative { text, quantity } => {
                let what = match quantity {
                    Quantity::Amount => "an amount",
                    Quantity::Target => "a target",
                    Quantity::Value => "a value",
                };
                format!("\"{text}\" is negative; expected {what} of 0 or more")
            }
            M::NotAProgressValue { text } => format!(
                "\"{text}\" is not a progress value (expected 1 for done, 0 for not done, a fraction such as 0,5 or 50 %, or fait/non)"
            ),
            M::YearOutOfRange { text, year } => {
                let years = crate::load::values::YEARS;
                format!(
                    "\"{text}\" is in the year {year}; expected a date between {} and {}",
                    years.start(),
                    years.end()
                )
            }
            M::NotADate { text } => {
                format!("\"{text}\" is not a date (expected 2023-12-31 or 31/12/2023)")
            }
            M::Empty { key, expected: e } => format!("empty {key}; expected {}", expected(*e)),
            M::DuplicateId {
                thing: t,
                id,
                derived,
                first,
            } => {
                let hint = match (derived, t.titled()) {
                    (false, _) => "",
                    (true, false) => " (derived from the name; give one of them an id)",
                    (true, true) => " (derived from the title; give one of them an id)",
                };
                format!(
                    "duplicate {} id \"{id}\"{hint} (first defined at {first})",
                    thing(*t)
                )
            }
            M::NoId { thing: t, name } => {
                let from = if t.titled() { "title" } else { "name" };
                format!(
                    "cannot derive an id from the {from} \"{name}\"; give the {} an id",
                    thing(*t)
                )
            }
            M::SameName {
                name,
                first,
                first_at,
                used: uses,
            } => {
                let uses = if uses.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", so the links that name it cannot tell them apart ({})",
                        used(uses)
                    )
                };
                format!(
                    "\"{name}\" is the same name as \"{first}\" ({first_at}) once case and accents are ignored{uses}: merge the rows (keeping one spelling as an alias) or rename one"
                )
            }
            M::UnknownActor { name, suggestion } => {
                format!("unknown actor \"{name}\"{}", did_you_mean(suggestion))
            }
            M::AmbiguousActor {
                name,
                others,
                used: uses,
            } => {
                let named: Vec<String> = others
                    .iter()
                    .map(|(n, at)| format!("\"{n}\" ({at})"))
                    .collect();
                format!(
                    "\"{name}\" names both this actor and {} (as a name, id or alias), so the links that use it cannot tell them apart ({}): keep it for one of them, or name the actor by its id there",
                    named.join(" and "),
                    used(uses)
                )
            }
            M::MemberOfItself { name } => format!("actor \"{name}\" lists itself as a member"),
            M::GroupCycle { names } => {
                format!("groups {} contain each other", quoted(names).join(", "))
            }
            M::UnknownDomain { domain, suggestion } => format!(
                "unknown domain \"{domain}\"{}; expected an id from the domains table",
                did_you_mean(suggestion)
            ),
            M::ObjectiveIsDomain { id, at } => format!(
                "objective id \"{id}\" is also a domain id (at {at}); links could not tell them apart"
            ),
            M::UnknownObjective { id, suggestion } => format!(
                "unknown objective \"{id}\"{}; expected an id from the objectives table",
                did_you_mean(suggestion)
            ),
            M::UnknownObjectiveOrDomain { id, suggestion } => format!(
                "unknown objective or domain \"{id}\"{}",
                did_you_mean(suggestion)
            ),
            M::Unpaired { roles, means } => format!(
                "{roles} roles and {means} means on one row: they cannot be paired; write one row per role, with its means"
            ),
            M::SecondValue {
                objective,
                date,
                first,
            } => format!(
                "a second value for objective \"{objective}\" on {} (first given at {first}); keep one",
                self.date(*date)
            ),
            M::ActionEndsBeforeStart { start, end } => format!(
                "the action ends ({}) before it starts ({})",
                self.date(*end),
                self.date(*start)
            ),
            M::RelatedToItself { id } => format!("domain \"{id}\" names itself as related"),
            M::UnknownRelated { id, suggestion } => format!(
                "unknown related domain \"{id}\"{}",
                did_you_mean(suggestion)
            ),
            M::ReportsToItself { name } => format!("body \"{name}\" reports to itself"),
            M::UnknownBody { name, suggestion } => format!(
                "unknown body \"{name}\"{}; expected the id or name of a body of this table",
                did_you_mean(suggestion)
            ),
            M::SeveralBodies { name, bodies } => {
                let named: Vec<String> = bodies
                    .iter()
                    .map(|(id, at)| format!("\"{id}\" ({at})"))
                    .collect();
                format!(
                    "\"{name}\" names several bodies ({}); name the parent by its id",
                    named.join(", ")
                )
            }
            M::BodyCycle { names } => {
                format!("bodies {} report to each other", quoted(names).join(", "))
            }
            M::EveryMemberWithoutPerimeter { text } => format!(
                "\"{text}\" means every member territory, but the territory has no perimeter; list them in territory.json (\"perimeter\": [\"GCT&M\", \"CCRA\", \"CCPO\"])"
            ),
            M::NotAMember { name, members } => format!(
                "\"{name}\" is not a member territory of the perimeter ({}); expected one of them, or a group of them",
                members.join(", ")
            ),
            M::UnknownRule { name, suggestion } => format!(
                "rules: unknown rule \"{name}\"{}; `actormap rules` lists them",
                did_you_mean(suggestion)
            ),
            M::Rule { name, then } => format!("rule \"{name}\": {}", self.load_message(then)),
            M::All(messages) => messages
                .iter()
                .map(|m| self.load_message(m))
                .collect::<Vec<_>>()
                .join("; "),
            M::UnknownSeverity { word } => {
                format!("unknown severity \"{word}\"; expected {SEVERITIES}")
            }
            M::ExpectedSeverity => format!("expected a string ({SEVERITIES})"),
            M::UnknownSettingKey { key } => format!(
                "unknown setting \"{key}\"; expected nom, population, périmètre, langue, programme, début, fin, aide forfaitaire, bonus par habitant, seuil, seuil prioritaire or règle NAME (start the key with # to keep the row as a note)"
            ),
            M::SettingAgain { key, first } => {
                format!("\"{key}\" is given a second time (first at row {first}); keep one")
            }
            M::SettingGivenTwice {
                setting,
                before,
                place,
            } => format!("the setting {setting} is given twice ({before} and {place}); keep one"),
            M::RuleTwice {
                rule,
                before,
                place,
            } => format!("the rule \"{rule}\" is set twice ({before} and {place}); keep one"),
            M::RuleSettingAgain { rule, key } => {
                format!("rule \"{rule}\": \"{key}\" is given a second time")
            }
            M::UnknownSetting { key, expected } => {
                let keys: Vec<String> = expected.iter().map(|k| (*k).to_owned()).collect();
                format!("unknown setting \"{key}\"; expected {}", or(&keys))
            }
            M::ExpectedSeverityOrObject { example } => {
                format!("expected a severity ({SEVERITIES}) or an object such as {example}")
            }
            M::ExpectedList { of, found } => {
                let what = match of {
                    ListOf::Roles => "role names",
                    ListOf::Ids => "objective or domain ids",
                };
                format!("expected a list of {what}, found {found}")
            }
            M::ExpectedCount { found } => {
                format!("expected a whole number (0 or more), found {found}")
            }
        }
    }

    fn note_message(&self, note: &NoteMessage) -> String {
        match note {
            NoteMessage::TitleSkipped {
                header,
                first,
                last,
                text,
            } => {
                let lines = if first == last {
                    format!("line {first}")
                } else {
                    format!("lines {first} to {last}")
                };
                format!(
                    "the header is line {header}; {lines} above it (\"{text}\") skipped as a title"
                )
            }
        }
    }

    fn load_error(&self, error: &LoadError) -> String {
        let column = error
            .column
            .as_ref()
            .map(|c| format!("column {}: ", q(c)))
            .unwrap_or_default();
        format!(
            "{}: {column}{}",
            error.location,
            self.load_message(&error.message)
        )
    }

    fn note(&self, note: &Note) -> String {
        format!("{}: {}", note.location, self.note_message(&note.message))
    }

    fn error_prefix(&self) -> &'static str {
        "error: "
    }

    fn note_prefix(&self) -> &'static str {
        "note: "
    }

    fn more_errors(&self, more: usize, file: &str) -> String {
        format!(
            "... and {} in {file}",
            self.count(more, "more error", "more errors")
        )
    }

    fn load_failed(&self, errors: usize) -> String {
        format!(
            "{} in the input, nothing was done",
            self.count(errors, "error", "errors")
        )
    }

    fn cannot_write(&self, path: &str, error: &str) -> String {
        format!("cannot write {path}: {error}")
    }
}

/// The severity words a rule setting takes.
const SEVERITIES: &str = "error, warning, info or allow";
