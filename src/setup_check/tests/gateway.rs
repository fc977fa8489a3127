//! The Jira API URL in the scoped-token gateway form, `https://api.atlassian.com/ex/jira/<cloudId>`:
//! compared by cloudId once Verify with Jira has read the site's (`jira_cloud_id`), never reported
//! as another site before that.

use super::*;

const ID: &str = "a436116f-02ce-4520-8fbb-7301462a1674";

fn gateway(cloud_id: Option<&str>, in_url: &str) -> Setup {
    let mut setup = good();
    setup.align.jira_api_url = s(&format!("https://api.atlassian.com/ex/jira/{in_url}"));
    setup.jira_cloud_id = cloud_id.map(str::to_string);
    setup
}

#[test]
fn before_verify_the_gateway_is_not_a_wrong_site() {
    let checks = run(&gateway(None, ID));
    for id in ["jira-api-url-match", "jira-link-api-url-match"] {
        let c = get(&checks, id);
        assert_eq!(c.state, CheckState::Unknown, "{id}: {}", c.message);
        assert!(c.message.contains(ID), "{id}: {}", c.message);
        assert!(
            c.message.contains("Verify with Jira"),
            "{id}: {}",
            c.message
        );
        assert!(!c.message.contains("another"), "{id}: {}", c.message);
    }
}

#[test]
fn the_sites_own_cloud_id_passes() {
    let checks = run(&gateway(Some(ID), &format!("{ID}/")));
    // The format is right for a scoped token: a note, not "use your site's address".
    let f = get(&checks, "jira-api-url-format");
    assert_eq!(f.state, CheckState::Pass, "{}", f.message);
    assert!(!f.fix.contains("Use your site"), "{}", f.fix);
    let c = get(&checks, "jira-api-url-match");
    assert_eq!(c.state, CheckState::Pass, "{}", c.message);
    assert!(
        c.message.contains("https://acme.atlassian.net"),
        "{}",
        c.message
    );
    assert_eq!(
        get(&checks, "jira-link-api-url-match").state,
        CheckState::Pass
    );
    // The link's own comparison with the tab is untouched.
    assert_eq!(get(&checks, "jira-link-match").state, CheckState::Pass);
}

#[test]
fn another_cloud_id_fails_as_another_site() {
    let checks = run(&gateway(Some("0c9e2d55-8b7a-4f1e-9d3c-5e6f7a8b9c0d"), ID));
    let c = get(&checks, "jira-api-url-match");
    assert_eq!(c.state, CheckState::Fail);
    assert!(c.message.contains("another Jira site"), "{}", c.message);
    assert!(
        c.fix
            .contains("https://api.atlassian.com/ex/jira/0c9e2d55-8b7a-4f1e-9d3c-5e6f7a8b9c0d"),
        "{}",
        c.fix
    );
    assert_eq!(
        get(&checks, "jira-link-api-url-match").state,
        CheckState::Fail
    );
}

#[test]
fn a_link_to_another_site_still_fails_next_to_the_gateway() {
    let mut setup = gateway(Some(ID), ID);
    setup.align.jira_link = s("https://other.atlassian.net/browse/");
    let checks = run(&setup);
    assert_eq!(get(&checks, "jira-api-url-match").state, CheckState::Pass);
    let c = get(&checks, "jira-link-api-url-match");
    assert_eq!(c.state, CheckState::Fail);
    assert!(
        c.fix.contains("https://acme.atlassian.net/browse/"),
        "{}",
        c.fix
    );
}

#[test]
fn a_site_address_ignores_the_cloud_id() {
    let mut setup = good();
    setup.jira_cloud_id = s(ID);
    setup.align.jira_api_url = s("https://other.atlassian.net");
    let checks = run(&setup);
    assert_eq!(get(&checks, "jira-api-url-match").state, CheckState::Fail);
}
