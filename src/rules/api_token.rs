//! The connector's "API Token/Jira Password" for Basic Auth. This is a secret: no message, fix or
//! `value` ever contains the token or any part of it; `value` is empty or a mask such as
//! `•••• (24 characters)`. Checks are soft on purpose: Atlassian changes the token format
//! without notice, so no length or alphabet is enforced.
//!
//! [`analyse_token`] says what the measurements show as [`TokenFinding`]s; `messages::api_token`
//! puts them into words. Codes: `api-token-*` in [`ProblemCode`].
//!
//! [`ProblemCode`]: crate::vocabulary::ProblemCode

use serde::Deserialize;

use super::{FieldReport, messages, trim_invisible};
use crate::text::is_invisible;

pub const FIELD: &str = "apiToken";
/// API tokens are long random strings; anything shorter than this is almost surely a password.
const SHORT: usize = 16;
/// Fragments of human-chosen passwords. Random tokens essentially never contain these.
const PASSWORD_WORDS: [&str; 18] = [
    "password", "passw0rd", "qwerty", "letmein", "welcome", "admin", "changeme", "secret",
    "123456", "abc123", "iloveyou", "monkey", "dragon", "summer", "winter", "spring", "autumn",
    "football",
];

/// What the field shows instead of the token.
pub fn mask(token: &str) -> String {
    masked(token.chars().count())
}

fn masked(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        format!("•••• ({n} character{})", if n == 1 { "" } else { "s" })
    }
}

/// What can be measured about a token without keeping it. The extension's content script
/// measures the token where it is typed and sends only this, so the token itself never leaves
/// the page; [`check_api_token`] measures the same way from the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TokenShape {
    /// Characters in the token, surrounding white space excluded.
    pub length: usize,
    pub surrounding_whitespace: bool,
    /// The first white-space character inside the token and its 1-based position. Such a
    /// character is never part of a real token, so naming it reveals nothing.
    pub inner_whitespace: Option<(char, usize)>,
    /// The first invisible (non-white-space) character inside, and its position.
    pub invisible_inside: Option<(char, usize)>,
    pub quoted: bool,
    #[serde(rename = "startsWithATATT")]
    pub starts_with_atatt: bool,
    /// Measured only where the text is at hand (see `looks_like_password`).
    pub password_like: bool,
}

impl TokenShape {
    pub fn of(input: &str) -> Self {
        let token = trim_invisible(input);
        let quoted = |open: char, close: char| token.starts_with(open) && token.ends_with(close);
        Self {
            length: token.chars().count(),
            surrounding_whitespace: token.len() != input.len(),
            inner_whitespace: token
                .chars()
                .enumerate()
                .find(|(_, c)| c.is_whitespace())
                .map(|(i, c)| (c, i + 1)),
            invisible_inside: token
                .chars()
                .enumerate()
                .find(|(_, c)| is_invisible(*c) && !c.is_whitespace())
                .map(|(i, c)| (c, i + 1)),
            quoted: token.chars().count() >= 2
                && (quoted('"', '"')
                    || quoted('\'', '\'')
                    || quoted('\u{201c}', '\u{201d}')
                    || quoted('\u{2018}', '\u{2019}')),
            starts_with_atatt: token.starts_with("ATATT"),
            password_like: looks_like_password(token),
        }
    }
}

/// Checks an API token without ever repeating it.
pub fn check_api_token(input: &str) -> FieldReport {
    check_api_token_shape(&TokenShape::of(input))
}

findings! {
    /// One thing wrong with (or worth saying about) a token. Positions are 1-based; the
    /// characters named are never part of a real token, so naming them reveals nothing.
    pub enum TokenFinding blank(ApiTokenEmpty, ApiTokenSurroundingWhitespace) {
        WhitespaceInside { c: char, position: usize } => ApiTokenWhitespaceInside,
        InvisibleInside { c: char, position: usize } => ApiTokenInvisibleChar,
        Quoted => ApiTokenQuoted,
        Short { length: usize } => ApiTokenShort,
        PasswordLike => ApiTokenPasswordLike,
        AtlassianFormat => ApiTokenAtlassianFormat,
    }
}

/// Checks a token from its measurements alone (what the extension sends).
pub fn check_api_token_shape(shape: &TokenShape) -> FieldReport {
    let problems = analyse_token(shape)
        .into_iter()
        .map(messages::api_token::problem)
        .collect();
    FieldReport::new(FIELD, masked(shape.length), problems)
}

