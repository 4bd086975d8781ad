//! Test harness: serves the built widget (`dist/`) and fixture pages over HTTP on loopback,
//! starts Debian's chromedriver, and drives headless Chromium with fantoccini.
//!
//! Everything a test needs to look inside the widget's shadow root, press keys, print to PDF
//! or talk to the Chrome DevTools Protocol lives here, so the tests read as user stories.
//!
//! - `server`: the loopback HTTP server for `dist/` and the fixtures, with forced replies.
//! - `driver`: the chromedriver process.
//! - `browser`: one Chromium session, its launch, JavaScript and the DevTools Protocol.
//! - `console`: the console guard, which fails a test on any console error.
//! - `widget`: looking inside the widget's shadow root, waiting, clicking.
//! - `keyboard`: keys, typing, focus.
//! - `flow`: walking the self-assessment as a person does.
//! - `axe`: the accessibility audit.
//! - `pdf`: printing to PDF and reading it back.
//! - `artifacts`: screenshots, and where tests keep them and the PDFs.

mod artifacts;
mod axe;
mod browser;
mod console;
mod driver;
mod flow;
mod keyboard;
mod pdf;
mod server;
mod widget;

pub use artifacts::artifacts_dir;
pub use browser::{Browser, Viewport, DESKTOP, PHONE};
pub use console::is_console_error;
pub use driver::Driver;
pub use fantoccini::key::Key;
pub use flow::mixed_profile;
pub use pdf::{holds_code, pdf_pages, pdf_text, pdf_text_flat};
pub use server::{dist_dir, fixtures_dir, Reply, Server, ServerOptions, Stall};
