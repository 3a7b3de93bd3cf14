//! Text inside Markdown tables and lists: escaped so a name can neither break the table nor
//! become a link, emphasis or HTML, nor act on the terminal it is printed to.

/// Text made safe for a Markdown table cell or list item: no emphasis, link, code or
/// HTML, no cell break, no line break; other control characters shown as `terminal::escape`
/// shows them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if crate::terminal::is_unsafe(c) => {
                out.push_str(&crate::terminal::escape(c.encode_utf8(&mut [0; 4])))
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_break_a_table_or_inject_markup() {
        assert_eq!(
            escape("a|b *c* <script> GCT&M\nx"),
            "a\\|b \\*c\\* &lt;script> GCT&amp;M x"
        );
        assert_eq!(escape("A_b_c [x](y)"), "A\\_b\\_c \\[x\\](y)");
        assert_eq!(escape("a\\b\r\n`c`"), "a\\\\b  \\`c\\`");
        assert_eq!(
            escape("A\u{1b}[2J\u{7}B\u{202e}C\tD"),
            "A\\u{1b}\\[2J\\u{7}B\\u{202e}C\\tD"
        );
    }
}
