//! Version strings as clients send them.

/// The major part of a client's version string: what precedes the first `.` (`"6.0.0"` ->
/// `"6"`, `"2.0"` -> `"2"`), the first digit of Ampache's six-digit versions (`"350001"`,
/// that is 3.5.0001, -> `"3"`), else the whole string.
///
/// ```
/// assert_eq!(errors_wire::version::major("6.0.0"), "6");
/// assert_eq!(errors_wire::version::major("350001"), "3");
/// assert_eq!(errors_wire::version::major("8"), "8");
/// ```
pub fn major(requested: &str) -> &str {
    match requested.split_once('.') {
        Some((major, _)) => major,
        None if requested.len() == 6 && requested.bytes().all(|b| b.is_ascii_digit()) => {
            &requested[..1]
        }
        None => requested,
    }
}
