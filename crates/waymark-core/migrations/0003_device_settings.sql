-- Preferences for this laptop (text size, font, contrast, idle lock time). They are read before
-- anyone unlocks, so the start screen looks right, and they say nothing about what anyone wrote,
-- so they are kept in the clear. One row per setting group, each value versioned JSON.

CREATE TABLE device_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
