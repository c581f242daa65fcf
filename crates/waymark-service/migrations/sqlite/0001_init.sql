-- The service's tables. It holds who may connect and sealed envelopes; never a plaintext.

CREATE TABLE invites (
    token_hash   BLOB PRIMARY KEY,        -- SHA-256 of the one-time token; the token is not kept
    person_name  TEXT NOT NULL,
    role         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER,
    device_id    TEXT
);

CREATE TABLE devices (
    id            TEXT PRIMARY KEY,        -- UUID chosen by the service at enrolment
    person_name   TEXT NOT NULL,
    role          TEXT NOT NULL,
    signing_key   TEXT NOT NULL,           -- Ed25519, base64
    receiving_key TEXT NOT NULL,           -- X25519, base64
    enrolled_at   INTEGER NOT NULL
);

CREATE TABLE envelopes (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    envelope_id  TEXT NOT NULL UNIQUE,
    device_id    TEXT NOT NULL REFERENCES devices (id),
    record_kind  TEXT NOT NULL,
    received_at  INTEGER NOT NULL,
    body         TEXT NOT NULL,            -- the envelope JSON exactly as sealed by the device
    read_at      INTEGER
);

CREATE TABLE mailbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id  TEXT NOT NULL REFERENCES devices (id),
    posted_at  INTEGER NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX mailbox_by_device ON mailbox (device_id, seq);

CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    device_id  TEXT,
    action     TEXT NOT NULL,
    outcome    TEXT NOT NULL
);
