//! The bad-input catalog (tests/bad-inputs/cases.tsv): every case gives a clear error — a problem
//! with the expected code whose message names the field, with a non-empty fix — never panics,
//! and answers within the time budget. Prints the slowest cases.

use std::path::Path;
use std::time::{Duration, Instant};

use linksmith::rules::{FieldContext, FieldReport, check_field};
use linksmith::vocabulary::{Field, ProblemCode};

/// Per-case budget, for optimised code (`cargo test --profile release-test --test bad_inputs`,
/// as `./build.sh test` runs it). The fastest of a few runs is compared, so a busy machine
/// (2 shared cores) does not make the test flaky, while a case that is really slow still fails.
/// Unoptimised (plain `cargo test`, our code at opt-level 0 on a shared machine) the budget is
/// 1 s: linear work over 1 MiB fits, a quadratic blow-up (minutes) still fails.
const BUDGET: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(1)
} else {
    Duration::from_millis(10)
};
const RUNS: usize = 5;

struct Case {
    line: usize,
    field: Field,
    code: ProblemCode,
    input: String,
    note: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `\n \r \t \\ \u{HEX}` escapes; anything else is literal.
fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let rest: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = rest
                    .strip_prefix('{')
                    .ok_or_else(|| format!("bad \\u escape in {s:?}"))?;
                let n = u32::from_str_radix(hex, 16).map_err(|e| format!("{hex}: {e}"))?;
                out.push(char::from_u32(n).ok_or_else(|| format!("not a char: {hex}"))?);
            }
            other => return Err(format!("unknown escape \\{other:?} in {s:?}")),
        }
    }
    Ok(out)
}

fn expand(cell: &str) -> Result<String, String> {
    if let Some(spec) = cell.strip_prefix("@file:") {
        let mut parts = spec.split('|');
        let names = parts.next().unwrap_or_default();
        let mut text = String::new();
        for name in names.split(',') {
            let path = root().join("tests").join(name);
            text += &std::fs::read_to_string(&path).map_err(|e| format!("{path:?}: {e}"))?;
        }
        if let (Some(from), Some(to)) = (parts.next(), parts.next()) {
            let (from, to) = (unescape(from)?, unescape(to)?);
            if !text.contains(&from) {
                return Err(format!("{from:?} not in {names}"));
            }
            text = text.replacen(&from, &to, 1);
        }
        return Ok(text);
    }
    if let Some(spec) = cell.strip_prefix("@repeat:") {
        let (n, text) = spec
            .split_once(':')
            .ok_or_else(|| format!("bad @repeat {cell:?}"))?;
        let n: usize = n.parse().map_err(|e| format!("{n}: {e}"))?;
        return Ok(unescape(text)?.repeat(n));
    }
    unescape(cell)
}

fn catalog() -> Vec<Case> {
    let path = root().join("tests/bad-inputs/cases.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("field\t") || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [field, code, input, note] = cols[..] else {
            panic!("line {}: expected 4 tab-separated columns: {line:?}", i + 1);
        };
        let input = expand(input).unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
        cases.push(Case {
            line: i + 1,
            field: Field::from_name(field)
                .unwrap_or_else(|| panic!("line {}: no field named {field:?}", i + 1)),
            code: ProblemCode::from_name(code)
                .unwrap_or_else(|| panic!("line {}: no problem code named {code:?}", i + 1)),
            input,
            note: note.to_string(),
        });
    }
    cases
}

fn context() -> FieldContext {
    FieldContext {
        jira_api_url: Some("https://acme.atlassian.net".into()),
        jira_site_url: None,
        consumer_key_prefix: None,
    }
}

fn run(case: &Case) -> FieldReport {
    let r = check_field(case.field, &case.input, &context());
    r.unwrap_or_else(|| panic!("line {}: no rule for {}", case.line, case.field))
}

#[test]
fn every_bad_input_gets_a_clear_answer_in_time() {
    let cases = catalog();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut failures = Vec::new();
    let mut timings = Vec::new();
    for case in &cases {
        let where_ = format!(
            "line {} ({} / {}: {})",
            case.line, case.field, case.code, case.note
        );
        let report = match std::panic::catch_unwind(|| run(case)) {
            Ok(r) => r,
            Err(_) => {
                failures.push(format!("{where_}: panicked"));
                continue;
            }
        };
        let Some(p) = report.problems.iter().find(|p| p.code == case.code) else {
            let got: Vec<_> = report.problems.iter().map(|p| p.code).collect();
            failures.push(format!("{where_}: got {got:?}"));
            continue;
        };
        let label = case.field.label();
        if !p.message.to_lowercase().contains(&label.to_lowercase()) {
            failures.push(format!(
                "{where_}: message does not name {label:?}: {}",
                p.message
            ));
        }
        if p.fix.trim().is_empty() {
            failures.push(format!("{where_}: empty fix"));
        }
        // Every error-level problem is explained the same way, not just the expected one.
        for q in report.problems.iter().filter(|q| q.is_error()) {
            if q.message.trim().is_empty() || q.fix.trim().is_empty() {
                failures.push(format!("{where_}: {} lacks a message or fix", q.code));
            }
        }
        let fastest = (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(run(case));
                t.elapsed()
            })
            .min()
            .unwrap_or_default();
        if fastest > BUDGET {
            failures.push(format!("{where_}: took {fastest:?} (budget {BUDGET:?})"));
        }
        timings.push((fastest, where_));
    }
    timings.sort();
    let build = if cfg!(debug_assertions) {
        "unoptimised"
    } else {
        "optimised"
    };
    println!(
        "{} bad inputs, {build} build, budget {BUDGET:?}; slowest (fastest of {RUNS} runs each):",
        cases.len()
    );
    for (t, w) in timings.iter().rev().take(5) {
        println!("  {t:>10.3?}  {w}");
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_catalog_covers_every_rule() {
    let cases = catalog();
    // One field per rule: the others with the same rule (jira.consumerKey, alignSiteUrl…) add
    // nothing but their name.
    for field in [
        Field::AlignPublicKey,
        Field::AlignConsumerKey,
        Field::AlignName,
        Field::JiraApplicationName,
        Field::JiraConsumerName,
        Field::JiraApplicationUrl,
        Field::AlignJiraApiUrl,
        Field::AlignJiraLink,
        Field::JiraCallbackUrl,
        Field::AlignUsername,
        Field::AlignApiToken,
    ] {
        let n = cases.iter().filter(|c| c.field == field).count();
        assert!(n >= 3, "{field}: only {n} cases");
    }
}
