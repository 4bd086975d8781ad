//! The versioned envelope every stored value is wrapped in: `{"v": <version>, "data": …}`.
//!
//! Reading never fails silently: a value that is not valid JSON, has no version, carries a
//! version this build does not know, or whose data does not match the expected shape comes
//! back as a [`SetAside`] reason, so the caller can keep the raw text under a backup key and
//! tell the person.

use crate::json::{object, Json};

/// Version of the stored format written by this build.
pub const CURRENT_VERSION: u32 = 1;

/// A value the widget stores, with its JSON form.
pub trait Stored: Sized {
    fn to_json(&self) -> Json;
    /// `None` when the JSON does not have this type's shape.
    fn from_json(json: &Json) -> Option<Self>;
}

/// Why a stored value could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAside {
    /// Not JSON, not an envelope, or data of the wrong shape.
    Corrupt,
    /// Written by an older build whose format cannot be migrated.
    Older(u32),
    /// Written by a newer build.
    Newer(u32),
}

impl SetAside {
    pub fn i18n_key(self) -> &'static str {
        match self {
            SetAside::Corrupt => "storage.corrupt",
            SetAside::Older(_) => "storage.older",
            SetAside::Newer(_) => "storage.newer",
        }
    }
}

pub fn wrap<T: Stored>(data: &T) -> String {
    object([
        ("v", Some(Json::Number(i64::from(CURRENT_VERSION)))),
        ("data", Some(data.to_json())),
    ])
    .write()
}

pub fn unwrap<T: Stored>(raw: &str) -> Result<T, SetAside> {
    let json = Json::parse(raw).map_err(|_| SetAside::Corrupt)?;
    let version = json
        .get("v")
        .and_then(Json::as_u64)
        .ok_or(SetAside::Corrupt)?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    let data = migrate(version, json.get("data").ok_or(SetAside::Corrupt)?)?;
    T::from_json(&data).ok_or(SetAside::Corrupt)
}

/// Brings data written by an older version up to [`CURRENT_VERSION`]. Version 1 is the first
/// released format, so anything older is a pre-release value that is set aside.
fn migrate(version: u32, data: &Json) -> Result<Json, SetAside> {
    match version {
        CURRENT_VERSION => Ok(data.clone()),
        v if v > CURRENT_VERSION => Err(SetAside::Newer(v)),
        v => Err(SetAside::Older(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    #[test]
    fn round_trips_a_session() {
        let mut session = Session::new("2026-11-22");
        session.first_name = "Aïcha \"la\" <b>".into();
        let raw = wrap(&session);
        assert!(raw.starts_with(r#"{"v":1,"data":"#), "{raw}");
        assert_eq!(unwrap::<Session>(&raw), Ok(session));
    }

    #[test]
    fn sets_aside_corrupt_old_and_future_values() {
        assert_eq!(unwrap::<Session>("not json"), Err(SetAside::Corrupt));
        assert_eq!(
            unwrap::<Session>(r#"{"stage":"result"}"#),
            Err(SetAside::Corrupt)
        );
        assert_eq!(
            unwrap::<Session>(r#"{"v":"1","data":{}}"#),
            Err(SetAside::Corrupt)
        );
        assert_eq!(unwrap::<Session>(r#"{"v":1}"#), Err(SetAside::Corrupt));
        assert_eq!(
            unwrap::<Session>(r#"{"v":1,"data":{"answers":7}}"#),
            Err(SetAside::Corrupt)
        );
        assert_eq!(unwrap::<Session>(r#"[1,2]"#), Err(SetAside::Corrupt));
        assert_eq!(
            unwrap::<Session>(r#"{"v":0,"data":{}}"#),
            Err(SetAside::Older(0))
        );
        assert_eq!(
            unwrap::<Session>(r#"{"v":2,"data":{}}"#),
            Err(SetAside::Newer(2))
        );
        assert_eq!(
            unwrap::<Session>(r#"{"v":99999999999,"data":{}}"#),
            Err(SetAside::Newer(u32::MAX))
        );
    }
}
