//! TEMPORARY stub until the verify branch lands.
#![allow(missing_docs)]
#[derive(Debug)]
pub struct CmsError(pub String);
impl std::fmt::Display for CmsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
pub fn encapsulated_content(_cms_der: &[u8]) -> Result<Option<Vec<u8>>, CmsError> {
    Err(CmsError("stub".into()))
}
