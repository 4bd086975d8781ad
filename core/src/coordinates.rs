//! Coordinates: the one place where a latitude or a longitude is read from text, checked,
//! compared and converted.
//!
//! - [`read_degrees`] reads a number of degrees written as text: a cell of a places file (CSV
//!   or JSON, through [`crate::places::parse`]), of the postal-code table
//!   ([`crate::places::gazetteer`]), one half of the `data-centre` attribute
//!   ([`crate::config`]), the `--rayon` argument of `lieux`. The text is trimmed; blank text is
//!   [`Reading::Empty`]; more than [`MAX_DEGREES_LEN`] bytes, or anything that is not a number,
//!   is [`Reading::Unreadable`]. A number with one comma and no point (`45,76`, as French
//!   spreadsheets write it) is read as a decimal comma: [`Reading::DecimalComma`], so that the
//!   caller can warn. Only places files accept it: `data-centre` puts a comma between latitude
//!   and longitude, and the postal-code table and `lieux` are written with points
//!   ([`Reading::plain`]). Numbers are read as Rust's `str::parse::<f64>` reads them, to the
//!   same bits (optional sign, `.5`, `5.`, an exponent, `inf` and `NaN`, which are out of
//!   range rather than unreadable), but with integers only: the standard float parser would
//!   add about 10 KB of tables to the widget's main module, which reads `data-centre`.
//!   Measured on 2026-12-01 (`cargo run -p budget`): with this reader in place of
//!   `str::parse::<f64>` in the places readers, the extras module went from 166.4 KB to
//!   154.3 KB brotli and the whole flow from 342.3 KB to 330.4 KB; the first question stayed
//!   within 0.2 KB. Its tests check it gives the standard parser's bits.
//! - [`LatLon::new`] is the range check: both values finite, the latitude within -90..=90
//!   and the longitude within -180..=180.
//! - [`pair`] says what a row's latitude and longitude mean together: a point, nothing, only
//!   one of them, out of range, or `0`, `0`, which the national export writes for a place it
//!   cannot locate (a point in the Gulf of Guinea) and is read as no location.
//! - [`distance_km`] is the great-circle distance (haversine, mean Earth radius);
//!   [`centroid`] the mean of points (the centre of a postal code or a commune).
//! - [`LatLon::to_micro_degrees`] and [`LatLon::from_micro_degrees`]: the whole numbers of
//!   millionths of a degree (about 11 cm) in which the modules pass points to each other.
//!
//! Nothing here formats a float, and `f64::clamp` is not used: either would bring the float
//! formatter into the wasm modules.

/// A point in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    /// `None` unless both values are finite and within -90..=90 / -180..=180.
    pub fn new(lat: f64, lon: f64) -> Option<LatLon> {
        let ok = lat.is_finite()
            && lon.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon);
        ok.then_some(LatLon { lat, lon })
    }

    /// Latitude and longitude in millionths of a degree, rounded to the nearest.
    pub fn to_micro_degrees(self) -> (i64, i64) {
        (
            (self.lat * 1e6).round() as i64,
            (self.lon * 1e6).round() as i64,
        )
    }

    /// The point of [`LatLon::to_micro_degrees`]; `None` out of range.
    pub fn from_micro_degrees(lat: i64, lon: i64) -> Option<LatLon> {
        LatLon::new(lat as f64 / 1e6, lon as f64 / 1e6)
    }
}

/// Longest text [`read_degrees`] reads, in bytes (after trimming). A real coordinate has a
/// dozen characters; longer text is garbage, not a number to round.
pub const MAX_DEGREES_LEN: usize = 40;

/// What [`read_degrees`] found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// Blank text: no value given.
    Empty,
    /// A number, with a decimal point or none. Not range checked (see [`LatLon::new`]).
    Value(f64),
    /// A number written with a decimal comma (`45,76`): its value, to use with a warning.
    DecimalComma(f64),
    /// Not a number, or longer than [`MAX_DEGREES_LEN`].
    Unreadable,
}

impl Reading {
    /// The value of a number written with a decimal point (or none); `None` for anything
    /// else, a decimal comma included. For texts where a comma is not a decimal separator.
    pub fn plain(self) -> Option<f64> {
        match self {
            Reading::Value(value) => Some(value),
            _ => None,
        }
    }
}

