//! The library's layering (docs/ARCHITECTURE.md), as a test: imports only look down, no two
//! files import each other (directly or around a loop), no file is over 600 lines, and inside
//! the crate items are imported from the module that defines them, not through the crate
//! root's re-exports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first; a module may use its own layer and the ones below.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "base",
        &[
            "problem",
            "limits",
            "error",
            "text",
            "names",
            "catalogue",
            "finding",
            "durable",
            "italy",
        ],
    ),
    ("formats and sources", &["read", "input", "mailbox"]),
    ("verify", &["verify"]),
    ("certify", &["certify"]),
    ("evidence, extract and archive", &["evidence", "extract", "archive"]),
    ("report", &["report"]),
    ("harnesses", &["fuzzing"]),
];

/// Modules of one layer that must not use each other either: each stands on the layers
/// below.
const APART: &[(&str, &str)] =
    &[("evidence", "extract"), ("evidence", "archive"), ("extract", "archive"), ("read", "input")];

const MAX_LINES: usize = 600;

fn layer_of(module: &[String]) -> Option<usize> {
    let first = module.first()?;
    LAYERS.iter().position(|(_, members)| members.contains(&first.as_str()))
}

/// Every library source file (the binary's cli/ and commands/ sit above all layers).
fn library_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root.join("src")).unwrap().to_string_lossy().to_string();
            if rel == "main.rs" || rel.starts_with("cli") || rel.starts_with("commands") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `src/read/mime.rs` → [read, mime]; `src/read/mod.rs` → [read]; `src/lib.rs` → [].
fn module_of(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root.join("src")).unwrap().with_extension("");
    let mut parts: Vec<String> =
        rel.components().map(|c| c.as_os_str().to_string_lossy().to_string()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The paths after `crate::` (or, outside inline test modules, `super::`) in code, comments
/// left out, with `{a, b::{c, d}}` groups expanded.
fn referenced_paths(source: &str, module: &[String]) -> Vec<Vec<String>> {
    let code: String = source
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    // `super::` inside an inline module (tests, a backend) means this file, not its parent.
    let outside_inline_modules = without_inline_modules(&code, |_| true);
    let before_tests = outside_inline_modules.as_str();
    // Inline test modules are test code: they may use any layer.
    let without_tests = without_inline_modules(&code, |name| name == "tests");
    let parent = module[..module.len().saturating_sub(1)].to_vec();
    // A module's own submodules are named without a prefix (`use cert::Cert;`).
    let children: Vec<String> = code
        .lines()
        .filter_map(|l| {
            l.trim()
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ")
                .strip_prefix("mod ")
        })
        .filter_map(|l| l.strip_suffix(';'))
        .filter(|name| *name != "tests")
        .map(|name| format!("{name}::"))
        .collect();
    let mut searches = vec![(without_tests.as_str(), "crate::".to_string(), Vec::new())];
    searches.push((before_tests, "super::".to_string(), parent));
    searches.push((without_tests.as_str(), "self::".to_string(), module.to_vec()));
    for child in children {
        let mut base = module.to_vec();
        base.push(child.trim_end_matches("::").to_string());
        searches.push((before_tests, child, base));
    }
    let mut paths = Vec::new();
    for (text, prefix, base) in searches {
        let prefix = prefix.as_str();
        let mut rest = text;
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().last();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            // `super::super::…` climbs once more per step.
            let mut base = base.clone();
            while prefix == "super::" && rest.starts_with("super::") {
                base.pop();
                rest = &rest["super::".len()..];
            }
            for tail in expand(rest) {
                let mut full = base.clone();
                full.extend(tail);
                paths.push(full);
            }
        }
    }
    paths
}

