//! The one place where the legacy v0.1 format is mapped onto v1.0.2.
//!
//! v0.1 separates multiple values with `;` (v1 uses `|`); both are accepted in every closed
//! list, whatever the version. Column renames:
//!
//! | v0.1 column                                | v1.0.2 column(s)                                              |
//! |--------------------------------------------|---------------------------------------------------------------|
//! | `courriel`                                 | `courriels`                                                   |
//! | `conditions_acces` (`conditions_access` in the CNFS export) | `frais_a_charge`                             |
//! | `publics_accueillis`                       | `publics_specifiquement_adresses` + `prise_en_charge_specifique` |
//! | `labels_nationaux`                         | `dispositif_programmes_nationaux` + `formations_labels` + `autres_formations_labels` |
//! | `labels_autres`                            | `autres_formations_labels`                                    |
//! | `accessibilite`                            | `fiche_acces_libre`                                           |
//! | `modalites_accompagnement` (old values)    | `modalites_accompagnement` (+ Aidants Connect, see below)     |
//! | `services` (15 old values)                 | `services` (9 values)                                         |
//! | `cle_ban`, `structureId`                   | dropped                                                       |
//!
//! Value tables are the constants below. Judgement calls, made for the person who searches:
//! - "Approfondir ma culture numérique" covers, in the ANCT's own description, safe use of
//!   one's devices, fake news and personal data, so it maps to both "Compréhension du monde
//!   numérique" and "Utilisation sécurisée du numérique".
//! - "Public langues étrangères" does not say which language: it maps to both foreign-language
//!   supports so a person asking for either finds the place.
//! - `publics_accueillis` listed who a place *can* welcome, while v1's
//!   `publics_specifiquement_adresses` says the place is *meant for* these publics only. A
//!   list that includes "Adultes" describes a place open to all: its ages and family values
//!   are then dropped. Support needs (deafness, illiteracy…) are kept either way.
//! - "Handicaps psychiques" has no v1 value: it maps to "Handicaps mentaux", the closest one.
//! - "Adhésion" (membership fee) maps to "Payant"; "Accepte le Pass numérique" (a voucher that
//!   pays for the service) to "Gratuit sous condition".
//! - "A ma place : une personne habilitée fait les démarches à ma place" is what Aidants
//!   Connect provides (habilitated helpers acting on the person's behalf), and v1 has no
//!   other way to say it: it maps to the programme "Aidants Connect".
//! - Old labels without a v1 value (APTIC, Relais pôle emploi, French Tech, Campus connecté)
//!   go to the free-text `autres_formations_labels`.

use std::sync::OnceLock;

use super::model::{find_folded, folded_table, Accompaniment, Audience, Fee, Programme, Support};
use crate::services::Service;

/// The 15 v0.1 services (schema v0.1.1) and the v1 services each one becomes.
pub static SERVICES: [(&str, &[Service]); 15] = [
    (
        "Devenir autonome dans les démarches administratives",
        &[Service::Demarches],
    ),
    (
        "Réaliser des démarches administratives avec un accompagnement",
        &[Service::Demarches],
    ),
    ("Accompagner les démarches de santé", &[Service::Demarches]),
    (
        "Prendre en main un smartphone ou une tablette",
        &[Service::OutilsQuotidien],
    ),
    ("Prendre en main un ordinateur", &[Service::OutilsQuotidien]),
    (
        "Utiliser le numérique au quotidien",
        &[Service::OutilsQuotidien],
    ),
    (
        "Approfondir ma culture numérique",
        &[Service::ComprendreNumerique, Service::UtilisationSecurisee],
    ),
    (
        "Promouvoir la citoyenneté numérique",
        &[Service::ComprendreNumerique],
    ),
    (
        "Favoriser mon insertion professionnelle",
        &[Service::InsertionPro],
    ),
    (
        "Créer et développer mon entreprise",
        &[Service::InsertionPro],
    ),
    (
        "Accéder à une connexion internet",
        &[Service::AccesInternetMateriel],
    ),
    ("Accéder à du matériel", &[Service::AccesInternetMateriel]),
    (
        "S'équiper en matériel informatique",
        &[Service::AcquisitionMateriel],
    ),
    ("Créer avec le numérique", &[Service::Loisirs]),
    (
        "Soutenir la parentalité et l'éducation avec le numérique",
        &[Service::Parentalite],
    ),
];

/// `publics_accueillis` → (`publics_specifiquement_adresses`, `prise_en_charge_specifique`).
/// "Adultes" means everyone: see the module notes.
pub static PUBLICS: [(&str, &[Audience], &[Support]); 11] = [
    ("Seniors (+ 65 ans)", &[Audience::Seniors], &[]),
    ("Familles/enfants", &[Audience::Families], &[]),
    ("Adultes", &[], &[]),
    ("Jeunes (16-26 ans)", &[Audience::Youth], &[]),
    (
        "Public langues étrangères",
        &[],
        &[Support::English, Support::OtherLanguages],
    ),
    ("Déficience visuelle", &[], &[Support::VisualImpairment]),
    ("Surdité", &[], &[Support::Deafness]),
    ("Handicaps psychiques", &[], &[Support::MentalDisability]),
    ("Handicaps mentaux", &[], &[Support::MentalDisability]),
    ("Uniquement femmes", &[Audience::Women], &[]),
    (
        "Personnes en situation d'illettrisme",
        &[],
        &[Support::Illiteracy],
    ),
];

