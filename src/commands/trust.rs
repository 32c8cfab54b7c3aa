//! `peckit trust list`: what is trusted, and from where.

use anyhow::Result;
use peckit::report::i18n::{self, Label};

use super::{Outcome, Output, Ui};
use crate::cli::{TrustFormat, TrustListArgs};
use peckit::report::term;

/// Runs `peckit trust list`.
pub fn list(args: &TrustListArgs, ui: Ui) -> Result<Outcome> {
    let store = super::trust_store(&args.trust)?;
    let mut out = Output::stdout(ui.paint.enabled);
    match args.format {
        TrustFormat::Json => {
            let mut buf = Vec::new();
            let mut doc = peckit::report::envelope::TRUST.start(&mut buf)?;
            for anchor in store.anchors() {
                doc.element(&mut buf, &anchor)?;
            }
            doc.finish(&mut buf, &[])?;
            out.write(&buf)?;
        }
        TrustFormat::Table => {
            let l = |x| i18n::label(ui.lang, x);
            let mut table = super::terminal::table();
            table.set_header(vec![
                l(Label::Anchor),
                l(Label::ValidFrom),
                l(Label::ValidTo),
                l(Label::Fingerprint),
                l(Label::Source),
            ]);
            // Dates without the time and the fingerprint's start keep a row on one line at
            // 80 columns; `--format json` has them whole.
            let day = |t: &str| t.get(..10).unwrap_or(t).to_string();
            for a in store.anchors() {
                table.add_row(vec![
                    short_name(&a.subject),
                    day(&a.not_before),
                    day(&a.not_after),
                    format!("{}…", a.sha256.get(..12).unwrap_or(&a.sha256)),
                    peckit::report::evidence::anchor_name(ui.lang, Some(&a.source)),
                ]);
            }
            out.lines(term::lines(&table.to_string()))?;
        }
    }
    Ok(Outcome::Success)
}

/// The common name of an RFC 4514 DN (else its organisation, else the whole DN): the part
/// people recognise, for the table.
fn short_name(dn: &str) -> String {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in dn.chars() {
        match c {
            ',' if !escaped => parts.push(std::mem::take(&mut current)),
            '\\' if !escaped => {
                escaped = true;
                continue;
            }
            c => current.push(c),
        }
        escaped = false;
    }
    parts.push(current);
    let value = |key: &str| {
        parts.iter().find_map(|p| p.trim().strip_prefix(key).map(|v| v.trim().to_string()))
    };
    value("CN=").or_else(|| value("O=")).unwrap_or_else(|| dn.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_shows_the_common_name() {
        assert_eq!(short_name("CN=AgID CA1,OU=Area,O=AgID,C=IT"), "AgID CA1");
        assert_eq!(short_name("O=Gestore\\, S.p.A.,C=IT"), "Gestore, S.p.A.");
        assert_eq!(short_name("C=IT"), "C=IT");
    }
}
