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

use super::der::{self as sniff, Outer, Shape};
use super::encoding::{self, Decoded};
use super::fingerprint;
use super::kind::{KeyKind, KeyReport};
use super::material::{ParseError, RsaPublic};
use super::scan::{self, Armour, Line, LineKind, Note, Stray};
use super::ssh;

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

    fn push(&mut self, severity: Severity, code: &'static str, message: String, fix: &str) {
        let message = format!("{}: {message}", self.field);
        self.problems.push(match severity {
            Severity::Error => Problem::error(code, message, fix),
            Severity::Warning => Problem::warning(code, message, fix),
            Severity::Info => Problem::info(code, message, fix),
        });
    }

    /// A problem in the text itself that Jira would also fail on.
    fn blocking(&mut self, code: &'static str, message: String, fix: &str) {
        self.jira_blocked = true;
        self.push(Severity::Error, code, message, fix);
    }

    fn error(&mut self, code: &'static str, message: String, fix: &str) {
        self.push(Severity::Error, code, message, fix);
    }

    fn warning(&mut self, code: &'static str, message: String, fix: &str) {
        self.push(Severity::Warning, code, message, fix);
    }

    fn info(&mut self, code: &'static str, message: String, fix: &str) {
        self.push(Severity::Info, code, message, fix);
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
        f.blocking(
            "key-empty",
            "is empty.".into(),
            "Paste the public key from Jira Align (the block from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----).",
        );
        return finish(f, KeyKind::Empty, None);
    }
    // Before anything else, and on the raw text, so that nothing below ever quotes or
    // describes a character of a private key.
    if let Some(kind) = private_kind_by_text(text) {
        return private_key(f, kind, false);
    }
    if text.len() > MAX_INPUT_BYTES {
        f.blocking(
            "key-too-long",
            format!(
                "is {} characters long; a public key is under 1,000 (a 4096-bit one is about 800), so this is not just a key.",
                text.chars().count()
            ),
            "Clear the field and paste only the public key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
        );
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
    let form = if headerless {
        format!("{}, without its BEGIN/END lines", kind.describe())
    } else {
        kind.describe().to_string()
    };
    f.blocking(
        "private-key-pasted",
        format!(
            "this is a PRIVATE key ({form}). Never paste a private key into a public-key field or share it: whoever has it can sign requests as your connector."
        ),
        "Clear the field and paste the PUBLIC key instead (the block starting -----BEGIN PUBLIC KEY-----; `openssl pkey -in private.pem -pubout` prints it from a private key). If this private key was shared or stored anywhere it should not be, generate a new key pair and replace the old one everywhere.",
    );
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

/// Turns the stray-character notes of the lines that make up the key into problems: one
/// problem per kind of character, pointing at the first and counting the rest.
fn report_notes<'l>(f: &mut Findings<'_>, lines: impl Iterator<Item = &'l Line>) {
    let mut tally: Vec<(Stray, Note, usize)> = Vec::new();
    for note in lines.flat_map(|l| l.notes.iter()) {
        match tally.iter_mut().find(|(s, _, _)| *s == note.stray) {
            Some(entry) => entry.2 += 1,
            None => tally.push((note.stray, *note, 1)),
        }
    }
    // Offsets are below MAX_INPUT_BYTES, so they fit in a u32.
    crate::order::sort_stable_by_u32(&mut tally, |(_, note, _)| note.offset as u32);
    for (stray, note, count) in tally {
        let at = f.at(note.offset);
        let what = text::describe_char(note.ch);
        let more = |noun: &str| match count {
            1 => String::new(),
            n => format!(" ({} more {noun} after it)", n - 1),
        };
        match stray {
            Stray::Crlf => f.info(
                "key-crlf",
                "has Windows line endings (CR LF).".into(),
                "Nothing to do: Jira ignores them.",
            ),
            Stray::SmartDash => f.blocking(
                "key-smart-dash",
                format!(
                    "{at} has {what} where a hyphen belongs{}: a word processor or chat app replaced the hyphens of -----BEGIN/-----END.",
                    more("such dashes")
                ),
                RECOPY,
            ),
            Stray::Invisible => f.blocking(
                "key-invisible-char",
                format!("{at} has {what}{}.", more("invisible characters")),
                "Delete the invisible characters, or paste the clean key Linksmith shows below.",
            ),
            Stray::Quote => f.blocking(
                "key-quote-char",
                format!(
                    "{at} has {what}{}; quotes are not part of a key.",
                    more("quotes")
                ),
                "Remove the quotes around or inside the key.",
            ),
            Stray::QuotePrefix => f.blocking(
                "key-quote-prefix",
                format!(
                    "{count} line(s) start with '>', the quoting of an e-mail or chat reply (first at {at})."
                ),
                "Remove the '>' at the start of each line, or copy the key from the original message.",
            ),
            Stray::LeadingSpace => f.blocking(
                "key-leading-space",
                format!(
                    "lines are indented with spaces (first at {at}; {count} space(s) in all)."
                ),
                "Remove the spaces at the start of the lines; each line of a key starts at the left edge.",
            ),
            Stray::Tab => f.blocking(
                "key-tab",
                format!("{at} has a tab{}.", more("tabs")),
                "Remove the tabs; a key contains no white space except line breaks.",
            ),
            Stray::InnerSpace => f.blocking(
                "key-inner-space",
                format!(
                    "{at} has a space inside the Base64{}.",
                    more("spaces")
                ),
                "Remove the spaces; a key contains no white space except line breaks.",
            ),
            Stray::TrailingSpace => f.warning(
                "key-trailing-space",
                format!("{at} has spaces at the end of a line ({count} in all)."),
                "Remove the spaces at the ends of the lines to be safe.",
            ),
            Stray::Ellipsis => f.blocking(
                "key-ellipsis",
                format!(
                    "{at} has an ellipsis (…): the key was shortened for display, so part of it is missing."
                ),
                "Copy the full key (use the copy button, or select the whole text box), not a shortened preview.",
            ),
            Stray::BadChar => f.blocking(
                "key-bad-char",
                format!(
                    "{at} has {what}, which cannot be part of a key{}.",
                    more("such characters")
                ),
                RECOPY,
            ),
        }
    }
}

