//! Mail addresses in header values (RFC 5322 §3.4), read by mail-parser's address parser.
//!
//! Only the address itself identifies anyone: a display name can say anything (even
//! `"evil@x.it" <real@y.it>` or an encoded word that decodes to `Name <evil@x.it>`), so it is
//! dropped. Values are read as written in the header, before any decoding of encoded words.

use mail_parser::HeaderValue;
use mail_parser::parsers::MessageStream;

/// Every address of an address-list header value, lower-cased, groups flattened. A value
/// mail-parser cannot read to its end, or an "address" that is not `local@domain` (one `@`,
/// no white space), gives nothing for that part rather than a guess.
pub fn addresses(value: &str) -> Vec<String> {
    // mail-parser reads a header value up to its line end.
    let text = format!("{}\n", value.trim_end());
    let mut stream = MessageStream::new(text.as_bytes());
    let HeaderValue::Address(address) = stream.parse_address() else { return Vec::new() };
    if stream.offset() < text.len() {
        return Vec::new(); // an unfolded line break: the rest would be silently lost
    }
    address
        .iter()
        .filter_map(|a| a.address())
        .map(|a| a.trim().to_ascii_lowercase())
        .filter(|a| is_plain_address(a))
        .collect()
}

/// The one address of a mailbox header value (`From`, a daticert address); `None` unless
/// there is exactly one.
pub fn sole_address(value: &str) -> Option<String> {
    let mut all = addresses(value);
    if all.len() == 1 { all.pop() } else { None }
}

/// `local@domain` with one `@`, something on each side, and no white space or controls.
fn is_plain_address(a: &str) -> bool {
    let mut parts = a.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !a.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_not_the_display_name_is_taken() {
        assert_eq!(
            sole_address("\"Per conto di: a@b.it\" <Posta-Certificata@PEC.Aruba.it>").as_deref(),
            Some("posta-certificata@pec.aruba.it")
        );
        assert_eq!(sole_address(" x@y.it ").as_deref(), Some("x@y.it"));
        assert_eq!(sole_address("\"evil@x.it\" <real@y.it>").as_deref(), Some("real@y.it"));
        assert_eq!(
            sole_address("=?UTF-8?B?TWFyaW8gPGV2aWxAeC5pdD4=?= <real@y.it>").as_deref(),
            Some("real@y.it"),
            "an encoded name that decodes to an address stays a name"
        );
    }

    #[test]
    fn lists_and_groups_are_flattened_and_garbage_gives_nothing() {
        assert_eq!(addresses("a@b.it, \"x, y\" <C@d.it>"), ["a@b.it", "c@d.it"]);
        assert_eq!(addresses("Gruppo: a@b.it, c@d.it;"), ["a@b.it", "c@d.it"]);
        assert_eq!(sole_address("a@b.it, c@d.it"), None, "two senders are no sender");
        assert_eq!(sole_address(""), None);
        assert_eq!(sole_address("no-at-sign"), None);
        assert_eq!(sole_address("<a@b.it> <c@d.it>"), None, "merged by the parser: refused");
        assert_eq!(sole_address("a@b.it c@d.it"), None);
        assert_eq!(sole_address("a@b.it\nBcc: c@d.it"), None, "an unfolded line break");
    }
}
