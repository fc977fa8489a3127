//! Comparing two public keys by what they are (modulus and exponent), not by how they are
//! written: the usual question is "is the key in Jira the one Jira Align signs with?", and the
//! two sides rarely come in the same format.

use crate::vocabulary::ProblemCode;
use serde::Serialize;

use crate::problem::Problem;

use super::inspect::analyse;

/// Characters of context shown on each side of the first difference.
const EXCERPT_RADIUS: usize = 8;
const PEM_COLUMNS: usize = 64;

/// Problem codes that mean the text is not just a faithful copy of one key.
const ALTERED_TEXT: [ProblemCode; 10] = [
    ProblemCode::KeyAlteredBase64,
    ProblemCode::KeyNoncanonical,
    ProblemCode::KeyBadChar,
    ProblemCode::KeyEllipsis,
    ProblemCode::KeyTrailingData,
    ProblemCode::KeyDoubled,
    ProblemCode::KeyConcatenated,
    ProblemCode::KeyMultipleBlocks,
    ProblemCode::KeyMultipleKeys,
    ProblemCode::KeyExtraText,
];

/// Where two keys' canonical one-line Base64 (`jira_base64`) first differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Difference {
    /// 0-based index of the first differing character in the one-line Base64.
    pub index: usize,
    /// 1-based line within the 64-column PEM body (the line after BEGIN is line 1).
    pub line: usize,
    /// 1-based column within that line.
    pub column: usize,
    /// A few characters of the first key around the difference, the differing one in
    /// brackets: `…ANBgkqhk[i]G9w0BAQ…`; `[end]` where that key has already ended.
    pub excerpt_a: String,
    pub excerpt_b: String,
    /// Where the difference is in each text as it was pasted (its BEGIN line counts), when that
    /// text is its key's canonical Base64 wrapped in any way (PEM, one line, other widths);
    /// `None` for a text in another form (PKCS#1, OpenSSH…), where only the canonical position
    /// above means anything.
    pub at_a: Option<TextPosition>,
    pub at_b: Option<TextPosition>,
}

/// A place in a text as a person reads it: 1-based line, 1-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextPosition {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyComparison {
    /// True only when both texts hold RSA public keys with the same modulus and exponent.
    pub same: bool,
    pub fingerprint_a: Option<String>,
    pub fingerprint_b: Option<String>,
    pub first_difference: Option<Difference>,
    pub problems: Vec<Problem>,
}

/// Compares two pasted public keys in any formats the inspector reads.
pub fn compare_public_keys(a: &str, b: &str) -> KeyComparison {
    let first = analyse(a, "First key");
    let second = analyse(b, "Second key");
    let mut problems = Vec::new();
    for side in [&first, &second] {
        // A side that parsed may still carry format complaints ("Jira wants BEGIN PUBLIC
        // KEY"); those are the inspector's business. But signs that the text was altered or
        // holds more than one key are kept, so "same" is never said about a damaged text
        // without saying so.
        let relevant =
            |p: &&Problem| p.is_error() && (side.key.is_none() || ALTERED_TEXT.contains(&p.code));
        problems.extend(side.report.problems.iter().filter(relevant).cloned());
    }
    let mut comparison = KeyComparison {
        same: false,
        fingerprint_a: first.report.fingerprint_sha256.clone(),
        fingerprint_b: second.report.fingerprint_sha256.clone(),
        first_difference: None,
        problems,
    };
    let (Some(key_a), Some(key_b)) = (&first.key, &second.key) else {
        return comparison;
    };
    comparison.same = key_a == key_b;
    if !comparison.same {
        let canonical_a = first.report.jira_base64.as_deref().unwrap_or_default();
        let canonical_b = second.report.jira_base64.as_deref().unwrap_or_default();
        comparison.first_difference = difference_in_texts((a, canonical_a), (b, canonical_b));
        let fp = |r: &super::KeyReport| {
            r.fingerprint_sha256
                .as_deref()
                .map(|f| f.get(..16).unwrap_or(f).to_string())
                .unwrap_or_default()
        };
        comparison.problems.push(Problem::error(
            ProblemCode::KeysDiffer,
            format!(
                "The two keys are different keys (SHA-256 {}… vs {}…).",
                fp(&first.report),
                fp(&second.report)
            ),
            "Jira must hold the public key of the pair Jira Align signs with. If Generate New Key was clicked after the key was pasted into Jira, paste Jira Align's current public key into Jira's Incoming Authentication again.",
        ));
    }
    comparison
}

/// Where two keys first differ, given each as `(text as pasted, canonical one-line Base64)`:
/// the position in the canonical Base64 and, where it can be told, in each pasted text.
pub(crate) fn difference_in_texts(a: (&str, &str), b: (&str, &str)) -> Option<Difference> {
    let mut d = first_difference(a.1, b.1)?;
    d.at_a = position_in_text(a.0, a.1, d.index);
    d.at_b = position_in_text(b.0, b.1, d.index);
    Some(d)
}

