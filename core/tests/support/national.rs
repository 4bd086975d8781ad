//! A national-size places file, generated: what the national export of the standard v1.0.2
//! looks like (32 columns, every cell quoted, its quirks), deterministic for a seed. Shared by
//! the tests that need national volumes; they include this file with `#[path]`.
//!
//! Places are spread over the départements as in the real data: the weights of
//! `../fixtures/places/departements.csv` are the number of places per département in
//! `cnfs-lieux-2022-12.json` (4,930 CNFS places, by postal code) plus
//! `france-services-20221201.csv` (2,683 France Services, by `insee_dep`); the Auvergne-only
//! Hinaura file is left out. Each place is put within 3 km of a postal code of its
//! département (`public/data/codes-postaux.csv`), and named after its commune.
//!
//! The national export's quirks are there, each in a small share of rows: coordinates
//! written `"0"` and `"0"` (missing), multi-values separated by `;` instead of `|`, the
//! fullwidth quote `＂` instead of a quote, and [`NationalFile::duplicates`] rows repeating an
//! earlier place (same pivot, coordinates within 50 m, another id and `date_maj`, often
//! another source). Distinct places sharing a pivot are always more than 1 km apart, so a
//! dedupe keeping one row per (pivot, 50 m) group removes exactly `duplicates` rows.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

/// Places per département in the real data (see the module doc).
const WEIGHTS: &str = include_str!("../fixtures/places/departements.csv");

/// The 32 columns of the standard v1.0.2, in the order of its schema.
pub const COLUMNS: [&str; 32] = [
    "id",
    "pivot",
    "nom",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "latitude",
    "longitude",
    "typologie",
    "telephone",
    "courriels",
    "site_web",
    "horaires",
    "presentation_resume",
    "presentation_detail",
    "source",
    "itinerance",
    "structure_parente",
    "date_maj",
    "services",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "frais_a_charge",
    "dispositif_programmes_nationaux",
    "formations_labels",
    "autres_formations_labels",
    "modalites_acces",
    "modalites_accompagnement",
    "fiche_acces_libre",
    "prise_rdv",
];

/// Share of rows that repeat an earlier place.
const DUPLICATE_SHARE: f64 = 0.03;
/// Share of rows with `"0"`, `"0"` coordinates.
const ZERO_COORDINATES_SHARE: f64 = 0.012;
/// Share of rows whose multi-values are separated by `;`.
const SEMICOLON_SHARE: f64 = 0.025;
/// Share of rows with a fullwidth quote in a text.
const FULLWIDTH_QUOTE_SHARE: f64 = 0.012;
/// Farthest a place is put from its postal code's point.
const JITTER_KM: f64 = 3.0;

/// The generated file: a CSV text in the national export's style, and facts the tests check.
pub struct NationalFile {
    pub csv: String,
    /// Data rows (the header is not counted).
    pub rows: usize,
    /// Rows per département (duplicates included), for every département of the weight table.
    pub per_departement: BTreeMap<String, usize>,
    /// Rows that repeat an earlier place (same pivot, within 50 m): what a dedupe removes.
    pub duplicates: usize,
}

/// `rows` places (at least 18,000 for the national-size test), spread over every département
/// (including 2A, 2B, 971, 972, 973, 974, 976) as unevenly as the real national data,
/// deterministic for a seed.
///
/// Each département gets its share of `rows` by weight (largest remainders, and at least one
/// place each when `rows` is at least the number of départements); the rows are then
/// shuffled.
pub fn generate(rows: usize, seed: u64) -> NationalFile {
    let table = postal_table();
    let weights = weights();
    let mut codes_of: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, postal) in table.iter().enumerate() {
        codes_of
            .entry(departement_of(&postal.code))
            .or_default()
            .push(i);
    }
    let by_departement: Vec<Vec<usize>> = weights
        .iter()
        .map(|(departement, _)| {
            let codes = codes_of.remove(departement).unwrap_or_default();
            assert!(
                !codes.is_empty(),
                "no postal code for département {departement}"
            );
            codes
        })
        .collect();
    let counts = apportion(rows, &weights);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = counts
        .iter()
        .enumerate()
        .flat_map(|(d, &n)| std::iter::repeat_n(d, n))
        .collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }

    let id_key = mix(seed ^ 0x6e61_7469_6f6e_616c);
    let mut generator = Generator {
        rng,
        id_key,
        pivots: HashMap::new(),
        pivots_by_departement: vec![Vec::new(); weights.len()],
    };
    let mut out: Vec<Row> = Vec::with_capacity(rows);
    // Earlier places that may be repeated: located, with a pivot.
    let mut repeatable: Vec<Vec<usize>> = vec![Vec::new(); weights.len()];
    let mut duplicates = 0;
    for (index, &d) in order.iter().enumerate() {
        let candidates = &repeatable[d];
        if !candidates.is_empty() && generator.rng.chance(DUPLICATE_SHARE) {
            let original = candidates[generator.rng.below(candidates.len())];
            let row = generator.duplicate(&out[original], index);
            out.push(row);
            duplicates += 1;
            continue;
        }
        let postal = &table[by_departement[d][generator.rng.below(by_departement[d].len())]];
        let row = generator.original(index, d, &weights[d].0, postal);
        if row.point.is_some() && !row.pivot.is_empty() {
            repeatable[d].push(out.len());
        }
        out.push(row);
    }

    let mut csv = String::with_capacity(rows * 900 + 1000);
    write_record(&mut csv, COLUMNS);
    for row in &out {
        write_record(&mut csv, row.cells());
    }
    let per_departement = weights
        .iter()
        .zip(&counts)
        .map(|((departement, _), &n)| (departement.clone(), n))
        .collect();
    NationalFile {
        csv,
        rows,
        per_departement,
        duplicates,
    }
}

/// The postal-code table the generator placed places around: (postal_code, lat, lon), read
/// from the repository's public/data/codes-postaux.csv.
pub fn postal_codes() -> Vec<(String, f64, f64)> {
    postal_table()
        .into_iter()
        .map(|p| (p.code, p.lat, p.lon))
        .collect()
}

/// The weight table: (département, places in the real data), in the file's order.
pub fn weights() -> Vec<(String, u64)> {
    WEIGHTS
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .skip(1) // departement;weight
        .map(|line| {
            let (departement, weight) = line.split_once(';').expect("departement;weight");
            let weight = weight.parse().expect("a weight");
            (departement.to_string(), weight)
        })
        .collect()
}

