//! HTML rendering of a [`Document`]: one self-contained page, A4 print styles, no external
//! resources. Built with maud, which escapes every value by construction: text from mail
//! cannot become markup; its hidden characters are shown as escapes (`\u{202e}`).

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::document::{Block, Cell, Document, Tone};
use crate::text::visible;

const CSS: &str = "
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border: 1px solid #bbb; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
td span { overflow-wrap: anywhere; }
table.wide { table-layout: fixed; }
table.wide td { overflow-wrap: anywhere; }
th { background: #eee; width: auto; }
.good { color: #0a6b16; font-weight: bold; }
.bad { color: #b00020; font-weight: bold; }
.legend { font-size: 9pt; color: #333; border: 1px solid #ccc; padding: 2mm 3mm; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; word-break: break-all; }
section.message { page-break-after: always; }
section.message:last-child { page-break-after: auto; }
";

/// The document as a complete HTML page.
pub fn render(doc: &Document) -> String {
    let page = html! {
        (DOCTYPE)
        html lang=(doc.lang) {
            head {
                meta charset="utf-8";
                title { (doc.title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                @if doc.sections.is_empty() {
                    h1 { (doc.title) }
                    p { (doc.empty) }
                }
                @for section in &doc.sections {
                    section class="message" {
                        h1 { (doc.title) }
                        p { b { (visible(&section.name)) } }
                        @for part in &section.parts {
                            @if !part.heading.is_empty() { h2 { (part.heading) } }
                            (block(&part.block))
                        }
                    }
                }
            }
        }
    };
    let mut out = page.into_string();
    out.push('\n');
    out
}

fn block(b: &Block) -> Markup {
    html! {
        @match b {
            Block::Fields(fields) => table {
                @for (label, value) in fields {
                    tr { th { (label) } (cell(value)) }
                }
            },
            // Four columns or more share the page evenly, whatever a cell holds (a long path
            // would otherwise push the last column off an A4 page).
            Block::Table { columns, rows } => table class=[(columns.len() >= 4).then_some("wide")] {
                tr { @for c in columns { th { (c) } } }
                @for row in rows { tr { @for c in row { (cell(c)) } } }
            },
            Block::Legend(paragraphs) => div class="legend" {
                @for p in paragraphs {
                    p { @if !p.lead.is_empty() { b { (p.lead) } ": " } (p.text) }
                }
            },
            Block::Note(note) => p { (cell_text(note)) },
        }
    }
}

fn class(tone: Tone) -> Option<&'static str> {
    match tone {
        Tone::Plain => None,
        Tone::Mono => Some("mono"),
        Tone::Good => Some("good"),
        Tone::Bad => Some("bad"),
    }
}

fn cell(c: &Cell) -> Markup {
    html! { td class=[class(c.tone)] { (cell_text(c)) } }
}

fn cell_text(c: &Cell) -> Markup {
    html! {
        (visible(&c.text))
        @if let Some(note) = &c.note { br; span { (visible(note)) } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::{Part, Section};

    #[test]
    fn text_from_mail_is_escaped_everywhere() {
        let hostile = "<script>alert(1)</script>\"'&";
        let doc = Document {
            title: "T",
            lang: "it",
            empty: "none",
            sections: vec![Section {
                name: hostile.into(),
                parts: vec![Part {
                    heading: "H",
                    block: Block::Fields(vec![(
                        "k",
                        Cell::toned(hostile, Tone::Bad).with_note(Some(hostile.into())),
                    )]),
                }],
            }],
        };
        let page = render(&doc);
        assert!(!page.contains("<script>"), "{page}");
        assert_eq!(page.matches("&lt;script&gt;alert(1)&lt;/script&gt;&quot;'&amp;").count(), 3);
        assert!(page.contains("<td class=\"bad\">"), "{page}");
    }
}
