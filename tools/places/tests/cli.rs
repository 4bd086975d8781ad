//! Runs the built `lieux` binary on small fixture files.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_lieux");

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// A fresh directory for one test's outputs.
fn out_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lieux-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("cannot create {}: {e}", dir.display());
    }
    dir
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn lieux(args: &[&str]) -> Run {
    match Command::new(BIN).args(args).output() {
        Ok(output) => Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        },
        Err(e) => panic!("cannot run {BIN}: {e}"),
    }
}

/// The run succeeded, reading `read` rows and keeping `kept`.
fn assert_counts(run: &Run, read: usize, kept: usize) {
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(&format!("Lignes lues : {read}")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("Lignes gardées : {kept}")),
        "{}",
        run.stdout
    );
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn validate_a_conforming_file() {
    let run = lieux(&["validate", &fixture("valid-v1.csv")]);
    assert_counts(&run, 3, 3);
    assert!(run.stdout.contains("Lignes écartées : 0"));
    assert!(run.stdout.contains("conforme au standard v1.0.2"));
}

#[test]
fn validate_lists_bad_rows_with_reasons() {
    let run = lieux(&["validate", &fixture("invalid.csv")]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let out = &run.stdout;
    assert!(
        out.contains("ligne 3 (id « bad-1 ») : écartée, nom manquant [missing_nom]"),
        "{out}"
    );
    assert!(out.contains("ligne 4 (id « bad-2 ») : écartée, code postal manquant ou pas à 5 chiffres [invalid_code_postal] : « 69OO1 »"), "{out}");
    assert!(
        out.contains(
            "ligne 5 : telephone, téléphone illisible, ignoré [invalid_phone] : « appelez-nous »"
        ),
        "{out}"
    );
    assert!(out.contains("ligne 5 : site_web, adresse web non http(s) ou dangereuse, ignorée [unsafe_url] : « javascript:alert(1) »"), "{out}");
    assert!(
        !out.contains("ligne 2 "),
        "the good row is not listed: {out}"
    );
    assert!(out.contains("Lignes lues : 4"));
    assert!(out.contains("Lignes gardées : 2"));
    assert!(out.contains("Lignes écartées : 2"));
    assert!(
        out.contains("       1  nom manquant [missing_nom]"),
        "{out}"
    );
    assert!(out.contains("3 ligne(s) sur 4 à corriger"), "{out}");
    // The header lacks most v1.0.2 columns.
    assert!(
        out.contains("Colonnes du standard absentes de l'en-tête : code_insee"),
        "{out}"
    );
}

#[test]
fn validate_a_legacy_file_asks_for_conversion() {
    let run = lieux(&["validate", &fixture("legacy.json")]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout.contains("JSON, ancien standard v0.1"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("élément 2 (id « old-2 ») : écartée"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("lieux convert"));
    assert!(run
        .stdout
        .contains("Colonnes ignorées (hors standard) : structureId"));
}

#[test]
fn convert_legacy_to_a_conforming_v1_file() {
    let dir = out_dir("convert");
    let out = dir.join("v1.csv");
    let out_str = out.display().to_string();
    let run = lieux(&["convert", &fixture("legacy.json"), "-o", &out_str]);
    assert_counts(&run, 2, 1);
    assert!(
        run.stdout
            .contains("1  code postal manquant ou pas à 5 chiffres [invalid_code_postal]"),
        "{}",
        run.stdout
    );
    let csv = read(&out);
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or_default();
    assert_eq!(header.split(',').count(), 32);
    assert!(header.starts_with("id,pivot,nom,commune,code_postal"));
    let row = lines.next().unwrap_or_default();
    assert!(
        row.contains("Aide aux démarches administratives|Accès internet et matériel informatique"),
        "{row}"
    );
    assert!(
        row.contains("France Services|Conseillers numériques"),
        "{row}"
    );
    assert!(row.contains(",Gratuit,"), "{row}");
    assert!(row.contains("mfs@bron.example"));
    assert_eq!(lines.next(), None);
    // The output passes validation.
    let check = lieux(&["validate", &out_str]);
    assert_eq!(check.code, Some(0), "{}", check.stdout);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn extract_by_departement_postal_codes_or_radius() {
    let dir = out_dir("extract");
    let input = fixture("valid-v1.csv");
    let out = dir.join("out.csv");
    let out_str = out.display().to_string();

    let run = lieux(&["extract", &input, "--departement", "69", "-o", &out_str]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("2 lieux sélectionnés sur 3"),
        "{}",
        run.stdout
    );
    let csv = read(&out);
    let header = csv.lines().next().unwrap_or_default();
    assert!(
        header
            .starts_with("id,pivot,nom,commune,code_postal,code_insee,adresse,latitude,longitude"),
        "{header}"
    );
    assert!(!header.contains("presentation_detail"), "compact: {header}");
    assert!(csv.contains("lyon-1") && csv.contains("villeurbanne-1") && !csv.contains("ajaccio-1"));

    // Corsica from the postal code (no INSEE code on that row).
    let run = lieux(&["extract", &input, "--departement", "2a", "-o", &out_str]);
    assert!(
        run.stdout.contains("1 lieux sélectionnés sur 3"),
        "{}",
        run.stdout
    );
    assert!(read(&out).contains("ajaccio-1"));

    let run = lieux(&[
        "extract",
        &input,
        "--codes-postaux",
        "69100, 20000",
        "-o",
        &out_str,
    ]);
    assert!(
        run.stdout.contains("2 lieux sélectionnés sur 3"),
        "{}",
        run.stdout
    );
    let csv = read(&out);
    assert!(csv.contains("villeurbanne-1") && csv.contains("ajaccio-1") && !csv.contains("lyon-1"));

    // 2 km around Part-Dieu: Villeurbanne is 2.7 km away.
    let run = lieux(&[
        "extract",
        &input,
        "--rayon",
        "45.7606,4.859,2",
        "-o",
        &out_str,
    ]);
    assert!(
        run.stdout.contains("1 lieux sélectionnés sur 3"),
        "{}",
        run.stdout
    );
    let run = lieux(&[
        "extract",
        &input,
        "--rayon",
        "45.7606,4.859,3",
        "--complet",
        "-o",
        &out_str,
    ]);
    assert!(
        run.stdout.contains("2 lieux sélectionnés sur 3"),
        "{}",
        run.stdout
    );
    let header = read(&out).lines().next().unwrap_or_default().to_string();
    assert_eq!(
        header.split(',').count(),
        32,
        "--complet keeps every column"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn gazetteer_from_a_communes_table() {
    let dir = out_dir("gazetteer");
    let out = dir.join("codes-postaux.csv");
    let out_str = out.display().to_string();
    let run = lieux(&["gazetteer", &fixture("communes.csv"), "-o", &out_str]);
    assert_counts(&run, 4, 3);
    assert!(
        run.stdout
            .contains("1  sans coordonnées [missing_coordinates]"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("(2 codes postaux"), "{}", run.stdout);
    assert_eq!(
        read(&out),
        "code_postal;commune;lat;lon\n01000;Bourg-en-Bresse;46.2062;5.2147\n69001;Lyon 1er Arrondissement;45.7701;4.8264\n"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn usage_and_file_errors_exit_with_2() {
    let dir = out_dir("errors");
    let out = dir.join("x.csv").display().to_string();
    let valid = fixture("valid-v1.csv");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![], "Utilisation"),
        (vec!["frobnicate"], "commande inconnue"),
        (vec!["validate"], "fichier d'entrée manquant"),
        (vec!["convert", &valid], "fichier de sortie manquant"),
        (vec!["convert", &valid, "-o"], "attend une valeur"),
        (
            vec!["extract", &valid, "-o", &out],
            "une et une seule sélection",
        ),
        (
            vec![
                "extract",
                &valid,
                "--departement",
                "69",
                "--rayon",
                "1,2,3",
                "-o",
                &out,
            ],
            "une et une seule",
        ),
        (
            vec!["extract", &valid, "--rayon", "45.7,abc,3", "-o", &out],
            "--rayon attend",
        ),
        (
            vec!["extract", &valid, "--rayon", "95,4,3", "-o", &out],
            "coordonnées invalides",
        ),
        (
            vec!["extract", &valid, "--departement", "6", "-o", &out],
            "département invalide",
        ),
        (
            vec!["extract", &valid, "--codes-postaux", "6900", "-o", &out],
            "code postal invalide",
        ),
        (
            vec!["validate", "/nonexistent/lieux.csv"],
            "impossible de lire",
        ),
        (vec!["validate", "--verbose", &valid], "option inconnue"),
    ];
    for (args, expected) in cases {
        let run = lieux(&args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
    }
    let latin1 = lieux(&["validate", &fixture("latin1.csv")]);
    assert_eq!(latin1.code, Some(2));
    assert!(
        latin1.stderr.contains("pas encodé en UTF-8"),
        "{}",
        latin1.stderr
    );
    // Never overwrite the input.
    let copy = dir.join("copy.csv");
    let _ = std::fs::copy(&valid, &copy);
    let copy_str = copy.display().to_string();
    let run = lieux(&["convert", &copy_str, "-o", &copy_str]);
    assert_eq!(run.code, Some(2));
    assert_eq!(std::fs::read(&copy).ok(), std::fs::read(&valid).ok());
    let help = lieux(&["--help"]);
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.contains("lieux gazetteer"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn version_help_and_option_forms() {
    for flag in ["--version", "-V"] {
        let run = lieux(&[flag]);
        assert_eq!(run.code, Some(0), "{flag}: {}", run.stderr);
        assert_eq!(
            run.stdout.trim(),
            format!("lieux {}", env!("CARGO_PKG_VERSION"))
        );
    }
    let help = lieux(&["-h"]);
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.contains("Utilisation") && help.stdout.contains("--version"));
    // `--name=value` and `-oFILE` as well as `--name value`.
    let dir = out_dir("forms");
    let out = dir.join("rayon.csv");
    let input = fixture("valid-v1.csv");
    let run = lieux(&[
        "extract",
        &input,
        "--rayon=45.76,4.83,10",
        &format!("-o{}", out.display()),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(out.is_file());
    // A flag given a value, in French.
    let run = lieux(&["extract", &input, "--complet=oui", "--departement", "69"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("ne prend pas de valeur"),
        "{}",
        run.stderr
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn index_writes_one_file_per_departement_and_a_manifest() {
    let dir = out_dir("index");
    let folder = dir.join("lieux");
    // A stale file of an earlier build is removed; a file of the partner's is not touched.
    if let Err(e) = std::fs::create_dir_all(&folder) {
        panic!("{e}");
    }
    for (name, text) in [("01.csv", "old"), ("notes.txt", "mine")] {
        if let Err(e) = std::fs::write(folder.join(name), text) {
            panic!("{e}");
        }
    }
    let run = lieux(&[
        "index",
        &fixture("valid-v1.csv"),
        &fixture("legacy.json"),
        &fixture("liste-fs-20221201.csv"),
        "-o",
        &folder.display().to_string(),
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("Liste des France services (ANCT), datée du 2022-12-01"),
        "{}",
        run.stdout
    );
    // "France Services Villeurbanne" is in the v1 file and in the list: kept once.
    assert!(
        run.stdout
            .contains("Doublons fusionnés (le plus récent gardé) : 1"),
        "{}",
        run.stdout
    );
    let mut files: Vec<String> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    assert_eq!(
        files,
        [
            "29.csv",
            "2A.csv",
            "69.csv",
            "974.csv",
            "manifest.json",
            "notes.txt"
        ]
    );
    let manifest = read(&folder.join("manifest.json"));
    for expected in [
        "\"built\":\"2026-12-01\"",
        "\"file\":\"liste-fs-20221201.csv\"",
        "\"date\":\"2022-12-01\"",
        "\"code\":\"974\"",
    ] {
        assert!(manifest.contains(expected), "{expected} not in {manifest}");
    }
    let reunion = read(&folder.join("974.csv"));
    assert!(reunion.contains("France services du Port"), "{reunion}");
    assert!(reunion.contains("Mo 08:00-12:00"), "{reunion}");
    // A wrong date, no output folder, and a France services list without its date.
    let bad_date = lieux(&[
        "index",
        &fixture("valid-v1.csv"),
        "-o",
        "x",
        "--date",
        "hier",
    ]);
    assert_eq!(bad_date.code, Some(2));
    assert!(
        bad_date.stderr.contains("AAAA-MM-JJ"),
        "{}",
        bad_date.stderr
    );
    let no_output = lieux(&["index", &fixture("valid-v1.csv")]);
    assert_eq!(no_output.code, Some(2));
    let undated = dir.join("liste-fs.csv");
    if let Err(e) = std::fs::copy(fixture("liste-fs-20221201.csv"), &undated) {
        panic!("{e}");
    }
    let run = lieux(&["index", &undated.display().to_string(), "-o", "x"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("sans date dans son nom"),
        "{}",
        run.stderr
    );
}