/// `conditions_acces` → `frais_a_charge`. Old values are "Gratuit : explanation…"; matching
/// uses the part before the colon.
pub static CONDITIONS: [(&str, Fee); 5] = [
    ("Gratuit", Fee::Free),
    ("Gratuit sous condition", Fee::FreeUnderCondition),
    ("Payant", Fee::Paid),
    ("Accepte le Pass numérique", Fee::FreeUnderCondition),
    ("Adhésion", Fee::Paid),
];

/// Where an old national label goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelTarget {
    Programme(Programme),
    /// A value of `formations_labels`.
    Formation(&'static str),
    /// Kept as text in `autres_formations_labels`.
    Other,
}

/// `labels_nationaux` → v1 columns.
pub static LABELS: [(&str, LabelTarget); 11] = [
    (
        "France Services",
        LabelTarget::Programme(Programme::FranceServices),
    ),
    (
        "CNFS",
        LabelTarget::Programme(Programme::ConseillersNumeriques),
    ),
    ("APTIC", LabelTarget::Other),
    (
        "Aidants Connect",
        LabelTarget::Programme(Programme::AidantsConnect),
    ),
    (
        "Fabriques de Territoire",
        LabelTarget::Formation("Fabriques de Territoire"),
    ),
    (
        "Grandes écoles du numérique",
        LabelTarget::Programme(Programme::GrandeEcoleNumerique),
    ),
    (
        "Point relais CAF",
        LabelTarget::Programme(Programme::CafDigitalPoint),
    ),
    (
        "Point numérique CAF",
        LabelTarget::Programme(Programme::CafDigitalPoint),
    ),
    ("Relais pôle emploi", LabelTarget::Other),
    ("French Tech", LabelTarget::Other),
    ("Campus connecté", LabelTarget::Other),
];

/// Old `modalites_accompagnement` values ("Seul : j'ai accès…") → v1 value and programme.
pub static MODALITES: [(&str, Option<Accompaniment>, Option<Programme>); 4] = [
    ("Seul", Some(Accompaniment::Autonomous), None),
    ("Avec de l'aide", Some(Accompaniment::Individual), None),
    ("Dans un atelier", Some(Accompaniment::Workshop), None),
    ("A ma place", None, Some(Programme::AidantsConnect)),
];

/// Looks a [`fold`](crate::text::fold)ed value up in a table whose labels are folded once,
/// on first use.
macro_rules! lookup {
    ($table:expr, $value:expr, $label:expr) => {{
        static FOLDED: OnceLock<Vec<(String, usize)>> = OnceLock::new();
        let folded = FOLDED.get_or_init(|| {
            let indices: Vec<usize> = (0..$table.len()).collect();
            folded_table(&indices, |i| $label(&$table[i]))
        });
        find_folded(folded, $value).map(|i| &$table[i])
    }};
}

pub(crate) fn services(folded: &str) -> Option<&'static [Service]> {
    lookup!(SERVICES, folded, |e: &(&'static str, _)| e.0).map(|e| e.1)
}

/// Whether a folded `publics_accueillis` value is "Adultes", which makes the place general
/// public.
pub(crate) fn is_general_public(folded: &str) -> bool {
    folded == "adultes"
}

pub(crate) fn publics(folded: &str) -> Option<(&'static [Audience], &'static [Support])> {
    lookup!(PUBLICS, folded, |e: &(&'static str, _, _)| e.0).map(|e| (e.1, e.2))
}

pub(crate) fn condition(folded: &str) -> Option<Fee> {
    lookup!(CONDITIONS, folded, |e: &(&'static str, _)| e.0).map(|e| e.1)
}

pub(crate) fn label(folded: &str) -> Option<LabelTarget> {
    lookup!(LABELS, folded, |e: &(&'static str, _)| e.0).map(|e| e.1)
}

pub(crate) fn modalite(folded: &str) -> Option<(Option<Accompaniment>, Option<Programme>)> {
    lookup!(MODALITES, folded, |e: &(&'static str, _, _)| e.0).map(|e| (e.1, e.2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn every_old_service_maps_to_at_least_one_new_one() {
        for (label, targets) in &SERVICES {
            assert!(!targets.is_empty(), "{label}");
            assert_eq!(services(&fold(label)), Some(*targets));
        }
        assert_eq!(
            services(&fold("S’équiper en matériel informatique")),
            Some(&[Service::AcquisitionMateriel][..])
        );
        assert_eq!(services(&fold("Faire du vélo")), None);
    }

    #[test]
    fn long_old_values_match_on_their_head() {
        let long = "Gratuit sous condition : La gratuité est conditionnée à des critères \
                    (situation familiale, convention avec un organisme social...)";
        assert_eq!(condition(&fold(long)), Some(Fee::FreeUnderCondition));
        assert_eq!(
            publics(&fold(
                "Handicaps mentaux : déficiences limitant les activités d'une personne"
            )),
            Some((&[][..], &[Support::MentalDisability][..]))
        );
        assert_eq!(
            modalite(&fold(
                "A ma place : une personne habilitée fait les démarches à ma place"
            )),
            Some((None, Some(Programme::AidantsConnect)))
        );
        assert_eq!(
            label(&fold("CNFS")),
            Some(LabelTarget::Programme(Programme::ConseillersNumeriques))
        );
    }
}
