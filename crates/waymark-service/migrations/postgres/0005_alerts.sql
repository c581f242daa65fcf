-- "I don't feel safe" alerts (see the SQLite migration of the same number).

CREATE TABLE alerts (
    id                  BIGSERIAL PRIMARY KEY,
    envelope_id         TEXT NOT NULL UNIQUE,
    person_id           TEXT,
    raised_at           BIGINT NOT NULL,
    acknowledged_at     BIGINT,
    acknowledged_by     TEXT,
    escalations         INTEGER NOT NULL DEFAULT 0,
    next_escalation_at  BIGINT NOT NULL
);
CREATE INDEX alerts_due ON alerts (next_escalation_at) WHERE acknowledged_at IS NULL;

CREATE TABLE alert_recipients (
    alert_id     BIGINT NOT NULL REFERENCES alerts (id),
    worker_id    TEXT NOT NULL,
    why          TEXT NOT NULL,
    alerted_at   BIGINT NOT NULL,
    PRIMARY KEY (alert_id, worker_id)
);
CREATE INDEX alert_recipients_by_worker ON alert_recipients (worker_id);
