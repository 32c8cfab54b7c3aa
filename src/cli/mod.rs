//! The command-line definition: clap derive structs, help prose and examples. No logic.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod italiano;

const VERIFY_LONG: &str = "\
Verify the authenticity of PEC artefacts.

An artefact is VALID when all of these hold: it carries an S/MIME signature over its \
content (the signed entity) and the content has not changed since signing; the signature is \
as a provider writes it (one signer, nothing added inside or after it) and verifies with the \
signer's certificate; that certificate chains, link by link, to a trusted \
PEC authority and was valid both at the signing time and at the certified time the \
daticert states; the signed entity carries one daticert.xml (except anomaly envelopes); and \
the unsigned X-Ricevuta / X-Trasporto markers agree with the signed daticert, with no copy \
saying otherwise. Anything else is INVALID, with a problem code saying why. Inputs that are \
not mail at all, or cannot be read, are ERROR.

REM (ETSI EN 319 532), PEC's European successor, is read beside PEC: a REM message is VALID \
when its S/MIME signature holds as above and its ETSI evidence's XAdES signature verifies, \
chains to a trusted anchor (--trust, or --trusted-list) and agrees with the REM headers and \
the original carried; a standalone evidence file (.xml) when its XAdES signature alone does. \
A valid time-stamp by a trusted authority fixes the instant certificates are judged at.

Everything reported as certified comes from inside the signed entity. Unsigned headers are \
shown as claims and cross-checked; disagreements are warnings (or invalid, for the markers).

Exit status: 0 every artefact valid; 1 at least one invalid; 2 usage error, an input that \
could not be read (the others are still reported) or no mail found at all; 130 interrupted \
by Ctrl-C or SIGTERM.";

const VERIFY_EXAMPLES: &str = "\
Examples:
  peckit verify ricevuta.eml
  peckit verify --format json --trust ca.pem cartella/
  peckit verify --format csv archivio/ export.mbox > verdetti.csv";

const INSPECT_LONG: &str = "\
Show what PEC artefacts are and what their certified data says.

For each file: the kind (from the signed daticert first), the unsigned header claims beside \
the signed daticert fields, the MIME tree with the signed parts marked, the signer \
certificate as found, and nested artefacts. Inspect gives no verdict (use `peckit verify` \
for one): it checks the signature, its chain and revocation (--trust, --at, --crl as for \
verify) only to say truthfully whether the daticert fields are certified or merely stated.";

const INSPECT_EXAMPLES: &str = "\
Examples:
  peckit inspect ricevuta.eml
  peckit inspect --format json busta.eml
  cat ricevuta.eml | peckit inspect -";

const EXTRACT_LONG: &str = "\
Take an artefact apart: original message, attachments, daticert, signature.

