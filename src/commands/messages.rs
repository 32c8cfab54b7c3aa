//! Diagnostics for people, in the chosen language.
//!
//! The library's error texts are English and stay so in JSON (they are data). Lines printed
//! on stderr are translated here from their stable English wording; anything not in the
//! table is printed as it is, so a new library message is never lost, only untranslated.

use std::sync::OnceLock;

use peckit::report::i18n::Lang;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language for diagnostics (once, at start-up).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language for diagnostics.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// English prefix → Italian replacement of that prefix.
const ITALIAN: &[(&str, &str)] = &[
    ("empty input", "file vuoto"),
    (
        "not an e-mail message: binary data, no header block",
        "non è un messaggio e-mail: dati binari, nessuna intestazione",
    ),
    (
        "not an e-mail message: the first line is not a header field",
        "non è un messaggio e-mail: la prima riga non è un campo di intestazione",
    ),
    ("input size exceeds the limit of", "la dimensione supera il limite di"),
    ("message size exceeds the limit of", "il messaggio supera il limite di dimensione di"),
    (
        "a folder holds several messages: name where they go with -o DIR",
        "una cartella contiene più messaggi: indicare dove estrarli con -o CARTELLA",
    ),
    ("No such file or directory", "file o cartella inesistente"),
    ("Permission denied", "permesso negato"),
    ("is a directory", "è una cartella"),
    (
        "not a PEC artefact (no PEC markers, signature or daticert.xml)",
        "non è un messaggio PEC (nessun marcatore PEC, firma o daticert.xml)",
    ),
    ("no mail found in the given paths", "nessun messaggio trovato nei percorsi indicati"),
    (
        "no original message (postacert.eml) in the signed content",
        "nessun messaggio originale (postacert.eml) nel contenuto firmato",
    ),
    (
        "interrupted; the output so far is complete and valid",
        "interrotto; quanto scritto finora è completo e valido",
    ),
];

/// Translates a diagnostic to the current language.
pub fn localize(message: &str) -> String {
    localize_to(lang(), message)
}

/// Translates a diagnostic to `lang`.
pub fn localize_to(lang: Lang, message: &str) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    for (en, it) in ITALIAN {
        if let Some(rest) = message.strip_prefix(en) {
            let rest = rest.replace("(os error", "(errore di sistema");
            return format!("{it}{rest}");
        }
    }
    if let Some(path) = message.strip_suffix(" already exists") {
        return format!("{path} esiste già");
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_diagnostics_keep_the_specifics() {
        assert_eq!(localize_to(Lang::It, "empty input"), "file vuoto");
        assert_eq!(
            localize_to(Lang::It, "input size exceeds the limit of 10"),
            "la dimensione supera il limite di 10"
        );
        assert_eq!(localize_to(Lang::It, "/x/a.pdf already exists"), "/x/a.pdf esiste già");
        assert_eq!(
            localize_to(Lang::It, "message size exceeds the limit of 10"),
            "il messaggio supera il limite di dimensione di 10"
        );
        assert_eq!(localize_to(Lang::It, "something new"), "something new");
        assert_eq!(localize_to(Lang::En, "empty input"), "empty input");
    }
}
