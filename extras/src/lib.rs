//! The widget's lazily loaded module. It holds what is not needed to show the first question,
//! so French visitors download it only when they reach a later step: the places file parser
//! and search, and QR codes for the printout.
//! It is built by Trunk next to the main module and loaded with a dynamic `import()`.

pub mod places_data;
pub mod places_ui;
pub mod qr;
