//! Artefact kinds and the unsigned markers that claim them.
//!
//! The kind comes from the signed daticert `tipo` first; the top-level `X-Ricevuta` /
//! `X-Trasporto` headers and the Subject prefix are unsigned claims, recorded for the
//! cross-checks (docs/pec-spec.md §2.2, "Classification precedence").

use serde::{Serialize, Serializer};

/// What a PEC artefact is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Busta di trasporto: the certified message as delivered.
    PostaCertificata,
    /// Busta di anomalia (`X-Trasporto: errore`): content NOT certified.
    Anomalia,
    /// Ricevuta di accettazione: the message was sent.
    Accettazione,
    /// Avviso di non accettazione.
    NonAccettazione,
    /// Ricevuta di presa in carico (between providers).
    PresaInCarico,
    /// Ricevuta di avvenuta consegna: delivered to one recipient.
    AvvenutaConsegna,
    /// Avviso di mancata consegna.
    ErroreConsegna,
    /// Preavviso di mancata consegna (12 h warning).
    PreavvisoErroreConsegna,
    /// Avviso di rilevazione virus.
    RilevazioneVirus,
    /// A `tipo` outside the DTD, kept verbatim.
    Unknown(String),
    /// A REM/ERDS evidence message (ETSI EN 319 522): recognised, not a PEC.
    RemEvidence,
    /// Not a PEC artefact.
    NotPec,
}

