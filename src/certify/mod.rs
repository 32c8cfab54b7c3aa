//! TEMPORARY stub until the daticert branch lands.
#![allow(missing_docs)]
pub mod daticert {
    use serde::Serialize;
    #[derive(Debug, Clone, PartialEq, Serialize, Default)]
    pub struct Destinatario { pub address: String, pub tipo: String }
    #[derive(Debug, Clone, PartialEq, Serialize, Default)]
    pub struct DatiCert {
        pub tipo: Option<String>, pub errore: String, pub mittente: Option<String>,
        pub destinatari: Vec<Destinatario>, pub ricevuta: Option<String>, pub msgid: Option<String>,
        pub identificativo: Option<String>, pub malformed: Option<String>,
    }
    #[derive(Debug)]
    pub struct DaticertError;
    impl std::fmt::Display for DaticertError {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("x") }
    }
    pub fn parse(_b: &[u8], _l: &crate::limits::Limits) -> Result<DatiCert, DaticertError> { Err(DaticertError) }
    pub fn looks_like_daticert(b: &[u8]) -> bool { memchr::memmem::find(b, b"<postacert").is_some() }
}
