//! Mail addresses in header values (RFC 5322 §3.4).

/// The address part of `Name <addr>` or a bare address, lower-cased.
pub fn address_of(value: &str) -> String {
    let v = value.trim();
    let inner = match (v.rfind('<'), v.rfind('>')) {
        (Some(a), Some(b)) if a < b => v.get(a + 1..b).unwrap_or(v),
        _ => v,
    };
    inner.trim().trim_matches('"').to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_extracted_from_display_forms() {
        assert_eq!(
            address_of("\"Per conto di: a@b.it\" <Posta-Certificata@PEC.Aruba.it>"),
            "posta-certificata@pec.aruba.it"
        );
        assert_eq!(address_of(" x@y.it "), "x@y.it");
    }
}