Writes into DIR (default: the file's name without extension, beside it): postacert.eml (the \
original exactly as carried), daticert.xml (evidence.xml for REM), smime.p7s (the raw CMS), \
signer-chain.pem (signer first), body.txt / body.html (UTF-8), every attachment of the original under its own \
sanitised name (nested messages in a subfolder each) and manifest.json (size, SHA-256, media \
type, MIME path and original name of every file, and the verification verdict).

Only the signed content is extracted. Names from mail never leave DIR; existing files are \
never overwritten without --force. An artefact's files reach their names together, once \
all of them are on disk; one that cannot be written whole leaves none. An artefact that fails \
verification is still extracted, with a warning and exit status 1; --require-valid refuses \
to write anything for it. With -o DIR and several inputs, each input gets a subfolder of DIR \
named after it (`ricevuta`, `ricevuta (2)` when two share a name); standard input goes to \
peckit-extract. --only writes just that part, without manifest.json.";

const EXTRACT_EXAMPLES: &str = "\
Examples:
  peckit extract busta.eml
  peckit extract busta.eml -o fascicolo/ --format json
  peckit extract busta.eml --only original -o - > originale.eml";

const ARCHIVE_LONG: &str = "\
Keep PEC: byte-exact, verified copies of every message, one .eml each, in DIR.

Reads every SOURCE (files, folders, Maildirs, mbox files, zip archives, - for standard input) \
and copies each message into DIR exactly as it was read, named by certified date, kind, \
recipient (for delivery receipts and notices) and identificativo \
(2026-11-30_accettazione_opec….eml; a message with no certified date: \
senza-data_KIND_HASH.eml, HASH its SHA-256's first 16 hex digits; a name another message \
already holds gets _HASH, 12 digits, before .eml), never overwriting: each file is written \
to a temporary name, flushed to disk and renamed before it is recorded. Messages are kept in \
groups (up to 256 or 4 MB, closed about 0.2 s after the first), with one flush of a local file \
system for each (a flush per file elsewhere); a message's line is printed once its group is \
kept. DIR/archive.jsonl \
holds one line per copy written (SHA-256, size, source, file, verdict, kind, msgid, \
identificativo, certified time, when archived); DIR/sources.jsonl every source a message was \
met in. A rerun adds only what is new, the same message met twice is stored once, and an \
interrupted run leaves no partial file: the next one completes it. \"Already there\" is said \
only of a copy still present with its recorded bytes; a copy deleted or altered since is \
written again when its message is met (the altered file is never overwritten), and said on \
stderr.

Every message is verified and its verdict recorded; by default every message is kept (an \
invalid one is still evidence that something arrived). --require-valid keeps only verified \
ones and lists the others as skipped.

Exit status: 0 every message archived or already there, valid or not; 1 with \
--require-valid, some were skipped; 2 a source could not be read, or a kept copy is missing \
or altered and this run could not write it again; 130 interrupted by Ctrl-C or SIGTERM (what \
was printed is archived).";

const ARCHIVE_EXAMPLES: &str = "\
Examples:
  peckit archive export/ -o archivio-pec/
  peckit archive casella.mbox --require-valid -o archivio-pec/
  peckit verify archivio-pec/";

const EVIDENCE_LONG: &str = "\
Legal-evidence summary: when each message was sent and delivered, on which receipts.

Groups the artefacts of each message (the provider's identificativo ties acceptance, \
envelope, receipts and notices together; the client's Message-ID, which the sender chooses, \
never joins two messages) and states, for each \
recipient, what the VERIFIED artefacts establish: delivered (when, by which provider, which \
receipt), not delivered (with the error), warned, taken in charge, no receipt among the files, \
or not a PEC address. A message is sent when the sender's provider accepts it and delivered when it \
is placed in the recipient's box (DPR 68/2005 art. 3); both times are opposable to third \
parties (CAD art. 48). An artefact that fails verification is listed, with its problem, and \
not used as proof (with --accept-rewrapped, except the intact signed entity of a file altered \
around it, whose facts are then marked as coming from an altered file).

The records that `peckit verify --format jsonl` wrote (files named .jsonl or .ndjson, - or \
another file whose content is JSON, but never a file named .eml, .msg, .mbox or .zip) are \
read instead of mail: their verdicts are used as recorded, not verified again, and every \
format says so. --trust, --no-default-trust, --trusted-list, --crl, --fetch-crl and --at \
never change a recorded verdict: with records alone they are refused. Records of a run that \
did not finish make the evidence incomplete; records that another verdict of the same file \
contradicts are not used.

Exit status: 0 every artefact valid; 1 at least one invalid, or a kept original (--originals) \
differs or is missing; 2 usage error, an input or record that could not be used, or records \
of an interrupted run; 130 interrupted by Ctrl-C or SIGTERM.";

const EVIDENCE_EXAMPLES: &str = "\
Examples:
  peckit evidence cartella-notifica/
  peckit evidence --format html --lang it cartella/ > riepilogo.html
  peckit evidence --format csv archivio/ > consegne.csv
  peckit evidence --format json shard-*.jsonl > evidenza.json";

const TRUST_EXAMPLES: &str = "\
Examples:
  peckit trust list
  peckit trust list --trust ca.pem --format json";

const TOP_LONG: &str = "Read, verify and explain Italian certified e-mail (PEC) artefacts.\n\n\
peckit checks the provider's S/MIME signature on PEC envelopes, receipts and notices, \
chains it to the PEC signing authorities, and reports what the signed daticert.xml certifies. \
It works offline and never modifies its input.";

const TOP_EXAMPLES: &str = "\
Examples:
  peckit verify ricevuta.eml              # authentic? what it certifies
  peckit verify --format json cartella/   # a folder, for a script or CI
  peckit inspect busta.eml                # signed data beside the claims
  peckit extract busta.eml -o fascicolo/  # the original, its attachments
  peckit evidence --format html cartella/ > riepilogo.html
  peckit help verify                      # every option of a command";

/// Read, verify and explain Italian certified e-mail (PEC) artefacts.
#[derive(Debug, Parser)]
#[command(name = "peckit", version = crate::VERSION, propagate_version = true)]
#[command(after_help = TOP_EXAMPLES)]
#[command(long_about = TOP_LONG)]
pub struct Cli {
    /// Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// When to use colours
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The command to run
    #[command(subcommand)]
    pub command: Command,
}

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Italiano
    It,
    /// English
    En,
}

/// Colour policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colours on a terminal, unless NO_COLOR is set
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Verify the authenticity of PEC artefacts
    #[command(long_about = VERIFY_LONG, after_help = VERIFY_EXAMPLES)]
    Verify(VerifyArgs),
    /// Show what PEC artefacts are and what their certified data says
    #[command(long_about = INSPECT_LONG, after_help = INSPECT_EXAMPLES)]
    Inspect(InspectArgs),
    /// Take an artefact apart: original message, attachments, daticert, signature
    #[command(long_about = EXTRACT_LONG, after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Legal-evidence summary: when each message was sent and delivered, on which receipts
    #[command(long_about = EVIDENCE_LONG, after_help = EVIDENCE_EXAMPLES)]
    Evidence(EvidenceArgs),
    /// Keep byte-exact, verified copies of PEC messages in a folder
    #[command(long_about = ARCHIVE_LONG, after_help = ARCHIVE_EXAMPLES)]
    Archive(ArchiveArgs),
    /// Manage the trusted PEC signing authorities
    #[command(subcommand, after_help = TRUST_EXAMPLES)]
    Trust(TrustCommand),
    /// Write shell completions and man pages (for packagers)
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// Resource limits for hostile input.
#[derive(Debug, Clone, Args)]
pub struct LimitArgs {
    /// Largest input file accepted, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = 100 * 1024 * 1024)]
    pub max_size: u64,
    /// Deepest MIME multipart nesting
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub max_depth: usize,
    /// Most MIME parts in one artefact
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub max_parts: usize,
    /// Deepest chain of nested artefacts
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub max_nesting: usize,
    /// Largest daticert.xml, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = 1024 * 1024)]
    pub max_daticert: usize,
    /// Longest header block of one MIME entity, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = 1024 * 1024)]
    pub max_header: usize,
}

/// Trust store options.
#[derive(Debug, Clone, Args)]
pub struct TrustArgs {
    /// Add trust anchors from a PEM or DER file, or a folder of them (repeatable)
    #[arg(long, value_name = "PATH")]
    pub trust: Vec<PathBuf>,
    /// Do not trust the embedded PEC signing authorities
    #[arg(long)]
    pub no_default_trust: bool,
    /// Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU
    /// Trusted List (ETSI TS 119 612), each only while its status was granted; the list must
    /// be signed by --trusted-list-signer (repeatable)
    #[arg(long, value_name = "FILE", requires = "trusted_list_signer")]
    pub trusted_list: Vec<PathBuf>,
    /// The certificate (PEM or DER) that must have signed the trusted lists
    #[arg(long, value_name = "FILE")]
    pub trusted_list_signer: Option<PathBuf>,
}

/// What every verifying command needs: the instant to judge at, the anchors, the limits.
#[derive(Debug, Clone, Args)]
pub struct VerifierArgs {
    /// Judge certificate validity at this instant (RFC 3339) instead of the signing time
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    #[command(flatten)]
    pub trust: TrustArgs,
    #[command(flatten)]
    pub revocation: RevocationArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Mailbox options, for IMAP URLs given among the inputs
/// (`imaps://USER@HOST[:PORT]/MAILBOX`; the password from PECKIT_IMAP_PASSWORD, ~/.netrc or
/// a prompt).
#[derive(Debug, Clone, Args)]
pub struct ImapArgs {
    /// Trust the CA certificates of this PEM file for the IMAP server, besides the system's
    #[arg(long, value_name = "FILE")]
    pub imap_ca: Option<PathBuf>,
    /// Allow plain imap:// (the password travels unencrypted)
    #[arg(long)]
    pub imap_insecure: bool,
    /// Only messages the server received on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only messages the server received before this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub before: Option<String>,
    /// Read every mailbox of the account, not only the one the URL names
    #[arg(long)]
    pub mailbox_all: bool,
}

/// Revocation options: CRLs judged at the signing time.
#[derive(Debug, Clone, Args)]
pub struct RevocationArgs {
    /// Check revocation at the signing time against this CRL (DER or PEM file, or a folder of
    /// them; repeatable)
    #[arg(long, value_name = "PATH")]
    pub crl: Vec<PathBuf>,
    /// Download the CRLs named in the certificates' CRL Distribution Points (network access)
    #[arg(long)]
    pub fetch_crl: bool,
    /// Keep downloaded CRLs here and reuse them while current [default:
    /// $XDG_CACHE_HOME/peckit/crl]
    #[arg(long, value_name = "DIR", requires = "fetch_crl")]
    pub crl_cache: Option<PathBuf>,
    /// Give up a CRL download after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 10, requires = "fetch_crl",
          value_parser = clap::value_parser!(u64).range(1..=600))]
    pub crl_timeout: u64,
}

