//! Preferences for this laptop: text size, a dyslexia-friendly font, high contrast, how long
//! Waymark waits before locking itself, and the language of the start screen (each profile keeps
//! its own language too). They are stored in the clear because the start screen
//! needs them before anyone unlocks; this module must never hold anything a person wrote.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Field, Problem, Result};
use crate::vault::{Language, Vault};

/// The stored form's version; a newer one than this build knows is refused, not guessed at.
/// 2 added the language; a version 1 form reads as English.
const SETTINGS_VERSION: u32 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    Standard,
    Large,
    Larger,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DisplaySettings {
    pub text_size: TextSize,
    pub dyslexia_font: bool,
    pub high_contrast: bool,
    /// Minutes without a key press, click or typing before Waymark locks.
    pub idle_lock_minutes: u32,
    /// The start screen's language, chosen at first start.
    #[serde(default)]
    pub language: Language,
}

impl DisplaySettings {
    pub const MIN_IDLE_MINUTES: u32 = 1;
    pub const MAX_IDLE_MINUTES: u32 = 60;

    pub fn validate(&self) -> Result<()> {
        if !(Self::MIN_IDLE_MINUTES..=Self::MAX_IDLE_MINUTES).contains(&self.idle_lock_minutes) {
            return Err(Error::invalid(
                Field::LockAfter,
                Problem::Between { min: Self::MIN_IDLE_MINUTES.into(), max: Self::MAX_IDLE_MINUTES.into() },
            ));
        }
        Ok(())
    }
}

impl Default for DisplaySettings {
    fn default() -> Self {
        DisplaySettings { text_size: TextSize::Standard, dyslexia_font: false, high_contrast: false, idle_lock_minutes: 5, language: Language::EnGb }
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    display: DisplaySettings,
}

impl Vault {
    /// This laptop's display settings, or the defaults if none were saved.
    pub fn display_settings(&self) -> Result<DisplaySettings> {
        let value: Option<String> = self
            .conn()
            .query_row("SELECT value FROM device_settings WHERE key = 'display'", [], |r| r.get(0))
            .optional()?;
        let Some(value) = value else { return Ok(DisplaySettings::default()) };
        let stored: Stored = serde_json::from_str(&value)
            .map_err(|_| Error::invalid(Field::Settings, Problem::Unreadable))?;
        if stored.version > SETTINGS_VERSION {
            return Err(Error::UnsupportedVersion { what: crate::error::Format::Settings, found: stored.version, supported: SETTINGS_VERSION });
        }
        stored.display.validate()?;
        Ok(stored.display)
    }

    pub fn save_display_settings(&mut self, settings: &DisplaySettings) -> Result<()> {
        settings.validate()?;
        let value = serde_json::to_string(&Stored { version: SETTINGS_VERSION, display: settings.clone() })
            .expect("settings serialise");
        self.conn().execute(
            "INSERT INTO device_settings (key, value) VALUES ('display', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [value],
        )?;
        Ok(())
    }
}
