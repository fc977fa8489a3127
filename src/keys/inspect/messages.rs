//! Words for the inspector's typed findings: the message (after the field's name, which
//! `Findings::push` puts first) and the fix. The refusals before scanning, stray characters and
//! text, the SSH forms and the checks of the RSA numbers; the armour and layout checks
//! (`armoured.rs`) have theirs in `armour_messages.rs`.

use super::KeyKind;
use super::scan::Stray;
use super::{Findings, RECOPY};
use crate::problem::Severity;
use crate::text;
use crate::vocabulary::ProblemCode;

/// One thing the inspector found, with what its words need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyFinding {
    Empty,
    /// Past what is scanned; `chars` counts the characters.
    TooLong {
        chars: usize,
    },
    /// A private key; `headerless` when its BEGIN/END lines are missing. Carries nothing
    /// derived from the text.
    PrivateKey {
        kind: KeyKind,
        headerless: bool,
    },
    TooSmall {
        bits: u32,
    },
    Weak {
        bits: u32,
    },
    EvenModulus,
    EvenExponent,
    ExponentOne,
    /// An exponent other than 65537; `None` when it is larger than 64 bits.
    UnusualExponent {
        exponent: Option<u64>,
    },
    /// Lines outside the key, the first at `start`; `quoted` when it is prose (shown), not
    /// Base64 (which could be part of a private key, so never shown).
    ExtraText {
        start: usize,
        lines: usize,
        quoted: bool,
    },
    /// More than one SSH key line; the second starts at `second`.
    MultipleSshKeys {
        keys: usize,
        second: usize,
    },
    /// The last Base64 character before `end` has unused bits set.
    AlteredBase64 {
        end: usize,
    },
    /// A valid RSA key in an SSH form Jira does not read.
    SshForm {
        kind: KeyKind,
    },
    /// One kind of stray character: the first one (`ch` at `offset`) and how many in all.
    Stray {
        stray: Stray,
        ch: char,
        offset: usize,
        count: usize,
    },
}

impl KeyFinding {
    pub(super) const fn code(self) -> ProblemCode {
        match self {
            KeyFinding::Empty => ProblemCode::KeyEmpty,
            KeyFinding::TooLong { .. } => ProblemCode::KeyTooLong,
            KeyFinding::PrivateKey { .. } => ProblemCode::PrivateKeyPasted,
            KeyFinding::TooSmall { .. } => ProblemCode::KeyTooSmall,
            KeyFinding::Weak { .. } => ProblemCode::KeyWeak,
            KeyFinding::EvenModulus => ProblemCode::KeyBadModulus,
            KeyFinding::EvenExponent | KeyFinding::ExponentOne => ProblemCode::KeyBadExponent,
            KeyFinding::UnusualExponent { .. } => ProblemCode::KeyUnusualExponent,
            KeyFinding::ExtraText { .. } => ProblemCode::KeyExtraText,
            KeyFinding::MultipleSshKeys { .. } => ProblemCode::KeyMultipleKeys,
            KeyFinding::AlteredBase64 { .. } => ProblemCode::KeyAlteredBase64,
            KeyFinding::SshForm {
                kind: KeyKind::Ssh2Public,
            } => ProblemCode::KeySsh2Format,
            KeyFinding::SshForm { .. } => ProblemCode::KeyOpensshFormat,
            KeyFinding::Stray { stray, .. } => match stray {
                Stray::Crlf => ProblemCode::KeyCrlf,
                Stray::SmartDash => ProblemCode::KeySmartDash,
                Stray::Invisible => ProblemCode::KeyInvisibleChar,
                Stray::Quote => ProblemCode::KeyQuoteChar,
                Stray::QuotePrefix => ProblemCode::KeyQuotePrefix,
                Stray::LeadingSpace => ProblemCode::KeyLeadingSpace,
                Stray::Tab => ProblemCode::KeyTab,
                Stray::InnerSpace => ProblemCode::KeyInnerSpace,
                Stray::TrailingSpace => ProblemCode::KeyTrailingSpace,
                Stray::Ellipsis => ProblemCode::KeyEllipsis,
                Stray::BadChar => ProblemCode::KeyBadChar,
            },
        }
    }

