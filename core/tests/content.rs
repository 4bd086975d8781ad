//! The shipped content (question bank and catalogs) is data; these tests are its schema.

use autonomie_core::bank::ItemKind;
use autonomie_core::i18n::{placeholders, Catalog, Lang};
use autonomie_core::readability::{kandel_moles, EASY};
use autonomie_core::{Bank, Service};
use std::collections::BTreeSet;
use std::path::Path;

/// The shipped French catalog, read strictly (the widget falls back to an empty one).
fn french() -> Catalog {
    Catalog::from_json(Lang::Fr, autonomie_core::i18n::FRENCH_JSON).expect("fr.json parses")
}

fn catalog_file(lang: Lang) -> Option<Catalog> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../content/i18n")
        .join(format!("{}.json", lang.code()));
    let json = std::fs::read_to_string(path).ok()?;
    Some(Catalog::from_json(lang, &json).expect("catalog parses"))
}

#[test]
fn builtin_bank_is_valid() {
    let bank = Bank::from_json(autonomie_core::bank::BUILTIN_BANK_JSON).expect("bank.json parses");
    assert_eq!(Bank::builtin().items.len(), bank.items.len());
    let problems = bank.validate(&french());
    assert!(
        problems.is_empty(),
        "bank problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn configurator_domain_list_matches_the_bank() {
    let bank = Bank::builtin();
    let domains: Vec<&str> = bank.domains.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(domains, autonomie_core::bank::BUILTIN_DOMAIN_IDS);
}

#[test]
fn bank_covers_the_seven_domains_with_enough_items_and_tasks() {
    let bank = Bank::builtin();
    let domains: Vec<&str> = bank.domains.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        domains,
        [
            "equipement",
            "appareil",
            "information",
            "communication",
            "demarches",
            "securite",
            "emploi"
        ]
    );
    let tasks = bank
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Task)
        .count();
    assert!(tasks >= 5, "only {tasks} mini-tasks");
    // The attachment question the issue insists on is there.
    assert!(bank.item("com.email_attachment").is_some());
    // Every national service used by the bank is one of the 9 of the standard, and the
    // everyday ones are reachable.
    let used: BTreeSet<Service> = bank
        .items
        .iter()
        .flat_map(|i| i.services.iter().copied())
        .collect();
    for needed in [
        Service::Demarches,
        Service::OutilsQuotidien,
        Service::InsertionPro,
        Service::UtilisationSecurisee,
    ] {
        assert!(used.contains(&needed), "{needed:?} never recommended");
    }
}

#[test]
fn validation_catches_broken_banks() {
    let fr = french();
    let broken = r#"{
      "version": 1,
      "domains": [{"id": "equipement", "icon": "device"}],
      "conditions": {
        "later": {"item": "eq.b", "in": ["yes"]},
        "wrong_answer": {"item": "eq.a", "in": ["alone"]}
      },
      "items": [
        {"id": "eq.a", "domain": "equipement", "kind": "possession", "digcomp": "9.9", "services": [], "ask_if": "later"},
        {"id": "eq.a", "domain": "nowhere", "kind": "task", "digcomp": "1.1", "services": ["demarches"], "options": ["x"], "correct": 3},
        {"id": "eq.b", "domain": "equipement", "kind": "rating", "digcomp": "1.1", "services": ["demarches"], "ask_if": "missing"}
      ]
    }"#;
    let bank = Bank::from_json(broken).expect("shape is fine, content is not");
    let problems = bank.validate(&fr).join("\n");
    for expected in [
        "duplicate item id eq.a",
        "9.9 is not a DigComp 2.2 competence",
        "scored item without a national service",
        "unknown domain nowhere",
        "a task needs at least 2 options",
        "correct option is missing or out of range",
        "depends on eq.b, which comes later",
        "unknown condition missing",
        "can never be answered Alone",
        "missing text q.eq.b.text",
    ] {
        assert!(
            problems.contains(expected),
            "expected {expected:?} in:\n{problems}"
        );
    }
    assert!(Bank::from_json(r#"{"version": 1}"#).is_err());
    assert!(Bank::from_json("[]").is_err());
}

#[test]
fn every_language_has_every_key_and_the_same_placeholders() {
    let fr = french();
    let fr_keys: BTreeSet<&str> = fr.keys().collect();
    for lang in [Lang::En, Lang::Ar, Lang::Uk] {
        let Some(catalog) = catalog_file(lang) else {
            panic!("content/i18n/{}.json is missing", lang.code());
        };
        let keys: BTreeSet<&str> = catalog.keys().collect();
        let missing: Vec<_> = fr_keys.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&fr_keys).collect();
        assert!(
            missing.is_empty(),
            "{}: missing keys {missing:?}",
            lang.code()
        );
        assert!(
            extra.is_empty(),
            "{}: keys unknown in French {extra:?}",
            lang.code()
        );
        for (key, text) in catalog.entries() {
            assert!(!text.trim().is_empty(), "{}: {key} is empty", lang.code());
            let mut want = placeholders(fr.get(key).unwrap_or_default());
            let mut got = placeholders(text);
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(want, got, "{}: placeholders differ in {key}", lang.code());
        }
    }
}

#[test]
fn french_catalog_has_no_empty_text() {
    for (key, text) in french().entries() {
        assert!(!text.trim().is_empty(), "{key} is empty");
    }
}

#[test]
fn every_french_question_is_easy_to_read() {
    let fr = french();
    let bank = Bank::builtin();
    let mut failures = Vec::new();
    for item in &bank.items {
        for suffix in ["text", "hint"] {
            let key = format!("q.{}.{suffix}", item.id);
            let Some(text) = fr.get(&key) else { continue };
            let r = kandel_moles(text);
            if r.score < EASY || r.words > 20 {
                failures.push(format!(
                    "{key}: score {:.1}, {} words: {text}",
                    r.score, r.words
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "hard to read:\n{}",
        failures.join("\n")
    );
}

#[test]
fn french_splits_between_the_modules_without_loss() {
    use autonomie_core::i18n::{french_subset, main_module_key, MODULE_KEY_PREFIXES};
    let keys = |json: String| -> BTreeSet<String> {
        Catalog::from_json(Lang::Fr, &json)
            .expect("subset parses")
            .keys()
            .map(str::to_string)
            .collect()
    };
    let main = keys(french_subset(main_module_key).expect("main subset"));
    let mut all = main.clone();
    for prefix in MODULE_KEY_PREFIXES {
        let module = keys(french_subset(|k| k.starts_with(prefix)).expect("module subset"));
        assert!(!module.is_empty(), "{prefix} has no text");
        assert!(
            module.is_disjoint(&main),
            "{prefix} texts also in the main module"
        );
        all.extend(module);
    }
    let french: BTreeSet<String> = french().keys().map(str::to_string).collect();
    assert_eq!(all, french);
}

/// The main module leaves out the French of keys a lazily loaded module shows: its own code
/// must not use them, or French visitors would see a raw key.
#[test]
fn main_module_never_shows_a_module_key() {
    use autonomie_core::i18n::MODULE_KEY_PREFIXES;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut sources = Vec::new();
    for dir in ["src", "src/ui", "ui/src"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "rs") {
                sources.push(path);
            }
        }
    }
    assert!(sources.len() > 10, "source files not found");
    for path in sources {
        let text = std::fs::read_to_string(&path).expect("source file");
        for prefix in MODULE_KEY_PREFIXES {
            assert!(
                !text.contains(&format!("\"{prefix}")),
                "{} uses a \"{prefix}…\" text, which only a lazily loaded module carries",
                path.display()
            );
        }
    }
}
