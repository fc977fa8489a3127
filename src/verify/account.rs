//! Who Jira says is calling: `jira-session-user` and `jira-product-access` (the browser's Jira
//! session, `GET /rest/api/3/myself?expand=applicationRoles`) and `basic-auth-credentials` (the
//! same resource with the service account's email and API token as Basic auth, cookies omitted).

use serde::Deserialize;

use super::answer::{HttpAnswer, shown};
use super::site::GATEWAY_HOST;
use super::{BASIC_AUTH_CREDENTIALS, PRODUCT_ACCESS, SESSION_USER, check, same_email};
use crate::setup_check::{Check, CheckState};
use crate::text::{ellipsize, visible};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Role {
    #[serde(deserialize_with = "super::answer::nullable")]
    pub key: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub name: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Roles {
    pub items: Vec<Role>,
}

/// The parts of `/rest/api/3/myself` the checks read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Myself {
    #[serde(deserialize_with = "super::answer::nullable")]
    pub account_id: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub email_address: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub display_name: String,
    pub application_roles: Option<Roles>,
}

impl Myself {
    fn who(&self) -> String {
        let name = ellipsize(&visible(self.display_name.trim()), 80);
        let email = ellipsize(&visible(self.email_address.trim()), 120);
        match (name.is_empty(), email.is_empty()) {
            (false, false) => format!("{name} <{email}>"),
            (false, true) => format!("{name} (email hidden by the profile's privacy settings)"),
            (true, false) => email,
            (true, true) => format!("account {}", ellipsize(&visible(&self.account_id), 40)),
        }
    }
}

fn account<T>(answer: &HttpAnswer<T>) -> Option<&T> {
    (answer.status == 200 && !answer.is_html())
        .then_some(answer.json.as_ref())
        .flatten()
}

/// True at the guide's steps where the logged-in account becomes Jira Align's identity.
fn identity_step(step: &str) -> bool {
    matches!(step, "authorize" | "request-access")
}

/// `jira-session-user`: who is logged in to Jira in this browser, against the service account.
pub fn session_user(answer: &HttpAnswer<Myself>, service_account: &str, step: &str) -> Check {
    let critical = identity_step(step);
    if let Some(why) = answer.no_answer() {
        return check(
            SESSION_USER,
            CheckState::Unknown,
            format!("Could not ask Jira who is logged in: {why}."),
            "Open the Jira site in this browser, then verify again.",
        );
    }
    let Some(me) = account(answer).filter(|m| !m.account_id.is_empty()) else {
        let nobody = matches!(answer.status, 401 | 403) || answer.is_html();
        if !nobody {
            return check(
                SESSION_USER,
                CheckState::Unknown,
                format!(
                    "Could not tell who is logged in to Jira: {}.",
                    answer.describe()
                ),
                "Open the Jira site in this browser, then verify again.",
            );
        }
        return check(
            SESSION_USER,
            if critical {
                CheckState::Fail
            } else {
                CheckState::Warn
            },
            "Nobody is logged in to Jira in this browser.",
            "Log in to Jira in this browser as the service account before you click Authorize (or Request Jira for access) in Jira Align: Jira Align gets the identity of whoever is logged in then.",
        );
    };
    let who = me.who();
    if service_account.trim().is_empty() {
        return check(
            SESSION_USER,
            CheckState::Warn,
            format!(
                "Logged in to Jira in this browser: {who}. No service account is named in Linksmith's settings."
            ),
            "Type the service account's email in Service account email: Jira Align acts as whoever is logged in when Authorize is clicked, so that should be the service account.",
        );
    }
    let wanted = ellipsize(&visible(service_account.trim()), 120);
    if same_email(&me.email_address, service_account) {
        return check(
            SESSION_USER,
            CheckState::Pass,
            format!("Logged in to Jira in this browser as the service account: {who}."),
            "",
        );
    }
    let (state, when) = if critical {
        (CheckState::Fail, "now")
    } else {
        (CheckState::Warn, "before you click Authorize")
    };
    check(
        SESSION_USER,
        state,
        format!("Logged in to Jira in this browser as {who}, not the service account {wanted}."),
        format!(
            "Log out of Jira and log in as {wanted} {when}: Jira Align gets the identity of whoever is logged in when Authorize is clicked."
        ),
    )
}

