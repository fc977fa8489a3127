//! Words for the inspector's typed findings: the message (after the field's name, which
//! `Findings::push` puts first) and the fix. So far the stray characters of `report_notes`;
//! the inspector's other checks still word their problems where they find them.

use super::scan::Stray;
use super::{Findings, RECOPY};
use crate::problem::Severity;
use crate::text;
use crate::vocabulary::ProblemCode;

/// One thing the inspector found, with what its words need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyFinding {
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
    match finding {
        KeyFinding::Stray {
            stray,
            ch,
            offset,
            count,
        } => stray_words(f, stray, ch, offset, count),
    }
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
