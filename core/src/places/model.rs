//! A mediation place normalized to the standard v1.0.2, and the closed value lists of the
//! standard as small enums.
//!
//! Field names follow the standard's column names so that "where does `frais_a_charge` go?"
//! has an obvious answer. Every text is plain text (control characters removed, lengths
//! capped); the UI still escapes it when rendering.

use std::sync::OnceLock;

use crate::coordinates::LatLon;
use crate::services::Service;
use crate::text::fold;

/// One place, normalized to the standard v1.0.2 whatever the version of the file it came from.
///
/// Invariants kept by the parser: `id`, `nom`, `commune`, `adresse` are non-empty,
/// `code_postal` is 5 ASCII digits, `latitude` and `longitude` are both set or both `None`
/// and in range, every URL is `http(s)` (see [`super::safe_url`]), `telephone` holds only
/// digits and an optional leading `+`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Place {
    pub id: String,
    /// SIRET or RNA. Required by the standard but kept optional here: a place without it is
    /// still worth showing (the validator reports it).
    pub pivot: Option<String>,
    pub nom: String,
    pub commune: String,
    pub code_postal: String,
    pub code_insee: Option<String>,
    pub adresse: String,
    pub complement_adresse: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Structure type codes (data.inclusion vocabulary), e.g. `ASSO`, `CCAS`.
    pub typologie: Vec<String>,
    /// Normalized for a `tel:` link, e.g. `+33180059880` (see [`super::normalize_phone`]).
    pub telephone: Option<String>,
    pub courriels: Vec<String>,
    /// Only safe `http(s)` URLs.
    pub site_web: Vec<String>,
    /// Raw OSM `opening_hours` text; parse it with [`super::OpeningHours::parse`].
    pub horaires: Option<String>,
    pub presentation_resume: Option<String>,
    pub presentation_detail: Option<String>,
    pub source: Option<String>,
    pub itinerance: Vec<Mobility>,
    pub structure_parente: Option<String>,
    /// `YYYY-MM-DD`.
    pub date_maj: Option<String>,
    pub services: Vec<Service>,
    pub publics_specifiquement_adresses: Vec<Audience>,
    pub prise_en_charge_specifique: Vec<Support>,
    pub frais_a_charge: Vec<Fee>,
    pub dispositif_programmes_nationaux: Vec<Programme>,
    /// Values of the standard's closed list [`FORMATIONS_LABELS`].
    pub formations_labels: Vec<String>,
    pub autres_formations_labels: Option<String>,
    pub modalites_acces: Vec<AccessMode>,
    pub modalites_accompagnement: Vec<Accompaniment>,
    /// Safe URL of the place's acceslibre page.
    pub fiche_acces_libre: Option<String>,
    /// Safe URL of an online booking page.
    pub prise_rdv: Option<String>,
}

impl Place {
    pub fn location(&self) -> Option<LatLon> {
        LatLon::new(self.latitude?, self.longitude?)
    }

    /// Free of charge without condition (`frais_a_charge` contains `Gratuit`).
    pub fn is_free(&self) -> bool {
        self.frais_a_charge.contains(&Fee::Free)
    }

    /// Aidants Connect: someone may do procedures on the person's behalf.
    pub fn has_aidants_connect(&self) -> bool {
        self.dispositif_programmes_nationaux
            .contains(&Programme::AidantsConnect)
    }

    pub fn offers(&self, service: Service) -> bool {
        self.services.contains(&service)
    }
}

/// Labels folded once (see [`find_folded`]).
pub(crate) type FoldedTable<T> = Vec<(String, T)>;

pub(crate) fn folded_table<T: Copy>(
    all: &[T],
    label: impl Fn(T) -> &'static str,
) -> FoldedTable<T> {
    all.iter().map(|&v| (fold(label(v)), v)).collect()
}

