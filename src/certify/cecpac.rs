//! CEC-PAC addresses (`@postacertificata.gov.it`), docs/pec-spec.md §5.1.
//!
//! The government's free citizen–PA boxes (DPCM 6 May 2009) were shut down in steps: no
//! sending from 18 March 2015, no reception from 18 July 2015, no access at all from
//! 18 September 2015. A message dated after a step that involves such an address in the
//! role that step closed cannot be what it claims.
#![deny(clippy::indexing_slicing)]

use std::sync::LazyLock;

use jiff::Timestamp;

use crate::finding::{CecPacClosure, CecPacWarning};
use crate::read::address::sole_address;

/// The CEC-PAC mail domain.
pub const DOMAIN: &str = "postacertificata.gov.it";

/// The role an address plays in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The sender (mittente).
    Sender,
    /// A recipient (destinatari, consegna).
    Recipient,
}

/// Midnight in Rome at the start of that day (each date is computed once: these are read
/// for every artefact of a batch).
fn rome_midnight(y: i16, m: i8, d: i8) -> Timestamp {
    jiff::civil::date(y, m, d)
        .to_zoned(crate::italy::rome().clone())
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// From this instant CEC-PAC boxes could no longer send (18 March 2015, Europe/Rome).
pub fn no_sending_from() -> Timestamp {
    static AT: LazyLock<Timestamp> = LazyLock::new(|| rome_midnight(2015, 3, 18));
    *AT
}

/// From this instant CEC-PAC boxes could no longer receive (18 July 2015).
pub fn no_reception_from() -> Timestamp {
    static AT: LazyLock<Timestamp> = LazyLock::new(|| rome_midnight(2015, 7, 18));
    *AT
}

/// From this instant CEC-PAC boxes could not even be opened (18 September 2015).
pub fn no_access_from() -> Timestamp {
    static AT: LazyLock<Timestamp> = LazyLock::new(|| rome_midnight(2015, 9, 18));
    *AT
}

/// The address (of a bare or `Name <addr>` value), when it is a CEC-PAC one. Most addresses are not, and say so without being
/// parsed: the domain does not occur in them.
fn cecpac_address(value: &str) -> Option<String> {
    let mentions_domain =
        value.as_bytes().windows(DOMAIN.len()).any(|w| w.eq_ignore_ascii_case(DOMAIN.as_bytes()));
    if !mentions_domain {
        return None;
    }
    sole_address(value).filter(|a| {
        a.rsplit_once('@').is_some_and(|(_, domain)| domain.eq_ignore_ascii_case(DOMAIN))
    })
}

/// A warning when a CEC-PAC address appears, in `role`, in a message dated `at` after the
/// service stopped doing what that role needs.
pub fn cecpac_warning(address: &str, role: Role, at: Timestamp) -> Option<CecPacWarning> {
    let closure = if at >= no_access_from() {
        CecPacClosure::Closed
    } else {
        match role {
            Role::Recipient if at >= no_reception_from() => CecPacClosure::NoReception,
            Role::Sender if at >= no_sending_from() => CecPacClosure::NoSending,
            _ => return None,
        }
    };
    let address = cecpac_address(address)?;
    // The day in Rome, as the closures are: the UTC day of 23:30 on 17 July in Rome read
    // "on 2015-07-17 it could no longer receive (no reception from 18 July)" (review 15).
    let day = at.to_zoned(crate::italy::rome().clone()).strftime("%Y-%m-%d").to_string();
    Some(CecPacWarning { address, day, closure })
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn recognises_the_domain_in_any_form() {
        assert!(cecpac_address("mario.rossi@postacertificata.gov.it").is_some());
        assert_eq!(
            cecpac_address("\"Mario\" <Mario@PostaCertificata.Gov.It>").as_deref(),
            Some("mario@postacertificata.gov.it")
        );
        assert!(cecpac_address("\"x@postacertificata.gov.it\" <x@pec.it>").is_none());
        assert!(cecpac_address("x@pec.postacertificata.gov.it.example").is_none());
        assert!(cecpac_address("x@pec.it").is_none());
    }

    #[test]
    fn closure_boundaries_in_rome_time() {
        let a = "c@postacertificata.gov.it";
        // 17 July 2015 23:59 Rome (CEST, +02:00) is 21:59Z: still receiving.
        assert_eq!(cecpac_warning(a, Role::Recipient, at("2015-07-17T21:59:00Z")), None);
        assert!(cecpac_warning(a, Role::Recipient, at("2015-07-17T22:00:00Z")).is_some());
        // Sending stopped on 18 March 2015 (CET, +01:00).
        assert_eq!(cecpac_warning(a, Role::Sender, at("2015-03-17T22:59:59Z")), None);
        assert!(cecpac_warning(a, Role::Sender, at("2015-03-17T23:00:00Z")).is_some());
        // The day said is Rome's, as the closures are: 00:30 on 18 July there.
        let w = cecpac_warning(a, Role::Recipient, at("2015-07-17T22:30:00Z")).unwrap();
        assert_eq!(w.day, "2015-07-18");
        // A recipient between March and July could still receive.
        assert_eq!(cecpac_warning(a, Role::Recipient, at("2015-05-01T10:00:00Z")), None);
        // After 18 September 2015 nothing worked, whatever the role.
        let w = cecpac_warning(a, Role::Sender, at("2015-09-18T10:00:00Z")).unwrap();
        assert_eq!(w.closure, CecPacClosure::Closed);
        assert!(w.text(crate::catalogue::Lang::En).contains("no access"));
        assert!(w.text(crate::catalogue::Lang::It).contains("nessun accesso"));
        assert_eq!(cecpac_warning("x@pec.it", Role::Recipient, at("2020-01-01T00:00:00Z")), None);
    }
}
