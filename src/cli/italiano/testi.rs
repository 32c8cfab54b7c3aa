//! Each help text of the command line, in English as `mod.rs` writes it, and in Italian.

use super::super::{
    ARCHIVE_EXAMPLES, ARCHIVE_LONG, EVIDENCE_EXAMPLES, EVIDENCE_LONG, EXTRACT_EXAMPLES,
    EXTRACT_LONG, INSPECT_EXAMPLES, INSPECT_LONG, TOP_EXAMPLES, TOP_LONG, TRUST_EXAMPLES,
    VERIFY_EXAMPLES, VERIFY_LONG,
};

pub(super) static TEXTS: &[(&str, &str)] = &[
    // peckit
    (
        "Read, verify and explain Italian certified e-mail (PEC) artefacts",
        "Legge, verifica e spiega i messaggi di posta elettronica certificata (PEC)",
    ),
    (
        TOP_LONG,
        "Legge, verifica e spiega i messaggi di posta elettronica certificata (PEC).\n\n\
peckit controlla la firma S/MIME del gestore su buste di trasporto, ricevute e avvisi PEC, ne \
segue la catena fino alle autorità di certificazione dei gestori PEC e riporta ciò che il \
daticert.xml firmato certifica. Funziona senza rete e non modifica mai i file che legge.",
    ),
    (
        TOP_EXAMPLES,
        "Esempi:\n  \
peckit verify ricevuta.eml              # è autentica? che cosa certifica\n  \
peckit verify --format json cartella/   # una cartella, per uno script o la CI\n  \
peckit inspect busta.eml                # i dati firmati accanto a quelli dichiarati\n  \
peckit extract busta.eml -o fascicolo/  # il messaggio originale e i suoi allegati\n  \
peckit evidence --format html cartella/ > riepilogo.html\n  \
peckit help verify                      # tutte le opzioni di un comando",
    ),
    (
        "Language of messages, labels and help (default: from LC_ALL / LC_MESSAGES / LANG)",
        "Lingua di messaggi, etichette e aiuto (altrimenti quella di LC_ALL / LC_MESSAGES / LANG)",
    ),
    ("Italiano", "italiano"),
    ("English", "inglese"),
    ("When to use colours", "Quando usare i colori"),
    (
        "Colours on a terminal, unless NO_COLOR is set",
        "colori su un terminale, salvo che sia impostata NO_COLOR",
    ),
    ("Always colour", "sempre a colori"),
    ("Never colour", "mai a colori"),
    ("Print help (see more with '--help')", "Mostra l'aiuto (più dettagli con '--help')"),
    ("Print help (see a summary with '-h')", "Mostra l'aiuto (un riassunto con '-h')"),
    ("Print version", "Mostra la versione"),
    (
        "Print this message or the help of the given subcommand(s)",
        "Mostra questo aiuto o quello del comando indicato",
    ),
    // verify
    ("Verify the authenticity of PEC artefacts", "Verifica l'autenticità dei messaggi PEC"),
    (
        VERIFY_LONG,
        "Verifica l'autenticità dei messaggi PEC.\n\n\
Un elemento è VALIDO quando valgono tutte queste condizioni: porta una firma S/MIME sul suo \
contenuto (l'entità firmata) e il contenuto non è cambiato dopo la firma; la firma è come la \
scrive un gestore (un solo firmatario, nulla aggiunto dentro o dopo di essa) e si verifica con \
il certificato del firmatario; quel certificato risale, anello per anello, a un'autorità \
PEC fidata ed era valido sia alla data della firma sia all'ora certificata che il daticert \
riporta; l'entità firmata contiene un solo daticert.xml (salvo le buste di anomalia); e le \
intestazioni non firmate X-Ricevuta / X-Trasporto concordano con il daticert firmato, senza \
copie che dicano altro. In ogni altro caso è NON VALIDO, con un codice di problema \
che dice perché. I file che non sono posta, o che non si possono leggere, sono ERRORE.\n\n\
REM (ETSI EN 319 532), l'erede europea della PEC, è letta accanto alla PEC: un messaggio REM è \
VALIDO quando la sua firma S/MIME regge come sopra e la firma XAdES della sua evidenza ETSI si \
verifica, risale a un'autorità fidata (--trust, o --trusted-list) e concorda con le \
intestazioni REM e con l'originale trasportato; un file di evidenza a sé (.xml) quando regge la \
sola sua firma XAdES. Una marca temporale valida di un'autorità fidata fissa l'istante a cui \
sono giudicati i certificati.\n\n\
Tutto ciò che è riportato come certificato viene dall'interno dell'entità firmata. Le \
intestazioni non firmate sono mostrate come dichiarazioni e confrontate con i dati firmati; i \
disaccordi sono avvertimenti (o rendono l'elemento non valido, per le intestazioni \
X-Ricevuta / X-Trasporto).\n\n\
Codice di uscita: 0 ogni elemento valido; 1 almeno uno non valido; 2 errore d'uso, un file che \
non si è potuto leggere (gli altri sono comunque riportati) o nessun messaggio trovato; 130 \
interrotto da Ctrl-C o SIGTERM.",
    ),
    (
        VERIFY_EXAMPLES,
        "Esempi:\n  \
peckit verify ricevuta.eml\n  \
peckit verify --format json --trust ca.pem cartella/\n  \
peckit verify --format csv archivio/ export.mbox > verdetti.csv",
    ),
    (
        "Files, folders (searched recursively; Maildir too; a link to a file is read, one to a \
folder is named, not followed), mbox files, zip archives, IMAP mailboxes \
(imaps://USER@HOST/MAILBOX); `-` reads standard input",
        "File, cartelle (esplorate con le sottocartelle; anche Maildir; un collegamento a un \
file è letto, uno a una cartella è segnalato e non seguito), file mbox, archivi zip, caselle \
IMAP (imaps://UTENTE@SERVER/CASELLA); `-` legge lo standard input",
    ),
    ("Output format", "Formato dell'output"),
    ("A readable table", "una tabella leggibile"),
    ("One JSON document (its schema is in docs/)", "un documento JSON (lo schema è in docs/)"),
    (
        "One JSON object per line, then a summary line",
        "un oggetto JSON per riga, poi una riga di riepilogo",
    ),
    (
        "Comma-separated values, one row per artefact",
        "valori separati da virgole, una riga per elemento",
    ),
    (
        "Print only the summary line (and errors); no progress bar",
        "Mostra solo la riga di riepilogo (e gli errori); nessuna barra di avanzamento",
    ),
    (
        "Per file, everything checked: every problem, the signature, the certificate chain in \
full (subject, issuer, serial, validity, SHA-256), the trust anchor and the daticert fields \
(human output; with the table format)",
        "Per ogni file, tutto ciò che è stato controllato: ogni problema, la firma, la catena \
dei certificati per intero (soggetto, emittente, numero di serie, validità, SHA-256), \
l'autorità fidata e i campi del daticert (output per le persone; con il formato table)",
    ),
    (
        "Read more paths from this file, one per line (`-` for standard input)",
        "Legge altri percorsi da questo file, uno per riga (`-` per lo standard input)",
    ),
    (
        "In folders, only files whose name or path matches this glob (repeatable), e.g. \
'aruba*' or '**/2024/*.eml'",
        "Nelle cartelle, solo i file il cui nome o percorso corrisponde a questo modello \
(ripetibile), per esempio 'aruba*' o '**/2024/*.eml'",
    ),
    ("Worker threads (default: all cores)", "Thread di lavoro (altrimenti uno per core)"),
    (
        "Keep input order in streamed formats (jsonl, csv); table and json are always ordered",
        "Mantiene l'ordine dei file letti nei formati a flusso (jsonl, csv); table e json lo \
mantengono sempre",
    ),
    (
        "Trust the CA certificates of this PEM file for the IMAP server, besides the system's",
        "Per il server IMAP, si fida dei certificati CA di questo file PEM oltre a quelli del \
sistema",
    ),
    (
        "Allow plain imap:// (the password travels unencrypted)",
        "Permette imap:// senza cifratura (la password viaggia in chiaro)",
    ),
    (
        "Only messages the server received on or after this day (YYYY-MM-DD)",
        "Solo i messaggi ricevuti dal server in questo giorno o dopo (AAAA-MM-GG)",
    ),
    (
        "Only messages the server received before this day (YYYY-MM-DD)",
        "Solo i messaggi ricevuti dal server prima di questo giorno (AAAA-MM-GG)",
    ),
    (
        "Read every mailbox of the account, not only the one the URL names",
        "Legge tutte le caselle dell'account, non solo quella indicata nell'URL",
    ),
    (
        "Judge certificate validity at this instant (RFC 3339) instead of the signing time",
        "Giudica la validità dei certificati a questo istante (RFC 3339) invece che alla data \
della firma",
    ),
    (
        "Add trust anchors from a PEM or DER file, or a folder of them (repeatable)",
        "Aggiunge autorità fidate da un file PEM o DER, o da una cartella di tali file \
(ripetibile)",
    ),
    (
        "Do not trust the embedded PEC signing authorities",
        "Non si fida delle autorità dei gestori PEC incluse in peckit",
    ),
    (
        "Trust the registered e-mail (REM, QERDS) and qualified time-stamping services of an EU \
Trusted List (ETSI TS 119 612), each only while its status was granted; the list must be \
signed by --trusted-list-signer (repeatable)",
        "Si fida dei servizi di recapito certificato (REM, QERDS) e di marca temporale \
qualificati di una Trusted List europea (ETSI TS 119 612), ciascuno solo nel periodo in cui \
era qualificato; la lista deve essere firmata da --trusted-list-signer (ripetibile)",
    ),
    (
        "The certificate (PEM or DER) that must have signed the trusted lists",
        "Il certificato (PEM o DER) che deve aver firmato le Trusted List",
    ),
    (
        "Check revocation at the signing time against this CRL (DER or PEM file, or a folder \
of them; repeatable)",
        "Controlla la revoca alla data della firma con questa CRL (file DER o PEM, o una \
cartella di tali file; ripetibile)",
    ),
    (
        "Download the CRLs named in the certificates' CRL Distribution Points (network access)",
        "Scarica le CRL indicate nei CRL Distribution Points dei certificati (accede alla rete)",
    ),
    (
        "Keep downloaded CRLs here and reuse them while current [default: \
$XDG_CACHE_HOME/peckit/crl]",
        "Conserva qui le CRL scaricate e le riusa finché sono aggiornate [predefinito: \
$XDG_CACHE_HOME/peckit/crl]",
    ),
    (
        "Give up a CRL download after this many seconds",
        "Rinuncia a scaricare una CRL dopo questi secondi",
    ),
    ("Largest input file accepted, in bytes", "Dimensione massima di un file letto, in byte"),
    ("Deepest MIME multipart nesting", "Profondità massima delle parti MIME annidate"),
    ("Most MIME parts in one artefact", "Numero massimo di parti MIME in un elemento"),
    ("Deepest chain of nested artefacts", "Profondità massima di elementi PEC annidati"),
    ("Largest daticert.xml, in bytes", "Dimensione massima di un daticert.xml, in byte"),
    (
        "Longest header block of one MIME entity, in bytes",
        "Dimensione massima delle intestazioni di una parte MIME, in byte",
    ),
    // inspect
    (
        "Show what PEC artefacts are and what their certified data says",
        "Mostra che cosa sono i messaggi PEC e che cosa dicono i loro dati certificati",
    ),
    (
        INSPECT_LONG,
        "Mostra che cosa sono i messaggi PEC e che cosa dicono i loro dati certificati.\n\n\
Per ogni file: il tipo (prima di tutto dal daticert firmato), le intestazioni non firmate \
accanto ai campi del daticert firmato, l'albero MIME con le parti firmate segnate, il \
certificato del firmatario come si trova nel file e gli elementi annidati. Inspect non dà un \
esito (lo dà `peckit verify`): controlla la firma, la sua catena e la revoca (--trust, --at, \
--crl come per verify) solo per dire con verità se i campi del daticert sono certificati o \
soltanto dichiarati.",
    ),
    (
        INSPECT_EXAMPLES,
        "Esempi:\n  \
peckit inspect ricevuta.eml\n  \
peckit inspect --format json busta.eml\n  \
cat ricevuta.eml | peckit inspect -",
    ),
    (
        "Files or folders (searched recursively for mail), IMAP mailboxes \
(imaps://USER@HOST/MAILBOX); `-` reads standard input",
        "File o cartelle (esplorate con le sottocartelle in cerca di posta), caselle IMAP \
(imaps://UTENTE@SERVER/CASELLA); `-` legge lo standard input",
    ),
    ("A readable report", "un resoconto leggibile"),
    ("JSON", "JSON"),
    (
        "One JSON line per artefact, as it is read",
        "una riga JSON per elemento, man mano che è letto",
    ),
    // extract
    (
        "Take an artefact apart: original message, attachments, daticert, signature",
        "Scompone un messaggio PEC: messaggio originale, allegati, daticert, firma",
    ),
    (
        EXTRACT_LONG,
        "Scompone un messaggio PEC: messaggio originale, allegati, daticert, firma.\n\n\
Scrive in CARTELLA (altrimenti: il nome del file senza estensione, accanto al file): \
postacert.eml (l'originale esattamente come trasportato), daticert.xml (evidence.xml per \
REM), smime.p7s (il CMS così com'è), signer-chain.pem (prima il firmatario), body.txt / \
body.html (UTF-8), ogni allegato dell'originale con il suo nome reso sicuro (i messaggi \
annidati in una sottocartella ciascuno) e manifest.json (dimensione, SHA-256, tipo, percorso \
MIME e nome originale di ogni file, e l'esito della verifica).\n\n\
Si estrae solo il contenuto firmato. I nomi presi dalla posta non escono mai da CARTELLA; i \
file esistenti non sono mai sovrascritti senza --force. I file di un elemento prendono il loro \
nome insieme, quando sono tutti su disco; se non si può scriverli tutti, non ne resta nessuno. \
Un elemento che non supera la verifica è estratto lo stesso, con un avvertimento e codice di \
uscita 1; --require-valid non scrive nulla per esso. Con -o CARTELLA e più file, ciascuno ha \
una sottocartella di CARTELLA che porta il suo nome (`ricevuta`, `ricevuta (2)` quando due \
hanno lo stesso nome); lo standard input va in peckit-extract. --only scrive solo quella \
parte, senza manifest.json.",
    ),
    (
        EXTRACT_EXAMPLES,
        "Esempi:\n  \
peckit extract busta.eml\n  \
peckit extract busta.eml -o fascicolo/ --format json\n  \
peckit extract busta.eml --only original -o - > originale.eml",
    ),
    (
        "PEC artefacts to take apart (files, folders, containers, or an IMAP mailbox \
imaps://USER@HOST/MAILBOX, which needs -o)",
        "I messaggi PEC da scomporre (file, cartelle, contenitori, o una casella IMAP \
imaps://UTENTE@SERVER/CASELLA, che richiede -o)",
    ),
    (
        "Output folder (one subfolder per input when several); `-` with --only original writes \
to standard output",
        "Cartella di destinazione (una sottocartella per file quando sono più d'uno); `-` con \
--only original scrive sullo standard output",
    ),
    ("Extract only this", "Estrae solo questo"),
    ("postacert.eml", "postacert.eml"),
    ("The original's body and attachments", "il testo e gli allegati dell'originale"),
    ("daticert.xml (evidence.xml for REM)", "daticert.xml (evidence.xml per REM)"),
    ("smime.p7s and signer-chain.pem", "smime.p7s e signer-chain.pem"),
    ("Overwrite existing files", "Sovrascrive i file esistenti"),
    (
        "Write nothing for an artefact that fails verification",
        "Non scrive nulla per un elemento che non supera la verifica",
    ),
    (
        "What is printed on standard output: the files written, or the manifest as JSON",
        "Che cosa si scrive sullo standard output: i file scritti, o il manifest in JSON",
    ),
    ("A list of the files written", "l'elenco dei file scritti"),
    ("The manifest as JSON", "il manifest in JSON"),
    // evidence
    (
        "Legal-evidence summary: when each message was sent and delivered, on which receipts",
        "Riepilogo probatorio: quando ogni messaggio è stato inviato e consegnato, su quali \
ricevute",
    ),
    (
        EVIDENCE_LONG,
        "Riepilogo probatorio: quando ogni messaggio è stato inviato e consegnato, su quali \
ricevute.\n\n\
Raggruppa gli elementi di ogni messaggio (l'identificativo del gestore lega accettazione, \
busta, ricevute e avvisi; il Message-ID del client, scelto dal mittente, non unisce mai due \
messaggi) e dice, per ogni destinatario, che \
cosa stabiliscono gli elementi VERIFICATI: consegnato (quando, da quale gestore, con quale \
ricevuta), non consegnato (con l'errore), preavviso di mancata consegna, preso in carico, \
nessuna ricevuta tra i file esaminati, o indirizzo non PEC. Un messaggio è inviato quando il gestore del \
mittente lo accetta e consegnato quando è messo nella casella del destinatario (DPR 68/2005 \
art. 3); entrambe le date sono opponibili ai terzi (CAD art. 48). Un elemento che non supera \
la verifica è elencato, con il suo problema, e non è usato come prova (con \
--accept-rewrapped, salvo l'entità firmata intatta di un file alterato intorno a essa, i cui \
fatti sono allora segnati come provenienti da un file alterato).\n\n\
I record scritti da `peckit verify --format jsonl` (file con nome .jsonl o .ndjson, - o un \
altro file il cui contenuto è JSON, ma mai un file con nome .eml, .msg, .mbox o .zip) sono \
letti al posto della posta: i loro esiti sono usati come registrati, non verificati di nuovo, \
e ogni formato lo dice. --trust, --no-default-trust, --trusted-list, --crl, --fetch-crl e --at \
non cambiano mai un esito registrato: con i soli record sono rifiutati. I record di \
un'esecuzione non terminata rendono l'evidenza incompleta; i record contraddetti da un altro \
esito dello stesso file non sono usati.\n\n\
Codice di uscita: 0 ogni elemento valido; 1 almeno uno non valido, o un originale conservato \
(--originals) differisce o manca; 2 errore d'uso, un file o un record che non si è potuto \
usare, o record di un'esecuzione interrotta; 130 interrotto da Ctrl-C o SIGTERM.",
    ),
    (
        EVIDENCE_EXAMPLES,
        "Esempi:\n  \
peckit evidence cartella-notifica/\n  \
peckit evidence --format html --lang it cartella/ > riepilogo.html\n  \
peckit evidence --format csv archivio/ > consegne.csv\n  \
peckit evidence --format json shard-*.jsonl > evidenza.json",
    ),
    (
        "Files or folders (searched recursively for mail), IMAP mailboxes \
(imaps://USER@HOST/MAILBOX), `.jsonl` files that `peckit verify --format jsonl` wrote (their \
verdicts are used as recorded, not re-verified); `-` reads standard input",
        "File o cartelle (esplorate con le sottocartelle in cerca di posta), caselle IMAP \
(imaps://UTENTE@SERVER/CASELLA), file `.jsonl` scritti da `peckit verify --format jsonl` (i \
loro esiti sono usati come registrati, non verificati di nuovo); `-` legge lo standard input",
    ),
    ("Markdown", "Markdown"),
    ("A self-contained printable HTML page (A4)", "una pagina HTML autonoma da stampare (A4)"),
    ("One row per (message, recipient)", "una riga per (messaggio, destinatario)"),
    (
        "Check the files you kept against the hashes of a ricevuta breve",
        "Confronta i file che hai conservato con le impronte di una ricevuta breve",
    ),
    (
        "Table format: print only the summary line (and errors)",
        "Formato table: mostra solo la riga di riepilogo (e gli errori)",
    ),
    (
        "Use as proof the intact signed entity of a file altered around it (a PEC re-wrapped \
by mailing-list software); such facts are marked as coming from an altered file",
        "Usa come prova l'entità firmata intatta di un file alterato intorno a essa (una PEC \
reimbustata da un programma di mailing list); tali fatti sono segnati come provenienti da un \
file alterato",
    ),
    // archive
    (
        "Keep byte-exact, verified copies of PEC messages in a folder",
        "Conserva in una cartella copie verificate, identiche byte per byte, dei messaggi PEC",
    ),
    (
        ARCHIVE_LONG,
        "Conserva la PEC: copie verificate, identiche byte per byte, di ogni messaggio, un .eml \
ciascuno, in CARTELLA.\n\n\
Legge ogni ORIGINE (file, cartelle, Maildir, file mbox, archivi zip, - per lo standard input) \
e copia ogni messaggio in CARTELLA esattamente come è stato letto, con un nome fatto di data \
certificata, tipo, destinatario (per ricevute di consegna e avvisi) e identificativo \
(2026-11-30_accettazione_opec….eml; un messaggio senza data certificata: \
senza-data_TIPO_HASH.eml, HASH le prime 16 cifre esadecimali del suo SHA-256; a un nome già \
preso da un altro messaggio si aggiunge _HASH, di 12 cifre, prima di .eml), senza mai \
sovrascrivere: ogni file è scritto con un nome temporaneo, salvato su disco e rinominato prima \
di essere registrato. I messaggi sono conservati a gruppi (fino a 256 o 4 MB, chiusi circa \
0,2 s dopo il primo), con un solo salvataggio su disco per gruppo su un file system locale (uno \
per file altrove); la riga di un messaggio è mostrata quando il suo gruppo è conservato. \
CARTELLA/archive.jsonl ha una riga per ogni copia scritta (SHA-256, dimensione, origine, file, \
esito, tipo, msgid, identificativo, data certificata, data di archiviazione); \
CARTELLA/sources.jsonl ogni origine in cui un messaggio è stato trovato. Una nuova esecuzione \
aggiunge solo ciò che è nuovo, lo stesso messaggio trovato due volte è conservato una volta, e \
un'esecuzione interrotta non lascia file parziali: la successiva la completa. \"Già presente\" \
si dice solo di una copia ancora presente con i byte registrati; una copia cancellata o \
alterata nel frattempo è scritta di nuovo quando si incontra il suo messaggio (il file \
alterato non è mai sovrascritto), e lo si dice sullo standard error.\n\n\
Ogni messaggio è verificato e il suo esito registrato; senza opzioni ogni messaggio è \
conservato (anche uno non valido prova che qualcosa è arrivato). --require-valid conserva \
solo quelli verificati ed elenca gli altri come scartati.\n\n\
Codice di uscita: 0 ogni messaggio archiviato o già presente, valido o no; 1 con \
--require-valid, alcuni sono stati scartati; 2 un'origine non si è potuta leggere, o una copia \
conservata manca o è alterata e questa esecuzione non ha potuto riscriverla; 130 interrotto da \
Ctrl-C o SIGTERM (ciò che è stato mostrato è archiviato).",
    ),
    (
        ARCHIVE_EXAMPLES,
        "Esempi:\n  \
peckit archive export/ -o archivio-pec/\n  \
peckit archive casella.mbox --require-valid -o archivio-pec/\n  \
peckit verify archivio-pec/",
    ),
    (
        "Where the messages come from: files, folders, Maildirs, mbox files, zip archives, IMAP \
mailboxes (imaps://USER@HOST/MAILBOX), `-`",
        "Da dove vengono i messaggi: file, cartelle, Maildir, file mbox, archivi zip, caselle \
IMAP (imaps://UTENTE@SERVER/CASELLA), `-`",
    ),
    ("The archive folder (created when absent)", "La cartella dell'archivio (creata se non c'è)"),
    (
        "Keep only messages that pass verification; list the others as skipped",
        "Conserva solo i messaggi che superano la verifica; elenca gli altri come scartati",
    ),
    ("Print only the summary", "Mostra solo il riepilogo"),
    // trust
    ("Manage the trusted PEC signing authorities", "Gestisce le autorità fidate dei gestori PEC"),
    (
        TRUST_EXAMPLES,
        "Esempi:\n  \
peckit trust list\n  \
peckit trust list --trust ca.pem --format json",
    ),
    (
        "List the trusted PEC signing authorities and where each comes from",
        "Elenca le autorità fidate dei gestori PEC e da dove viene ciascuna",
    ),
    // generate
    (
        "Write shell completions and man pages (for packagers)",
        "Scrive i completamenti per la shell e le pagine di manuale (per chi crea pacchetti)",
    ),
    ("Folder that receives completions/ and man/", "La cartella che riceve completions/ e man/"),
];