/// Finds the value of a closed list from a value already [`fold`]ed: exact match, else the
/// longest label that the value starts with at a word boundary ("Gratuit : je peux…" →
/// "Gratuit", "À distance (par téléphone…)" → "À distance").
pub(crate) fn find_folded<T: Copy>(table: &[(String, T)], wanted: &str) -> Option<T> {
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(usize, T)> = None;
    for (folded, candidate) in table {
        if folded == wanted {
            return Some(*candidate);
        }
        let at_boundary = wanted.starts_with(folded.as_str())
            && wanted[folded.len()..].starts_with([' ', ':', '(', ',', '.']);
        if at_boundary && best.is_none_or(|(len, _)| folded.len() > len) {
            best = Some((folded.len(), *candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

macro_rules! label_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $variant:ident => ($id:literal, $label:literal) ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $( $variant ),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$( $name::$variant ),+];

            /// The exact value written in a v1.0.2 file.
            pub fn label(self) -> &'static str {
                match self { $( $name::$variant => $label ),+ }
            }

            /// Short stable id, for i18n keys, the wire format and the CLI.
            pub fn id(self) -> &'static str {
                match self { $( $name::$variant => $id ),+ }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.id() == id)
            }

            /// Parses a v1 value, tolerating case, accents, spacing and a trailing explanation.
            pub fn from_label(value: &str) -> Option<$name> {
                // Most files spell values exactly as the standard: no folding needed then.
                if let Some(exact) = Self::ALL.iter().copied().find(|v| v.label() == value) {
                    return Some(exact);
                }
                static TABLE: OnceLock<FoldedTable<$name>> = OnceLock::new();
                find_folded(TABLE.get_or_init(|| folded_table(Self::ALL, $name::label)), &fold(value))
            }

            /// One bit per value, for compact sets (the search index).
            pub fn bit(self) -> u32 {
                1 << (self as u32)
            }
        }
    };
}

label_enum! {
    /// `publics_specifiquement_adresses`: the place is meant for this public.
    Audience {
        Youth => ("jeunes", "Jeunes"),
        Students => ("etudiants", "Étudiants"),
        Families => ("familles_enfants", "Familles et/ou enfants"),
        Seniors => ("seniors", "Seniors"),
        Women => ("femmes", "Femmes"),
    }
}

label_enum! {
    /// `prise_en_charge_specifique`: the place can support people with these needs.
    Support {
        Deafness => ("surdite", "Surdité"),
        MotorDisability => ("handicaps_moteurs", "Handicaps moteurs"),
        MentalDisability => ("handicaps_mentaux", "Handicaps mentaux"),
        Illiteracy => ("illettrisme", "Illettrisme"),
        English => ("langues_anglais", "Langues étrangères (anglais)"),
        OtherLanguages => ("langues_autres", "Langues étrangères (autres)"),
        VisualImpairment => ("deficience_visuelle", "Déficience visuelle"),
    }
}

label_enum! {
    /// `frais_a_charge`.
    Fee {
        Free => ("gratuit", "Gratuit"),
        FreeUnderCondition => ("gratuit_sous_condition", "Gratuit sous condition"),
        Paid => ("payant", "Payant"),
    }
}

label_enum! {
    /// `dispositif_programmes_nationaux`.
    Programme {
        AidantsConnect => ("aidants_connect", "Aidants Connect"),
        ReferenceLibraries => ("bibliotheques_numerique_reference", "Bibliothèques numérique de référence"),
        PixCertification => ("certification_pix", "Certification PIX"),
        ConseillersNumeriques => ("conseillers_numeriques", "Conseillers numériques"),
        EmmausConnect => ("emmaus_connect", "Emmaüs Connect"),
        FranceServices => ("france_services", "France Services"),
        GrandeEcoleNumerique => ("grande_ecole_numerique", "Grande école du numérique"),
        CroixRouge => ("croix_rouge", "La Croix Rouge"),
        CafDigitalPoint => ("point_acces_numerique_caf", "Point d'accès numérique CAF"),
        PromeneursDuNet => ("promeneurs_du_net", "Promeneurs du net"),
        RelaisNumeriqueEmmaus => ("relais_numerique_emmaus", "Relais numérique (Emmaüs Connect)"),
    }
}

