//! Parsing `#[api_error(...)]` attributes.

use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::parse::ParseStream;
use syn::{Attribute, Error, Ident, LitInt, LitStr, Meta, Path, Token};

/// Errors collected across the whole input, so the user sees all of them in one build.
#[derive(Default)]
pub(crate) struct Errors(Option<Error>);

impl Errors {
    pub(crate) fn push(&mut self, error: Error) {
        match &mut self.0 {
            Some(errors) => errors.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub(crate) fn at(&mut self, span: Span, message: impl std::fmt::Display) {
        self.push(Error::new(span, message));
    }

    fn count(&self) -> usize {
        self.0
            .as_ref()
            .map_or(0, |errors| errors.into_iter().count())
    }

    pub(crate) fn into_result(self) -> Result<(), Error> {
        self.0.map_or(Ok(()), Err)
    }
}

/// A value together with the key that introduced it, for errors about the key.
pub(crate) struct Keyed<T> {
    pub key: Ident,
    pub value: T,
}

pub(crate) enum Code {
    /// `code = 4704`: checked against the catalog by resolving its `KnownCodes::CODE_4704`.
    Number { literal: LitInt, value: u32 },
    /// `code = NotFound`: checked by rustc resolving the variant.
    Name(Ident),
}

/// Everything the `#[api_error(...)]` attributes on one item say. Whether a key is allowed
/// where it appears is decided later, in `valid`, so that misplaced keys are reported
/// together with every other problem.
#[derive(Default)]
pub(crate) struct Attrs {
    pub catalog: Option<Keyed<Path>>,
    pub code: Option<Keyed<Code>>,
    pub message: Option<Keyed<LitStr>>,
    pub error_type: Option<Keyed<LitStr>>,
    pub help_url: Option<Keyed<LitStr>>,
    /// `retry_after = 30`: whole seconds.
    pub retry_after: Option<Keyed<u64>>,
    pub transparent: Option<Keyed<()>>,
    /// Whether reading them failed somewhere, in which case a missing key is no news: the
    /// user probably tried to write it.
    pub broken: bool,
}

pub(crate) const KEYS: &str =
    "`catalog`, `code`, `message`, `error_type`, `help_url`, `retry_after` or `transparent`";

pub(crate) fn get(input: &[Attribute], errors: &mut Errors) -> Attrs {
    let mut attrs = Attrs::default();
    let before = errors.count();
    read(input, &mut attrs, errors);
    attrs.broken = errors.count() > before;
    attrs
}

fn read(input: &[Attribute], attrs: &mut Attrs, errors: &mut Errors) {
    for attr in input {
        if !attr.path().is_ident("api_error") {
            continue;
        }
        if !matches!(attr.meta, Meta::List(_)) {
            errors.push(Error::new_spanned(
                attr,
                format!("expected `#[api_error(key = value, ...)]` with one of {KEYS}"),
            ));
            continue;
        }
        if let Err(error) = attr.parse_args_with(|input: ParseStream| entries(input, attrs, errors))
        {
            errors.push(error);
        }
    }
}

fn entries(input: ParseStream, attrs: &mut Attrs, errors: &mut Errors) -> syn::Result<()> {
    while !input.is_empty() {
        let key = input.call(Ident::parse_any)?;
        match key.to_string().as_str() {
            "catalog" => {
                input.parse::<Token![=]>()?;
                let path: Path = input.parse()?;
                check_catalog_path(&path, errors);
                set(&mut attrs.catalog, key, path, errors);
            }
            "code" => {
                input.parse::<Token![=]>()?;
                if input.peek(LitInt) {
                    let literal: LitInt = input.parse()?;
                    match literal.base10_parse::<u32>() {
                        // A suffix would say a type the code does not have (`4704u8`).
                        Ok(_) if !literal.suffix().is_empty() => errors.at(
                            literal.span(),
                            format!(
                                "a code is a plain number: write `{}`, without the `{}` suffix",
                                literal.base10_digits(),
                                literal.suffix()
                            ),
                        ),
                        Ok(value) => set(
                            &mut attrs.code,
                            key,
                            Code::Number { literal, value },
                            errors,
                        ),
                        Err(_) => errors.at(
                            literal.span(),
                            "a code is a number from 0 to 4294967295 (u32)",
                        ),
                    }
                } else if input.peek(Ident) {
                    let name: Ident = input.parse()?;
                    set(&mut attrs.code, key, Code::Name(name), errors);
                } else {
                    return Err(Error::new(
                        input.span(),
                        "expected a code number (`code = 4704`) or a variant name of the catalog (`code = NotFound`)",
                    ));
                }
            }
            "message" => {
                let text = string(input, &key)?;
                set(&mut attrs.message, key, text, errors);
            }
            "error_type" => {
                let text = string(input, &key)?;
                set(&mut attrs.error_type, key, text, errors);
            }
            "help_url" => {
                let text = string(input, &key)?;
                set(&mut attrs.help_url, key, text, errors);
            }
            "retry_after" => {
                input.parse::<Token![=]>()?;
                if !input.peek(LitInt) {
                    return Err(Error::new(
                        input.span(),
                        "expected a whole number of seconds: `retry_after = 30`",
                    ));
                }
                let literal: LitInt = input.parse()?;
                match literal.base10_parse::<u64>() {
                    Ok(seconds) if literal.suffix().is_empty() => {
                        set(&mut attrs.retry_after, key, seconds, errors);
                    }
                    _ => errors.at(
                        literal.span(),
                        "`retry_after` is a whole number of seconds without a suffix, from 0 to 18446744073709551615 (u64)",
                    ),
                }
            }
            "transparent" => set(&mut attrs.transparent, key, (), errors),
            _ => {
                errors.at(
                    key.span(),
                    format!("unknown key `{key}` in #[api_error]; expected {KEYS}"),
                );
                skip_value(input)?;
            }
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

fn string(input: ParseStream, key: &Ident) -> syn::Result<LitStr> {
    input.parse::<Token![=]>()?;
    if input.peek(LitStr) {
        input.parse()
    } else {
        Err(Error::new(
            input.span(),
            format!("expected a string: `{key} = \"...\"`"),
        ))
    }
}

fn set<T>(slot: &mut Option<Keyed<T>>, key: Ident, value: T, errors: &mut Errors) {
    if let Some(first) = slot {
        errors.at(key.span(), format!("duplicate `{key}` in #[api_error]"));
        errors.at(first.key.span(), format!("`{key}` first defined here"));
    } else {
        *slot = Some(Keyed { key, value });
    }
}

/// Skips `= value` after an unknown key, so that the keys after it are still read and
/// checked.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    if input.parse::<Option<Token![=]>>()?.is_some() {
        while !input.is_empty() && !input.peek(Token![,]) {
            input.parse::<proc_macro2::TokenTree>()?;
        }
    }
    Ok(())
}

/// `catalog` takes the path of an `ErrorCode` type; a path that ends in a module name (the
/// lower-case `ampache` of `errors_core::ampache`) is a mistake worth naming at the path.
fn check_catalog_path(path: &Path, errors: &mut Errors) {
    let Some(last) = path.segments.last() else {
        return;
    };
    let name = last.ident.to_string();
    if name.starts_with(|c: char| c.is_ascii_lowercase()) {
        errors.push(syn::Error::new_spanned(
            path,
            format!(
                "`catalog` takes the path of a catalog's `ErrorCode` type, such as \
                 `errors_core::ampache::ErrorCode`; `{name}` looks like a module: \
                 write `{}::ErrorCode`",
                quote::ToTokens::to_token_stream(path)
                    .to_string()
                    .replace(' ', "")
            ),
        ));
    }
}
