//! The wasm functions' object arguments, read from plain JS objects with `Reflect`.
//!
//! The same rules as the `serde` derives on these types (which the native tests and the fuzz
//! targets use): an absent or `undefined` field takes its default, an optional field reads
//! `null` as `None`, and anything else of the wrong type is refused with the field's name. Read
//! here instead of through `serde_wasm_bindgen` because every type it reads costs the wasm a
//! copy of that crate's deserialiser, and the service worker compiles all of them on every
//! cold start.

use wasm_bindgen::JsValue;

use crate::rules::FieldContext;
use crate::rules::api_token::TokenShape;
use crate::setup_check::{AlignSide, JiraSide, Setup};
use crate::vocabulary::Audience;

pub(super) type Read<T> = Result<T, String>;

/// A type read from one JS value (an object for the structs).
pub(super) trait FromJs: Sized {
    fn from_js(value: &JsValue, name: &str) -> Read<Self>;

    /// For a struct, the JS keys it is read from (the parity test holds them to serde's names).
    #[cfg(test)]
    const KEYS: &'static [&'static str] = &[];
}

/// `impl FromJs` for structs read field by field from a JS object:
/// `Type { field: how("jsName"), … }`, `how` one of the `Fields` readers.
macro_rules! read_fields {
    ($($ty:ty { $($field:ident: $how:ident($key:literal),)+ })+) => {
        $(impl FromJs for $ty {
            fn from_js(value: &JsValue, name: &str) -> Read<Self> {
                let f = Fields::of(value, name)?;
                Ok(Self { $($field: f.$how($key)?,)+ })
            }

            #[cfg(test)]
            const KEYS: &'static [&'static str] = &[$($key),+];
        })+
    };
}
pub(super) use read_fields;

/// A JS object's fields; `None` for an absent or `undefined` field.
pub(super) struct Fields<'a>(&'a JsValue);

impl<'a> Fields<'a> {
    pub(super) fn of(value: &'a JsValue, name: &str) -> Read<Self> {
        if value.is_object() && !js_sys::Array::is_array(value) {
            Ok(Self(value))
        } else {
            Err(format!("{name} must be an object"))
        }
    }

    fn get(&self, key: &str) -> Option<JsValue> {
        js_sys::Reflect::get(self.0, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined())
    }

    /// A field that must have its type when present.
    pub(super) fn read<T: FromJs + Default>(&self, key: &str) -> Read<T> {
        self.get(key)
            .map_or_else(|| Ok(T::default()), |v| T::from_js(&v, key))
    }

    /// A field that must be there.
    pub(super) fn required<T: FromJs>(&self, key: &str) -> Read<T> {
        let value = self.get(key).ok_or_else(|| format!("{key} is missing"))?;
        T::from_js(&value, key)
    }

    /// A field read as its default when `null` too.
    pub(super) fn nullable<T: FromJs + Default>(&self, key: &str) -> Read<T> {
        match self.get(key) {
            Some(v) if !v.is_null() => T::from_js(&v, key),
            _ => Ok(T::default()),
        }
    }

    /// An optional field: `None` when absent or `null`.
    pub(super) fn optional<T: FromJs>(&self, key: &str) -> Read<Option<T>> {
        match self.get(key) {
            Some(v) if !v.is_null() => T::from_js(&v, key).map(Some),
            _ => Ok(None),
        }
    }
}

impl FromJs for String {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        value
            .as_string()
            .ok_or_else(|| format!("{name} must be a string"))
    }
}

impl FromJs for u16 {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        match value.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&n) => Ok(n as u16),
            _ => Err(format!("{name} must be a whole number from 0 to 65535")),
        }
    }
}

impl<T: FromJs> FromJs for Vec<T> {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        if !js_sys::Array::is_array(value) {
            return Err(format!("{name} must be an array"));
        }
        js_sys::Array::from(value)
            .iter()
            .map(|item| T::from_js(&item, name))
            .collect()
    }
}

impl FromJs for u64 {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        match value.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=9_007_199_254_740_991.0).contains(&n) => {
                Ok(n as u64)
            }
            _ => Err(format!("{name} must be a whole number from 0")),
        }
    }
}

impl FromJs for usize {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        u64::from_js(value, name)
            .and_then(|n| usize::try_from(n).map_err(|_| format!("{name} is too large")))
    }
}

impl FromJs for bool {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        value
            .as_bool()
            .ok_or_else(|| format!("{name} must be true or false"))
    }
}

