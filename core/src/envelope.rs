//! The versioned envelope every stored value is wrapped in: `{"v": <version>, "data": …}`.
//!
//! Reading never fails silently: a value that is not valid JSON, has no version, carries a
//! version this build does not know, or whose data does not match the expected shape comes
//! back as a [`SetAside`] reason, so the caller can keep the raw text under a backup key and
//! tell the person.
//!
//! Each stored type has its own format version ([`Stored::VERSION`]). Data written by an older
//! version goes through [`Stored::from_older`]: migrated when the type knows how, set aside
//! (never silently dropped) when it does not.

use crate::json::{object, Json};

/// A value the widget stores, with its JSON form.
pub trait Stored: Sized {
    /// Version of the format this build writes. Bump it when the shape or the meaning of the
    /// data changes, and teach [`Stored::from_older`] to read the previous one.
    const VERSION: u32 = 1;

    fn to_json(&self) -> Json;
    /// `None` when the JSON does not have this type's shape.
    fn from_json(json: &Json) -> Option<Self>;

    /// Reads data written by an older `version` of this format. `None` when it cannot be
    /// migrated: the caller sets it aside under a backup key and tells the person.
    fn from_older(_version: u32, _json: &Json) -> Option<Self> {
        None
    }
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
        ("v", Some(Json::Number(i64::from(T::VERSION)))),
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
    let data = json.get("data").ok_or(SetAside::Corrupt)?;
    match version {
        v if v == T::VERSION => T::from_json(data).ok_or(SetAside::Corrupt),
        v if v > T::VERSION => Err(SetAside::Newer(v)),
        // Version 0 was never released: nothing to migrate from.
        0 => Err(SetAside::Older(0)),
        v => T::from_older(v, data).ok_or(SetAside::Older(v)),
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
        assert!(raw.starts_with(r#"{"v":2,"data":"#), "{raw}");
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
        assert_eq!(unwrap::<Session>(r#"{"v":2}"#), Err(SetAside::Corrupt));
        assert_eq!(
            unwrap::<Session>(r#"{"v":2,"data":{"answers":7}}"#),
            Err(SetAside::Corrupt)
        );
        // A session of bank v1, in progress: set aside, not read as bank v2 answers.
        assert_eq!(
            unwrap::<Session>(r#"{"v":1,"data":{"answers":[["eq.smartphone","yes"]]}}"#),
            Err(SetAside::Older(1))
        );
        assert_eq!(unwrap::<Session>(r#"[1,2]"#), Err(SetAside::Corrupt));
        assert_eq!(
            unwrap::<Session>(r#"{"v":0,"data":{}}"#),
            Err(SetAside::Older(0))
        );
        assert_eq!(
            unwrap::<Session>(r#"{"v":3,"data":{}}"#),
            Err(SetAside::Newer(3))
        );
        assert_eq!(
            unwrap::<Session>(r#"{"v":99999999999,"data":{}}"#),
            Err(SetAside::Newer(u32::MAX))
        );
    }
}
