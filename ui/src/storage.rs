//! The one place the widget touches browser storage.
//!
//! Every value is wrapped in the versioned envelope of `autonomie_core::envelope`. Keys are
//! `autonomie-numerique:<namespace>:<name>`, so "Effacer mes données" can find and remove every
//! key the widget wrote, and two widgets on one page keep apart.
//!
//! When storage is blocked (sandboxed iframe, blocked third-party storage, some private modes)
//! the widget keeps working in memory and says so. This module checks availability itself and
//! only uses `Result`-returning web-sys calls.
//!
//! Why not gloo-storage, which the project's design names: measured on 2026-12-01
//! (`cargo run -p budget`), going through it behind the availability check (raw strings:
//! `raw().get_item` and `set_item`, `delete`, `length`) cost 0.14 KB brotli on the first
//! question (151.5 → 151.6 KB) and 0.1 KB on the whole flow, within the 5 KB the project
//! allows. It is not used all the same: every one of its calls that reaches the browser's
//! storage (`raw`, `delete`, `length`, `clear`, and `get`/`set` through `raw`) panics
//! (`expect_throw`) when storage is blocked, which happens after the check when a person
//! changes their browser's settings, and a panic stops the widget. Its panic-free part would
//! be the storage handle this module already gets from web-sys. Its JSON helpers would also
//! bring serde_json into the wasm and wrap the envelope in a second JSON string.

use autonomie_core::envelope::{self, SetAside, Stored};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Prefix of every key the widget writes.
pub const KEY_PREFIX: &str = "autonomie-numerique:";

/// Names of the stored values (the last part of the key). The first three are about a person;
/// the last three belong to the computer and its staff, and hold nothing about anyone.
pub const SESSION: &str = "session";
pub const HISTORY: &str = "history";
pub const PREFS: &str = "prefs";
pub const DEVICE: &str = "device";
pub const STATS: &str = "stats";
pub const PIN: &str = "staff";

/// Values about the computer and its staff, never about a person.
const COMPUTER_VALUES: [&str; 3] = [DEVICE, STATS, PIN];

/// Whether a key (`autonomie-numerique:<instance>:<name>[:backup:<time>]`) holds a value of
/// [`COMPUTER_VALUES`].
fn belongs_to_the_computer(key: &str) -> bool {
    key.strip_prefix(KEY_PREFIX)
        .and_then(|rest| rest.split(':').nth(1))
        .is_some_and(|name| COMPUTER_VALUES.contains(&name))
}

/// Where values go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// localStorage: survives closing the browser.
    Device,
    /// sessionStorage: survives a reload, gone when the tab closes (public computers).
    Tab,
}

enum Backend {
    Browser(web_sys::Storage),
    /// Storage is unavailable; values live as long as the page.
    Memory(RefCell<BTreeMap<String, String>>),
}

pub struct Store {
    backend: Backend,
    namespace: String,
}