/// Reads a latitude or a longitude written as text (see the module's documentation).
///
/// ```
/// use autonomie_core::coordinates::{read_degrees, Reading};
/// assert_eq!(read_degrees(" 45.764 "), Reading::Value(45.764));
/// assert_eq!(read_degrees("45,764"), Reading::DecimalComma(45.764));
/// assert_eq!(read_degrees(""), Reading::Empty);
/// assert_eq!(read_degrees("45°45'N"), Reading::Unreadable);
/// ```
pub fn read_degrees(text: &str) -> Reading {
    let text = text.trim();
    if text.is_empty() {
        return Reading::Empty;
    }
    if text.len() > MAX_DEGREES_LEN {
        return Reading::Unreadable;
    }
    let decimal_comma = text.matches(',').count() == 1 && !text.contains('.');
    let number = if decimal_comma {
        parse_number(&text.replace(',', "."))
    } else {
        parse_number(text)
    };
    match number {
        Some(value) if decimal_comma => Reading::DecimalComma(value),
        Some(value) => Reading::Value(value),
        None => Reading::Unreadable,
    }
}

/// What a row's latitude and longitude, each read with [`read_degrees`], say together.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pair {
    /// Neither is given.
    Missing,
    Point(LatLon),
    /// `0`, `0`: written for a place that could not be located; no location.
    Zero,
    /// Not a point on Earth ([`LatLon::new`] refuses it).
    OutOfRange,
    /// Only one of the two is given.
    Half,
}

/// See [`Pair`].
pub fn pair(lat: Option<f64>, lon: Option<f64>) -> Pair {
    match (lat, lon) {
        (Some(lat), Some(lon)) if lat == 0.0 && lon == 0.0 => Pair::Zero,
        (Some(lat), Some(lon)) => match LatLon::new(lat, lon) {
            Some(point) => Pair::Point(point),
            None => Pair::OutOfRange,
        },
        (None, None) => Pair::Missing,
        (Some(_), None) | (None, Some(_)) => Pair::Half,
    }
}