label_enum! {
    /// `modalites_acces`: how to get to see someone.
    AccessMode {
        WalkIn => ("se_presenter", "Se présenter"),
        Phone => ("telephoner", "Téléphoner"),
        Email => ("contacter_par_mail", "Contacter par mail"),
        OnlineBooking => ("rdv_en_ligne", "Prendre un RDV en ligne"),
        NoPublic => ("pas_de_public", "Ce lieu n'accueille pas de public"),
        EmailWithReferral => ("mail_fiche_prescription", "Envoyer un mail avec une fiche de prescription"),
    }
}

label_enum! {
    /// `modalites_accompagnement`: the kind of help.
    Accompaniment {
        Autonomous => ("en_autonomie", "En autonomie"),
        Individual => ("accompagnement_individuel", "Accompagnement individuel"),
        Workshop => ("atelier_collectif", "Dans un atelier collectif"),
        Remote => ("a_distance", "À distance"),
    }
}

label_enum! {
    /// `itinerance`.
    Mobility {
        Mobile => ("itinerant", "Itinérant"),
        Fixed => ("fixe", "Fixe"),
    }
}

/// The closed list of `formations_labels` in v1.0.2, exactly as the schema's pattern writes
/// them (including the missing space in "Étapes numériques(La Poste)").
pub const FORMATIONS_LABELS: [&str; 10] = [
    "Formé à « Mon Espace Santé »",
    "Formé à « DUPLEX » (illettrisme)",
    "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
    "Collectif ressources et acteurs réemploi (Normandie)",
    "Étapes numériques(La Poste)",
    "Fabriques de Territoire",
    "Les Éclaireurs du numérique (Drôme)",
    "Mes Papiers (Métropole de Lyon)",
    "ORDI 3.0",
    "SUD LABS (PACA)",
];

/// The standard's spelling of a `formations_labels` value, if it is one.
pub fn formation_label(value: &str) -> Option<&'static str> {
    static TABLE: OnceLock<FoldedTable<&'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| folded_table(&FORMATIONS_LABELS, |label| label));
    let wanted = fold(value);
    table
        .iter()
        .find(|(folded, _)| *folded == wanted)
        .map(|(_, label)| *label)
}

/// Parses a service label of v1 (`Service::label`), tolerating case, accents and spacing.
pub fn service_from_label(value: &str) -> Option<Service> {
    if let Some(exact) = Service::ALL.into_iter().find(|s| s.label() == value) {
        return Some(exact);
    }
    service_from_folded(&fold(value))
}

pub(crate) fn service_from_folded(folded: &str) -> Option<Service> {
    static TABLE: OnceLock<FoldedTable<Service>> = OnceLock::new();
    find_folded(
        TABLE.get_or_init(|| folded_table(&Service::ALL, Service::label)),
        folded,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for &fee in Fee::ALL {
            assert_eq!(Fee::from_label(fee.label()), Some(fee));
            assert_eq!(Fee::from_id(fee.id()), Some(fee));
        }
        for &support in Support::ALL {
            assert_eq!(Support::from_label(support.label()), Some(support));
        }
        for &programme in Programme::ALL {
            assert_eq!(Programme::from_label(programme.label()), Some(programme));
        }
    }

    #[test]
    fn longest_prefix_wins_and_needs_a_word_boundary() {
        assert_eq!(
            Fee::from_label("gratuit sous condition"),
            Some(Fee::FreeUnderCondition)
        );
        assert_eq!(
            Fee::from_label("Gratuit : je peux accéder"),
            Some(Fee::Free)
        );
        assert_eq!(Fee::from_label("Gratuitement"), None);
        assert_eq!(
            Accompaniment::from_label("À distance (par téléphone ou en visioconférence)"),
            Some(Accompaniment::Remote)
        );
        assert_eq!(Accompaniment::from_label(""), None);
    }
}