fn report_stray_text(f: &mut Findings<'_>, stray: &[&Line]) {
    let Some(first) = stray.first() else {
        return;
    };
    let line = f.line_of(first.start);
    // A line of pure Base64 could be part of a private key pasted after the public one, so
    // only lines with other characters in them (prose) are quoted.
    if matches!(first.kind, LineKind::Body) && first.notes.is_empty() {
        f.blocking(
            "key-extra-text",
            format!(
                "line {line} holds Base64 outside the BEGIN/END lines{}.",
                match stray.len() {
                    1 => String::new(),
                    n => format!(" ({} more such lines)", n - 1),
                }
            ),
            "Paste only the key itself, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
        );
        return;
    }
    let shown = text::ellipsize(
        &text::visible(
            f.text
                .get(first.start..)
                .and_then(|t| t.split('\n').next())
                .unwrap_or_default(),
        ),
        40,
    );
    f.blocking(
        "key-extra-text",
        format!(
            "line {line} is not part of the key: \"{shown}\"{}.",
            match stray.len() {
                1 => String::new(),
                n => format!(" ({} more such lines)", n - 1),
            }
        ),
        "Paste only the key itself, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
    );
}

fn ssh_line_path(mut f: Findings<'_>, lines: &[Line], index: usize) -> Analysis {
    let Some(line) = lines.get(index) else {
        return finish(f, KeyKind::Unknown, None);
    };
    let LineKind::Ssh(ssh_line) = &line.kind else {
        return finish(f, KeyKind::Unknown, None);
    };
    report_notes(&mut f, std::iter::once(line));
    let others: Vec<&Line> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| *i != index && matches!(l.kind, LineKind::Ssh(_)))
        .map(|(_, l)| l)
        .collect();
    if let Some(second) = others.first() {
        let at = f.line_of(second.start);
        f.blocking(
            "key-multiple-keys",
            format!(
                "holds {} SSH keys (the second starts on line {at}).",
                others.len() + 1
            ),
            "Paste exactly one key.",
        );
    }
    let stray: Vec<&Line> = lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Body) && !l.body.is_empty())
        .collect();
    report_stray_text(&mut f, &stray);

    let chars: Vec<u8> = ssh_line.data.iter().map(|(b, _)| *b).collect();
    let decoded = encoding::decode_lenient(&chars);
    let end = ssh_line.data.last().map_or(line.start, |(_, o)| o + 1);
    ssh_blob(
        f,
        &decoded,
        Some(&ssh_line.algorithm),
        KeyKind::OpensshPublic,
        end,
    )
}

