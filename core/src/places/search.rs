//! Finding nearby places: an index built once, then fast queries.
//!
//! Ranking: places offering more of the needed services first, then those offering the kind
//! of help the assessment recommends first (one-to-one, workshop, on one's own, or Aidants
//! Connect), then the nearest. With 20,000
//! places a query (filter, distances, sort) takes about a millisecond natively; see the
//! ignored test `search_20000_places_is_fast` in `core/tests/places_search.rs`.
//! Distances and centroids come from [`crate::coordinates`].
//!
//! [`Centre`] is where a search is centred, the one type for it: what the person types
//! ([`Centre::from_input`]), the device's position, and the partner's default `data-centre`
//! ([`crate::config::WidgetConfig::centre`], a point or a postal code).

use super::card::LocalTime;
use super::gazetteer::Gazetteer;
use super::hours::OpeningHours;
use super::model::{AccessMode, Accompaniment, Place, Support};
use crate::coordinates::{centroid, distance_km, LatLon};
use crate::orientation::HelpKind;
use crate::services::Service;
use crate::text::fold;

/// Where the person is: where a search is centred.
#[derive(Debug, Clone, PartialEq)]
pub enum Centre {
    /// From the device's location, a map, or the partner's `data-centre`.
    Point(LatLon),
    /// 5 digits (typed, or the partner's `data-centre`).
    PostalCode(String),
    /// A commune name, compared folded ("saint etienne" finds "Saint-Étienne").
    Commune(String),
}

impl Centre {
    /// Reads what a person typed: 5 digits are a postal code, other text a commune name.
    /// `None` for blank text.
    pub fn from_input(text: &str) -> Option<Centre> {
        let text = text.trim();
        if crate::postal_code::is_postal_code(text) {
            Some(Centre::PostalCode(text.to_string()))
        } else if text.is_empty() {
            None
        } else {
            Some(Centre::Commune(text.to_string()))
        }
    }
}

/// A search. Build it with [`Query::new`] and set what the person chose.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub centre: Centre,
    /// Services the person needs; places offering none of them are left out. Empty: any place.
    pub services: Vec<Service>,
    /// Only places free of charge (`frais_a_charge` contains "Gratuit").
    pub free_only: bool,
    /// Only places offering this specific support (`prise_en_charge_specifique`).
    pub support: Option<Support>,
    /// Only places offering this kind of help (`modalites_accompagnement`).
    pub accompaniment: Option<Accompaniment>,
    /// Only places where someone can do the procedure for the person (Aidants Connect).
    pub done_for_me: bool,
    /// Only places open then (their opening hours say so; unknown hours do not pass).
    pub open: Option<OpenWhen>,
    /// Only places where an appointment can be booked online.
    pub online_booking: bool,
    /// Only places with an accessibility sheet (acceslibre).
    pub accessibility_sheet: bool,
    /// The kind of help the assessment recommends first: places offering it rank first among
    /// those offering as many of the needed services.
    pub preferred_help: Option<HelpKind>,
    /// Places farther than this are left out.
    pub max_km: f64,
    /// Most hits returned.
    pub limit: usize,
}

impl Query {
    pub const DEFAULT_MAX_KM: f64 = 40.0;
    /// The radii a person can choose, in km.
    pub const RADII_KM: [u16; 5] = [5, 10, 20, 40, 100];
    pub const DEFAULT_LIMIT: usize = 20;

    pub fn new(centre: Centre) -> Query {
        Query {
            centre,
            services: Vec::new(),
            free_only: false,
            support: None,
            accompaniment: None,
            done_for_me: false,
            open: None,
            online_booking: false,
            accessibility_sheet: false,
            preferred_help: None,
            max_km: Query::DEFAULT_MAX_KM,
            limit: Query::DEFAULT_LIMIT,
        }
    }
}

/// "Open now" or "open on a day".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenWhen {
    Now(LocalTime),
    /// Monday = 0 … Sunday = 6.
    Day(u8),
}

impl OpenWhen {
    /// The value of the places screen's "Quand ?" choice: `now`, or a day `0`…`6`.
    pub fn from_id(id: &str, now: LocalTime) -> Option<OpenWhen> {
        match id {
            "now" => Some(OpenWhen::Now(now)),
            _ => id.parse::<u8>().ok().filter(|d| *d < 7).map(OpenWhen::Day),
        }
    }
}

/// How the centre of a search was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CentreSource {
    /// Given as a point.
    Point,
    /// Centroid of the coordinates of the places in the postal code or commune.
    PlacesInArea,
    /// No located place in the area: coordinates of the postal code from the gazetteer.
    Gazetteer,
    /// Neither places nor gazetteer know the area: no result.
    Unknown,
}

