//! The inputs of `verifyVerdict`, read from plain JS objects with `Reflect`.
//!
//! The same rules as the `serde` derives on these types (which the native tests use): an absent
//! or `undefined` field takes its default, the fields Jira may send as `null` read `null` as
//! their default, and anything else of the wrong type is refused with the field's name. Read
//! here instead of through `serde_wasm_bindgen` because every type it reads costs the wasm a
//! copy of that crate's deserialiser, and the service worker compiles all of them on every
//! cold start.

use serde::de::IgnoredAny;
use wasm_bindgen::JsValue;

use crate::verify::{
    BasicAuthInput, Consumer, ConsumerInfo, FieldSite, HttpAnswer, Link, Links, Myself,
    OAuthProbeInput, Role, Roles, SiteIdentityInput, StoredConsumerInput, Tenant,
};

type Read<T> = Result<T, String>;

/// A type read from one JS value (an object for the structs).
pub(super) trait FromJs: Sized {
    fn from_js(value: &JsValue, name: &str) -> Read<Self>;
}

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

impl FromJs for IgnoredAny {
    fn from_js(_: &JsValue, _: &str) -> Read<Self> {
        Ok(IgnoredAny)
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

impl<T: FromJs> FromJs for HttpAnswer<T> {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            url: f.nullable("url")?,
            status: f.read("status")?,
            error: f.optional("error")?,
            redirected_to: f.optional("redirectedTo")?,
            content_type: f.nullable("contentType")?,
            body: f.nullable("body")?,
            www_authenticate: f.nullable("wwwAuthenticate")?,
            login_reason: f.nullable("loginReason")?,
            json: f.optional("json")?,
        })
    }
}

impl FromJs for OAuthProbeInput {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            consumer_key: f.read("consumerKey")?,
            answer: f.read("answer")?,
        })
    }
}

impl FromJs for Role {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            key: f.nullable("key")?,
            name: f.nullable("name")?,
        })
    }
}

impl FromJs for Roles {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            items: f.read("items")?,
        })
    }
}

impl FromJs for Myself {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            account_id: f.nullable("accountId")?,
            email_address: f.nullable("emailAddress")?,
            display_name: f.nullable("displayName")?,
            application_roles: f.optional("applicationRoles")?,
        })
    }
}

impl FromJs for BasicAuthInput {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            email: f.nullable("email")?,
            answers: f.read("answers")?,
            token_source: f.nullable("tokenSource")?,
        })
    }
}

impl FromJs for Link {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            id: f.nullable("id")?,
            name: f.nullable("name")?,
            display_url: f.nullable("displayUrl")?,
            rpc_url: f.nullable("rpcUrl")?,
        })
    }
}

impl FromJs for Links {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            application_links: f.read("applicationLinks")?,
        })
    }
}

impl FromJs for Consumer {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            key: f.nullable("key")?,
            name: f.nullable("name")?,
            public_key: f.nullable("publicKey")?,
        })
    }
}

impl FromJs for ConsumerInfo {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            link_id: f.nullable("linkId")?,
            answer: f.read("answer")?,
        })
    }
}

impl FromJs for StoredConsumerInput {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            align_site_url: f.nullable("alignSiteUrl")?,
            align_consumer_key: f.nullable("alignConsumerKey")?,
            align_public_key: f.nullable("alignPublicKey")?,
            links: f.read("links")?,
            consumers: f.read("consumers")?,
        })
    }
}

impl FromJs for Tenant {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            cloud_id: f.nullable("cloudId")?,
        })
    }
}

impl FromJs for FieldSite {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            field: f.nullable("field")?,
            url: f.nullable("url")?,
            lookup: f.optional("lookup")?,
        })
    }
}

impl FromJs for SiteIdentityInput {
    fn from_js(value: &JsValue, name: &str) -> Read<Self> {
        let f = Fields::of(value, name)?;
        Ok(Self {
            tab_url: f.nullable("tabUrl")?,
            tab: f.read("tab")?,
            fields: f.read("fields")?,
        })
    }
}