/// What reading a value gave.
pub enum Loaded<T> {
    Missing,
    Found(T),
    /// The value could not be used; its raw text was kept under `backup_key`.
    SetAside {
        reason: SetAside,
        backup_key: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteFailed;

impl Store {
    /// Opens storage for one widget instance. The flag is true when the requested storage is
    /// unavailable and the widget fell back to memory.
    pub fn open(namespace: &str, persistence: Persistence) -> (Store, bool) {
        let namespace = sanitize_namespace(namespace);
        match browser_storage(persistence) {
            Some(storage) => (
                Store {
                    backend: Backend::Browser(storage),
                    namespace,
                },
                false,
            ),
            None => (Store::in_memory(&namespace), true),
        }
    }

    pub fn in_memory(namespace: &str) -> Store {
        Store {
            backend: Backend::Memory(RefCell::new(BTreeMap::new())),
            namespace: sanitize_namespace(namespace),
        }
    }

    pub fn key(&self, name: &str) -> String {
        format!("{KEY_PREFIX}{}:{name}", self.namespace)
    }

    pub fn load<T: Stored>(&self, name: &str) -> Loaded<T> {
        let key = self.key(name);
        let Some(raw) = self.get_raw(&key) else {
            return Loaded::Missing;
        };
        match envelope::unwrap::<T>(&raw) {
            Ok(value) => Loaded::Found(value),
            Err(reason) => {
                // Never drop what we cannot read: keep it aside for a newer build or a human.
                let backup_key = format!("{}:backup:{}", key, now_millis());
                let kept = self.set_raw(&backup_key, &raw).is_ok();
                self.remove_raw(&key);
                Loaded::SetAside {
                    reason,
                    backup_key: kept.then_some(backup_key),
                }
            }
        }
    }

    pub fn save<T: Stored>(&self, name: &str, value: &T) -> Result<(), WriteFailed> {
        let key = self.key(name);
        self.set_raw(&key, &envelope::wrap(value))
    }

    pub fn remove(&self, name: &str) {
        let key = self.key(name);
        self.remove_raw(&key);
    }

    /// Removes every value about a person that any autonomie widget wrote in this storage,
    /// backups included. What belongs to the computer (settings, anonymous counts, the staff
    /// PIN) stays: a visitor's "Effacer mes données" must not lock the staff out.
    pub fn forget_all(&self) {
        for key in self.keys() {
            if key.starts_with(KEY_PREFIX) && !belongs_to_the_computer(&key) {
                self.remove_raw(&key);
            }
        }
    }

    /// All keys in the underlying storage (ours and others').
    pub fn keys(&self) -> Vec<String> {
        match &self.backend {
            Backend::Browser(storage) => {
                let len = storage.length().unwrap_or(0);
                (0..len)
                    .filter_map(|i| storage.key(i).ok().flatten())
                    .collect()
            }
            Backend::Memory(map) => map.borrow().keys().cloned().collect(),
        }
    }

    fn get_raw(&self, key: &str) -> Option<String> {
        match &self.backend {
            Backend::Browser(storage) => storage.get_item(key).ok().flatten(),
            Backend::Memory(map) => map.borrow().get(key).cloned(),
        }
    }

    fn set_raw(&self, key: &str, value: &str) -> Result<(), WriteFailed> {
        match &self.backend {
            Backend::Browser(storage) => storage.set_item(key, value).map_err(|_| WriteFailed),
            Backend::Memory(map) => {
                map.borrow_mut().insert(key.to_string(), value.to_string());
                Ok(())
            }
        }
    }

    fn remove_raw(&self, key: &str) {
        match &self.backend {
            Backend::Browser(storage) => {
                let _ = storage.remove_item(key);
            }
            Backend::Memory(map) => {
                map.borrow_mut().remove(key);
            }
        }
    }
}

/// The browser storage, if it can be read. Accessing `window.localStorage` itself throws a
/// SecurityError when storage is blocked, which web-sys returns as `Err`. A full storage is
/// still used: what was saved before stays readable, and failed writes are reported.
fn browser_storage(persistence: Persistence) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    let storage = match persistence {
        Persistence::Device => window.local_storage(),
        Persistence::Tab => window.session_storage(),
    }
    .ok()
    .flatten()?;
    storage.get_item(&format!("{KEY_PREFIX}probe")).ok()?;
    Some(storage)
}

fn sanitize_namespace(namespace: &str) -> String {
    let cleaned: String = namespace
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect();
    if cleaned.is_empty() {
        "default".to_string()
    } else {
        cleaned
    }
}

fn now_millis() -> u64 {
    js_sys::Date::now() as u64
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use autonomie_core::history::History;
    use autonomie_core::Session;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn local() -> web_sys::Storage {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .expect("the test browser has localStorage")
    }

    #[wasm_bindgen_test]
    fn saves_and_loads_through_the_envelope() {
        let guard = crate::console_guard::ConsoleGuard::start();
        let (store, memory_only) = Store::open("t-roundtrip", Persistence::Device);
        assert!(!memory_only);
        let session = Session::new("2026-11-22").with_id("42");
        store.save("session", &session).expect("saved");
        let raw = local()
            .get_item("autonomie-numerique:t-roundtrip:session")
            .unwrap()
            .unwrap();
        assert!(raw.starts_with(r#"{"v":2,"#), "{raw}");
        match store.load::<Session>("session") {
            Loaded::Found(back) => assert_eq!(back, session),
            _ => panic!("the session did not load back"),
        }
        guard.finish();
    }

    #[wasm_bindgen_test]
    fn corrupt_values_are_kept_under_a_backup_key() {
        let guard = crate::console_guard::ConsoleGuard::start();
        let (store, _) = Store::open("t-corrupt", Persistence::Device);
        local()
            .set_item("autonomie-numerique:t-corrupt:history", "[[[")
            .unwrap();
        match store.load::<History>("history") {
            Loaded::SetAside {
                reason: SetAside::Corrupt,
                backup_key: Some(key),
            } => {
                assert!(key.starts_with("autonomie-numerique:t-corrupt:history:backup:"));
                assert_eq!(local().get_item(&key).unwrap().as_deref(), Some("[[["));
            }
            _ => panic!("a corrupt value must be set aside"),
        }
        assert!(local()
            .get_item("autonomie-numerique:t-corrupt:history")
            .unwrap()
            .is_none());
        guard.finish();
    }

    #[wasm_bindgen_test]
    fn forget_all_removes_only_what_is_about_people() {
        let guard = crate::console_guard::ConsoleGuard::start();
        let (store, _) = Store::open("t-forget", Persistence::Device);
        store.save("session", &Session::new("2026-11-22")).unwrap();
        local()
            .set_item("autonomie-numerique:other-widget:prefs", "x")
            .unwrap();
        local()
            .set_item("autonomie-numerique:t-forget:history:backup:1", "x")
            .unwrap();
        let computer = [
            "autonomie-numerique:t-forget:staff",
            "autonomie-numerique:t-forget:stats",
            "autonomie-numerique:other-widget:device",
        ];
        for key in computer {
            local().set_item(key, "kept").unwrap();
        }
        local().set_item("host-page-key", "keep me").unwrap();
        store.forget_all();
        let mut left: Vec<String> = store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(KEY_PREFIX))
            .collect();
        left.sort();
        let mut expected: Vec<String> = computer.iter().map(|k| k.to_string()).collect();
        expected.sort();
        assert_eq!(left, expected);
        assert_eq!(
            local().get_item("host-page-key").unwrap().as_deref(),
            Some("keep me")
        );
        for key in computer.iter().chain(&["host-page-key"]) {
            local().remove_item(key).unwrap();
        }
        guard.finish();
    }

    #[wasm_bindgen_test]
    fn namespaces_keep_widgets_apart_and_are_sanitised() {
        let guard = crate::console_guard::ConsoleGuard::start();
        let (a, _) = Store::open("mairie", Persistence::Device);
        let (b, _) = Store::open("bibliotheque", Persistence::Device);
        assert_ne!(a.key("session"), b.key("session"));
        let odd = Store::in_memory("a b<script>");
        assert_eq!(odd.key("session"), "autonomie-numerique:abscript:session");
        assert_eq!(
            Store::in_memory("").key("x"),
            "autonomie-numerique:default:x"
        );
        guard.finish();
    }

    #[wasm_bindgen_test]
    fn the_memory_fallback_behaves_like_storage() {
        let guard = crate::console_guard::ConsoleGuard::start();
        let store = Store::in_memory("t-memory");
        store.save("session", &Session::new("2026-11-22")).unwrap();
        assert!(matches!(store.load::<Session>("session"), Loaded::Found(_)));
        store.forget_all();
        assert!(matches!(store.load::<Session>("session"), Loaded::Missing));
        guard.finish();
    }
}
