//! A byte-exact MIME structure reader.
//!
//! It finds header blocks, Content-Type parameters and multipart boundaries on the raw bytes
//! and records offsets; it never decodes or re-serialises a part. Signature checks need the
//! exact bytes of the signed entity (RFC 1847 §2.1), so every range here indexes the input.
//! Decoding of leaf bodies (transfer encodings, charsets, RFC 2047/2231 names) is left to
//! [`super::decode`].
//!
//! Accepts CRLF, bare LF and mixtures of both (docs/crypto-notes.md P2): stored PEC files are often
//! LF-only while the signature was computed over CRLF.
#![deny(clippy::indexing_slicing)]

use std::borrow::Cow;
use std::ops::Range;

use crate::limits::Limits;

/// Name/value pairs kept in one string as ranges, so that a whole header block, or all the
/// parameters of a field, cost two allocations instead of two per pair.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Fields {
    text: String,
    /// (name, value) ranges into `text`, in order of appearance.
    ranges: Vec<(Range<usize>, Range<usize>)>,
}

impl Fields {
    fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.ranges.iter().map(|(name, value)| {
            (self.text.get(name.clone()).unwrap_or(""), self.text.get(value.clone()).unwrap_or(""))
        })
    }

    /// The values of the fields whose name (as bytes) satisfies `wanted`, in order; only
    /// those values are sliced out.
    fn values_where<'a, F: Fn(&[u8]) -> bool>(
        &'a self,
        wanted: F,
    ) -> impl Iterator<Item = &'a str> + use<'a, F> {
        let text = self.text.as_bytes();
        self.ranges
            .iter()
            .filter(move |(name, _)| text.get(name.clone()).is_some_and(&wanted))
            .map(|(_, value)| self.text.get(value.clone()).unwrap_or(""))
    }

    /// Appends a pair, each part written to the text by its closure.
    fn push(
        &mut self,
        write_name: impl FnOnce(&mut String),
        write_value: impl FnOnce(&mut String),
    ) {
        let name_start = self.text.len();
        write_name(&mut self.text);
        let value_start = self.text.len();
        write_value(&mut self.text);
        self.ranges.push((name_start..value_start, value_start..self.text.len()));
    }
}

/// A header block in order of appearance: names as written (compare case-insensitively:
/// Aruba writes `X-Tiporicevuta`) and unfolded values with surrounding white space trimmed,
/// not RFC 2047-decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers(Fields);

impl Headers {
    /// The fields in order, as (name, value).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter()
    }

    /// First value of a field, by case-insensitive name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.values_where(|n| n.eq_ignore_ascii_case(name.as_bytes())).next()
    }

    /// All values of a field, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.values_where(move |n| n.eq_ignore_ascii_case(name.as_bytes()))
    }

    fn push(&mut self, name: &str, value: &str) {
        self.0.push(|text| text.push_str(name), |text| text.push_str(value));
    }

    /// Appends a continuation line to the last field's value (it ends the text).
    fn continue_last(&mut self, more: &str) -> bool {
        let fields = &mut self.0;
        let Some((_, value)) = fields.ranges.last_mut() else { return false };
        fields.text.push(' ');
        fields.text.push_str(more);
        value.end = fields.text.len();
        true
    }

    /// The parsed Content-Type, defaulting to `text/plain` (RFC 2045 §5.2).
    pub fn content_type(&self) -> ContentType {
        self.get("content-type").map(ContentType::parse).unwrap_or_default()
    }

    /// The Content-Transfer-Encoding, lower-cased, if present.
    pub fn transfer_encoding(&self) -> Option<String> {
        self.get("content-transfer-encoding").map(|v| v.trim().to_ascii_lowercase())
    }
}

/// The parameters of a Content-Type or Content-Disposition: lower-cased names and unquoted
/// values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Fields);

