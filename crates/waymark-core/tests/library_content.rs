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
use waymark_core::error::Problem;
use waymark_core::vault::{LibraryCheck, LibrarySource};
use waymark_core::{Error, Language, Timestamp, Vault};

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
    assert_eq!(v.check_library().unwrap(), LibraryCheck::BuiltinInstalled);
    assert_eq!(v.check_library().unwrap(), LibraryCheck::Sound, "checking again changes nothing");
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

fn in_a_month() -> Timestamp {
    Timestamp(START + 30 * 86_400)
}

fn public(key: &Ed25519KeyPair) -> [u8; 32] {
    key.public_key().as_ref().try_into().unwrap()
}

/// `bundle` as `key` signs it to be used until `until`.
fn signed(bundle: &LibraryBundle, until: Timestamp, key: &Ed25519KeyPair) -> Vec<u8> {
    serde_json::to_vec(&SignedLibraryBundle::sign(serde_json::to_string(bundle).unwrap(), until, key)).unwrap()
}

/// The built-in library as version `version`, with its first page's title changed to `title`
/// (so which library is installed shows).
fn library_titled(version: u32, title: &str) -> LibraryBundle {
    let mut b = builtin();
    b.bundle_version = version;
    b.items[0].title = title.into();
    b
}

fn first_title(v: &Vault) -> String {
    let id = builtin().items[0].id.clone();
    v.get_resource(&id, builtin().items[0].language).unwrap().title
}

fn problem(e: Error) -> Problem {
    match e {
        Error::Invalid { problem, .. } => problem,
        other => panic!("expected a refusal, got {other}"),
    }
}

#[test]
fn a_library_belongs_to_its_publisher_and_only_it_or_the_builtin_one_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    v.check_library().unwrap();
    let (north, south) = (key_pair(), key_pair());
    let (north_root, south_root) = (public(&north), public(&south));

    // A publisher's library replaces the built-in one whatever their versions.
    assert!(v.install_signed_library(&signed(&library_titled(1, "North one"), in_a_month(), &north), &north_root, &north_root).unwrap());
    assert_eq!(first_title(&v), "North one");
    // Another publisher cannot replace it, even with a version far in the future; nor can a file.
    let far = signed(&library_titled(u32::MAX, "South forever"), in_a_month(), &south);
    assert!(!v.install_signed_library(&far, &south_root, &south_root).unwrap());
    assert!(!v.install_library(&library_titled(u32::MAX, "From a file")).unwrap());
    assert_eq!(first_title(&v), "North one");
    // Its own publisher can, with a newer version only.
    assert!(v.install_signed_library(&signed(&library_titled(2, "North two"), in_a_month(), &north), &north_root, &north_root).unwrap());
    assert!(!v.install_signed_library(&signed(&library_titled(2, "North again"), in_a_month(), &north), &north_root, &north_root).unwrap());
    assert_eq!(first_title(&v), "North two");
    // Its version says nothing to another publisher: this laptop asks South for anything.
    assert_eq!(v.library_version_from(&north_root).unwrap(), 2);
    assert_eq!(v.library_version_from(&south_root).unwrap(), 0);

    // Going back to the built-in library, then South's far-future version installs, and it
    // freezes nothing: the built-in library or South's own next one can still replace it.
    v.reset_library().unwrap();
    assert_eq!(v.installed_library().unwrap().unwrap().source, LibrarySource::Builtin);
    assert_eq!(first_title(&v), builtin().items[0].title);
    assert!(v.install_signed_library(&far, &south_root, &south_root).unwrap());
    assert_eq!(first_title(&v), "South forever");
    v.reset_library().unwrap();
    assert!(v.install_signed_library(&signed(&library_titled(3, "North three"), in_a_month(), &north), &north_root, &north_root).unwrap());
    assert_eq!(first_title(&v), "North three");
}

#[test]
fn a_library_out_of_date_or_lasting_too_long_or_without_an_expiry_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    v.check_library().unwrap();
    let before = v.search_library("", 500, Language::EnGb).unwrap();
    let service = key_pair();
    let root = public(&service);
    let bundle = library_titled(9, "Anything");

    let ran_out = signed(&bundle, Timestamp(START), &service);
    assert_eq!(problem(v.install_signed_library(&ran_out, &root, &root).unwrap_err()), Problem::Expired);
    let too_long = signed(&bundle, Timestamp(START + 401 * 86_400), &service);
    let err = v.install_signed_library(&too_long, &root, &root).unwrap_err();
    assert!(err.to_string().contains("400 days"), "{err}");
    assert_eq!(problem(err), Problem::LastsTooLong { days: 400 });
    // The first signed format carried no expiry: refused as not a signed library.
    let mut old: serde_json::Value = serde_json::from_slice(&signed(&bundle, in_a_month(), &service)).unwrap();
    old["format_version"] = 1.into();
    old.as_object_mut().unwrap().remove("expires_at");
    assert_eq!(problem(v.install_signed_library(&serde_json::to_vec(&old).unwrap(), &root, &root).unwrap_err()), Problem::NotSigned);
    // A changed expiry breaks the signature.
    let mut stretched: serde_json::Value = serde_json::from_slice(&signed(&bundle, in_a_month(), &service)).unwrap();
    stretched["expires_at"] = (START + 300 * 86_400).into();
    assert_eq!(problem(v.install_signed_library(&serde_json::to_vec(&stretched).unwrap(), &root, &root).unwrap_err()), Problem::BadSignature);
    assert_eq!(v.search_library("", 500, Language::EnGb).unwrap(), before, "nothing refused changed the library");
}

