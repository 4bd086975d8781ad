//! Looking inside the widget's shadow root: running a script there, waiting for a condition,
//! reading its text and clicking its buttons.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::Browser;

impl Browser {
    /// Runs JavaScript with `root` bound to the shadow root of the `index`-th widget.
    pub async fn in_widget(&self, index: usize, body: &str) -> Value {
        let script = format!(
            "const hosts = document.querySelectorAll('autonomie-numerique, [data-autonomie-numerique]');\
             const host = hosts[{index}]; if (!host || !host.shadowRoot) return null;\
             const root = host.shadowRoot; {body}"
        );
        self.js(&script, vec![]).await
    }

    /// Polls a JavaScript condition (inside the first widget) until it is truthy.
    pub async fn wait_widget(&self, condition: &str, what: &str) {
        self.wait_widget_n(0, condition, what).await;
    }

    pub async fn wait_widget_n(&self, index: usize, condition: &str, what: &str) {
        self.wait_widget_within(index, condition, what, Duration::from_secs(20))
            .await;
    }

    /// Like [`Browser::wait_widget`], with a longer patience for timers.
    pub async fn wait_widget_within(
        &self,
        index: usize,
        condition: &str,
        what: &str,
        patience: Duration,
    ) {
        let deadline = Instant::now() + patience;
        loop {
            let value = self
                .in_widget(index, &format!("return !!({condition});"))
                .await;
            if value == Value::Bool(true) {
                return;
            }
            if Instant::now() > deadline {
                let text = self.widget_text().await;
                panic!("timed out waiting for {what}; widget shows:\n{text}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Polls a condition on the page itself.
    pub async fn wait_page(&self, condition: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if self.js(&format!("return !!({condition});"), vec![]).await == Value::Bool(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Visible text of the first widget.
    pub async fn widget_text(&self) -> String {
        self.widget_text_n(0).await
    }

    pub async fn widget_text_n(&self, index: usize) -> String {
        self.in_widget(
            index,
            "return root.querySelector('.an-root')?.innerText ?? '';",
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// The texts a script run in the first widget returns as an array.
    pub async fn widget_strings(&self, script: &str) -> Vec<String> {
        strings(&self.in_widget(0, script).await)
    }

    /// Waits until the widget is mounted and shows its welcome screen or a later one.
    pub async fn wait_ready(&self) {
        self.wait_widget("root.querySelector('.an-root h2')", "the widget to mount")
            .await;
    }

    /// Clicks the first button (or label) in the widget whose text contains `text`, waiting
    /// up to 5 s for it (screens after the last question mount once their module is there).
    pub async fn click_text(&self, text: &str) {
        let mut clicked = Value::Bool(false);
        for _ in 0..50 {
            clicked = self
                .in_widget(
                    0,
                    &format!(
                        "const wanted = {};\
                         const el = [...root.querySelectorAll('button, label, a')].find(e => e.innerText.includes(wanted) && !e.disabled);\
                         if (!el) return false; el.click(); return true;",
                        json!(text)
                    ),
                )
                .await;
            if clicked == Value::Bool(true) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if clicked != Value::Bool(true) {
            let shown = self.widget_text().await;
            panic!("no button or label with text {text:?}; widget shows:\n{shown}");
        }
    }

    /// Clicks the button whose whole text is `text`.
    pub async fn click_text_exact_button(&self, text: &str) {
        let clicked = self
            .in_widget(
                0,
                &format!(
                    "const el = [...root.querySelectorAll('button')].find(b => b.innerText.trim() === {});\
                     if (!el) return false; el.click(); return true;",
                    json!(text)
                ),
            )
            .await;
        assert_eq!(clicked, Value::Bool(true), "no button {text:?}");
    }
}

/// The texts of a JSON array a script returned (nothing for anything else).
pub(crate) fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
