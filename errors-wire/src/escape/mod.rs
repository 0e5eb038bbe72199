//! Escaping of string values for each output syntax.

pub(crate) mod json;
pub(crate) mod php_json;
pub(crate) mod xml;

/// Appends `\u` and four lowercase hex digits, as PHP and serde_json write them.
pub(crate) fn write_u_escape(out: &mut Vec<u8>, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(&[
        b'\\',
        b'u',
        HEX[usize::from(unit >> 12)],
        HEX[usize::from((unit >> 8) & 0xf)],
        HEX[usize::from((unit >> 4) & 0xf)],
        HEX[usize::from(unit & 0xf)],
    ]);
}

/// Writes the JSON escape of an ASCII byte that needs one: the short form where JSON has
/// one, else `\u00XX`.
pub(crate) fn write_ascii_escape(out: &mut Vec<u8>, b: u8) {
    let short: &[u8] = match b {
        0x08 => b"\\b",
        0x0c => b"\\f",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        b'/' => b"\\/",
        _ => return write_u_escape(out, u16::from(b)),
    };
    out.extend_from_slice(short);
}
