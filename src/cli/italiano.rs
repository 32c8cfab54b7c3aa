//! The command line in Italian: `--help`, `peckit help` and clap's headings and usage line
//! under `--lang it` (or an Italian locale). The English texts stay with the definition
//! (`mod.rs`); each has its Italian here, found by the English text itself, so that a help
//! changed in English without its Italian fails `every_help_text_has_its_italian`.

use clap::Command;
use std::error::Error as _;

use clap::builder::{PossibleValue, StyledStr};
use clap::error::ContextValue;

use peckit::catalogue::Lang;

mod testi;
use testi::TEXTS;

/// The language of help: `--lang` as written anywhere on the command line (before clap
/// reads it), else the locale's.
pub fn help_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_str().unwrap_or_default());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().unwrap_or_default(),
            Some(rest) => rest.strip_prefix('=').unwrap_or_default(),
            None => continue,
        };
        match value {
            "it" => return Lang::It,
            "en" => return Lang::En,
            _ => {}
        }
    }
    Lang::from_env()
}

/// The command, its help in `lang`.
pub fn localized(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::It => {
            let mut cmd = cmd;
            // Built first, so that the help and version flags, the `help` command and the
            // global options copied into every command are there to be translated.
            cmd.build();
            translate(cmd)
        }
    }
}

const TEMPLATE: &str = "{before-help}{about-with-newline}\nUso: {usage}\n\n{all-args}{after-help}";

fn translate(cmd: Command) -> Command {
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("Comandi")
        .subcommand_value_name("COMANDO");
    if let Some(about) = cmd.get_about().map(StyledStr::to_string) {
        cmd = cmd.about(italian(&about));
    }
    if let Some(long) = cmd.get_long_about().map(StyledStr::to_string) {
        cmd = cmd.long_about(italian(&long));
    }
    if let Some(after) = cmd.get_after_help().map(StyledStr::to_string) {
        cmd = cmd.after_help(italian(&after));
    }
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, translate_arg);
    }
    let usage = cmd.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    cmd = cmd
        .override_usage(usage.replace("[OPTIONS]", "[OPZIONI]").replace("<COMMAND>", "<COMANDO>"));
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, translate);
    }
    cmd
}

fn translate_arg(arg: clap::Arg) -> clap::Arg {
    let heading = if arg.is_positional() { "Argomenti" } else { "Opzioni" };
    let mut arg = arg.help_heading(heading);
    if let Some(names) = arg.get_value_names() {
        let names: Vec<String> = names
            .iter()
            .map(|n| value_name(n.as_str()).map_or_else(|| n.to_string(), str::to_string))
            .collect();
        arg = arg.value_names(names);
    }
    let takes_values = arg.get_action().takes_values();
    let help = arg.get_help().map(|h| italian(&h.to_string()));
    let long = arg.get_long_help().map(|h| italian(&h.to_string()));
    let values: Vec<PossibleValue> = if arg.is_hide_possible_values_set() || !takes_values {
        Vec::new()
    } else {
        arg.get_possible_values()
    };
    let defaults: Vec<String> = if arg.is_hide_default_value_set() || !takes_values {
        Vec::new()
    } else {
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect()
    };
    let (Some(help), true) = (help.clone(), values.is_empty() && defaults.is_empty()) else {
        // clap writes "[default: …]" and "[possible values: …]" in English: written here.
        let mut short = help.clone().unwrap_or_default();
        if !defaults.is_empty() {
            short.push_str(&format!(" [predefinito: {}]", defaults.join(", ")));
        }
        let mut full = long.clone().or(help).unwrap_or_default();
        if !defaults.is_empty() {
            full.push_str(&format!("\n\n[predefinito: {}]", defaults.join(", ")));
        }
        if !values.is_empty() {
            let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
            short.push_str(&format!(" [valori: {}]", names.join(", ")));
            full.push_str("\n\nValori possibili:");
            for v in &values {
                match v.get_help() {
                    Some(h) => {
                        full.push_str(&format!("\n- {}: {}", v.get_name(), italian(&h.to_string())))
                    }
                    None => full.push_str(&format!("\n- {}", v.get_name())),
                }
            }
        }
        return arg
            .hide_default_value(true)
            .hide_possible_values(true)
            .help(short.trim_start().to_string())
            .long_help(full.trim_start().to_string());
    };
    let arg = arg.help(help);
    match long {
        Some(long) => arg.long_help(long),
        None => arg,
    }
}

