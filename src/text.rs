//! Making pasted text legible: naming the characters a browser, chat client or word processor
//! slips into copied values, and pointing at where they are.
//!
//! Admins cannot see a trailing no-break space or a zero-width joiner, so every message that
//! quotes a value goes through [`visible`], and every message about one character uses
//! [`describe_char`].

/// A human name for characters that are invisible, look like something else, or are control
/// characters. `None` for ordinary printable characters.
pub fn special_char_name(c: char) -> Option<&'static str> {
    Some(match c {
        ' ' => "space",
        '\t' => "tab",
        '\n' => "line break",
        '\r' => "carriage return",
        '\u{0}' => "NUL byte",
        '\u{a0}' => "no-break space",
        '\u{ad}' => "soft hyphen",
        '\u{2000}'..='\u{200a}' => "typographic space",
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{200e}' => "left-to-right mark",
        '\u{200f}' => "right-to-left mark",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{202a}'..='\u{202e}' => "bidirectional control",
        '\u{202f}' => "narrow no-break space",
        '\u{205f}' => "math space",
        '\u{2060}' => "word joiner",
        '\u{180e}' => "Mongolian vowel separator (invisible)",
        '\u{2066}'..='\u{2069}' => "bidirectional isolate",
        '\u{3000}' => "ideographic space",
        '\u{feff}' => "byte-order mark (zero-width no-break space)",
        '\u{fffd}' => "replacement character (the text was damaged in transit)",
        '\u{2018}' | '\u{2019}' => "curly single quote",
        '\u{201c}' | '\u{201d}' => "curly double quote",
        '\u{2010}'..='\u{2015}' => "dash",
        '\u{2212}' => "minus sign",
        '\u{2026}' => "ellipsis",
        c if c.is_control() => "control character",
        _ => return None,
    })
}

/// True for characters a person cannot see on screen (or sees as plain white space).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Describes one character for a message: `'é' (U+00E9)` or `a no-break space (U+00A0)`.
pub fn describe_char(c: char) -> String {
    match special_char_name(c) {
        Some(name) => format!("{} {name} (U+{:04X})", article(name), c as u32),
        None => format!("'{c}' (U+{:04X})", c as u32),
    }
}

fn article(name: &str) -> &'static str {
    match name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// Renders a value so that every invisible character shows as a bracketed name:
/// `"Acme\u{a0}"` becomes `Acme⟨no-break space⟩`. Printable characters are kept.
pub fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) {
            out.push('⟨');
            out.push_str(special_char_name(c).unwrap_or("invisible character"));
            out.push('⟩');
        } else {
            out.push(c);
        }
    }
    out
}

/// 1-based line and column (in characters) of a byte offset in `text`. Offsets past the end or
/// inside a character are clamped to the nearest earlier character boundary.
pub fn line_col(text: &str, byte_offset: usize) -> (usize, usize) {
    let mut end = byte_offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Shortens long values for messages, keeping the start and the end.
pub fn ellipsize(s: &str, max_chars: usize) -> String {
    let n = s.chars().count();
    if n <= max_chars || max_chars < 8 {
        return s.to_string();
    }
    let keep = (max_chars - 1) / 2;
    let head: String = s.chars().take(keep).collect();
    let tail: String = s.chars().skip(n - keep).collect();
    format!("{head}…{tail}")
}

/// A letter from another script (or a fullwidth form) that looks like a Latin letter or digit:
/// returns the Latin character it imitates and the name of its script. `None` for everything
/// else. Pasting from a chat client or typing on a Cyrillic or Greek keyboard layout produces
/// these, and two values that look equal then differ byte for byte.
pub fn lookalike(c: char) -> Option<(char, &'static str)> {
    let latin = match c {
        // Cyrillic lower case
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        'ӏ' => 'l',
        // Cyrillic upper case
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'Ԛ' => 'Q',
        'Ԝ' => 'W',
        _ => return lookalike_greek_or_fullwidth(c),
    };
    Some((latin, "Cyrillic"))
}

fn lookalike_greek_or_fullwidth(c: char) -> Option<(char, &'static str)> {
    let latin = match c {
        'α' => 'a',
        'ο' => 'o',
        'ν' => 'v',
        'ρ' => 'p',
        'ι' => 'i',
        'κ' => 'k',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        // Fullwidth forms (CJK input methods): same letters, different code points.
        '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => {
            let ascii = char::from_u32(c as u32 - 0xfee0)?;
            return Some((ascii, "fullwidth"));
        }
        _ => return None,
    };
    Some((latin, "Greek"))
}

