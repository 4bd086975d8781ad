//! The frozen tables of each code version: which items, in which order, with which answers.
//! FROZEN: codes already printed depend on every entry, its position and its answers. Never
//! edit a table; add a new version.

use crate::answer::Answer;

/// One item of a frozen table: its id and the answers it offered when the table was made, in
/// digit order (digit = position + 1; 0 is "not answered").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableEntry {
    pub id: &'static str,
    pub answers: &'static [Answer],
}

const fn entry(id: &'static str, answers: &'static [Answer]) -> TableEntry {
    TableEntry { id, answers }
}

impl TableEntry {
    /// Number of digit values: "unanswered" plus each answer the item offered.
    pub const fn radix(&self) -> u32 {
        self.answers.len() as u32 + 1
    }

    pub fn digit_of(&self, answer: Answer) -> Option<u32> {
        self.answers
            .iter()
            .position(|a| *a == answer)
            .map(|i| i as u32 + 1)
    }

    /// The answer of a non-zero digit (zero is "unanswered").
    pub fn answer_of(&self, digit: u32) -> Option<Answer> {
        let index = usize::try_from(digit.checked_sub(1)?).ok()?;
        self.answers.get(index).copied()
    }
}

// Bank v1 answers, as version 1 codes wrote them. A task's last answer was "Je ne sais pas",
// the other kinds' "Je ne comprends pas la question".
const POSSESSION: &[Answer] = &[Answer::Yes, Answer::No, Answer::NotUnderstood];
const RATING: &[Answer] = &[
    Answer::Alone,
    Answer::WithHelp,
    Answer::NotYet,
    Answer::NotUnderstood,
];
const TASK_2: &[Answer] = &[Answer::Choice(0), Answer::Choice(1), Answer::DontKnow];
const TASK_3: &[Answer] = &[
    Answer::Choice(0),
    Answer::Choice(1),
    Answer::Choice(2),
    Answer::DontKnow,
];
const TASK_4: &[Answer] = &[
    Answer::Choice(0),
    Answer::Choice(1),
    Answer::Choice(2),
    Answer::Choice(3),
    Answer::DontKnow,
];

/// The items of content/bank.json version 1, in its order.
pub const V1_TABLE: [TableEntry; 35] = [
    entry("eq.smartphone", POSSESSION),
    entry("eq.computer", POSSESSION),
    entry("eq.internet_home", POSSESSION),
    entry("eq.internet_use", POSSESSION),
    entry("eq.email", POSSESSION),
    entry("eq.online_account", POSSESSION),
    entry("dev.switch_on", RATING),
    entry("dev.touch", RATING),
    entry("dev.mouse_keyboard", RATING),
    entry("dev.install_app", RATING),
    entry("dev.task_back", TASK_4),
    entry("info.search", RATING),
    entry("info.website", RATING),
    entry("info.reliable", RATING),
    entry("info.task_safe_url", TASK_3),
    entry("com.email_send", RATING),
    entry("com.email_attachment", RATING),
    entry("com.task_attachment_icon", TASK_4),
    entry("com.messaging", RATING),
    entry("com.video_call", RATING),
    entry("adm.create_account", RATING),
    entry("adm.login", RATING),
    entry("adm.form", RATING),
    entry("adm.task_required_field", TASK_3),
    entry("adm.scan_send", RATING),
    entry("adm.download_certificate", RATING),
    entry("sec.password", RATING),
    entry("sec.task_password", TASK_3),
    entry("sec.scam", RATING),
    entry("sec.task_sms", TASK_2),
    entry("sec.personal_data", RATING),
    entry("job.gate", POSSESSION),
    entry("job.search_offers", RATING),
    entry("job.apply", RATING),
    entry("job.cv", RATING),
];

