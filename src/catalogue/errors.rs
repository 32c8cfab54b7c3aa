//! The errors that end a command, in the reader's language: what the library's typed errors
//! say, keyed by what they are (the command line maps each error to one of these).

use super::Lang;

/// An error that ends a command.
#[derive(Debug, Clone, Copy)]
pub enum ErrorText<'a> {
    /// A file that exists and is not overwritten without `--force`.
    Exists(&'a str),
    /// A name that is not one safe component.
    UnsafeName(&'a str),
    /// A folder on the way that is a link or not a folder.
    NotAFolder(&'a str),
    /// An archive whose earlier write failed in this run.
    ArchiveBroken(&'a str),
    /// An archive another run is writing.
    ArchiveBusy(&'a str),
    /// A line of `archive.jsonl` that is not a record.
    ArchiveRecord {
        /// The file.
        path: &'a str,
        /// Its line, from 1.
        line: usize,
        /// What is wrong.
        why: RecordWhy<'a>,
    },
    /// A record file that is not text.
    ArchiveNotText(&'a str),
}

/// What is wrong with a line of a record file.
#[derive(Debug, Clone, Copy)]
pub enum RecordWhy<'a> {
    /// Not JSON: the reader's (English) words and the column.
    Json {
        /// The reader's words.
        message: &'a str,
        /// The column.
        column: usize,
    },
    /// A required key is missing.
    Incomplete,
    /// A file name that is not one of the folder.
    NotAName(&'a str),
}

fn record_why(lang: Lang, why: RecordWhy<'_>) -> String {
    match (lang, why) {
        (Lang::En, RecordWhy::Json { message, column }) => format!("{message}, column {column}"),
        (Lang::It, RecordWhy::Json { column, .. }) => {
            format!("JSON non valido alla colonna {column}")
        }
        (Lang::En, RecordWhy::Incomplete) => "no sha256 or file".into(),
        (Lang::It, RecordWhy::Incomplete) => "mancano sha256 o file".into(),
        (Lang::En, RecordWhy::NotAName(n)) => {
            format!("{n:?} is not a file name inside the archive")
        }
        (Lang::It, RecordWhy::NotAName(n)) => {
            format!("{n:?} non è il nome di un file dentro l'archivio")
        }
    }
}

/// The words of an error.
pub fn error_text(lang: Lang, e: ErrorText<'_>) -> String {
    use ErrorText as E;
    match (lang, e) {
        (Lang::En, E::Exists(p)) => format!("{p} already exists (--force replaces it)"),
        (Lang::It, E::Exists(p)) => format!("{p} esiste già (--force lo sostituisce)"),
        (Lang::En, E::UnsafeName(n)) => format!("refusing unsafe file name {n:?}"),
        (Lang::It, E::UnsafeName(n)) => format!("nome di file non sicuro rifiutato: {n:?}"),
        (Lang::En, E::NotAFolder(p)) => {
            format!("{p} is not a plain folder (a file, or a symbolic link)")
        }
        (Lang::It, E::NotAFolder(p)) => {
            format!("{p} non è una cartella (è un file, o un collegamento simbolico)")
        }
        (Lang::En, E::ArchiveBroken(d)) => {
            format!("{d}: an earlier write to the archive failed; open it again to go on")
        }
        (Lang::It, E::ArchiveBroken(d)) => format!(
            "{d}: una scrittura precedente nell'archivio non è riuscita; riaprirlo per continuare"
        ),
        (Lang::En, E::ArchiveBusy(d)) => {
            format!("{d}: another peckit archive is writing to this folder")
        }
        (Lang::It, E::ArchiveBusy(d)) => {
            format!("{d}: un altro peckit archive sta scrivendo in questa cartella")
        }
        (Lang::En, E::ArchiveRecord { path, line, why }) => {
            format!("{path}, line {line}: not an archive record ({})", record_why(lang, why))
        }
        (Lang::It, E::ArchiveRecord { path, line, why }) => format!(
            "{path}, riga {line}: non è un record dell'archivio ({})",
            record_why(lang, why)
        ),
        (Lang::En, E::ArchiveNotText(p)) => format!("{p}: not text (UTF-8): not a record file"),
        (Lang::It, E::ArchiveNotText(p)) => {
            format!("{p}: non è testo (UTF-8): non è un file di record")
        }
    }
}
