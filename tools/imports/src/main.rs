//! `imports DIR`: fails (exit 1) when the modules of the crate whose sources are in `DIR`
//! (its `src/`) import each other in a cycle, and prints the cycles. `scripts/test.sh` runs it
//! on the widget's `src/`.

use std::path::Path;
use std::process::ExitCode;

fn sources(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            sources(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((relative, std::fs::read_to_string(&path)?));
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: imports DIR (a crate's src/)");
        return ExitCode::from(2);
    };
    let root = Path::new(&dir);
    let mut files = Vec::new();
    if let Err(error) = sources(root, root, &mut files) {
        eprintln!("imports: cannot read {dir}: {error}");
        return ExitCode::from(2);
    }
    let cycles = imports::cycles(&imports::graph(&files));
    if cycles.is_empty() {
        println!(
            "imports: no cycle between the {} modules of {dir}",
            files.len()
        );
        return ExitCode::SUCCESS;
    }
    eprintln!("imports: modules of {dir} import each other in a cycle:");
    for cycle in cycles {
        eprintln!("  {} -> {}", cycle.join(" -> "), cycle[0]);
    }
    ExitCode::FAILURE
}
