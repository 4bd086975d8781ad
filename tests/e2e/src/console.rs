//! The console guard: every test fails on a console error of its browser session, unless it
//! declared that error first (see [`Browser`]).

use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{json, Value};

use crate::Browser;

/// Whether a console entry is an error the guard refuses (see [`Browser`]).
pub fn is_console_error(level: &str, message: &str) -> bool {
    level.eq_ignore_ascii_case("SEVERE")
        || message.contains("RuntimeError")
        || message.contains("panicked")
        || message.contains("internal error")
        || message.contains("Uncaught")
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.closed.load(std::sync::atomic::Ordering::SeqCst) && !std::thread::panicking() {
            panic!("a Browser was dropped without close(): its console was never checked");
        }
    }
}

impl Browser {
    /// Every browser console message of the session so far (level and text), oldest first.
    pub async fn console(&self) -> Vec<(String, String)> {
        let result = self
            .client
            .issue_cmd(LogCommand)
            .await
            .unwrap_or(Value::Null);
        let fresh: Vec<(String, String)> = result
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        (
                            e["level"].as_str().unwrap_or_default().to_string(),
                            e["message"].as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut log = self.log.lock().expect("console log");
        log.extend(fresh);
        log.clone()
    }

    /// Declares an error this test provokes on purpose: console errors containing `text` are
    /// allowed, and at least one must appear before [`Browser::close`].
    pub fn expect_console(&self, text: &str) {
        self.expected
            .lock()
            .expect("expected messages")
            .push(text.to_string());
    }

    /// The console errors of the session that no [`Browser::expect_console`] allows, and the
    /// declared messages that never appeared.
    pub async fn console_problems(&self) -> Vec<String> {
        let log = self.console().await;
        let expected = self.expected.lock().expect("expected messages").clone();
        let mut problems: Vec<String> = log
            .iter()
            .filter(|(level, message)| is_console_error(level, message))
            .filter(|(_, message)| !expected.iter().any(|e| message.contains(e.as_str())))
            .map(|(level, message)| format!("{level}: {message}"))
            .collect();
        for wanted in &expected {
            if !log
                .iter()
                .any(|(_, message)| message.contains(wanted.as_str()))
            {
                problems.push(format!("expected console message never appeared: {wanted}"));
            }
        }
        problems
    }

    /// Fails now if the console holds an error (see [`Browser`]); the session goes on.
    pub async fn assert_console_clean(&self) {
        let problems = self.console_problems().await;
        let unexpected: Vec<&String> = problems
            .iter()
            .filter(|p| !p.starts_with("expected console message never appeared"))
            .collect();
        assert!(
            unexpected.is_empty(),
            "console errors during this browser session:\n{}",
            unexpected
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    /// Ends the session, and fails the test if its console holds an error (see [`Browser`]).
    pub async fn close(self) {
        let problems = self.console_problems().await;
        self.closed.store(true, std::sync::atomic::Ordering::SeqCst);
        let _ = self.client.clone().close().await;
        assert!(
            problems.is_empty(),
            "console errors during this browser session:\n{}",
            problems.join("\n")
        );
    }
}

/// chromedriver's log endpoint (not in the W3C standard, so fantoccini has no method for it).
#[derive(Debug)]
struct LogCommand;

impl WebDriverCompatibleCommand for LogCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}
