//! Properties over arbitrary strings: every rendering is well-formed for independent
//! parsers (roxmltree, serde_json), they read the values we wrote, and so does our parser.
//! And no input whatsoever makes the parser panic.

use errors_wire::problem::{self, Problem};
use errors_wire::subsonic::{self, OpenSubsonic, Options, XmlLayout};
use errors_wire::{Format, Shape, ampache, lastfm};
use proptest::prelude::*;
use serde_json::Value;

/// Strings heavy in what escaping must get right, plus anything at all.
fn tricky() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "]]>",
            "]]",
            "]",
            ">",
            "<",
            "&",
            "&amp;",
            "\"",
            "'",
            "/",
            "\\",
            "\r\n",
            "\r",
            "\n",
            "\t",
            " ",
            "\u{0}",
            "\u{8}",
            "\u{1b}",
            "\u{1f}",
            "\u{7f}",
            "\u{85}",
            "\u{fffe}",
            "\u{ffff}",
            "\u{fffd}",
            "é",
            "日本",
            "😀",
            "\u{10ffff}",
            "<![CDATA[",
            "\\u0041",
        ])
        .prop_map(String::from),
        "[a-zA-Z0-9 :.-]{0,8}",
        any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        3 => prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat()),
        1 => any::<String>(),
    ]
}

/// The value an XML reader sees: XML 1.0 cannot carry these characters, so they are dropped.
fn xml_visible(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect()
}

fn xml(body: &[u8]) -> roxmltree::Document<'_> {
    let text = std::str::from_utf8(body).expect("rendered XML is UTF-8");
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not well-formed ({e}):\n{text}"))
}

fn child<'a, 'input>(node: roxmltree::Node<'a, 'input>, name: &str) -> roxmltree::Node<'a, 'input> {
    node.children()
        .find(|n| n.has_tag_name(name))
        .unwrap_or_else(|| panic!("no <{name}> in <{}>", node.tag_name().name()))
}

fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.children()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn json(body: &[u8]) -> Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(body)))
}

/// PHP escapes every non-ASCII character and every `/`.
fn assert_php_escaped(body: &[u8]) {
    assert!(
        body.is_ascii(),
        "PHP JSON is ASCII: {}",
        String::from_utf8_lossy(body)
    );
    for (i, _) in body.iter().enumerate().filter(|(_, b)| **b == b'/') {
        assert_eq!(body.get(i.wrapping_sub(1)), Some(&b'\\'), "unescaped '/'");
    }
}

