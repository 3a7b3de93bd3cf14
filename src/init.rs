//! `actormap init`: the starter workbook `territoire.xlsx` that officers fill in without
//! reading the README: one sheet per table with French headers the loader reads, drop-down
//! lists (roles, means, oui/non; actors, objectives and domains from their own sheets), a
//! `Paramètres` sheet (one setting per row, a note on each saying what it is) and a
//! `#Mode d'emploi` sheet the loader skips. With `--from`, the same workbook holding a
//! territory, which loads back to the same model.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatBorder, Formula, Note, Workbook, Worksheet, XlsxError,
};

use crate::error::Error;
use crate::i18n::Lang;
use crate::model::{ActionStatus, Means, Reach, Role, Scope, Territory};

/// The workbook `init` writes in its folder.
pub const FILE: &str = "territoire.xlsx";

/// How many rows the drop-down lists cover below each header.
const ROWS: u32 = 2000;

/// The fixed creation date of the workbook's properties: same territory, same bytes.
const CREATED: (u16, u8, u8) = (2000, 1, 1);

/// What a column's cells may hold, offered as a drop-down list.
enum List {
    /// Words given here (roles, means, oui/non, languages).
    Words(Vec<String>),
    /// The ids (or names) of another sheet's column: `Domaines!$A$2:$A$2001`. Other values are
    /// allowed with a warning (a link may name a domain instead of an objective).
    Column { sheet: &'static str, column: char },
}

/// A column of a sheet: its French header (one the loader reads), its width in characters,
/// what it is (a note on the header), and its drop-down list.
struct Column {
    header: &'static str,
    width: f64,
    note: &'static str,
    list: Option<List>,
}

/// A cell written by `init --from`.
enum Value {
    Text(String),
    Number(f64),
    Date(jiff::civil::Date),
    Empty,
}

impl Value {
    fn text(text: &str) -> Value {
        if text.is_empty() {
            Value::Empty
        } else {
            Value::Text(text.to_owned())
        }
    }

    fn option(text: Option<&str>) -> Value {
        text.map_or(Value::Empty, Value::text)
    }

    fn number(n: Option<f64>) -> Value {
        n.map_or(Value::Empty, Value::Number)
    }

    fn yes_no(yes: bool) -> Value {
        Value::text(if yes { "oui" } else { "non" })
    }

