//! MIME reading: exact ranges, limits, odd boundaries.
#![allow(clippy::indexing_slicing)]

use super::*;

#[test]
fn headers_unfold_and_match_case_insensitively() {
    let raw = b"X-TipoRicevuta: completa\r\nSubject: a\r\n  b\r\n\r\nbody";
    let (h, body) = parse_header_block(raw, 0, raw.len());
    assert_eq!(h.get("x-tiporicevuta"), Some("completa"));
    assert_eq!(h.get("SUBJECT"), Some("a b"));
    assert_eq!(&raw[body..], b"body");
}

#[test]
fn content_type_params_quoted_and_unquoted() {
    let ct = ContentType::parse(
        "multipart/signed; protocol=\"application/x-pkcs7-signature\"; micalg=sha1; boundary=\"--a;b\"",
    );
    assert_eq!(ct.mime, "multipart/signed");
    assert_eq!(ct.param("protocol"), Some("application/x-pkcs7-signature"));
    assert_eq!(ct.param("micalg"), Some("sha1"));
    assert_eq!(ct.param("boundary"), Some("--a;b"));
    // Names are case-insensitive; a repeated parameter: the last one counts.
    let ct = ContentType::parse(r#"Text/Plain; Charset=UTF-8; NAME="a \"b\""; charset="latin1""#);
    assert_eq!(ct.mime, "text/plain");
    // Common types and others alike come out lower-cased, whatever their case.
    assert_eq!(ContentType::parse(" MULTIPART/Signed ").mime, "multipart/signed");
    assert_eq!(ContentType::parse("Application/X-Peckit-Test").mime, "application/x-peckit-test");
    assert_eq!(ContentType::parse_disposition("ATTACHMENT; filename=a").mime, "attachment");
    assert_eq!(ct.param("charset"), Some("latin1"));
    assert_eq!(ct.param("name"), Some("a \"b\""));
    assert_eq!(
        ct.params.iter().map(|(k, _)| k).collect::<Vec<_>>(),
        ["charset", "name", "charset"]
    );
}

#[test]
fn split_excludes_the_line_break_before_the_delimiter() {
    for eol in ["\r\n", "\n"] {
        let body = format!("pre{eol}--B{eol}part one{eol}{eol}--B  {eol}two{eol}--B--{eol}epi");
        let raw = body.as_bytes();
        let split = split_multipart(raw, 0..raw.len(), "B");
        assert!(split.closed);
        let parts: Vec<&[u8]> = split.parts.iter().map(|r| &raw[r.clone()]).collect();
        assert_eq!(parts, [format!("part one{eol}").as_bytes(), b"two"]);
    }
}

#[test]
fn delimiter_must_start_a_line_and_carry_only_padding() {
    let raw = b"--B\nx --B not\n--Bxyz\n--B--\n";
    let split = split_multipart(raw, 0..raw.len(), "B");
    assert_eq!(split.parts.len(), 1);
    assert_eq!(&raw[split.parts[0].clone()], b"x --B not\n--Bxyz");
}

#[test]
fn unterminated_multipart_runs_to_the_end() {
    let raw = b"--B\nonly part";
    let split = split_multipart(raw, 0..raw.len(), "B");
    assert!(!split.closed);
    assert_eq!(&raw[split.parts[0].clone()], b"only part");
}

#[test]
fn huge_header_blocks_are_refused_before_parsing() {
    let mut raw = b"Subject: ".to_vec();
    raw.extend(std::iter::repeat_n(b'a', 5_000_000));
    raw.extend_from_slice(b"\n\nbody");
    let limits = Limits { max_header_bytes: 1024 * 1024, ..Limits::default() };
    assert_eq!(
        parse_entity(&raw, 0..raw.len(), &limits).unwrap_err(),
        StructureLimit::Header(1024 * 1024)
    );
    let small = b"Subject: x\n\nbody";
    assert!(parse_entity(small, 0..small.len(), &limits).is_ok());
}

#[test]
fn nesting_depth_is_bounded() {
    let mut raw = String::new();
    for i in 0..100 {
        raw.push_str(&format!("Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n"));
    }
    let limits = Limits { max_mime_depth: 10, ..Limits::default() };
    let err = parse_entity(raw.as_bytes(), 0..raw.len(), &limits).unwrap_err();
    assert_eq!(err, StructureLimit::Depth(10));
}

/// The byte-at-a-time splitter the jumping one replaced: the oracle it is held to.
fn split_params_by_byte(value: &str) -> Vec<&str> {
    let (mut out, mut start, mut in_quotes, mut escaped) = (Vec::new(), 0, false, false);
    for (i, b) in value.bytes().enumerate() {
        if escaped {
            escaped = false;
            continue;
        }
        match b {
            b'\\' if in_quotes => escaped = true,
            b'"' => in_quotes = !in_quotes,
            b';' if !in_quotes => {
                out.push(&value[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&value[start..]);
    out
}

proptest::proptest! {
    #[test]
    fn parameters_split_as_byte_by_byte(
        value in proptest::collection::vec(
            proptest::sample::select(vec!["a", ";", "\"", "\\", "=", " ", "è", "b;c", "\\\""]),
            0..24,
        )
    ) {
        let value = value.concat();
        proptest::prop_assert_eq!(split_params(&value).collect::<Vec<_>>(), split_params_by_byte(&value));
    }
}

/// The splitter before line starts were searched for: a searcher for the whole delimiter,
/// kept as the oracle the faster one is held to.
fn split_multipart_by_delimiter(raw: &[u8], body: Range<usize>, boundary: &str) -> MultipartSplit {
    let delimiter = [b"--", boundary.as_bytes()].concat();
    let finder = memchr::memmem::Finder::new(&delimiter);
    let region = &raw[body.clone()];
    let (mut parts, mut open, mut closed, mut search_from) = (Vec::new(), None, false, 0);
    let mut epilogue = None;
    while let Some(rel) = finder.find(&region[search_from..]) {
        let at = search_from + rel;
        search_from = at + delimiter.len();
        if !(at == 0 || region[at - 1] == b'\n') {
            continue;
        }
        let is_close = region[at + delimiter.len()..].starts_with(b"--");
        let rest_start = at + delimiter.len() + if is_close { 2 } else { 0 };
        let (line_content_end, next_line) = line_end(region, rest_start);
        if !region[rest_start..line_content_end].iter().all(|&b| b == b' ' || b == b'\t') {
            continue;
        }
        if let Some(start) = open.take() {
            let mut end = at;
            if end > start && region[end - 1] == b'\n' {
                end -= 1;
                if end > start && region[end - 1] == b'\r' {
                    end -= 1;
                }
            }
            parts.push(body.start + start..body.start + end.max(start));
        }
        if is_close {
            closed = true;
            epilogue = Some(body.start + next_line.min(region.len())..body.end);
            break;
        }
        open = Some(next_line);
        search_from = search_from.max(next_line);
    }
    if let Some(start) = open {
        parts.push(body.start + start..body.end);
    }
    MultipartSplit { parts, closed, epilogue }
}

proptest::proptest! {
    #[test]
    fn multipart_splits_as_by_whole_delimiter(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "--b", "--b--", "--bb", "\n", "\r\n", "x", " ", "\t", "-", "--", "b", "\n--b\n",
            ]),
            0..30,
        ),
        skip in 0usize..4,
    ) {
        let raw = pieces.concat().into_bytes();
        let start = skip.min(raw.len());
        proptest::prop_assert_eq!(
            split_multipart(&raw, start..raw.len(), "b"),
            split_multipart_by_delimiter(&raw, start..raw.len(), "b")
        );
    }
}
