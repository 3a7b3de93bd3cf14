//! JSON input: `territory.json` (settings) or one file holding settings and every table.
//! Read through jsonc-parser's syntax tree so each record keeps its line.

use std::collections::BTreeMap;

use jsonc_parser::ast::{Object, ObjectProp, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::error::{LoadError, Location};
use crate::load::TableKind;
use crate::load::lines::Lines;
use crate::load::message::{JsonProblem, Message};
use crate::load::schema::language_of_name;
use crate::load::sources::{Given, Place};
use crate::load::table::{Cell, Row, Table};
use crate::load::values;
use crate::model::{Lang, Programme, RuleSetting};
use crate::names::fold;

/// What `territory.json` says about the territory itself.
#[derive(Debug, Default)]
pub struct Settings {
    pub name: Option<String>,
    pub population: Option<u64>,
    pub programme: Option<Programme>,
    pub rules: BTreeMap<String, RuleSetting>,
    pub lang: Option<Lang>,
    /// Where each setting was given ("name", "programme.start", "perimeter"), to name both
    /// places of a setting given twice (territory.json and a `Paramètres` sheet).
    pub origins: Vec<(String, Location)>,
    /// The member territories (`"perimeter"`), as written, with where the key is.
    pub perimeter: Option<Perimeter>,
    /// The settings file could not be read (its errors are reported): what refers to its
    /// contents, such as a scope "tout" needing the perimeter, is not reported again.
    pub unread: bool,
}

/// The member territories as territory.json lists them: actor ids or names.
#[derive(Debug)]
pub struct Perimeter {
    /// The key as written ("perimeter", "périmètre"), for messages.
    pub key: String,
    pub names: Vec<String>,
    pub at: Location,
}

/// A JSON file's contents: settings, and the tables it holds, if any.
#[derive(Debug, Default)]
pub struct Document {
    pub settings: Settings,
    pub tables: Vec<Given>,
}

struct Reader<'a> {
    file: &'a str,
    lines: Lines,
    errors: Vec<LoadError>,
}

impl Reader<'_> {
    fn at(&self, node: &impl Ranged) -> Location {
        Location::new(self.file, self.lines.of(node.start()))
    }

    fn error(&mut self, node: &impl Ranged, message: Message) {
        let e = LoadError::new(self.at(node), message);
        self.errors.push(e);
    }
}

pub fn read(file: &str, text: &str) -> Result<Document, Vec<LoadError>> {
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        ..ParseOptions::default()
    };
    let parsed = jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options)
        .map_err(|e| vec![syntax_error(file, text, &e)])?;
    let mut reader = Reader {
        file,
        lines: Lines::new(text.as_bytes()),
        errors: Vec::new(),
    };
    let mut doc = Document::default();
    match parsed.value {
        Some(Value::Object(root)) => reader.root(&root, &mut doc),
        Some(other) => reader.error(&other, Message::NotJsonObject),
        None => reader
            .errors
            .push(LoadError::new(Location::file(file), Message::EmptyJson)),
    }
    if reader.errors.is_empty() {
        Ok(doc)
    } else {
        Err(reader.errors)
    }
}

