//! Share codes: a printed code that carries a person's answers to a mediator's device, with
//! no server.
//!
//! # API
//!
//! - [`encode`] turns a [`SharePayload`] into a version 2 code: 47 symbols in groups of 4,
//!   58 characters, such as `4G7K-…`.
//! - [`decode`] reads a code typed, pasted or scanned back into a [`SharePayload`], whatever
//!   its version (1 or 2). It never panics and reports every problem as a
//!   [`ShareCodeError`], which has an English `Display` and an i18n
//!   [`key`](ShareCodeError::key) with [`args`](ShareCodeError::args) for the placeholders.
//! - [`SharePayload::from_session`] builds the payload of a session; a version 1 payload is
//!   read into bank v2 by [`v1::to_bank_v2`] (answers kept where the item still exists, the
//!   rest listed as "question retirée"); [`place_hash`] and [`SharePayload::matches_place`]
//!   find the chosen place.
//! - [`open`] decodes a code into what the mediator's view shows ([`Opened`]).
//! - [`day_from_iso`] / [`day_to_iso`] convert dates to and from the day number stored.
//!
//! # Format
//!
//! Symbols come from [`ALPHABET`] (`23456789ABCDEFGHJKMNPQRSTUVWXYZ`, 31 symbols: no 0, O, 1,
//! I or L). A code of version `v` is exactly `symbols(v)` symbols, read as one base-31 number
//! `T`, most significant first:
//!
//! ```text
//! T = v · 31^(n-1) + body               (the first symbol is the version: '3' for 1, '4' for 2;
//!                                        other values are refused as unknown)
//! body = D · 2^32 + check               (body < 31^(n-1))
//! D = mixed-radix number, most significant first:
//!     one answer digit per entry of the version's table (tables.rs), in table order,
//!         radix 1 + the answers the item offered (0 unanswered, k = its k-th answer)
//!     3 priority digits (0 none, k = the version's k-th priority); the nones come last
//!         version 1: radix 36, priorities among the table's items, which must be answered
//!         version 2: radix 36, among V2_PRIORITIES (ratings, which must be answered, and
//!         the situation needs)
//!     version 2 only: département digit, radix 103 (0 none, k = DEPARTEMENTS[k - 1])
//!     place digit, radix 2^24 + 1 (0 none, h + 1 = 24-bit place hash h)
//!     day digit, radix 2^16 (days since 2025-01-01)
//! check = the value in 0..Q that makes T a multiple of Q = 4_294_967_291 (2^32 - 5, prime)
//! ```
//!
//! Version 1 (bank v1): 35 symbols, 43 characters; `D` needs at most 134.73 bits. Version 2
//! (bank v2, since 2026-12): 47 symbols, 58 characters; `D` needs at most 194.5 bits and
//! `body` 226.6 bits, under 31^46 (227.9 bits). Tests check both bounds.
//!
//! Why this check rather than a CRC: the code is typed by people, so the errors to catch
//! are a wrong symbol and two swapped neighbours (a skipped or doubled symbol changes the
//! length, which is fixed). Changing one symbol changes `T` by
//! `k · 31^i` with `0 < |k| < 31`, and swapping neighbours by `(a - b) · 30 · 31^i`; neither can
//! be a multiple of a prime above 31, so both errors are *always* detected (the ISO 7064
//! idea used by IBANs). A CRC over the packed bits gives no such guarantee once bits are
//! re-cut into base-31 symbols. Any other damage passes with probability 1/Q, about 2^-32.
//!
//! Tables are frozen: items are identified by their position in a version's table, not by
//! the current bank. When the bank gains, loses or changes items, add a version and keep the
//! older ones for decoding codes already printed.

use std::fmt;

use crate::session::{GivenAnswer, Session};

mod big;
mod open;
pub mod tables;
pub mod v1;

pub use open::{open, Opened};

use big::Big;
pub use tables::{TableEntry, DEPARTEMENTS, V1_TABLE, V2_PRIORITIES, V2_TABLE};

/// Symbols in value order. Easy to read aloud and to type: no 0/O nor 1/I/L.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// Characters a person may type for a symbol that does not exist. They are reported, not
/// guessed: what was printed as a D or a Q may be read as 0 or O, a 7 or a J as 1 or l.
pub const CONFUSABLE: &str = "0Oo1IiLl";

/// Codes of bank v1: decoded, never written any more.
pub const VERSION_1: u8 = 1;
/// The version written by [`encode`].
pub const VERSION_2: u8 = 2;

/// Symbols in a v1 code, version symbol included.
pub const V1_SYMBOLS: usize = 35;
/// Symbols in a v2 code, version symbol included.
pub const V2_SYMBOLS: usize = 47;

