//! The verify table, written as results arrive, so memory does not grow with the number of
//! artefacts (issue #13: a mailbox of a million tiny messages took 3.5 GB in table mode).
//! [`VerifyTable`] lays the table out once for a width and writes each artefact as one line
//! (two when narrow). The streamed JSON document is `super::json::JsonDocument`.

pub use super::json::{JsonArray, JsonDocument, erased, jsonl_line, render_element};
use super::model::ArtefactReport;
use super::term::{Line, Style, fit_end, fit_middle, pad};
use crate::catalogue::texts::{Text, text};
use crate::catalogue::{self as i18n, Label, Lang};
use crate::certify::assess::Verdict;

/// Column widths of the verify table, chosen once from the output width.
///
/// Narrower than `ONE_LINE_WIDTH`, each artefact takes two lines: the verdict and the file
/// (shortened in the middle only when it does not fit), then the kind, the certified time and
/// either the first problem or, when there is none, the provider. Wider, the same on one line.
/// Kinds are never cut: the longest, `avvenuta-consegna (sintetica)`, fits `KIND_WIDTH`.
#[derive(Debug, Clone, Copy)]
pub struct VerifyTable {
    width: usize,
    verdict: usize,
    lang: Lang,
}

/// At this width and above, every column fits on one line per artefact.
const ONE_LINE_WIDTH: usize = 120;
/// The kind column on one line: `avvenuta-consegna (sintetica)`.
const KIND_WIDTH: usize = 29;
/// The certified time, compacted: `2014-11-27 15:12 +01:00`.
const TIME_WIDTH: usize = 23;

impl VerifyTable {
    /// A table for `width` columns (at least 60 are used).
    pub fn new(width: usize, lang: Lang) -> VerifyTable {
        let verdict = [Verdict::Valid, Verdict::Invalid, Verdict::Error]
            .iter()
            .map(|v| i18n::verdict_text(lang, *v).chars().count())
            .max()
            .unwrap_or(10);
        VerifyTable { width: width.max(60), verdict, lang }
    }

    fn one_line(&self) -> bool {
        self.width >= ONE_LINE_WIDTH
    }

    /// On one line: the widths of the file and of the problem-or-provider columns.
    fn wide_columns(&self) -> (usize, usize) {
        let rest = self.width.saturating_sub(self.verdict + KIND_WIDTH + TIME_WIDTH + 4);
        (rest / 2, rest - rest / 2)
    }

    /// The header and its rule.
    pub fn header(&self) -> Vec<Line> {
        let l = |x| i18n::label(self.lang, x);
        let detail = format!("{} / {}", l(Label::Problem), l(Label::Provider));
        let verdict = pad(l(Label::Verdict), self.verdict);
        let mut lines = if self.one_line() {
            let (file, _) = self.wide_columns();
            vec![format!(
                "{verdict} {} {} {} {detail}",
                pad(l(Label::Kind), KIND_WIDTH),
                pad(l(Label::CertifiedTime), TIME_WIDTH),
                pad(l(Label::File), file),
            )]
        } else {
            vec![
                format!("{verdict} {}", l(Label::File)),
                format!(
                    "{} {} · {} · {detail}",
                    " ".repeat(self.verdict),
                    l(Label::Kind),
                    l(Label::CertifiedTime)
                ),
            ]
        }
        .into_iter()
        .map(|h| Line::styled(Style::Bold, fit_end(&h, self.width)))
        .collect::<Vec<_>>();
        lines.push(Line::plain("─".repeat(self.width)));
        lines
    }

