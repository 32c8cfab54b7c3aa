//! The language of the diagnostics printed on stderr (their words are in the catalogue,
//! `peckit::catalogue`).

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
