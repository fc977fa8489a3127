//! The checks of the consumer key and the public key on both sides, and of the callback URL.

use super::*;

pub(super) fn consumer_key_match(setup: &Setup) -> Check {
    const ID: CheckId = CheckId::ConsumerKeyMatch;
    let (a, j) = (&setup.align, &setup.jira);
    let Some(ak) = seen(&a.consumer_key) else {
        return not_seen(ID, "Consumer key in Jira Align", Place::AlignForm);
    };
    let Some(jk) = seen(&j.consumer_key) else {
        return not_seen(ID, "Consumer Key in Jira", Place::JiraIncomingAuth);
    };
    if ak == jk {
        return check(
            ID,
            CheckState::Pass,
            format!(
                "Consumer key: identical on both sides (\"{}\").",
                visible(ak)
            ),
            "",
        );
    }
    let how = describe_difference("Jira Align", ak, "Jira", jk).unwrap_or_default();
    let mut message = format!(
        "Consumer key: Jira Align has \"{}\" but Jira has \"{}\": {how}.",
        visible(ak),
        visible(jk)
    );
    // A name pasted where the key belongs is a classic: say so plainly.
    let names = [
        ("Consumer Name", seen(&j.consumer_name)),
        ("Application Name", seen(&j.application_name)),
    ];
    let same = |x: &str, y: &str| trim_invisible(x) == trim_invisible(y);
    let fix = if let Some((label, _)) = names.iter().find(|(_, n)| n.is_some_and(|n| same(n, ak))) {
        message.push_str(&format!(
            " Jira Align's value is the link's {label}, not its Consumer Key."
        ));
        format!(
            "In the Jira Align connector, set the consumer key to \"{}\" (Jira's Consumer Key).",
            visible(jk)
        )
    } else if let Some((label, _)) = names.iter().find(|(_, n)| n.is_some_and(|n| same(n, jk))) {
        message.push_str(&format!(" Jira's Consumer Key is the same as its {label}: the name was probably pasted as the key."));
        format!(
            "In Jira's Incoming Authentication, set Consumer Key to \"{}\" (Jira Align's key).",
            visible(ak)
        )
    } else {
        let prefix = setup.consumer_key_prefix.as_deref();
        let a_ok = check_consumer_key_with_prefix(ak, prefix).ok;
        let j_ok = check_consumer_key_with_prefix(jk, prefix).ok;
        match (a_ok, j_ok) {
            (true, false) => {
                format!("In Jira's Incoming Authentication, set Consumer Key to exactly \"{ak}\".")
            }
            (false, true) => {
                format!("In the Jira Align connector, set the consumer key to exactly \"{jk}\".")
            }
            _ => format!(
                "Type one key, e.g. \"{}\", in both places: Jira Align's connector and Jira's Incoming Authentication.",
                crate::rules::suggest_consumer_key_with_prefix(ak, prefix)
            ),
        }
    };
    check(ID, CheckState::Fail, message, fix).predicting("consumer_key_unknown")
}

pub(super) fn key_format(id: CheckId, key: Option<&(&str, KeyFacts)>, where_: Place) -> Check {
    let Some((text, facts)) = key else {
        return not_seen(id, "Public key", where_);
    };
    let trimmed = trim_invisible(text);
    // A blank key is a failure of its own, with the field rule's wording.
    if trimmed.is_empty() {
        return with_side(
            id,
            from_report(
                id,
                &crate::rules::check_public_key(text),
                "Public key",
                None,
            ),
        );
    }
    let check = with_side(
        id,
        from_report(id, &report_from_facts(trimmed, facts), "Public key", None),
    );
    // A key that could not be read has no fingerprint: nothing to add.
    if facts.fingerprint_sha256.is_none() {
        return check;
    }
    let fingerprint = facts.fingerprint_sha256.clone();
    let facts = match id.per_side() {
        Some(Side::Jira) => CheckFacts {
            jira_fingerprint: fingerprint,
            ..CheckFacts::default()
        },
        _ => CheckFacts {
            align_fingerprint: fingerprint,
            ..CheckFacts::default()
        },
    };
    check.with_facts(facts)
}

