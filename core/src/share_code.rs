//! Share codes: a short printed code that carries a person's answers to a mediator's
//! device, with no server.
//!
//! # API
//!
//! - [`encode`] turns a [`SharePayload`] into a code such as
//!   `3635-BMC5-5HB6-JUMX-X54P-7U6B-DG3V-GGBF-8A5` (always 43 characters: 35 symbols in
//!   groups of 4).
//! - [`decode`] reads a code typed, pasted or scanned back into a [`SharePayload`]. It never
//!   panics and reports every problem as a [`ShareCodeError`], which has an English
//!   `Display` and an i18n [`key`](ShareCodeError::key) with [`args`](ShareCodeError::args)
//!   for the placeholders.
//! - [`SharePayload::from_session`] builds the payload of a session;
//!   [`SharePayload::retain_known`] drops, after decoding, the answers the current bank no
//!   longer has; [`place_hash`] and [`SharePayload::matches_place`] find the chosen place.
//! - [`day_from_iso`] / [`day_to_iso`] convert dates to and from the day number stored.
//!
//! # Format, version 1
//!
//! Symbols come from [`ALPHABET`] (`23456789ABCDEFGHJKMNPQRSTUVWXYZ`, 31 symbols: no 0, O, 1,
//! I or L). A v1 code is exactly [`V1_SYMBOLS`] symbols, read as one base-31 number `T`,
//! most significant first:
//!
//! ```text
//! T = version · 31^34 + body            (the first symbol is the version: '3' for v1;
//!                                        values 0 and 2..=30 are refused as unknown)
//! body = D · 2^32 + check               (body < 31^34)
//! D = mixed-radix number, most significant first:
//!     35 answer digits, one per V1_TABLE entry, in table order
//!         possession: radix 4  (0 unanswered, 1 yes, 2 no, 3 unsure)
//!         rating:     radix 5  (0 unanswered, 1 alone, 2 help, 3 notyet, 4 unsure)
//!         task of n options: radix n + 2 (0 unanswered, 1..=n choice-0..choice-(n-1), n+1 unsure)
//!     3 priority digits, radix 36 (0 none, k = V1_TABLE[k - 1]); the nones come last
//!     place digit, radix 2^24 + 1 (0 none, h + 1 = 24-bit place hash h)
//!     day digit, radix 2^16 (days since 2025-01-01)
//! check = the value in 0..Q that makes T a multiple of Q = 4_294_967_291 (2^32 - 5, prime)
//! ```
//!
//! `D` needs at most 134.73 bits and `body` at most 166.73 bits, under 31^34 (168.44 bits), so
//! every payload gives exactly 35 symbols: 43 characters with the separators.
//!
//! Why this check rather than a CRC: the code is typed by people, so the errors to catch
//! are a wrong symbol and two swapped neighbours (a skipped or doubled symbol changes the
//! length, which is fixed). Changing one symbol changes `T` by
//! `k · 31^i` with `0 < |k| < 31`, and swapping neighbours by `(a - b) · 30 · 31^i`; neither can
//! be a multiple of a prime above 31, so both errors are *always* detected (the ISO 7064
//! idea used by IBANs). A CRC over the packed bits gives no such guarantee once bits are
//! re-cut into base-31 symbols. Any other damage passes with probability 1/Q, about 2^-32;
//! a 16-bit check (1/65536) is weak for codes typed by hand, and 32 bits still fit in
//! 48 characters.
//!
//! Table order is frozen: items are identified by their position in [`V1_TABLE`], not by the
//! current bank. When the bank gains, loses or changes items, add a `V2_TABLE` and keep this
//! one for decoding old codes; callers drop answers to items the bank no longer has.

use std::fmt;

use crate::answer::Answer;
use crate::bank::{Bank, ItemKind};
use crate::session::{GivenAnswer, Session};

/// Symbols in value order. Easy to read aloud and to type: no 0/O nor 1/I/L.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// Characters a person may type for a symbol that does not exist. They are reported, not
/// guessed: what was printed as a D or a Q may be read as 0 or O, a 7 or a J as 1 or l.
pub const CONFUSABLE: &str = "0Oo1IiLl";

/// The version written by [`encode`].
pub const VERSION_1: u8 = 1;

/// Symbols in a v1 code, version symbol included.
pub const V1_SYMBOLS: usize = 35;

/// Symbols per group in the printed form.
pub const GROUP: usize = 4;

