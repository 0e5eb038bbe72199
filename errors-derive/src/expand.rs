//! Code generation.
//!
//! Emitted code names everything by absolute path (`::core`, `::std`, `::errors_core`) so it
//! means the same in any user module, and leaves out the trait methods whose defaults already
//! do the right thing, which keeps large enums cheap to compile.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;
use syn::{DeriveInput, Generics, Ident, LitInt, LitStr, Path, Type};

use crate::ast::{Field, Input, Message, Shape, Variant};
use crate::attr::{Code, Errors};

pub(crate) fn derive(node: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let input = Input::from_syn(node, &mut errors);
    input.validate(&mut errors);
    match errors.into_result() {
        Ok(()) => expand(&input),
        Err(error) => fallback(&input, &error),
    }
}

/// After an error, an impl that still type-checks, so that uses of the type elsewhere do
/// not add "`ApiError` is not implemented" to the errors that matter.
fn fallback(input: &Input, error: &syn::Error) -> TokenStream {
    let error = error.to_compile_error();
    let ty = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let (catalog, checks) = match &input.attrs.catalog {
        Some(keyed) => {
            let catalog = catalog_type(&keyed.value);
            let checks = code_checks(input, &catalog);
            (catalog, checks)
        }
        None => (
            quote!(::errors_core::__private::NoCatalog),
            TokenStream::new(),
        ),
    };
    quote! {
        #error
        #checks

        #[allow(unused_qualifications)]
        #[automatically_derived]
        impl #impl_generics ::errors_core::ApiError for #ty #ty_generics #where_clause {
            type Catalog = #catalog;

            fn code(&self) -> Self::Catalog {
                ::core::unreachable!()
            }
        }
    }
}

/// The codes alone, so that rustc still reports unknown codes next to the macro's own
/// errors instead of in a later build.
fn code_checks(input: &Input, catalog: &TokenStream) -> TokenStream {
    let codes = Codes::new(catalog);
    let keyed = match &input.shape {
        Shape::Struct(_) => input.attrs.code.iter().collect::<Vec<_>>(),
        Shape::Enum(variants) => variants
            .iter()
            .filter_map(|variant| variant.attrs.code.as_ref())
            .collect(),
        Shape::Union(_) => Vec::new(),
    };
    if keyed.is_empty() {
        return TokenStream::new();
    }
    let values = keyed.iter().map(|keyed| codes.value(&keyed.value));
    quote! {
        const _: () = {
            #(let _: #catalog = #values;)*
        };
    }
}

/// The catalog is the path as written, for bundled and own catalogs alike: a path that
/// names no `Catalog` is reported by rustc at the path, with the trait's own explanation.
fn catalog_type(path: &Path) -> TokenStream {
    path.to_token_stream()
}

