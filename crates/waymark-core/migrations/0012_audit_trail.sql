-- The audit entries a worker's laptop signed (who opened, answered, published or changed what,
-- by id), sealed under the worker's vault key. Kept after the service has them too: the laptop's
-- own copy of its chain. In the clear only the laptop's device id, the entry's number and whether
-- the service has it yet.
CREATE TABLE audit_trail (
    profile_id BLOB NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    device_id  BLOB NOT NULL CHECK (length(device_id) = 16),
    seq        INTEGER NOT NULL CHECK (seq >= 0),
    handed_in  INTEGER NOT NULL DEFAULT 0 CHECK (handed_in IN (0, 1)),
    sealed     BLOB NOT NULL,
    PRIMARY KEY (profile_id, device_id, seq)
) WITHOUT ROWID;
