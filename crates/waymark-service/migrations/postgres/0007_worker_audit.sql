-- The audit log workers' laptops write (see the SQLite migration of the same number).

CREATE TABLE worker_audit (
    entry_no     BIGSERIAL PRIMARY KEY,
    device_id    TEXT NOT NULL,
    seq          BIGINT NOT NULL,
    hash         TEXT NOT NULL,
    received_at  BIGINT NOT NULL,
    body         TEXT NOT NULL,
    UNIQUE (device_id, seq)
);