/// A last Base64 character whose unused low bits are set decodes to the same bytes as the one an
/// encoder writes, so the key would read as unchanged: say the text was altered.
fn report_loose_bits(f: &mut Findings<'_>, loose_bits: bool, end_offset: usize) {
    if loose_bits {
        let at = f.at(end_offset);
        f.blocking(
            "key-altered-base64",
            format!("the last Base64 character before {at} is one no encoder writes: the text was changed after it was copied."),
            RECOPY,
        );
    }
}

/// Shared by `ssh-rsa …` lines, SSH2 blocks and bare SSH Base64.
fn ssh_blob(
    mut f: Findings<'_>,
    decoded: &Decoded,
    declared: Option<&str>,
    kind: KeyKind,
    end_offset: usize,
) -> Analysis {
    match ssh::parse_wire(&decoded.bytes) {
        Ok(key) => {
            report_loose_bits(&mut f, decoded.loose_bits, end_offset);
            if let Some(declared) = declared.filter(|d| *d != "ssh-rsa") {
                f.warning(
                    "key-ssh-type-mismatch",
                    format!(
                        "the line says '{}' but the key data is ssh-rsa.",
                        text::visible(declared)
                    ),
                    "Copy the key line again unchanged.",
                );
            }
            let (name, fix) = if kind == KeyKind::Ssh2Public {
                (
                    "key-ssh2-format",
                    "Paste the key Linksmith shows below (BEGIN PUBLIC KEY) instead; it is the same key. From a terminal: `ssh-keygen -i -m PKCS8 -f key.pub`.",
                )
            } else {
                (
                    "key-openssh-format",
                    "Paste the key Linksmith shows below (BEGIN PUBLIC KEY) instead; it is the same key. From a terminal: `ssh-keygen -e -m PKCS8 -f key.pub`.",
                )
            };
            f.blocking(
                name,
                format!(
                    "this is {}, a valid RSA key, but Jira only reads the X.509 form (BEGIN PUBLIC KEY).",
                    kind.describe()
                ),
                fix,
            );
            finish(f, kind, Some(key))
        }
        Err(ParseError::NotRsa(name)) => {
            not_rsa(&mut f, &name);
            finish(f, KeyKind::NotRsa, None)
        }
        Err(ParseError::Malformed(why)) => {
            let at = f.at(end_offset);
            if decoded.dangling || why.contains("cut off") || why.contains("ends before") {
                f.blocking(
                    "key-truncated",
                    format!("the key is cut off: {why} (the text ends at {at})."),
                    "Copy the whole key again; the end is missing.",
                );
            } else {
                f.blocking(
                    "key-malformed",
                    format!("{} but {why}.", kind.describe()),
                    RECOPY,
                );
            }
            finish(f, kind, None)
        }
    }
}

fn not_rsa(f: &mut Findings<'_>, algorithm: &str) {
    f.blocking(
        "key-not-rsa",
        format!(
            "this is a {algorithm} key, not RSA. Jira's OAuth 1.0a link signs with RSA-SHA1 and accepts only RSA keys."
        ),
        "Use the RSA public key Jira Align generates (Generate New Key), or generate a 2048-bit RSA key pair.",
    );
}

