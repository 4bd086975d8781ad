//! `decode` on any text: it must never panic, and anything it accepts must be exactly the
//! code `encode` writes for that payload.
#![no_main]

use autonomie_core::share_code::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(payload) = decode(&text) {
        let code = encode(&payload).expect("a decoded payload encodes");
        let typed: String = text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_uppercase();
        assert_eq!(
            code.replace('-', ""),
            typed,
            "accepted text is not the payload's code"
        );
        assert_eq!(decode(&code).as_ref(), Ok(&payload));
    }
});
