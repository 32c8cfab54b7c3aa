//! Extraction: take an artefact apart into a folder, byte-exact where bytes matter.
//!
//! Writes the original message (`postacert.eml`, exactly as carried after transfer
//! decoding), `daticert.xml`, the raw CMS (`smime.p7s`), the signer's certificates
//! (`signer-chain.pem`), the original's body (`body.txt` / `body.html`, UTF-8) and every
//! attachment under its own (sanitised) name; nested messages go into a subfolder each,
//! recursively. `manifest.json` indexes every file with its size, SHA-256, media type, MIME
//! path and original name, plus the verification verdict.
//!
//! Only content from the signed entity is extracted: that is what the provider certified.
//! Safety rules live in `names.rs` (hostile names) and `write.rs` (no escape, no overwrite).
#![deny(clippy::indexing_slicing)]

pub(crate) mod write;

use serde::Serialize;
use thiserror::Error;

use crate::certify::assess::Assessment;
use crate::limits::Limits;
pub use crate::names::{UniqueNames, sanitize};
use crate::problem::Problem;
pub use crate::read::hashfile::StatedDigest;
use crate::read::hashfile::{attachment_name_for_hash, stated_digests};
use crate::read::{self, Artefact, decode, mime};
use crate::verify::crypto::sha256_hex;
pub use write::{OutputDir, WriteError, commit_together};

/// What to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    /// Everything.
    All,
    /// postacert.eml only.
    Original,
    /// The original's attachments (and body) only.
    Attachments,
    /// daticert.xml only.
    Daticert,
    /// smime.p7s and signer-chain.pem only.
    Signature,
}

impl Only {
    fn wants(self, what: Only) -> bool {
        self == Only::All || self == what
    }
}

/// Why extraction stopped.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// Writing failed (existing file, I/O).
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The manifest could not be serialised.
    #[error("manifest: {0}")]
    Manifest(#[from] serde_json::Error),
}

/// One written file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ManifestFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// What the file is: original, daticert, evidence, signature, signer-chain, body-text,
    /// body-html, attachment, hash-file.
    pub role: &'static str,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, lower-case hex.
    pub sha256: String,
    /// Media type of the part it came from.
    pub media_type: String,
    /// Where it came from: "signed:1.3" is part 1.3 of the signed entity, "original:1.2" part
    /// 1.2 of the original message.
    pub mime_path: String,
    /// The name as carried in the mail, before sanitising.
    pub original_name: Option<String>,
}

/// A hash file of a ricevuta breve: the attachment it stands for and the digest it states.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HashFile {
    /// The extracted hash file (relative path).
    pub path: String,
    /// The attachment it replaces, from its name (suffix removed).
    pub attachment_name: String,
    /// Every digest found in it: lower-case hex.
    pub digests: Vec<StatedDigest>,
}

/// manifest.json: the index a clerk archives with the files.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// Version of this document's shape.
    pub schema_version: u32,
    /// The input, as named on the command line.
    pub source: String,
    /// SHA-256 of the input file.
    pub source_sha256: String,
    /// Kind of artefact.
    pub kind: String,
    /// The verdict, as `peckit verify` reports it.
    pub verdict: crate::certify::assess::Verdict,
    /// The problems, as `peckit verify` reports them.
    pub problems: Vec<Problem>,
    /// Every file written, in order.
    pub files: Vec<ManifestFile>,
    /// For a ricevuta breve: the hash files and the digests they state.
    pub hash_files: Vec<HashFile>,
    /// Nested messages, each extracted into its own subfolder.
    pub nested: Vec<NestedManifest>,
}

/// A nested message's extraction.
#[derive(Debug, Clone, Serialize)]
pub struct NestedManifest {
    /// The subfolder, relative to the parent folder.
    pub folder: String,
    /// Its files.
    pub files: Vec<ManifestFile>,
    /// Nested below it.
    pub nested: Vec<NestedManifest>,
}

