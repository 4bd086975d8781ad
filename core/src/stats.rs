//! Anonymous activity counts for a public digital space's reports.
//!
//! Only aggregate numbers per day are kept: assessments started and finished, printouts, how
//! many times each domain level was reached and each national service recommended. Never an
//! answer, a name, or anything that could identify a person.
//!
//! The CSV export's columns are documented in the README. Cells are safe to open in a
//! spreadsheet: a cell starting with `=`, `+`, `-` or `@` is prefixed with `'` so it is never
//! read as a formula.

use std::collections::BTreeMap;

use crate::envelope::Stored;
use crate::json::{self, Json};
use crate::orientation::Orientation;
use crate::scoring::{Assessment, Level};
use crate::services::Service;

/// Days kept; older ones are dropped when a new day is recorded.
pub const MAX_DAYS: usize = 800;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DayCounts {
    pub started: u32,
    pub finished: u32,
    pub printed: u32,
    /// Domain id → times each level was reached, in `Level::ALL` order.
    pub levels: BTreeMap<String, [u32; 4]>,
    /// Service id → times recommended.
    pub services: BTreeMap<String, u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActivityCounts {
    /// ISO date → counts of that day.
    pub days: BTreeMap<String, DayCounts>,
}

/// What happened, for [`ActivityCounts::record`].
pub enum Event<'a> {
    Started,
    Finished {
        assessment: &'a Assessment,
        orientation: &'a Orientation,
    },
    Printed,
}

fn level_index(level: Level) -> usize {
    usize::from(level.step() - 1)
}

impl DayCounts {
    fn add(&mut self, other: &DayCounts) {
        self.started += other.started;
        self.finished += other.finished;
        self.printed += other.printed;
        for (domain, counts) in &other.levels {
            let mine = self.levels.entry(domain.clone()).or_default();
            for (a, b) in mine.iter_mut().zip(counts) {
                *a += b;
            }
        }
        for (service, n) in &other.services {
            *self.services.entry(service.clone()).or_default() += n;
        }
    }
}

impl ActivityCounts {
    pub fn record(&mut self, day: &str, event: Event<'_>) {
        let counts = self.days.entry(day.to_string()).or_default();
        match event {
            Event::Started => counts.started += 1,
            Event::Printed => counts.printed += 1,
            Event::Finished {
                assessment,
                orientation,
            } => {
                counts.finished += 1;
                for domain in &assessment.domains {
                    if let Some(level) = domain.level {
                        counts.levels.entry(domain.domain.clone()).or_default()
                            [level_index(level)] += 1;
                    }
                }
                for service in &orientation.services {
                    *counts.services.entry(service.id().to_string()).or_default() += 1;
                }
            }
        }
        while self.days.len() > MAX_DAYS {
            let Some(oldest) = self.days.keys().next().cloned() else {
                break;
            };
            self.days.remove(&oldest);
        }
    }

    /// The sum over the days from `from` to `to` included (ISO dates compare as text).
    pub fn total(&self, from: &str, to: &str) -> DayCounts {
        let mut sum = DayCounts::default();
        for (_, counts) in self.days.range(from.to_string()..=to.to_string()) {
            sum.add(counts);
        }
        sum
    }

    /// One row per day in the period, with the columns documented in the README:
    /// `date,started,finished,printed`, then `level_<domain>_<1..4>` for each domain, then
    /// `service_<id>` for each of the 9 national services.
    pub fn to_csv(&self, from: &str, to: &str, domains: &[&str]) -> String {
        let mut header = vec![
            "date".to_string(),
            "started".into(),
            "finished".into(),
            "printed".into(),
        ];
        for domain in domains {
            for step in 1..=4 {
                header.push(format!("level_{domain}_{step}"));
            }
        }
        for service in Service::ALL {
            header.push(format!("service_{}", service.id()));
        }
        let mut out = csv_row(&header);
        for (day, counts) in self.days.range(from.to_string()..=to.to_string()) {
            let mut row = vec![
                day.clone(),
                counts.started.to_string(),
                counts.finished.to_string(),
                counts.printed.to_string(),
            ];
            for domain in domains {
                let levels = counts.levels.get(*domain).copied().unwrap_or_default();
                row.extend(levels.iter().map(u32::to_string));
            }
            for service in Service::ALL {
                row.push(
                    counts
                        .services
                        .get(service.id())
                        .copied()
                        .unwrap_or(0)
                        .to_string(),
                );
            }
            out.push_str(&csv_row(&row));
        }
        out
    }
}

