//! The benchmark command's runner: `scripts/bench.sh` builds everything, then calls
//!
//!     bench --inputs target/bench [--runs 3] [--out target/bench/results.json] [--no-lighthouse]
//!
//! It reads what the script measured before (payload sizes from the budget tool, divan's
//! native micro-benchmarks), then measures in headless Chromium: Lighthouse on the standalone
//! page and on the demo partner page (median of `--runs`), and place search over generated
//! files of 1 000, 20 000 and 100 000 places, and the national index: the time from a postal
//! code typed on the places step to the first results shown (the département file fetched
//! from the local server, read and searched). It prints one table and writes it as JSON.
//!
//! Timings are noisy: this is not a test, and nothing here fails on a slow figure.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use autonomie_e2e::{Browser, Reply, Server, ServerOptions, DESKTOP};
use fantoccini::wd::TimeoutConfiguration;
use serde_json::{json, Value};

const PLACE_COUNTS: [u32; 3] = [1_000, 20_000, 100_000];
/// Communes typed letter by letter (and as many postal codes) per file size.
const COMMUNES_TYPED: u32 = 40;

const PAGES: [(&str, &str); 2] = [
    ("standalone page", "/index.html"),
    ("demo partner page", "/demo/"),
];

/// One line of the printed table.
struct Row {
    section: String,
    what: String,
    value: String,
    detail: String,
}

fn row(section: &str, what: &str, value: String, detail: String) -> Row {
    Row {
        section: section.to_string(),
        what: what.to_string(),
        value,
        detail,
    }
}

struct Options {
    inputs: PathBuf,
    out: PathBuf,
    runs: usize,
    lighthouse: bool,
}

fn options() -> Options {
    let mut options = Options {
        inputs: PathBuf::from("target/bench"),
        out: PathBuf::from("target/bench/results.json"),
        runs: 3,
        lighthouse: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--inputs" => options.inputs = args.next().map(PathBuf::from).unwrap_or(options.inputs),
            "--out" => options.out = args.next().map(PathBuf::from).unwrap_or(options.out),
            "--runs" => {
                options.runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .unwrap_or(options.runs)
            }
            "--no-lighthouse" => options.lighthouse = false,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    options
}

#[tokio::main]
async fn main() {
    let options = options();
    let mut rows = Vec::new();
    let mut results = serde_json::Map::new();
    results.insert("environment".into(), environment());

    let payload = read_json(&options.inputs.join("payload.json"));
    rows.extend(payload_rows(&payload));
    results.insert("payload".into(), payload);

    let server = Server::start_with(ServerOptions {
        production: true,
        mounts: vec![("/bench/".into(), options.inputs.join("web"))],
    });

    if options.lighthouse {
        let mut pages = serde_json::Map::new();
        for (name, path) in PAGES {
            eprintln!("lighthouse: {name}, {} runs", options.runs);
            let summary = lighthouse_median(&server.url(path), options.runs);
            rows.extend(lighthouse_rows(name, &summary));
            pages.insert(name.into(), summary);
        }
        results.insert("lighthouse".into(), Value::Object(pages));
    }

    eprintln!("first results from the national index");
    let national = national_first_results(&server).await;
    rows.extend(national_rows(&national));
    results.insert("national_first_results".into(), national);

    eprintln!("place search in the browser");
    let places = place_search(&server).await;
    rows.extend(places_rows(&places));
    results.insert("places_in_browser".into(), Value::Array(places));

    let native = divan_medians(
        &std::fs::read_to_string(options.inputs.join("native.txt")).unwrap_or_default(),
    );
    for (name, median) in &native {
        rows.push(row(
            "Native core",
            name,
            median.clone(),
            "divan median".into(),
        ));
    }
    results.insert(
        "native_medians".into(),
        Value::Object(
            native
                .into_iter()
                .map(|(name, median)| (name, Value::String(median)))
                .collect(),
        ),
    );

    if let Some(env) = results.get("environment") {
        let text = |key: &str| env[key].as_str().unwrap_or("?").to_string();
        println!(
            "{} · {} ({} cores, {} GiB) · {} · {} · Lighthouse {}\n",
            text("date"),
            text("cpu"),
            env["cores"],
            env["memory_gib"],
            text("os"),
            text("browser"),
            text("lighthouse")
        );
    }
    print_table(&rows);
    let text = serde_json::to_string_pretty(&Value::Object(results)).unwrap_or_default();
    if let Some(parent) = options.out.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    match std::fs::write(&options.out, text + "\n") {
        Ok(()) => eprintln!("written to {}", options.out.display()),
        Err(e) => {
            eprintln!("{}: {e}", options.out.display());
            std::process::exit(1);
        }
    }
}

fn read_json(path: &Path) -> Value {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null)
}

