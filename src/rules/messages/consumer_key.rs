//! Words for [`ConsumerKeyFinding`]s.

use crate::problem::Problem;
use crate::rules::char_context;
use crate::rules::consumer_key::{CharKind, ConsumerKeyFinding, MAX_LEN};
use crate::text::{describe_char, fold_to_ascii, special_char_name};
use crate::vocabulary::ProblemCode;

/// The problems for `findings` about `input` (as typed), whose trimmed form is `value`.
pub fn problems(findings: &[ConsumerKeyFinding], input: &str, value: &str) -> Vec<Problem> {
    // Only a character's place needs the characters; a huge paste is never collected.
    let chars: Vec<char> = if findings
        .iter()
        .any(|f| matches!(f, ConsumerKeyFinding::Char { .. }))
    {
        input.chars().collect()
    } else {
        Vec::new()
    };
    findings.iter().map(|f| problem(f, &chars, value)).collect()
}

fn problem(finding: &ConsumerKeyFinding, chars: &[char], value: &str) -> Problem {
    let code = finding.code();
    match finding {
        ConsumerKeyFinding::Empty { blank } => Problem::error(
            code,
            if *blank {
                "Consumer key: it contains only white space or invisible characters."
            } else {
                "Consumer key: it is empty."
            },
            "Type the same key on both sides: letters and digits only, e.g. 'JiraAlignAcme'.",
        ),
        ConsumerKeyFinding::Surrounding { at_start, run } => {
            let (verb, place, beside) = if *at_start {
                ("starts", "at the start, before", first_chars(value, 20))
            } else {
                ("ends", "at the end, after", last_chars(value, 20))
            };
            Problem::error(
                code,
                format!("Consumer key: it {verb} with {}.", describe_run(run)),
                format!("Remove the {} {place} '{beside}'.", run_name(run)),
            )
        }
        ConsumerKeyFinding::Char { c, at, kind, more } => {
            let mut p = char_problem(code, *c, *kind, *at, &char_context(chars, *at));
            if *more > 0 {
                p.message.push_str(&format!(
                    " ({more} more characters have problems like these.)"
                ));
            }
            p
        }
        ConsumerKeyFinding::TooLong { len } => Problem::error(
            code,
            format!("Consumer key: it has {len} characters; Jira stores at most {MAX_LEN}."),
            format!("Shorten it to {MAX_LEN} characters or fewer on both sides."),
        ),
        ConsumerKeyFinding::Suggestion { key } => Problem::info(
            code,
            format!("Consumer key: a valid key close to this one is '{key}'."),
            format!(
                "Use '{key}' on both sides (Jira Align connector and Jira's Incoming Authentication)."
            ),
        ),
    }
}

/// The problem with character `c` at 0-based index `at`, which sits `place`.
fn char_problem(code: ProblemCode, c: char, kind: CharKind, at: usize, place: &str) -> Problem {
    let pos = at + 1;
    match kind {
        CharKind::Lookalike { latin, script } => Problem::error(
            code,
            format!(
                "Consumer key: the '{c}' at position {pos} is {script}, not the Latin '{latin}' it looks like (U+{:04X}).",
                c as u32
            ),
            format!(
                "Delete the '{c}' {place} and type '{latin}' on an English keyboard layout (or retype the whole key)."
            ),
        ),
        CharKind::Space => Problem::error(
            code,
            format!(
                "Consumer key: there is a space at position {pos}; the key may not contain spaces."
            ),
            format!("Remove the space {place}."),
        ),
        CharKind::Invisible => {
            let name = special_char_name(c).unwrap_or("invisible character");
            Problem::error(
                code,
                format!(
                    "Consumer key: there is an invisible {name} (U+{:04X}) at position {pos}.",
                    c as u32
                ),
                format!("Remove the {name} {place}; retyping the key by hand is the surest way."),
            )
        }
        CharKind::NonAscii => {
            let instead = fold_to_ascii(c)
                .map(|a| format!("Use '{a}' instead"))
                .unwrap_or_else(|| "Use only the letters A-Z, a-z and the digits 0-9".to_string());
            Problem::warning(
                code,
                format!(
                    "Consumer key: {} at position {pos} is not a plain Latin letter or digit; the two systems may encode it differently.",
                    describe_char(c)
                ),
                format!("{instead} ({place})."),
            )
        }
        CharKind::Symbol => Problem::error(
            code,
            format!(
                "Consumer key: {} at position {pos} is a symbol; only letters and digits are allowed.",
                describe_char(c)
            ),
            format!("Remove the {} {place}.", short_char(c)),
        ),
    }
}

/// `'-'` for a printable character, "curly single quote" for a named one.
fn short_char(c: char) -> String {
    match special_char_name(c) {
        Some(name) => name.to_string(),
        None => format!("'{c}'"),
    }
}

fn describe_run(run: &[char]) -> String {
    let names: Vec<String> = run.iter().take(4).map(|c| describe_char(*c)).collect();
    let more = run.len().saturating_sub(4);
    if more > 0 {
        format!("{} and {more} more", names.join(", "))
    } else {
        names.join(", ")
    }
}

/// "space" for one character, "2 characters" for more: the short form a fix needs.
fn run_name(run: &[char]) -> String {
    match run {
        [one] => short_char(*one),
        _ => format!("{} characters", run.len()),
    }
}

/// The first `n` characters, with "…" when cut.
fn first_chars(s: &str, n: usize) -> String {
    let head: String = s.chars().take(n).collect();
    if head.len() < s.len() {
        format!("{head}…")
    } else {
        head
    }
}

/// The last `n` characters, with "…" when cut.
fn last_chars(s: &str, n: usize) -> String {
    let count = s.chars().count();
    let tail: String = s.chars().skip(count.saturating_sub(n)).collect();
    if tail.len() < s.len() {
        format!("…{tail}")
    } else {
        tail
    }
}
