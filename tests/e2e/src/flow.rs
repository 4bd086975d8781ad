//! Walking the self-assessment as a person does: choosing the language, starting, answering
//! each screen (by clicking or with the keyboard alone), passing the kind offers, and reaching
//! the summary and the places step; with the profile the screenshots show.

use serde_json::{json, Value};

use crate::{Browser, Key};

/// Driving the self-assessment the way a person does, by clicking.
impl Browser {
    /// Picks `lang` in the header's select (without waiting for its texts).
    pub async fn pick_language(&self, lang: &str) {
        self.in_widget(
            0,
            &format!(
                "const s = root.querySelector('#an-lang'); s.value = {}; s.dispatchEvent(new Event('change')); return true;",
                json!(lang)
            ),
        )
        .await;
    }

    /// Picks `lang` in the header's select, as a person does, and waits for its texts.
    pub async fn switch_language(&self, lang: &str) {
        self.pick_language(lang).await;
        self.wait_widget(
            &format!("root.querySelector('.an-root').lang === {}", json!(lang)),
            "the new language",
        )
        .await;
    }

    /// Presses the welcome screen's start button, whatever the language, and waits for the
    /// first question.
    pub async fn start_in_any_language(&self) {
        self.in_widget(
            0,
            "root.querySelector('form.an-start .an-primary').click(); return true;",
        )
        .await;
        self.wait_widget(
            "root.querySelector('form[data-item]')",
            "the first question",
        )
        .await;
    }

    /// Presses the welcome screen's start button (its text in the widget's language) and
    /// waits for the first question.
    pub async fn start_assessment(&self, button: &str) {
        self.click_text(button).await;
        self.wait_widget(
            "root.querySelector('form[data-item]')",
            "the first question",
        )
        .await;
    }