proptest! {
    #[test]
    fn ampache_bodies_round_trip(code: u32, action in tricky(), error_type in tricky(), message in tricky()) {
        let error = errors_wire::ErrorFields { code, action: &action, error_type: &error_type, message: &message, ..errors_wire::ErrorFields::default() };
        let mut body = Vec::new();

        ampache::render(&mut body, ampache::ApiVersion::V4, Format::Xml, &error);
        let doc = xml(&body);
        let element = child(doc.root_element(), "error");
        prop_assert_eq!(element.attribute("code").map(String::from), Some(code.to_string()));
        prop_assert_eq!(text_of(element), xml_visible(&message));
        let parsed = errors_wire::parse(&body).expect("legacy XML parses");
        prop_assert_eq!((parsed.code, &*parsed.message, parsed.shape), (code, &*xml_visible(&message), Shape::AmpacheLegacy));

        body.clear();
        ampache::render(&mut body, ampache::ApiVersion::V8, Format::Xml, &error);
        let doc = xml(&body);
        let element = child(doc.root_element(), "error");
        prop_assert_eq!(element.attribute("errorCode").map(String::from), Some(code.to_string()));
        prop_assert_eq!(text_of(child(element, "errorAction")), xml_visible(&action));
        prop_assert_eq!(text_of(child(element, "errorType")), xml_visible(&error_type));
        prop_assert_eq!(text_of(child(element, "errorMessage")), xml_visible(&message));
        let parsed = errors_wire::parse(&body).expect("modern XML parses");
        prop_assert_eq!(parsed.code, code);
        prop_assert_eq!(&*parsed.message, &*xml_visible(&message));
        prop_assert_eq!(parsed.shape, Shape::AmpacheModern {
            action: xml_visible(&action).into(),
            error_type: xml_visible(&error_type).into(),
        });

        body.clear();
        ampache::render(&mut body, ampache::ApiVersion::V4, Format::Json, &error);
        assert_php_escaped(&body);
        let value = json(&body);
        prop_assert_eq!(&value["error"]["code"], &Value::String(code.to_string()));
        prop_assert_eq!(&value["error"]["message"], &Value::String(message.clone()));
        let parsed = errors_wire::parse(&body).expect("legacy JSON parses");
        prop_assert_eq!((parsed.code, &*parsed.message, parsed.shape), (code, message.as_str(), Shape::AmpacheLegacy));

        for version in [ampache::ApiVersion::V3, ampache::ApiVersion::V6] {
            body.clear();
            ampache::render(&mut body, version, Format::Json, &error);
            assert_php_escaped(&body);
            let value = json(&body);
            prop_assert_eq!(&value["error"]["errorCode"], &Value::String(code.to_string()));
            prop_assert_eq!(&value["error"]["errorAction"], &Value::String(action.clone()));
            prop_assert_eq!(&value["error"]["errorType"], &Value::String(error_type.clone()));
            prop_assert_eq!(&value["error"]["errorMessage"], &Value::String(message.clone()));
            let parsed = errors_wire::parse(&body).expect("modern JSON parses");
            prop_assert_eq!(parsed.code, code);
            prop_assert_eq!(&*parsed.message, message.as_str());
            prop_assert_eq!(parsed.shape, Shape::AmpacheModern {
                action: action.as_str().into(),
                error_type: error_type.as_str().into(),
            });
        }
    }

    #[test]
    fn lastfm_bodies_round_trip(code: u32, message in tricky()) {
        let mut body = Vec::new();
        lastfm::render(&mut body, Format::Xml, code, &message);
        let doc = xml(&body);
        prop_assert_eq!(doc.root_element().attribute("status"), Some("failed"));
        let element = child(doc.root_element(), "error");
        prop_assert_eq!(element.attribute("code").map(String::from), Some(code.to_string()));
        prop_assert_eq!(text_of(element), xml_visible(&message));
        let parsed = lastfm::parse(&body).expect("Last.fm XML parses");
        prop_assert_eq!((parsed.code, &*parsed.message, parsed.shape), (code, &*xml_visible(&message), Shape::Lastfm));

        body.clear();
        lastfm::render(&mut body, Format::Json, code, &message);
        assert_php_escaped(&body);
        let value = json(&body);
        prop_assert_eq!(&value["error"], &Value::from(code));
        prop_assert_eq!(&value["message"], &Value::String(message.clone()));
        let parsed = errors_wire::parse(&body).expect("Last.fm JSON parses");
        prop_assert_eq!((parsed.code, &*parsed.message, parsed.shape), (code, message.as_str(), Shape::Lastfm));
    }

    #[test]
    fn subsonic_bodies_round_trip(
        code: u32,
        message in tricky(),
        help_url in proptest::option::of(tricky()),
        version in tricky(),
        server in proptest::option::of((tricky(), tricky())),
        bare: bool,
        final_newline: bool,
    ) {
        let error = errors_wire::ErrorFields { code, message: &message, help_url: help_url.as_deref(), ..errors_wire::ErrorFields::default() };
        let options = Options {
            version: &version,
            open_subsonic: server.as_ref().map(|(server_type, server_version)| OpenSubsonic { server_type, server_version }),
            xml_layout: if bare { XmlLayout::Bare } else { XmlLayout::Standard },
            json_final_newline: final_newline,
        };
        let mut body = Vec::new();
        subsonic::render(&mut body, Format::Xml, &error, &options);
        let doc = xml(&body);
        let root = doc.root_element();
        prop_assert_eq!(root.attribute("status"), Some("failed"));
        prop_assert_eq!(root.attribute("version").map(String::from), Some(xml_visible(&version)));
        prop_assert_eq!(root.attribute("openSubsonic"), server.as_ref().map(|_| "true"));
        let element = child(root, "error");
        prop_assert_eq!(element.attribute("code").map(String::from), Some(code.to_string()));
        prop_assert_eq!(element.attribute("message").map(String::from), Some(xml_visible(&message)));
        prop_assert_eq!(element.attribute("helpUrl").map(String::from), help_url.as_deref().map(xml_visible));
        let parsed = subsonic::parse(&body).expect("Subsonic XML parses");
        prop_assert_eq!((parsed.code, &*parsed.message), (code, &*xml_visible(&message)));
        prop_assert_eq!(parsed.shape, Shape::Subsonic {
            version: Some(xml_visible(&version).into()),
            server_type: server.as_ref().map(|(t, _)| xml_visible(t).into()),
            server_version: server.as_ref().map(|(_, v)| xml_visible(v).into()),
            open_subsonic: server.is_some(),
            help_url: help_url.as_deref().map(|url| xml_visible(url).into()),
        });

        body.clear();
        subsonic::render(&mut body, Format::Json, &error, &options);
        let value = json(&body);
        let response = &value["subsonic-response"];
        prop_assert_eq!(&response["status"], "failed");
        prop_assert_eq!(&response["error"]["code"], &Value::from(code));
        prop_assert_eq!(&response["error"]["message"], &Value::String(message.clone()));
        let parsed = subsonic::parse(&body).expect("Subsonic JSON parses");
        prop_assert_eq!((parsed.code, &*parsed.message), (code, message.as_str()));
        prop_assert_eq!(parsed.shape, Shape::Subsonic {
            version: Some(version.as_str().into()),
            server_type: server.as_ref().map(|(t, _)| t.as_str().into()),
            server_version: server.as_ref().map(|(_, v)| v.as_str().into()),
            open_subsonic: server.is_some(),
            help_url: help_url.as_deref().map(Into::into),
        });
    }

    #[test]
    fn problem_bodies_round_trip(
        code: u32,
        status: Option<u16>,
        title in proptest::option::of(tricky()),
        detail in tricky(),
        type_uri in proptest::option::of(tricky()),
        instance in proptest::option::of(tricky()),
        extension in (tricky(), tricky(), any::<i64>()),
    ) {
        let (name, text, number) = &extension;
        let extensions = [(name.as_str(), problem::Value::Str(text)), ("retryAfter", problem::Value::Int(*number))];
        let source = Problem {
            type_uri: type_uri.as_deref(),
            title: title.as_deref(),
            status,
            detail: Some(&detail),
            instance: instance.as_deref(),
            code: Some(code),
            extensions: &extensions,
        };
        let mut body = Vec::new();
        problem::render(&mut body, &source);
        let value = json(&body);
        prop_assert_eq!(&value["code"], &Value::from(code));
        prop_assert_eq!(&value["detail"], &Value::String(detail.clone()));
        prop_assert_eq!(value.get("title").and_then(Value::as_str), title.as_deref());
        prop_assert_eq!(value.get("retryAfter").and_then(Value::as_i64), Some(*number));
        let parsed = problem::parse(&body).expect("problem details parse");
        prop_assert_eq!((parsed.code, &*parsed.message), (code, detail.as_str()));
        prop_assert_eq!(parsed.shape, Shape::Problem {
            type_uri: type_uri.as_deref().map(Into::into),
            title: title.as_deref().map(Into::into),
            status,
            instance: instance.as_deref().map(Into::into),
        });
    }

    #[test]
    fn arbitrary_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..600), status: u16) {
        let _ = errors_wire::parse(&body);
        let _ = errors_wire::classify(status, Some("application/problem+json"), &body);
        let _ = errors_wire::classify(status, None, &body);
    }

    /// Bodies one edit away from a valid one reach deeper into the parser than random bytes.
    #[test]
    fn damaged_bodies_never_panic(
        message in tricky(),
        which in 0..6usize,
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..4),
    ) {
        let mut body = Vec::new();
        let error = errors_wire::ErrorFields { code: 4704, action: "album", error_type: "filter", message: &message, ..errors_wire::ErrorFields::default() };
        match which {
            0 => ampache::render(&mut body, ampache::ApiVersion::V3, Format::Xml, &error),
            1 => ampache::render(&mut body, ampache::ApiVersion::V8, Format::Xml, &error),
            2 => ampache::render(&mut body, ampache::ApiVersion::V8, Format::Json, &error),
            3 => lastfm::render(&mut body, Format::Xml, 6, &message),
            4 => subsonic::render(&mut body, Format::Json, &errors_wire::ErrorFields { code: 70, message: &message, help_url: None, ..errors_wire::ErrorFields::default() }, &Options::default()),
            _ => subsonic::render(&mut body, Format::Xml, &errors_wire::ErrorFields { code: 70, message: &message, help_url: None, ..errors_wire::ErrorFields::default() }, &Options::default()),
        }
        for (at, byte, op) in edits {
            let i = at.index(body.len() + 1);
            match op {
                0 if i < body.len() => body[i] = byte,
                1 => body.insert(i, byte),
                _ if i < body.len() => { body.remove(i); }
                _ => {}
            }
        }
        let _ = errors_wire::parse(&body);
    }
}