/// A placeholder's Italian name (clap names one after its field when none is given).
fn value_name(en: &str) -> Option<&'static str> {
    Some(match en {
        "PATH" => "PERCORSO",
        "FILE" => "FILE",
        "DIR" => "CARTELLA",
        "BYTES" => "BYTE",
        "N" => "N",
        "TIME" => "ISTANTE",
        "DATE" => "DATA",
        "SECONDS" => "SECONDI",
        "GLOB" => "MODELLO",
        "SOURCE" => "ORIGINE",
        "FORMAT" => "FORMATO",
        "LANG" => "LINGUA",
        "COLOR" => "COLORI",
        "ONLY" => "PARTE",
        _ => return None,
    })
}

/// The Italian of a help text, or the text itself when it has none (the test below sees
/// that none is missing).
fn italian(en: &str) -> String {
    lookup(en).map_or_else(|| en.to_string(), str::to_string)
}

fn lookup(en: &str) -> Option<&'static str> {
    TEXTS.iter().find(|(e, _)| *e == en).map(|(_, it)| *it)
}

/// clap's usage error said in Italian, for the kinds a person meets (a mistyped option or
/// value, a missing path, two options that exclude each other); None for the others, which
/// clap then says in English.
pub fn error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind as K, ErrorKind};
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let list = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let quoted = |v: Vec<String>| v.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ");
    let arg = text(K::InvalidArg).unwrap_or_default();
    let value = text(K::InvalidValue).unwrap_or_default();
    let mut out = match e.kind() {
        ErrorKind::UnknownArgument => format!("errore: argomento inatteso '{arg}'"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "errore: comando sconosciuto '{}'",
                text(K::InvalidSubcommand).unwrap_or_default()
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("errore: '{arg}' richiede un valore, ma non ne è stato dato nessuno")
        }
        ErrorKind::InvalidValue => format!("errore: valore non valido '{value}' per '{arg}'"),
        ErrorKind::ValueValidation => {
            let why = e.source().map(|s| s.to_string()).and_then(|s| number_error(&s));
            match why {
                Some(why) => format!("errore: valore non valido '{value}' per '{arg}': {why}"),
                None => format!("errore: valore non valido '{value}' per '{arg}'"),
            }
        }
        ErrorKind::MissingRequiredArgument => format!(
            "errore: mancano argomenti richiesti:\n{}",
            list(K::InvalidArg).iter().map(|a| format!("  {a}")).collect::<Vec<_>>().join("\n")
        ),
        // With nothing it conflicts with, the argument was given twice.
        ErrorKind::ArgumentConflict if list(K::PriorArg).iter().all(|prior| *prior == arg) => {
            format!("errore: '{arg}' si può dare una volta sola")
        }
        ErrorKind::ArgumentConflict => {
            format!("errore: '{arg}' non si può usare insieme a {}", quoted(list(K::PriorArg)))
        }
        ErrorKind::MissingSubcommand => {
            let commands = list(K::ValidSubcommand);
            format!("errore: indicare un comando\n  [comandi: {}]", commands.join(", "))
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("errore: numero di valori sbagliato per '{arg}'")
        }
        _ => return None,
    };
    let valid = list(K::ValidValue);
    if !valid.is_empty() {
        out.push_str(&format!("\n  [valori possibili: {}]", valid.join(", ")));
    }
    let mut tips = Vec::new();
    for suggested in list(K::SuggestedSubcommand) {
        tips.push(format!("esiste un comando simile: '{suggested}'"));
    }
    for suggested in list(K::SuggestedArg) {
        tips.push(format!("esiste un argomento simile: '{suggested}'"));
    }
    for suggested in list(K::SuggestedValue) {
        tips.push(format!("esiste un valore simile: '{suggested}'"));
    }
    if e.kind() == ErrorKind::UnknownArgument && arg.starts_with('-') && tips.is_empty() {
        tips.push(format!("per passare '{arg}' come valore, usa '-- {arg}'"));
    }
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str(&format!("\n  suggerimento: {tip}"));
        }
    }
    if let Some(usage) = text(K::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").map_or(usage, str::trim_start);
        out.push_str(&format!("\n\nUso: {usage}"));
    }
    out.push_str("\n\nPer saperne di più, prova '--help'.");
    Some(out)
}

