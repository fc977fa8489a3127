//! `jira-stored-consumer`: what Jira stored, read through the applinks REST resources (whose
//! availability on Cloud is not documented, so an absent API gives `unknown`, never `fail`): the
//! links that point at the Jira Align site, and the incoming consumer of the one link, compared
//! with Jira Align's consumer key and public key.

use serde::Deserialize;
use url::Url;

use super::answer::HttpAnswer;
use super::{STORED_CONSUMER, check};
use crate::keys::compare_public_keys;
use crate::setup_check::{Check, CheckState};
use crate::text::{ellipsize, visible};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Link {
    #[serde(deserialize_with = "super::answer::nullable")]
    pub id: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub name: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub display_url: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub rpc_url: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Links {
    pub application_links: Vec<Link>,
}

pub type LinkList = HttpAnswer<Links>;

/// `…/applicationlink/{id}/authentication/consumer`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Consumer {
    #[serde(deserialize_with = "super::answer::nullable")]
    pub key: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub name: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub public_key: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ConsumerInfo {
    #[serde(deserialize_with = "super::answer::nullable")]
    pub link_id: String,
    pub answer: HttpAnswer<Consumer>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StoredConsumerInput {
    #[serde(deserialize_with = "super::answer::nullable")]
    pub align_site_url: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub align_consumer_key: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub align_public_key: String,
    pub links: LinkList,
    pub consumers: Vec<ConsumerInfo>,
}

fn host(url: &str) -> Option<String> {
    Url::parse(url.trim())
        .ok()?
        .host_str()
        .map(str::to_ascii_lowercase)
}

fn unreadable(what: &str, why: String) -> Check {
    check(
        STORED_CONSUMER,
        CheckState::Unknown,
        format!(
            "Could not read {what} from Jira's applinks REST resources: {why}. This site may not offer them."
        ),
        "Check Application links → the link to Jira Align → Edit → Incoming Authentication in Jira's own screens.",
    )
}

fn readable<T>(answer: &HttpAnswer<T>) -> Option<&T> {
    (answer.status == 200 && !answer.is_html())
        .then_some(answer.json.as_ref())
        .flatten()
}

pub fn stored_consumer(input: &StoredConsumerInput) -> Check {
    let Some(align_host) = host(&input.align_site_url) else {
        return check(
            STORED_CONSUMER,
            CheckState::Unknown,
            "The Jira Align site is not known yet.",
            "Open the Jira Align connector in a tab (or type its site in the panel), then verify again.",
        );
    };
    let Some(links) = readable(&input.links) else {
        return unreadable("the application links", input.links.describe());
    };
    let matching: Vec<&Link> = links
        .application_links
        .iter()
        .filter(|l| {
            host(&l.display_url).as_deref() == Some(&align_host)
                || host(&l.rpc_url).as_deref() == Some(&align_host)
        })
        .collect();
    let link = match matching.as_slice() {
        [] => {
            return check(
                STORED_CONSUMER,
                CheckState::Fail,
                format!("Jira has no application link to {align_host}."),
                format!(
                    "In Jira, Application links → Create link → Direct application link, enter https://{align_host}, tick Create incoming link, then fill Incoming Authentication."
                ),
            );
        }
        [one] => *one,
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|l| format!("'{}'", ellipsize(&visible(&l.name), 60)))
                .collect();
            return check(
                STORED_CONSUMER,
                CheckState::Fail,
                format!(
                    "Jira has {} application links to {align_host} ({}): duplicates break authorisation.",
                    several.len(),
                    names.join(", ")
                ),
                "Delete all but one of them in Jira's Application links, keep the one whose Incoming Authentication has Jira Align's consumer key and public key, and authorize again.",
            );
        }
    };
    let name = ellipsize(&visible(&link.name), 60);
    let Some(info) = input.consumers.iter().find(|c| c.link_id == link.id) else {
        return unreadable("the link's incoming consumer", "it was not asked".into());
    };
    if info.answer.status == 404 && info.answer.error.is_none() && !info.answer.is_html() {
        return check(
            STORED_CONSUMER,
            CheckState::Fail,
            format!(
                "The application link '{name}' has no incoming consumer: Incoming Authentication was not saved."
            ),
            "In Jira, open the link → Edit → Incoming Authentication, enter Jira Align's consumer key and public key, and click Save.",
        );
    }
    let Some(consumer) = readable(&info.answer) else {
        return unreadable("the link's incoming consumer", info.answer.describe());
    };
    let mut wrong = Vec::new();
    if !input.align_consumer_key.is_empty() && consumer.key != input.align_consumer_key {
        wrong.push(format!(
            "its consumer key is '{}', Jira Align's is '{}'",
            ellipsize(&visible(&consumer.key), 80),
            ellipsize(&visible(&input.align_consumer_key), 80)
        ));
    }
    let mut fingerprint = None;
    if !input.align_public_key.trim().is_empty() {
        let cmp = compare_public_keys(&consumer.public_key, &input.align_public_key);
        fingerprint = cmp.fingerprint_a.clone();
        if !cmp.same {
            wrong.push(format!(
                "its public key (SHA-256 {}) is not Jira Align's ({})",
                cmp.fingerprint_a.as_deref().unwrap_or("unreadable"),
                cmp.fingerprint_b.as_deref().unwrap_or("unreadable")
            ));
        }
    }
    if wrong.is_empty() {
        let fp = fingerprint
            .map(|f| format!(", public key SHA-256 {f}"))
            .unwrap_or_default();
        return check(
            STORED_CONSUMER,
            CheckState::Pass,
            format!(
                "Jira stored the incoming consumer '{}' on the link '{name}'{fp}, the same as Jira Align's.",
                ellipsize(&visible(&consumer.key), 80)
            ),
            "",
        );
    }
    check(
        STORED_CONSUMER,
        CheckState::Fail,
        format!(
            "The incoming consumer Jira stored on the link '{name}' differs: {}.",
            wrong.join("; ")
        ),
        "In Jira, open the link → Edit → Incoming Authentication, enter the consumer key and public key Jira Align shows now, and click Save.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALIGN: &str = "https://acme.jiraalign.com";

    fn links(urls: &[&str]) -> LinkList {
        LinkList {
            url: "https://acme.atlassian.net/rest/applinks/1.0/applicationlink".into(),
            status: 200,
            content_type: "application/json".into(),
            json: Some(Links {
                application_links: urls
                    .iter()
                    .enumerate()
                    .map(|(i, u)| Link {
                        id: format!("id{i}"),
                        name: format!("Link {i}"),
                        display_url: (*u).into(),
                        rpc_url: (*u).into(),
                    })
                    .collect(),
            }),
            ..Default::default()
        }
    }

    fn input(links: LinkList, consumer: Option<HttpAnswer<Consumer>>) -> StoredConsumerInput {
        StoredConsumerInput {
            align_site_url: ALIGN.into(),
            align_consumer_key: "jira-align".into(),
            align_public_key: String::new(),
            links,
            consumers: consumer
                .into_iter()
                .map(|answer| ConsumerInfo {
                    link_id: "id0".into(),
                    answer,
                })
                .collect(),
        }
    }

    fn consumer(key: &str) -> HttpAnswer<Consumer> {
        HttpAnswer {
            status: 200,
            json: Some(Consumer {
                key: key.into(),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn absent_api_is_unknown_never_fail() {
        for answer in [
            LinkList {
                status: 404,
                ..Default::default()
            },
            LinkList {
                status: 403,
                ..Default::default()
            },
            LinkList {
                status: 200,
                content_type: "text/html".into(),
                body: "<html>".into(),
                ..Default::default()
            },
        ] {
            assert_eq!(
                stored_consumer(&input(answer, None)).state,
                CheckState::Unknown
            );
        }
    }

    #[test]
    fn none_one_or_duplicate_links() {
        assert_eq!(
            stored_consumer(&input(links(&["https://other.example.com"]), None)).state,
            CheckState::Fail
        );
        let c = stored_consumer(&input(links(&[ALIGN, ALIGN]), None));
        assert_eq!(c.state, CheckState::Fail);
        assert!(c.message.contains("duplicates"));
        assert_eq!(
            stored_consumer(&input(links(&[ALIGN]), Some(consumer("jira-align")))).state,
            CheckState::Pass
        );
        let c = stored_consumer(&input(links(&[ALIGN]), Some(consumer("jira-align2"))));
        assert_eq!(c.state, CheckState::Fail);
        assert!(c.message.contains("jira-align2"));
        let missing = HttpAnswer {
            status: 404,
            ..Default::default()
        };
        assert_eq!(
            stored_consumer(&input(links(&[ALIGN]), Some(missing))).state,
            CheckState::Fail
        );
    }
}
