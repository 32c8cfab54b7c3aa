//! Where bytes come from: files, folders (walked recursively) and standard input.
//!
//! Inputs are listed first (cheap, sorted for stable output) and read one at a time later, so
//! a batch never holds more than the files being worked on. Nothing here interprets mail
//! beyond sniffing the first bytes of files found in folders.
#![deny(clippy::indexing_slicing)]

mod container;
mod sniff;
mod source;
#[cfg(test)]
mod tests;
mod walk;

pub use container::container_members;
use container::{mbox_messages, zip_members};
use sniff::has_eml_extension;
pub use sniff::{Container, container_kind, is_mail_file, looks_like_header_start};
pub use source::{ListError, Source, Sources, SourcesIter};
pub use walk::{WalkOptions, expand, expand_with, files_with_extensions, paths_from};

/// Streams every message of the inputs: plain files as they are, containers opened and
/// read member by member (so memory holds one member at a time, not the archive).
pub fn stream(
    sources: impl Into<Sources>,
    opts: WalkOptions,
) -> impl Iterator<Item = Result<Source, ListError>> + Send {
    sources.into().into_iter().flat_map(
        move |source| -> Box<dyn Iterator<Item = Result<Source, ListError>> + Send> {
            match &source {
                // An .eml is not opened here just to sniff it: `load_messages` recognises a
                // container from the bytes it reads anyway (one open per file).
                Source::File(path) if has_eml_extension(path) => {
                    Box::new(std::iter::once(Ok(source)))
                }
                Source::File(path) => match container_kind(path) {
                    Some(Container::Zip) => zip_members(path.clone(), opts.max_member_bytes),
                    Some(Container::Mbox) => mbox_messages(path.clone(), opts.max_member_bytes),
                    None => Box::new(std::iter::once(Ok(source))),
                },
                _ => Box::new(std::iter::once(Ok(source))),
            }
        },
    )
}

/// Loads the messages of one source, each with its display name: one message for a mail
/// file, every member when a plain file turns out to hold an mbox or a zip archive (an
/// export saved as `.eml`), read from the bytes already loaded.
pub fn load_messages(
    source: Source,
    max_bytes: u64,
) -> Vec<(String, Result<Vec<u8>, crate::error::Error>)> {
    let mut loaded = Vec::new();
    // A member comes out of a container already (a zip split as the inputs were listed).
    let depth = match source {
        Source::Member { .. } => CONTAINER_DEPTH - 1,
        _ => CONTAINER_DEPTH,
    };
    load_into(source, max_bytes, depth, &mut loaded);
    loaded
}

/// How many containers deep messages are split: a zip (or an mbox) and, inside it, an mbox or
/// a zip (a Takeout export holds an `.mbox`). A container deeper than that is read as a
/// message, and named as not mail.
const CONTAINER_DEPTH: usize = 2;

fn load_into(
    source: Source,
    max_bytes: u64,
    depth: usize,
    loaded: &mut Vec<(String, Result<Vec<u8>, crate::error::Error>)>,
) {
    let name = source.display_name();
    // Standard input is split like a file (`zcat box.mbox.gz | peckit verify -`); its
    // messages are named `-#N`, `-!member`; a container's member `outer.zip!box.mbox#N`.
    let path = match &source {
        Source::File(path) => path.clone(),
        Source::Stdin => std::path::PathBuf::from("-"),
        Source::Member { bytes, .. } if Container::from_head(bytes).is_some() => {
            std::path::PathBuf::from(&name)
        }
        _ => return loaded.push((name, source.load(max_bytes))),
    };
    let bytes = match source.load(max_bytes) {
        Ok(b) => b,
        Err(e) => return loaded.push((name, Err(e))),
    };
    let Some(container) = Container::from_head(&bytes) else {
        return loaded.push((name, Ok(bytes)));
    };
    if depth == 0 {
        let deeper = crate::error::Error::NotMail(crate::error::NotMail::Container);
        return loaded.push((name, Err(deeper)));
    }
    // What one container holds is kept until its messages are verified: what a container
    // inside another expands to is held to the size of one input (a zip of zips would
    // otherwise fill memory from a few megabytes); the rest is named, not read.
    let nested = depth < CONTAINER_DEPTH;
    let mut expanded: u64 = 0;
    for member in container_members(container, path, bytes, max_bytes) {
        if nested && expanded > max_bytes {
            let over = crate::error::Error::LimitExceeded {
                limit: crate::limits::Limit::InputSize,
                value: max_bytes,
            };
            return loaded.push((name, Err(over)));
        }
        match member {
            Ok(member) => {
                let before = loaded.len();
                load_into(member, max_bytes, depth - 1, loaded);
                let added = loaded.get(before..).unwrap_or_default();
                let bytes = added.iter().filter_map(|(_, b)| b.as_ref().ok()).map(Vec::len);
                expanded = bytes.fold(expanded, |sum, n| {
                    sum.saturating_add(u64::try_from(n).unwrap_or(u64::MAX))
                });
            }
            Err(e) => {
                loaded.push((e.path.display().to_string(), Err(crate::error::Error::Io(e.error))))
            }
        }
    }
}
