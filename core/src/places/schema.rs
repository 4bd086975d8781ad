//! Column names of the standard v1.0.2 (in schema order) and of the legacy v0.1.

use crate::text::fold;

/// A column the parser understands. The first 32 are v1.0.2 in schema order; the rest only
/// exist in v0.1 files and are mapped onto v1 (see [`super::legacy`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Id,
    Pivot,
    Nom,
    Commune,
    CodePostal,
    CodeInsee,
    Adresse,
    ComplementAdresse,
    Latitude,
    Longitude,
    Typologie,
    Telephone,
    Courriels,
    SiteWeb,
    Horaires,
    PresentationResume,
    PresentationDetail,
    Source,
    Itinerance,
    StructureParente,
    DateMaj,
    Services,
    PublicsSpecifiquementAdresses,
    PriseEnChargeSpecifique,
    FraisACharge,
    DispositifProgrammesNationaux,
    FormationsLabels,
    AutresFormationsLabels,
    ModalitesAcces,
    ModalitesAccompagnement,
    FicheAccesLibre,
    PriseRdv,
    // v0.1 only.
    Courriel,
    ConditionsAcces,
    PublicsAccueillis,
    LabelsNationaux,
    LabelsAutres,
    Accessibilite,
}

impl Column {
    pub const COUNT: usize = 38;

    /// The 32 columns of v1.0.2, in schema order.
    pub const V1: [Column; 32] = [
        Column::Id,
        Column::Pivot,
        Column::Nom,
        Column::Commune,
        Column::CodePostal,
        Column::CodeInsee,
        Column::Adresse,
        Column::ComplementAdresse,
        Column::Latitude,
        Column::Longitude,
        Column::Typologie,
        Column::Telephone,
        Column::Courriels,
        Column::SiteWeb,
        Column::Horaires,
        Column::PresentationResume,
        Column::PresentationDetail,
        Column::Source,
        Column::Itinerance,
        Column::StructureParente,
        Column::DateMaj,
        Column::Services,
        Column::PublicsSpecifiquementAdresses,
        Column::PriseEnChargeSpecifique,
        Column::FraisACharge,
        Column::DispositifProgrammesNationaux,
        Column::FormationsLabels,
        Column::AutresFormationsLabels,
        Column::ModalitesAcces,
        Column::ModalitesAccompagnement,
        Column::FicheAccesLibre,
        Column::PriseRdv,
    ];

    /// Columns every row needs; a file without one of them is not a places file.
    pub const REQUIRED_TO_IMPORT: [Column; 5] = [
        Column::Id,
        Column::Nom,
        Column::Commune,
        Column::CodePostal,
        Column::Adresse,
    ];