fn armoured_path(mut f: Findings<'_>, lines: &[Line]) -> Analysis {
    let Layout {
        blocks,
        stray,
        extra_armour,
    } = layout(lines);
    let mut blocks = blocks.into_iter();
    let Some(block) = blocks.next() else {
        // Only armour lines, or only characters the scanner threw away.
        report_notes(&mut f, lines.iter());
        f.blocking(
            "key-no-data",
            "has no key data (no Base64 between or around the BEGIN/END lines).".into(),
            "Copy the whole key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
        );
        return finish(f, KeyKind::Unknown, None);
    };
    let others: Vec<Block> = blocks.collect();
    // A private key pasted after (or around) a public one must be refused as loudly as one
    // pasted alone, and never quoted as "extra text".
    let stray_chars: Vec<u8> = stray
        .iter()
        .flat_map(|l| l.body.iter().map(|(b, _)| *b))
        .collect();
    for chars in std::iter::once(stray_chars).chain(others.iter().map(Block::chars)) {
        let bytes = zeroize::Zeroizing::new(encoding::decode_lenient(&chars).bytes);
        if let Some(kind) = private_shape(&sniff::shape(&bytes)) {
            return private_key(f, kind, true);
        }
    }

    let armour_lines = lines.iter().filter(|l| {
        [block.begin, block.end]
            .iter()
            .flatten()
            .any(|(_, start)| *start == l.start)
    });
    report_notes(&mut f, armour_lines.chain(block.lines.iter().copied()));
    report_stray_text(&mut f, &stray);
    report_armour(&mut f, &block, &extra_armour);

    let chars = block.chars();
    let body = block.body();
    let end_offset = body.last().map_or(0, |(_, o)| o + 1);
    let decoded = encoding::decode_lenient(&chars);
    let armoured = block.begin.is_some() || block.end.is_some();
    let label = block
        .begin
        .or(block.end)
        .map(|(a, _)| a.label.as_str())
        .unwrap_or_default();

    if chars.is_empty() {
        f.blocking(
            "key-no-data",
            "has BEGIN/END lines but no key data between them.".into(),
            "Copy the whole key, including the lines of Base64 between BEGIN and END.",
        );
        return finish(f, kind_for_label(label), None);
    }
    if block.begin.is_some_and(|(a, _)| a.is_ssh2()) {
        report_other_blocks(&mut f, &others, &decoded.bytes);
        return ssh_blob(f, &decoded, None, KeyKind::Ssh2Public, end_offset);
    }

    // Bytes after the first object: a second Base64 text after padding, or DER that goes on.
    let mut trailing: Vec<u8> = decoded
        .continues_at
        .and_then(|i| chars.get(i..))
        .map(|rest| encoding::decode_lenient(rest).bytes)
        .unwrap_or_default();
    let der: &[u8] = match sniff::outer(&decoded.bytes) {
        Outer::NotDer => {
            report_other_blocks(&mut f, &others, &decoded.bytes);
            if decoded.bytes.starts_with(b"openssh-key-v1\0") {
                return private_key(f, KeyKind::PrivateKeyOpenssh, !armoured);
            }
            if ssh::looks_like_wire(&decoded.bytes) {
                let declared = ssh::wire_algorithm(&decoded.bytes);
                return ssh_blob(
                    f,
                    &decoded,
                    declared.as_deref(),
                    KeyKind::OpensshPublic,
                    end_offset,
                );
            }
            f.blocking(
                "key-not-a-key",
                format!(
                    "the Base64 decodes to {} bytes that are not a key (no DER structure).",
                    decoded.bytes.len()
                ),
                "Paste the public key from Jira Align (BEGIN PUBLIC KEY … END PUBLIC KEY).",
            );
            return finish(f, kind_for_label(label), None);
        }
        Outer::Truncated {
            declared,
            available,
        } => {
            let shape = sniff::shape(&decoded.bytes);
            if let Some(kind) = private_shape(&shape) {
                return private_key(f, kind, !armoured);
            }
            let missing = declared.saturating_sub(available);
            let at = f.at(end_offset);
            f.blocking(
                "key-truncated",
                format!(
                    "the key is cut off: its data says {declared} bytes but only {available} are there, so about {} Base64 characters are missing after {at}.",
                    missing.saturating_mul(4).div_ceil(3)
                ),
                "Copy the whole key again; the end is missing (select everything up to and including -----END PUBLIC KEY-----).",
            );
            report_other_blocks(&mut f, &others, &decoded.bytes);
            return finish(f, kind_for_shape(&shape, label, armoured), None);
        }
        Outer::Complete { len } => {
            let (object, rest) = decoded
                .bytes
                .split_at_checked(len)
                .unwrap_or((&decoded.bytes, &[]));
            let mut all_rest = rest.to_vec();
            all_rest.append(&mut trailing);
            trailing = all_rest;
            object
        }
    };

    let shape = sniff::shape(der);
    if let Some(kind) = private_shape(&shape) {
        return private_key(f, kind, !armoured);
    }
    report_loose_bits(&mut f, decoded.loose_bits, end_offset);
    report_trailing(&mut f, der, &trailing, decoded.dangling, end_offset);
    report_other_blocks(&mut f, &others, der);

    let kind = kind_for_shape(&shape, label, armoured);
    let parsed = match &shape {
        Shape::Spki { .. } => RsaPublic::from_spki_der(der),
        Shape::Pkcs1Public => RsaPublic::from_pkcs1_der(der),
        Shape::Certificate => certificate_key(der),
        _ => Err(ParseError::Malformed(String::new())),
    };
    let key = match parsed {
        Ok(key) => key,
        Err(ParseError::NotRsa(name)) => {
            not_rsa(&mut f, &name);
            return finish(f, KeyKind::NotRsa, None);
        }
        Err(ParseError::Malformed(why)) => {
            if kind == KeyKind::Unknown {
                f.blocking(
                    "key-not-a-key",
                    "the Base64 decodes to data that is not a public key or certificate.".into(),
                    "Paste the public key from Jira Align (BEGIN PUBLIC KEY … END PUBLIC KEY).",
                );
            } else {
                f.blocking(
                    "key-malformed",
                    format!("this looks like {} but {why}.", kind.describe()),
                    RECOPY,
                );
            }
            return finish(f, kind, None);
        }
    };

    let canonical = match shape {
        Shape::Spki { .. } => key.spki_der().ok(),
        Shape::Pkcs1Public => key.pkcs1_der().ok(),
        _ => None,
    };
    if canonical.is_some_and(|c| c != der) {
        f.blocking(
            "key-noncanonical",
            "the key decodes to RSA numbers, but its bytes are not encoded the way any tool writes them (for example, the algorithm's NULL parameter is missing or changed): the text was probably altered.".into(),
            RECOPY,
        );
    }

    match kind {
        KeyKind::SpkiPem | KeyKind::SpkiBase64 => {
            if label == "CERTIFICATE" {
                f.blocking(
                    "key-label-mismatch",
                    "the BEGIN line says CERTIFICATE but the data is a public key, so Jira would try to read a certificate and fail.".into(),
                    "Use -----BEGIN PUBLIC KEY----- and -----END PUBLIC KEY----- (or paste the key below).",
                );
            } else if armoured && label != "PUBLIC KEY" {
                f.warning(
                    "key-label-mismatch",
                    format!(
                        "the BEGIN/END lines say '{label}' but the data is a public key (BEGIN PUBLIC KEY). Jira ignores the label, other tools may not."
                    ),
                    "Paste the key Linksmith shows below, with the right label.",
                );
            }
        }
        KeyKind::Pkcs1PublicPem | KeyKind::Pkcs1PublicBase64 => f.blocking(
            "key-pkcs1-public",
            format!(
                "this is {}, a valid RSA key, but Jira only reads the X.509 form (BEGIN PUBLIC KEY).",
                kind.describe()
            ),
            "Paste this instead: the same key as BEGIN PUBLIC KEY, which Linksmith shows below. From a terminal: `openssl rsa -RSAPublicKey_in -in key.pem -pubout`.",
        ),
        KeyKind::CertificatePem => {
            if f.text.trim_start().starts_with("-----BEGIN CERTIFICATE-----") {
                f.info(
                    "key-certificate",
                    "this is an X.509 certificate. Jira's Incoming Authentication form accepts it and keeps the public key inside it.".into(),
                    "Nothing to do on the form. Where only a public key is accepted, paste the key Linksmith shows below.",
                );
            } else {
                f.blocking(
                    "key-certificate-not-first",
                    "this is an X.509 certificate, but Jira reads a certificate only when the text starts with -----BEGIN CERTIFICATE-----.".into(),
                    "Remove everything before -----BEGIN CERTIFICATE-----, or paste the public key Linksmith shows below.",
                );
            }
        }
        KeyKind::CertificateBase64 => f.blocking(
            "key-certificate-headerless",
            "this is an X.509 certificate without its BEGIN/END lines; Jira reads a certificate only with -----BEGIN CERTIFICATE----- in front.".into(),
            "Paste the public key Linksmith shows below, or add the BEGIN CERTIFICATE / END CERTIFICATE lines.",
        ),
        _ => {}
    }
    finish(f, kind, Some(key))
}

