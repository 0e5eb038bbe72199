//! JSONP: Subsonic `f=jsonp&callback=NAME` and Last.fm `format=json&callback=NAME`, rendered
//! as the servers write them and read back with or without the final `;`.

use std::path::Path;

use errors_wire::jsonp::{Callback, InvalidCallback};
use errors_wire::{ErrorFields, Family, Format, ParseError, Target};

fn dialect(file: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/dialects")
        .join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn render(target: &Target<'_>, fields: &ErrorFields<'_>) -> (Vec<u8>, &'static str) {
    let mut body = Vec::new();
    let content_type = errors_wire::render(&mut body, target, fields);
    (body, content_type)
}

fn cb() -> Callback<'static> {
    Callback::new("cb").expect("an identifier")
}

/// The reference server (Subsonic 5.0, `JAXBWriter.writeResponse`) writes `cb(` + its JSON
/// + `);`: the same bytes, called.
#[test]
fn subsonic_jsonp_is_the_reference_servers() {
    let fields = ErrorFields::new(40, "Wrong username or password.");
    let (body, content_type) = render(&Target::jsonp(Family::Subsonic, "1.11.0", cb()), &fields);
    assert_eq!(
        body,
        dialect("subsonic-reference/5.0-wrong-credentials.jsonp")
    );
    assert_eq!(content_type, "application/javascript");
}

/// GNU FM (`nixtape/2.0/index.php json_response`) writes `cb(` + `json_encode` + `);`.
#[test]
fn lastfm_jsonp_is_gnu_fms() {
    let fields = ErrorFields::new(
        6,
        "Invalid parameters - Your request is missing a required parameter",
    );
    let (body, content_type) = render(&Target::jsonp(Family::Lastfm, "2.0", cb()), &fields);
    assert_eq!(body, dialect("librefm/invalid-parameters.jsonp"));
    assert_eq!(content_type, "application/javascript");
}

#[test]
fn rendered_jsonp_reads_back_with_or_without_the_semicolon() {
    let callback = Callback::new("jQuery3510_17.app$1").expect("an identifier path");
    for family in [Family::Subsonic, Family::Lastfm] {
        let fields = ErrorFields::new(40, "m\u{e9}ssage \"quoted\" </script>");
        let (body, _) = render(&Target::jsonp(family, "1.16.1", callback), &fields);
        let text = String::from_utf8(body.clone()).expect("UTF-8");
        assert!(
            text.starts_with("jQuery3510_17.app$1({") && text.ends_with("});"),
            "{text}"
        );
        let parsed = errors_wire::parse(&body).expect("JSONP");
        assert_eq!(
            (
                parsed.family(),
                parsed.format,
                parsed.code,
                &*parsed.message
            ),
            (family, Format::Jsonp, 40, fields.message)
        );
        let without = body.strip_suffix(b";").expect("a final `;`");
        assert_eq!(errors_wire::parse(without), Ok(parsed.clone()));
        let spaced = [without, b" ;\n"].concat();
        assert_eq!(errors_wire::parse(&spaced), Ok(parsed));
    }
}

/// Servers write JSONP with and without `;` (navidrome and supysonic without).
#[test]
fn servers_jsonp_bodies_read_as_jsonp() {
    for (file, code) in [
        ("navidrome/wrong-credentials.jsonp", 40),
        ("supysonic/wrong-credentials.jsonp", 40),
        ("gonic/wrong-password.jsonp", 40),
        ("librefm/invalid-parameters.jsonp", 6),
    ] {
        let body = dialect(file);
        let parsed = errors_wire::parse(&body).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            (parsed.format, parsed.code),
            (Format::Jsonp, code),
            "{file}"
        );
    }
}

/// A family without JSONP (Ampache's own API, problem details), or a JSONP request without
/// a callback, gets plain JSON under JSON's Content-Type: nothing is called.
#[test]
fn without_a_callback_or_jsonp_the_body_is_json() {
    let fields = ErrorFields::new(4704, "Not Found");
    for (family, version) in [(Family::Ampache, "6"), (Family::Problem, "1")] {
        let jsonp = Target::jsonp(family, version, cb());
        let json = Target::new(family, Format::Json, version);
        assert_eq!(render(&jsonp, &fields), render(&json, &fields), "{family}");
    }
    for family in [Family::Subsonic, Family::Lastfm] {
        let bare = Target::new(family, Format::Jsonp, "1.16.1");
        let json = Target::new(family, Format::Json, "1.16.1");
        assert_eq!(render(&bare, &fields), render(&json, &fields), "{family}");
    }
}

#[test]
fn a_callback_is_an_identifier_path_or_an_error() {
    for name in ["alert(1)//", "a;b", "", "a.", "x y", "\u{2028}"] {
        assert_eq!(Callback::new(name), Err(InvalidCallback), "{name:?}");
    }
    assert_eq!(
        Callback::new("a.b_c$1").map(Callback::as_str),
        Ok("a.b_c$1")
    );
}

#[test]
fn a_call_of_something_else_is_no_body() {
    assert!(matches!(
        errors_wire::parse(b"cb(\"text\");"),
        Err(ParseError::Unrecognised { .. })
    ));
}
