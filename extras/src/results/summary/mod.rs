//! "Mon bilan numérique": the sheet to print, with the print button. On a public computer,
//! after printing, the person is asked whether the page came out, then everything about them
//! goes ("Terminer").
//!
//! This file holds the screen; the sheet itself is `sheet.rs`, with its parts `place.rs` (the
//! chosen place) and `share.rs` (the code and its QR code); the mediator's view prints the same
//! sheet. Its CSS, on screen and in print, is `summary.css`, beside them.

pub mod place;
pub mod share;
pub mod sheet;

use crate::k;
use autonomie_ui::contract::Action;
use autonomie_ui::icons::Icon;
use autonomie_ui::markup::h;
use autonomie_ui::texts::Texts;

use super::{actions, common_action, Ctx};
use crate::page::button;
use sheet::{sheet, SheetOf};

pub fn summary(ctx: Ctx) {
    let Some(session) = ctx.settings(|s| s.session.clone()) else {
        return;
    };
    let evaluation = super::evaluation_of(&ctx, &session);
    let public = ctx.settings(|s| s.public);
    // "Le résumé est-il bien sorti de l'imprimante ?", shown after printing on a public
    // computer.
    let printed_check = public.then(|| {
        h("div")
            .class("an-box an-printed-check no-print")
            .attr("role", "group")
            .attr("aria-labelledby", "an-printed-title")
            .flag("hidden", true)
            .child(
                h("h3")
                    .id("an-printed-title")
                    .attr("tabindex", "-1")
                    .child(ctx.t(k::public::PRINTED_QUESTION)),
            )
            .child(button(
                "an-button an-primary",
                "next_person",
                "",
                None,
                &ctx.t(k::public::PRINTED_YES),
            ))
            .child(button(
                "an-button an-secondary",
                "print",
                "",
                None,
                &ctx.t(k::public::PRINTED_NO),
            ))
    });
    ctx.show(
        h("section")
            .class("an-screen an-summary-screen")
            .child(
                actions()
                    .child(button(
                        "an-button an-secondary",
                        "go",
                        "result",
                        Some(Icon::Back),
                        &ctx.t(k::summary::BACK),
                    ))
                    .child(button(
                        "an-button an-primary an-print",
                        "print_sheet",
                        "",
                        Some(Icon::Print),
                        &ctx.t(k::summary::PRINT),
                    ))
                    .child(public.then(|| {
                        button(
                            "an-button an-secondary an-finish",
                            "next_person",
                            "",
                            None,
                            &ctx.t(k::nav::FINISH),
                        )
                    })),
            )
            .child(printed_check)
            .child(
                h("p")
                    .class("an-hint no-print")
                    .child(ctx.t(k::summary::PRINT_HINT)),
            )
            .child(sheet(
                &ctx,
                SheetOf {
                    session: &session,
                    evaluation: &evaluation,
                    share: ctx.settings(|s| s.modules.share),
                    place: session.chosen_place.as_ref(),
                },
            )),
    );
    super::on_click(&ctx, move |ctx, action| match action.name.as_str() {
        "print_sheet" => {
            ctx.act(Action::Print);
            ctx.act(Action::Printed);
            // On a shared computer, the person's data goes once the page is out.
            if public {
                if let Some(check) = ctx.page().find(".an-printed-check") {
                    let _ = check.remove_attribute("hidden");
                }
                ctx.page().focus("#an-printed-title");
            }
        }
        "print" => {
            ctx.act(Action::Print);
            ctx.page().focus("#an-printed-title");
        }
        "next_person" => ctx.act(Action::NextPerson),
        _ => {
            common_action(ctx, action);
        }
    });
}
