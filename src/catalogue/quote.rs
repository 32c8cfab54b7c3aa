//! How text from mail or the command line is quoted inside an Italian sentence.

/// Mail text quoted the Italian way, «…», a line break shown as ⏎ (Rust's `"…\n"` is
/// programmer's notation; review 16). Other hidden characters are escaped where the line is
/// written.
pub fn guillemets(text: &str) -> String {
    format!("«{}»", text.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎"))
}
