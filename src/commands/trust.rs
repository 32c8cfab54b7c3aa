//! `peckit trust list`: what is trusted, and from where.

use anyhow::Result;
use peckit::report::i18n::{self, Label};

use super::{Outcome, Output, Ui};
use crate::cli::{InspectFormat, TrustListArgs};
use peckit::report::term;

/// Runs `peckit trust list`.
pub fn list(args: &TrustListArgs, ui: Ui) -> Result<Outcome> {
    let store = super::trust_store(&args.trust)?;
    let mut out = Output::stdout(ui.paint.enabled);
    match args.format {
        InspectFormat::Json => {
            let anchors: Vec<_> = store.anchors().collect();
            out.machine_line(&serde_json::to_string_pretty(
                &serde_json::json!({ "anchors": anchors }),
            )?)?;
        }
        InspectFormat::Table => {
            let l = |x| i18n::label(ui.lang, x);
            let mut table = super::terminal::table();
            table.set_header(vec![
                l(Label::Anchor),
                l(Label::ValidTo),
                l(Label::Fingerprint),
                l(Label::Source),
            ]);
            for a in store.anchors() {
                table.add_row(vec![
                    a.subject.clone(),
                    format!("{}\n{}", a.not_before, a.not_after),
                    a.sha256_hex.clone(),
                    a.source.clone(),
                ]);
            }
            out.lines(term::lines(&table.to_string()))?;
        }
    }
    Ok(Outcome::Success)
}
