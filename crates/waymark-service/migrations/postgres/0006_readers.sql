-- Who may read each envelope sealed to workers (see the SQLite migration of the same number).

CREATE TABLE envelope_readers (
    envelope_id  TEXT NOT NULL REFERENCES envelopes (envelope_id) ON DELETE CASCADE,
    device_id    TEXT NOT NULL,
    PRIMARY KEY (device_id, envelope_id)
);
CREATE INDEX envelope_readers_by_envelope ON envelope_readers (envelope_id);
