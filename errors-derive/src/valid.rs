//! The checks the macro makes itself. Codes are checked by rustc instead (see `expand`), so
//! that the catalog, not a copy of it inside the macro, decides what exists.

use syn::Ident;

use crate::ast::{Field, Input, Message, Shape, Variant};
use crate::attr::{Attrs, Errors, Keyed};
use crate::fmt::FieldName;

const CATALOGS: &str =
    "the path of a catalog's `ErrorCode`, such as `errors_core::ampache::ErrorCode`";

impl Input<'_> {
    pub(crate) fn validate(&self, errors: &mut Errors) {
        match &self.shape {
            Shape::Union(token) => errors.at(
                token.span,
                "#[derive(ApiError)] works on enums and structs, not on unions",
            ),
            Shape::Enum(variants) => {
                self.require_catalog(errors);
                not_here(
                    self.attrs.code.as_ref(),
                    "on an enum, `code` goes on each variant",
                    errors,
                );
                not_here(
                    self.attrs.message.as_ref(),
                    "on an enum, `message` goes on each variant",
                    errors,
                );
                not_here(
                    self.attrs.help_url.as_ref(),
                    "on an enum, `help_url` goes on each variant",
                    errors,
                );
                not_here(
                    self.attrs.retry_after.as_ref(),
                    "on an enum, `retry_after` goes on each variant",
                    errors,
                );
                not_here(
                    self.attrs.transparent.as_ref(),
                    "on an enum, `transparent` goes on a variant",
                    errors,
                );
                for variant in variants {
                    variant.validate(errors);
                }
            }
            Shape::Struct(fields) => {
                if self.attrs.transparent.is_some() {
                    check_transparent(&self.attrs, self.ident, fields, errors);
                } else {
                    self.require_catalog(errors);
                    if self.attrs.code.is_none() && !self.attrs.broken {
                        errors.at(
                            self.ident.span(),
                            format!(
                                "`{}` has no code: add `code = <number or variant name>` to #[api_error(...)]",
                                self.ident
                            ),
                        );
                    }
                }
                check_placeholders(self.message.as_ref(), self.ident, fields, errors);
            }
        }
    }

    fn require_catalog(&self, errors: &mut Errors) {
        if self.attrs.catalog.is_none() && !self.attrs.broken {
            errors.at(
                self.ident.span(),
                format!(
                    "`{}` names no catalog: add #[api_error(catalog = ...)] with {CATALOGS}",
                    self.ident
                ),
            );
        }
    }
}

impl Variant<'_> {
    fn validate(&self, errors: &mut Errors) {
        not_here(
            self.attrs.catalog.as_ref(),
            "`catalog` goes on the type, not on a variant",
            errors,
        );
        if self.is_transparent() {
            check_transparent(&self.attrs, self.ident, &self.fields, errors);
        } else if self.attrs.code.is_none() && !self.attrs.broken {
            errors.at(
                self.ident.span(),
                format!(
                    "variant `{}` has no code: add #[api_error(code = <number or variant name>)], or #[api_error(transparent)] to take its field's",
                    self.ident
                ),
            );
        }
        check_placeholders(self.message.as_ref(), self.ident, &self.fields, errors);
    }
}

fn not_here<T>(slot: Option<&Keyed<T>>, problem: &str, errors: &mut Errors) {
    if let Some(keyed) = slot {
        errors.at(keyed.key.span(), problem);
    }
}

fn check_transparent(attrs: &Attrs, owner: &Ident, fields: &[Field], errors: &mut Errors) {
    let Some(transparent) = &attrs.transparent else {
        return;
    };
    if fields.len() != 1 {
        errors.at(
            transparent.key.span(),
            format!(
                "`transparent` forwards to exactly one field, and `{owner}` has {}",
                fields.len()
            ),
        );
    }
    let conflicts = [
        attrs.code.as_ref().map(|keyed| &keyed.key),
        attrs.message.as_ref().map(|keyed| &keyed.key),
        attrs.error_type.as_ref().map(|keyed| &keyed.key),
        attrs.help_url.as_ref().map(|keyed| &keyed.key),
        attrs.retry_after.as_ref().map(|keyed| &keyed.key),
    ];
    for key in conflicts.into_iter().flatten() {
        errors.at(
            key.span(),
            format!("`{key}` cannot be combined with `transparent`, which takes it from the field"),
        );
    }
}

fn check_placeholders(
    message: Option<&Message>,
    owner: &Ident,
    fields: &[Field],
    errors: &mut Errors,
) {
    let Some(message) = message else {
        return;
    };
    for (name, _) in message.template.fields() {
        if fields.iter().all(|field| field.name != *name) {
            let known = fields
                .iter()
                .map(|field| format!("`{}`", field.name))
                .collect::<Vec<_>>();
            let hint = if known.is_empty() {
                format!("`{owner}` has no fields")
            } else {
                format!("its fields are {}", known.join(", "))
            };
            let what = match name {
                FieldName::Named(_) => "field",
                FieldName::Index(_) => "positional field",
            };
            errors.at(
                message.literal.span(),
                format!("message names {what} `{name}`, which `{owner}` does not have; {hint}"),
            );
        }
    }
}
