//! PEC rules over verified data: the cross-checks of signed data against unsigned claims
//! (`crosscheck`), the closed CEC-PAC service (`cecpac`) and the verdict ([`assess`]).

pub mod assess;
pub(crate) mod cecpac;
pub(crate) mod crosscheck;
pub(crate) mod rem;
pub mod times;
