-- Deletions a person asked the service for (by withdrawing consent) that it has not confirmed
-- yet. Written in the same transaction as the withdrawal, so a restart cannot lose one. What
-- kind and which service are sealed like an outbox item.
CREATE TABLE pending_deletions (
    profile_id   BLOB NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    id           BLOB NOT NULL CHECK (length(id) = 16),
    asked_at     INTEGER NOT NULL,
    sealed       BLOB NOT NULL,
    PRIMARY KEY (profile_id, id)
) WITHOUT ROWID;
