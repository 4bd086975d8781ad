//! Pictograms drawn inline. They are decorative (`aria-hidden`): the text next to them always
//! carries the meaning. Drawn with `dom::icon`.

/// A pictogram, by what it shows. Screens name them with this enum (a misspelt one does not
/// compile); content names them by [`Icon::name`] (the bank's domains and task options), read
/// with [`Icon::from_name`] and checked by a test against the built-in bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    Device,
    Hand,
    Search,
    Mail,
    Form,
    Lock,
    Work,
    Alone,
    Help,
    NotYet,
    Unsure,
    NoNeed,
    DontKnow,
    Yes,
    No,
    ArrowBack,
    Reload,
    Home,
    Trash,
    Paperclip,
    Pencil,
    Print,
    Speaker,
    Pin,
    Clock,
    Shield,
    Star,
    Back,
    Next,
    TextSize,
}

impl Icon {
    pub const ALL: [Icon; 30] = [
        Icon::Device,
        Icon::Hand,
        Icon::Search,
        Icon::Mail,
        Icon::Form,
        Icon::Lock,
        Icon::Work,
        Icon::Alone,
        Icon::Help,
        Icon::NotYet,
        Icon::Unsure,
        Icon::NoNeed,
        Icon::DontKnow,
        Icon::Yes,
        Icon::No,
        Icon::ArrowBack,
        Icon::Reload,
        Icon::Home,
        Icon::Trash,
        Icon::Paperclip,
        Icon::Pencil,
        Icon::Print,
        Icon::Speaker,
        Icon::Pin,
        Icon::Clock,
        Icon::Shield,
        Icon::Star,
        Icon::Back,
        Icon::Next,
        Icon::TextSize,
    ];

