//! Which way a shown text reads: the `dir` attribute a screen puts on the element holding it.
//!
//! The widget follows its language: its root has `dir="rtl"` in Arabic and `dir="ltr"`
//! otherwise ([`crate::Lang::dir`]). The interface's own texts are translated and follow it.
//! Other texts are shown as they were written, whatever the language: a place's name and
//! address, a partner's name, a phone number, a code. Laid out in a right-to-left paragraph,
//! the runs of such a text are put in the wrong order: on an Arabic screen "150 rue du 4 Août
//! 1789" starts with "1789", and the phone number "02 62 97 83 91" reads "91 83 97 62 02".
//!
//! So each shown text has a [`TextKind`], and [`TextKind::dir`] gives the attribute to set:
//! - the interface's texts: none, they follow the page;
//! - texts people or partners wrote (names, addresses, communes, a partner's name): `auto`,
//!   the direction of their first strong letter (French text reads left to right on an Arabic
//!   screen, an Arabic name right to left on a French one);
//! - phone numbers, e-mail addresses, URLs and codes (the share code, a postal code, an id):
//!   `ltr` always. They have no letter that says their direction, or must keep their
//!   characters' order whatever their letters.
//!
//! Put the attribute on the smallest element holding only that text (a `span` inside a
//! translated sentence), never on a whole paragraph mixing it with translated words.

/// A kind of text a screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// The widget's own words, translated into the page's language.
    Interface,
    /// Written by a person or a partner, in any script: a place's name, address or commune,
    /// a partner's name.
    PersonData,
    /// A phone number, as shown (`02 62 97 83 91`) or for a `tel:` link.
    Phone,
    /// An e-mail address.
    Email,
    /// A web address.
    Url,
    /// A code read character by character: the share code, a postal code, an id.
    Code,
}

impl TextKind {
    /// The value of the `dir` attribute for this text; `None`: set none, the text follows
    /// the page.
    ///
    /// ```
    /// use autonomie_core::text_direction::TextKind;
    /// assert_eq!(TextKind::PersonData.dir(), Some("auto"));
    /// assert_eq!(TextKind::Phone.dir(), Some("ltr"));
    /// assert_eq!(TextKind::Interface.dir(), None);
    /// ```
    pub fn dir(self) -> Option<&'static str> {
        match self {
            TextKind::Interface => None,
            TextKind::PersonData => Some("auto"),
            TextKind::Phone | TextKind::Email | TextKind::Url | TextKind::Code => Some("ltr"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_text_follows_the_page() {
        assert_eq!(TextKind::Interface.dir(), None);
    }

    #[test]
    fn names_and_addresses_take_the_direction_of_their_first_letter() {
        // "150 rue du 4 Août 1789" on an Arabic screen, "مكتبة" on a French one.
        assert_eq!(TextKind::PersonData.dir(), Some("auto"));
    }

    #[test]
    fn numbers_addresses_and_codes_read_left_to_right_in_every_language() {
        for kind in [
            TextKind::Phone,
            TextKind::Email,
            TextKind::Url,
            TextKind::Code,
        ] {
            assert_eq!(kind.dir(), Some("ltr"), "{kind:?}");
        }
    }

    #[test]
    fn the_values_are_valid_dir_attributes() {
        for kind in [
            TextKind::Interface,
            TextKind::PersonData,
            TextKind::Phone,
            TextKind::Email,
            TextKind::Url,
            TextKind::Code,
        ] {
            assert!(
                matches!(kind.dir(), None | Some("ltr" | "rtl" | "auto")),
                "{kind:?}"
            );
        }
    }
}
