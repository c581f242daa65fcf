-- The organisation's roster (see the SQLite migration of the same number).

CREATE TABLE roster_links (
    seq   BIGINT PRIMARY KEY,
    body  TEXT NOT NULL
);

ALTER TABLE invites ADD COLUMN person_id TEXT;
ALTER TABLE devices ADD COLUMN person_id TEXT;
CREATE INDEX devices_by_person_id ON devices (person_id);
