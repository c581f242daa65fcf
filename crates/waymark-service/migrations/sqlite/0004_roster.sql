-- The organisation's roster: signed, hash-chained links the service keeps and hands out but
-- cannot write (every link is signed by the organisation's root or a key it certified, and
-- devices check them). Invites and enrolled devices now say which person in the roster they
-- are for; older rows have none (devices connected before the roster).

CREATE TABLE roster_links (
    seq   INTEGER PRIMARY KEY,        -- 0 for the genesis link, then one more each link
    body  TEXT NOT NULL               -- the link JSON exactly as the administrator signed it
);

ALTER TABLE invites ADD COLUMN person_id TEXT;
ALTER TABLE devices ADD COLUMN person_id TEXT;
