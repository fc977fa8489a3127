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
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_names_invisible_characters() {
        assert_eq!(visible("Acme\u{a0}"), "Acme⟨no-break space⟩");
        assert_eq!(visible(" a\u{200b}b\t"), "⟨space⟩a⟨zero-width space⟩b⟨tab⟩");
        assert_eq!(visible("plain"), "plain");
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
}
