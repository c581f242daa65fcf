-- Who may read each envelope a device sealed to workers (format 4): the reading devices its
-- header names in the clear. The service routes by this and cannot open what it routes; an
-- envelope sealed to the service's own key (connections made before rosters) has no rows here.

CREATE TABLE envelope_readers (
    envelope_id  TEXT NOT NULL REFERENCES envelopes (envelope_id) ON DELETE CASCADE,
    device_id    TEXT NOT NULL,
    PRIMARY KEY (device_id, envelope_id)
);
CREATE INDEX envelope_readers_by_envelope ON envelope_readers (envelope_id);