/// Symbols per group in the printed form.
pub const GROUP: usize = 4;

/// Longest printed code any version produces, separators included.
pub const MAX_CODE_CHARS: usize = V2_SYMBOLS + (V2_SYMBOLS - 1) / GROUP;

/// Longer input is rejected before any work (a code with generous spacing is under 150).
pub const MAX_INPUT_BYTES: usize = 256;

/// Most priorities a code carries.
pub const MAX_SHARED_PRIORITIES: usize = 3;

/// Modulus of the check: the largest prime below 2^32.
const CHECK_PRIME: u64 = 4_294_967_291;

const PLACE_RADIX: u32 = (1 << 24) + 1;
const DAY_RADIX: u32 = 1 << 16;
const DEPARTEMENT_RADIX: u32 = DEPARTEMENTS.len() as u32 + 1;

/// Largest 24-bit place hash.
pub const PLACE_HASH_MAX: u32 = (1 << 24) - 1;

/// What differs between versions.
struct Format {
    version: u8,
    symbols: usize,
    table: &'static [TableEntry],
    /// What a priority digit names; `None`: the table's items (version 1).
    priorities: Option<&'static [&'static str]>,
    /// Whether the place carries its département (version 2).
    departement: bool,
}

const V1: Format = Format {
    version: VERSION_1,
    symbols: V1_SYMBOLS,
    table: &V1_TABLE,
    priorities: None,
    departement: false,
};

const V2: Format = Format {
    version: VERSION_2,
    symbols: V2_SYMBOLS,
    table: &V2_TABLE,
    priorities: Some(&V2_PRIORITIES),
    departement: true,
};

impl Format {
    fn of(version: u8) -> Option<&'static Format> {
        match version {
            VERSION_1 => Some(&V1),
            VERSION_2 => Some(&V2),
            _ => None,
        }
    }

    fn priority_radix(&self) -> u32 {
        self.priorities.map_or(self.table.len(), <[_]>::len) as u32 + 1
    }

    fn priority_id(&self, index: usize) -> Option<&'static str> {
        match self.priorities {
            Some(list) => list.get(index).copied(),
            None => self.table.get(index).map(|e| e.id),
        }
    }

    fn priority_index(&self, id: &str) -> Option<usize> {
        match self.priorities {
            Some(list) => list.iter().position(|p| *p == id),
            None => self.table.iter().position(|e| e.id == id),
        }
    }

    /// Whether a priority must name an answered item (needs need not).
    fn must_be_answered(&self, id: &str) -> bool {
        self.table.iter().any(|e| e.id == id)
    }

    /// The mixed-radix fields after the answers, most significant first.
    fn tail_radices(&self) -> Vec<u32> {
        let mut radices = vec![self.priority_radix(); MAX_SHARED_PRIORITIES];
        if self.departement {
            radices.push(DEPARTEMENT_RADIX);
        }
        radices.extend([PLACE_RADIX, DAY_RADIX]);
        radices
    }
}

/// What a code carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharePayload {
    /// Format version; [`decode`] sets it, and sessions make [`VERSION_2`] payloads.
    pub version: u8,
    /// Answered items. [`decode`] returns them in table order; [`encode`] takes any order.
    pub answers: Vec<GivenAnswer>,
    /// Up to [`MAX_SHARED_PRIORITIES`] ids, in the person's order.
    pub priorities: Vec<String>,
    /// [`place_hash`] of the chosen place's id.
    pub place_hash: Option<u32>,
    /// The département of the chosen place (a code of [`DEPARTEMENTS`]), to find it in the
    /// national index; version 2 only.
    pub departement: Option<String>,
    /// Assessment date, in days since 2025-01-01 (see [`day_to_iso`]).
    pub day: u16,
}

impl SharePayload {
    /// An empty v2 payload for a day.
    pub fn new(day: u16) -> SharePayload {
        SharePayload {
            version: VERSION_2,
            answers: Vec::new(),
            priorities: Vec::new(),
            place_hash: None,
            departement: None,
            day,
        }
    }

    /// The payload of a session: its answers, priorities, start date and chosen place.
    /// Fails only on a start date that is not `YYYY-MM-DD` from 2025-01-01; answers that
    /// cannot be written are reported by [`encode`].
    pub fn from_session(session: &Session) -> Result<SharePayload, ShareCodeError> {
        Ok(SharePayload {
            version: VERSION_2,
            answers: session.answers.clone(),
            priorities: session.priorities.clone(),
            place_hash: session
                .chosen_place
                .as_ref()
                .map(|place| place_hash(&place.id)),
            departement: session
                .chosen_place
                .as_ref()
                .and_then(|place| departement_of(&place.postal_code))
                .map(str::to_string),
            day: day_from_iso(&session.started_on)?,
        })
    }

