//! Arbitrary bytes as the JSON the service worker hands `checkSetup`: either refused by serde or
//! answered with the full, ordered list of checks; never a panic, never a pass on missing data.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linksmith::setup_check::{CheckState, Setup, check_setup};

fuzz_target!(|data: &[u8]| {
    let Ok(setup) = serde_json::from_slice::<Setup>(data) else {
        return;
    };
    let checks = check_setup(&setup);
    let empty = checks.len();
    assert_eq!(empty, check_setup(&Setup::default()).len());
    for c in &checks {
        assert!(!c.message.is_empty(), "{}", c.id);
        if c.predicts.is_some() {
            assert_eq!(c.state, CheckState::Fail, "{}", c.id);
        }
    }
});
