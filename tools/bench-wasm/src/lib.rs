//! Place search timed in the browser, over generated files of any size.
//!
//! `scripts/bench.sh` builds this crate with the widget's release profile, serves it, and calls
//! [`places_load`] then [`places_keystrokes`] from headless Chromium. A counting allocator
//! gives the memory the places take.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

use autonomie_core::places::sample::{communes, places_csv, postal_codes};
use autonomie_core::places::{parse_places, Centre, LocalTime, PlaceIndex, Query, ResultsMessage};
use autonomie_core::Service;
use wasm_bindgen::prelude::*;

/// The system allocator, counting live and peak bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            grew(layout.size());
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        if !moved.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

thread_local! {
    static INDEX: RefCell<Option<PlaceIndex>> = const { RefCell::new(None) };
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Generates `rows` places, then times reading them and building the search index as the
/// widget does. Returns JSON: file bytes, milliseconds, bytes held by the index, peak bytes
/// while reading (the file included) and the wasm memory size.
#[wasm_bindgen]
pub fn places_load(rows: u32) -> String {
    INDEX.with(|index| index.borrow_mut().take());
    let csv = places_csv(rows as usize, 42);
    let file_bytes = csv.len();
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = now_ms();
    let (kept, index) = match parse_places(csv.as_bytes()) {
        Ok(report) => (report.places.len(), PlaceIndex::new(report.places)),
        Err(error) => return format!("{{\"error\":\"{error:?}\"}}"),
    };
    let parse_ms = now_ms() - start;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    drop(csv);
    let held = LIVE.load(Ordering::Relaxed) - before + file_bytes;
    INDEX.with(|slot| *slot.borrow_mut() = Some(index));
    format!(
        "{{\"rows\":{rows},\"kept\":{kept},\"file_bytes\":{file_bytes},\"parse_ms\":{parse_ms:.3},\"index_bytes\":{},\"peak_bytes\":{peak},\"wasm_memory_bytes\":{}}}",
        held.saturating_sub(file_bytes),
        wasm_memory_bytes()
    )
}

fn wasm_memory_bytes() -> u32 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| js_sys::ArrayBuffer::from(memory.buffer()).byte_length())
        .unwrap_or(0)
}

/// What the widget computes on each keystroke that triggers a search: `communes` names typed
/// letter by letter (a search from the third letter on) and as many postal codes (a search
/// at the fifth digit), with two services wanted, as after a typical result. Each keystroke
/// runs [`REPEAT`] times so that the browser's coarse clock still resolves it. Returns JSON
/// with the keystroke count and the p50 / p95 / max in milliseconds.
#[wasm_bindgen]
pub fn places_keystrokes(communes_typed: u32) -> String {
    let typed: Vec<String> = communes(communes_typed as usize)
        .into_iter()
        .flat_map(|name| {
            let letters: Vec<char> = name.chars().collect();
            (3..=letters.len())
                .map(move |end| letters[..end].iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .chain(postal_codes(communes_typed as usize))
        .collect();
    let now = LocalTime {
        weekday: 1,
        minute: 10 * 60,
    };
    let timings = INDEX.with(|slot| {
        let slot = slot.borrow();
        let Some(index) = slot.as_ref() else {
            return Vec::new();
        };
        typed
            .iter()
            .filter_map(|text| Centre::from_input(text))
            .map(|centre| {
                let mut query = Query::new(centre);
                query.services = vec![Service::Demarches, Service::OutilsQuotidien];
                let start = now_ms();
                for _ in 0..REPEAT {
                    let result = index.search(&query, None);
                    std::hint::black_box(ResultsMessage::new(index, &result, Some(now)));
                }
                (now_ms() - start) / REPEAT as f64
            })
            .collect()
    });
    let mut sorted = timings;
    sorted.sort_by(f64::total_cmp);
    format!(
        "{{\"keystrokes\":{},\"p50_ms\":{:.4},\"p95_ms\":{:.4},\"max_ms\":{:.4}}}",
        sorted.len(),
        percentile(&sorted, 50),
        percentile(&sorted, 95),
        sorted.last().copied().unwrap_or(0.0)
    )
}

const REPEAT: u32 = 5;

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: usize) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn nearest_rank_percentiles() {
        let values: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&values, 50), 10.0);
        assert_eq!(percentile(&values, 95), 19.0);
        assert_eq!(percentile(&[], 95), 0.0);
        assert_eq!(percentile(&[3.0], 50), 3.0);
    }
}
