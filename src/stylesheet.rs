//! The widget's stylesheet (`src/ui/widget.css`, minified by `build.rs`): adopted by every
//! shadow root ([`crate::mount`]) and by the print frame ([`crate::print`]).

pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));
