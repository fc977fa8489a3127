//! Words for [`UrlFinding`]s: each message starts with the field's label, each fix names the
//! address to use where there is one.

use super::{empty, padded};
use crate::problem::Problem;
use crate::rules::urls::{ApiPath, Site, UrlFinding};

/// The problem for one finding in the field labelled `label`.
pub fn problem(finding: &UrlFinding, label: &str) -> Problem {
    use UrlFinding as F;
    let code = finding.code();
    let error = |message: String, fix: String| Problem::error(code, message, fix);
    let use_ = |address: &str| format!("Use {address}.");
    match finding {
        F::TooLong { bytes } => error(
            format!(
                "{label}: it is {bytes} bytes long; an address is at most a few hundred characters."
            ),
            "Clear the field and paste only the address, e.g. https://acme.jiraalign.com.".into(),
        ),
        F::Empty => empty(
            code,
            label,
            "Paste the full address, starting with https://.",
        ),
        F::SurroundingWhitespace { trimmed } => padded(
            code,
            label,
            "around the address",
            format!("Remove it so the field holds just {trimmed}."),
        ),
        F::InvisibleChar { c, position } => error(
            format!(
                "{label}: there is {} at position {position} inside the address.",
                crate::text::describe_char(*c)
            ),
            "Remove it, or retype the address.".into(),
        ),
        F::LookalikeChar {
            c,
            position,
            latin,
            script,
        } => error(
            format!(
                "{label}: the '{c}' at position {position} is {script}, not the Latin '{latin}' it looks like."
            ),
            format!("Type '{latin}' instead, or retype the whole address by hand."),
        ),
        F::MissingScheme { written } => error(
            format!("{label}: it does not start with https://."),
            format!("Write it as https://{written}."),
        ),
        F::Invalid { excerpt, reason } => error(
            format!("{label}: \"{excerpt}\" is not a valid address ({reason})."),
            "Copy the address from the browser's address bar.".into(),
        ),
        F::NotHttps { scheme, fixed } => error(
            format!("{label}: it uses {scheme}://; only https works here."),
            match fixed {
                Some(fixed) => format!("Use {fixed} (https, not {scheme})."),
                None => "Use the https:// address of the site.".into(),
            },
        ),
        F::Userinfo { real_host, fixed } => error(
            format!(
                "{label}: everything before the '@' is a user name, so this address really goes to {}.",
                real_host.as_deref().unwrap_or("another host")
            ),
            format!("Use {fixed} without the part before '@'."),
        ),
        F::IpAddress => Problem::warning(
            code,
            format!("{label}: it uses an IP address instead of a host name."),
            "Use the site's host name; OAuth signatures and certificates are tied to it.",
        ),
        F::QueryOrFragment { fixed } => {
            error(format!("{label}: it has a '?…' or '#…' part."), use_(fixed))
        }
        F::AlignPath { path, origin } => error(
            format!("{label}: it has the path {path}; the link needs the site root only."),
            use_(origin),
        ),
        F::HostLetters {
            typed,
            meant,
            fixed,
            ..
        } => error(
            format!(
                "{label}: the host {typed} only looks like {meant}; it contains letters from another alphabet."
            ),
            use_(fixed),
        ),
        F::SuffixTrick {
            shown,
            intended,
            fixed,
            ..
        } => error(
            format!(
                "{label}: the host {shown} only starts like {intended}; it belongs to another domain."
            ),
            use_(fixed),
        ),
        F::LookalikeHost {
            site,
            shown,
            intended,
            fixed,
            atlassian_com,
        } => {
            let message = match (site, atlassian_com) {
                (_, true) => format!(
                    "{label}: {shown}: atlassian.com is Atlassian's own website; Jira Cloud sites live under atlassian.net."
                ),
                (Site::Align, false) => {
                    format!("{label}: {shown} looks like a typo of {intended}.")
                }
                (Site::Jira, false) => {
                    format!("{label}: {shown}: it looks like a typo of {intended}.")
                }
            };
            error(message, use_(fixed))
        }
        F::AlignLegacyHost { host } => Problem::info(
            code,
            format!("{label}: {host} is a legacy AgileCraft address."),
            "Fine if that is where your Jira Align lives; if it moved to jiraalign.com, use the new address on both sides.",
        ),
        F::AlignNoCompany { host } => Problem::warning(
            code,
            format!("{label}: {host} has no company part."),
            "Use your own Jira Align address, e.g. https://acme.jiraalign.com (copy it from the Jira Align tab).",
        ),
        F::AlignSelfHosted { host } => Problem::info(
            code,
            format!(
                "{label}: {host} is not a jiraalign.com address; read as a self-hosted Jira Align."
            ),
            "Fine for self-hosted Jira Align; otherwise use https://<company>.jiraalign.com.",
        ),
        F::JiraApiGateway { cloud_id: Some(id) } => Problem::info(
            code,
            format!(
                "{label}: the API gateway for the Jira site with cloudId {id}, the form scoped API tokens need."
            ),
            "Keep it for a scoped token; Verify with Jira checks that this cloudId is the Jira tab's site.",
        ),
        F::JiraApiGateway { cloud_id: None } => Problem::warning(
            code,
            format!(
                "{label}: api.atlassian.com is Atlassian's gateway for scoped API tokens, not your Jira site."
            ),
            "Use your site's address, https://<site>.atlassian.net (copy it from the Jira tab).",
        ),
        F::JiraNoSite => error(
            format!("{label}: atlassian.net needs your site name in front."),
            "Use https://<site>.atlassian.net (copy it from the Jira tab).".into(),
        ),
        F::JiraDataCenter { host } => Problem::info(
            code,
            format!(
                "{label}: {host} is not an atlassian.net site; read as Jira Data Center or Server."
            ),
            "Fine for Data Center; for Jira Cloud use https://<site>.atlassian.net.",
        ),
        F::ApiUrlPath {
            kind,
            path,
            site_root,
        } => {
            let why = match kind {
                ApiPath::Rest => "Jira Align adds /rest/api/… itself",
                ApiPath::Browse => "/browse/ belongs in the Jira Link, not here",
                ApiPath::Plugins => "that is an admin page, not the site root",
                ApiPath::App => "that is a page of Jira's UI, not the site root",
                ApiPath::Other => "the API URL is the site root",
            };
            error(
                format!("{label}: it ends in {path}; {why}."),
                use_(site_root),
            )
        }
        F::LinkMissingBrowse { want } => error(
            format!("{label}: it is missing /browse/ at the end."),
            use_(want),
        ),
        F::LinkBrowseNoSlash { want } => error(
            format!(
                "{label}: it ends in /browse without the final '/', so issue links come out as …/browseABC-1."
            ),
            use_(want),
        ),
        F::LinkAfterBrowse { key, want } => error(
            format!(
                "{label}: it includes '{key}' after /browse/; the link must end at /browse/ so Jira Align can add each issue key."
            ),
            use_(want),
        ),
        F::LinkOtherPath { rest, want } => error(
            format!("{label}: it ends in /{rest} instead of /browse/."),
            use_(want),
        ),
        F::CallbackNotAbsolute { written } => error(
            format!("{label}: it is not an absolute URL."),
            format!("Leave it empty, or write the full address, e.g. https://{written}."),
        ),
        F::CallbackNotHttp { scheme } => error(
            format!("{label}: it uses {scheme}:, but Jira accepts only http and https callbacks."),
            "Leave it empty (Jira Align does not need it), or use an https:// address.".into(),
        ),
        F::CallbackTrailingSlash => Problem::info(
            code,
            format!("{label}: Jira stores it with a '/' appended."),
            "Nothing to do; expect to see the '/' when you reopen the form.",
        ),
    }
}
