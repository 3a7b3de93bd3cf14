//! Bytes to text as spreadsheets write it: UTF-8 with or without BOM, UTF-16 with a BOM
//! (Excel's "Texte Unicode"), or Windows-1252 (French Excel's "CSV (séparateur : point-virgule)").

use encoding_rs::{Encoding, WINDOWS_1252};

use crate::error::{Location, LoadError};

/// Decode a file's bytes, or say why they are not text we can read.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, LoadError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .map(|text| text.into_owned())
            .ok_or_else(|| {
                unreadable(
                    file,
                    1,
                    &format!("the file starts with a {} mark but is not valid {}", encoding.name(), encoding.name()),
                )
            });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Some(at) = text.find('\0') {
            return Err(binary(file, bytes, at));
        }
        return Ok(text.to_owned());
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(binary(file, bytes, at));
    }
    // Not UTF-8: Windows-1252, where five bytes are unassigned and decode to C1 controls.
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    if let Some(at) = text.find(|c: char| ('\u{80}'..='\u{9f}').contains(&c)) {
        let line = text[..at].matches('\n').count() + 1;
        return Err(unreadable(
            file,
            line,
            "neither UTF-8 nor Windows-1252 text",
        ));
    }
    Ok(text.into_owned())
}

fn binary(file: &str, bytes: &[u8], at: usize) -> LoadError {
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    unreadable(
        file,
        line,
        "a NUL byte: binary data, or UTF-16 without a byte-order mark",
    )
}

fn unreadable(file: &str, line: usize, what: &str) -> LoadError {
    LoadError::new(
        Location::new(file, line),
        format!(
            "unreadable encoding: {what}; expected UTF-8, UTF-16 with a byte-order mark or Windows-1252 text (save as CSV UTF-8 or CSV with ';')"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(decode("f", "é".as_bytes()).unwrap(), "é");
        assert_eq!(decode("f", b"\xEF\xBB\xBFid").unwrap(), "id");
    }

    #[test]
    fn reads_windows_1252_with_euro_and_oe() {
        assert_eq!(decode("f", b"R\xe9gion \x80 \x9cuvre").unwrap(), "Région € œuvre");
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
        assert_eq!(e.location, Location::new("links.csv", 2));
        assert!(e.message.starts_with("unreadable encoding"), "{e}");
    }
}
