-- Profiles, sealed records and the outbox.
-- Only what is needed to find things is stored in the clear: a profile's name and role (shown
-- before unlocking), record ids, kinds and versions. Everything a person wrote is in `sealed`.

CREATE TABLE profiles (
    id               BLOB PRIMARY KEY CHECK (length(id) = 16),
    display_name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role             TEXT NOT NULL CHECK (role IN ('young_person', 'carer')),
    created_at       INTEGER NOT NULL,
    passphrase_wrap  BLOB NOT NULL,
    recovery_wrap    BLOB NOT NULL,
    -- Wrong-passphrase throttling survives a restart.
    failed_unlocks   INTEGER NOT NULL DEFAULT 0,
    unlock_not_before INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE records (
    profile_id BLOB NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    id         BLOB NOT NULL CHECK (length(id) = 16),
    kind       TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    sealed     BLOB NOT NULL,
    PRIMARY KEY (profile_id, id)
) WITHOUT ROWID;

CREATE INDEX records_by_kind ON records (profile_id, kind);

-- The consent and sharing ledgers are append-only: an entry, once written, is never changed.
CREATE TRIGGER ledgers_append_only BEFORE UPDATE ON records
WHEN OLD.kind IN ('consent_event', 'share_entry')
BEGIN
    SELECT RAISE(ABORT, 'consent and sharing ledger entries cannot be changed');
END;

-- Items waiting to be sent. Written in the same transaction as the change that needs sending;
-- the destination and record details are sealed like any record (kind 'outbox_item').
CREATE TABLE outbox (
    profile_id   BLOB NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    id           BLOB NOT NULL CHECK (length(id) = 16),
    enqueued_at  INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    sealed       BLOB NOT NULL,
    PRIMARY KEY (profile_id, id)
) WITHOUT ROWID;
