//! Italian time (Europe/Rome), from the time-zone database built into peckit: the same rules
//! on every machine, and no scan of the system's zoneinfo folder at start-up (a tenth of a
//! one-file run's time).

use std::sync::LazyLock;

use jiff::Timestamp;
use jiff::tz::{TimeZone, TimeZoneDatabase};

/// The Europe/Rome time zone. The bundled database always has it; UTC stands in only so that
/// a database built without it could not stop a run.
pub fn rome() -> &'static TimeZone {
    static ROME: LazyLock<TimeZone> =
        LazyLock::new(|| TimeZoneDatabase::bundled().get("Europe/Rome").unwrap_or(TimeZone::UTC));
    &ROME
}

/// `t` in Italian time, RFC 3339 with the offset in force then.
pub fn rome_rfc3339(t: Timestamp) -> String {
    t.to_zoned(rome().clone()).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rome_follows_summer_time() {
        let winter: Timestamp = "2026-01-15T12:00:00Z".parse().unwrap();
        let summer: Timestamp = "2026-07-15T12:00:00Z".parse().unwrap();
        assert_eq!(rome_rfc3339(winter), "2026-01-15T13:00:00+01:00");
        assert_eq!(rome_rfc3339(summer), "2026-07-15T14:00:00+02:00");
    }
}
