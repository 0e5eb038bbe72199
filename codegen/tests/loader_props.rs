//! No input makes the loader panic: arbitrary bytes, arbitrary YAML built from the format's
//! own vocabulary, and random edits of the shipped specs.

use proptest::prelude::*;

const KEYS: &[&str] = &[
    "id",
    "title",
    "docs_url",
    "family",
    "json_code",
    "code_ranges",
    "locales",
    "versions",
    "codes",
    "reserved",
    "name",
    "message",
    "retry",
    "lifecycle",
    "note",
    "http_status",
    "legacy",
    "since",
    "formats",
    "en",
    "fr",
    "default",
    "4704",
    "1",
    "example",
    "type",
];

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("~".to_string()),
        any::<i64>().prop_map(|i| i.to_string()),
        Just("retired".to_string()),
        Just("Self".to_string()),
        Just("\"{x}\"".to_string()),
        "[a-zA-Z0-9 {}:_-]{0,12}".prop_map(|s| format!("{s:?}")),
    ]
}

fn yaml_value() -> impl Strategy<Value = String> {
    scalar().prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5)
                .prop_map(|items| format!("[{}]", items.join(", "))),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|entries| {
                let body: Vec<String> = entries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                format!("{{{}}}", body.join(", "))
            }),
        ]
    })
}

fn shipped() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/ampache.yaml");
    std::fs::read_to_string(path).expect("spec readable")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = errors_codegen::load_bytes("fuzz.yaml", &bytes);
    }

    #[test]
    fn arbitrary_yaml_never_panics(value in yaml_value()) {
        if let Err(report) = errors_codegen::load_str("fuzz.yaml", &value) {
            // Every problem is located inside the file.
            for d in &report.diagnostics {
                prop_assert!(d.pos.line >= 1 && d.pos.column >= 1);
            }
        }
    }

    #[test]
    fn edited_specs_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, "[ -~]{0,3}"), 1..4)) {
        let mut lines: Vec<String> = shipped().lines().map(str::to_string).collect();
        for (at, kind, text) in edits {
            if lines.is_empty() { break; }
            let i = at.index(lines.len());
            match kind {
                0 => { lines.remove(i); }
                1 => { let copy = lines[i].clone(); lines.insert(i, copy); }
                2 => lines[i].push_str(&text),
                _ => lines.truncate(i),
            }
        }
        let _ = errors_codegen::load_str("edited.yaml", &lines.join("\n"));
    }
}