/// `[character, position]`.
impl FromJs for (char, usize) {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let pair = (js_sys::Array::is_array(value))
            .then(|| js_sys::Array::from(value))
            .filter(|a| a.length() == 2)
            .ok_or_else(|| format!("{name} must be [character, position]"))?;
        let text = String::from_js(&pair.get(0), name)?;
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok((c, usize::from_js(&pair.get(1), name)?)),
            _ => Err(format!("{name} must start with one character")),
        }
    }
}

impl FromJs for Audience {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let text = String::from_js(value, name)?;
        Audience::from_name(&text).ok_or_else(|| {
            let names: Vec<&str> = Audience::ALL.iter().map(|v| v.name()).collect();
            format!("{name} '{text}' is not one of {}", names.join(", "))
        })
    }
}

read_fields! {
    Setup {
        align_site_url: optional("alignSiteUrl"),
        jira_site_url: optional("jiraSiteUrl"),
        jira_cloud_id: optional("jiraCloudId"),
        align: read("align"),
        jira: read("jira"),
        audience: read("audience"),
        consumer_key_prefix: optional("consumerKeyPrefix"),
    }
    AlignSide {
        jira_link: optional("jiraLink"),
        jira_api_url: optional("jiraApiUrl"),
        auth_type: optional("authType"),
        consumer_key: optional("consumerKey"),
        public_key: optional("publicKey"),
        username: optional("username"),
    }
    JiraSide {
        application_url: optional("applicationUrl"),
        application_name: optional("applicationName"),
        consumer_key: optional("consumerKey"),
        consumer_name: optional("consumerName"),
        public_key: optional("publicKey"),
        callback_url: optional("callbackUrl"),
    }
    FieldContext {
        jira_api_url: optional("jiraApiUrl"),
        jira_site_url: optional("jiraSiteUrl"),
        consumer_key_prefix: optional("consumerKeyPrefix"),
    }
    TokenShape {
        length: read("length"),
        surrounding_whitespace: read("surroundingWhitespace"),
        inner_whitespace: optional("innerWhitespace"),
        invisible_inside: optional("invisibleInside"),
        quoted: read("quoted"),
        starts_with_atatt: read("startsWithATATT"),
        password_like: read("passwordLike"),
    }
}

/// The keys `read_fields!` reads against the names the type's `serde` derive reads (the native
/// tests and the fuzz targets go through serde): a key spelt one way here and another there
/// would leave a field at its default in the extension while every native test passes.
#[cfg(test)]
pub(super) mod parity {
    use serde::Deserialize;
    use serde::de::{self, Visitor};

    use super::FromJs;

    /// Serde's field names for `T`: a deserializer that asks only for the struct's fields.
    fn serde_keys<T: for<'de> Deserialize<'de>>() -> Vec<&'static str> {
        #[derive(Debug)]
        struct Fields(Vec<&'static str>);
        impl std::fmt::Display for Fields {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "fields {:?}", self.0)
            }
        }
        impl std::error::Error for Fields {}
        impl de::Error for Fields {
            fn custom<M: std::fmt::Display>(_: M) -> Self {
                Fields(Vec::new())
            }
        }
        struct Ask;
        impl<'de> de::Deserializer<'de> for Ask {
            type Error = Fields;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Fields> {
                Err(Fields(Vec::new()))
            }
            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _: &'static str,
                fields: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Fields> {
                Err(Fields(fields.to_vec()))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
                byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
                identifier ignored_any
            }
        }
        match T::deserialize(Ask) {
            Err(Fields(names)) => names,
            Ok(_) => Vec::new(),
        }
    }

    /// `assert_same_keys` for each type named.
    macro_rules! same_keys {
        ($($ty:ty),+ $(,)?) => {
            $($crate::wasm_api::from_js::parity::assert_same_keys::<$ty>();)+
        };
    }
    pub(in crate::wasm_api) use same_keys;

    pub(in crate::wasm_api) fn assert_same_keys<T: FromJs + for<'de> Deserialize<'de>>() {
        let mut ours = T::KEYS.to_vec();
        let mut serde = serde_keys::<T>();
        ours.sort_unstable();
        serde.sort_unstable();
        assert!(!ours.is_empty(), "{}: no keys", std::any::type_name::<T>());
        assert_eq!(ours, serde, "{}", std::any::type_name::<T>());
    }

    #[test]
    fn setup_and_field_inputs_read_the_keys_serde_reads() {
        use crate::rules::FieldContext;
        use crate::rules::api_token::TokenShape;
        use crate::setup_check::{AlignSide, JiraSide, Setup};
        same_keys!(Setup, AlignSide, JiraSide, FieldContext, TokenShape);
    }
}
