//! "Écouter": reads a screen's text aloud with the browser's speech synthesis, in the widget's
//! language. No button when the browser has no speech synthesis.

use crate::dom::*;
use crate::icons::Icon;
use autonomie_core::i18n::Lang;
use leptos::prelude::AnyView;

fn synthesis() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    // Some browsers (and some private modes) have no speech synthesis at all.
    if !js_sys::Reflect::has(&window, &"speechSynthesis".into()).unwrap_or(false) {
        return None;
    }
    window.speech_synthesis().ok()
}

fn voice_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr-FR",
        Lang::En => "en-GB",
        Lang::Ar => "ar",
        Lang::Uk => "uk-UA",
    }
}

/// Whether this browser can read aloud.
pub fn available() -> bool {
    synthesis().is_some()
}

pub fn speak(lang: Lang, text: &str) {
    let Some(synthesis) = synthesis() else { return };
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    utterance.set_lang(voice_lang(lang));
    // A slightly slower pace helps people who read with difficulty.
    utterance.set_rate(0.9);
    synthesis.cancel();
    synthesis.speak(&utterance);
}

/// The "Écouter" button (its label in `label`), reading `text` in `lang`; nothing when
/// speech synthesis is missing.
pub fn listen_button(lang: Lang, label: String, text: String) -> AnyView {
    if synthesis().is_none() {
        return nothing();
    }
    button("an-button an-secondary an-listen", move || {
        speak(lang, &text)
    })
    .child(icon(Icon::Speaker))
    .child(label)
    .into_any()
}

/// Stops any reading, e.g. when the screen changes.
pub fn stop() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}