    /// The id of the question on screen (the first one of a group), if any.
    pub async fn current_item(&self) -> Option<String> {
        self.in_widget(
            0,
            "return root.querySelector('form[data-item]')?.dataset.item ?? null;",
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// The ids of every question on screen: one, or each question of a group.
    pub async fn current_items(&self) -> Vec<String> {
        self.widget_strings(
            "return [...root.querySelectorAll('form[data-item] fieldset[data-item]')].map(f => f.dataset.item);",
        )
        .await
    }

    /// The answer codes offered by the question on screen (the first of a group), in order.
    pub async fn current_choices(&self) -> Vec<String> {
        self.choices_of(0).await
    }

    /// The answer codes offered by the `row`-th question on screen.
    pub async fn choices_of(&self, row: usize) -> Vec<String> {
        self.widget_strings(&format!(
            "const f = root.querySelectorAll('form[data-item] fieldset[data-item]')[{row}];\
             return f ? [...f.querySelectorAll('input[type=radio]')].map(i => i.value) : [];"
        ))
        .await
    }

    /// A kind offer on screen ("reading" or "not_understood"), if any.
    pub async fn current_offer(&self) -> Option<String> {
        self.in_widget(
            0,
            "return root.querySelector('.an-offer')?.dataset.offer ?? null;",
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// "Continuer" on a kind offer, and waits for the question it was hiding.
    pub async fn dismiss_offer(&self) {
        self.in_widget(
            0,
            "root.querySelector('.an-offer .an-offer-continue').click(); return true;",
        )
        .await;
        self.wait_widget("!root.querySelector('.an-offer')", "the offer to go")
            .await;
    }

    /// Picks the answer `code` to every question on screen that offers it (the first answer
    /// to the others) and validates, then continues past an exercise's feedback.
    pub async fn answer(&self, code: &str) {
        self.answer_with(|_, choices| {
            if choices.iter().any(|c| c == code) {
                code.to_string()
            } else {
                choices[0].clone()
            }
        })
        .await;
    }

    /// Answers the screen on show with `pick(item id, offered codes)` for each question.
    pub async fn answer_with(&self, pick: impl Fn(&str, &[String]) -> String) {
        let mut codes = Vec::new();
        for (row, item) in self.current_items().await.iter().enumerate() {
            codes.push(pick(item, &self.choices_of(row).await));
        }
        self.answer_screen(&codes).await;
    }

    /// Picks one answer per question on screen, in order, and validates; then continues past
    /// an exercise's feedback.
    pub async fn answer_screen(&self, codes: &[String]) {
        let item = self.current_item().await.expect("a question on screen");
        let ok = self
            .in_widget(
                0,
                &format!(
                    "const codes = {};\
                     const rows = [...root.querySelectorAll('form[data-item] fieldset[data-item]')];\
                     if (rows.length !== codes.length) return 'rows: ' + rows.length;\
                     for (let i = 0; i < rows.length; i++) {{\
                       const input = rows[i].querySelector('input[value=\"' + codes[i] + '\"]');\
                       if (!input) return rows[i].dataset.item + ' has no answer ' + codes[i];\
                       input.click();\
                     }}\
                     root.querySelector('form[data-item] .an-validate').click(); return true;",
                    json!(codes)
                ),
            )
            .await;
        assert_eq!(ok, Value::Bool(true), "{item}: {ok}");
        self.wait_widget(
            &format!(
                "root.querySelector('form[data-item]')?.dataset.item !== {} ",
                json!(item)
            ),
            "the next screen",
        )
        .await;
        // After a mini-task, its feedback: continue (whatever the language).
        self.in_widget(
            0,
            "const next = root.querySelector('.an-feedback .an-primary'); if (next) next.click(); return true;",
        )
        .await;
    }

    /// Answers the screen on show with the keyboard alone: into each question's radio group
    /// with Tab, Space checks the first answer and Down moves to `codes[row]`; then "Valider",
    /// and "Continuer" after an exercise's feedback.
    pub async fn answer_screen_by_keyboard(&self, codes: &[String]) {
        let items = self.current_items().await;
        let first = items.first().cloned().expect("a question on screen");
        for (row, code) in codes.iter().enumerate() {
            let choices = self.choices_of(row).await;
            let wanted = choices
                .iter()
                .position(|c| c == code)
                .unwrap_or_else(|| panic!("{}: no {code} in {choices:?}", items[row]));
            if row > 0 {
                self.press(&[Key::Tab]).await;
            }
            self.tab_to("input|radio").await;
            self.press(&[Key::Space]).await;
            for _ in 0..wanted {
                self.press(&[Key::Down]).await;
            }
            let checked = self
                .in_widget(
                    0,
                    &format!(
                        "return root.querySelectorAll('form[data-item] fieldset[data-item]')[{row}].querySelector('input:checked')?.value ?? null;"
                    ),
                )
                .await;
            assert_eq!(checked.as_str(), Some(code.as_str()), "{}", items[row]);
        }
        self.tab_to("Valider").await;
        self.press(&[Key::Enter]).await;
        self.wait_widget(
            &format!("root.querySelector('form[data-item]')?.dataset.item !== '{first}'"),
            "the next screen",
        )
        .await;
        if self
            .in_widget(0, "return !!root.querySelector('.an-feedback');")
            .await
            == Value::Bool(true)
        {
            self.tab_to("Continuer").await;
            self.press(&[Key::Enter]).await;
        }
    }

    /// Answers every question with `pick`, then goes from the result to the summary sheet.
    pub async fn complete_to_summary(&self, pick: impl Fn(&str, &[String]) -> String) {
        self.answer_all(pick).await;
        self.wait_widget("root.querySelector('.an-result')", "the result")
            .await;
        self.in_widget(
            0,
            "root.querySelector('.an-result .an-go-summary').click(); return true;",
        )
        .await;
        self.wait_widget("root.querySelector('.an-sheet')", "the summary")
            .await;
    }

    /// From the result to the printable sheet, in any language: waits for the result, opens
    /// the summary and waits for its share code.
    pub async fn open_summary_from_result(&self) {
        self.wait_widget("root.querySelector('.an-result')", "the result")
            .await;
        self.in_widget(
            0,
            "root.querySelector('.an-go-summary').click(); return true;",
        )
        .await;
        self.wait_widget(
            "root.querySelector('.an-sheet .an-code')",
            "the summary with its code",
        )
        .await;
    }

    /// Answers every question with `pick(item id, offered codes)` until the result shows, and
    /// goes on after each kind offer. Returns how many screens were answered.
    pub async fn answer_all(&self, pick: impl Fn(&str, &[String]) -> String) -> usize {
        self.answer_until(None, pick).await
    }

    /// Like [`Browser::answer_all`], stopping when the question `stop` is on screen.
    pub async fn answer_until(
        &self,
        stop: Option<&str>,
        pick: impl Fn(&str, &[String]) -> String,
    ) -> usize {
        let mut count = 0;
        loop {
            if stop.is_some() && self.current_item().await.as_deref() == stop {
                break;
            }
            if self.current_offer().await.is_some() {
                self.dismiss_offer().await;
                continue;
            }
            if self.current_items().await.is_empty() {
                break;
            }
            self.answer_with(&pick).await;
            count += 1;
            assert!(count <= 40, "the assessment does not end");
        }
        count
    }

    /// From the welcome screen: the whole assessment (mixed answers), the orientation, then
    /// the places step.
    pub async fn reach_places(&self) {
        self.start_assessment("Commencer").await;
        self.answer_all(mixed_profile).await;
        self.wait_widget("root.querySelector('.an-result')", "the result")
            .await;
        self.click_text("Voir l'aide qui me correspond").await;
        self.click_text("Trouver un lieu près de chez moi").await;
        self.wait_widget("root.querySelector('.an-places')", "the places screen")
            .await;
    }

    /// From the orientation, opens the places step, searches near 69100 (in the demo data) and
    /// chooses the first place found.
    pub async fn choose_a_place_near_villeurbanne(&self) {
        self.in_widget(
            0,
            "root.querySelector('.an-orientation .an-actions .an-primary').click(); return true;",
        )
        .await;
        self.wait_widget("root.querySelector('.an-places')", "the places")
            .await;
        self.in_widget(0, "const i = root.querySelector('#an-where'); i.value = '69100'; i.dispatchEvent(new Event('input')); return true;")
            .await;
        self.wait_widget(
            "root.querySelectorAll('.an-place').length > 0",
            "places found",
        )
        .await;
        self.in_widget(
            0,
            "root.querySelector('.an-place .an-choose').click(); return true;",
        )
        .await;
    }
}

/// A person with a smartphone, internet at home, an e-mail address, looking for work, with
/// mixed skills: the profile the screenshots show.
pub fn mixed_profile(item: &str, choices: &[String]) -> String {
    let pick = |code: &str| {
        if choices.iter().any(|c| c == code) {
            code.to_string()
        } else {
            choices[0].clone()
        }
    };
    match item {
        "sit.reading" | "sit.phone" | "sit.email" => pick("choice-0"),
        "sit.helper" => pick("choice-2"),
        "sit.computer" | "sit.tablet" | "sit.urgent" | "sit.children_school" => pick("no"),
        "sit.account_caf" | "sit.account_impots" | "sit.franceconnect" => pick("no"),
        i if i.starts_with("sit.") || i == "job.gate" => pick("yes"),
        "info.task_safe_url" | "sec.task_fake_sms" => pick("choice-0"),
        "com.task_attachment_icon" => pick("choice-1"),
        i if i.contains(".task") => pick("dontknow"),
        i if i.starts_with("dev.") => pick("alone"),
        i if i.starts_with("info.") || i.starts_with("com.") => pick("help"),
        "sec.password" | "sec.scam" => pick("help"),
        _ => pick("notyet"),
    }
}
