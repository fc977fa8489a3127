//! `jira-consumer-registered`: what Jira's OAuth provider answered to a request-token call, and
//! the key generator's "Test with Jira" (`jira-key-test`).
//!
//! Jira's provider looks the consumer key up before it checks the signature, so a call signed with
//! a throwaway key answers `consumer_key_unknown` when Jira has no such incoming consumer and
//! `signature_invalid` when it has one (only Jira Align's private key can sign for it).

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::answer::HttpAnswer;
use super::{CONSUMER_REGISTERED, KEY_TEST, check};
use crate::oauth_problem::explain_oauth_problem;
use crate::setup_check::{Check, CheckState};
use crate::text::{ellipsize, visible};
use crate::vocabulary::CheckId;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OAuthProbeInput {
    pub consumer_key: String,
    pub answer: HttpAnswer<IgnoredAny>,
}

const SAVE_INCOMING: &str = "In Jira, open Application links → the link to Jira Align → Edit → Incoming Authentication, enter the consumer key and public key Jira Align shows, and click Save. If it is saved, make the consumer key in Jira Align exactly the same as Jira's.";
const CLOCK_FIX: &str = "Set this computer's clock to the right time (automatic time), then verify again. Jira refuses OAuth requests more than a few minutes off.";

fn problem_of<T>(answer: &HttpAnswer<T>) -> Option<String> {
    if answer.status == 200 {
        return None;
    }
    let text = format!("{}\n{}", answer.www_authenticate, answer.body);
    explain_oauth_problem(&text).problem
}

fn key_shown(key: &str) -> String {
    ellipsize(&visible(key), 80)
}

/// The Unknown verdict when Jira never answered (offline, timeout, blocked), worded per check;
/// `None` when there is an answer to judge.
fn unanswered<T>(
    id: CheckId,
    answer: &HttpAnswer<T>,
    message: impl FnOnce(&str) -> String,
    fix: &str,
) -> Option<Check> {
    let why = answer.no_answer()?;
    Some(check(id, CheckState::Unknown, message(&why), fix))
}

/// An oauth_problem neither probe has its own verdict for: what Jira said, with the shared
/// explanation of that problem; only how much it weighs differs between the probes.
fn other_problem(id: CheckId, state: CheckState, problem: &str) -> Check {
    let explained = explain_oauth_problem(problem);
    check(
        id,
        state,
        format!(
            "Jira answered oauth_problem={}: {}",
            ellipsize(&visible(problem), 60),
            explained.cause
        ),
        explained.fix,
    )
}

/// The verdict on a request-token call signed with a throwaway key.
pub fn consumer_registered(input: &OAuthProbeInput) -> Check {
    let answer = &input.answer;
    let key = key_shown(&input.consumer_key);
    if let Some(unknown) = unanswered(
        CONSUMER_REGISTERED,
        answer,
        |why| format!("Could not ask Jira about the consumer '{key}': {why}."),
        "Check the Jira site address and your connection, then click Verify with Jira again.",
    ) {
        return unknown;
    }
    match problem_of(answer).as_deref() {
        Some("consumer_key_unknown") => check(
            CONSUMER_REGISTERED,
            CheckState::Fail,
            format!(
                "Jira has no incoming consumer with the key '{key}' (it answered oauth_problem=consumer_key_unknown): Incoming Authentication was not saved, or its consumer key differs from Jira Align's."
            ),
            SAVE_INCOMING,
        ),
        Some("signature_invalid") => check(
            CONSUMER_REGISTERED,
            CheckState::Pass,
            format!(
                "Jira knows the consumer '{key}': it rejected the signature of Linksmith's throwaway key (oauth_problem=signature_invalid), as it should, since only Jira Align's private key can sign for it."
            ),
            "",
        ),
        Some("timestamp_refused") => check(
            CONSUMER_REGISTERED,
            CheckState::Warn,
            "Jira refused the request's time (oauth_problem=timestamp_refused): this computer's clock is off, so Jira could not say whether it knows the consumer.",
            CLOCK_FIX,
        ),
        Some(other) => other_problem(CONSUMER_REGISTERED, CheckState::Unknown, other),
        None => check(
            CONSUMER_REGISTERED,
            CheckState::Unknown,
            format!(
                "Jira's OAuth provider gave no oauth_problem: {}.",
                answer.describe()
            ),
            "Check that the Jira site address is right (https://<site>.atlassian.net) and that you can open it in this browser, then verify again.",
        ),
    }
}

/// The request token in a 200 body (`oauth_token=…&oauth_token_secret=…`), if there is one.
fn request_token(body: &str) -> Option<String> {
    form_urlencoded::parse(body.trim().as_bytes())
        .find(|(k, _)| k == "oauth_token")
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
}

