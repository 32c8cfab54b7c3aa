
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'peckit' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'peckit'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'peckit' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the authenticity of PEC artefacts')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show what PEC artefacts are and what their certified data says')
            [CompletionResult]::new('extract', 'extract', [CompletionResultType]::ParameterValue, 'Take an artefact apart: original message, attachments, daticert, signature')
            [CompletionResult]::new('evidence', 'evidence', [CompletionResultType]::ParameterValue, 'Legal-evidence summary: when each message was sent and delivered, on which receipts')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Keep byte-exact, verified copies of PEC messages in a folder')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Manage the trusted PEC signing authorities')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (for packagers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'peckit;verify' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--files-from', '--files-from', [CompletionResultType]::ParameterName, 'Read more paths from this file, one per line (`-` for standard input)')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'In folders, only files whose name or path matches this glob (repeatable), e.g. ''aruba*'' or ''**/2024/*.eml''')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads (default: all cores)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads (default: all cores)')
            [CompletionResult]::new('--imap-ca', '--imap-ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates of this PEM file for the IMAP server, besides the system''s')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only messages the server received on or after this day (YYYY-MM-DD)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Only messages the server received before this day (YYYY-MM-DD)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Judge certificate validity at this instant (RFC 3339) instead of the signing time')
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)')
            [CompletionResult]::new('--trusted-list', '--trusted-list', [CompletionResultType]::ParameterName, 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)')
            [CompletionResult]::new('--trusted-list-signer', '--trusted-list-signer', [CompletionResultType]::ParameterName, 'The certificate (PEM or DER) that must have signed the trusted lists')
            [CompletionResult]::new('--crl', '--crl', [CompletionResultType]::ParameterName, 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)')
            [CompletionResult]::new('--crl-cache', '--crl-cache', [CompletionResultType]::ParameterName, 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]')
            [CompletionResult]::new('--crl-timeout', '--crl-timeout', [CompletionResultType]::ParameterName, 'Give up a CRL download after this many seconds')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'Largest input file accepted, in bytes')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest MIME multipart nesting')
            [CompletionResult]::new('--max-parts', '--max-parts', [CompletionResultType]::ParameterName, 'Most MIME parts in one artefact')
            [CompletionResult]::new('--max-nesting', '--max-nesting', [CompletionResultType]::ParameterName, 'Deepest chain of nested artefacts')
            [CompletionResult]::new('--max-daticert', '--max-daticert', [CompletionResultType]::ParameterName, 'Largest daticert.xml, in bytes')
            [CompletionResult]::new('--max-header', '--max-header', [CompletionResultType]::ParameterName, 'Longest header block of one MIME entity, in bytes')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary line (and errors); no progress bar')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary line (and errors); no progress bar')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Per file, everything checked: every problem, the signature, the certificate chain in full (subject, issuer, serial, validity, SHA-256), the trust anchor and the daticert fields (human output; with the table format)')
            [CompletionResult]::new('--ordered', '--ordered', [CompletionResultType]::ParameterName, 'Keep input order in streamed formats (jsonl, csv); table and json are always ordered')
            [CompletionResult]::new('--imap-insecure', '--imap-insecure', [CompletionResultType]::ParameterName, 'Allow plain imap:// (the password travels unencrypted)')
            [CompletionResult]::new('--mailbox-all', '--mailbox-all', [CompletionResultType]::ParameterName, 'Read every mailbox of the account, not only the one the URL names')
            [CompletionResult]::new('--no-default-trust', '--no-default-trust', [CompletionResultType]::ParameterName, 'Do not trust the embedded PEC signing authorities')
            [CompletionResult]::new('--fetch-crl', '--fetch-crl', [CompletionResultType]::ParameterName, 'Download the CRLs named in the certificates'' CRL Distribution Points (network access)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'peckit;inspect' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--imap-ca', '--imap-ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates of this PEM file for the IMAP server, besides the system''s')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only messages the server received on or after this day (YYYY-MM-DD)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Only messages the server received before this day (YYYY-MM-DD)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Judge certificate validity at this instant (RFC 3339) instead of the signing time')
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)')
            [CompletionResult]::new('--trusted-list', '--trusted-list', [CompletionResultType]::ParameterName, 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)')
            [CompletionResult]::new('--trusted-list-signer', '--trusted-list-signer', [CompletionResultType]::ParameterName, 'The certificate (PEM or DER) that must have signed the trusted lists')
            [CompletionResult]::new('--crl', '--crl', [CompletionResultType]::ParameterName, 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)')
            [CompletionResult]::new('--crl-cache', '--crl-cache', [CompletionResultType]::ParameterName, 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]')
            [CompletionResult]::new('--crl-timeout', '--crl-timeout', [CompletionResultType]::ParameterName, 'Give up a CRL download after this many seconds')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'Largest input file accepted, in bytes')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest MIME multipart nesting')
            [CompletionResult]::new('--max-parts', '--max-parts', [CompletionResultType]::ParameterName, 'Most MIME parts in one artefact')
            [CompletionResult]::new('--max-nesting', '--max-nesting', [CompletionResultType]::ParameterName, 'Deepest chain of nested artefacts')
            [CompletionResult]::new('--max-daticert', '--max-daticert', [CompletionResultType]::ParameterName, 'Largest daticert.xml, in bytes')
            [CompletionResult]::new('--max-header', '--max-header', [CompletionResultType]::ParameterName, 'Longest header block of one MIME entity, in bytes')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--imap-insecure', '--imap-insecure', [CompletionResultType]::ParameterName, 'Allow plain imap:// (the password travels unencrypted)')
            [CompletionResult]::new('--mailbox-all', '--mailbox-all', [CompletionResultType]::ParameterName, 'Read every mailbox of the account, not only the one the URL names')
            [CompletionResult]::new('--no-default-trust', '--no-default-trust', [CompletionResultType]::ParameterName, 'Do not trust the embedded PEC signing authorities')
            [CompletionResult]::new('--fetch-crl', '--fetch-crl', [CompletionResultType]::ParameterName, 'Download the CRLs named in the certificates'' CRL Distribution Points (network access)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'peckit;extract' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output folder (one subfolder per input when several); `-` with --only original writes to standard output')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Output folder (one subfolder per input when several); `-` with --only original writes to standard output')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Extract only this')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'What is printed on standard output: the files written, or the manifest as JSON')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'What is printed on standard output: the files written, or the manifest as JSON')
            [CompletionResult]::new('--imap-ca', '--imap-ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates of this PEM file for the IMAP server, besides the system''s')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only messages the server received on or after this day (YYYY-MM-DD)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Only messages the server received before this day (YYYY-MM-DD)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Judge certificate validity at this instant (RFC 3339) instead of the signing time')
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)')
            [CompletionResult]::new('--trusted-list', '--trusted-list', [CompletionResultType]::ParameterName, 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)')
            [CompletionResult]::new('--trusted-list-signer', '--trusted-list-signer', [CompletionResultType]::ParameterName, 'The certificate (PEM or DER) that must have signed the trusted lists')
            [CompletionResult]::new('--crl', '--crl', [CompletionResultType]::ParameterName, 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)')
            [CompletionResult]::new('--crl-cache', '--crl-cache', [CompletionResultType]::ParameterName, 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]')
            [CompletionResult]::new('--crl-timeout', '--crl-timeout', [CompletionResultType]::ParameterName, 'Give up a CRL download after this many seconds')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'Largest input file accepted, in bytes')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest MIME multipart nesting')
            [CompletionResult]::new('--max-parts', '--max-parts', [CompletionResultType]::ParameterName, 'Most MIME parts in one artefact')
            [CompletionResult]::new('--max-nesting', '--max-nesting', [CompletionResultType]::ParameterName, 'Deepest chain of nested artefacts')
            [CompletionResult]::new('--max-daticert', '--max-daticert', [CompletionResultType]::ParameterName, 'Largest daticert.xml, in bytes')
            [CompletionResult]::new('--max-header', '--max-header', [CompletionResultType]::ParameterName, 'Longest header block of one MIME entity, in bytes')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite existing files')
            [CompletionResult]::new('--require-valid', '--require-valid', [CompletionResultType]::ParameterName, 'Write nothing for an artefact that fails verification')
            [CompletionResult]::new('--imap-insecure', '--imap-insecure', [CompletionResultType]::ParameterName, 'Allow plain imap:// (the password travels unencrypted)')
            [CompletionResult]::new('--mailbox-all', '--mailbox-all', [CompletionResultType]::ParameterName, 'Read every mailbox of the account, not only the one the URL names')
            [CompletionResult]::new('--no-default-trust', '--no-default-trust', [CompletionResultType]::ParameterName, 'Do not trust the embedded PEC signing authorities')
            [CompletionResult]::new('--fetch-crl', '--fetch-crl', [CompletionResultType]::ParameterName, 'Download the CRLs named in the certificates'' CRL Distribution Points (network access)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'peckit;evidence' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--originals', '--originals', [CompletionResultType]::ParameterName, 'Check the files you kept against the hashes of a ricevuta breve')
            [CompletionResult]::new('--imap-ca', '--imap-ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates of this PEM file for the IMAP server, besides the system''s')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only messages the server received on or after this day (YYYY-MM-DD)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Only messages the server received before this day (YYYY-MM-DD)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Judge certificate validity at this instant (RFC 3339) instead of the signing time')
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)')
            [CompletionResult]::new('--trusted-list', '--trusted-list', [CompletionResultType]::ParameterName, 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)')
            [CompletionResult]::new('--trusted-list-signer', '--trusted-list-signer', [CompletionResultType]::ParameterName, 'The certificate (PEM or DER) that must have signed the trusted lists')
            [CompletionResult]::new('--crl', '--crl', [CompletionResultType]::ParameterName, 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)')
            [CompletionResult]::new('--crl-cache', '--crl-cache', [CompletionResultType]::ParameterName, 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]')
            [CompletionResult]::new('--crl-timeout', '--crl-timeout', [CompletionResultType]::ParameterName, 'Give up a CRL download after this many seconds')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'Largest input file accepted, in bytes')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest MIME multipart nesting')
            [CompletionResult]::new('--max-parts', '--max-parts', [CompletionResultType]::ParameterName, 'Most MIME parts in one artefact')
            [CompletionResult]::new('--max-nesting', '--max-nesting', [CompletionResultType]::ParameterName, 'Deepest chain of nested artefacts')
            [CompletionResult]::new('--max-daticert', '--max-daticert', [CompletionResultType]::ParameterName, 'Largest daticert.xml, in bytes')
            [CompletionResult]::new('--max-header', '--max-header', [CompletionResultType]::ParameterName, 'Longest header block of one MIME entity, in bytes')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Table format: print only the summary line (and errors)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Table format: print only the summary line (and errors)')
            [CompletionResult]::new('--accept-rewrapped', '--accept-rewrapped', [CompletionResultType]::ParameterName, 'Use as proof the intact signed entity of a file altered around it (a PEC re-wrapped by mailing-list software); such facts are marked as coming from an altered file')
            [CompletionResult]::new('--imap-insecure', '--imap-insecure', [CompletionResultType]::ParameterName, 'Allow plain imap:// (the password travels unencrypted)')
            [CompletionResult]::new('--mailbox-all', '--mailbox-all', [CompletionResultType]::ParameterName, 'Read every mailbox of the account, not only the one the URL names')
            [CompletionResult]::new('--no-default-trust', '--no-default-trust', [CompletionResultType]::ParameterName, 'Do not trust the embedded PEC signing authorities')
            [CompletionResult]::new('--fetch-crl', '--fetch-crl', [CompletionResultType]::ParameterName, 'Download the CRLs named in the certificates'' CRL Distribution Points (network access)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'peckit;archive' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The archive folder (created when absent)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The archive folder (created when absent)')
            [CompletionResult]::new('--imap-ca', '--imap-ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates of this PEM file for the IMAP server, besides the system''s')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only messages the server received on or after this day (YYYY-MM-DD)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Only messages the server received before this day (YYYY-MM-DD)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Judge certificate validity at this instant (RFC 3339) instead of the signing time')
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)')
            [CompletionResult]::new('--trusted-list', '--trusted-list', [CompletionResultType]::ParameterName, 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)')
            [CompletionResult]::new('--trusted-list-signer', '--trusted-list-signer', [CompletionResultType]::ParameterName, 'The certificate (PEM or DER) that must have signed the trusted lists')
            [CompletionResult]::new('--crl', '--crl', [CompletionResultType]::ParameterName, 'Check revocation at the signing time against this CRL (DER or PEM file, or a folder of them; repeatable)')
            [CompletionResult]::new('--crl-cache', '--crl-cache', [CompletionResultType]::ParameterName, 'Keep downloaded CRLs here and reuse them while current [default: $XDG_CACHE_HOME/peckit/crl]')
            [CompletionResult]::new('--crl-timeout', '--crl-timeout', [CompletionResultType]::ParameterName, 'Give up a CRL download after this many seconds')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'Largest input file accepted, in bytes')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest MIME multipart nesting')
            [CompletionResult]::new('--max-parts', '--max-parts', [CompletionResultType]::ParameterName, 'Most MIME parts in one artefact')
            [CompletionResult]::new('--max-nesting', '--max-nesting', [CompletionResultType]::ParameterName, 'Deepest chain of nested artefacts')
            [CompletionResult]::new('--max-daticert', '--max-daticert', [CompletionResultType]::ParameterName, 'Largest daticert.xml, in bytes')
            [CompletionResult]::new('--max-header', '--max-header', [CompletionResultType]::ParameterName, 'Longest header block of one MIME entity, in bytes')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--require-valid', '--require-valid', [CompletionResultType]::ParameterName, 'Keep only messages that pass verification; list the others as skipped')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the summary')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the summary')
            [CompletionResult]::new('--imap-insecure', '--imap-insecure', [CompletionResultType]::ParameterName, 'Allow plain imap:// (the password travels unencrypted)')
            [CompletionResult]::new('--mailbox-all', '--mailbox-all', [CompletionResultType]::ParameterName, 'Read every mailbox of the account, not only the one the URL names')
            [CompletionResult]::new('--no-default-trust', '--no-default-trust', [CompletionResultType]::ParameterName, 'Do not trust the embedded PEC signing authorities')
            [CompletionResult]::new('--fetch-crl', '--fetch-crl', [CompletionResultType]::ParameterName, 'Download the CRLs named in the certificates'' CRL Distribution Points (network access)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'peckit;trust' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the trusted PEC signing authorities and where each comes from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'peckit;trust;list' {
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Add trust anchors from a PEM or DER file, or a folder of them (repeatable)')
            [CompletionResult]::new('--trusted-list', '--trusted-list', [CompletionResultType]::ParameterName, 'Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be signed by --trusted-list-signer (repeatable)')
            [CompletionResult]::new('--trusted-list-signer', '--trusted-list-signer', [CompletionResultType]::ParameterName, 'The certificate (PEM or DER) that must have signed the trusted lists')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--no-default-trust', '--no-default-trust', [CompletionResultType]::ParameterName, 'Do not trust the embedded PEC signing authorities')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'peckit;trust;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the trusted PEC signing authorities and where each comes from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'peckit;trust;help;list' {
            break
        }
        'peckit;trust;help;help' {
            break
        }
        'peckit;generate' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Folder that receives completions/ and man/')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'peckit;help' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the authenticity of PEC artefacts')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show what PEC artefacts are and what their certified data says')
            [CompletionResult]::new('extract', 'extract', [CompletionResultType]::ParameterValue, 'Take an artefact apart: original message, attachments, daticert, signature')
            [CompletionResult]::new('evidence', 'evidence', [CompletionResultType]::ParameterValue, 'Legal-evidence summary: when each message was sent and delivered, on which receipts')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Keep byte-exact, verified copies of PEC messages in a folder')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Manage the trusted PEC signing authorities')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (for packagers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'peckit;help;verify' {
            break
        }
        'peckit;help;inspect' {
            break
        }
        'peckit;help;extract' {
            break
        }
        'peckit;help;evidence' {
            break
        }
        'peckit;help;archive' {
            break
        }
        'peckit;help;trust' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the trusted PEC signing authorities and where each comes from')
            break
        }
        'peckit;help;trust;list' {
            break
        }
        'peckit;help;generate' {
            break
        }
        'peckit;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
