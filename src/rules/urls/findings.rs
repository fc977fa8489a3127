//! What the URL rules find, before it is put into words (`rules::messages::urls`). Each finding
//! carries what its message and fix need: the characters and positions, the host typed and the
//! one meant, the address to use instead.

use crate::vocabulary::ProblemCode;

/// Which of the Jira API URL's misplaced paths was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiPath {
    /// `/rest/api/…`: Jira Align adds it itself.
    Rest,
    /// `/browse/…`: that is the Jira Link.
    Browse,
    /// `/plugins/…`: an admin page.
    Plugins,
    /// A page of Jira's UI.
    App,
    /// Any other path.
    Other,
}

/// Which site a host rule judged: the lookalike and suffix codes differ by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    Align,
    Jira,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlFinding {
    /// Over the size limit, in bytes; answered without parsing.
    TooLong {
        bytes: usize,
    },
    Empty,
    /// `trimmed` is what the field should hold.
    SurroundingWhitespace {
        trimmed: String,
    },
    /// `position` is 1-based from the start of what was pasted.
    InvisibleChar {
        c: char,
        position: usize,
    },
    LookalikeChar {
        c: char,
        position: usize,
        latin: char,
        script: &'static str,
    },
    /// `written` is the address without a scheme.
    MissingScheme {
        written: String,
    },
    Invalid {
        excerpt: String,
        reason: String,
    },
    /// `fixed` is the https form, when the URL can take one.
    NotHttps {
        scheme: String,
        fixed: Option<String>,
    },
    Userinfo {
        real_host: Option<String>,
        fixed: String,
    },
    IpAddress,
    QueryOrFragment {
        fixed: String,
    },
    /// A path on the Jira Align URL, which is a site root.
    AlignPath {
        path: String,
        origin: String,
    },
    /// A host that is right once its lookalike letters are read as Latin.
    HostLetters {
        site: Site,
        typed: String,
        meant: String,
        fixed: String,
    },
    /// `….<domain>.<more>`: the host only starts like `intended`.
    SuffixTrick {
        site: Site,
        shown: String,
        intended: String,
        fixed: String,
    },
    /// A typo of `intended`; `atlassian_com` when the typo is Atlassian's own website.
    LookalikeHost {
        site: Site,
        shown: String,
        intended: String,
        fixed: String,
        atlassian_com: bool,
    },
    AlignLegacyHost {
        host: String,
    },
    AlignNoCompany {
        host: String,
    },
    AlignSelfHosted {
        host: String,
    },
    /// `api.atlassian.com`; `cloud_id` when it is the Jira API URL's gateway form,
    /// `/ex/jira/<cloudId>` (scoped API tokens need it; `jira-api-url-match` decides whose site).
    JiraApiGateway {
        cloud_id: Option<String>,
    },
    JiraNoSite,
    JiraDataCenter {
        host: String,
    },
    /// A path after the Jira API URL's site root.
    ApiUrlPath {
        kind: ApiPath,
        path: String,
        site_root: String,
    },
    /// The Jira Link without `/browse/`; `want` is the link to use.
    LinkMissingBrowse {
        want: String,
    },
    LinkBrowseNoSlash {
        want: String,
    },
    /// Something after `/browse/` (an issue key).
    LinkAfterBrowse {
        key: String,
        want: String,
    },
    /// Another path instead of `/browse/`.
    LinkOtherPath {
        rest: String,
        want: String,
    },
    /// `written` is the callback URL as typed, without a scheme.
    CallbackNotAbsolute {
        written: String,
    },
    CallbackNotHttp {
        scheme: String,
    },
    CallbackTrailingSlash,
}

impl UrlFinding {
    pub fn code(&self) -> ProblemCode {
        use UrlFinding as F;
        match self {
            F::TooLong { .. } => ProblemCode::UrlTooLong,
            F::Empty => ProblemCode::UrlEmpty,
            F::SurroundingWhitespace { .. } => ProblemCode::UrlSurroundingWhitespace,
            F::InvisibleChar { .. } => ProblemCode::UrlInvisibleChar,
            F::LookalikeChar { .. } => ProblemCode::UrlLookalike,
            F::MissingScheme { .. } => ProblemCode::UrlMissingScheme,
            F::Invalid { .. } => ProblemCode::UrlInvalid,
            F::NotHttps { .. } => ProblemCode::UrlNotHttps,
            F::Userinfo { .. } => ProblemCode::UrlUserinfo,
            F::IpAddress => ProblemCode::UrlIpAddress,
            F::QueryOrFragment { .. } => ProblemCode::UrlQueryOrFragment,
            F::AlignPath { .. } => ProblemCode::UrlHasPath,
            F::HostLetters {
                site: Site::Align, ..
            }
            | F::LookalikeHost {
                site: Site::Align, ..
            } => ProblemCode::AlignUrlLookalikeHost,
            F::HostLetters {
                site: Site::Jira, ..
            }
            | F::LookalikeHost {
                site: Site::Jira, ..
            } => ProblemCode::JiraUrlLookalikeHost,
            F::SuffixTrick {
                site: Site::Align, ..
            } => ProblemCode::AlignUrlSuffixTrick,
            F::SuffixTrick {
                site: Site::Jira, ..
            } => ProblemCode::JiraUrlSuffixTrick,
            F::AlignLegacyHost { .. } => ProblemCode::AlignUrlLegacyHost,
            F::AlignNoCompany { .. } => ProblemCode::AlignUrlNoCompany,
            F::AlignSelfHosted { .. } => ProblemCode::AlignUrlSelfHosted,
            F::JiraApiGateway { .. } => ProblemCode::JiraUrlApiGateway,
            F::JiraNoSite => ProblemCode::JiraUrlNoSite,
            F::JiraDataCenter { .. } => ProblemCode::JiraUrlDataCenter,
            F::ApiUrlPath { kind, .. } => match kind {
                ApiPath::Rest => ProblemCode::JiraUrlRestPath,
                ApiPath::Browse => ProblemCode::JiraUrlBrowsePath,
                ApiPath::Plugins => ProblemCode::JiraUrlPluginsPath,
                ApiPath::App => ProblemCode::JiraUrlAppPath,
                ApiPath::Other => ProblemCode::UrlHasPath,
            },
            F::LinkMissingBrowse { .. } => ProblemCode::JiraLinkMissingBrowse,
            F::LinkBrowseNoSlash { .. } => ProblemCode::JiraLinkBrowseNoSlash,
            F::LinkAfterBrowse { .. } | F::LinkOtherPath { .. } => ProblemCode::JiraLinkExtraPath,
            F::CallbackNotAbsolute { .. } => ProblemCode::CallbackUrlNotAbsolute,
            F::CallbackNotHttp { .. } => ProblemCode::CallbackUrlNotHttp,
            F::CallbackTrailingSlash => ProblemCode::CallbackUrlTrailingSlash,
        }
    }
}
