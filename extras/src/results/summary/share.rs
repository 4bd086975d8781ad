//! The share code on the sheet, and its QR code: what a mediator types or scans to see the
//! result on another device (`index.html#m=<code>`). The code carries the answers; nothing
//! goes through a server.

use crate::k;
use autonomie_core::session::Session;
use autonomie_core::share_code::{encode, SharePayload};
use autonomie_core::text_direction::TextKind;
use autonomie_ui::markup::{h, H};
use autonomie_ui::texts::Texts;

use crate::results::Ctx;

/// The printed code, read aloud on the phone or typed by a mediator: left to right even in
/// Arabic, and on a narrow screen wrapped between its groups of 4, never inside one. Each group
/// keeps its dash, so the text copied is the code as printed.
pub fn code_view(code: &str) -> H {
    let groups = code.split('-').collect::<Vec<_>>();
    let last = groups.len().saturating_sub(1);
    h("p")
        .class("an-code")
        .attr("translate", "no")
        .text_kind(TextKind::Code)
        .children(groups.iter().enumerate().map(|(index, group)| {
            let text = if index < last {
                format!("{group}-")
            } else {
                group.to_string()
            };
            h("span").class("an-code-group").child(text)
        }))
}

/// The short code and its QR code, which opens the mediator view on the widget's own page.
pub(super) fn share_block(ctx: &Ctx, session: &Session) -> Option<H> {
    let code = SharePayload::from_session(session)
        .and_then(|payload| encode(&payload))
        .ok()?;
    let base = ctx.settings(|s| s.base.clone());
    // A QR code only makes sense with an absolute address to open.
    let drawn = (base.starts_with("https://") || base.starts_with("http://"))
        .then(|| crate::qr::qr_path(format!("{base}index.html#m={code}")));
    let qr = drawn
        .as_deref()
        .and_then(|drawn| drawn.split_once('|'))
        .map(|(size, path)| {
            h("svg")
                .attr("xmlns", "http://www.w3.org/2000/svg")
                .class("an-qr")
                .attr("viewBox", &format!("0 0 {size} {size}"))
                .attr("role", "img")
                .attr("aria-label", &ctx.t(k::summary::QR_LABEL))
                .attr("shape-rendering", "crispEdges")
                .child(
                    h("rect")
                        .attr("width", size)
                        .attr("height", size)
                        .class("an-qr-light"),
                )
                .child(h("path").attr("d", path))
        });
    Some(
        h("div").class("an-share").child(qr).child(
            h("div")
                .child(h("h3").child(ctx.t(k::summary::SHARE_TITLE)))
                .child(code_view(&code))
                .child(
                    h("p")
                        .class("an-small")
                        .child(ctx.t(k::summary::SHARE_HINT)),
                ),
        ),
    )
}
