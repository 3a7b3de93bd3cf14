//! The settings of a territory given in a workbook's `Paramètres` sheet (one setting per row:
//! `clé`, `valeur`), read as `territory.json` reads them, and the one place where settings
//! given in two places (territory.json beside a workbook with its own sheet) are merged: the
//! same setting given twice is one error naming both places.

use calamine::Data;

use crate::error::{LoadError, Location};
use crate::load::json::{Perimeter, Settings};
use crate::load::message::Message;
use crate::load::values;
use crate::model::{Lang, Programme, RuleSetting};
use crate::names::fold;

/// The names (folded) a settings sheet goes by.
pub const SHEET_NAMES: [&str; 6] = [
    "parametres",
    "parameters",
    "settings",
    "reglages",
    "territoire",
    "territory",
];

/// The header of the key column and of the value column (folded).
const KEY_HEADERS: [&str; 5] = ["cle", "key", "parametre", "setting", "reglage"];
const VALUE_HEADERS: [&str; 2] = ["valeur", "value"];

/// What a key of the sheet sets, as territory.json names it (also how both places of a
/// setting given twice are matched).
fn setting_of(key: &str) -> Option<&'static str> {
    Some(match fold(key).as_str() {
        "nom" | "name" | "nom du territoire" | "territoire" => "name",
        "population" | "habitants" => "population",
        "langue" | "lang" | "language" => "lang",
        "perimetre" | "perimeter" => "perimeter",
        "programme" | "program" | "contrat" | "nom du programme" => "programme.name",
        "debut" | "start" | "debut du programme" => "programme.start",
        "fin" | "end" | "fin du programme" => "programme.end",
        "aide forfaitaire" | "flat aid" => "programme.flat_aid",
        "bonus par habitant" | "bonus per inhabitant" => "programme.bonus_per_inhabitant",
        "seuil" | "min ratio" => "programme.min_ratio",
        "seuil prioritaire" | "priority ratio" => "programme.priority_ratio",
        _ => return None,
    })
}

/// A rule's row: `règle no-relay` (its severity) or `règle overloaded-lead max` (a setting).
fn rule_of(key: &str) -> Option<(String, Option<String>)> {
    let mut words = key.split_whitespace();
    let first = words.next()?;
    if !matches!(fold(first).as_str(), "regle" | "rule" | "rules" | "regles") {
        return None;
    }
    let name = words.next()?.to_owned();
    let param = words.next().map(str::to_owned);
    match words.next() {
        None => Some((name, param)),
        Some(_) => None,
    }
}

/// The settings of one sheet (`file` is `book.xlsx[Paramètres]`), and their errors.
pub fn read(file: &str, range: &calamine::Range<Data>) -> (Settings, Vec<LoadError>) {
    let mut reader = Reader {
        file,
        settings: Settings::default(),
        errors: Vec::new(),
    };
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let rows: Vec<(usize, &[Data])> = range
        .rows()
        .enumerate()
        .map(|(i, cells)| (first_row + i + 1, cells))
        .collect();
    let is_header = |cells: &[Data]| {
        let texts: Vec<String> = cells.iter().map(|c| fold(&c.to_string())).collect();
        texts.iter().any(|t| KEY_HEADERS.contains(&t.as_str()))
            && texts.iter().any(|t| VALUE_HEADERS.contains(&t.as_str()))
    };
    // A header row (clé, valeur) is optional: without one, the keys are in the first
    // column and the values in the second, from the first row.
    let (key_column, value_column, first) = match rows.iter().position(|(_, c)| is_header(c)) {
        Some(header) => {
            let columns: Vec<String> = rows[header]
                .1
                .iter()
                .map(|c| fold(&c.to_string()))
                .collect();
            let key = columns
                .iter()
                .position(|t| KEY_HEADERS.contains(&t.as_str()));
            let value = columns
                .iter()
                .position(|t| VALUE_HEADERS.contains(&t.as_str()));
            (key.unwrap_or(0), value.unwrap_or(1), header + 1)
        }
        None => (0, 1, 0),
    };
    let mut programme: Option<Programme> = None;
    for (line, cells) in &rows[first..] {
        let key = cells
            .get(key_column)
            .map(Data::to_string)
            .unwrap_or_default();
        let key = key.trim();
        let value = cells.get(value_column).unwrap_or(&Data::Empty);
        if key.is_empty() || key.starts_with('#') {
            continue;
        }
        reader.row(*line, key, value, &mut programme);
    }
    reader.settings.programme = programme;
    (reader.settings, reader.errors)
}

