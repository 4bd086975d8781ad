//! `lieux`: the partner command-line tool for mediation-place files (standard v1.0.2, and the
//! older v0.1 it converts). Same reading rules as the widget: it is the same core.
//!
//! ```text
//! lieux validate FICHIER
//! lieux convert FICHIER -o SORTIE.csv
//! lieux extract FICHIER (--departement 69 | --codes-postaux 69001,69002 | --rayon LAT,LON,KM) -o SORTIE.csv [--complet]
//! lieux gazetteer COMMUNES.csv -o SORTIE.csv
//! lieux index FICHIER... -o DOSSIER [--date AAAA-MM-JJ]
//! ```
//!
//! Exit codes: 0 done, 1 `validate` found rows that break the standard, 2 usage error or
//! unreadable file.

use std::path::Path;
use std::process::ExitCode;

use autonomie_core::coordinates::{distance_km, read_degrees, LatLon};
use autonomie_core::places::{
    build_from_communes, france_services, index, parse_places, write, Column, FileFormat,
    ParseReport, Place, SchemaVersion,
};

const USAGE: &str = "\
lieux — fichiers de lieux de médiation numérique (standard v1.0.2, ou ancien v0.1)

Utilisation :
  lieux validate FICHIER
      Vérifie le fichier (CSV ou JSON) ; liste les lignes non conformes et la raison.
      Code de sortie 1 si une ligne n'est pas conforme au standard v1.0.2.
  lieux convert FICHIER -o SORTIE.csv
      Écrit un CSV v1.0.2 complet (32 colonnes, valeurs multiples séparées par |).
  lieux extract FICHIER (--departement 69 | --codes-postaux 69001,69002 | --rayon LAT,LON,KM) -o SORTIE.csv [--complet]
      Écrit un CSV v1 compact pour le widget : les lieux choisis, les seules colonnes
      utiles au widget (--complet : les 32 colonnes).
  lieux index FICHIER... -o DOSSIER [--date AAAA-MM-JJ]
      Construit l'index national du widget : un fichier par département
      (01.csv … 2A.csv … 974.csv) et manifest.json (sources, dates, empreintes).
      Lit le fichier national publié sur data.gouv.fr (v1.0.2), les fichiers v0.1
      et la liste des France services (son nom doit contenir sa date, AAAAMMJJ).
      Un même lieu venu de deux fichiers est gardé une fois (le plus récent).
      --date : date de construction écrite dans le manifeste (aujourd'hui sinon).
  lieux gazetteer COMMUNES.csv -o SORTIE.csv
      Construit la table code postal → commune, latitude, longitude du widget à partir
      d'une table des communes (colonnes code_postal, lat, lng).

Chaque commande affiche un bilan : lignes lues, gardées, écartées par motif.

  lieux --help       cette aide
  lieux --version    la version de l'outil (celle du widget)

Installation : cargo install --path tools/places
";

/// A usage or input/output problem: message for stderr, exit code 2.
struct Failure(String);

type Outcome = Result<ExitCode, Failure>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    match run(args) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("lieux : {message}");
            ExitCode::from(2)
        }
    }
}

/// Positional arguments, `--name value` options and flags, as lexopt splits them (so
/// `--rayon=45.7,4.8,10` and `-oSORTIE.csv` work too).
struct Args {
    positional: Vec<String>,
    options: Vec<(String, String)>,
    flags: Vec<String>,
}

/// Options that take a value, by their canonical name.
const VALUE_OPTIONS: [&str; 5] = [
    "-o",
    "--departement",
    "--codes-postaux",
    "--rayon",
    "--date",
];

fn parse_args(args: Vec<String>) -> Result<Args, Failure> {
    use lexopt::Arg;
    let mut parsed = Args {
        positional: Vec::new(),
        options: Vec::new(),
        flags: Vec::new(),
    };
    let mut parser = lexopt::Parser::from_args(args);
    let text = |value: std::ffi::OsString| {
        value
            .into_string()
            .map_err(|v| Failure(format!("valeur illisible : {}", v.to_string_lossy())))
    };
    while let Some(arg) = parser.next().map_err(|e| Failure(french(&e)))? {
        let name = match arg {
            Arg::Value(value) => {
                parsed.positional.push(text(value)?);
                continue;
            }
            Arg::Short('o') | Arg::Long("output") => "-o".to_string(),
            Arg::Short('h') | Arg::Long("help") => "--help".to_string(),
            Arg::Short('V') | Arg::Long("version") => "--version".to_string(),
            Arg::Long(long) => format!("--{long}"),
            Arg::Short(short) => format!("-{short}"),
        };
        if VALUE_OPTIONS.contains(&name.as_str()) {
            let value = parser
                .value()
                .map_err(|_| Failure(format!("l'option {name} attend une valeur")))?;
            parsed.options.push((name, text(value)?));
        } else if ["--complet", "--help", "--version"].contains(&name.as_str()) {
            parsed.flags.push(name);
        } else {
            return Err(Failure(format!("option inconnue : {name}\n\n{USAGE}")));
        }
    }
    Ok(parsed)
}

