//! The widget's staff module. Visitors never download it: it loads only when a mediator opens
//! the staff view, or on the partner page's configurator. It is built by Trunk next to the
//! other two modules and loaded with a dynamic `import()`.

pub mod configurator;
pub mod staff_ui;
