//! Secret values. None of these types derives `Debug`, `Clone` or `Serialize`, so a secret cannot
//! end up in a log line, a crash report or an exported file by accident, and each is zeroed when
//! dropped.

use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::entropy::Entropy;
use crate::error::{Error, Result};

/// A profile's 256-bit vault key. Every record key is derived from it; it is only ever stored
/// wrapped (see [`crate::keywrap`]).
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct VaultKey([u8; 32]);

impl VaultKey {
    pub fn generate(entropy: &dyn Entropy) -> Self {
        let mut k = VaultKey([0u8; 32]);
        entropy.fill(&mut k.0);
        k
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        VaultKey(bytes)
    }

    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

/// Secret words on their way in or out of the application: a passphrase or recovery code a
/// person typed, a new recovery code or suggested words to show them once. Zeroed when dropped;
/// derives nothing that could print or copy it. (The bytes serde and IPC held before it was made
/// are theirs; this is the one copy Waymark keeps, for as short a time as it can.)
pub struct SecretText(Zeroizing<String>);

impl SecretText {
    pub fn new(text: String) -> Self {
        SecretText(Zeroizing::new(text))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<Zeroizing<String>> for SecretText {
    fn from(text: Zeroizing<String>) -> Self {
        SecretText(text)
    }
}

impl From<String> for SecretText {
    fn from(text: String) -> Self {
        SecretText(Zeroizing::new(text))
    }
}

impl From<&str> for SecretText {
    fn from(text: &str) -> Self {
        SecretText(Zeroizing::new(text.to_string()))
    }
}

impl serde::Serialize for SecretText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for SecretText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(SecretText(Zeroizing::new(String::deserialize(d)?)))
    }
}

/// A passphrase typed by a person.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(text: String) -> Self {
        Passphrase(Zeroizing::new(text))
    }

    /// Takes the typed words over without copying them.
    pub fn from_secret(text: SecretText) -> Self {
        Passphrase(text.0)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Refuses passphrases that are too easy to guess, with a reason a person can act on.
    pub fn check_strength(&self) -> Result<()> {
        let chars = self.0.chars().count();
        if chars > 1024 {
            return Err(Error::TooLong { field: crate::error::Field::Passphrase, max: 1024, actual: chars });
        }
        match self.strength() {
            Strength { problem: Some(problem), .. } => Err(Error::WeakPassphrase(problem)),
            _ => Ok(()),
        }
    }

    /// How hard this passphrase is to guess, for the meter on the start screen. The same rules
    /// decide what [`Passphrase::check_strength`] refuses, so the meter never disagrees with it.
    pub fn strength(&self) -> Strength {
        let text = self.0.as_str();
        let weak = |problem: StrengthProblem| Strength { level: StrengthLevel::TooWeak, estimated_bits: 0, problem: Some(problem) };
        if text.chars().count() < 10 {
            return weak(StrengthProblem::TooShort);
        }
        // Nobody can type these; a passphrase holding one could never be typed again.
        if text.chars().any(char::is_control) {
            return weak(StrengthProblem::Untypable);
        }
        let lowered = text.to_lowercase();
        let mut distinct: Vec<char> = lowered.chars().collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 5 {
            return weak(StrengthProblem::Repetitive);
        }
        // Undo the usual letter swaps, so "Passw0rd!!" is caught as "password".
        let plain: String = lowered.chars().filter(|c| c.is_alphanumeric()).collect();
        let unswapped: String = lowered
            .chars()
            .map(|c| match c {
                '0' => 'o',
                '1' | '!' => 'i',
                '3' => 'e',
                '4' | '@' => 'a',
                '5' | '$' => 's',
                '7' => 't',
                other => other,
            })
            .filter(|c| c.is_alphanumeric())
            .collect();
        const COMMON: &[&str] = &[
            "password", "passphrase", "qwerty", "123456", "letmein", "iloveyou", "waymark",
            "abcdef", "football", "welcome", "monkey", "dragon",
        ];
        for squashed in [&plain, &unswapped] {
            let Some(word) = COMMON.iter().find(|w| squashed.contains(*w)) else { continue };
            if squashed.len() < word.len() + 8 {
                return weak(StrengthProblem::Common { word: (*word).to_string() });
            }
        }
        let bits = estimate_bits(&lowered, text);
        let level = match bits {
            0..=29 => StrengthLevel::Okay,
            30..=49 => StrengthLevel::Good,
            _ => StrengthLevel::Strong,
        };
        Strength { level, estimated_bits: bits, problem: None }
    }
}

/// A rough, deliberately cautious guess at how many guesses (as a power of two) finding a
/// passphrase would take: words from the suggestion list count 11 bits each, since an attacker
/// may know the list; other text counts about 2 bits a character, roughly what English carries.
fn estimate_bits(lowered: &str, original: &str) -> u32 {
    let mut bits = 0.0f64;
    for word in lowered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        bits += if suggestion_words().any(|w| w == word) { 11.0 } else { 2.0 * word.chars().count() as f64 };
    }
    // Capitals, digits and symbols add a little, but mostly in predictable places.
    if original.chars().any(|c| c.is_uppercase()) {
        bits += 2.0;
    }
    if original.chars().any(|c| c.is_ascii_digit()) {
        bits += 2.0;
    }
    bits as u32
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum StrengthLevel {
    /// Refused, with a reason.
    TooWeak,
    Okay,
    Good,
    Strong,
}

