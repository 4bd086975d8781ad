//! QR codes for the printed summary, drawn by the widget as one SVG path.

use qrcodegen::{QrCode, QrCodeEcc};
use wasm_bindgen::prelude::*;

/// Quiet zone around the code, in modules (the QR standard asks for 4).
const BORDER: i32 = 4;

/// The QR code of `text` as `"<size>|<path data>"`: `size` is the side in modules including
/// the quiet zone, the path draws every dark module as a unit square. Empty when the text is
/// too long for a QR code.
#[wasm_bindgen]
pub fn qr_path(text: String) -> String {
    // Medium correction survives a crease or a smudge on a printed page.
    let Ok(code) = QrCode::encode_text(&text, QrCodeEcc::Medium) else {
        return String::new();
    };
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if code.get_module(x, y) {
                // One rectangle per run of dark modules keeps the path short.
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + BORDER,
                    y + BORDER,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    format!("{}|{path}", size + 2 * BORDER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_square_code_with_a_quiet_zone() {
        let drawn =
            qr_path("https://example.org/index.html#m=3635BMC55HB6JUMXX54P7U6BDG3VGGBF8A5".into());
        let (size, path) = drawn.split_once('|').expect("size and path");
        let size: i32 = size.parse().expect("a number");
        assert!((21 + 8..=177 + 8).contains(&size));
        assert!(
            path.starts_with(&format!("M{BORDER} {BORDER}")),
            "the finder pattern starts at the corner"
        );
        assert!(path.matches('z').count() > 20);
        assert_eq!(qr_path("x".repeat(5000)), "");
    }
}
