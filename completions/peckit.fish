# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_peckit_global_optspecs
    string join \n lang= color= h/help V/version
end

function __fish_peckit_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_peckit_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_peckit_using_subcommand
    set -l cmd (__fish_peckit_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c peckit -n "__fish_peckit_needs_command" -l lang -d 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)' -r -f -a "it\t'Italiano'
en\t'English'"
complete -c peckit -n "__fish_peckit_needs_command" -l color -d 'When to use colours' -r -f -a "auto\t'Colours on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c peckit -n "__fish_peckit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c peckit -n "__fish_peckit_needs_command" -s V -l version -d 'Print version'
complete -c peckit -n "__fish_peckit_needs_command" -f -a "verify" -d 'Verify the authenticity of PEC artefacts'
complete -c peckit -n "__fish_peckit_needs_command" -f -a "inspect" -d 'Show what PEC artefacts are and what their certified data says'
complete -c peckit -n "__fish_peckit_needs_command" -f -a "extract" -d 'Take an artefact apart: original message, attachments, daticert, signature'
complete -c peckit -n "__fish_peckit_needs_command" -f -a "evidence" -d 'Legal-evidence summary: when each message was sent and delivered, on which receipts'
complete -c peckit -n "__fish_peckit_needs_command" -f -a "archive" -d 'Keep byte-exact, verified copies of PEC messages in a folder'
complete -c peckit -n "__fish_peckit_needs_command" -f -a "trust" -d 'Manage the trusted PEC signing authorities'
complete -c peckit -n "__fish_peckit_needs_command" -f -a "generate" -d 'Write shell completions and man pages (for packagers)'
complete -c peckit -n "__fish_peckit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c peckit -n "__fish_peckit_using_subcommand verify" -s f -l format -d 'Output format' -r -f -a "table\t'A readable table'
json\t'One JSON document (its schema is in docs/)'
jsonl\t'One JSON object per line, then a summary line'
csv\t'Comma-separated values, one row per artefact'"
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l files-from -d 'Read more paths from this file, one per line (`-` for standard input)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l glob -d 'In folders, only files whose name or path matches this glob (repeatable), e.g. \'aruba*\' or \'**/2024/*.eml\'' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -s j -l jobs -d 'Worker threads (default: all cores)' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l imap-ca -d 'Trust the CA certificates of this PEM file for the IMAP server, besides the system\'s' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l since -d 'Only messages the server received on or after this day (YYYY-MM-DD)' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l before -d 'Only messages the server received before this day (YYYY-MM-DD)' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l at -d 'Judge certificate validity at this instant (RFC 3339) instead of the signing time' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l trust -d 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l trusted-list -d 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l trusted-list-signer -d 'The certificate (PEM or DER) that must have signed the trusted lists' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l crl -d 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l crl-cache -d 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l crl-timeout -d 'Give up a CRL download after this many seconds' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l max-size -d 'Largest input file accepted, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l max-depth -d 'Deepest MIME multipart nesting' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l max-parts -d 'Most MIME parts in one artefact' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l max-nesting -d 'Deepest chain of nested artefacts' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l max-daticert -d 'Largest daticert.xml, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l max-header -d 'Longest header block of one MIME entity, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l lang -d 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)' -r -f -a "it\t'Italiano'
en\t'English'"
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l color -d 'When to use colours' -r -f -a "auto\t'Colours on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c peckit -n "__fish_peckit_using_subcommand verify" -s q -l quiet -d 'Print only the summary line (and errors); no progress bar'
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l explain -d 'Per file, everything checked: every problem, the signature, the certificate chain in full (subject, issuer, serial, validity, SHA-256), the trust anchor and the daticert fields (human output; with the table format)'
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l ordered -d 'Keep input order in streamed formats (jsonl, csv); table and json are always ordered'
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l imap-insecure -d 'Allow plain imap:// (the password travels unencrypted)'
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l mailbox-all -d 'Read every mailbox of the account, not only the one the URL names'
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l no-default-trust -d 'Do not trust the embedded PEC signing authorities'
complete -c peckit -n "__fish_peckit_using_subcommand verify" -l fetch-crl -d 'Download the CRLs named in the certificates\' CRL Distribution Points (network access)'
complete -c peckit -n "__fish_peckit_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c peckit -n "__fish_peckit_using_subcommand verify" -s V -l version -d 'Print version'
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -s f -l format -d 'Output format' -r -f -a "table\t'A readable report'
json\t'JSON'
jsonl\t'One JSON line per artefact, as it is read'"
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l imap-ca -d 'Trust the CA certificates of this PEM file for the IMAP server, besides the system\'s' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l since -d 'Only messages the server received on or after this day (YYYY-MM-DD)' -r
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l before -d 'Only messages the server received before this day (YYYY-MM-DD)' -r
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l at -d 'Judge certificate validity at this instant (RFC 3339) instead of the signing time' -r
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l trust -d 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l trusted-list -d 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l trusted-list-signer -d 'The certificate (PEM or DER) that must have signed the trusted lists' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l crl -d 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l crl-cache -d 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l crl-timeout -d 'Give up a CRL download after this many seconds' -r
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l max-size -d 'Largest input file accepted, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l max-depth -d 'Deepest MIME multipart nesting' -r
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l max-parts -d 'Most MIME parts in one artefact' -r
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l max-nesting -d 'Deepest chain of nested artefacts' -r
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l max-daticert -d 'Largest daticert.xml, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l max-header -d 'Longest header block of one MIME entity, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l lang -d 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)' -r -f -a "it\t'Italiano'
en\t'English'"
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l color -d 'When to use colours' -r -f -a "auto\t'Colours on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l imap-insecure -d 'Allow plain imap:// (the password travels unencrypted)'
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l mailbox-all -d 'Read every mailbox of the account, not only the one the URL names'
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l no-default-trust -d 'Do not trust the embedded PEC signing authorities'
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -l fetch-crl -d 'Download the CRLs named in the certificates\' CRL Distribution Points (network access)'
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c peckit -n "__fish_peckit_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c peckit -n "__fish_peckit_using_subcommand extract" -s o -l out -d 'Output folder (one subfolder per input when several); `-` with --only original writes to standard output' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l only -d 'Extract only this' -r -f -a "original\t'postacert.eml'
attachments\t'The original\'s body and attachments'
daticert\t'daticert.xml (evidence.xml for REM)'
signature\t'smime.p7s and signer-chain.pem'"
complete -c peckit -n "__fish_peckit_using_subcommand extract" -s f -l format -d 'What is printed on standard output: the files written, or the manifest as JSON' -r -f -a "table\t'A list of the files written'
json\t'The manifest as JSON'"
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l imap-ca -d 'Trust the CA certificates of this PEM file for the IMAP server, besides the system\'s' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l since -d 'Only messages the server received on or after this day (YYYY-MM-DD)' -r
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l before -d 'Only messages the server received before this day (YYYY-MM-DD)' -r
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l at -d 'Judge certificate validity at this instant (RFC 3339) instead of the signing time' -r
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l trust -d 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l trusted-list -d 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l trusted-list-signer -d 'The certificate (PEM or DER) that must have signed the trusted lists' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l crl -d 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l crl-cache -d 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l crl-timeout -d 'Give up a CRL download after this many seconds' -r
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l max-size -d 'Largest input file accepted, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l max-depth -d 'Deepest MIME multipart nesting' -r
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l max-parts -d 'Most MIME parts in one artefact' -r
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l max-nesting -d 'Deepest chain of nested artefacts' -r
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l max-daticert -d 'Largest daticert.xml, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l max-header -d 'Longest header block of one MIME entity, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l lang -d 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)' -r -f -a "it\t'Italiano'
en\t'English'"
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l color -d 'When to use colours' -r -f -a "auto\t'Colours on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l force -d 'Overwrite existing files'
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l require-valid -d 'Write nothing for an artefact that fails verification'
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l imap-insecure -d 'Allow plain imap:// (the password travels unencrypted)'
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l mailbox-all -d 'Read every mailbox of the account, not only the one the URL names'
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l no-default-trust -d 'Do not trust the embedded PEC signing authorities'
complete -c peckit -n "__fish_peckit_using_subcommand extract" -l fetch-crl -d 'Download the CRLs named in the certificates\' CRL Distribution Points (network access)'
complete -c peckit -n "__fish_peckit_using_subcommand extract" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c peckit -n "__fish_peckit_using_subcommand extract" -s V -l version -d 'Print version'
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -s f -l format -d 'Output format' -r -f -a "table\t'A readable report'
json\t'JSON'
markdown\t'Markdown'
html\t'A self-contained printable HTML page (A4)'
csv\t'One row per (message, recipient)'"
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l originals -d 'Check the files you kept against the hashes of a ricevuta breve' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l imap-ca -d 'Trust the CA certificates of this PEM file for the IMAP server, besides the system\'s' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l since -d 'Only messages the server received on or after this day (YYYY-MM-DD)' -r
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l before -d 'Only messages the server received before this day (YYYY-MM-DD)' -r
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l at -d 'Judge certificate validity at this instant (RFC 3339) instead of the signing time' -r
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l trust -d 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l trusted-list -d 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l trusted-list-signer -d 'The certificate (PEM or DER) that must have signed the trusted lists' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l crl -d 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l crl-cache -d 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l crl-timeout -d 'Give up a CRL download after this many seconds' -r
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l max-size -d 'Largest input file accepted, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l max-depth -d 'Deepest MIME multipart nesting' -r
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l max-parts -d 'Most MIME parts in one artefact' -r
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l max-nesting -d 'Deepest chain of nested artefacts' -r
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l max-daticert -d 'Largest daticert.xml, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l max-header -d 'Longest header block of one MIME entity, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l lang -d 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)' -r -f -a "it\t'Italiano'
en\t'English'"
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l color -d 'When to use colours' -r -f -a "auto\t'Colours on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -s q -l quiet -d 'Table format: print only the summary line (and errors)'
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l accept-rewrapped -d 'Use as proof the intact signed entity of a file altered around it (a PEC re-wrapped by mailing-list software); such facts are marked as coming from an altered file'
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l imap-insecure -d 'Allow plain imap:// (the password travels unencrypted)'
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l mailbox-all -d 'Read every mailbox of the account, not only the one the URL names'
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l no-default-trust -d 'Do not trust the embedded PEC signing authorities'
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -l fetch-crl -d 'Download the CRLs named in the certificates\' CRL Distribution Points (network access)'
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c peckit -n "__fish_peckit_using_subcommand evidence" -s V -l version -d 'Print version'
complete -c peckit -n "__fish_peckit_using_subcommand archive" -s o -l out -d 'The archive folder (created when absent)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l imap-ca -d 'Trust the CA certificates of this PEM file for the IMAP server, besides the system\'s' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l since -d 'Only messages the server received on or after this day (YYYY-MM-DD)' -r
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l before -d 'Only messages the server received before this day (YYYY-MM-DD)' -r
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l at -d 'Judge certificate validity at this instant (RFC 3339) instead of the signing time' -r
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l trust -d 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l trusted-list -d 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l trusted-list-signer -d 'The certificate (PEM or DER) that must have signed the trusted lists' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l crl -d 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l crl-cache -d 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l crl-timeout -d 'Give up a CRL download after this many seconds' -r
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l max-size -d 'Largest input file accepted, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l max-depth -d 'Deepest MIME multipart nesting' -r
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l max-parts -d 'Most MIME parts in one artefact' -r
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l max-nesting -d 'Deepest chain of nested artefacts' -r
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l max-daticert -d 'Largest daticert.xml, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l max-header -d 'Longest header block of one MIME entity, in bytes' -r
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l lang -d 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)' -r -f -a "it\t'Italiano'
en\t'English'"
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l color -d 'When to use colours' -r -f -a "auto\t'Colours on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l require-valid -d 'Keep only messages that pass verification; list the others as skipped'
complete -c peckit -n "__fish_peckit_using_subcommand archive" -s q -l quiet -d 'Print only the summary'
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l imap-insecure -d 'Allow plain imap:// (the password travels unencrypted)'
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l mailbox-all -d 'Read every mailbox of the account, not only the one the URL names'
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l no-default-trust -d 'Do not trust the embedded PEC signing authorities'
complete -c peckit -n "__fish_peckit_using_subcommand archive" -l fetch-crl -d 'Download the CRLs named in the certificates\' CRL Distribution Points (network access)'
complete -c peckit -n "__fish_peckit_using_subcommand archive" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c peckit -n "__fish_peckit_using_subcommand archive" -s V -l version -d 'Print version'
complete -c peckit -n "__fish_peckit_using_subcommand trust; and not __fish_seen_subcommand_from list help" -l lang -d 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)' -r -f -a "it\t'Italiano'
en\t'English'"
complete -c peckit -n "__fish_peckit_using_subcommand trust; and not __fish_seen_subcommand_from list help" -l color -d 'When to use colours' -r -f -a "auto\t'Colours on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c peckit -n "__fish_peckit_using_subcommand trust; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c peckit -n "__fish_peckit_using_subcommand trust; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c peckit -n "__fish_peckit_using_subcommand trust; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'List the trusted PEC signing authorities and where each comes from'
complete -c peckit -n "__fish_peckit_using_subcommand trust; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from list" -l trust -d 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from list" -l trusted-list -d 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from list" -l trusted-list-signer -d 'The certificate (PEM or DER) that must have signed the trusted lists' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "table\t'A readable report'
json\t'JSON'"
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from list" -l lang -d 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)' -r -f -a "it\t'Italiano'
en\t'English'"
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from list" -l color -d 'When to use colours' -r -f -a "auto\t'Colours on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from list" -l no-default-trust -d 'Do not trust the embedded PEC signing authorities'
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the trusted PEC signing authorities and where each comes from'
complete -c peckit -n "__fish_peckit_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c peckit -n "__fish_peckit_using_subcommand generate" -l out-dir -d 'Folder that receives completions/ and man/' -r -F
complete -c peckit -n "__fish_peckit_using_subcommand generate" -l lang -d 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)' -r -f -a "it\t'Italiano'
en\t'English'"
complete -c peckit -n "__fish_peckit_using_subcommand generate" -l color -d 'When to use colours' -r -f -a "auto\t'Colours on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c peckit -n "__fish_peckit_using_subcommand generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c peckit -n "__fish_peckit_using_subcommand generate" -s V -l version -d 'Print version'
complete -c peckit -n "__fish_peckit_using_subcommand help; and not __fish_seen_subcommand_from verify inspect extract evidence archive trust generate help" -f -a "verify" -d 'Verify the authenticity of PEC artefacts'
complete -c peckit -n "__fish_peckit_using_subcommand help; and not __fish_seen_subcommand_from verify inspect extract evidence archive trust generate help" -f -a "inspect" -d 'Show what PEC artefacts are and what their certified data says'
complete -c peckit -n "__fish_peckit_using_subcommand help; and not __fish_seen_subcommand_from verify inspect extract evidence archive trust generate help" -f -a "extract" -d 'Take an artefact apart: original message, attachments, daticert, signature'
complete -c peckit -n "__fish_peckit_using_subcommand help; and not __fish_seen_subcommand_from verify inspect extract evidence archive trust generate help" -f -a "evidence" -d 'Legal-evidence summary: when each message was sent and delivered, on which receipts'
complete -c peckit -n "__fish_peckit_using_subcommand help; and not __fish_seen_subcommand_from verify inspect extract evidence archive trust generate help" -f -a "archive" -d 'Keep byte-exact, verified copies of PEC messages in a folder'
complete -c peckit -n "__fish_peckit_using_subcommand help; and not __fish_seen_subcommand_from verify inspect extract evidence archive trust generate help" -f -a "trust" -d 'Manage the trusted PEC signing authorities'
complete -c peckit -n "__fish_peckit_using_subcommand help; and not __fish_seen_subcommand_from verify inspect extract evidence archive trust generate help" -f -a "generate" -d 'Write shell completions and man pages (for packagers)'
complete -c peckit -n "__fish_peckit_using_subcommand help; and not __fish_seen_subcommand_from verify inspect extract evidence archive trust generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c peckit -n "__fish_peckit_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "list" -d 'List the trusted PEC signing authorities and where each comes from'
