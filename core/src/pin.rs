//! The staff PIN of a public computer: chosen on first use, stored only as a salted,
//! iterated SHA-256 hash, never in the page source and never printed.
//!
//! A 4 to 8 digit PIN cannot resist a determined attack on the stored hash; it keeps people
//! using the computer out of the staff view, which is its job. The iterations make each guess
//! cost a few milliseconds.

use sha2::{Digest, Sha256};

use crate::envelope::Stored;
use crate::json::{self, Json};

pub const ROUNDS: u32 = 20_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinRecord {
    pub salt: [u8; 16],
    pub rounds: u32,
    pub hash: [u8; 32],
}

/// 4 to 8 digits.
pub fn is_valid_pin(pin: &str) -> bool {
    (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

fn derive(pin: &str, salt: &[u8; 16], rounds: u32) -> [u8; 32] {
    let mut digest: [u8; 32] = Sha256::new()
        .chain_update(salt)
        .chain_update(pin.as_bytes())
        .finalize()
        .into();
    for _ in 1..rounds {
        digest = Sha256::new()
            .chain_update(salt)
            .chain_update(digest)
            .finalize()
            .into();
    }
    digest
}

impl PinRecord {
    /// `salt` must come from a cryptographic random source (the browser's `crypto`).
    pub fn new(pin: &str, salt: [u8; 16]) -> PinRecord {
        PinRecord {
            salt,
            rounds: ROUNDS,
            hash: derive(pin, &salt, ROUNDS),
        }
    }

    pub fn verify(&self, pin: &str) -> bool {
        let candidate = derive(pin, &self.salt, self.rounds.clamp(1, 1_000_000));
        // Compare every byte, so timing says nothing about how much matched.
        candidate
            .iter()
            .zip(&self.hash)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| {
            [
                DIGITS[usize::from(b >> 4)] as char,
                DIGITS[usize::from(b & 15)] as char,
            ]
        })
        .collect()
}

fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != 2 * N {
        return None;
    }
    let mut out = [0u8; N];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

impl Stored for PinRecord {
    fn to_json(&self) -> Json {
        json::object([
            ("salt", Some(Json::String(to_hex(&self.salt)))),
            ("rounds", Some(Json::Number(i64::from(self.rounds)))),
            ("hash", Some(Json::String(to_hex(&self.hash)))),
        ])
    }

    fn from_json(json: &Json) -> Option<Self> {
        Some(PinRecord {
            salt: from_hex(json.get("salt")?.as_str()?)?,
            rounds: u32::try_from(json.get("rounds")?.as_u64()?).ok()?,
            hash: from_hex(json.get("hash")?.as_str()?)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_right_pin_verifies() {
        let record = PinRecord::new("4821", [7; 16]);
        assert!(record.verify("4821"));
        for wrong in ["4822", "48210", "", "1284"] {
            assert!(!record.verify(wrong), "{wrong}");
        }
        // Another salt gives another hash for the same PIN.
        assert_ne!(PinRecord::new("4821", [8; 16]).hash, record.hash);
    }

    #[test]
    fn the_stored_form_holds_no_pin() {
        let record = PinRecord::new("4821", [1; 16]);
        let stored = crate::envelope::wrap(&record);
        assert!(!stored.contains("4821"));
        assert_eq!(crate::envelope::unwrap::<PinRecord>(&stored), Ok(record));
        assert!(crate::envelope::unwrap::<PinRecord>(
            r#"{"v":1,"data":{"salt":"zz","rounds":1,"hash":"00"}}"#
        )
        .is_err());
    }

    #[test]
    fn pins_are_four_to_eight_digits() {
        for ok in ["1234", "12345678"] {
            assert!(is_valid_pin(ok));
        }
        for bad in ["123", "123456789", "12a4", " 1234", ""] {
            assert!(!is_valid_pin(bad), "{bad}");
        }
    }

    #[test]
    fn known_answer_for_one_round() {
        // SHA-256 of 16 zero bytes followed by "0000", computed with Python's hashlib.
        let hash = derive("0000", &[0; 16], 1);
        assert_eq!(
            to_hex(&hash),
            "06c5175f3f41bb1c8d5063c19366a643bae38a113e20b39d96405ebe8fd521e1"
        );
        assert_eq!(from_hex::<32>(&to_hex(&hash)), Some(hash));
    }
}
