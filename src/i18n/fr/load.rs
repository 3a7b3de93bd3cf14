//! Le chargement en français : ce qui ne va pas dans les fichiers d'entrée, et les notes à
//! leur sujet. (Code comments stay English elsewhere; this line names the area.)

use super::{French, NB};
use crate::error::MisuseWords;
use crate::error::{LoadError, Location, Note};
use crate::i18n::Language;
use crate::load::TableKind;
use crate::load::message::{
    CellProblem, Encoding, Expected, JsonProblem, ListOf, Message, NoteMessage, PathKind, Quantity,
    Thing, Vocabulary, Words,
};

/// « x ».
fn q(text: &str) -> String {
    French.quote(text)
}

/// ` (vouliez-vous dire « x » ?)`, or nothing.
fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" (vouliez-vous dire {}{NB}?)", q(s)))
        .unwrap_or_default()
}

/// "a, b ou c".
fn or(items: &[String]) -> String {
    crate::i18n::joined(items, "ou")
}

/// Items quoted: « A », « B ».
fn quoted(items: &[String]) -> Vec<String> {
    items.iter().map(|i| q(i)).collect()
}

/// Keys to type, as code between straight quotes: `"name", "start" ou "end"`.
fn code(keys: &[&str]) -> String {
    let keys: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
    or(&keys)
}

/// A table as French users name it: its French file name (« liens »).
fn table(kind: &TableKind) -> String {
    let stems = kind.file_stems();
    q(stems.get(1).unwrap_or(&stems[0]))
}

/// "un dossier de territoire (domaines.csv, ...), un fichier JSON ou un classeur".
fn territory() -> String {
    let files: Vec<String> = TableKind::all()
        .filter(|k| k.required())
        .map(|k| {
            format!(
                "{}.csv",
                k.file_stems().get(1).unwrap_or(&k.file_stems()[0])
            )
        })
        .collect();
    format!(
        "un dossier de territoire ({}), un fichier JSON ou un classeur (.xlsx, .ods)",
        files.join(", ")
    )
}

fn path_kind(kind: &PathKind) -> String {
    match kind {
        PathKind::CannotBeRead(e) => format!("illisible ({e})"),
        PathKind::Missing => "fichier introuvable".to_owned(),
        PathKind::Folder => "c'est un dossier".to_owned(),
        PathKind::Fifo => "ce n'est pas un fichier ordinaire mais un tube nommé (FIFO)".to_owned(),
        PathKind::CharDevice => {
            "ce n'est pas un fichier ordinaire mais un périphérique caractère".to_owned()
        }
        PathKind::BlockDevice => {
            "ce n'est pas un fichier ordinaire mais un périphérique bloc".to_owned()
        }
        PathKind::Socket => "ce n'est pas un fichier ordinaire mais une socket".to_owned(),
        PathKind::NotRegular => "ce n'est pas un fichier ordinaire".to_owned(),
    }
}

fn json_problem(problem: &JsonProblem) -> String {
    match problem {
        JsonProblem::UnclosedText => format!(
            "il manque les guillemets fermants d'un texte{NB}: chaque texte s'écrit entre deux guillemets droits (\"Pays du Calaisis\")"
        ),
        JsonProblem::TypographicQuotes => format!(
            "les guillemets typographiques ne sont pas ceux du JSON{NB}: tapez des guillemets droits (\"), comme dans \"Pays du Calaisis\""
        ),
        JsonProblem::SpacedNumber {
            file,
            number,
            typed,
        } => {
            format!("les nombres s'écrivent sans espace dans {file}{NB}: {number}, et non {typed}")
        }
        JsonProblem::DecimalComma { whole, decimals } => format!(
            "en JSON, les décimales suivent un point{NB}: {whole}.{decimals}, et non {whole},{decimals}"
        ),
        JsonProblem::MissingComma => "il manque ici une virgule entre deux éléments".to_owned(),
        JsonProblem::TrailingComma => format!(
            "une virgule après le dernier élément d'une liste ou d'un groupe{NB}; supprimez-la"
        ),
        JsonProblem::SingleQuotes => {
            "les textes s'écrivent entre guillemets droits doubles (\"x\"), pas entre apostrophes"
                .to_owned()
        }
        JsonProblem::Comments => {
            format!("le JSON n'a pas de commentaires{NB}; supprimez le texte en // ou /* */")
        }
        JsonProblem::UnquotedKey => {
            format!("une clé s'écrit entre guillemets droits{NB}: \"nom\"{NB}: ...")
        }
        JsonProblem::UnclosedObject => "cette { n'est jamais fermée par une }".to_owned(),
        JsonProblem::UnclosedArray => "ce [ n'est jamais fermé par un ]".to_owned(),
        JsonProblem::ExtraClose => format!(
            "une }} ou un ] de trop, ou mal placé{NB}: chaque {{ se ferme par une }} et chaque [ par un ]"
        ),
        JsonProblem::ExtraComma => "une virgule de trop".to_owned(),
        JsonProblem::Parser(words) => format!("erreur de syntaxe ({words})"),
    }
}

