//! The accessibility audit: axe-core run in the page, into the widget's shadow root.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::Browser;

/// axe-core, from the npm package `scripts/setup.sh` installs.
fn axe_source() -> String {
    let path = std::env::var_os("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../.tools/npm/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core not found at {} ({e}): run scripts/setup.sh",
            path.display()
        )
    })
}

impl Browser {
    /// Runs axe-core on the whole page (it looks into open shadow roots) and returns its
    /// violations as "rule: selector (help)" lines. WCAG 2.2 A and AA and axe's best practices.
    pub async fn axe_violations(&self) -> Vec<String> {
        let loaded = self
            .js("return typeof window.axe === 'object';", vec![])
            .await;
        if loaded != Value::Bool(true) {
            self.js(&format!("{}\n;return true;", axe_source()), vec![])
                .await;
        }
        let result = self
            .js(
                "return axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v =>\
                   v.id + ': ' + v.nodes.map(n => JSON.stringify(n.target)).join(' ') + ' (' + v.help + ')'));",
                vec![],
            )
            .await;
        crate::widget::strings(&result)
    }

    /// Fails with the list when axe finds anything.
    pub async fn assert_accessible(&self, screen: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe violations on {screen}:\n{}",
            violations.join("\n")
        );
    }
}
