//! For in-browser tests (wasm-bindgen-test): the same console guard as the end-to-end tests.
//!
//! [`ConsoleGuard::start`] records every `console.error`, uncaught exception and unhandled
//! promise rejection of the test page from then on; [`ConsoleGuard::finish`] fails the test if
//! any appeared. Compiled for this crate's tests, and for other crates' tests through the
//! `console-guard` feature, which only their dev-dependencies turn on.

use wasm_bindgen::JsValue;

/// Installs the recorders once per page (idempotent) and empties what they hold.
const INSTALL: &str = r#"
if (!globalThis.__anConsoleErrors) {
  globalThis.__anConsoleErrors = [];
  const original = console.error.bind(console);
  console.error = (...args) => { globalThis.__anConsoleErrors.push(args.map(String).join(' ')); original(...args); };
  addEventListener('error', e => globalThis.__anConsoleErrors.push('uncaught: ' + (e.message || e.error)));
  addEventListener('unhandledrejection', e => globalThis.__anConsoleErrors.push('unhandled rejection: ' + e.reason));
}
globalThis.__anConsoleErrors.length = 0;
"#;

const READ: &str = "return (globalThis.__anConsoleErrors || []).slice();";

/// Watches the console for the length of one test.
pub struct ConsoleGuard(());

impl ConsoleGuard {
    pub fn start() -> ConsoleGuard {
        run(INSTALL);
        ConsoleGuard(())
    }

    /// What was recorded since [`ConsoleGuard::start`].
    pub fn errors(&self) -> Vec<String> {
        let list = run(READ);
        js_sys::Array::from(&list)
            .iter()
            .filter_map(|v| v.as_string())
            .collect()
    }

    /// Fails the test when anything was recorded.
    pub fn finish(self) {
        let errors = self.errors();
        assert!(
            errors.is_empty(),
            "console errors during this test:\n{}",
            errors.join("\n")
        );
    }
}

fn run(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap_or(JsValue::UNDEFINED)
}
