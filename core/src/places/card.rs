//! What a search gives the places screen: one [`PlaceCard`] per place found, its hours
//! evaluated at the person's [`LocalTime`]. Its links are the place's, checked when the file
//! was read ([`super::clean::safe_url`], [`super::clean::normalize_phone`],
//! [`super::clean::safe_email`]), so the screen can put them in `href` without further
//! thought. The search and the screen run in the same module: no serialisation.

use super::clean::display_phone;
use super::hours::OpeningHours;
use super::model::Place;
use super::search::{CentreSource, Hit, PlaceIndex, SearchResult};
use crate::coordinates::LatLon;

/// The local time the "open now" and "today" answers are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    /// Monday = 0 … Sunday = 6.
    pub weekday: u8,
    /// Minutes since midnight, 0..1440.
    pub minute: u16,
}

/// What the UI needs to show one place.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlaceCard {
    /// The place's `id` in its data file: stable across searches.
    pub id: String,
    pub name: String,
    pub address: String,
    pub address_complement: Option<String>,
    pub postal_code: String,
    pub commune: String,
    /// Rounded to the metre; `None` when the place has no coordinates.
    pub distance_m: Option<i64>,
    /// Latitude and longitude in micro-degrees, for a map or directions link.
    pub lat_e6: Option<i64>,
    pub lon_e6: Option<i64>,
    /// For a `tel:` link.
    pub phone: Option<String>,
    /// As people write it: `01 80 05 98 80`.
    pub phone_display: Option<String>,
    /// For a `mailto:` link.
    pub email: Option<String>,
    /// Safe `http(s)` URLs.
    pub website: Option<String>,
    pub booking_url: Option<String>,
    pub accessibility_url: Option<String>,
    /// Today's ranges (`09:00–12:00, 14:00–17:30`), empty when closed today; `None` when the
    /// hours are unknown or unreadable (then show `hours_raw`).
    pub hours_today: Option<String>,
    /// `None` when the hours are unknown or unreadable.
    pub open_now: Option<bool>,
    /// Hours for each day, Monday first, empty when closed; `None` when the hours do not
    /// parse (the UI then shows `hours_raw`).
    pub week: Option<Vec<String>>,
    pub hours_raw: Option<String>,
    /// Ids ([`crate::Service::id`]) of the needed services the place offers.
    pub matched: Vec<String>,
    /// Ids of every service the place offers.
    pub services: Vec<String>,
    pub aidants_connect: bool,
    pub free: bool,
    /// `date_maj` of the place (`YYYY-MM-DD`).
    pub date_maj: Option<String>,
    /// The information is more than a year old (see [`ResultsMessage::mark_stale`]): the
    /// screen asks the person to call before going.
    pub stale: bool,
}

impl PlaceCard {
    /// The card of a place, with hours evaluated at `now` if given.
    pub fn new(place: &Place, hit: Option<&Hit>, now: Option<LocalTime>) -> PlaceCard {
        let hours = place
            .horaires
            .as_deref()
            .and_then(|h| OpeningHours::parse(h).ok());
        let (hours_today, open_now) = match (&hours, now) {
            (Some(hours), Some(now)) => (
                Some(hours.day_text(now.weekday)),
                Some(hours.is_open(now.weekday, now.minute)),
            ),
            _ => (None, None),
        };
        let week = hours
            .as_ref()
            .map(|h| (0..7).map(|day| h.day_text(day)).collect());
        let micro_degrees = place.location().map(LatLon::to_micro_degrees);
        PlaceCard {
            id: place.id.clone(),
            name: place.nom.clone(),
            address: place.adresse.clone(),
            address_complement: place.complement_adresse.clone(),
            postal_code: place.code_postal.clone(),
            commune: place.commune.clone(),
            distance_m: hit
                .and_then(|h| h.distance_km)
                .map(|km| (km * 1000.0).round() as i64),
            lat_e6: micro_degrees.map(|(lat, _)| lat),
            lon_e6: micro_degrees.map(|(_, lon)| lon),
            phone: place.telephone.clone(),
            phone_display: place.telephone.as_deref().map(display_phone),
            email: place.courriels.first().cloned(),
            website: place.site_web.first().cloned(),
            booking_url: place.prise_rdv.clone(),
            accessibility_url: place.fiche_acces_libre.clone(),
            hours_today,
            open_now,
            week,
            hours_raw: place.horaires.clone(),
            matched: hit
                .map(|h| h.matched.iter().map(|s| s.id().to_string()).collect())
                .unwrap_or_default(),
            services: place.services.iter().map(|s| s.id().to_string()).collect(),
            aidants_connect: place.has_aidants_connect(),
            free: place.is_free(),
            date_maj: place.date_maj.clone(),
            stale: false,
        }
    }
}

/// A search result as the places screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsMessage {
    pub centre_source: CentreSource,
    pub no_place_in_area: bool,
    /// Matching places before the limit.
    pub total: usize,
    pub places: Vec<PlaceCard>,
}

impl ResultsMessage {
    /// The message for a search result: one card per hit, hours evaluated at `now`.
    pub fn new(
        index: &PlaceIndex,
        result: &SearchResult,
        now: Option<LocalTime>,
    ) -> ResultsMessage {
        ResultsMessage {
            centre_source: result.centre_source,
            no_place_in_area: result.no_place_in_area,
            total: result.total,
            places: result
                .hits
                .iter()
                .filter_map(|hit| Some(PlaceCard::new(index.get(hit.index)?, Some(hit), now)))
                .collect(),
        }
    }

    /// Marks the places whose information is more than a year old on `today` (`YYYY-MM-DD`),
    /// by [`super::index::is_stale`].
    pub fn mark_stale(&mut self, today: &str) {
        for card in &mut self.places {
            card.stale = super::index::is_stale(card.date_maj.as_deref(), today);
        }
    }
}