    /// How bad it is, and whether Jira's own reader would fail on it too.
    pub(super) const fn weight(self) -> (Severity, bool) {
        match self {
            KeyFinding::Empty
            | KeyFinding::TooLong { .. }
            | KeyFinding::PrivateKey { .. }
            | KeyFinding::ExtraText { .. }
            | KeyFinding::MultipleSshKeys { .. }
            | KeyFinding::AlteredBase64 { .. }
            | KeyFinding::SshForm { .. } => (Severity::Error, true),
            KeyFinding::TooSmall { .. }
            | KeyFinding::EvenModulus
            | KeyFinding::EvenExponent
            | KeyFinding::ExponentOne => (Severity::Error, false),
            KeyFinding::Weak { .. } | KeyFinding::UnusualExponent { .. } => {
                (Severity::Warning, false)
            }
            KeyFinding::Stray {
                stray: Stray::Crlf, ..
            } => (Severity::Info, false),
            KeyFinding::Stray {
                stray: Stray::TrailingSpace,
                ..
            } => (Severity::Warning, false),
            KeyFinding::Stray { .. } => (Severity::Error, true),
        }
    }
}

/// The message (without the field's name) and the fix for a finding in `f`'s text.
pub(super) fn words(f: &Findings<'_>, finding: KeyFinding) -> (String, &'static str) {
    const NEW_PAIR: &str = "Generate a new key pair (with exponent 65537).";
    const PREFER_65537: &str = "Prefer a key with exponent 65537 (every current tool's default).";
    match finding {
        KeyFinding::Empty => (
            "is empty.".into(),
            "Paste the public key from Jira Align (the block from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----).",
        ),
        KeyFinding::TooLong { chars } => (
            format!(
                "is {chars} characters long; a public key is under 1,000 (a 4096-bit one is about 800), so this is not just a key."
            ),
            "Clear the field and paste only the public key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
        ),
        KeyFinding::PrivateKey { kind, headerless } => {
            let form = if headerless {
                format!("{}, without its BEGIN/END lines", kind.describe())
            } else {
                kind.describe().to_string()
            };
            (
                format!(
                    "this is a PRIVATE key ({form}). Never paste a private key into a public-key field or share it: whoever has it can sign requests as your connector."
                ),
                "Clear the field and paste the PUBLIC key instead (the block starting -----BEGIN PUBLIC KEY-----; `openssl pkey -in private.pem -pubout` prints it from a private key). If this private key was shared or stored anywhere it should not be, generate a new key pair and replace the old one everywhere.",
            )
        }
        KeyFinding::TooSmall { bits } => (
            format!(
                "this RSA key has only {bits} bits; keys under 1024 bits can be broken and must not be used."
            ),
            "Generate a new 2048-bit (or larger) key pair.",
        ),
        KeyFinding::Weak { bits } => (
            format!("this RSA key has {bits} bits, below the 2048-bit minimum NIST recommends."),
            "Generate a new 2048-bit (or larger) key pair when you can.",
        ),
        KeyFinding::EvenModulus => (
            "the RSA modulus is even, which no real RSA key has; the key is damaged.".into(),
            RECOPY,
        ),
        KeyFinding::EvenExponent => (
            "the public exponent is even, which no valid RSA key has.".into(),
            NEW_PAIR,
        ),
        KeyFinding::ExponentOne => (
            "the public exponent is 1, which makes the key useless.".into(),
            NEW_PAIR,
        ),
        KeyFinding::UnusualExponent { exponent: Some(e) } => (
            format!("the public exponent is {e}, not the usual 65537."),
            PREFER_65537,
        ),
        KeyFinding::UnusualExponent { exponent: None } => (
            "the public exponent is larger than 64 bits, not the usual 65537.".into(),
            PREFER_65537,
        ),
        KeyFinding::ExtraText {
            start,
            lines,
            quoted,
        } => {
            const ONLY_THE_KEY: &str = "Paste only the key itself, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.";
            let line = f.line_of(start);
            let more = match lines {
                1 => String::new(),
                n => format!(" ({} more such lines)", n - 1),
            };
            if !quoted {
                return (
                    format!("line {line} holds Base64 outside the BEGIN/END lines{more}."),
                    ONLY_THE_KEY,
                );
            }
            let shown = text::ellipsize(
                &text::visible(
                    f.text
                        .get(start..)
                        .and_then(|t| t.split('\n').next())
                        .unwrap_or_default(),
                ),
                40,
            );
            (
                format!("line {line} is not part of the key: \"{shown}\"{more}."),
                ONLY_THE_KEY,
            )
        }
        KeyFinding::MultipleSshKeys { keys, second } => (
            format!(
                "holds {keys} SSH keys (the second starts on line {}).",
                f.line_of(second)
            ),
            "Paste exactly one key.",
        ),
        KeyFinding::AlteredBase64 { end } => (
            format!(
                "the last Base64 character before {} is one no encoder writes: the text was changed after it was copied.",
                f.at(end)
            ),
            RECOPY,
        ),
        KeyFinding::SshForm { kind } => (
            not_x509(kind),
            if matches!(kind, KeyKind::Ssh2Public) {
                "Paste the key Linksmith shows below (BEGIN PUBLIC KEY) instead; it is the same key. From a terminal: `ssh-keygen -i -m PKCS8 -f key.pub`."
            } else {
                "Paste the key Linksmith shows below (BEGIN PUBLIC KEY) instead; it is the same key. From a terminal: `ssh-keygen -e -m PKCS8 -f key.pub`."
            },
        ),
        KeyFinding::Stray {
            stray,
            ch,
            offset,
            count,
        } => stray_words(f, stray, ch, offset, count),
    }
}