/// The items of content/bank.json version 2, in its order, with the answers each offers
/// (`Answer::choices_for`).
pub const V2_TABLE: [TableEntry; 55] = [
    entry(
        "sit.reading",
        &[
            Answer::Choice(0),
            Answer::Choice(1),
            Answer::Choice(2),
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.phone",
        &[
            Answer::Choice(0),
            Answer::Choice(1),
            Answer::Choice(2),
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.sms",
        &[
            Answer::Yes,
            Answer::No,
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.mobile_data",
        &[
            Answer::Yes,
            Answer::No,
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.computer",
        &[Answer::Yes, Answer::No, Answer::NotUnderstood],
    ),
    entry(
        "sit.tablet",
        &[Answer::Yes, Answer::No, Answer::NotUnderstood],
    ),
    entry(
        "sit.home_internet",
        &[Answer::Yes, Answer::No, Answer::NotUnderstood],
    ),
    entry(
        "sit.internet_use",
        &[Answer::Yes, Answer::No, Answer::NotUnderstood],
    ),
    entry(
        "sit.email",
        &[
            Answer::Choice(0),
            Answer::Choice(1),
            Answer::Choice(2),
            Answer::Choice(3),
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.account_ameli",
        &[
            Answer::Yes,
            Answer::No,
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.account_caf",
        &[
            Answer::Yes,
            Answer::No,
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.account_impots",
        &[
            Answer::Yes,
            Answer::No,
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.account_france_travail",
        &[
            Answer::Yes,
            Answer::No,
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.franceconnect",
        &[
            Answer::Yes,
            Answer::No,
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.urgent",
        &[Answer::Yes, Answer::No, Answer::NotUnderstood],
    ),
    entry(
        "sit.helper",
        &[
            Answer::Choice(0),
            Answer::Choice(1),
            Answer::Choice(2),
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sit.children_school",
        &[Answer::Yes, Answer::No, Answer::NotUnderstood],
    ),
    entry(
        "job.gate",
        &[Answer::Yes, Answer::No, Answer::NotUnderstood],
    ),
    entry(
        "dev.touch",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "dev.mouse_keyboard",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "dev.install_app",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NoNeed,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "dev.find_download",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "dev.write",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NoNeed,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "dev.print",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::DoneForMe,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "info.search",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "info.reliable",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "info.task_safe_url",
        &[
            Answer::Choice(0),
            Answer::Choice(1),
            Answer::Choice(2),
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "com.messaging",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NoNeed,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "com.email_send",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "com.email_attachment",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "com.photos",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NoNeed,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "com.video_call",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NoNeed,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "com.task_attachment_icon",
        &[
            Answer::Choice(0),
            Answer::Choice(1),
            Answer::Choice(2),
            Answer::Choice(3),
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.login",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::DoneForMe,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.create_account",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::DoneForMe,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.form",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::DoneForMe,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.bank",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NoNeed,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.scan_send",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::DoneForMe,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.sms_code",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.forgot_password",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::DoneForMe,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.school",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NoNeed,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.download_certificate",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::DoneForMe,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.task_document",
        &[
            Answer::Choice(0),
            Answer::Choice(1),
            Answer::Choice(2),
            Answer::Choice(3),
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "adm.task_required_star",
        &[
            Answer::Choice(0),
            Answer::Choice(1),
            Answer::Choice(2),
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "job.search_offers",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "job.actualisation",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::DoneForMe,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "job.cv",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::DoneForMe,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "job.apply",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sec.scam",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sec.personal_data",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sec.cookies",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sec.pay",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NoNeed,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sec.password",
        &[
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sec.task_fake_sms",
        &[
            Answer::Choice(0),
            Answer::Choice(1),
            Answer::Choice(2),
            Answer::Choice(3),
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
    entry(
        "sec.task_password",
        &[
            Answer::Choice(0),
            Answer::Choice(1),
            Answer::Choice(2),
            Answer::DontKnow,
            Answer::NotUnderstood,
        ],
    ),
];

/// What a version 2 code can name as a priority: the ratings of bank v2, then the situation
/// needs (`crate::situation::Need`).
pub const V2_PRIORITIES: [&str; 35] = [
    "dev.touch",
    "dev.mouse_keyboard",
    "dev.install_app",
    "dev.find_download",
    "dev.write",
    "dev.print",
    "info.search",
    "info.reliable",
    "com.messaging",
    "com.email_send",
    "com.email_attachment",
    "com.photos",
    "com.video_call",
    "adm.login",
    "adm.create_account",
    "adm.form",
    "adm.bank",
    "adm.scan_send",
    "adm.sms_code",
    "adm.forgot_password",
    "adm.school",
    "adm.download_certificate",
    "job.search_offers",
    "job.actualisation",
    "job.cv",
    "job.apply",
    "sec.scam",
    "sec.personal_data",
    "sec.cookies",
    "sec.pay",
    "sec.password",
    "need.device",
    "need.connection",
    "need.email",
    "need.email_password",
];

/// Départements, in the order version 2 codes number them (0 is "no place"): where to look
/// for the chosen place in the national index.
pub const DEPARTEMENTS: [&str; 102] = [
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "2A", "2B", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
    "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47",
    "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63",
    "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79",
    "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95",
    "971", "972", "973", "974", "975", "976",
];