/// Longest printed code any version may produce, separators included.
pub const MAX_CODE_CHARS: usize = 48;

/// Longer input is rejected before any work (a code with generous spacing is under 100).
pub const MAX_INPUT_BYTES: usize = 256;

/// Most priorities a code carries.
pub const MAX_SHARED_PRIORITIES: usize = 3;

/// Modulus of the check: the largest prime below 2^32.
const CHECK_PRIME: u64 = 4_294_967_291;

/// Mixed-radix sizes of the fields after the answers.
const PRIORITY_RADIX: u32 = V1_TABLE.len() as u32 + 1;
const PLACE_RADIX: u32 = (1 << 24) + 1;
const DAY_RADIX: u32 = 1 << 16;

/// Largest 24-bit place hash.
pub const PLACE_HASH_MAX: u32 = (1 << 24) - 1;

/// One item of a frozen table: the id and what answers it had when the table was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableEntry {
    pub id: &'static str,
    pub kind: ItemKind,
    /// Number of options of a task; 0 for the other kinds.
    pub options: u8,
}

const fn possession(id: &'static str) -> TableEntry {
    TableEntry {
        id,
        kind: ItemKind::Possession,
        options: 0,
    }
}

const fn rating(id: &'static str) -> TableEntry {
    TableEntry {
        id,
        kind: ItemKind::Rating,
        options: 0,
    }
}

const fn task(id: &'static str, options: u8) -> TableEntry {
    TableEntry {
        id,
        kind: ItemKind::Task,
        options,
    }
}

/// The items of content/bank.json version 1, in its order. FROZEN: codes already printed
/// depend on every entry, its position, kind and option count. Never edit; add a new table.
pub const V1_TABLE: [TableEntry; 35] = [
    possession("eq.smartphone"),
    possession("eq.computer"),
    possession("eq.internet_home"),
    possession("eq.internet_use"),
    possession("eq.email"),
    possession("eq.online_account"),
    rating("dev.switch_on"),
    rating("dev.touch"),
    rating("dev.mouse_keyboard"),
    rating("dev.install_app"),
    task("dev.task_back", 4),
    rating("info.search"),
    rating("info.website"),
    rating("info.reliable"),
    task("info.task_safe_url", 3),
    rating("com.email_send"),
    rating("com.email_attachment"),
    task("com.task_attachment_icon", 4),
    rating("com.messaging"),
    rating("com.video_call"),
    rating("adm.create_account"),
    rating("adm.login"),
    rating("adm.form"),
    task("adm.task_required_field", 3),
    rating("adm.scan_send"),
    rating("adm.download_certificate"),
    rating("sec.password"),
    task("sec.task_password", 3),
    rating("sec.scam"),
    task("sec.task_sms", 2),
    rating("sec.personal_data"),
    possession("job.gate"),
    rating("job.search_offers"),
    rating("job.apply"),
    rating("job.cv"),
];

impl TableEntry {
    /// Number of digit values: "unanswered" plus each answer the item offered.
    pub const fn radix(&self) -> u32 {
        match self.kind {
            ItemKind::Possession => 4,
            ItemKind::Rating => 5,
            ItemKind::Task => self.options as u32 + 2,
        }
    }

    /// Every answer the item offered, in digit order (digit = position + 1).
    pub fn answers(&self) -> Vec<Answer> {
        (1..self.radix())
            .filter_map(|digit| self.answer_of(digit))
            .collect()
    }

    fn digit_of(&self, answer: Answer) -> Option<u32> {
        let digit = match (self.kind, answer) {
            (ItemKind::Possession, Answer::Yes) => 1,
            (ItemKind::Possession, Answer::No) => 2,
            (ItemKind::Possession, Answer::Unsure) => 3,
            (ItemKind::Rating, Answer::Alone) => 1,
            (ItemKind::Rating, Answer::WithHelp) => 2,
            (ItemKind::Rating, Answer::NotYet) => 3,
            (ItemKind::Rating, Answer::Unsure) => 4,
            (ItemKind::Task, Answer::Choice(index)) if index < self.options => u32::from(index) + 1,
            (ItemKind::Task, Answer::Unsure) => u32::from(self.options) + 1,
            _ => return None,
        };
        Some(digit)
    }