    fn list(items: &[String]) -> Value {
        Value::text(&items.join(", "))
    }
}

/// A sheet: its name, columns and rows.
struct Sheet {
    name: &'static str,
    columns: Vec<Column>,
    rows: Vec<Vec<Value>>,
}

fn column(header: &'static str, width: f64, note: &'static str) -> Column {
    Column {
        header,
        width,
        note,
        list: None,
    }
}

fn words(words: impl IntoIterator<Item = impl Into<String>>) -> Option<List> {
    Some(List::Words(words.into_iter().map(Into::into).collect()))
}

fn ids_of(sheet: &'static str, column: char) -> Option<List> {
    Some(List::Column { sheet, column })
}

fn yes_no() -> Option<List> {
    words(["oui", "non"])
}

/// The table sheets, empty, in the order an officer fills them.
fn table_sheets() -> Vec<Sheet> {
    let roles = Role::ALL.map(|r| Lang::Fr.catalog().role(r));
    let means = Means::ALL.map(|m| Lang::Fr.catalog().means(m).to_lowercase());
    let statuses = ActionStatus::ALL.map(|s| Lang::Fr.catalog().action_status(s));
    vec![
        Sheet {
            name: "Domaines",
            columns: vec![
                column(
                    "id",
                    10.0,
                    "L'identifiant court du domaine de coopération : DC1, DC2...",
                ),
                column(
                    "nom",
                    50.0,
                    "L'intitulé du domaine : « Performance énergétique et écologique du bâtiment ».",
                ),
                column(
                    "accroche",
                    40.0,
                    "Facultatif : la phrase au centre de la carte du domaine.",
                ),
                column(
                    "liens",
                    20.0,
                    "Facultatif : les domaines liés, séparés par des virgules (DC3, DC4).",
                ),
                column(
                    "état des lieux",
                    40.0,
                    "Facultatif : les constats de l'état des lieux du domaine, séparés par |.",
                ),
            ],
            rows: Vec::new(),
        },
        Sheet {
            name: "Objectifs",
            columns: vec![
                column(
                    "id",
                    18.0,
                    "L'identifiant court de l'objectif : renovation, regal...",
                ),
                Column {
                    list: ids_of("Domaines", 'A'),
                    ..column(
                        "domaine",
                        12.0,
                        "Le domaine de l'objectif : un id de la feuille Domaines.",
                    )
                },
                column(
                    "titre",
                    50.0,
                    "L'intitulé de l'objectif, tel que dans le contrat.",
                ),
                column(
                    "cible",
                    10.0,
                    "Facultatif : la valeur cible (1500) ; 1 pour un objectif qualitatif.",
                ),
                column(
                    "unité",
                    14.0,
                    "Facultatif : l'unité de la cible (rénovations, km, ha).",
                ),
                column(
                    "valeur actuelle",
                    14.0,
                    "Facultatif : la valeur atteinte aujourd'hui (ou mesurée dans la feuille Avancement).",
                ),
                Column {
                    list: yes_no(),
                    ..column(
                        "prioritaire",
                        12.0,
                        "oui si l'objectif est prioritaire (il doit atteindre le seuil prioritaire).",
                    )
                },
                Column {
                    list: yes_no(),
                    ..column("contractuel", 12.0, "oui si l'objectif est contractuel.")
                },
                column(
                    "périmètre",
                    20.0,
                    "Facultatif : où l'objectif s'applique : « tout » (tout le périmètre) ou des territoires membres, séparés par |.",
                ),
            ],
            rows: Vec::new(),
        },
        Sheet {
            name: "Acteurs",
            columns: vec![
                column(
                    "id",
                    14.0,
                    "Facultatif : l'identifiant court de l'acteur (ademe) ; sinon son nom en tient lieu.",
                ),
                column(
                    "nom",
                    36.0,
                    "Le nom de l'acteur (structure, organisme) : ADEME, Région Hauts-de-France.",
                ),
                column(
                    "type",
                    18.0,
                    "Facultatif : EPCI, syndicat mixte, association, groupe...",
                ),
                column(
                    "sigle",
                    12.0,
                    "Facultatif : le nom court montré sur les cartes.",
                ),
                column(
                    "alias",
                    30.0,
                    "Facultatif : les autres noms de l'acteur, séparés par |.",
                ),
                column(
                    "membres",
                    30.0,
                    "Pour un groupe : ses membres (noms ou ids d'acteurs), séparés par |.",
                ),
            ],
            rows: Vec::new(),
        },
        Sheet {
            name: "Liens",
            columns: vec![
                Column {
                    list: ids_of("Acteurs", 'B'),
                    ..column(
                        "acteur",
                        30.0,
                        "Un acteur de la feuille Acteurs (son nom, son id ou un alias).",
                    )
                },
                Column {
                    list: ids_of("Objectifs", 'A'),
                    ..column(
                        "objectif",
                        18.0,
                        "Un objectif de la feuille Objectifs, ou un domaine (DC1) pour tous ses objectifs.",
                    )
                },
                Column {
                    list: words(roles),
                    ..column("rôle", 24.0, "Le rôle de l'acteur envers l'objectif.")
                },
                Column {
                    list: words(means),
                    ..column("moyens", 16.0, "Facultatif : ce que l'acteur apporte.")
                },
                column(
                    "note",
                    40.0,
                    "Facultatif : une précision montrée avec l'acteur sur la carte (« AAP »).",
                ),
            ],
            rows: Vec::new(),
        },
        Sheet {
            name: "Avancement",
            columns: vec![
                column("date", 12.0, "La date de la mesure (30/06/2022)."),
                Column {
                    list: ids_of("Objectifs", 'A'),
                    ..column(
                        "objectif",
                        18.0,
                        "L'objectif mesuré : un id de la feuille Objectifs.",
                    )
                },
                column(
                    "valeur",
                    10.0,
                    "La valeur mesurée, dans l'unité de l'objectif (ou oui/non, 50 % pour un objectif qualitatif).",
                ),
                column("source", 24.0, "Facultatif : d'où vient la mesure."),
                column("note", 40.0, "Facultatif : une précision."),
            ],
            rows: Vec::new(),
        },
        Sheet {
            name: "Actions",
            columns: vec![
                column(
                    "id",
                    18.0,
                    "Facultatif : l'identifiant court de l'action ; sinon tiré de son titre.",
                ),
                Column {
                    list: ids_of("Objectifs", 'A'),
                    ..column(
                        "objectif",
                        18.0,
                        "L'objectif que sert l'action, ou un domaine (DC1) pour le domaine entier.",
                    )
                },
                column("titre", 40.0, "L'intitulé de l'action."),
                column(
                    "porteurs",
                    24.0,
                    "Facultatif : les acteurs qui la portent, séparés par |.",
                ),
                Column {
                    list: words(statuses),
                    ..column(
                        "statut",
                        14.0,
                        "Facultatif : où en est l'action (envisagée si vide).",
                    )
                },
                column(
                    "origine",
                    16.0,
                    "Facultatif : d'où vient l'action (EPCI, REV 3...).",
                ),
                column(
                    "périmètre",
                    20.0,
                    "Facultatif : les territoires membres où elle se déroule, séparés par | ; vide : tout le territoire.",
                ),
                column("début", 12.0, "Facultatif : la date de début (01/01/2022)."),
                column("fin", 12.0, "Facultatif : la date de fin."),
                column("budget", 12.0, "Facultatif : le budget, en euros."),
                column("note", 40.0, "Facultatif : une précision."),
            ],
            rows: Vec::new(),
        },
        Sheet {
            name: "Instances",
            columns: vec![
                column(
                    "id",
                    14.0,
                    "Facultatif : l'identifiant court de l'instance (copil) ; sinon tiré de son nom.",
                ),
                column(
                    "nom",
                    24.0,
                    "Le nom de l'instance de gouvernance : COPIL, COTECH...",
                ),
                column(
                    "type",
                    20.0,
                    "Facultatif : comité de pilotage, comité technique, groupe de travail...",
                ),
                Column {
                    list: ids_of("Acteurs", 'B'),
                    ..column(
                        "président",
                        20.0,
                        "Facultatif : l'acteur qui la préside ou l'anime.",
                    )
                },
                column("membres", 40.0, "Les acteurs qui y siègent, séparés par |."),
                column(
                    "parent",
                    14.0,
                    "Facultatif : l'instance à laquelle elle rend compte (COPIL).",
                ),
                column("note", 40.0, "Facultatif : une précision."),
            ],
            rows: Vec::new(),
        },
    ]
}

/// A setting of the `Paramètres` sheet: its key (as the loader reads it) and what it is.
const SETTINGS: [(&str, &str); 11] = [
    (
        "nom",
        "Le nom du territoire : « Pays du Calaisis ». Vide : le nom du dossier.",
    ),
    (
        "population",
        "Le nombre d'habitants (152371) : il calcule le bonus de l'année 3.",
    ),
    (
        "périmètre",
        "Facultatif : les territoires membres (EPCI), des acteurs de la feuille Acteurs, séparés par |.",
    ),
    (
        "langue",
        "La langue de ce qu'écrit actormap pour ce territoire : fr ou en (fr si vide).",
    ),
    (
        "programme",
        "Le nom du contrat suivi : COT TRI, COT ENR, CRTE...",
    ),
    ("début", "Le premier jour du programme (01/01/2021)."),
    ("fin", "Le dernier jour du programme (31/12/2023)."),
    (
        "aide forfaitaire",
        "L'aide versée quels que soient les résultats (années 1 et 2), en euros.",
    ),
    (
        "bonus par habitant",
        "Le bonus de l'année 3 par habitant, en euros (1).",
    ),
    (
        "seuil",
        "La part de sa cible que chaque objectif doit atteindre pour le bonus : 60 % (ou 0,6).",
    ),
    (
        "seuil prioritaire",
        "La part de sa cible qu'un objectif prioritaire doit atteindre : 100 %.",
    ),
];

/// The note of a rule's row.
const RULE_NOTE: &str = "Le réglage d'une règle de actormap check : « règle NOM » et sa gravité (error, warning, info, allow), ou « règle NOM PARAMÈTRE » et sa valeur. actormap rules les liste.";

/// The `Paramètres` sheet: every setting, its value from `territory` if given.
fn settings_sheet(territory: Option<&Territory>) -> Sheet {
    let programme = territory.and_then(|t| t.programme.as_ref());
    let value = |key: &str| -> Value {
        let Some(t) = territory else {
            return Value::Empty;
        };
        match key {
            "nom" => Value::text(&t.name),
            "population" => Value::number(t.population.map(|n| n as f64)),
            "périmètre" => Value::text(&t.perimeter().join("|")),
            "langue" => Value::option(t.lang.map(Lang::code)),
            "programme" => Value::option(programme.map(|p| p.name.as_str())),
            "début" => programme
                .and_then(|p| p.start)
                .map_or(Value::Empty, Value::Date),
            "fin" => programme
                .and_then(|p| p.end)
                .map_or(Value::Empty, Value::Date),
            "aide forfaitaire" => Value::number(programme.and_then(|p| p.flat_aid)),
            "bonus par habitant" => Value::number(programme.and_then(|p| p.bonus_per_inhabitant)),
            "seuil" => Value::number(programme.map(|p| p.min_ratio)),
            "seuil prioritaire" => Value::number(programme.map(|p| p.priority_ratio)),
            _ => Value::Empty,
        }
    };
    let mut rows: Vec<Vec<Value>> = SETTINGS
        .iter()
        .map(|(key, _)| vec![Value::text(key), value(key)])
        .collect();
    for (rule, setting) in territory.map(|t| &t.rules).into_iter().flatten() {
        match &setting.value {
            serde_json::Value::Object(fields) => {
                for (param, value) in fields {
                    let key = match crate::names::fold(param).as_str() {
                        "severity" | "level" | "severite" | "niveau" => format!("règle {rule}"),
                        _ => format!("règle {rule} {param}"),
                    };
                    rows.push(vec![Value::Text(key), json_value(value)]);
                }
            }
            other => rows.push(vec![
                Value::Text(format!("règle {rule}")),
                json_value(other),
            ]),
        }
    }
    Sheet {
        name: "Paramètres",
        columns: vec![
            column(
                "clé",
                22.0,
                "Le réglage : ne changez pas ces clés (une note sur chacune dit ce qu'elle est).",
            ),
            column(
                "valeur",
                40.0,
                "Sa valeur ; vide, actormap prend la valeur par défaut.",
            ),
        ],
        rows,
    }
}

/// A rule's JSON value as a cell: numbers stay numbers, lists are joined with commas.
fn json_value(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Number(n) => Value::number(n.as_f64()),
        serde_json::Value::String(s) => Value::text(s),
        serde_json::Value::Array(items) => Value::list(
            &items
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect::<Vec<_>>(),
        ),
        other => Value::text(&other.to_string()),
    }
}