    /// The line(s) of one artefact: the first problem's own message, not a fixed text.
    pub fn row(&self, r: &ArtefactReport) -> Vec<Line> {
        let verdict_style = match r.verdict {
            Verdict::Valid => Style::Good,
            Verdict::Invalid => Style::Bad,
            Verdict::Error => Style::Warn,
        };
        // The event names the kind only when the evidence that states it is certified: an
        // unsigned wrapper's event is the forger's word.
        let event = r
            .rem
            .as_ref()
            .filter(|_| super::explain::rem_is_certified(r))
            .and_then(|m| m.evidence.event.as_deref());
        let kind = i18n::kind_with_detail(self.lang, &r.kind, r.receipt_type.as_deref().or(event));
        // A time from a daticert whose signature did not verify is only stated: it is not
        // shown as certified.
        let stated = r.daticert_unverified.as_ref().and_then(|c| c.data.as_ref());
        let time = match (r.certified.as_ref().and_then(|c| c.data.as_ref()), &r.rem) {
            // As certified: the provider's local time with its offset, whose day is the
            // one a deadline counts from (UTC moves a delivery after midnight a day back).
            (Some(t), _) => compact_time(&t.rfc3339_local()),
            (None, _) if stated.is_some() => text(self.lang, Text::Unverified).to_string(),
            // A REM event time is certified only by a valid, trusted evidence signature.
            (None, Some(rem)) => match &rem.evidence.event_time {
                // In Italian time, as PEC's certified times are shown (its offset said).
                Some(t) if super::explain::rem_is_certified(r) => match t.parse() {
                    Ok(at) => compact_time(&crate::italy::rome_rfc3339(at)),
                    Err(_) => compact_time(t),
                },
                Some(_) => text(self.lang, Text::Unverified).to_string(),
                None => String::new(),
            },
            (None, None) => String::new(),
        };
        let problem = r
            .problems
            .iter()
            .find(|p| p.severity != crate::problem::Severity::Info)
            .map(|p| format!("{}: {}", p.code.code(), i18n::problem_message(self.lang, p)));
        let detail = problem.unwrap_or_else(|| r.provider_with_accreditation(self.lang));
        let verdict = Line::styled(
            verdict_style,
            pad(i18n::verdict_text(self.lang, r.verdict), self.verdict),
        );
        if self.one_line() {
            let (file, detail_width) = self.wide_columns();
            return vec![verdict.text(format!(
                " {} {} {} {}",
                pad(&kind, KIND_WIDTH),
                pad(&time, TIME_WIDTH),
                pad(&fit_middle(&r.path, file), file),
                fit_end(&detail, detail_width)
            ))];
        }
        let indent = self.verdict + 1;
        let second = [kind, time, detail]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        vec![
            verdict.text(format!(" {}", fit_middle(&r.path, self.width - indent))),
            Line::plain(" ".repeat(indent)).text(fit_end(&second, self.width - indent)),
        ]
    }
}

/// `2014-11-27T15:12:16+01:00` → `2014-11-27 15:12 +01:00`, `2014-11-27T14:12:16Z` →
/// `2014-11-27 14:12 UTC`: minutes, and the offset or UTC always said.
fn compact_time(rfc3339: &str) -> String {
    let spaced = rfc3339.replacen('T', " ", 1);
    match (spaced.len(), spaced.get(..16)) {
        // "UTC" spelled out: a reader takes a bare "13:45Z" for Italian time (review 16).
        (20, Some(minutes)) => format!("{minutes} UTC"),
        (25, Some(minutes)) => format!("{minutes} {}", spaced.get(19..).unwrap_or_default()),
        _ => spaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(path: &str, kind: &str, receipt: Option<&str>) -> ArtefactReport {
        let mut r = ArtefactReport::unreadable(path, crate::error::ReadFailure::Empty);
        r.problems[0] = crate::problem::Problem::new(
            crate::problem::ProblemCode::ContentAltered,
            "the signed bytes do not match",
        );
        r.kind = kind.into();
        r.receipt_type = receipt.map(str::to_string);
        r.verdict = Verdict::Invalid;
        r
    }

    #[test]
    fn at_80_columns_each_artefact_takes_two_lines_and_kinds_are_whole() {
        let table = VerifyTable::new(80, Lang::En);
        let long = format!("archivio/{}/ricevuta.eml", "x".repeat(100));
        let r = report(&long, "avvenuta-consegna", Some("sintetica"));
        let lines: Vec<String> = table.row(&r).iter().map(|l| l.render(false)).collect();
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 80), "{lines:#?}");
        assert!(lines[0].starts_with("INVALID archivio/") && lines[0].ends_with("/ricevuta.eml"));
        assert!(
            lines[1].trim_start().starts_with("avvenuta-consegna (sintetica) · "),
            "{lines:#?}"
        );
        assert!(lines[1].contains("content-altered: the signed bytes"), "{lines:#?}");
        let short = table.row(&report("a.eml", "accettazione", None));
        assert_eq!(short[0].render(false), "INVALID a.eml");
        for header in table.header() {
            assert!(header.render(false).chars().count() <= 80);
        }
    }

    #[test]
    fn at_120_columns_each_artefact_takes_one_line() {
        let table = VerifyTable::new(120, Lang::It);
        let r = report("cartella/ricevuta.eml", "avvenuta-consegna", Some("sintetica"));
        let lines = table.row(&r);
        assert_eq!(lines.len(), 1);
        let line = lines[0].render(false);
        assert!(line.chars().count() <= 120, "{line}");
        assert!(line.contains("avvenuta-consegna (sintetica) "), "{line}");
        assert!(line.contains("cartella/ricevuta.eml"), "{line}");
    }

    #[test]
    fn times_are_compact() {
        assert_eq!(compact_time("2014-11-27T14:12:16Z"), "2014-11-27 14:12 UTC");
        assert_eq!(compact_time("2026-12-02T00:41:59+01:00"), "2026-12-02 00:41 +01:00");
    }
}
