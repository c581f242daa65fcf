//! The languages Waymark speaks and every word it shows, by language.
//!
//! The words live in Project Fluent catalogues under `locales/<language>/` at the top of the
//! repository, one set of files per language, read by the UI and by this crate alike, so a
//! message has one id and one text per language wherever it is shown. Plurals, numbers and
//! variables are Fluent's: nothing here builds a sentence by joining pieces.
//!
//! This crate must never hold anything a person wrote, and never decide what is shown: it only
//! turns an id and its values into words.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use serde::{Deserialize, Serialize};

pub use fluent_bundle::{FluentArgs, FluentValue};

/// A language a person can choose. English is the one every message exists in first; a
/// missing translation falls back to it, visibly, and the catalogue check lists it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Language {
    #[default]
    #[serde(rename = "en-GB")]
    EnGb,
    #[serde(rename = "cy")]
    Cy,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::EnGb, Language::Cy];

    /// The BCP 47 tag: `lang` attributes, locale-aware dates and numbers, the catalogue folder.
    pub fn tag(self) -> &'static str {
        match self {
            Language::EnGb => "en-GB",
            Language::Cy => "cy",
        }
    }

    pub fn parse(tag: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    fn index(self) -> usize {
        match self {
            Language::EnGb => 0,
            Language::Cy => 1,
        }
    }
}

/// The catalogue files the Rust side needs (the UI's own files, `ui-*.ftl`, are read by the UI
/// only). The same names exist in every language's folder.
pub const FILES: [&str; 3] = ["content.ftl", "errors.ftl", "documents.ftl"];

macro_rules! language_files {
    ($tag:literal) => {
        [
            include_str!(concat!("../../../locales/", $tag, "/content.ftl")),
            include_str!(concat!("../../../locales/", $tag, "/errors.ftl")),
            include_str!(concat!("../../../locales/", $tag, "/documents.ftl")),
        ]
    };
}

/// The shipped catalogue text of `language`: one string per file in [`FILES`].
pub fn sources(language: Language) -> [&'static str; 3] {
    match language {
        Language::EnGb => language_files!("en-GB"),
        Language::Cy => language_files!("cy"),
    }
}

/// Words in one language, with a note of whether they had to come from English instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub text: String,
    /// The language the text is really in: the one asked for, or English when the message is
    /// not translated yet.
    pub language: Language,
}

pub struct Catalogue {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Catalogue {
    /// Loads the shipped catalogues. A catalogue that does not parse is a build mistake that the
    /// catalogue tests catch, so this panics with the file and the problem rather than
    /// limping on with missing words.
    fn load() -> Catalogue {
        let bundles = Language::ALL
            .into_iter()
            .map(|language| {
                let tag: unic_langid::LanguageIdentifier = language.tag().parse().expect("a valid language tag");
                let mut bundle = FluentBundle::new_concurrent(vec![tag]);
                // Both languages run left to right; isolation marks would only add invisible
                // characters to saved documents.
                bundle.set_use_isolating(false);
                for (file, source) in FILES.iter().zip(sources(language)) {
                    let resource = FluentResource::try_new(source.to_string())
                        .unwrap_or_else(|(_, errors)| panic!("locales/{}/{file} does not parse: {errors:?}", language.tag()));
                    bundle
                        .add_resource(resource)
                        .unwrap_or_else(|errors| panic!("locales/{}/{file} repeats an id: {errors:?}", language.tag()));
                }
                bundle
            })
            .collect();
        Catalogue { bundles }
    }

    /// Whether `language` has its own text for `id`.
    pub fn has(&self, language: Language, id: &str) -> bool {
        self.bundles[language.index()].has_message(id)
    }

    /// The words for `id` in `language`, or in English when that language lacks them.
    pub fn words(&self, language: Language, id: &str, args: Option<&FluentArgs>) -> Words {
        for language in [language, Language::EnGb] {
            let bundle = &self.bundles[language.index()];
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
                return Words { text, language };
            }
        }
        // Only reachable through an id no catalogue has, which the catalogue tests refuse.
        Words { text: id.to_string(), language: Language::EnGb }
    }

    /// Shorthand for [`Catalogue::words`] when only the text is wanted.
    pub fn text(&self, language: Language, id: &str, args: Option<&FluentArgs>) -> String {
        self.words(language, id, args).text
    }
}

/// The shipped catalogues, loaded once.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(Catalogue::load)
}

/// The words for `id` in `language` (English when not translated yet).
pub fn text(language: Language, id: &str) -> String {
    catalogue().text(language, id, None)
}

/// The words for `id` in `language` with values for its variables, e.g.
/// `text_with(lang, "export-title", &[("name", name.into())])`.
pub fn text_with(language: Language, id: &str, values: &[(&str, FluentValue<'_>)]) -> String {
    let mut args = FluentArgs::new();
    for (name, value) in values {
        args.set(*name, value.clone());
    }
    catalogue().text(language, id, Some(&args))
}
