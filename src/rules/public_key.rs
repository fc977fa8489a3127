//! The public key, pasted into Jira's Incoming Authentication and shown by Jira Align's
//! connector after "Generate New Key".
//!
//! Parsing keys is the key module's job (`crate::keys`). Everything here reaches it through one
//! seam, [`KeyInspector`], so the cross-tab tests can stub keys by name.
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `public-key-empty` | error | nothing entered |
//! | `public-key-jira-rejects` | error | a key the key module can read but Jira's Incoming Authentication does not accept |
//! | *(key module codes)* | as reported | passed through unchanged from `crate::keys` |

use crate::vocabulary::ProblemCode;
use std::cell::RefCell;
use std::collections::VecDeque;

use super::{FieldReport, trim_invisible};
use crate::problem::Problem;

pub const FIELD: &str = "publicKey";

/// What the field rule and the cross-tab check need to know about a key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyFacts {
    /// The text is a readable public key.
    pub ok: bool,
    /// Jira's Incoming Authentication would accept it (SubjectPublicKeyInfo or certificate).
    pub jira_accepts: bool,
    /// SHA-256 of the key's DER, as the key module formats it.
    pub fingerprint_sha256: Option<String>,
    /// The key in canonical PEM, when readable.
    pub canonical: Option<String>,
    pub problems: Vec<Problem>,
}

/// The seam to the key module.
pub trait KeyInspector {
    fn inspect(&self, text: &str) -> KeyFacts;
}

/// The production inspector: the key module.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyModule;

impl KeyInspector for KeyModule {
    fn inspect(&self, text: &str) -> KeyFacts {
        let report = crate::keys::inspect_public_key(text);
        KeyFacts {
            ok: report.ok,
            jira_accepts: report.jira_accepts,
            fingerprint_sha256: report.fingerprint_sha256,
            canonical: report.canonical_pem,
            problems: report.problems,
        }
    }
}

/// A key inspector that remembers the last few public keys it read, by text. The cross-tab
/// check runs again whenever any field on either tab changes, and both keys rarely change with
/// it: inspecting a key (Base64, DER, SHA-256) was ~40% of a whole check with two keys.
/// Only readable public keys of form-field size are kept; anything else (a private key pasted
/// by mistake, an unreadable text) is inspected every time and never held.
#[derive(Debug)]
pub struct RecentKeys<I> {
    inner: I,
    recent: RefCell<VecDeque<(String, KeyFacts)>>,
}

impl<I> RecentKeys<I> {
    /// How many keys are kept: the two tabs' and the ones just replaced.
    const KEEP: usize = 4;
    /// A 4096-bit PEM is ~800 bytes; a form field holds at most 16 KiB.
    const MAX_TEXT: usize = 16 * 1024;

    pub const fn new(inner: I) -> Self {
        Self {
            inner,
            recent: RefCell::new(VecDeque::new()),
        }
    }
}

impl<I: KeyInspector> KeyInspector for RecentKeys<I> {
    fn inspect(&self, text: &str) -> KeyFacts {
        let hit = self.recent.try_borrow().ok().and_then(|recent| {
            recent
                .iter()
                .find(|(t, _)| t == text)
                .map(|(_, facts)| facts.clone())
        });
        if let Some(facts) = hit {
            return facts;
        }
        let facts = self.inner.inspect(text);
        if facts.ok
            && text.len() <= Self::MAX_TEXT
            && let Ok(mut recent) = self.recent.try_borrow_mut()
        {
            if recent.len() >= Self::KEEP {
                recent.pop_front();
            }
            recent.push_back((text.to_owned(), facts.clone()));
        }
        facts
    }
}

/// The first 16 hexadecimal digits of a fingerprint, whatever separators the key module uses:
/// enough for a person to compare two keys at a glance.
pub fn short_fingerprint(fp: &str) -> String {
    let fp = match fp.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("sha256:") => fp.get(7..).unwrap_or_default(),
        _ => fp,
    };
    fp.chars()
        .filter(char::is_ascii_hexdigit)
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Checks a public key with the real key module.
pub fn check_public_key(input: &str) -> FieldReport {
    check_public_key_with(input, &KeyModule)
}

/// Checks a public key through a given inspector (tests pass a stub).
pub fn check_public_key_with(input: &str, inspector: &dyn KeyInspector) -> FieldReport {
    let trimmed = trim_invisible(input);
    if trimmed.is_empty() {
        return FieldReport::new(
            FIELD,
            String::new(),
            vec![Problem::error(
                ProblemCode::PublicKeyEmpty,
                "Public key: it is empty.",
                "In Jira Align click Generate New Key once, copy the whole key including the BEGIN/END lines, and paste it here.",
            )],
        );
    }
    report_from_facts(trimmed, &inspector.inspect(input))
}

