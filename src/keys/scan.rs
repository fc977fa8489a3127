//! Reading pasted text line by line into armour lines, SSH key lines, header lines and Base64
//! body, noting every character that does not belong and exactly where it is.
//!
//! One pass, linear in the input: every later step works on the lines this produces, so a
//! megabyte of garbage costs one walk over it.

/// What kind of stray character a note is about; the inspector turns these into problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stray {
    /// `\r` before a line break (Windows line endings).
    Crlf,
    /// An en/em dash or minus sign where a hyphen belongs (word processors do this to `-----`).
    SmartDash,
    /// No-break, zero-width and other invisible characters.
    Invisible,
    /// Straight or curly quotes around or inside the key.
    Quote,
    /// A `>` at the start of a line, from quoting in email or chat.
    QuotePrefix,
    LeadingSpace,
    Tab,
    InnerSpace,
    TrailingSpace,
    /// `…`: the key was shortened for display before it was copied.
    Ellipsis,
    /// Anything else that is not Base64 where Base64 belongs.
    BadChar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Note {
    pub stray: Stray,
    /// Byte offset in the original text.
    pub offset: usize,
    pub ch: char,
}

/// A `-----BEGIN LABEL-----` / `---- END SSH2 PUBLIC KEY ----` line, possibly damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Armour {
    pub begin: bool,
    pub label: String,
    pub lead: usize,
    pub trail: usize,
    /// Exactly the shape PEM (five hyphens, no spaces) or RFC 4716 (four hyphens and a space)
    /// prescribes.
    pub well_formed: bool,
}

impl Armour {
    pub(crate) fn is_ssh2(&self) -> bool {
        self.label.contains("SSH2")
    }
}

/// An OpenSSH `type base64 comment` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SshLine {
    pub algorithm: String,
    /// The Base64 field's characters with their byte offsets.
    pub data: Vec<(u8, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    Armour(Armour),
    /// An RFC 4716 / RFC 1421 `Name: value` header inside an armoured block.
    Header,
    Ssh(SshLine),
    Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// Byte offset of the line's first character in the original text.
    pub start: usize,
    pub kind: LineKind,
    pub notes: Vec<Note>,
    /// Base64 characters (and `=`) of a body line, with their byte offsets.
    pub body: Vec<(u8, usize)>,
}

pub(crate) fn is_base64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='
}

fn is_dash_lookalike(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}'
    )
}

fn is_space_lookalike(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '\u{2018}'..='\u{201f}' | '\u{ab}' | '\u{bb}'
    )
}

