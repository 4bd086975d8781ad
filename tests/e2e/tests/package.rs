//! The release package as a partner meets it (`scripts/release.sh`, run by `scripts/test.sh`
//! before these tests): installed with npm from its tarball, served from one origin, pasted
//! with the configurator's snippet into a page of another origin; the same with one byte of
//! the wasm changed; the zip, the sums and the version.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use autonomie_e2e::{mixed_profile, Browser, Reply, Server, ServerOptions, DESKTOP};
use serde_json::Value;

const NAME: &str = "autonomie-numerique";
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn package_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/release-package");
    assert!(
        dir.join(format!("{NAME}-{VERSION}.tgz")).is_file(),
        "no package for version {VERSION} in {}: run scripts/release.sh --no-build after the release build (scripts/test.sh does)",
        dir.display()
    );
    dir
}

fn run(command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("autonomie-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir
}

/// `npm install <tgz>` into an empty folder, as a partner's build would; returns the
/// installed package's folder.
fn install(name: &str) -> PathBuf {
    let tgz = package_dir().join(format!("{NAME}-{VERSION}.tgz"));
    let folder = temp_dir(name);
    std::fs::write(folder.join("package.json"), "{\"private\": true}").expect("package.json");
    run(Command::new("npm")
        .args([
            "install",
            "--offline",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
        ])
        .arg(&tgz)
        .current_dir(&folder));
    folder.join("node_modules").join(NAME)
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in std::fs::read_dir(&folder)
            .expect("readable folder")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .expect("under dir")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(relative, std::fs::read(&path).expect("readable file"));
            }
        }
    }
    files
}

/// The snippet the configurator served with the package writes, with its integrity.
async fn configurator_snippet(browser: &Browser, widget: &Server) -> String {
    browser.goto(&widget.url("/pkg/partenaires/")).await;
    browser
        .wait_page(
            "document.getElementById('cfg-snippet').textContent.includes('integrity=')",
            "the configurator's snippet with its integrity",
        )
        .await;
    browser
        .js(
            "const f = document.querySelector(\"input[data-list='domains'][value='communication']\");\
             for (const box of document.querySelectorAll(\"input[data-list='domains']\")) {\
               box.checked = box === f; box.dispatchEvent(new Event('change', {bubbles: true})); }\
             return true;",
            vec![],
        )
        .await;
    let snippet = browser
        .js(
            "return document.getElementById('cfg-snippet').textContent;",
            vec![],
        )
        .await;
    snippet.as_str().expect("snippet text").to_string()
}

fn host_page(snippet: &str) -> Reply {
    Reply::html(&format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Mairie</title>\
         <link rel=\"icon\" href=\"data:,\"></head><body><h1>Mairie</h1>{snippet}</body></html>"
    ))
}

fn widget_server(folder: &Path) -> Server {
    Server::start_with(ServerOptions {
        mounts: vec![("/pkg/".into(), folder.to_path_buf())],
        ..ServerOptions::default()
    })
}

/// A partner's page on another origin than the widget's, holding the snippet the configurator
/// served with the package writes; the package installed from its tarball, with one byte of
/// `changed` (a widget file) flipped if given. The browser is left on the configurator.
struct PartnerPage {
    installed: PathBuf,
    widget: Server,
    host: Server,
    browser: Browser,
    snippet: String,
}

impl PartnerPage {
    async fn new(name: &str, changed: Option<&str>) -> PartnerPage {
        let installed = install(name);
        if let Some(file) = changed {
            let path = installed.join("widget").join(file);
            let mut bytes = std::fs::read(&path).expect("the file to change");
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0x01;
            std::fs::write(&path, bytes).expect("the changed file");
        }
        let widget = widget_server(&installed.join("widget"));
        let host = Server::start();
        let browser = Browser::launch(DESKTOP).await;
        // The configurator is served by the same copy: it runs even when a module's wasm
        // changed, and its snippet pins the unchanged loader.
        let snippet = configurator_snippet(&browser, &widget).await;
        host.route("/mairie.html", host_page(&snippet));
        PartnerPage {
            installed,
            widget,
            host,
            browser,
            snippet,
        }
    }

    async fn open(&self) {
        self.browser.goto(&self.host.url("/mairie.html")).await;
    }

