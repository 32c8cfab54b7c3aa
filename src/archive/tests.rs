use super::*;

fn facts() -> Facts {
    Facts {
        verdict: Verdict::Valid,
        kind: "accettazione".into(),
        msgid: Some("<m@x>".into()),
        identificativo: Some("opec1@pec.example".into()),
        certified: Some("2026-11-30T10:00:00Z".parse().unwrap()),
        recipient: None,
    }
}

#[test]
fn a_message_is_kept_once_and_found_again() {
    let dir = tempfile::tempdir().unwrap();
    let now = Timestamp::UNIX_EPOCH;
    let mut a = Archive::open(dir.path()).unwrap();
    let Added::Archived(r) = a.add("a.eml", b"bytes", &facts(), now).unwrap() else {
        panic!("archived")
    };
    assert_eq!(r.file, "2026-11-30_accettazione_opec1@pec.example.eml");
    assert_eq!(fs::read(dir.path().join(&r.file)).unwrap(), b"bytes");
    assert_eq!(
        a.add("b.eml", b"bytes", &facts(), now).unwrap(),
        Added::AlreadyThere(r.file.clone())
    );
    // Other bytes with the same facts get a name of their own.
    let Added::Archived(other) = a.add("c.eml", b"other", &facts(), now).unwrap() else {
        panic!("archived")
    };
    assert_ne!(other.file, r.file);
    drop(a);
    let again = Archive::open(dir.path()).unwrap();
    assert_eq!(again.len(), 2);
    assert!(again.has_source("b.eml") && again.has_source("c.eml"));
    let lines = fs::read_to_string(dir.path().join(RECORD)).unwrap();
    assert_eq!(lines.lines().count(), 2, "one line per archived message only");
}

#[test]
fn an_interrupted_run_leaves_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(format!("{PARTIAL_PREFIX}abc")), b"half").unwrap();
    // A file renamed but not recorded: taken as is, not written twice.
    let name = format!("{}.eml", file_stem(&facts(), &sha256_hex(b"bytes")));
    fs::write(dir.path().join(&name), b"bytes").unwrap();
    let mut a = Archive::open(dir.path()).unwrap();
    assert!(!dir.path().join(format!("{PARTIAL_PREFIX}abc")).exists());
    let Added::Archived(r) = a.add("a.eml", b"bytes", &facts(), Timestamp::UNIX_EPOCH).unwrap()
    else {
        panic!("archived")
    };
    assert_eq!(r.file, name);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 4, "the .eml, two records, the lock");
    // One run at a time.
    assert!(matches!(Archive::open(dir.path()), Err(ArchiveError::Busy(_))));
}

#[test]
fn a_record_cut_by_a_crash_is_dropped_and_the_next_lands_on_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut a = Archive::open(dir.path()).unwrap();
        a.add("a.eml", b"one", &facts(), Timestamp::UNIX_EPOCH).unwrap();
    }
    let record = dir.path().join(RECORD);
    let mut text = fs::read_to_string(&record).unwrap();
    text.push_str("{\"sha256\":\"ab"); // cut mid-write
    fs::write(&record, &text).unwrap();
    {
        let mut a = Archive::open(dir.path()).unwrap();
        a.add("b.eml", b"two", &facts(), Timestamp::UNIX_EPOCH).unwrap();
    }
    let a = Archive::open(dir.path()).unwrap();
    assert_eq!(a.len(), 2);
    // A damaged line in the middle is an error naming it, not silently skipped.
    drop(a);
    let text = fs::read_to_string(&record).unwrap().replacen("{", "{x", 1);
    fs::write(&record, text).unwrap();
    assert!(matches!(Archive::open(dir.path()), Err(ArchiveError::Record { line: 1, .. })));
}