    /// The answer of a non-zero digit (zero is "unanswered").
    fn answer_of(&self, digit: u32) -> Option<Answer> {
        match (self.kind, digit) {
            (ItemKind::Possession, 1) => Some(Answer::Yes),
            (ItemKind::Possession, 2) => Some(Answer::No),
            (ItemKind::Possession, 3) => Some(Answer::Unsure),
            (ItemKind::Rating, 1) => Some(Answer::Alone),
            (ItemKind::Rating, 2) => Some(Answer::WithHelp),
            (ItemKind::Rating, 3) => Some(Answer::NotYet),
            (ItemKind::Rating, 4) => Some(Answer::Unsure),
            (ItemKind::Task, d) if d >= 1 && d <= u32::from(self.options) => {
                u8::try_from(d - 1).ok().map(Answer::Choice)
            }
            (ItemKind::Task, d) if d == u32::from(self.options) + 1 => Some(Answer::Unsure),
            _ => None,
        }
    }
}

/// Position of an item in the v1 table.
pub fn v1_index(item_id: &str) -> Option<usize> {
    V1_TABLE.iter().position(|entry| entry.id == item_id)
}

/// What a code carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharePayload {
    /// Format version; [`decode`] sets it, [`encode`] only writes [`VERSION_1`].
    pub version: u8,
    /// Answered items. [`decode`] returns them in table order; [`encode`] takes any order.
    pub answers: Vec<GivenAnswer>,
    /// Up to [`MAX_SHARED_PRIORITIES`] answered item ids, in the person's order.
    pub priorities: Vec<String>,
    /// [`place_hash`] of the chosen place's id.
    pub place_hash: Option<u32>,
    /// Assessment date, in days since 2025-01-01 (see [`day_to_iso`]).
    pub day: u16,
}

impl SharePayload {
    /// An empty v1 payload for a day.
    pub fn new(day: u16) -> SharePayload {
        SharePayload {
            version: VERSION_1,
            answers: Vec::new(),
            priorities: Vec::new(),
            place_hash: None,
            day,
        }
    }