/// One result row.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into [`PlaceIndex::places`].
    pub index: usize,
    /// `None` for a place of the searched area that has no coordinates.
    pub distance_km: Option<f64>,
    /// The needed services this place offers, in the order of [`Service::ALL`].
    pub matched: Vec<Service>,
    /// The place offers the [`Query::preferred_help`].
    pub help_match: bool,
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResult {
    pub hits: Vec<Hit>,
    pub centre: Option<LatLon>,
    pub centre_source: CentreSource,
    /// The postal code or commune searched has no place at all: the hits, if any, are the
    /// nearest places around it (the UI should say so). Always `false` for a point.
    pub no_place_in_area: bool,
    /// Matching places before `limit` was applied.
    pub total: usize,
}

/// Precomputed per place, so a query only compares integers and computes distances.
#[derive(Debug, Clone)]
struct Entry {
    location: Option<LatLon>,
    services: u16,
    supports: u32,
    accompaniments: u32,
    free: bool,
    aidants_connect: bool,
    online_booking: bool,
    accessibility_sheet: bool,
    commune: String,
}

/// The places and what a query needs about them. Build it once per data file.
#[derive(Debug, Clone)]
pub struct PlaceIndex {
    places: Vec<Place>,
    entries: Vec<Entry>,
}

fn service_bit(service: Service) -> u16 {
    1 << (service as u16)
}