/// A CSV line: cells quoted when needed, formula-looking cells neutralised.
fn csv_row(cells: &[String]) -> String {
    let mut line = cells
        .iter()
        .map(|c| csv_cell(c))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// One cell, safe in a spreadsheet (OWASP "CSV injection" advice: prefix with a quote).
pub fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn number(n: u32) -> Json {
    Json::Number(i64::from(n))
}

fn read_number(json: Option<&Json>) -> Option<u32> {
    match json {
        None => Some(0),
        Some(value) => u32::try_from(value.as_u64()?).ok(),
    }
}

impl Stored for ActivityCounts {
    fn to_json(&self) -> Json {
        Json::Object(
            self.days
                .iter()
                .map(|(day, c)| {
                    let levels = Json::Object(
                        c.levels
                            .iter()
                            .map(|(d, l)| {
                                (
                                    d.clone(),
                                    Json::Array(l.iter().copied().map(number).collect()),
                                )
                            })
                            .collect(),
                    );
                    let services = Json::Object(
                        c.services
                            .iter()
                            .map(|(s, n)| (s.clone(), number(*n)))
                            .collect(),
                    );
                    (
                        day.clone(),
                        json::object([
                            ("started", Some(number(c.started))),
                            ("finished", Some(number(c.finished))),
                            ("printed", Some(number(c.printed))),
                            ("levels", Some(levels)),
                            ("services", Some(services)),
                        ]),
                    )
                })
                .collect(),
        )
    }

    fn from_json(json: &Json) -> Option<Self> {
        let mut days = BTreeMap::new();
        for (day, c) in json.as_object()? {
            c.as_object()?;
            let mut levels = BTreeMap::new();
            if let Some(map) = c.get("levels") {
                for (domain, counts) in map.as_object()? {
                    let counts = counts.as_array()?;
                    if counts.len() != 4 {
                        return None;
                    }
                    let mut four = [0u32; 4];
                    for (slot, value) in four.iter_mut().zip(counts) {
                        *slot = read_number(Some(value))?;
                    }
                    levels.insert(domain.clone(), four);
                }
            }
            let mut services = BTreeMap::new();
            if let Some(map) = c.get("services") {
                for (service, n) in map.as_object()? {
                    services.insert(service.clone(), read_number(Some(n))?);
                }
            }
            days.insert(
                day.clone(),
                DayCounts {
                    started: read_number(c.get("started"))?,
                    finished: read_number(c.get("finished"))?,
                    printed: read_number(c.get("printed"))?,
                    levels,
                    services,
                },
            );
        }
        Some(ActivityCounts { days })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Bank;
    use crate::orientation::orient;
    use crate::scoring::assess;
    use crate::session::GivenAnswer;

    fn finished_counts() -> ActivityCounts {
        let bank = Bank::builtin();
        let answers: Vec<GivenAnswer> = Vec::new();
        let assessment = assess(&bank, &answers);
        let orientation = orient(&bank, &assessment, &[]);
        let mut counts = ActivityCounts::default();
        counts.record("2026-11-20", Event::Started);
        counts.record("2026-11-21", Event::Started);
        counts.record(
            "2026-11-21",
            Event::Finished {
                assessment: &assessment,
                orientation: &orientation,
            },
        );
        counts.record("2026-11-21", Event::Printed);
        counts
    }

    #[test]
    fn counts_add_up_over_a_period() {
        let counts = finished_counts();
        let all = counts.total("2026-11-01", "2026-11-30");
        assert_eq!((all.started, all.finished, all.printed), (2, 1, 1));
        // With no answer every domain that concerns the person is "à découvrir".
        assert_eq!(all.levels.get("communication"), Some(&[1, 0, 0, 0]));
        assert_eq!(all.services.get("demarches"), Some(&1));
        let one_day = counts.total("2026-11-20", "2026-11-20");
        assert_eq!((one_day.started, one_day.finished), (1, 0));
    }

    #[test]
    fn the_csv_has_the_documented_columns() {
        let csv = finished_counts().to_csv("2026-11-01", "2026-11-30", &["communication"]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "date,started,finished,printed,level_communication_1,level_communication_2,level_communication_3,level_communication_4,\
             service_demarches,service_outils_quotidien,service_insertion_pro,service_utilisation_securisee,service_parentalite,\
             service_loisirs,service_comprendre_numerique,service_acces_internet_materiel,service_acquisition_materiel"
        );
        assert_eq!(lines.len(), 3);
        assert!(
            lines[2].starts_with("2026-11-21,1,1,1,1,0,0,0,1,"),
            "{}",
            lines[2]
        );
    }

    #[test]
    fn cells_that_look_like_formulas_are_neutralised() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(csv_cell("+33 1 23"), "'+33 1 23");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("2026-11-21"), "2026-11-21");
    }

    #[test]
    fn stored_counts_round_trip_and_bad_ones_are_refused() {
        let counts = finished_counts();
        let raw = crate::envelope::wrap(&counts);
        assert_eq!(crate::envelope::unwrap::<ActivityCounts>(&raw), Ok(counts));
        for bad in [
            r#"{"v":1,"data":{"2026-01-01":{"started":-1}}}"#,
            r#"{"v":1,"data":{"2026-01-01":{"levels":{"x":[1,2]}}}}"#,
            r#"{"v":1,"data":[]}"#,
        ] {
            assert!(
                crate::envelope::unwrap::<ActivityCounts>(bad).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn old_days_are_dropped() {
        let mut counts = ActivityCounts::default();
        for day in 0..(MAX_DAYS + 5) {
            counts.record(&format!("2020-{:04}", day), Event::Started);
        }
        assert_eq!(counts.days.len(), MAX_DAYS);
        assert!(!counts.days.contains_key("2020-0000"));
    }
}
