-- The service a profile shares with: its address, pinned keys and this device's own keys. The
-- device's secret keys are inside, so the whole row is sealed under the profile's vault key.
CREATE TABLE service_connection (
    profile_id  BLOB PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    sealed      BLOB NOT NULL
);