/// The verdict on a request-token call signed with the key pair Linksmith generated.
pub fn key_test(input: &OAuthProbeInput) -> Check {
    let answer = &input.answer;
    let key = key_shown(&input.consumer_key);
    if let Some(unknown) = unanswered(
        KEY_TEST,
        answer,
        |why| format!("Could not test the key with Jira: {why}."),
        "Check the Jira site address and your connection, then click Test with Jira again.",
    ) {
        return unknown;
    }
    if let Some(token) = request_token(&answer.body).filter(|_| answer.status == 200) {
        let start: String = token.chars().take(4).collect();
        return check(
            KEY_TEST,
            CheckState::Pass,
            format!(
                "Jira accepted a request signed with this key for the consumer '{key}' and issued a request token ({}…).",
                visible(&start)
            ),
            "",
        );
    }
    match problem_of(answer).as_deref() {
        Some("consumer_key_unknown") => check(
            KEY_TEST,
            CheckState::Fail,
            format!(
                "Jira has no incoming consumer with the key '{key}' (oauth_problem=consumer_key_unknown)."
            ),
            SAVE_INCOMING,
        ),
        Some("signature_invalid") => check(
            KEY_TEST,
            CheckState::Fail,
            format!(
                "Jira knows the consumer '{key}' but rejected this key's signature (oauth_problem=signature_invalid): the public key saved in Incoming Authentication is not this key pair's."
            ),
            "Paste this key pair's public key into Incoming Authentication → Public Key in Jira, click Save, and test again.",
        ),
        Some("timestamp_refused") => check(
            KEY_TEST,
            CheckState::Warn,
            "Jira refused the request's time (oauth_problem=timestamp_refused).",
            CLOCK_FIX,
        ),
        Some(other) => other_problem(KEY_TEST, CheckState::Fail, other),
        None => check(
            KEY_TEST,
            CheckState::Unknown,
            format!("Jira did not issue a request token: {}.", answer.describe()),
            "Check that the Jira site address is right, then test again.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> OAuthProbeInput {
        OAuthProbeInput {
            consumer_key: "jira-align".into(),
            answer: HttpAnswer {
                url: "https://acme.atlassian.net/plugins/servlet/oauth/request-token".into(),
                status,
                body: body.into(),
                ..Default::default()
            },
        }
    }

    #[test]
    fn unknown_consumer_fails_and_known_consumer_passes() {
        let c = consumer_registered(&answer(401, "oauth_problem=consumer_key_unknown"));
        assert_eq!(c.state, CheckState::Fail);
        assert!(c.message.contains("'jira-align'") && c.fix.contains("Incoming Authentication"));
        let c = consumer_registered(&answer(
            401,
            "oauth_problem=signature_invalid&oauth_signature=x",
        ));
        assert_eq!(c.state, CheckState::Pass);
    }

    #[test]
    fn clock_warns_and_the_rest_is_unknown_with_what_jira_said() {
        assert_eq!(
            consumer_registered(&answer(
                401,
                "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1-2"
            ))
            .state,
            CheckState::Warn
        );
        let c = consumer_registered(&answer(401, "oauth_problem=nonce_used"));
        assert_eq!(c.state, CheckState::Unknown);
        assert!(c.message.contains("nonce_used"));
        let c = consumer_registered(&answer(503, "upstream down"));
        assert_eq!(c.state, CheckState::Unknown);
        assert!(c.message.contains("HTTP 503"), "{}", c.message);
        let mut a = answer(0, "");
        a.answer.error = Some("timeout".into());
        let c = consumer_registered(&a);
        assert_eq!(c.state, CheckState::Unknown);
        assert!(c.message.contains("10 seconds"));
    }

    #[test]
    fn the_problem_is_also_read_from_www_authenticate() {
        let mut a = answer(401, "");
        a.answer.www_authenticate =
            "OAuth realm=\"https://acme.atlassian.net\", oauth_problem=\"consumer_key_unknown\""
                .into();
        assert_eq!(consumer_registered(&a).state, CheckState::Fail);
    }

    #[test]
    fn key_test_passes_with_a_token_and_fails_on_a_foreign_key() {
        let c = key_test(&answer(
            200,
            "oauth_token=abcdef123&oauth_token_secret=s&oauth_callback_confirmed=true",
        ));
        assert_eq!(c.state, CheckState::Pass);
        assert!(c.message.contains("abcd…") && !c.message.contains("abcdef"));
        assert_eq!(
            key_test(&answer(401, "oauth_problem=signature_invalid")).state,
            CheckState::Fail
        );
        assert_eq!(
            key_test(&answer(401, "oauth_problem=consumer_key_unknown")).state,
            CheckState::Fail
        );
        assert_eq!(
            key_test(&answer(200, "<html>login</html>")).state,
            CheckState::Unknown
        );
    }
}
