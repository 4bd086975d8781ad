//! The keyboard: pressing keys on whatever has focus, typing, and following the focus with
//! Tab, through shadow roots.

use crate::{Browser, Key};

impl Browser {
    /// Presses keys on whatever has focus, as a keyboard would (WebDriver actions, which
    /// unlike "send keys to element" never move focus themselves).
    pub async fn press(&self, keys: &[Key]) {
        self.key_sequence(keys.iter().map(|k| char::from(*k)).collect(), None)
            .await;
    }

    /// Presses a key while holding a modifier, e.g. Shift+Tab.
    pub async fn press_with(&self, modifier: Key, key: Key) {
        self.key_sequence(vec![char::from(key)], Some(char::from(modifier)))
            .await;
    }

    /// Types text into whatever has focus.
    pub async fn type_text(&self, text: &str) {
        self.key_sequence(text.chars().collect(), None).await;
    }

    async fn key_sequence(&self, chars: Vec<char>, modifier: Option<char>) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".to_string());
        if let Some(m) = modifier {
            actions = actions.then(KeyAction::Down { value: m });
        }
        for c in chars {
            actions = actions
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        if let Some(m) = modifier {
            actions = actions.then(KeyAction::Up { value: m });
        }
        self.client
            .perform_actions(actions)
            .await
            .expect("key actions");
    }

    /// Describes the element that has focus, looking through shadow roots:
    /// `tag|type|text or label`.
    pub async fn focused(&self) -> String {
        self.js(
            "let el = document.activeElement;\
             while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;\
             if (!el) return '';\
             const label = el.labels && el.labels[0] ? el.labels[0].innerText : '';\
             return [el.tagName.toLowerCase(), el.type || '', (label || el.innerText || el.value || '').trim()].join('|');",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Presses Tab until the focused element's description contains `wanted`.
    pub async fn tab_to(&self, wanted: &str) {
        for _ in 0..80 {
            if self.focused().await.contains(wanted) {
                return;
            }
            self.press(&[Key::Tab]).await;
        }
        panic!(
            "Tab never reached {wanted:?}; focus is on {:?}",
            self.focused().await
        );
    }
}
