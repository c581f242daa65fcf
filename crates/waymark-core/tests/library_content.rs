//! The shipped library and help pages: every item valid, the bundle current, realistic searches
//! finding the right pages first, pages in the reader's language (English, said so, where not
//! translated; the pages not yet translated listed), and signed updates that verify (or are
//! refused, keeping the old).

mod common;

use common::*;
use ring::signature::{Ed25519KeyPair, KeyPair};
use waymark_core::domain::library::{
    build_bundle, linked_ids, reading_minutes, Audience, LibraryBundle, SignedLibraryBundle, BUILTIN_LIBRARY,
};
use waymark_core::{Error, Language};

fn content_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn builtin() -> LibraryBundle {
    LibraryBundle::parse(BUILTIN_LIBRARY.as_bytes()).expect("the shipped bundle is valid")
}

#[test]
fn the_shipped_bundle_is_built_from_the_current_markdown() {
    let dir = content_dir();
    let version: u32 = std::fs::read_to_string(dir.join("BUNDLE_VERSION")).unwrap().trim().parse().unwrap();
    let fresh = build_bundle(&dir.join("library"), version).unwrap();
    let json = serde_json::to_string_pretty(&fresh).unwrap() + "\n";
    if std::env::var_os("UPDATE_LIBRARY").is_some() {
        std::fs::write(dir.join("library.json"), &json).unwrap();
    }
    assert!(
        json == BUILTIN_LIBRARY,
        "content/library.json is stale: run `UPDATE_LIBRARY=1 cargo test -p waymark-core --test library_content` and commit it"
    );
}

#[test]
fn there_is_enough_for_carers_and_young_people_and_every_item_is_complete() {
    let b = builtin();
    let english = || b.items.iter().filter(|i| i.language == Language::EnGb);
    let carers = english().filter(|i| i.audience == Audience::Carer).count();
    let young = english().filter(|i| i.audience == Audience::YoungPerson).count();
    assert!(carers >= 30, "{carers} carer resources");
    assert!(young >= 12, "{young} help pages");
    for item in &b.items {
        assert!(!item.tags.is_empty(), "{} has tags", item.id);
        assert!(!item.sources.is_empty(), "{} names its sources", item.id);
        assert!(item.body.contains("## "), "{} has sections", item.id);
        assert!(reading_minutes(&item.body) >= 1);
        assert!(!item.body.contains("http://") && !item.body.contains("https://"), "{} has no web links", item.id);
        assert!(!item.body.contains('<'), "{} has no raw HTML", item.id);
    }
    // Help pages are short: at most about five minutes at 200 words a minute.
    for item in b.items.iter().filter(|i| i.audience == Audience::YoungPerson) {
        assert!(reading_minutes(&item.body) <= 5, "{} is too long for a help page", item.id);
    }
    let linked: usize = b.items.iter().map(|i| linked_ids(&i.body).len()).sum();
    assert!(linked > 0, "items link to each other");
}

#[test]
fn a_broken_item_is_refused_with_the_file_and_the_reason() {
    use waymark_core::domain::library::parse_item_markdown;
    let good = "---\nid: x\naudience: carer\ntitle: T\nsummary: S\ntags: a\nlast_reviewed: 2026-11-01\nsources:\n  - Guide\n---\n\n## One\n\nText.\n";
    assert!(parse_item_markdown("x", good).is_ok());
    for (bad, why) in [
        (good.replace("id: x", "id: y"), "does not match"),
        (good.replace("## One\n\nText.", "## One\n\n## Two\n\nText."), "the section 'One' has nothing under it"),
        (good.replace("summary: S\n", ""), "'summary' is missing"),
        (good.replace("audience: carer", "audience: everyone"), "audience"),
        (good.replace("sources:\n  - Guide\n", "sources:\n"), "sources"),
        (good.replace("last_reviewed: 2026-11-01", "last_reviewed: soon"), "not a date"),
        (good.replace("---\n\n", "colour: red\n---\n\n"), "unknown field"),
    ] {
        let err = parse_item_markdown("x", &bad).unwrap_err().to_string();
        assert!(err.contains(why) && err.contains("x.md"), "expected '{why}' in: {err}");
    }
    let mut b = builtin();
    b.items[0].body.push_str("\n\nSee [nothing](resource:no-such-page).");
    assert!(b.check_links().unwrap_err().to_string().contains("no-such-page"));
}

