//! Generated places files for benchmarks: plausible rows (metropolitan France coordinates,
//! real service names, opening hours, filters), deterministic for a given seed.

use crate::services::Service;

/// A tiny deterministic generator (xorshift), enough to spread places about.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const HOURS: [&str; 4] = [
    "Mo-Fr 09:00-12:00,14:00-17:30",
    "Tu,Th 14:00-18:00; Sa 09:00-12:00",
    "Mo-Sa 10:00-19:00",
    "We 09:00-12:00",
];
const SUPPORT: [&str; 4] = [
    "",
    "Illettrisme",
    "Déficience visuelle",
    "Langues étrangères (autres)",
];
const HELP: [&str; 3] = [
    "Accompagnement individuel",
    "Dans un atelier collectif",
    "En autonomie",
];

const NAME_START: [&str; 25] = [
    "Saint-Martin",
    "Sainte-Marie",
    "Villeneuve",
    "Montigny",
    "Bourg",
    "Fontaine",
    "Beaumont",
    "Roche",
    "Neuville",
    "Belleville",
    "Châteauneuf",
    "Pont",
    "Mont",
    "Val",
    "Saint-Julien",
    "Saint-Pierre",
    "Fleury",
    "Bois",
    "Plessis",
    "Vaux",
    "Mesnil",
    "Bonneville",
    "Ville",
    "Champ",
    "Saint-Étienne",
];
const NAME_END: [&str; 40] = [
    "sur-Loire",
    "sur-Saône",
    "sur-Marne",
    "sur-Seine",
    "sur-Rhône",
    "en-Vexin",
    "en-Bresse",
    "en-Forez",
    "le-Haut",
    "le-Bas",
    "les-Bains",
    "la-Forêt",
    "du-Lac",
    "des-Prés",
    "des-Champs",
    "sous-Bois",
    "d'Azergues",
    "d'Orb",
    "de-Provence",
    "en-Velay",
    "le-Château",
    "la-Rivière",
    "aux-Loges",
    "sur-Mer",
    "sur-Lot",
    "sur-Aisne",
    "sur-Oise",
    "sur-Isère",
    "sur-Allier",
    "sur-Vienne",
    "en-Argonne",
    "en-Caux",
    "en-Brie",
    "les-Vignes",
    "la-Plaine",
    "le-Pont",
    "sur-Dordogne",
    "sur-Garonne",
    "sur-Cher",
    "sur-Indre",
];

/// The commune of an area: 1 000 distinct names, letters only, as a person would type them.
fn commune_name(area: u64) -> String {
    format!(
        "{}-{}",
        NAME_START[(area % 25) as usize],
        NAME_END[((area / 25) % 40) as usize]
    )
}

/// `count` places as a v1 CSV (`;` separated, `|` inside fields), in about 1 000 postal codes.
pub fn places_csv(count: usize, seed: u64) -> String {
    let mut random = Random(seed | 1);
    let mut out = String::from(
        "id;pivot;nom;commune;code_postal;adresse;latitude;longitude;services;horaires;frais_a_charge;prise_en_charge_specifique;modalites_accompagnement;dispositif_programmes_nationaux;date_maj\n",
    );
    for i in 0..count {
        let area = random.below(1000);
        let postal_code = format!("{:05}", 1000 + area * 95);
        // Metropolitan France, roughly: 42–51 °N, −4.5–8 °E; places of an area stay close.
        let lat = 42.0 + (area % 40) as f64 * 0.22 + random.below(1000) as f64 / 20_000.0;
        let lon = -4.5 + (area / 40) as f64 * 0.5 + random.below(1000) as f64 / 20_000.0;
        let services: Vec<&str> = Service::ALL
            .iter()
            .filter(|_| random.below(3) == 0)
            .map(|s| s.label())
            .collect();
        out.push_str(&format!(
            "p{i};{:014};Lieu numérique {i};{};{postal_code};{} rue de la République;{lat:.5};{lon:.5};{};\"{}\";{};{};{};{};2026-10-01\n",
            10_000_000_000_000u64 + i as u64,
            commune_name(area),
            1 + random.below(200),
            services.join("|"),
            HOURS[random.below(4) as usize],
            if random.below(4) == 0 { "Payant" } else { "Gratuit" },
            SUPPORT[random.below(4) as usize],
            HELP[random.below(3) as usize],
            if random.below(5) == 0 { "Aidants Connect" } else { "" },
        ));
    }
    out
}

/// Postal codes that [`places_csv`] uses, to search for.
pub fn postal_codes(count: usize) -> Vec<String> {
    (0..count as u64)
        .map(|i| format!("{:05}", 1000 + spread(i) * 95))
        .collect()
}

/// Communes that [`places_csv`] uses, in the same areas as [`postal_codes`].
pub fn communes(count: usize) -> Vec<String> {
    (0..count as u64).map(|i| commune_name(spread(i))).collect()
}

/// The `i`-th area to search, spread over the 1 000.
fn spread(i: u64) -> u64 {
    i * 37 % 1000
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::{parse_places, Centre, PlaceIndex, Query};

    #[test]
    fn generated_files_parse_whole_and_answer_searches() {
        let csv = places_csv(500, 7);
        assert_eq!(csv, places_csv(500, 7), "deterministic");
        let report = parse_places(csv.as_bytes()).expect("parses");
        assert_eq!(report.places.len(), 500);
        assert!(report.skipped.is_empty());
        assert!(report.warnings.is_empty(), "{:?}", report.warnings.first());
        let index = PlaceIndex::new(report.places);
        let found = postal_codes(20)
            .into_iter()
            .filter(|code| {
                let query = Query::new(Centre::PostalCode(code.clone()));
                !index.search(&query, None).hits.is_empty()
            })
            .count();
        assert!(found > 0);
        let names: std::collections::HashSet<String> = (0..1000).map(commune_name).collect();
        assert_eq!(names.len(), 1000, "one name per area");
        let by_name = communes(20)
            .into_iter()
            .filter(|name| {
                let query = Query::new(Centre::Commune(name.clone()));
                !index.search(&query, None).hits.is_empty()
            })
            .count();
        assert_eq!(by_name, found, "a commune finds what its postal code finds");
    }
}