#[test]
fn a_batch_is_named_and_recorded_only_at_its_commit() {
    let dir = tempfile::tempdir().unwrap();
    let now = Timestamp::UNIX_EPOCH;
    let emls = |dir: &Path| {
        fs::read_dir(dir)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".eml"))
            .count()
    };
    {
        let mut a = Archive::open(dir.path()).unwrap();
        a.stage("a.eml", b"one", &facts(), now).unwrap();
        a.stage("b.eml", b"one", &facts(), now).unwrap();
        assert_eq!(a.staged(), 2);
        assert_eq!(emls(dir.path()), 0, "nothing named before the commit");
        // Dropped without a commit: nothing kept, nothing recorded, nothing left over.
    }
    assert_eq!(fs::read_to_string(dir.path().join(RECORD)).unwrap(), "");
    let mut a = Archive::open(dir.path()).unwrap();
    assert!(a.is_empty() && !a.has_source("a.eml"));
    a.stage("a.eml", b"one", &facts(), now).unwrap();
    a.stage("b.eml", b"one", &facts(), now).unwrap();
    a.stage("c.eml", b"two", &facts(), now).unwrap();
    let done = a.commit().unwrap();
    let names: Vec<&str> = done.iter().map(|(source, _)| source.as_str()).collect();
    assert_eq!(names, ["a.eml", "b.eml", "c.eml"], "in the order staged");
    let (Added::Archived(one), Added::AlreadyThere(again), Added::Archived(two)) =
        (&done[0].1, &done[1].1, &done[2].1)
    else {
        panic!("{done:?}")
    };
    assert_eq!(again, &one.file, "the same bytes twice in a batch are kept once");
    assert_ne!(two.file, one.file, "other bytes with the same facts get their own name");
    assert_eq!(fs::read(dir.path().join(&two.file)).unwrap(), b"two");
    assert_eq!(emls(dir.path()), 2);
    assert!(a.commit().unwrap().is_empty(), "a second commit has nothing to do");
    drop(a);
    let again = Archive::open(dir.path()).unwrap();
    assert_eq!(again.len(), 2);
    let sources = fs::read_to_string(dir.path().join(SOURCES)).unwrap();
    assert_eq!(sources.lines().count(), 3, "{sources}");
    let partial = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with(PARTIAL_PREFIX))
        .count();
    assert_eq!(partial, 0);
}

#[test]
fn sources_lost_by_a_stop_between_the_two_records_are_written_again() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut a = Archive::open(dir.path()).unwrap();
        a.add("a.eml", b"one", &facts(), Timestamp::UNIX_EPOCH).unwrap();
        a.add("b.eml", b"two", &facts(), Timestamp::UNIX_EPOCH).unwrap();
    }
    fs::write(dir.path().join(SOURCES), "").unwrap(); // as if stopped before writing them
    {
        let mut a = Archive::open(dir.path()).unwrap();
        assert!(a.has_source("a.eml"), "known from the records already");
        assert!(a.commit().unwrap().is_empty());
    }
    let sources = fs::read_to_string(dir.path().join(SOURCES)).unwrap();
    assert!(sources.contains("a.eml") && sources.contains("b.eml"), "{sources}");
    assert_eq!(sources.lines().count(), 2);
}

#[test]
fn after_a_failed_commit_nothing_more_is_written_and_no_source_is_noted() {
    let dir = tempfile::tempdir().unwrap();
    let sha = sha256_hex(b"one");
    let base = file_stem(&facts(), &sha);
    // The three names the message could take hold other bytes: its commit fails.
    fs::write(dir.path().join(format!("{base}.eml")), b"other").unwrap();
    fs::write(dir.path().join(format!("{base}_{}.eml", &sha[..12])), b"other").unwrap();
    fs::write(dir.path().join(format!("{base}_{sha}.eml")), b"other").unwrap();
    {
        let mut a = Archive::open(dir.path()).unwrap();
        a.stage("a.eml", b"one", &facts(), Timestamp::UNIX_EPOCH).unwrap();
        assert!(matches!(a.commit(), Err(ArchiveError::Io { .. })));
        let again = a.stage("b.eml", b"two", &facts(), Timestamp::UNIX_EPOCH);
        assert!(matches!(again, Err(ArchiveError::Broken(_))), "{again:?}");
        assert!(matches!(a.commit(), Err(ArchiveError::Broken(_))));
    }
    // A source noted without its record would never be fetched again from a mailbox.
    assert_eq!(fs::read_to_string(dir.path().join(SOURCES)).unwrap(), "");
    let a = Archive::open(dir.path()).unwrap();
    assert!(!a.has_source("a.eml") && a.is_empty());
}

#[test]
fn names_are_safe() {
    let mut f = facts();
    f.identificativo = Some("../../etc/passwd".into());
    let stem = file_stem(&f, "0123456789abcdef0123");
    assert!(!stem.contains('/') && !stem.starts_with('.'), "{stem}");
    f.identificativo = None;
    f.msgid = None;
    f.certified = None;
    assert_eq!(file_stem(&f, "0123456789abcdef0123"), "senza-data_accettazione_0123456789abcdef");
}

