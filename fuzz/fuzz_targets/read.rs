//! The MIME reader and the whole verification pipeline on arbitrary bytes; then again on the
//! bytes mapped to an RFC 822-like alphabet, which reaches deeper parser states (mail-parser's
//! fuzzing trick).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    peckit::fuzzing::read_and_verify(data);
    let mapped: Vec<u8> = data
        .iter()
        .map(|b| b"ab:=-_ \r\n-\t<>;\"/@.01".get(usize::from(*b) % 21).copied().unwrap_or(b'a'))
        .collect();
    peckit::fuzzing::read_and_verify(&mapped);
});