fn certificate_key(der: &[u8]) -> Result<RsaPublic, ParseError> {
    use der::{Decode, Encode};
    let cert = x509_cert::Certificate::from_der(der)
        .map_err(|e| ParseError::Malformed(format!("the certificate does not decode ({e})")))?;
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|e| ParseError::Malformed(format!("its public key does not encode ({e})")))?;
    RsaPublic::from_spki_der(&spki)
}

fn private_shape(shape: &Shape) -> Option<KeyKind> {
    match shape {
        Shape::Pkcs8Private => Some(KeyKind::PrivateKeyPkcs8),
        Shape::Pkcs1Private => Some(KeyKind::PrivateKeyPkcs1),
        Shape::EncryptedPkcs8 => Some(KeyKind::PrivateKeyEncrypted),
        Shape::Sec1Private => Some(KeyKind::PrivateKeyOther),
        _ => None,
    }
}

fn kind_for_label(label: &str) -> KeyKind {
    match label {
        "PUBLIC KEY" => KeyKind::SpkiPem,
        "RSA PUBLIC KEY" => KeyKind::Pkcs1PublicPem,
        "CERTIFICATE" => KeyKind::CertificatePem,
        l if l.contains("SSH2") => KeyKind::Ssh2Public,
        _ => KeyKind::Unknown,
    }
}