/// The département of a postal code: its first 2 digits, except 20xxx → 2A below 20200 else
/// 2B, and 97xxx → its first 3 digits.
pub fn departement_of(postal_code: &str) -> String {
    match &postal_code[..2] {
        "20" if postal_code < "20200" => "2A".to_string(),
        "20" => "2B".to_string(),
        "97" => postal_code[..3].to_string(),
        two => two.to_string(),
    }
}

struct PostalCode {
    code: String,
    commune: String,
    lat: f64,
    lon: f64,
}

fn postal_table() -> Vec<PostalCode> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/data/codes-postaux.csv"
    );
    let text = std::fs::read_to_string(path).expect("public/data/codes-postaux.csv");
    text.lines()
        .skip(1) // code_postal;commune;lat;lon
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut fields = line.split(';');
            let mut next = || fields.next().expect("code_postal;commune;lat;lon").trim();
            let code = next().to_string();
            let commune = next().to_string();
            let lat = next().parse().expect("lat");
            let lon = next().parse().expect("lon");
            PostalCode {
                code,
                commune,
                lat,
                lon,
            }
        })
        .collect()
}

/// `rows` shared by weight, largest remainders first; one each first when there are enough.
fn apportion(rows: usize, weights: &[(String, u64)]) -> Vec<usize> {
    let n = weights.len();
    let base = if rows >= n { 1 } else { 0 };
    let rest = (rows - base * n) as u128;
    let total: u128 = weights.iter().map(|(_, w)| u128::from(*w)).sum();
    let mut counts = vec![base; n];
    let mut remainders = Vec::with_capacity(n);
    let mut given = 0u128;
    for (i, (_, w)) in weights.iter().enumerate() {
        let share = rest * u128::from(*w);
        counts[i] += (share / total) as usize;
        given += share / total;
        remainders.push((share % total, i));
    }
    // Biggest remainder first; ties to the earlier département.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take((rest - given) as usize) {
        counts[i] += 1;
    }
    counts
}

/// splitmix64's output function: a bijection of `u64`.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// splitmix64.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// Between `min` and `max` distinct items of `items`, weighted, in the list's order.
    fn subset<'a>(&mut self, items: &[(&'a str, u32)], min: usize, max: usize) -> Vec<&'a str> {
        let wanted = min + self.below(max - min + 1);
        let mut left: Vec<(usize, u32)> = items.iter().map(|&(_, w)| w).enumerate().collect();
        let mut chosen = Vec::with_capacity(wanted);
        while chosen.len() < wanted && !left.is_empty() {
            let total: u32 = left.iter().map(|&(_, w)| w).sum();
            let mut ticket = self.below(total as usize) as u32;
            let at = left
                .iter()
                .position(|&(_, w)| {
                    if ticket < w {
                        true
                    } else {
                        ticket -= w;
                        false
                    }
                })
                .expect("a ticket falls somewhere");
            chosen.push(left.remove(at).0);
        }
        chosen.sort_unstable();
        chosen.into_iter().map(|i| items[i].0).collect()
    }
}

/// One row, its cells as written (unquoted).
#[derive(Clone, Default)]
struct Row {
    id: String,
    pivot: String,
    nom: String,
    commune: String,
    code_postal: String,
    code_insee: String,
    adresse: String,
    complement_adresse: String,
    latitude: String,
    longitude: String,
    typologie: String,
    telephone: String,
    courriels: String,
    site_web: String,
    horaires: String,
    presentation_resume: String,
    presentation_detail: String,
    source: String,
    itinerance: String,
    structure_parente: String,
    date_maj: String,
    services: String,
    publics: String,
    prise_en_charge: String,
    frais: String,
    dispositifs: String,
    formations_labels: String,
    autres_formations_labels: String,
    modalites_acces: String,
    modalites_accompagnement: String,
    fiche_acces_libre: String,
    prise_rdv: String,
    /// The coordinates written, `None` for the `"0"`, `"0"` quirk.
    point: Option<(f64, f64)>,
    /// Day number of `date_maj`.
    day: i64,
}

impl Row {
    fn cells(&self) -> [&str; 32] {
        [
            &self.id,
            &self.pivot,
            &self.nom,
            &self.commune,
            &self.code_postal,
            &self.code_insee,
            &self.adresse,
            &self.complement_adresse,
            &self.latitude,
            &self.longitude,
            &self.typologie,
            &self.telephone,
            &self.courriels,
            &self.site_web,
            &self.horaires,
            &self.presentation_resume,
            &self.presentation_detail,
            &self.source,
            &self.itinerance,
            &self.structure_parente,
            &self.date_maj,
            &self.services,
            &self.publics,
            &self.prise_en_charge,
            &self.frais,
            &self.dispositifs,
            &self.formations_labels,
            &self.autres_formations_labels,
            &self.modalites_acces,
            &self.modalites_accompagnement,
            &self.fiche_acces_libre,
            &self.prise_rdv,
        ]
    }
}

/// Every cell quoted, as the national export writes them.
fn write_record<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        if cell.contains('"') {
            out.push_str(&cell.replace('"', "\"\""));
        } else {
            out.push_str(cell);
        }
        out.push('"');
    }
    out.push('\n');
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Mediatheque,
    FranceServices,
    Epn,
    CentreSocial,
    Mairie,
    Ccas,
    Association,
    MaisonQuartier,
    MissionLocale,
    TiersLieu,
    Pimms,
    Pij,
    Mjc,
    Epci,
}

const KINDS: [(Kind, u32); 14] = [
    (Kind::Mediatheque, 14),
    (Kind::FranceServices, 14),
    (Kind::Epn, 9),
    (Kind::CentreSocial, 9),
    (Kind::Mairie, 10),
    (Kind::Ccas, 5),
    (Kind::Association, 14),
    (Kind::MaisonQuartier, 4),
    (Kind::MissionLocale, 3),
    (Kind::TiersLieu, 5),
    (Kind::Pimms, 2),
    (Kind::Pij, 2),
    (Kind::Mjc, 3),
    (Kind::Epci, 6),
];

