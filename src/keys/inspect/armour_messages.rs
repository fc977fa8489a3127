//! Words for the typed findings of the armour and layout checks (`armoured.rs`) and of the key
//! readers they and the SSH path (`notes.rs`) call: the message (after the field's name, which
//! `Findings::push` puts first) and the fix.

use super::KeyKind;
use super::messages::not_x509;
use super::{Findings, RECOPY};
use crate::problem::Severity;
use crate::text;
use crate::vocabulary::ProblemCode;

const WHOLE_KEY: &str =
    "Copy the whole key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.";
const FROM_ALIGN: &str =
    "Paste the public key from Jira Align (BEGIN PUBLIC KEY … END PUBLIC KEY).";
const ONCE: &str = "Delete the second copy; paste the key exactly once.";

/// One thing the armour and layout checks, or a key reader, found. Offsets are byte offsets into
/// the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ArmourFinding<'a> {
    /// No Base64 at all; `armoured` when there are BEGIN/END lines with nothing between them.
    NoData {
        armoured: bool,
    },
    /// The Base64 decodes to `bytes` bytes with no DER structure.
    NotDer {
        bytes: usize,
    },
    /// The DER says `declared` bytes but only `available` are there; the text ends at `end`.
    Truncated {
        declared: usize,
        available: usize,
        end: usize,
    },
    /// DER, but neither a public key nor a certificate.
    NotAPublicKey,
    /// Looks like `kind` but does not parse, for the reason `why`.
    Malformed {
        kind: KeyKind,
        why: &'a str,
    },
    /// An SSH form of `kind` that does not parse, for the reason `why`.
    SshMalformed {
        kind: KeyKind,
        why: &'a str,
    },
    /// An SSH key cut off, for the reason `why`; the text ends at `end`.
    CutOff {
        why: &'a str,
        end: usize,
    },
    /// RSA numbers the key encoder refuses, for the reason `why`.
    Unwritable {
        why: &'a str,
    },
    /// A key of another algorithm, named `algorithm`.
    NotRsa {
        algorithm: &'a str,
    },
    /// An SSH line that names `declared` over ssh-rsa key data.
    SshTypeMismatch {
        declared: &'a str,
    },
    /// RSA numbers in bytes no tool writes.
    Noncanonical,
    /// The BEGIN line says CERTIFICATE over a public key.
    CertificateLabel,
    /// Armour lines with `label`, neither PUBLIC KEY nor CERTIFICATE, over a public key.
    UnusualLabel {
        label: &'a str,
    },
    /// A PKCS#1 public key (`kind` says PEM or Base64).
    Pkcs1Public {
        kind: KeyKind,
    },
    /// A certificate at the start of the text: Jira takes it.
    Certificate,
    CertificateNotFirst,
    CertificateHeaderless,
    /// A BEGIN (`begin`) or END line at `start` with `lead` and `trail` hyphens, not the
    /// shape PEM (or RFC 4716 for `ssh2`) prescribes.
    ArmourMalformed {
        begin: bool,
        ssh2: bool,
        start: usize,
        lead: usize,
        trail: usize,
    },
    MissingBegin {
        end_start: usize,
    },
    MissingEnd {
        begin_start: usize,
    },
    /// BEGIN and END name different things; the END line starts at `end_start`.
    LabelsDiffer {
        begin: &'a str,
        end: &'a str,
        end_start: usize,
    },
    /// `count` extra BEGIN/END lines, the first at `first`.
    ExtraArmour {
        first: usize,
        count: usize,
    },
    /// One Base64 character too many; the text ends at `end`.
    DanglingChar {
        end: usize,
    },
    /// The same DER twice in one Base64 text.
    DoubledInline,
    /// A second DER object follows the first.
    Concatenated,
    /// `bytes` bytes that are no DER object follow the key; the text ends at `end`.
    TrailingData {
        bytes: usize,
        end: usize,
    },
    /// A second block with the same key, starting at `second`.
    DoubledBlock {
        second: usize,
    },
    /// `blocks` keys or certificates, the second starting at `second`.
    MultipleBlocks {
        blocks: usize,
        second: usize,
    },
}