/// `jira-product-access`: the logged-in account's Jira product access (site admins may have none).
pub fn product_access(answer: &HttpAnswer<Myself>) -> Check {
    let Some(me) = account(answer).filter(|m| !m.account_id.is_empty()) else {
        return check(
            PRODUCT_ACCESS,
            CheckState::Unknown,
            format!(
                "Could not read the logged-in account's product access: {}.",
                answer.describe()
            ),
            "Log in to Jira in this browser, then verify again.",
        );
    };
    let Some(roles) = &me.application_roles else {
        return check(
            PRODUCT_ACCESS,
            CheckState::Unknown,
            "Jira did not list the account's product access (applicationRoles).",
            "Check the account's product access in admin.atlassian.com → Users.",
        );
    };
    if roles.items.is_empty() {
        return check(
            PRODUCT_ACCESS,
            CheckState::Warn,
            format!(
                "{} has no Jira product access: a site admin without it cannot complete the link as a Jira user.",
                me.who()
            ),
            "In admin.atlassian.com → Users, give this account access to Jira (or use an account that has it).",
        );
    }
    let names: Vec<String> = roles
        .items
        .iter()
        .take(5)
        .map(|r| {
            ellipsize(
                &visible(if r.name.is_empty() { &r.key } else { &r.name }),
                60,
            )
        })
        .collect();
    check(
        PRODUCT_ACCESS,
        CheckState::Pass,
        format!(
            "{} has Jira product access: {}.",
            me.who(),
            names.join(", ")
        ),
        "",
    )
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BasicAuthInput {
    /// The service account's email the token was sent with.
    #[serde(deserialize_with = "super::answer::nullable")]
    pub email: String,
    /// One answer per URL tried: the Jira API URL, and the gateway form when it was tried too.
    pub answers: Vec<HttpAnswer<Myself>>,
    /// Where the token came from: `page` (Jira Align's API token field, read at the click),
    /// `panel` (pasted into the panel because the page field could not be read), or empty.
    #[serde(deserialize_with = "super::answer::nullable")]
    pub token_source: String,
}

impl BasicAuthInput {
    /// The token as the admin knows it, for the messages.
    fn token_name(&self) -> &'static str {
        match self.token_source.as_str() {
            "page" => "The API token typed in Jira Align",
            "panel" => "The API token pasted in the panel",
            _ => "The API token",
        }
    }
}

fn is_gateway(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| u.host_str() == Some(GATEWAY_HOST))
}

const CAUSES_401: &str =
    "the email is not the account's, or the API token is wrong, expired or revoked";