/// `peckit verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Files, folders (searched recursively; Maildir too; a link to a file is read, one to a
    /// folder is named, not followed), mbox files, zip archives, IMAP mailboxes
    /// (imaps://USER@HOST/MAILBOX); `-` reads standard input
    #[arg(required_unless_present = "files_from", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = VerifyFormat::Table)]
    pub format: VerifyFormat,
    /// Print only the summary line (and errors); no progress bar
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Per file, everything checked: every problem, the signature, the certificate chain in
    /// full (subject, issuer, serial, validity, SHA-256), the trust anchor and the daticert
    /// fields (human output; with the table format)
    #[arg(long, conflicts_with = "quiet")]
    pub explain: bool,
    /// Read more paths from this file, one per line (`-` for standard input)
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// In folders, only files whose name or path matches this glob (repeatable), e.g.
    /// 'aruba*' or '**/2024/*.eml'
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Worker threads (default: all cores)
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Keep input order in streamed formats (jsonl, csv); table and json are always ordered
    #[arg(long)]
    pub ordered: bool,
    #[command(flatten)]
    pub imap: ImapArgs,
    #[command(flatten)]
    pub verifier: VerifierArgs,
}

/// Output formats of `verify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerifyFormat {
    /// A readable table
    Table,
    /// One JSON document (its schema is in docs/)
    Json,
    /// One JSON object per line, then a summary line
    Jsonl,
    /// Comma-separated values, one row per artefact
    Csv,
}

