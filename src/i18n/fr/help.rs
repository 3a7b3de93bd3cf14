//! La ligne de commande en français : l'aide de chaque commande et de chaque option, et ce
//! que clap trouve de travers (« option inconnue », « valeur refusée »).

use super::{French, NB};
use crate::help::{Label, Words, Wrong};
use crate::i18n::Language;

/// A territory given to a command, in the words every command shares.
const TERRITORY: &str = "Un dossier de territoire (ses tables CSV), un fichier JSON ou un classeur (.xlsx, .ods). Par défaut\u{a0}: le dossier courant s'il contient un territoire, sinon l'exemple intégré (le Pays du Calaisis)";

/// Where a report is written (`list`, `check`, `status`, `diff`).
const REPORT_OUT: &str = "Le fichier à écrire (en entier ou pas du tout)\u{a0}; `-` ou rien écrit sur la sortie standard, sauf `--format xlsx`, jamais écrit là\u{a0}: sans `--out`, c'est un classeur au nom du rapport dans le dossier courant (constats.xlsx, etat-avancement.xlsx, changements.xlsx, acteurs-roles.xlsx)";

const FOLDER_OUT: &str = "Le dossier où les fichiers sont écrits (créé s'il manque)";

const FORMATS: &str = "Les formats de sortie, séparés par des virgules (par défaut\u{a0}: svg pour render, svg,png pour build)";

