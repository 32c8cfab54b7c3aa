//! A JSON document written as its items arrive: [`JsonDocument`] writes the same
//! pretty-printed text `serde_json` would write for the whole value, one array element at a
//! time, so memory does not grow with the number of items.

use std::io::{self, Write};

use serde::Serialize;

/// A JSON object `{ head fields…, "<array>": [ elements… ], tail fields… }`, pretty-printed
/// exactly as `serde_json::to_string_pretty` prints the whole value, written piece by piece.
pub struct JsonDocument {
    elements: usize,
}

fn json_error(e: serde_json::Error) -> io::Error {
    io::Error::other(e)
}

/// Writes `value` pretty-printed, every line after the first indented by `indent` spaces,
/// as it is serialised (a long value is never held as text).
fn write_indented<W: Write + ?Sized, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
    indent: usize,
) -> io::Result<()> {
    serde_json::to_writer_pretty(Indented { out, pad: " ".repeat(indent) }, value)
        .map_err(json_error)
}

/// Indents every line after the first: pretty JSON breaks lines only between tokens (a line
/// break inside a string is escaped), so each `\n` written starts a new line.
struct Indented<'a, W: Write + ?Sized> {
    out: &'a mut W,
    pad: String,
}

impl<W: Write + ?Sized> Write for Indented<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut rest = bytes;
        while let Some(at) = rest.iter().position(|&b| b == b'\n') {
            let (line, after) = rest.split_at(at + 1);
            self.out.write_all(line)?;
            self.out.write_all(self.pad.as_bytes())?;
            rest = after;
        }
        self.out.write_all(rest)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// An element of a [`JsonDocument`]'s array as [`JsonDocument::element`] would write it,
/// held as text to be written later with [`JsonDocument::rendered_element`].
pub fn render_element<T: Serialize + ?Sized>(value: &T) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_indented(&mut out, value, 4)?;
    Ok(out)
}

impl JsonDocument {
    /// Writes `{`, the `head` fields (name, value) and the opening of the array `array`.
    pub fn start<W: Write>(
        out: &mut W,
        head: &[(&str, &dyn erased::Value)],
        array: &str,
    ) -> io::Result<JsonDocument> {
        out.write_all(b"{")?;
        for (name, value) in head {
            write!(out, "\n  {}: ", serde_json::to_string(name).map_err(json_error)?)?;
            value.write(out, 2)?;
            out.write_all(b",")?;
        }
        write!(out, "\n  {}: [", serde_json::to_string(array).map_err(json_error)?)?;
        Ok(JsonDocument { elements: 0 })
    }

    /// Writes one element of the array.
    pub fn element<W: Write + ?Sized, T: Serialize>(
        &mut self,
        out: &mut W,
        value: &T,
    ) -> io::Result<()> {
        out.write_all(if self.elements == 0 { b"\n    " } else { b",\n    " })?;
        write_indented(out, value, 4)?;
        self.elements += 1;
        Ok(())
    }

    /// Writes one element rendered beforehand by [`render_element`] (on another thread: a
    /// batch renders each report on the worker that made it).
    pub fn rendered_element<W: Write + ?Sized>(
        &mut self,
        out: &mut W,
        rendered: &[u8],
    ) -> io::Result<()> {
        out.write_all(if self.elements == 0 { b"\n    " } else { b",\n    " })?;
        out.write_all(rendered)?;
        self.elements += 1;
        Ok(())
    }

    /// Closes the array, writes the `tail` fields and closes the object (with a newline).
    pub fn finish<W: Write>(
        self,
        out: &mut W,
        tail: &[(&str, &dyn erased::Value)],
    ) -> io::Result<()> {
        out.write_all(if self.elements == 0 { b"]" } else { b"\n  ]" })?;
        for (name, value) in tail {
            write!(out, ",\n  {}: ", serde_json::to_string(name).map_err(json_error)?)?;
            value.write(out, 2)?;
        }
        out.write_all(b"\n}\n")
    }
}

/// Object-safe serialisation for the head and tail fields of a [`JsonDocument`].
pub mod erased {
    use std::io::{self, Write};

    /// A value that writes itself pretty-printed at an indentation.
    pub trait Value {
        /// Writes the value; lines after the first are indented by `indent` spaces.
        fn write(&self, out: &mut dyn Write, indent: usize) -> io::Result<()>;
    }

    impl<T: serde::Serialize> Value for T {
        fn write(&self, mut out: &mut dyn Write, indent: usize) -> io::Result<()> {
            super::write_indented(&mut out, self, indent)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Doc<'a> {
        schema_version: u32,
        peckit_version: &'a str,
        artefacts: Vec<serde_json::Value>,
        summary: serde_json::Value,
    }

    #[test]
    fn the_streamed_document_is_byte_for_byte_the_whole_one() {
        let element =
            serde_json::json!({"path": "a\"b", "problems": [], "nested": [{"x": 1}], "n": null});
        for count in [0, 1, 3] {
            let whole = Doc {
                schema_version: 2,
                peckit_version: "0.1.0",
                artefacts: vec![element.clone(); count],
                summary: serde_json::json!({"total": count, "valid": 0}),
            };
            let expected = format!("{}\n", serde_json::to_string_pretty(&whole).unwrap());
            let mut out = Vec::new();
            let mut doc = JsonDocument::start(
                &mut out,
                &[("schema_version", &2u32), ("peckit_version", &"0.1.0")],
                "artefacts",
            )
            .unwrap();
            for _ in 0..count {
                doc.element(&mut out, &element).unwrap();
            }
            doc.finish(&mut out, &[("summary", &whole.summary)]).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), expected, "{count} elements");
        }
    }
}
