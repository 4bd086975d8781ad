//! Payload sizes of the built widget, and the budgets they must stay under.
//!
//! `cargo run -p budget -- [--dist DIR] [--json OUT] [--record]`
//! Prints one table (raw, gzip, brotli per file and totals) and exits with an error when a
//! budget in `budgets.json` is exceeded. `--record` writes today's figures into that file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{json, Value};

#[derive(Debug, Clone)]
struct Sizes {
    file: String,
    raw: usize,
    gzip: usize,
    brotli: usize,
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(usize::MAX)
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out.len(),
        Err(_) => usize::MAX,
    }
}

fn measure(dist: &Path, file: &str) -> Result<Sizes, String> {
    let bytes = std::fs::read(dist.join(file))
        .map_err(|e| format!("{file}: {e} (is the build complete?)"))?;
    Ok(Sizes {
        file: file.to_string(),
        raw: bytes.len(),
        gzip: gzip(&bytes),
        brotli: brotli(&bytes),
    })
}

fn files(config: &Value, group: &str) -> Vec<String> {
    config[group]["files"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn total(sizes: &[Sizes]) -> Sizes {
    Sizes {
        file: String::new(),
        raw: sizes.iter().map(|s| s.raw).sum(),
        gzip: sizes.iter().map(|s| s.gzip).sum(),
        brotli: sizes.iter().map(|s| s.brotli).sum(),
    }
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn row(out: &mut String, label: &str, s: &Sizes) {
    out.push_str(&format!(
        "| {label:<36} | {:>10} | {:>10} | {:>10} |\n",
        kb(s.raw),
        kb(s.gzip),
        kb(s.brotli)
    ));
}

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut dist = root.join("dist");
    let mut json_out: Option<PathBuf> = None;
    let mut record = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dist" => dist = args.next().map(PathBuf::from).unwrap_or(dist),
            "--json" => json_out = args.next().map(PathBuf::from),
            "--record" => record = true,
            other => {
                eprintln!("unknown argument {other}");
                return ExitCode::FAILURE;
            }
        }
    }
    let config_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("budgets.json");
    let config: Value = match std::fs::read_to_string(&config_path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}: {e}", config_path.display());
            return ExitCode::FAILURE;
        }
    };

    let measure_all = |names: &[String]| -> Result<Vec<Sizes>, String> {
        names.iter().map(|f| measure(&dist, f)).collect()
    };
    let (first, rest, on_demand) = match (
        measure_all(&files(&config, "first_question")),
        measure_all(&files(&config, "rest_of_flow")),
        measure_all(&files(&config, "on_demand")),
    ) {
        (Ok(a), Ok(b), Ok(c)) => (a, b, c),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let first_total = total(&first);
    let whole_total = total(&[first.clone(), rest.clone()].concat());

    let mut table = String::new();
    table.push_str(&format!(
        "| {:<36} | {:>10} | {:>10} | {:>10} |\n",
        "file", "raw", "gzip", "brotli"
    ));
    table.push_str(&format!(
        "|{}|{}|{}|{}|\n",
        "-".repeat(38),
        "-".repeat(12),
        "-".repeat(12),
        "-".repeat(12)
    ));
    for s in &first {
        row(&mut table, &s.file, s);
    }
    row(&mut table, "= to the first question", &first_total);
    for s in &rest {
        row(&mut table, &s.file, s);
    }
    row(&mut table, "= whole flow", &whole_total);
    for s in &on_demand {
        row(&mut table, &format!("{} (on demand)", s.file), s);
    }
    print!("{table}");

    let first_max = config["first_question"]["max_brotli"].as_u64().unwrap_or(0) as usize;
    let whole_max = config["rest_of_flow"]["max_brotli_whole_flow"]
        .as_u64()
        .unwrap_or(0) as usize;
    println!(
        "budgets: first question {} / {} brotli, whole flow {} / {} brotli",
        kb(first_total.brotli),
        kb(first_max),
        kb(whole_total.brotli),
        kb(whole_max)
    );

    if let (Some(first_then), Some(whole_then)) = (
        config["recorded"]["first_question_brotli"].as_u64(),
        config["recorded"]["whole_flow_brotli"].as_u64(),
    ) {
        println!(
            "recorded on {}: first question {}, whole flow {} (now {:+.1} KB and {:+.1} KB)",
            config["recorded"]["date"].as_str().unwrap_or("?"),
            kb(first_then as usize),
            kb(whole_then as usize),
            (first_total.brotli as f64 - first_then as f64) / 1024.0,
            (whole_total.brotli as f64 - whole_then as f64) / 1024.0
        );
    }

    let figures = json!({
        "files": first.iter().chain(rest.iter()).map(|s| json!({"file": s.file, "raw": s.raw, "gzip": s.gzip, "brotli": s.brotli})).collect::<Vec<_>>(),
        "first_question": {"raw": first_total.raw, "gzip": first_total.gzip, "brotli": first_total.brotli},
        "whole_flow": {"raw": whole_total.raw, "gzip": whole_total.gzip, "brotli": whole_total.brotli},
        "on_demand": on_demand.iter().map(|s| json!({"file": s.file, "raw": s.raw, "gzip": s.gzip, "brotli": s.brotli})).collect::<Vec<_>>(),
    });
    if let Some(path) = json_out {
        if let Err(e) = std::fs::write(
            &path,
            serde_json::to_string_pretty(&figures).unwrap_or_default(),
        ) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    if record {
        let mut updated = config.clone();
        let today = std::process::Command::new("date")
            .args(["-u", "+%Y-%m-%d"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        updated["recorded"] = json!({
            "date": today,
            "first_question_brotli": first_total.brotli,
            "whole_flow_brotli": whole_total.brotli,
        });
        let text = serde_json::to_string_pretty(&updated).unwrap_or_default() + "\n";
        if let Err(e) = std::fs::write(&config_path, text) {
            eprintln!("{}: {e}", config_path.display());
            return ExitCode::FAILURE;
        }
    }

    let mut failed = false;
    // Each file of the national places index: a search reads at most 3 of them.
    let index_max = config["places_index"]["max_brotli_per_file"]
        .as_u64()
        .unwrap_or(0) as usize;
    if let Some(folder) = config["places_index"]["folder"].as_str() {
        let mut names: Vec<String> = std::fs::read_dir(dist.join(folder))
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".csv"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let sizes = measure_all(
            &names
                .iter()
                .map(|n| format!("{folder}/{n}"))
                .collect::<Vec<_>>(),
        );
        match sizes {
            Ok(sizes) if !sizes.is_empty() => {
                let densest = sizes
                    .iter()
                    .max_by_key(|s| s.brotli)
                    .map(|s| (s.file.clone(), s.brotli));
                if let Some((file, brotli)) = densest {
                    println!(
                        "places index: {} département files, the densest {file} {} / {} brotli",
                        sizes.len(),
                        kb(brotli),
                        kb(index_max)
                    );
                    if brotli > index_max {
                        eprintln!(
                            "FAIL: {file} needs {} brotli, over the {} budget of one places file",
                            kb(brotli),
                            kb(index_max)
                        );
                        failed = true;
                    }
                }
            }
            Ok(_) => {
                eprintln!("FAIL: no places index in {folder}");
                failed = true;
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if first_total.brotli > first_max {
        eprintln!(
            "FAIL: the first question needs {} brotli, over the {} budget",
            kb(first_total.brotli),
            kb(first_max)
        );
        failed = true;
    }
    if whole_total.brotli > whole_max {
        eprintln!(
            "FAIL: the whole flow needs {} brotli, over the {} budget",
            kb(whole_total.brotli),
            kb(whole_max)
        );
        failed = true;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
