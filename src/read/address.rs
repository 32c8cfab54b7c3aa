//! Mail addresses in header values (RFC 5322 §3.4): a bare `local@domain` read here, anything
//! else by mail-parser's address parser.
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
    // Most values (every provider's From, every daticert address) are a bare address: read
    // here, without the general parser's copy and walk (the same result, tested below).
    if let Some(bare) = bare_address(value) {
        return vec![bare];
    }
    parsed_addresses(value)
}

/// [`addresses`] as mail-parser reads them.
fn parsed_addresses(value: &str) -> Vec<String> {
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

/// A value that is only `local@domain` (surrounding blanks aside), both sides made of
/// letters, digits and `.`, `_`, `+`, `-` (the domain without `_` and `+`): the address,
/// lower-cased. Anything else (a name, brackets, a comment, a list) is left to the parser.
fn bare_address(value: &str) -> Option<String> {
    let value = value.trim_matches([' ', '\t']);
    let (local, domain) = value.split_once('@')?;
    let local_ok = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-');
    let domain_ok = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    let plain = !local.is_empty()
        && !domain.is_empty()
        && local.bytes().all(local_ok)
        && domain.bytes().all(domain_ok);
    plain.then(|| value.to_ascii_lowercase())
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

    proptest::proptest! {
        #[test]
        fn the_bare_address_shortcut_agrees_with_the_parser(
            value in "[ \t]{0,2}[A-Za-z0-9._+-]{0,12}@[A-Za-z0-9.-]{0,12}[ \t]{0,2}",
        ) {
            if let Some(bare) = bare_address(&value) {
                proptest::prop_assert_eq!(vec![bare], parsed_addresses(&value));
            }
        }
    }

    #[test]
    fn the_shortcut_takes_only_bare_addresses() {
        assert_eq!(
            bare_address(" Posta-Certificata@PEC.Aruba.it ").as_deref(),
            Some("posta-certificata@pec.aruba.it")
        );
        for other in [
            "<a@b.it>",
            "a@b.it, c@d.it",
            "Name a@b.it",
            "a@b@c",
            "@b.it",
            "a@",
            "a@b.it (x)",
            "\"a\"@b.it",
        ] {
            assert_eq!(bare_address(other), None, "{other}");
        }
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
