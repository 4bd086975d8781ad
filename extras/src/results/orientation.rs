//! "L'aide qui vous correspond": what is missing to go online, at most 3 services to ask for,
//! each with its reason, and the kind of help, as the core's orientation says.

use crate::k;
use autonomie_core::evaluation::Evaluation;
use autonomie_core::i18n::Key;
use autonomie_core::orientation::ServiceAdvice;
use autonomie_ui::icons::Icon;
use autonomie_ui::markup::{fragment, h, list_or, Html};
use autonomie_ui::texts::Texts;

use super::{actions, common_action, Ctx};
use crate::page::button;

pub fn orientation(ctx: Ctx) {
    let Some(session) = ctx.settings(|s| s.session.clone()) else {
        return;
    };
    let evaluation = super::evaluation_of(&ctx, &session);
    let places = ctx.settings(|s| s.modules.places);
    let to_print = if places {
        "an-button an-secondary an-go-summary"
    } else {
        "an-button an-primary an-go-summary"
    };
    ctx.show(
        h("section")
            .class("an-screen an-orientation")
            .child(
                h("h2")
                    .id("an-orientation-title")
                    .attr("tabindex", "-1")
                    .child(ctx.t(k::orientation::TITLE)),
            )
            .child(advice(&ctx, &evaluation))
            .child(
                actions()
                    .child(button(
                        "an-button an-secondary",
                        "go",
                        "result",
                        Some(Icon::Back),
                        &ctx.t(k::orientation::BACK),
                    ))
                    .child(places.then(|| {
                        button(
                            "an-button an-primary an-go-places",
                            "go",
                            "places",
                            Some(Icon::Pin),
                            &ctx.t(k::orientation::FIND_PLACE),
                        )
                    }))
                    .child(button(
                        to_print,
                        "go",
                        "summary",
                        Some(Icon::Print),
                        &ctx.t(k::orientation::PRINT),
                    )),
            ),
    );
    super::on_click(&ctx, |ctx, action| {
        common_action(ctx, action);
    });
}

/// The orientation's boxes, or one kind sentence when nothing is needed.
fn advice(ctx: &Ctx, evaluation: &Evaluation) -> Html {
    let orientation = &evaluation.orientation;
    if orientation.nothing_needed() {
        return h("p")
            .class("an-box an-nothing-needed")
            .child(ctx.t(k::orientation::NOTHING_NEEDED))
            .into_html();
    }
    let needs = (!orientation.needs.is_empty()).then(|| {
        let needs: Vec<String> = orientation.needs.iter().map(|n| ctx.goal(n.id())).collect();
        h("div")
            .class("an-box an-needs")
            .child(h("h3").child(ctx.t(k::orientation::NEEDS_TITLE)))
            .child(list_or(needs, ""))
            .child(h("p").child(ctx.t(k::orientation::NEEDS_TEXT)))
    });
    let services = (!orientation.services.is_empty()).then(|| {
        // The name as the mediation places write it, what it means in common words, and why
        // it is recommended.
        let services = orientation.services.iter().map(|advice| {
            let key = advice.service.i18n_key();
            h("li")
                .child(h("strong").child(ctx.t(Key::computed(&key))))
                .child(h("span").class("an-gloss").child(format!(
                    " ({})",
                    ctx.t(Key::computed(&format!("{key}.gloss")))
                )))
                .child(h("span").class("an-reason").child(reason(ctx, advice)))
        });
        h("div")
            .class("an-box an-services")
            .child(h("h3").child(ctx.t(k::orientation::SERVICES_TITLE)))
            .child(h("p").child(ctx.t(k::orientation::SERVICES_INTRO)))
            .child(h("ul").class("an-service-list").children(services))
            .child(
                orientation
                    .reading_help
                    .then(|| h("p").child(ctx.t(k::orientation::READING_HELP))),
            )
    });
    let help = (!orientation.help.is_empty()).then(|| {
        let kinds = orientation.help.iter().enumerate().map(|(rank, kind)| {
            let key = kind.i18n_key();
            h("li")
                .class(if rank == 0 {
                    "an-main-help"
                } else {
                    "an-other-help"
                })
                .child(h("strong").child(ctx.t(Key::computed(key))))
                .child(
                    h("span")
                        .class("an-reason")
                        .child(ctx.t(Key::computed(&format!("{key}.desc")))),
                )
        });
        h("div")
            .class("an-box")
            .child(h("h3").child(ctx.t(k::orientation::HELP_TITLE)))
            .child(h("ul").class("an-help-kinds").children(kinds))
    });
    fragment([needs, services, help])
}

/// "Vous avez choisi : envoyer un e-mail avec une pièce jointe."
pub fn reason(ctx: &Ctx, advice: &ServiceAdvice) -> String {
    let (sentence, goal) = advice.reason.keys();
    ctx.format(
        Key::computed(sentence),
        &[("goal", &ctx.t(Key::computed(&goal)))],
    )
}
