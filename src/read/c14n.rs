//! XML canonicalization over a roxmltree document: the bytes a digest or a signature covers.
//! Exclusive XML Canonicalization 1.0 (W3C, 18 July 2002), the one the REM evidence's XAdES
//! signatures use, and inclusive Canonical XML 1.0 (W3C, 15 March 2001) / 1.1 (2 May 2008)
//! for the node-sets XMLDSig references select (whole documents and subtrees).
//!
//! What it does, per the recommendation: no XML declaration and no DTD; elements always
//! written with a start and an end tag; attributes in double quotes, sorted by namespace URI
//! then local name; a namespace declared on an element only where the element or one of its
//! attributes uses its prefix ("visibly utilised") and no output ancestor declared it with
//! the same URI (plus the InclusiveNamespaces prefix list); text and attribute values escaped
//! as §2.3 of C14N 1.0 says; comments dropped unless asked for; line ends and attribute
//! whitespace already normalised by the parser. Prefixes are taken from the document's own
//! text, so a URI bound to two prefixes is written as the document wrote it.
#![deny(clippy::indexing_slicing)]

use std::collections::BTreeMap;

use roxmltree::{Node, NodeType};

/// How to canonicalise.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Keep comments (`…xml-exc-c14n#WithComments`).
    pub with_comments: bool,
    /// The InclusiveNamespaces PrefixList: prefixes treated as in inclusive C14N
    /// (`#default` is the default namespace).
    pub inclusive_prefixes: Vec<String>,
    /// Inclusive canonicalization (C14N 1.0 / 1.1): every in-scope namespace is declared
    /// where it changes, and the apex inherits `xml:lang` and `xml:space` from above.
    pub inclusive: bool,
}

/// Canonicalises the subtree at `apex` (an element, or the document root for a whole
/// document), leaving out every node for which `omit` is true together with its subtree
/// (an XPath Filter 2.0 `subtract`). It recurses once per level: give it documents from
/// [`parse_document`](super::rem::parse_document), which refuses deep nesting.
pub fn canonicalise(
    apex: Node<'_, '_>,
    omit: &dyn Fn(Node<'_, '_>) -> bool,
    options: &Options,
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut writer = Writer {
        out: &mut out,
        options,
        omit,
        text: apex.document().input_text(),
        apex_pending: apex.is_element(),
    };
    if apex.node_type() == NodeType::Root {
        writer.document(apex);
    } else {
        writer.node(apex, &BTreeMap::new());
    }
    out
}

struct Writer<'w> {
    out: &'w mut Vec<u8>,
    options: &'w Options,
    omit: &'w dyn Fn(Node<'_, '_>) -> bool,
    text: &'w str,
    /// The apex element is still to be written (inclusive C14N gives it inherited xml:*).
    apex_pending: bool,
}

/// The namespace declarations in force in the output: prefix ("" for the default) → URI.
type Rendered = BTreeMap<String, String>;

