-- "I don't feel safe": a content-free alert for each urgent envelope, the workers it was raised
-- to (and why), and whether and by whom it was acknowledged. The escalation clock is
-- next_escalation_at: an alert still unacknowledged then goes to the next worker in the
-- organisation's escalation order (from its signed roster).

CREATE TABLE alerts (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    envelope_id         TEXT NOT NULL UNIQUE,     -- the urgent envelope (it may later be deleted)
    person_id           TEXT,                     -- from the roster; none if the sender is not in it
    raised_at           INTEGER NOT NULL,
    acknowledged_at     INTEGER,
    acknowledged_by     TEXT,                     -- the worker's id in the roster
    escalations         INTEGER NOT NULL DEFAULT 0,
    next_escalation_at  INTEGER NOT NULL
);
CREATE INDEX alerts_due ON alerts (next_escalation_at) WHERE acknowledged_at IS NULL;

CREATE TABLE alert_recipients (
    alert_id     INTEGER NOT NULL REFERENCES alerts (id),
    worker_id    TEXT NOT NULL,
    why          TEXT NOT NULL,                   -- duty, allocated or escalated
    alerted_at   INTEGER NOT NULL,
    PRIMARY KEY (alert_id, worker_id)
);
CREATE INDEX alert_recipients_by_worker ON alert_recipients (worker_id);