    /// The assessment date as `YYYY-MM-DD`.
    pub fn date(&self) -> String {
        day_to_iso(self.day)
    }

    /// Whether a place id is the chosen one (up to a 1 in 16 million hash collision).
    pub fn matches_place(&self, place_id: &str) -> bool {
        self.place_hash == Some(place_hash(place_id))
    }
}

pub use crate::postal_code::departement_of;

/// Why a payload cannot be encoded or a text decoded. Decoding errors come first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareCodeError {
    /// Nothing but spaces and dashes.
    Empty,
    /// More than `max_bytes` bytes: not a code, and not worth reading.
    TooLong { max_bytes: usize },
    /// A character that is neither a symbol nor a separator. `position` is 1-based and
    /// counts every character of the text as given, separators included.
    InvalidCharacter { position: usize, character: char },
    /// 0, O, 1, I or L (any case): never in a code, so probably misread from the paper.
    ConfusableCharacter { position: usize, character: char },
    /// The first symbol names a version this build cannot read (made by a newer tool, or
    /// mistyped).
    UnknownVersion { version: u8 },
    /// Wrong number of symbols (separators not counted): a symbol was skipped or doubled.
    WrongLength { expected: usize, found: usize },
    /// The check failed: at least one symbol is wrong.
    Checksum,
    /// The check passed but the number is larger than the table allows.
    Overflow,
    /// A "no priority" comes before a priority.
    PriorityGap,
    /// A priority names an item without an answer.
    PriorityNotAnswered { item: String },
    /// The same priority appears twice.
    DuplicatePriority { item: String },
    /// More priorities than a code carries.
    TooManyPriorities { count: usize },
    /// An item this version's table does not have.
    UnknownItem { item: String },
    /// Two answers to one item.
    DuplicateAnswer { item: String },
    /// An answer the item did not offer when the table was frozen; `answer` is its code.
    AnswerDoesNotFit { item: String, answer: String },
    /// A place hash wider than 24 bits.
    PlaceHashOutOfRange { hash: u32 },
    /// A département code a code cannot carry.
    UnknownDepartement { code: String },
    /// Not a real date written `YYYY-MM-DD`.
    InvalidDate { text: String },
    /// A real date, but before 2025-01-01 or after 2204-06-07.
    DateOutOfRange { text: String },
}

impl ShareCodeError {
    /// The i18n key of the message; placeholders are given by [`args`](Self::args).
    pub fn key(&self) -> &'static str {
        match self {
            ShareCodeError::Empty => "share.error.empty",
            ShareCodeError::TooLong { .. } => "share.error.too_long",
            ShareCodeError::InvalidCharacter { .. } => "share.error.invalid_character",
            ShareCodeError::ConfusableCharacter { .. } => "share.error.confusable_character",
            ShareCodeError::UnknownVersion { .. } => "share.error.version",
            ShareCodeError::WrongLength { .. } => "share.error.length",
            ShareCodeError::Checksum => "share.error.checksum",
            ShareCodeError::Overflow => "share.error.overflow",
            ShareCodeError::PriorityGap => "share.error.priority_gap",
            ShareCodeError::PriorityNotAnswered { .. } => "share.error.priority_not_answered",
            ShareCodeError::DuplicatePriority { .. } => "share.error.duplicate_priority",
            ShareCodeError::TooManyPriorities { .. } => "share.error.too_many_priorities",
            ShareCodeError::UnknownItem { .. } => "share.error.unknown_item",
            ShareCodeError::DuplicateAnswer { .. } => "share.error.duplicate_answer",
            ShareCodeError::AnswerDoesNotFit { .. } => "share.error.answer_does_not_fit",
            ShareCodeError::PlaceHashOutOfRange { .. } => "share.error.place_hash",
            ShareCodeError::UnknownDepartement { .. } => "share.error.departement",
            ShareCodeError::InvalidDate { .. } => "share.error.invalid_date",
            ShareCodeError::DateOutOfRange { .. } => "share.error.date_out_of_range",
        }
    }

    /// Values of the `{name}` placeholders of the message, for `Catalog::format`.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ShareCodeError::TooLong { max_bytes } => vec![("max", max_bytes.to_string())],
            ShareCodeError::InvalidCharacter {
                position,
                character,
            }
            | ShareCodeError::ConfusableCharacter {
                position,
                character,
            } => vec![
                ("position", position.to_string()),
                ("character", character.to_string()),
            ],
            ShareCodeError::UnknownVersion { version } => vec![("version", version.to_string())],
            ShareCodeError::WrongLength { expected, found } => vec![
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
            ShareCodeError::PriorityNotAnswered { item }
            | ShareCodeError::DuplicatePriority { item }
            | ShareCodeError::UnknownItem { item }
            | ShareCodeError::DuplicateAnswer { item } => vec![("item", item.clone())],
            ShareCodeError::TooManyPriorities { count } => vec![
                ("count", count.to_string()),
                ("max", MAX_SHARED_PRIORITIES.to_string()),
            ],
            ShareCodeError::AnswerDoesNotFit { item, answer } => {
                vec![("item", item.clone()), ("answer", answer.clone())]
            }
            ShareCodeError::PlaceHashOutOfRange { hash } => vec![("hash", hash.to_string())],
            ShareCodeError::UnknownDepartement { code } => vec![("code", code.clone())],
            ShareCodeError::InvalidDate { text } | ShareCodeError::DateOutOfRange { text } => {
                vec![("date", text.clone())]
            }
            ShareCodeError::Empty
            | ShareCodeError::Checksum
            | ShareCodeError::Overflow
            | ShareCodeError::PriorityGap => Vec::new(),
        }
    }
}

