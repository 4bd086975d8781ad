//! Pictograms drawn inline. They are decorative (`aria-hidden`): the text next to them always
//! carries the meaning. Drawn with `dom::icon`.

/// SVG path data (24×24, stroked) for each pictogram name used by the bank and the screens.
pub fn path(name: &str) -> &'static str {
    match name {
        "device" => "M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zM11 18h2",
        "hand" => "M9 12V5a1.5 1.5 0 0 1 3 0v6m0-2a1.5 1.5 0 0 1 3 0v2m0-1a1.5 1.5 0 0 1 3 0v5a6 6 0 0 1-6 6h-1a6 6 0 0 1-5-3l-2.5-4.5a1.5 1.5 0 0 1 2.5-1.5L9 15",
        "search" | "magnifier" => "M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13zM15.5 15.5L21 21",
        "mail" => "M3 5h18v14H3zM3 6l9 7 9-7",
        "form" => "M6 2h9l4 4v16H6zM9 11h7M9 15h7M9 7h3",
        "lock" => "M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4M12 15v2",
        "work" => "M3 7h18v13H3zM9 7V4h6v3M3 13h18",
        "alone" => "M12 3a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM4 21a8 8 0 0 1 16 0",
        "help" => "M9 4a3 3 0 1 0 0 6a3 3 0 1 0 0-6zM2 20a7 7 0 0 1 14 0M16 4.5a3 3 0 0 1 0 5.5M18 14a7 7 0 0 1 4 6",
        "notyet" => "M12 21V12M12 12c0-4-3-6-7-6 0 4 3 6 7 6zM12 14c0-4 3-6 7-6 0 4-3 6-7 6z",
        "unsure" => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7v1M12 17.5v.5",
        "noneed" => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM8 12h8",
        "dontknow" => "M9 8a3 3 0 1 1 4.2 2.8c-.7.3-1.2 1-1.2 1.8V14M12 18v.5",
        "yes" => "M4 12l5 5L20 6",
        "no" | "close" => "M6 6l12 12M18 6L6 18",
        "arrow_back" => "M20 12H4M10 6l-6 6 6 6",
        "reload" => "M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5",
        "home" => "M3 11l9-8 9 8M5 10v10h14V10",
        "trash" => "M4 7h16M9 7V4h6v3M6 7l1 14h10l1-14",
        "paperclip" => "M20 11l-8 8a5 5 0 0 1-7-7l8.5-8.5a3.5 3.5 0 0 1 5 5L10 17a2 2 0 0 1-3-3l7.5-7.5",
        "pencil" => "M4 20l1-5L16 4l4 4L9 19zM14 6l4 4",
        "print" => "M6 9V3h12v6M6 18H4v-7h16v7h-2M7 14h10v7H7z",
        "speaker" => "M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12",
        "pin" => "M12 21s-7-6-7-11a7 7 0 0 1 14 0c0 5-7 11-7 11zM12 7a3 3 0 1 0 0 6a3 3 0 1 0 0-6z",
        "clock" => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3 3",
        "shield" => "M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z",
        "star" => "M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z",
        "back" => "M15 6l-6 6 6 6",
        "next" => "M9 6l6 6-6 6",
        "text_size" => "M4 18L9 6l5 12M6 14h6M15 18l3-7 3 7M16 16h4",
        _ => "",
    }
}

/// Pictograms that point along the reading direction, mirrored in right-to-left languages
/// (a browser's back arrow points right in Arabic).
pub fn is_directional(name: &str) -> bool {
    matches!(name, "arrow_back" | "back" | "next")
}

/// Whether a pictogram exists for this name (task options only show one when it does).
pub fn has_icon(name: &str) -> bool {
    !path(name).is_empty()
}

/// The pictogram of an answer.
pub fn answer_icon(answer: autonomie_core::Answer) -> &'static str {
    use autonomie_core::Answer;
    match answer {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Alone => "alone",
        Answer::WithHelp => "help",
        Answer::NotYet => "notyet",
        Answer::DoneForMe => "hand",
        Answer::NoNeed => "noneed",
        Answer::DontKnow => "dontknow",
        Answer::NotUnderstood => "unsure",
        Answer::Choice(_) => "",
    }
}