impl ArmourFinding<'_> {
    pub(super) const fn code(self) -> ProblemCode {
        match self {
            ArmourFinding::NoData { .. } => ProblemCode::KeyNoData,
            ArmourFinding::NotDer { .. } | ArmourFinding::NotAPublicKey => ProblemCode::KeyNotAKey,
            ArmourFinding::Truncated { .. } | ArmourFinding::CutOff { .. } => {
                ProblemCode::KeyTruncated
            }
            ArmourFinding::Malformed { .. }
            | ArmourFinding::SshMalformed { .. }
            | ArmourFinding::Unwritable { .. } => ProblemCode::KeyMalformed,
            ArmourFinding::NotRsa { .. } => ProblemCode::KeyNotRsa,
            ArmourFinding::SshTypeMismatch { .. } => ProblemCode::KeySshTypeMismatch,
            ArmourFinding::Noncanonical => ProblemCode::KeyNoncanonical,
            ArmourFinding::CertificateLabel
            | ArmourFinding::UnusualLabel { .. }
            | ArmourFinding::LabelsDiffer { .. } => ProblemCode::KeyLabelMismatch,
            ArmourFinding::Pkcs1Public { .. } => ProblemCode::KeyPkcs1Public,
            ArmourFinding::Certificate => ProblemCode::KeyCertificate,
            ArmourFinding::CertificateNotFirst => ProblemCode::KeyCertificateNotFirst,
            ArmourFinding::CertificateHeaderless => ProblemCode::KeyCertificateHeaderless,
            ArmourFinding::ArmourMalformed { .. } => ProblemCode::KeyArmourMalformed,
            ArmourFinding::MissingBegin { .. } => ProblemCode::KeyMissingBegin,
            ArmourFinding::MissingEnd { .. } => ProblemCode::KeyMissingEnd,
            ArmourFinding::ExtraArmour { .. } => ProblemCode::KeyExtraArmour,
            ArmourFinding::DanglingChar { .. } | ArmourFinding::TrailingData { .. } => {
                ProblemCode::KeyTrailingData
            }
            ArmourFinding::DoubledInline | ArmourFinding::DoubledBlock { .. } => {
                ProblemCode::KeyDoubled
            }
            ArmourFinding::Concatenated => ProblemCode::KeyConcatenated,
            ArmourFinding::MultipleBlocks { .. } => ProblemCode::KeyMultipleBlocks,
        }
    }

    /// How bad it is, and whether Jira's own reader would fail on it too.
    pub(super) const fn weight(self) -> (Severity, bool) {
        match self {
            ArmourFinding::UnusualLabel { .. }
            | ArmourFinding::MissingBegin { .. }
            | ArmourFinding::MissingEnd { .. }
            | ArmourFinding::LabelsDiffer { .. }
            | ArmourFinding::ExtraArmour { .. }
            | ArmourFinding::SshTypeMismatch { .. } => (Severity::Warning, false),
            ArmourFinding::Certificate => (Severity::Info, false),
            _ => (Severity::Error, true),
        }
    }
}