/// ASCII spelling of common accented Latin letters and of [`lookalike`] characters, for deriving
/// identifiers from free text ("Zürich" → "Zurich"). `None` when there is no obvious spelling.
pub fn fold_to_ascii(c: char) -> Option<&'static str> {
    if let Some((latin, _)) = lookalike(c) {
        return ASCII_ALNUM.iter().find(|s| s.starts_with(latin)).copied();
    }
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => "C",
        'ď' | 'đ' | 'ð' => "d",
        'Ď' | 'Đ' | 'Ð' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ğ' | 'ģ' => "g",
        'Ğ' | 'Ģ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ķ' => "k",
        'Ķ' => "K",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'Ł' | 'Ľ' | 'Ĺ' | 'Ļ' => "L",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'Ñ' | 'Ń' | 'Ň' | 'Ņ' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ř' | 'ŕ' => "r",
        'Ř' | 'Ŕ' => "R",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'þ' => "th",
        'Þ' => "TH",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        _ => return None,
    })
}

/// Every ASCII letter and digit as a one-character `&'static str`, so folding can hand out
/// static strings without allocating.
const ASCII_ALNUM: [&str; 62] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F", "G", "H", "I",
    "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "a", "b",
    "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
    "v", "w", "x", "y", "z",
];

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), in characters.
/// Typos in host names are mostly one slip of a finger: a dropped, doubled or swapped letter.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rolling rows (two back for transpositions) keep this allocation-light and free of
    // any index that could go out of range: every access goes through `get`.
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut row = Vec::with_capacity(b.len() + 1);
        row.push(i + 1);
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let del = prev
                .get(j + 1)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let ins = row.get(j).copied().unwrap_or(usize::MAX).saturating_add(1);
            let sub = prev
                .get(j)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(cost);
            let mut best = del.min(ins).min(sub);
            let swapped = i > 0
                && j > 0
                && a.get(i - 1) == Some(&cb)
                && b.get(j - 1) == Some(&ca)
                && ca != cb;
            if swapped {
                let t = prev2
                    .get(j - 1)
                    .copied()
                    .unwrap_or(usize::MAX)
                    .saturating_add(1);
                best = best.min(t);
            }
            row.push(best);
        }
        prev2 = std::mem::replace(&mut prev, row);
    }
    prev.last().copied().unwrap_or(0)
}

fn extra_word(n: usize) -> &'static str {
    if n == 1 {
        "an extra character"
    } else {
        "extra characters"
    }
}