/// The code with every inline `mod name { … }` left out (from its line to the `}` line with the
/// same indentation).
fn without_inline_modules(code: &str, leave_out: impl Fn(&str) -> bool) -> String {
    let mut out = String::new();
    let mut closing: Option<String> = None;
    for line in code.lines() {
        if let Some(end) = &closing {
            if line.trim_end() == end {
                closing = None;
            }
            continue;
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let declaration = trimmed.trim_start_matches("pub(crate) ").trim_start_matches("pub ");
        let name = declaration.strip_prefix("mod ").and_then(|d| d.split_whitespace().next());
        if name.is_some_and(&leave_out) && trimmed.trim_end().ends_with('{') {
            closing = Some(format!("{indent}}}"));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The text inside a `{…}` group (after its opening brace), split at top-level commas.
fn group_items(text: &str) -> Vec<&str> {
    let (mut depth, mut start, mut items) = (0usize, 0usize, Vec::new());
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&text[start..i]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&text[start..]);
    items
}

/// `a::b::{c, d::e}; …` → [[a,b,c],[a,b,d,e]].
fn expand(text: &str) -> Vec<Vec<String>> {
    let mut segments = Vec::new();
    let mut rest = text.trim_start();
    loop {
        let ident: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if ident.is_empty() {
            if let Some(inner) = rest.strip_prefix('{') {
                let mut out = Vec::new();
                for item in group_items(inner) {
                    for tail in expand(item) {
                        let mut full = segments.clone();
                        full.extend(tail);
                        out.push(full);
                    }
                }
                if out.is_empty() {
                    out.push(segments);
                }
                return out;
            }
            return vec![segments];
        }
        rest = &rest[ident.len()..];
        if ident != "self" {
            segments.push(ident);
        }
        match rest.trim_start().strip_prefix("::") {
            Some(r) => rest = r.trim_start(),
            None => return vec![segments],
        }
    }
}

#[test]
fn imports_only_look_down_and_files_stay_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = library_files(root);
    let modules: BTreeMap<Vec<String>, PathBuf> =
        files.iter().map(|f| (module_of(root, f), f.clone())).collect();
    let mut failures = Vec::new();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let rel = file.strip_prefix(root).unwrap().display().to_string();
        let source = std::fs::read_to_string(file).unwrap();
        let lines = source.lines().count();
        if lines > MAX_LINES {
            failures.push(format!("{rel} has {lines} lines (at most {MAX_LINES})"));
        }
        let module = module_of(root, file);
        if module.is_empty() {
            continue; // lib.rs declares the modules and the curated re-exports
        }
        // Test code (tests.rs, testing.rs) may use any layer: it is not part of the library.
        if module.iter().any(|m| m == "tests" || m == "testing") {
            continue;
        }
        let own_layer = layer_of(&module);
        if own_layer.is_none() {
            failures.push(format!("{rel}: module {} is in no layer", module.join("::")));
        }
        for path in referenced_paths(&source, &module) {
            // The longest prefix that is a module file.
            let Some(target) = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| modules.contains_key(p))
            else {
                if !path.is_empty() {
                    failures.push(format!(
                        "{rel}: crate::{} goes through the crate root; import it from the \
                         module that defines it",
                        path.join("::")
                    ));
                }
                continue;
            };
            let (Some(from), Some(to)) = (own_layer, layer_of(&target)) else { continue };
            if to > from {
                failures.push(format!(
                    "{rel}: imports {} from the {} layer, above its own ({})",
                    path.join("::"),
                    LAYERS[to].0,
                    LAYERS[from].0
                ));
            }
            if let (Some(a), Some(b)) = (module.first(), target.first())
                && APART.iter().any(|&(x, y)| (a == x && b == y) || (a == y && b == x))
            {
                failures.push(format!(
                    "{rel}: imports {} across its layer ({a} and {b} stand apart)",
                    path.join("::")
                ));
            }
            if target != module {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    // A loop between files: a file reachable from itself.
    for start in edges.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<(Vec<String>, Vec<Vec<String>>)> = vec![(start.clone(), vec![])];
        while let Some((node, trail)) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                let mut trail = trail.clone();
                trail.push(next.clone());
                if next == start {
                    let names: Vec<String> =
                        std::iter::once(start).chain(trail.iter()).map(|m| m.join("::")).collect();
                    failures.push(format!("a loop between files: {}", names.join(" → ")));
                } else if seen.insert(next.clone()) {
                    stack.push((next.clone(), trail));
                }
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(failures.is_empty(), "layering broken:\n  {}", failures.join("\n  "));
}

#[test]
fn the_path_reader_expands_groups() {
    assert_eq!(
        expand("read::{Artefact, mime::{Entity, Headers}};"),
        vec![
            vec!["read".to_string(), "Artefact".into()],
            vec!["read".into(), "mime".into(), "Entity".into()],
            vec!["read".into(), "mime".into(), "Headers".into()],
        ]
    );
    let deep = vec!["read".to_string(), "daticert".to_string(), "simple".to_string()];
    assert_eq!(
        referenced_paths("use super::super::mime::Entity;\n", &deep),
        vec![vec!["read".to_string(), "mime".into(), "Entity".into()]]
    );
    let module = vec!["certify".to_string(), "crosscheck".to_string()];
    assert_eq!(
        referenced_paths(
            "use super::cecpac;\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
            &module
        ),
        vec![vec!["certify".to_string(), "cecpac".to_string()]]
    );
}

/// Every document the code cites (`docs/….md`) is in the repository, so a clone can follow
/// every citation.
#[test]
fn every_cited_document_is_in_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = BTreeSet::new();
    let mut cited = 0;
    for file in library_files(root) {
        let source = std::fs::read_to_string(&file).unwrap();
        for (i, _) in source.match_indices("docs/") {
            let name: String = source[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_'))
                .collect();
            let name = name.trim_end_matches('.');
            if name.ends_with(".md") || name.ends_with(".json") {
                cited += 1;
                if !root.join(name).is_file() {
                    missing.insert(format!("{} cites {name}", file.display()));
                }
            }
        }
    }
    assert!(cited > 10, "only {cited} citations found: the scan is broken");
    assert!(missing.is_empty(), "{missing:#?}");
    for stale in ["shared/pec-spec", "shared/crypto-notes", " pec-spec §", " crypto-notes §"] {
        for file in library_files(root) {
            let source = std::fs::read_to_string(&file).unwrap();
            assert!(!source.contains(stale), "{} still cites {stale:?}", file.display());
        }
    }
}
