//! What went wrong while loading a territory, as data: each [`Message`] holds the names,
//! texts, numbers, dates and places it speaks of, and is said in the user's language only
//! when an error is printed. [`Words`] is what every language must say for the loader; each
//! language implements it once (`src/i18n/fr/load.rs`, `src/i18n/en/load.rs`).
//!
//! A new load error adds its variant here; the compiler then points at each language's
//! catalog until it says it.

use jiff::civil::Date;

use crate::error::{LoadError, Location, Note};
use crate::i18n::Lang;
use crate::load::TableKind;

/// What is wrong at a place of the input (a file, a line, a cell).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Message {
    // --- The territory's files ---
    /// The territory path does not exist.
    NoSuchPath,
    /// The territory path is neither a folder nor a file that can be read.
    NotATerritory(PathKind),
    /// A table, the settings or a workbook is not a regular file.
    NotAFile(PathKind),
    /// The operating system's own words.
    CannotRead {
        error: crate::error::OsError,
    },
    /// Larger than `mib` MiB.
    TooLarge {
        mib: u64,
    },
    /// territory.json and territoire.json both there.
    SettingsTwice {
        first: String,
        second: String,
    },
    SeveralWorkbooks {
        books: Vec<String>,
    },
    /// A required table has no sheet in the workbook; `beside`: a CSV file beside it would
    /// also do.
    MissingSheet {
        table: TableKind,
        beside: bool,
    },
    /// A required table has no file in the folder.
    MissingFile {
        table: TableKind,
        folder: String,
    },
    /// One table in several files (CSV files first).
    TableTwice {
        table: TableKind,
        files: Vec<String>,
    },
    /// One table under two keys of one JSON file.
    TableTwiceInFile {
        key: String,
        table: TableKind,
        first_line: usize,
    },
    /// One table in two sheets of one workbook.
    TableTwiceInBook {
        table: TableKind,
        book: String,
    },

    // --- Bytes and text ---
    Unreadable(Encoding),
    /// A byte that is not UTF-8 in a file that is UTF-8 elsewhere, after some text.
    BadUtf8 {
        byte: u8,
        after: Option<String>,
    },

    // --- CSV files and sheets ---
    EmptyCsv,
    EmptySheet,
    /// More cells than the header has columns.
    TooManyCells {
        cells: usize,
        columns: usize,
    },
    /// A quote opened on this line is never closed.
    UnclosedQuote,
    UnreadableWorkbook {
        error: String,
    },
    UnreadableSheet {
        error: String,
    },
    /// A sheet named like the settings.
    SettingsSheet,
    /// A sheet named after no table; `expected`: every name a sheet may have.
    UnknownSheet {
        sheet: String,
        expected: String,
    },
    /// A cell of a sheet (`B4`).
    Cell {
        cell: String,
        problem: CellProblem,
    },

    // --- Headers ---
    /// Two columns mean one field.
    SameColumn {
        first: String,
        second: String,
        field: String,
    },
    MissingColumn {
        column: String,
        table: TableKind,
        accepted: Vec<&'static str>,
    },
    /// `expected`: the table's columns, as its language names them.
    UnknownColumn {
        column: String,
        table: TableKind,
        suggestion: Option<String>,
        expected: String,
    },
    /// No line reads as the header; the first line skipped and its text.
    Headerless {
        table: TableKind,
        first: Option<(usize, String)>,
        expected: String,
    },

    // --- JSON ---
    JsonSyntax {
        column: usize,
        problem: JsonProblem,
    },
    NotJsonObject,
    EmptyJson,
    /// What is wrong with the value of a key: `"population": ...`.
    Key {
        key: String,
        then: Box<Message>,
    },
    WholeInhabitants,
    ExpectedLang {
        found: String,
    },
    /// A key of territory.json that is no setting and no table.
    UnknownKey {
        key: String,
    },
    ExpectedString,
    ExpectedNumber,
    ExpectedShare,
    ExpectedObject,
    UnknownProgrammeKey {
        key: String,
    },
    ProgrammeEndsBeforeStart {
        start: Date,
        end: Date,
    },
    ExpectedPerimeter,
    ExpectedRules,
    ExpectedArray,
    ExpectedRowObject,
    ExpectedCell,

    // --- Cell values ---
    NotANumber {
        text: String,
    },
    NotYesNo {
        text: String,
    },
    UnknownWord {
        vocabulary: Vocabulary,
        text: String,
        suggestion: Option<String>,
    },
    NotAnAmount {
        text: String,
    },
    Negative {
        text: String,
        quantity: Quantity,
    },
    NotAProgressValue {
        text: String,
    },
    YearOutOfRange {
        text: String,
        year: i16,
    },
    NotADate {
        text: String,
    },
    /// A required cell is empty.
    Empty {
        key: String,
        expected: Expected,
    },

    // --- Rows and references ---
    /// `derived`: the id was made from the name (or title).
    DuplicateId {
        thing: Thing,
        id: String,
        derived: bool,
        first: Location,
    },
    /// The name (or title) gives no id.
    NoId {
        thing: Thing,
        name: String,
    },
    /// Equal names once case and accents are ignored; `used`: where links or groups name
    /// them, when they do.
    SameName {
        name: String,
        first: String,
        first_at: Location,
        used: Vec<Location>,
    },
    UnknownActor {
        name: String,
        suggestion: Option<String>,
    },
    /// A name, id or alias of several actors, used by links or groups.
    AmbiguousActor {
        name: String,
        others: Vec<(String, Location)>,
        used: Vec<Location>,
    },
    MemberOfItself {
        name: String,
    },
    GroupCycle {
        names: Vec<String>,
    },
    UnknownDomain {
        domain: String,
        suggestion: Option<String>,
    },
    ObjectiveIsDomain {
        id: String,
        at: Location,
    },
    UnknownObjective {
        id: String,
        suggestion: Option<String>,
    },
    UnknownObjectiveOrDomain {
        id: String,
        suggestion: Option<String>,
    },
    /// Several roles and several means, not as many of each.
    Unpaired {
        roles: usize,
        means: usize,
    },
    SecondValue {
        objective: String,
        date: Date,
        first: Location,
    },
    ActionEndsBeforeStart {
        start: Date,
        end: Date,
    },
    RelatedToItself {
        id: String,
    },
    UnknownRelated {
        id: String,
        suggestion: Option<String>,
    },
    ReportsToItself {
        name: String,
    },
    UnknownBody {
        name: String,
        suggestion: Option<String>,
    },
    /// A parent's name several bodies answer to: their ids and rows.
    SeveralBodies {
        name: String,
        bodies: Vec<(String, Location)>,
    },
    BodyCycle {
        names: Vec<String>,
    },
    /// A scope "every member" in a territory without perimeter.
    EveryMemberWithoutPerimeter {
        text: String,
    },
    NotAMember {
        name: String,
        members: Vec<String>,
    },

    // --- Rule settings (territory.json's "rules") ---
    UnknownRule {
        name: String,
        suggestion: Option<String>,
    },
    /// What is wrong with a rule's setting.
    Rule {
        name: String,
        then: Box<Message>,
    },
    /// Several problems of one setting, said one after the other.
    All(Vec<Message>),
    UnknownSeverity {
        word: String,
    },
    ExpectedSeverity,
    UnknownSetting {
        key: String,
        expected: Vec<&'static str>,
    },
    /// `example`: a setting object for the rule, in JSON.
    ExpectedSeverityOrObject {
        example: String,
    },
    /// `found`: the JSON value given.
    ExpectedList {
        of: ListOf,
        found: String,
    },
    ExpectedCount {
        found: String,
    },

    // --- The settings sheet of a workbook (Paramètres) ---
    /// A key of the settings sheet that is no setting.
    UnknownSettingKey {
        key: String,
    },
    /// A setting given on two rows of the sheet; `first`: the row of the first.
    SettingAgain {
        key: String,
        first: usize,
    },
    /// A setting given in territory.json and in the sheet; `setting` as the user wrote it.
    SettingGivenTwice {
        setting: String,
        before: String,
        place: String,
    },
    /// A rule set in territory.json and in the sheet.
    RuleTwice {
        rule: String,
        before: String,
        place: String,
    },
    /// A rule's setting given on two rows of the sheet.
    RuleSettingAgain {
        rule: String,
        key: String,
    },
}

