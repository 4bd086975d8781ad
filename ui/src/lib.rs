//! What the widget's two modules share: small builders over Leptos' type-erased views
//! (`dom`), the pictograms (`icons`) and fetching with plain failure reasons (`net`).

pub mod dom;
pub mod icons;
pub mod net;