/// Whether a place's folded commune is the searched one: equal, or the searched one followed
/// by an arrondissement ("marseille 11", "lyon 1er arrondissement" for "marseille", "lyon").
pub(crate) fn commune_matches(place_commune: &str, wanted: &str) -> bool {
    place_commune == wanted
        || place_commune
            .strip_prefix(wanted)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

impl PlaceIndex {
    pub fn new(places: Vec<Place>) -> PlaceIndex {
        let entries = places
            .iter()
            .map(|place| Entry {
                location: place.location(),
                services: place
                    .services
                    .iter()
                    .fold(0, |bits, &s| bits | service_bit(s)),
                supports: place
                    .prise_en_charge_specifique
                    .iter()
                    .fold(0, |bits, s| bits | s.bit()),
                accompaniments: place
                    .modalites_accompagnement
                    .iter()
                    .fold(0, |bits, a| bits | a.bit()),
                free: place.is_free(),
                aidants_connect: place.has_aidants_connect(),
                online_booking: place.prise_rdv.is_some()
                    || place.modalites_acces.contains(&AccessMode::OnlineBooking),
                accessibility_sheet: place.fiche_acces_libre.is_some(),
                commune: fold(&place.commune),
            })
            .collect();
        PlaceIndex { places, entries }
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn get(&self, index: usize) -> Option<&Place> {
        self.places.get(index)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Runs a query. `gazetteer` is only used when the postal code or commune has no located
    /// place.
    pub fn search(&self, query: &Query, gazetteer: Option<&Gazetteer>) -> SearchResult {
        let (area, wanted) = match &query.centre {
            Centre::Point(point) => (
                None,
                Some(*point).filter(|p| LatLon::new(p.lat, p.lon).is_some()),
            ),
            Centre::PostalCode(code) => {
                let code = code.trim();
                let in_area: Vec<usize> = (0..self.places.len())
                    .filter(|&i| self.places[i].code_postal == code)
                    .collect();
                let fallback = || {
                    gazetteer
                        .and_then(|g| g.get(code))
                        .map(|entry| entry.location)
                };
                (Some(in_area), fallback())
            }
            Centre::Commune(name) => {
                let wanted = fold(name);
                let in_area: Vec<usize> = (0..self.entries.len())
                    .filter(|&i| {
                        !wanted.is_empty() && commune_matches(&self.entries[i].commune, &wanted)
                    })
                    .collect();
                let fallback = || gazetteer.and_then(|g| g.find_commune(name));
                (Some(in_area), fallback())
            }
        };
        let (centre, centre_source, no_place_in_area) = match &area {
            None => (
                wanted,
                if wanted.is_some() {
                    CentreSource::Point
                } else {
                    CentreSource::Unknown
                },
                false,
            ),
            Some(in_area) => {
                let located: Vec<LatLon> = in_area
                    .iter()
                    .filter_map(|&i| self.entries[i].location)
                    .collect();
                match centroid(&located) {
                    Some(point) => (Some(point), CentreSource::PlacesInArea, false),
                    None => match wanted {
                        Some(point) => (Some(point), CentreSource::Gazetteer, in_area.is_empty()),
                        None => (None, CentreSource::Unknown, in_area.is_empty()),
                    },
                }
            }
        };
        let mut hits = Vec::new();
        if let Some(centre) = centre {
            hits = self.rank(query, centre, area.as_deref().unwrap_or(&[]));
        } else if let Some(in_area) = &area {
            // The area's places have no coordinates and nothing locates the area: still list
            // them, without distances.
            hits = in_area
                .iter()
                .filter_map(|&i| self.hit(query, i, None))
                .collect();
        }
        sort_hits(&mut hits, &self.places);
        let total = hits.len();
        hits.truncate(query.limit);
        SearchResult {
            hits,
            centre,
            centre_source,
            no_place_in_area,
            total,
        }
    }

    /// The hit for place `i` if it passes the filters.
    fn hit(&self, query: &Query, i: usize, distance_km: Option<f64>) -> Option<Hit> {
        let entry = &self.entries[i];
        if (query.free_only && !entry.free)
            || (query.done_for_me && !entry.aidants_connect)
            || query.support.is_some_and(|s| entry.supports & s.bit() == 0)
            || query
                .accompaniment
                .is_some_and(|a| entry.accompaniments & a.bit() == 0)
            || (query.online_booking && !entry.online_booking)
            || (query.accessibility_sheet && !entry.accessibility_sheet)
            // Hours are read only when the filter is on: reading them for every place would
            // add to the time to build the index of a département.
            || query
                .open
                .is_some_and(|when| !is_open(self.places[i].horaires.as_deref(), when))
        {
            return None;
        }
        let needed = query
            .services
            .iter()
            .fold(0, |bits, &s| bits | service_bit(s));
        // Places offering none of the needed services stay, ranked after those that do: a
        // nearby place may still help, and the person sees what it offers.
        let common = entry.services & needed;
        let matched = Service::ALL
            .into_iter()
            .filter(|&s| common & service_bit(s) != 0)
            .collect();
        let help_match = match query.preferred_help {
            Some(HelpKind::DoneForMe) => entry.aidants_connect,
            Some(kind) => entry.accompaniments & accompaniment_of(kind).bit() != 0,
            None => false,
        };
        Some(Hit {
            index: i,
            distance_km,
            matched,
            help_match,
        })
    }

    fn rank(&self, query: &Query, centre: LatLon, in_area: &[usize]) -> Vec<Hit> {
        // A bounding box rejects most places before the trigonometry. One degree of latitude
        // is at least 110.5 km; one of longitude at least 111.3 km × cos(latitude).
        let max_km = if query.max_km.is_nan() {
            0.0
        } else {
            query.max_km
        };
        let lat_margin = max_km / 110.5;
        let far_lat = centre.lat.abs() + lat_margin;
        let lon_margin = if far_lat >= 89.0 {
            f64::INFINITY
        } else {
            max_km / (111.3 * far_lat.to_radians().cos())
        };
        let mut hits = Vec::new();
        for (i, entry) in self.entries.iter().enumerate() {
            let distance = match entry.location {
                Some(location) => {
                    let dlon = (location.lon - centre.lon).abs();
                    let dlon = dlon.min(360.0 - dlon);
                    if (location.lat - centre.lat).abs() > lat_margin || dlon > lon_margin {
                        continue;
                    }
                    let d = distance_km(centre, location);
                    if d > query.max_km {
                        continue;
                    }
                    Some(d)
                }
                // Unlocated places are listed only when they are in the searched area.
                None if in_area.binary_search(&i).is_ok() => None,
                None => continue,
            };
            if let Some(hit) = self.hit(query, i, distance) {
                hits.push(hit);
            }
        }
        hits
    }
}

/// The place's `modalites_accompagnement` value for a kind of help the orientation gives
/// (Aidants Connect is a programme, see [`Place::has_aidants_connect`]).
fn accompaniment_of(kind: HelpKind) -> Accompaniment {
    match kind {
        HelpKind::WithSomeone | HelpKind::DoneForMe => Accompaniment::Individual,
        HelpKind::Workshop => Accompaniment::Workshop,
        HelpKind::Alone => Accompaniment::Autonomous,
    }
}

/// Whether hours say the place is open then; unknown or unreadable hours never pass the
/// filter.
fn is_open(hours: Option<&str>, when: OpenWhen) -> bool {
    let Some(hours) = hours.and_then(|h| OpeningHours::parse(h).ok()) else {
        return false;
    };
    match when {
        OpenWhen::Now(now) => hours.is_open(now.weekday, now.minute),
        OpenWhen::Day(day) => !hours.day_text(day).is_empty(),
    }
}

/// More matched services first, then the recommended kind of help, then nearest (unknown
/// distances last), then name.
fn sort_hits(hits: &mut [Hit], places: &[Place]) {
    hits.sort_by(|a, b| {
        b.matched
            .len()
            .cmp(&a.matched.len())
            .then(b.help_match.cmp(&a.help_match))
            .then_with(|| match (a.distance_km, b.distance_km) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| places[a.index].nom.cmp(&places[b.index].nom))
            .then(a.index.cmp(&b.index))
    });
}