/// Turns key facts into a field report; shared with `setup_check` so the key is inspected once.
pub(crate) fn report_from_facts(trimmed: &str, facts: &KeyFacts) -> FieldReport {
    let mut problems = facts.problems.clone();
    if facts.ok && !facts.jira_accepts && !problems.iter().any(Problem::is_error) {
        problems.push(Problem::error(
            ProblemCode::PublicKeyJiraRejects,
            "Public key: it is a valid key, but in a form Jira's Incoming Authentication does not accept.",
            "Paste the key as a '-----BEGIN PUBLIC KEY-----' block (or its Base64 body on one line).",
        ));
    }
    let value = facts
        .canonical
        .clone()
        .unwrap_or_else(|| trimmed.to_string());
    FieldReport::new(FIELD, value, problems)
}

#[cfg(test)]
pub(crate) mod stub {
    //! A stand-in for the key module: "KEY-<name>" is a good key whose fingerprint derives
    //! from <name>, "RSAPUB-<name>" is readable but PKCS#1 (Jira rejects it), anything else is
    //! unreadable.
    use super::*;

    pub struct StubKeys;

    impl KeyInspector for StubKeys {
        fn inspect(&self, text: &str) -> KeyFacts {
            let t = trim_invisible(text);
            let fp = |name: &str| {
                let hex: String = name.bytes().map(|b| format!("{b:02x}")).collect();
                format!("{hex:0<64}")
            };
            if let Some(name) = t.strip_prefix("KEY-") {
                KeyFacts {
                    ok: true,
                    jira_accepts: true,
                    fingerprint_sha256: Some(fp(name)),
                    canonical: Some(t.to_string()),
                    problems: Vec::new(),
                }
            } else if let Some(name) = t.strip_prefix("RSAPUB-") {
                KeyFacts {
                    ok: true,
                    jira_accepts: false,
                    fingerprint_sha256: Some(fp(name)),
                    canonical: Some(t.to_string()),
                    problems: vec![Problem::warning(
                        ProblemCode::KeyPkcs1Public,
                        "Public key: PKCS#1.",
                        "Convert it.",
                    )],
                }
            } else {
                KeyFacts {
                    problems: vec![Problem::error(
                        ProblemCode::KeyNotAKey,
                        "Public key: unreadable.",
                        "Paste it again.",
                    )],
                    ..KeyFacts::default()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stub::StubKeys;
    use super::*;

    #[test]
    fn empty_and_unreadable() {
        assert!(check_public_key("  ").has("public-key-empty"));
        let r = check_public_key("-----BEGIN PUBLIC KEY-----");
        assert!(!r.ok, "an armour line alone is not a key: {r:?}");
    }

    /// Counts the inspections that reach the key module behind the cache.
    struct Counting<'a>(&'a std::cell::Cell<usize>);

    impl KeyInspector for Counting<'_> {
        fn inspect(&self, text: &str) -> KeyFacts {
            self.0.set(self.0.get() + 1);
            StubKeys.inspect(text)
        }
    }

    #[test]
    fn recent_keys_inspect_a_public_key_once_and_never_keep_anything_else() {
        let calls = std::cell::Cell::new(0);
        let keys = RecentKeys::new(Counting(&calls));
        let first = keys.inspect("KEY-a");
        assert_eq!(keys.inspect("KEY-a"), first);
        assert_eq!(calls.get(), 1, "the same key text is read once");
        assert_eq!(keys.inspect("KEY-a "), StubKeys.inspect("KEY-a "));
        assert_eq!(calls.get(), 2, "a different text is a different key");
        keys.inspect("garbage");
        keys.inspect("garbage");
        assert_eq!(calls.get(), 4, "what is not a readable key is not kept");
        for name in ["KEY-b", "KEY-c", "KEY-d", "KEY-e"] {
            keys.inspect(name);
        }
        let before = calls.get();
        keys.inspect("KEY-a");
        assert_eq!(calls.get(), before + 1, "only the last few keys are kept");
    }

    #[test]
    fn delegates_to_the_inspector() {
        let r = check_public_key_with("KEY-a", &StubKeys);
        assert!(r.ok && r.problems.is_empty());
        let r = check_public_key_with("RSAPUB-a", &StubKeys);
        assert!(!r.ok && r.has("public-key-jira-rejects") && r.has("key-pkcs1-public"));
        let r = check_public_key_with("garbage", &StubKeys);
        assert!(!r.ok && r.has("key-not-a-key") && !r.has("public-key-jira-rejects"));
    }

    #[test]
    fn short_fingerprints() {
        assert_eq!(
            short_fingerprint("AB:CD:EF:01:23:45:67:89:aa:bb"),
            "abcdef0123456789"
        );
        assert_eq!(short_fingerprint("SHA256:ab:cd"), "abcd");
    }
}
