//! The inputs of `verifyVerdict`, read field by field (see `from_js`) with the same rules as
//! the `serde` derives on these types, which the native tests use.

use serde::de::IgnoredAny;
use wasm_bindgen::JsValue;

use super::from_js::{Fields, FromJs, Read};
use crate::verify::{
    BasicAuthInput, Consumer, ConsumerInfo, FieldSite, HttpAnswer, Link, Links, Myself,
    OAuthProbeInput, Role, Roles, SiteIdentityInput, StoredConsumerInput, Tenant,
};

impl FromJs for IgnoredAny {
    fn from_js(_: &JsValue, _: &str) -> Read<Self> {
        Ok(IgnoredAny)
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
