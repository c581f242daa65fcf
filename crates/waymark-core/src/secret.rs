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

/// A passphrase typed by a person.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(text: String) -> Self {
        Passphrase(Zeroizing::new(text))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Refuses passphrases that are too easy to guess, with a reason a person can act on.
    pub fn check_strength(&self) -> Result<()> {
        let text = self.0.as_str();
        let chars = text.chars().count();
        if chars < 10 {
            return Err(Error::WeakPassphrase(
                "use at least 10 characters. Three random words work well.".into(),
            ));
        }
        if chars > 1024 {
            return Err(Error::TooLong { field: "Passphrase".into(), max: 1024, actual: chars });
        }
        let mut distinct: Vec<char> = text.to_lowercase().chars().collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 5 {
            return Err(Error::WeakPassphrase(
                "it repeats the same few letters. Try three random words.".into(),
            ));
        }
        let lowered = text.to_lowercase();
        let squashed: String = lowered.chars().filter(|c| c.is_alphanumeric()).collect();
        const COMMON: &[&str] = &[
            "password", "passphrase", "qwerty", "123456", "letmein", "iloveyou", "waymark",
            "abcdef", "football", "welcome", "monkey", "dragon",
        ];
        if let Some(word) = COMMON.iter().find(|w| squashed.contains(*w)) {
            if squashed.len() < word.len() + 8 {
                return Err(Error::WeakPassphrase(format!(
                    "it is mostly '{word}', which is one of the first things people guess."
                )));
            }
        }
        Ok(())
    }
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