/// The content decides the kind (Jira ignores labels); the armour only decides PEM vs Base64.
fn kind_for_shape(shape: &Shape, label: &str, armoured: bool) -> KeyKind {
    match (shape, armoured) {
        (Shape::Spki { algorithm, .. }, _) if !sniff::is_rsa_encryption(algorithm) => {
            KeyKind::NotRsa
        }
        (Shape::Spki { .. }, true) => KeyKind::SpkiPem,
        (Shape::Spki { .. }, false) => KeyKind::SpkiBase64,
        (Shape::Pkcs1Public, true) => KeyKind::Pkcs1PublicPem,
        (Shape::Pkcs1Public, false) => KeyKind::Pkcs1PublicBase64,
        (Shape::Certificate, true) => KeyKind::CertificatePem,
        (Shape::Certificate, false) => KeyKind::CertificateBase64,
        (_, true) => kind_for_label(label),
        _ => KeyKind::Unknown,
    }
}

fn report_armour(f: &mut Findings<'_>, block: &Block<'_>, extra: &[usize]) {
    let smart_dashes = f.problems.iter().any(|p| p.code == "key-smart-dash");
    for (armour, start) in [block.begin, block.end].into_iter().flatten() {
        if !armour.well_formed && !smart_dashes {
            let line = f.line_of(start);
            let want = if armour.is_ssh2() {
                "four hyphens and a space on each side"
            } else {
                "exactly five hyphens on each side and no spaces"
            };
            f.blocking(
                "key-armour-malformed",
                format!(
                    "the {} line (line {line}) has {} hyphen(s) before and {} after the label; it needs {want}.",
                    if armour.begin { "BEGIN" } else { "END" },
                    armour.lead,
                    armour.trail
                ),
                "Fix the line to read -----BEGIN PUBLIC KEY----- / -----END PUBLIC KEY-----, or paste the key Linksmith shows below.",
            );
        }
    }
    match (block.begin, block.end) {
        (None, Some((_, start))) => {
            let line = f.line_of(start);
            f.warning(
                "key-missing-begin",
                format!("there is an END line (line {line}) but no BEGIN line; the start of the key may be missing too."),
                "Copy the whole key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
            );
        }
        (Some((_, start)), None) => {
            let line = f.line_of(start);
            f.warning(
                "key-missing-end",
                format!("the BEGIN line (line {line}) has no matching END line; the end of the key may be missing too."),
                "Copy the whole key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
            );
        }
        (Some((begin, _)), Some((end, start))) if begin.label != end.label => {
            let line = f.line_of(start);
            f.warning(
                "key-label-mismatch",
                format!(
                    "the BEGIN line says '{}' but the END line (line {line}) says '{}'.",
                    begin.label, end.label
                ),
                "Copy the key again unchanged; BEGIN and END must name the same thing.",
            );
        }
        _ => {}
    }
    if let Some(first) = extra.first() {
        let line = f.line_of(*first);
        f.warning(
            "key-extra-armour",
            format!(
                "line {line} is an extra BEGIN/END line{}.",
                match extra.len() {
                    1 => String::new(),
                    n => format!(" ({} more after it)", n - 1),
                }
            ),
            "Delete the repeated BEGIN/END lines; a key has exactly one of each.",
        );
    }
}