struct Reader<'a> {
    file: &'a str,
    settings: Settings,
    errors: Vec<LoadError>,
}

impl Reader<'_> {
    fn error(&mut self, line: usize, message: Message) {
        let e = LoadError::new(Location::new(self.file, line), message).in_column("valeur");
        self.errors.push(e);
    }

    /// One row: a known key with its value (an empty value sets nothing).
    fn row(&mut self, line: usize, key: &str, value: &Data, programme: &mut Option<Programme>) {
        let text = match value {
            Data::Empty => return,
            Data::Error(e) => {
                let problem = crate::load::message::CellProblem::Error(e.to_string());
                let cell = Message::Cell {
                    cell: format!("B{line}"),
                    problem,
                };
                let message = Message::Key {
                    key: key.to_owned(),
                    then: Box::new(cell),
                };
                return self.error(line, message);
            }
            Data::DateTime(d) if !d.is_duration() => {
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                format!("{y:04}-{m:02}-{day:02}")
            }
            other => other.to_string(),
        };
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if let Some((rule, param)) = rule_of(key) {
            return self.rule(line, rule, param, value, text);
        }
        let Some(setting) = setting_of(key) else {
            return self.errors.push(
                LoadError::new(
                    Location::new(self.file, line),
                    Message::UnknownSettingKey {
                        key: key.to_owned(),
                    },
                )
                .in_column("clé"),
            );
        };
        if let Some((_, first)) = self.settings.origins.iter().find(|(s, _)| s == setting) {
            let message = Message::SettingAgain {
                key: key.to_owned(),
                first: first.line,
            };
            return self.error(line, message);
        }
        self.settings
            .origins
            .push((setting.to_owned(), Location::new(self.file, line)));
        let at_key = |then: Message| Message::Key {
            key: key.to_owned(),
            then: Box::new(then),
        };
        let number = |text: &str| values::number(text).map_err(at_key);
        let result: Result<(), Message> = (|| {
            match setting {
                "name" => self.settings.name = Some(text.to_owned()),
                "population" => {
                    let n = number(text)?;
                    if n < 0.0 || n.fract() != 0.0 {
                        return Err(at_key(Message::WholeInhabitants));
                    }
                    self.settings.population = Some(n as u64);
                }
                "perimeter" => {
                    let names: Vec<String> = text
                        .split([',', ';', '|'])
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                        .map(str::to_owned)
                        .collect();
                    self.settings.perimeter = Some(Perimeter {
                        key: key.to_owned(),
                        names,
                        at: Location::new(self.file, line),
                    });
                }
                "lang" => {
                    let lang = Lang::from_word(text).ok_or_else(|| {
                        at_key(Message::ExpectedLang {
                            found: text.to_owned(),
                        })
                    })?;
                    self.settings.lang = Some(lang);
                }
                _ => {
                    let p = programme.get_or_insert_with(Programme::default);
                    let date = |text: &str| values::date(text).map_err(at_key);
                    match setting {
                        "programme.name" => p.name = text.to_owned(),
                        "programme.start" => p.start = Some(date(text)?),
                        "programme.end" => p.end = Some(date(text)?),
                        "programme.flat_aid" => p.flat_aid = Some(number(text)?),
                        "programme.bonus_per_inhabitant" => {
                            p.bonus_per_inhabitant = Some(number(text)?)
                        }
                        "programme.min_ratio" => p.min_ratio = ratio(key, text)?,
                        _ => p.priority_ratio = ratio(key, text)?,
                    }
                }
            }
            Ok(())
        })();
        if let Err(message) = result {
            self.error(line, message);
        }
    }

    /// A rule's row: its severity (`règle no-relay` | `error`) or one of its settings
    /// (`règle overloaded-lead max` | `2`), gathered as territory.json's `"rules"` holds them.
    fn rule(&mut self, line: usize, rule: String, param: Option<String>, value: &Data, text: &str) {
        let origin = Location::new(self.file, line);
        let value = match value {
            Data::Int(i) => serde_json::Value::from(*i),
            Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 1e15 => {
                serde_json::Value::from(*f as u64)
            }
            Data::Float(f) => serde_json::Value::from(*f),
            // A list (roles, objectives), as territory.json writes it: "financeur, cible".
            _ if text.contains([',', ';', '|']) => text
                .split([',', ';', '|'])
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(serde_json::Value::from)
                .collect(),
            _ => serde_json::Value::from(text),
        };
        if !self.settings.rules.contains_key(&rule) {
            let empty = serde_json::Value::Object(serde_json::Map::new());
            let entry = RuleSetting {
                value: empty,
                origin,
            };
            self.settings.rules.insert(rule.clone(), entry);
        }
        let Some(entry) = self.settings.rules.get_mut(&rule) else {
            return;
        };
        let key = param.unwrap_or_else(|| "severity".to_owned());
        // A rule set by its severity alone is a string, as territory.json writes it.
        let mut fields = match std::mem::take(&mut entry.value) {
            serde_json::Value::Object(fields) if fields.is_empty() && key == "severity" => {
                entry.value = value;
                return;
            }
            serde_json::Value::Object(fields) => fields,
            serde_json::Value::String(severity) => {
                let mut fields = serde_json::Map::new();
                fields.insert("severity".to_owned(), severity.into());
                fields
            }
            _ => serde_json::Map::new(),
        };
        let twice = fields.insert(key.clone(), value).is_some();
        entry.value = serde_json::Value::Object(fields);
        if twice {
            self.error(line, Message::RuleSettingAgain { rule, key });
        }
    }
}

