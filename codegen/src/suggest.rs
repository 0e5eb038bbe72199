//! "Did you mean ...?": the closest candidate by edit distance, when it is close enough.

/// The candidate closest to `word`, if it is within a third of the word's length.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (distance(&word, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Edit distance over characters, counting a swap of neighbours as one edit (`nmae`): the
/// optimal string alignment distance.
pub fn distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_typo_and_ignores_strangers() {
        assert_eq!(nearest("nmae", ["name", "title", "note"]), Some("name"));
        assert_eq!(
            nearest("descripton", ["description", "title"]),
            Some("description")
        );
        assert_eq!(nearest("zebra", ["name", "title"]), None);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("nmae", "name"), 1);
        // A swap counts once, but a swapped pair is not edited again.
        assert_eq!(distance("ab", "bca"), 3);
    }
}
