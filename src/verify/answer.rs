//! What one request to Jira gave back, as the extension reports it.

use serde::Deserialize;

use crate::text::{ellipsize, visible};

/// One answer. `status` 0 means no HTTP answer arrived; `error` then says why: `timeout`,
/// `network`, `cancelled`, `redirect` (with `redirected_to`: credentials are never carried across
/// a redirect, so the extension stops there) or `permission` (the optional host permission was
/// not granted). `json` is set when the answer was JSON and parsed into the expected shape.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct HttpAnswer<T> {
    #[serde(deserialize_with = "nullable")]
    pub url: String,
    pub status: u16,
    pub error: Option<String>,
    pub redirected_to: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub content_type: String,
    /// The first few KB of the body, as text.
    #[serde(deserialize_with = "nullable")]
    pub body: String,
    #[serde(deserialize_with = "nullable")]
    pub www_authenticate: String,
    /// Jira's `X-Seraph-LoginReason` header (`AUTHENTICATION_DENIED` after too many failures,
    /// when a CAPTCHA must be answered in the browser first).
    #[serde(deserialize_with = "nullable")]
    pub login_reason: String,
    pub json: Option<T>,
}

impl<T> Default for HttpAnswer<T> {
    fn default() -> Self {
        Self {
            url: String::new(),
            status: 0,
            error: None,
            redirected_to: None,
            content_type: String::new(),
            body: String::new(),
            www_authenticate: String::new(),
            login_reason: String::new(),
            json: None,
        }
    }
}

impl<T> HttpAnswer<T> {
    /// Why no usable HTTP answer arrived, in words, or `None` when one did.
    pub fn no_answer(&self) -> Option<String> {
        if self.status != 0 && self.error.is_none() {
            return None;
        }
        let at = shown(&self.url);
        Some(match self.error.as_deref() {
            Some("timeout") => format!("{at} did not answer within 10 seconds"),
            Some("cancelled") => format!("the request to {at} was cancelled"),
            Some("redirect") => format!(
                "{at} redirected to {}; Linksmith does not carry credentials across a redirect",
                self.redirected_to
                    .as_deref()
                    .map(shown)
                    .unwrap_or_else(|| "another address".to_string())
            ),
            Some("permission") => {
                format!("the browser's permission to reach {at} was not granted")
            }
            _ => format!(
                "{at} could not be reached (offline, a wrong host name, or blocked by a proxy or firewall)"
            ),
        })
    }

    pub fn is_html(&self) -> bool {
        self.content_type.to_ascii_lowercase().contains("html")
            || self.body.trim_start().starts_with('<')
    }

    /// A short description of an answer that is not what was expected: `HTTP 503`, `a login page
    /// (HTML) instead of JSON`…
    pub fn describe(&self) -> String {
        if let Some(why) = self.no_answer() {
            return why;
        }
        let at = shown(&self.url);
        match self.status {
            500..=599 => format!(
                "{at} answered HTTP {} (a server error on Jira's side)",
                self.status
            ),
            200..=299 if self.is_html() => {
                format!("{at} answered with a web page (a login page?) instead of JSON")
            }
            _ if self.is_html() => format!("{at} answered HTTP {} with a web page", self.status),
            status => {
                let body = ellipsize(&visible(self.body.trim()), 120);
                if body.is_empty() {
                    format!("{at} answered HTTP {status}")
                } else {
                    format!("{at} answered HTTP {status}: {body}")
                }
            }
        }
    }
}

/// Reads `null` (and an absent field) as the type's default: Jira writes `null` for hidden values.
pub(crate) fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A URL as it may appear in a message: visible characters, bounded length.
pub(crate) fn shown(url: &str) -> String {
    ellipsize(&visible(url), 120)
}