impl Writer<'_> {
    /// The document: its root element, and the comments and processing instructions around
    /// it, each on its own line (C14N 1.0 §2.1).
    fn document(&mut self, root: Node<'_, '_>) {
        let mut seen_element = false;
        for child in root.children() {
            if (self.omit)(child) {
                continue;
            }
            match child.node_type() {
                NodeType::Element => {
                    self.node(child, &BTreeMap::new());
                    seen_element = true;
                }
                NodeType::Comment if !self.options.with_comments => {}
                NodeType::Comment | NodeType::PI => {
                    if seen_element {
                        self.out.push(b'\n');
                    }
                    self.node(child, &BTreeMap::new());
                    if !seen_element {
                        self.out.push(b'\n');
                    }
                }
                _ => {}
            }
        }
    }

    fn node(&mut self, node: Node<'_, '_>, rendered: &Rendered) {
        if (self.omit)(node) {
            return;
        }
        match node.node_type() {
            NodeType::Element => self.element(node, rendered),
            NodeType::Text => escape_text(node.text().unwrap_or(""), self.out),
            NodeType::Comment if self.options.with_comments => {
                self.out.extend_from_slice(b"<!--");
                self.out.extend_from_slice(node.text().unwrap_or("").as_bytes());
                self.out.extend_from_slice(b"-->");
            }
            NodeType::PI => {
                if let Some(pi) = node.pi() {
                    self.out.extend_from_slice(b"<?");
                    self.out.extend_from_slice(pi.target.as_bytes());
                    if let Some(value) = pi.value.filter(|v| !v.is_empty()) {
                        self.out.push(b' ');
                        self.out.extend_from_slice(value.as_bytes());
                    }
                    self.out.extend_from_slice(b"?>");
                }
            }
            _ => {}
        }
    }

    fn element(&mut self, node: Node<'_, '_>, rendered: &Rendered) {
        let qname = element_qname(node, self.text);
        let mut utilised: Vec<String> = vec![prefix_of(qname).to_string()];
        for attribute in node.attributes() {
            let name = self.text.get(attribute.range_qname()).unwrap_or("");
            if let Some((prefix, _)) = name.split_once(':')
                && prefix != "xml"
            {
                utilised.push(prefix.to_string());
            }
        }
        if self.options.inclusive {
            utilised.extend(node.namespaces().filter_map(|ns| match ns.name() {
                Some("xml") => None,
                Some(p) => Some(p.to_string()),
                None => Some(String::new()),
            }));
        }
        for prefix in &self.options.inclusive_prefixes {
            let prefix = if prefix == "#default" { "" } else { prefix.as_str() };
            let in_scope = node.lookup_namespace_uri((!prefix.is_empty()).then_some(prefix));
            if in_scope.is_some() {
                utilised.push(prefix.to_string());
            }
        }
        utilised.sort();
        utilised.dedup();
        let mut here = rendered.clone();
        let mut declarations = Vec::new();
        for prefix in utilised {
            let uri = node.lookup_namespace_uri((!prefix.is_empty()).then_some(prefix.as_str()));
            let uri = uri.unwrap_or("");
            let before = rendered.get(&prefix).map(String::as_str);
            // An unbound default needs no declaration unless an output ancestor bound it.
            let needed = match before {
                Some(b) => b != uri,
                None => !(prefix.is_empty() && uri.is_empty()),
            };
            if needed {
                declarations.push((prefix.clone(), uri.to_string()));
                here.insert(prefix, uri.to_string());
            }
        }
        self.out.push(b'<');
        self.out.extend_from_slice(qname.as_bytes());
        for (prefix, uri) in &declarations {
            if prefix.is_empty() {
                self.out.extend_from_slice(b" xmlns=\"");
            } else {
                self.out.extend_from_slice(b" xmlns:");
                self.out.extend_from_slice(prefix.as_bytes());
                self.out.extend_from_slice(b"=\"");
            }
            escape_attribute(uri, self.out);
            self.out.push(b'"');
        }
        let mut attributes: Vec<(&str, &str, &str, &str)> = node
            .attributes()
            .map(|a| {
                let name = self.text.get(a.range_qname()).unwrap_or(a.name());
                (a.namespace().unwrap_or(""), a.name(), name, a.value())
            })
            .collect();
        if std::mem::take(&mut self.apex_pending) && self.options.inclusive {
            attributes.extend(inherited_xml_attributes(node));
        }
        attributes.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
        for (_, _, name, value) in attributes {
            self.out.push(b' ');
            self.out.extend_from_slice(name.as_bytes());
            self.out.extend_from_slice(b"=\"");
            escape_attribute(value, self.out);
            self.out.push(b'"');
        }
        self.out.push(b'>');
        for child in node.children() {
            self.node(child, &here);
        }
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(qname.as_bytes());
        self.out.push(b'>');
    }
}

/// C14N 1.0 §2.4: a subtree's apex carries the `xml:lang` and `xml:space` in force above it
/// (each from the nearest ancestor that says it) unless it says its own.
fn inherited_xml_attributes<'n>(node: Node<'n, '_>) -> Vec<(&'n str, &'n str, &'n str, &'n str)> {
    const XML: &str = "http://www.w3.org/XML/1998/namespace";
    let mut out = Vec::new();
    for (local, qualified) in [("lang", "xml:lang"), ("space", "xml:space")] {
        if node.attribute((XML, local)).is_some() {
            continue;
        }
        if let Some(value) = node.ancestors().skip(1).find_map(|a| a.attribute((XML, local))) {
            out.push((XML, local, qualified, value));
        }
    }
    out
}

/// The element's name as the document wrote it (`tns:Evidence`, `EventTime`).
fn element_qname<'t>(node: Node<'_, '_>, text: &'t str) -> &'t str {
    let start = node.range().start + 1;
    let rest = text.get(start..).unwrap_or("");
    let end = rest.find(|c: char| c.is_whitespace() || c == '/' || c == '>').unwrap_or(rest.len());
    rest.get(..end).unwrap_or("")
}