/// The table sheets holding `territory`'s rows.
fn filled(territory: &Territory) -> Vec<Sheet> {
    let mut sheets = table_sheets();
    let fr = Lang::Fr.catalog();
    for sheet in &mut sheets {
        sheet.rows = match sheet.name {
            "Domaines" => territory
                .domains()
                .iter()
                .map(|d| {
                    vec![
                        Value::text(&d.id),
                        Value::text(&d.name),
                        Value::option(d.headline.as_deref()),
                        Value::list(&d.related),
                        Value::text(&d.context.join("|")),
                    ]
                })
                .collect(),
            "Objectifs" => territory
                .objectives()
                .iter()
                .map(|o| {
                    vec![
                        Value::text(&o.id),
                        Value::text(&o.domain),
                        Value::text(&o.title),
                        Value::number(o.target),
                        Value::option(o.unit.as_deref()),
                        Value::number(o.current),
                        Value::yes_no(o.priority),
                        Value::yes_no(o.contractual),
                        match &o.reach {
                            None => Value::Empty,
                            Some(Reach::All) => Value::text("tout"),
                            Some(Reach::Members(ids)) => Value::text(&ids.join("|")),
                        },
                    ]
                })
                .collect(),
            "Acteurs" => territory
                .actors()
                .iter()
                .map(|a| {
                    vec![
                        Value::text(&a.id),
                        Value::text(&a.name),
                        Value::option(a.kind.as_deref()),
                        Value::option(a.short.as_deref()),
                        Value::text(&a.aliases.join("|")),
                        Value::text(&a.members.join("|")),
                    ]
                })
                .collect(),
            "Liens" => territory
                .links()
                .iter()
                .map(|l| {
                    let scope = match &l.scope {
                        Scope::Objective(id) | Scope::Domain(id) => id,
                    };
                    vec![
                        Value::text(&l.actor),
                        Value::text(scope),
                        Value::text(fr.role(l.role)),
                        Value::option(l.means.map(|m| fr.means(m).to_lowercase()).as_deref()),
                        Value::option(l.note.as_deref()),
                    ]
                })
                .collect(),
            "Actions" => territory
                .actions()
                .iter()
                .map(|a| {
                    let scope = match &a.scope {
                        Scope::Objective(id) | Scope::Domain(id) => id,
                    };
                    vec![
                        Value::text(&a.id),
                        Value::text(scope),
                        Value::text(&a.title),
                        Value::text(&a.bearers.join("|")),
                        Value::text(fr.action_status(a.status)),
                        Value::option(a.source.as_deref()),
                        Value::text(&a.perimeter.join("|")),
                        a.start.map_or(Value::Empty, Value::Date),
                        a.end.map_or(Value::Empty, Value::Date),
                        Value::number(a.budget),
                        Value::option(a.note.as_deref()),
                    ]
                })
                .collect(),
            "Instances" => territory
                .bodies()
                .iter()
                .map(|b| {
                    vec![
                        Value::text(&b.id),
                        Value::text(&b.name),
                        Value::option(b.kind.as_deref()),
                        Value::option(b.chair.as_deref()),
                        Value::text(&b.members.join("|")),
                        Value::option(b.parent.as_deref()),
                        Value::option(b.note.as_deref()),
                    ]
                })
                .collect(),
            "Avancement" => territory
                .progress()
                .iter()
                .map(|m| {
                    vec![
                        Value::Date(m.date),
                        Value::text(&m.objective),
                        Value::Number(m.value),
                        Value::option(m.source.as_deref()),
                        Value::option(m.note.as_deref()),
                    ]
                })
                .collect(),
            _ => Vec::new(),
        };
    }
    sheets
}