impl Params {
    /// A parameter by lower-case name; when it is repeated, the last one counts.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.values_where(|n| n == name.as_bytes()).last()
    }

    /// The parameters in order of appearance, as (name, value).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter()
    }

    fn push(&mut self, name: &str, raw_value: &str) {
        self.0.push(
            |text| {
                let start = text.len();
                text.push_str(name);
                if let Some(added) = text.get_mut(start..) {
                    added.make_ascii_lowercase();
                }
            },
            |text| unquote_into(text, raw_value),
        );
    }
}

/// A parsed Content-Type value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentType {
    /// `type/subtype`, lower-cased (borrowed when it is one of the types PEC mail uses).
    pub mime: Cow<'static, str>,
    /// Parameters with lower-cased names; quoted values unquoted.
    pub params: Params,
}

impl Default for ContentType {
    fn default() -> Self {
        ContentType { mime: Cow::Borrowed("text/plain"), params: Params::default() }
    }
}

impl ContentType {
    /// Parses `type/subtype; name=value; name="quoted value"`.
    pub fn parse(value: &str) -> ContentType {
        let mut ct = ContentType::parse_value(value);
        if !ct.mime.contains('/') {
            ct.mime = Cow::Borrowed("text/plain");
        }
        ct
    }

    /// A parameter by lower-case name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name)
    }

    /// Whether this is any `multipart/*`.
    pub fn is_multipart(&self) -> bool {
        self.mime.starts_with("multipart/")
    }
}

/// Splits on `;` outside double quotes (a backslash escapes the next character inside).
fn split_params(value: &str) -> impl Iterator<Item = &str> {
    let bytes = value.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        // Jumps from one `;` or `"` to the next; inside quotes, from one `"` or `\` to the
        // next. ';', '"' and '\' are ASCII, so every slice ends on character boundaries.
        let mut at = start;
        while let Some(found) = bytes.get(at..).and_then(|rest| memchr::memchr2(b';', b'"', rest)) {
            let i = at + found;
            if bytes.get(i) == Some(&b';') {
                let piece = value.get(start..i).unwrap_or_default();
                start = i + 1;
                return Some(piece);
            }
            // An opening quote: find its closing one, skipping escaped characters.
            let mut j = i + 1;
            loop {
                match bytes.get(j..).and_then(|rest| memchr::memchr2(b'"', b'\\', rest)) {
                    Some(k) if bytes.get(j + k) == Some(&b'\\') => j += k + 2,
                    Some(k) => {
                        at = j + k + 1;
                        break;
                    }
                    None => {
                        // Unclosed: the rest of the value is quoted.
                        at = bytes.len();
                        break;
                    }
                }
            }
        }
        done = true;
        Some(value.get(start..).unwrap_or_default())
    })
}

/// Appends `v` to `out`, without its surrounding double quotes and with backslash escapes
/// resolved when it is quoted.
fn unquote_into(out: &mut String, v: &str) {
    match v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(inner) if !inner.contains('\\') => out.push_str(inner),
        Some(inner) => {
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    if let Some(n) = chars.next() {
                        out.push(n);
                    }
                } else {
                    out.push(c);
                }
            }
        }
        None => out.push_str(v),
    }
}

/// Position of the end of the line starting at `from`: (index of the line break, index after it).
fn line_end(raw: &[u8], from: usize) -> (usize, usize) {
    match raw.get(from..).and_then(|rest| memchr::memchr(b'\n', rest)) {
        Some(i) => {
            let nl = from + i;
            let start = if nl > from && raw.get(nl - 1) == Some(&b'\r') { nl - 1 } else { nl };
            (start, nl + 1)
        }
        None => (raw.len(), raw.len()),
    }
}

