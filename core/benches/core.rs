//! Native micro-benchmarks of the core: `cargo bench -p autonomie-core`. The benchmark command
//! (`scripts/bench.sh`) reports their medians in its table.

use autonomie_core::evaluation::evaluate;
use autonomie_core::places::sample::{places_csv, postal_codes};
use autonomie_core::places::{parse_places, Centre, LocalTime, PlaceIndex, Query, ResultsMessage};
use autonomie_core::session::play;
use autonomie_core::share_code::{decode, encode, SharePayload};
use autonomie_core::{Answer, Bank, Service, Session};

fn main() {
    divan::main();
}

/// A whole assessment: facts "yes" (or the first option), skills "with help" (the longer
/// path), exercises their first option.
fn full_session(bank: &Bank) -> Session {
    let mut session = play(bank, |item, _| {
        let choices = Answer::choices_for(item);
        if choices.contains(&Answer::WithHelp) {
            Answer::WithHelp
        } else {
            choices[0]
        }
    });
    session.priorities = vec!["com.email_attachment".into(), "adm.form".into()];
    session
}

/// Everything the result screens show: levels, situation, national reading, orientation and
/// first steps.
#[divan::bench]
fn scoring(bencher: divan::Bencher) {
    let bank = Bank::builtin();
    let session = full_session(&bank);
    bencher.bench(|| evaluate(&bank, divan::black_box(&session), &session.priorities));
}

#[divan::bench]
fn share_code_encode(bencher: divan::Bencher) {
    let bank = Bank::builtin();
    let payload = SharePayload::from_session(&full_session(&bank)).expect("payload");
    bencher.bench(|| encode(divan::black_box(&payload)));
}

#[divan::bench]
fn share_code_decode(bencher: divan::Bencher) {
    let bank = Bank::builtin();
    let payload = SharePayload::from_session(&full_session(&bank)).expect("payload");
    let code = encode(&payload).expect("code");
    bencher.bench(|| decode(divan::black_box(&code)));
}

#[divan::bench(args = [1_000, 20_000])]
fn places_parse(bencher: divan::Bencher, rows: usize) {
    let csv = places_csv(rows, 42);
    bencher.bench(|| parse_places(divan::black_box(csv.as_bytes())).map(|r| r.places.len()));
}

#[divan::bench(args = [20_000])]
fn places_search(bencher: divan::Bencher, rows: usize) {
    let index = PlaceIndex::new(
        parse_places(places_csv(rows, 42).as_bytes())
            .expect("parses")
            .places,
    );
    let codes = postal_codes(64);
    let mut next = 0;
    bencher.bench_local(|| {
        next = (next + 1) % codes.len();
        let mut query = Query::new(Centre::PostalCode(codes[next].clone()));
        query.services = vec![Service::Demarches, Service::OutilsQuotidien];
        query.free_only = next % 2 == 0;
        let result = index.search(&query, None);
        ResultsMessage::new(
            &index,
            &result,
            Some(LocalTime {
                weekday: 1,
                minute: 600,
            }),
        )
        .places
        .len()
    });
}