impl fmt::Display for ShareCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareCodeError::Empty => write!(f, "The code is empty."),
            ShareCodeError::TooLong { max_bytes } => {
                write!(f, "The text is too long to be a code (over {max_bytes} bytes).")
            }
            ShareCodeError::InvalidCharacter {
                position,
                character,
            } => write!(f, "Character {character:?} at position {position} is not used in codes."),
            ShareCodeError::ConfusableCharacter {
                position,
                character,
            } => write!(
                f,
                "Character {character:?} at position {position}: codes have no 0, O, 1, I or L; check the paper."
            ),
            ShareCodeError::UnknownVersion { version } => {
                write!(f, "This code comes from another version of the tool (version {version}).")
            }
            ShareCodeError::WrongLength { expected, found } => {
                write!(f, "A code has {expected} letters and digits; this one has {found}.")
            }
            ShareCodeError::Checksum => write!(f, "The code has a typo: check each character."),
            ShareCodeError::Overflow => write!(f, "The code is damaged: its answers do not fit."),
            ShareCodeError::PriorityGap => write!(f, "The code is damaged: its priorities have a gap."),
            ShareCodeError::PriorityNotAnswered { item } => {
                write!(f, "Priority {item} is not an answered item.")
            }
            ShareCodeError::DuplicatePriority { item } => write!(f, "Priority {item} is given twice."),
            ShareCodeError::TooManyPriorities { count } => write!(
                f,
                "{count} priorities given; a code holds at most {MAX_SHARED_PRIORITIES}."
            ),
            ShareCodeError::UnknownItem { item } => {
                write!(f, "Item {item} cannot be written in a code of this version.")
            }
            ShareCodeError::DuplicateAnswer { item } => write!(f, "Item {item} is answered twice."),
            ShareCodeError::AnswerDoesNotFit { item, answer } => {
                write!(f, "Answer {answer} is not one item {item} offers.")
            }
            ShareCodeError::PlaceHashOutOfRange { hash } => {
                write!(f, "Place hash {hash} does not fit in 24 bits.")
            }
            ShareCodeError::UnknownDepartement { code } => {
                write!(f, "{code:?} is not a département a code can carry.")
            }
            ShareCodeError::InvalidDate { text } => {
                write!(f, "{text:?} is not a date written YYYY-MM-DD.")
            }
            ShareCodeError::DateOutOfRange { text } => {
                write!(f, "Date {text} is not between 2025-01-01 and 2204-06-07.")
            }
        }
    }
}

impl std::error::Error for ShareCodeError {}

/// 24-bit hash of a place id: 32-bit FNV-1a, xor-folded to 24 bits as FNV's authors
/// advise. Stable forever: it is printed in codes.
pub fn place_hash(id: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in id.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    (hash >> 24) ^ (hash & PLACE_HASH_MAX)
}

