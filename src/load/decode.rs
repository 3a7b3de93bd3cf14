//! Bytes to text as spreadsheets write it: UTF-8 with or without BOM, UTF-16 with a BOM
//! (Excel's "Texte Unicode"), or Windows-1252 (French Excel's "CSV (séparateur : point-virgule)").

use encoding_rs::{Encoding, WINDOWS_1252};

use crate::error::{LoadError, Location};
use crate::load::lines::Lines;
use crate::load::message::{Encoding as Unreadable, Message};

/// Decode a file's bytes, or say why they are not text we can read. A file with valid
/// multi-byte UTF-8 sequences is UTF-8: its invalid bytes are errors, one per line, rather
/// than a reason to read the whole file as Windows-1252 and turn every "é" into "Ã©". Only a
/// file with no multi-byte UTF-8 sequence at all is read as Windows-1252.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, Vec<LoadError>> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .map(|text| text.into_owned())
            .ok_or_else(|| {
                vec![unreadable(
                    file,
                    1,
                    Unreadable::InvalidAfterMark(encoding.name()),
                )]
            });
    }
    // Where each line starts: only an error needs it.
    let lines = || Lines::new(bytes);
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(vec![unreadable(file, lines().of(at), Unreadable::NulByte)]);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let utf8 = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if utf8 {
        return Err(bad_utf8(file, bytes, &lines()));
    }
    // Not UTF-8: Windows-1252, where five bytes are unassigned and decode to C1 controls.
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    if let Some(at) = text.find(|c: char| ('\u{80}'..='\u{9f}').contains(&c)) {
        let line = Lines::new(text.as_bytes()).of(at);
        return Err(vec![unreadable(
            file,
            line,
            Unreadable::NeitherUtf8NorWindows1252,
        )]);
    }
    Ok(text.into_owned())
}

/// `decode` for bytes read into memory of their own: UTF-8 without a mark (what most
/// files are) becomes the text without a copy (20 MB for a links table of 500,000 lines).
pub fn decode_owned(file: &str, bytes: Vec<u8>) -> Result<String, Vec<LoadError>> {
    if Encoding::for_bom(&bytes).is_some() || bytes.contains(&0) {
        return decode(file, &bytes);
    }
    String::from_utf8(bytes).or_else(|e| decode(file, e.as_bytes()))
}

/// One error per line holding a byte that is not UTF-8, in a file that is UTF-8 elsewhere.
fn bad_utf8(file: &str, bytes: &[u8], lines: &Lines) -> Vec<LoadError> {
    let mut errors: Vec<LoadError> = Vec::new();
    let mut at = 0;
    // The text read so far on the current line, to show where the byte is.
    let mut before = String::new();
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        match valid.rfind(['\n', '\r']) {
            Some(end) => before = valid[end + 1..].to_owned(),
            None => before.push_str(valid),
        }
        at += valid.len();
        if let Some(&byte) = chunk.invalid().first() {
            let line = lines.of(at);
            if errors.last().is_none_or(|e| e.location.line != line) {
                let tail: Vec<char> = before.chars().rev().take(20).collect();
                let tail: String = tail.into_iter().rev().collect();
                let after = (!tail.trim().is_empty()).then(|| tail.trim_start().to_owned());
                errors.push(LoadError::new(
                    Location::new(file, line),
                    Message::BadUtf8 { byte, after },
                ));
            }
            before.push('\u{fffd}');
        }
        at += chunk.invalid().len();
    }
    errors
}

fn unreadable(file: &str, line: usize, what: Unreadable) -> LoadError {
    LoadError::new(Location::new(file, line), Message::Unreadable(what))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(decode("f", "é".as_bytes()).unwrap(), "é");
        assert_eq!(decode("f", b"\xEF\xBB\xBFid").unwrap(), "id");
    }

    #[test]
    fn reads_windows_1252_with_euro_and_oe() {
        assert_eq!(
            decode("f", b"R\xe9gion \x80 \x9cuvre").unwrap(),
            "Région € œuvre"
        );
    }

    #[test]
    fn reads_utf16le_with_bom() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Rôle".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode("f", &bytes).unwrap(), "Rôle");
    }

    #[test]
    fn refuses_binary_with_its_line() {
        let e = decode("links.csv", b"a;b\nc\0d").unwrap_err();
        assert_eq!(e[0].location, Location::new("links.csv", 2));
        assert!(
            e[0].render(Lang::En).contains(": unreadable encoding"),
            "{:?}",
            e[0]
        );
    }

    #[test]
    fn a_bad_byte_in_a_utf8_file_is_an_error_at_its_line() {
        let bytes = b"id;nom\r\nx;R\xc3\xa9gion\r\ny;Appels \xa0 projets\rz;\xff\xfe";
        let e = decode("actors.csv", bytes).unwrap_err();
        let shown: Vec<String> = e.iter().map(|e| e.render(Lang::En)).collect();
        assert_eq!(
            shown,
            [
                "actors.csv:3: unreadable encoding: byte 0xA0 after \"y;Appels \" is not UTF-8, but the rest of the file is; retype that character, or save the file again as UTF-8 (Excel: \"CSV UTF-8\")",
                "actors.csv:4: unreadable encoding: byte 0xFF after \"z;\" is not UTF-8, but the rest of the file is; retype that character, or save the file again as UTF-8 (Excel: \"CSV UTF-8\")",
            ]
        );
    }

    #[test]
    fn a_file_without_multibyte_utf8_is_windows_1252() {
        // "Appels à projets" with a Windows-1252 "à" (0xE0) and a non-breaking space (0xA0).
        assert_eq!(
            decode("f", b"Appels \xe0\xa0projets").unwrap(),
            "Appels à\u{a0}projets"
        );
    }
}
