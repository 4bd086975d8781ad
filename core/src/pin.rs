//! The staff PIN of a public computer: chosen on first use, stored only as a salted hash,
//! never in the page source and never printed.
//!
//! Scheme: **PBKDF2-HMAC-SHA256** ([`Scheme::Pbkdf2Sha256`], [`ROUNDS`] iterations, a 16-byte
//! random salt, a 32-byte key), the standard password-hashing construction. The scheme is
//! stored beside the hash, so records written by older versions ([`Scheme::IteratedSha256`]:
//! SHA-256 applied 20,000 times over salt and digest) keep unlocking; the staff view writes
//! them again with the current scheme at the next unlock ([`PinRecord::needs_rehash`]).
//!
//! A 4 to 8 digit PIN cannot resist a determined attack on the stored hash; it keeps people
//! using the computer out of the staff view, which is its job. The iterations make each guess
//! cost time: 100,000 rounds took 121 ms natively on this project's 2-core build machine
//! while it ran the test suite (`cargo test -p autonomie-core --release --lib pin --
//! --nocapture` prints it), a few times that in wasm on an old phone, paid once per unlock.
//! OWASP's 600,000 would make that wait seconds on the phones this serves, for a secret of
//! 4 to 8 digits that no iteration count protects offline.

use pbkdf2::pbkdf2_hmac;
use sha2::{Digest, Sha256};

use crate::envelope::Stored;
use crate::json::{self, Json};

/// PBKDF2 iterations of new records.
pub const ROUNDS: u32 = 100_000;

/// How a record's hash was derived from the PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Versions up to 0.2.0: SHA-256 of salt and PIN, then of salt and digest, `rounds` times.
    IteratedSha256,
    /// PBKDF2 with HMAC-SHA256, `rounds` iterations.
    Pbkdf2Sha256,
}