fn report_trailing(
    f: &mut Findings<'_>,
    der: &[u8],
    trailing: &[u8],
    dangling: bool,
    end_offset: usize,
) {
    if trailing.is_empty() {
        if dangling {
            let at = f.at(end_offset);
            f.blocking(
                "key-trailing-data",
                format!("there is one Base64 character too many (the text ends at {at})."),
                RECOPY,
            );
        }
        return;
    }
    if trailing == der {
        f.blocking(
            "key-doubled",
            "the key is pasted twice, back to back.".into(),
            "Delete the second copy; paste the key exactly once.",
        );
    } else if trailing.starts_with(&[0x30]) {
        f.blocking(
            "key-concatenated",
            "a second key or certificate follows the first one.".into(),
            "Paste exactly one key.",
        );
    } else {
        let at = f.at(end_offset);
        f.blocking(
            "key-trailing-data",
            format!(
                "{} bytes of extra data follow the key (the text ends at {at}).",
                trailing.len()
            ),
            RECOPY,
        );
    }
}

fn report_other_blocks(f: &mut Findings<'_>, others: &[Block<'_>], first: &[u8]) {
    let Some(second) = others.first() else {
        return;
    };
    let start = second
        .begin
        .map(|(_, s)| s)
        .or_else(|| second.lines.first().map(|l| l.start))
        .unwrap_or(0);
    let line = f.line_of(start);
    let decoded = encoding::decode_lenient(&second.chars());
    let object = match sniff::outer(&decoded.bytes) {
        Outer::Complete { len } => decoded.bytes.get(..len).unwrap_or_default(),
        _ => &decoded.bytes,
    };
    if others.len() == 1 && object == first {
        f.blocking(
            "key-doubled",
            format!("the key is pasted twice (the second copy starts on line {line})."),
            "Delete the second copy; paste the key exactly once.",
        );
    } else {
        f.blocking(
            "key-multiple-blocks",
            format!(
                "holds {} keys or certificates (the second starts on line {line}); Jira reads exactly one.",
                others.len() + 1
            ),
            "Paste only the public key Jira Align generated. For a certificate chain, paste only the first certificate.",
        );
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
                f.blocking(
                    "key-malformed",
                    format!("the RSA numbers cannot be written as a public key ({e})."),
                    RECOPY,
                );
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
    crate::order::sort_stable_by_u32(&mut f.problems, |p| p.severity as u32);
    report.ok = key.is_some() && crate::problem::no_errors(&f.problems);
    report.jira_accepts = key.is_some() && kind.jira_reads() && !f.jira_blocked;
    report.problems = f.problems;
    Analysis { report, key }
}

fn check_numbers(f: &mut Findings<'_>, key: &RsaPublic) {
    let bits = key.bits();
    if bits < 1024 {
        f.error(
            "key-too-small",
            format!("this RSA key has only {bits} bits; keys under 1024 bits can be broken and must not be used."),
            "Generate a new 2048-bit (or larger) key pair.",
        );
    } else if bits < 2048 {
        f.warning(
            "key-weak",
            format!("this RSA key has {bits} bits, below the 2048-bit minimum NIST recommends."),
            "Generate a new 2048-bit (or larger) key pair when you can.",
        );
    }
    if !key.modulus_is_odd() {
        f.error(
            "key-bad-modulus",
            "the RSA modulus is even, which no real RSA key has; the key is damaged.".into(),
            RECOPY,
        );
    }
    match key.exponent() {
        _ if !key.exponent_is_odd() => f.error(
            "key-bad-exponent",
            "the public exponent is even, which no valid RSA key has.".into(),
            "Generate a new key pair (with exponent 65537).",
        ),
        Some(1) => f.error(
            "key-bad-exponent",
            "the public exponent is 1, which makes the key useless.".into(),
            "Generate a new key pair (with exponent 65537).",
        ),
        Some(65537) => {}
        Some(e) => f.warning(
            "key-unusual-exponent",
            format!("the public exponent is {e}, not the usual 65537."),
            "Prefer a key with exponent 65537 (every current tool's default).",
        ),
        None => f.warning(
            "key-unusual-exponent",
            "the public exponent is larger than 64 bits, not the usual 65537.".into(),
            "Prefer a key with exponent 65537 (every current tool's default).",
        ),
    }
}