/// The meter's reading. Holds no part of the passphrase itself.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Strength {
    pub level: StrengthLevel,
    pub estimated_bits: u32,
    /// Why it is refused; the UI says it in the person's language (`strength-problem`).
    pub problem: Option<StrengthProblem>,
}

pub use crate::vocabulary::StrengthProblem;

impl StrengthProblem {
    /// The reason in `language`, as the refusal says it.
    pub fn words(&self, language: crate::Language) -> String {
        crate::Error::WeakPassphrase(self.clone()).words(language)
    }
}

/// The 2048 words passphrase suggestions are drawn from (`data/words.txt`): short, common and
/// easy to spell, chosen to be neutral for children in care.
const SUGGESTION_WORDS: &str = include_str!("../data/words.txt");

fn suggestion_words() -> impl Iterator<Item = &'static str> {
    SUGGESTION_WORDS.lines().filter(|l| !l.is_empty())
}

/// Suggests a passphrase of `count` words picked uniformly at random (2048 words: 11 bits each),
/// joined by hyphens. Three words take longer to guess than Argon2id lets an attacker try in
/// years on one machine, and are far easier to remember than random characters.
pub fn suggest_passphrase(entropy: &dyn Entropy, count: usize) -> Passphrase {
    let words: Vec<&str> = suggestion_words().collect();
    debug_assert_eq!(words.len(), 2048);
    let mut out = Zeroizing::new(String::new());
    for i in 0..count {
        let mut b = Zeroizing::new([0u8; 2]);
        entropy.fill(&mut b[..]);
        // 2048 is a power of two, so masking keeps every word equally likely.
        let index = (u16::from_le_bytes(*b) & 0x07ff) as usize % words.len();
        if i > 0 {
            out.push('-');
        }
        out.push_str(words[index]);
    }
    Passphrase(out)
}

/// A recovery code: 120 random bits, shown once at set-up in six groups of four characters
/// (Crockford base32, so 0/O and 1/I/L cannot be confused).
pub struct RecoveryCode(Zeroizing<[u8; RecoveryCode::BYTES]>);

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl RecoveryCode {
    pub const BYTES: usize = 15;

    pub fn generate(entropy: &dyn Entropy) -> Self {
        let mut b = Zeroizing::new([0u8; Self::BYTES]);
        entropy.fill(&mut b[..]);
        RecoveryCode(b)
    }

    pub fn expose(&self) -> &[u8; Self::BYTES] {
        &self.0
    }

    /// The text file a person saves to keep this code safe, in `language`: its file name
    /// (without extension) and its text, naming the profile `name`.
    pub fn document(&self, language: crate::Language, name: &str) -> (String, Zeroizing<String>) {
        let code = self.display();
        let values = [("name", name.into()), ("code", code.as_str().into())];
        let stem = waymark_i18n::text_with(language, "recovery-document-name", &values[..1]);
        let mut text = Zeroizing::new(waymark_i18n::text_with(language, "recovery-document", &values));
        text.push('\n');
        (stem, text)
    }

    /// The code as a person reads it, e.g. `7K2M-QX9D-...` (24 characters in six groups).
    pub fn display(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(29));
        let mut acc: u32 = 0;
        let mut bits = 0;
        let mut n = 0;
        for &byte in self.0.iter() {
            acc = (acc << 8) | byte as u32;
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                if n > 0 && n % 4 == 0 {
                    out.push('-');
                }
                out.push(CROCKFORD[((acc >> bits) & 31) as usize] as char);
                n += 1;
            }
        }
        acc.zeroize();
        out
    }

    /// Reads a code typed by a person: case, spaces and dashes do not matter, and the letters
    /// O, I and L are read as 0, 1 and 1.
    pub fn parse(text: &str) -> Result<Self> {
        let mut out = Zeroizing::new([0u8; Self::BYTES]);
        let mut acc: u32 = 0;
        let mut bits = 0;
        let mut i = 0;
        let mut symbols = 0;
        for c in text.chars() {
            let c = c.to_ascii_uppercase();
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let c = match c {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            let v = CROCKFORD
                .iter()
                .position(|&x| x as char == c)
                .ok_or(Error::WrongRecoveryCode)? as u32;
            symbols += 1;
            if symbols > 24 {
                return Err(Error::WrongRecoveryCode);
            }
            acc = (acc << 5) | v;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                out[i] = (acc >> bits) as u8;
                i += 1;
            }
        }
        acc.zeroize();
        if symbols != 24 {
            return Err(Error::WrongRecoveryCode);
        }
        Ok(RecoveryCode(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_text_moves_its_one_copy_and_travels_as_a_plain_string() {
        // Taken over, not copied: the passphrase holds the very buffer that arrived, so the one
        // copy Waymark keeps is the one that is zeroed.
        let text = SecretText::new("otter lantern biscuit".to_string());
        let buffer = text.expose().as_ptr();
        let passphrase = Passphrase::from_secret(text);
        assert_eq!(passphrase.expose().as_ptr(), buffer);
        let code = RecoveryCode::generate(&crate::entropy::SeededEntropy::new(3));
        let shown = code.display();
        let buffer = shown.as_ptr();
        let out = SecretText::from(shown);
        assert_eq!(out.expose().as_ptr(), buffer, "a new recovery code goes out without a copy");

        let json = serde_json::to_string(&out).unwrap();
        assert_eq!(json, format!("\"{}\"", code.display().as_str()));
        let back: SecretText = serde_json::from_str(&json).unwrap();
        assert_eq!(back.expose(), code.display().as_str());
    }
}
