//! Writing places back as a standard v1.0.2 CSV (comma separated, `|` between values).

use super::model::Place;
use super::schema::Column;
use crate::csv::{self, LineEnd};

fn join<T>(values: &[T], text: impl Fn(&T) -> &str) -> String {
    values.iter().map(text).collect::<Vec<_>>().join("|")
}

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The value of one v1 column for a place (empty when absent). Legacy-only columns are empty:
/// their content was mapped onto v1 columns when reading.
pub fn v1_value(place: &Place, column: Column) -> String {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    match column {
        Column::Id => place.id.clone(),
        Column::Pivot => text(&place.pivot),
        Column::Nom => place.nom.clone(),
        Column::Commune => place.commune.clone(),
        Column::CodePostal => place.code_postal.clone(),
        Column::CodeInsee => text(&place.code_insee),
        Column::Adresse => place.adresse.clone(),
        Column::ComplementAdresse => text(&place.complement_adresse),
        Column::Latitude => number(place.latitude),
        Column::Longitude => number(place.longitude),
        Column::Typologie => place.typologie.join("|"),
        Column::Telephone => text(&place.telephone),
        Column::Courriels => place.courriels.join("|"),
        Column::SiteWeb => place.site_web.join("|"),
        Column::Horaires => text(&place.horaires),
        Column::PresentationResume => text(&place.presentation_resume),
        Column::PresentationDetail => text(&place.presentation_detail),
        Column::Source => text(&place.source),
        Column::Itinerance => join(&place.itinerance, |v| v.label()),
        Column::StructureParente => text(&place.structure_parente),
        Column::DateMaj => text(&place.date_maj),
        Column::Services => join(&place.services, |v| v.label()),
        Column::PublicsSpecifiquementAdresses => {
            join(&place.publics_specifiquement_adresses, |v| v.label())
        }
        Column::PriseEnChargeSpecifique => join(&place.prise_en_charge_specifique, |v| v.label()),
        Column::FraisACharge => join(&place.frais_a_charge, |v| v.label()),
        Column::DispositifProgrammesNationaux => {
            join(&place.dispositif_programmes_nationaux, |v| v.label())
        }
        Column::FormationsLabels => place.formations_labels.join("|"),
        Column::AutresFormationsLabels => text(&place.autres_formations_labels),
        Column::ModalitesAcces => join(&place.modalites_acces, |v| v.label()),
        Column::ModalitesAccompagnement => join(&place.modalites_accompagnement, |v| v.label()),
        Column::FicheAccesLibre => text(&place.fiche_acces_libre),
        Column::PriseRdv => text(&place.prise_rdv),
        Column::Courriel
        | Column::ConditionsAcces
        | Column::PublicsAccueillis
        | Column::LabelsNationaux
        | Column::LabelsAutres
        | Column::Accessibilite => String::new(),
    }
}

/// A CSV with a header of `columns` (use [`Column::V1`] for a full v1.0.2 file) and one line
/// per place.
pub fn to_csv(places: &[Place], columns: &[Column]) -> String {
    let mut out = String::new();
    csv::write_record(&mut out, columns.iter().map(|c| c.name()), ',', LineEnd::Lf);
    for place in places {
        let values: Vec<String> = columns.iter().map(|&c| v1_value(place, c)).collect();
        csv::write_record(
            &mut out,
            values.iter().map(String::as_str),
            ',',
            LineEnd::Lf,
        );
    }
    out
}

/// Like [`to_csv`] with `columns`, minus the columns that are empty for every place.
pub fn to_compact_csv(places: &[Place], columns: &[Column]) -> String {
    let used: Vec<Column> = columns
        .iter()
        .copied()
        .filter(|&c| {
            Column::REQUIRED_TO_IMPORT.contains(&c)
                || places.iter().any(|p| !v1_value(p, c).is_empty())
        })
        .collect();
    to_csv(places, &used)
}