impl Scheme {
    fn id(self) -> &'static str {
        match self {
            Scheme::IteratedSha256 => "sha256-iterated",
            Scheme::Pbkdf2Sha256 => "pbkdf2-sha256",
        }
    }

    fn from_id(id: &str) -> Option<Scheme> {
        [Scheme::IteratedSha256, Scheme::Pbkdf2Sha256]
            .into_iter()
            .find(|s| s.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinRecord {
    pub scheme: Scheme,
    pub salt: [u8; 16],
    pub rounds: u32,
    pub hash: [u8; 32],
}

/// 4 to 8 digits.
pub fn is_valid_pin(pin: &str) -> bool {
    (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

fn derive(scheme: Scheme, pin: &str, salt: &[u8; 16], rounds: u32) -> [u8; 32] {
    match scheme {
        Scheme::IteratedSha256 => derive_iterated(pin, salt, rounds),
        Scheme::Pbkdf2Sha256 => {
            let mut key = [0u8; 32];
            pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, rounds, &mut key);
            key
        }
    }
}

fn derive_iterated(pin: &str, salt: &[u8; 16], rounds: u32) -> [u8; 32] {
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
            scheme: Scheme::Pbkdf2Sha256,
            salt,
            rounds: ROUNDS,
            hash: derive(Scheme::Pbkdf2Sha256, pin, &salt, ROUNDS),
        }
    }

    pub fn verify(&self, pin: &str) -> bool {
        let candidate = derive(
            self.scheme,
            pin,
            &self.salt,
            self.rounds.clamp(1, 1_000_000),
        );
        // Compare every byte, so timing says nothing about how much matched.
        candidate
            .iter()
            .zip(&self.hash)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }

    /// Written with an older scheme or fewer rounds: after a successful unlock, the caller
    /// stores `PinRecord::new` of the same PIN with a fresh salt.
    pub fn needs_rehash(&self) -> bool {
        self.scheme != Scheme::Pbkdf2Sha256 || self.rounds < ROUNDS
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
    /// 2: the scheme is stored beside the hash (version 1 records are all iterated SHA-256).
    const VERSION: u32 = 2;

    fn to_json(&self) -> Json {
        json::object([
            ("scheme", Some(Json::String(self.scheme.id().into()))),
            ("salt", Some(Json::String(to_hex(&self.salt)))),
            ("rounds", Some(Json::Number(i64::from(self.rounds)))),
            ("hash", Some(Json::String(to_hex(&self.hash)))),
        ])
    }

    fn from_json(json: &Json) -> Option<Self> {
        let scheme = Scheme::from_id(json.get("scheme")?.as_str()?)?;
        read_record(scheme, json)
    }

    fn from_older(version: u32, json: &Json) -> Option<Self> {
        (version == 1)
            .then(|| read_record(Scheme::IteratedSha256, json))
            .flatten()
    }
}

fn read_record(scheme: Scheme, json: &Json) -> Option<PinRecord> {
    Some(PinRecord {
        scheme,
        salt: from_hex(json.get("salt")?.as_str()?)?,
        rounds: u32::try_from(json.get("rounds")?.as_u64()?).ok()?,
        hash: from_hex(json.get("hash")?.as_str()?)?,
    })
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
        assert!(!record.needs_rehash());
        let stored = crate::envelope::wrap(&record);
        assert!(!stored.contains("4821"));
        assert_eq!(crate::envelope::unwrap::<PinRecord>(&stored), Ok(record));
        assert!(crate::envelope::unwrap::<PinRecord>(
            r#"{"v":1,"data":{"salt":"zz","rounds":1,"hash":"00"}}"#
        )
        .is_err());
        assert!(stored.contains("\"scheme\":\"pbkdf2-sha256\""), "{stored}");
    }

    #[test]
    fn a_pin_stored_by_an_older_version_still_unlocks_and_asks_to_be_rehashed() {
        // Written by 0.2.0: envelope version 1, no scheme, iterated SHA-256.
        let salt = [5u8; 16];
        let old = format!(
            r#"{{"v":1,"data":{{"salt":"{}","rounds":20000,"hash":"{}"}}}}"#,
            to_hex(&salt),
            to_hex(&derive_iterated("4821", &salt, 20_000))
        );
        let record = crate::envelope::unwrap::<PinRecord>(&old).expect("an older record reads");
        assert_eq!(record.scheme, Scheme::IteratedSha256);
        assert!(record.verify("4821"));
        assert!(!record.verify("4822"));
        assert!(record.needs_rehash());
        let again = PinRecord::new("4821", [6; 16]);
        assert!(again.verify("4821") && !again.needs_rehash());
        // An unknown scheme is not guessed at.
        assert!(crate::envelope::unwrap::<PinRecord>(
            r#"{"v":2,"data":{"scheme":"md5","salt":"05050505050505050505050505050505","rounds":1,"hash":"0000000000000000000000000000000000000000000000000000000000000000"}}"#
        )
        .is_err());
    }

    #[test]
    fn pbkdf2_known_answer_and_its_cost() {
        // RFC 7914, section 11: PBKDF2-HMAC-SHA256 ("passwd", "salt", 1 iteration), first 32
        // of its 64 bytes.
        let mut key = [0u8; 32];
        pbkdf2_hmac::<Sha256>(b"passwd", b"salt", 1, &mut key);
        assert_eq!(
            to_hex(&key),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        );
        let start = std::time::Instant::now();
        let record = PinRecord::new("12345678", [9; 16]);
        println!("PBKDF2, {ROUNDS} rounds: {:?}", start.elapsed());
        assert_eq!(record.rounds, ROUNDS);
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
    fn known_answer_for_one_round_of_the_older_scheme() {
        // SHA-256 of 16 zero bytes followed by "0000", computed with Python's hashlib.
        let hash = derive_iterated("0000", &[0; 16], 1);
        assert_eq!(
            to_hex(&hash),
            "06c5175f3f41bb1c8d5063c19366a643bae38a113e20b39d96405ebe8fd521e1"
        );
        assert_eq!(from_hex::<32>(&to_hex(&hash)), Some(hash));
    }
}