/// `basic-auth-credentials`: the token sent once as Basic auth to `<Jira API URL>/rest/api/3/myself`.
pub fn basic_auth_credentials(input: &BasicAuthInput) -> Check {
    let email = ellipsize(&visible(input.email.trim()), 120);
    if input.answers.is_empty() {
        return check(
            BASIC_AUTH_CREDENTIALS,
            CheckState::Unknown,
            "The API token was not tested: no service account email, or Jira Align's API token field is empty or cannot be read (a hidden or framed field is never read) and no token was pasted in the panel.",
            "Type the service account's email, and the API token in Jira Align's connector form (or paste it in the panel), then click Verify with Jira.",
        );
    }
    let token = input.token_name();
    let mut reasons = Vec::new();
    let mut state = CheckState::Unknown;
    let mut fix = String::from("Check the Jira API URL and your connection, then verify again.");
    for answer in &input.answers {
        let at = shown(&answer.url);
        if let Some(me) = account(answer).filter(|m| !m.account_id.is_empty()) {
            if same_email(&me.email_address, &input.email) {
                return check(
                    BASIC_AUTH_CREDENTIALS,
                    CheckState::Pass,
                    format!("{token}: Jira accepted it for {} at {at}.", me.who()),
                    "",
                );
            }
            return check(
                BASIC_AUTH_CREDENTIALS,
                CheckState::Fail,
                format!("{token} belongs to {}, not to {email}.", me.who()),
                format!(
                    "Create an API token while logged in as {email} (id.atlassian.com → Security → API tokens) and type it into Jira Align's API token field."
                ),
            );
        }
        let captcha = answer
            .login_reason
            .to_ascii_uppercase()
            .contains("AUTHENTICATION_DENIED");
        match answer.status {
            403 | 401 if captcha => {
                state = CheckState::Fail;
                reasons.push(format!("{at} refused the login and asks for a CAPTCHA (X-Seraph-LoginReason: AUTHENTICATION_DENIED) after failed attempts"));
                fix = format!(
                    "Log in to Jira once in a browser as {email} and answer the CAPTCHA, then verify again."
                );
            }
            401 => {
                state = CheckState::Fail;
                if is_gateway(&answer.url) {
                    reasons.push(format!("{at} answered 401: {CAUSES_401}"));
                } else {
                    reasons.push(format!("{at} answered 401: {CAUSES_401}; or it is a scoped token (service accounts can only make those), which works only through https://{GATEWAY_HOST}/ex/jira/<cloudId>"));
                }
                fix = format!(
                    "Check the email ({email}); create a new API token for that account and type it again. For a scoped token, set Jira API URL to https://{GATEWAY_HOST}/ex/jira/<the site's cloudId>."
                );
            }
            403 => {
                state = CheckState::Fail;
                reasons.push(format!("{at} answered 403: the account is known but not allowed to use the REST API (no Jira product access, or the token's scopes do not include reading the user)"));
                fix = format!(
                    "Give {email} Jira product access, or create the token with the read:jira-user scope."
                );
            }
            _ => reasons.push(answer.describe()),
        }
    }
    let message = format!(
        "{token} for {email} was not accepted: {}.",
        reasons.join("; ")
    );
    check(BASIC_AUTH_CREDENTIALS, state, message, fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me(status: u16, email: &str, roles: Option<Vec<&str>>) -> HttpAnswer<Myself> {
        HttpAnswer {
            url: "https://acme.atlassian.net/rest/api/3/myself".into(),
            status,
            content_type: "application/json".into(),
            json: (status == 200).then(|| Myself {
                account_id: "5b10".into(),
                email_address: email.into(),
                display_name: "Svc".into(),
                application_roles: roles.map(|r| Roles {
                    items: r
                        .into_iter()
                        .map(|k| Role {
                            key: k.into(),
                            name: k.into(),
                        })
                        .collect(),
                }),
            }),
            ..Default::default()
        }
    }

    #[test]
    fn session_user_against_the_service_account() {
        let a = me(200, "Svc@Acme.com", None);
        assert_eq!(
            session_user(&a, "svc@acme.com", "authorize").state,
            CheckState::Pass
        );
        assert_eq!(session_user(&a, "", "authorize").state, CheckState::Warn);
        let other = me(200, "admin@acme.com", None);
        assert_eq!(
            session_user(&other, "svc@acme.com", "create-link").state,
            CheckState::Warn
        );
        let c = session_user(&other, "svc@acme.com", "authorize");
        assert_eq!(c.state, CheckState::Fail);
        assert!(c.message.contains("admin@acme.com") && c.fix.contains("svc@acme.com"));
        let login = HttpAnswer::<Myself> {
            status: 401,
            ..Default::default()
        };
        assert_eq!(
            session_user(&login, "svc@acme.com", "authorize").state,
            CheckState::Fail
        );
        let down = HttpAnswer::<Myself> {
            status: 502,
            ..Default::default()
        };
        assert_eq!(
            session_user(&down, "svc@acme.com", "authorize").state,
            CheckState::Unknown
        );
    }

    #[test]
    fn product_access_warns_without_roles() {
        assert_eq!(
            product_access(&me(200, "a@b.c", Some(vec!["jira-software"]))).state,
            CheckState::Pass
        );
        assert_eq!(
            product_access(&me(200, "a@b.c", Some(vec![]))).state,
            CheckState::Warn
        );
        assert_eq!(
            product_access(&me(200, "a@b.c", None)).state,
            CheckState::Unknown
        );
        assert_eq!(
            product_access(&me(401, "", None)).state,
            CheckState::Unknown
        );
    }

    #[test]
    fn basic_auth_verdicts() {
        let input = |answers| BasicAuthInput {
            email: "svc@acme.com".into(),
            answers,
            token_source: String::new(),
        };
        assert_eq!(
            basic_auth_credentials(&input(vec![me(200, "svc@acme.com", None)])).state,
            CheckState::Pass
        );
        let typed = BasicAuthInput {
            token_source: "page".into(),
            ..input(vec![me(200, "svc@acme.com", None)])
        };
        let c = basic_auth_credentials(&typed);
        assert!(
            c.message.starts_with("The API token typed in Jira Align"),
            "{}",
            c.message
        );
        assert_eq!(
            basic_auth_credentials(&input(vec![me(200, "x@acme.com", None)])).state,
            CheckState::Fail
        );
        let c = basic_auth_credentials(&input(vec![me(401, "", None)]));
        assert_eq!(c.state, CheckState::Fail);
        assert!(c.message.contains("scoped") && c.message.contains("expired"));
        let mut gw = me(401, "", None);
        gw.url = "https://api.atlassian.com/ex/jira/c-1/rest/api/3/myself".into();
        let c = basic_auth_credentials(&input(vec![me(401, "", None), gw]));
        assert_eq!(c.state, CheckState::Fail);
        assert!(
            c.message.contains("api.atlassian.com/ex/jira/c-1")
                && c.message.contains("acme.atlassian.net")
        );
        let mut captcha = me(403, "", None);
        captcha.login_reason = "AUTHENTICATION_DENIED".into();
        let c = basic_auth_credentials(&input(vec![captcha]));
        assert_eq!(c.state, CheckState::Fail);
        assert!(c.fix.contains("CAPTCHA"));
        assert_eq!(
            basic_auth_credentials(&input(vec![])).state,
            CheckState::Unknown
        );
        let timeout = HttpAnswer::<Myself> {
            url: "https://acme.atlassian.net/x".into(),
            error: Some("timeout".into()),
            ..Default::default()
        };
        assert_eq!(
            basic_auth_credentials(&input(vec![timeout])).state,
            CheckState::Unknown
        );
    }
}
