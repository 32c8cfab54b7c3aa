#!/usr/bin/env python3
"""Make peckit's test PKI and signed PEC artefacts (Python 3 standard library + openssl CLI).

Run from anywhere:  python3 samples/make-samples.py
Keys and certificates under samples/pki/ are made once and reused, so a rerun gives the same
chain; the artefacts are made anew (the CMS signing time is the time of the run, and the
daticert times follow it). Every output is listed in samples/expected.tsv (kind, verdict,
problem code) and samples/daticert-expected.tsv (the daticert values used), which the tests
read: the tests compare peckit with what this script put in, never with hard-coded values.

All names, domains and people are fictitious (.example).
"""

import base64
import datetime as dt
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PKI = HERE / "pki"
OUT = HERE
ROME = dt.timezone(dt.timedelta(hours=1))  # recomputed per date below (CET/CEST)

EXPECTED = []  # (file, kind, verdict, problem, notes)
DATICERT = []  # dicts of the values put in each daticert


def run(*args, stdin=None):
    r = subprocess.run(args, input=stdin, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"command failed: {' '.join(map(str, args))}\n{r.stderr.decode()}")
    return r.stdout


# --------------------------------------------------------------------------- PKI

CA_CONFIG = """
[ca]
default_ca = CA_default
[CA_default]
dir = {dir}
database = $dir/index.txt
new_certs_dir = $dir/new
serial = $dir/serial
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
[policy_any]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
emailAddress = optional
"""