/// Says in words how `b` differs from `a`, for values that must match byte for byte:
/// "they differ only in letter case …", "Jira has an extra space at position 9 (the end)",
/// "at position 3 Jira Align has the Cyrillic 'а' and Jira has 'a'". `None` when equal.
/// `a_name` and `b_name` name the two places the values come from.
pub fn describe_difference(a_name: &str, a: &str, b_name: &str, b: &str) -> Option<String> {
    if a == b {
        return None;
    }
    let ac: Vec<char> = a.chars().collect();
    let bc: Vec<char> = b.chars().collect();
    let prefix = ac.iter().zip(&bc).take_while(|(x, y)| x == y).count();
    let max_suffix = ac.len().min(bc.len()) - prefix;
    let suffix = ac
        .iter()
        .rev()
        .zip(bc.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    let a_mid = ac.get(prefix..ac.len() - suffix).unwrap_or_default();
    let b_mid = bc.get(prefix..bc.len() - suffix).unwrap_or_default();
    let pos = prefix + 1;

    if a.to_lowercase() == b.to_lowercase() {
        let first = ac
            .iter()
            .zip(&bc)
            .position(|(x, y)| x != y)
            .map_or(pos, |i| i + 1);
        let (x, y) = (
            ac.get(first - 1).copied().unwrap_or(' '),
            bc.get(first - 1).copied().unwrap_or(' '),
        );
        return Some(format!(
            "they differ only in letter case (first at position {first}: {a_name} has '{x}', {b_name} has '{y}')"
        ));
    }

    // Where an inserted run sits in the longer value: naming "the end" matters because
    // trailing characters are the ones nobody sees.
    let at = |n: usize, run: usize, len: usize| {
        if n > 1 && n - 1 + run == len {
            format!("position {n} (the end)")
        } else if n == 1 {
            format!("position {n} (the start)")
        } else {
            format!("position {n}")
        }
    };
    let describe_run = |run: &[char]| -> String {
        match run {
            [one] => describe_char(*one),
            _ if run.len() <= 4 => run
                .iter()
                .map(|c| describe_char(*c))
                .collect::<Vec<_>>()
                .join(", "),
            _ => format!("\"{}\"", visible(&run.iter().collect::<String>())),
        }
    };
    Some(match (a_mid, b_mid) {
        ([], extra) => format!(
            "{b_name} has {} at {}: {}",
            extra_word(extra.len()),
            at(pos, extra.len(), bc.len()),
            describe_run(extra)
        ),
        (extra, []) => format!(
            "{a_name} has {} at {}: {}",
            extra_word(extra.len()),
            at(pos, extra.len(), ac.len()),
            describe_run(extra)
        ),
        ([x], [y]) => {
            let note = |c: char| match lookalike(c) {
                Some((_, script)) => format!("the {script} '{c}'"),
                None => describe_char(c),
            };
            format!(
                "at position {pos} {a_name} has {} and {b_name} has {}",
                note(*x),
                note(*y)
            )
        }
        _ => format!(
            "they first differ at position {pos}: {a_name} has \"{}\" there, {b_name} has \"{}\"",
            visible(&a_mid.iter().collect::<String>()),
            visible(&b_mid.iter().collect::<String>())
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_names_invisible_characters() {
        assert_eq!(visible("Acme\u{a0}"), "Acme⟨no-break space⟩");
        assert_eq!(visible(" a\u{200b}b\t"), "⟨space⟩a⟨zero-width space⟩b⟨tab⟩");
        assert_eq!(visible("plain"), "plain");
    }

    /// Found by the bad-input catalog: U+180E (a format character since Unicode 6.3, drawn as
    /// nothing) was reported as a "symbol" inside a consumer key instead of an invisible one.
    #[test]
    fn mongolian_vowel_separator_is_invisible() {
        assert!(is_invisible('\u{180e}'));
        assert_eq!(
            visible("a\u{180e}b"),
            "a⟨Mongolian vowel separator (invisible)⟩b"
        );
        let r = crate::rules::check_consumer_key("Jira\u{180e}Align");
        assert!(r.has("consumer-key-invisible-char"), "{:?}", r.problems);
        assert!(!r.has("consumer-key-symbol"));
    }

    #[test]
    fn describes_characters() {
        assert_eq!(describe_char('\u{a0}'), "a no-break space (U+00A0)");
        assert_eq!(describe_char('é'), "'é' (U+00E9)");
        assert_eq!(describe_char('\u{2019}'), "a curly single quote (U+2019)");
    }

    #[test]
    fn line_col_counts_characters() {
        let t = "ab\ncdé\nx";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 7), (2, 4));
        assert_eq!(line_col(t, 8), (3, 1));
        assert_eq!(line_col(t, 6), (2, 3)); // inside 'é' clamps back
        assert_eq!(line_col(t, 999), (3, 2));
    }

    #[test]
    fn ellipsize_keeps_both_ends() {
        assert_eq!(ellipsize("abcdefghijklmnop", 9), "abcd…mnop");
        assert_eq!(ellipsize("short", 9), "short");
    }

    #[test]
    fn lookalikes_name_their_script() {
        assert_eq!(lookalike('а'), Some(('a', "Cyrillic")));
        assert_eq!(lookalike('Ο'), Some(('O', "Greek")));
        assert_eq!(lookalike('Ａ'), Some(('A', "fullwidth")));
        assert_eq!(lookalike('７'), Some(('7', "fullwidth")));
        assert_eq!(lookalike('a'), None);
        assert_eq!(lookalike('é'), None);
    }

    #[test]
    fn folds_accents_and_lookalikes() {
        assert_eq!(fold_to_ascii('ü'), Some("u"));
        assert_eq!(fold_to_ascii('ß'), Some("ss"));
        assert_eq!(fold_to_ascii('с'), Some("c"));
        assert_eq!(fold_to_ascii('Ｚ'), Some("Z"));
        assert_eq!(fold_to_ascii('–'), None);
    }

    #[test]
    fn edit_distance_counts_slips() {
        assert_eq!(edit_distance("jiraalign", "jiraalign"), 0);
        assert_eq!(edit_distance("jiraailgn", "jiraalign"), 1);
        assert_eq!(edit_distance("jiraalign.co", "jiraalign.com"), 1);
        assert_eq!(edit_distance("jira-align", "jiraalign"), 1);
        assert_eq!(edit_distance("atlasian", "atlassian"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn describes_differences() {
        let d = |a, b| describe_difference("Jira Align", a, "Jira", b).unwrap_or_default();
        assert_eq!(describe_difference("A", "x", "B", "x"), None);
        assert!(
            d("AcmeKey", "acmekey").contains("only in letter case"),
            "{}",
            d("AcmeKey", "acmekey")
        );
        assert_eq!(
            d("AcmeKey", "AcmeKey "),
            "Jira has an extra character at position 8 (the end): a space (U+0020)"
        );
        assert!(d("AcmeKey", "Acme Key").contains("an extra character at position 5: a space"));
        assert!(
            d("Acme", "Аcme").contains("the Cyrillic 'А'"),
            "{}",
            d("Acme", "Аcme")
        );
        assert!(
            d("AcmeKey", "Acme")
                .contains("Jira Align has extra characters at position 5 (the end)")
        );
        assert!(d("AcmeKey", "OtherThing").contains("first differ at position 1"));
    }
}
