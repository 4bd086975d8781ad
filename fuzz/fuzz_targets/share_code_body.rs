//! `decode` on v1 codes with a valid check. Random text almost never passes the 32-bit
//! check, so this target computes it, to fuzz what is read after it: the mixed-radix
//! fields, the overflow and the priority rules.
#![no_main]

use autonomie_core::share_code::{decode, encode, ALPHABET, V1_SYMBOLS};
use libfuzzer_sys::fuzz_target;

/// The check modulus of the v1 format (see core/src/share_code.rs).
const Q: u64 = 4_294_967_291;

fuzz_target!(|data: &[u8]| {
    // 34 body symbols from the input, then the low 32 bits replaced by the check.
    let mut limbs = [0u32; 6];
    for index in 0..V1_SYMBOLS - 1 {
        let digit = data.get(index).map_or(0, |b| u32::from(*b) % 31);
        let mut carry = u64::from(digit);
        for limb in &mut limbs {
            let value = u64::from(*limb) * 31 + carry;
            *limb = value as u32;
            carry = value >> 32;
        }
    }
    limbs[0] = 0;
    let mut rest = 0u64;
    for limb in limbs.iter().rev() {
        rest = ((rest << 32) | u64::from(*limb)) % Q;
    }
    let version_weight = (0..V1_SYMBOLS - 1).fold(1u64, |acc, _| acc * 31 % Q);
    limbs[0] = ((Q - (version_weight + rest) % Q) % Q) as u32;

    let mut symbols = vec![0u8; V1_SYMBOLS - 1];
    for symbol in symbols.iter_mut().rev() {
        let mut remainder = 0u64;
        for limb in limbs.iter_mut().rev() {
            let value = (remainder << 32) | u64::from(*limb);
            *limb = (value / 31) as u32;
            remainder = value % 31;
        }
        *symbol = ALPHABET[remainder as usize];
    }
    if limbs.iter().any(|&limb| limb != 0) {
        // Adding the check went past 31^34: not a 34-symbol body.
        return;
    }
    let text: String = std::iter::once('3')
        .chain(symbols.into_iter().map(char::from))
        .collect();
    match decode(&text) {
        Ok(payload) => {
            let code = encode(&payload).expect("a decoded payload encodes");
            assert_eq!(code.replace('-', ""), text);
        }
        Err(error) => {
            // The check is right by construction, so only what follows it can fail.
            assert_ne!(error.key(), "share.error.checksum", "{text}");
        }
    }
});