fn expected(what: Expected) -> &'static str {
    match what {
        Expected::ActorName => "le nom de l'acteur",
        Expected::ActorReference => "l'identifiant, le nom ou un alias d'un acteur",
        Expected::BodyName => "le nom de l'instance",
        Expected::DomainId => "un identifiant de domaine comme DC1",
        Expected::DomainName => "le nom du domaine",
        Expected::ObjectiveId => "un identifiant d'objectif",
        Expected::NewObjectiveId => "un identifiant d'objectif comme regal",
        Expected::ObjectiveDomain => "l'identifiant du domaine de l'objectif",
        Expected::ObjectiveTitle => "l'intitulé de l'objectif",
        Expected::ObjectiveOrDomain => "un identifiant d'objectif ou de domaine",
        Expected::ActionTitle => "l'intitulé de l'action",
        Expected::Role => "un rôle comme chef de file, financeur, cible",
        Expected::MeasurementDate => "une date comme 30/06/2022 ou 2022-06-30",
        Expected::MeasurementValue => "la valeur atteinte à cette date",
    }
}

/// The thing, with its article: "l'acteur", "l'objectif".
fn the(thing: Thing) -> &'static str {
    match thing {
        Thing::Actor => "l'acteur",
        Thing::Objective => "l'objectif",
        Thing::Domain => "le domaine",
        Thing::Action => "l'action",
        Thing::Body => "l'instance",
    }
}

/// The thing after "de": "d'acteur", "de domaine".
fn of(thing: Thing) -> &'static str {
    match thing {
        Thing::Actor => "d'acteur",
        Thing::Objective => "d'objectif",
        Thing::Domain => "de domaine",
        Thing::Action => "d'action",
        Thing::Body => "d'instance",
    }
}

/// Where links or groups use a name: "liens.csv:4", "liens.csv:4 et 2 autres".
fn used(used: &[Location]) -> String {
    match used {
        [] => String::new(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} et {}", French.count(rest.len(), "autre", "autres")),
    }
}