/// lexopt's own messages are in English: the ones a person can meet, in French.
fn french(error: &lexopt::Error) -> String {
    match error {
        lexopt::Error::UnexpectedValue { option, .. } => {
            format!("l'option {option} ne prend pas de valeur\n\n{USAGE}")
        }
        lexopt::Error::NonUnicodeValue(value) => {
            format!("valeur illisible : {}", value.to_string_lossy())
        }
        other => format!("arguments illisibles ({other})\n\n{USAGE}"),
    }
}

impl Args {
    fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// The one input file after the subcommand.
    fn input(&self) -> Result<&str, Failure> {
        match self.positional.as_slice() {
            [_, file] => Ok(file),
            [_] => Err(Failure(format!("fichier d'entrée manquant\n\n{USAGE}"))),
            _ => Err(Failure(format!(
                "un seul fichier d'entrée attendu\n\n{USAGE}"
            ))),
        }
    }

    fn output(&self) -> Result<&str, Failure> {
        self.option("-o")
            .ok_or_else(|| Failure("fichier de sortie manquant (-o SORTIE.csv)".into()))
    }
}

fn run(args: Vec<String>) -> Outcome {
    let args = parse_args(args)?;
    if args.flag("--version") {
        println!("lieux {}", env!("CARGO_PKG_VERSION"));
        return Ok(ExitCode::SUCCESS);
    }
    if args.flag("--help") || args.positional.first().map(String::as_str) == Some("help") {
        print!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    match args.positional.first().map(String::as_str) {
        Some("validate") => validate(&args),
        Some("convert") => convert(&args),
        Some("extract") => extract(&args),
        Some("gazetteer") => gazetteer(&args),
        Some("index") => index(&args),
        Some(other) => Err(Failure(format!("commande inconnue : {other}\n\n{USAGE}"))),
        None => Err(Failure(USAGE.to_string())),
    }
}

fn read(path: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure(format!("impossible de lire {path} : {e}")))
}

fn load(path: &str) -> Result<ParseReport, Failure> {
    let bytes = read(path)?;
    parse_places(&bytes).map_err(|e| Failure(format!("{path} : {}", e.message_fr())))
}

fn write_output(path: &str, text: &str, input: &str) -> Result<(), Failure> {
    let same_file = std::fs::canonicalize(path)
        .ok()
        .zip(std::fs::canonicalize(input).ok())
        .is_some_and(|(a, b)| a == b);
    if same_file {
        return Err(Failure(format!(
            "{path} est aussi le fichier d'entrée : choisissez une autre sortie"
        )));
    }
    std::fs::write(path, text).map_err(|e| Failure(format!("impossible d'écrire {path} : {e}")))
}

fn describe_format(report: &ParseReport) -> String {
    let format = match report.format {
        FileFormat::Csv { separator: '\t' } => "CSV (séparateur tabulation)".to_string(),
        FileFormat::Csv { separator } => format!("CSV (séparateur « {separator} »)"),
        FileFormat::Json => "JSON".to_string(),
    };
    let version = match report.version {
        _ if report
            .places
            .first()
            .is_some_and(|p| p.id.starts_with(france_services::ID_PREFIX)) =>
        {
            "liste des France services, lue vers le standard v1.0.2"
        }
        SchemaVersion::V1 => "standard v1.0.2",
        SchemaVersion::Legacy => "ancien standard v0.1 (converti vers v1.0.2 à la lecture)",
    };
    format!("{format}, {version}")
}

/// "ligne 12" for CSV (as a spreadsheet numbers lines), "élément 12" for JSON.
fn location(row: usize, line: Option<usize>) -> String {
    match line {
        Some(line) => format!("ligne {line}"),
        None => format!("élément {row}"),
    }
}

