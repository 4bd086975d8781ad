//! Pure-Rust core of the autonomie numérique self-check.
//!
//! Everything that decides something lives here and is tested natively: the question bank and
//! its validation, the adaptive flow, scoring, orientation, translations and the stored
//! formats. The widget only shows what this crate returns.

pub mod answer;
pub mod bank;
pub mod build_script;
pub mod config;
pub mod coordinates;
pub mod css;
pub mod csv;
pub mod envelope;
pub mod evaluation;
pub mod first_steps;
pub mod flow;
pub mod history;
pub mod i18n;
pub mod json;
pub mod national;
pub mod orientation;
pub mod pin;
pub mod places;
pub mod postal_code;
pub mod readability;
pub mod scoring;
pub mod services;
pub mod session;
pub mod share_code;
pub mod situation;
pub mod small_sort;
pub mod stats;
pub mod text;
pub mod text_direction;

pub use answer::Answer;
pub use bank::{Bank, Item, ItemKind};
pub use i18n::{Catalog, Lang};
pub use scoring::{assess, Assessment, Level, Outcome};
pub use services::Service;
pub use session::{Session, Stage};