    /// The payload of a session: its answers (sorted in table order), priorities, start
    /// date and chosen place. Fails only on a start date that is not `YYYY-MM-DD` from
    /// 2025-01-01; answers that cannot be written are reported by [`encode`].
    pub fn from_session(session: &Session) -> Result<SharePayload, ShareCodeError> {
        let mut answers = session.answers.clone();
        // Stable, so unknown ids keep their order at the end for encode to report.
        crate::small_sort::sort_by_key(&mut answers, |given| {
            v1_index(&given.item).unwrap_or(usize::MAX)
        });
        Ok(SharePayload {
            version: VERSION_1,
            answers,
            priorities: session.priorities.clone(),
            place_hash: session
                .chosen_place
                .as_ref()
                .map(|place| place_hash(&place.id)),
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

    /// Keeps the answers the bank still offers and the priorities among them; returns the
    /// answers dropped (item gone, or answer no longer offered), for the caller to report.
    pub fn retain_known(&mut self, bank: &Bank) -> Vec<GivenAnswer> {
        let (kept, dropped): (Vec<GivenAnswer>, Vec<GivenAnswer>) =
            std::mem::take(&mut self.answers)
                .into_iter()
                .partition(|given| {
                    bank.item(&given.item)
                        .is_some_and(|item| given.answer.fits(item))
                });
        self.answers = kept;
        let answers = &self.answers;
        self.priorities
            .retain(|id| answers.iter().any(|given| &given.item == id));
        dropped
    }
}

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

/// Encodes a payload as a v1 code: 35 symbols in groups of 4, 43 characters.
///
/// Errors: a version other than 1, an item missing from [`V1_TABLE`], an item answered
/// twice, an answer the item does not offer, more than 3 priorities, a priority that is
/// not answered or is repeated, a place hash over 24 bits.
pub fn encode(payload: &SharePayload) -> Result<String, ShareCodeError> {
    if payload.version != VERSION_1 {
        return Err(ShareCodeError::UnknownVersion {
            version: payload.version,
        });
    }
    let mut digits = [0u32; V1_TABLE.len()];
    for given in &payload.answers {
        let index = v1_index(&given.item).ok_or_else(|| ShareCodeError::UnknownItem {
            item: given.item.clone(),
        })?;
        let (Some(entry), Some(slot)) = (V1_TABLE.get(index), digits.get_mut(index)) else {
            return Err(ShareCodeError::UnknownItem {
                item: given.item.clone(),
            });
        };
        if *slot != 0 {
            return Err(ShareCodeError::DuplicateAnswer {
                item: given.item.clone(),
            });
        }
        *slot = entry
            .digit_of(given.answer)
            .ok_or_else(|| ShareCodeError::AnswerDoesNotFit {
                item: given.item.clone(),
                answer: given.answer.code(),
            })?;
    }
    if payload.priorities.len() > MAX_SHARED_PRIORITIES {
        return Err(ShareCodeError::TooManyPriorities {
            count: payload.priorities.len(),
        });
    }
    let mut priority_digits = [0u32; MAX_SHARED_PRIORITIES];
    for (n, id) in payload.priorities.iter().enumerate() {
        if payload.priorities[..n].contains(id) {
            return Err(ShareCodeError::DuplicatePriority { item: id.clone() });
        }
        let answered = v1_index(id).filter(|&i| digits.get(i).is_some_and(|&d| d != 0));
        let (Some(index), Some(slot)) = (answered, priority_digits.get_mut(n)) else {
            return Err(ShareCodeError::PriorityNotAnswered { item: id.clone() });
        };
        *slot = index as u32 + 1;
    }
    let place_digit = match payload.place_hash {
        None => 0,
        Some(hash) if hash <= PLACE_HASH_MAX => hash + 1,
        Some(hash) => return Err(ShareCodeError::PlaceHashOutOfRange { hash }),
    };

    let mut body = Big::default();
    let fields = V1_TABLE
        .iter()
        .map(TableEntry::radix)
        .zip(digits)
        .chain(priority_digits.map(|d| (PRIORITY_RADIX, d)))
        .chain([
            (PLACE_RADIX, place_digit),
            (DAY_RADIX, u32::from(payload.day)),
        ]);
    for (radix, digit) in fields {
        if !body.mul_add(radix, digit) {
            return Err(ShareCodeError::Overflow);
        }
    }
    code_from_body(VERSION_1, body)
}

/// Writes the version and `d · 2^32 + check` as grouped symbols.
fn code_from_body(version: u8, d: Big) -> Result<String, ShareCodeError> {
    let mut body = d;
    // The check takes the low 32 bits.
    if !body.shl32() {
        return Err(ShareCodeError::Overflow);
    }
    let rest = (u64::from(version) * version_weight()
        + u64::from(body.clone_rem(CHECK_PRIME as u32)))
        % CHECK_PRIME;
    let check = (CHECK_PRIME - rest) % CHECK_PRIME;
    if !body.mul_add(1, check as u32) {
        return Err(ShareCodeError::Overflow);
    }
    symbols_of(version, body)
}

/// `31^34 mod Q`: what the version symbol weighs in the check.
fn version_weight() -> u64 {
    pow_mod(ALPHABET.len() as u64, (V1_SYMBOLS - 1) as u64, CHECK_PRIME)
}

/// Writes the version symbol then the 34 body symbols, in groups.
fn symbols_of(version: u8, mut body: Big) -> Result<String, ShareCodeError> {
    let mut values = [0u8; V1_SYMBOLS];
    values[0] = version;
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

/// Decodes a code. Accepts lowercase, spaces and dashes (also typographic dashes and
/// non-breaking spaces) anywhere. Rejects 0, O, 1, I and L rather than guessing what they
/// stood for. Returns answers in table order.
pub fn decode(text: &str) -> Result<SharePayload, ShareCodeError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ShareCodeError::TooLong {
            max_bytes: MAX_INPUT_BYTES,
        });
    }
    let mut values: Vec<u8> = Vec::with_capacity(V1_SYMBOLS);
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
    // The version comes before the length: a future version may be longer or shorter.
    if version != VERSION_1 {
        return Err(ShareCodeError::UnknownVersion { version });
    }
    if values.len() != V1_SYMBOLS {
        return Err(ShareCodeError::WrongLength {
            expected: V1_SYMBOLS,
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
    payload_from_body(version, body)
}

/// Reads the mixed-radix fields of `d`, least significant first.
fn payload_from_body(version: u8, mut d: Big) -> Result<SharePayload, ShareCodeError> {
    let day = u16::try_from(d.div_rem(DAY_RADIX)).map_err(|_| ShareCodeError::Overflow)?;
    let place_hash = d.div_rem(PLACE_RADIX).checked_sub(1);
    let mut priority_digits = [0u32; MAX_SHARED_PRIORITIES];
    for slot in priority_digits.iter_mut().rev() {
        *slot = d.div_rem(PRIORITY_RADIX);
    }
    let mut digits = [0u32; V1_TABLE.len()];
    for (slot, entry) in digits.iter_mut().zip(&V1_TABLE).rev() {
        *slot = d.div_rem(entry.radix());
    }
    if !d.is_zero() {
        return Err(ShareCodeError::Overflow);
    }

    let mut answers = Vec::new();
    for (entry, &digit) in V1_TABLE.iter().zip(&digits) {
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
        let index = digit as usize - 1;
        let entry = V1_TABLE.get(index).ok_or(ShareCodeError::Overflow)?;
        let item = entry.id.to_string();
        if digits.get(index).is_none_or(|&d| d == 0) {
            return Err(ShareCodeError::PriorityNotAnswered { item });
        }
        if priorities.contains(&item) {
            return Err(ShareCodeError::DuplicatePriority { item });
        }
        priorities.push(item);
    }
    Ok(SharePayload {
        version,
        answers,
        priorities,
        place_hash,
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

/// Limbs of [`Big`]: 192 bits, room for 31^35 (under 2^174).
const LIMBS: usize = 6;

/// A fixed-size unsigned number, little-endian 32-bit limbs; only what the codec needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Big([u32; LIMBS]);

impl Big {
    /// `self = self · mul + add`; false (and `self` garbage) when it does not fit.
    fn mul_add(&mut self, mul: u32, add: u32) -> bool {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let value = u64::from(*limb) * u64::from(mul) + carry;
            *limb = value as u32;
            carry = value >> 32;
        }
        carry == 0
    }

    /// `self = self / divisor`, returning the remainder. A zero divisor (never used) acts
    /// as 1 rather than panicking.
    fn div_rem(&mut self, divisor: u32) -> u32 {
        let divisor = u64::from(divisor.max(1));
        let mut remainder = 0u64;
        for limb in self.0.iter_mut().rev() {
            let value = (remainder << 32) | u64::from(*limb);
            *limb = (value / divisor) as u32;
            remainder = value % divisor;
        }
        remainder as u32
    }

    /// `self = self · 2^32`; false when it does not fit.
    fn shl32(&mut self) -> bool {
        if self.0[LIMBS - 1] != 0 {
            return false;
        }
        self.0.rotate_right(1);
        true
    }

    /// `self = self / 2^32`, returning the low 32 bits.
    fn shr32(&mut self) -> u32 {
        let low = self.0[0];
        self.0[0] = 0;
        self.0.rotate_left(1);
        low
    }

    fn clone_rem(&self, divisor: u32) -> u32 {
        let mut copy = *self;
        copy.div_rem(divisor)
    }

    fn is_zero(&self) -> bool {
        self.0.iter().all(|&limb| limb == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A code with a valid check around any body value, to reach the checks after it.
    fn forge(d: Big) -> String {
        code_from_body(VERSION_1, d).unwrap_or_default()
    }

    /// The mixed-radix number of raw digits, most significant first.
    fn body_of(answer_digits: &[u32; 35], priorities: [u32; 3], place: u32, day: u32) -> Big {
        let mut d = Big::default();
        let fields = V1_TABLE
            .iter()
            .map(TableEntry::radix)
            .zip(answer_digits.iter().copied())
            .chain(priorities.map(|p| (PRIORITY_RADIX, p)))
            .chain([(PLACE_RADIX, place), (DAY_RADIX, day)]);
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

    #[test]
    fn the_largest_body_fits_in_34_symbols() {
        // (product of every radix) · 2^32 must not exceed 31^34.
        let mut capacity = Big::default();
        assert!(capacity.mul_add(1, 1));
        let radices = V1_TABLE
            .iter()
            .map(TableEntry::radix)
            .chain([PRIORITY_RADIX; 3])
            .chain([PLACE_RADIX, DAY_RADIX, 1 << 16, 1 << 16]);
        for radix in radices {
            assert!(capacity.mul_add(radix, 0));
        }
        let mut limit = Big::default();
        assert!(limit.mul_add(1, 1));
        for _ in 0..V1_SYMBOLS - 1 {
            assert!(limit.mul_add(31, 0));
        }
        // Compare as numbers: most significant limb first.
        let as_be = |b: &Big| b.0.iter().rev().copied().collect::<Vec<u32>>();
        assert!(as_be(&capacity) <= as_be(&limit));
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
        assert_eq!(Big([5, 0, 0, 0, 0, 0]).clone_rem(0), 0);
    }

    #[test]
    fn a_number_beyond_the_table_is_an_overflow() {
        // Every digit at its largest: the largest number the table holds.
        let top = body_of(
            &V1_TABLE.map(|e| e.radix() - 1),
            [PRIORITY_RADIX - 1; 3],
            PLACE_RADIX - 1,
            DAY_RADIX - 1,
        );
        assert_eq!(
            decode(&forge(top)),
            Err(ShareCodeError::DuplicatePriority {
                item: "job.cv".into()
            })
        );
        let mut beyond = top;
        assert!(beyond.mul_add(1, 1));
        assert_eq!(decode(&forge(beyond)), Err(ShareCodeError::Overflow));
        // Far beyond, near what 34 symbols hold.
        let mut huge = Big::default();
        assert!(huge.mul_add(1, 1));
        for _ in 0..V1_SYMBOLS - 1 {
            assert!(huge.mul_add(31, 0));
        }
        huge.shr32();
        // Half of it, so the check still fits: about 2^135.4, over the table's 2^134.7.
        huge.div_rem(2);
        assert_eq!(decode(&forge(huge)), Err(ShareCodeError::Overflow));
    }

    #[test]
    fn malformed_priorities_are_reported() {
        let mut digits = [0u32; 35];
        digits[0] = 1;
        digits[3] = 2;
        let code = |priorities| forge(body_of(&digits, priorities, 0, 0));
        assert!(decode(&code([1, 4, 0])).is_ok());
        assert_eq!(decode(&code([0, 1, 0])), Err(ShareCodeError::PriorityGap));
        assert_eq!(decode(&code([1, 0, 4])), Err(ShareCodeError::PriorityGap));
        assert_eq!(
            decode(&code([1, 2, 0])),
            Err(ShareCodeError::PriorityNotAnswered {
                item: "eq.computer".into()
            })
        );
        assert_eq!(
            decode(&code([4, 1, 4])),
            Err(ShareCodeError::DuplicatePriority {
                item: "eq.internet_use".into()
            })
        );
    }

    #[test]
    fn a_non_canonical_check_value_is_rejected() {
        // 2^32 ≡ 5 (mod Q): pick d so that v·31^34 + 5·d ≡ 0, whose check is 0. Then
        // check Q passes the modulus too, and must still be refused.
        let inverse_of_5 = pow_mod(5, CHECK_PRIME - 2, CHECK_PRIME);
        let target =
            (CHECK_PRIME - u64::from(VERSION_1) * version_weight() % CHECK_PRIME) % CHECK_PRIME;
        let small = target * inverse_of_5 % CHECK_PRIME;
        let mut d = Big::default();
        assert!(d.mul_add(1, small as u32));
        let canonical = forge(d);
        assert!(decode(&canonical).is_ok());
        let mut twin = d;
        assert!(twin.shl32() && twin.mul_add(1, CHECK_PRIME as u32));
        let twin = symbols_of(VERSION_1, twin).unwrap_or_default();
        assert_ne!(twin, canonical);
        assert_eq!(decode(&twin), Err(ShareCodeError::Checksum));
    }

    #[test]
    fn shifts_by_32_bits_are_inverse() {
        let mut n = Big([1, 2, 3, 4, 5, 0]);
        assert!(n.shl32());
        assert_eq!(n, Big([0, 1, 2, 3, 4, 5]));
        let mut full = n;
        assert!(!full.shl32());
        assert_eq!(n.shr32(), 0);
        assert_eq!(n.shr32(), 1);
        assert_eq!(n, Big([2, 3, 4, 5, 0, 0]));
        assert_eq!(pow_mod(3, 4, 1000), 81);
    }

    #[test]
    fn digits_and_answers_are_inverse() {
        for entry in V1_TABLE {
            let answers = entry.answers();
            assert_eq!(answers.len() as u32, entry.radix() - 1, "{}", entry.id);
            for (n, answer) in answers.into_iter().enumerate() {
                assert_eq!(entry.digit_of(answer), Some(n as u32 + 1));
            }
            assert_eq!(entry.answer_of(0), None);
            assert_eq!(entry.answer_of(entry.radix()), None);
        }
    }
}
