//! The public key, pasted into Jira's Incoming Authentication and shown by Jira Align's
//! connector after "Generate New Key".
//!
//! Parsing keys is the key module's job (`crate::keys`); this turns what it read into the
//! field's report and remembers the last few keys for the cross-tab check.
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `public-key-empty` | error | nothing entered |
//! | `public-key-jira-rejects` | error | a key the key module can read but Jira's Incoming Authentication does not accept |
//! | *(key module codes)* | as reported | passed through unchanged from `crate::keys` |
//!
//! This rule's own findings are [`PublicKeyFinding`]s, worded by `messages::public_key`.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use super::{FieldReport, messages, trim_invisible};
use crate::problem::Problem;

pub const FIELD: &str = "publicKey";

findings! {
    /// What this rule adds to the key module's findings.
    pub enum PublicKeyFinding {
        Empty => PublicKeyEmpty,
        /// A key the key module can read but Jira's Incoming Authentication does not accept.
        JiraRejects => PublicKeyJiraRejects,
    }
}

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
    /// The SubjectPublicKeyInfo DER as one line of Base64: what two keys' texts are compared by.
    pub jira_base64: Option<String>,
    pub problems: Vec<Problem>,
}

/// Reads a key with the key module.
pub fn inspect_key(text: &str) -> KeyFacts {
    let report = crate::keys::inspect_public_key(text);
    KeyFacts {
        ok: report.ok,
        jira_accepts: report.jira_accepts,
        fingerprint_sha256: report.fingerprint_sha256,
        canonical: report.canonical_pem,
        jira_base64: report.jira_base64,
        problems: report.problems,
    }
}

/// The key module behind a memory of the last few public keys it read, by text. The cross-tab
/// check runs again whenever any field on either tab changes, and both keys rarely change with
/// it, so a key is not decoded and hashed again for every keystroke elsewhere.
/// Only readable public keys of form-field size are kept; anything else (a private key pasted
/// by mistake, an unreadable text) is inspected every time and never held.
#[derive(Debug, Default)]
pub struct RecentKeys {
    recent: RefCell<VecDeque<(String, KeyFacts)>>,
    /// How many texts were read by the key module rather than remembered.
    misses: Cell<usize>,
}

impl RecentKeys {
    /// How many keys are kept: the two tabs' and the ones just replaced.
    const KEEP: usize = 4;
    /// A 4096-bit PEM is under 1 KiB; a form field holds at most 16 KiB.
    const MAX_TEXT: usize = 16 * 1024;

    pub const fn new() -> Self {
        Self {
            recent: RefCell::new(VecDeque::new()),
            misses: Cell::new(0),
        }
    }

    pub fn inspect(&self, text: &str) -> KeyFacts {
        let hit = self.recent.try_borrow().ok().and_then(|recent| {
            recent
                .iter()
                .find(|(t, _)| t == text)
                .map(|(_, facts)| facts.clone())
        });
        if let Some(facts) = hit {
            return facts;
        }
        self.misses.set(self.misses.get().saturating_add(1));
        let facts = inspect_key(text);
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

/// Checks a public key with the key module.
pub fn check_public_key(input: &str) -> FieldReport {
    let trimmed = trim_invisible(input);
    if trimmed.is_empty() {
        return FieldReport::new(
            FIELD,
            String::new(),
            vec![messages::public_key::problem(PublicKeyFinding::Empty)],
        );
    }
    report_from_facts(trimmed, &inspect_key(input))
}

/// Turns key facts into a field report; shared with `setup_check` so the key is inspected once.
pub(crate) fn report_from_facts(trimmed: &str, facts: &KeyFacts) -> FieldReport {
    let mut problems = facts.problems.clone();
    if facts.ok && !facts.jira_accepts && !problems.iter().any(Problem::is_error) {
        problems.push(messages::public_key::problem(PublicKeyFinding::JiraRejects));
    }
    let value = facts
        .canonical
        .clone()
        .unwrap_or_else(|| trimmed.to_string());
    FieldReport::new(FIELD, value, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_unreadable() {
        assert!(check_public_key("  ").has("public-key-empty"));
        let r = check_public_key("-----BEGIN PUBLIC KEY-----");
        assert!(!r.ok, "an armour line alone is not a key: {r:?}");
    }

    const ALPHA: &str = include_str!("../../tests/keys/rsa-2048.pub.pem");
    const ALPHA_ONE_LINE: &str = include_str!("../../tests/keys/rsa-2048.oneline.b64");
    const ALPHA_PKCS1: &str = include_str!("../../tests/keys/rsa-2048.pkcs1.pub.pem");
    const OTHERS: [&str; 3] = [
        include_str!("../../tests/keys/rsa-2048-e3.pub.pem"),
        include_str!("../../tests/keys/rsa-3072.pub.pem"),
        include_str!("../../tests/keys/rsa-4096.pub.pem"),
    ];

    #[test]
    fn recent_keys_inspect_a_public_key_once_and_never_keep_anything_else() {
        let keys = RecentKeys::new();
        let first = keys.inspect(ALPHA);
        assert!(first.ok, "{:?}", first.problems);
        assert_eq!(keys.inspect(ALPHA), first);
        assert_eq!(keys.misses.get(), 1, "the same key text is read once");
        assert_eq!(keys.inspect(ALPHA_ONE_LINE), inspect_key(ALPHA_ONE_LINE));
        assert_eq!(keys.misses.get(), 2, "a different text is a different key");
        keys.inspect("garbage");
        keys.inspect("garbage");
        assert_eq!(
            keys.misses.get(),
            4,
            "what is not a readable key is not kept"
        );
        for text in OTHERS {
            keys.inspect(text);
        }
        let before = keys.misses.get();
        keys.inspect(ALPHA);
        assert_eq!(
            keys.misses.get(),
            before + 1,
            "only the last few keys are kept"
        );
    }

    #[test]
    fn reports_what_the_key_module_read() {
        let r = check_public_key(ALPHA);
        assert!(r.ok && r.problems.is_empty(), "{:?}", r.problems);
        // A PKCS#1 key is readable, but not in a form Jira takes: refused either way.
        let r = check_public_key(ALPHA_PKCS1);
        assert!(!r.ok, "{:?}", r.problems);
        assert_eq!(
            r.value,
            check_public_key(ALPHA).value,
            "the canonical key is offered"
        );
        let r = check_public_key("garbage");
        assert!(
            !r.ok && !r.has("public-key-jira-rejects"),
            "{:?}",
            r.problems
        );
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
