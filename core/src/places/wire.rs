//! The wire format between the module that searches and the widget that shows results: JSON
//! text written and read with [`crate::json::Json`], whole numbers only (no floats: distances
//! are in metres, coordinates in micro-degrees).
//!
//! ```json
//! {"v":1,"centre_source":"places_in_area","no_place_in_area":false,"total":12,
//!  "places":[{"id":"structure-1","name":"Anonymal","address":"12 BIS RUE DE LECLERCQ",
//!   "postal_code":"51100","commune":"Reims","distance_m":1250,"phone":"+33180059880",
//!   "phone_display":"01 80 05 98 80","website":"https://…","hours_today":"09:00–12:00",
//!   "open_now":true,"hours_raw":"Mo-Fr 09:00-12:00","matched":["demarches"],
//!   "services":["demarches","outils_quotidien"],"aidants_connect":false,"free":true}]}
//! ```
//!
//! Absent values are left out. Reading re-checks URLs with [`safe_url`] and phones with
//! [`normalize_phone`], so the UI can put them in `href` without further thought.

use super::clean::{display_phone, normalize_phone, safe_email, safe_url};
use super::hours::OpeningHours;
use super::model::Place;
use super::search::{CentreSource, Hit, PlaceIndex, SearchResult};
use crate::json::{self, Json};
use crate::services::Service;

/// Version of this format; readers refuse other versions.
pub const WIRE_VERSION: i64 = 1;

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
    /// Ids ([`Service::id`]) of the needed services the place offers.
    pub matched: Vec<String>,
    /// Ids of every service the place offers.
    pub services: Vec<String>,
    pub aidants_connect: bool,
    pub free: bool,
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
        let location = place.location();
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
            lat_e6: location.map(|l| (l.lat * 1e6).round() as i64),
            lon_e6: location.map(|l| (l.lon * 1e6).round() as i64),
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
        }
    }

    pub fn to_json(&self) -> Json {
        let text = |s: &Option<String>| s.as_deref().map(json::string);
        let number = |n: Option<i64>| n.map(Json::Number);
        json::object([
            ("id", Some(json::string(&self.id))),
            ("name", Some(json::string(&self.name))),
            ("address", Some(json::string(&self.address))),
            ("address_complement", text(&self.address_complement)),
            ("postal_code", Some(json::string(&self.postal_code))),
            ("commune", Some(json::string(&self.commune))),
            ("distance_m", number(self.distance_m)),
            ("lat_e6", number(self.lat_e6)),
            ("lon_e6", number(self.lon_e6)),
            ("phone", text(&self.phone)),
            ("phone_display", text(&self.phone_display)),
            ("email", text(&self.email)),
            ("website", text(&self.website)),
            ("booking_url", text(&self.booking_url)),
            ("accessibility_url", text(&self.accessibility_url)),
            ("hours_today", text(&self.hours_today)),
            ("open_now", self.open_now.map(Json::Bool)),
            ("week", self.week.as_deref().map(json::strings)),
            ("hours_raw", text(&self.hours_raw)),
            ("matched", Some(json::strings(&self.matched))),
            ("services", Some(json::strings(&self.services))),
            ("aidants_connect", Some(Json::Bool(self.aidants_connect))),
            ("free", Some(Json::Bool(self.free))),
        ])
    }

    /// Reads a card; `None` if a required member is missing or of the wrong type. URLs,
    /// e-mail and phone are checked again; unknown service ids are dropped.
    pub fn from_json(json: &Json) -> Option<PlaceCard> {
        let text = |key: &str| json.get(key).and_then(Json::as_str).map(str::to_string);
        let url = |key: &str| json.get(key).and_then(Json::as_str).and_then(safe_url);
        let number = |key: &str| json.get(key).and_then(Json::as_i64);
        let flag = |key: &str| json.get(key).and_then(Json::as_bool);
        let service_ids = |key: &str| -> Vec<String> {
            json::read_strings(json.get(key))
                .unwrap_or_default()
                .into_iter()
                .filter(|id| Service::from_id(id).is_some())
                .collect()
        };
        let phone = text("phone").and_then(|p| normalize_phone(&p));
        Some(PlaceCard {
            id: text("id")?,
            name: text("name")?,
            address: text("address")?,
            address_complement: text("address_complement"),
            postal_code: text("postal_code")?,
            commune: text("commune")?,
            distance_m: number("distance_m").filter(|&d| d >= 0),
            lat_e6: number("lat_e6").filter(|l| (-90_000_000..=90_000_000).contains(l)),
            lon_e6: number("lon_e6").filter(|l| (-180_000_000..=180_000_000).contains(l)),
            phone_display: phone.as_deref().map(display_phone),
            phone,
            email: text("email").and_then(|e| safe_email(&e)),
            website: url("website"),
            booking_url: url("booking_url"),
            accessibility_url: url("accessibility_url"),
            hours_today: text("hours_today"),
            open_now: flag("open_now"),
            week: json::read_strings(json.get("week")).filter(|days| days.len() == 7),
            hours_raw: text("hours_raw"),
            matched: service_ids("matched"),
            services: service_ids("services"),
            aidants_connect: flag("aidants_connect").unwrap_or(false),
            free: flag("free").unwrap_or(false),
        })
    }
}