/// Output of a command, trimmed; empty when it cannot run.
fn command_output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn environment() -> Value {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_default();
    let memory_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("MemTotal"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| (kb / 1024.0 / 1024.0).round())
        .unwrap_or(0.0);
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|name| name.trim_matches('"').to_string())
        })
        .unwrap_or_default();
    let chromium = std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into());
    json!({
        "date": command_output("date", &["-u", "+%Y-%m-%d"]),
        "cpu": cpu,
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "memory_gib": memory_gib,
        "os": os,
        "browser": command_output(&chromium, &["--version"]),
        "lighthouse": command_output("lighthouse", &["--version"]),
    })
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1024.0 / 1024.0)
}

/// What each shipped file holds, for the table.
fn file_kind(file: &str) -> &'static str {
    match file {
        "index.html" => "html: standalone page",
        "autonomie.js" => "js: loader partners embed",
        "autonomie-app.js" => "js: wasm glue",
        "autonomie-app_bg.wasm" => "wasm: widget, question bank, French texts",
        "page.css" => "css: standalone page (widget CSS is in the wasm)",
        "autonomie-extras.js" => "js: glue of the lazy module",
        "autonomie-extras_bg.wasm" => "wasm: places parser and search, QR code",
        "autonomie-staff.js" => "js: glue of the staff module",
        "autonomie-staff_bg.wasm" => "wasm: staff view, partner configurator (mediators only)",
        "data/lieux-demo.csv" => "places data: demo file",
        f if f.starts_with("i18n/") => "content: a language, loaded when chosen",
        f if f.ends_with(".csv") => "places data",
        _ => "",
    }
}

fn payload_rows(payload: &Value) -> Vec<Row> {
    let sizes = |v: &Value| {
        (
            kb(v["brotli"].as_u64().unwrap_or(0)),
            format!(
                "raw {} · gzip {}",
                kb(v["raw"].as_u64().unwrap_or(0)),
                kb(v["gzip"].as_u64().unwrap_or(0))
            ),
        )
    };
    let mut rows = Vec::new();
    for file in payload["files"].as_array().into_iter().flatten() {
        let name = file["file"].as_str().unwrap_or("?");
        let (brotli, detail) = sizes(file);
        rows.push(row(
            "Payload (brotli)",
            &format!("{name} ({})", file_kind(name)),
            brotli,
            detail,
        ));
    }
    for (key, label) in [
        ("first_question", "= total to the first question"),
        ("whole_flow", "= total for the whole flow"),
    ] {
        let (brotli, detail) = sizes(&payload[key]);
        rows.push(row("Payload (brotli)", label, brotli, detail));
    }
    for file in payload["on_demand"].as_array().into_iter().flatten() {
        let name = file["file"].as_str().unwrap_or("?");
        let (brotli, detail) = sizes(file);
        rows.push(row(
            "Payload, on demand",
            &format!("{name} ({})", file_kind(name)),
            brotli,
            detail,
        ));
    }
    rows
}

