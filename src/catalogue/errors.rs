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
        /// What is wrong, as the JSON reader says it.
        why: &'a str,
    },
    /// A record file that is not text.
    ArchiveNotText(&'a str),
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
            format!("{path}, line {line}: not an archive record ({why})")
        }
        (Lang::It, E::ArchiveRecord { path, line, why }) => {
            format!("{path}, riga {line}: non è un record dell'archivio ({why})")
        }
        (Lang::En, E::ArchiveNotText(p)) => format!("{p}: not text (UTF-8): not a record file"),
        (Lang::It, E::ArchiveNotText(p)) => {
            format!("{p}: non è testo (UTF-8): non è un file di record")
        }
    }
}
