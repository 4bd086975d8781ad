//! Mediation places ("lieux de médiation numérique", standard v1.0.2): reading partner files,
//! searching the nearest places, opening hours, and what the places screen shows.
//!
//! Typical use, in the module that loads the data:
//!
//! ```
//! use autonomie_core::places::{parse_places, Centre, LocalTime, PlaceIndex, Query, ResultsMessage};
//! use autonomie_core::Service;
//!
//! let file = "id;nom;commune;code_postal;adresse;latitude;longitude;services;horaires\n\
//!             a;Médiathèque;Lyon;69001;1 rue X;45.767;4.834;Aide aux démarches administratives;Mo-Fr 09:00-12:00\n";
//! let report = parse_places(file.as_bytes()).unwrap();
//! let index = PlaceIndex::new(report.places);
//!
//! let mut query = Query::new(Centre::from_input("69001").unwrap());
//! query.services = vec![Service::Demarches];
//! let result = index.search(&query, None);
//! assert_eq!(result.hits.len(), 1);
//!
//! let now = LocalTime { weekday: 0, minute: 10 * 60 };
//! let message = ResultsMessage::new(&index, &result, Some(now));
//! assert_eq!(message.places[0].open_now, Some(true));
//! ```
//!
//! Where things are:
//! - [`model`]: the [`Place`] and the standard's closed lists;
//! - [`parse`]: file reading, format and version detection, row normalization;
//! - [`report`]: what reading reports: skipped rows and their reasons, repairs;
//! - [`legacy`]: the v0.1 → v1 mapping table;
//! - [`france_services`]: the ANCT list of France Services (its own CSV) read into places;
//! - [`hours`]: OSM opening hours;
//! - [`search`]: index, query, ranking, and [`Centre`], where a search is centred;
//! - [`gazetteer`]: postal code → coordinates fallback;
//! - [`index`]: the national index: one file per département and a manifest;
//! - [`card`]: what the places screen shows of each place found;
//! - [`write`](mod@write): v1 CSV output (for the partner CLI);
//! - [`clean`]: plain text, safe URLs, phones and e-mails.
//!
//! Coordinates ([`LatLon`], how they are read, their range, distances) live in
//! [`crate::coordinates`]; CSV reading and writing in [`crate::csv`].

pub mod card;
pub mod clean;
pub mod france_services;
pub mod gazetteer;
pub mod hours;
pub mod index;
mod json_rows;
pub mod legacy;
pub mod model;
pub mod parse;
pub mod report;
pub mod sample;
pub mod schema;
pub mod search;
pub mod write;

pub use crate::coordinates::{distance_km, LatLon};
pub use card::{LocalTime, PlaceCard, ResultsMessage};
pub use clean::{display_phone, normalize_phone, safe_email, safe_url};
pub use gazetteer::{build_from_communes, Gazetteer, GazetteerEntry, GazetteerError};
pub use hours::{HoursError, HoursErrorReason, OpeningHours};
pub use index::{DepartementFile, Manifest, ManifestError};
pub use json_rows::JsonFileError;
pub use model::{AccessMode, Accompaniment, Audience, Fee, Mobility, Place, Programme, Support};
pub use parse::{parse_places, parse_places_str};
pub use report::{
    FileError, FileFormat, ParseReport, RowWarning, SchemaVersion, SkipReason, SkippedRow,
    WarningKind,
};
pub use schema::Column;
pub use search::{Centre, CentreSource, Hit, OpenWhen, PlaceIndex, Query, SearchResult};