/// The figures kept from one Lighthouse report.
fn lighthouse_figures(report: &Value) -> Option<Value> {
    let score = |category: &str| {
        report["categories"][category]["score"]
            .as_f64()
            .map(|s| (s * 100.0).round())
    };
    let audit = |id: &str| report["audits"][id]["numericValue"].as_f64();
    let ready = report["audits"]["user-timings"]["details"]["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|item| item["name"] == "autonomie-ready")
        .and_then(|item| item["startTime"].as_f64());
    Some(json!({
        "performance": score("performance")?,
        "accessibility": score("accessibility")?,
        "best_practices": score("best-practices")?,
        "first_contentful_paint_ms": audit("first-contentful-paint")?,
        "largest_contentful_paint_ms": audit("largest-contentful-paint")?,
        "total_blocking_time_ms": audit("total-blocking-time")?,
        "first_question_interactive_ms": ready?,
    }))
}

/// Runs Lighthouse `runs` times and keeps the median of each figure.
fn lighthouse_median(url: &str, runs: usize) -> Value {
    let chromium = std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut reports = Vec::new();
    for run in 1..=runs {
        let output = Command::new("lighthouse")
            .arg(url)
            .args([
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                "--only-categories=performance,accessibility,best-practices",
                // The mobile preset's slow 4G and 4× CPU slowdown, applied to the browser
                // itself, so that the widget's own "ready" timing is throttled too.
                "--throttling-method=devtools",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
            ])
            .env("CHROME_PATH", &chromium)
            .output();
        let figures = output
            .ok()
            .and_then(|o| serde_json::from_slice::<Value>(&o.stdout).ok())
            .and_then(|report| lighthouse_figures(&report));
        match figures {
            Some(figures) => reports.push(figures),
            None => eprintln!("  run {run}: no usable Lighthouse report"),
        }
    }
    let Some(first) = reports.first() else {
        return json!({ "error": "Lighthouse produced no report" });
    };
    let keys: Vec<String> = first
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, _)| k.clone())
        .collect();
    let mut median = serde_json::Map::new();
    for key in keys {
        let mut values: Vec<f64> = reports.iter().filter_map(|r| r[&key].as_f64()).collect();
        values.sort_by(f64::total_cmp);
        median.insert(key, json!(values[values.len() / 2]));
    }
    median.insert("runs".into(), json!(reports.len()));
    median.insert(
        "url_path".into(),
        json!(url.split_once("127.0.0.1").map(|(_, p)| p).unwrap_or(url)),
    );
    Value::Object(median)
}

fn seconds(ms: f64) -> String {
    format!("{:.2} s", ms / 1000.0)
}

fn lighthouse_rows(page: &str, summary: &Value) -> Vec<Row> {
    let section = format!("Lighthouse mobile, {page}");
    if let Some(error) = summary["error"].as_str() {
        return vec![row(&section, "all", "n/a".into(), error.into())];
    }
    let runs = format!("median of {}", summary["runs"]);
    let number = |key: &str| summary[key].as_f64().unwrap_or(f64::NAN);
    vec![
        row(
            &section,
            "scores: performance / accessibility / best practices",
            format!(
                "{} / {} / {}",
                number("performance"),
                number("accessibility"),
                number("best_practices")
            ),
            runs.clone(),
        ),
        row(
            &section,
            "First Contentful Paint",
            seconds(number("first_contentful_paint_ms")),
            runs.clone(),
        ),
        row(
            &section,
            "Largest Contentful Paint",
            seconds(number("largest_contentful_paint_ms")),
            runs.clone(),
        ),
        row(
            &section,
            "Total Blocking Time",
            format!("{:.0} ms", number("total_blocking_time_ms")),
            runs.clone(),
        ),
        row(
            &section,
            "first question interactive",
            seconds(number("first_question_interactive_ms")),
            format!("{runs}; `autonomie-ready` mark"),
        ),
    ]
}

/// The page that loads the benchmark module built by `scripts/bench.sh`.
const BENCH_PAGE: &str = r#"<!doctype html><html lang="en"><title>place search benchmark</title>
<script type="module">
import init, * as bench from "./bench_wasm.js";
await init();
window.placesBench = bench;
</script></html>"#;

/// Postal codes typed on the places step, each in another département (so each fetches its
/// file): Brest, Ajaccio, Saint-Denis de La Réunion, Lille (the densest file), Paris 11e.
const POSTAL_CODES_TIMED: [&str; 5] = ["29200", "20000", "97400", "59000", "75011"];