impl Kind {
    /// Typologie codes (data.inclusion vocabulary).
    fn typologie(self) -> &'static [&'static str] {
        match self {
            Kind::Mediatheque => &["BIB"],
            Kind::FranceServices => &["RFS"],
            Kind::Epn => &["MUNI"],
            Kind::CentreSocial => &["CS"],
            Kind::Mairie => &["MUNI"],
            Kind::Ccas => &["CCAS"],
            Kind::Association => &["ASSO"],
            Kind::MaisonQuartier => &["MQ"],
            Kind::MissionLocale => &["ML"],
            Kind::TiersLieu => &["TIERS_LIEUX"],
            Kind::Pimms => &["PIMMS"],
            Kind::Pij => &["PIJ_BIJ"],
            Kind::Mjc => &["MJC"],
            Kind::Epci => &["EPCI"],
        }
    }

    /// A public body: its SIRET starts like a commune's or an EPCI's.
    fn public(self) -> bool {
        matches!(
            self,
            Kind::Mediatheque | Kind::Epn | Kind::Mairie | Kind::Ccas | Kind::Epci
        )
    }
}

const PEOPLE: [&str; 32] = [
    "Jean Moulin",
    "Louise Michel",
    "Victor Hugo",
    "Jules Verne",
    "Simone Veil",
    "Albert Camus",
    "Aimé Césaire",
    "Marie Curie",
    "Jean Jaurès",
    "George Sand",
    "Colette",
    "Émile Zola",
    "Jacques Prévert",
    "Françoise Sagan",
    "Boris Vian",
    "Olympe de Gouges",
    "Nelson Mandela",
    "Antoine de Saint-Exupéry",
    "Paul Éluard",
    "Gisèle Halimi",
    "Joséphine Baker",
    "Léopold Sédar Senghor",
    "Marguerite Yourcenar",
    "Romain Gary",
    "Louis Aragon",
    "Elsa Triolet",
    "Rosa Parks",
    "Jean de La Fontaine",
    "Pierre Mendès France",
    "Lucie Aubrac",
    "Condorcet",
    "Molière",
];

const QUARTIERS: [&str; 28] = [
    "du Centre",
    "des Tilleuls",
    "de la Gare",
    "du Vieux Bourg",
    "des Acacias",
    "Les Érables",
    "La Roseraie",
    "Le Mail",
    "des Coteaux",
    "Bellevue",
    "du Moulin",
    "des Peupliers",
    "La Source",
    "Les Chênes",
    "du Parc",
    "de la Croix-Rouge",
    "Saint-Jacques",
    "des Hauts",
    "Le Plateau",
    "Les Minimes",
    "du Port",
    "La Fontaine",
    "des Sablons",
    "Beauregard",
    "Les Glycines",
    "du Lac",
    "Champ Fleuri",
    "La Vallée",
];

const ASSOCIATIONS: [&str; 36] = [
    "Les Connectés",
    "Numérique pour tous",
    "Clic & Lien",
    "Entraide Numérique",
    "Les Petits Débrouillards",
    "Solidarité Informatique",
    "Lien Social et Numérique",
    "Génération Numérique",
    "Accès Pour Tous",
    "Le Fil d'Ariane",
    "Les Ateliers du Web",
    "Cap Numérique",
    "Pixel Solidaire",
    "Familles Rurales",
    "Secours populaire français",
    "Emmaüs Connect",
    "Unis-Cité",
    "Les Compagnons du Net",
    "Informatique Loisirs Seniors",
    "Club Micro",
    "Ordi Solidaire",
    "La Souris Verte",
    "Le Relais",
    "Partage Numérique",
    "Écrivain public",
    "ADMR",
    "Trait d'Union",
    "Inser'Net",
    "Amicale Laïque",
    "Foyer Rural",
    "Ligue de l'enseignement",
    "Bug Busters",
    "Les Ateliers de la Bidouille",
    "Digital Solidaire",
    "E-lien",
    "Culture et Loisirs",
];

const TIERS_LIEUX: [&str; 14] = [
    "La Fabrique",
    "Le Hub",
    "La Ruche",
    "L'Atelier",
    "La Cordée",
    "Le Labo",
    "La Passerelle",
    "Le Comptoir",
    "La Grange numérique",
    "Le Garage",
    "La Forge",
    "L'Usine",
    "La Coopérative",
    "Le Quai",
];

const VOIES: [&str; 12] = [
    "rue",
    "rue",
    "rue",
    "rue",
    "avenue",
    "place",
    "boulevard",
    "allée",
    "chemin",
    "impasse",
    "route",
    "quai",
];

const VOIE_NAMES: [&str; 30] = [
    "de la République",
    "Jean Jaurès",
    "Victor Hugo",
    "de la Mairie",
    "du Général de Gaulle",
    "de l'Église",
    "Pasteur",
    "des Écoles",
    "du 8 Mai 1945",
    "de la Libération",
    "Gambetta",
    "du Stade",
    "des Lilas",
    "de la Poste",
    "Nationale",
    "du Commerce",
    "Carnot",
    "Voltaire",
    "de Verdun",
    "du Château",
    "des Fleurs",
    "Principale",
    "Jean Moulin",
    "de la Gare",
    "Louis Pasteur",
    "du Maréchal Foch",
    "des Tanneurs",
    "du Moulin",
    "Saint-Pierre",
    "de la Paix",
];

const COMPLEMENTS: [&str; 12] = [
    "Bâtiment B",
    "1er étage",
    "Rez-de-chaussée",
    "Entrée par la cour",
    "Salle informatique",
    "Résidence Les Pins",
    "BP 12",
    "Face à la mairie",
    "2e étage, bureau 4",
    "Au fond du couloir",
    "Espace Simone Veil",
    "Porte C",
];

const SERVICES: [(&str, u32); 9] = [
    ("Aide aux démarches administratives", 80),
    ("Maîtrise des outils numériques du quotidien", 70),
    ("Insertion professionnelle via le numérique", 35),
    ("Utilisation sécurisée du numérique", 35),
    ("Parentalité et éducation avec le numérique", 18),
    ("Loisirs et créations numériques", 20),
    ("Compréhension du monde numérique", 30),
    ("Accès internet et matériel informatique", 45),
    ("Acquisition de matériel informatique à prix solidaire", 6),
];

const PUBLICS: [(&str, u32); 5] = [
    ("Jeunes", 30),
    ("Étudiants", 10),
    ("Familles et/ou enfants", 25),
    ("Seniors", 35),
    ("Femmes", 8),
];

const SUPPORTS: [(&str, u32); 7] = [
    ("Surdité", 10),
    ("Handicaps moteurs", 25),
    ("Handicaps mentaux", 12),
    ("Illettrisme", 30),
    ("Langues étrangères (anglais)", 18),
    ("Langues étrangères (autres)", 12),
    ("Déficience visuelle", 10),
];

