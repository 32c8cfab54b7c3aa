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
    let escaped = visible(s)
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
        // GFM links bare URLs and addresses ("https://x", "www.x", "a@x", "mailto:a"): an
        // escaped `:` of a scheme, `@` or the dot after "www" keeps them text.
        .replace("://", "\\://")
        .replace('@', "\\@")
        .replace("mailto:", "mailto\\:")
        .replace("xmpp:", "xmpp\\:");
    no_www_links(&escaped)
}

/// `www.` in any case with its dot escaped (ASCII case folding keeps byte offsets).
fn no_www_links(s: &str) -> String {
    let lower = s.to_ascii_lowercase();
    let mut out = String::with_capacity(s.len() + 8);
    let mut from = 0;
    for (i, _) in lower.match_indices("www.") {
        out.push_str(s.get(from..i + 3).unwrap_or_default());
        out.push_str("\\.");
        from = i + 4;
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out
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
            "Fattura &amp;#x202E;fdp.exe \\[scarica\\](https\\://x.example) \\~\\~no\\~\\~",
            "a character reference, a link or a strike-through in mail text stays text"
        );
        assert!(md.contains("| p\\|q \\| r \\| s \\| | `x'y z` |\n"), "{md}");
        let table_lines = md.lines().filter(|l| l.starts_with('|')).count();
        assert_eq!(table_lines, 3, "{md}");
    }

    /// What a GitHub-flavoured renderer (comrak, with GFM's autolinks, strike-through and
    /// tables) makes of mail text in a cell: never a link, an image or markup (review 11 left
    /// GFM's bare-URL autolinks alone: an attacker's Subject "www.evil.example" became a link
    /// in a court summary).
    #[test]
    fn a_gfm_renderer_makes_no_link_or_markup_of_mail_text() {
        let mut options = comrak::Options::default();
        options.extension.autolink = true;
        options.extension.strikethrough = true;
        options.extension.table = true;
        for hostile in [
            "vedi www.evil.example/pagamento e WwW.evil.example",
            "https://evil.example/x e http://evil.example",
            "scrivi a truffatore@evil.example",
            "[scarica](https://evil.example) ![img](https://evil.example/a.png)",
            "<https://evil.example> ~~barrato~~ **forte** _enfasi_",
            "ftp://evil.example mailto:a@evil.example xmpp:a@evil.example",
        ] {
            let html = comrak::markdown_to_html(
                &format!("| {} |\n| --- |\n", cell(&Cell::plain(hostile))),
                &options,
            );
            for tag in ["<a ", "<img", "<del", "<strong", "<em"] {
                assert!(!html.contains(tag), "{hostile:?} became {tag}: {html}");
            }
            let text: String =
                html.replace("<table>", "").chars().filter(|c| !c.is_whitespace()).collect();
            let wanted: String = hostile.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(
                text.contains(
                    &wanted.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
                ),
                "{hostile:?} is shown as written: {html}"
            );
        }
    }
}
