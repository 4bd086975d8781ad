//! The widget's lazily loaded module. It holds what is not needed to show the first question,
//! so French visitors download it only when they reach a later step: the places file parser
//! and search, QR codes for the printout, and the configurator of the partner page.
//! It is built by Trunk next to the main module and loaded with a dynamic `import()`.

pub mod configurator;
pub mod places_data;
pub mod places_ui;
pub mod qr;
pub mod screen;
pub mod staff_ui;