#[test]
fn a_copy_deleted_or_replaced_is_never_called_already_there() {
    let dir = tempfile::tempdir().unwrap();
    let now = Timestamp::UNIX_EPOCH;
    let mut other_facts = facts();
    other_facts.identificativo = Some("opec2@pec.example".into());
    let (one, two) = {
        let mut a = Archive::open(dir.path()).unwrap();
        let Added::Archived(one) = a.add("a.eml", b"bytes", &facts(), now).unwrap() else {
            panic!("archived")
        };
        let Added::Archived(two) = a.add("b.eml", b"other", &other_facts, now).unwrap() else {
            panic!("archived")
        };
        (one.file, two.file)
    };
    // One copy deleted, the other replaced by bytes of the same length.
    fs::remove_file(dir.path().join(&one)).unwrap();
    fs::write(dir.path().join(&two), b"forge").unwrap();
    let mut a = Archive::open(dir.path()).unwrap();
    assert_eq!(a.damaged().len(), 1, "the deleted copy is seen at once: {:?}", a.damaged());
    assert_eq!(a.damaged()[0].damage, Damage::Missing);
    assert!(!a.has_source("a.eml"), "its source is met (and fetched) again");
    let Added::Archived(again) = a.add("a.eml", b"bytes", &facts(), now).unwrap() else {
        panic!("written again, not 'already there'")
    };
    assert_eq!(again.file, one);
    assert_eq!(fs::read(dir.path().join(&one)).unwrap(), b"bytes");
    // The same size hides the replacement from the first look, not from the bytes.
    let Added::Archived(rewritten) = a.add("b.eml", b"other", &other_facts, now).unwrap() else {
        panic!("written again, not 'already there'")
    };
    assert_ne!(rewritten.file, two, "the replaced file is left as found, never overwritten");
    assert_eq!(fs::read(dir.path().join(&rewritten.file)).unwrap(), b"other");
    assert_eq!(fs::read(dir.path().join(&two)).unwrap(), b"forge");
    let damage: Vec<_> =
        a.damaged().iter().map(|d| (d.damage, d.rewritten_as.clone().unwrap())).collect();
    assert_eq!(damage, [(Damage::Missing, one), (Damage::Altered, rewritten.file.clone())]);
    drop(a);
    // The last record counts: the next run finds nothing wrong.
    let a = Archive::open(dir.path()).unwrap();
    assert!(a.damaged().is_empty(), "{:?}", a.damaged());
    assert_eq!(a.file_of(&sha256_hex(b"other")), Some(rewritten.file.as_str()));
}

#[test]
fn a_record_naming_a_path_outside_the_archive_is_refused() {
    for name in ["../../../etc/passwd", "/etc/passwd", "sub/x.eml", ".peckit-lock", "", "C:x.eml"] {
        let dir = tempfile::tempdir().unwrap();
        let line =
            format!("{{\"sha256\":\"{}\",\"file\":{name:?},\"size\":5}}\n", sha256_hex(b"bytes"));
        fs::write(dir.path().join(RECORD), line).unwrap();
        let Err(ArchiveError::Record { line: 1, why, .. }) = Archive::open(dir.path()) else {
            panic!("{name:?} accepted")
        };
        assert_eq!(why, RecordFault::NotAName(name.to_string()));
    }
}

/// A delivery at 00:41 Italian time on 2 December is 23:41 UTC on 1 December: the name
/// carries the certified (Italian) day (review 22).
#[test]
fn a_file_is_named_by_its_italian_certified_day() {
    let mut f = facts();
    f.certified = Some("2026-12-01T23:41:59Z".parse().unwrap());
    assert!(file_stem(&f, "0123456789abcdef0123").starts_with("2026-12-02_"));
    // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July.
    f.certified = Some("2026-06-30T22:30:00Z".parse().unwrap());
    assert!(file_stem(&f, "0123456789abcdef0123").starts_with("2026-07-01_"));
    f.certified = Some("2026-06-30T21:59:00Z".parse().unwrap());
    assert!(file_stem(&f, "0123456789abcdef0123").starts_with("2026-06-30_"));
}
