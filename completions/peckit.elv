
use builtin;
use str;

set edit:completion:arg-completer[peckit] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'peckit'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'peckit'= {
            cand --lang 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand verify 'Verify the authenticity of PEC artefacts'
            cand inspect 'Show what PEC artefacts are and what their certified data says'
            cand extract 'Take an artefact apart: original message, attachments, daticert, signature'
            cand evidence 'Legal-evidence summary: when each message was sent and delivered, on which receipts'
            cand archive 'Keep byte-exact, verified copies of PEC messages in a folder'
            cand trust 'Manage the trusted PEC signing authorities'
            cand generate 'Write shell completions and man pages (for packagers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'peckit;verify'= {
            cand -f 'Output format'
            cand --format 'Output format'
            cand --files-from 'Read more paths from this file, one per line (`-` for standard input)'
            cand --glob 'In folders, only files whose name or path matches this glob (repeatable), e.g. ''aruba*'' or ''**/2024/*.eml'''
            cand -j 'Worker threads (default: all cores)'
            cand --jobs 'Worker threads (default: all cores)'
            cand --imap-ca 'Trust the CA certificates of this PEM file for the IMAP server, besides the system''s'
            cand --since 'Only messages the server received on or after this day (YYYY-MM-DD)'
            cand --before 'Only messages the server received before this day (YYYY-MM-DD)'
            cand --at 'Judge certificate validity at this instant (RFC 3339) instead of the signing time'
            cand --trust 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)'
            cand --trusted-list 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)'
            cand --trusted-list-signer 'The certificate (PEM or DER) that must have signed the trusted lists'
            cand --crl 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)'
            cand --crl-cache 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]'
            cand --crl-timeout 'Give up a CRL download after this many seconds'
            cand --max-size 'Largest input file accepted, in bytes'
            cand --max-depth 'Deepest MIME multipart nesting'
            cand --max-parts 'Most MIME parts in one artefact'
            cand --max-nesting 'Deepest chain of nested artefacts'
            cand --max-daticert 'Largest daticert.xml, in bytes'
            cand --max-header 'Longest header block of one MIME entity, in bytes'
            cand --lang 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)'
            cand --color 'When to use colours'
            cand -q 'Print only the summary line (and errors); no progress bar'
            cand --quiet 'Print only the summary line (and errors); no progress bar'
            cand --explain 'Per file, everything checked: every problem, the signature, the certificate chain in full (subject, issuer, serial, validity, SHA-256), the trust anchor and the daticert fields (human output; with the table format)'
            cand --ordered 'Keep input order in streamed formats (jsonl, csv); table and json are always ordered'
            cand --imap-insecure 'Allow plain imap:// (the password travels unencrypted)'
            cand --mailbox-all 'Read every mailbox of the account, not only the one the URL names'
            cand --no-default-trust 'Do not trust the embedded PEC signing authorities'
            cand --fetch-crl 'Download the CRLs named in the certificates'' CRL Distribution Points (network access)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'peckit;inspect'= {
            cand -f 'Output format'
            cand --format 'Output format'
            cand --imap-ca 'Trust the CA certificates of this PEM file for the IMAP server, besides the system''s'
            cand --since 'Only messages the server received on or after this day (YYYY-MM-DD)'
            cand --before 'Only messages the server received before this day (YYYY-MM-DD)'
            cand --at 'Judge certificate validity at this instant (RFC 3339) instead of the signing time'
            cand --trust 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)'
            cand --trusted-list 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)'
            cand --trusted-list-signer 'The certificate (PEM or DER) that must have signed the trusted lists'
            cand --crl 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)'
            cand --crl-cache 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]'
            cand --crl-timeout 'Give up a CRL download after this many seconds'
            cand --max-size 'Largest input file accepted, in bytes'
            cand --max-depth 'Deepest MIME multipart nesting'
            cand --max-parts 'Most MIME parts in one artefact'
            cand --max-nesting 'Deepest chain of nested artefacts'
            cand --max-daticert 'Largest daticert.xml, in bytes'
            cand --max-header 'Longest header block of one MIME entity, in bytes'
            cand --lang 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)'
            cand --color 'When to use colours'
            cand --imap-insecure 'Allow plain imap:// (the password travels unencrypted)'
            cand --mailbox-all 'Read every mailbox of the account, not only the one the URL names'
            cand --no-default-trust 'Do not trust the embedded PEC signing authorities'
            cand --fetch-crl 'Download the CRLs named in the certificates'' CRL Distribution Points (network access)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'peckit;extract'= {
            cand -o 'Output folder (one subfolder per input when several); `-` with --only original writes to standard output'
            cand --out 'Output folder (one subfolder per input when several); `-` with --only original writes to standard output'
            cand --only 'Extract only this'
            cand -f 'What is printed on standard output: the files written, or the manifest as JSON'
            cand --format 'What is printed on standard output: the files written, or the manifest as JSON'
            cand --imap-ca 'Trust the CA certificates of this PEM file for the IMAP server, besides the system''s'
            cand --since 'Only messages the server received on or after this day (YYYY-MM-DD)'
            cand --before 'Only messages the server received before this day (YYYY-MM-DD)'
            cand --at 'Judge certificate validity at this instant (RFC 3339) instead of the signing time'
            cand --trust 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)'
            cand --trusted-list 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)'
            cand --trusted-list-signer 'The certificate (PEM or DER) that must have signed the trusted lists'
            cand --crl 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)'
            cand --crl-cache 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]'
            cand --crl-timeout 'Give up a CRL download after this many seconds'
            cand --max-size 'Largest input file accepted, in bytes'
            cand --max-depth 'Deepest MIME multipart nesting'
            cand --max-parts 'Most MIME parts in one artefact'
            cand --max-nesting 'Deepest chain of nested artefacts'
            cand --max-daticert 'Largest daticert.xml, in bytes'
            cand --max-header 'Longest header block of one MIME entity, in bytes'
            cand --lang 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)'
            cand --color 'When to use colours'
            cand --force 'Overwrite existing files'
            cand --require-valid 'Write nothing for an artefact that fails verification'
            cand --imap-insecure 'Allow plain imap:// (the password travels unencrypted)'
            cand --mailbox-all 'Read every mailbox of the account, not only the one the URL names'
            cand --no-default-trust 'Do not trust the embedded PEC signing authorities'
            cand --fetch-crl 'Download the CRLs named in the certificates'' CRL Distribution Points (network access)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'peckit;evidence'= {
            cand -f 'Output format'
            cand --format 'Output format'
            cand --originals 'Check the files you kept against the hashes of a ricevuta breve'
            cand --imap-ca 'Trust the CA certificates of this PEM file for the IMAP server, besides the system''s'
            cand --since 'Only messages the server received on or after this day (YYYY-MM-DD)'
            cand --before 'Only messages the server received before this day (YYYY-MM-DD)'
            cand --at 'Judge certificate validity at this instant (RFC 3339) instead of the signing time'
            cand --trust 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)'
            cand --trusted-list 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)'
            cand --trusted-list-signer 'The certificate (PEM or DER) that must have signed the trusted lists'
            cand --crl 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)'
            cand --crl-cache 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]'
            cand --crl-timeout 'Give up a CRL download after this many seconds'
            cand --max-size 'Largest input file accepted, in bytes'
            cand --max-depth 'Deepest MIME multipart nesting'
            cand --max-parts 'Most MIME parts in one artefact'
            cand --max-nesting 'Deepest chain of nested artefacts'
            cand --max-daticert 'Largest daticert.xml, in bytes'
            cand --max-header 'Longest header block of one MIME entity, in bytes'
            cand --lang 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)'
            cand --color 'When to use colours'
            cand -q 'Table format: print only the summary line (and errors)'
            cand --quiet 'Table format: print only the summary line (and errors)'
            cand --accept-rewrapped 'Use as proof the intact signed entity of a file altered around it (a PEC re-wrapped by mailing-list software); such facts are marked as coming from an altered file'
            cand --imap-insecure 'Allow plain imap:// (the password travels unencrypted)'
            cand --mailbox-all 'Read every mailbox of the account, not only the one the URL names'
            cand --no-default-trust 'Do not trust the embedded PEC signing authorities'
            cand --fetch-crl 'Download the CRLs named in the certificates'' CRL Distribution Points (network access)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'peckit;archive'= {
            cand -o 'The archive folder (created when absent)'
            cand --out 'The archive folder (created when absent)'
            cand --imap-ca 'Trust the CA certificates of this PEM file for the IMAP server, besides the system''s'
            cand --since 'Only messages the server received on or after this day (YYYY-MM-DD)'
            cand --before 'Only messages the server received before this day (YYYY-MM-DD)'
            cand --at 'Judge certificate validity at this instant (RFC 3339) instead of the signing time'
            cand --trust 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)'
            cand --trusted-list 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)'
            cand --trusted-list-signer 'The certificate (PEM or DER) that must have signed the trusted lists'
            cand --crl 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)'
            cand --crl-cache 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]'
            cand --crl-timeout 'Give up a CRL download after this many seconds'
            cand --max-size 'Largest input file accepted, in bytes'
            cand --max-depth 'Deepest MIME multipart nesting'
            cand --max-parts 'Most MIME parts in one artefact'
            cand --max-nesting 'Deepest chain of nested artefacts'
            cand --max-daticert 'Largest daticert.xml, in bytes'
            cand --max-header 'Longest header block of one MIME entity, in bytes'
            cand --lang 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)'
            cand --color 'When to use colours'
            cand --require-valid 'Keep only messages that pass verification; list the others as skipped'
            cand -q 'Print only the summary'
            cand --quiet 'Print only the summary'
            cand --imap-insecure 'Allow plain imap:// (the password travels unencrypted)'
            cand --mailbox-all 'Read every mailbox of the account, not only the one the URL names'
            cand --no-default-trust 'Do not trust the embedded PEC signing authorities'
            cand --fetch-crl 'Download the CRLs named in the certificates'' CRL Distribution Points (network access)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'peckit;trust'= {
            cand --lang 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the trusted PEC signing authorities and where each comes from'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'peckit;trust;list'= {
            cand --trust 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)'
            cand --trusted-list 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)'
            cand --trusted-list-signer 'The certificate (PEM or DER) that must have signed the trusted lists'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --lang 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)'
            cand --color 'When to use colours'
            cand --no-default-trust 'Do not trust the embedded PEC signing authorities'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'peckit;trust;help'= {
            cand list 'List the trusted PEC signing authorities and where each comes from'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'peckit;trust;help;list'= {
        }
        &'peckit;trust;help;help'= {
        }
        &'peckit;generate'= {
            cand --out-dir 'Folder that receives completions/ and man/'
            cand --lang 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)'
            cand --color 'When to use colours'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'peckit;help'= {
            cand verify 'Verify the authenticity of PEC artefacts'
            cand inspect 'Show what PEC artefacts are and what their certified data says'
            cand extract 'Take an artefact apart: original message, attachments, daticert, signature'
            cand evidence 'Legal-evidence summary: when each message was sent and delivered, on which receipts'
            cand archive 'Keep byte-exact, verified copies of PEC messages in a folder'
            cand trust 'Manage the trusted PEC signing authorities'
            cand generate 'Write shell completions and man pages (for packagers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'peckit;help;verify'= {
        }
        &'peckit;help;inspect'= {
        }
        &'peckit;help;extract'= {
        }
        &'peckit;help;evidence'= {
        }
        &'peckit;help;archive'= {
        }
        &'peckit;help;trust'= {
            cand list 'List the trusted PEC signing authorities and where each comes from'
        }
        &'peckit;help;trust;list'= {
        }
        &'peckit;help;generate'= {
        }
        &'peckit;help;help'= {
        }
    ]
    $completions[$command]
}
