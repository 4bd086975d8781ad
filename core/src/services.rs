//! The 9 national services of the lieux de médiation numérique standard (v1.0.2).

/// A service a mediation place can offer. [`Service::id`] is the short id used in the
/// question bank; [`Service::label`] is the exact value written in standard files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Service {
    Demarches,
    OutilsQuotidien,
    InsertionPro,
    UtilisationSecurisee,
    Parentalite,
    Loisirs,
    ComprendreNumerique,
    AccesInternetMateriel,
    AcquisitionMateriel,
}

impl Service {
    pub const ALL: [Service; 9] = [
        Service::Demarches,
        Service::OutilsQuotidien,
        Service::InsertionPro,
        Service::UtilisationSecurisee,
        Service::Parentalite,
        Service::Loisirs,
        Service::ComprendreNumerique,
        Service::AccesInternetMateriel,
        Service::AcquisitionMateriel,
    ];

    /// The value as written in the `services` column of a v1 file.
    pub fn label(self) -> &'static str {
        match self {
            Service::Demarches => "Aide aux démarches administratives",
            Service::OutilsQuotidien => "Maîtrise des outils numériques du quotidien",
            Service::InsertionPro => "Insertion professionnelle via le numérique",
            Service::UtilisationSecurisee => "Utilisation sécurisée du numérique",
            Service::Parentalite => "Parentalité et éducation avec le numérique",
            Service::Loisirs => "Loisirs et créations numériques",
            Service::ComprendreNumerique => "Compréhension du monde numérique",
            Service::AccesInternetMateriel => "Accès internet et matériel informatique",
            Service::AcquisitionMateriel => "Acquisition de matériel informatique à prix solidaire",
        }
    }

    /// Short id, also the suffix of the i18n key `service.<id>`.
    pub fn id(self) -> &'static str {
        match self {
            Service::Demarches => "demarches",
            Service::OutilsQuotidien => "outils_quotidien",
            Service::InsertionPro => "insertion_pro",
            Service::UtilisationSecurisee => "utilisation_securisee",
            Service::Parentalite => "parentalite",
            Service::Loisirs => "loisirs",
            Service::ComprendreNumerique => "comprendre_numerique",
            Service::AccesInternetMateriel => "acces_internet_materiel",
            Service::AcquisitionMateriel => "acquisition_materiel",
        }
    }

    pub fn from_id(id: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Parses a label as written in a v1 file, tolerating case and spacing differences.
    pub fn from_label(label: &str) -> Option<Service> {
        let wanted = crate::text::fold(label);
        Service::ALL
            .into_iter()
            .find(|s| crate::text::fold(s.label()) == wanted)
    }

    pub fn i18n_key(self) -> String {
        format!("service.{}", self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_tolerate_case() {
        for service in Service::ALL {
            assert_eq!(Service::from_label(service.label()), Some(service));
            assert_eq!(Service::from_id(service.id()), Some(service));
        }
        assert_eq!(
            Service::from_label("  aide aux DÉMARCHES administratives "),
            Some(Service::Demarches)
        );
        assert_eq!(Service::from_label("Cuisine"), None);
    }
}
