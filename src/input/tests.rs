#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::fs;

use super::*;

#[test]
fn folders_are_walked_for_mail_only() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("a.eml"), b"x").unwrap();
    fs::write(dir.path().join("sub/b.txt"), b"Received: from x\nSubject: y\n\nz").unwrap();
    fs::write(dir.path().join("sub/c.pdf"), b"%PDF-1.4").unwrap();
    let (sources, errors) = expand(&[dir.path().to_path_buf()]);
    assert!(errors.is_empty());
    let names: Vec<String> = sources
        .into_iter()
        .map(|s| match s {
            Source::File(p) => p.file_name().unwrap().to_string_lossy().into_owned(),
            other => other.display_name(),
        })
        .collect();
    assert_eq!(names, ["a.eml", "b.txt"]);
}

/// The compact list gives back every path as the walk found it, in order, including a
/// name that is not UTF-8 (kept as a path of its own) and files of nested folders.
#[cfg(unix)]
#[test]
fn compact_sources_give_back_the_walked_paths_in_order() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let odd = std::ffi::OsStr::from_bytes(b"c\xff.eml");
    for name in [std::ffi::OsStr::new("b.eml"), std::ffi::OsStr::new("a.eml"), odd] {
        fs::write(dir.path().join(name), b"x").unwrap();
    }
    fs::write(dir.path().join("sub/d.eml"), b"x").unwrap();
    fs::write(dir.path().join("z.eml"), b"x").unwrap();
    let (sources, errors) = expand(&[dir.path().to_path_buf()]);
    assert!(errors.is_empty());
    assert_eq!(sources.len(), 5);
    let got: Vec<Source> = sources.into_iter().collect();
    let expected: Vec<Source> = [
        dir.path().join("a.eml"),
        dir.path().join("b.eml"),
        dir.path().join(odd),
        dir.path().join("sub/d.eml"),
        dir.path().join("z.eml"),
    ]
    .into_iter()
    .map(Source::File)
    .collect();
    assert_eq!(got, expected);
    assert!(got.iter().all(|s| matches!(s, Source::File(p) if p.is_file())));
}

#[test]
fn missing_paths_keep_their_place_and_fail_when_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.eml"), b"x").unwrap();
    let missing = dir.path().join("missing.eml");
    let (sources, errors) = expand(&[missing.clone(), dir.path().join("a.eml"), "-".into()]);
    assert_eq!(sources.len(), 3);
    assert!(errors.is_empty());
    let listed: Vec<Source> = sources.into_iter().collect();
    assert_eq!(listed.first(), Some(&Source::File(missing)));
    assert_eq!(listed.get(2), Some(&Source::Stdin));
    assert!(listed.first().is_some_and(|s| s.read(1 << 20).is_err()));
}

#[test]
fn mbox_messages_are_split_and_from_lines_unquoted() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("box.mbox");
    let mbox = b"From a@b Mon Jan  1 00:00:00 2024\nSubject: one\n\n>From here\n>>From there\n\nFrom c@d Mon Jan  1 00:00:00 2024\nSubject: two\n\nbody\n";
    fs::write(&p, mbox).unwrap();
    let items: Vec<Source> =
        stream(vec![Source::File(p.clone())], WalkOptions::default()).map(|r| r.unwrap()).collect();
    assert_eq!(items.len(), 2);
    let Source::Member { name, bytes } = &items[0] else { panic!() };
    assert!(name.ends_with("box.mbox#1"));
    assert_eq!(bytes.as_slice(), b"Subject: one\n\nFrom here\n>From there\n");
    let Source::Member { name, bytes } = &items[1] else { panic!() };
    assert!(name.ends_with("box.mbox#2"));
    assert_eq!(bytes.as_slice(), b"Subject: two\n\nbody\n");
}

/// A writer that leaves no blank line before a separator still writes a whole `From sender
/// date` line: it separates (review 15: the later messages vanished into the first); a body
/// line that merely starts with "From " does not.
#[test]
fn a_separator_without_a_blank_line_before_it_still_separates() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("box.mbox");
    let mbox = b"From a@b Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody\nFrom the desk of Anna\nFrom c@d Tue Feb 13 09:05 +0100 2024\nSubject: two\n\nbody\n";
    fs::write(&p, mbox).unwrap();
    let items: Vec<Source> =
        stream(vec![Source::File(p.clone())], WalkOptions::default()).map(|r| r.unwrap()).collect();
    assert_eq!(items.len(), 2);
    let Source::Member { bytes, .. } = &items[0] else { panic!() };
    assert_eq!(bytes.as_slice(), b"Subject: one\n\nbody\nFrom the desk of Anna\n");
    for line in ["From a@b Mon Jan  1 00:00:00 2024", "From MAILER-DAEMON Tue Dec  1 10:00:00 2026"]
    {
        assert!(container::is_separator_line(line.as_bytes()), "{line}");
    }
    for line in ["From the desk of Anna", "From: a@b", "From a@b Monday", "From a@b Mon Jan 1 2024"]
    {
        assert!(!container::is_separator_line(line.as_bytes()), "{line}");
    }
}

