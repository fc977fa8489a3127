//! Every error name: the `name` of the JS `Error` a wasm export throws, or of the `error` a
//! worker or panel answer carries, when there is no answer at all (a bad argument, a key that
//! could not be made). A field that is merely wrong is never an error: it is a problem, with a
//! [`ProblemCode`](super::ProblemCode). Add, never rename.

use super::named_enum;

named_enum! {
    /// Why an export or a message gave no answer.
    pub enum ErrorCode {
        /// An argument of the wrong type or shape.
        BadArgument = "bad-argument",
        /// `checkField` was asked about a field the vocabulary does not have.
        UnknownField = "unknown-field",
        /// A check id the vocabulary does not have.
        UnknownCheck = "unknown-check",
        /// A key size other than 2048, 3072 or 4096 bits.
        KeySizeUnsupported = "key-size-unsupported",
        /// The random source failed.
        KeyRandomFailed = "key-random-failed",
        /// Making the key pair failed (also: primes that do not make a pair).
        KeyGenerationFailed = "key-generation-failed",
        /// A made key could not be written out as PEM.
        KeyEncodingFailed = "key-encoding-failed",
        /// The URL to sign is not an absolute http(s) URL.
        OAuthBadUrl = "oauth-bad-url",
        /// The consumer key to sign with is empty.
        OAuthNoConsumerKey = "oauth-no-consumer-key",
        /// The private key to sign with is not an RSA private key in PEM.
        OAuthBadPrivateKey = "oauth-bad-private-key",
        /// Signing failed.
        OAuthSigningFailed = "oauth-signing-failed",
        /// Anything else: a bug, reported with its message.
        Internal = "internal",
        // Named by the extension's JS (worker, content script, panel)
        /// A message with a missing or malformed part.
        BadRequest = "bad-request",
        /// A message from a sender that may not send it.
        Forbidden = "forbidden",
        /// No tab of the side asked for (or it closed).
        NoTab = "no-tab",
        /// The page did not answer.
        NoAnswer = "no-answer",
        /// The page answered something of the wrong shape.
        BadAnswer = "bad-answer",
        /// The page refused (pointing at a field was cancelled or impossible).
        Refused = "refused",
        /// The page could not describe its form for a fill.
        DescribeFailed = "describe-failed",
        /// The page refused or failed the fill.
        FillFailed = "fill-failed",
        /// The browser has not granted the self-hosted origin.
        NotGranted = "not-granted",
        /// Verify has no Jira site to ask.
        NoJiraSite = "no-jira-site",
        /// A key-generation worker failed to start.
        WorkerFailed = "worker-failed",
        /// The panel's key generation was cancelled.
        Cancelled = "cancelled",
    }
}
