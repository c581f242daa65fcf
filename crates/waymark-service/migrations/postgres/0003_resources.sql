-- The newest resource library the service publishes: public guidance, signed, nothing personal.
CREATE TABLE resources (
    singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
    bundle_version BIGINT NOT NULL,
    signed         TEXT NOT NULL,
    published_at   BIGINT NOT NULL
);
