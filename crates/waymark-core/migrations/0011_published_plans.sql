-- The plans a worker's laptop published to the people they work with: every version, sealed under
-- the worker's vault key, so the worker app can show the plan, change it, and say what changed.
-- In the clear only what finds a version: the person, the plan and its version.
CREATE TABLE published_plans (
    profile_id BLOB NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    person_id  BLOB NOT NULL CHECK (length(person_id) = 16),
    plan_id    BLOB NOT NULL CHECK (length(plan_id) = 16),
    version    INTEGER NOT NULL CHECK (version >= 1),
    sealed     BLOB NOT NULL,
    PRIMARY KEY (profile_id, person_id, plan_id, version)
) WITHOUT ROWID;
