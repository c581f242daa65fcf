//! Randomness, passed in. Keys, salts and ids are drawn from an [`Entropy`] given to the vault,
//! so tests can make them repeatable. Production code always uses [`SystemEntropy`].

use ring::rand::{SecureRandom, SystemRandom};

pub trait Entropy: Send + Sync {
    /// Fills `out` with random bytes. Failing to get randomness is fatal: nothing may be sealed
    /// with a predictable key, so this panics rather than continue.
    fn fill(&self, out: &mut [u8]);
}

/// The operating system's cryptographic random number generator, through `ring`.
pub struct SystemEntropy(SystemRandom);

impl SystemEntropy {
    pub fn new() -> Self {
        SystemEntropy(SystemRandom::new())
    }
}

impl Default for SystemEntropy {
    fn default() -> Self {
        Self::new()
    }
}

impl Entropy for SystemEntropy {
    fn fill(&self, out: &mut [u8]) {
        self.0
            .fill(out)
            .expect("the operating system's random number generator failed");
    }
}

/// A repeatable byte stream (SHA-256 in counter mode over a seed). Never for real keys: only for
/// tests and benchmarks that need the same ids and salts on every run.
pub struct SeededEntropy {
    seed: [u8; 32],
    counter: std::sync::atomic::AtomicU64,
}

impl SeededEntropy {
    pub fn new(seed: u64) -> Self {
        let mut s = [0u8; 32];
        s[..8].copy_from_slice(&seed.to_be_bytes());
        SeededEntropy { seed: s, counter: std::sync::atomic::AtomicU64::new(0) }
    }
}

impl Entropy for SeededEntropy {
    fn fill(&self, out: &mut [u8]) {
        for chunk in out.chunks_mut(32) {
            let n = self.counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
            ctx.update(&self.seed);
            ctx.update(&n.to_be_bytes());
            let block = ctx.finish();
            chunk.copy_from_slice(&block.as_ref()[..chunk.len()]);
        }
    }
}
