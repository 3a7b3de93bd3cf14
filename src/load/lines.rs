//! Line numbers as people count them: a line ends with LF, CRLF or a CR alone (Excel for
//! Mac's "CSV (Macintosh)" ends its lines with CR only).

/// The byte offset where each line starts, to turn offsets into 1-based line numbers.
pub struct Lines(Vec<usize>);

impl Lines {
    pub fn new(bytes: &[u8]) -> Self {
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 2;
                    continue;
                }
                b'\r' | b'\n' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines(starts)
    }

    /// The 1-based line of a byte offset.
    pub fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lf_crlf_and_cr_alone_each_end_a_line() {
        let lines = Lines::new(b"a\nb\r\nc\rd");
        assert_eq!(
            [0, 2, 5, 7].map(|o| lines.of(o)),
            [1, 2, 3, 4],
            "a, b, c, d"
        );
        // The LF of a CRLF belongs to the line it ends.
        assert_eq!(lines.of(4), 2);
    }
}
