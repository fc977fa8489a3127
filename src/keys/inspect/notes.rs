//! Stray characters and text around a key, and the one-line SSH form.

use super::*;

/// Turns the stray-character notes of the lines that make up the key into problems: one
/// problem per kind of character, pointing at the first and counting the rest.
pub(super) fn report_notes<'l>(f: &mut Findings<'_>, lines: impl Iterator<Item = &'l Line>) {
    let mut tally: Vec<(Stray, Note, usize)> = Vec::new();
    for note in lines.flat_map(|l| l.notes.iter()) {
        match tally.iter_mut().find(|(s, _, _)| *s == note.stray) {
            Some(entry) => entry.2 += 1,
            None => tally.push((note.stray, *note, 1)),
        }
    }
    // std's stable sort (issue 12): the wasm pays for each use; a shared integer sort was smaller.
    tally.sort_by_key(|(_, note, _)| note.offset);
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

pub(super) fn report_stray_text(f: &mut Findings<'_>, stray: &[&Line]) {
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

pub(super) fn ssh_line_path(mut f: Findings<'_>, lines: &[Line], index: usize) -> Analysis {
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
pub(super) fn report_loose_bits(f: &mut Findings<'_>, loose_bits: bool, end_offset: usize) {
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
pub(super) fn ssh_blob(
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

pub(super) fn not_rsa(f: &mut Findings<'_>, algorithm: &str) {
    f.blocking(
        "key-not-rsa",
        format!(
            "this is a {algorithm} key, not RSA. Jira's OAuth 1.0a link signs with RSA-SHA1 and accepts only RSA keys."
        ),
        "Use the RSA public key Jira Align generates (Generate New Key), or generate a 2048-bit RSA key pair.",
    );
}