/// What the measurements say, in the order the panel lists it.
pub fn analyse_token(shape: &TokenShape) -> Vec<TokenFinding> {
    if shape.length == 0 {
        return vec![TokenFinding::Empty];
    }
    let mut findings = Vec::new();
    if shape.surrounding_whitespace {
        findings.push(TokenFinding::SurroundingWhitespace);
    }
    if let Some((c, position)) = shape.inner_whitespace {
        findings.push(TokenFinding::WhitespaceInside { c, position });
    }
    if let Some((c, position)) = shape.invisible_inside {
        findings.push(TokenFinding::InvisibleInside { c, position });
    }
    if shape.quoted {
        findings.push(TokenFinding::Quoted);
    }
    if shape.length < SHORT {
        findings.push(TokenFinding::Short {
            length: shape.length,
        });
    } else if shape.password_like {
        findings.push(TokenFinding::PasswordLike);
    }
    if shape.starts_with_atatt {
        findings.push(TokenFinding::AtlassianFormat);
    }
    findings
}

/// A dictionary word, or the "Word2024!" shape: letters, then a few digits, then at most one
/// symbol. Generated tokens mix classes throughout and are long.
fn looks_like_password(token: &str) -> bool {
    let lower = token.to_lowercase();
    if PASSWORD_WORDS.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let letters = token.chars().take_while(|c| c.is_alphabetic()).count();
    let rest: Vec<char> = token.chars().skip(letters).collect();
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let tail = rest.len() - digits;
    letters >= 4 && digits <= 4 && tail <= 1 && token.chars().count() < 24
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // Fake values shaped like tokens; never a real one.
    const FAKE_NEW: &str = "ATATT3xFfGF0T4kePl4c3h0ld3rV4lu3NotR34l0xZ9q8w7e6r5=ABCD1234";
    const FAKE_OLD: &str = "q7Zk2VbN8xLr4TcW9sYp3mHd";

    #[test]
    fn good_tokens_pass_quietly() {
        for t in [FAKE_OLD, "x9Qm2LkT7vRp4Wz8Nc3Yb6Hd5Jf1Gs0A"] {
            let r = check_api_token(t);
            assert!(r.ok && r.problems.is_empty(), "{t}: {:?}", r.problems);
            assert_eq!(r.value, format!("•••• ({} characters)", t.len()));
        }
        let r = check_api_token(FAKE_NEW);
        assert!(r.ok);
        assert_eq!(r.problems.len(), 1);
    }

    /// Every string a report carries, for the no-echo checks.
    fn all_text(r: &FieldReport) -> String {
        let mut s = r.value.clone();
        for p in &r.problems {
            s.push_str(&p.message);
            s.push_str(&p.fix);
        }
        s
    }

    #[test]
    fn never_echoes_the_token_in_table_cases() {
        // (A "Bearer …" paste is left out: the fix names the word "Bearer" generically.)
        for t in [
            FAKE_NEW,
            FAKE_OLD,
            "hunter2hunter2",
            "x9Qm 2LkT7vRp4Wz8Nc3Y",
        ] {
            let text = all_text(&check_api_token(t));
            let chars: Vec<char> = t.chars().collect();
            for w in chars.windows(6) {
                let piece: String = w.iter().collect();
                assert!(!text.contains(&piece), "{piece:?} leaked: {text}");
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = check_api_token(&s);
        }

        // Random tokens over an alphabet that cannot collide with message words by chance
        // (digits mixed in every 3 characters), with stray white space sprinkled in.
        #[test]
        fn never_echoes_any_part(parts in proptest::collection::vec("[A-Z]{2}[0-9]", 3..20), gap in "[ \\t\\n]?") {
            let mut token = parts.concat();
            token.insert_str(token.len() / 2, &gap);
            let text = all_text(&check_api_token(&token));
            let chars: Vec<char> = token.chars().filter(|c| !c.is_whitespace()).collect();
            for w in chars.windows(6) {
                let piece: String = w.iter().collect();
                prop_assert!(!text.contains(&piece), "{:?} leaked: {}", piece, text);
            }
        }
    }

    #[test]
    fn a_shape_measured_elsewhere_gives_the_same_verdict_as_the_text() {
        let shape: TokenShape = serde_json::from_str(
            r#"{"present":true,"length":27,"surroundingWhitespace":false,"innerWhitespace":[" ",7],"invisibleInside":null,"quoted":false,"startsWithATATT":true}"#,
        )
        .unwrap_or_default();
        let from_shape = check_api_token_shape(&shape);
        let from_text = check_api_token("ATATT3 xFfGF0-fixture-00000");
        assert_eq!(from_shape, from_text);
        assert!(from_shape.has("api-token-whitespace-inside"));
        assert!(
            from_shape
                .problems
                .iter()
                .any(|p| p.message.contains("space at position 7"))
        );
    }
}
