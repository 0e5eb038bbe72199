//! Rendering into a buffer with room to spare allocates nothing.
//!
//! A counting global allocator sees every allocation of this test binary; counting is on
//! only on the rendering thread and only while rendering, so the harness does not interfere.
// A `GlobalAlloc` implementation is unsafe by definition; it only forwards to `System`.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use errors_wire::problem::{self, Problem};
use errors_wire::subsonic::{self, OpenSubsonic, Options, XmlLayout};
use errors_wire::{Format, ampache, lastfm};

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

struct Counting;

// SAFETY: every call is forwarded unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` through `alloc` or `realloc` above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: as for `dealloc`; the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn count() {
    // `try_with`: the allocator may run while thread-locals are being torn down.
    let _ = COUNTING.try_with(|on| {
        if on.get() {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        }
    });
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn allocations_during(render: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|n| n.set(0));
    COUNTING.with(|on| on.set(true));
    render();
    COUNTING.with(|on| on.set(false));
    ALLOCATIONS.with(Cell::get)
}

#[test]
fn counting_sees_allocations() {
    let grown = allocations_during(|| {
        let mut small = Vec::<u8>::new();
        lastfm::render(&mut small, Format::Json, 6, "User not found");
        assert!(!small.is_empty());
    });
    assert!(grown > 0, "the allocator must see a growing buffer");
}

#[test]
fn rendering_allocates_nothing() {
    // Escaping of every kind: CDATA splits, entities, PHP `\uXXXX`, removed controls.
    let message = "AC/DC ]]> <&> \"café\" 😀 \r\n\t\u{1}\u{fffe}";
    let error = errors_wire::ErrorFields {
        code: 4704,
        action: "album]]>",
        error_type: "filter/é",
        message,
        ..errors_wire::ErrorFields::default()
    };
    let sub_error = errors_wire::ErrorFields {
        code: 70,
        message,
        help_url: Some("https://example.org/70?a=1&b=2"),
        ..errors_wire::ErrorFields::default()
    };
    let options = Options {
        version: "1.16.1",
        open_subsonic: Some(OpenSubsonic {
            server_type: "ampache",
            server_version: "6.1.6",
        }),
        xml_layout: XmlLayout::Bare,
        json_final_newline: true,
    };
    let extensions = [
        ("retryAfter", problem::Value::Int(-30)),
        ("hint", problem::Value::Str(message)),
    ];
    let problem = Problem {
        type_uri: Some("https://example.org/errors/4704"),
        title: Some("Not Found"),
        status: Some(404),
        detail: Some(message),
        instance: Some("/album/1"),
        code: Some(4704),
        extensions: &extensions,
    };

    let mut body = Vec::with_capacity(64 * 1024);
    let allocations = allocations_during(|| {
        for format in [Format::Xml, Format::Json] {
            for version in ampache::ApiVersion::ALL {
                ampache::render(&mut body, version, format, &error);
            }
            lastfm::render(&mut body, format, 6, message);
            subsonic::render(&mut body, format, &sub_error, &options);
            subsonic::render(&mut body, format, &sub_error, &Options::default());
        }
        problem::render(&mut body, &problem);
    });
    assert_eq!(allocations, 0);
    assert!(
        body.len() > 2000,
        "everything was rendered: {} bytes",
        body.len()
    );
}