impl Words for French {
    fn load_message(&self, message: &Message) -> String {
        use Message as M;
        match message {
            M::NoSuchPath => format!(
                "ni dossier ni fichier à cet endroit{NB}; attendu{NB}: {}",
                territory()
            ),
            M::NotATerritory(kind) => {
                format!("{}{NB}; attendu{NB}: {}", path_kind(kind), territory())
            }
            M::NotAFile(kind) => {
                format!("{}{NB}; attendu{NB}: un fichier ordinaire", path_kind(kind))
            }
            M::CannotRead { error } => {
                format!("lecture impossible{NB}: {}", self.os_error(error))
            }
            M::TooLarge { mib } => {
                format!("plus de {mib}{NB}Mio{NB}; ce n'est pas une table de territoire")
            }
            M::SettingsTwice { first, second } => format!(
                "les réglages sont donnés deux fois ({first} et {second}){NB}; n'en gardez qu'un"
            ),
            M::SeveralWorkbooks { books } => format!(
                "plusieurs classeurs ({}){NB}; n'en gardez qu'un",
                books.join(", ")
            ),
            M::MissingSheet { table: t, beside } => {
                // Names to type: between straight quotes, as code.
                let names: Vec<String> =
                    t.file_stems().iter().map(|s| format!("\"{s}\"")).collect();
                let csv = if *beside {
                    format!(
                        " (ou un fichier {}.csv à côté du classeur)",
                        t.file_stems().get(1).unwrap_or(&t.file_stems()[0])
                    )
                } else {
                    String::new()
                };
                format!(
                    "feuille manquante{NB}: il faut une feuille nommée {}{csv}",
                    or(&names)
                )
            }
            M::MissingFile { table: t, folder } => {
                let files: Vec<String> =
                    t.file_stems().iter().map(|s| format!("{s}.csv")).collect();
                format!(
                    "fichier manquant{NB}: il faut {} dans {folder} (une ligne d'en-tête suffit pour une table vide)",
                    or(&files)
                )
            }
            M::TableTwice { table: t, files } => format!(
                "la table {} est donnée plusieurs fois ({}){NB}; n'en gardez qu'une",
                table(t),
                files.join(", ")
            ),
            M::TableTwiceInFile {
                key,
                table: t,
                first_line,
            } => format!(
                "{}{NB}: la table {} est donnée une seconde fois (la première à la ligne {first_line}){NB}; n'en gardez qu'une",
                q(key),
                table(t)
            ),
            M::TableTwiceInBook { table: t, book } => format!(
                "la table {} est donnée plusieurs fois dans {book}{NB}; n'en gardez qu'une feuille",
                table(t)
            ),
            M::Unreadable(encoding) => {
                let what = match encoding {
                    Encoding::InvalidAfterMark(name) => format!(
                        "le fichier commence par une marque {name} mais n'est pas en {name} valide"
                    ),
                    Encoding::NulByte => format!(
                        "un octet nul{NB}: données binaires, ou UTF-16 sans marque d'ordre des octets"
                    ),
                    Encoding::NeitherUtf8NorWindows1252 => {
                        "texte ni en UTF-8 ni en Windows-1252".to_owned()
                    }
                };
                format!(
                    "encodage illisible{NB}: {what}{NB}; attendu{NB}: du texte en UTF-8, en UTF-16 avec marque d'ordre des octets ou en Windows-1252 (enregistrez en «{NB}CSV UTF-8{NB}» ou en «{NB}CSV (séparateur{NB}: point-virgule){NB}»)"
                )
            }
            M::BadUtf8 { byte, after } => {
                let after = after
                    .as_ref()
                    .map(|a| format!(" après {}", q(a)))
                    .unwrap_or_default();
                format!(
                    "encodage illisible{NB}: l'octet 0x{byte:02X}{after} n'est pas de l'UTF-8, alors que le reste du fichier l'est{NB}; retapez ce caractère, ou enregistrez de nouveau le fichier en UTF-8 (Excel{NB}: «{NB}CSV UTF-8{NB}»)"
                )
            }
            M::EmptyCsv => {
                format!("fichier vide{NB}; il faut une ligne d'en-tête qui nomme les colonnes")
            }
            M::EmptySheet => {
                format!("feuille vide{NB}; il faut une ligne d'en-tête qui nomme les colonnes")
            }
            M::TooManyCells { cells, columns } => format!(
                "{} alors que l'en-tête a {} (une cellule qui contient le séparateur doit être entre guillemets doubles)",
                self.count(*cells, "cellule", "cellules"),
                self.count(*columns, "colonne", "colonnes")
            ),
            M::UnclosedQuote => "guillemet ouvert ici et jamais fermé".to_owned(),
            M::UnreadableWorkbook { error } => format!("classeur illisible{NB}: {error}"),
            M::UnreadableSheet { error } => format!("feuille illisible{NB}: {error}"),
            M::SettingsSheet => format!(
                "les réglages du territoire ne se lisent pas dans une feuille{NB}; mettez-les dans territory.json à côté du classeur (ou commencez le nom de la feuille par # pour la garder comme note)"
            ),
            M::UnknownSheet { sheet, expected } => format!(
                "feuille inconnue {}{NB}; attendu{NB}: {expected} (commencez le nom d'une feuille par # pour la garder comme note)",
                q(sheet)
            ),
            M::Cell { cell, problem } => {
                let problem = match problem {
                    CellProblem::Error(e) => format!(
                        "contient l'erreur {e}{NB}; il faut une valeur (corrigez la formule ou tapez la valeur)"
                    ),
                    CellProblem::BeyondColumns => format!(
                        "est à droite de la dernière colonne nommée{NB}; nommez sa colonne dans la ligne d'en-tête (ou commencez le nom par # pour la garder comme commentaire)"
                    ),
                };
                format!("la cellule {cell} {problem}")
            }
            M::SameColumn {
                first,
                second,
                field,
            } => format!(
                "les colonnes {} et {} veulent dire toutes deux {}{NB}; n'en gardez qu'une",
                q(first),
                q(second),
                q(field)
            ),
            M::UnknownColumn {
                column,
                table: t,
                suggestion,
                expected,
            } => format!(
                "colonne inconnue {} dans la table {}{}{NB}; attendu{NB}: {expected} (commencez le nom d'une colonne par # pour la garder comme commentaire)",
                q(column),
                table(t),
                did_you_mean(suggestion)
            ),
            M::MissingColumn {
                column,
                table: t,
                accepted,
            } => format!(
                "colonne {} manquante dans la table {} (noms acceptés aussi{NB}: {})",
                q(column),
                table(t),
                code(accepted)
            ),
            M::Headerless {
                table: t,
                first,
                expected,
            } => {
                let holds = first
                    .as_ref()
                    .map(|(line, text)| format!(" (la ligne {line} contient {})", q(text)))
                    .unwrap_or_default();
                format!(
                    "aucune ligne ne se lit comme l'en-tête de la table {}{holds}{NB}; il faut une ligne qui nomme ses colonnes{NB}: {expected}",
                    table(t)
                )
            }
            M::JsonSyntax { column, problem } => format!(
                "JSON invalide (colonne {column}){NB}: {}",
                json_problem(problem)
            ),
            M::NotJsonObject => "il faut un objet JSON ({ ... }) en haut du fichier".to_owned(),
            M::EmptyJson => format!("fichier vide{NB}; il faut un objet JSON"),
            M::Key { key, then } => format!("{}{NB}: {}", q(key), self.load_message(then)),
            M::WholeInhabitants => "il faut un nombre entier d'habitants".to_owned(),
            M::ExpectedLang { found } => format!("il faut \"fr\" ou \"en\", et non {}", q(found)),
            M::UnknownKey { key } => format!(
                "clé inconnue {}{NB}; attendu{NB}: {}, {}",
                q(key),
                code(&[
                    "name",
                    "population",
                    "programme",
                    "lang",
                    "perimeter",
                    "rules"
                ]),
                code(&TableKind::all().map(TableKind::name).collect::<Vec<_>>())
            ),
            M::ExpectedString => "il faut un texte".to_owned(),
            M::ExpectedNumber => "il faut un nombre".to_owned(),
            M::ExpectedShare => {
                format!("il faut une part entre 0 et 1 (0.6) ou un pourcentage (\"60{NB}%\")")
            }
            M::ExpectedObject => "il faut un objet ({ ... })".to_owned(),
            M::UnknownProgrammeKey { key } => format!(
                "clé de programme inconnue {}{NB}; attendu{NB}: {}",
                q(key),
                code(&[
                    "name",
                    "start",
                    "end",
                    "flat_aid",
                    "bonus_per_inhabitant",
                    "min_ratio",
                    "priority_ratio"
                ])
            ),
            M::ProgrammeEndsBeforeStart { start, end } => format!(
                "le programme finit ({}) avant de commencer ({})",
                self.date(*end),
                self.date(*start)
            ),
            M::ExpectedPerimeter => "il faut la liste des noms ou identifiants des territoires membres, par exemple [\"GCT&M\", \"CCRA\", \"CCPO\"]".to_owned(),
            M::ExpectedRules => {
                "il faut un objet qui associe des réglages aux noms des règles".to_owned()
            }
            M::ExpectedArray => "il faut une liste d'objets ([ { ... } ])".to_owned(),
            M::ExpectedRowObject => "il faut un objet ({ ... }) pour chaque ligne".to_owned(),
            M::ExpectedCell => {
                "il faut un texte, un nombre, un booléen ou une liste de textes".to_owned()
            }
            M::NotANumber { text } => format!(
                "{} n'est pas un nombre (exemples{NB}: 1500, 1{NB}500 ou 1500,5)",
                q(text)
            ),
            M::NotYesNo { text } => format!(
                "{} n'est pas une valeur oui/non (attendu{NB}: oui/non, x, 1/0, vrai/faux)",
                q(text)
            ),
            M::UnknownWord {
                vocabulary,
                text,
                suggestion,
            } => {
                let (word, tail) = match vocabulary {
                    Vocabulary::Role => ("rôle inconnu", "au singulier ou au pluriel"),
                    Vocabulary::Means => ("moyen inconnu", "au singulier ou au pluriel"),
                    Vocabulary::Status => ("état inconnu", "vide veut dire envisagée"),
                };
                format!(
                    "{word} {}{}{NB}; attendu, l'un de{NB}: {} ({tail})",
                    q(text),
                    did_you_mean(suggestion),
                    vocabulary.listed(crate::i18n::Lang::Fr)
                )
            }
            M::NotAnAmount { text } => format!(
                "{} n'est pas un montant (attendu{NB}: des euros, par exemple 15000, 15{NB}000 ou 15{NB}000{NB}€)",
                q(text)
            ),
            M::Negative { text, quantity } => {
                let what = match quantity {
                    Quantity::Amount => "un montant positif ou nul",
                    Quantity::Target => "une cible positive ou nulle",
                    Quantity::Value => "une valeur positive ou nulle",
                };
                format!("{} est négatif{NB}; il faut {what}", q(text))
            }
            M::NotAProgressValue { text } => format!(
                "{} n'est pas une valeur d'avancement (attendu{NB}: 1 pour fait, 0 pour pas fait, une fraction comme 0,5 ou 50{NB}%, ou fait/non)",
                q(text)
            ),
            M::YearOutOfRange { text, year } => {
                let years = crate::load::values::YEARS;
                format!(
                    "{} tombe en l'an {year}{NB}; il faut une date entre {} et {}",
                    q(text),
                    years.start(),
                    years.end()
                )
            }
            M::NotADate { text } => format!(
                "{} n'est pas une date (attendu{NB}: 31/12/2023 ou 2023-12-31)",
                q(text)
            ),
            M::Empty { expected: e, .. } => {
                format!("cellule vide{NB}; il faut {}", expected(*e))
            }
            M::DuplicateId {
                thing: t,
                id,
                derived,
                first,
            } => {
                let hint = match (derived, t.titled()) {
                    (false, _) => String::new(),
                    (true, false) => {
                        format!(" (tiré du nom{NB}; donnez un identifiant à l'une des deux lignes)")
                    }
                    (true, true) => format!(
                        " (tiré de l'intitulé{NB}; donnez un identifiant à l'une des deux lignes)"
                    ),
                };
                format!(
                    "identifiant {} {} en double{hint} (déjà défini en {first})",
                    of(*t),
                    q(id)
                )
            }
            M::NoId { thing: t, name } => {
                let from = if t.titled() { "l'intitulé" } else { "le nom" };
                format!(
                    "impossible de tirer un identifiant de {from} {}{NB}; donnez un identifiant à {}",
                    q(name),
                    the(*t)
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
                        ", si bien que les liens qui le citent ne peuvent pas les distinguer ({})",
                        used(uses)
                    )
                };
                format!(
                    "{} est le même nom que {} ({first_at}) aux majuscules et aux accents près{uses}{NB}: fusionnez les lignes (en gardant une graphie comme alias) ou renommez l'un des deux",
                    q(name),
                    q(first)
                )
            }
            M::UnknownActor { name, suggestion } => {
                format!("acteur inconnu {}{}", q(name), did_you_mean(suggestion))
            }
            M::AmbiguousActor {
                name,
                others,
                used: uses,
            } => {
                let named: Vec<String> = others
                    .iter()
                    .map(|(n, at)| format!("{} ({at})", q(n)))
                    .collect();
                format!(
                    "{} désigne à la fois cet acteur et {} (comme nom, identifiant ou alias), si bien que les liens qui l'emploient ne peuvent pas les distinguer ({}){NB}: gardez-le pour l'un des deux, ou désignez l'acteur par son identifiant à ces endroits",
                    q(name),
                    named.join(" et "),
                    used(uses)
                )
            }
            M::MemberOfItself { name } => {
                format!("l'acteur {} se cite lui-même comme membre", q(name))
            }
            M::GroupCycle { names } => format!(
                "les groupes {} se contiennent l'un l'autre",
                self.and(&quoted(names))
            ),
            M::UnknownDomain { domain, suggestion } => format!(
                "domaine inconnu {}{}{NB}; il faut un identifiant de la table «{NB}domaines{NB}»",
                q(domain),
                did_you_mean(suggestion)
            ),
            M::ObjectiveIsDomain { id, at } => format!(
                "l'identifiant d'objectif {} est aussi un identifiant de domaine (en {at}){NB}; les liens ne pourraient pas les distinguer",
                q(id)
            ),
            M::UnknownObjective { id, suggestion } => format!(
                "objectif inconnu {}{}{NB}; il faut un identifiant de la table «{NB}objectifs{NB}»",
                q(id),
                did_you_mean(suggestion)
            ),
            M::UnknownObjectiveOrDomain { id, suggestion } => format!(
                "objectif ou domaine inconnu {}{}",
                q(id),
                did_you_mean(suggestion)
            ),
            M::Unpaired { roles, means } => format!(
                "{} et {} sur une même ligne{NB}: impossible de les associer{NB}; écrivez une ligne par rôle, avec ses moyens",
                self.count(*roles, "rôle", "rôles"),
                self.count(*means, "moyen", "moyens")
            ),
            M::SecondValue {
                objective,
                date,
                first,
            } => format!(
                "une seconde valeur pour l'objectif {} au {} (la première en {first}){NB}; n'en gardez qu'une",
                q(objective),
                self.date(*date)
            ),
            M::ActionEndsBeforeStart { start, end } => format!(
                "l'action finit ({}) avant de commencer ({})",
                self.date(*end),
                self.date(*start)
            ),
            M::RelatedToItself { id } => {
                format!("le domaine {} se cite lui-même comme domaine lié", q(id))
            }
            M::UnknownRelated { id, suggestion } => {
                format!("domaine lié inconnu {}{}", q(id), did_you_mean(suggestion))
            }
            M::ReportsToItself { name } => {
                format!("l'instance {} dépend d'elle-même", q(name))
            }
            M::UnknownBody { name, suggestion } => format!(
                "instance inconnue {}{}{NB}; il faut l'identifiant ou le nom d'une instance de cette table",
                q(name),
                did_you_mean(suggestion)
            ),
            M::SeveralBodies { name, bodies } => {
                let named: Vec<String> = bodies
                    .iter()
                    .map(|(id, at)| format!("{} ({at})", q(id)))
                    .collect();
                format!(
                    "{} désigne plusieurs instances ({}){NB}; désignez l'instance parente par son identifiant",
                    q(name),
                    named.join(", ")
                )
            }
            M::BodyCycle { names } => format!(
                "les instances {} dépendent l'une de l'autre",
                self.and(&quoted(names))
            ),
            M::EveryMemberWithoutPerimeter { text } => format!(
                "{} veut dire tous les territoires membres, mais le territoire n'a pas de périmètre{NB}; listez-les dans territory.json (\"perimeter\"{NB}: [\"GCT&M\", \"CCRA\", \"CCPO\"])",
                q(text)
            ),
            M::NotAMember { name, members } => format!(
                "{} n'est pas un territoire membre du périmètre ({}){NB}; il faut l'un d'eux, ou un groupe d'entre eux",
                q(name),
                members.join(", ")
            ),
            M::UnknownRule { name, suggestion } => format!(
                "\"rules\"{NB}: règle inconnue {}{}{NB}; la commande \"actormap rules\" les liste",
                q(name),
                did_you_mean(suggestion)
            ),
            M::Rule { name, then } => {
                format!("règle {}{NB}: {}", q(name), self.load_message(then))
            }
            M::All(messages) => messages
                .iter()
                .map(|m| self.load_message(m))
                .collect::<Vec<_>>()
                .join(&format!("{NB}; ")),
            M::UnknownSeverity { word } => format!(
                "gravité inconnue {}{NB}; attendu{NB}: {SEVERITIES}",
                q(word)
            ),
            M::ExpectedSeverity => format!("il faut un texte ({SEVERITIES})"),
            M::UnknownSettingKey { key } => format!(
                "réglage inconnu {}{NB}; attendu{NB}: nom, population, périmètre, langue, programme, début, fin, aide forfaitaire, bonus par habitant, seuil, seuil prioritaire ou règle NOM (commencez la clé par # pour garder la ligne comme note)",
                q(key)
            ),
            M::SettingAgain { key, first } => format!(
                "{} est donné une seconde fois (la première à la ligne {first}){NB}; n'en gardez qu'une",
                q(key)
            ),
            M::SettingGivenTwice {
                setting,
                before,
                place,
            } => format!(
                "le réglage {setting} est donné deux fois ({before} et {place}){NB}; n'en gardez qu'un"
            ),
            M::RuleTwice {
                rule,
                before,
                place,
            } => format!(
                "la règle {} est réglée deux fois ({before} et {place}){NB}; n'en gardez qu'un réglage",
                q(rule)
            ),
            M::RuleSettingAgain { rule, key } => format!(
                "règle {}{NB}: {} est donné une seconde fois",
                q(rule),
                q(key)
            ),
            M::UnknownSetting { key, expected } => {
                format!(
                    "réglage inconnu {}{NB}; attendu{NB}: {}",
                    q(key),
                    code(expected)
                )
            }
            M::ExpectedSeverityOrObject { example } => {
                format!("il faut une gravité ({SEVERITIES}) ou un objet comme {example}")
            }
            M::ExpectedList { of, found } => {
                let what = match of {
                    ListOf::Roles => "noms de rôles",
                    ListOf::Ids => "identifiants d'objectifs ou de domaines",
                };
                format!("il faut une liste de {what}, et non {found}")
            }
            M::ExpectedCount { found } => {
                format!("il faut un nombre entier (0 ou plus), et non {found}")
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
                    format!("la ligne {first} au-dessus ({}) est ignorée", q(text))
                } else {
                    format!(
                        "les lignes {first} à {last} au-dessus ({}) sont ignorées",
                        q(text)
                    )
                };
                format!("l'en-tête est à la ligne {header}{NB}; {lines}, comme un titre")
            }
        }
    }

    fn load_error(&self, error: &LoadError) -> String {
        let column = error
            .column
            .as_ref()
            .map(|c| format!("colonne {}{NB}: ", q(c)))
            .unwrap_or_default();
        format!(
            "{}{NB}: {column}{}",
            error.location,
            self.load_message(&error.message)
        )
    }

    fn note(&self, note: &Note) -> String {
        format!(
            "{}{NB}: {}",
            note.location,
            self.note_message(&note.message)
        )
    }

    fn error_prefix(&self) -> &'static str {
        "erreur\u{a0}: "
    }

    fn note_prefix(&self) -> &'static str {
        "note\u{a0}: "
    }

    fn more_errors(&self, more: usize, file: &str) -> String {
        let others = if more > 1 {
            "autres erreurs"
        } else {
            "autre erreur"
        };
        format!("... et {} {others} dans {file}", self.number(more as f64))
    }

    fn load_failed(&self, errors: usize) -> String {
        format!(
            "{} dans les fichiers d'entrée, rien n'a été fait",
            self.count(errors, "erreur", "erreurs")
        )
    }

    fn cannot_write(&self, path: &str, error: &str) -> String {
        format!("impossible d'écrire {path}{NB}: {error}")
    }
}

/// The severity words a rule setting takes, in French (the English ones are accepted too).
const SEVERITIES: &str = "erreur, avertissement, info ou désactivée";
