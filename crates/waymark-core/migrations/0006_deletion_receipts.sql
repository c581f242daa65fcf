-- Deletions the service confirmed with a signed receipt that checked out: the person's record
-- that what they took back was deleted there. A confirmed ask moves here from pending_deletions
-- in one transaction. What kind, which service, how many and the receipt itself are sealed.
CREATE TABLE deletion_receipts (
    profile_id    BLOB NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    id            BLOB NOT NULL CHECK (length(id) = 16),
    asked_at      INTEGER NOT NULL,
    confirmed_at  INTEGER NOT NULL,
    sealed        BLOB NOT NULL,
    PRIMARY KEY (profile_id, id)
) WITHOUT ROWID;
