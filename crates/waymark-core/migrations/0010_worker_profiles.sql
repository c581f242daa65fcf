-- Workers at the service keep a vault too, on their own laptop, in the worker app: a profile of
-- role 'worker' (SQLite cannot change a CHECK, so the table is rebuilt; the migration runs with
-- foreign keys off and checked before it commits, so no profile's records are touched).
CREATE TABLE profiles_new (
    id               BLOB PRIMARY KEY CHECK (length(id) = 16),
    display_name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role             TEXT NOT NULL CHECK (role IN ('young_person', 'carer', 'worker')),
    created_at       INTEGER NOT NULL,
    passphrase_wrap  BLOB NOT NULL,
    recovery_wrap    BLOB NOT NULL,
    failed_unlocks   INTEGER NOT NULL DEFAULT 0,
    unlock_not_before INTEGER NOT NULL DEFAULT 0,
    language TEXT NOT NULL DEFAULT 'en-GB' CHECK (language IN ('en-GB', 'cy'))
);
INSERT INTO profiles_new (id, display_name, role, created_at, passphrase_wrap, recovery_wrap, failed_unlocks, unlock_not_before, language)
    SELECT id, display_name, role, created_at, passphrase_wrap, recovery_wrap, failed_unlocks, unlock_not_before, language FROM profiles;
DROP TABLE profiles;
ALTER TABLE profiles_new RENAME TO profiles;

-- What people shared with a worker's laptop, opened and kept sealed under the worker's vault key
-- (the person, the kind, what they wrote, and what the worker has done about it are all inside
-- `sealed`). In the clear only what finds it again: its envelope id and its place in the
-- laptop's feed, so the next read starts after the last one kept.
CREATE TABLE shared_with_me (
    profile_id  BLOB NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    envelope_id BLOB NOT NULL CHECK (length(envelope_id) = 16),
    feed_seq    INTEGER NOT NULL,
    version     INTEGER NOT NULL CHECK (version >= 1),
    sealed      BLOB NOT NULL,
    PRIMARY KEY (profile_id, envelope_id)
) WITHOUT ROWID;

-- The names a worker gives the people they work with, on their own laptop only: the roster names
-- people by id alone, and these names are never sent.
CREATE TABLE person_labels (
    profile_id BLOB NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    person_id  BLOB NOT NULL CHECK (length(person_id) = 16),
    sealed     BLOB NOT NULL,
    PRIMARY KEY (profile_id, person_id)
) WITHOUT ROWID;