#[test]
fn each_start_puts_back_changed_pages_and_the_builtin_library_when_a_published_one_runs_out_or_stops_checking() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, clock) = open(dir.path());
    v.check_library().unwrap();
    let db = rusqlite::Connection::open(dir.path().join("waymark.db")).unwrap();
    let change_a_page = || {
        db.execute("UPDATE library_resources SET title = 'Call 0000 000 000 instead' WHERE id = ?1", [&builtin().items[0].id]).unwrap();
    };

    // Someone with the folder changes a built-in page: the next start puts it back.
    change_a_page();
    assert_eq!(first_title(&v), "Call 0000 000 000 instead");
    assert_eq!(v.check_library().unwrap(), LibraryCheck::PagesRestored);
    assert_eq!(first_title(&v), builtin().items[0].title);

    // The same for a published library, from its signed copy.
    let service = key_pair();
    let root = public(&service);
    assert!(v.install_signed_library(&signed(&library_titled(4, "Published"), in_a_month(), &service), &root, &root).unwrap());
    change_a_page();
    assert_eq!(v.check_library().unwrap(), LibraryCheck::PagesRestored);
    assert_eq!(first_title(&v), "Published");
    assert_eq!(v.check_library().unwrap(), LibraryCheck::Sound);

    // A signed copy changed in the folder no longer checks: the built-in library comes back.
    db.execute("UPDATE library_bundle SET copy = replace(copy, 'Published', 'Publishes')", []).unwrap();
    assert_eq!(v.check_library().unwrap(), LibraryCheck::BuiltinBack);
    assert_eq!(first_title(&v), builtin().items[0].title);
    // So does a signer key put in its place.
    assert!(v.install_signed_library(&signed(&library_titled(5, "Published"), in_a_month(), &service), &root, &root).unwrap());
    db.execute("UPDATE library_bundle SET signer_key = ?1", [&public(&key_pair())[..]]).unwrap();
    assert_eq!(v.check_library().unwrap(), LibraryCheck::BuiltinBack);

    // When its publisher's date passes, the built-in library comes back at the next start.
    assert!(v.install_signed_library(&signed(&library_titled(6, "Published"), in_a_month(), &service), &root, &root).unwrap());
    clock.advance(31 * 86_400);
    assert_eq!(v.check_library().unwrap(), LibraryCheck::BuiltinBack);
    assert_eq!(v.installed_library().unwrap().unwrap().source, LibrarySource::Builtin);
}

fn key_pair() -> Ed25519KeyPair {
    let rng = ring::rand::SystemRandom::new();
    Ed25519KeyPair::from_pkcs8(Ed25519KeyPair::generate_pkcs8(&rng).unwrap().as_ref()).unwrap()
}

#[test]
fn signed_updates_install_and_bad_ones_are_refused_keeping_the_old_library() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    v.check_library().unwrap();
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
    let wrong_key = serde_json::to_vec(&SignedLibraryBundle::sign(json.clone(), in_a_month(), &other)).unwrap();
    let mut tampered = SignedLibraryBundle::sign(json.clone(), in_a_month(), &service);
    tampered.bundle = tampered.bundle.replacen("Safer caring", "Unsafe caring", 1);
    let tampered = serde_json::to_vec(&tampered).unwrap();
    for (what, bytes) in [
        ("another key", wrong_key),
        ("tampered", tampered),
        ("unsigned", json.clone().into_bytes()),
        ("garbage", b"\x00\x01not json".to_vec()),
    ] {
        let err = v.install_signed_library(&bytes, &trusted, &trusted).unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{what}: {err}");
        assert!(err.to_string().contains("kept"), "{what}: {err}");
        assert_eq!(v.search_library("", 500, Language::EnGb).unwrap(), before, "{what} changed the library");
    }

    let good = serde_json::to_vec(&SignedLibraryBundle::sign(json.clone(), in_a_month(), &service)).unwrap();
    assert!(v.install_signed_library(&good, &trusted, &trusted).unwrap());
    assert_eq!(v.library_version().unwrap(), Some(newer.bundle_version));
    assert_eq!(v.search_library("", 500, Language::EnGb).unwrap().len(), before.len() - 1);
    assert!(matches!(v.installed_library().unwrap().unwrap().source, LibrarySource::Published { root, .. } if root == trusted));
    // Replaying it, or an older signed bundle, installs nothing.
    assert!(!v.install_signed_library(&good, &trusted, &trusted).unwrap());
    let old = serde_json::to_vec(&SignedLibraryBundle::sign(BUILTIN_LIBRARY.to_string(), in_a_month(), &service)).unwrap();
    assert!(!v.install_signed_library(&old, &trusted, &trusted).unwrap());
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
    v.check_library().unwrap();
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