/// A JSON syntax error in words a spreadsheet user knows, at the line and column (counted
/// in characters) where the mistake is, which is not always where the parser stopped: a
/// quote missing at the end of a text is reported on that text's line.
fn syntax_error(file: &str, text: &str, e: &jsonc_parser::errors::ParseError) -> LoadError {
    use jsonc_parser::errors::ParseErrorKind as K;
    let at = e.range().start.min(text.len());
    let before = &text[..at];
    let after = &text[at..];
    let parser_says = || JsonProblem::Parser(format!("{}", e.kind()).to_lowercase());
    let mut place = at;
    let explained = if let Some(opened) = unclosed_text(before) {
        place = opened;
        JsonProblem::UnclosedText
    } else if after.starts_with(['“', '”', '«', '»', '‘', '’']) {
        JsonProblem::TypographicQuotes
    } else {
        const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
        let before_number = before.trim_end_matches(SPACES);
        let after_number = after.trim_start_matches(SPACES);
        let number_before = trailing_number(before_number);
        let spaced = before_number.len() < before.len() || after_number.len() < after.len();
        let digit_after = after.starts_with(|c: char| c.is_ascii_digit());
        match e.kind() {
            K::ExpectedComma
                if spaced
                    && !number_before.is_empty()
                    && after_number.starts_with(|c: char| c.is_ascii_digit()) =>
            {
                let rest: String = after_number
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || SPACES.contains(c))
                    .collect();
                let typed = format!("{number_before} {}", rest.trim_end_matches(SPACES));
                let number: String = typed.chars().filter(char::is_ascii_digit).collect();
                place = before_number.len() - number_before.len();
                JsonProblem::SpacedNumber {
                    file: short_name(file).to_owned(),
                    number,
                    typed,
                }
            }
            K::ExpectedStringObjectProperty | K::UnexpectedToken | K::UnexpectedTokenInObject
                if digit_after
                    && before.ends_with(',')
                    && !trailing_number(&before[..before.len() - 1]).is_empty() =>
            {
                let whole = trailing_number(&before[..before.len() - 1]);
                let decimals: String = after.chars().take_while(char::is_ascii_digit).collect();
                place = at - 1 - whole.len();
                JsonProblem::DecimalComma {
                    whole: whole.to_owned(),
                    decimals,
                }
            }
            K::ExpectedComma => JsonProblem::MissingComma,
            K::TrailingCommasNotAllowed => JsonProblem::TrailingComma,
            K::SingleQuotedStringsNotAllowed => JsonProblem::SingleQuotes,
            K::CommentsNotAllowed => JsonProblem::Comments,
            K::ExpectedStringObjectProperty if after.starts_with(char::is_alphabetic) => {
                JsonProblem::UnquotedKey
            }
            K::UnterminatedObject => JsonProblem::UnclosedObject,
            K::UnterminatedArray => JsonProblem::UnclosedArray,
            K::UnexpectedCloseBrace | K::UnexpectedCloseBracket => JsonProblem::ExtraClose,
            K::UnexpectedComma | K::UnexpectedTokenInObject if after.starts_with(',') => {
                JsonProblem::ExtraComma
            }
            _ => parser_says(),
        }
    };
    let lines = Lines::new(text.as_bytes());
    let line = lines.of(place);
    let line_start = text[..place].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let column = text[line_start..place].chars().count() + 1;
    LoadError::new(
        Location::new(file, line),
        Message::JsonSyntax {
            column,
            problem: explained,
        },
    )
}

/// The file name alone, for a message that already names the file in full before it.
fn short_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

/// The digits (and one dot) that end `text`, as typed: "114" in `"population": 114`.
fn trailing_number(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// Where the last text (string) read before the error starts, when it runs over a line
/// end: its closing quote is missing. `None` when the last text is well closed.
fn unclosed_text(before: &str) -> Option<usize> {
    let mut open: Option<usize> = None;
    let mut last: Option<(usize, usize)> = None;
    let mut escaped = false;
    for (i, c) in before.char_indices() {
        match open {
            Some(start) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    last = Some((start, i));
                    open = None;
                }
            }
            None if c == '"' => open = Some(i),
            None => {}
        }
    }
    if let Some(start) = open {
        return before[start..].contains(['\n', '\r']).then_some(start);
    }
    let (start, end) = last?;
    before[start..end].contains(['\n', '\r']).then_some(start)
}

