//! Saying exactly what a person pasted into a "public key" field, what is wrong with it and
//! where, and whether Jira would take it.
//!
//! Jira's reader (docs/field-facts.md, "How Jira reads the public key"): text starting with
//! `-----BEGIN CERTIFICATE-----` is a certificate; otherwise every `-----…-----` line and every
//! line break is dropped and the rest must be the Base64 of an RSA SubjectPublicKeyInfo. Labels
//! are therefore irrelevant to Jira, and missing BEGIN/END lines are harmless, while anything
//! else that ends up in the Base64 (spaces, quotes, a second key) makes it fail.

use crate::problem::{Problem, Severity};
use crate::text;
use crate::vocabulary::ProblemCode;

use super::der::{self as sniff, Outer, Shape};
use super::encoding::{self, Decoded};
use super::fingerprint;
use super::kind::{KeyKind, KeyReport};
use super::material::{ParseError, RsaPublic};
use super::scan::{self, Armour, Line, LineKind, Note, Stray};
use super::ssh;

mod messages;
use messages::KeyFinding;
mod armour_messages;
use armour_messages::ArmourFinding;
mod notes;
use notes::*;
mod armoured;
use armoured::*;

/// Far more than any public key or certificate (a 4096-bit key is ~800 characters); beyond
/// this only a cheap private-key check runs, so a pasted megabyte answers at once.
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

/// Inspects the text of a public-key field. Never fails and never panics; everything it finds
/// is in the report's `problems`.
pub fn inspect_public_key(text: &str) -> KeyReport {
    analyse(text, "Public key").report
}

/// A report plus the key itself, for comparing.
pub(crate) struct Analysis {
    pub report: KeyReport,
    pub key: Option<RsaPublic>,
}

/// Collects problems; `field` starts every message ("Public key", "First key").
struct Findings<'t> {
    text: &'t str,
    field: &'t str,
    problems: Vec<Problem>,
    /// Set by problems in the text that Jira's reader would trip over.
    jira_blocked: bool,
}

impl<'t> Findings<'t> {
    fn at(&self, offset: usize) -> String {
        let (line, col) = text::line_col(self.text, offset);
        format!("line {line}, column {col}")
    }

    fn line_of(&self, offset: usize) -> usize {
        text::line_col(self.text, offset).0
    }

    fn push(&mut self, severity: Severity, code: ProblemCode, message: String, fix: &str) {
        let message = format!("{}: {message}", self.field);
        self.problems.push(match severity {
            Severity::Error => Problem::error(code, message, fix),
            Severity::Warning => Problem::warning(code, message, fix),
            Severity::Info => Problem::info(code, message, fix),
        });
    }

    /// A typed finding, worded by `messages`.
    fn found(&mut self, finding: KeyFinding) {
        let (severity, blocks_jira) = finding.weight();
        self.jira_blocked |= blocks_jira;
        let (message, fix) = messages::words(self, finding);
        self.push(severity, finding.code(), message, fix);
    }

    /// A typed finding of the armour and layout checks or a key reader, worded by
    /// `armour_messages`.
    fn found_in_layout(&mut self, finding: ArmourFinding<'_>) {
        let (severity, blocks_jira) = finding.weight();
        self.jira_blocked |= blocks_jira;
        let (message, fix) = armour_messages::words(self, finding);
        self.push(severity, finding.code(), message, fix);
    }
}

const RECOPY: &str = "Copy the key again straight from its source as plain text (not through a word processor, e-mail or chat), or paste the clean key Linksmith shows below.";

pub(crate) fn analyse(text: &str, field: &str) -> Analysis {
    let mut f = Findings {
        text,
        field,
        problems: Vec::new(),
        jira_blocked: false,
    };
    if text.trim().is_empty() {
        f.found(KeyFinding::Empty);
        return finish(f, KeyKind::Empty, None);
    }
    // Before anything else, and on the raw text, so that nothing below ever quotes or
    // describes a character of a private key.
    if let Some(kind) = private_kind_by_text(text) {
        return private_key(f, kind, false);
    }
    if text.len() > MAX_INPUT_BYTES {
        f.found(KeyFinding::TooLong {
            chars: text.chars().count(),
        });
        return finish(f, KeyKind::Unknown, None);
    }
    let lines = scan::scan(text);
    let has_armour = lines.iter().any(|l| matches!(l.kind, LineKind::Armour(_)));
    let first_ssh = lines
        .iter()
        .position(|l| matches!(l.kind, LineKind::Ssh(_)));
    match first_ssh {
        Some(i) if !has_armour => ssh_line_path(f, &lines, i),
        _ => armoured_path(f, &lines),
    }
}

/// Private keys are recognised by their labels in the raw text, whatever else is wrong.
fn private_kind_by_text(text: &str) -> Option<KeyKind> {
    if !text.contains("PRIVATE KEY") && !text.contains("PuTTY-User-Key-File") {
        return None;
    }
    Some(if text.contains("OPENSSH PRIVATE KEY") {
        KeyKind::PrivateKeyOpenssh
    } else if text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED") {
        KeyKind::PrivateKeyEncrypted
    } else if text.contains("RSA PRIVATE KEY") {
        KeyKind::PrivateKeyPkcs1
    } else if text.contains("BEGIN PRIVATE KEY") || text.contains("END PRIVATE KEY") {
        KeyKind::PrivateKeyPkcs8
    } else {
        KeyKind::PrivateKeyOther
    })
}