/// The standalone page with the shipped index: the assessment, then for each postal code the
/// milliseconds from the `input` event to the first place on screen.
async fn national_first_results(server: &Server) -> Value {
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/index.html")).await;
    browser.wait_ready().await;
    // The test server compresses a file the first time it is asked for (brotli 11, slow); a
    // real server or CDN sends files compressed once. Ask for each data file once, outside
    // the browser's cache, so that the figures are the widget's, not the compressor's.
    browser
        .js(
            "return fetch('data/lieux/manifest.json', {cache: 'no-store'}).then(r => r.json()).then(m =>
               Promise.all(m.departements.map(d => d.file).concat(['../codes-postaux.csv'])
                 .map(f => fetch('data/lieux/' + f, {cache: 'no-store'}).then(r => r.arrayBuffer()))))
               .then(() => true);",
            vec![],
        )
        .await;
    browser.reach_places().await;
    browser
        .wait_widget("root.querySelector('.an-updated')", "the index")
        .await;
    let mut timings = serde_json::Map::new();
    // Each postal code twice: its files fetched and read, then again with them in memory.
    for (code, pass) in POSTAL_CODES_TIMED
        .iter()
        .flat_map(|code| [(code, "first"), (code, "again")])
    {
        browser
            .in_widget(
                0,
                &format!(
                    "window.__firstResults = undefined;
                     root.querySelector('.an-results').innerHTML = '';
                     const start = performance.now();
                     new MutationObserver((_, observer) => {{
                       if (root.querySelector('.an-place')) {{
                         window.__firstResults = performance.now() - start;
                         observer.disconnect();
                       }}
                     }}).observe(root, {{ childList: true, subtree: true }});
                     const input = root.querySelector('#an-where');
                     input.value = '{code}';
                     input.dispatchEvent(new Event('input'));
                     return true;"
                ),
            )
            .await;
        browser
            .wait_page("window.__firstResults !== undefined", "the first results")
            .await;
        let ms = browser.js("return window.__firstResults;", vec![]).await;
        timings.insert(format!("{code} {pass}"), ms);
    }
    browser.close().await;
    Value::Object(timings)
}

fn national_rows(timings: &Value) -> Vec<Row> {
    let mut rows = Vec::new();
    for (pass, what) in [
        (
            "first",
            "postal code typed → first results, files fetched (slowest of 5)",
        ),
        (
            "again",
            "the same search again, files in memory (slowest of 5)",
        ),
    ] {
        let of_pass: Vec<(&String, f64)> = timings
            .as_object()
            .map(|t| {
                t.iter()
                    .filter(|(key, _)| key.ends_with(pass))
                    .filter_map(|(key, ms)| Some((key, ms.as_f64()?)))
                    .collect()
            })
            .unwrap_or_default();
        let slowest = of_pass.iter().map(|(_, ms)| *ms).fold(f64::NAN, f64::max);
        let detail = of_pass
            .iter()
            .map(|(key, ms)| format!("{}: {ms:.0} ms", key.trim_end_matches(pass).trim()))
            .collect::<Vec<_>>()
            .join(", ");
        rows.push(row(
            "National index, standalone page served locally",
            what,
            format!("{slowest:.0} ms"),
            detail,
        ));
    }
    rows
}

async fn place_search(server: &Server) -> Vec<Value> {
    server.route("/bench/index.html", Reply::html(BENCH_PAGE));
    let browser = Browser::launch(DESKTOP).await;
    browser
        .client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(600)),
            None,
            None,
        ))
        .await
        .expect("timeouts");
    browser.goto(&server.url("/bench/index.html")).await;
    browser
        .wait_page("!!window.placesBench", "the benchmark module")
        .await;
    let mut out = Vec::new();
    for rows in PLACE_COUNTS {
        eprintln!("  {rows} places");
        let load = browser
            .js(
                "return JSON.parse(window.placesBench.places_load(arguments[0]))",
                vec![json!(rows)],
            )
            .await;
        let typing = browser
            .js(
                "return JSON.parse(window.placesBench.places_keystrokes(arguments[0]))",
                vec![json!(COMMUNES_TYPED)],
            )
            .await;
        out.push(json!({ "rows": rows, "load": load, "keystrokes": typing }));
    }
    browser.close().await;
    out
}

