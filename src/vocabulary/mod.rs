//! Linksmith's words, defined once: the two sides, every form field, every check id, every
//! problem code and error name, the auth types, the host families, the size limits and the message types.
//!
//! Each is an enum whose string name (its serde name) is what crosses the wasm boundary and what
//! the JS uses; each has an `ALL` listing every variant in display order. `tests/vocabulary.rs`
//! turns these definitions into `extension/shared/vocabulary.js`, the one JS module the worker,
//! the panel, the content scripts, `www/` and the tests import, and fails when the committed file
//! is stale; so no other layer keeps its own list.

mod checks;
mod errors;
mod fields;
mod messages;
mod problems;

pub use checks::CheckId;
pub use errors::ErrorCode;
pub use fields::{Field, Input};
pub use messages::{MessageType, Sender};
pub use problems::ProblemCode;

/// Defines a fieldless enum whose variants have fixed string names: `name()`, `from_name()`,
/// `ALL`, and serde (de)serialisation as that name. One macro so every vocabulary enum behaves
/// the same way at the boundary.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every variant, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable string name (also the serde name).
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The variant with this exact name; no aliases, no case folding.
            pub fn from_name(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.name() == *other
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.name()
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                $name::from_name(&text).ok_or_else(|| {
                    let names: Vec<&str> = $name::ALL.iter().map(|v| v.name()).collect();
                    ::serde::de::Error::custom(format!(
                        "unknown {} '{}': expected one of {}",
                        stringify!($name),
                        text,
                        names.join(", ")
                    ))
                })
            }
        }
    };
}
pub(crate) use named_enum;

named_enum! {
    /// The two systems being connected, and so the two tabs Linksmith reads.
    pub enum Side {
        /// Jira Align: the connector form.
        Align = "align",
        /// Jira Cloud: the application link and its Incoming Authentication.
        Jira = "jira",
    }
}

impl Side {
    /// How the admin names the place this side's values are typed.
    pub const fn form(self) -> &'static str {
        match self {
            Side::Align => "the Jira Align connector form",
            Side::Jira => "Jira's application link",
        }
    }
}

named_enum! {
    /// Where a result is shown, which decides how it asks for what is missing: the extension
    /// reads both tabs itself; on the standalone page (`www/`) the admin pastes every value.
    #[derive(Default)]
    pub enum Audience {
        #[default]
        Extension = "extension",
        Standalone = "standalone",
    }
}

named_enum! {
    /// How Jira Align signs in to Jira: the choice the panel offers and the fill planner writes.
    pub enum AuthType {
        /// OAuth 1.0a with RSA-SHA1: needs an application link and a key pair.
        OAuth = "oauth",
        /// The service account's email address and an API token.
        Basic = "basic",
        /// A Personal Access Token (Jira Data Center).
        Pat = "pat",
    }
}

impl AuthType {
    /// The start of the option text the connector form shows for this choice.
    pub const fn label(self) -> &'static str {
        match self {
            AuthType::OAuth => "OAuth",
            AuthType::Basic => "Basic Auth",
            AuthType::Pat => "Personal Access Token",
        }
    }

    /// The wordings that name this choice in an option or on the page ("OAuth 1.0a", "API Token").
    /// The exact texts are not documented, so each wording is matched by `names` below; the types
    /// are tried in `ALL` order and the first that matches is the one meant.
    pub const fn wordings(self) -> &'static [&'static str] {
        match self {
            AuthType::OAuth => &["OAuth"],
            AuthType::Basic => &["Basic", "API Token", "Password"],
            AuthType::Pat => &["Personal Access Token", "Access Token", "PAT"],
        }
    }

    /// The one rule for reading a text as an auth type: compare letters and digits only,
    /// case-folded; a wording of three letters or fewer ("PAT") must be the whole text, a longer
    /// one may sit anywhere in it ("OAuth 1.0 Authentication").
    pub fn names(self, text: &str) -> bool {
        let squash = |t: &str| -> String {
            t.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        };
        let text = squash(text);
        self.wordings().iter().any(|w| {
            let w = squash(w);
            if w.len() <= 3 {
                text == w
            } else {
                text.contains(&w)
            }
        })
    }

    /// The auth type a text names, if any (the first in `ALL` order).
    pub fn of_text(text: &str) -> Option<AuthType> {
        AuthType::ALL.iter().copied().find(|a| a.names(text))
    }
}

