//! Where the time of one receipt goes: each stage of `peckit verify`, in process, on files
//! already in memory (so disk and thread hand-offs are left out).
//!
//!   cargo bench --bench stages -- DIR [TRUST.pem]
//!
//! `bash benches/bench.sh` creates a suitable DIR (target/bench-corpus/tenth) and runs this
//! for its floor line. Prints the microseconds per file for taking the file from the page
//! cache, reading it (MIME, daticert), the signature check, the cross-checks and building
//! the report, and the same for the RSA public-key operation alone.

use std::path::PathBuf;
use std::time::Instant;

use peckit::certify::assess;
use peckit::limits::Limits;
use peckit::read;
use peckit::report::model::ArtefactReport;
use peckit::verify::{TrustStore, Verifier};

/// The system allocator, counted: each stage's allocations per file are printed beside its
/// time (an allocation with its free costs some tens of nanoseconds).
#[global_allocator]
static ALLOCATOR: &stats_alloc::StatsAlloc<std::alloc::System> = &stats_alloc::INSTRUMENTED_SYSTEM;

fn allocations() -> usize {
    let stats = ALLOCATOR.stats();
    stats.allocations + stats.reallocations
}

/// Microseconds for one RSA-2048 public-key operation of peckit's verifier (a wrong
/// signature costs the same operation as a right one, then fails the comparison).
fn rsa_public_op() -> f64 {
    use base64::Engine;
    let pem = include_str!("../samples/pki/alfa.pem");
    let body: String = pem.lines().skip(1).take_while(|l| !l.starts_with("-----")).collect();
    let Ok(der) = base64::engine::general_purpose::STANDARD.decode(body) else { return f64::NAN };
    let Ok(cert) = peckit::internals::Cert::from_der(&der) else { return f64::NAN };
    let Ok(key) = peckit::internals::PublicKey::from_spki(&cert.spki) else {
        return f64::NAN;
    };
    let alg = peckit::internals::SigAlg::RsaPkcs1(peckit::internals::DigestAlg::Sha256);
    let hashed = [7u8; 32];
    let signature: Vec<u8> =
        (0..256u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 & 0x7f).collect();
    let rounds = 2000;
    let s = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(
            key.verify_prehashed(&alg, &hashed, std::hint::black_box(&signature)).is_err(),
        );
    }
    s.elapsed().as_secs_f64() * 1e6 / f64::from(rounds)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: cargo bench --bench stages -- DIR [TRUST.pem]");
        return Ok(());
    };
    let mut trust = TrustStore::embedded();
    if let Some(t) = args.get(1) {
        trust.add_path(&PathBuf::from(t))?;
    }
    let opts = Verifier::new(trust);
    let limits = Limits::default();
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "eml") {
            paths.push(path);
        }
    }
    let mut files = Vec::new();
    for path in &paths {
        files.push(std::fs::read(path)?);
    }
    // Reading each file as `peckit verify` does (open, measure, read, close), from the page
    // cache the line above has just filled: what any verifier pays per file before its work.
    let mut t_open_read = f64::INFINITY;
    for _ in 0..3 {
        let s = Instant::now();
        for path in &paths {
            let source = peckit::input::Source::File(path.clone());
            std::hint::black_box(source.read(limits.max_input_bytes)?.len());
        }
        t_open_read = t_open_read.min(s.elapsed().as_secs_f64());
    }
    let n = files.len() as f64;
    if files.is_empty() {
        eprintln!("no .eml files in {dir}");
        return Ok(());
    }
    // One warm-up pass fills the certificate and key caches, as in a real batch.
    for f in &files {
        if let Ok(a) = read::read(f.clone(), &limits) {
            let _ = assess::assess(&a, &opts);
        }
    }
    let rounds = 3;
    let (mut t_clone, mut t_read, mut t_assess, mut t_report) = (0.0, 0.0, 0.0, 0.0);
    let (mut a_read, mut a_assess, mut a_report) = (0, 0, 0);
    let mut valid = 0usize;
    for _ in 0..rounds {
        for f in &files {
            let s = Instant::now();
            let bytes = f.clone();
            let c = Instant::now();
            let before_read = allocations();
            let Ok(artefact) = read::read(bytes, &limits) else { continue };
            let r = Instant::now();
            let before_assess = allocations();
            let assessment = assess::assess(&artefact, &opts);
            let a = Instant::now();
            let before_report = allocations();
            let report = ArtefactReport::from_owned("x.eml", artefact, assessment);
            let e = Instant::now();
            let after = allocations();
            a_read += before_assess - before_read;
            a_assess += before_report - before_assess;
            a_report += after - before_report;
            valid += usize::from(report.verdict == assess::Verdict::Valid);
            t_clone += (c - s).as_secs_f64();
            t_read += (r - c).as_secs_f64();
            t_assess += (a - r).as_secs_f64();
            t_report += (e - a).as_secs_f64();
        }
    }
    let us = |t: f64| t * 1e6 / n / f64::from(rounds);
    let per_file = |count: usize| count as f64 / n / f64::from(rounds);
    println!("{} files, {} valid per round", files.len(), valid / rounds as usize);
    println!(
        "file   {:7.1} us  (open, measure, read and close one file from the page cache; fastest of 3 passes)",
        t_open_read * 1e6 / n
    );
    println!("copy   {:7.1} us", us(t_clone));
    println!("read   {:7.1} us  {:5.0} allocations", us(t_read), per_file(a_read));
    println!("assess {:7.1} us  {:5.0} allocations", us(t_assess), per_file(a_assess));
    println!("report {:7.1} us  {:5.0} allocations", us(t_report), per_file(a_report));
    println!("total  {:7.1} us", us(t_clone + t_read + t_assess + t_report));
    let s = Instant::now();
    let before = allocations();
    for f in &files {
        std::hint::black_box(peckit::internals::parse_entity(f, 0..f.len(), &limits).is_ok());
    }
    println!(
        "  of which MIME structure {:5.1} us  {:5.0} allocations",
        s.elapsed().as_secs_f64() * 1e6 / n,
        (allocations() - before) as f64 / n
    );
    // The signature part's base64 body: the largest one of a receipt.
    let signatures: Vec<&[u8]> = files
        .iter()
        .filter_map(|f| {
            let at = memchr::memmem::find(f, b"filename=\"smime.p7s\"")?;
            let body = at + memchr::memmem::find(f.get(at..)?, b"\n\n")? + 2;
            let end = body + memchr::memmem::find(f.get(body..)?, b"\n--")?;
            f.get(body..end)
        })
        .collect();
    let s = Instant::now();
    for body in &signatures {
        std::hint::black_box(peckit::internals::base64_lenient(body).map(|d| d.len()));
    }
    let per = s.elapsed().as_secs_f64() * 1e6 / signatures.len().max(1) as f64;
    println!("  of which base64 of smime.p7s {per:5.1} us");
    let s = Instant::now();
    for f in &files {
        std::hint::black_box(peckit::internals::digest_canonical(
            peckit::internals::DigestAlg::Sha256,
            f,
        ));
    }
    println!(
        "  SHA-256, LF->CRLF canonical, whole file {:5.1} us",
        s.elapsed().as_secs_f64() * 1e6 / n
    );
    let s = Instant::now();
    for f in &files {
        std::hint::black_box(peckit::internals::DigestAlg::Sha256.digest(f));
    }
    println!("  SHA-256, as is, whole file {:5.1} us", s.elapsed().as_secs_f64() * 1e6 / n);
    let daticerts: Vec<Vec<u8>> = files
        .iter()
        .filter_map(|f| read::read(f.clone(), &limits).ok())
        .filter_map(|a| a.content.and_then(|c| c.daticert_raw))
        .collect();
    let s = Instant::now();
    let before = allocations();
    for d in &daticerts {
        std::hint::black_box(peckit::read::daticert::parse(d, &limits).is_ok());
    }
    let count = daticerts.len().max(1) as f64;
    let per = s.elapsed().as_secs_f64() * 1e6 / count;
    let allocated = (allocations() - before) as f64 / count;
    println!("  of which daticert.xml {per:7.1} us  {allocated:5.0} allocations");
    let rsa = rsa_public_op();
    println!(
        "rsa    {rsa:7.1} us  (one RSA-2048 PKCS#1 v1.5 check through the verifier: AWS-LC with the default features, the rsa crate without)"
    );
    // What any verifier pays per receipt (the file, the signature's RSA, the digest of the
    // signed content as peckit hashes it), and what peckit spends beyond that.
    let contents: Vec<Vec<u8>> = files
        .iter()
        .filter_map(|f| read::read(f.clone(), &limits).ok())
        .filter_map(|a| a.signed.as_ref().map(|s| s.content(&a.raw).to_vec()))
        .collect();
    let s = Instant::now();
    for c in &contents {
        std::hint::black_box(peckit::internals::digest_canonical(
            peckit::internals::DigestAlg::Sha256,
            c,
        ));
    }
    let signed_sha = s.elapsed().as_secs_f64() * 1e6 / contents.len().max(1) as f64;
    let floor = t_open_read * 1e6 / n + rsa + signed_sha;
    let beyond = us(t_read + t_assess + t_report) - rsa - signed_sha;
    println!(
        "floor  {floor:7.1} us  (file + rsa + SHA-256 of the signed content, {signed_sha:.1} us); beyond it {beyond:.1} us: reading {:.1}, checks {:.1}, report {:.1}",
        us(t_read),
        us(t_assess) - rsa - signed_sha,
        us(t_report)
    );
    Ok(())
}