impl Reader<'_> {
    fn root(&mut self, root: &Object, doc: &mut Document) {
        for prop in &root.properties {
            let key = prop.name.as_str();
            // The schema an editor checks the file against (`actormap schema`): not a setting.
            if key == "$schema" {
                continue;
            }
            let setting = match fold(key).as_str() {
                "name" | "nom" => Some("name"),
                "population" | "habitants" => Some("population"),
                "lang" | "langue" | "language" => Some("lang"),
                "perimeter" | "perimetre" => Some("perimeter"),
                _ => None,
            };
            if let Some(setting) = setting {
                let origin = self.at(prop);
                doc.settings.origins.push((setting.to_owned(), origin));
            }
            match fold(key).as_str() {
                "name" | "nom" => doc.settings.name = self.string(prop),
                "population" | "habitants" => {
                    doc.settings.population = self.number(prop).and_then(|n| {
                        if n >= 0.0 && n.fract() == 0.0 {
                            Some(n as u64)
                        } else {
                            self.error(prop, Message::WholeInhabitants.at_key(key));
                            None
                        }
                    })
                }
                "programme" | "program" | "contrat" => {
                    doc.settings.programme = self.programme(prop, &mut doc.settings.origins)
                }
                "rules" | "regles" => self.rules(prop, &mut doc.settings.rules),
                "perimeter" | "perimetre" => doc.settings.perimeter = self.perimeter(prop),
                "lang" | "langue" | "language" => {
                    doc.settings.lang = self.string(prop).and_then(|word| {
                        let lang = Lang::from_word(&word);
                        if lang.is_none() {
                            let e = Message::ExpectedLang {
                                found: word.clone(),
                            };
                            self.error(prop, e.at_key(key));
                        }
                        lang
                    })
                }
                other => match TableKind::from_name(other) {
                    Some(kind) => {
                        // A table given a second time is reported where the sources are
                        // merged; it is not read.
                        let again = doc.tables.iter().any(|g| g.kind == kind);
                        let table = if again { None } else { self.table(prop, kind) };
                        let place = Place::Key {
                            file: self.file.to_owned(),
                            line: self.lines.of(prop.start()),
                            key: key.to_owned(),
                        };
                        doc.tables.push(Given::new(kind, place, table));
                    }
                    None => self.error(
                        prop,
                        Message::UnknownKey {
                            key: key.to_owned(),
                        },
                    ),
                },
            }
        }
    }

    fn string(&mut self, prop: &ObjectProp) -> Option<String> {
        match &prop.value {
            Value::StringLit(s) => Some(s.value.trim().to_owned()),
            Value::NullKeyword(_) => None,
            other => {
                self.error(other, Message::ExpectedString.at_key(prop.name.as_str()));
                None
            }
        }
    }

    fn number(&mut self, prop: &ObjectProp) -> Option<f64> {
        let text = match &prop.value {
            Value::NumberLit(n) => n.value.to_owned(),
            Value::StringLit(s) => s.value.to_string(),
            Value::NullKeyword(_) => return None,
            other => {
                self.error(other, Message::ExpectedNumber.at_key(prop.name.as_str()));
                return None;
            }
        };
        match values::number(&text) {
            Ok(n) => Some(n),
            Err(e) => {
                self.error(&prop.value, e.at_key(prop.name.as_str()));
                None
            }
        }
    }

    fn ratio(&mut self, prop: &ObjectProp) -> Option<f64> {
        let percent = matches!(&prop.value, Value::StringLit(s) if s.value.contains('%'));
        let n = self.number(prop)?;
        let n = if percent { n / 100.0 } else { n };
        if (0.0..=1.0).contains(&n) {
            Some(n)
        } else {
            let key = prop.name.as_str();
            self.error(&prop.value, Message::ExpectedShare.at_key(key));
            None
        }
    }

    fn date(&mut self, prop: &ObjectProp) -> Option<jiff::civil::Date> {
        let text = self.string(prop)?;
        match values::date(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(&prop.value, e.at_key(prop.name.as_str()));
                None
            }
        }
    }

    fn programme(
        &mut self,
        prop: &ObjectProp,
        origins: &mut Vec<(String, Location)>,
    ) -> Option<Programme> {
        let Value::Object(object) = &prop.value else {
            self.error(&prop.value, Message::ExpectedObject.at_key("programme"));
            return None;
        };
        let mut p = Programme::default();
        for field in &object.properties {
            let key = field.name.as_str();
            let setting = match fold(key).as_str() {
                "name" | "nom" => "programme.name",
                "start" | "debut" => "programme.start",
                "end" | "fin" => "programme.end",
                "flat aid" | "aide forfaitaire" => "programme.flat_aid",
                "bonus per inhabitant" | "bonus par habitant" => "programme.bonus_per_inhabitant",
                "min ratio" | "seuil" => "programme.min_ratio",
                "priority ratio" | "seuil prioritaire" => "programme.priority_ratio",
                _ => "",
            };
            if !setting.is_empty() {
                origins.push((setting.to_owned(), self.at(field)));
            }
            match fold(key).as_str() {
                "name" | "nom" => p.name = self.string(field).unwrap_or_default(),
                "start" | "debut" => p.start = self.date(field),
                "end" | "fin" => p.end = self.date(field),
                "flat aid" | "aide forfaitaire" => p.flat_aid = self.number(field),
                "bonus per inhabitant" | "bonus par habitant" => {
                    p.bonus_per_inhabitant = self.number(field)
                }
                "min ratio" | "seuil" => p.min_ratio = self.ratio(field).unwrap_or(p.min_ratio),
                "priority ratio" | "seuil prioritaire" => {
                    p.priority_ratio = self.ratio(field).unwrap_or(p.priority_ratio)
                }
                _ => self.error(
                    field,
                    Message::UnknownProgrammeKey {
                        key: key.to_owned(),
                    },
                ),
            }
        }
        if let (Some(start), Some(end)) = (p.start, p.end)
            && end < start
        {
            self.error(object, Message::ProgrammeEndsBeforeStart { start, end });
        }
        Some(p)
    }

    /// `"perimeter": ["GCT&M", "CCRA", "CCPO"]`, or one text of names separated by `|`.
    fn perimeter(&mut self, prop: &ObjectProp) -> Option<Perimeter> {
        let key = prop.name.as_str();
        let expected = Message::ExpectedPerimeter.at_key(key);
        let names: Vec<String> = match &prop.value {
            Value::Array(items) => {
                let mut names = Vec::new();
                for item in &items.elements {
                    match item {
                        Value::StringLit(s) => names.push(s.value.trim().to_owned()),
                        other => {
                            self.error(other, expected.clone());
                            return None;
                        }
                    }
                }
                names
            }
            Value::StringLit(s) => s.value.split('|').map(|n| n.trim().to_owned()).collect(),
            Value::NullKeyword(_) => return None,
            other => {
                self.error(other, expected);
                return None;
            }
        };
        let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
        Some(Perimeter {
            key: key.to_owned(),
            names,
            at: self.at(prop),
        })
    }

    fn rules(&mut self, prop: &ObjectProp, rules: &mut BTreeMap<String, RuleSetting>) {
        let Value::Object(object) = &prop.value else {
            self.error(&prop.value, Message::ExpectedRules.at_key("rules"));
            return;
        };
        for rule in &object.properties {
            let origin = self.at(rule);
            rules.insert(
                rule.name.as_str().to_owned(),
                RuleSetting {
                    value: rule.value.clone().into(),
                    origin,
                },
            );
        }
    }

    /// An array of flat objects, read as a table whose columns are the keys met, in order.
    fn table(&mut self, prop: &ObjectProp, kind: TableKind) -> Option<Table> {
        let Value::Array(array) = &prop.value else {
            self.error(
                &prop.value,
                Message::ExpectedArray.at_key(prop.name.as_str()),
            );
            return None;
        };
        let mut columns: Vec<String> = Vec::new();
        let mut rows = Vec::new();
        for element in &array.elements {
            let Value::Object(object) = element else {
                self.error(
                    element,
                    Message::ExpectedRowObject.at_key(prop.name.as_str()),
                );
                continue;
            };
            let mut cells: Vec<Option<Cell>> = vec![None; columns.len()];
            for field in &object.properties {
                let key = field.name.as_str();
                let c = match columns.iter().position(|c| c == key) {
                    Some(c) => c,
                    None => {
                        columns.push(key.to_owned());
                        columns.len() - 1
                    }
                };
                cells.resize(columns.len(), None);
                cells[c] = self.cell(field);
            }
            rows.push(Row::new(self.lines.of(object.start()), cells));
        }
        Some(Table::new(
            self.file,
            self.lines.of(prop.start()),
            columns,
            rows,
            language_of_name(kind, prop.name.as_str()),
        ))
    }

    fn cell(&mut self, field: &ObjectProp) -> Option<Cell> {
        let scalar = |v: &Value| match v {
            Value::StringLit(s) => Some(s.value.to_string()),
            Value::NumberLit(n) => Some(n.value.to_owned()),
            Value::BooleanLit(b) => Some(b.value.to_string()),
            Value::NullKeyword(_) => Some(String::new()),
            Value::Object(_) | Value::Array(_) => None,
        };
        if let Value::Array(items) = &field.value {
            let list: Option<Vec<String>> = items.elements.iter().map(scalar).collect();
            if list.is_some() {
                return list.map(Cell::List);
            }
        } else if let Some(text) = scalar(&field.value) {
            return Some(Cell::Text(text));
        }
        self.error(
            &field.value,
            Message::ExpectedCell.at_key(field.name.as_str()),
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn rows_keep_their_lines() {
        let text = "{\n  \"actors\": [\n    {\"name\": \"ADEME\"},\n\n    {\"name\": \"SEVADEC\", \"aliases\": [\"S\"]}\n  ]\n}\n";
        let doc = read("t.json", text).unwrap();
        let given = &doc.tables[0];
        assert_eq!(given.kind, TableKind::ACTORS);
        let table = given.table.as_ref().unwrap();
        assert_eq!(table.rows[0].line, 3);
        assert_eq!(table.rows[1].line, 5);
        assert_eq!(table.columns, ["name", "aliases"]);
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let e = read("t.json", "{\n  \"name\": \"x\",\n  oops\n}").unwrap_err();
        assert_eq!(e[0].location, Location::new("t.json", 3));
        assert!(
            e[0].message.render(Lang::En).starts_with("invalid JSON"),
            "{:?}",
            e[0]
        );
    }

    /// The error of a text, as printed.
    fn syntax(text: &str) -> String {
        let e = read("a/territoire.json", text).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        e[0].render(Lang::En)
    }

    #[test]
    fn syntax_errors_explain_themselves() {
        assert_eq!(
            syntax("{\n  \"population\": 114 000\n}"),
            "a/territoire.json:2: invalid JSON (column 17): numbers are written without spaces in territoire.json: 114000, not 114 000"
        );
        assert_eq!(
            syntax(
                "{\n  \"programme\": {\"flat_aid\": 270\u{a0}000, \"start\": \"2021-01-01\"}\n}"
            ),
            "a/territoire.json:2: invalid JSON (column 29): numbers are written without spaces in territoire.json: 270000, not 270 000"
        );
        assert_eq!(
            syntax("{\n  \"programme\": {\"min_ratio\": 0,6}\n}"),
            "a/territoire.json:2: invalid JSON (column 30): decimal numbers take a point in JSON: 0.6, not 0,6"
        );
        assert_eq!(
            syntax("{\n  \"population\": 152371,\n}"),
            "a/territoire.json:2: invalid JSON (column 23): a comma after the last item of a list or a group; remove it"
        );
        assert_eq!(
            syntax("{\n  \"name\": \"Pays du Calaisis,\n  \"population\": 1\n}"),
            "a/territoire.json:2: invalid JSON (column 11): a text is missing its closing quote: every text is written between two double quotes (\"Pays du Calaisis\")"
        );
        assert_eq!(
            syntax("{\n  \"name\": \"Calaisis\"\n  \"population\": 1\n}"),
            "a/territoire.json:2: invalid JSON (column 21): a comma is missing here, between two items"
        );
        assert_eq!(
            syntax("{\n  \"name\": “Calaisis”\n}"),
            "a/territoire.json:2: invalid JSON (column 11): typographic quotes are not JSON quotes: type straight double quotes (\"), as in \"Pays du Calaisis\""
        );
        assert_eq!(
            syntax("{\n  name: \"x\"\n}"),
            "a/territoire.json:2: invalid JSON (column 3): a key is written between double quotes: \"name\": ..."
        );
        assert!(syntax("{\n  \"name\": \"x\" // note\n}").contains("JSON has no comments"));
        assert!(syntax("{\n  'name': 'x'\n}").contains("double quotes (\"x\"), not single ones"));
        assert!(
            syntax("{\n  \"name\": \"x\"")
                .contains("a/territoire.json:1: invalid JSON (column 1): this { is never closed")
        );
    }

    #[test]
    fn programme_values_are_checked() {
        let e = read(
            "t.json",
            "{\"programme\": {\"start\": \"2021-13-01\", \"min_ratio\": 60}}",
        )
        .unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
    }
}