/// Parses the header block at `raw[start..end]`.
///
/// Returns the fields and the offset where the body starts (after the empty line), or `end`
/// when there is no empty line. A line that is neither a field nor a continuation ends the
/// block too (the body then starts at that line), as lenient readers do.
pub fn parse_header_block(raw: &[u8], start: usize, end: usize) -> (Headers, usize) {
    let raw = raw.get(..end).unwrap_or(raw);
    // Room for a typical block at once (the text grows by doubling past it).
    let mut headers = Headers(Fields {
        text: String::with_capacity(end.saturating_sub(start).min(1024)),
        ranges: Vec::with_capacity(8),
    });
    let mut pos = start;
    while pos < raw.len() {
        let (content_end, next) = line_end(raw, pos);
        let line = raw.get(pos..content_end).unwrap_or_default();
        if line.is_empty() {
            return (headers, next);
        }
        let first = line.first().copied().unwrap_or(b' ');
        if first == b' ' || first == b'\t' {
            if headers.continue_last(text(line).trim()) {
                pos = next;
                continue;
            }
            return (headers, pos);
        }
        match field_colon(line) {
            Some(colon) => {
                // One UTF-8 check for the line; the name is ASCII, so the colon is a
                // character boundary.
                let line = text(line);
                let (name, value) = line.split_at_checked(colon).unwrap_or((&line, ":"));
                headers.push(name.trim_end(), value.get(1..).unwrap_or_default().trim());
            }
            _ => return (headers, pos),
        }
        pos = next;
    }
    (headers, raw.len())
}

/// Header bytes as text: borrowed when they are UTF-8 (nearly always: headers are ASCII).
fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Where the colon of a header field line is, when the line starts with an RFC 5322 §3.6.8
/// field name: printable ASCII except colon (trailing blanks tolerated).
fn field_colon(line: &[u8]) -> Option<usize> {
    let colon = memchr::memchr(b':', line)?;
    let name = line.get(..colon)?.trim_ascii_end();
    let is_name = !name.is_empty() && name.iter().all(|&b| (33..=126).contains(&b) && b != b':');
    is_name.then_some(colon)
}

/// Whether `raw` starts like an RFC 5322 message: a field line first (within 64 KiB).
pub fn looks_like_mail(raw: &[u8]) -> bool {
    let head = raw.get(..raw.len().min(64 * 1024)).unwrap_or(raw);
    let (line_end, _) = line_end(head, 0);
    field_colon(head.get(..line_end).unwrap_or_default()).is_some()
}

/// The parts of a multipart body, as byte ranges of the input (RFC 2046 §5.1.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultipartSplit {
    /// Each body part: from after the delimiter line's line break to before the line break
    /// that precedes the next delimiter (that line break belongs to the delimiter).
    pub parts: Vec<Range<usize>>,
    /// Whether the close delimiter `--boundary--` was found.
    pub closed: bool,
    /// What follows the close delimiter's line (RFC 2046 §5.1.1: the epilogue, which readers
    /// ignore), when it was found.
    pub epilogue: Option<Range<usize>>,
}

/// Where the first line at or after `from` that starts with "--" starts. Delimiters start
/// lines: one searcher for those lines, built once, then a comparison, costs less than
/// building a searcher for each boundary.
fn line_starting_with_dashes(region: &[u8], from: usize) -> Option<usize> {
    static LINE_DASHES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"\n--"));
    if from == 0 && region.starts_with(b"--") {
        return Some(0);
    }
    // The line break before the line belongs to the match: search from just before `from`.
    let before = from.saturating_sub(1);
    Some(before + LINE_DASHES.find(region.get(before..)?)? + 1)
}