    /// Columns the widget reads: what `lieux extract` keeps.
    pub const COMPACT: [Column; 23] = [
        Column::Id,
        Column::Pivot,
        Column::Nom,
        Column::Commune,
        Column::CodePostal,
        Column::CodeInsee,
        Column::Adresse,
        Column::ComplementAdresse,
        Column::Latitude,
        Column::Longitude,
        Column::Telephone,
        Column::Courriels,
        Column::SiteWeb,
        Column::Horaires,
        Column::DateMaj,
        Column::Services,
        Column::PublicsSpecifiquementAdresses,
        Column::PriseEnChargeSpecifique,
        Column::FraisACharge,
        Column::DispositifProgrammesNationaux,
        Column::ModalitesAccompagnement,
        Column::FicheAccesLibre,
        Column::PriseRdv,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Pivot => "pivot",
            Column::Nom => "nom",
            Column::Commune => "commune",
            Column::CodePostal => "code_postal",
            Column::CodeInsee => "code_insee",
            Column::Adresse => "adresse",
            Column::ComplementAdresse => "complement_adresse",
            Column::Latitude => "latitude",
            Column::Longitude => "longitude",
            Column::Typologie => "typologie",
            Column::Telephone => "telephone",
            Column::Courriels => "courriels",
            Column::SiteWeb => "site_web",
            Column::Horaires => "horaires",
            Column::PresentationResume => "presentation_resume",
            Column::PresentationDetail => "presentation_detail",
            Column::Source => "source",
            Column::Itinerance => "itinerance",
            Column::StructureParente => "structure_parente",
            Column::DateMaj => "date_maj",
            Column::Services => "services",
            Column::PublicsSpecifiquementAdresses => "publics_specifiquement_adresses",
            Column::PriseEnChargeSpecifique => "prise_en_charge_specifique",
            Column::FraisACharge => "frais_a_charge",
            Column::DispositifProgrammesNationaux => "dispositif_programmes_nationaux",
            Column::FormationsLabels => "formations_labels",
            Column::AutresFormationsLabels => "autres_formations_labels",
            Column::ModalitesAcces => "modalites_acces",
            Column::ModalitesAccompagnement => "modalites_accompagnement",
            Column::FicheAccesLibre => "fiche_acces_libre",
            Column::PriseRdv => "prise_rdv",
            Column::Courriel => "courriel",
            Column::ConditionsAcces => "conditions_acces",
            Column::PublicsAccueillis => "publics_accueillis",
            Column::LabelsNationaux => "labels_nationaux",
            Column::LabelsAutres => "labels_autres",
            Column::Accessibilite => "accessibilite",
        }
    }

    /// Recognizes a header or JSON key, tolerating case, accents, spaces, hyphens and a BOM,
    /// plus the `conditions_access` typo of the CNFS export.
    pub fn from_header(name: &str) -> Option<Column> {
        // Fast path: JSON files repeat the exact names on every row.
        if let Some(column) = Column::ALL.into_iter().find(|c| c.name() == name) {
            return Some(column);
        }
        let key: String = fold(name.trim_start_matches('\u{feff}'))
            .chars()
            .map(|c| if c == ' ' { '_' } else { c })
            .collect();
        let key = key.trim_matches('"');
        if key == "conditions_access" {
            return Some(Column::ConditionsAcces);
        }
        Column::ALL.into_iter().find(|c| c.name() == key)
    }

    /// Present only in v0.1 files: their presence marks a legacy file.
    pub fn is_legacy_only(self) -> bool {
        self >= Column::Courriel
    }

    /// Present only in v1 files: their presence marks a v1 file.
    pub fn is_v1_only(self) -> bool {
        matches!(
            self,
            Column::Courriels
                | Column::Itinerance
                | Column::PublicsSpecifiquementAdresses
                | Column::PriseEnChargeSpecifique
                | Column::FraisACharge
                | Column::DispositifProgrammesNationaux
                | Column::FormationsLabels
                | Column::AutresFormationsLabels
                | Column::ModalitesAcces
                | Column::FicheAccesLibre
        )
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The columns of v0.1 files only; their content is mapped onto v1 columns when reading.
    const LEGACY_ONLY: [Column; Column::COUNT - 32] = [
        Column::Courriel,
        Column::ConditionsAcces,
        Column::PublicsAccueillis,
        Column::LabelsNationaux,
        Column::LabelsAutres,
        Column::Accessibilite,
    ];

    /// Every column, in declaration order: [`Column::V1`], then [`Column::LEGACY_ONLY`].
    const ALL: [Column; Column::COUNT] = {
        let mut all = [Column::Id; Column::COUNT];
        let mut i = 0;
        while i < Column::COUNT {
            all[i] = if i < Column::V1.len() {
                Column::V1[i]
            } else {
                Column::LEGACY_ONLY[i - Column::V1.len()]
            };
            i += 1;
        }
        all
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognized_loosely() {
        assert_eq!(Column::from_header("\u{feff}id"), Some(Column::Id));
        assert_eq!(
            Column::from_header(" Code postal "),
            Some(Column::CodePostal)
        );
        assert_eq!(
            Column::from_header("FRAIS-A-CHARGE"),
            Some(Column::FraisACharge)
        );
        assert_eq!(
            Column::from_header("conditions_access"),
            Some(Column::ConditionsAcces)
        );
        assert_eq!(Column::from_header("structureId"), None);
        for (i, column) in Column::ALL.into_iter().enumerate() {
            assert_eq!(column.index(), i);
            assert_eq!(Column::from_header(column.name()), Some(column));
        }
        assert_eq!(Column::V1[31], Column::PriseRdv);
    }
}