fn prefix_of(qname: &str) -> &str {
    qname.split_once(':').map_or("", |(p, _)| p)
}

/// C14N 1.0 §2.3: `&`, `<`, `>` and carriage return in text.
fn escape_text(text: &str, out: &mut Vec<u8>) {
    for c in text.chars() {
        match c {
            '&' => out.extend_from_slice(b"&amp;"),
            '<' => out.extend_from_slice(b"&lt;"),
            '>' => out.extend_from_slice(b"&gt;"),
            '\r' => out.extend_from_slice(b"&#xD;"),
            c => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// C14N 1.0 §2.3: `&`, `<`, `"`, tab, line feed and carriage return in attribute values.
fn escape_attribute(value: &str, out: &mut Vec<u8>) {
    for c in value.chars() {
        match c {
            '&' => out.extend_from_slice(b"&amp;"),
            '<' => out.extend_from_slice(b"&lt;"),
            '"' => out.extend_from_slice(b"&quot;"),
            '\t' => out.extend_from_slice(b"&#x9;"),
            '\n' => out.extend_from_slice(b"&#xA;"),
            '\r' => out.extend_from_slice(b"&#xD;"),
            c => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn c14n(xml: &str, options: &Options) -> String {
        let doc = roxmltree::Document::parse(xml).unwrap();
        String::from_utf8(canonicalise(doc.root(), &|_| false, options)).unwrap()
    }

    #[test]
    fn the_recommendation_s_rules_hold() {
        let xml = "<?xml version=\"1.0\"?>\n<!-- c -->\n<a:e xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" z=\"1\" b:y='2' a=\"&lt;&amp;&quot;&#9;\t\"><f/>x&gt;\r\n<g xmlns:a=\"urn:a\">t</g></a:e>";
        assert_eq!(
            c14n(xml, &Options::default()),
            "<a:e xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" a=\"&lt;&amp;&quot;&#x9; \" z=\"1\" b:y=\"2\"><f></f>x&gt;\n<g>t</g></a:e>"
        );
        let with = c14n(xml, &Options { with_comments: true, ..Options::default() });
        assert!(with.starts_with("<!-- c -->\n<a:e"), "{with}");
    }

    #[test]
    fn an_unused_namespace_is_not_declared_and_a_subtree_declares_what_it_uses() {
        let xml = "<r xmlns:a=\"urn:a\" xmlns:u=\"urn:unused\"><a:s><a:t/></a:s></r>";
        let doc = roxmltree::Document::parse(xml).unwrap();
        let s = doc.descendants().find(|n| n.tag_name().name() == "s").unwrap();
        let out = String::from_utf8(canonicalise(s, &|_| false, &Options::default())).unwrap();
        assert_eq!(out, "<a:s xmlns:a=\"urn:a\"><a:t></a:t></a:s>");
        let whole = c14n(xml, &Options::default());
        assert_eq!(whole, "<r><a:s xmlns:a=\"urn:a\"><a:t></a:t></a:s></r>");
        let inclusive = Options { inclusive_prefixes: vec!["u".into()], ..Options::default() };
        assert!(c14n(xml, &inclusive).starts_with("<r xmlns:u=\"urn:unused\">"));
    }

    #[test]
    fn inclusive_declares_every_namespace_in_scope_and_the_apex_inherits_xml_lang() {
        let xml =
            "<r xmlns:a=\"urn:a\" xmlns:u=\"urn:unused\" xml:lang=\"it\"><a:s><a:t/></a:s></r>";
        let doc = roxmltree::Document::parse(xml).unwrap();
        let s = doc.descendants().find(|n| n.tag_name().name() == "s").unwrap();
        let inclusive = Options { inclusive: true, ..Options::default() };
        let out = String::from_utf8(canonicalise(s, &|_| false, &inclusive)).unwrap();
        assert_eq!(
            out,
            "<a:s xmlns:a=\"urn:a\" xmlns:u=\"urn:unused\" xml:lang=\"it\"><a:t></a:t></a:s>"
        );
    }

    #[test]
    fn an_omitted_subtree_leaves_its_surroundings() {
        let xml = "<r>\n <s>x</s>\n <k/>\n</r>";
        let doc = roxmltree::Document::parse(xml).unwrap();
        let out = canonicalise(doc.root(), &|n| n.tag_name().name() == "s", &Options::default());
        assert_eq!(String::from_utf8(out).unwrap(), "<r>\n \n <k></k>\n</r>");
    }
}
