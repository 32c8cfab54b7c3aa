//! Container splitting (mbox and zip, in memory) on arbitrary bytes: members stay within the
//! size limit and splitting never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    peckit::fuzzing::containers(data);
});
