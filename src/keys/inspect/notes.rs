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
    crate::keys::sort_stably_by(&mut tally, |(_, note, _)| note.offset);
    for (stray, note, count) in tally {
        f.found(KeyFinding::Stray {
            stray,
            ch: note.ch,
            offset: note.offset,
            count,
        });
    }
}

pub(super) fn report_stray_text(f: &mut Findings<'_>, stray: &[&Line]) {
    let Some(first) = stray.first() else {
        return;
    };
    // A line of pure Base64 could be part of a private key pasted after the public one, so
    // only lines with other characters in them (prose) are quoted.
    f.found(KeyFinding::ExtraText {
        start: first.start,
        lines: stray.len(),
        quoted: !(matches!(first.kind, LineKind::Body) && first.notes.is_empty()),
    });
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
        f.found(KeyFinding::MultipleSshKeys {
            keys: others.len() + 1,
            second: second.start,
        });
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
        f.found(KeyFinding::AlteredBase64 { end: end_offset });
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
                f.found_in_layout(ArmourFinding::SshTypeMismatch { declared });
            }
            f.found(KeyFinding::SshForm { kind });
            finish(f, kind, Some(key))
        }
        Err(ParseError::NotRsa(name)) => {
            not_rsa(&mut f, &name);
            finish(f, KeyKind::NotRsa, None)
        }
        Err(ParseError::CutOff(why)) => cut_off(f, kind, &why, end_offset),
        Err(ParseError::Malformed(why)) if decoded.dangling => cut_off(f, kind, &why, end_offset),
        Err(ParseError::Malformed(why)) => {
            f.found_in_layout(ArmourFinding::SshMalformed { kind, why: &why });
            finish(f, kind, None)
        }
    }
}

fn cut_off(mut f: Findings<'_>, kind: KeyKind, why: &str, end_offset: usize) -> Analysis {
    f.found_in_layout(ArmourFinding::CutOff {
        why,
        end: end_offset,
    });
    finish(f, kind, None)
}

pub(super) fn not_rsa(f: &mut Findings<'_>, algorithm: &str) {
    f.found_in_layout(ArmourFinding::NotRsa { algorithm });
}
