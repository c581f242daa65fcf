-- The audit log workers' laptops write: each laptop's chain of signed entries (who opened,
-- answered, published or changed what, and when), kept as the laptop signed it. The service
-- cannot write an entry (it has no laptop's key) and keeps each laptop's chain without holes: an
-- entry is taken only if it follows the last one kept for that laptop. Ids only, never a name or
-- anything anyone wrote.

CREATE TABLE worker_audit (
    entry_no     INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id    TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    hash         TEXT NOT NULL,
    received_at  INTEGER NOT NULL,
    body         TEXT NOT NULL,
    UNIQUE (device_id, seq)
);
