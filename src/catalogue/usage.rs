//! What the command line says of options it cannot use (`-o -`, `--files-from`, `--glob`,
//! `--originals`), in Italian and English.

use super::Lang;

/// `extract -o -` without `--only original`.
pub fn stdout_needs_only_original(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "-o - writes to standard output and needs --only original",
        Lang::It => "-o - scrive sullo standard output e richiede --only original",
    }
}

/// `extract -o -` with several inputs.
pub fn stdout_takes_one_input(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "-o - takes exactly one input file",
        Lang::It => "-o - accetta un solo file in ingresso",
    }
}

/// `evidence --originals PATH` where PATH is not a folder.
pub fn originals_not_a_folder(lang: Lang, path: &str) -> String {
    match lang {
        Lang::En => format!("--originals {path}: not a folder"),
        Lang::It => format!("--originals {path}: non è una cartella"),
    }
}

/// Context of an error reading the list of `--files-from`.
pub fn reading_files_from(lang: Lang, path: &str) -> String {
    match lang {
        Lang::En => format!("reading --files-from {path}"),
        Lang::It => format!("lettura di --files-from {path}"),
    }
}

/// Context of a `--glob` pattern that cannot be read (the parser's words follow).
pub fn bad_glob(lang: Lang, pattern: &str) -> String {
    match lang {
        Lang::En => format!("--glob {pattern:?}: not a valid pattern"),
        Lang::It => format!("--glob {pattern:?}: modello non valido"),
    }
}
