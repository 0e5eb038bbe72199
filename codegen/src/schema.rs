//! The JSON Schema of the spec format, derived from the model.
//!
//! Editors use it (through the yaml-language-server modeline every spec starts with) and so
//! does the loader: `structure.rs` checks a file against it, so the two never disagree.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::model::Spec;

/// The file name of the schema, next to the specs.
pub const FILE_NAME: &str = "spec.schema.json";

/// The schema as a JSON value (draft-07).
pub fn schema() -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<Spec>();
    schema.to_value()
}

/// The schema as the text written to `spec/spec.schema.json`: pretty, with a final newline.
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}