/// `peckit inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Files or folders (searched recursively for mail), IMAP mailboxes
    /// (imaps://USER@HOST/MAILBOX); `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = InspectFormat::Table)]
    pub format: InspectFormat,
    #[command(flatten)]
    pub imap: ImapArgs,
    #[command(flatten)]
    pub verifier: VerifierArgs,
}

/// `peckit evidence`.
#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// Files or folders (searched recursively for mail), IMAP mailboxes
    /// (imaps://USER@HOST/MAILBOX), `.jsonl` files that `peckit verify --format jsonl` wrote
    /// (their verdicts are used as recorded, not re-verified); `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = EvidenceFormat::Table)]
    pub format: EvidenceFormat,
    /// Check the files you kept against the hashes of a ricevuta breve
    #[arg(long, value_name = "DIR")]
    pub originals: Option<PathBuf>,
    /// Table format: print only the summary line (and errors)
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Use as proof the intact signed entity of a file altered around it (a PEC re-wrapped
    /// by mailing-list software); such facts are marked as coming from an altered file
    #[arg(long)]
    pub accept_rewrapped: bool,
    #[command(flatten)]
    pub imap: ImapArgs,
    #[command(flatten)]
    pub verifier: VerifierArgs,
}

/// Output formats of `evidence`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvidenceFormat {
    /// A readable report
    Table,
    /// JSON
    Json,
    /// Markdown
    Markdown,
    /// A self-contained printable HTML page (A4)
    Html,
    /// One row per (message, recipient)
    Csv,
}