impl Kind {
    /// The kind for a daticert `tipo` or an `X-Ricevuta` value (case-insensitive, trimmed).
    pub fn from_tipo(tipo: &str) -> Kind {
        const TIPI: [(&str, Kind); 8] = [
            ("posta-certificata", Kind::PostaCertificata),
            ("accettazione", Kind::Accettazione),
            ("non-accettazione", Kind::NonAccettazione),
            ("presa-in-carico", Kind::PresaInCarico),
            ("avvenuta-consegna", Kind::AvvenutaConsegna),
            ("errore-consegna", Kind::ErroreConsegna),
            ("preavviso-errore-consegna", Kind::PreavvisoErroreConsegna),
            ("rilevazione-virus", Kind::RilevazioneVirus),
        ];
        let tipo = tipo.trim();
        TIPI.iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(tipo))
            .map_or_else(|| Kind::Unknown(tipo.to_string()), |(_, kind)| kind.clone())
    }

    /// The kind a stable name stands for ([`Kind::name`] read back); an unknown tipo's
    /// verbatim text is not in the name and comes back empty.
    pub fn from_name(name: &str) -> Kind {
        match name {
            "anomalia" => Kind::Anomalia,
            "rem" => Kind::RemEvidence,
            "not-pec" => Kind::NotPec,
            "unknown" => Kind::Unknown(String::new()),
            tipo => Kind::from_tipo(tipo),
        }
    }

    /// The kind claimed by the top-level markers, if any.
    pub fn from_markers(x_trasporto: Option<&str>, x_ricevuta: Option<&str>) -> Option<Kind> {
        if let Some(t) = x_trasporto {
            return Some(match t.trim().to_ascii_lowercase().as_str() {
                "errore" => Kind::Anomalia,
                "posta-certificata" => Kind::PostaCertificata,
                other => Kind::Unknown(other.to_string()),
            });
        }
        x_ricevuta.map(Kind::from_tipo)
    }

    /// The kind a Subject prefix claims (longest prefixes first).
    pub fn from_subject(subject: &str) -> Option<Kind> {
        const PREFIXES: &[(&str, Kind)] = &[
            ("POSTA CERTIFICATA:", Kind::PostaCertificata),
            ("ANOMALIA MESSAGGIO:", Kind::Anomalia),
            ("ACCETTAZIONE:", Kind::Accettazione),
            ("AVVISO DI NON ACCETTAZIONE", Kind::NonAccettazione),
            ("PRESA IN CARICO:", Kind::PresaInCarico),
            ("CONSEGNA:", Kind::AvvenutaConsegna),
            ("AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO", Kind::PreavvisoErroreConsegna),
            ("AVVISO DI MANCATA CONSEGNA", Kind::ErroreConsegna),
            ("PROBLEMA DI SICUREZZA:", Kind::RilevazioneVirus),
        ];
        let upper = subject.trim_start().to_uppercase();
        PREFIXES.iter().find(|(p, _)| upper.starts_with(p)).map(|(_, k)| k.clone())
    }

    /// Whether the Subject carries a PEC prefix after other text (a mailing list's
    /// `[lista] [SPAM] POSTA CERTIFICATA: …`): the Subject was changed after the provider
    /// wrote it.
    pub fn subject_prefix_moved(subject: &str) -> bool {
        let trimmed = subject.trim_start();
        if Kind::from_subject(trimmed).is_some() {
            return false;
        }
        trimmed.char_indices().any(|(i, _)| i > 0 && Kind::from_subject(&trimmed[i..]).is_some())
    }

    /// Whether a Subject prefix claim is consistent with this kind.
    ///
    /// The 12 h preavviso and the 24 h final notice share the "SUP. TEMPO MASSIMO" wording
    /// (docs/pec-spec.md §7 item 3), so either kind matches it.
    pub fn matches_subject_claim(&self, claimed: &Kind) -> bool {
        self == claimed
            || matches!(
                (self, claimed),
                (Kind::ErroreConsegna, Kind::PreavvisoErroreConsegna)
                    | (Kind::PreavvisoErroreConsegna, Kind::ErroreConsegna)
            )
    }

    /// Stable kebab-case name (JSON, CSV); an unknown tipo is `unknown`.
    pub fn name(&self) -> &str {
        match self {
            Kind::PostaCertificata => "posta-certificata",
            Kind::Anomalia => "anomalia",
            Kind::Accettazione => "accettazione",
            Kind::NonAccettazione => "non-accettazione",
            Kind::PresaInCarico => "presa-in-carico",
            Kind::AvvenutaConsegna => "avvenuta-consegna",
            Kind::ErroreConsegna => "errore-consegna",
            Kind::PreavvisoErroreConsegna => "preavviso-errore-consegna",
            Kind::RilevazioneVirus => "rilevazione-virus",
            Kind::Unknown(_) => "unknown",
            Kind::RemEvidence => "rem",
            Kind::NotPec => "not-pec",
        }
    }

    /// Whether this is one of the PEC artefact kinds (anything but REM and not-PEC).
    pub fn is_pec(&self) -> bool {
        !matches!(self, Kind::RemEvidence | Kind::NotPec)
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tipo_round_trips_through_name() {
        for tipo in [
            "posta-certificata",
            "accettazione",
            "non-accettazione",
            "presa-in-carico",
            "avvenuta-consegna",
            "errore-consegna",
            "preavviso-errore-consegna",
            "rilevazione-virus",
        ] {
            assert_eq!(Kind::from_tipo(tipo).name(), tipo);
        }
        assert_eq!(Kind::from_tipo(" Mancata-Consegna "), Kind::Unknown("Mancata-Consegna".into()));
    }

    #[test]
    fn subject_prefixes_prefer_the_longest() {
        assert_eq!(Kind::from_subject("CONSEGNA: x"), Some(Kind::AvvenutaConsegna));
        assert_eq!(
            Kind::from_subject("AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: x"),
            Some(Kind::PreavvisoErroreConsegna)
        );
        assert_eq!(Kind::from_subject("AVVISO DI MANCATA CONSEGNA: x"), Some(Kind::ErroreConsegna));
        assert_eq!(
            Kind::from_subject("AVVISO DI NON ACCETTAZIONE PER VIRUS: x"),
            Some(Kind::NonAccettazione)
        );
        assert_eq!(Kind::from_subject("Re: CONSEGNA: x"), None);
    }

    #[test]
    fn markers_anomaly_and_receipts() {
        assert_eq!(Kind::from_markers(Some("errore"), None), Some(Kind::Anomalia));
        assert_eq!(Kind::from_markers(None, Some("Accettazione")), Some(Kind::Accettazione));
        assert_eq!(Kind::from_markers(None, None), None);
    }

    #[test]
    fn a_tag_before_the_pec_prefix_is_noticed() {
        assert!(Kind::subject_prefix_moved("[lista] [SPAM] POSTA CERTIFICATA: atto"));
        assert!(!Kind::subject_prefix_moved("POSTA CERTIFICATA: atto"));
        assert!(!Kind::subject_prefix_moved("Re: una pratica qualsiasi"));
    }
}