/// The line and column in `text` of the `index`-th character of `canonical`, when `text` is
/// `canonical` split into lines (armour lines and white space aside) and nothing else; the place
/// just after its last character when `index` is the end. `None` when the text holds anything
/// else, so a position is never guessed.
fn position_in_text(text: &str, canonical: &str, index: usize) -> Option<TextPosition> {
    let mut expected = canonical.chars();
    let mut found = None;
    let mut after_last = None;
    let mut count = 0usize;
    for (l, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("-----") {
            continue;
        }
        for (c, ch) in line.chars().enumerate() {
            if ch.is_whitespace() {
                continue;
            }
            if expected.next() != Some(ch) {
                return None;
            }
            if count == index {
                found = Some(TextPosition {
                    line: l + 1,
                    column: c + 1,
                });
            }
            after_last = Some(TextPosition {
                line: l + 1,
                column: c + 2,
            });
            count += 1;
        }
    }
    if expected.next().is_some() {
        return None;
    }
    found.or(after_last.filter(|_| index == count))
}

/// Both inputs are canonical Base64 (ASCII), so byte positions are character positions.
fn first_difference(a: &str, b: &str) -> Option<Difference> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let index = a
        .iter()
        .zip(b.iter())
        .position(|(x, y)| x != y)
        .or_else(|| (a.len() != b.len()).then(|| a.len().min(b.len())))?;
    Some(Difference {
        index,
        line: index / PEM_COLUMNS + 1,
        column: index % PEM_COLUMNS + 1,
        excerpt_a: excerpt(a, index),
        excerpt_b: excerpt(b, index),
        at_a: None,
        at_b: None,
    })
}

fn excerpt(text: &[u8], index: usize) -> String {
    let from = index.saturating_sub(EXCERPT_RADIUS);
    let ascii = |r: Option<&[u8]>| String::from_utf8_lossy(r.unwrap_or_default()).into_owned();
    let before = ascii(text.get(from..index.min(text.len())));
    let at = match text.get(index) {
        Some(c) => format!("[{}]", char::from(*c)),
        None => "[end]".to_string(),
    };
    let after_end = index.saturating_add(1 + EXCERPT_RADIUS).min(text.len());
    let after = ascii(text.get(index.saturating_add(1).min(after_end)..after_end));
    let lead = if from > 0 { "…" } else { "" };
    let tail = if after_end < text.len() { "…" } else { "" };
    format!("{lead}{before}{at}{after}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_the_first_difference() {
        let a = "A".repeat(70) + "Bxyz";
        let b = "A".repeat(70) + "Cxyz";
        let d = first_difference(&a, &b);
        assert_eq!(
            d.as_ref().map(|d| (d.index, d.line, d.column)),
            Some((70, 2, 7))
        );
        assert_eq!(d.map(|d| d.excerpt_a), Some("…AAAAAAAA[B]xyz".to_string()));
        let d = first_difference("ABC", "ABCD");
        assert_eq!(
            d.map(|d| (d.index, d.excerpt_a)),
            Some((3, "ABC[end]".to_string()))
        );
        assert_eq!(first_difference("ABC", "ABC"), None);
    }

    #[test]
    fn finds_the_difference_in_the_texts_as_pasted() {
        let canonical = "ABCDEFGHIJ";
        let pem =
            "-----BEGIN PUBLIC KEY-----\r\nABCD\r\nEFGH\r\nIJ\r\n-----END PUBLIC KEY-----\r\n";
        let at = |i| position_in_text(pem, canonical, i).map(|p| (p.line, p.column));
        assert_eq!(at(0), Some((2, 1)));
        assert_eq!(at(5), Some((3, 2)));
        assert_eq!(
            at(10),
            Some((4, 3)),
            "the end: just after the last character"
        );
        assert_eq!(at(11), None);
        let one_line = "  ABCDEFGHIJ";
        assert_eq!(
            position_in_text(one_line, canonical, 4).map(|p| (p.line, p.column)),
            Some((1, 7))
        );
        // Another encoding of the key, or a text with more in it: no position is guessed.
        assert_eq!(position_in_text("ABCDXFGHIJ", canonical, 4), None);
        assert_eq!(position_in_text("ABCDEFGHIJK", canonical, 4), None);
        assert_eq!(position_in_text("ABCDE", canonical, 4), None);
        let d = difference_in_texts(("AB\nCD", "ABCD"), ("ABCE", "ABCE"));
        assert_eq!(
            d.map(|d| (d.at_a, d.at_b)),
            Some((
                Some(TextPosition { line: 2, column: 2 }),
                Some(TextPosition { line: 1, column: 4 })
            ))
        );
    }
}