#[test]
fn realistic_searches_find_the_right_page_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    assert!(v.install_builtin_library().unwrap());
    assert!(!v.install_builtin_library().unwrap(), "installing again changes nothing");
    for (query, expected) in [
        ("allegation", &["allegations-what-happens-next"][..]),
        ("phone rules", &["phones-and-social-media"]),
        ("contact with mum", &["family-time-and-contact", "contact-before-and-after"]),
        ("leaving care money", &["leaving-care-money"]),
        ("what is an IRO", &["who-is-my-iro"]),
        ("what is a review", &["what-is-a-review"]),
        ("complain", &["how-to-complain"]),
        ("childline", &["who-to-call", "feeling-worried-or-unsafe"]),
        ("daily log", &["recording-daily-logs"]),
        ("safer caring policy", &["safer-caring-at-home", "reviewing-your-safer-caring-policy"]),
        ("nudes", &["sharing-images-and-nudes"]),
        ("pathway plan", &["what-is-a-pathway-plan", "pathway-plans-for-carers"]),
    ] {
        let hits = v.search_library(query, 5, Language::EnGb).unwrap();
        assert!(!hits.is_empty(), "'{query}' found nothing");
        assert!(expected.contains(&hits[0].id.as_str()), "'{query}' found {:?} first", hits.iter().map(|h| &h.id).collect::<Vec<_>>());
    }
}

fn key_pair() -> Ed25519KeyPair {
    let rng = ring::rand::SystemRandom::new();
    Ed25519KeyPair::from_pkcs8(Ed25519KeyPair::generate_pkcs8(&rng).unwrap().as_ref()).unwrap()
}

#[test]
fn signed_updates_install_and_bad_ones_are_refused_keeping_the_old_library() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    v.install_builtin_library().unwrap();
    let before = v.search_library("", 500, Language::EnGb).unwrap();
    let service = key_pair();
    let other = key_pair();
    let trusted: [u8; 32] = service.public_key().as_ref().try_into().unwrap();

    let mut newer = builtin();
    newer.bundle_version += 1;
    newer.items.retain(|i| i.id != "who-is-my-iro");
    newer.items.iter_mut().for_each(|i| i.body = i.body.replace("(resource:who-is-my-iro)", ""));
    let json = serde_json::to_string(&newer).unwrap();

    // Signed by another key, tampered, unsigned, or garbage: each refused, nothing changes.
    let wrong_key = serde_json::to_vec(&SignedLibraryBundle::sign(json.clone(), &other)).unwrap();
    let mut tampered = SignedLibraryBundle::sign(json.clone(), &service);
    tampered.bundle = tampered.bundle.replacen("Safer caring", "Unsafe caring", 1);
    let tampered = serde_json::to_vec(&tampered).unwrap();
    for (what, bytes) in [
        ("another key", wrong_key),
        ("tampered", tampered),
        ("unsigned", json.clone().into_bytes()),
        ("garbage", b"\x00\x01not json".to_vec()),
    ] {
        let err = v.install_signed_library(&bytes, &trusted).unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{what}: {err}");
        assert!(err.to_string().contains("kept"), "{what}: {err}");
        assert_eq!(v.search_library("", 500, Language::EnGb).unwrap(), before, "{what} changed the library");
    }

    let good = serde_json::to_vec(&SignedLibraryBundle::sign(json.clone(), &service)).unwrap();
    assert!(v.install_signed_library(&good, &trusted).unwrap());
    assert_eq!(v.library_version().unwrap(), Some(newer.bundle_version));
    assert_eq!(v.search_library("", 500, Language::EnGb).unwrap().len(), before.len() - 1);
    // Replaying it, or an older signed bundle, installs nothing.
    assert!(!v.install_signed_library(&good, &trusted).unwrap());
    let old = serde_json::to_vec(&SignedLibraryBundle::sign(BUILTIN_LIBRARY.to_string(), &service)).unwrap();
    assert!(!v.install_signed_library(&old, &trusted).unwrap());
}