fn expand(input: &Input) -> TokenStream {
    let mut bounds = Bounds::new(input.generics);
    let (catalog, body) = match &input.shape {
        Shape::Struct(fields) => expand_struct(input, fields, &mut bounds),
        Shape::Enum(variants) => {
            let catalog = input
                .attrs
                .catalog
                .as_ref()
                .map(|keyed| catalog_type(&keyed.value));
            let catalog = catalog.unwrap_or_default();
            let body = expand_enum(input, variants, &catalog, &mut bounds);
            (catalog, body)
        }
        Shape::Union(_) => unreachable!("unions are rejected by validation"),
    };
    let ty = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds.where_clause(input.generics);
    let carried = carried_checks(input);
    quote! {
        #[allow(unused_qualifications)]
        #[automatically_derived]
        impl #impl_generics ::errors_core::ApiError for #ty #ty_generics #where_clause {
            type Catalog = #catalog;

            #body
        }

        // axum's `IntoResponse` when errors-core has its `axum` feature; nothing otherwise.
        ::errors_core::__into_response! { [#impl_generics] #ty #ty_generics, [#where_clause] }
        #carried
    }
}

/// The checks that the catalog's family carries the `error_type` and `help_url` keys the
/// type uses: at most one const per key kind for the whole derive (not one per variant),
/// which reads the family from the catalog and fails at the first key of that kind when
/// the family's bodies have no such field. Nothing without an explicit catalog (a
/// transparent struct's comes from its field, and takes neither key).
fn carried_checks(input: &Input) -> TokenStream {
    let Some(catalog) = input.attrs.catalog.as_ref() else {
        return TokenStream::new();
    };
    let catalog = catalog_type(&catalog.value);
    let variants = match &input.shape {
        Shape::Enum(variants) => variants.as_slice(),
        Shape::Struct(_) | Shape::Union(_) => &[],
    };
    let all = || std::iter::once(&input.attrs).chain(variants.iter().map(|v| &v.attrs));
    let firsts = [
        (
            all().find_map(|attrs| attrs.error_type.as_ref()),
            "check_error_type",
        ),
        (
            all().find_map(|attrs| attrs.help_url.as_ref()),
            "check_help_url",
        ),
    ];
    let mut checks = TokenStream::new();
    for (keyed, check) in firsts {
        let Some(keyed) = keyed else { continue };
        // Spanned at the key, where the failed evaluation is reported; a const of its own
        // for each kind, so that both are.
        let check = Ident::new(check, keyed.key.span());
        let call = quote_spanned! {keyed.key.span()=>
            ::errors_core::__private::#check(<#catalog as ::errors_core::Catalog>::API.family)
        };
        checks.extend(quote! {
            #[allow(unused_qualifications)]
            const _: () = #call;
        });
    }
    checks
}

fn expand_struct(
    input: &Input,
    fields: &[Field],
    bounds: &mut Bounds,
) -> (TokenStream, TokenStream) {
    let explicit = input
        .attrs
        .catalog
        .as_ref()
        .map(|keyed| catalog_type(&keyed.value));

    if input.attrs.transparent.is_some() {
        let field = &fields[0];
        let ty = field.ty;
        let member = &field.member;
        let inner = quote!(&self.#member);
        bounds.api_error(ty, explicit.as_ref());
        let catalog = explicit.unwrap_or_else(|| quote!(<#ty as ::errors_core::ApiError>::Catalog));
        let body = forward_all(ty, &inner);
        return (catalog, body);
    }

    let catalog = explicit.unwrap_or_default();
    let codes = Codes::new(&catalog);
    let (code, checks) = match (&input.attrs.code, &input.message) {
        (Some(keyed), None) => codes.with_fields_check(&keyed.value, fields, input.ident),
        (Some(keyed), Some(_)) => (codes.value(&keyed.value), TokenStream::new()),
        (None, _) => (TokenStream::new(), TokenStream::new()),
    };
    let mut body = quote! {
        fn code(&self) -> Self::Catalog {
            #checks
            #code
        }
    };
    if let Some(keyed) = &input.attrs.error_type {
        let error_type = &keyed.value;
        body.extend(quote! {
            fn error_type(&self) -> ::core::option::Option<&str> {
                ::core::option::Option::Some(#error_type)
            }
        });
    }
    if let Some(keyed) = &input.attrs.help_url {
        let help_url = &keyed.value;
        body.extend(quote! {
            fn help_url(&self) -> ::core::option::Option<&str> {
                ::core::option::Option::Some(#help_url)
            }
        });
    }
    if let Some(keyed) = &input.attrs.retry_after {
        let delay = seconds(keyed.value);
        body.extend(quote! {
            fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                ::core::option::Option::Some(#delay)
            }
        });
    }
    if let Some(message) = &input.message {
        let value = message_expr(message, fields, bounds, |field| {
            let member = &field.member;
            quote_spanned!(message.literal.span()=> self.#member)
        });
        body.extend(quote! {
            fn message(&self) -> ::std::borrow::Cow<'_, str> {
                #value
            }

            fn message_in(&self, _: &str) -> ::std::borrow::Cow<'_, str> {
                ::errors_core::ApiError::message(self)
            }
        });
    } else if !fields.is_empty() {
        let access = |field: &Field| {
            let member = &field.member;
            quote!(&self.#member)
        };
        let value = filled_message(&spec_message(false), fields, access);
        let localized = filled_message(&spec_message(true), fields, access);
        body.extend(quote! {
            fn message(&self) -> ::std::borrow::Cow<'_, str> {
                #value
            }

            fn message_in(&self, locale: &str) -> ::std::borrow::Cow<'_, str> {
                #localized
            }
        });
    }
    (catalog, body)
}

fn expand_enum(
    input: &Input,
    variants: &[Variant],
    catalog: &TokenStream,
    bounds: &mut Bounds,
) -> TokenStream {
    if variants.is_empty() {
        return quote! {
            fn code(&self) -> Self::Catalog {
                match *self {}
            }
        };
    }
    let default_error_type = input.attrs.error_type.as_ref().map(|keyed| &keyed.value);
    let numbered = variants.iter().any(|variant| {
        let code = variant.attrs.code.as_ref().map(|keyed| &keyed.value);
        matches!(code, Some(Code::Number { .. }))
    });
    let codes = Codes::new(catalog).aliased(numbered);
    let mut arms = Arms::default();
    for variant in variants {
        if variant.is_transparent() {
            arms.transparent(variant, catalog, bounds);
        } else {
            arms.own(variant, &codes, default_error_type, bounds);
        }
    }
    arms.methods(codes.alias())
}

/// The match arms of each method of an enum's impl.
#[derive(Default)]
struct Arms<'a> {
    code: Vec<TokenStream>,
    error_type: Vec<TokenStream>,
    message: Vec<TokenStream>,
    message_in: Vec<TokenStream>,
    /// Whether some variant has a message of its own, in one language: `message_in` gives
    /// them `message` in one wildcard arm rather than an arm each to type check.
    one_language: bool,
    http_status: Vec<TokenStream>,
    help_url: Vec<TokenStream>,
    retry_after: Vec<TokenStream>,
    // Variants that keep the trait's default, gathered into one or-pattern per method; a
    // method that no variant overrides is left out of the impl altogether, and its
    // patterns are never built.
    no_error_type: Vec<&'a Ident>,
    default_message: Vec<&'a Ident>,
    default_http_status: Vec<&'a Ident>,
    no_help_url: Vec<&'a Ident>,
    no_retry_after: Vec<&'a Ident>,
    /// The compile-time checks that variants sending their code's spec message have a
    /// field for each of its placeholders.
    field_checks: Vec<TokenStream>,
}

impl<'a> Arms<'a> {
    fn transparent(&mut self, variant: &Variant, catalog: &TokenStream, bounds: &mut Bounds) {
        let ident = variant.ident;
        let field = &variant.fields[0];
        bounds.api_error(field.ty, Some(catalog));
        let (member, binding) = (&field.member, &field.binding);
        let pattern = quote!(Self::#ident { #member: #binding });
        // Spanned at the field's type, so that a type that is no ApiError of the same
        // catalog is reported there.
        let span = field.ty.span();
        let inner = Ident::new(&binding.to_string(), span);
        let forward = |method: &str, extra: TokenStream| {
            let method = Ident::new(method, span);
            quote_spanned!(span=> #pattern => ::errors_core::ApiError::#method(#inner #extra),)
        };
        self.code.push(forward("code", TokenStream::new()));
        self.error_type
            .push(forward("error_type", TokenStream::new()));
        self.message.push(forward("message", TokenStream::new()));
        self.message_in
            .push(forward("message_in", quote!(, locale)));
        self.http_status
            .push(forward("http_status", quote!(, version)));
        self.help_url.push(forward("help_url", TokenStream::new()));
        self.retry_after
            .push(forward("retry_after", TokenStream::new()));
    }

    fn own(
        &mut self,
        variant: &Variant<'a>,
        codes: &Codes,
        default_error_type: Option<&LitStr>,
        bounds: &mut Bounds,
    ) {
        let ident = variant.ident;
        let any = quote!(Self::#ident { .. });

        let code = match (&variant.attrs.code, &variant.message) {
            (Some(keyed), None) => {
                let (value, checks) = codes.with_fields_check(&keyed.value, &variant.fields, ident);
                self.field_checks.push(checks);
                value
            }
            (Some(keyed), Some(_)) => codes.value(&keyed.value),
            (None, _) => TokenStream::new(),
        };
        self.code.push(quote!(#any => #code,));

        let error_type = variant.attrs.error_type.as_ref().map(|keyed| &keyed.value);
        if let Some(error_type) = error_type.or(default_error_type) {
            let value = quote!(::core::option::Option::Some(#error_type));
            self.error_type.push(quote!(#any => #value,));
        } else {
            self.no_error_type.push(ident);
        }

        if let Some(message) = &variant.message {
            let mut used: Vec<&Field> = Vec::new();
            let value = message_expr(message, &variant.fields, bounds, |field| {
                if !used.iter().any(|known| std::ptr::eq(*known, field)) {
                    used.push(field);
                }
                // The same binding, spanned at the message so that a field that cannot be
                // formatted is reported there.
                Ident::new(&field.binding.to_string(), message.literal.span()).into_token_stream()
            });
            let bindings = used.iter().map(|field| {
                let (member, binding) = (&field.member, &field.binding);
                quote!(#member: #binding,)
            });
            self.message
                .push(quote!(Self::#ident { #(#bindings)* .. } => #value,));
            // A message of the variant's own has one language.
            self.one_language = true;
        } else {
            if variant.fields.is_empty() {
                self.default_message.push(ident);
            } else {
                let bindings = variant.fields.iter().map(|field| {
                    let (member, binding) = (&field.member, &field.binding);
                    quote!(#member: #binding,)
                });
                let bindings: Vec<TokenStream> = bindings.collect();
                let access = |field: &Field| field.binding.to_token_stream();
                let value = filled_message(&spec_message(false), &variant.fields, access);
                let localized = filled_message(&spec_message(true), &variant.fields, access);
                self.message
                    .push(quote!(Self::#ident { #(#bindings)* } => #value,));
                self.message_in
                    .push(quote!(Self::#ident { #(#bindings)* } => #localized,));
            }
        }

        self.default_http_status.push(ident);
        match &variant.attrs.help_url {
            Some(keyed) => {
                let help_url = &keyed.value;
                self.help_url
                    .push(quote!(#any => ::core::option::Option::Some(#help_url),));
            }
            None => self.no_help_url.push(ident),
        }
        match &variant.attrs.retry_after {
            Some(keyed) => {
                let delay = seconds(keyed.value);
                self.retry_after
                    .push(quote!(#any => ::core::option::Option::Some(#delay),));
            }
            None => self.no_retry_after.push(ident),
        }
    }

    /// The methods, `alias` first in the body of `code`.
    fn methods(self, alias: TokenStream) -> TokenStream {
        let Arms {
            code,
            error_type,
            message,
            message_in,
            one_language,
            http_status,
            no_error_type,
            default_message,
            default_http_status,
            help_url,
            no_help_url,
            retry_after,
            no_retry_after,
            field_checks,
        } = self;
        let mut methods = quote! {
            fn code(&self) -> Self::Catalog {
                #alias
                #(#field_checks)*
                match self {
                    #(#code)*
                }
            }
        };
        if !error_type.is_empty() {
            let rest = or_arm(&no_error_type, &quote!(::core::option::Option::None));
            methods.extend(quote! {
                fn error_type(&self) -> ::core::option::Option<&str> {
                    match self {
                        #(#error_type)*
                        #rest
                    }
                }
            });
        }
        if !message.is_empty() {
            let rest = or_arm(
                &default_message,
                &quote! {
                    ::errors_core::__private::fill(
                        ::errors_core::Catalog::message(::errors_core::ApiError::code(self)),
                        &[],
                    )
                },
            );
            let rest_in = or_arm(
                &default_message,
                &quote! {
                    ::errors_core::__private::fill(
                        ::errors_core::Catalog::message_in(::errors_core::ApiError::code(self), locale),
                        &[],
                    )
                },
            );
            let message_in = if message_in.is_empty() && rest_in.is_empty() {
                quote! {
                    fn message_in(&self, _: &str) -> ::std::borrow::Cow<'_, str> {
                        ::errors_core::ApiError::message(self)
                    }
                }
            } else {
                let others =
                    one_language.then(|| quote!(_ => ::errors_core::ApiError::message(self),));
                quote! {
                    fn message_in(&self, locale: &str) -> ::std::borrow::Cow<'_, str> {
                        match self {
                            #(#message_in)*
                            #rest_in
                            #others
                        }
                    }
                }
            };
            methods.extend(quote! {
                fn message(&self) -> ::std::borrow::Cow<'_, str> {
                    match self {
                        #(#message)*
                        #rest
                    }
                }

                #message_in
            });
        }
        // Only a transparent variant can have a status other than its code's.
        if !http_status.is_empty() {
            let rest = or_arm(
                &default_http_status,
                &quote! {
                    ::errors_core::Catalog::http_status(::errors_core::ApiError::code(self), version)
                },
            );
            methods.extend(quote! {
                fn http_status(&self, version: &str) -> u16 {
                    match self {
                        #(#http_status)*
                        #rest
                    }
                }
            });
        }
        // Likewise only a transparent variant can carry a help URL.
        if !help_url.is_empty() {
            let rest = or_arm(&no_help_url, &quote!(::core::option::Option::None));
            methods.extend(quote! {
                fn help_url(&self) -> ::core::option::Option<&str> {
                    match self {
                        #(#help_url)*
                        #rest
                    }
                }
            });
        }
        if !retry_after.is_empty() {
            let rest = or_arm(&no_retry_after, &quote!(::core::option::Option::None));
            methods.extend(quote! {
                fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                    match self {
                        #(#retry_after)*
                        #rest
                    }
                }
            });
        }
        methods
    }
}

/// `Duration::from_secs(n)`, `n` unsuffixed.
fn seconds(value: u64) -> TokenStream {
    let value = proc_macro2::Literal::u64_unsuffixed(value);
    quote!(::core::time::Duration::from_secs(#value))
}

/// One arm for all the `variants`, whatever their fields.
fn or_arm(variants: &[&Ident], value: &TokenStream) -> TokenStream {
    if variants.is_empty() {
        TokenStream::new()
    } else {
        quote!(#(Self::#variants { .. })|* => #value,)
    }
}

/// Every method forwarded to the one field of a transparent struct.
fn forward_all(ty: &Type, inner: &TokenStream) -> TokenStream {
    let span = ty.span();
    quote_spanned! {span=>
        fn code(&self) -> Self::Catalog {
            ::errors_core::ApiError::code(#inner)
        }

        fn error_type(&self) -> ::core::option::Option<&str> {
            ::errors_core::ApiError::error_type(#inner)
        }

        fn message(&self) -> ::std::borrow::Cow<'_, str> {
            ::errors_core::ApiError::message(#inner)
        }

        fn message_in(&self, locale: &str) -> ::std::borrow::Cow<'_, str> {
            ::errors_core::ApiError::message_in(#inner, locale)
        }

        fn http_status(&self, version: &str) -> u16 {
            ::errors_core::ApiError::http_status(#inner, version)
        }

        fn help_url(&self) -> ::core::option::Option<&str> {
            ::errors_core::ApiError::help_url(#inner)
        }

        fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
            ::errors_core::ApiError::retry_after(#inner)
        }
    }
}

/// The name of the alias of the catalog's `KnownCodes` in an enum's `code`.
const KNOWN_CODES: &str = "__KnownCodes";

/// The catalog entries a type's codes name.
///
/// A name becomes a path to the variant, which rustc resolves and, for an unknown name,
/// reports at the name. A number becomes a path to the constant of that number in the
/// catalog's `KnownCodes` (`KnownCodes::CODE_4700`), which rustc likewise resolves, and
/// reports at the number when the catalog has no such code. Resolving a path is all the
/// checking a code needs: const evaluation of a lookup per number, with a check item per
/// number to report a failure at its literal, cost a crate with a thousand distinct codes
/// more to compile than all the rest of the derive.
struct Codes<'c> {
    catalog: &'c TokenStream,
    /// Whether the catalog is a path without generic arguments.
    plain: bool,
    /// Whether numbers name their constant through [`Codes::alias`], a short path for the
    /// many arms of an enum's `code`.
    aliased: bool,
}

impl<'c> Codes<'c> {
    fn new(catalog: &'c TokenStream) -> Self {
        let plain = catalog.clone().into_iter().all(|token| match token {
            TokenTree::Punct(punct) => punct.as_char() == ':',
            TokenTree::Ident(_) => true,
            TokenTree::Group(_) | TokenTree::Literal(_) => false,
        });
        Codes {
            catalog,
            plain,
            aliased: false,
        }
    }

    fn aliased(self, aliased: bool) -> Self {
        Codes { aliased, ..self }
    }

    /// The alias of the catalog's `KnownCodes` that numbers use when aliased, to place in
    /// the body that uses them.
    fn alias(&self) -> TokenStream {
        if !self.aliased {
            return TokenStream::new();
        }
        let catalog = self.catalog;
        let alias = Ident::new(KNOWN_CODES, Span::mixed_site());
        quote!(type #alias = <#catalog as ::errors_core::Catalog>::KnownCodes;)
    }

    /// `code`'s value, with the check that `fields` (of `owner`, a variant or struct) cover
    /// the placeholders of its spec message: items to place before the value is used, a
    /// const that fails at `owner` with the catalog's explanation. A name is resolved once,
    /// into a constant that both use, so that an unknown or retired name is reported once.
    fn with_fields_check(
        &self,
        code: &Code,
        fields: &[Field],
        owner: &Ident,
    ) -> (TokenStream, TokenStream) {
        let catalog = self.catalog;
        let value = self.value(code);
        let (value, number, constant) = match code {
            Code::Number { value: number, .. } => {
                let number = LitInt::new(&number.to_string(), Span::call_site());
                (value, number.into_token_stream(), TokenStream::new())
            }
            Code::Name(_) => {
                let name = format!("__CODE_OF_{}", owner.unraw());
                let constant = Ident::new(&name, Span::mixed_site());
                (
                    constant.to_token_stream(),
                    quote!(#constant.as_u32()),
                    quote!(const #constant: #catalog = #value;),
                )
            }
        };
        let names = fields.iter().map(|field| field.name.to_string());
        let check = quote_spanned! {owner.span()=>
            const _: () = ::errors_core::__private::check_fields(
                <#catalog>::__missing_fields(#number, &[#(#names),*]),
            );
        };
        (value, quote!(#constant #check))
    }

    fn value(&self, code: &Code) -> TokenStream {
        let catalog = self.catalog;
        match code {
            // As a plain path when the catalog is one, so that rustc's resolver finds the
            // variant by name; `<T>::Name` would have type checking search every variant.
            // Spanned at the name as a whole, so that an unknown name is reported there
            // alone, not from the catalog in the type's attribute down to the name.
            Code::Name(name) if self.plain => {
                let catalog = respan(catalog.clone(), name.span());
                quote!(#catalog::#name)
            }
            Code::Name(name) => quote!(<#catalog>::#name),
            Code::Number { literal, value } => {
                // The path is the user's code at the number, so that a retired code's
                // deprecation is reported there; its last segment is the macro's, so that
                // rustc reports an unknown number there without suggesting `CODE_...` as
                // text to write in its place.
                // At the number, but from the macro: rustc reports an unknown number
                // there without suggesting `CODE_...` as text to write in its place.
                let span = Span::mixed_site().located_at(literal.span());
                let constant = Ident::new(&format!("CODE_{value}"), span);
                if self.aliased {
                    let alias = Ident::new(KNOWN_CODES, span);
                    quote!(#alias::#constant)
                } else {
                    quote!(<<#catalog as ::errors_core::Catalog>::KnownCodes>::#constant)
                }
            }
        }
    }
}

/// The spec's message of the code (`template`, from [`spec_message`]), its placeholders filled from the fields (each through
/// `access`, a reference to its value); a field whose type has no `Display` fills nothing.
fn filled_message<'f>(
    template: &TokenStream,
    fields: &'f [Field<'f>],
    access: impl Fn(&'f Field<'f>) -> TokenStream,
) -> TokenStream {
    let values = fields.iter().map(|field| {
        let name = field.name.to_string();
        let value = access(field);
        quote!((#name, (&::errors_core::__private::Field(#value)).as_placeholder()))
    });
    quote! {{
        #[allow(unused_imports)]
        use ::errors_core::__private::{DisplayField as _, OtherField as _};
        ::errors_core::__private::fill(#template, &[#(#values),*])
    }}
}

/// The spec's message of `self`'s code: in the default locale, or with `localized` in the
/// locale named `locale`.
fn spec_message(localized: bool) -> TokenStream {
    let code = quote!(::errors_core::ApiError::code(self));
    if localized {
        quote!(::errors_core::Catalog::message_in(#code, locale))
    } else {
        quote!(::errors_core::Catalog::message(#code))
    }
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            token.set_span(span);
            token
        })
        .collect()
}

/// The message of a variant or struct with its own `message`: a borrowed literal when it
/// has no placeholders, `format!` of the named fields otherwise. `access` gives the
/// expression for a field's value.
fn message_expr<'f>(
    message: &Message,
    fields: &'f [Field<'f>],
    bounds: &mut Bounds,
    mut access: impl FnMut(&'f Field<'f>) -> TokenStream,
) -> TokenStream {
    let span = message.literal.span();
    if let Some(plain) = message.template.as_plain() {
        let plain = LitStr::new(&plain, span);
        return quote!(::std::borrow::Cow::Borrowed(#plain));
    }
    let args = message.template.fields().map(|(name, spec)| {
        // Validation has made sure every placeholder names a field.
        let field = fields.iter().find(|field| field.name == *name);
        if let Some(field) = field {
            bounds.format(field.ty, spec);
            access(field)
        } else {
            quote!(())
        }
    });
    let args: Vec<TokenStream> = args.collect();
    let format = LitStr::new(&message.template.format_string(), span);
    quote!(::std::borrow::Cow::Owned(
        ::std::format!(#format #(, #args)*)
    ))
}

/// Bounds the impl needs on fields whose types involve the type's generic parameters.
struct Bounds {
    params: Vec<Ident>,
    predicates: Vec<TokenStream>,
}

impl Bounds {
    fn new(generics: &Generics) -> Self {
        Bounds {
            params: generics
                .type_params()
                .map(|param| param.ident.clone())
                .collect(),
            predicates: Vec::new(),
        }
    }

    fn api_error(&mut self, ty: &Type, catalog: Option<&TokenStream>) {
        if self.is_generic(ty) {
            let predicate = if let Some(catalog) = catalog {
                quote!(#ty: ::errors_core::ApiError<Catalog = #catalog>)
            } else {
                quote!(#ty: ::errors_core::ApiError)
            };
            self.push(predicate);
        }
    }

    fn format(&mut self, ty: &Type, spec: &str) {
        if self.is_generic(ty) {
            let trait_name = match spec.chars().last() {
                Some('?') => "Debug",
                Some('x') => "LowerHex",
                Some('X') => "UpperHex",
                Some('o') => "Octal",
                Some('b') => "Binary",
                Some('e') => "LowerExp",
                Some('E') => "UpperExp",
                Some('p') => "Pointer",
                _ => "Display",
            };
            let trait_name = Ident::new(trait_name, Span::call_site());
            self.push(quote!(#ty: ::core::fmt::#trait_name));
        }
    }

    fn push(&mut self, predicate: TokenStream) {
        let text = predicate.to_string();
        if !self
            .predicates
            .iter()
            .any(|known| known.to_string() == text)
        {
            self.predicates.push(predicate);
        }
    }

    fn is_generic(&self, ty: &Type) -> bool {
        fn mentions(tokens: TokenStream, params: &[Ident]) -> bool {
            tokens.into_iter().any(|token| match token {
                TokenTree::Ident(ident) => params.contains(&ident),
                TokenTree::Group(group) => mentions(group.stream(), params),
                TokenTree::Punct(_) | TokenTree::Literal(_) => false,
            })
        }
        !self.params.is_empty() && mentions(ty.to_token_stream(), &self.params)
    }

    fn where_clause(&self, generics: &Generics) -> TokenStream {
        let existing = generics
            .where_clause
            .as_ref()
            .map(|clause| clause.predicates.iter().collect::<Vec<_>>())
            .unwrap_or_default();
        if existing.is_empty() && self.predicates.is_empty() {
            return TokenStream::new();
        }
        let predicates = &self.predicates;
        quote!(where #(#existing,)* #(#predicates,)*)
    }
}