/// Encodes a payload in its version: version 2 (what [`SharePayload::from_session`] makes)
/// gives 47 symbols in groups of 4, 58 characters. Version 1 is still written the same as
/// always, so tests can check that the frozen format never moves.
///
/// Errors: an unknown version, an item missing from the version's table, an item answered
/// twice, an answer the item does not offer, more than 3 priorities, a priority that is
/// not answered or is repeated, a place hash over 24 bits, a département the version cannot
/// carry.
pub fn encode(payload: &SharePayload) -> Result<String, ShareCodeError> {
    let format = Format::of(payload.version).ok_or(ShareCodeError::UnknownVersion {
        version: payload.version,
    })?;
    let mut digits = vec![0u32; format.table.len()];
    for given in &payload.answers {
        let index = format
            .table
            .iter()
            .position(|e| e.id == given.item)
            .ok_or_else(|| ShareCodeError::UnknownItem {
                item: given.item.clone(),
            })?;
        if digits[index] != 0 {
            return Err(ShareCodeError::DuplicateAnswer {
                item: given.item.clone(),
            });
        }
        digits[index] = format.table[index].digit_of(given.answer).ok_or_else(|| {
            ShareCodeError::AnswerDoesNotFit {
                item: given.item.clone(),
                answer: given.answer.code(),
            }
        })?;
    }
    if payload.priorities.len() > MAX_SHARED_PRIORITIES {
        return Err(ShareCodeError::TooManyPriorities {
            count: payload.priorities.len(),
        });
    }
    let mut tail = Vec::new();
    for n in 0..MAX_SHARED_PRIORITIES {
        let Some(id) = payload.priorities.get(n) else {
            tail.push(0);
            continue;
        };
        if payload.priorities[..n].contains(id) {
            return Err(ShareCodeError::DuplicatePriority { item: id.clone() });
        }
        let answered = |id: &str| {
            format
                .table
                .iter()
                .position(|e| e.id == id)
                .is_some_and(|i| digits[i] != 0)
        };
        match format.priority_index(id) {
            Some(index) if !format.must_be_answered(id) || answered(id) => {
                tail.push(index as u32 + 1)
            }
            _ => return Err(ShareCodeError::PriorityNotAnswered { item: id.clone() }),
        }
    }
    match &payload.departement {
        None if format.departement => tail.push(0),
        None => {}
        Some(code) if !format.departement => {
            return Err(ShareCodeError::UnknownDepartement { code: code.clone() })
        }
        Some(code) => tail.push(
            DEPARTEMENTS
                .iter()
                .position(|d| d == code)
                .map(|i| i as u32 + 1)
                .ok_or_else(|| ShareCodeError::UnknownDepartement { code: code.clone() })?,
        ),
    }
    tail.push(match payload.place_hash {
        None => 0,
        Some(hash) if hash <= PLACE_HASH_MAX => hash + 1,
        Some(hash) => return Err(ShareCodeError::PlaceHashOutOfRange { hash }),
    });
    tail.push(u32::from(payload.day));

    let mut body = Big::default();
    let fields = format
        .table
        .iter()
        .map(TableEntry::radix)
        .zip(digits)
        .chain(format.tail_radices().into_iter().zip(tail));
    for (radix, digit) in fields {
        if !body.mul_add(radix, digit) {
            return Err(ShareCodeError::Overflow);
        }
    }
    code_from_body(format, body)
}

/// Writes the version and `d · 2^32 + check` as grouped symbols.
fn code_from_body(format: &Format, d: Big) -> Result<String, ShareCodeError> {
    let mut body = d;
    // The check takes the low 32 bits.
    if !body.shl32() {
        return Err(ShareCodeError::Overflow);
    }
    let rest = (u64::from(format.version) * version_weight(format)
        + u64::from(body.clone_rem(CHECK_PRIME as u32)))
        % CHECK_PRIME;
    let check = (CHECK_PRIME - rest) % CHECK_PRIME;
    if !body.mul_add(1, check as u32) {
        return Err(ShareCodeError::Overflow);
    }
    symbols_of(format, body)
}

/// `31^(n-1) mod Q`: what the version symbol weighs in the check.
fn version_weight(format: &Format) -> u64 {
    pow_mod(
        ALPHABET.len() as u64,
        (format.symbols - 1) as u64,
        CHECK_PRIME,
    )
}

/// Writes the version symbol then the body symbols, in groups.
fn symbols_of(format: &Format, mut body: Big) -> Result<String, ShareCodeError> {
    let mut values = vec![0u8; format.symbols];
    values[0] = format.version;
    for value in values[1..].iter_mut().rev() {
        *value = body.div_rem(ALPHABET.len() as u32) as u8;
    }
    if !body.is_zero() {
        return Err(ShareCodeError::Overflow);
    }
    let mut text = String::with_capacity(MAX_CODE_CHARS);
    for (n, &value) in values.iter().enumerate() {
        if n > 0 && n % GROUP == 0 {
            text.push('-');
        }
        let symbol = ALPHABET
            .get(usize::from(value))
            .ok_or(ShareCodeError::Overflow)?;
        text.push(char::from(*symbol));
    }
    Ok(text)
}

