//! Every field rule through `rules::check_field`, over every field id, with an arbitrary
//! context: no panic, field-named messages, non-empty fixes, and normalising is idempotent.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linksmith::rules::{FIELD_IDS, FieldContext, check_field};

/// Every known id, plus an empty and an unknown one.
const EXTRA: [&str; 2] = ["", "nope"];

#[derive(arbitrary::Arbitrary, Debug)]
struct Input<'a> {
    field: u8,
    value: &'a str,
    jira_api_url: Option<&'a str>,
    jira_site_url: Option<&'a str>,
}

fuzz_target!(|input: Input| {
    let n = usize::from(input.field) % (FIELD_IDS.len() + EXTRA.len());
    let id = FIELD_IDS.iter().chain(&EXTRA).nth(n).copied().unwrap_or("");
    let ctx = FieldContext {
        jira_api_url: input.jira_api_url.map(str::to_string),
        jira_site_url: input.jira_site_url.map(str::to_string),
    };
    let Some(r) = check_field(id, input.value, &ctx) else {
        assert!(id.is_empty() || id == "nope");
        return;
    };
    assert_eq!(r.ok, !r.problems.iter().any(|p| p.is_error()));
    for p in &r.problems {
        assert!(
            !p.message.is_empty() && !p.fix.is_empty(),
            "{id}: {}",
            p.code
        );
    }
    // Normalising is idempotent and a normalised valid value stays valid (the API token's
    // value is a mask, so it is left out).
    if id != "apiToken" {
        let again = check_field(id, &r.value, &ctx);
        let again = again.map(|a| (a.value, a.ok));
        if r.ok {
            assert_eq!(
                again,
                Some((r.value.clone(), true)),
                "{id}: {:?}",
                input.value
            );
        } else {
            assert_eq!(
                again.map(|a| a.0),
                Some(r.value.clone()),
                "{id}: {:?}",
                input.value
            );
        }
    }
});
