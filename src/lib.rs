//! Linksmith's core: RSA keys, field rules and the cross-tab checks.
//!
//! Everything here is plain Rust with native tests; `wasm_api` is the thin wasm-bindgen layer
//! that the extension's service worker, its pages and `www/` call.
#![forbid(unsafe_code)]

pub mod keys;
pub mod oauth;
pub mod oauth_problem;
pub mod problem;
pub mod rules;
pub mod setup_check;
pub mod text;
pub mod verify;
pub mod vocabulary;
pub mod wasm_api;
