//! `peckit extract`: an artefact taken apart into a folder, with its manifest.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use peckit::assess::{self, Verdict};
use peckit::extract::write::OutputDir;
use peckit::extract::{self, Only};
use peckit::input::Source;
use peckit::read;
use peckit::report::i18n::Lang;

use super::terminal::sanitize_line;
use super::{Outcome, Output, Ui};
use crate::cli::{ExtractArgs, ExtractFormat, ExtractOnly};

fn only_of(args: &ExtractArgs) -> Only {
    match args.only {
        None => Only::All,
        Some(ExtractOnly::Original) => Only::Original,
        Some(ExtractOnly::Attachments) => Only::Attachments,
        Some(ExtractOnly::Daticert) => Only::Daticert,
        Some(ExtractOnly::Signature) => Only::Signature,
    }
}

/// The folder for one input: -o DIR (a subfolder per input when several), else the stem.
fn target_dir(args: &ExtractArgs, file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && s != "-")
        .unwrap_or_else(|| "peckit-extract".into());
    let stem = peckit::extract::names::sanitize(&stem, "peckit-extract");
    match &args.out {
        Some(dir) if args.files.len() > 1 => dir.join(stem),
        Some(dir) => dir.clone(),
        None => file.with_file_name(stem),
    }
}

/// Runs `peckit extract`.
pub fn run(args: &ExtractArgs, ui: Ui) -> Result<Outcome> {
    let to_stdout = args.out.as_deref().is_some_and(|p| p.as_os_str() == "-");
    if to_stdout && args.only != Some(ExtractOnly::Original) {
        bail!("-o - writes to standard output and needs --only original");
    }
    if to_stdout && args.files.len() != 1 {
        bail!("-o - takes exactly one input file");
    }
    let limits = super::limits(&args.limits);
    let opts = super::verify_options(&args.trust, args.at.as_deref())?;
    let mut outcome = Outcome::Success;
    let mut out = Output::stdout();
    let mut manifests = Vec::new();
    for file in &args.files {
        let source =
            if file.as_os_str() == "-" { Source::Stdin } else { Source::File(file.clone()) };
        let name = source.display_name();
        let artefact =
            match source.read(limits.max_input_bytes).and_then(|b| read::read(b, &limits)) {
                Ok(a) => a,
                Err(e) => {
                    super::report_input_error(&name, &e);
                    outcome = outcome.merge(Outcome::Error);
                    continue;
                }
            };
        let assessment = assess::assess(&artefact, &opts);
        if assessment.verdict != Verdict::Valid {
            let first = assessment.problems.first().map(|p| p.code.code()).unwrap_or("invalid");
            let msg = match ui.lang {
                Lang::En => format!(
                    "warning: {name} FAILED verification ({first}): what is extracted is not certified"
                ),
                Lang::It => format!(
                    "attenzione: {name} NON ha superato la verifica ({first}): quanto estratto non è certificato"
                ),
            };
            eprintln!("{}", ui.paint.bad(&sanitize_line(&msg)));
            outcome = outcome.merge(Outcome::Invalid);
            if args.require_valid {
                continue;
            }
        }
        if to_stdout {
            match artefact.content.as_ref().and_then(|c| c.original.as_ref()) {
                Some(original) => out.write(original)?,
                None => {
                    super::report_input_error(
                        &name,
                        &"no original message (postacert.eml) in the signed content",
                    );
                    outcome = outcome.merge(Outcome::Error);
                }
            }
            continue;
        }
        let dir_path = target_dir(args, file);
        let chain = artefact
            .signed
            .as_ref()
            .map(|s| peckit::verify::certificates_pem(&s.cms))
            .unwrap_or_default();
        let result = OutputDir::create(&dir_path, args.force)
            .map_err(extract::ExtractError::from)
            .and_then(|dir| {
                extract::extract(
                    &name,
                    &artefact,
                    &assessment,
                    &chain,
                    &dir,
                    only_of(args),
                    &limits,
                )
            })
            .and_then(|manifest| {
                let dir = OutputDir::create(&dir_path, args.force)?;
                let json = serde_json::to_vec_pretty(&manifest)?;
                if only_of(args) == Only::All {
                    dir.write("manifest.json", &json)?;
                }
                Ok(manifest)
            });
        match result {
            Ok(manifest) => {
                if args.format == ExtractFormat::Table {
                    out.line(&format!(
                        "{} → {}",
                        sanitize_line(&name),
                        sanitize_line(&dir_path.display().to_string())
                    ))?;
                    for f in &manifest.files {
                        out.line(&format!(
                            "  {:>10}  {}  {}",
                            f.size,
                            f.sha256.get(..12).unwrap_or(&f.sha256),
                            sanitize_line(&f.path)
                        ))?;
                    }
                }
                manifests.push(manifest);
            }
            Err(e) => {
                super::report_input_error(&name, &e);
                outcome = outcome.merge(Outcome::Error);
            }
        }
    }
    if args.format == ExtractFormat::Json && !to_stdout {
        // One input: its manifest; several: an array of them.
        let json = match manifests.as_slice() {
            [one] => serde_json::to_string_pretty(one),
            many => serde_json::to_string_pretty(many),
        }
        .context("serialising the manifest")?;
        out.line(&json)?;
    }
    out.flush()?;
    Ok(outcome)
}
