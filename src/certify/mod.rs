//! Certified data: daticert.xml and the cross-checks of signed data against unsigned claims.
//!
//! [`daticert`] parses the provider's certification data; [`crosscheck`] compares it with
//! the unsigned headers and the signature; [`cecpac`] knows the closed CEC-PAC service.

pub mod assess;
pub(crate) mod cecpac;
pub(crate) mod crosscheck;
