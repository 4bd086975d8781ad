//! What the mediator's view shows from a code: the person's answers read into the current
//! bank, whatever the code's version, as a session that is never stored unless the mediator
//! keeps it. Nothing a code carries is dropped: answers the bank no longer asks are listed as
//! retired (see [`super::v1`]).

use crate::bank::Bank;
use crate::session::{GivenAnswer, Session};
use crate::situation::Need;

use super::{decode, v1, ShareCodeError, VERSION_1};

/// A decoded code, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The answers and priorities in the current bank, dated from the code.
    pub session: Session,
    /// Answers to questions the current bank no longer asks (ids of the code's bank).
    pub retired: Vec<GivenAnswer>,
    /// The chosen place's hash, to look it up in the places data.
    pub place_hash: Option<u32>,
    /// The chosen place's département, when the code carries it.
    pub departement: Option<String>,
    /// The code's format version.
    pub version: u8,
}

/// Decodes `text` and reads it into `bank`.
pub fn open(text: &str, bank: &Bank) -> Result<Opened, ShareCodeError> {
    let payload = decode(text)?;
    let (answers, retired) = if payload.version == VERSION_1 {
        let migrated = v1::to_bank_v2(&payload.answers, bank);
        (migrated.answers, migrated.retired)
    } else {
        // A widget restricted to some domains still reads every answer it knows.
        payload
            .answers
            .iter()
            .cloned()
            .partition(|given| bank.item(&given.item).is_some())
    };
    // A priority stays when it still names a need or an answered item.
    let priorities = payload
        .priorities
        .iter()
        .filter(|id| Need::from_id(id).is_some() || answers.iter().any(|a| &a.item == *id))
        .cloned()
        .collect();
    Ok(Opened {
        session: Session {
            answers,
            priorities,
            started_on: payload.date(),
            ..Session::default()
        },
        retired,
        place_hash: payload.place_hash,
        departement: payload.departement,
        version: payload.version,
    })
}
