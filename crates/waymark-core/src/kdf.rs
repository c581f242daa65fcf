//! Argon2id, which turns a passphrase into a key-encryption key. The parameters travel with each
//! wrapped key, and parameters below [`KdfParams::FLOOR`] are refused when reading, so a tampered
//! file cannot weaken the work an attacker must do.

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::secret::Passphrase;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// The OWASP minimum for Argon2id (19 MiB, 2 passes, 1 lane). Nothing weaker is accepted.
    pub const FLOOR: KdfParams = KdfParams { memory_kib: 19 * 1024, iterations: 2, parallelism: 1 };

    /// The default for new profiles: 128 MiB, 3 passes, 1 lane. About 0.4–0.6 s on the 2-core
    /// machines Waymark is built and tested on (`cargo bench -p waymark-core --bench vault`
    /// prints the figure).
    pub const DEFAULT: KdfParams =
        KdfParams { memory_kib: 128 * 1024, iterations: 3, parallelism: 1 };

    /// Upper limits, so a damaged file cannot make unlocking take gigabytes or minutes.
    const CEILING: KdfParams =
        KdfParams { memory_kib: 2 * 1024 * 1024, iterations: 64, parallelism: 16 };

    pub fn check(&self) -> Result<()> {
        if self.memory_kib < Self::FLOOR.memory_kib
            || self.iterations < Self::FLOOR.iterations
            || self.parallelism < Self::FLOOR.parallelism
        {
            return Err(Error::KdfBelowFloor);
        }
        if self.memory_kib > Self::CEILING.memory_kib
            || self.iterations > Self::CEILING.iterations
            || self.parallelism > Self::CEILING.parallelism
        {
            return Err(Error::DamagedKey);
        }
        Ok(())
    }

    /// Derives a 256-bit key from the passphrase and salt.
    pub fn derive(&self, passphrase: &Passphrase, salt: &[u8]) -> Result<Zeroizing<[u8; 32]>> {
        self.check()?;
        let params = Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|_| Error::DamagedKey)?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let mut out = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(passphrase.expose().as_bytes(), salt, &mut out[..])
            .map_err(|_| Error::DamagedKey)?;
        Ok(out)
    }
}