fn print_summary(report: &ParseReport) {
    println!("Format : {}", describe_format(report));
    println!("Lignes lues : {}", report.rows_read);
    println!("Lignes gardées : {}", report.places.len());
    println!("Lignes écartées : {}", report.skipped.len());
    for (reason, count) in report.skipped_by_reason() {
        println!("  {count:>6}  {} [{}]", reason.message_fr(), reason.code());
    }
    let warnings = report.warnings_by_kind();
    if !warnings.is_empty() {
        println!("Corrections sur les lignes gardées :");
        for (kind, count) in warnings {
            println!("  {count:>6}  {} [{}]", kind.message_fr(), kind.code());
        }
    }
    if !report.unknown_columns.is_empty() {
        println!(
            "Colonnes ignorées (hors standard) : {}",
            report.unknown_columns.join(", ")
        );
    }
}

fn validate(args: &Args) -> Outcome {
    let path = args.input()?;
    let report = load(path)?;
    let mut problems: Vec<(usize, String)> = Vec::new();
    for skipped in &report.skipped {
        let id = skipped
            .id
            .as_deref()
            .map(|id| format!(" (id « {id} »)"))
            .unwrap_or_default();
        let detail = if skipped.detail.is_empty() {
            String::new()
        } else {
            format!(" : « {} »", skipped.detail)
        };
        problems.push((
            skipped.row,
            format!(
                "{}{id} : écartée, {} [{}]{detail}",
                location(skipped.row, skipped.line),
                skipped.reason.message_fr(),
                skipped.reason.code()
            ),
        ));
    }
    for warning in &report.warnings {
        let detail = if warning.detail.is_empty() {
            String::new()
        } else {
            format!(" : « {} »", warning.detail)
        };
        // Not a schema violation: worth fixing, but the row is valid.
        let note = if warning.kind.breaks_schema() {
            ""
        } else {
            " (remarque)"
        };
        problems.push((
            warning.row,
            format!(
                "{}{note} : {}, {} [{}]{detail}",
                location(warning.row, warning.line),
                warning.column.name(),
                warning.kind.message_fr(),
                warning.kind.code()
            ),
        ));
    }
    // Stable: skipped rows first within a row, then warnings in column order.
    problems.sort_by_key(|(row, _)| *row);
    for (_, line) in &problems {
        println!("{line}");
    }
    if !problems.is_empty() {
        println!();
    }
    print_summary(&report);
    let invalid = report.invalid_rows();
    let legacy = report.version == SchemaVersion::Legacy;
    let missing = &report.missing_v1_columns;
    if legacy {
        println!("Ce fichier suit l'ancien standard v0.1 : `lieux convert` le réécrit en v1.0.2.");
    }
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|c| c.name()).collect();
        println!(
            "Colonnes du standard absentes de l'en-tête : {}",
            names.join(", ")
        );
    }
    if invalid == 0 && !legacy && missing.is_empty() {
        println!("Résultat : conforme au standard v1.0.2.");
        Ok(ExitCode::SUCCESS)
    } else {
        let mut causes = vec![format!(
            "{invalid} ligne(s) sur {} à corriger",
            report.rows_read
        )];
        if legacy {
            causes.push("format v0.1".into());
        }
        if !missing.is_empty() {
            causes.push(format!("{} colonne(s) absente(s)", missing.len()));
        }
        println!("Résultat : non conforme ({}).", causes.join(", "));
        Ok(ExitCode::from(1))
    }
}