/// The mode d'emploi: what to fill, in which order, and how to check it.
const GUIDE: [&str; 14] = [
    "Mode d'emploi de territoire.xlsx",
    "",
    "1. Paramètres : le nom du territoire, sa population, le programme (COT TRI...) et ses règles d'aide.",
    "2. Domaines : les domaines de coopération (DC1, DC2...), un par ligne.",
    "3. Objectifs : les objectifs du contrat, chacun dans un domaine, avec sa cible et son unité.",
    "4. Acteurs : les structures (EPCI, syndicats, associations, financeurs...), une par ligne.",
    "5. Liens : qui tient quel rôle envers quel objectif (chef de file, financeur, relais...).",
    "6. Avancement : les mesures datées de chaque objectif, pour le suivi du contrat.",
    "",
    "Les listes déroulantes proposent les rôles, les moyens, oui/non, et les ids des autres feuilles.",
    "Une note (triangle rouge) sur chaque en-tête et chaque clé dit ce qu'elle attend.",
    "Une feuille dont le nom commence par # (comme celle-ci) n'est pas lue : gardez-y vos notes.",
    "Puis, dans ce dossier : actormap check (les manques), actormap build (les cartes dans output/).",
    "Une colonne dont l'en-tête commence par # est un commentaire : actormap ne la lit pas.",
];