const ACCES: [(&str, u32); 5] = [
    ("Se présenter", 60),
    ("Téléphoner", 55),
    ("Contacter par mail", 35),
    ("Prendre un RDV en ligne", 12),
    ("Envoyer un mail avec une fiche de prescription", 4),
];

const ACCOMPAGNEMENT: [(&str, u32); 4] = [
    ("En autonomie", 30),
    ("Accompagnement individuel", 70),
    ("Dans un atelier collectif", 45),
    ("À distance", 15),
];

const FORMATIONS: [(&str, u32); 10] = [
    ("Formé à « Mon Espace Santé »", 30),
    ("Formé à « DUPLEX » (illettrisme)", 8),
    ("Arnia/MedNum BFC (Bourgogne-Franche-Comté)", 3),
    ("Collectif ressources et acteurs réemploi (Normandie)", 3),
    ("Étapes numériques(La Poste)", 6),
    ("Fabriques de Territoire", 8),
    ("Les Éclaireurs du numérique (Drôme)", 2),
    ("Mes Papiers (Métropole de Lyon)", 2),
    ("ORDI 3.0", 4),
    ("SUD LABS (PACA)", 2),
];

const AUTRES_LABELS: [&str; 6] = [
    "Pass numérique",
    "Label Numérique Inclusif",
    "Maison de l'emploi",
    "Label CAF",
    "Espace de vie sociale",
    "Label Tiers-lieu régional",
];

const OPENINGS: [&str; 12] = [
    "Nous proposons",
    "Le lieu propose",
    "Notre équipe propose",
    "Nos conseillers numériques proposent",
    "L'espace propose",
    "La structure offre",
    "Un conseiller numérique vous accompagne avec",
    "Notre association propose",
    "Au programme :",
    "Vous trouverez ici",
    "L'accueil propose",
    "Nous vous accueillons pour",
];

const ACTIVITIES: [&str; 14] = [
    "un accompagnement aux démarches administratives en ligne",
    "des ateliers d'initiation à l'ordinateur et à la tablette",
    "une aide pour créer et gérer votre adresse e-mail",
    "des ateliers collectifs sur l'usage du smartphone",
    "un accès libre à des ordinateurs et à internet",
    "une aide aux services publics en ligne (CAF, impôts, Ameli, ANTS)",
    "des permanences pour apprendre à sécuriser vos comptes",
    "un accompagnement à la recherche d'emploi en ligne",
    "des ateliers pour les parents sur les écrans et les enfants",
    "la vente d'ordinateurs reconditionnés à prix solidaire",
    "des ateliers de découverte de la photo et de la vidéo numériques",
    "un accompagnement individuel sur rendez-vous",
    "une aide pour prendre rendez-vous chez le médecin en ligne",
    "des ateliers pour repérer les arnaques sur internet",
];

const COMPLEMENTS_OF_ACTIVITY: [&str; 10] = [
    ", gratuitement",
    " pour tous les publics",
    " pour les seniors",
    ", sur rendez-vous ou en accès libre",
    " du lundi au vendredi",
    ", en petits groupes",
    " dans une ambiance conviviale",
    " avec ou sans rendez-vous",
    "",
    "",
];

const ENDINGS: [&str; 7] = [
    ".",
    ".",
    ". Pensez à apporter vos identifiants.",
    ". Matériel fourni sur place.",
    ". Inscription à l'accueil.",
    ". Les ateliers ont lieu chaque semaine.",
    ". Imprimante et scanner à disposition.",
];

const DETAILS: [&str; 8] = [
    "Les ateliers sont animés par un conseiller numérique.",
    "Un espace en accès libre est ouvert aux horaires d'accueil.",
    "Vous pouvez venir avec votre propre matériel : ordinateur, tablette ou téléphone.",
    "Le lieu est accessible aux personnes à mobilité réduite.",
    "Des permanences ont aussi lieu dans les communes voisines.",
    "Les inscriptions se font à l'accueil ou par téléphone.",
    "Les ateliers sont limités à huit personnes pour que chacun puisse pratiquer.",
    "Une aide est possible pour les démarches de la CAF, de France Travail et de l'Assurance maladie.",
];

const MORNINGS: [&str; 5] = [
    "08:30-12:00",
    "09:00-12:00",
    "09:00-12:30",
    "10:00-12:00",
    "08:45-12:15",
];
const AFTERNOONS: [&str; 6] = [
    "13:30-17:00",
    "14:00-17:00",
    "14:00-18:00",
    "13:30-17:30",
    "14:00-19:00",
    "13:45-16:45",
];
const DAY_RANGES: [&str; 7] = [
    "Mo-Fr", "Mo-Fr", "Mo-Fr", "Mo-Th", "Tu-Fr", "Tu-Sa", "Mo,We,Fr",
];

/// Regional hubs that feed the national export, by département.
const HUBS: [(&str, &[&str]); 6] = [
    (
        "Hinaura",
        &[
            "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",
        ],
    ),
    ("Hub du Sud", &["04", "05", "06", "13", "83", "84"]),
    ("Les Assembleurs", &["02", "59", "60", "62", "80"]),
    (
        "Francil'in",
        &["75", "77", "78", "91", "92", "93", "94", "95"],
    ),
    ("Hubik", &["21", "25", "39", "58", "70", "71", "89", "90"]),
    ("Hub Antilles-Guyane", &["971", "972", "973"]),
];

const NATIONAL_SOURCES: [&str; 4] = ["dora", "Cartographie nationale", "Mednum", "soliguide"];

/// First day written in `date_maj`: 2023-01-01, and the last: 2026-11-30.
fn date_range() -> (i64, i64) {
    (days_from_civil(2023, 1, 1), days_from_civil(2026, 11, 30))
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn date_text(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Lowercase ASCII words joined by `-`: "Médiathèque d'Oyonnax" → "mediatheque-d-oyonnax".
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let ascii = match c {
            'à' | 'â' | 'ä' | 'á' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' => "i",
            'ô' | 'ö' | 'ó' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_ascii_alphanumeric() => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c);
                continue;
            }
            _ => {
                dash = true;
                continue;
            }
        };
        if dash && !out.is_empty() {
            out.push('-');
        }
        dash = false;
        out.push_str(ascii);
    }
    out
}