fn is_ssh_algorithm(token: &str) -> bool {
    ["ssh-", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-", "rsa-sha2-"]
        .iter()
        .any(|p| token.starts_with(p))
        && token.len() < 64
}

fn parse_armour(s: &str) -> Option<Armour> {
    let after_lead = s.trim_start_matches('-');
    let lead = s.len() - after_lead.len();
    let middle_raw = after_lead.trim_end_matches('-');
    let trail = after_lead.len() - middle_raw.len();
    let middle = middle_raw.trim();
    let (begin, label) = if let Some(l) = middle.strip_prefix("BEGIN") {
        (true, l)
    } else if let Some(l) = middle.strip_prefix("END") {
        (false, l)
    } else {
        return None;
    };
    // "BEGINNING of my key" is prose, not armour; armour labels are upper case.
    if !(label.is_empty() || label.starts_with(' ')) {
        return None;
    }
    let label = label.trim();
    if !label
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ' || b == b'-')
    {
        return None;
    }
    if lead == 0 && trail == 0 && label.is_empty() {
        return None;
    }
    let ssh2 = label.contains("SSH2");
    let well_formed = if ssh2 {
        lead == 4 && trail == 4 && middle_raw.len() == middle.len() + 2
    } else {
        lead == 5 && trail == 5 && middle_raw.len() == middle.len() && !label.is_empty()
    };
    Some(Armour {
        begin,
        label: label.to_string(),
        lead,
        trail,
        well_formed,
    })
}

fn is_header(s: &str) -> bool {
    match s.split_once(':') {
        Some((name, _)) => {
            !name.is_empty()
                && name.len() <= 64
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        }
        None => false,
    }
}

/// Splits the text into classified lines. Offsets are byte offsets into `text`.
pub(crate) fn scan(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0usize;
    let mut in_block = false;
    let mut header_continues = false;
    for raw in text.split('\n') {
        let line = scan_line(raw, start, in_block, header_continues);
        header_continues = false;
        match &line.kind {
            LineKind::Armour(a) => in_block = a.begin,
            LineKind::Header => {
                header_continues = raw.trim_end().ends_with('\\');
            }
            _ => {}
        }
        lines.push(line);
        start = start.saturating_add(raw.len()).saturating_add(1);
    }
    lines
}

fn scan_line(raw: &str, start: usize, in_block: bool, header_continues: bool) -> Line {
    let mut notes = Vec::new();
    let mut chars: Vec<(char, usize)> = Vec::with_capacity(raw.len());
    let (content, cr) = match raw.strip_suffix('\r') {
        Some(c) => (c, true),
        None => (raw, false),
    };
    if cr {
        notes.push(Note {
            stray: Stray::Crlf,
            offset: start + content.len(),
            ch: '\r',
        });
    }
    for (i, c) in content.char_indices() {
        let offset = start + i;
        let note = |stray| Note {
            stray,
            offset,
            ch: c,
        };
        if is_dash_lookalike(c) {
            notes.push(note(Stray::SmartDash));
            chars.push(('-', offset));
        } else if is_space_lookalike(c) {
            notes.push(note(Stray::Invisible));
            chars.push((' ', offset));
        } else if c == ' ' || c == '\t' {
            chars.push((c, offset));
        } else if crate::text::is_invisible(c) && !c.is_control() {
            notes.push(note(Stray::Invisible));
        } else if is_quote(c) {
            notes.push(note(Stray::Quote));
        } else if c.is_control() {
            notes.push(note(Stray::BadChar));
        } else {
            chars.push((c, offset));
        }
    }

    // Leading white space and e-mail/chat quoting, then trailing white space.
    let mut from = 0usize;
    let mut quoted = false;
    while let Some(&(c, offset)) = chars.get(from) {
        match c {
            ' ' if !quoted => notes.push(Note {
                stray: Stray::LeadingSpace,
                offset,
                ch: c,
            }),
            '\t' => notes.push(Note {
                stray: Stray::Tab,
                offset,
                ch: c,
            }),
            '>' => {
                quoted = true;
                notes.push(Note {
                    stray: Stray::QuotePrefix,
                    offset,
                    ch: c,
                });
            }
            ' ' => {}
            _ => break,
        }
        from += 1;
    }
    let mut to = chars.len();
    while to > from {
        let Some(&(c, offset)) = chars.get(to - 1) else {
            break;
        };
        let stray = match c {
            ' ' => Stray::TrailingSpace,
            '\t' => Stray::Tab,
            _ => break,
        };
        notes.push(Note {
            stray,
            offset,
            ch: c,
        });
        to -= 1;
    }
    let kept = chars.get(from..to).unwrap_or_default();
    let s: String = kept.iter().map(|(c, _)| *c).collect();

    let mut body = Vec::new();
    let kind = if s.is_empty() {
        LineKind::Blank
    } else if let Some(armour) = parse_armour(&s) {
        LineKind::Armour(armour)
    } else if in_block && (header_continues || is_header(&s)) {
        // Header values are free text (quoted comments): nothing in them is stray.
        notes.retain(|n| n.stray == Stray::Crlf);
        LineKind::Header
    } else if let Some(ssh) = ssh_line(&s, kept) {
        let data_end = ssh.data.last().map_or(start, |(_, o)| *o);
        // The comment after the Base64 field is free text too.
        notes.retain(|n| n.offset <= data_end || n.stray == Stray::Crlf);
        notes.extend(ssh_data_notes(kept));
        LineKind::Ssh(ssh)
    } else {
        for &(c, offset) in kept {
            let stray = match c {
                c if c.is_ascii() && is_base64(c as u8) => {
                    body.push((c as u8, offset));
                    continue;
                }
                ' ' => Stray::InnerSpace,
                '\t' => Stray::Tab,
                '\u{2026}' => Stray::Ellipsis,
                _ => Stray::BadChar,
            };
            notes.push(Note {
                stray,
                offset,
                ch: c,
            });
        }
        LineKind::Body
    };
    crate::keys::sort_stably_by(&mut notes, |n| n.offset);
    Line {
        start,
        kind,
        notes,
        body,
    }
}

/// Splits `type data [comment]`; `kept` holds the same characters as `s` with offsets.
fn ssh_line(s: &str, kept: &[(char, usize)]) -> Option<SshLine> {
    let mut fields = s.split([' ', '\t']).filter(|f| !f.is_empty());
    let algorithm = fields.next()?;
    if !is_ssh_algorithm(algorithm) {
        return None;
    }
    let data = ssh_data_field(kept)?;
    Some(SshLine {
        algorithm: algorithm.to_string(),
        data: data
            .iter()
            .filter(|(c, _)| c.is_ascii() && is_base64(*c as u8))
            .map(|(c, o)| (*c as u8, *o))
            .collect(),
    })
}

/// The second white-space separated field of a line, as (char, offset) pairs.
fn ssh_data_field(kept: &[(char, usize)]) -> Option<&[(char, usize)]> {
    let is_space = |c: char| c == ' ' || c == '\t';
    let first_end = kept.iter().position(|(c, _)| is_space(*c))?;
    let rest = kept.get(first_end..)?;
    let data_start = first_end + rest.iter().position(|(c, _)| !is_space(*c))?;
    let rest = kept.get(data_start..)?;
    let len = rest
        .iter()
        .position(|(c, _)| is_space(*c))
        .unwrap_or(rest.len());
    rest.get(..len)
}

fn ssh_data_notes(kept: &[(char, usize)]) -> Vec<Note> {
    ssh_data_field(kept)
        .unwrap_or_default()
        .iter()
        .filter(|(c, _)| !(c.is_ascii() && is_base64(*c as u8)))
        .map(|&(ch, offset)| Note {
            stray: if ch == '\u{2026}' {
                Stray::Ellipsis
            } else {
                Stray::BadChar
            },
            offset,
            ch,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_armour_even_when_damaged() {
        let a = parse_armour("-----BEGIN PUBLIC KEY-----");
        assert!(
            a.as_ref()
                .is_some_and(|a| a.well_formed && a.begin && a.label == "PUBLIC KEY")
        );
        let a = parse_armour("--BEGIN PUBLIC KEY--");
        assert!(a.is_some_and(|a| !a.well_formed && a.lead == 2));
        let a = parse_armour("---- END SSH2 PUBLIC KEY ----");
        assert!(a.is_some_and(|a| a.well_formed && !a.begin && a.is_ssh2()));
        assert_eq!(parse_armour("BEGINNING"), None);
        assert_eq!(parse_armour("MIIBIjANBgkq"), None);
    }

    #[test]
    fn classifies_lines_with_offsets() {
        let lines = scan("> -----BEGIN PUBLIC KEY-----\r\n MIIB\u{a0}Ij\n");
        assert_eq!(lines.len(), 3);
        assert!(matches!(lines[0].kind, LineKind::Armour(_)));
        assert!(lines[0].notes.iter().any(|n| n.stray == Stray::QuotePrefix));
        assert!(lines[0].notes.iter().any(|n| n.stray == Stray::Crlf));
        let body: String = lines[1].body.iter().map(|(b, _)| *b as char).collect();
        assert_eq!(body, "MIIBIj");
        assert_eq!(lines[1].start, 30);
        assert_eq!(lines[1].notes[0].stray, Stray::LeadingSpace);
        assert_eq!(lines[1].notes[1].stray, Stray::Invisible);
        assert_eq!(lines[1].notes[1].offset, 35);
    }

    #[test]
    fn reads_ssh_lines_and_ignores_comments() {
        let lines = scan("ssh-rsa AAAAB3Nz \"quoted\" comment\u{a0}");
        match &lines[0].kind {
            LineKind::Ssh(s) => {
                assert_eq!(s.algorithm, "ssh-rsa");
                assert_eq!(s.data.len(), 8);
            }
            other => panic!("{other:?}"),
        }
        assert!(lines[0].notes.is_empty());
    }
}
