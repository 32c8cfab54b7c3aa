//! An error that ends a command, said in the reader's language: each cause of the chain that
//! is one of the library's typed errors (or a system error) is said through the catalogue,
//! and the rest as it is.

use std::error::Error as _;

use peckit::archive::ArchiveError;
use peckit::catalogue::Lang;
use peckit::catalogue::errors::{ErrorText, error_text};
use peckit::extract::WriteError;

/// The chain of causes, joined by ": " (as anyhow's `{:#}`), each in `lang`.
pub fn localized(err: &anyhow::Error, lang: Lang) -> String {
    let mut parts = Vec::new();
    let mut causes = err.chain().peekable();
    while let Some(cause) = causes.next() {
        let (said, includes_source) = say(cause, lang);
        parts.push(said);
        // An error that says its source already: the next cause is that source.
        if includes_source && causes.peek().is_some() {
            causes.next();
        }
    }
    parts.join(": ")
}

/// One error and its sources, each in `lang`.
pub fn localized_error(err: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    let mut parts = Vec::new();
    let mut next = Some(err);
    while let Some(e) = next {
        let (said, includes_source) = say(e, lang);
        parts.push(said);
        next = e.source();
        if includes_source {
            next = next.and_then(|s| s.source());
        }
    }
    parts.join(": ")
}

/// One cause, and whether its words include its source's.
fn say(cause: &(dyn std::error::Error + 'static), lang: Lang) -> (String, bool) {
    if let Some(e) = cause.downcast_ref::<WriteError>() {
        let text = match e {
            WriteError::Exists(p) => error_text(lang, ErrorText::Exists(&p.display().to_string())),
            WriteError::UnsafeName(n) => error_text(lang, ErrorText::UnsafeName(n)),
            WriteError::NotAFolder(p) => {
                error_text(lang, ErrorText::NotAFolder(&p.display().to_string()))
            }
            WriteError::Io { path, source } => {
                format!("{}: {}", path.display(), system(source, lang))
            }
            _ => e.to_string(),
        };
        return (text, e.source().is_some());
    }
    if let Some(e) = cause.downcast_ref::<ArchiveError>() {
        let text = match e {
            ArchiveError::Io { path, error } => format!("{path}: {}", system(error, lang)),
            ArchiveError::Broken(d) => error_text(lang, ErrorText::ArchiveBroken(d)),
            ArchiveError::Busy(d) => error_text(lang, ErrorText::ArchiveBusy(d)),
            ArchiveError::NotText(p) => error_text(lang, ErrorText::ArchiveNotText(p)),
            ArchiveError::Record { path, line, why } => {
                use peckit::archive::RecordFault;
                use peckit::catalogue::errors::RecordWhy;
                let why = match why {
                    RecordFault::Json { message, column } => {
                        RecordWhy::Json { message, column: *column }
                    }
                    RecordFault::Incomplete => RecordWhy::Incomplete,
                    RecordFault::NotAName(n) => RecordWhy::NotAName(n),
                };
                error_text(lang, ErrorText::ArchiveRecord { path, line: *line, why })
            }
        };
        return (text, e.source().is_some());
    }
    if let Some(e) = cause.downcast_ref::<std::io::Error>() {
        return (system(e, lang), false);
    }
    (cause.to_string(), false)
}

/// A system error as a read failure says it (Italian words for the common kinds).
fn system(e: &std::io::Error, lang: Lang) -> String {
    match (lang, e.kind()) {
        (Lang::It, std::io::ErrorKind::AlreadyExists) => "esiste già".into(),
        (Lang::It, std::io::ErrorKind::NotADirectory) => "non è una cartella".into(),
        (Lang::It, std::io::ErrorKind::StorageFull) => "disco pieno".into(),
        (Lang::It, std::io::ErrorKind::ReadOnlyFilesystem) => "file system in sola lettura".into(),
        _ => peckit::error::ReadFailure::of_io(e).text(lang),
    }
}