/// Decodes a code of any version. Accepts lowercase, spaces and dashes (also typographic
/// dashes and non-breaking spaces) anywhere. Rejects 0, O, 1, I and L rather than guessing
/// what they stood for. Returns answers in table order.
pub fn decode(text: &str) -> Result<SharePayload, ShareCodeError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ShareCodeError::TooLong {
            max_bytes: MAX_INPUT_BYTES,
        });
    }
    let mut values: Vec<u8> = Vec::with_capacity(V2_SYMBOLS);
    for (n, character) in text.chars().enumerate() {
        if is_separator(character) {
            continue;
        }
        match symbol_value(character) {
            Some(value) => values.push(value),
            None if CONFUSABLE.contains(character) => {
                return Err(ShareCodeError::ConfusableCharacter {
                    position: n + 1,
                    character,
                })
            }
            None => {
                return Err(ShareCodeError::InvalidCharacter {
                    position: n + 1,
                    character,
                })
            }
        }
    }
    let Some(&version) = values.first() else {
        return Err(ShareCodeError::Empty);
    };
    // The version comes before the length: each version has its own.
    let format = Format::of(version).ok_or(ShareCodeError::UnknownVersion { version })?;
    if values.len() != format.symbols {
        return Err(ShareCodeError::WrongLength {
            expected: format.symbols,
            found: values.len(),
        });
    }
    let remainder = values
        .iter()
        .fold(0u64, |acc, &v| (acc * 31 + u64::from(v)) % CHECK_PRIME);
    if remainder != 0 {
        return Err(ShareCodeError::Checksum);
    }
    let mut body = Big::default();
    for &value in &values[1..] {
        if !body.mul_add(ALPHABET.len() as u32, u32::from(value)) {
            return Err(ShareCodeError::Overflow);
        }
    }
    // Only checks below Q are written, so every payload has exactly one code.
    if u64::from(body.shr32()) >= CHECK_PRIME {
        return Err(ShareCodeError::Checksum);
    }
    payload_from_body(format, body)
}

/// Reads the mixed-radix fields of `d`, least significant first.
fn payload_from_body(format: &Format, mut d: Big) -> Result<SharePayload, ShareCodeError> {
    let day = u16::try_from(d.div_rem(DAY_RADIX)).map_err(|_| ShareCodeError::Overflow)?;
    let place_hash = d.div_rem(PLACE_RADIX).checked_sub(1);
    let departement = if format.departement {
        match d.div_rem(DEPARTEMENT_RADIX).checked_sub(1) {
            None => None,
            Some(index) => Some(
                DEPARTEMENTS
                    .get(index as usize)
                    .ok_or(ShareCodeError::Overflow)?
                    .to_string(),
            ),
        }
    } else {
        None
    };
    let mut priority_digits = [0u32; MAX_SHARED_PRIORITIES];
    for slot in priority_digits.iter_mut().rev() {
        *slot = d.div_rem(format.priority_radix());
    }
    let mut digits = vec![0u32; format.table.len()];
    for (slot, entry) in digits.iter_mut().zip(format.table).rev() {
        *slot = d.div_rem(entry.radix());
    }
    if !d.is_zero() {
        return Err(ShareCodeError::Overflow);
    }

    let mut answers = Vec::new();
    for (entry, &digit) in format.table.iter().zip(&digits) {
        if digit == 0 {
            continue;
        }
        let answer = entry.answer_of(digit).ok_or(ShareCodeError::Overflow)?;
        answers.push(GivenAnswer {
            item: entry.id.to_string(),
            answer,
        });
    }
    let mut priorities: Vec<String> = Vec::new();
    for (n, &digit) in priority_digits.iter().enumerate() {
        if digit == 0 {
            if priority_digits[n..].iter().any(|&d| d != 0) {
                return Err(ShareCodeError::PriorityGap);
            }
            break;
        }
        let id = format
            .priority_id(digit as usize - 1)
            .ok_or(ShareCodeError::Overflow)?
            .to_string();
        if format.must_be_answered(&id) && !answers.iter().any(|a| a.item == id) {
            return Err(ShareCodeError::PriorityNotAnswered { item: id });
        }
        if priorities.contains(&id) {
            return Err(ShareCodeError::DuplicatePriority { item: id });
        }
        priorities.push(id);
    }
    Ok(SharePayload {
        version: format.version,
        answers,
        priorities,
        place_hash,
        departement,
        day,
    })
}

fn is_separator(c: char) -> bool {
    c == '-' || c.is_whitespace() || ('\u{2010}'..='\u{2015}').contains(&c) || c == '\u{2212}'
}

fn symbol_value(c: char) -> Option<u8> {
    let upper = u8::try_from(c.to_ascii_uppercase()).ok()?;
    ALPHABET
        .iter()
        .position(|&s| s == upper)
        .and_then(|v| u8::try_from(v).ok())
}

/// `base^exp mod modulus` for a modulus under 2^32 (so products fit in u64).
fn pow_mod(base: u64, mut exp: u64, modulus: u64) -> u64 {
    let mut result = 1 % modulus;
    let mut base = base % modulus;
    while exp > 0 {
        if exp & 1 == 1 {
            result = result * base % modulus;
        }
        base = base * base % modulus;
        exp >>= 1;
    }
    result
}

