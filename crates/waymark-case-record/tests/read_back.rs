//! A case record is checked by reading it back: the words extracted from the PDF are the words
//! given (English and Welsh letters alike), long text is kept whole across lines and pages, and a
//! missing font is a clear error.

use waymark_case_record::{render, render_with_system_font, CaseRecord, CaseRecordError, Entry};

fn record(entries: Vec<Entry>) -> CaseRecord {
    CaseRecord {
        title: "Case record: Robin T.".into(),
        subtitle: vec!["Made by Dee Morgan (duty team) on 7 December 2026, 14:05".into()],
        entries,
        closing: vec!["Each item was signed by a device the organisation approved for this person; the signatures were checked on this laptop.".into()],
        language: "en-GB".into(),
    }
}

/// The text of a PDF as a reader would copy it, with runs of white space made one space.
fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("the PDF reads back");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_words_and_dates_read_back_from_the_pdf() {
    let entry = Entry {
        heading: "I don't feel safe".into(),
        facts: vec![("Received on this laptop".into(), "7 December 2026, 13:51".into()), ("Acknowledged".into(), "7 December 2026, 13:58".into())],
        paragraphs: vec![
            ("Their words".into(), "Someone came to the house and I do not feel safe.".into()),
            ("Reply from Dee Morgan, 7 December 2026, 13:59".into(), "I am calling you now, Robin.".into()),
        ],
    };
    let pdf = render_with_system_font(&record(vec![entry])).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = text_of(&pdf);
    for expected in [
        "Case record: Robin T.",
        "I don't feel safe",
        "Received on this laptop: 7 December 2026, 13:51",
        "Acknowledged: 7 December 2026, 13:58",
        "Someone came to the house and I do not feel safe.",
        "I am calling you now, Robin.",
        "the signatures were checked on this laptop",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text:?}");
    }
}

#[test]
fn welsh_letters_and_long_words_survive_and_long_threads_go_onto_more_pages() {
    let welsh = "Rydw i eisiau gweld fy mrawd yn amlach. Mae'r ŵyn yn y cae ac mae'r tŷ yn dawel.";
    let long = "word ".repeat(400) + &"x".repeat(300);
    let entries: Vec<Entry> = (0..30)
        .map(|i| Entry { heading: format!("Message {i}"), facts: vec![], paragraphs: vec![("Their words".into(), format!("{welsh} {long}"))] })
        .collect();
    let pdf = render_with_system_font(&record(entries)).unwrap();
    let text = text_of(&pdf);
    assert!(text.contains(welsh), "the Welsh letters read back: {}", &text[..200.min(text.len())]);
    assert!(text.contains("Message 0") && text.contains("Message 29"), "nothing is cut off at the end");
    assert!(text.contains(&"x".repeat(300)) || text.matches('x').count() >= 300 * 30, "a word too long for a line is cut, not lost");
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).expect("pages").len();
    assert!(pages > 5, "thirty long messages take many pages, not one: {pages}");
}

#[test]
fn a_font_that_is_not_a_font_is_a_clear_error() {
    assert!(matches!(render(&record(vec![]), b"not a font".to_vec()), Err(CaseRecordError::BadFont { .. })));
}
