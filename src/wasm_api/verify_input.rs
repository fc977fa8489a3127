//! The inputs of `verifyVerdict`, read field by field (see `from_js`) with the same rules as
//! the `serde` derives on these types, which the native tests use.

use serde::de::IgnoredAny;
use wasm_bindgen::JsValue;

use super::from_js::{Fields, FromJs, Read, read_fields};
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

    #[cfg(test)]
    const KEYS: &'static [&'static str] = &[
        "url",
        "status",
        "error",
        "redirectedTo",
        "contentType",
        "body",
        "wwwAuthenticate",
        "loginReason",
        "json",
    ];
}

read_fields! {
    OAuthProbeInput {
        consumer_key: read("consumerKey"),
        answer: read("answer"),
    }
    Role {
        key: nullable("key"),
        name: nullable("name"),
    }
    Roles {
        items: read("items"),
    }
    Myself {
        account_id: nullable("accountId"),
        email_address: nullable("emailAddress"),
        display_name: nullable("displayName"),
        application_roles: optional("applicationRoles"),
    }
    BasicAuthInput {
        email: nullable("email"),
        answers: read("answers"),
        token_source: nullable("tokenSource"),
    }
    Link {
        id: nullable("id"),
        name: nullable("name"),
        display_url: nullable("displayUrl"),
        rpc_url: nullable("rpcUrl"),
    }
    Links {
        application_links: read("applicationLinks"),
    }
    Consumer {
        key: nullable("key"),
        name: nullable("name"),
        public_key: nullable("publicKey"),
    }
    ConsumerInfo {
        link_id: nullable("linkId"),
        answer: read("answer"),
    }
    StoredConsumerInput {
        align_site_url: nullable("alignSiteUrl"),
        align_consumer_key: nullable("alignConsumerKey"),
        align_public_key: nullable("alignPublicKey"),
        links: read("links"),
        consumers: read("consumers"),
    }
    Tenant {
        cloud_id: nullable("cloudId"),
    }
    FieldSite {
        field: nullable("field"),
        url: nullable("url"),
        lookup: optional("lookup"),
    }
    SiteIdentityInput {
        tab_url: nullable("tabUrl"),
        tab: read("tab"),
        fields: read("fields"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm_api::from_js::parity::same_keys;

    #[test]
    fn verify_inputs_read_the_keys_serde_reads() {
        same_keys!(
            HttpAnswer<IgnoredAny>,
            OAuthProbeInput,
            Role,
            Roles,
            Myself,
            BasicAuthInput,
            Link,
            Links,
            Consumer,
            ConsumerInfo,
            StoredConsumerInput,
            Tenant,
            FieldSite,
            SiteIdentityInput,
        );
    }
}
