//! A printable document, independent of its format: sections of headings, field lists,
//! tables and legends, each cell with a style. The evidence summary is built once as a
//! [`Document`]; the markdown and HTML renderers draw the same content, so the two can never
//! say different things.

/// How a cell is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Ordinary text.
    Plain,
    /// Identifiers, paths and hashes (monospaced, may break anywhere).
    Mono,
    /// A favourable outcome (valid, delivered).
    Good,
    /// An unfavourable outcome (invalid, not delivered).
    Bad,
}

/// One cell: its text (any text, escaped by the renderer) and a note shown below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// How it is shown.
    pub tone: Tone,
    /// A second line (the reason for a verdict), if any.
    pub note: Option<String>,
}

impl Cell {
    /// Ordinary text.
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), tone: Tone::Plain, note: None }
    }

    /// Text with a tone.
    pub fn toned(text: impl Into<String>, tone: Tone) -> Cell {
        Cell { text: text.into(), tone, note: None }
    }

    /// The same cell with a note below it.
    #[must_use]
    pub fn with_note(mut self, note: Option<String>) -> Cell {
        self.note = note;
        self
    }
}

/// One paragraph of a legend: a bold lead and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The bold lead ("Sent"), possibly empty.
    pub lead: &'static str,
    /// The text.
    pub text: &'static str,
}

/// A part of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Label–value rows.
    Fields(Vec<(&'static str, Cell)>),
    /// A table: column names and rows of cells.
    Table {
        /// Column names.
        columns: Vec<&'static str>,
        /// Rows, each as long as `columns`.
        rows: Vec<Vec<Cell>>,
    },
    /// Explanatory paragraphs.
    Legend(Vec<Paragraph>),
    /// One line of text.
    Note(Cell),
}

/// A titled part of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Its heading; empty for none (a warning's only part, under the warning's name).
    pub heading: &'static str,
    /// What it shows.
    pub block: Block,
}

/// One section: a page when printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The section's own name (the message's subject).
    pub name: String,
    /// Its parts, in order.
    pub parts: Vec<Part>,
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The title, repeated on every printed page.
    pub title: &'static str,
    /// The language tag (`it`, `en`).
    pub lang: &'static str,
    /// The sections.
    pub sections: Vec<Section>,
    /// What to say when there are no sections.
    pub empty: &'static str,
}