fn places_rows(places: &[Value]) -> Vec<Row> {
    let mut rows = Vec::new();
    for result in places {
        let section = format!(
            "Place search in Chromium, {} places",
            result["rows"].as_u64().unwrap_or(0)
        );
        let load = &result["load"];
        let typing = &result["keystrokes"];
        rows.push(row(
            &section,
            "read file + build index",
            format!("{:.0} ms", load["parse_ms"].as_f64().unwrap_or(f64::NAN)),
            format!("{} file", mb(load["file_bytes"].as_u64().unwrap_or(0))),
        ));
        rows.push(row(
            &section,
            "memory held by the places",
            mb(load["index_bytes"].as_u64().unwrap_or(0)),
            format!(
                "peak while reading {} (file included) · wasm memory {}",
                mb(load["peak_bytes"].as_u64().unwrap_or(0)),
                mb(load["wasm_memory_bytes"].as_u64().unwrap_or(0))
            ),
        ));
        rows.push(row(
            &section,
            "per keystroke, filter + sort: p50 / p95",
            format!(
                "{:.2} / {:.2} ms",
                typing["p50_ms"].as_f64().unwrap_or(f64::NAN),
                typing["p95_ms"].as_f64().unwrap_or(f64::NAN)
            ),
            format!(
                "{} keystrokes, max {:.2} ms",
                typing["keystrokes"],
                typing["max_ms"].as_f64().unwrap_or(f64::NAN)
            ),
        ));
    }
    rows
}

/// The median column of divan's table, by benchmark ("places_parse/1000").
fn divan_medians(text: &str) -> Vec<(String, String)> {
    let mut medians = Vec::new();
    let mut parent = String::new();
    for line in text.lines() {
        let nested = line.starts_with('│');
        let columns: Vec<&str> = line.split('│').skip(usize::from(nested)).collect();
        let Some(first) = columns.first() else {
            continue;
        };
        let Some((_, rest)) = first.split_once('─') else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let Some(name) = words.next() else { continue };
        let has_figures = words.next().is_some();
        if !has_figures {
            parent = name.to_string();
            continue;
        }
        let full = if nested {
            format!("{parent}/{name}")
        } else {
            name.to_string()
        };
        if let Some(median) = columns.get(2).map(|m| m.trim()).filter(|m| !m.is_empty()) {
            medians.push((full, median.to_string()));
        }
    }
    medians
}

fn print_table(rows: &[Row]) {
    let header = ["Section", "Measure", "Value", "Detail"];
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .map(|r| {
                    [&r.section, &r.what, &r.value, &r.detail][i]
                        .chars()
                        .count()
                })
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; 4]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, &width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
            .collect();
        println!("| {} |", padded.join(" | "));
    };
    line(header);
    println!(
        "|{}|",
        widths
            .iter()
            .map(|w| "-".repeat(w + 2))
            .collect::<Vec<_>>()
            .join("|")
    );
    for r in rows {
        line([&r.section, &r.what, &r.value, &r.detail]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_divan_medians_nested_and_flat() {
        let text = "core                  fastest       │ slowest       │ median        │ mean          │ samples │ iters
├─ places_parse                     │               │               │               │         │
│  ├─ 1000            10.79 ms      │ 13.44 ms      │ 12.54 ms      │ 12.42 ms      │ 100     │ 100
│  ╰─ 20000           235.3 ms      │ 291.5 ms      │ 259.4 ms      │ 256.1 ms      │ 100     │ 100
├─ scoring            15.14 µs      │ 31.95 µs      │ 16.29 µs      │ 16.68 µs      │ 100     │ 100
╰─ share_code_encode  6.471 µs      │ 17 µs         │ 6.522 µs      │ 6.654 µs      │ 100     │ 100";
        assert_eq!(
            divan_medians(text),
            vec![
                ("places_parse/1000".to_string(), "12.54 ms".to_string()),
                ("places_parse/20000".to_string(), "259.4 ms".to_string()),
                ("scoring".to_string(), "16.29 µs".to_string()),
                ("share_code_encode".to_string(), "6.522 µs".to_string()),
            ]
        );
    }

    #[test]
    fn a_lighthouse_report_without_the_ready_mark_is_not_used() {
        let mut report = json!({
            "categories": {
                "performance": {"score": 0.97},
                "accessibility": {"score": 1},
                "best-practices": {"score": 1}
            },
            "audits": {
                "first-contentful-paint": {"numericValue": 900.0},
                "largest-contentful-paint": {"numericValue": 1500.0},
                "total-blocking-time": {"numericValue": 20.0},
                "user-timings": {"details": {"items": [{"name": "autonomie-ready", "startTime": 1400.0}]}}
            }
        });
        let figures = lighthouse_figures(&report).expect("complete report");
        assert_eq!(figures["performance"], json!(97.0));
        assert_eq!(figures["first_question_interactive_ms"], json!(1400.0));
        report["audits"]["user-timings"]["details"]["items"] = json!([]);
        assert!(lighthouse_figures(&report).is_none());
    }
}
