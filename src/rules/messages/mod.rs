//! The rules' words: one module per rule turns its typed findings into problems (a message that
//! names the field, a fix). No rule decides anything from these texts.

pub mod api_token;
pub mod consumer_key;
pub mod key_prefix;
pub mod names;
pub mod public_key;
pub mod urls;
pub mod username;