/// The message (without the field's name) and the fix for a finding in `f`'s text.
pub(super) fn words(f: &Findings<'_>, finding: ArmourFinding<'_>) -> (String, &'static str) {
    match finding {
        ArmourFinding::NoData { armoured: false } => (
            "has no key data (no Base64 between or around the BEGIN/END lines).".into(),
            WHOLE_KEY,
        ),
        ArmourFinding::NoData { armoured: true } => (
            "has BEGIN/END lines but no key data between them.".into(),
            "Copy the whole key, including the lines of Base64 between BEGIN and END.",
        ),
        ArmourFinding::NotDer { bytes } => (
            format!("the Base64 decodes to {bytes} bytes that are not a key (no DER structure)."),
            FROM_ALIGN,
        ),
        ArmourFinding::Truncated {
            declared,
            available,
            end,
        } => (
            format!(
                "the key is cut off: its data says {declared} bytes but only {available} are there, so about {} Base64 characters are missing after {}.",
                declared.saturating_sub(available).saturating_mul(4).div_ceil(3),
                f.at(end)
            ),
            "Copy the whole key again; the end is missing (select everything up to and including -----END PUBLIC KEY-----).",
        ),
        ArmourFinding::NotAPublicKey => (
            "the Base64 decodes to data that is not a public key or certificate.".into(),
            FROM_ALIGN,
        ),
        ArmourFinding::Malformed { kind, why } => (
            format!("this looks like {} but {why}.", kind.describe()),
            RECOPY,
        ),
        ArmourFinding::SshMalformed { kind, why } => {
            (format!("{} but {why}.", kind.describe()), RECOPY)
        }
        ArmourFinding::CutOff { why, end } => (
            format!(
                "the key is cut off: {why} (the text ends at {}).",
                f.at(end)
            ),
            "Copy the whole key again; the end is missing.",
        ),
        ArmourFinding::Unwritable { why } => (
            format!("the RSA numbers cannot be written as a public key ({why})."),
            RECOPY,
        ),
        ArmourFinding::NotRsa { algorithm } => (
            format!(
                "this is a {algorithm} key, not RSA. Jira's OAuth 1.0a link signs with RSA-SHA1 and accepts only RSA keys."
            ),
            "Use the RSA public key Jira Align generates (Generate New Key), or generate a 2048-bit RSA key pair.",
        ),
        ArmourFinding::SshTypeMismatch { declared } => (
            format!(
                "the line says '{}' but the key data is ssh-rsa.",
                text::visible(declared)
            ),
            "Copy the key line again unchanged.",
        ),
        ArmourFinding::Noncanonical => (
            "the key decodes to RSA numbers, but its bytes are not encoded the way any tool writes them (for example, the algorithm's NULL parameter is missing or changed): the text was probably altered.".into(),
            RECOPY,
        ),
        ArmourFinding::CertificateLabel => (
            "the BEGIN line says CERTIFICATE but the data is a public key, so Jira would try to read a certificate and fail.".into(),
            "Use -----BEGIN PUBLIC KEY----- and -----END PUBLIC KEY----- (or paste the key below).",
        ),
        ArmourFinding::UnusualLabel { label } => (
            format!(
                "the BEGIN/END lines say '{label}' but the data is a public key (BEGIN PUBLIC KEY). Jira ignores the label, other tools may not."
            ),
            "Paste the key Linksmith shows below, with the right label.",
        ),
        ArmourFinding::Pkcs1Public { kind } => (
            not_x509(kind),
            "Paste this instead: the same key as BEGIN PUBLIC KEY, which Linksmith shows below. From a terminal: `openssl rsa -RSAPublicKey_in -in key.pem -pubout`.",
        ),
        ArmourFinding::Certificate => (
            "this is an X.509 certificate. Jira's Incoming Authentication form accepts it and keeps the public key inside it.".into(),
            "Nothing to do on the form. Where only a public key is accepted, paste the key Linksmith shows below.",
        ),
        ArmourFinding::CertificateNotFirst => (
            "this is an X.509 certificate, but Jira reads a certificate only when the text starts with -----BEGIN CERTIFICATE-----.".into(),
            "Remove everything before -----BEGIN CERTIFICATE-----, or paste the public key Linksmith shows below.",
        ),
        ArmourFinding::CertificateHeaderless => (
            "this is an X.509 certificate without its BEGIN/END lines; Jira reads a certificate only with -----BEGIN CERTIFICATE----- in front.".into(),
            "Paste the public key Linksmith shows below, or add the BEGIN CERTIFICATE / END CERTIFICATE lines.",
        ),
        ArmourFinding::ArmourMalformed {
            begin,
            ssh2,
            start,
            lead,
            trail,
        } => {
            let want = if ssh2 {
                "four hyphens and a space on each side"
            } else {
                "exactly five hyphens on each side and no spaces"
            };
            (
                format!(
                    "the {} line (line {}) has {lead} hyphen(s) before and {trail} after the label; it needs {want}.",
                    if begin { "BEGIN" } else { "END" },
                    f.line_of(start)
                ),
                "Fix the line to read -----BEGIN PUBLIC KEY----- / -----END PUBLIC KEY-----, or paste the key Linksmith shows below.",
            )
        }
        ArmourFinding::MissingBegin { end_start } => (
            format!(
                "there is an END line (line {}) but no BEGIN line; the start of the key may be missing too.",
                f.line_of(end_start)
            ),
            WHOLE_KEY,
        ),
        ArmourFinding::MissingEnd { begin_start } => (
            format!(
                "the BEGIN line (line {}) has no matching END line; the end of the key may be missing too.",
                f.line_of(begin_start)
            ),
            WHOLE_KEY,
        ),
        ArmourFinding::LabelsDiffer {
            begin,
            end,
            end_start,
        } => (
            format!(
                "the BEGIN line says '{begin}' but the END line (line {}) says '{end}'.",
                f.line_of(end_start)
            ),
            "Copy the key again unchanged; BEGIN and END must name the same thing.",
        ),
        ArmourFinding::ExtraArmour { first, count } => (
            format!(
                "line {} is an extra BEGIN/END line{}.",
                f.line_of(first),
                match count {
                    1 => String::new(),
                    n => format!(" ({} more after it)", n - 1),
                }
            ),
            "Delete the repeated BEGIN/END lines; a key has exactly one of each.",
        ),
        ArmourFinding::DanglingChar { end } => (
            format!(
                "there is one Base64 character too many (the text ends at {}).",
                f.at(end)
            ),
            RECOPY,
        ),
        ArmourFinding::DoubledInline => ("the key is pasted twice, back to back.".into(), ONCE),
        ArmourFinding::Concatenated => (
            "a second key or certificate follows the first one.".into(),
            "Paste exactly one key.",
        ),
        ArmourFinding::TrailingData { bytes, end } => (
            format!(
                "{bytes} bytes of extra data follow the key (the text ends at {}).",
                f.at(end)
            ),
            RECOPY,
        ),
        ArmourFinding::DoubledBlock { second } => (
            format!(
                "the key is pasted twice (the second copy starts on line {}).",
                f.line_of(second)
            ),
            ONCE,
        ),
        ArmourFinding::MultipleBlocks { blocks, second } => (
            format!(
                "holds {blocks} keys or certificates (the second starts on line {}); Jira reads exactly one.",
                f.line_of(second)
            ),
            "Paste only the public key Jira Align generated. For a certificate chain, paste only the first certificate.",
        ),
    }
}
