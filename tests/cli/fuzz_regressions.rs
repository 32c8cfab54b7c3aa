//! Replays the fuzz seeds and every past crash through the fuzz targets' entry functions, so
//! the stable test suite keeps what fuzzing found fixed (fuzz/README.md).

use crate::common::*;

#[test]
fn seeds_and_past_crashes_replay_without_panicking() {
    let mut replayed = 0;
    for dir in ["seeds", "regressions"] {
        for target in ["read", "daticert", "cms", "names", "containers", "xades"] {
            let Ok(entries) = std::fs::read_dir(root().join("fuzz").join(dir).join(target)) else {
                continue;
            };
            for entry in entries {
                let data = std::fs::read(entry.unwrap().path()).unwrap();
                match target {
                    "read" => peckit::fuzzing::read_and_verify(&data),
                    "daticert" => peckit::fuzzing::daticert(&data),
                    "cms" => peckit::fuzzing::cms(&data),
                    "containers" => peckit::fuzzing::containers(&data),
                    "xades" => peckit::fuzzing::xades(&data),
                    _ => peckit::fuzzing::names(&data),
                }
                replayed += 1;
            }
        }
    }
    assert!(replayed >= 20, "only {replayed} inputs replayed");
}