pub(super) fn key_match(
    align: Option<&(&str, KeyFacts)>,
    jira: Option<&(&str, KeyFacts)>,
) -> Check {
    const ID: CheckId = CheckId::PublicKeyMatch;
    let Some((align_text, af)) = align else {
        return not_seen(ID, "Public key in Jira Align", Place::AlignForm);
    };
    let Some((jira_text, jf)) = jira else {
        return not_seen(ID, "Public Key in Jira", Place::JiraIncomingAuth);
    };
    let (Some(fa), Some(fj)) = (
        af.fingerprint_sha256.as_deref(),
        jf.fingerprint_sha256.as_deref(),
    ) else {
        return check(
            ID,
            CheckState::Unknown,
            "Public keys: cannot compare until both keys are readable.",
            "Fix the key that cannot be read first (see its format check).",
        );
    };
    let mut facts = CheckFacts {
        align_fingerprint: Some(fa.to_string()),
        jira_fingerprint: Some(fj.to_string()),
        ..CheckFacts::default()
    };
    let (sa, sj) = (short_fingerprint(fa), short_fingerprint(fj));
    if fa == fj {
        return check(
            ID,
            CheckState::Pass,
            format!("Public keys: the same key on both sides (SHA-256 {sa}…)."),
            "",
        )
        .with_facts(facts);
    }
    facts.first_difference = match (af.jira_base64.as_deref(), jf.jira_base64.as_deref()) {
        (Some(ba), Some(bj)) => difference_in_texts((align_text, ba), (jira_text, bj)),
        _ => None,
    };
    let place = facts
        .first_difference
        .as_ref()
        .map(|d| format!(" {}", where_keys_differ(d)))
        .unwrap_or_default();
    check(
        ID,
        CheckState::Fail,
        format!(
            "Public keys: Jira has a different key (SHA-256 {sj}…) from the one Jira Align signs with (SHA-256 {sa}…).{place} The usual cause is Generate New Key clicked again after pasting: Jira Align then signs with the new private key."
        ),
        "Copy the key Jira Align shows now into Jira's Incoming Authentication → Public Key and save; do not click Generate New Key again afterwards.",
    )
    .predicting("signature_invalid")
    .with_facts(facts)
}

/// "The keys differ from line 3, column 12." in the admin's texts when both can be told and
/// agree, each side's place when they do not, else the place in the key written as PEM.
fn where_keys_differ(d: &Difference) -> String {
    let at = |p: &TextPosition| format!("line {}, column {}", p.line, p.column);
    match (&d.at_a, &d.at_b) {
        (Some(a), Some(j)) if a == j => format!("The keys differ from {}.", at(a)),
        (Some(a), Some(j)) => format!(
            "The keys differ from {} of Jira Align's text and {} of Jira's.",
            at(a),
            at(j)
        ),
        _ => format!(
            "Written as PEM, the keys differ from line {}, column {} of the Base64.",
            d.line, d.column
        ),
    }
}

/// The callback is optional, so an empty field that was seen (`Some("")`) passes, while a
/// field not seen yet (`None`) stays `unknown`.
pub(super) fn callback_check(value: Option<&str>) -> Check {
    const ID: CheckId = CheckId::CallbackUrlFormat;
    match value {
        None => not_seen_optional(ID, "Consumer Callback URL", Place::JiraIncomingAuth),
        Some(v) if v.trim().is_empty() => check(
            ID,
            CheckState::Pass,
            "Consumer Callback URL: empty, which is right: Jira Align does not need one.",
            "",
        ),
        Some(v) => from_report(ID, &check_callback_url(v), "Consumer Callback URL", None),
    }
}