#[test]
fn zip_members_are_named_archive_bang_member() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("export.zip");
    let mut z = zip::ZipWriter::new(fs::File::create(&p).unwrap());
    let o: zip::write::SimpleFileOptions = Default::default();
    z.start_file("a/one.eml", o).unwrap();
    z.write_all(b"Subject: x\n\nhi\n").unwrap();
    z.start_file("notes.pdf", o).unwrap();
    z.write_all(b"%PDF").unwrap();
    z.finish().unwrap();
    let items: Vec<Source> =
        stream(vec![Source::File(p)], WalkOptions { globs: None, max_member_bytes: 1000 })
            .map(|r| r.unwrap())
            .collect();
    assert_eq!(items.len(), 1);
    assert!(items[0].display_name().ends_with("export.zip!a/one.eml"));
}

#[test]
fn maildir_cur_and_new_are_read() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["cur", "new", "tmp"] {
        fs::create_dir(dir.path().join(sub)).unwrap();
    }
    fs::write(dir.path().join("cur/1:2,S"), b"Subject: a\n\nx").unwrap();
    fs::write(dir.path().join("new/2"), b"Subject: b\n\ny").unwrap();
    fs::write(dir.path().join("tmp/3"), b"Subject: c\n\nz").unwrap();
    let (sources, _) = expand(&[dir.path().to_path_buf()]);
    assert_eq!(sources.len(), 2);
}

#[test]
fn oversized_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.eml");
    fs::write(&p, vec![b'a'; 100]).unwrap();
    assert!(matches!(
        Source::File(p).read(10),
        Err(crate::error::Error::LimitExceeded { limit: crate::limits::Limit::InputSize, .. })
    ));
}

/// A file is read from where its path leads when it is read: each file gives its own bytes
/// when folders alternate, and a folder replaced meanwhile is the new one (a handle kept
/// from an earlier file of the folder, to spare resolving the path, would read the old one
/// under the new name); a missing file or folder is the system's "not found".
#[test]
fn files_of_alternating_folders_give_their_own_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for (sub, text) in [("a", "from a"), ("b", "from b")] {
        fs::create_dir(dir.path().join(sub)).unwrap();
        fs::write(dir.path().join(sub).join("x.eml"), text).unwrap();
    }
    let read = |sub: &str| Source::File(dir.path().join(sub).join("x.eml")).read(1000);
    for sub in ["a", "a", "b", "a", "b", "b"] {
        assert_eq!(read(sub).unwrap(), format!("from {sub}").as_bytes());
    }
    // The folder last used is replaced by another of the same name.
    fs::rename(dir.path().join("b"), dir.path().join("old-b")).unwrap();
    fs::create_dir(dir.path().join("b")).unwrap();
    fs::write(dir.path().join("b/x.eml"), "new b").unwrap();
    assert_eq!(read("b").unwrap(), b"new b");
    let missing = |p: std::path::PathBuf| match Source::File(p).read(1000) {
        Err(crate::error::Error::Io(e)) => e.kind(),
        other => panic!("{other:?}"),
    };
    assert_eq!(missing(dir.path().join("a/none.eml")), std::io::ErrorKind::NotFound);
    assert_eq!(missing(dir.path().join("none/x.eml")), std::io::ErrorKind::NotFound);
}

/// peckit's own working files (extract's and archive's temporary files, archive's lock) are
/// not messages: a folder is walked without them, however they look inside.
#[test]
fn working_files_are_not_walked() {
    let dir = tempfile::tempdir().unwrap();
    let mail = b"From: a@b.it\r\nSubject: x\r\n\r\nbody";
    for name in ["a.eml", ".peckit-partial-Xy12", ".peckit-3Fq.tmp", ".peckit-lock"] {
        fs::write(dir.path().join(name), mail).unwrap();
    }
    let (sources, errors) = expand(&[dir.path().to_path_buf()]);
    assert!(errors.is_empty());
    let names: Vec<String> = sources.into_iter().map(|s| s.display_name()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("a.eml"));
}