/// Mean Earth radius (IUGG), in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in kilometres (haversine).
///
/// ```
/// use autonomie_core::coordinates::{distance_km, LatLon};
/// let paris = LatLon { lat: 48.8566, lon: 2.3522 };
/// let lyon = LatLon { lat: 45.7640, lon: 4.8357 };
/// assert!((distance_km(paris, lyon) - 391.5).abs() < 1.0);
/// ```
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Mean of the points; fine at the scale of a postal code or a commune (no antimeridian in
/// France). `None` for no point.
pub fn centroid(points: &[LatLon]) -> Option<LatLon> {
    if points.is_empty() {
        return None;
    }
    let n = points.len() as f64;
    let lat = points.iter().map(|p| p.lat).sum::<f64>() / n;
    let lon = points.iter().map(|p| p.lon).sum::<f64>() / n;
    LatLon::new(lat, lon)
}

/// A decimal number as `str::parse::<f64>` reads it, to the same bits: optional sign, then
/// `inf`, `infinity` or `nan` (any case), or digits with an optional `.` (at least one digit)
/// and an optional exponent (`e` or `E`, optional sign, digits). `None` for anything else.
fn parse_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let magnitude = if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else {
        let (digits, exponent) = decimal_digits(rest)?;
        nearest_f64(&digits, exponent)
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// The significant digits (no leading or trailing zero; empty for zero) and the power of ten
/// they are multiplied by, or `None` when `bytes` is not an unsigned decimal number.
fn decimal_digits(bytes: &[u8]) -> Option<(Vec<u8>, i64)> {
    let mut digits = Vec::new();
    let mut exponent: i64 = 0;
    let mut seen_digit = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
        seen_digit = true;
        if !(digits.is_empty() && b == b'0') {
            digits.push(b - b'0');
        }
        i += 1;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            seen_digit = true;
            if !(digits.is_empty() && b == b'0') {
                digits.push(b - b'0');
            }
            exponent -= 1;
            i += 1;
        }
    }
    if !seen_digit {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        let negative = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut written: i64 = 0;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            // Beyond a million, any exponent gives 0 or infinity: no need to count further.
            written = (written * 10 + i64::from(b - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += if negative { -written } else { written };
    }
    if i != bytes.len() {
        return None;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    Some((digits, exponent))
}

/// Powers of ten that `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The `f64` nearest to `digits` × 10^`exponent` (ties to even), as IEEE 754 rounds.
fn nearest_f64(digits: &[u8], exponent: i64) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    // The value is below 10^top and at least 10^(top - 1).
    let top = digits.len() as i64 + exponent;
    if top > 310 {
        return f64::INFINITY;
    }
    if top < -330 {
        return 0.0;
    }
    // Up to 15 digits are exact in an f64, and so are powers of ten up to 10^22: one
    // multiplication or division, correctly rounded, gives the nearest value (Clinger's fast
    // path). Every coordinate written by people or programs is read here.
    if digits.len() <= 15 && (-22..=22).contains(&exponent) {
        let mantissa = digits.iter().fold(0u64, |n, &d| n * 10 + u64::from(d)) as f64;
        let power = EXACT_POWERS_OF_TEN[exponent.unsigned_abs() as usize];
        return if exponent >= 0 {
            mantissa * power
        } else {
            mantissa / power
        };
    }
    // Otherwise exact integer arithmetic: value = numerator / denominator.
    let mut numerator = Big::from_digits(digits);
    let mut denominator = Big::one();
    if exponent >= 0 {
        numerator.times_ten_to(exponent.unsigned_abs());
    } else {
        denominator.times_ten_to(exponent.unsigned_abs());
    }
    // The binary exponent k: 2^k <= value < 2^(k + 1).
    let mut k = numerator.bits() as i64 - denominator.bits() as i64;
    let at_least = if k >= 0 {
        numerator >= denominator.shifted(k.unsigned_abs())
    } else {
        numerator.shifted(k.unsigned_abs()) >= denominator
    };
    if !at_least {
        k -= 1;
    }
    if k > 1023 {
        return f64::INFINITY;
    }
    // 53 significant bits for a normal number; below 2^-1022, bits down to 2^-1074.
    let scale = if k >= -1022 { 52 - k } else { 1074 };
    let (mut remainder, divisor) = if scale >= 0 {
        (numerator.shifted(scale.unsigned_abs()), denominator)
    } else {
        (numerator, denominator.shifted(scale.unsigned_abs()))
    };
    let mut significand = remainder.divide(&divisor, 54);
    match remainder.shifted(1).cmp(&divisor) {
        std::cmp::Ordering::Greater => significand += 1,
        std::cmp::Ordering::Equal if significand & 1 == 1 => significand += 1,
        _ => {}
    }
    if k < -1022 {
        // Subnormal: 2^52 after rounding is the encoding of the smallest normal number.
        return f64::from_bits(significand);
    }
    if significand == 1 << 53 {
        significand >>= 1;
        k += 1;
    }
    if k > 1023 {
        return f64::INFINITY;
    }
    let biased = (k + 1023).unsigned_abs();
    f64::from_bits((biased << 52) | (significand & ((1 << 52) - 1)))
}

/// A natural number, 32 bits per limb, least significant first, without high zero limbs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for &digit in digits {
            big.multiply_add(10, u32::from(digit));
        }
        big
    }

    fn multiply_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let value = u64::from(*limb) * u64::from(factor) + carry;
            *limb = value as u32;
            carry = value >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn times_ten_to(&mut self, power: u64) {
        for _ in 0..power / 9 {
            self.multiply_add(1_000_000_000, 0);
        }
        for _ in 0..power % 9 {
            self.multiply_add(10, 0);
        }
    }

    fn bits(&self) -> u64 {
        match self.0.last() {
            Some(top) => (self.0.len() as u64 - 1) * 32 + u64::from(32 - top.leading_zeros()),
            None => 0,
        }
    }

    fn shifted(&self, bits: u64) -> Big {
        if self.0.is_empty() {
            return Big(Vec::new());
        }
        let (limbs, bits) = ((bits / 32) as usize, (bits % 32) as u32);
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            if bits == 0 {
                out.push(limb);
            } else {
                out.push((limb << bits) | carry);
                carry = limb >> (32 - bits);
            }
        }
        if carry > 0 {
            out.push(carry);
        }
        Big(out)
    }

    /// `self -= other`; `other` is not larger.
    fn subtract(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let value = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(value < 0);
            *limb = (value + (borrow << 32)) as u32;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// Divides by `divisor` a number less than `divisor` × 2^`bits`: returns the quotient and
    /// leaves the remainder.
    fn divide(&mut self, divisor: &Big, bits: u32) -> u64 {
        let mut quotient = 0u64;
        for bit in (0..bits).rev() {
            let part = divisor.shifted(u64::from(bit));
            if *self >= part {
                self.subtract(&part);
                quotient |= 1 << bit;
            }
        }
        quotient
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Same result as the standard parser: both refuse, or both give the same bits (any NaN).
    fn same_as_std(text: &str) -> Result<(), String> {
        let ours = parse_number(text);
        let std = text.parse::<f64>().ok();
        let same = match (ours, std) {
            (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            (None, None) => true,
            _ => false,
        };
        if same {
            Ok(())
        } else {
            Err(format!("{text:?}: ours {ours:?}, std {std:?}"))
        }
    }

    #[test]
    fn numbers_are_read_as_the_standard_parser_reads_them() {
        for text in [
            "45.764043",
            "-4.5",
            "+4.5",
            "2",
            ".5",
            "5.",
            "0",
            "-0",
            "-0.0",
            "0.000",
            "007.50",
            "1e3",
            "1E-3",
            "1.e1",
            "4.5e+1",
            "2.3522219000000001",
            "48.856614000000000000000000000000000001",
            "0.1000000000000000055511151231257827",
            "9007199254740993",
            "1e22",
            "1e23",
            "123456789012345678901234567890e-28",
            "1e-320",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "1e400",
            "1e-400",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "inf",
            "-Infinity",
            "+INF",
            "NaN",
            "-nan",
            "",
            ".",
            "-",
            "+",
            "e1",
            ".e1",
            "1e",
            "1e+",
            "1.2.3",
            "1,5",
            "1_0",
            "0x10",
            "infinit",
            "inf1",
            " 1",
            "1 ",
            "--1",
            "+-1",
        ] {
            if let Err(e) = same_as_std(text) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn halfway_numbers_round_to_even_as_the_standard_parser_does() {
        // Exactly halfway between two neighbouring f64 (computed with Python's decimal), then
        // just below and just above.
        for halfway in [
            "45.764043000000004468574843485839664936065673828125",
            "4.835659000000000151686663230066187679767608642578125",
            "-0.4999999999999999722444243843710864894092082977294921875",
            "180.0000000000000142108547152020037174224853515625",
            "2.3522219000000001987160658245556987822055816650390625",
            "0.0000100000000000000016650634863946134345269456389360129833221435546875",
        ] {
            let below = &halfway[..halfway.len() - 1];
            for text in [
                halfway.to_string(),
                below.to_string(),
                format!("{halfway}1"),
            ] {
                if let Err(e) = same_as_std(&text) {
                    panic!("{e}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_decimal_text_reads_as_with_the_standard_parser(
            text in "[-+]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][-+]?[0-9]{1,3})?"
        ) {
            prop_assert!(same_as_std(&text).is_ok(), "{}", same_as_std(&text).unwrap_err());
        }

        #[test]
        fn any_short_text_reads_as_with_the_standard_parser(text in "[-+.0-9eEinfaINFAty]{0,8}") {
            prop_assert!(same_as_std(&text).is_ok(), "{}", same_as_std(&text).unwrap_err());
        }

        #[test]
        fn any_float_written_back_reads_to_itself(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            for text in [format!("{value}"), format!("{value:e}"), format!("{value:.20e}")] {
                prop_assert!(same_as_std(&text).is_ok(), "{}", same_as_std(&text).unwrap_err());
            }
        }
    }

    #[test]
    fn degrees_are_trimmed_and_blank_is_empty() {
        assert_eq!(read_degrees(" 45.764043 "), Reading::Value(45.764043));
        assert_eq!(read_degrees("-4.5\t"), Reading::Value(-4.5));
        assert_eq!(read_degrees(""), Reading::Empty);
        assert_eq!(read_degrees("  \t"), Reading::Empty);
    }

    #[test]
    fn one_comma_without_a_point_is_a_decimal_comma() {
        assert_eq!(read_degrees("45,76"), Reading::DecimalComma(45.76));
        assert_eq!(read_degrees("-0,5"), Reading::DecimalComma(-0.5));
        assert_eq!(read_degrees("45,76").plain(), None);
        assert_eq!(read_degrees("45.76").plain(), Some(45.76));
        for unreadable in ["45,7,6", "45,7.6", "1.234,5", ","] {
            assert_eq!(
                read_degrees(unreadable),
                Reading::Unreadable,
                "{unreadable}"
            );
        }
    }

    #[test]
    fn text_that_is_not_a_number_or_too_long_is_unreadable() {
        for text in ["abc", "45°N", "4.5.6", "-", "N 45.76", "45.76 N"] {
            assert_eq!(read_degrees(text), Reading::Unreadable, "{text}");
        }
        let long = format!("45.{}", "1".repeat(MAX_DEGREES_LEN - 3));
        assert!(matches!(read_degrees(&long), Reading::Value(_)));
        assert_eq!(read_degrees(&format!("{long}1")), Reading::Unreadable);
    }

    #[test]
    fn infinity_and_nan_are_numbers_out_of_range_not_unreadable() {
        for text in ["inf", "-Infinity", "NaN"] {
            let Reading::Value(value) = read_degrees(text) else {
                panic!("{text} should be read");
            };
            assert_eq!(LatLon::new(value, 0.0), None, "{text}");
        }
    }

    #[test]
    fn coordinates_out_of_range_are_refused() {
        assert!(LatLon::new(45.0, 4.0).is_some());
        assert!(LatLon::new(-90.0, 180.0).is_some());
        assert!(LatLon::new(91.0, 4.0).is_none());
        assert!(LatLon::new(45.0, -180.5).is_none());
        assert!(LatLon::new(f64::NAN, 4.0).is_none());
        assert!(LatLon::new(45.0, f64::INFINITY).is_none());
    }

    #[test]
    fn a_pair_is_a_point_nothing_half_zero_or_out_of_range() {
        let lyon = LatLon {
            lat: 45.76,
            lon: 4.83,
        };
        assert_eq!(pair(Some(45.76), Some(4.83)), Pair::Point(lyon));
        assert_eq!(pair(None, None), Pair::Missing);
        assert_eq!(pair(Some(45.76), None), Pair::Half);
        assert_eq!(pair(None, Some(4.83)), Pair::Half);
        assert_eq!(pair(Some(0.0), Some(-0.0)), Pair::Zero);
        assert_eq!(
            pair(Some(0.0), Some(4.83)),
            Pair::Point(LatLon { lat: 0.0, ..lyon })
        );
        assert_eq!(pair(Some(95.0), Some(4.83)), Pair::OutOfRange);
        assert_eq!(pair(Some(f64::NAN), Some(4.83)), Pair::OutOfRange);
    }

    #[test]
    fn distances_follow_the_great_circle() {
        let paris = LatLon {
            lat: 48.8566,
            lon: 2.3522,
        };
        let lyon = LatLon {
            lat: 45.7640,
            lon: 4.8357,
        };
        let marseille = LatLon {
            lat: 43.2965,
            lon: 5.3698,
        };
        let lille = LatLon {
            lat: 50.6292,
            lon: 3.0573,
        };
        let brest = LatLon {
            lat: 48.3904,
            lon: -4.4861,
        };
        let strasbourg = LatLon {
            lat: 48.5734,
            lon: 7.7521,
        };
        for (a, b, km) in [
            (paris, lyon, 391.5),
            (paris, marseille, 660.5),
            (lille, paris, 203.5),
            (brest, strasbourg, 901.3),
        ] {
            let d = distance_km(a, b);
            assert!((d - km).abs() < 0.5, "{d} instead of {km}");
            assert!((distance_km(b, a) - d).abs() < 1e-9, "symmetric");
        }
        assert_eq!(distance_km(lyon, lyon), 0.0);
        // Antipodes: half the circumference, without a NaN from rounding.
        let far = distance_km(
            LatLon { lat: 0.0, lon: 0.0 },
            LatLon {
                lat: 0.0,
                lon: 180.0,
            },
        );
        assert!((far - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
    }

    #[test]
    fn the_centroid_is_the_mean_point() {
        assert_eq!(centroid(&[]), None);
        let points = [
            LatLon {
                lat: 45.0,
                lon: 4.0,
            },
            LatLon {
                lat: 46.0,
                lon: 5.0,
            },
        ];
        assert_eq!(
            centroid(&points),
            Some(LatLon {
                lat: 45.5,
                lon: 4.5
            })
        );
    }

    #[test]
    fn micro_degrees_round_to_the_nearest() {
        let point = LatLon {
            lat: 45.77,
            lon: -4.000_000_6,
        };
        assert_eq!(point.to_micro_degrees(), (45_770_000, -4_000_001));
        assert_eq!(
            LatLon::from_micro_degrees(45_770_000, 4_880_000),
            Some(LatLon {
                lat: 45.77,
                lon: 4.88
            })
        );
        assert_eq!(LatLon::from_micro_degrees(91_000_000, 0), None);
    }
}