/// Why a number was refused, from the words of Rust's integer parser and clap's range check.
fn number_error(en: &str) -> Option<String> {
    Some(match en {
        "invalid digit found in string" => "non è un numero intero".to_string(),
        "cannot parse integer from empty string" => "è vuoto".to_string(),
        "number too large to fit in target type" => "è troppo grande".to_string(),
        "number too small to fit in target type" => "è troppo piccolo".to_string(),
        _ => {
            let (value, range) = en.split_once(" is not in ")?;
            let (low, high) = range.split_once("..=")?;
            format!("{value} non è tra {low} e {high}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every text a help page shows, with where it is.
    fn texts(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        let mut add = |what: String, text: Option<&StyledStr>| {
            if let Some(t) = text {
                out.push((what, t.to_string()));
            }
        };
        add(format!("{path} about"), cmd.get_about());
        add(format!("{path} long_about"), cmd.get_long_about());
        add(format!("{path} after_help"), cmd.get_after_help());
        for arg in cmd.get_arguments() {
            let id = arg.get_id();
            out.push((
                format!("{path} --{id}"),
                arg.get_help().map(|h| h.to_string()).unwrap_or_default(),
            ));
            if let Some(l) = arg.get_long_help() {
                out.push((format!("{path} --{id} long"), l.to_string()));
            }
            let shown = if arg.get_action().takes_values() { arg.get_value_names() } else { None };
            for name in shown.unwrap_or_default() {
                if value_name(name).is_none() {
                    out.push((format!("{path} --{id} value name"), name.to_string()));
                }
            }
            for v in arg.get_possible_values() {
                if let Some(h) = v.get_help() {
                    out.push((format!("{path} --{id}={}", v.get_name()), h.to_string()));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            texts(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    fn built(lang: Lang) -> Command {
        localized(crate::cli::Cli::command(), lang)
    }

    #[test]
    fn every_help_text_has_its_italian() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut out = Vec::new();
        texts(&cmd, "peckit", &mut out);
        let missing: Vec<String> = out
            .into_iter()
            .filter(|(_, text)| lookup(text).is_none())
            .map(|(what, text)| format!("{what}: {text:?}"))
            .collect();
        assert!(missing.is_empty(), "help texts without Italian:\n{}", missing.join("\n"));
    }

    #[test]
    fn every_italian_text_belongs_to_a_help_text() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut out = Vec::new();
        texts(&cmd, "peckit", &mut out);
        for (en, _) in TEXTS {
            assert!(out.iter().any(|(_, t)| t == en), "no help text reads {en:?}");
        }
    }

    /// The help pages under Italian: every heading, placeholder and bracket Italian, and
    /// nothing of the English pages left.
    #[test]
    fn italian_help_pages_hold_no_english() {
        let mut cmd = built(Lang::It);
        let mut pages = vec![cmd.render_help().to_string(), cmd.render_long_help().to_string()];
        for sub in cmd.get_subcommands_mut() {
            pages.push(sub.render_help().to_string());
            pages.push(sub.render_long_help().to_string());
        }
        for page in &pages {
            for english in [
                "Usage:",
                "Options:",
                "Arguments:",
                "Commands:",
                "[OPTIONS]",
                "<COMMAND>",
                "[default:",
                "[possible values",
                "Possible values",
                "Print help",
                "Examples:",
                "<PATH>",
                "<DIR>",
            ] {
                assert!(!page.contains(english), "{english:?} in:\n{page}");
            }
            assert!(page.contains("Uso: peckit"), "{page}");
        }
        let verify = cmd.find_subcommand_mut("verify").map(|c| c.render_long_help().to_string());
        let verify = verify.unwrap_or_default();
        for italian in [
            "Verifica l'autenticità dei messaggi PEC",
            "Opzioni:",
            "Argomenti:",
            "[OPZIONI] [PERCORSO]...",
            "Valori possibili:\n",
            "- table: una tabella leggibile",
            "[predefinito: table]",
            "Codice di uscita: 0 ogni elemento valido",
            "Mostra l'aiuto",
        ] {
            assert!(verify.contains(italian), "{italian:?} missing from:\n{verify}");
        }
    }

    #[test]
    fn the_italian_command_line_parses_as_the_english_one() {
        use clap::FromArgMatches;
        let args = ["peckit", "verify", "-q", "--format", "csv", "--max-size", "7", "a.eml"];
        for lang in [Lang::It, Lang::En] {
            let matches = built(lang).try_get_matches_from(args);
            let cli = matches.and_then(|m| crate::cli::Cli::from_arg_matches(&m));
            let Ok(crate::cli::Cli { command: crate::cli::Command::Verify(v), .. }) = cli else {
                panic!("{lang:?}: not parsed as verify");
            };
            assert!(v.quiet);
            assert_eq!(v.format, crate::cli::VerifyFormat::Csv);
            assert_eq!(v.verifier.limits.max_size, 7);
        }
    }

    #[test]
    fn the_help_language_is_read_before_the_command_line_is() {
        let lang = |words: &[&str]| {
            let args: Vec<std::ffi::OsString> = words.iter().map(Into::into).collect();
            help_lang(&args)
        };
        assert_eq!(lang(&["peckit", "--lang", "it", "verify", "--help"]), Lang::It);
        assert_eq!(lang(&["peckit", "verify", "--help", "--lang=it"]), Lang::It);
        assert_eq!(lang(&["peckit", "--lang=en", "--help"]), Lang::En);
        // A file named --lang=it after `--` is a file.
        assert_eq!(lang(&["peckit", "--lang", "en", "verify", "--", "--lang=it"]), Lang::En);
    }

    #[test]
    fn usage_errors_are_said_in_italian() {
        let said = |words: &[&str]| {
            let mut args = vec!["peckit"];
            args.extend_from_slice(words);
            match built(Lang::It).try_get_matches_from(args) {
                Ok(_) => panic!("{words:?} parsed"),
                Err(e) => error(&e).unwrap_or_else(|| panic!("{words:?}: {}", e.render())),
            }
        };
        let cases: &[(&[&str], &[&str])] = &[
            (
                &["verify", "--formt", "json", "a"],
                &[
                    "errore: argomento inatteso '--formt'",
                    "suggerimento: esiste un argomento simile: '--format'",
                    "Uso: peckit verify [OPZIONI] [PERCORSO]...",
                ],
            ),
            (&["verfy"], &["comando sconosciuto 'verfy'", "comando simile: 'verify'"]),
            (
                &["verify", "--format", "xml", "a"],
                &["valore non valido 'xml' per '--format <FORMATO>'", "[valori possibili: table,"],
            ),
            (&["verify", "--max-size", "tanti", "a"], &["'tanti'", "non è un numero intero"]),
            (&["verify", "--fetch-crl", "--crl-timeout", "0", "a"], &["0 non è tra 1 e 600"]),
            (
                &["verify", "-q", "--explain", "a"],
                &["'--quiet' non si può usare insieme a '--explain'"],
            ),
            (&["verify", "-f", "csv", "-f", "json", "a"], &["si può dare una volta sola"]),
            (&["verify"], &["mancano argomenti richiesti:\n  <PERCORSO>..."]),
            (&["extract", "a", "--only"], &["'--only <PARTE>' richiede un valore"]),
            (&["--lang", "it"], &["errore: indicare un comando", "[comandi: verify, inspect,"]),
        ];
        for (words, expected) in cases {
            let text = said(words);
            for part in *expected {
                assert!(text.contains(part), "{words:?}: {part:?} missing from:\n{text}");
            }
            assert!(text.ends_with("Per saperne di più, prova '--help'."), "{text}");
            for english in ["error:", "Usage:", "tip:", "possible values", "invalid"] {
                assert!(!text.contains(english), "{words:?}: {english:?} in:\n{text}");
            }
        }
    }
}
