//! A typed view of the derive input: the parsed attributes next to the items they sit on,
//! with the user's tokens (and so their spans) kept for error messages and generated code.

use proc_macro2::Span;
use quote::format_ident;
use syn::ext::IdentExt as _;
use syn::{Data, DeriveInput, Generics, Ident, Index, LitStr, Member, Token, Type};

use crate::attr::{self, Attrs, Errors};
use crate::fmt::{self, FieldName, Template};

pub(crate) struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: Attrs,
    pub message: Option<Message>,
    pub shape: Shape<'a>,
}

pub(crate) enum Shape<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
    Union(&'a Token![union]),
}

pub(crate) struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: Attrs,
    pub message: Option<Message>,
    pub fields: Vec<Field<'a>>,
}

pub(crate) struct Field<'a> {
    pub member: Member,
    pub name: FieldName,
    /// What the field is bound to in a match arm.
    pub binding: Ident,
    pub ty: &'a Type,
}

/// A `message = "..."` that parsed as a template.
pub(crate) struct Message {
    pub literal: LitStr,
    pub template: Template,
}

impl<'a> Input<'a> {
    pub(crate) fn from_syn(node: &'a DeriveInput, errors: &mut Errors) -> Self {
        let attrs = attr::get(&node.attrs, errors);
        let message = Message::from_attrs(&attrs, errors);
        let shape = match &node.data {
            Data::Struct(data) => Shape::Struct(Field::multiple(&data.fields, errors)),
            Data::Enum(data) => Shape::Enum(
                data.variants
                    .iter()
                    .map(|variant| {
                        let attrs = attr::get(&variant.attrs, errors);
                        Variant {
                            ident: &variant.ident,
                            message: Message::from_attrs(&attrs, errors),
                            attrs,
                            fields: Field::multiple(&variant.fields, errors),
                        }
                    })
                    .collect(),
            ),
            Data::Union(data) => Shape::Union(&data.union_token),
        };
        Input {
            ident: &node.ident,
            generics: &node.generics,
            attrs,
            message,
            shape,
        }
    }
}

impl Message {
    fn from_attrs(attrs: &Attrs, errors: &mut Errors) -> Option<Self> {
        let literal = &attrs.message.as_ref()?.value;
        match fmt::parse(&literal.value()) {
            Ok(template) => Some(Message {
                literal: literal.clone(),
                template,
            }),
            Err(problem) => {
                errors.at(literal.span(), problem);
                None
            }
        }
    }
}

impl<'a> Field<'a> {
    fn multiple(fields: &'a syn::Fields, errors: &mut Errors) -> Vec<Self> {
        fields
            .iter()
            .zip(0..)
            .map(|(field, index)| {
                for attr in &field.attrs {
                    if attr.path().is_ident("api_error") {
                        errors.push(syn::Error::new_spanned(
                            attr,
                            "#[api_error] goes on the type or on a variant, not on a field",
                        ));
                    }
                }
                let (member, name) = match &field.ident {
                    Some(ident) => (
                        Member::Named(ident.clone()),
                        FieldName::Named(ident.unraw().to_string()),
                    ),
                    None => (
                        Member::Unnamed(Index {
                            index,
                            span: Span::call_site(),
                        }),
                        FieldName::Index(index),
                    ),
                };
                Field {
                    binding: format_ident!("__self_{}", name.to_string()),
                    member,
                    name,
                    ty: &field.ty,
                }
            })
            .collect()
    }
}

impl Variant<'_> {
    pub(crate) fn is_transparent(&self) -> bool {
        self.attrs.transparent.is_some()
    }
}