/// Finds the body parts of a multipart entity whose body is `raw[body]`.
pub fn split_multipart(raw: &[u8], body: Range<usize>, boundary: &str) -> MultipartSplit {
    let boundary = boundary.as_bytes();
    // "--" then the boundary: the line found starts with "--" already.
    let delimiter_len = boundary.len() + 2;
    let region = raw.get(body.clone()).unwrap_or_default();
    let mut parts = Vec::new();
    let mut open: Option<usize> = None;
    let mut closed = false;
    let mut epilogue = None;
    let mut search_from = 0;
    while let Some(at) = line_starting_with_dashes(region, search_from) {
        search_from = at + 1;
        if !region.get(at + 2..).is_some_and(|line| line.starts_with(boundary)) {
            continue;
        }
        let after = region.get(at + delimiter_len..).unwrap_or_default();
        let is_close = after.starts_with(b"--");
        // The rest of the line may hold only transport padding (RFC 2046 §5.1.1).
        let rest_start = at + delimiter_len + if is_close { 2 } else { 0 };
        let (line_content_end, next_line) = line_end(region, rest_start);
        let padding = region.get(rest_start..line_content_end).unwrap_or_default();
        if !padding.iter().all(|&b| b == b' ' || b == b'\t') {
            continue;
        }
        if let Some(start) = open.take() {
            // The line break before the delimiter belongs to the delimiter.
            let mut end = at;
            if end > start && region.get(end - 1) == Some(&b'\n') {
                end -= 1;
                if end > start && region.get(end - 1) == Some(&b'\r') {
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

/// One MIME entity with its offsets into the buffer it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The whole entity: header block and body.
    pub range: Range<usize>,
    /// Where the body starts.
    pub body_start: usize,
    /// The entity's header fields.
    pub headers: Headers,
    /// Parsed Content-Type.
    pub content_type: ContentType,
    /// Parsed Content-Disposition, if present.
    pub disposition: Option<ContentType>,
    /// Children for `multipart/*`; empty otherwise (message/rfc822 is a leaf here).
    pub children: Vec<Entity>,
    /// For multipart: whether the close delimiter was present.
    pub closed: bool,
    /// For multipart: the bytes after the close delimiter's line (the epilogue).
    pub epilogue: Option<Range<usize>>,
}

impl Entity {
    /// A leaf entity from its parsed header block (Content-Type and Content-Disposition
    /// read once, here).
    pub fn new(range: Range<usize>, body_start: usize, headers: Headers) -> Entity {
        let content_type = headers.content_type();
        let disposition = headers.get("content-disposition").map(ContentType::parse_disposition);
        Entity {
            range,
            body_start,
            headers,
            content_type,
            disposition,
            children: Vec::new(),
            closed: true,
            epilogue: None,
        }
    }

    /// The body range.
    pub fn body(&self) -> Range<usize> {
        self.body_start..self.range.end
    }

    /// The leaf entities (not multipart) in document order, each with its dotted MIME path
    /// ("1.2.1"), taking this entity as "1".
    pub fn leaves(&self) -> Vec<(&Entity, String)> {
        let mut out = Vec::new();
        let mut stack = vec![(self, "1".to_string())];
        while let Some((entity, path)) = stack.pop() {
            if !entity.children.is_empty() || entity.content_type.is_multipart() {
                for (i, child) in entity.children.iter().enumerate().rev() {
                    stack.push((child, format!("{path}.{}", i + 1)));
                }
            } else {
                out.push((entity, path));
            }
        }
        out
    }

    /// Whether Content-Disposition says `attachment` (its value starts with the word).
    pub fn is_attachment(&self) -> bool {
        self.disposition.as_ref().is_some_and(|d| d.mime.starts_with("attachment"))
    }

    /// The file name from Content-Disposition `filename` or Content-Type `name`, raw.
    pub fn raw_file_name(&self) -> Option<&str> {
        self.disposition
            .as_ref()
            .and_then(|d| d.param("filename"))
            .or_else(|| self.content_type.param("name"))
    }
}

impl ContentType {
    /// Parses a Content-Disposition value with the same parameter grammar.
    pub fn parse_disposition(value: &str) -> ContentType {
        ContentType::parse_value(value)
    }

    /// `token; name=value; ...` with the token lower-cased as it is.
    fn parse_value(value: &str) -> ContentType {
        let mut pieces = split_params(value);
        let first = pieces.next().unwrap_or_default();
        let token = first.trim();
        let mime = match COMMON_TOKENS.iter().find(|known| known.eq_ignore_ascii_case(token)) {
            Some(known) => Cow::Borrowed(*known),
            None => Cow::Owned(token.to_ascii_lowercase()),
        };
        let mut params = Params::default();
        // Room for all the parameters at once: they never grow past the value's length.
        if value.len() > first.len() + 1 {
            params.0.text.reserve(value.len() - first.len());
            params.0.ranges.reserve(4);
        }
        for piece in pieces {
            if let Some((k, v)) = piece.split_once('=') {
                params.push(k.trim(), v.trim());
            }
        }
        ContentType { mime, params }
    }
}

/// The types and dispositions of PEC mail, kept without a copy each time they are read.
const COMMON_TOKENS: [&str; 18] = [
    "text/plain",
    "text/html",
    "text/xml",
    "multipart/mixed",
    "multipart/signed",
    "multipart/alternative",
    "multipart/related",
    "multipart/report",
    "application/xml",
    "application/x-pkcs7-signature",
    "application/pkcs7-signature",
    "application/pkcs7-mime",
    "application/x-pkcs7-mime",
    "application/octet-stream",
    "application/pdf",
    "message/rfc822",
    "attachment",
    "inline",
];

/// Why the structure could not be read within the budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StructureLimit {
    /// Multipart nesting deeper than [`Limits::max_mime_depth`].
    Depth(usize),
    /// More parts than [`Limits::max_parts`].
    Parts(usize),
    /// A header block longer than [`Limits::max_header_bytes`].
    Header(usize),
}

/// Whether the header block starting at `start` ends (with an empty line) within `cap` bytes.
fn header_fits(raw: &[u8], start: usize, end: usize, cap: usize) -> bool {
    let window_end = end.min(start.saturating_add(cap).saturating_add(4));
    let window = raw.get(start..window_end).unwrap_or_default();
    if window_end == end {
        return true;
    }
    // Searched line by line: a substring searcher costs more to build than this scan, which
    // stops at the block's end, a few lines in.
    window.starts_with(b"\n")
        || window.starts_with(b"\r\n")
        || memchr::memchr_iter(b'\n', window)
            .any(|nl| matches!(window.get(nl + 1..), Some([b'\n', ..] | [b'\r', b'\n', ..])))
}

/// Reads the MIME tree of the entity at `raw[range]`.
pub fn parse_entity(
    raw: &[u8],
    range: Range<usize>,
    limits: &Limits,
) -> Result<Entity, StructureLimit> {
    let mut budget = limits.max_parts;
    parse_entity_inner(raw, range, 0, limits, &mut budget)
}

fn parse_entity_inner(
    raw: &[u8],
    range: Range<usize>,
    depth: usize,
    limits: &Limits,
    budget: &mut usize,
) -> Result<Entity, StructureLimit> {
    if depth > limits.max_mime_depth {
        return Err(StructureLimit::Depth(limits.max_mime_depth));
    }
    if *budget == 0 {
        return Err(StructureLimit::Parts(limits.max_parts));
    }
    *budget -= 1;
    if !header_fits(raw, range.start, range.end, limits.max_header_bytes) {
        return Err(StructureLimit::Header(limits.max_header_bytes));
    }
    let (headers, body_start) = parse_header_block(raw, range.start, range.end);
    let mut entity = Entity::new(range, body_start, headers);
    if entity.content_type.is_multipart()
        && let Some(boundary) = entity.content_type.param("boundary").filter(|b| !b.is_empty())
    {
        let split = split_multipart(raw, body_start..entity.range.end, boundary);
        entity.closed = split.closed;
        entity.epilogue = split.epilogue;
        for part in split.parts {
            entity.children.push(parse_entity_inner(raw, part, depth + 1, limits, budget)?);
        }
    }
    Ok(entity)
}

#[cfg(test)]
mod tests;