/// "de Lyon", "d'Oyonnax", "du Mans", "des Ulis".
fn of_commune(commune: &str) -> String {
    if let Some(rest) = commune.strip_prefix("Le ") {
        format!("du {rest}")
    } else if let Some(rest) = commune.strip_prefix("Les ") {
        format!("des {rest}")
    } else if commune.starts_with(['A', 'E', 'I', 'O', 'U', 'É', 'Î', 'Â', 'Y']) {
        format!("d'{commune}")
    } else {
        format!("de {commune}")
    }
}

/// The national number prefix (2 digits, 4 overseas) for landlines and mobiles.
fn phone_prefixes(departement: &str) -> (&'static str, &'static [&'static str]) {
    const ILE_DE_FRANCE: [&str; 8] = ["75", "77", "78", "91", "92", "93", "94", "95"];
    const NORD_OUEST: [&str; 20] = [
        "14", "18", "22", "27", "28", "29", "35", "36", "37", "41", "44", "45", "49", "50", "53",
        "56", "61", "72", "76", "85",
    ];
    const NORD_EST: [&str; 23] = [
        "02", "08", "10", "21", "25", "39", "51", "52", "54", "55", "57", "58", "59", "60", "62",
        "67", "68", "70", "71", "80", "88", "89", "90",
    ];
    const SUD_OUEST: [&str; 20] = [
        "09", "12", "16", "17", "19", "23", "24", "31", "32", "33", "40", "46", "47", "64", "65",
        "79", "81", "82", "86", "87",
    ];
    match departement {
        "971" => ("0590", &["0690", "0691"]),
        "972" => ("0596", &["0696"]),
        "973" => ("0594", &["0694"]),
        "974" => ("0262", &["0692", "0693"]),
        "976" => ("0269", &["0639"]),
        d if ILE_DE_FRANCE.contains(&d) => ("01", &["06", "07"]),
        d if NORD_OUEST.contains(&d) => ("02", &["06", "07"]),
        d if NORD_EST.contains(&d) => ("03", &["06", "07"]),
        d if SUD_OUEST.contains(&d) => ("05", &["06", "07"]),
        _ => ("04", &["06", "07"]),
    }
}

/// National prefixes of the overseas départements (Arcep's numbering plan).
const OVERSEAS_PREFIXES: [&str; 15] = [
    "0262", "0263", "0269", "0590", "0594", "0596", "0639", "0690", "0691", "0692", "0693", "0694",
    "0696", "0697", "0698",
];

/// The country code of a national number, as E.164 writes it.
fn country_code(departement: &str) -> &'static str {
    match departement {
        "971" => "590",
        "972" => "596",
        "973" => "594",
        "974" | "976" => "262",
        _ => "33",
    }
}

struct Generator {
    rng: Rng,
    /// Makes ids unique: `mix(index ^ id_key)` differs for every index.
    id_key: u64,
    /// Pivots given, and where the places holding them are.
    pivots: HashMap<String, Vec<(f64, f64)>>,
    pivots_by_departement: Vec<Vec<String>>,
}