fn convert(args: &Args) -> Outcome {
    let path = args.input()?;
    let output = args.output()?;
    let report = load(path)?;
    let csv = write::to_csv(&report.places, &Column::V1);
    write_output(output, &csv, path)?;
    print_summary(&report);
    println!(
        "Écrit : {output} ({} lieux, 32 colonnes v1.0.2)",
        report.places.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// Which places `extract` keeps.
enum Selection {
    Departement(String),
    PostalCodes(Vec<String>),
    Radius(LatLon, f64),
}

fn selection(args: &Args) -> Result<Selection, Failure> {
    let chosen = [
        args.option("--departement"),
        args.option("--codes-postaux"),
        args.option("--rayon"),
    ];
    if chosen.iter().flatten().count() != 1 {
        return Err(Failure(
            "choisissez une et une seule sélection : --departement, --codes-postaux ou --rayon"
                .into(),
        ));
    }
    if let Some(dep) = args.option("--departement") {
        let dep = dep.trim().to_ascii_uppercase();
        let ok = matches!(dep.as_str(), "2A" | "2B")
            || (dep.len() == 2 && dep.bytes().all(|b| b.is_ascii_digit()))
            || (dep.len() == 3 && dep.starts_with("97") && dep.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            return Err(Failure(format!(
                "département invalide : {dep} (exemples : 01, 2A, 69, 974)"
            )));
        }
        return Ok(Selection::Departement(dep));
    }
    if let Some(list) = args.option("--codes-postaux") {
        let codes: Vec<String> = list
            .split(',')
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if let Some(bad) = codes
            .iter()
            .find(|c| c.len() != 5 || !c.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(Failure(format!(
                "code postal invalide : {bad} (5 chiffres attendus)"
            )));
        }
        if codes.is_empty() {
            return Err(Failure("aucun code postal donné".into()));
        }
        return Ok(Selection::PostalCodes(codes));
    }
    let text = args.option("--rayon").unwrap_or_default();
    // Latitude and longitude are read by the core's one rule, with decimal points (the comma
    // separates the three numbers).
    let degrees = |text: &str| read_degrees(text).plain();
    let numbers = match text.split(',').collect::<Vec<_>>().as_slice() {
        [lat, lon, km] => degrees(lat)
            .zip(degrees(lon))
            .zip(km.trim().parse::<f64>().ok()),
        _ => None,
    };
    match numbers {
        Some(((lat, lon), km)) if km > 0.0 && km.is_finite() => LatLon::new(lat, lon)
            .map(|centre| Selection::Radius(centre, km))
            .ok_or_else(|| Failure(format!("coordonnées invalides : {text}"))),
        _ => Err(Failure(format!(
            "--rayon attend LAT,LON,KM (par exemple 45.76,4.83,10), pas « {text} »"
        ))),
    }
}

/// Département of a place: from its INSEE code when known (reliable), else from its postal
/// code (Corsica: 200xx/201xx are 2A, 202xx/206xx are 2B).
fn in_departement(place: &Place, dep: &str) -> bool {
    if let Some(insee) = &place.code_insee {
        return insee.starts_with(dep);
    }
    let cp = place.code_postal.as_str();
    match dep {
        "2A" => cp.starts_with("200") || cp.starts_with("201"),
        "2B" => cp.starts_with("202") || cp.starts_with("206"),
        _ => cp.starts_with(dep),
    }
}

fn extract(args: &Args) -> Outcome {
    let path = args.input()?;
    let output = args.output()?;
    let selection = selection(args)?;
    let report = load(path)?;
    let selected: Vec<Place> = report
        .places
        .iter()
        .filter(|place| match &selection {
            Selection::Departement(dep) => in_departement(place, dep),
            Selection::PostalCodes(codes) => codes.contains(&place.code_postal),
            Selection::Radius(centre, km) => place
                .location()
                .is_some_and(|l| distance_km(*centre, l) <= *km),
        })
        .cloned()
        .collect();
    let full = args.flag("--complet");
    let csv = if full {
        write::to_csv(&selected, &Column::V1)
    } else {
        write::to_compact_csv(&selected, &Column::COMPACT)
    };
    write_output(output, &csv, path)?;
    print_summary(&report);
    println!(
        "Écrit : {output} ({} lieux sélectionnés sur {}, {} octets{})",
        selected.len(),
        report.places.len(),
        csv.len(),
        if full {
            ", 32 colonnes"
        } else {
            ", colonnes utiles au widget"
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn gazetteer(args: &Args) -> Outcome {
    let path = args.input()?;
    let output = args.output()?;
    let bytes = read(path)?;
    let (gazetteer, report) =
        build_from_communes(&bytes).map_err(|e| Failure(format!("{path} : {e}")))?;
    let csv = gazetteer.to_csv();
    write_output(output, &csv, path)?;
    println!("Lignes lues : {}", report.rows_read);
    println!("Lignes gardées : {}", report.rows_used);
    let skipped = report.rows_without_coordinates
        + report.rows_with_invalid_postal_code
        + report.delegated_rows_ignored;
    println!("Lignes écartées : {skipped}");
    for (count, reason, code) in [
        (
            report.rows_without_coordinates,
            "sans coordonnées",
            "missing_coordinates",
        ),
        (
            report.rows_with_invalid_postal_code,
            "code postal pas à 5 chiffres",
            "invalid_code_postal",
        ),
        (
            report.delegated_rows_ignored,
            "commune déléguée, son code postal a déjà une commune",
            "delegated_commune",
        ),
    ] {
        if count > 0 {
            println!("  {count:>6}  {reason} [{code}]");
        }
    }
    let name = Path::new(output).display();
    println!(
        "Écrit : {name} ({} codes postaux, {} octets)",
        report.postal_codes,
        csv.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// A date written in a file name: `20221201` or `2022-12-01`.
fn date_in_name(path: &str) -> Option<String> {
    let name = Path::new(path).file_name()?.to_string_lossy().into_owned();
    let digits: Vec<(usize, char)> = name.char_indices().collect();
    for start in 0..digits.len() {
        let rest: String = digits[start..].iter().map(|(_, c)| c).collect();
        let compact: String = rest.chars().take(8).collect();
        let candidates = [
            compact
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| compact.clone())
                .filter(|c| c.len() == 8)
                .map(|c| format!("{}-{}-{}", &c[..4], &c[4..6], &c[6..])),
            Some(rest.chars().take(10).collect::<String>()),
        ];
        if let Some(date) = candidates
            .into_iter()
            .flatten()
            .find(|d| index::is_iso_date(d) && d.starts_with("20"))
        {
            return Some(date);
        }
    }
    None
}

/// Today's date, from the system clock.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    // `day_to_iso` counts from 2025-01-01, which is day 20,089 of the Unix epoch.
    let since_2025 = days.saturating_sub(20_089).min(u64::from(u16::MAX)) as u16;
    autonomie_core::share_code::day_to_iso(since_2025)
}

fn index(args: &Args) -> Outcome {
    let inputs = args.positional.get(1..).unwrap_or_default();
    if inputs.is_empty() {
        return Err(Failure(format!("fichier d'entrée manquant\n\n{USAGE}")));
    }
    let folder = args
        .option("-o")
        .ok_or_else(|| Failure("dossier de sortie manquant (-o DOSSIER)".into()))?;
    let built = match args.option("--date") {
        Some(date) if index::is_iso_date(date) => date.to_string(),
        Some(date) => return Err(Failure(format!("--date attend AAAA-MM-JJ, pas « {date} »"))),
        None => today(),
    };
    let mut places = Vec::new();
    let mut sources = Vec::new();
    for path in inputs {
        let bytes = read(path)?;
        let name = Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.clone());
        let is_france_services = france_services::is_france_services(&bytes);
        let report = if is_france_services {
            let date = date_in_name(path).ok_or_else(|| {
                Failure(format!(
                    "{path} : liste des France services sans date dans son nom (AAAAMMJJ) : \
                     renommez-la, par exemple liste-fs-20221201.csv"
                ))
            })?;
            france_services::parse_france_services(&bytes, &date)
        } else {
            parse_places(&bytes)
        }
        .map_err(|e| Failure(format!("{path} : {}", e.message_fr())))?;
        println!("== {name}");
        if is_france_services {
            println!(
                "Liste des France services (ANCT), datée du {}",
                date_in_name(path).unwrap_or_default()
            );
        }
        print_summary(&report);
        let date = report
            .places
            .iter()
            .filter_map(|p| p.date_maj.as_deref())
            .filter(|d| index::is_iso_date(d))
            .max()
            .map(str::to_string)
            .or_else(|| date_in_name(path));
        sources.push(index::SourceFile::new(
            &name,
            date,
            &bytes,
            report.rows_read,
            report.places.len(),
        ));
        places.extend(report.places);
    }
    let built = index::build(places, sources, &built);
    std::fs::create_dir_all(folder)
        .map_err(|e| Failure(format!("impossible de créer {folder} : {e}")))?;
    // Files of an earlier build that this one does not write would be listed nowhere.
    if let Ok(entries) = std::fs::read_dir(folder) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name == index::MANIFEST
                || name
                    .strip_suffix(".csv")
                    .is_some_and(|code| autonomie_core::share_code::DEPARTEMENTS.contains(&code));
            if ours && !built.files.iter().any(|(file, _)| *file == name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    for (file, text) in &built.files {
        let path = Path::new(folder).join(file);
        std::fs::write(&path, text)
            .map_err(|e| Failure(format!("impossible d'écrire {} : {e}", path.display())))?;
    }
    let manifest = &built.manifest;
    let largest = built
        .files
        .iter()
        .filter(|(file, _)| file != index::MANIFEST)
        .max_by_key(|(_, text)| text.len());
    println!("== Index");
    println!("Lieux gardés : {}", manifest.places);
    println!(
        "Doublons fusionnés (le plus récent gardé) : {}",
        built.merged
    );
    if built.no_departement > 0 {
        println!(
            "Lieux écartés, code postal hors départements (Monaco, 98…) : {}",
            built.no_departement
        );
    }
    println!(
        "Mises à jour des lieux : du {} au {}",
        manifest.oldest.as_deref().unwrap_or("?"),
        manifest.newest.as_deref().unwrap_or("?")
    );
    if let Some((file, text)) = largest {
        println!("Plus gros fichier : {file} ({} octets)", text.len());
    }
    println!(
        "Écrit : {folder} ({} fichiers de département et {})",
        manifest.departements.len(),
        index::MANIFEST
    );
    Ok(ExitCode::SUCCESS)
}