/// The pages a language has no translation of yet, one id a line. A reader in that language gets
/// these in English, told so; the list is kept here so that adding an English page without its
/// translation is a visible, reviewed choice.
fn committed_untranslated(language: Language) -> Vec<String> {
    let path = content_dir().join(format!("untranslated-{}.txt", language.tag()));
    std::fs::read_to_string(&path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn the_pages_not_yet_translated_are_listed_and_every_help_page_for_young_people_is_in_welsh() {
    let b = builtin();
    for language in Language::ALL.into_iter().filter(|l| *l != Language::EnGb) {
        let missing: Vec<String> = b.untranslated(language).into_iter().map(String::from).collect();
        assert_eq!(
            missing,
            committed_untranslated(language),
            "content/untranslated-{}.txt is out of date: it lists the pages with no translation, in bundle order",
            language.tag()
        );
    }
    for item in b.items.iter().filter(|i| i.audience == Audience::YoungPerson && i.language == Language::EnGb) {
        assert!(
            b.items.iter().any(|t| t.id == item.id && t.language == Language::Cy),
            "the help page {} has no Welsh",
            item.id
        );
    }
    // A translation keeps its original's links and sections, so the two read as the same page.
    for welsh in b.items.iter().filter(|i| i.language == Language::Cy) {
        let english = b.items.iter().find(|e| e.id == welsh.id && e.language == Language::EnGb).unwrap();
        assert_eq!(linked_ids(&welsh.body), linked_ids(&english.body), "{} links differently in Welsh", welsh.id);
        assert_eq!(welsh.body.matches("\n## ").count(), english.body.matches("\n## ").count(), "{} has other sections in Welsh", welsh.id);
        assert_ne!(welsh.title, english.title, "{} is not translated", welsh.id);
    }
}

#[test]
fn a_welsh_reader_gets_welsh_pages_and_english_ones_marked_where_there_is_no_welsh() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    v.install_builtin_library().unwrap();
    let english = v.search_library("", 500, Language::EnGb).unwrap();
    let welsh = v.search_library("", 500, Language::Cy).unwrap();
    assert!(english.iter().all(|h| h.language == Language::EnGb));
    // The same pages, each once, whichever the language.
    let ids = |hits: &[waymark_core::domain::library::ResourceHit]| {
        let mut ids: Vec<String> = hits.iter().map(|h| h.id.clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&welsh), ids(&english));
    let untranslated = committed_untranslated(Language::Cy);
    for hit in &welsh {
        let expected = if untranslated.contains(&hit.id) { Language::EnGb } else { Language::Cy };
        assert_eq!(hit.language, expected, "{}", hit.id);
    }
    let page = v.get_resource("who-to-call", Language::Cy).unwrap();
    assert_eq!(page.language, Language::Cy);
    assert!(page.body.contains("0800 1111"));
    let carer_page = v.get_resource(&untranslated[0], Language::Cy).unwrap();
    assert_eq!(carer_page.language, Language::EnGb, "an untranslated page comes in English, saying so");
    assert_eq!(v.get_resource("who-to-call", Language::EnGb).unwrap().language, Language::EnGb);
    // Searching in Welsh finds the Welsh page by its Welsh words, and not its English twin.
    let hits = v.search_library("eiriolwr", 5, Language::Cy).unwrap();
    assert_eq!(hits.first().map(|h| (h.id.as_str(), h.language)), Some(("getting-an-advocate", Language::Cy)));
    assert!(v.search_library("eiriolwr", 5, Language::EnGb).unwrap().iter().all(|h| h.language == Language::EnGb));
}

#[test]
fn a_translation_needs_its_english_original_and_each_page_is_there_once_per_language() {
    let b = builtin();
    let mut orphan = b.clone();
    orphan.items.retain(|i| !(i.id == "who-is-my-iro" && i.language == Language::EnGb));
    orphan.items.iter_mut().for_each(|i| i.body = i.body.replace("(resource:who-is-my-iro)", ""));
    let err = LibraryBundle::parse(&serde_json::to_vec(&orphan).unwrap()).unwrap_err();
    assert!(err.to_string().contains("who-is-my-iro"), "{err}");

    let mut twice = b.clone();
    let copy = twice.items.iter().find(|i| i.language == Language::Cy).unwrap().clone();
    twice.items.push(copy);
    assert!(matches!(LibraryBundle::parse(&serde_json::to_vec(&twice).unwrap()), Err(Error::Invalid { .. })));

    // A bundle from before pages had languages still reads, as English.
    let mut old = serde_json::to_value(&b).unwrap();
    old["format_version"] = 1.into();
    let items = old["items"].as_array_mut().unwrap();
    items.retain(|i| i["language"] == "en-GB");
    items.iter_mut().for_each(|i| {
        i.as_object_mut().unwrap().remove("language");
    });
    let read = LibraryBundle::parse(&serde_json::to_vec(&old).unwrap()).unwrap();
    assert!(read.items.iter().all(|i| i.language == Language::EnGb));
    assert_eq!(read.items.len(), b.items.iter().filter(|i| i.language == Language::EnGb).count());
}

#[test]
fn a_library_installed_before_pages_had_languages_is_kept_as_english_and_still_found() {
    // A vault as Waymark left it before migration 8: the first seven migrations and one page.
    let dir = tempfile::tempdir().unwrap();
    let migrations = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let conn = rusqlite::Connection::open(dir.path().join(waymark_core::vault::DATABASE_FILE)).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&migrations).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files.iter().take(7) {
        conn.execute_batch(&std::fs::read_to_string(file).unwrap()).unwrap();
    }
    conn.pragma_update(None, "user_version", 7).unwrap();
    conn.execute_batch(
        "INSERT INTO library_resources (id, audience, title, summary, body, tags, reading_minutes, last_reviewed, sources)
         VALUES ('kept-page', 'carer', 'Kept from before', 'A page installed long ago.', '## One\n\nText about lanterns.', 'lanterns', 1, '2026-01-01', '[\"Guide\"]');
         INSERT INTO library_search (library_search) VALUES ('rebuild');
         INSERT INTO library_bundle (singleton, bundle_version, installed_at) VALUES (1, 1000, 0);",
    )
    .unwrap();
    drop(conn);
    let (v, _) = open(dir.path());
    let page = v.get_resource("kept-page", Language::Cy).unwrap();
    assert_eq!((page.title.as_str(), page.language), ("Kept from before", Language::EnGb));
    let hits = v.search_library("lanterns", 5, Language::Cy).unwrap();
    assert_eq!(hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["kept-page"]);
    assert_eq!(v.library_version().unwrap(), Some(1000), "the installed bundle is kept until a newer one comes");
}