/// The loud refusal. Carries nothing derived from the pasted text.
fn private_key(mut f: Findings<'_>, kind: KeyKind, headerless: bool) -> Analysis {
    f.problems.clear();
    f.found(KeyFinding::PrivateKey { kind, headerless });
    finish(f, kind, None)
}

/// The parts of a pasted text that make up one key.
#[derive(Default)]
struct Block<'l> {
    begin: Option<(&'l Armour, usize)>,
    end: Option<(&'l Armour, usize)>,
    lines: Vec<&'l Line>,
}

impl Block<'_> {
    fn body(&self) -> Vec<(u8, usize)> {
        self.lines
            .iter()
            .flat_map(|l| l.body.iter().copied())
            .collect()
    }

    fn chars(&self) -> Vec<u8> {
        self.lines
            .iter()
            .flat_map(|l| l.body.iter().map(|(b, _)| *b))
            .collect()
    }
}

/// Groups lines into BEGIN…END blocks. A run of Base64 lines closed by an END with no BEGIN
/// is a block that lost its first line; Base64 outside every block is stray text (unless there
/// are no armour lines at all, when it is the key).
struct Layout<'l> {
    blocks: Vec<Block<'l>>,
    stray: Vec<&'l Line>,
    extra_armour: Vec<usize>,
}

fn layout(lines: &[Line]) -> Layout<'_> {
    let mut blocks = Vec::new();
    let mut stray = Vec::new();
    let mut extra_armour = Vec::new();
    let mut pending: Vec<&Line> = Vec::new();
    let mut current: Option<Block> = None;
    for line in lines {
        match &line.kind {
            LineKind::Armour(a) if a.begin => {
                if let Some(block) = current.take() {
                    if block.lines.is_empty() {
                        // BEGIN BEGIN: the first one is a repeated line, not a key.
                        extra_armour.push(block.begin.map_or(line.start, |(_, s)| s));
                        current = Some(Block {
                            begin: block.begin,
                            ..Block::default()
                        });
                        continue;
                    }
                    blocks.push(block);
                }
                stray.append(&mut pending);
                current = Some(Block {
                    begin: Some((a, line.start)),
                    ..Block::default()
                });
            }
            LineKind::Armour(a) => match current.take() {
                Some(mut block) => {
                    block.end = Some((a, line.start));
                    blocks.push(block);
                }
                None if !pending.is_empty() => blocks.push(Block {
                    end: Some((a, line.start)),
                    lines: std::mem::take(&mut pending),
                    ..Block::default()
                }),
                None => extra_armour.push(line.start),
            },
            LineKind::Body | LineKind::Ssh(_) => match current.as_mut() {
                Some(block) => block.lines.push(line),
                None => pending.push(line),
            },
            LineKind::Header | LineKind::Blank => {}
        }
    }
    if let Some(block) = current {
        blocks.push(block);
    }
    if blocks.is_empty() && !pending.is_empty() {
        blocks.push(Block {
            lines: pending,
            ..Block::default()
        });
    } else {
        stray.extend(pending);
    }
    Layout {
        blocks,
        stray,
        extra_armour,
    }
}

/// Checks that apply to any RSA key found, then builds the report.
fn finish(mut f: Findings<'_>, kind: KeyKind, key: Option<RsaPublic>) -> Analysis {
    let mut report = KeyReport {
        ok: false,
        kind,
        bits: None,
        exponent: None,
        fingerprint_sha256: None,
        fingerprint_openssl: None,
        canonical_pem: None,
        jira_base64: None,
        jira_accepts: false,
        problems: Vec::new(),
    };
    let key = key.and_then(|key| {
        let der = match key.spki_der() {
            Ok(der) => der,
            Err(e) => {
                let why = e.to_string();
                f.found_in_layout(ArmourFinding::Unwritable { why: &why });
                return None;
            }
        };
        check_numbers(&mut f, &key);
        let hex = fingerprint::sha256_hex(&der);
        report.bits = Some(key.bits());
        report.exponent = key.exponent();
        report.fingerprint_openssl = Some(fingerprint::openssl_line(&hex));
        report.fingerprint_sha256 = Some(hex);
        report.canonical_pem = encoding::pem("PUBLIC KEY", &der).ok();
        report.jira_base64 = Some(encoding::one_line(&der));
        Some(key)
    });
    crate::keys::sort_stably_by(&mut f.problems, |p| p.severity as usize);
    report.ok = key.is_some() && crate::problem::no_errors(&f.problems);
    report.jira_accepts = key.is_some() && kind.jira_reads() && !f.jira_blocked;
    report.problems = f.problems;
    Analysis { report, key }
}

fn check_numbers(f: &mut Findings<'_>, key: &RsaPublic) {
    let bits = key.bits();
    if bits < 1024 {
        f.found(KeyFinding::TooSmall { bits });
    } else if bits < 2048 {
        f.found(KeyFinding::Weak { bits });
    }
    if !key.modulus_is_odd() {
        f.found(KeyFinding::EvenModulus);
    }
    match key.exponent() {
        _ if !key.exponent_is_odd() => f.found(KeyFinding::EvenExponent),
        Some(1) => f.found(KeyFinding::ExponentOne),
        Some(65537) => {}
        exponent => f.found(KeyFinding::UnusualExponent { exponent }),
    }
}