impl Words for French {
    fn help_text(&self, key: &str) -> Option<&'static str> {
        Some(match key {
            "actormap" => {
                "Fait du tableau des acteurs d'un territoire ses cartes d'acteurs, ses contrôles de lacunes et ses tableaux d'avancement"
            }
            "* lang" => {
                "La langue de ce qu'écrit actormap (constats, règles, cartes, exports)\u{a0}; sinon la «\u{a0}lang\u{a0}» du territoire dans territory.json, sinon le français"
            }
            "* lang=fr" => "Français",
            "* lang=en" => "Anglais",
            "* territory" => TERRITORY,
            "* out" => REPORT_OUT,
            "* format=text" => "Du texte à lire",
            "* format=json" => "Du JSON stable, pour les scripts",
            "* format=markdown" => "Un tableau Markdown",
            "* format=svg" => "Des images vectorielles",
            "* format=png" => "Des images pour les diapositives",
            "* format=scene" => "La scène mise en page, en JSON",
            "* size" => "La taille de l'image en pixels, LARGEURxHAUTEUR",
            "* at" => {
                "La date à laquelle répondre (2022-06-30 ou 30/06/2022)\u{a0}: les mesures postérieures sont ignorées"
            }

            "list" => {
                "Montre ce qui a été chargé, domaine par domaine\u{a0}: objectifs, cibles et qui tient quel rôle"
            }
            "list territory" => {
                "Un dossier de territoire (domaines.csv, objectifs.csv, acteurs.csv, liens.csv), un fichier JSON ou un classeur (.xlsx, .ods). Par défaut\u{a0}: le dossier courant s'il contient un territoire, sinon l'exemple intégré (le Pays du Calaisis)"
            }
            "list format" => {
                "Comment l'écrire\u{a0}: du texte, ou des tableaux pour un tableur (csv, xlsx)"
            }
            "list format=text" => "Domaine par domaine, objectif par objectif",
            "list format=csv" => {
                "Un tableau pour Excel (en français\u{a0}: `;`, UTF-8 avec BOM)\u{a0}: une ligne par objectif, rôle et acteur, ou, avec --table, par action ou par instance"
            }
            "list format=xlsx" => {
                "Un classeur Excel (acteurs-roles.xlsx, sauf autre --out), une feuille par tableau"
            }
            "list table" => {
                "Le tableau à écrire avec --format csv ou xlsx\u{a0}: qui tient quel rôle (par défaut en csv), les actions, ou les instances de gouvernance. Un classeur sans --table a une feuille par tableau que tient le territoire"
            }
            "list table=roles" => {
                "Qui tient quel rôle\u{a0}: une ligne par objectif, rôle et acteur"
            }
            "list table=actions" => {
                "Une ligne par action\u{a0}: ses porteurs, son état, son périmètre, ses dates et son budget"
            }
            "list table=bodies" => {
                "Une ligne par instance de gouvernance\u{a0}: son animateur, ses membres et l'instance dont elle relève"
            }

            "check" => {
                "Cherche les lacunes du territoire\u{a0}: objectifs sans chef de file ni financeur, rôles manquants, acteurs orphelins ou en double… `actormap rules` liste les règles"
            }
            "check!long" => {
                "Cherche les lacunes du territoire\u{a0}: objectifs sans chef de file ni financeur, rôles manquants, acteurs orphelins ou en double… `actormap rules` liste les règles.\n\nCode de sortie 0 quand aucun constat n'est une erreur, 1 quand il y en a une, 2 si les données sont illisibles."
            }
            "check format" => "Comment écrire les constats",
            "check format=text" => "Un bloc par constat et une ligne de bilan",
            "check format=json" => "Une liste stable de constats, pour les scripts",
            "check format=markdown" => "Un tableau pour le relevé de décisions",
            "check format=csv" => {
                "Une ligne par constat, pour Excel (en français\u{a0}: `;`, UTF-8 avec BOM)"
            }
            "check format=xlsx" => "Un classeur Excel (constats.xlsx, sauf autre --out)",
            "check deny" => {
                "Donne les constats de cette règle comme des erreurs\u{a0}; `--deny warnings` fait de chaque avertissement une erreur"
            }
            "check warn" => "Donne les constats de cette règle comme des avertissements",
            "check allow" => "Ne lance pas cette règle",

            "rules" => {
                "Liste les règles de `check`\u{a0}: nom, gravité par défaut, ce que chacune trouve et pourquoi c'est important"
            }
            "rules format" => {
                "Comment écrire la liste (markdown\u{a0}: le tableau des règles du README)"
            }

            "status" => {
                "Où en est le territoire face à son contrat\u{a0}: pour chaque objectif sa valeur, la part de la cible, le seuil et le verdict, une projection à la fin du programme\u{a0}; puis les conditions du bonus de 3e année et les montants en jeu"
            }
            "status territory" => {
                "Un dossier de territoire (avancement.csv y tient les mesures datées), un fichier JSON ou un classeur (.xlsx, .ods). Par défaut\u{a0}: le dossier courant s'il contient un territoire, sinon l'exemple intégré (le Pays du Calaisis)"
            }
            "status format" => "Comment l'écrire",
            "status format=csv" => {
                "Une ligne par objectif, pour Excel (en français\u{a0}: `;`, virgule décimale, UTF-8 avec BOM)"
            }
            "status format=xlsx" => "Un classeur Excel (etat-avancement.xlsx, sauf autre --out)",

            "diff" => {
                "Ce qui a changé entre deux versions d'un territoire (par exemple celle du dernier comité et celle d'aujourd'hui)\u{a0}: acteurs, rôles et chefs de file par objectif, constats, avancement"
            }
            "diff!long" => {
                "Ce qui a changé entre deux versions d'un territoire (par exemple celle du dernier comité et celle d'aujourd'hui)\u{a0}: acteurs, rôles et chefs de file par objectif, constats, avancement.\n\nCode de sortie 0 quelle que soit la différence, 2 si les données sont illisibles."
            }
            "diff old" => {
                "L'ancienne version\u{a0}: dossier de territoire, fichier JSON ou classeur (.xlsx, .ods)"
            }
            "diff new" => {
                "La nouvelle version\u{a0}: dossier de territoire, fichier JSON ou classeur (.xlsx, .ods)"
            }
            "diff format" => "Comment l'écrire",
            "diff format=csv" => {
                "Une ligne par changement, pour Excel (en français\u{a0}: `;`, virgule décimale, UTF-8 avec BOM)"
            }
            "diff format=xlsx" => "Un classeur Excel (changements.xlsx, sauf autre --out)",

            "render" => {
                "Dessine des cartes\u{a0}: la cartographie des acteurs d'un domaine, celle d'un objectif, d'un acteur, la vue d'ensemble du territoire, la matrice acteurs x objectifs ou le graphique d'avancement, en SVG, PNG ou scène JSON"
            }
            "render domains" => {
                "Un domaine à cartographier (son identifiant ou son nom, par exemple DC3 ou «\u{a0}adaptation\u{a0}»)\u{a0}; à répéter pour plusieurs"
            }
            "render pages" => {
                "La page d'un domaine, comme la page zoom du diaporama (son identifiant ou son nom, par exemple DC3)\u{a0}; à répéter pour plusieurs"
            }
            "render objectives" => {
                "Un objectif à cartographier seul (son identifiant ou son intitulé)\u{a0}; à répéter pour plusieurs"
            }
            "render actors" => {
                "Un acteur dont dessiner la carte (identifiant, nom ou alias)\u{a0}; à répéter pour plusieurs"
            }
            "render overview" => {
                "La vue d'ensemble du territoire\u{a0}: domaines, objectifs, pastilles de priorité et de lacune"
            }
            "render matrix" => "La matrice acteurs x objectifs (lettres à la manière d'un RACI)",
            "render coverage" => {
                "La grille de couverture\u{a0}: chaque objectif dont le périmètre est suivi, face aux membres du territoire, avec les actions qui y sont menées, en rouge là où aucune ne l'est"
            }
            "render governance" => {
                "Le schéma de gouvernance\u{a0}: chaque instance (instances.csv) avec son animateur et ses membres, une flèche vers l'instance dont elle relève"
            }
            "render links" => {
                "Les liens entre domaines (les «\u{a0}liens\u{a0}» des domaines)\u{a0}: un lien à sens unique en pointillé"
            }
            "render status" => {
                "Le graphique d'avancement\u{a0}: une barre par objectif face à sa cible, le verdict du bonus"
            }
            "render at" => {
                "Dessine le graphique d'avancement à cette date (2022-06-30 ou 30/06/2022)"
            }
            "render all" => {
                "Toutes les cartes de domaine, la vue d'ensemble, la matrice et le graphique d'avancement"
            }
            "render format" | "build format" | "watch format" => FORMATS,
            "render out" | "build out" | "watch out" | "dossier out" => FOLDER_OUT,

            "build" => {
                "Le travail principal\u{a0}: vérifie le territoire, puis dessine chaque carte de domaine, la vue d'ensemble, la matrice et le graphique d'avancement dans le dossier de sortie, en disant ce qui a été écrit"
            }
            "build!long" => {
                "Le travail principal\u{a0}: vérifie le territoire, puis dessine chaque carte de domaine, la vue d'ensemble, la matrice et le graphique d'avancement dans le dossier de sortie, en disant ce qui a été écrit.\n\nCode de sortie 1 quand le contrôle trouve une erreur (les cartes sont dessinées quand même et montrent les lacunes), 2 si les données sont illisibles."
            }

            "report" => {
                "Écrit une page HTML autonome à partager (index.html)\u{a0}: le programme et ses montants, le graphique d'avancement, les constats, la carte de chaque domaine avec ses objectifs et ses moyens, la matrice, chaque acteur\u{a0}; un clic sur un acteur le montre sur chaque carte. `build` l'écrit aussi"
            }
            "report!long" => {
                "Écrit une page HTML autonome à partager (index.html)\u{a0}: le programme et ses montants, le graphique d'avancement, les constats, la carte de chaque domaine avec ses objectifs et ses moyens, la matrice, chaque acteur\u{a0}; un clic sur un acteur le montre sur chaque carte. `build` l'écrit aussi.\n\nCode de sortie 1 quand le contrôle trouve une erreur (la page est écrite quand même), 2 si les données sont illisibles."
            }
            "report at" => "Donne l'avancement à cette date (2022-06-30 ou 30/06/2022)",
            "report out" => "Le dossier où index.html est écrit (créé s'il manque)",

            "dossier" => {
                "Le dossier du comité de pilotage en une commande\u{a0}: dossier-copil.pdf et dossier-copil.pptx (les mêmes pages, une diapositive chacune, les constats de la page dans les notes de l'orateur), écrits ensemble dans le dossier de sortie"
            }
            "dossier!long" => {
                "Le dossier du comité de pilotage en une commande\u{a0}: dossier-copil.pdf et dossier-copil.pptx (les mêmes pages, une diapositive chacune, les constats de la page dans les notes de l'orateur), écrits ensemble dans le dossier de sortie.\n\nPages\u{a0}: titre (territoire, programme, «\u{a0}Comité de pilotage du <date>\u{a0}»), les objectifs contractuels, les décisions à prendre, la vue d'ensemble, la carte de chaque domaine, la matrice, le graphique d'avancement, les points d'attention, et avec --since ce qui a changé depuis."
            }
            "dossier at" => {
                "La date du comité (2023-06-30 ou 30/06/2023)\u{a0}: les mesures postérieures sont ignorées. Sans elle, la date de la dernière mesure (jamais celle du jour)"
            }
            "dossier since" => {
                "Le territoire tel que l'a vu le dernier comité (dossier, fichier JSON ou classeur)\u{a0}: ajoute la page de ce qui a changé depuis"
            }

            "watch" => {
                "Construit, puis reconstruit à chaque enregistrement d'un fichier du territoire, en disant les constats apparus ou résolus et les fichiers modifiés. Un enregistrement illisible est signalé et les cartes de la dernière construction réussie restent"
            }
            "watch!long" => {
                "Construit, puis reconstruit à chaque enregistrement d'un fichier du territoire, en disant les constats apparus ou résolus et les fichiers modifiés. Un enregistrement illisible est signalé et les cartes de la dernière construction réussie restent.\n\nCtrl-C l'arrête, une fois écrits les fichiers d'une reconstruction en cours\u{a0}: code de sortie 0."
            }
            "watch territory" => {
                "Un dossier de territoire (ses tables CSV, territory.json et son classeur sont surveillés), un fichier JSON ou un classeur (.xlsx, .ods). Par défaut\u{a0}: le dossier courant (l'exemple intégré ne se surveille pas)"
            }

            "export" => {
                "Exporte le graphe du territoire (acteurs, objectifs, domaines\u{a0}; rôles avec leurs moyens et notes\u{a0}; groupes et leurs membres) pour yEd, Gephi, Graphviz, Mermaid ou Kumu, ou sa matrice acteurs x objectifs en CSV pour Excel"
            }
            "export format" => "L'outil pour lequel exporter",
            "export format=graphml" => {
                "GraphML pour yEd (avec ses couleurs de nœuds) et les autres lecteurs de GraphML"
            }
            "export format=gexf" => "GEXF 1.3 pour Gephi",
            "export format=dot" => "DOT pour Graphviz",
            "export format=mermaid" => "Un organigramme Mermaid pour les documents Markdown",
            "export format=kumu" => "L'import JSON de Kumu",
            "export format=csv" => {
                "La matrice acteurs x objectifs, séparée par des `;`, pour Excel"
            }
            "export domain" => {
                "Ce domaine seulement (son identifiant, par exemple DC3)\u{a0}: ses objectifs et les acteurs qui y sont liés"
            }
            "export out" => {
                "Le fichier à écrire (en entier ou pas du tout)\u{a0}; `-` écrit sur la sortie standard"
            }

            "init" => {
                "Écrit un classeur de départ à remplir, territoire.xlsx\u{a0}: une feuille Paramètres, les feuilles Domaines, Objectifs, Acteurs, Liens et Avancement avec leurs en-têtes, notes et listes déroulantes, et une feuille #Mode d'emploi. N'écrase jamais un fichier"
            }
            "init dir" => "Le dossier où écrire territoire.xlsx (créé s'il manque)",
            "init from" => {
                "Remplit le classeur avec ce territoire (dossier, fichier JSON, classeur)\u{a0}; `--from` seul\u{a0}: le territoire du dossier courant, sinon l'exemple intégré"
            }

            "schema" => {
                "Écrit le schéma JSON (draft 2020-12) d'un territoire donné en un fichier JSON, pour qu'un éditeur aide à le remplir et le vérifie\u{a0}: `actormap schema > territoire.schema.json`"
            }
            "completions" => {
                "Écrit le script de complétion d'un shell, par exemple `actormap completions bash > ~/.local/share/bash-completion/completions/actormap`"
            }
            "completions shell" => "Le shell",
            "man" => {
                "Écrit la page de manuel (roff) d'actormap, ou de l'une de ses commandes\u{a0}: `actormap man > actormap.1 && man ./actormap.1`"
            }
            "man command" => "Une commande, par exemple `export`, pour sa propre page",
            // The placeholders of values, in the usage line and the lists.
            "<TERRITORY>" => "TERRITOIRE",
            "<FORMAT>" => "FORMAT",
            "<TABLE>" => "TABLEAU",
            "<RULE>" => "RÈGLE",
            "<FILE>" => "FICHIER",
            "<ID>" => "ID",
            "<LANG>" => "LANGUE",
            "<OLD>" => "ANCIEN",
            "<NEW>" => "NOUVEAU",
            "<AT>" => "DATE",
            "<SIZE>" => "TAILLE",
            "<OUT>" => "DOSSIER",
            "<DIR>" => "DOSSIER",
            "<SINCE>" => "ANCIEN",
            "<SHELL>" => "SHELL",
            "<COMMAND>" => "COMMANDE",
            "<DOMAIN>" => "DOMAINE",
            _ => return None,
        })
    }

    fn cli_label(&self, label: Label) -> Option<&'static str> {
        Some(match label {
            Label::Usage => "Utilisation\u{a0}:",
            Label::Commands => "Commandes\u{a0}",
            Label::Options => "Options\u{a0}",
            Label::Arguments => "Arguments\u{a0}",
            Label::CommandValue => "COMMANDE",
            Label::HelpFlag => "Affiche l'aide (-h\u{a0}: l'aide résumée)",
            Label::VersionFlag => "Affiche la version",
            Label::HelpCommand => "Affiche l'aide d'actormap ou d'une de ses commandes",
            Label::HelpCommandArg => "La commande dont afficher l'aide",
            Label::Default => "par défaut",
            Label::PossibleValues => "valeurs possibles",
        })
    }

    fn wrong(&self, wrong: &Wrong) -> Option<String> {
        let closest = |c: &Option<String>| {
            c.as_ref()
                .map(|c| format!("{NB}; vouliez-vous dire {}{NB}?", self.quote(c)))
                .unwrap_or_default()
        };
        Some(match wrong {
            Wrong::UnknownOption { given, closest: c } => {
                format!("option inconnue {}{}", self.quote(given), closest(c))
            }
            Wrong::UnknownCommand { given, closest: c } => {
                format!("commande inconnue {}{}", self.quote(given), closest(c))
            }
            Wrong::InvalidValue {
                arg,
                given,
                possible,
                closest: c,
            } => {
                let possible = if possible.is_empty() {
                    String::new()
                } else {
                    format!(" (valeurs possibles{NB}: {})", possible.join(", "))
                };
                format!(
                    "{arg} ne prend pas la valeur {}{possible}{}",
                    self.quote(given),
                    closest(c)
                )
            }
            Wrong::Refused { arg, given, reason } => {
                format!("{arg} {}{NB}: {reason}", self.quote(given))
            }
            Wrong::Missing { args } => format!(
                "il manque {}",
                args.iter()
                    .map(|a| self.quote(a))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Wrong::Conflict { arg, other } if other.is_empty() || arg == other => {
                format!("{arg} est donné plusieurs fois")
            }
            Wrong::Conflict { arg, other } => format!("{arg} ne va pas avec {other}"),
            Wrong::TooMany { arg } => format!("{arg} a reçu trop de valeurs"),
            Wrong::NoValue { arg } => format!("{arg} attend une valeur"),
        })
    }

    fn more_help(&self, command: &str) -> Option<String> {
        Some(format!("Pour en savoir plus{NB}: {command} --help"))
    }
}