impl Generator {
    fn original(&mut self, index: usize, d: usize, departement: &str, postal: &PostalCode) -> Row {
        let kind = {
            let total: u32 = KINDS.iter().map(|&(_, w)| w).sum();
            let mut ticket = self.rng.below(total as usize) as u32;
            let mut chosen = Kind::Association;
            for &(kind, w) in &KINDS {
                if ticket < w {
                    chosen = kind;
                    break;
                }
                ticket -= w;
            }
            chosen
        };
        let rng = &mut self.rng;
        let commune = postal.commune.as_str();
        let semicolon = rng.chance(SEMICOLON_SHARE);
        let sep = if semicolon { ";" } else { "|" };
        let fullwidth = rng.chance(FULLWIDTH_QUOTE_SHARE);

        let mut row = Row {
            commune: commune.to_string(),
            code_postal: postal.code.clone(),
            ..Row::default()
        };
        row.nom = name(rng, kind, commune, fullwidth);

        // Coordinates.
        if rng.chance(ZERO_COORDINATES_SHARE) {
            row.latitude = "0".to_string();
            row.longitude = "0".to_string();
        } else {
            let r = JITTER_KM * rng.unit().sqrt();
            let angle = std::f64::consts::TAU * rng.unit();
            let lat = postal.lat + r * angle.cos() / 111.32;
            let lon = postal.lon + r * angle.sin() / (111.32 * postal.lat.to_radians().cos());
            let decimals = 5 + rng.below(3);
            row.latitude = format!("{lat:.decimals$}");
            row.longitude = format!("{lon:.decimals$}");
            row.point = Some((lat, lon));
        }

        // Address.
        let highest = if rng.chance(0.7) { 40 } else { 250 };
        let number = 1 + rng.below(highest);
        let bis = if rng.chance(0.06) {
            rng.pick(&[" bis", " ter", "B"])
        } else {
            ""
        };
        let adresse = format!(
            "{number}{bis} {} {}",
            rng.pick(&VOIES),
            rng.pick(&VOIE_NAMES)
        );
        row.adresse = if rng.chance(0.1) {
            adresse.to_uppercase()
        } else {
            adresse
        };
        if rng.chance(0.2) {
            row.complement_adresse = rng.pick(&COMPLEMENTS).to_string();
        }

        // Typologie, sometimes with a second code.
        let mut typologie: Vec<&str> = kind.typologie().to_vec();
        if rng.chance(0.12) {
            let extra = rng.pick(&["MUNI", "ASSO", "EPCI", "CCAS", "BIB", "TIERS_LIEUX"]);
            if !typologie.contains(&extra) {
                typologie.push(extra);
            }
        }
        if rng.chance(0.9) {
            row.typologie = typologie.join(sep);
        }

        // Phone: 10 digits with the regional prefix.
        if rng.chance(0.85) {
            let (landline, mobiles) = phone_prefixes(departement);
            let prefix = if rng.chance(0.2) {
                rng.pick(mobiles)
            } else {
                landline
            };
            // Mainland numbers never start like an overseas one (02 62, 05 90, 06 90…).
            let national = loop {
                let national = format!("{prefix}{}", rng.digits(10 - prefix.len()));
                if departement.len() == 3 || !OVERSEAS_PREFIXES.contains(&&national[..4]) {
                    break national;
                }
            };
            row.telephone = match rng.below(10) {
                0..=6 => format!("+{}{}", country_code(departement), &national[1..]),
                7 | 8 => national
                    .as_bytes()
                    .chunks(2)
                    .map(|pair| std::str::from_utf8(pair).expect("ASCII digits"))
                    .collect::<Vec<_>>()
                    .join(" "),
                _ => national,
            };
        }

        // E-mails and websites, from the name and the commune.
        let name_slug = slug(&row.nom);
        let commune_slug = slug(commune);
        if rng.chance(0.5) {
            let local = match kind {
                Kind::FranceServices => rng.pick(&["franceservices", "france.services", "accueil"]),
                Kind::Mediatheque => rng.pick(&["mediatheque", "bibliotheque", "contact"]),
                Kind::Mairie | Kind::Ccas => {
                    rng.pick(&["accueil", "mairie", "ccas", "secretariat"])
                }
                _ => rng.pick(&[
                    "contact",
                    "accueil",
                    "mediation.numerique",
                    "conseiller.numerique",
                    "epn",
                    "numerique",
                ]),
            };
            let domain = if kind.public() || kind == Kind::FranceServices {
                match rng.below(3) {
                    0 => format!("{commune_slug}.fr"),
                    1 => format!("mairie-{commune_slug}.fr"),
                    _ => format!("ville-{commune_slug}.fr"),
                }
            } else if rng.chance(0.5) {
                format!("{}.org", truncate_slug(&name_slug, 30))
            } else {
                rng.pick(&[
                    "gmail.com",
                    "orange.fr",
                    "laposte.net",
                    "wanadoo.fr",
                    "free.fr",
                ])
                .to_string()
            };
            let mut emails = vec![format!("{local}@{domain}")];
            if rng.chance(0.12) {
                emails.push(format!("{commune_slug}@conseiller-numerique.fr"));
            }
            row.courriels = emails.join(sep);
        }
        if rng.chance(0.5) {
            let short = truncate_slug(&name_slug, 40);
            let mut sites = vec![match rng.below(5) {
                0 => format!("https://www.{short}.fr/"),
                1 => format!("https://www.{commune_slug}.fr/{short}"),
                2 => format!("https://www.facebook.com/{}", short.replace('-', "")),
                3 => format!("https://{short}.org"),
                _ => format!("https://www.{commune_slug}.fr/vie-pratique/{short}/"),
            }];
            if rng.chance(0.08) {
                sites.push(format!(
                    "https://www.facebook.com/{}",
                    short.replace('-', "")
                ));
            }
            row.site_web = sites.join("|");
        }

        if rng.chance(0.8) {
            row.horaires = hours(rng);
        }

        // Presentation.
        if rng.chance(0.4) {
            row.presentation_resume = resume(rng, fullwidth && kind != Kind::Association);
        }
        if rng.chance(0.15) {
            let mut detail = Vec::new();
            for _ in 0..2 + rng.below(3) {
                let sentence = rng.pick(&DETAILS);
                if !detail.contains(&sentence) {
                    detail.push(sentence);
                }
            }
            row.presentation_detail = detail.join(" ");
        }

        // Programmes, then the source they suggest.
        let mut dispositifs: Vec<&str> = Vec::new();
        let aidants = if kind == Kind::FranceServices {
            rng.chance(0.4)
        } else {
            rng.chance(0.11)
        };
        if aidants {
            dispositifs.push("Aidants Connect");
        }
        if kind == Kind::Mediatheque && rng.chance(0.12) {
            dispositifs.push("Bibliothèques numérique de référence");
        }
        if rng.chance(0.03) {
            dispositifs.push("Certification PIX");
        }
        let conseillers = rng.chance(0.5);
        if conseillers {
            dispositifs.push("Conseillers numériques");
        }
        if rng.chance(0.01) {
            dispositifs.push("Emmaüs Connect");
        }
        if kind == Kind::FranceServices || rng.chance(0.012) {
            dispositifs.push("France Services");
        }
        if rng.chance(0.01) {
            dispositifs.push("Grande école du numérique");
        }
        if rng.chance(0.008) {
            dispositifs.push("La Croix Rouge");
        }
        if rng.chance(0.03) {
            dispositifs.push("Point d'accès numérique CAF");
        }
        if matches!(kind, Kind::Pij | Kind::Mjc | Kind::MissionLocale) && rng.chance(0.3) {
            dispositifs.push("Promeneurs du net");
        }
        row.dispositifs = dispositifs.join(sep);

        row.source = if kind == Kind::FranceServices && rng.chance(0.6) {
            "France Services".to_string()
        } else if conseillers && rng.chance(0.6) {
            "Conseiller Numérique".to_string()
        } else if let Some((hub, _)) = HUBS
            .iter()
            .find(|(_, departements)| departements.contains(&departement))
            .filter(|_| rng.chance(0.7))
        {
            hub.to_string()
        } else if aidants && rng.chance(0.5) {
            "Aidants Connect".to_string()
        } else {
            rng.pick(&NATIONAL_SOURCES).to_string()
        };
        row.id = self.id(index, &row.source);
        let rng = &mut self.rng;

        row.itinerance = match rng.below(100) {
            0..=59 => "Fixe".to_string(),
            60..=64 => "Itinérant".to_string(),
            65..=67 => format!("Fixe{sep}Itinérant"),
            _ => String::new(),
        };
        if rng.chance(0.1) {
            row.structure_parente = match rng.below(4) {
                0 => format!("Mairie {}", of_commune(commune)),
                1 => format!("CCAS {}", of_commune(commune)),
                2 => format!("Communauté de communes du Pays {}", of_commune(commune)),
                _ => "Conseil départemental".to_string(),
            };
        }
        let (first, last) = date_range();
        row.day = first + rng.below((last - first + 1) as usize) as i64;
        row.date_maj = date_text(row.day);

        row.services = rng.subset(&SERVICES, 1, 6).join(sep);
        if rng.chance(0.15) {
            row.publics = rng.subset(&PUBLICS, 1, 2).join(sep);
        }
        if rng.chance(0.2) {
            row.prise_en_charge = rng.subset(&SUPPORTS, 1, 3).join(sep);
        }
        row.frais = match rng.below(100) {
            0..=69 => "Gratuit".to_string(),
            70..=79 => "Gratuit sous condition".to_string(),
            80..=84 => format!("Gratuit{sep}Payant"),
            85..=87 => "Payant".to_string(),
            _ => String::new(),
        };
        if rng.chance(0.05) {
            row.formations_labels = rng.subset(&FORMATIONS, 1, 2).join(sep);
        }
        if rng.chance(0.03) {
            row.autres_formations_labels = rng.pick(&AUTRES_LABELS).to_string();
        }
        if rng.chance(0.005) {
            row.modalites_acces = "Ce lieu n'accueille pas de public".to_string();
        } else if rng.chance(0.65) {
            row.modalites_acces = rng.subset(&ACCES, 1, 3).join(sep);
        }
        if rng.chance(0.7) {
            row.modalites_accompagnement = rng.subset(&ACCOMPAGNEMENT, 1, 3).join(sep);
        }
        if rng.chance(0.1) {
            let activite = match kind {
                Kind::Mediatheque => "bibliotheque-mediatheque",
                Kind::Mairie | Kind::Ccas | Kind::FranceServices | Kind::Epci => "mairie",
                _ => "centre-social",
            };
            row.fiche_acces_libre = format!(
                "https://acceslibre.beta.gouv.fr/app/{}-{commune_slug}/a/{activite}/erp/{}/",
                departement.to_ascii_lowercase(),
                truncate_slug(&name_slug, 50)
            );
        }
        if rng.chance(0.1) {
            row.prise_rdv = match rng.below(4) {
                0 => {
                    format!("https://www.rdv-solidarites.fr/prendre_rdv?departement={departement}")
                }
                1 => format!(
                    "https://rdv.anct.gouv.fr/prendre_rdv?city_code={}",
                    postal.code
                ),
                2 => format!("https://calendly.com/{}", truncate_slug(&name_slug, 30)),
                _ => format!("https://www.rdv-aide-numerique.fr/?address={commune_slug}"),
            };
        }

        if rng.chance(0.85) {
            row.pivot = self.pivot(kind, d, row.point);
        }
        row
    }