/// What a path is, when it is not what was expected.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum PathKind {
    /// Its metadata cannot be read: the system's words.
    CannotBeRead(String),
    Missing,
    Folder,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    NotRegular,
}

/// Why bytes are not text we can read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Encoding {
    /// A byte-order mark of this encoding, but the bytes are not valid in it.
    InvalidAfterMark(&'static str),
    NulByte,
    NeitherUtf8NorWindows1252,
}

/// What is wrong with a cell of a sheet.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum CellProblem {
    /// It holds a spreadsheet error (`#DIV/0!`).
    Error(String),
    /// It is right of the last named column.
    BeyondColumns,
}

/// A JSON syntax error, explained in words a spreadsheet user knows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum JsonProblem {
    UnclosedText,
    TypographicQuotes,
    /// `1 500` in a file: the file name, the number, as typed.
    SpacedNumber {
        file: String,
        number: String,
        typed: String,
    },
    DecimalComma {
        whole: String,
        decimals: String,
    },
    MissingComma,
    TrailingComma,
    SingleQuotes,
    Comments,
    UnquotedKey,
    UnclosedObject,
    UnclosedArray,
    ExtraClose,
    ExtraComma,
    /// Anything else: the parser's own words.
    Parser(String),
}

/// The words a cell may hold, as `values` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Vocabulary {
    Role,
    Means,
    Status,
}