/// The workbook's bytes: the template, holding `territory` when given.
pub fn workbook(territory: Option<&Territory>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let (year, month, day) = CREATED;
    let created = ExcelDateTime::from_ymd(year, month, day)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let guide = book.add_worksheet();
    guide.set_name("#Mode d'emploi")?;
    guide.set_column_width(0, 100.0)?;
    let title = Format::new().set_bold().set_font_size(14);
    for (r, line) in GUIDE.iter().enumerate() {
        if r == 0 {
            guide.write_string_with_format(0, 0, *line, &title)?;
        } else if !line.is_empty() {
            guide.write_string(r as u32, 0, *line)?;
        }
    }
    let mut sheets = vec![settings_sheet(territory)];
    sheets.extend(match territory {
        Some(t) => filled(t),
        None => table_sheets(),
    });
    for sheet in &sheets {
        let ws = book.add_worksheet();
        write_sheet(ws, sheet)?;
    }
    book.save_to_buffer()
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    ws.set_name(sheet.name)?;
    ws.set_default_note_author("actormap");
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x1F3864))
        .set_font_color(Color::White)
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, column.header, &header)?;
        ws.insert_note(0, c, &Note::new(column.note).add_author_prefix(false))?;
        ws.set_column_width(c, column.width)?;
        if let Some(list) = &column.list {
            ws.add_data_validation(1, c, ROWS, c, &validation(list)?)?;
        }
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, value) in row.iter().enumerate() {
            let c = c as u16;
            match value {
                Value::Text(text) => {
                    ws.write_string(r, c, text)?;
                }
                Value::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Value::Date(d) => {
                    let day = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        d.month() as u8,
                        d.day() as u8,
                    )?;
                    ws.write_datetime_with_format(r, c, &day, &date)?;
                }
                Value::Empty => {}
            }
        }
    }
    if sheet.name == "Paramètres" {
        for (r, row) in sheet.rows.iter().enumerate() {
            let note = match row.first() {
                Some(Value::Text(key)) => SETTINGS
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or(RULE_NOTE, |(_, note)| note),
                _ => continue,
            };
            ws.insert_note(r as u32 + 1, 0, &Note::new(note).add_author_prefix(false))?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn validation(list: &List) -> Result<DataValidation, XlsxError> {
    Ok(match list {
        List::Words(words) => DataValidation::new()
            .allow_list_strings(words)?
            .set_error_style(DataValidationErrorStyle::Warning),
        List::Column { sheet, column } => DataValidation::new()
            .allow_list_formula(Formula::new(format!(
                "={sheet}!${column}$2:${column}${}",
                ROWS + 1
            )))
            .set_error_style(DataValidationErrorStyle::Warning),
    })
}

/// Write the workbook into `dir` (created if needed), whole or not at all, never over a file
/// already there. Returns the path written.
pub fn write(dir: &Path, territory: Option<&Territory>, lang: Lang) -> Result<PathBuf, Error> {
    let path = dir.join(FILE);
    if path.exists() || path.is_symlink() {
        let said = crate::start::Said::Exists(path.clone());
        return Err(Error::Usage(lang.catalog().start_line(&said)));
    }
    let bytes = workbook(territory).map_err(|e| Error::Write {
        path: path.clone(),
        source: std::io::Error::other(e.to_string()),
    })?;
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    crate::maps::write_atomic(dir, FILE, &bytes)?;
    Ok(path)
}