/// A search result as the widget receives it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsMessage {
    pub centre_source: CentreSource,
    pub no_place_in_area: bool,
    /// Matching places before the limit.
    pub total: usize,
    pub places: Vec<PlaceCard>,
}

fn centre_source_id(source: CentreSource) -> &'static str {
    match source {
        CentreSource::Point => "point",
        CentreSource::PlacesInArea => "places_in_area",
        CentreSource::Gazetteer => "gazetteer",
        CentreSource::Unknown => "unknown",
    }
}

/// Error reading a [`ResultsMessage`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WireError {
    Json(crate::json::JsonError),
    WrongVersion,
    /// Missing or mistyped member; the name says which.
    Invalid(&'static str),
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WireError::Json(e) => write!(f, "{e}"),
            WireError::WrongVersion => f.write_str("unsupported results version"),
            WireError::Invalid(what) => write!(f, "invalid results: {what}"),
        }
    }
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

    pub fn to_json(&self) -> String {
        json::object([
            ("v", Some(Json::Number(WIRE_VERSION))),
            (
                "centre_source",
                Some(json::string(centre_source_id(self.centre_source))),
            ),
            ("no_place_in_area", Some(Json::Bool(self.no_place_in_area))),
            (
                "total",
                Some(Json::Number(i64::try_from(self.total).unwrap_or(i64::MAX))),
            ),
            (
                "places",
                Some(Json::Array(
                    self.places.iter().map(PlaceCard::to_json).collect(),
                )),
            ),
        ])
        .write()
    }

    /// Reads a message; a card with a missing required member is an error (the sender is our
    /// own code, so that is a bug worth seeing).
    pub fn from_json(text: &str) -> Result<ResultsMessage, WireError> {
        let json = Json::parse(text).map_err(WireError::Json)?;
        if json.get("v").and_then(Json::as_i64) != Some(WIRE_VERSION) {
            return Err(WireError::WrongVersion);
        }
        let centre_source = match json.get("centre_source").and_then(Json::as_str) {
            Some("point") => CentreSource::Point,
            Some("places_in_area") => CentreSource::PlacesInArea,
            Some("gazetteer") => CentreSource::Gazetteer,
            Some("unknown") => CentreSource::Unknown,
            _ => return Err(WireError::Invalid("centre_source")),
        };
        let places = json
            .get("places")
            .and_then(Json::as_array)
            .ok_or(WireError::Invalid("places"))?
            .iter()
            .map(|card| PlaceCard::from_json(card).ok_or(WireError::Invalid("place")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ResultsMessage {
            centre_source,
            no_place_in_area: json
                .get("no_place_in_area")
                .and_then(Json::as_bool)
                .ok_or(WireError::Invalid("no_place_in_area"))?,
            total: json
                .get("total")
                .and_then(Json::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .ok_or(WireError::Invalid("total"))?,
            places,
        })
    }
}

/// A search request from the widget to the searching module, with the local time for the
/// "open now" answer.
///
/// ```json
/// {"centre":{"postal_code":"69001"},"services":["demarches"],"free":true,
///  "support":"illettrisme","help":"atelier_collectif","done_for_me":false,"weekday":0,"minute":600}
/// ```
/// The centre is one of `{"postal_code": …}`, `{"commune": …}` or `{"lat_e6": …, "lon_e6": …}`.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryMessage {
    pub query: super::search::Query,
    pub now: Option<LocalTime>,
}

