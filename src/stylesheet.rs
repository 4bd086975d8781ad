//! The widget's stylesheet (`src/ui/widget.css` and the parts kept beside the places, summary
//! and staff screens, joined and minified by `build.rs`): adopted by every shadow root
//! ([`crate::mount`]) and by the print frame ([`crate::print`]).

pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));