    /// Unique for the index: the last 16 hex digits are a bijection of it.
    fn id(&mut self, index: usize, source: &str) -> String {
        let unique = mix(index as u64 ^ self.id_key);
        match self.rng.below(3) {
            0 => format!(
                "{}_{:08x}{unique:016x}",
                slug(source),
                self.rng.next() as u32
            ),
            1 => {
                let u = format!("{unique:016x}{:016x}", self.rng.next());
                format!(
                    "{}-{}-4{}-a{}-{}",
                    &u[..8],
                    &u[8..12],
                    &u[12..15],
                    &u[15..18],
                    &u[18..30]
                )
            }
            _ => format!("{}-{unique:016x}", slug(source)),
        }
    }

    /// A SIRET (Luhn-valid), sometimes the one of another place of the département (a network
    /// or a commune with several places) when that place is more than 1 km away.
    fn pivot(&mut self, kind: Kind, d: usize, point: Option<(f64, f64)>) -> String {
        if let Some((lat, lon)) = point {
            let shared = &self.pivots_by_departement[d];
            if !shared.is_empty() && self.rng.chance(0.03) {
                let candidate = shared[self.rng.below(shared.len())].clone();
                let far = self.pivots[&candidate]
                    .iter()
                    .all(|&(a, b)| approx_km((lat, lon), (a, b)) > 1.0);
                if far {
                    self.pivots
                        .get_mut(&candidate)
                        .expect("known")
                        .push((lat, lon));
                    return candidate;
                }
            }
        }
        loop {
            let head = if kind.public() {
                format!("2{}", self.rng.pick(&["1", "1", "1", "0", "4", "6"]))
            } else {
                self.rng.pick(&["3", "4", "5", "7", "8", "8"]).to_string()
            };
            let body = format!("{head}{}", self.rng.digits(13 - head.len()));
            let siret = format!("{body}{}", luhn_digit(&body));
            if self.pivots.contains_key(&siret) {
                continue;
            }
            let places = point.into_iter().collect();
            self.pivots.insert(siret.clone(), places);
            if point.is_some() {
                self.pivots_by_departement[d].push(siret.clone());
            }
            return siret;
        }
    }

    /// The same place again, as another source exports it: same pivot and address,
    /// coordinates moved by 5 to 40 m, another id, another `date_maj`.
    fn duplicate(&mut self, original: &Row, index: usize) -> Row {
        let rng = &mut self.rng;
        let mut row = original.clone();
        let (lat, lon) = original.point.expect("repeated places have coordinates");
        let r = (0.005 + 0.035 * rng.unit()) / 111.32;
        let angle = std::f64::consts::TAU * rng.unit();
        let (lat, lon) = (
            lat + r * angle.cos(),
            lon + r * angle.sin() / lat.to_radians().cos(),
        );
        let decimals = 5 + rng.below(3);
        row.latitude = format!("{lat:.decimals$}");
        row.longitude = format!("{lon:.decimals$}");
        row.point = Some((lat, lon));
        let (first, last) = date_range();
        loop {
            row.day = first + rng.below((last - first + 1) as usize) as i64;
            if row.day != original.day {
                break;
            }
        }
        row.date_maj = date_text(row.day);
        if rng.chance(0.6) {
            let other = rng.pick(&[
                "Conseiller Numérique",
                "France Services",
                "Aidants Connect",
                "dora",
                "Mednum",
            ]);
            if other != original.source {
                row.source = other.to_string();
            }
        }
        if rng.chance(0.25) {
            row.nom = row.nom.to_uppercase();
        }
        if rng.chance(0.3) {
            row.horaires = hours(rng);
        }
        row.id = self.id(index, &row.source);
        row
    }
}

/// A short slug: at most `max` bytes, cut at a dash, without a dangling "d" or "la".
fn truncate_slug(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    let mut short = &slug[..slug[..max].rfind('-').unwrap_or(max)];
    while let Some((head, last)) = short.rsplit_once('-') {
        if last.len() > 2 {
            break;
        }
        short = head;
    }
    short
}

/// Close enough for "more than 1 km apart".
fn approx_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let dlat = (a.0 - b.0) * 111.32;
    let dlon = (a.1 - b.1) * 111.32 * a.0.to_radians().cos();
    (dlat * dlat + dlon * dlon).sqrt()
}