    async fn close(self) {
        self.browser.close().await;
        let _ = std::fs::remove_dir_all(self.installed.join("../.."));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_installed_package_runs_from_another_origin_with_the_configurators_snippet() {
    let page = PartnerPage::new("npm-ok", None).await;
    let (widget, browser, snippet) = (&page.widget, &page.browser, &page.snippet);
    let loader = widget.url("/pkg/autonomie.js");
    assert!(
        snippet.contains(&format!("src=\"{loader}\""))
            && snippet.contains("integrity=\"sha384-")
            && snippet.contains("crossorigin=\"anonymous\"")
            && snippet.contains(&format!("autonomie numérique {VERSION}"))
            && snippet.contains("data-domains=\"communication\""),
        "{snippet}"
    );
    // The configurator's other two outputs name the same files and origin.
    let iframe = browser
        .js(
            "return document.getElementById('cfg-iframe').textContent;",
            vec![],
        )
        .await;
    assert!(
        iframe
            .as_str()
            .is_some_and(|t| t.contains(&widget.url("/pkg/index.html?"))
                && t.contains("domains=communication")),
        "{iframe}"
    );
    let csp = browser
        .js(
            "return document.getElementById('cfg-csp').textContent;",
            vec![],
        )
        .await;
    let origin = widget.url("");
    assert_eq!(
        csp,
        Value::from(format!(
            "script-src {origin} 'wasm-unsafe-eval'; connect-src {origin}"
        ))
    );

    page.open().await;
    browser.wait_ready().await;
    browser.start_assessment("Commencer").await;
    // A language file, then the lazily loaded module, both checked against their hashes.
    browser.switch_language("en").await;
    browser.complete_to_summary(mixed_profile).await;
    let requested = widget.requests();
    for file in [
        "/pkg/autonomie-app_bg.wasm",
        "/pkg/autonomie-extras_bg.wasm",
        "/pkg/i18n/main/en.json",
        "/pkg/i18n/extras/en.json",
    ] {
        assert!(
            requested.iter().any(|r| r.contains(file)),
            "{file} was not served by the widget's origin: {requested:?}"
        );
    }
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_changed_byte_in_the_wasm_is_refused_and_never_run() {
    let page = PartnerPage::new("npm-tampered", Some("autonomie-app_bg.wasm")).await;
    let browser = &page.browser;
    browser.expect_console("does not match its integrity hash; it was not run");
    browser.expect_console("Failed to find a valid digest in the 'integrity' attribute");
    browser.expect_console("autonomie-app_bg.wasm. SRI's integrity checks failed.");
    page.open().await;
    browser
        .wait_page(
            "document.querySelector('autonomie-numerique').shadowRoot?.querySelector('[role=alert]')",
            "the refusal message",
        )
        .await;
    let message = browser
        .js(
            "const r = document.querySelector('autonomie-numerique').shadowRoot; return [r.textContent, r.querySelectorAll('*').length];",
            vec![],
        )
        .await;
    assert!(
        message[0]
            .as_str()
            .is_some_and(|t| t.contains("un de ses fichiers a été modifié")),
        "{message}"
    );
    // Only the message: the widget never mounted.
    assert_eq!(message[1], Value::from(1), "{message}");
    page.close().await;
}

/// The lazily loaded module changed: the questions run (their module is intact), then the
/// step after them says a file was changed instead of running it, and the flow stays usable.
#[tokio::test(flavor = "multi_thread")]
async fn a_changed_lazily_loaded_module_is_refused_with_a_message() {
    let page = PartnerPage::new("npm-tampered-extras", Some("autonomie-extras_bg.wasm")).await;
    let browser = &page.browser;
    browser.expect_console("autonomie-extras_bg.wasm does not match its integrity hash");
    browser.expect_console("autonomie-extras_bg.wasm' with computed SHA-384 integrity");
    browser.expect_console("autonomie-extras_bg.wasm. SRI's integrity checks failed.");
    page.open().await;
    browser.wait_ready().await;
    browser.start_assessment("Commencer").await;
    browser.answer_all(mixed_profile).await;
    browser
        .wait_widget(
            "root.querySelector('.an-error[role=alert]')",
            "the message about the changed file",
        )
        .await;
    let text = browser.widget_text().await;
    assert!(
        text.contains("Un fichier de l'outil a été modifié") && text.contains("Réessayer"),
        "{text}"
    );
    page.close().await;
}

#[test]
fn the_zip_the_sums_and_the_tarball_hold_the_same_widget_files_and_nothing_else() {
    let dir = package_dir();
    let sums = run(Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&dir));
    assert!(
        sums.contains(&format!("{NAME}-{VERSION}.tgz: OK"))
            && sums.contains(&format!("{NAME}-{VERSION}.zip: OK")),
        "{sums}"
    );
    let unpacked = temp_dir("unpacked");
    run(Command::new("tar")
        .arg("-xzf")
        .arg(dir.join(format!("{NAME}-{VERSION}.tgz")))
        .current_dir(&unpacked));
    run(Command::new("unzip")
        .arg("-q")
        .arg(dir.join(format!("{NAME}-{VERSION}.zip")))
        .arg("-d")
        .arg(unpacked.join("zip")));
    let tarball = files_under(&unpacked.join("package"));
    let zipped = files_under(&unpacked.join("zip"));
    let widget: BTreeMap<String, Vec<u8>> = tarball
        .iter()
        .filter_map(|(path, bytes)| {
            path.strip_prefix("widget/")
                .map(|p| (p.to_string(), bytes.clone()))
        })
        .collect();
    assert_eq!(
        zipped.keys().collect::<Vec<_>>(),
        widget.keys().collect::<Vec<_>>()
    );
    assert!(zipped == widget, "a zipped file differs from the tarball's");

    // Nothing the widget does not need: the files the loader and the standalone page use,
    // the languages, the shipped data with its sources, the partner page.
    let top = [
        "autonomie.js",
        "autonomie-app.js",
        "autonomie-app_bg.wasm",
        "autonomie-extras.js",
        "autonomie-extras_bg.wasm",
        "autonomie-staff.js",
        "autonomie-staff_bg.wasm",
        "index.html",
        "page.css",
        "sw.js",
    ];
    for path in widget.keys() {
        let allowed = match path.split_once('/') {
            None => top.contains(&path.as_str()),
            Some(("i18n", file)) => match file.split_once('/') {
                // One folder per wasm module (see `TextModule`), one file per language.
                Some((module, name)) => {
                    ["main", "extras", "staff"].contains(&module)
                        && name.ends_with(".json")
                        && !name.contains('/')
                }
                None => false,
            },
            Some(("data", file)) => match file.split_once('/') {
                // The national places index: département files and their manifest.
                Some(("lieux", name)) => {
                    autonomie_core::places::index::safe_file_name(name) && !name.contains('/')
                }
                Some(_) => false,
                None => [".csv", ".json", ".md"].iter().any(|e| file.ends_with(e)),
            },
            Some(("partenaires", file)) => {
                [".html", ".css", ".js"].iter().any(|e| file.ends_with(e)) && !file.contains('/')
            }
            Some(_) => false,
        };
        assert!(
            allowed,
            "the package holds {path}, which the widget does not need"
        );
    }
    for needed in top {
        assert!(
            widget.contains_key(needed),
            "{needed} missing from the package"
        );
    }
    for needed in [
        "i18n/main/en.json",
        "i18n/extras/ar.json",
        "i18n/staff/uk.json",
        "data/SOURCES.md",
    ] {
        assert!(
            widget.contains_key(needed),
            "{needed} missing from the package"
        );
    }
    let outside: Vec<&String> = tarball
        .keys()
        .filter(|p| !p.starts_with("widget/"))
        .collect();
    assert_eq!(outside, ["LICENSE", "README.md", "package.json"]);

    // The version in one place: the package says the crate's, the CHANGELOG's newest section
    // is this version, the partner README pins it with the loader's hash.
    let manifest: Value =
        serde_json::from_slice(&tarball["package.json"]).expect("package.json is JSON");
    assert_eq!(manifest["name"], Value::from(NAME));
    assert_eq!(manifest["version"], Value::from(VERSION));
    assert_eq!(manifest["license"], Value::from("MIT"));
    let readme = String::from_utf8_lossy(&tarball["README.md"]);
    assert!(
        readme.contains(&format!("{NAME}@{VERSION}/widget/autonomie.js"))
            && readme.contains("integrity=\"sha384-"),
        "{readme}"
    );
    assert!(!readme.contains("@VERSION@") && !readme.contains("@INTEGRITY@"));
    let loader = String::from_utf8_lossy(&widget["autonomie.js"]);
    for hashed in [
        "autonomie-app_bg.wasm",
        "autonomie-extras.js",
        "i18n/main/en.json",
        "i18n/extras/ar.json",
    ] {
        let entry = format!("\"{hashed}\":\"sha384-");
        assert!(
            loader.contains(&entry),
            "the loader carries no hash of {hashed}"
        );
    }
    let _ = std::fs::remove_dir_all(unpacked);
}

#[test]
fn the_changelogs_newest_section_is_the_crates_version() {
    let changelog =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../CHANGELOG.md"))
            .expect("CHANGELOG.md");
    let newest = changelog
        .lines()
        .find_map(|line| line.strip_prefix("## "))
        .expect("a version section");
    assert!(
        newest.starts_with(&format!("{VERSION} — ")),
        "the CHANGELOG's newest section is \"{newest}\", the crate's version is {VERSION}"
    );
}
