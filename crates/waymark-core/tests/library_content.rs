//! The shipped library and help pages: every item valid, the bundle current, realistic searches
//! finding the right pages first, and signed updates that verify (or are refused, keeping the old).

mod common;

use common::*;
use ring::signature::{Ed25519KeyPair, KeyPair};
use waymark_core::domain::library::{
    build_bundle, linked_ids, reading_minutes, Audience, LibraryBundle, SignedLibraryBundle, BUILTIN_LIBRARY,
};
use waymark_core::Error;

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
    let carers = b.items.iter().filter(|i| i.audience == Audience::Carer).count();
    let young = b.items.iter().filter(|i| i.audience == Audience::YoungPerson).count();
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
        let hits = v.search_library(query, 5).unwrap();
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
    let before = v.search_library("", 500).unwrap();
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
        assert_eq!(v.search_library("", 500).unwrap(), before, "{what} changed the library");
    }

    let good = serde_json::to_vec(&SignedLibraryBundle::sign(json.clone(), &service)).unwrap();
    assert!(v.install_signed_library(&good, &trusted).unwrap());
    assert_eq!(v.library_version().unwrap(), Some(newer.bundle_version));
    assert_eq!(v.search_library("", 500).unwrap().len(), before.len() - 1);
    // Replaying it, or an older signed bundle, installs nothing.
    assert!(!v.install_signed_library(&good, &trusted).unwrap());
    let old = serde_json::to_vec(&SignedLibraryBundle::sign(BUILTIN_LIBRARY.to_string(), &service)).unwrap();
    assert!(!v.install_signed_library(&old, &trusted).unwrap());
}