/// Day 0 of the share code calendar, as days since 1970-01-01.
const EPOCH_2025: i64 = 20_089;

/// Days since 2025-01-01 of a `YYYY-MM-DD` date; 2025-01-01 to 2204-06-07 fit.
pub fn day_from_iso(text: &str) -> Result<u16, ShareCodeError> {
    let invalid = || ShareCodeError::InvalidDate {
        text: text.chars().take(32).collect(),
    };
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return Err(invalid());
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = bytes.get(range)?;
        part.iter().try_fold(0i64, |acc, &b| {
            b.is_ascii_digit().then(|| acc * 10 + i64::from(b - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return Err(invalid());
    };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return Err(invalid());
    }
    u16::try_from(days_from_civil(year, month, day) - EPOCH_2025).map_err(|_| {
        ShareCodeError::DateOutOfRange {
            text: text.to_string(),
        }
    })
}

/// The `YYYY-MM-DD` date of a day number.
pub fn day_to_iso(day: u16) -> String {
    let (year, month, day) = civil_from_days(EPOCH_2025 + i64::from(day));
    format!("{year:04}-{month:02}-{day:02}")
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::big::LIMBS;
    use super::*;
    use crate::answer::Answer;

    /// A code with a valid check around any body value, to reach the checks after it.
    fn forge(format: &Format, d: Big) -> String {
        code_from_body(format, d).unwrap_or_default()
    }

    /// The mixed-radix number of raw digits, most significant first.
    fn body_of(format: &Format, answer_digits: &[u32], tail: &[u32]) -> Big {
        let mut d = Big::default();
        let fields = format
            .table
            .iter()
            .map(TableEntry::radix)
            .zip(answer_digits.iter().copied())
            .chain(format.tail_radices().into_iter().zip(tail.iter().copied()));
        for (radix, digit) in fields {
            assert!(d.mul_add(radix, digit));
        }
        d
    }

    #[test]
    fn check_modulus_is_prime_and_above_the_alphabet() {
        let p = CHECK_PRIME;
        assert!(p > 31 && p < 1 << 32);
        assert!((2..=65_536u64).all(|f| !p.is_multiple_of(f)));
    }

    /// (product of every radix) · 2^32 must fit in the version's symbols, and need all of
    /// them (a code one symbol shorter could not hold every payload).
    #[test]
    fn the_largest_body_fits_exactly_in_each_version() {
        let as_be = |b: &Big| b.0.iter().rev().copied().collect::<Vec<u32>>();
        for format in [&V1, &V2] {
            let mut capacity = Big::default();
            assert!(capacity.mul_add(1, 1));
            let radices = format
                .table
                .iter()
                .map(TableEntry::radix)
                .chain(format.tail_radices())
                .chain([1 << 16, 1 << 16]);
            for radix in radices {
                assert!(capacity.mul_add(radix, 0));
            }
            let limit = |symbols: usize| {
                let mut limit = Big::default();
                assert!(limit.mul_add(1, 1));
                for _ in 0..symbols - 1 {
                    assert!(limit.mul_add(31, 0));
                }
                limit
            };
            assert!(
                as_be(&capacity) <= as_be(&limit(format.symbols)),
                "v{}",
                format.version
            );
            assert!(
                as_be(&capacity) > as_be(&limit(format.symbols - 1)),
                "v{}",
                format.version
            );
        }
        assert_eq!(MAX_CODE_CHARS, 58);
    }

    #[test]
    fn big_arithmetic_round_trips() {
        let mut n = Big::default();
        for v in [7u32, 0, 30, 12, 1, 29] {
            assert!(n.mul_add(31, v));
        }
        let mut out = Vec::new();
        for _ in 0..6 {
            out.push(n.div_rem(31));
        }
        assert_eq!(out, [29, 1, 12, 30, 0, 7]);
        assert!(n.is_zero());
        let mut max = Big([u32::MAX; LIMBS]);
        assert!(!max.mul_add(2, 0));
        let mut five = Big::default();
        assert!(five.mul_add(1, 5));
        assert_eq!(five.clone_rem(0), 0);
    }

    #[test]
    fn a_number_beyond_the_table_is_an_overflow() {
        for format in [&V1, &V2] {
            // Every digit at its largest: the largest number the table holds.
            let digits: Vec<u32> = format.table.iter().map(|e| e.radix() - 1).collect();
            let tail: Vec<u32> = format.tail_radices().iter().map(|r| r - 1).collect();
            let top = body_of(format, &digits, &tail);
            assert!(decode(&forge(format, top)).is_err());
            let mut beyond = top;
            assert!(beyond.mul_add(1, 1));
            assert_eq!(
                decode(&forge(format, beyond)),
                Err(ShareCodeError::Overflow)
            );
        }
    }

    #[test]
    fn malformed_priorities_are_reported() {
        // Version 2: sit.reading answered; dev.touch (priority 1) not answered.
        let mut digits = vec![0u32; V2_TABLE.len()];
        digits[0] = 1;
        let need_device = V2_PRIORITIES
            .iter()
            .position(|p| *p == "need.device")
            .expect("need.device") as u32
            + 1;
        let code = |priorities: [u32; 3]| {
            forge(
                &V2,
                body_of(
                    &V2,
                    &digits,
                    &[priorities[0], priorities[1], priorities[2], 0, 0, 0],
                ),
            )
        };
        assert!(decode(&code([need_device, 0, 0])).is_ok());
        assert_eq!(
            decode(&code([0, need_device, 0])),
            Err(ShareCodeError::PriorityGap)
        );
        assert_eq!(
            decode(&code([1, 0, 0])),
            Err(ShareCodeError::PriorityNotAnswered {
                item: "dev.touch".into()
            })
        );
        assert_eq!(
            decode(&code([need_device, need_device, 0])),
            Err(ShareCodeError::DuplicatePriority {
                item: "need.device".into()
            })
        );
    }

    #[test]
    fn a_non_canonical_check_value_is_rejected() {
        // 2^32 ≡ 5 (mod Q): pick d so that v·31^(n-1) + 5·d ≡ 0, whose check is 0. Then
        // check Q passes the modulus too, and must still be refused.
        let inverse_of_5 = pow_mod(5, CHECK_PRIME - 2, CHECK_PRIME);
        let target =
            (CHECK_PRIME - u64::from(VERSION_2) * version_weight(&V2) % CHECK_PRIME) % CHECK_PRIME;
        let small = target * inverse_of_5 % CHECK_PRIME;
        let mut d = Big::default();
        assert!(d.mul_add(1, small as u32));
        let canonical = forge(&V2, d);
        assert!(decode(&canonical).is_ok());
        let mut twin = d;
        assert!(twin.shl32() && twin.mul_add(1, CHECK_PRIME as u32));
        let twin = symbols_of(&V2, twin).unwrap_or_default();
        assert_ne!(twin, canonical);
        assert_eq!(decode(&twin), Err(ShareCodeError::Checksum));
    }

    #[test]
    fn shifts_by_32_bits_are_inverse() {
        let mut n = Big([1, 2, 3, 4, 5, 6, 7, 0]);
        assert!(n.shl32());
        assert_eq!(n, Big([0, 1, 2, 3, 4, 5, 6, 7]));
        let mut full = n;
        assert!(!full.shl32());
        assert_eq!(n.shr32(), 0);
        assert_eq!(n.shr32(), 1);
        assert_eq!(n, Big([2, 3, 4, 5, 6, 7, 0, 0]));
        assert_eq!(pow_mod(3, 4, 1000), 81);
    }

    #[test]
    fn digits_and_answers_are_inverse() {
        for entry in V1_TABLE.iter().chain(&V2_TABLE) {
            for (n, answer) in entry.answers.iter().enumerate() {
                assert_eq!(entry.digit_of(*answer), Some(n as u32 + 1));
            }
            assert_eq!(entry.answer_of(0), None);
            assert_eq!(entry.answer_of(entry.radix()), None);
        }
        // Every answer a bank v2 item offers has a digit; nothing else does.
        let bank = crate::bank::Bank::builtin();
        assert_eq!(bank.items.len(), V2_TABLE.len());
        for (item, entry) in bank.items.iter().zip(&V2_TABLE) {
            assert_eq!(item.id, entry.id);
            assert_eq!(Answer::choices_for(item), entry.answers, "{}", item.id);
        }
    }

    #[test]
    fn departements_come_from_postal_codes() {
        assert_eq!(departement_of("69100"), Some("69"));
        assert_eq!(departement_of("01000"), Some("01"));
        assert_eq!(departement_of("20000"), Some("2A"));
        assert_eq!(departement_of("20167"), Some("2A"));
        assert_eq!(departement_of("20200"), Some("2B"));
        assert_eq!(departement_of("20600"), Some("2B"));
        assert_eq!(departement_of("97400"), Some("974"));
        assert_eq!(departement_of("97600"), Some("976"));
        assert_eq!(departement_of("98000"), None);
        assert_eq!(departement_of("00100"), None);
        assert_eq!(departement_of("6910"), None);
        assert_eq!(departement_of(""), None);
        assert_eq!(DEPARTEMENTS.len(), 102);
    }
}
