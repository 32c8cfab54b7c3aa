//! A JSON document written as its items arrive: [`JsonDocument`] writes the same
//! pretty-printed text `serde_json` would write for the whole value, one array element at a
//! time, so memory does not grow with the number of items.

use std::io::{self, Write};

use serde::Serialize;

/// One line of a JSON Lines stream, `{"data": …, "type": "artefact"}`: written straight from
/// `data`, never through a `serde_json::Value` (a copy of every string, and a panic if a
/// value cannot be represented).
pub fn jsonl_line<T: Serialize + ?Sized>(kind: &'static str, data: &T) -> io::Result<String> {
    /// The keys in the order the documented lines have always had them.
    #[derive(Serialize)]
    struct Line<'a, T: Serialize + ?Sized> {
        data: &'a T,
        #[serde(rename = "type")]
        kind: &'static str,
    }
    serde_json::to_string(&Line { data, kind }).map_err(json_error)
}

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
    let mut serializer = serde_json::Serializer::with_formatter(out, Indented::new(indent));
    value.serialize(&mut serializer).map_err(json_error)
}

/// `serde_json`'s pretty layout (two spaces a level) with every line after the first
/// starting `base` spaces further right: the element of an array nested in the document.
/// A formatter rather than a writer that rescans the text for line breaks, which cost a
/// tenth of a JSON batch.
struct Indented {
    base: usize,
    depth: usize,
    has_value: bool,
}

impl Indented {
    fn new(base: usize) -> Indented {
        Indented { base, depth: 0, has_value: false }
    }

    fn new_line<W: Write + ?Sized>(&self, out: &mut W, separator: &[u8]) -> io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        out.write_all(separator)?;
        let mut left = self.base + 2 * self.depth;
        while left > 0 {
            let n = left.min(SPACES.len());
            out.write_all(SPACES.get(..n).unwrap_or_default())?;
            left -= n;
        }
        Ok(())
    }

    fn open<W: Write + ?Sized>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: Write + ?Sized>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.new_line(out, b"\n")?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, if first { b"\n" } else { b",\n" })
    }

    fn end_array_value<W: Write + ?Sized>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, if first { b"\n" } else { b",\n" })
    }

    fn begin_object_value<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: Write + ?Sized>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// An element of a [`JsonDocument`]'s array as [`JsonDocument::element`] would write it,
/// held as text to be written later with [`JsonDocument::rendered_element`].
pub fn render_element<T: Serialize + ?Sized>(value: &T) -> io::Result<Vec<u8>> {
    // A receipt's report is a few kilobytes: one allocation instead of a dozen doublings.
    let mut out = Vec::with_capacity(4096);
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

/// A JSON array written one element at a time, laid out exactly as
/// `serde_json::to_string_pretty` lays out the whole array.
pub struct JsonArray {
    elements: usize,
}

impl JsonArray {
    /// Writes `[`.
    pub fn start<W: Write + ?Sized>(out: &mut W) -> io::Result<JsonArray> {
        out.write_all(b"[")?;
        Ok(JsonArray { elements: 0 })
    }

    /// Writes one element.
    pub fn element<W: Write + ?Sized, T: Serialize + ?Sized>(
        &mut self,
        out: &mut W,
        value: &T,
    ) -> io::Result<()> {
        out.write_all(if self.elements == 0 { b"\n  " } else { b",\n  " })?;
        write_indented(out, value, 2)?;
        self.elements += 1;
        Ok(())
    }

    /// Writes `]`.
    pub fn finish<W: Write + ?Sized>(self, out: &mut W) -> io::Result<()> {
        out.write_all(if self.elements == 0 { b"]" } else { b"\n]" })
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

    fn any_json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            "[a-z\n\"\\ ]{0,6}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::from),
                proptest::collection::btree_map("[a-z]{1,3}", inner, 0..5)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// The indenting formatter lays out any value, at any depth, as serde_json's pretty
        /// printer lays out the whole document, both written at once and rendered beforehand.
        #[test]
        fn any_element_is_laid_out_as_in_the_whole_document(
            elements in proptest::collection::vec(any_json(), 0..4),
            head in any_json(),
        ) {
            let whole = serde_json::json!({"head": head, "items": elements, "tail": head});
            let expected = format!("{}\n", serde_json::to_string_pretty(&whole).unwrap());
            for pre_rendered in [false, true] {
                let mut out = Vec::new();
                let mut doc = JsonDocument::start(&mut out, &[("head", &head)], "items").unwrap();
                for element in &elements {
                    if pre_rendered {
                        let text = render_element(element).unwrap();
                        doc.rendered_element(&mut out, &text).unwrap();
                    } else {
                        doc.element(&mut out, element).unwrap();
                    }
                }
                doc.finish(&mut out, &[("tail", &head)]).unwrap();
                proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), expected.clone());
            }
            let mut out = Vec::new();
            let mut array = JsonArray::start(&mut out).unwrap();
            for element in &elements {
                array.element(&mut out, element).unwrap();
            }
            array.finish(&mut out).unwrap();
            proptest::prop_assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string_pretty(&elements).unwrap()
            );
        }
    }

    #[test]
    fn a_jsonl_line_is_what_the_value_tree_wrote() {
        let data = serde_json::json!({"path": "a\nb", "problems": [{"code": "x"}], "z": null});
        let expected =
            serde_json::to_string(&serde_json::json!({"type": "artefact", "data": data})).unwrap();
        assert_eq!(jsonl_line("artefact", &data).unwrap(), expected);
    }
}
