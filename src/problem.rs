//! The one shape every rule, the key inspector and the cross-tab check use to report what is wrong.
//!
//! `code` is a [`ProblemCode`]: a stable kebab-case name (tests, the panel and the docs key on it);
//! `message` names the field and says what is wrong; `fix` says concretely what to do.

use serde::Serialize;

use crate::vocabulary::ProblemCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub code: ProblemCode,
    pub severity: Severity,
    pub message: String,
    pub fix: String,
}

impl Problem {
    pub fn error(code: ProblemCode, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, message, fix)
    }

    pub fn warning(code: ProblemCode, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, message, fix)
    }

    pub fn info(code: ProblemCode, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Self::new(code, Severity::Info, message, fix)
    }

    fn new(
        code: ProblemCode,
        severity: Severity,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self {
            code,
            severity,
            message: message.into(),
            fix: fix.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// True when no problem in the list is an error (warnings and notes do not block).
pub fn no_errors(problems: &[Problem]) -> bool {
    !problems.iter().any(Problem::is_error)
}