impl QueryMessage {
    pub fn to_json(&self) -> String {
        use super::search::Centre;
        let centre = match &self.query.centre {
            Centre::PostalCode(code) => json::object([("postal_code", Some(json::string(code)))]),
            Centre::Commune(name) => json::object([("commune", Some(json::string(name)))]),
            Centre::Point(point) => json::object([
                (
                    "lat_e6",
                    Some(Json::Number((point.lat * 1e6).round() as i64)),
                ),
                (
                    "lon_e6",
                    Some(Json::Number((point.lon * 1e6).round() as i64)),
                ),
            ]),
        };
        json::object([
            ("centre", Some(centre)),
            (
                "services",
                Some(Json::Array(
                    self.query
                        .services
                        .iter()
                        .map(|s| json::string(s.id()))
                        .collect(),
                )),
            ),
            ("free", Some(Json::Bool(self.query.free_only))),
            ("support", self.query.support.map(|s| json::string(s.id()))),
            (
                "help",
                self.query.accompaniment.map(|a| json::string(a.id())),
            ),
            ("done_for_me", Some(Json::Bool(self.query.done_for_me))),
            (
                "weekday",
                self.now.map(|t| Json::Number(i64::from(t.weekday))),
            ),
            (
                "minute",
                self.now.map(|t| Json::Number(i64::from(t.minute))),
            ),
        ])
        .write()
    }

    pub fn from_json(text: &str) -> Result<QueryMessage, WireError> {
        use super::model::{Accompaniment, LatLon, Support};
        use super::search::{Centre, Query};
        let json = Json::parse(text).map_err(WireError::Json)?;
        let centre_json = json.get("centre").ok_or(WireError::Invalid("centre"))?;
        let text_of = |key| centre_json.get(key).and_then(Json::as_str);
        let centre = if let Some(code) = text_of("postal_code") {
            Centre::PostalCode(code.to_string())
        } else if let Some(name) = text_of("commune") {
            Centre::Commune(name.to_string())
        } else {
            let micro = |key| {
                centre_json
                    .get(key)
                    .and_then(Json::as_i64)
                    .map(|v| v as f64 / 1e6)
            };
            match (micro("lat_e6"), micro("lon_e6")) {
                (Some(lat), Some(lon))
                    if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
                {
                    Centre::Point(LatLon { lat, lon })
                }
                _ => return Err(WireError::Invalid("centre")),
            }
        };
        let mut query = Query::new(centre);
        query.services = json
            .get("services")
            .and_then(Json::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|s| s.as_str().and_then(Service::from_id))
                    .collect()
            })
            .unwrap_or_default();
        query.free_only = json.get("free").and_then(Json::as_bool).unwrap_or(false);
        query.done_for_me = json
            .get("done_for_me")
            .and_then(Json::as_bool)
            .unwrap_or(false);
        query.support = json
            .get("support")
            .and_then(Json::as_str)
            .and_then(Support::from_id);
        query.accompaniment = json
            .get("help")
            .and_then(Json::as_str)
            .and_then(Accompaniment::from_id);
        let now = match (
            json.get("weekday").and_then(Json::as_u64),
            json.get("minute").and_then(Json::as_u64),
        ) {
            (Some(weekday), Some(minute)) if weekday < 7 && minute < 24 * 60 => Some(LocalTime {
                weekday: weekday as u8,
                minute: minute as u16,
            }),
            _ => None,
        };
        Ok(QueryMessage { query, now })
    }
}

#[cfg(test)]
mod query_tests {
    use super::*;
    use crate::places::model::{Accompaniment, LatLon, Support};
    use crate::places::search::{Centre, Query};

    #[test]
    fn queries_round_trip() {
        for centre in [
            Centre::PostalCode("69001".into()),
            Centre::Commune("Saint-Étienne".into()),
            Centre::Point(LatLon {
                lat: 45.764043,
                lon: 4.835659,
            }),
        ] {
            let mut query = Query::new(centre);
            query.services = vec![Service::Demarches, Service::InsertionPro];
            query.free_only = true;
            query.support = Some(Support::Illiteracy);
            query.accompaniment = Some(Accompaniment::Workshop);
            query.done_for_me = true;
            let message = QueryMessage {
                query,
                now: Some(LocalTime {
                    weekday: 2,
                    minute: 615,
                }),
            };
            assert_eq!(QueryMessage::from_json(&message.to_json()), Ok(message));
        }
    }

    #[test]
    fn bad_queries_are_errors() {
        assert!(QueryMessage::from_json("{}").is_err());
        assert!(QueryMessage::from_json(r#"{"centre":{"lat_e6":999000000,"lon_e6":0}}"#).is_err());
        let lenient = QueryMessage::from_json(
            r#"{"centre":{"commune":"Lyon"},"services":["nope"],"weekday":9,"minute":5}"#,
        )
        .unwrap();
        assert!(lenient.query.services.is_empty());
        assert_eq!(lenient.now, None);
    }
}