impl Vocabulary {
    /// Every word accepted in `lang`, as the message lists them: "chef de file, pilote...;
    /// ..." (the other language's words are accepted too, but not listed).
    pub fn listed(self, lang: crate::i18n::Lang) -> String {
        use crate::load::values::{MEANS_WORDS, ROLE_WORDS, STATUS_WORDS, listed};
        match self {
            Vocabulary::Role => listed(&ROLE_WORDS, lang),
            Vocabulary::Means => listed(&MEANS_WORDS, lang),
            Vocabulary::Status => listed(&STATUS_WORDS, lang),
        }
    }
}

/// What may not be negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quantity {
    Amount,
    Target,
    Value,
}

/// What a required cell should hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Expected {
    ActorName,
    ActorReference,
    BodyName,
    DomainId,
    DomainName,
    ObjectiveId,
    NewObjectiveId,
    ObjectiveDomain,
    ObjectiveTitle,
    ObjectiveOrDomain,
    ActionTitle,
    Role,
    MeasurementDate,
    MeasurementValue,
}

/// What a row defines, for duplicate ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Thing {
    Actor,
    Objective,
    Domain,
    Action,
    Body,
}

/// What a rule's list setting holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ListOf {
    Roles,
    Ids,
}

/// What a note about the input says.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoteMessage {
    /// Rows above the header skipped as a title: the header's line, the lines skipped and
    /// the first one's text.
    TitleSkipped {
        header: usize,
        first: usize,
        last: usize,
        text: String,
    },
}

/// What every language says for the loader.
pub trait Words {
    /// What went wrong, without its place.
    fn load_message(&self, message: &Message) -> String;
    /// A note's text, without its place.
    fn note_message(&self, note: &NoteMessage) -> String;
    /// One error with its place: `acteurs.csv:4 : colonne « nom » : ...`.
    fn load_error(&self, error: &LoadError) -> String;
    /// One note with its place.
    fn note(&self, note: &Note) -> String;
    /// The word that starts an error's line, with its colon and space: "erreur : ".
    fn error_prefix(&self) -> &'static str;
    /// The word that starts a note's line: "note : ".
    fn note_prefix(&self) -> &'static str;
    /// The line for the errors of a file not shown: "... et 3 autres erreurs dans x.csv".
    fn more_errors(&self, more: usize, file: &str) -> String;
    /// The last line of a failed load: "2 erreurs dans les fichiers, rien n'a été fait".
    fn load_failed(&self, errors: usize) -> String;
    /// "cannot write x: ..." for an output that could not be written.
    fn cannot_write(&self, path: &str, error: &str) -> String;
}

impl Message {
    /// The message, said in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        lang.catalog().load_message(self)
    }

    /// The message about the value of `key`.
    pub fn at_key(self, key: impl Into<String>) -> Message {
        Message::Key {
            key: key.into(),
            then: Box::new(self),
        }
    }
}

impl NoteMessage {
    /// The note, said in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        lang.catalog().note_message(self)
    }
}

impl Thing {
    /// Whether its id is made from its title rather than its name.
    pub fn titled(self) -> bool {
        matches!(self, Thing::Action)
    }
}