named_enum! {
    /// Where a Jira or Jira Align site can live. Built-in families are host suffixes matched on a
    /// dot boundary (a subdomain of the suffix, never the bare suffix itself); self-hosted sites
    /// are single https origins the admin approved.
    pub enum HostFamily {
        AtlassianNet = "atlassian.net",
        JiraAlignCom = "jiraalign.com",
        AgileCraftCom = "agilecraft.com",
        /// An origin the admin approved in the panel, for either side.
        SelfHosted = "self-hosted",
    }
}

impl HostFamily {
    /// The host suffix of a built-in family; `None` for self-hosted origins.
    pub const fn suffix(self) -> Option<&'static str> {
        match self {
            HostFamily::SelfHosted => None,
            other => Some(other.name()),
        }
    }

    /// The side every site of a built-in family is; `None` for self-hosted (the admin says).
    pub const fn side(self) -> Option<Side> {
        match self {
            HostFamily::AtlassianNet => Some(Side::Jira),
            HostFamily::JiraAlignCom | HostFamily::AgileCraftCom => Some(Side::Align),
            HostFamily::SelfHosted => None,
        }
    }
}

/// Size limits shared by the core and the JS. Rust measures bytes; the JS compares
/// `string.length` against the same numbers (never more lenient for ASCII, the common case).
pub mod limits {
    /// A form value: a 4096-bit PEM is about 800 bytes, so anything bigger is not a form value.
    /// Rules measure but do not scan past it.
    pub const MAX_VALUE: usize = 16 * 1024;
    /// A site URL an admin types or a policy sets.
    pub const MAX_URL: usize = 2048;
    /// A page address reported by a content script.
    pub const MAX_HREF: usize = 4096;
    /// A field's label as read from the page.
    pub const MAX_LABEL: usize = 200;
    /// A short identifier: a field id, a surface or step name.
    pub const MAX_ID: usize = 64;
    /// Names (connector, application, consumer) and consumer keys: both systems store 255 characters.
    pub const MAX_NAME: usize = 255;
    /// A username: an email address is at most 320 characters.
    pub const MAX_USERNAME: usize = 320;
    /// Pasted public-key text the worker hands to the core, which answers "too long" itself
    /// past what it scans (`keys::MAX_INPUT_BYTES`) rather than the admin getting a bare refusal.
    pub const MAX_KEY_TEXT: usize = 1024 * 1024;
    /// A pasted Jira error body or log excerpt.
    pub const MAX_ERROR_TEXT: usize = 64 * 1024;
    /// Page signals per report.
    pub const MAX_SIGNALS: usize = 32;

    /// Every limit by its JS name, for the generated module.
    pub const ALL: &[(&str, usize)] = &[
        ("MAX_VALUE", MAX_VALUE),
        ("MAX_URL", MAX_URL),
        ("MAX_HREF", MAX_HREF),
        ("MAX_LABEL", MAX_LABEL),
        ("MAX_ID", MAX_ID),
        ("MAX_NAME", MAX_NAME),
        ("MAX_USERNAME", MAX_USERNAME),
        ("MAX_KEY_TEXT", MAX_KEY_TEXT),
        ("MAX_ERROR_TEXT", MAX_ERROR_TEXT),
        ("MAX_SIGNALS", MAX_SIGNALS),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T>(all: &[T])
    where
        T: Copy + PartialEq + core::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
    {
        let mut seen = std::collections::HashSet::new();
        for v in all {
            let json = serde_json::to_string(v).unwrap_or_default();
            assert!(seen.insert(json.clone()), "duplicate name {json}");
            let back: Option<T> = serde_json::from_str(&json).ok();
            assert_eq!(back, Some(*v), "{json}");
        }
    }

    #[test]
    fn every_name_is_unique_and_round_trips() {
        round_trips(Side::ALL);
        round_trips(Audience::ALL);
        round_trips(AuthType::ALL);
        round_trips(HostFamily::ALL);
        round_trips(Field::ALL);
        round_trips(CheckId::ALL);
        round_trips(MessageType::ALL);
        round_trips(ProblemCode::ALL);
        round_trips(ErrorCode::ALL);
    }

    #[test]
    fn unknown_names_are_refused_with_the_list() {
        let err = serde_json::from_str::<Side>("\"Align\"")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("expected one of align, jira")));
        assert_eq!(
            Field::from_name("consumerKey"),
            None,
            "no unqualified aliases"
        );
    }

    #[test]
    fn host_families_have_a_side_exactly_when_built_in() {
        for f in HostFamily::ALL {
            assert_eq!(f.suffix().is_some(), f.side().is_some(), "{f}");
        }
    }
}
