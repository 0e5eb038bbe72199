//! Synthetic specs of any size, for scale tests and benchmarks.

use std::fmt::Write as _;

/// A valid spec text with `count` codes, spread sparsely (every seventh number from 3) so that
/// lookups cannot lean on a dense jump table.
pub fn spec_text(id: &str, count: u32) -> String {
    let mut text = format!(
        "id: {id}\ntitle: Synthetic API\ndocs_url: https://example.invalid\nfamily: lastfm\n\
         json_code: number\ncode_ranges: [[0, 4000000000]]\nlocales: [en]\n\
         versions:\n  - id: \"1\"\n    formats: [xml, json]\ncodes:\n"
    );
    for i in 0..count {
        let code = i * 7 + 3;
        let _ = write!(
            text,
            "  {code}:\n    name: E{code}\n    title: Error {code}\n    \
             description: Synthetic error {code}.\n    message: Error number {code}\n    retry: never\n"
        );
    }
    text
}
