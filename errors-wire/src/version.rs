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

/// Which of an API's versions (`ids`, as a spec lists them) a client's version string
/// means: the version with that id; else the first whose id, or its major part, equals the
/// string's major part (`"6.0.0"` is `"6"`, `"2"` is `"2.0"`, Ampache's `"350001"` is
/// `"3"`); else none. This is the one version rule: statuses, legacy codes and body shapes
/// all follow it, in servers, in fixtures and on the command line.
///
/// ```
/// use errors_wire::version::resolve;
///
/// let ampache = ["3", "4", "5", "6", "8"];
/// assert_eq!(resolve(ampache, "6.0.0"), Some(3));
/// assert_eq!(resolve(ampache, "350001"), Some(0));
/// assert_eq!(resolve(ampache, "7"), None);
/// assert_eq!(resolve(["2.0"], "2"), Some(0));
/// ```
pub fn resolve<'a, I>(ids: I, requested: &str) -> Option<usize>
where
    I: IntoIterator<Item = &'a str>,
    I::IntoIter: Clone,
{
    let ids = ids.into_iter();
    if let Some(exact) = ids.clone().position(|id| id == requested) {
        return Some(exact);
    }
    let wanted = major(requested);
    ids.into_iter().position(|id| {
        id == wanted
            || id
                .split_once('.')
                .is_some_and(|(m, _)| m == wanted && !m.is_empty())
    })
}