EXT_ROOT = """
[ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
"""
EXT_INTERMEDIATE = """
[ext]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
certificatePolicies = 1.3.76.16.3.1
"""
EXT_PROVIDER = """
[ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = emailProtection
subjectAltName = email:{email}
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
certificatePolicies = 1.3.76.16.3.1.1
"""
# A CA that publishes a register of providers as AgID CA1 does: non-critical name constraints,
# one permitted directory subtree per provider, their mail domains, every IP range excluded.
EXT_REGISTRY = """
[ext]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
certificatePolicies = 1.3.76.16.3.1
nameConstraints = permitted;dirName:dir_alfa,permitted;dirName:dir_beta,permitted;email:pec.alfa.example,permitted;email:pec.beta.example,excluded;IP:0.0.0.0/0.0.0.0,excluded;IP:::/::
[dir_alfa]
C = IT
ST = Roma
L = Roma
O = Gestore Alfa S.p.A.
[dir_beta]
C = IT
ST = Milano
L = Milano
O = Gestore Beta S.r.l.
"""
EXT_TLS_SERVER = """
[ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""
# A provider certificate naming where its issuer's CRL is published (tests serve it there).
CRL_PORT = 38517
EXT_PROVIDER_CDP = EXT_PROVIDER + f"crlDistributionPoints = URI:http://127.0.0.1:{CRL_PORT}/intermediate.crl\n"
# A provider certificate whose SAN is written whole ({san}: several entries).
EXT_PROVIDER_SAN = EXT_PROVIDER.replace("subjectAltName = email:{email}", "subjectAltName = {san}")
REGISTRY_SUBJECT = "/C=IT/O=peckit Test PKI/CN=peckit Test Registro CA"
GAMMA_SUBJECT = "/C=IT/ST=Torino/L=Torino/O=Gestore Gamma S.p.A./CN=Posta Certificata Gestore Gamma"

EXT_ROGUE_ROOT = """
[ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
"""
EXT_ROGUE_PROVIDER = """
[ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = emailProtection
subjectAltName = email:{email}
certificatePolicies = 1.3.76.16.3.1.1
"""
EXT_WRONG_USAGE = """
[ext]
basicConstraints = CA:FALSE
keyUsage = critical,keyCertSign
subjectAltName = email:{email}
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""

ROOT_SUBJECT = "/C=IT/O=peckit Test PKI/CN=peckit Test Root CA"
INTERMEDIATE_SUBJECT = "/C=IT/O=peckit Test PKI/CN=peckit Test PEC CA1"
ALFA = {
    "subject": "/C=IT/ST=Roma/L=Roma/O=Gestore Alfa S.p.A./CN=Posta Certificata Gestore Alfa",
    "email": "posta-certificata@pec.alfa.example",
    "domain": "pec.alfa.example",
    "name": "Gestore Alfa S.p.A.",
}
BETA = {
    "subject": "/C=IT/ST=Milano/L=Milano/O=Gestore Beta S.r.l./CN=Posta Certificata Gestore Beta",
    "email": "posta-certificata@pec.beta.example",
    "domain": "pec.beta.example",
    "name": "Gestore Beta S.r.l.",
}


def key(name):
    path = PKI / f"{name}.key"
    if not path.exists():
        if name.startswith("ec-"):
            run("openssl", "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", str(path))
        else:
            run("openssl", "genrsa", "-out", str(path), "2048")
    return path


def issue(name, subject, ext, issuer=None, start="20200101000000Z", end="20400101000000Z", serial=None, **fmt):
    """Issues PKI/name.pem with `openssl ca` (explicit dates, the serial given or a random one);
    self-signed when issuer is None."""
    cert = PKI / f"{name}.pem"
    if cert.exists():
        return cert
    k = key(name)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "new").mkdir()
        (tmp / "index.txt").write_text("")
        (tmp / "serial").write_text((serial or "%016X" % random.getrandbits(63)) + "\n")
        (tmp / "ca.cnf").write_text(CA_CONFIG.format(dir=tmp))
        (tmp / "ext.cnf").write_text(ext.format(**fmt))
        csr = tmp / "req.csr"
        run("openssl", "req", "-new", "-key", str(k), "-subj", subject, "-out", str(csr))
        args = ["openssl", "ca", "-batch", "-notext", "-config", str(tmp / "ca.cnf"), "-in", str(csr),
                "-out", str(cert), "-startdate", start, "-enddate", end,
                "-extfile", str(tmp / "ext.cnf"), "-extensions", "ext"]
        if issuer is None:
            args += ["-selfsign", "-keyfile", str(k)]
        else:
            args += ["-cert", str(PKI / f"{issuer}.pem"), "-keyfile", str(PKI / f"{issuer}.key")]
        run(*args)
    return cert


def make_pki():
    PKI.mkdir(exist_ok=True)
    issue("root", ROOT_SUBJECT, EXT_ROOT, start="20200101000000Z", end="20450101000000Z")
    issue("intermediate", INTERMEDIATE_SUBJECT, EXT_INTERMEDIATE, issuer="root")
    issue("alfa", ALFA["subject"], EXT_PROVIDER, issuer="intermediate", email=ALFA["email"])
    issue("beta", BETA["subject"], EXT_PROVIDER, issuer="intermediate", email=BETA["email"])
    issue("self-signed-alfa", ALFA["subject"], EXT_ROGUE_PROVIDER, email=ALFA["email"])
    issue("rogue-root", ROOT_SUBJECT, EXT_ROGUE_ROOT, start="20200101000000Z", end="20450101000000Z")
    issue("rogue-alfa", ALFA["subject"], EXT_ROGUE_PROVIDER, issuer="rogue-root", email=ALFA["email"])
    issue("expired-alfa", ALFA["subject"], EXT_PROVIDER, issuer="intermediate",
          start="20150101000000Z", end="20160101000000Z", email=ALFA["email"])
    issue("future-alfa", ALFA["subject"], EXT_PROVIDER, issuer="intermediate",
          start="20400101000000Z", end="20420101000000Z", email=ALFA["email"])
    issue("wrong-usage-alfa", ALFA["subject"], EXT_WRONG_USAGE, issuer="intermediate", email=ALFA["email"])
    issue("ec-beta", BETA["subject"], EXT_PROVIDER, issuer="intermediate", email=BETA["email"])
    issue("crl-alfa", ALFA["subject"], EXT_PROVIDER_CDP, issuer="intermediate", email=ALFA["email"])
    # Same name and key identifier as the intermediate, another key: its CRL claims to be the
    # intermediate's in every field but the signature.
    ski = run("openssl", "x509", "-noout", "-ext", "subjectKeyIdentifier", "-in",
              str(PKI / "intermediate.pem")).decode().splitlines()[-1].strip()
    issue("rogue-intermediate", INTERMEDIATE_SUBJECT, EXT_ROGUE_ROOT + f"subjectKeyIdentifier = {ski}\n")
    # The IMAP tests' server (Dovecot on 127.0.0.1): a CA of its own, not a PEC authority.
    issue("imap-ca", "/C=IT/O=peckit Test PKI/CN=peckit Test IMAP CA", EXT_ROOT)
    issue("imap-server", "/C=IT/O=peckit Test PKI/CN=localhost", EXT_TLS_SERVER, issuer="imap-ca")
    issue("registro", REGISTRY_SUBJECT, EXT_REGISTRY, issuer="root")
    issue("registro-alfa", ALFA["subject"], EXT_PROVIDER, issuer="registro", email=ALFA["email"])
    issue("registro-gamma", GAMMA_SUBJECT, EXT_PROVIDER, issuer="registro", email=ALFA["email"])
    issue("registro-alfa-altro-dominio", ALFA["subject"], EXT_PROVIDER, issuer="registro",
          email="posta-certificata@pec.gamma.example")
    issue("registro-alfa-due-indirizzi", ALFA["subject"], EXT_PROVIDER_SAN, issuer="registro",
          san=f"email:{ALFA['email']},email:altro@pec.gamma.example")
    issue("registro-alfa-ip", ALFA["subject"], EXT_PROVIDER_SAN, issuer="registro",
          san=f"email:{ALFA['email']},IP:192.0.2.7")
    issue("registro-alfa-nome-alternativo", ALFA["subject"],
          EXT_PROVIDER_SAN + "[dir_abusivo]\nC = IT\nO = Gestore Abusivo S.r.l.\n", issuer="registro",
          san=f"email:{ALFA['email']},dirName:dir_abusivo")
    # Alfa valid during 2020 only, under the intermediate (valid from 2020).
    issue("scaduto-alfa", ALFA["subject"], EXT_PROVIDER, issuer="intermediate",
          start="20200101000000Z", end="20210101000000Z", email=ALFA["email"])
    # Alfa with no e-mail address at all (no subjectAltName): nothing ties From to it.
    issue("senza-indirizzo-alfa", ALFA["subject"],
          "\n".join(l for l in EXT_PROVIDER.split("\n") if not l.startswith("subjectAltName")),
          issuer="intermediate", email=ALFA["email"])
    # Alfa with a critical extension no verifier knows (RFC 5280 §4.2: reject the certificate).
    issue("critica-alfa", ALFA["subject"], EXT_PROVIDER + "1.3.6.1.4.1.99999.1 = critical,ASN1:UTF8String:sconosciuta\n",
          issuer="intermediate", email=ALFA["email"])
    # Alfa's issuer and serial number with another key: a decoy anyone could add to a signature.
    issue("civetta-alfa", ALFA["subject"], EXT_PROVIDER, issuer="intermediate",
          serial=cert_field("alfa", "serial").split("=", 1)[1], email=ALFA["email"])
    # Alfa's key and serial under another name, issued by the intermediate's look-alike: a decoy
    # that verifies the signature (same key) and chains to nothing trusted.
    if not (PKI / "omonimo-alfa.key").exists():
        shutil.copyfile(PKI / "alfa.key", PKI / "omonimo-alfa.key")
    issue("omonimo-alfa", "/C=IT/O=Gestore Mallory S.p.A./CN=Posta Certificata Mallory", EXT_PROVIDER,
          issuer="rogue-intermediate", serial=cert_field("alfa", "serial").split("=", 1)[1],
          email="posta-certificata@pec.mallory.example")
    shutil.copyfile(PKI / "root.pem", PKI / "trust-root.pem")
    (PKI / "README.md").write_text(
        "Test PKI made by ../make-samples.py (openssl ca, explicit dates). Keys are committed on\n"
        "purpose so reruns keep the same chain; they protect nothing.\n\n"
        "- root.pem / trust-root.pem: peckit Test Root CA (the anchor tests pass with --trust)\n"
        "- intermediate.pem: peckit Test PEC CA1 (CA, pathlen 0)\n"
        "- alfa.pem, beta.pem: the two fictitious providers' signing certificates\n"
        "- self-signed-alfa.pem: Alfa's subject, self-signed (forgery)\n"
        "- rogue-root.pem: a root with the trusted root's NAME and another key; rogue-alfa.pem under it\n"
        "- expired-alfa.pem (2015-2016), future-alfa.pem (2040-2042): validity forgeries\n"
        "- wrong-usage-alfa.pem: keyUsage keyCertSign only\n"
        "- imap-ca.pem, imap-server.pem/.key: the TLS CA and server certificate (127.0.0.1) of the\n"
        "  throwaway Dovecot the IMAP tests start; not a PEC authority\n"
        "- crl-alfa.pem: Alfa with a CRL Distribution Point on 127.0.0.1 (the --fetch-crl tests serve it)\n"
        "- rogue-intermediate.pem: the intermediate's name with another key (signs a forged CRL)\n"
        "- tsa.pem: peckit Test TSA, under the root (extendedKeyUsage timeStamping): time-stamps REM evidence\n"
        "- registro.pem: peckit Test Registro CA, under the root, with name constraints as AgID CA1's:\n"
        "  Alfa's and Beta's directory subtrees and mail domains permitted, every IP range excluded\n"
        "- registro-alfa.pem: Alfa under it (registered); registro-gamma.pem: a provider outside the\n"
        "  register; registro-alfa-altro-dominio.pem: an address outside the domains;\n"
        "  registro-alfa-due-indirizzi.pem: a second SAN address outside them; registro-alfa-ip.pem: an\n"
        "  IP address in the SAN (a name form peckit does not evaluate, excluded by the CA)\n"
        "- scaduto-alfa.pem: Alfa valid during 2020 only (its signature backdated into 2020)\n"
        "- senza-indirizzo-alfa.pem: Alfa with no e-mail address (no subjectAltName)\n"
        "- critica-alfa.pem: Alfa with a critical extension no verifier knows (1.3.6.1.4.1.99999.1)\n"
        "- civetta-alfa.pem: Alfa's issuer and serial number with another key (a decoy certificate)\n"
        "- omonimo-alfa.pem: Alfa's key and serial under another name, issued by rogue-intermediate\n")


# --------------------------------------------------------------------------- MIME building

def rome_offset(when):
    """Europe/Rome offset at `when` (UTC): CEST from the last Sunday of March 01:00 UTC to the
    last Sunday of October 01:00 UTC."""
    def last_sunday(year, month):
        d = dt.datetime(year, month + 1, 1, tzinfo=dt.timezone.utc) - dt.timedelta(days=1) if month < 12 else None
        while d.weekday() != 6:
            d -= dt.timedelta(days=1)
        return d.replace(hour=1)
    start, end = last_sunday(when.year, 3), last_sunday(when.year, 10)
    return dt.timedelta(hours=2) if start <= when < end else dt.timedelta(hours=1)


def local(when):
    return when.astimezone(dt.timezone(rome_offset(when)))


def rfc2822(when):
    l = local(when)
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    off = l.strftime("%z")
    return f"{days[l.weekday()]}, {l.day} {months[l.month - 1]} {l.year} {l:%H:%M:%S} {off}"


def b64(data, width=76):
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def daticert(tipo, when, sender, recipients, subject, provider, ident, msgid, errore=None,
             ricevuta=None, consegna=None, ricezione=(), errore_esteso=None, encoding="UTF-8"):
    l = local(when)
    zona = l.strftime("%z")
    attrs = f' tipo="{tipo}"' + (f' errore="{errore}"' if errore else ' errore="nessuno"')
    lines = [f'<?xml version="1.0" encoding="{encoding}"?>', f"<postacert{attrs}>", "    <intestazione>",
             f"        <mittente>{xml_escape(sender)}</mittente>"]
    for addr, kind in recipients:
        lines.append(f'        <destinatari tipo="{kind}">{xml_escape(addr)}</destinatari>')
    lines += [f"        <risposte>{xml_escape(sender)}</risposte>",
              f"        <oggetto>{xml_escape(subject)}</oggetto>", "    </intestazione>", "    <dati>",
              f"        <gestore-emittente>{xml_escape(provider)}</gestore-emittente>",
              f'        <data zona="{zona}">', f"            <giorno>{l:%d/%m/%Y}</giorno>",
              f"            <ora>{l:%H:%M:%S}</ora>", "        </data>",
              f"        <identificativo>{xml_escape(ident)}</identificativo>",
              f"        <msgid>{xml_escape(msgid)}</msgid>"]
    if ricevuta:
        lines.append(f'        <ricevuta tipo="{ricevuta}"/>')
    if consegna:
        lines.append(f"        <consegna>{xml_escape(consegna)}</consegna>")
    for r in ricezione:
        lines.append(f"        <ricezione>{xml_escape(r)}</ricezione>")
    if errore_esteso:
        lines.append(f"        <errore-esteso>{xml_escape(errore_esteso)}</errore-esteso>")
    lines += ["    </dati>", "</postacert>", ""]
    text = "\n".join(lines)
    values = {
        "tipo": tipo, "errore": errore or "nessuno", "mittente": sender,
        "destinatari": ";".join(f"{a}:{k}" for a, k in recipients), "risposte": sender,
        "oggetto": subject, "gestore_emittente": provider,
        "data": l.strftime("%Y-%m-%dT%H:%M:%S") + zona[:3] + ":" + zona[3:], "identificativo": ident,
        "msgid": msgid, "ricevuta": ricevuta or "", "consegna": consegna or "",
        "ricezione": ";".join(ricezione), "errore_esteso": errore_esteso or "",
    }
    data = text.encode("latin-1" if encoding.upper() == "ISO-8859-1" else "utf-8")
    return data, values


def original_message(sender, to, cc, subject, msgid, when, attachments):
    """The sender's original message (postacert.eml content), multipart/mixed with attachments."""
    boundary = "=_orig_" + hashlib.sha1(msgid.encode()).hexdigest()[:16]
    parts = [
        f"Date: {rfc2822(when)}", f"From: {sender}", f"To: {', '.join(to)}",
    ]
    if cc:
        parts.append(f"Cc: {', '.join(cc)}")
    parts += [f"Subject: {subject}", f"Message-ID: {msgid}", "X-TipoRicevuta: completa", "MIME-Version: 1.0",
              f'Content-Type: multipart/mixed; boundary="{boundary}"', "", "This is a multi-part message in MIME format.",
              f"--{boundary}", 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: 8bit", "",
              "Gentile destinatario,", "si trasmette in allegato l'atto, con preghiera di riscontro.", "",
              "Cordiali saluti", "Avv. Mario Rossi", ""]
    for name_header, data, ctype in attachments:
        parts += [f"--{boundary}", f"Content-Type: {ctype}", "Content-Transfer-Encoding: base64",
                  f"Content-Disposition: attachment; {name_header}", "", b64(data), ""]
    parts.append(f"--{boundary}--")
    parts.append("")
    return "\n".join(parts).encode("utf-8")


def notice_text(lines):
    return ("\n".join(lines) + "\n").encode("utf-8")


def inner_entity(notice, daticert_bytes=None, original=None, extra_parts=(), html=True):
    """The signed entity: multipart/mixed { notice, daticert.xml, postacert.eml }."""
    boundary = "=_pec_" + hashlib.sha1(notice + (daticert_bytes or b"") + (original or b"")).hexdigest()[:20]
    out = [f'Content-Type: multipart/mixed; boundary="{boundary}"', "", "This is a multi-part message in MIME format.", ""]
    body = []
    if html:
        alt = boundary + "_alt"
        text = notice.decode("utf-8")
        html_text = "<html><body><p>" + xml_escape(text).replace("\n", "<br>\n") + "</p></body></html>"
        body.append("\n".join([f"--{boundary}", f'Content-Type: multipart/alternative; boundary="{alt}"', "",
                               f"--{alt}", 'Content-Type: text/plain; charset="iso-8859-1"',
                               "Content-Transfer-Encoding: quoted-printable", "", qp(text), "",
                               f"--{alt}", 'Content-Type: text/html; charset="utf-8"',
                               "Content-Transfer-Encoding: base64", "", b64(html_text.encode()), "", f"--{alt}--", ""]))
    else:
        body.append("\n".join([f"--{boundary}", 'Content-Type: text/plain; charset="utf-8"',
                               "Content-Transfer-Encoding: 8bit", "", notice.decode("utf-8")]))
    if daticert_bytes is not None:
        body.append("\n".join([f"--{boundary}", 'Content-Type: application/xml; name="daticert.xml"',
                               "Content-Transfer-Encoding: base64", 'Content-Disposition: inline; filename="daticert.xml"',
                               "", b64(daticert_bytes), ""]))
    for p in extra_parts:
        body.append(f"--{boundary}\n" + p)
    if original is not None:
        body.append("\n".join([f"--{boundary}", 'Content-Type: message/rfc822; name="postacert.eml"',
                               'Content-Disposition: inline; filename="postacert.eml"', "",
                               # The line break before the next delimiter belongs to the
                               # delimiter (RFC 2046): one more keeps the original's last one.
                               original.decode("utf-8")]) + "\n")
    text = "\n".join(out) + "\n".join(body) + f"--{boundary}--\n"
    return text.encode("utf-8")


def qp(text):
    out = []
    for line in text.split("\n"):
        enc = ""
        for ch in line:
            b = ch.encode("latin-1", errors="replace")
            for byte in b:
                if byte == 61 or byte > 126:
                    enc += "=%02X" % byte
                else:
                    enc += chr(byte)
        while len(enc) > 75:
            cut = 75
            while enc[cut - 1] == "=" or enc[cut - 2] == "=":
                cut -= 1
            out.append(enc[:cut] + "=")
            enc = enc[cut:]
        out.append(enc)
    return "\n".join(out)


def sign(entity, signer, md="sha256", opaque=False, certfile="intermediate", pss=False):
    """Signs the entity with openssl smime (cms for RSA-PSS); returns (content-type, extra headers, body)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.eml"
        src.write_bytes(entity)
        tool = "cms" if pss else "smime"
        args = ["openssl", tool, "-sign", "-in", str(src), "-signer", str(PKI / f"{signer}.pem"),
                "-inkey", str(PKI / f"{signer}.key"), "-md", md]
        if pss:
            args += ["-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_pss_saltlen:32"]
        if certfile:
            args += ["-certfile", str(PKI / f"{certfile}.pem")]
        if opaque:
            args.append("-nodetach")
        out = run(*args).replace(b"\r\n", b"\n")
    head, _, body = out.partition(b"\n\n")
    ctype = None
    lines = head.decode().split("\n")
    for i, line in enumerate(lines):
        if line.lower().startswith("content-type:"):
            value = line.split(":", 1)[1].strip()
            j = i + 1
            while j < len(lines) and lines[j][:1] in (" ", "\t"):
                value += " " + lines[j].strip()
                j += 1
            ctype = value
    extra = [l for l in lines if l.lower().startswith("content-transfer-encoding") or l.lower().startswith("content-disposition")]
    return ctype, extra, body


def assemble(headers, ctype, extra, body, crlf=False):
    text = "\n".join(headers + ["MIME-Version: 1.0", f"Content-Type: {ctype}"] + extra).encode() + b"\n\n" + body
    if crlf:
        text = text.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return text


def write(rel, data, kind, verdict, problem="", notes=""):
    path = OUT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    EXPECTED.append((rel, kind, verdict, problem, notes))


def record_daticert(rel, values):
    DATICERT.append(dict(file=rel, **values))


# --------------------------------------------------------------------------- artefacts

class Clock:
    def __init__(self):
        self.now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)

    def at(self, seconds):
        return self.now + dt.timedelta(seconds=seconds)


def ident(provider, when, n):
    return f"opec{n:03d}.{local(when):%Y%m%d%H%M%S}.{1000 + n}.{n}.1.1@{provider['domain']}"


def receipt(kind, provider, when, msg, subject_prefix, x_ricevuta, notice_lines, consegna=None,
            ricevuta=None, errore=None, errore_esteso=None, ricezione=(), original=None, md="sha256",
            signer=None, crlf=False, encoding="UTF-8", html=True, to=None, subject_override=None, pss=False):
    data, values = daticert(kind, when, msg["sender"], msg["recipients"], msg["subject"], provider["name"],
                            msg["ident"], msg["msgid"], errore=errore, ricevuta=ricevuta, consegna=consegna,
                            ricezione=ricezione, errore_esteso=errore_esteso, encoding=encoding)
    entity = inner_entity(notice_text(notice_lines), data, original, html=html)
    ctype, extra, body = sign(entity, signer or provider_key(provider), md=md, pss=pss)
    headers = [
        f"Return-Path: <{provider['email']}>",
        f"Received: from mx.{provider['domain']} by mbox.{provider['domain']}; {rfc2822(when)}",
        f"Date: {rfc2822(when)}",
        f"Subject: {subject_override or subject_prefix + msg['subject']}",
        f"From: {provider['email']}",
        f"To: {to or msg['sender']}",
        f"Message-ID: <{ident(provider, when, 900 + len(EXPECTED))}>",
        f"X-Ricevuta: {x_ricevuta}",
        f"X-Riferimento-Message-ID: {msg['msgid']}",
    ]
    return assemble(headers, ctype, extra, body, crlf=crlf), values


def provider_key(p):
    return "alfa" if p is ALFA else "beta"


def envelope(provider, when, msg, original, md="sha256", crlf=False, signer=None):
    data, values = daticert("posta-certificata", when, msg["sender"], msg["recipients"], msg["subject"],
                            provider["name"], msg["ident"], msg["msgid"], ricevuta="completa")
    notice = notice_text([
        "Messaggio di posta certificata",
        "",
        f"Il giorno {local(when):%d/%m/%Y} alle ore {local(when):%H:%M:%S} ({local(when):%z}) il messaggio",
        f"\"{msg['subject']}\" è stato inviato da \"{msg['sender']}\"",
        f"indirizzato a: {', '.join(a for a, _ in msg['recipients'])}",
        "Il messaggio originale è incluso in allegato.",
        f"Identificativo messaggio: {msg['ident']}",
    ])
    entity = inner_entity(notice, data, original)
    ctype, extra, body = sign(entity, signer or provider_key(provider), md=md)
    to = [a for a, k in msg["recipients"] if k == "certificato"]
    headers = [
        f"Return-Path: <{provider['email']}>",
        f"Date: {rfc2822(when)}",
        f"Subject: POSTA CERTIFICATA: {msg['subject']}",
        f"From: \"Per conto di: {msg['sender']}\" <{provider['email']}>",
        f"Reply-To: {msg['sender']}",
        f"To: {', '.join(to)}",
        f"Message-ID: <{msg['ident']}>",
        f"X-Riferimento-Message-ID: {msg['msgid']}",
        "X-Trasporto: posta-certificata",
        "X-TipoRicevuta: completa",
    ]
    return assemble(headers, ctype, extra, body, crlf=crlf), values


def main():
    random.seed(20261124)
    make_pki()
    start = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    clock = Clock()
    # The REM samples (rem/, forged/rem-*) are made by --rem: they are left as they are.
    forged = [f for f in (OUT / "forged").glob("*.eml") if not f.name.startswith("rem-")]
    for old in list(OUT.glob("*.eml")) + list((OUT / "thread").glob("*.eml")) + forged:
        old.unlink()
    inputs = OUT / "inputs"
    inputs.mkdir(exist_ok=True)

    # The original message with two attachments (one with a non-ASCII RFC 2231 name).
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) + b"\n%%EOF\n"
    memo = "Atto n° 1 – città di Esempio: nota di deposito.\n".encode("utf-8")
    (inputs / "atto.pdf").write_bytes(pdf)
    (inputs / "atto n° 1 – città.txt").write_bytes(memo)
    t0 = clock.at(0)
    msg = {
        "sender": "mario.rossi@pec.alfa.example",
        "recipients": [("anna.bianchi@pec.beta.example", "certificato")],
        "subject": "Notifica atto - pratica 2026/42",
        "msgid": "<20261124.atto42@client.studio-rossi.example>",
        "ident": ident(ALFA, t0, 1),
    }
    original = original_message(msg["sender"], ["anna.bianchi@pec.beta.example"], [], msg["subject"],
                                msg["msgid"], t0, [
                                    ('filename="atto.pdf"', pdf, 'application/pdf; name="atto.pdf"'),
                                    ("filename*=UTF-8''atto%20n%C2%B0%201%20%E2%80%93%20citt%C3%A0.txt", memo,
                                     'text/plain; charset="utf-8"'),
                                ])
    (inputs / "SHA256SUMS").write_text("".join(
        f"{hashlib.sha256(b).hexdigest()}  {n}\n"
        for n, b in [("postacert.eml", original), ("atto.pdf", pdf), ("atto n° 1 – città.txt", memo)]), encoding="utf-8")

    data, v = envelope(ALFA, t0, msg, original)
    write("posta-certificata.eml", data, "posta-certificata", "valid", notes="transport envelope, LF-only, SHA-256, two attachments")
    record_daticert("posta-certificata.eml", v)

    data, v = receipt("accettazione", ALFA, t0, msg, "ACCETTAZIONE: ", "accettazione",
                      ["Ricevuta di accettazione", f"Il messaggio \"{msg['subject']}\" è stato accettato dal sistema."],
                      crlf=True)
    write("accettazione.eml", data, "accettazione", "valid", notes="CRLF line ends, SHA-256")
    record_daticert("accettazione.eml", v)

    data, v = receipt("accettazione", ALFA, t0, msg, "ACCETTAZIONE: ", "accettazione",
                      ["Ricevuta di accettazione (SHA-1)"], md="sha1")
    write("accettazione-sha1.eml", data, "accettazione", "valid", notes="SHA-1 signature (as in old PEC mail)")
    record_daticert("accettazione-sha1.eml", v)

    latin_msg = dict(msg, subject="Richiesta chiarimenti perché urgente")
    data, v = receipt("accettazione", ALFA, t0, latin_msg, "ACCETTAZIONE: ", "accettazione",
                      ["Ricevuta di accettazione"], encoding="ISO-8859-1")
    write("accettazione-latin1.eml", data, "accettazione", "valid", notes="daticert.xml declared ISO-8859-1")
    record_daticert("accettazione-latin1.eml", v)

    # Opaque signed-data.
    odata, ov = daticert("accettazione", t0, msg["sender"], msg["recipients"], msg["subject"], ALFA["name"],
                         msg["ident"], msg["msgid"])
    entity = inner_entity(notice_text(["Ricevuta di accettazione (firma opaca)"]), odata, html=False)
    ctype, extra, body = sign(entity, "alfa", opaque=True)
    headers = [f"Date: {rfc2822(t0)}", f"Subject: ACCETTAZIONE: {msg['subject']}", f"From: {ALFA['email']}",
               f"To: {msg['sender']}", "X-Ricevuta: accettazione", f"X-Riferimento-Message-ID: {msg['msgid']}"]
    write("accettazione-opaca.eml", assemble(headers, ctype, extra, body), "accettazione", "valid",
          notes="opaque application/x-pkcs7-mime signed-data")
    record_daticert("accettazione-opaca.eml", ov)

    data, v = receipt("non-accettazione", ALFA, t0, msg, "AVVISO DI NON ACCETTAZIONE: ", "non-accettazione",
                      ["Avviso di non accettazione", "Il messaggio non è stato accettato per eccezioni formali."],
                      errore="altro", errore_esteso="destinatario in Ccn non ammesso")
    write("non-accettazione.eml", data, "non-accettazione", "valid")
    record_daticert("non-accettazione.eml", v)

    cec = dict(msg, recipients=[("cittadino.esempio@postacertificata.gov.it", "certificato")])
    data, v = receipt("non-accettazione", ALFA, t0, cec, "AVVISO DI NON ACCETTAZIONE: ", "non-accettazione",
                      ["Avviso di non accettazione"], errore="no-dominio", errore_esteso="dominio non più servito")
    write("non-accettazione-cecpac.eml", data, "non-accettazione", "valid", "cec-pac-address",
          notes="to a CEC-PAC address after 2015: valid, with the cec-pac-address warning")
    record_daticert("non-accettazione-cecpac.eml", v)

    t1 = clock.at(3)
    data, v = receipt("presa-in-carico", BETA, t1, msg, "PRESA IN CARICO: ", "presa-in-carico",
                      ["Ricevuta di presa in carico"], ricezione=["anna.bianchi@pec.beta.example"],
                      to=ALFA["email"])
    write("presa-in-carico.eml", data, "presa-in-carico", "valid", notes="from the recipient's provider (Beta)")
    record_daticert("presa-in-carico.eml", v)

    t2 = clock.at(5)
    data, v = receipt("avvenuta-consegna", BETA, t2, msg, "CONSEGNA: ", "avvenuta-consegna",
                      ["Ricevuta di avvenuta consegna", "Il messaggio è stato consegnato nella casella di destinazione."],
                      consegna="anna.bianchi@pec.beta.example", ricevuta="completa", original=original)
    write("avvenuta-consegna-completa.eml", data, "avvenuta-consegna", "valid", notes="complete receipt: the original attached")
    record_daticert("avvenuta-consegna-completa.eml", v)
    completa_bytes = data

    # Breve: each attachment of the original replaced by a text file with its hashes.
    def hashfile(data_bytes):
        return ("SHA-256: " + hashlib.sha256(data_bytes).hexdigest() + "\n" +
                "SHA-1: " + hashlib.sha1(data_bytes).hexdigest() + "\n").encode()
    breve_original = original_message(msg["sender"], ["anna.bianchi@pec.beta.example"], [], msg["subject"],
                                      msg["msgid"], t0, [
                                          ('filename="atto.pdf.hash"', hashfile(pdf), 'text/plain; name="atto.pdf.hash"'),
                                          ("filename*=UTF-8''atto%20n%C2%B0%201%20%E2%80%93%20citt%C3%A0.txt.hash",
                                           hashfile(memo), 'text/plain; charset="utf-8"'),
                                      ])
    data, v = receipt("avvenuta-consegna", BETA, t2, msg, "CONSEGNA: ", "avvenuta-consegna",
                      ["Ricevuta di avvenuta consegna breve"], consegna="anna.bianchi@pec.beta.example",
                      ricevuta="breve", original=breve_original)
    write("avvenuta-consegna-breve.eml", data, "avvenuta-consegna", "valid",
          notes="brief receipt: attachments replaced by <name>.hash text files (SHA-256 and SHA-1 in hex)")
    record_daticert("avvenuta-consegna-breve.eml", v)

    data, v = receipt("avvenuta-consegna", BETA, t2, msg, "CONSEGNA: ", "avvenuta-consegna",
                      ["Ricevuta di avvenuta consegna sintetica"], consegna="anna.bianchi@pec.beta.example",
                      ricevuta="sintetica")
    write("avvenuta-consegna-sintetica.eml", data, "avvenuta-consegna", "valid", notes="synthetic receipt: no original")
    record_daticert("avvenuta-consegna-sintetica.eml", v)

    data, v = receipt("errore-consegna", BETA, t2, msg, "AVVISO DI MANCATA CONSEGNA: ", "errore-consegna",
                      ["Avviso di mancata consegna"], consegna="anna.bianchi@pec.beta.example", errore="no-dest",
                      errore_esteso="5.1.1 - Gestore Beta: casella inesistente")
    write("errore-consegna.eml", data, "errore-consegna", "valid")
    record_daticert("errore-consegna.eml", v)

    data, v = receipt("preavviso-errore-consegna", ALFA, t2, msg,
                      "AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: ", "preavviso-errore-consegna",
                      ["Preavviso di mancata consegna"], consegna="anna.bianchi@pec.beta.example",
                      errore="altro", errore_esteso="4.4.7 - consegna non ancora avvenuta entro 12 ore")
    write("preavviso-errore-consegna.eml", data, "preavviso-errore-consegna", "valid")
    record_daticert("preavviso-errore-consegna.eml", v)

    data, v = receipt("rilevazione-virus", BETA, t2, msg, "PROBLEMA DI SICUREZZA: ", "rilevazione-virus",
                      ["Avviso di rilevazione virus"], consegna="anna.bianchi@pec.beta.example", errore="virus",
                      errore_esteso="5.7.1 - virus rilevato nel messaggio", to=ALFA["email"])
    write("rilevazione-virus.eml", data, "rilevazione-virus", "valid")
    record_daticert("rilevazione-virus.eml", v)

    data, v = receipt("mancata-consegna", ALFA, t2, msg, "AVVISO: ", "mancata-consegna",
                      ["Tipo non previsto dal DTD"], consegna="anna.bianchi@pec.beta.example")
    write("tipo-sconosciuto.eml", data, "unknown", "valid", notes="tipo=\"mancata-consegna\", outside the DTD, kept verbatim")
    record_daticert("tipo-sconosciuto.eml", v)

    # Anomaly: a non-PEC message arrived at a PEC box, wrapped and signed by Beta, no daticert.
    plain = ("From: qualcuno@example.com\nTo: anna.bianchi@pec.beta.example\nSubject: Richiesta informazioni\n"
             f"Date: {rfc2822(t1)}\nMessage-ID: <plain.1@example.com>\nMIME-Version: 1.0\n"
             "Content-Type: text/plain; charset=utf-8\n\nBuongiorno, chiedo informazioni.\n").encode()
    entity = inner_entity(notice_text(["Anomalia nel messaggio", "Il messaggio originale non è un messaggio di posta certificata."]),
                          None, plain)
    ctype, extra, body = sign(entity, "beta")
    headers = [f"Date: {rfc2822(t1)}", "Subject: ANOMALIA MESSAGGIO: Richiesta informazioni",
               f"From: \"Per conto di: qualcuno@example.com\" <{BETA['email']}>", "To: anna.bianchi@pec.beta.example",
               f"Message-ID: <{ident(BETA, t1, 77)}>", "X-Trasporto: errore"]
    write("anomalia.eml", assemble(headers, ctype, extra, body), "anomalia", "valid", "anomaly-not-certified",
          notes="anomaly envelope: no daticert; the content is not certified")

    # Nested anomaly: Beta wraps a complete signed Alfa envelope.
    nested_env, _ = envelope(ALFA, t0, msg, original)
    entity = inner_entity(notice_text(["Anomalia nel messaggio (busta annidata)"]), None, nested_env)
    ctype, extra, body = sign(entity, "beta")
    headers = [f"Date: {rfc2822(t1)}", f"Subject: ANOMALIA MESSAGGIO: POSTA CERTIFICATA: {msg['subject']}",
               f"From: \"Per conto di: {msg['sender']}\" <{BETA['email']}>", "To: anna.bianchi@pec.beta.example",
               f"Message-ID: <{ident(BETA, t1, 78)}>", "X-Trasporto: errore"]
    write("anomalia-annidata.eml", assemble(headers, ctype, extra, body), "anomalia", "valid", "anomaly-not-certified",
          notes="anomaly whose postacert.eml is itself a signed PEC envelope (nested)")

    # REM/ERDS evidence (ETSI EN 319 522-3 namespace), signed, no daticert.
    etsi = ('<?xml version="1.0" encoding="UTF-8"?>\n<Evidence xmlns="http://uri.etsi.org/19522/v1#">\n'
            "  <EventCode>http://uri.etsi.org/19522/Event/SubmissionAcceptance</EventCode>\n"
            f"  <EventTime>{t0:%Y-%m-%dT%H:%M:%SZ}</EventTime>\n</Evidence>\n").encode()
    part = "\n".join(['Content-Type: application/xml; name="evidence.xml"', "Content-Transfer-Encoding: base64",
                      "", b64(etsi), ""])
    entity = inner_entity(notice_text(["REM evidence"]), None, None, extra_parts=[part], html=False)
    ctype, extra, body = sign(entity, "alfa")
    headers = [f"Date: {rfc2822(t0)}", "Subject: REM evidence", f"From: {ALFA['email']}", f"To: {msg['sender']}"]
    write("rem-evidence.eml", assemble(headers, ctype, extra, body), "rem", "invalid", "xades-missing",
          notes="an ETSI evidence without its XAdES signature: REM, not a broken PEC, and not valid")

    write("non-pec.eml", plain, "not-pec", "invalid", "not-pec", notes="a plain e-mail")

    data, v = receipt("accettazione", ALFA, t0, msg, "ACCETTAZIONE: ", "accettazione",
                      ["Ricevuta di accettazione (RSA-PSS)"], pss=True)
    write("accettazione-rsa-pss.eml", data, "accettazione", "valid", notes="RSASSA-PSS signature, application/pkcs7-signature")
    record_daticert("accettazione-rsa-pss.eml", v)
    data, v = receipt("avvenuta-consegna", BETA, t2, msg, "CONSEGNA: ", "avvenuta-consegna",
                      ["Ricevuta di avvenuta consegna (ECDSA P-256)"], consegna="anna.bianchi@pec.beta.example",
                      ricevuta="sintetica", signer="ec-beta")
    write("avvenuta-consegna-ecdsa.eml", data, "avvenuta-consegna", "valid", notes="ECDSA P-256 signer")
    record_daticert("avvenuta-consegna-ecdsa.eml", v)
    data, v = receipt("accettazione", ALFA, t0, msg, "ACCETTAZIONE: ", "accettazione",
                      ["Ricevuta di accettazione", "From here on, mbox files quote this line.", "Fine."], html=False)
    write("accettazione-riga-from.eml", data, "accettazione", "valid",
          notes="a signed line starting with 'From ' (mbox quoting must be undone)")
    record_daticert("accettazione-riga-from.eml", v)

    csv_msg = dict(msg, subject='Fattura 12, "saldo" finale\nseconda riga')
    data, v = receipt("accettazione", ALFA, t0, csv_msg, "ACCETTAZIONE: ", "accettazione", ["Ricevuta di accettazione"],
                      subject_override="ACCETTAZIONE: Fattura 12")
    write("accettazione-oggetto-csv.eml", data, "accettazione", "valid",
          notes="oggetto with a comma, double quotes and a line break (CSV quoting)")
    record_daticert("accettazione-oggetto-csv.eml", v)

    formula_msg = dict(msg, subject="-2+3+cmd|' /C calc'!A0")
    data, v = receipt("accettazione", ALFA, t0, formula_msg, "ACCETTAZIONE: ", "accettazione",
                      ["Ricevuta di accettazione"])
    write("accettazione-oggetto-formula.eml", data, "accettazione", "valid",
          notes="oggetto starting with '-' that a spreadsheet would run as a formula (CSV guard)")
    record_daticert("accettazione-oggetto-formula.eml", v)

    # Hostile attachment names, inside a genuine signed envelope.
    hostile = [("../../x", b"dotdot"), ("/etc/x", b"absolute"), ("C:\\x", b"drive"), ("CON", b"device"),
               ("a/b", b"slash"), ("n" * 400 + ".pdf", b"long"), ("atto.pdf", b"first"), ("atto.pdf", b"second"),
               ("", b"empty name")]
    atts = []
    for name, content in hostile:
        quoted = name.replace("\\", "\\\\")  # RFC 2045 quoted-string: escape backslashes
        header = f'filename="{quoted}"' if name else "filename=\"\""
        atts.append((header, content, "application/octet-stream"))
    hmsg = dict(msg, subject="Nomi ostili", msgid="<hostile@client.example>", ident=ident(ALFA, t0, 66))
    horig = original_message(hmsg["sender"], ["anna.bianchi@pec.beta.example"], [], hmsg["subject"], hmsg["msgid"], t0, atts)
    data, v = envelope(ALFA, t0, hmsg, horig)
    write("posta-certificata-nomi-ostili.eml", data, "posta-certificata", "valid",
          notes="attachment names ../../x, /etc/x, C:\\x, CON, a/b, 400 characters, duplicates, empty")
    record_daticert("posta-certificata-nomi-ostili.eml", v)

    make_thread(clock)
    make_forged(clock, msg, original, completa_bytes)
    ctype, extra, body = sign(inner_entity(notice_text(["Ricevuta di accettazione"]), daticert(
        "accettazione", t0, msg["sender"], msg["recipients"], msg["subject"], ALFA["name"], msg["ident"],
        msg["msgid"])[0]), "crl-alfa")
    write("accettazione-cdp.eml", assemble(
        [f"Date: {rfc2822(t0)}", f"Subject: ACCETTAZIONE: {msg['subject']}", f"From: {ALFA['email']}",
         f"To: {msg['sender']}", "X-Ricevuta: accettazione", f"X-Riferimento-Message-ID: {msg['msgid']}"],
        ctype, extra, body), "accettazione", "valid", "",
        notes=f"signer names its CRL at http://127.0.0.1:{CRL_PORT}/intermediate.crl")
    make_crls(start, dt.datetime.now(dt.timezone.utc).replace(microsecond=0))

    # The REM rows belong to --rem: kept as they are.
    previous = (OUT / "expected.tsv").read_text().splitlines() if (OUT / "expected.tsv").exists() else []
    rem_rows = [l for l in previous if l.startswith(("rem/", "forged/rem-", "tl/"))]
    with open(OUT / "expected.tsv", "w") as f:
        f.write("file\tkind\tverdict\tproblem\ttrust\tnotes\n")
        for rel, kind, verdict, problem, notes in EXPECTED:
            f.write(f"{rel}\t{kind}\t{verdict}\t{problem}\tpki/trust-root.pem\t{notes}\n")
        for row in rem_rows:
            f.write(row + "\n")
    cols = ["file", "tipo", "errore", "mittente", "destinatari", "risposte", "oggetto", "gestore_emittente",
            "data", "identificativo", "msgid", "ricevuta", "consegna", "ricezione", "errore_esteso"]
    with open(OUT / "daticert-expected.tsv", "w", encoding="utf-8") as f:
        f.write("\t".join(cols) + "\n")
        for d in DATICERT:
            # Line breaks and tabs inside values are written as \n and \t.
            f.write("\t".join(d[c].replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") for c in cols) + "\n")
    print(f"wrote {len(EXPECTED)} artefacts")


def make_thread(clock):
    """One message to four recipients and every receipt about it, plus noise."""
    t0 = clock.at(10)
    msg = {
        "sender": "mario.rossi@pec.alfa.example",
        "recipients": [("anna.bianchi@pec.beta.example", "certificato"), ("luca.verdi@pec.alfa.example", "certificato"),
                       ("cittadino.esempio@postacertificata.gov.it", "certificato"), ("segreteria@example.com", "esterno")],
        "subject": "Diffida ad adempiere - pratica 2026/118",
        "msgid": "<20261124.diffida118@client.studio-rossi.example>",
        "ident": ident(ALFA, t0, 118),
    }
    original = original_message(msg["sender"], [a for a, k in msg["recipients"] if k == "certificato"],
                                ["segreteria@example.com"], msg["subject"], msg["msgid"], t0,
                                [('filename="diffida.pdf"', b"%PDF-1.4 diffida\n%%EOF\n", 'application/pdf; name="diffida.pdf"')])
    data, v = receipt("accettazione", ALFA, t0, msg, "ACCETTAZIONE: ", "accettazione", ["Ricevuta di accettazione"])
    write("thread/01-accettazione.eml", data, "accettazione", "valid")
    record_daticert("thread/01-accettazione.eml", v)
    data, v = envelope(ALFA, t0, msg, original)
    write("thread/02-posta-certificata.eml", data, "posta-certificata", "valid", "cec-pac-address")
    record_daticert("thread/02-posta-certificata.eml", v)
    t1 = clock.at(14)
    data, v = receipt("avvenuta-consegna", BETA, t1, msg, "CONSEGNA: ", "avvenuta-consegna", ["Consegna"],
                      consegna="anna.bianchi@pec.beta.example", ricevuta="completa", original=original)
    write("thread/03-consegna-beta.eml", data, "avvenuta-consegna", "valid", "cec-pac-address")
    record_daticert("thread/03-consegna-beta.eml", v)
    t2 = clock.at(17)
    data, v = receipt("avvenuta-consegna", ALFA, t2, msg, "CONSEGNA: ", "avvenuta-consegna", ["Consegna"],
                      consegna="luca.verdi@pec.alfa.example", ricevuta="sintetica", crlf=True)
    write("thread/04-consegna-alfa.eml", data, "avvenuta-consegna", "valid", "cec-pac-address")
    record_daticert("thread/04-consegna-alfa.eml", v)
    t3 = clock.at(20)
    data, v = receipt("preavviso-errore-consegna", ALFA, t3, msg, "AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: ",
                      "preavviso-errore-consegna", ["Preavviso di mancata consegna"],
                      consegna="cittadino.esempio@postacertificata.gov.it", errore="altro",
                      errore_esteso="5.4.1 - dominio non raggiungibile")
    write("thread/05-preavviso.eml", data, "preavviso-errore-consegna", "valid", "cec-pac-address")
    record_daticert("thread/05-preavviso.eml", v)
    t4 = clock.at(25)
    data, v = receipt("errore-consegna", ALFA, t4, msg, "AVVISO DI MANCATA CONSEGNA: ", "errore-consegna",
                      ["Avviso di mancata consegna"], consegna="cittadino.esempio@postacertificata.gov.it",
                      errore="no-dominio", errore_esteso="5.1.2 - dominio postacertificata.gov.it non più servito")
    write("thread/06-errore-consegna-cecpac.eml", data, "errore-consegna", "valid", "cec-pac-address")
    record_daticert("thread/06-errore-consegna-cecpac.eml", v)
    # A forged delivery to the CEC-PAC recipient: one byte of the signed notice changed.
    data, v = receipt("avvenuta-consegna", ALFA, t4, msg, "CONSEGNA: ", "avvenuta-consegna",
                      ["Consegna avvenuta correttamente"], consegna="cittadino.esempio@postacertificata.gov.it",
                      ricevuta="sintetica")
    data = data.replace(b"=0AConsegna avvenuta correttamente", b"=0AConsegna avvenuta correttamentE", 1) \
        if b"=0AConsegna avvenuta correttamente" in data else data.replace(b"Consegna avvenuta correttamente", b"Consegna avvenuta correttamentE", 1)
    write("thread/07-consegna-manomessa.eml", data, "avvenuta-consegna", "invalid", "content-altered",
          notes="tampered: claims delivery to the CEC-PAC recipient")
    other = dict(msg, subject="Altra pratica", msgid="<20261124.altra@client.studio-rossi.example>", ident=ident(ALFA, t0, 119),
                 recipients=[("anna.bianchi@pec.beta.example", "certificato")])
    data, v = receipt("accettazione", ALFA, t0, other, "ACCETTAZIONE: ", "accettazione", ["Ricevuta di accettazione"])
    write("thread/08-accettazione-altro-messaggio.eml", data, "accettazione", "valid")
    record_daticert("thread/08-accettazione-altro-messaggio.eml", v)


def der_read(buf, pos):
    """One DER TLV at pos: (tag, value start, end). Definite lengths only (openssl writes DER)."""
    tag = buf[pos]
    first = buf[pos + 1]
    if first < 0x80:
        return tag, pos + 2, pos + 2 + first
    n = first & 0x7F
    length = int.from_bytes(buf[pos + 2:pos + 2 + n], "big")
    return tag, pos + 2 + n, pos + 2 + n + length


def der_children(buf, start, end):
    out, pos = [], start
    while pos < end:
        tag, vstart, vend = der_read(buf, pos)
        out.append((tag, pos, vstart, vend))
        pos = vend
    return out


def der_tlv(tag, content):
    """One DER TLV (definite length)."""
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + content


def signer_info_fields(cms):
    """(SignedData children, SignerInfo fields) of the first signer, as der_children rows."""
    _, ci_v, ci_end = der_read(cms, 0)
    content = der_children(cms, ci_v, ci_end)[1]          # [0] EXPLICIT
    _, sd_v, sd_end = der_read(cms, content[2])           # SignedData
    sd_fields = der_children(cms, sd_v, sd_end)
    _, si_v, si_end = der_read(cms, sd_fields[-1][2])     # the first SignerInfo
    return sd_fields, der_children(cms, si_v, si_end)


def resign_attributes(cms, signer, edit):
    """Applies `edit` (same length) to the signed attributes, then signs them again with SHA-256:
    a signer that states what it likes about itself (a backdated signingTime, a repeated one)."""
    cms = bytearray(cms)
    _, fields = signer_info_fields(cms)
    attrs = next(f for f in fields if f[0] == 0xA0)
    signature = fields[fields.index(attrs) + 2]
    edited = edit(bytes(cms[attrs[1]:attrs[3]]))
    assert len(edited) == attrs[3] - attrs[1], "the edit changed the attributes' length"
    cms[attrs[1]:attrs[3]] = edited
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "attrs.der"
        src.write_bytes(b"\x31" + edited[1:])
        value = run("openssl", "dgst", "-sha256", "-sign", str(PKI / f"{signer}.key"), str(src))
    assert len(value) == signature[3] - signature[2], "RSA signature length changed"
    cms[signature[2]:signature[3]] = value
    return bytes(cms)


def with_certificates(cms, certs):
    """The SignedData with its certificate set replaced by `certs` (DER); nothing signed changes."""
    sd_fields, _ = signer_info_fields(cms)
    at = next(i for i, f in enumerate(sd_fields) if f[0] == 0xA0)
    parts = [cms[f[1]:f[3]] for f in sd_fields]
    parts[at] = der_tlv(0xA0, b"".join(certs))
    signed_data = der_tlv(0x30, b"".join(parts))
    oid = cms[der_read(cms, 0)[1]:][:11]                   # id-signedData, as written
    return der_tlv(0x30, oid + der_tlv(0xA0, signed_data))


def with_first_certificate(cms, cert):
    """The SignedData with `cert` (DER) put first in its certificate set; nothing signed changes."""
    sd_fields, _ = signer_info_fields(cms)
    certs = next(f for f in sd_fields if f[0] == 0xA0)
    parts = [cms[f[1]:f[3]] for f in sd_fields]
    parts[sd_fields.index(certs)] = der_tlv(0xA0, cert + cms[certs[2]:certs[3]])
    signed_data = der_tlv(0x30, b"".join(parts))
    oid = cms[der_read(cms, 0)[1]:][:11]                   # id-signedData, as written
    return der_tlv(0x30, oid + der_tlv(0xA0, signed_data))


def resign_with_sha1_signature_algorithm(cms, signer):
    """Keeps the SHA-256 content digest (digestAlgorithm, messageDigest) but signs the signed
    attributes with SHA-1 and names sha1WithRSAEncryption as the signatureAlgorithm: SHA-1
    then protects the message although the digest says SHA-256 (issue #13)."""
    cms = bytearray(cms)
    _, ci_v, ci_end = der_read(cms, 0)
    content = der_children(cms, ci_v, ci_end)[1]          # [0] EXPLICIT
    _, sd_v, sd_end = der_read(cms, content[2])           # SignedData
    signer_infos = der_children(cms, sd_v, sd_end)[-1]    # SET OF SignerInfo
    _, si_v, si_end = der_read(cms, signer_infos[2])
    fields = der_children(cms, si_v, si_end)
    attrs = next(f for f in fields if f[0] == 0xA0)
    sig_alg = fields[fields.index(attrs) + 1]
    signature = fields[fields.index(attrs) + 2]
    to_sign = b"\x31" + bytes(cms[attrs[1] + 1:attrs[3]])
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "attrs.der"
        src.write_bytes(to_sign)
        value = run("openssl", "dgst", "-sha1", "-sign", str(PKI / f"{signer}.key"), str(src))
    assert len(value) == signature[3] - signature[2], "RSA signature length changed"
    cms[signature[2]:signature[3]] = value
    oid = bytes.fromhex("06092a864886f70d010105")     # sha1WithRSAEncryption
    _, alg_v, _ = der_read(cms, sig_alg[1])
    assert cms[alg_v:alg_v + len(oid)][:2] == b"\x06\x09", "unexpected signatureAlgorithm"
    cms[alg_v:alg_v + len(oid)] = oid
    return bytes(cms)


def mutate_base64_in_part(data, marker):
    """Changes one base64 character in the first base64 block after `marker`."""
    at = data.index(marker)
    block = data.index(b"\n\n", at) + 2
    pos = block + 10
    ch = data[pos:pos + 1]
    repl = b"A" if ch != b"A" else b"B"
    return data[:pos] + repl + data[pos + 1:]


def cert_field(name, what):
    return run("openssl", "x509", "-noout", f"-{what}", "-in", str(PKI / f"{name}.pem")).decode().strip()


def utc(when):
    return when.strftime("%y%m%d%H%M%SZ")


def make_crl(rel, issuer, entries, last, nxt, pem=False, ext="", v1=False):
    """Writes a CRL signed by PKI/issuer with `openssl ca -gencrl`; entries: (cert, revoked, reason)
    where reason is openssl's index form (\"superseded\", \"keyTime,YYYYMMDDHHMMSSZ\", …)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "new").mkdir()
        (tmp / "serial").write_text("01\n")
        (tmp / "crlnumber").write_text("1000\n")
        if v1:  # no extensions at all: openssl writes a version 1 CRL
            (tmp / "ca.cnf").write_text(CA_CONFIG.format(dir=tmp))
        else:
            (tmp / "ca.cnf").write_text(CA_CONFIG.format(dir=tmp).replace(
                "[policy_any]", "crlnumber = $dir/crlnumber\ncrl_extensions = crl_ext\n[policy_any]")
                + "[crl_ext]\nauthorityKeyIdentifier = keyid:always\n" + ext)
        lines = []
        for cert, revoked, reason in entries:
            serial = cert_field(cert, "serial").split("=", 1)[1]
            expiry = dt.datetime.strptime(cert_field(cert, "enddate").split("=", 1)[1], "%b %d %H:%M:%S %Y %Z")
            when = f"{utc(revoked)},{reason}" if reason else utc(revoked)
            lines.append(f"R\t{utc(expiry)}\t{when}\t{serial}\tunknown\t/CN={cert}\n")
        (tmp / "index.txt").write_text("".join(lines))
        out = OUT / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        run("openssl", "ca", "-gencrl", "-batch", "-config", str(tmp / "ca.cnf"), "-cert", str(PKI / f"{issuer}.pem"),
            "-keyfile", str(PKI / f"{issuer}.key"), "-crl_lastupdate", utc(last), "-crl_nextupdate", utc(nxt),
            "-out", str(tmp / "crl.pem"))
        if pem:
            shutil.copyfile(tmp / "crl.pem", out)
        else:
            run("openssl", "crl", "-in", str(tmp / "crl.pem"), "-outform", "DER", "-out", str(out))


def make_crls(start, end):
    """CRLs about the samples, dated around the instant they were signed (between start and end)."""
    for old in (OUT / "crl").glob("*"):
        old.unlink()
    day = dt.timedelta(days=1)
    before, after, issued = start - day, end + dt.timedelta(seconds=1), end + dt.timedelta(seconds=2)
    far = issued + dt.timedelta(days=3650)
    alfas = ("alfa", "crl-alfa")
    make_crl("crl/revocata.crl", "intermediate", [(c, before, "superseded") for c in alfas], issued, far)
    make_crl("crl/revocata-dopo.pem", "intermediate", [(c, after, "cessationOfOperation") for c in alfas], issued, far,
             pem=True)
    make_crl("crl/compromessa.crl", "intermediate",
             [(c, after, f"keyTime,{before.strftime('%Y%m%d%H%M%SZ')}") for c in alfas], issued, far)
    make_crl("crl/sospesa.crl", "intermediate", [("alfa", before, "certificateHold")], issued, far)
    make_crl("crl/fresca.pem", "intermediate", [("expired-alfa", before, "superseded")], issued, far, pem=True)
    make_crl("crl/vecchia.crl", "intermediate", [], start - 10 * day, start - 3 * day)
    make_crl("crl/chiave-sbagliata.crl", "rogue-intermediate", [], issued, far)
    make_crl("crl/radice.crl", "root", [], issued, far)
    # Lists peckit must refuse (crl-unusable), each revoking Alfa before the signing.
    make_crl("crl/delta.crl", "intermediate", [("alfa", before, "superseded")], issued, far,
             ext="2.5.29.27 = critical, ASN1:INTEGER:1000\n")
    make_crl("crl/solo-ca.crl", "intermediate", [("alfa", before, "superseded")], issued, far,
             ext="issuingDistributionPoint = critical, @idp\n[idp]\nonlyCA = TRUE\n")
    make_crl("crl/partizione.crl", "intermediate", [], issued, far,
             ext=f"issuingDistributionPoint = critical, @idp\n[idp]\nfullname = URI:http://127.0.0.1:{CRL_PORT}/altra.crl\n")
    make_crl("crl/v1.crl", "intermediate", [("alfa", before, "")], issued, far, v1=True)
    make_compromise_crls(start, end)
    (OUT / "crl" / "README.md").write_text(
        "CRLs made by ../make-samples.py with `openssl ca -gencrl`, dated around the moment the samples\n"
        "were signed (every PEC sample's signing time lies between `start` and `end` of that run; the REM\n"
        "samples, made by a later `--rem` run, are signed after these CRLs were issued):\n\n"
        "- revocata.crl (DER): Alfa's certificates (alfa.pem, crl-alfa.pem) revoked a day before the\n"
        "  signing (superseded)\n"
        "- revocata-dopo.pem (PEM): the same, revoked a second after the last signature (cessationOfOperation)\n"
        "- compromessa.crl: revoked after the signing, keyCompromise with an invalidity date a day before it\n"
        "- sospesa.crl: alfa.pem on hold (certificateHold) since a day before the signing\n"
        "- fresca.pem: issued after the signing, listing only expired-alfa.pem\n"
        "- vecchia.crl: issued ten days before the signing, listing nothing\n"
        "- chiave-sbagliata.crl: the intermediate's name, signed with another key (forged)\n"
        "- radice.crl: the root's CRL, listing nothing (covers the intermediate)\n"
        "- delta.crl: a delta CRL revoking Alfa (peckit reads complete CRLs only: unusable)\n"
        "- solo-ca.crl: revokes Alfa, but its issuingDistributionPoint covers CA certificates only\n"
        "- partizione.crl: one partition (another distribution point), listing nothing: unusable for Alfa\n"
        "- v1.crl: a version 1 CRL (no extensions) revoking Alfa before the signing\n"
        "- compromessa-dopo.crl: Alfa revoked a second after the last signature for keyCompromise, no invalidity date\n"
        "- ca-compromessa.crl: the root's CRL revoking the intermediate a second after the last signature (cACompromise)\n"
        "- sospesa-prima.crl: alfa.pem on hold since two days before the signing, in a CRL issued a day before it\n"
        "- tsa-revocata.crl: the root's CRL revoking the time-stamping authority (tsa.pem) a day before the\n"
        "  signing, keyCompromise\n"
        "- rimossa.crl: a complete CRL listing Alfa with removeFromCRL, which only a delta CRL may carry (Alfa unknown)\n"
        "- rimossa-altra.crl: Beta listed with removeFromCRL, Alfa revoked a day before the signing (still revoked)\n"
        "- senza-motivo-dopo.crl: Alfa revoked a second after the last signature, no reason code\n")


def make_compromise_crls(start, end):
    """CRLs whose answer depends on who vouches for the signing time (keyCompromise after it, a hold in
    a CRL issued before it, a revoked time-stamping authority)."""
    day = dt.timedelta(days=1)
    before, after, issued = start - day, end + dt.timedelta(seconds=1), end + dt.timedelta(seconds=2)
    far = issued + dt.timedelta(days=3650)
    make_crl("crl/compromessa-dopo.crl", "intermediate", [("alfa", after, "keyCompromise")], issued, far)
    make_crl("crl/ca-compromessa.crl", "root", [("intermediate", after, "CACompromise")], issued, far)
    make_crl("crl/sospesa-prima.crl", "intermediate", [("alfa", start - 2 * day, "certificateHold")], before, far)
    make_crl("crl/tsa-revocata.crl", "root", [("tsa", before, "keyCompromise")], issued, far)
    make_crl("crl/rimossa.crl", "intermediate", [("alfa", before, "removeFromCRL")], issued, far)
    make_crl("crl/rimossa-altra.crl", "intermediate", [("beta", before, "removeFromCRL"), ("alfa", before, "superseded")],
             issued, far)
    make_crl("crl/senza-motivo-dopo.crl", "intermediate", [("alfa", after, "")], issued, far)


def make_forged(clock, msg, original, completa):
    t0 = clock.at(30)
    genuine, _ = receipt("accettazione", ALFA, t0, msg, "ACCETTAZIONE: ", "accettazione",
                         ["Ricevuta di accettazione", "Il messaggio è stato accettato dal sistema."], html=False)
    write("forged/notice-byte-changed.eml", genuine.replace(b"accettato dal sistema", b"accettato dal sistemA", 1),
          "accettazione", "invalid", "content-altered", notes="one byte of the signed notice changed")
    write("forged/attachment-base64-changed.eml", mutate_base64_in_part(completa, b'name="atto.pdf"'),
          "avvenuta-consegna", "invalid", "content-altered", notes="one base64 character of an attachment changed")
    # daticert.xml swapped for another receipt's (base64 re-encoded).
    other, _ = daticert("accettazione", t0, "altro@pec.alfa.example", [("x@pec.beta.example", "certificato")], "Altro",
                        ALFA["name"], "altro-id", "<altro@client.example>")
    start = genuine.index(b'name="daticert.xml"')
    block = genuine.index(b"\n\n", start) + 2
    end = genuine.index(b"\n--", block)
    swapped = genuine[:block] + b64(other).encode() + genuine[end:]
    write("forged/daticert-swapped.eml", swapped, "accettazione", "invalid", "content-altered",
          notes="daticert.xml replaced by another one")
    # Wrapped: an unsigned fake daticert placed first, the genuine message second.
    head, _, _ = genuine.partition(b"\n\n")
    kept = b"\n".join(l for l in head.split(b"\n") if not l.lower().startswith((b"content-type", b"mime-version", b" ", b"\t")))
    fake, _ = daticert("accettazione", t0, "falso@pec.alfa.example", [("vittima@pec.beta.example", "certificato")],
                       "Oggetto FALSO", "Gestore Falso", "falso-id", "<falso@client.example>")
    # The genuine signed entity (its Content-Type and body) becomes the second part.
    signed_ct = [l for l in head.split(b"\n") if l.lower().startswith(b"content-type")][0]
    _, _, signed_body = genuine.partition(b"\n\n")
    wrapped = (kept + b"\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"WRAP\"\n\n--WRAP\n"
               b"Content-Type: application/xml; name=\"daticert.xml\"\nContent-Transfer-Encoding: base64\n\n" +
               b64(fake).encode() + b"\n--WRAP\n" + signed_ct + b"\n\n" + signed_body + b"\n--WRAP--\n")
    write("forged/wrapped-fake-daticert.eml", wrapped, "accettazione", "invalid", "unsigned-content-outside-signature",
          notes="genuine receipt wrapped with an unsigned fake daticert placed first")
    write("forged/x-ricevuta-changed.eml", genuine.replace(b"X-Ricevuta: accettazione", b"X-Ricevuta: avvenuta-consegna", 1),
          "accettazione", "invalid", "header-mismatch", notes="unsigned X-Ricevuta contradicts the signed tipo")
    for name, signer, certfile, problem, note in [
        ("self-signed.eml", "self-signed-alfa", None, "untrusted", "self-signed provider certificate"),
        ("rogue-root.eml", "rogue-alfa", "rogue-root", "untrusted", "chain to a root with the trusted root's name and another key"),
        ("expired-signer.eml", "expired-alfa", "intermediate", "cert-not-valid-at-signing-time", "signer valid 2015-2016"),
        ("not-yet-valid-signer.eml", "future-alfa", "intermediate", "cert-not-valid-at-signing-time", "signer valid from 2040"),
        ("wrong-usage.eml", "wrong-usage-alfa", "intermediate", "cert-usage", "signer keyUsage keyCertSign only"),
    ]:
        d, _ = daticert("accettazione", t0, msg["sender"], msg["recipients"], msg["subject"], ALFA["name"],
                        msg["ident"], msg["msgid"])
        entity = inner_entity(notice_text(["Ricevuta di accettazione"]), d)
        ctype, extra, body = sign(entity, signer, certfile=certfile)
        headers = [f"Date: {rfc2822(t0)}", f"Subject: ACCETTAZIONE: {msg['subject']}", f"From: {ALFA['email']}",
                   f"To: {msg['sender']}", "X-Ricevuta: accettazione", f"X-Riferimento-Message-ID: {msg['msgid']}"]
        write(f"forged/{name}", assemble(headers, ctype, extra, body), "accettazione", "invalid", problem, notes=note)
    # Signed under a CA that publishes a register of providers (name constraints).
    for rel, signer, verdict, problem, note in [
        ("accettazione-registro.eml", "registro-alfa", "valid", "", "signer registered under peckit Test Registro CA"),
        ("forged/registro-gestore-non-iscritto.eml", "registro-gamma", "invalid", "name-constraints",
         "signer subject outside every permitted directory subtree"),
        ("forged/registro-dominio-non-iscritto.eml", "registro-alfa-altro-dominio", "invalid", "name-constraints",
         "signer address outside the permitted mail domains"),
        ("forged/registro-secondo-indirizzo.eml", "registro-alfa-due-indirizzi", "invalid", "name-constraints",
         "a second SAN address outside the permitted mail domains"),
        ("forged/registro-indirizzo-ip.eml", "registro-alfa-ip", "invalid", "name-constraints",
         "an IP address in the SAN, a form the CA constrains and peckit does not evaluate"),
        ("forged/registro-nome-alternativo.eml", "registro-alfa-nome-alternativo", "invalid", "name-constraints",
         "a directory name in the SAN outside every permitted subtree"),
    ]:
        d, _ = daticert("accettazione", t0, msg["sender"], msg["recipients"], msg["subject"], ALFA["name"],
                        msg["ident"], msg["msgid"])
        entity = inner_entity(notice_text(["Ricevuta di accettazione"]), d)
        ctype, extra, body = sign(entity, signer, certfile="registro")
        headers = [f"Date: {rfc2822(t0)}", f"Subject: ACCETTAZIONE: {msg['subject']}", f"From: {ALFA['email']}",
                   f"To: {msg['sender']}", "X-Ricevuta: accettazione", f"X-Riferimento-Message-ID: {msg['msgid']}"]
        write(rel, assemble(headers, ctype, extra, body), "accettazione", verdict, problem, notes=note)
    # Signature part removed: a PEC look-alike.
    text = genuine.decode()
    ct_start = text.index("Content-Type: multipart/signed")
    boundary = text[text.index('boundary="', ct_start) + 10:]
    boundary = boundary[:boundary.index('"')]
    sig_at = text.index(f"\n--{boundary}\nContent-Type: application/x-pkcs7-signature")
    unsigned = text[:sig_at] + f"\n--{boundary}--\n"
    unsigned = unsigned.replace(text[ct_start:text.index("\n", ct_start)], f'Content-Type: multipart/mixed; boundary="{boundary}"', 1)
    write("forged/signature-removed.eml", unsigned.encode(), "accettazione", "invalid", "unsigned",
          notes="the smime.p7s part removed")
    write("forged/truncated.eml", genuine[: len(genuine) - 600], "accettazione", "invalid", "malformed",
          notes="cut in the middle of the signature")
    write("forged/empty.eml", b"", "unreadable", "error", "", notes="0 bytes")
    rnd = random.Random(7)
    write("forged/random.eml", bytes(rnd.getrandbits(8) for _ in range(2048)), "unreadable", "error", "", notes="random bytes")
    write("forged/plain.eml", b"From: a@example.com\nTo: b@example.com\nSubject: ciao\n\nsolo testo\n", "not-pec", "invalid",
          "not-pec", notes="a plain e-mail")
    # Bad signature: flip a byte near the end of the CMS (inside the RSA signature value).
    sig_start = text.index("Content-Type: application/x-pkcs7-signature")
    b_start = text.index("\n\n", sig_start) + 2
    b_end = text.index(f"\n--{boundary}--", b_start)
    der = bytearray(base64.b64decode("".join(text[b_start:b_end].split())))
    der[-20] ^= 0x01
    flipped = text[:b_start] + b64(bytes(der), 64) + text[b_end:]
    write("forged/bad-signature.eml", flipped.encode(), "accettazione", "invalid", "bad-signature",
          notes="one bit of the RSA signature value flipped")
    # SHA-256 digest, but the signature itself made with SHA-1 (sha1WithRSAEncryption).
    weak = text[:b_start] + b64(resign_with_sha1_signature_algorithm(base64.b64decode("".join(text[b_start:b_end].split())), "alfa"), 64) + text[b_end:]
    write("forged/sha1-signature-algorithm.eml", weak.encode(), "accettazione", "valid", "weak-digest",
          notes="digestAlgorithm SHA-256 but signatureAlgorithm sha1WithRSAEncryption: valid, with weak-digest")
    # Review 18: what a signer (or anyone after it) adds beside what it signed.
    make_added_to_signature(t0, msg, genuine)
    # A signed daticert that repeats <mittente>: which one counts is ambiguous.
    d, _ = daticert("accettazione", t0, msg["sender"], msg["recipients"], msg["subject"], ALFA["name"],
                    msg["ident"], msg["msgid"])
    d = d.replace(b"<mittente>", b"<mittente>falso@pec.alfa.example</mittente>\n        <mittente>", 1)
    entity = inner_entity(notice_text(["Ricevuta di accettazione"]), d)
    ctype, extra, body = sign(entity, "alfa")
    headers = [f"Date: {rfc2822(t0)}", f"Subject: ACCETTAZIONE: {msg['subject']}", f"From: {ALFA['email']}",
               f"To: {msg['sender']}", "X-Ricevuta: accettazione", f"X-Riferimento-Message-ID: {msg['msgid']}"]
    write("forged/daticert-mittente-doppio.eml", assemble(headers, ctype, extra, body), "accettazione", "invalid",
          "daticert-malformed", notes="the provider signed a daticert.xml with two <mittente> elements")


def transform_signature(data, transform):
    """The message with its smime.p7s replaced by transform(DER), base64 again."""
    text = data.decode()
    at = text.index("Content-Type: application/x-pkcs7-signature")
    start = text.index("\n\n", at) + 2
    end = text.index("\n--", start)
    der = base64.b64decode("".join(text[start:end].split()))
    return (text[:start] + b64(transform(der), 64) + text[end:]).encode()


def make_added_to_signature(t0, msg, genuine):
    """Review 18: a signature whose signer dates itself back into its certificate's validity,
    repeats a signed attribute, is joined by a second signer, carries a decoy certificate or
    bytes after its end, a signer certificate with an unknown critical extension, a second
    daticert.xml under the signature, a marker header repeated after the genuine one."""
    headers = [f"Date: {rfc2822(t0)}", f"Subject: ACCETTAZIONE: {msg['subject']}", f"From: {ALFA['email']}",
               f"To: {msg['sender']}", "X-Ricevuta: accettazione", f"X-Riferimento-Message-ID: {msg['msgid']}"]
    d, _ = daticert("accettazione", t0, msg["sender"], msg["recipients"], msg["subject"], ALFA["name"],
                    msg["ident"], msg["msgid"])
    entity = inner_entity(notice_text(["Ricevuta di accettazione"]), d)
    signing_time_oid = bytes.fromhex("06092a864886f70d010905")
    capabilities_oid = bytes.fromhex("06092a864886f70d01090f")

    def backdated(attrs):
        at = attrs.index(signing_time_oid + b"\x31\x0f\x17\x0d") + len(signing_time_oid) + 4
        return attrs[:at] + b"200601120000Z" + attrs[at + 13:]

    expired = assemble(headers, *sign(entity, "scaduto-alfa"))
    write("forged/scaduto-data-firma-anticipata.eml",
          transform_signature(expired, lambda der: resign_attributes(der, "scaduto-alfa", backdated)),
          "accettazione", "invalid", "cert-not-valid-at-signing-time",
          notes="signer valid during 2020 states a signingTime of June 2020 over a daticert of today")
    write("forged/data-firma-ripetuta.eml",
          transform_signature(genuine, lambda der: resign_attributes(
              der, "alfa", lambda a: a.replace(capabilities_oid, signing_time_oid, 1))),
          "accettazione", "invalid", "malformed", notes="two signingTime attributes, signed")
    write("forged/certificato-civetta.eml",
          transform_signature(genuine, lambda der: with_first_certificate(der, cert_der("civetta-alfa"))),
          "accettazione", "invalid", "unsigned-content-outside-signature",
          notes="a certificate with Alfa's issuer and serial and another key put first in the unsigned set")
    def digest_named_sha384(der):
        der = bytearray(der)
        _, fields = signer_info_fields(der)
        at = fields[2][1]                                  # digestAlgorithm
        sha256, sha384 = bytes.fromhex("0609608648016503040201"), bytes.fromhex("0609608648016503040202")
        found = bytes(der[at:fields[2][3]]).index(sha256) + at
        der[found:found + len(sha384)] = sha384
        return bytes(der)

    write("forged/algoritmo-impronta-altro.eml", transform_signature(genuine, digest_named_sha384),
          "accettazione", "invalid", "malformed",
          notes="the SignerInfo names SHA-384 while its messageDigest is a SHA-256 digest")
    write("forged/certificato-omonimo.eml",
          transform_signature(genuine, lambda der: with_first_certificate(der, cert_der("omonimo-alfa"))),
          "accettazione", "invalid", "unsigned-content-outside-signature",
          notes="Alfa's key and serial under another name, put first: it verifies but chains to nothing")
    write("forged/certificato-civetta-solo.eml",
          transform_signature(genuine, lambda der: with_certificates(
              der, [cert_der("civetta-alfa"), cert_der("intermediate")])),
          "accettazione", "invalid", "bad-signature",
          notes="only the decoy carried (Alfa's issuer and serial, another key): with pki/alfa.pem pinned, "
                "the pinned certificate verifies and the decoy is named")
    unreadable = d.replace(b'zona="', b'zona="+9959" orig="', 1)
    write("forged/data-certificata-illeggibile.eml",
          assemble(headers, *sign(inner_entity(notice_text(["Ricevuta di accettazione"]), unreadable), "alfa")),
          "accettazione", "invalid", "daticert-incomplete", notes="a certified time that cannot be read (zona +9959)")
    before = dt.datetime(2019, 6, 1, 10, 0, tzinfo=dt.timezone.utc)
    early, _ = daticert("accettazione", before, msg["sender"], msg["recipients"], msg["subject"], ALFA["name"],
                        msg["ident"], msg["msgid"])
    early_receipt = assemble([h if not h.startswith("Date: ") else f"Date: {rfc2822(before)}" for h in headers],
                             *sign(inner_entity(notice_text(["Ricevuta di accettazione"]), early), "scaduto-alfa"))
    write("forged/evento-prima-del-certificato.eml",
          transform_signature(early_receipt, lambda der: resign_attributes(der, "scaduto-alfa", backdated)),
          "accettazione", "invalid", "cert-not-valid-at-signing-time",
          notes="signer valid during 2020, signingTime June 2020, certifying an event of June 2019")
    write("forged/byte-dopo-la-firma.eml",
          transform_signature(genuine, lambda der: der + b"\x30\x03\x02\x01\x07"),
          "accettazione", "invalid", "malformed", notes="five bytes after the end of the CMS signature")
    write("forged/estensione-critica.eml", assemble(headers, *sign(entity, "critica-alfa")),
          "accettazione", "invalid", "untrusted", notes="signer certificate with an unknown critical extension")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.eml"
        src.write_bytes(entity)
        out = run("openssl", "smime", "-sign", "-in", str(src), "-md", "sha256",
                  "-signer", str(PKI / "alfa.pem"), "-inkey", str(PKI / "alfa.key"),
                  "-signer", str(PKI / "beta.pem"), "-inkey", str(PKI / "beta.key"),
                  "-certfile", str(PKI / "intermediate.pem")).replace(b"\r\n", b"\n")
    head, _, body = out.partition(b"\n\n")
    kept = [l for l in head.decode().split("\n") if not l.lower().startswith("mime-version")]
    write("forged/due-firmatari.eml", ("\n".join(headers + ["MIME-Version: 1.0"] + kept)).encode() + b"\n\n" + body,
          "accettazione", "invalid", "malformed", notes="Alfa and Beta both sign: two SignerInfos")
    other, _ = daticert("accettazione", t0, "falso@pec.alfa.example", [("vittima@pec.beta.example", "certificato")],
                        "Oggetto FALSO", ALFA["name"], msg["ident"], msg["msgid"])
    second = "\n".join(['Content-Type: application/xml; name="daticert.xml"', "Content-Transfer-Encoding: base64",
                        'Content-Disposition: inline; filename="daticert.xml"', "", b64(other), ""])
    doubled = inner_entity(notice_text(["Ricevuta di accettazione"]), d, extra_parts=[second])
    write("forged/daticert-doppio.eml", assemble(headers, *sign(doubled, "alfa")), "accettazione", "invalid",
          "daticert-malformed", notes="the provider signed two daticert.xml (the second a fake)")
    # Beta, a trusted provider, signs a receipt whose daticert names Alfa as its issuer: valid
    # (Beta's signature), and the reports name Beta beside the daticert's words.
    named, _ = daticert("accettazione", t0, msg["sender"], msg["recipients"], msg["subject"], ALFA["name"],
                        msg["ident"], msg["msgid"])
    beta_headers = [h if not h.startswith("From: ") else f"From: {BETA['email']}" for h in headers]
    write("forged/gestore-dichiarato-altrui.eml",
          assemble(beta_headers, *sign(inner_entity(notice_text(["Ricevuta di accettazione"]), named), "beta")),
          "accettazione", "valid", "", notes="signed by Beta, daticert gestore-emittente Gestore Alfa")
    write("forged/firmatario-senza-indirizzo.eml",
          assemble(headers, *sign(entity, "senza-indirizzo-alfa")), "accettazione", "valid",
          "signer-address-mismatch", notes="signer certificate without an e-mail address: a warning")
    write("forged/x-ricevuta-doppia.eml",
          genuine.replace(b"X-Ricevuta: accettazione", b"X-Ricevuta: accettazione\nX-Ricevuta: avvenuta-consegna", 1),
          "accettazione", "invalid", "header-mismatch", notes="a second X-Ricevuta after the genuine one")


def bench(out_dir, receipts, large):
    """Benchmark corpus: `receipts` distinct signed receipts (typical 7-8 KB acceptances and
    deliveries) and `large` envelopes of about 10 MB, signed in parallel."""
    from concurrent.futures import ThreadPoolExecutor
    make_pki()
    out = Path(out_dir)
    (out / "receipts").mkdir(parents=True, exist_ok=True)
    (out / "large").mkdir(parents=True, exist_ok=True)
    clock = Clock()

    def one(i):
        when = clock.at(i % 240)
        msg = {"sender": f"utente{i}@pec.alfa.example", "recipients": [(f"dest{i}@pec.beta.example", "certificato")],
               "subject": f"Pratica n. {i}", "msgid": f"<bench.{i}@client.example>", "ident": ident(ALFA, when, i % 1000)}
        lines = ["Ricevuta di accettazione"] + [f"Il messaggio con oggetto \"{msg['subject']}\" è stato accettato. Riga {n}."
                                               for n in range(10)]
        if i % 2:
            data, _ = receipt("accettazione", ALFA, when, msg, "ACCETTAZIONE: ", "accettazione", lines)
        else:
            data, _ = receipt("avvenuta-consegna", BETA, when, msg, "CONSEGNA: ", "avvenuta-consegna", lines,
                              consegna=msg["recipients"][0][0], ricevuta="sintetica")
        (out / "receipts" / f"r{i:05d}.eml").write_bytes(data)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(one, range(receipts)))
    rnd = random.Random(1)
    for j in range(large):
        when = clock.at(j)
        msg = {"sender": "mario.rossi@pec.alfa.example", "recipients": [("anna.bianchi@pec.beta.example", "certificato")],
               "subject": f"Fascicolo {j}", "msgid": f"<large.{j}@client.example>", "ident": ident(ALFA, when, j)}
        blob = bytes(rnd.getrandbits(8) for _ in range(7_400_000))
        orig = original_message(msg["sender"], ["anna.bianchi@pec.beta.example"], [], msg["subject"], msg["msgid"], when,
                                [('filename="fascicolo.bin"', blob, "application/octet-stream")])
        data, _ = envelope(ALFA, when, msg, orig)
        (out / "large" / f"envelope{j}.eml").write_bytes(data)
    print(f"bench corpus: {receipts} receipts, {large} large envelopes in {out}")

def bench_envelopes(out_dir, count):
    """`count` distinct signed envelopes of about 25 KB, each carrying a 12 KB attachment, the
    shape of everyday PEC: what `extract` is measured on (issue #17)."""
    from concurrent.futures import ThreadPoolExecutor
    make_pki()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    clock = Clock()

    def one(i):
        when = clock.at(i % 240)
        msg = {"sender": f"utente{i}@pec.alfa.example", "recipients": [(f"dest{i}@pec.beta.example", "certificato")],
               "subject": f"Atto n. {i}", "msgid": f"<atto.{i}@client.example>", "ident": ident(ALFA, when, i % 1000)}
        blob = random.Random(i).randbytes(12_000)
        orig = original_message(msg["sender"], [msg["recipients"][0][0]], [], msg["subject"], msg["msgid"], when,
                                [(f'filename="atto-{i}.pdf"', blob, "application/pdf")])
        data, _ = envelope(ALFA, when, msg, orig)
        (out / f"e{i:05d}.eml").write_bytes(data)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(one, range(count)))
    print(f"bench envelopes: {count} in {out}")


# --------------------------------------------------------------------------- REM (issue #20)

EXT_TSA = """
[ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""
TSA_CONFIG = """
[tsa]
default_tsa = tsa1
[tsa1]
serial = {dir}/tsaserial
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""
ETSI = "http://uri.etsi.org/19522"
REM_PARTY = """<tns:RecipientDetails><Identifier IdentifierSchemeName="mailto">{}</Identifier></tns:RecipientDetails>"""
REM_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<tns:Evidence xmlns:tns="http://uri.etsi.org/19522/v1#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" version="EN319522v1.1.1">
  <tns:EvidenceIdentifier>{evidence_id}</tns:EvidenceIdentifier>
  <tns:ERDSEventId>{etsi}/Event/{event}</tns:ERDSEventId>
  <tns:EventReasons><tns:EventReason><Code>{etsi}/EventReason/{reason_name}</Code><Details>{reason}</Details><Details>{reason_text}</Details></tns:EventReason></tns:EventReasons>
  <EventTime>{event_time}</EventTime>
  <tns:EvidenceIssuerPolicyID><PolicyID>http://uri.etsi.org/19532/v1#/REMbaseline</PolicyID></tns:EvidenceIssuerPolicyID>
  <tns:EvidenceIssuerDetails><tns:Identity><saml:Attribute FriendlyName="LegalName" Name="http://eidas.europa.eu/attributes/legalperson/LegalName"><saml:AttributeValue>{issuer}</saml:AttributeValue></saml:Attribute></tns:Identity></tns:EvidenceIssuerDetails>
  <tns:SenderDetails><Identifier IdentifierSchemeName="mailto">{sender}</Identifier><AssuranceLevelsDetails><GlobalAssuranceLevel><AssuranceLevel>http://eidas.europa.eu/LoA/substantial</AssuranceLevel></GlobalAssuranceLevel></AssuranceLevelsDetails></tns:SenderDetails>
  {recipients}
  <tns:SubmissionTime>{submission_time}</tns:SubmissionTime>
  <tns:MessageIdentifier>{message_id}</tns:MessageIdentifier>
  <tns:UserContentInfo><AppLayerIdentifier>{msgid}</AppLayerIdentifier><tns:PartsInfo><tns:PartInfo><ContentType>message/rfc822</ContentType><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>{digest}</ds:DigestValue></tns:PartInfo></tns:PartsInfo></tns:UserContentInfo>
  <tns:Extensions><tns:Extension isCritical="false"><ext:GeneralEvidenceInfo xmlns:ext="http://uri.etsi.org/19532/v1#"><ext:Subject>{subject}</ext:Subject></ext:GeneralEvidenceInfo></tns:Extension></tns:Extensions>
<ds:Signature Id="sig"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2002/06/xmldsig-filter2"><dsig-filter2:XPath xmlns:dsig-filter2="http://www.w3.org/2002/06/xmldsig-filter2" Filter="subtract">/descendant::ds:Signature</dsig-filter2:XPath></ds:Transform><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference><ds:Reference Type="http://uri.etsi.org/01903#SignedProperties" URI="#props"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue Id="value"></ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{cert}</ds:X509Certificate><ds:X509Certificate>{intermediate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo><ds:Object><xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="#sig"><xades:SignedProperties Id="props"><xades:SignedSignatureProperties><xades:SigningTime>{signing_time}</xades:SigningTime><xades:SigningCertificateV2><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>{cert_digest}</ds:DigestValue></xades:CertDigest></xades:Cert></xades:SigningCertificateV2></xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object></ds:Signature>
</tns:Evidence>
"""


def cert_der(name):
    pem = (PKI / f"{name}.pem").read_text()
    body = pem.split("-----BEGIN CERTIFICATE-----")[1].split("-----END CERTIFICATE-----")[0]
    return base64.b64decode("".join(body.split()))


def time_stamp(data):
    """An RFC 3161 token over `data` from the test TSA (openssl ts; genTime is now)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in.bin").write_bytes(data)
        (tmp / "tsaserial").write_text("01\n")
        (tmp / "tsa.cnf").write_text(TSA_CONFIG.format(dir=tmp))
        run("openssl", "ts", "-query", "-data", str(tmp / "in.bin"), "-sha256", "-cert", "-no_nonce",
            "-out", str(tmp / "req.tsq"))
        run("openssl", "ts", "-reply", "-config", str(tmp / "tsa.cnf"), "-queryfile", str(tmp / "req.tsq"),
            "-signer", str(PKI / "tsa.pem"), "-inkey", str(PKI / "tsa.key"), "-token_out",
            "-out", str(tmp / "token.der"))
        return (tmp / "token.der").read_bytes()


def stamp_by(signer, token):
    """The same TSTInfo as `token`, signed by `signer` instead of the TSA (a forgery)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "token.der").write_bytes(token)
        run("openssl", "cms", "-verify", "-noverify", "-inform", "DER", "-in", str(tmp / "token.der"),
            "-out", str(tmp / "tstinfo.der"))
        return run("openssl", "cms", "-sign", "-nodetach", "-binary", "-econtent_type", "1.2.840.113549.1.9.16.1.4",
                   "-in", str(tmp / "tstinfo.der"), "-signer", str(PKI / f"{signer}.pem"),
                   "-inkey", str(PKI / f"{signer}.key"), "-outform", "DER")


def rem_evidence(event, reason, reason_name, reason_text, when, provider, msg, digest, signer=None,
                 stamp=True, stamp_signer=None, signed_at=None):
    """An ETSI EN 319 522 evidence, XAdES-signed by xmlsec1 with the provider's key and
    time-stamped by the test TSA over its canonicalised SignatureValue."""
    signer = signer or provider_key(provider)
    der = cert_der(signer)
    xml = REM_TEMPLATE.format(
        etsi=ETSI, event=event, reason=reason, reason_name=reason_name, reason_text=reason_text,
        evidence_id=f"ev.{event}.{when:%Y%m%d%H%M%S}@{provider['domain']}",
        event_time=f"{when:%Y-%m-%dT%H:%M:%SZ}", submission_time=f"{when:%Y-%m-%dT%H:%M:%SZ}",
        issuer=xml_escape(provider["name"]), sender=msg["sender"],
        recipients="".join(REM_PARTY.format(r) for r, _ in msg["recipients"]),
        message_id=msg["ident"], msgid=xml_escape(msg["msgid"]), digest=digest, subject=xml_escape(msg["subject"]),
        cert=base64.b64encode(der).decode(), intermediate=base64.b64encode(cert_der("intermediate")).decode(),
        signing_time=f"{signed_at or when:%Y-%m-%dT%H:%M:%SZ}",
        cert_digest=base64.b64encode(hashlib.sha256(der).digest()).decode())
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "evidence.xml"
        src.write_text(xml)
        signed = run("xmlsec1", "--sign", "--privkey-pem", str(PKI / f"{signer}.key"),
                     "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", str(src)).decode()
    value = signed.split('<ds:SignatureValue Id="value">')[1].split("</ds:SignatureValue>")[0]
    # Exclusive C14N of the SignatureValue element, as the time-stamp covers it.
    c14n = ('<ds:SignatureValue xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="value">'
            + value.replace("\r", "&#xD;") + "</ds:SignatureValue>")
    if not stamp:
        return signed.encode()
    token = time_stamp(c14n.encode())
    if stamp_signer:
        token = stamp_by(stamp_signer, token)
    token = base64.b64encode(token).decode()
    unsigned = ('<xades:UnsignedProperties><xades:UnsignedSignatureProperties><xades:SignatureTimeStamp Id="ts">'
                '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>'
                f'<xades:EncapsulatedTimeStamp>{token}</xades:EncapsulatedTimeStamp></xades:SignatureTimeStamp>'
                '</xades:UnsignedSignatureProperties></xades:UnsignedProperties>')
    return signed.replace("</xades:SignedProperties>", "</xades:SignedProperties>" + unsigned, 1).encode()


def rem_message(provider, when, msg, evidence, message_type, event, reason_uri, original=None, headers_event=None):
    """A REM message: the provider's S/MIME over notice, original and evidence, REM-* headers."""
    part = "\n".join(["REM-Section-Type: rem_message/xml_evidence",
                      'Content-Type: application/xml; name="evidence.xml"', "Content-Transfer-Encoding: base64",
                      'Content-Disposition: attachment; filename="evidence.xml"', "", b64(evidence), ""])
    entity = inner_entity(notice_text([f"REM {event}", f"Oggetto: {msg['subject']}"]), None, original,
                          extra_parts=[part], html=False)
    ctype, extra, body = sign(entity, provider_key(provider))
    ev_id = evidence.split(b"<tns:EvidenceIdentifier>")[1].split(b"<")[0].decode()
    digest = evidence.split(b"<ds:DigestValue>")[1].split(b"<")[0].decode()
    headers = [f"Date: {rfc2822(when)}", f"Subject: REM {event}: {msg['subject']}",
               f"From: <rem-service@{provider['domain']}>", f"To: <{msg['sender']}>",
               f"Message-ID: <rem.{event}.{when:%Y%m%d%H%M%S}@{provider['domain']}>",
               "REM-MetadataVersion: EN31953203V010201",
               "REM-ApplicablePolicy: http://uri.etsi.org/19532/v1#/REMbaseline",
               f"REM-MessageType: {ETSI}/v1#/ERDMessageType/{message_type}",
               "REM-DigestAlgorithm: http://www.w3.org/2001/04/xmlenc#sha256", f"REM-DigestValue: {digest}",
               f"REM-UAMessageIdentifier: {msg['msgid']}",
               f"REM-EventIdentifier: {ETSI}/Event/{headers_event or event}",
               f"REM-Evidence-ID: <{ev_id}>", f"REM-ReasonIdentifier: {reason_uri}"]
    return assemble(headers, ctype, extra, body)


def make_rem(clock):
    """REM fixtures of the project's own (test PKI, test TSA) and their forgeries."""
    issue("tsa", "/C=IT/O=peckit Test PKI/CN=peckit Test TSA", EXT_TSA, issuer="root")
    for old in list((OUT / "rem").glob("*")) + list((OUT / "forged").glob("rem-*")):
        old.unlink()
    t = clock.at(-120)  # events precede the signatures that attest them
    msg = {"sender": "mario.rossi@rem.alfa.example", "recipients": [("anna.bianchi@rem.beta.example", "certificato")],
           "subject": "Notifica REM - pratica 2026/7", "msgid": "<20261130.rem7@client.studio-rossi.example>",
           "ident": ident(ALFA, t, 700)}
    original = original_message(msg["sender"], ["anna.bianchi@rem.beta.example"], [], msg["subject"],
                                msg["msgid"], t, [])
    digest = base64.b64encode(hashlib.sha256(original).digest()).decode()
    accepted = ("SubmissionAcceptance", "RA01", "MessageAccepted", "Message accepted")
    ev = rem_evidence(*accepted, t, ALFA, msg, digest)
    write("rem/evidenza-accettazione.xml", ev, "rem", "valid", "",
          notes="REM SubmissionAcceptance evidence, XAdES B-T (test PKI, test TSA)")
    uri = f"{ETSI}/EventReason/MessageAccepted"
    write("rem/dispatch.eml", rem_message(ALFA, t, msg, ev, "dispatch", "SubmissionAcceptance", uri, original),
          "rem", "valid", "rem-evidence", notes="REM dispatch: the original and its SubmissionAcceptance evidence")
    consigned = rem_evidence("ContentConsignment", "RD01", "MessageConsignedToRecipient", "Message consigned",
                             clock.at(-117), BETA, msg, digest)
    write("rem/consegna.eml", rem_message(BETA, clock.at(-117), msg, consigned, "receipt", "ContentConsignment",
                                          f"{ETSI}/EventReason/MessageConsignedToRecipient"),
          "rem", "valid", "rem-evidence", notes="REM ContentConsignment receipt for the dispatch's message")

    text = ev.decode()
    def forged(name, data, problem, notes):
        write(f"forged/rem-{name}", data if isinstance(data, bytes) else data.encode(), "rem", "invalid", problem,
              notes=notes)
    forged("ora-evento.xml", text.replace(f"<EventTime>{t:%Y}", f"<EventTime>{t.year - 1}", 1),
           "xades-reference-altered", "EventTime changed after signing")
    forged("destinatario.xml", text.replace(">anna.bianchi@", ">anna.bianca@", 1), "xades-reference-altered",
           "a recipient changed after signing")
    value = text.split('<ds:SignatureValue Id="value">')[1][:12]
    flipped = value[:10] + ("B" if value[10] != "B" else "C") + value[11:]
    forged("valore-firma.xml", text.replace(value, flipped, 1), "xades-bad-signature",
           "one character of the SignatureValue changed")
    other = rem_evidence(*accepted, clock.at(-119), ALFA, msg, digest).decode()
    token = lambda x: x.split("<xades:EncapsulatedTimeStamp>")[1].split("<")[0]
    forged("marca-altrui.xml", text.replace(token(text), token(other), 1), "timestamp-invalid",
           "the time-stamp of another evidence (over other data)")
    body = text.split("?>", 1)[1]
    forged("avvolta.xml", '<?xml version="1.0" encoding="UTF-8"?><tns:Evidence xmlns:tns="http://uri.etsi.org/19522/v1#">'
           f"<tns:ERDSEventId>{ETSI}/Event/ContentConsignment</tns:ERDSEventId>{body}</tns:Evidence>",
           "xades-wrapping", "the signed evidence moved under an unsigned one that says another event")
    forged("id-doppio.xml", text.replace("<tns:EvidenceIdentifier>", '<tns:EvidenceIdentifier Id="props">', 1),
           "xades-wrapping", "a second element with the signed properties' Id")
    forged("trasformazione.xml", text.replace("http://www.w3.org/2002/06/xmldsig-filter2\"><dsig-filter2",
                                              "http://www.w3.org/TR/1999/REC-xslt-19991116\"><dsig-filter2", 1),
           "xades-transform-refused", "an XSLT transform in place of the XPath filter")
    forged("scaduta.xml", rem_evidence(*accepted, t, ALFA, msg, digest, signer="expired-alfa"),
           "cert-not-valid-at-signing-time", "signed with a certificate expired at the time-stamp's genTime")
    make_rem_times(accepted, t, msg, digest)
    write("rem/evidenza-senza-marca.xml", rem_evidence(*accepted, t, ALFA, msg, digest, stamp=False), "rem", "valid",
          "timestamp-missing", notes="no time-stamp (XAdES B-B): judged at the signer's own SigningTime, with a warning")
    forged("marca-gestore.xml", rem_evidence(*accepted, t, ALFA, msg, digest, stamp_signer="alfa"),
           "timestamp-invalid", "a time-stamp signed by the provider's own certificate, not a TSA's")
    deep = text.replace("</tns:EvidenceIdentifier>", "</tns:EvidenceIdentifier>" + "<a>" * 5000 + "</a>" * 5000, 1)
    forged("annidata.xml", deep, "rem-evidence-malformed", "5,000 nested elements (refused, not a stack overflow)")
    forged("non-xml.xml", '<tns:Evidence xmlns:tns="http://uri.etsi.org/19522/v1#"><<<', "rem-evidence-malformed",
           "looks like an evidence, is not XML")
    forged("doctype.xml", text.replace("?>", "?><!DOCTYPE x>", 1), "rem-evidence-malformed",
           "a DTD in an evidence (refused)")
    forged("intestazione.eml", rem_message(BETA, clock.at(-117), msg, consigned, "receipt", "ContentConsignment",
                                           f"{ETSI}/EventReason/MessageConsignedToRecipient",
                                           headers_event="ContentConsignmentFailure"),
           "rem-header-mismatch", "REM-EventIdentifier contradicts the signed evidence")
    wrong = rem_evidence(*accepted, t, ALFA, msg, base64.b64encode(hashlib.sha256(b"other").digest()).decode())
    forged("originale.eml", rem_message(ALFA, t, msg, wrong, "dispatch", "SubmissionAcceptance", uri, original),
           "rem-original-digest-mismatch", "the original carried is not the one the evidence's digest states")


TL_SERVICE = """<tsl:TSPService><tsl:ServiceInformation><tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/{kind}</tsl:ServiceTypeIdentifier><tsl:ServiceName><tsl:Name xml:lang="it">{name}</tsl:Name></tsl:ServiceName><tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509Certificate>{cert}</tsl:X509Certificate></tsl:DigitalId></tsl:ServiceDigitalIdentity><tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/{status}</tsl:ServiceStatus><tsl:StatusStartingTime>{since}</tsl:StatusStartingTime></tsl:ServiceInformation>{history}</tsl:TSPService>"""
TL_HISTORY = """<tsl:ServiceHistory><tsl:ServiceHistoryInstance><tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/{kind}</tsl:ServiceTypeIdentifier><tsl:ServiceName><tsl:Name xml:lang="it">{name}</tsl:Name></tsl:ServiceName><tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</tsl:ServiceStatus><tsl:StatusStartingTime>{since}</tsl:StatusStartingTime></tsl:ServiceHistoryInstance></tsl:ServiceHistory>"""
TL_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="tsl" TSLTag="http://uri.etsi.org/19612/TSLTag"><tsl:SchemeInformation><tsl:TSLVersionIdentifier>5</tsl:TSLVersionIdentifier><tsl:SchemeTerritory>IT</tsl:SchemeTerritory><tsl:ListIssueDateTime>2026-01-01T00:00:00Z</tsl:ListIssueDateTime></tsl:SchemeInformation><tsl:TrustServiceProviderList><tsl:TrustServiceProvider><tsl:TSPInformation><tsl:TSPName><tsl:Name xml:lang="it">Gestore Alfa S.p.A.</tsl:Name></tsl:TSPName></tsl:TSPInformation><tsl:TSPServices>{services}</tsl:TSPServices></tsl:TrustServiceProvider></tsl:TrustServiceProviderList>
<ds:Signature Id="sig"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference><ds:Reference Type="http://uri.etsi.org/01903#SignedProperties" URI="#props"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue Id="value"></ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo><ds:Object><xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="#sig"><xades:SignedProperties Id="props"><xades:SignedSignatureProperties><xades:SigningTime>2026-01-01T00:00:00Z</xades:SigningTime><xades:SigningCertificateV2><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>{cert_digest}</ds:DigestValue></xades:CertDigest></xades:Cert></xades:SigningCertificateV2></xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object></ds:Signature></tsl:TrustServiceStatusList>
"""


def make_trusted_lists():
    """Two EU-style trusted lists signed by the test list signer: one where Alfa's and Beta's
    REM service (the test intermediate) and the test TSA are granted, one where the REM
    service was withdrawn on 2021-01-01."""
    issue("tl-signer", "/C=IT/O=peckit Test PKI/CN=peckit Test Trusted List Signer", EXT_TSA.replace(
        "extendedKeyUsage = critical,timeStamping\n", ""), issuer="root")
    b = lambda name: base64.b64encode(cert_der(name)).decode()
    tsa = TL_SERVICE.format(kind="TSA/QTST", name="peckit Test TSA", cert=b("tsa"), status="granted",
                            since="2020-01-01T00:00:00Z", history="")
    def listing(rem_status, rem_since, history):
        rem = TL_SERVICE.format(kind="EDS/REM/Q", name="REM peckit Test PEC CA1", cert=b("intermediate"),
                                status=rem_status, since=rem_since, history=history)
        xml = TL_TEMPLATE.format(services=rem + tsa, cert=b("tl-signer"),
                                 cert_digest=base64.b64encode(hashlib.sha256(cert_der("tl-signer")).digest()).decode())
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "tl.xml"
            src.write_text(xml)
            return run("xmlsec1", "--sign", "--privkey-pem", str(PKI / "tl-signer.key"),
                       "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", str(src))
    (OUT / "tl").mkdir(exist_ok=True)
    (OUT / "tl" / "lista-concessa.xml").write_bytes(listing("granted", "2020-01-01T00:00:00Z", ""))
    withdrawn = TL_HISTORY.format(kind="EDS/REM/Q", name="REM peckit Test PEC CA1", since="2020-01-01T00:00:00Z")
    (OUT / "tl" / "lista-revocata.xml").write_bytes(listing("withdrawn", "2021-01-01T00:00:00Z", withdrawn))
    # Signed today by the withdrawn service's key, dated by its signer to 2020, when the list
    # still granted it, and with no time-stamp to say otherwise.
    when = dt.datetime(2020, 6, 1, 10, 0, tzinfo=dt.timezone.utc)
    msg = {"sender": "mario.rossi@rem.alfa.example", "recipients": [("anna.bianchi@rem.beta.example", "certificato")],
           "subject": "Retrodatata", "msgid": "<2020.retro@client.example>", "ident": ident(ALFA, when, 701)}
    write("tl/evidenza-retrodatata.xml", rem_evidence(
        "SubmissionAcceptance", "RA01", "MessageAccepted", "Message accepted", when, ALFA, msg,
        base64.b64encode(hashlib.sha256(b"retro").digest()).decode(), stamp=False), "rem", "valid",
        "timestamp-missing", notes="dated 2020 by its signer, no time-stamp: valid under the root, untrusted under "
        "tl/lista-revocata.xml (the service was withdrawn in 2021)")


def make_rem_times(accepted, t, msg, digest):
    """Evidences whose signed times cannot all be true (review 12)."""
    write("forged/rem-evento-dopo-marca.xml",
          rem_evidence(*accepted, t + dt.timedelta(minutes=10), ALFA, msg, digest, signed_at=t), "rem", "invalid",
          "rem-event-after-time-stamp", notes="EventTime ten minutes after the trusted time-stamp that proves the evidence existed")
    write("forged/rem-evento-lontano.xml",
          rem_evidence(*accepted, t - dt.timedelta(days=365), ALFA, msg, digest, signed_at=t), "rem", "valid",
          "rem-event-time-mismatch", notes="EventTime a year before the evidence's signing time and time-stamp")
    write("forged/rem-emittente-dichiarato.xml", rem_evidence(*accepted, t, ALFA, msg, digest, signer="beta"), "rem",
          "valid", "rem-issuer-mismatch", notes="signed by Gestore Beta, stating Gestore Alfa as its issuer: the provider is Beta's")


def rem_only():
    """Makes the REM fixtures alone and rewrites their rows of expected.tsv."""
    random.seed(20261130)
    make_pki()
    make_rem(Clock())
    make_trusted_lists()
    path = OUT / "expected.tsv"
    lines = path.read_text().splitlines()
    keep = [l for l in lines if not (l.startswith("rem/") or l.startswith("forged/rem-") or l.startswith("tl/"))]
    rows = ["\t".join(r) for r in EXPECTED]
    path.write_text("\n".join(keep + rows) + "\n")
    print(f"wrote {len(EXPECTED)} REM artefacts")


USAGE = """usage: make-samples.py [--pki-only | --rem | --bench DIR [N [L]] | --bench-envelopes DIR [N]]

  (no argument)       make the PKI if missing, then every PEC sample anew (the REM ones stay)
  --pki-only          make what is missing of samples/pki/, nothing else
  --rem               make the REM samples (samples/rem/, samples/forged/rem-*, samples/tl/)
  --bench DIR N L     N distinct signed receipts and L ~10 MB envelopes into DIR
  --bench-envelopes DIR N   N everyday envelopes (~24 KB) into DIR"""

if __name__ == "__main__":
    known = {"--pki-only", "--rem", "--bench", "--bench-envelopes"}
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        print(USAGE)
        sys.exit(0)
    takes = {"--pki-only": 0, "--rem": 0, "--bench": 3, "--bench-envelopes": 2}
    if len(sys.argv) > 1 and (sys.argv[1] not in known or len(sys.argv) - 2 > takes[sys.argv[1]]):
        print(f"make-samples.py: unexpected arguments {sys.argv[1:]!r}\n{USAGE}", file=sys.stderr)
        sys.exit(2)
    if len(sys.argv) > 1 and sys.argv[1] == "--pki-only":
        make_pki()  # creates what is missing, rewrites nothing else
    elif len(sys.argv) > 1 and sys.argv[1] == "--rem":
        rem_only()
    elif len(sys.argv) > 1 and sys.argv[1] == "--bench-envelopes":
        bench_envelopes(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 10000)
    elif len(sys.argv) > 1 and sys.argv[1] == "--bench":
        bench(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 10000, int(sys.argv[4]) if len(sys.argv) > 4 else 3)
    else:
        main()