    /// The name content uses for it.
    pub fn name(self) -> &'static str {
        match self {
            Icon::Device => "device",
            Icon::Hand => "hand",
            Icon::Search => "search",
            Icon::Mail => "mail",
            Icon::Form => "form",
            Icon::Lock => "lock",
            Icon::Work => "work",
            Icon::Alone => "alone",
            Icon::Help => "help",
            Icon::NotYet => "notyet",
            Icon::Unsure => "unsure",
            Icon::NoNeed => "noneed",
            Icon::DontKnow => "dontknow",
            Icon::Yes => "yes",
            Icon::No => "no",
            Icon::ArrowBack => "arrow_back",
            Icon::Reload => "reload",
            Icon::Home => "home",
            Icon::Trash => "trash",
            Icon::Paperclip => "paperclip",
            Icon::Pencil => "pencil",
            Icon::Print => "print",
            Icon::Speaker => "speaker",
            Icon::Pin => "pin",
            Icon::Clock => "clock",
            Icon::Shield => "shield",
            Icon::Star => "star",
            Icon::Back => "back",
            Icon::Next => "next",
            Icon::TextSize => "text_size",
        }
    }

    /// The pictogram content names `name` (a few have a second name); `None` for none.
    pub fn from_name(name: &str) -> Option<Icon> {
        Some(match name {
            "device" => Icon::Device,
            "hand" => Icon::Hand,
            "search" | "magnifier" => Icon::Search,
            "mail" => Icon::Mail,
            "form" => Icon::Form,
            "lock" => Icon::Lock,
            "work" => Icon::Work,
            "alone" => Icon::Alone,
            "help" => Icon::Help,
            "notyet" => Icon::NotYet,
            "unsure" => Icon::Unsure,
            "noneed" => Icon::NoNeed,
            "dontknow" => Icon::DontKnow,
            "yes" => Icon::Yes,
            "no" | "close" => Icon::No,
            "arrow_back" => Icon::ArrowBack,
            "reload" => Icon::Reload,
            "home" => Icon::Home,
            "trash" => Icon::Trash,
            "paperclip" => Icon::Paperclip,
            "pencil" => Icon::Pencil,
            "print" => Icon::Print,
            "speaker" => Icon::Speaker,
            "pin" => Icon::Pin,
            "clock" => Icon::Clock,
            "shield" => Icon::Shield,
            "star" => Icon::Star,
            "back" => Icon::Back,
            "next" => Icon::Next,
            "text_size" => Icon::TextSize,
            _ => return None,
        })
    }

    /// SVG path data (24×24, stroked).
    pub fn path(self) -> &'static str {
        match self {
            Icon::Device => "M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zM11 18h2",
            Icon::Hand => "M9 12V5a1.5 1.5 0 0 1 3 0v6m0-2a1.5 1.5 0 0 1 3 0v2m0-1a1.5 1.5 0 0 1 3 0v5a6 6 0 0 1-6 6h-1a6 6 0 0 1-5-3l-2.5-4.5a1.5 1.5 0 0 1 2.5-1.5L9 15",
            Icon::Search => "M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13zM15.5 15.5L21 21",
            Icon::Mail => "M3 5h18v14H3zM3 6l9 7 9-7",
            Icon::Form => "M6 2h9l4 4v16H6zM9 11h7M9 15h7M9 7h3",
            Icon::Lock => "M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4M12 15v2",
            Icon::Work => "M3 7h18v13H3zM9 7V4h6v3M3 13h18",
            Icon::Alone => "M12 3a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM4 21a8 8 0 0 1 16 0",
            Icon::Help => "M9 4a3 3 0 1 0 0 6a3 3 0 1 0 0-6zM2 20a7 7 0 0 1 14 0M16 4.5a3 3 0 0 1 0 5.5M18 14a7 7 0 0 1 4 6",
            Icon::NotYet => "M12 21V12M12 12c0-4-3-6-7-6 0 4 3 6 7 6zM12 14c0-4 3-6 7-6 0 4-3 6-7 6z",
            Icon::Unsure => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7v1M12 17.5v.5",
            Icon::NoNeed => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM8 12h8",
            Icon::DontKnow => "M9 8a3 3 0 1 1 4.2 2.8c-.7.3-1.2 1-1.2 1.8V14M12 18v.5",
            Icon::Yes => "M4 12l5 5L20 6",
            Icon::No => "M6 6l12 12M18 6L6 18",
            Icon::ArrowBack => "M20 12H4M10 6l-6 6 6 6",
            Icon::Reload => "M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5",
            Icon::Home => "M3 11l9-8 9 8M5 10v10h14V10",
            Icon::Trash => "M4 7h16M9 7V4h6v3M6 7l1 14h10l1-14",
            Icon::Paperclip => "M20 11l-8 8a5 5 0 0 1-7-7l8.5-8.5a3.5 3.5 0 0 1 5 5L10 17a2 2 0 0 1-3-3l7.5-7.5",
            Icon::Pencil => "M4 20l1-5L16 4l4 4L9 19zM14 6l4 4",
            Icon::Print => "M6 9V3h12v6M6 18H4v-7h16v7h-2M7 14h10v7H7z",
            Icon::Speaker => "M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12",
            Icon::Pin => "M12 21s-7-6-7-11a7 7 0 0 1 14 0c0 5-7 11-7 11zM12 7a3 3 0 1 0 0 6a3 3 0 1 0 0-6z",
            Icon::Clock => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3 3",
            Icon::Shield => "M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z",
            Icon::Star => "M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z",
            Icon::Back => "M15 6l-6 6 6 6",
            Icon::Next => "M9 6l6 6-6 6",
            Icon::TextSize => "M4 18L9 6l5 12M6 14h6M15 18l3-7 3 7M16 16h4",
        }
    }

    /// Pictograms that point along the reading direction, mirrored in right-to-left languages
    /// (a browser's back arrow points right in Arabic).
    pub fn is_directional(self) -> bool {
        matches!(self, Icon::ArrowBack | Icon::Back | Icon::Next)
    }
}

/// The pictogram of an answer.
pub fn answer_icon(answer: autonomie_core::Answer) -> Option<Icon> {
    use autonomie_core::Answer;
    match answer {
        Answer::Yes => Some(Icon::Yes),
        Answer::No => Some(Icon::No),
        Answer::Alone => Some(Icon::Alone),
        Answer::WithHelp => Some(Icon::Help),
        Answer::NotYet => Some(Icon::NotYet),
        Answer::DoneForMe => Some(Icon::Hand),
        Answer::NoNeed => Some(Icon::NoNeed),
        Answer::DontKnow => Some(Icon::DontKnow),
        Answer::NotUnderstood => Some(Icon::Unsure),
        Answer::Choice(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pictogram_has_a_drawing_and_reads_back_by_its_name() {
        for icon in Icon::ALL {
            assert!(!icon.path().is_empty(), "{icon:?}");
            assert_eq!(Icon::from_name(icon.name()), Some(icon));
        }
        assert_eq!(Icon::from_name("magnifier"), Some(Icon::Search));
        assert_eq!(Icon::from_name("unknown"), None);
    }

    #[test]
    fn every_pictogram_the_bank_names_exists() {
        let bank = autonomie_core::Bank::builtin();
        for domain in &bank.domains {
            assert!(
                Icon::from_name(&domain.icon).is_some(),
                "domain {} names the icon {}, which does not exist",
                domain.id,
                domain.icon
            );
        }
    }
}
