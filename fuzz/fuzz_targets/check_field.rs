//! Every field rule through `rules::check_field`, over every field of the vocabulary, with an
//! arbitrary context: no panic, field-named messages, non-empty fixes, and normalising is
//! idempotent.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linksmith::rules::{FieldContext, check_field, has_rule};
use linksmith::vocabulary::Field;

#[derive(arbitrary::Arbitrary, Debug)]
struct Input<'a> {
    field: u8,
    value: &'a str,
    jira_api_url: Option<&'a str>,
    jira_site_url: Option<&'a str>,
    consumer_key_prefix: Option<&'a str>,
}

fuzz_target!(|input: Input| {
    let id = Field::ALL[usize::from(input.field) % Field::ALL.len()];
    let ctx = FieldContext {
        jira_api_url: input.jira_api_url.map(str::to_string),
        jira_site_url: input.jira_site_url.map(str::to_string),
        consumer_key_prefix: input.consumer_key_prefix.map(str::to_string),
    };
    let Some(r) = check_field(id, input.value, &ctx) else {
        assert!(!has_rule(id), "{id}");
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
    if id != Field::AlignApiToken {
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
