//! Every problem code: the stable kebab-case name of one kind of problem a rule, the key
//! inspector or the panel reports (`Problem::code`). The names are a contract: the panel and
//! `www/` show them as `data-code`, the bad-input catalogue and the tests key on them, and
//! reports quote them. Add, never rename.
//!
//! Severity is the problem's, not the code's (a few codes are an error in one setup and a
//! warning in another), so it is noted here only as the usual one.

use super::named_enum;

named_enum! {
    /// One kind of problem, grouped by the module that reports it.
    pub enum ProblemCode {
        // URLs (`rules::urls`)
        /// Nothing entered (the callback URL may be empty) (error).
        UrlEmpty = "url-empty",
        /// More than 16 KiB: a pasted page or file, not an address (answered without parsing) (error).
        UrlTooLong = "url-too-long",
        /// White space or invisible characters around the URL (warning).
        UrlSurroundingWhitespace = "url-surrounding-whitespace",
        /// A space or invisible character inside the URL (error).
        UrlInvisibleChar = "url-invisible-char",
        /// A Cyrillic, Greek or fullwidth character that looks Latin (error).
        UrlLookalike = "url-lookalike",
        /// No `https://` in front (error).
        UrlMissingScheme = "url-missing-scheme",
        /// Not a URL at all (error).
        UrlInvalid = "url-invalid",
        /// `http://` or another scheme where https is needed (error).
        UrlNotHttps = "url-not-https",
        /// `user@` before the host: the real host is what follows the `@` (error).
        UrlUserinfo = "url-userinfo",
        /// An IP address instead of a host name (warning).
        UrlIpAddress = "url-ip-address",
        /// A `?…` or `#…` part (error).
        UrlQueryOrFragment = "url-query-or-fragment",
        /// A path where only the site root belongs (error).
        UrlHasPath = "url-has-path",
        /// A typo or lookalike of `jiraalign.com` / `agilecraft.com` (error).
        AlignUrlLookalikeHost = "align-url-lookalike-host",
        /// `….jiraalign.com.other.tld`: the real host is someone else's (error).
        AlignUrlSuffixTrick = "align-url-suffix-trick",
        /// Bare `jiraalign.com` without the company's subdomain (warning).
        AlignUrlNoCompany = "align-url-no-company",
        /// A legacy `agilecraft.com` host (info).
        AlignUrlLegacyHost = "align-url-legacy-host",
        /// Another host: fine for self-hosted Jira Align (info).
        AlignUrlSelfHosted = "align-url-self-hosted",
        /// A typo or lookalike of `atlassian.net` (including `atlassian.com`) (error).
        JiraUrlLookalikeHost = "jira-url-lookalike-host",
        /// `….atlassian.net.other.tld` (error).
        JiraUrlSuffixTrick = "jira-url-suffix-trick",
        /// Bare `atlassian.net` without the site name (error).
        JiraUrlNoSite = "jira-url-no-site",
        /// `api.atlassian.com`: the scoped-token gateway, not the site (warning).
        JiraUrlApiGateway = "jira-url-api-gateway",
        /// Not `*.atlassian.net`: read as Jira Data Center / Server (info).
        JiraUrlDataCenter = "jira-url-data-center",
        /// The API URL ends in `/rest/api/…`: Jira Align adds that itself (error).
        JiraUrlRestPath = "jira-url-rest-path",
        /// The API URL contains `/browse/…` (that is the Jira Link) (error).
        JiraUrlBrowsePath = "jira-url-browse-path",
        /// A page of the Jira UI (`/jira/software/…`, `/secure/…`, `/projects/…`…) (error).
        JiraUrlAppPath = "jira-url-app-path",
        /// An admin page such as `/plugins/servlet/applinks/…` (error).
        JiraUrlPluginsPath = "jira-url-plugins-path",
        /// The Jira Link lacks `/browse/` (error).
        JiraLinkMissingBrowse = "jira-link-missing-browse",
        /// The Jira Link ends in `/browse` without the final `/` (error).
        JiraLinkBrowseNoSlash = "jira-link-browse-no-slash",
        /// Something other than `/browse/` after the site (an issue key, a board…) (error).
        JiraLinkExtraPath = "jira-link-extra-path",
        /// The callback URL is not an absolute URL (error).
        CallbackUrlNotAbsolute = "callback-url-not-absolute",
        /// The callback URL is neither http nor https (error).
        CallbackUrlNotHttp = "callback-url-not-http",
        /// Jira stores the callback with a `/` appended (info).
        CallbackUrlTrailingSlash = "callback-url-trailing-slash",
        // Consumer key (`rules::consumer_key`)
        /// Nothing (or only white space) entered (error).
        ConsumerKeyEmpty = "consumer-key-empty",
        /// Space, tab, line break or invisible character before or after the key (error).
        ConsumerKeySurroundingWhitespace = "consumer-key-surrounding-whitespace",
        /// A space inside the key (error).
        ConsumerKeySpace = "consumer-key-space",
        /// An invisible character inside the key (no-break space, tab, zero-width, bidi control…) (error).
        ConsumerKeyInvisibleChar = "consumer-key-invisible-char",
        /// A Cyrillic, Greek or fullwidth letter that looks Latin (error).
        ConsumerKeyLookalike = "consumer-key-lookalike",
        /// Punctuation or a symbol (`-`, `_`, `.`, `–`, quotes…) (error).
        ConsumerKeySymbol = "consumer-key-symbol",
        /// An accented or non-Latin letter: allowed in principle, risky in practice (warning).
        ConsumerKeyNonAscii = "consumer-key-non-ascii",
        /// More than 255 characters (error).
        ConsumerKeyTooLong = "consumer-key-too-long",
        /// A valid key derived from the value, offered when it has character errors (info).
        ConsumerKeySuggestion = "consumer-key-suggestion",
        // Names (`rules::names`)
        /// Nothing (or only white space) entered; all three are required (error).
        NameEmpty = "name-empty",
        /// White space or invisible characters before or after the name (warning).
        NameSurroundingWhitespace = "name-surrounding-whitespace",
        /// A line break, tab or other control character (error).
        NameControlChar = "name-control-char",
        /// A zero-width or bidi control character inside the name (warning).
        NameInvisibleChar = "name-invisible-char",
        /// More than 100 characters: hard to read in lists (warning).
        NameLong = "name-long",
        /// More than 255 characters (error).
        NameTooLong = "name-too-long",
        // Username (`rules::username`)
        /// Nothing entered (error).
        UsernameEmpty = "username-empty",
        /// White space or invisible characters around the username (warning).
        UsernameSurroundingWhitespace = "username-surrounding-whitespace",
        /// A space or invisible character inside (often a display name such as "Jane Doe") (error).
        UsernameInvisibleChar = "username-invisible-char",
        /// Contains '@' but is not a well-formed email address (error).
        UsernameInvalidEmail = "username-invalid-email",
        /// Jira Cloud needs the email address (error on Cloud, warning when the site is not known yet).
        UsernameNotEmail = "username-not-email",
        // API token (`rules::api_token`)
        /// Nothing entered (error).
        ApiTokenEmpty = "api-token-empty",
        /// White space or invisible characters around the token (warning).
        ApiTokenSurroundingWhitespace = "api-token-surrounding-whitespace",
        /// A space, tab or line break inside (e.g. "Bearer …", or a wrapped paste) (error).
        ApiTokenWhitespaceInside = "api-token-whitespace-inside",
        /// A zero-width, bidi or control character inside (error).
        ApiTokenInvisibleChar = "api-token-invisible-char",
        /// Wrapped in quotes (warning).
        ApiTokenQuoted = "api-token-quoted",
        /// Fewer than 16 characters: looks like a password, not an API token (warning).
        ApiTokenShort = "api-token-short",
        /// Looks like a human-chosen password (warning).
        ApiTokenPasswordLike = "api-token-password-like",
        /// Starts like a current Atlassian API token (info).
        ApiTokenAtlassianFormat = "api-token-atlassian-format",
        // Public-key field (`rules::public_key`)
        /// Nothing entered (error).
        PublicKeyEmpty = "public-key-empty",
        /// A key the key module can read but Jira's Incoming Authentication does not accept (error).
        PublicKeyJiraRejects = "public-key-jira-rejects",
        // Pasted keys (`keys::inspect`, `keys::compare`). Refusals: private-key-pasted, key-empty,
        // key-too-long, key-not-rsa, key-not-a-key, key-no-data, key-malformed, key-too-small,
        // key-bad-modulus, key-bad-exponent. Valid RSA in a form Jira rejects (the canonical
        // SPKI is offered): key-pkcs1-public, key-openssh-format, key-ssh2-format,
        // key-certificate-headerless, key-certificate-not-first. Damaged text: key-truncated,
        // key-doubled, key-concatenated, key-multiple-blocks, key-multiple-keys,
        // key-trailing-data, key-extra-text, key-bad-char, key-invisible-char, key-quote-char,
        // key-quote-prefix, key-smart-dash, key-leading-space, key-inner-space, key-tab,
        // key-ellipsis, key-armour-malformed, key-altered-base64, key-noncanonical. Warnings:
        // key-weak, key-unusual-exponent, key-missing-begin, key-missing-end,
        // key-label-mismatch (an error when the label is CERTIFICATE), key-extra-armour,
        // key-trailing-space, key-ssh-type-mismatch. Notes: key-crlf, key-certificate.
        // Comparison: keys-differ.
        KeysDiffer = "keys-differ",
        KeyNoData = "key-no-data",
        KeyNotAKey = "key-not-a-key",
        KeyTruncated = "key-truncated",
        KeyMalformed = "key-malformed",
        KeyNoncanonical = "key-noncanonical",
        KeyLabelMismatch = "key-label-mismatch",
        KeyPkcs1Public = "key-pkcs1-public",
        KeyCertificate = "key-certificate",
        KeyCertificateNotFirst = "key-certificate-not-first",
        KeyCertificateHeaderless = "key-certificate-headerless",
        KeyArmourMalformed = "key-armour-malformed",
        KeyMissingBegin = "key-missing-begin",
        KeyMissingEnd = "key-missing-end",
        KeyExtraArmour = "key-extra-armour",
        KeyTrailingData = "key-trailing-data",
        KeyDoubled = "key-doubled",
        KeyConcatenated = "key-concatenated",
        KeyMultipleBlocks = "key-multiple-blocks",
        KeyEmpty = "key-empty",
        KeyTooLong = "key-too-long",
        PrivateKeyPasted = "private-key-pasted",
        KeyTooSmall = "key-too-small",
        KeyWeak = "key-weak",
        KeyBadModulus = "key-bad-modulus",
        KeyBadExponent = "key-bad-exponent",
        KeyUnusualExponent = "key-unusual-exponent",
        KeyCrlf = "key-crlf",
        KeySmartDash = "key-smart-dash",
        KeyInvisibleChar = "key-invisible-char",
        KeyQuoteChar = "key-quote-char",
        KeyQuotePrefix = "key-quote-prefix",
        KeyLeadingSpace = "key-leading-space",
        KeyTab = "key-tab",
        KeyInnerSpace = "key-inner-space",
        KeyTrailingSpace = "key-trailing-space",
        KeyEllipsis = "key-ellipsis",
        KeyBadChar = "key-bad-char",
        KeyExtraText = "key-extra-text",
        KeyMultipleKeys = "key-multiple-keys",
        KeyAlteredBase64 = "key-altered-base64",
        KeySshTypeMismatch = "key-ssh-type-mismatch",
        KeyNotRsa = "key-not-rsa",
        KeySsh2Format = "key-ssh2-format",
        KeyOpensshFormat = "key-openssh-format",
        // Consumer-key prefix policy (`rules::key_prefix`)
        /// The consumer key lacks the prefix the organisation's policy sets (error).
        ConsumerKeyPolicyPrefix = "consumer-key-policy-prefix",
        /// The policy's prefix itself cannot start a consumer key (error).
        ConsumerKeyPolicyPrefixInvalid = "consumer-key-policy-prefix-invalid",
        // Added by the panel around a field rule's answer (extension/panel/settings.js)
        /// The worker could not run the field's rule (error).
        CheckFailed = "check-failed",
        /// A valid Jira site that is neither Jira Cloud nor a self-hosted site the admin approved (error).
        SiteNotKnown = "site-not-known",
    }
}
