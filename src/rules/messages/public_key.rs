//! Words for [`PublicKeyFinding`]s (the key module words its own findings).

use super::empty;
use crate::problem::Problem;
use crate::rules::public_key::PublicKeyFinding;

/// The problem for one of the public-key rule's own findings.
pub fn problem(finding: PublicKeyFinding) -> Problem {
    let code = finding.code();
    match finding {
        PublicKeyFinding::Empty => empty(
            code,
            "Public key",
            "In Jira Align click Generate New Key once, copy the whole key including the BEGIN/END lines, and paste it here.",
        ),
        PublicKeyFinding::JiraRejects => Problem::error(
            code,
            "Public key: it is a valid key, but in a form Jira's Incoming Authentication does not accept.",
            "Paste the key as a '-----BEGIN PUBLIC KEY-----' block (or its Base64 body on one line).",
        ),
    }
}