/// The Luhn check digit of `body` (SIREN and SIRET use it).
fn luhn_digit(body: &str) -> u32 {
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let digit = u32::from(b - b'0');
            if i % 2 == 0 {
                let doubled = digit * 2;
                doubled / 10 + doubled % 10
            } else {
                digit
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

fn name(rng: &mut Rng, kind: Kind, commune: &str, fullwidth: bool) -> String {
    let of = of_commune(commune);
    let person = rng.pick(&PEOPLE);
    let quartier = rng.pick(&QUARTIERS);
    let mut nom = match kind {
        Kind::Mediatheque => match rng.below(7) {
            0 => format!("Médiathèque {commune}"),
            1 => format!("Médiathèque municipale {of}"),
            2 => format!("Médiathèque {person}"),
            3 => format!("Médiathèque intercommunale {of}"),
            4 => format!("Bibliothèque {person}"),
            5 => format!("Bibliothèque municipale {of}"),
            _ => format!("Médiathèque {person} - {commune}"),
        },
        Kind::FranceServices => match rng.below(6) {
            0 | 1 => format!("France Services {commune}"),
            2 => format!("France services {of}"),
            3 => format!("Maison France Services {of}"),
            4 => format!("France Services {commune} - antenne {quartier}"),
            _ => format!("Espace France Services {commune}"),
        },
        Kind::Epn => match rng.below(6) {
            0 => format!("Espace public numérique {of}"),
            1 => format!("EPN {commune}"),
            2 => format!("Espace numérique {person}"),
            3 => format!("Cyber-base {commune}"),
            4 => format!("Espace multimédia {of}"),
            _ => format!("Point numérique {commune}"),
        },
        Kind::CentreSocial => match rng.below(5) {
            0 => format!("Centre social {quartier}"),
            1 => format!("Centre social et culturel {person}"),
            2 => format!("Centre socioculturel {of}"),
            3 => format!("Centre social {person}"),
            _ => format!("Espace de vie sociale {quartier}"),
        },
        Kind::Mairie => match rng.below(4) {
            0 | 1 => format!("Mairie {of}"),
            2 => format!("Mairie annexe {quartier}"),
            _ => format!("Hôtel de ville {of}"),
        },
        Kind::Ccas => match rng.below(3) {
            0 => format!("CCAS {of}"),
            1 => format!("Centre communal d'action sociale {of}"),
            _ => format!("CIAS du Pays {of}"),
        },
        Kind::Association => {
            let association = rng.pick(&ASSOCIATIONS);
            if fullwidth {
                format!("Association ＂{association}＂")
            } else {
                match rng.below(4) {
                    0 => format!("Association {association}"),
                    1 => association.to_string(),
                    2 => format!("{association} {commune}"),
                    _ => format!("{association} - antenne {of}"),
                }
            }
        }
        Kind::MaisonQuartier => match rng.below(3) {
            0 => format!("Maison de quartier {quartier}"),
            1 => format!("Maison des habitants {quartier}"),
            _ => format!("Maison pour tous {person}"),
        },
        Kind::MissionLocale => match rng.below(3) {
            0 => format!("Mission locale {of}"),
            1 => format!("Mission locale du Pays {of}"),
            _ => format!("Mission locale jeunes {commune}"),
        },
        Kind::TiersLieu => {
            let lieu = rng.pick(&TIERS_LIEUX);
            match rng.below(3) {
                0 => format!("Tiers-lieu {lieu}"),
                1 => format!("{lieu} {commune}"),
                _ => format!("{lieu} - tiers-lieu {of}"),
            }
        }
        Kind::Pimms => match rng.below(2) {
            0 => format!("PIMMS Médiation {commune}"),
            _ => format!("Point Information Médiation Multi Services {of}"),
        },
        Kind::Pij => match rng.below(3) {
            0 => format!("Point Information Jeunesse {of}"),
            1 => format!("PIJ {commune}"),
            _ => format!("Bureau Information Jeunesse {of}"),
        },
        Kind::Mjc => match rng.below(3) {
            0 => format!("MJC {commune}"),
            1 => format!("MJC {person}"),
            _ => format!("Maison des jeunes et de la culture {of}"),
        },
        Kind::Epci => match rng.below(4) {
            0 => format!("Communauté de communes du Pays {of}"),
            1 => format!("Communauté d'agglomération {of}"),
            2 => format!("Conseiller numérique - Communauté de communes {of}"),
            _ => format!("CC {commune} et environs"),
        },
    };
    if rng.chance(0.12) {
        let n = 1 + rng.below(9);
        match rng.below(3) {
            0 => nom.push_str(&format!(" {n}")),
            1 => nom.push_str(&format!(" - site {n}")),
            _ => nom.push_str(&format!(" n°{n}")),
        }
    }
    nom
}

/// OSM opening hours, as the national export writes them.
fn hours(rng: &mut Rng) -> String {
    let days = rng.pick(&DAY_RANGES);
    let mut text = match rng.below(10) {
        0..=5 => format!("{days} {},{}", rng.pick(&MORNINGS), rng.pick(&AFTERNOONS)),
        6 => format!(
            "{days} {}",
            rng.pick(&["09:00-17:00", "10:00-18:00", "08:30-16:30"])
        ),
        7 => format!("{days} {}", rng.pick(&AFTERNOONS)),
        8 => format!(
            "Mo {}; Tu-Fr {},{}",
            rng.pick(&AFTERNOONS),
            rng.pick(&MORNINGS),
            rng.pick(&AFTERNOONS)
        ),
        _ => format!("{days} {}", rng.pick(&MORNINGS)),
    };
    if !days.contains("Sa") && rng.chance(0.25) {
        text.push_str(&format!("; Sa {}", rng.pick(&MORNINGS)));
    }
    if rng.chance(0.08) {
        text.push_str("; PH off");
    }
    text
}

/// A sentence of 60 to 200 characters; `fullwidth`: a quoted word with `＂`.
fn resume(rng: &mut Rng, fullwidth: bool) -> String {
    loop {
        let opening = rng.pick(&OPENINGS);
        let activity = rng.pick(&ACTIVITIES);
        let mut sentence = format!(
            "{opening} {activity}{}{}",
            rng.pick(&COMPLEMENTS_OF_ACTIVITY),
            rng.pick(&ENDINGS)
        );
        if fullwidth {
            sentence = format!(
                "Le programme ＂{}＂ : {sentence}",
                rng.pick(&[
                    "Bien vivre le numérique",
                    "Clic'Seniors",
                    "Pas à pas",
                    "Numérique facile"
                ])
            );
        } else if rng.chance(0.01) {
            sentence = format!(
                "Atelier \"{}\" : {sentence}",
                rng.pick(&["Premiers clics", "Mes papiers en ligne"])
            );
        }
        let chars = sentence.chars().count();
        if (60..=200).contains(&chars) {
            return sentence;
        }
    }
}