/// `peckit extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// PEC artefacts to take apart (files, folders, containers, or an IMAP mailbox
    /// imaps://USER@HOST/MAILBOX, which needs -o)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output folder (one subfolder per input when several); `-` with --only original
    /// writes to standard output
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Extract only this
    #[arg(long, value_enum)]
    pub only: Option<ExtractOnly>,
    /// Overwrite existing files
    #[arg(long)]
    pub force: bool,
    /// Write nothing for an artefact that fails verification
    #[arg(long)]
    pub require_valid: bool,
    /// What is printed on standard output: the files written, or the manifest as JSON
    #[arg(long, short = 'f', value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,
    #[command(flatten)]
    pub imap: ImapArgs,
    #[command(flatten)]
    pub verifier: VerifierArgs,
}

/// `peckit archive`.
#[derive(Debug, Args)]
pub struct ArchiveArgs {
    /// Where the messages come from: files, folders, Maildirs, mbox files, zip archives, IMAP
    /// mailboxes (imaps://USER@HOST/MAILBOX), `-`
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<PathBuf>,
    /// The archive folder (created when absent)
    #[arg(long, short = 'o', value_name = "DIR", required = true)]
    pub out: PathBuf,
    /// Keep only messages that pass verification; list the others as skipped
    #[arg(long)]
    pub require_valid: bool,
    /// Print only the summary
    #[arg(long, short = 'q')]
    pub quiet: bool,
    #[command(flatten)]
    pub imap: ImapArgs,
    #[command(flatten)]
    pub verifier: VerifierArgs,
}

/// What `extract --only` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractOnly {
    /// postacert.eml
    Original,
    /// The original's body and attachments
    Attachments,
    /// daticert.xml (evidence.xml for REM)
    Daticert,
    /// smime.p7s and signer-chain.pem
    Signature,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A list of the files written
    Table,
    /// The manifest as JSON
    Json,
}

/// Output formats of `inspect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    /// A readable report
    Table,
    /// JSON
    Json,
    /// One JSON line per artefact, as it is read
    Jsonl,
}

/// `peckit trust ...`.
#[derive(Debug, Subcommand)]
pub enum TrustCommand {
    /// List the trusted PEC signing authorities and where each comes from
    #[command(after_help = TRUST_EXAMPLES)]
    List(TrustListArgs),
}

/// `peckit trust list`.
#[derive(Debug, Args)]
pub struct TrustListArgs {
    #[command(flatten)]
    pub trust: TrustArgs,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = TrustFormat::Table)]
    pub format: TrustFormat,
}

/// Output formats of `trust list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrustFormat {
    /// A readable report
    Table,
    /// JSON
    Json,
}

/// `peckit generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Folder that receives completions/ and man/
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out_dir: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