/// The refusal of a valid RSA key in a form other than X.509 (PKCS#1, the SSH forms).
pub(super) fn not_x509(kind: KeyKind) -> String {
    format!(
        "this is {}, a valid RSA key, but Jira only reads the X.509 form (BEGIN PUBLIC KEY).",
        kind.describe()
    )
}

fn stray_words(
    f: &Findings<'_>,
    stray: Stray,
    ch: char,
    offset: usize,
    count: usize,
) -> (String, &'static str) {
    let at = f.at(offset);
    let what = text::describe_char(ch);
    let more = |noun: &str| match count {
        1 => String::new(),
        n => format!(" ({} more {noun} after it)", n - 1),
    };
    match stray {
        Stray::Crlf => (
            "has Windows line endings (CR LF).".into(),
            "Nothing to do: Jira ignores them.",
        ),
        Stray::SmartDash => (
            format!(
                "{at} has {what} where a hyphen belongs{}: a word processor or chat app replaced the hyphens of -----BEGIN/-----END.",
                more("such dashes")
            ),
            RECOPY,
        ),
        Stray::Invisible => (
            format!("{at} has {what}{}.", more("invisible characters")),
            "Delete the invisible characters, or paste the clean key Linksmith shows below.",
        ),
        Stray::Quote => (
            format!(
                "{at} has {what}{}; quotes are not part of a key.",
                more("quotes")
            ),
            "Remove the quotes around or inside the key.",
        ),
        Stray::QuotePrefix => (
            format!(
                "{count} line(s) start with '>', the quoting of an e-mail or chat reply (first at {at})."
            ),
            "Remove the '>' at the start of each line, or copy the key from the original message.",
        ),
        Stray::LeadingSpace => (
            format!("lines are indented with spaces (first at {at}; {count} space(s) in all)."),
            "Remove the spaces at the start of the lines; each line of a key starts at the left edge.",
        ),
        Stray::Tab => (
            format!("{at} has a tab{}.", more("tabs")),
            "Remove the tabs; a key contains no white space except line breaks.",
        ),
        Stray::InnerSpace => (
            format!("{at} has a space inside the Base64{}.", more("spaces")),
            "Remove the spaces; a key contains no white space except line breaks.",
        ),
        Stray::TrailingSpace => (
            format!("{at} has spaces at the end of a line ({count} in all)."),
            "Remove the spaces at the ends of the lines to be safe.",
        ),
        Stray::Ellipsis => (
            format!(
                "{at} has an ellipsis (…): the key was shortened for display, so part of it is missing."
            ),
            "Copy the full key (use the copy button, or select the whole text box), not a shortened preview.",
        ),
        Stray::BadChar => (
            format!(
                "{at} has {what}, which cannot be part of a key{}.",
                more("such characters")
            ),
            RECOPY,
        ),
    }
}
