-- The service's tables on PostgreSQL: the same as the SQLite back end. It holds who may connect
-- and sealed envelopes; never a plaintext.

CREATE TABLE invites (
    token_hash   BYTEA PRIMARY KEY,
    person_name  TEXT NOT NULL,
    role         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT,
    device_id    TEXT
);

CREATE TABLE devices (
    id            TEXT PRIMARY KEY,
    person_name   TEXT NOT NULL,
    role          TEXT NOT NULL,
    signing_key   TEXT NOT NULL,
    receiving_key TEXT NOT NULL,
    enrolled_at   BIGINT NOT NULL
);
CREATE INDEX devices_by_person ON devices (person_name);

CREATE TABLE envelopes (
    seq          BIGSERIAL PRIMARY KEY,
    envelope_id  TEXT NOT NULL UNIQUE,
    device_id    TEXT NOT NULL REFERENCES devices (id),
    record_kind  TEXT NOT NULL,
    received_at  BIGINT NOT NULL,
    body         TEXT NOT NULL,
    read_at      BIGINT
);

CREATE TABLE mailbox (
    seq        BIGSERIAL PRIMARY KEY,
    device_id  TEXT NOT NULL REFERENCES devices (id),
    posted_at  BIGINT NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX mailbox_by_device ON mailbox (device_id, seq);

CREATE TABLE audit (
    seq        BIGSERIAL PRIMARY KEY,
    at         BIGINT NOT NULL,
    device_id  TEXT,
    action     TEXT NOT NULL,
    outcome    TEXT NOT NULL
);
