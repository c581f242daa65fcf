//! The catalogue check: every language has every message English has, with the same variables,
//! and nothing more; every file parses; every message says something. It reads every `.ftl` under
//! `locales/`, the UI's files included, so an untranslated id anywhere fails the build.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use waymark_i18n::{catalogue, text_with, FluentValue, Language};

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales")
}

fn files_of(language: Language) -> BTreeSet<String> {
    std::fs::read_dir(locales().join(language.tag()))
        .unwrap_or_else(|e| panic!("locales/{}: {e}", language.tag()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ftl"))
        .collect()
}

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Each message id of one file with the variables it uses; parse problems as errors.
fn messages(language: Language, file: &str) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let path = locales().join(language.tag()).join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let resource = fluent_syntax::parser::parse(text.as_str())
        .map_err(|(_, errors)| format!("locales/{}/{file} does not parse: {errors:?}", language.tag()))?;
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let value = m.value.as_ref().ok_or_else(|| format!("locales/{}/{file}: {} has no words", language.tag(), m.id.name))?;
                let mut vars = BTreeSet::new();
                variables(value, &mut vars);
                for attribute in &m.attributes {
                    variables(&attribute.value, &mut vars);
                }
                if out.insert(m.id.name.to_string(), vars).is_some() {
                    return Err(format!("locales/{}/{file}: {} is there twice", language.tag(), m.id.name));
                }
            }
            Entry::Junk { content } => return Err(format!("locales/{}/{file}: cannot read {content:?}", language.tag())),
            _ => {}
        }
    }
    Ok(out)
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english_files = files_of(Language::EnGb);
    assert!(english_files.len() >= 4, "only {english_files:?} under locales/en-GB");
    let mut problems = Vec::new();
    let mut all_ids = BTreeMap::new();
    for language in Language::ALL {
        let theirs = files_of(language);
        for missing in english_files.difference(&theirs) {
            problems.push(format!("locales/{}/{missing} is missing", language.tag()));
        }
        for extra in theirs.difference(&english_files) {
            problems.push(format!("locales/{}/{extra} has no English original", language.tag()));
        }
    }
    for file in &english_files {
        let english = match messages(Language::EnGb, file) {
            Ok(m) => m,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        for id in english.keys() {
            if let Some(other) = all_ids.insert(id.clone(), file.clone()) {
                problems.push(format!("{id} is in both {other} and {file}"));
            }
        }
        for language in Language::ALL.into_iter().filter(|l| *l != Language::EnGb) {
            let Ok(translated) = messages(language, file).map_err(|e| problems.push(e)) else { continue };
            for (id, vars) in &english {
                match translated.get(id) {
                    None => problems.push(format!("untranslated: {id} ({file}) has no {} words", language.tag())),
                    Some(theirs) if theirs != vars => problems.push(format!(
                        "{id} ({file}): English uses {vars:?} but {} uses {theirs:?}",
                        language.tag()
                    )),
                    Some(_) => {}
                }
            }
            for id in translated.keys().filter(|id| !english.contains_key(*id)) {
                problems.push(format!("{id} ({file}) is in {} but not in English", language.tag()));
            }
        }
    }
    assert!(problems.is_empty(), "{} catalogue problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_rust_catalogues_load_and_fall_back_to_english_only_for_unknown_ids() {
    let c = catalogue();
    assert_eq!(c.text(Language::Cy, "role-carer", None), "Gofalwr maeth");
    assert_eq!(c.text(Language::EnGb, "role-carer", None), "Foster carer");
    let code = "0A1B-2C3D";
    let document = text_with(Language::Cy, "recovery-document", &[("name", "Ash".into()), ("code", FluentValue::from(code))]);
    assert!(document.starts_with("Cod adfer Waymark ar gyfer Ash\n\n0A1B-2C3D\n"), "{document}");
    // No invisible direction marks around the values in saved documents.
    assert!(!document.contains('\u{2068}'));
    let words = c.words(Language::Cy, "no-such-message", None);
    assert_eq!((words.text.as_str(), words.language), ("no-such-message", Language::EnGb));
}

#[test]
fn welsh_plurals_follow_welsh_rules() {
    // Fluent takes plural categories from CLDR: Welsh has zero, one, two, few, many and other.
    let source = "n = { $count -> \n [zero] zero\n [one] one\n [two] two\n [few] few\n [many] many\n *[other] other\n}\n";
    let mut bundle = fluent_bundle::FluentBundle::new(vec!["cy".parse().unwrap()]);
    bundle.add_resource(fluent_bundle::FluentResource::try_new(source.to_string()).unwrap()).unwrap();
    let say = |n: i64| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", n);
        let mut errors = vec![];
        bundle.format_pattern(bundle.get_message("n").unwrap().value().unwrap(), Some(&args), &mut errors).into_owned()
    };
    assert_eq!([0, 1, 2, 3, 6, 7].map(say), ["zero", "one", "two", "few", "many", "other"]);
}
