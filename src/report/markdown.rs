//! Markdown rendering of a [`Document`]: headings, `- **label**: value` lists, pipe tables.
//! Text from mail cannot break the structure or add markup: pipes, emphasis and strike marks,
//! link brackets, character references and line breaks are escaped in every cell, and hidden
//! characters are shown as escapes (`\u{202e}`).

use std::fmt::Write as _;

use super::document::{Block, Cell, Document, Tone};
use crate::text::visible;

/// The document as Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", doc.title);
    if doc.sections.is_empty() {
        let _ = writeln!(out, "{}", doc.empty);
    }
    for section in &doc.sections {
        let _ = writeln!(out, "## {}\n", escape(&section.name));
        for part in &section.parts {
            if !part.heading.is_empty() {
                let _ = writeln!(out, "### {}\n", part.heading);
            }
            match &part.block {
                Block::Fields(fields) => {
                    for (label, value) in fields {
                        let _ = writeln!(out, "- **{label}**: {}", cell(value));
                    }
                }
                Block::Table { columns, rows } => {
                    let _ = writeln!(out, "| {} |", columns.join(" | "));
                    let _ = writeln!(out, "|{}", "---|".repeat(columns.len()));
                    for row in rows {
                        let cells: Vec<String> = row.iter().map(cell).collect();
                        let _ = writeln!(out, "| {} |", cells.join(" | "));
                    }
                }
                Block::Legend(paragraphs) => {
                    let texts: Vec<String> = paragraphs
                        .iter()
                        .map(|p| match p.lead {
                            "" => p.text.to_string(),
                            lead => format!("**{lead}**: {}", p.text),
                        })
                        .collect();
                    let _ = writeln!(out, "{}", texts.join("\n\n"));
                }
                Block::Note(note) => {
                    let _ = writeln!(out, "{}", cell(note));
                }
            }
            out.push('\n');
        }
    }
    out
}

fn cell(c: &Cell) -> String {
    let text = match c.tone {
        Tone::Mono => {
            format!("`{}`", visible(&c.text).replace('`', "'").replace(['\n', '\r', '|'], " "))
        }
        Tone::Bad => format!("**{}**", escape(&c.text)),
        Tone::Plain | Tone::Good => escape(&c.text),
    };
    match &c.note {
        Some(note) => format!("{text} — {}", escape(note)),
        None => text,
    }
}

/// Text that cannot open a table cell, emphasis or a new line, its hidden characters shown.
fn escape(s: &str) -> String {
    // `&` first: a character reference (`&#x202E;`) would otherwise become the character
    // once rendered; `[` and `]` would make a link (or, after `!`, an image).
    visible(s)
        .replace('&', "&amp;")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('`', "\\`")
        .replace('<', "&lt;")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('~', "\\~")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::{Part, Section};

    #[test]
    fn mail_text_cannot_break_a_table_or_add_markup() {
        let doc = Document {
            title: "T",
            lang: "en",
            empty: "none",
            sections: vec![Section {
                name: "a|b\n# c".into(),
                parts: vec![Part {
                    heading: "H",
                    block: Block::Table {
                        columns: vec!["X", "Y"],
                        rows: vec![vec![
                            Cell::plain("p|q\n| r | s |"),
                            Cell::toned("x`y|z", Tone::Mono),
                        ]],
                    },
                }],
            }],
        };
        let md = render(&doc);
        assert!(md.contains("## a\\|b # c\n"), "{md}");
        let sneaky = Cell::plain("Fattura &#x202E;fdp.exe [scarica](https://x.example) ~~no~~");
        assert_eq!(
            cell(&sneaky),
            "Fattura &amp;#x202E;fdp.exe \\[scarica\\](https://x.example) \\~\\~no\\~\\~",
            "a character reference, a link or a strike-through in mail text stays text"
        );
        assert!(md.contains("| p\\|q \\| r \\| s \\| | `x'y z` |\n"), "{md}");
        let table_lines = md.lines().filter(|l| l.starts_with('|')).count();
        assert_eq!(table_lines, 3, "{md}");
    }
}
