//! Identifiers for profiles and records: random 128-bit values, shown as UUID text.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::entropy::Entropy;

macro_rules! id_type {
    ($name:ident, $what:literal, $field:ident) => {
        #[doc = concat!("The id of a ", $what, ".")]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn random(entropy: &dyn Entropy) -> Self {
                let mut b = [0u8; 16];
                entropy.fill(&mut b);
                $name(uuid::Builder::from_random_bytes(b).into_uuid())
            }

            pub fn as_bytes(&self) -> &[u8; 16] {
                self.0.as_bytes()
            }

            pub fn from_slice(b: &[u8]) -> Option<Self> {
                Uuid::from_slice(b).ok().map($name)
            }

            pub fn parse(text: &str) -> crate::Result<Self> {
                Uuid::parse_str(text.trim()).map($name).map_err(|_| crate::Error::Invalid {
                    field: crate::error::Field::$field,
                    problem: crate::error::Problem::NotAnId { given: crate::validate::clip(text) },
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(ProfileId, "profile", Profile);
id_type!(RecordId, "record", Record);
