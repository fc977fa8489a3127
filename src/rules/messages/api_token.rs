//! Words for [`TokenFinding`]s. None repeats the token or any part of it: a finding carries
//! only lengths, positions and the stray character, never token text.

use super::{empty, padded};
use crate::problem::Problem;
use crate::rules::api_token::TokenFinding;
use crate::text::special_char_name;

const LABEL: &str = "API token";
const NOT_A_PASSWORD: &str = "Jira Cloud does not accept account passwords here: create an API token for the service account and paste that.";
const WHERE_TO_CREATE: &str = "Create an API token for the service account at id.atlassian.com → Security → API tokens, and paste it here.";
const PASTE_AGAIN: &str =
    "Clear the field and paste the token again, without the line break or space around it.";

pub fn problem(finding: TokenFinding) -> Problem {
    let code = finding.code();
    match finding {
        TokenFinding::Empty => empty(code, LABEL, WHERE_TO_CREATE),
        TokenFinding::SurroundingWhitespace => {
            padded(code, LABEL, "before or after the token", PASTE_AGAIN)
        }
        // Positions say where to look without saying what is there.
        TokenFinding::WhitespaceInside { c, position } => Problem::error(
            code,
            format!(
                "{LABEL}: there is a {} at position {position} inside the token; tokens have none.",
                special_char_name(c).unwrap_or("white space")
            ),
            "Paste only the token itself (no 'Bearer ' or 'Basic ' prefix, no line breaks).",
        ),
        TokenFinding::InvisibleInside { c, position } => Problem::error(
            code,
            format!(
                "{LABEL}: there is an invisible {} at position {position} inside the token.",
                special_char_name(c).unwrap_or("character")
            ),
            "Copy the token again from where you saved it, or create a new one.",
        ),
        TokenFinding::Quoted => Problem::warning(
            code,
            format!("{LABEL}: it is wrapped in quotes."),
            "Remove the quotes; the token itself has none.",
        ),
        TokenFinding::Short { length } => Problem::warning(
            code,
            format!(
                "{LABEL}: it has only {length} characters; Atlassian API tokens are much longer, so this looks like a password."
            ),
            NOT_A_PASSWORD,
        ),
        TokenFinding::PasswordLike => Problem::warning(
            code,
            format!("{LABEL}: it looks like a chosen password rather than a generated API token."),
            NOT_A_PASSWORD,
        ),
        TokenFinding::AtlassianFormat => Problem::info(
            code,
            format!("{LABEL}: it has the current Atlassian API token format."),
            "Nothing to do. Tokens expire (1 to 365 days): note the date so the connector does not stop silently.",
        ),
    }
}
