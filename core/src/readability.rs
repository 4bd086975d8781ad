//! French readability: the Kandel–Moles adaptation of the Flesch reading-ease formula.
//!
//! `L = 207 − 1.015 × (words / sentences) − 73.6 × (syllables / words)`
//!
//! Source: L. Kandel and A. Moles, "Application de l'indice de Flesch à la langue
//! française", Cahiers Études de Radio-Télévision 19 (1958), pp. 253–274. As with Flesch,
//! 70 and above reads as "facile" or easier; the tests hold every question to that.
//!
//! Counting rules, chosen to be simple and slightly pessimistic:
//! - a word is a run of letters or digits; hyphens split words ("Avez-vous" is 2 words) and
//!   an elided article stays with its word ("l'aide" is 1 word);
//! - syllables are groups of vowels (y included), minus a silent final "e" or "es" in a
//!   word of 2 groups or more; every word has at least 1 syllable;
//! - a number counts 1 syllable per digit; sentences end with `.`, `!`, `?` or `…`.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Kandel–Moles score; higher is easier.
    pub score: f64,
}

/// Score at or above which a French text counts as easy to read.
pub const EASY: f64 = 70.0;

pub fn kandel_moles(text: &str) -> Readability {
    let words = words(text);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let sentences = text
        .split(['.', '!', '?', '…'])
        .filter(|part| part.chars().any(char::is_alphanumeric))
        .count()
        .max(1);
    let word_count = words.len().max(1);
    let score = 207.0
        - 1.015 * (word_count as f64 / sentences as f64)
        - 73.6 * (syllables as f64 / word_count as f64);
    Readability {
        words: words.len(),
        sentences,
        syllables,
        score,
    }
}

fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’') && !current.is_empty() {
            // Elision: "l'aide" is read as one word.
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'à'
            | 'â'
            | 'ä'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'î'
            | 'ï'
            | 'ô'
            | 'ö'
            | 'ù'
            | 'û'
            | 'ü'
            | 'ÿ'
            | 'œ'
            | 'æ'
    )
}

fn syllables(word: &str) -> usize {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return word.len().max(1);
    }
    let chars: Vec<char> = word.chars().collect();
    let mut groups = 0;
    let mut in_vowels = false;
    for &c in &chars {
        let vowel = is_vowel(c);
        if vowel && !in_vowels {
            groups += 1;
        }
        in_vowels = vowel;
    }
    let silent_end = word.ends_with('e') || (word.ends_with("es") && !word.ends_with("ées"));
    if silent_end && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_syllables_and_sentences() {
        let r = kandel_moles("Avez-vous un smartphone ?");
        assert_eq!(r.words, 4);
        assert_eq!(r.sentences, 1);
        // a-vez vous un smart-phone: silent final e.
        assert_eq!(r.syllables, 6);
        let r = kandel_moles("Je lis. Tu lis l'aide !");
        assert_eq!(r.words, 5);
        assert_eq!(r.sentences, 2);
    }

    #[test]
    fn plain_text_scores_higher_than_dense_text() {
        let plain = kandel_moles("Vous avez un compte. Vous entrez votre mot de passe.");
        let dense = kandel_moles(
            "L'authentification multifactorielle constitue une protection supplémentaire indispensable contre l'usurpation d'identité numérique.",
        );
        assert!(plain.score >= EASY, "{plain:?}");
        assert!(dense.score < EASY, "{dense:?}");
    }
}