/// The names peckit gives its own files. They are kept from every attachment in every folder
/// (review 12: an anomaly envelope has no daticert of its own, and an attachment named
/// `daticert.xml` took that name beside the provider's signature).
const OWN_NAMES: [&str; 9] = [
    "manifest.json",
    "postacert.eml",
    "daticert.xml",
    "evidence.xml",
    "smime.p7s",
    "signer-chain.pem",
    "body.txt",
    "body.html",
    "message.eml",
];

struct Writer<'a> {
    dir: &'a OutputDir,
    prefix: String,
    names: UniqueNames,
    files: Vec<ManifestFile>,
}

impl<'a> Writer<'a> {
    fn new(dir: &'a OutputDir, prefix: String) -> Writer<'a> {
        let mut names = UniqueNames::new();
        for own in OWN_NAMES {
            names.reserve(own);
        }
        Writer { dir, prefix, names, files: Vec::new() }
    }

    #[allow(clippy::too_many_arguments)] // one call per file kind; a struct would only rename them
    fn put(
        &mut self,
        wanted: &str,
        fallback: &str,
        bytes: &[u8],
        role: &'static str,
        media_type: &str,
        mime_path: String,
        original_name: Option<String>,
    ) -> Result<String, ExtractError> {
        // peckit's own files take their reserved names; anything else claims a free one.
        let name = match OWN_NAMES.contains(&wanted) && wanted == fallback {
            true => wanted.to_string(),
            false => self.names.claim(&sanitize(wanted, fallback)),
        };
        self.dir.write(&name, bytes)?;
        let rel = format!("{}{name}", self.prefix);
        self.files.push(ManifestFile {
            path: rel.clone(),
            role,
            size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
            sha256: sha256_hex(bytes),
            media_type: media_type.to_string(),
            mime_path,
            original_name,
        });
        Ok(rel)
    }
}

/// Extracts an artefact into `dir`.
///
/// `signer_chain_pem` is the signer's certificates, signer first, as PEM (from
/// [`crate::verify::certificates_pem`]); pass an empty string to skip that file.
pub fn extract(
    source_name: &str,
    artefact: &Artefact,
    assessment: &Assessment,
    signer_chain_pem: &str,
    dir: &OutputDir,
    only: Only,
    limits: &Limits,
) -> Result<Manifest, ExtractError> {
    let mut w = Writer::new(dir, String::new());
    let content = artefact.content.as_ref();
    let signed_path = |p: &Option<read::PartInfo>| {
        p.as_ref().map(|p| format!("signed:{}", p.path)).unwrap_or_else(|| "signed".into())
    };
    if only.wants(Only::Original)
        && let Some(original) = artefact.original()
    {
        let part = content.and_then(|c| c.original_part.clone());
        w.put(
            "postacert.eml",
            "postacert.eml",
            original,
            "original",
            "message/rfc822",
            signed_path(&part),
            part.and_then(|p| p.name),
        )?;
    }
    if only.wants(Only::Daticert)
        && let Some(xml) = content.and_then(|c| c.daticert_raw.as_ref())
    {
        let part = content.and_then(|c| c.daticert_part.clone());
        w.put(
            "daticert.xml",
            "daticert.xml",
            xml,
            "daticert",
            "application/xml",
            signed_path(&part),
            part.and_then(|p| p.name),
        )?;
    }
    // A REM evidence is what its provider certifies, as daticert.xml is for PEC: the part of
    // a REM message, or a standalone evidence file whole.
    if only.wants(Only::Daticert)
        && let Some(xml) = artefact.evidence_bytes()
    {
        let mime_path = match content.and_then(|c| c.rem_raw.as_ref()) {
            Some(_) => signed_path(&content.and_then(|c| c.rem_part.clone())),
            None => "file".into(),
        };
        w.put("evidence.xml", "evidence.xml", xml, "evidence", "application/xml", mime_path, None)?;
    }
    if only.wants(Only::Signature)
        && let Some(signed) = artefact.signed.as_ref().filter(|s| !s.cms.is_empty())
    {
        w.put(
            "smime.p7s",
            "smime.p7s",
            &signed.cms,
            "signature",
            "application/pkcs7-signature",
            format!("signature:{}", signed.mime_path),
            None,
        )?;
        if !signer_chain_pem.is_empty() {
            w.put(
                "signer-chain.pem",
                "signer-chain.pem",
                signer_chain_pem.as_bytes(),
                "signer-chain",
                "application/x-pem-file",
                format!("signature:{}", signed.mime_path),
                None,
            )?;
        }
    }
    let mut hash_files = Vec::new();
    let mut nested = Vec::new();
    if only.wants(Only::Attachments)
        && let Some(original) = artefact.original()
    {
        let is_breve = artefact.receipt_type() == Some("breve");
        nested = extract_message_parts(original, &mut w, is_breve, &mut hash_files, limits, 0)?;
    }
    Ok(Manifest {
        schema_version: 1,
        source: source_name.to_string(),
        source_sha256: sha256_hex(&artefact.raw),
        kind: artefact.kind.name().to_string(),
        verdict: assessment.verdict,
        problems: assessment.problems.clone(),
        files: w.files,
        hash_files,
        nested,
    })
}

/// Writes the body and attachments of a message; nested messages into subfolders.
fn extract_message_parts(
    message: &[u8],
    w: &mut Writer<'_>,
    is_breve: bool,
    hash_files: &mut Vec<HashFile>,
    limits: &Limits,
    depth: usize,
) -> Result<Vec<NestedManifest>, ExtractError> {
    let mut nested = Vec::new();
    let Ok(root) = mime::parse_entity(message, 0..message.len(), limits) else {
        return Ok(nested);
    };
    let mut have_text = false;
    let mut have_html = false;
    let mut attachment_no = 0;
    for (entity, path) in root.leaves() {
        let name = decode::entity_file_name(entity, message);
        let mime_type = entity.content_type.mime.to_string();
        let is_attachment = name.is_some() || entity.is_attachment();
        let mime_path = format!("original:{path}");
        let is_message = matches!(mime_type.as_str(), "message/rfc822" | "message/global");
        if !is_attachment && !is_message && (mime_type == "text/plain" || mime_type == "text/html")
        {
            let slot = if mime_type == "text/html" { &mut have_html } else { &mut have_text };
            if !*slot {
                *slot = true;
                let text = match decode::decode_entity(entity, message) {
                    decode::Decoded::Text(t) => t.into_bytes(),
                    decode::Decoded::Bytes(b) => b,
                };
                let (file, role) = if mime_type == "text/html" {
                    ("body.html", "body-html")
                } else {
                    ("body.txt", "body-text")
                };
                w.put(file, file, &text, role, &mime_type, mime_path, None)?;
                continue;
            }
        }
        attachment_no += 1;
        let bytes = decode::decode_entity(entity, message).into_bytes();
        if is_message {
            // The folder's own name is claimed (not the file name it comes from), so that an
            // attachment `atto` and a message `atto.eml` do not meet in one name.
            let fallback = format!("message-{attachment_no}");
            let wanted = sanitize(name.as_deref().unwrap_or(""), &fallback);
            let base = wanted.trim_end_matches(".eml");
            let folder_name = w.names.claim(if base.is_empty() { &fallback } else { base });
            let sub = w.dir.subdir(&folder_name)?;
            let mut inner = Writer::new(&sub, format!("{}{folder_name}/", w.prefix));
            inner.put(
                "message.eml",
                "message.eml",
                &bytes,
                "original",
                &mime_type,
                mime_path,
                name,
            )?;
            let deeper = if depth < limits.max_nested_artefacts {
                extract_message_parts(&bytes, &mut inner, false, hash_files, limits, depth + 1)?
            } else {
                Vec::new()
            };
            nested.push(NestedManifest {
                folder: inner.prefix.clone(),
                files: inner.files,
                nested: deeper,
            });
            continue;
        }
        let role = if is_breve { "hash-file" } else { "attachment" };
        let rel = w.put(
            name.as_deref().unwrap_or(""),
            &format!("allegato-{attachment_no}"),
            &bytes,
            role,
            &mime_type,
            mime_path,
            name.clone(),
        )?;
        if is_breve {
            hash_files.push(HashFile {
                path: rel,
                attachment_name: attachment_name_for_hash(name.as_deref().unwrap_or("")),
                digests: stated_digests(&bytes),
            });
        }
    }
    Ok(nested)
}
