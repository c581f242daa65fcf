//! Errors a person meets are said from the catalogues, by code and values: the English there is
//! the error's own message, word for word, and the Welsh uses every value the English does
//! (the catalogue test checks the variables match).

use waymark_core::secret::{Passphrase, StrengthProblem};
use waymark_core::{Error, Language, RecordId};
use waymark_i18n::{text_with, FluentValue};

fn say(language: Language, e: &Error) -> String {
    let values: Vec<(&str, FluentValue<'_>)> = e
        .values()
        .into_iter()
        .map(|(k, v)| (k, v.parse::<i64>().map(FluentValue::from).unwrap_or_else(|_| FluentValue::from(v))))
        .collect();
    text_with(language, &format!("error-{}", e.code()), &values)
}

#[test]
fn each_error_a_person_meets_reads_the_same_from_the_catalogue_and_has_welsh_words() {
    let errors = [
        Error::WrongPassphrase,
        Error::TooManyAttempts { retry_after_secs: 30 },
        Error::WrongRecoveryCode,
        Error::WeakPassphrase(StrengthProblem::TooShort),
        Error::WeakPassphrase(StrengthProblem::Repetitive),
        Error::WeakPassphrase(StrengthProblem::Common { word: "password".into() }),
        Error::WeakPassphrase(StrengthProblem::Untypable),
        Error::ProfileNotFound("Robin".into()),
        Error::ProfileNameTaken("Robin".into()),
        Error::Integrity { record_id: RecordId::parse("6f9619ff-8b86-4011-b42d-00cf4fc964ff").unwrap() },
        Error::DamagedKey,
        Error::KdfBelowFloor,
    ];
    for e in &errors {
        assert_eq!(say(Language::EnGb, e), e.to_string(), "{}", e.code());
        let welsh = say(Language::Cy, e);
        assert!(waymark_i18n::catalogue().has(Language::Cy, &format!("error-{}", e.code())), "{}", e.code());
        for (_, value) in e.values().into_iter().filter(|(k, v)| *k != "problem" && !v.is_empty()) {
            assert!(welsh.contains(&value), "the Welsh for {} leaves out {value}: {welsh}", e.code());
        }
    }
    assert_eq!(
        say(Language::Cy, &Error::WeakPassphrase(StrengthProblem::TooShort)),
        "Mae'r cyfrinymadrodd yna'n rhy hawdd ei ddyfalu: defnyddiwch o leiaf 10 nod. Mae tri gair ar hap yn gweithio'n dda."
    );
    // The strength meter and the refusal agree on the reason.
    let weak = Passphrase::new("password12".into());
    assert_eq!(weak.strength().problem, Some(StrengthProblem::Common { word: "password".into() }));
}
