//! "L'aide qui vous correspond": what is missing to go online, at most 3 services to ask for,
//! each with its reason, and the kind of help, as the core's orientation says.

use crate::k;
use autonomie_core::evaluation::Evaluation;
use autonomie_core::i18n::Key;
use autonomie_core::orientation::ServiceAdvice;
use autonomie_ui::icons::Icon;
use autonomie_ui::markup::Markup;
use autonomie_ui::texts::Texts;

use super::{actions, common_action, Ctx};
use crate::page::button;

pub fn orientation(ctx: Ctx) {
    let Some(session) = ctx.settings(|s| s.session.clone()) else {
        return;
    };
    let evaluation = super::evaluation_of(&ctx, &session);
    let places = ctx.settings(|s| s.modules.places);
    let mut m = Markup::new();
    m.open_class("section", "an-screen an-orientation").leaf(
        "h2",
        &[("id", "an-orientation-title"), ("tabindex", "-1")],
        &ctx.t(k::orientation::TITLE),
    );
    advice(&ctx, &evaluation, &mut m);
    actions(&mut m, |m| {
        button(
            m,
            "an-button an-secondary",
            "go",
            "result",
            Some(Icon::Back),
            &ctx.t(k::orientation::BACK),
        );
        if places {
            button(
                m,
                "an-button an-primary an-go-places",
                "go",
                "places",
                Some(Icon::Pin),
                &ctx.t(k::orientation::FIND_PLACE),
            );
        }
        button(
            m,
            if places {
                "an-button an-secondary an-go-summary"
            } else {
                "an-button an-primary an-go-summary"
            },
            "go",
            "summary",
            Some(Icon::Print),
            &ctx.t(k::orientation::PRINT),
        );
    });
    m.close("section");
    ctx.show(&m);
    super::on_click(&ctx, |ctx, action| {
        common_action(ctx, action);
    });
}

/// The orientation's boxes, or one kind sentence when nothing is needed.
fn advice(ctx: &Ctx, evaluation: &Evaluation, m: &mut Markup) {
    let orientation = &evaluation.orientation;
    if orientation.nothing_needed() {
        m.leaf_class(
            "p",
            "an-box an-nothing-needed",
            &ctx.t(k::orientation::NOTHING_NEEDED),
        );
        return;
    }
    if !orientation.needs.is_empty() {
        let needs: Vec<String> = orientation.needs.iter().map(|n| ctx.goal(n.id())).collect();
        m.open_class("div", "an-box an-needs")
            .leaf("h3", &[], &ctx.t(k::orientation::NEEDS_TITLE))
            .list_or(&needs, "")
            .leaf("p", &[], &ctx.t(k::orientation::NEEDS_TEXT))
            .close("div");
    }
    if !orientation.services.is_empty() {
        m.open_class("div", "an-box an-services")
            .leaf("h3", &[], &ctx.t(k::orientation::SERVICES_TITLE))
            .leaf("p", &[], &ctx.t(k::orientation::SERVICES_INTRO))
            .open_class("ul", "an-service-list");
        for advice in &orientation.services {
            // The name as the mediation places write it, what it means in common words, and
            // why it is recommended.
            let key = advice.service.i18n_key();
            m.open("li", &[])
                .leaf("strong", &[], &ctx.t(Key::computed(&key)))
                .leaf_class(
                    "span",
                    "an-gloss",
                    &format!(" ({})", ctx.t(Key::computed(&format!("{key}.gloss")))),
                )
                .leaf_class("span", "an-reason", &reason(ctx, advice))
                .close("li");
        }
        m.close("ul");
        if orientation.reading_help {
            m.leaf("p", &[], &ctx.t(k::orientation::READING_HELP));
        }
        m.close("div");
    }
    if !orientation.help.is_empty() {
        m.open_class("div", "an-box")
            .leaf("h3", &[], &ctx.t(k::orientation::HELP_TITLE))
            .open_class("ul", "an-help-kinds");
        for (rank, kind) in orientation.help.iter().enumerate() {
            let key = kind.i18n_key();
            m.open_class(
                "li",
                if rank == 0 {
                    "an-main-help"
                } else {
                    "an-other-help"
                },
            )
            .leaf("strong", &[], &ctx.t(Key::computed(key)))
            .leaf_class(
                "span",
                "an-reason",
                &ctx.t(Key::computed(&format!("{key}.desc"))),
            )
            .close("li");
        }
        m.close("ul").close("div");
    }
}

/// "Vous avez choisi : envoyer un e-mail avec une pièce jointe."
pub fn reason(ctx: &Ctx, advice: &ServiceAdvice) -> String {
    let (sentence, goal) = advice.reason.keys();
    ctx.format(
        Key::computed(sentence),
        &[("goal", &ctx.t(Key::computed(&goal)))],
    )
}
