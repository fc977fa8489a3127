//! The rules' words: one module per rule turns its typed findings into problems (a message that
//! names the field, a fix). No rule decides anything from these texts.

use crate::problem::Problem;
use crate::vocabulary::ProblemCode;

pub mod api_token;
pub mod consumer_key;
pub mod key_prefix;
pub mod names;
pub mod public_key;
pub mod urls;
pub mod username;

/// The field holds nothing: an error, worded alike for every field.
fn empty(code: ProblemCode, label: &str, fix: impl Into<String>) -> Problem {
    Problem::error(code, format!("{label}: it is empty."), fix)
}

/// White space or an invisible character before or after the value (`around` says where): a
/// warning, worded alike for every field.
fn padded(code: ProblemCode, label: &str, around: &str, fix: impl Into<String>) -> Problem {
    Problem::warning(
        code,
        format!("{label}: there is white space or an invisible character {around}."),
        fix,
    )
}
