//! The share code on the sheet, and its QR code: what a mediator types or scans to see the
//! result on another device (`index.html#m=<code>`). The code carries the answers; nothing
//! goes through a server.

use crate::k;
use autonomie_core::session::Session;
use autonomie_core::share_code::{encode, SharePayload};
use autonomie_core::text_direction::TextKind;
use autonomie_ui::markup::Markup;
use autonomie_ui::texts::Texts;

use crate::results::Ctx;

/// The printed code, read aloud on the phone or typed by a mediator: left to right even in
/// Arabic, and on a narrow screen wrapped between its groups of 4, never inside one. Each group
/// keeps its dash, so the text copied is the code as printed.
pub fn code_view(code: &str, m: &mut Markup) {
    m.open_as(
        "p",
        TextKind::Code,
        &[("class", "an-code"), ("translate", "no")],
    );
    let groups = code.split('-').collect::<Vec<_>>();
    let last = groups.len().saturating_sub(1);
    for (index, group) in groups.iter().enumerate() {
        let text = if index < last {
            format!("{group}-")
        } else {
            group.to_string()
        };
        m.leaf_class("span", "an-code-group", &text);
    }
    m.close("p");
}

/// The short code and its QR code, which opens the mediator view on the widget's own page.
pub(super) fn share_block(ctx: &Ctx, session: &Session, m: &mut Markup) {
    let Ok(code) = SharePayload::from_session(session).and_then(|payload| encode(&payload)) else {
        return;
    };
    let base = ctx.settings(|s| s.base.clone());
    m.open_class("div", "an-share");
    // A QR code only makes sense with an absolute address to open.
    if base.starts_with("https://") || base.starts_with("http://") {
        let drawn = crate::qr::qr_path(format!("{base}index.html#m={code}"));
        if let Some((size, path)) = drawn.split_once('|') {
            m.open(
                "svg",
                &[
                    ("xmlns", "http://www.w3.org/2000/svg"),
                    ("class", "an-qr"),
                    ("viewBox", &format!("0 0 {size} {size}")),
                    ("role", "img"),
                    ("aria-label", &ctx.t(k::summary::QR_LABEL)),
                    ("shape-rendering", "crispEdges"),
                ],
            )
            .open(
                "rect",
                &[("width", size), ("height", size), ("class", "an-qr-light")],
            )
            .close("rect")
            .open("path", &[("d", path)])
            .close("path")
            .close("svg");
        }
    }
    m.open("div", &[])
        .leaf("h3", &[], &ctx.t(k::summary::SHARE_TITLE));
    code_view(&code, m);
    m.leaf_class("p", "an-small", &ctx.t(k::summary::SHARE_HINT))
        .close("div")
        .close("div");
}