/// A share: 0.6, "60 %" or a cell formatted as a percentage (read as 0.6).
fn ratio(key: &str, text: &str) -> Result<f64, Message> {
    let at_key = |then: Message| Message::Key {
        key: key.to_owned(),
        then: Box::new(then),
    };
    let n = values::number(text).map_err(at_key)?;
    let n = if text.contains('%') { n / 100.0 } else { n };
    if (0.0..=1.0).contains(&n) {
        Ok(n)
    } else {
        Err(at_key(Message::ExpectedShare))
    }
}

/// Settings given in two places (territory.json, then a workbook's sheet): each setting from
/// the first place that gives it; one error for each setting both give, naming both places.
pub fn merge(mut first: Settings, second: Settings) -> (Settings, Vec<LoadError>) {
    let mut errors = Vec::new();
    let first_origins = first.origins.clone();
    let second_origins = second.origins;
    for (setting, place) in &second_origins {
        match first_origins.iter().find(|(s, _)| s == setting) {
            Some((_, before)) => errors.push(LoadError::new(
                place.clone(),
                Message::SettingGivenTwice {
                    setting: shown(setting),
                    before: before.to_string(),
                    place: place.to_string(),
                },
            )),
            None => first.origins.push((setting.clone(), place.clone())),
        }
    }
    let given = |setting: &str| second_origins.iter().any(|(s, _)| s == setting);
    let taken = |setting: &str| given(setting) && !first_origins.iter().any(|(s, _)| s == setting);
    if taken("name") {
        first.name = second.name;
    }
    if taken("population") {
        first.population = second.population;
    }
    if taken("lang") {
        first.lang = second.lang;
    }
    if taken("perimeter") {
        first.perimeter = second.perimeter;
    }
    if let Some(theirs) = second.programme {
        let ours = first.programme.get_or_insert_with(Programme::default);
        if taken("programme.name") {
            ours.name = theirs.name;
        }
        if taken("programme.start") {
            ours.start = theirs.start;
        }
        if taken("programme.end") {
            ours.end = theirs.end;
        }
        if taken("programme.flat_aid") {
            ours.flat_aid = theirs.flat_aid;
        }
        if taken("programme.bonus_per_inhabitant") {
            ours.bonus_per_inhabitant = theirs.bonus_per_inhabitant;
        }
        if taken("programme.min_ratio") {
            ours.min_ratio = theirs.min_ratio;
        }
        if taken("programme.priority_ratio") {
            ours.priority_ratio = theirs.priority_ratio;
        }
    }
    for (rule, setting) in second.rules {
        match first.rules.get(&rule) {
            Some(before) => errors.push(LoadError::new(
                setting.origin.clone(),
                Message::RuleTwice {
                    rule: rule.clone(),
                    before: before.origin.to_string(),
                    place: setting.origin.to_string(),
                },
            )),
            None => {
                first.rules.insert(rule, setting);
            }
        }
    }
    (first, errors)
}

/// A setting as a user wrote it: "name" (nom), "programme.start" (début).
fn shown(setting: &str) -> String {
    let french = match setting {
        "name" => "nom",
        "lang" => "langue",
        "perimeter" => "périmètre",
        "programme.name" => "programme",
        "programme.start" => "début",
        "programme.end" => "fin",
        "programme.flat_aid" => "aide forfaitaire",
        "programme.bonus_per_inhabitant" => "bonus par habitant",
        "programme.min_ratio" => "seuil",
        "programme.priority_ratio" => "seuil prioritaire",
        other => return format!("\"{other}\""),
    };
    format!("\"{setting}\" ({french})")
}
