-- The organisation's roster as this profile's device last verified it, sealed under the profile's
-- vault key (it names the service's workers). A sync fetches only the links after its head, and
-- a service that rolls the roster back or shows a different history is caught against it.
CREATE TABLE roster_state (
    profile_id  BLOB PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    sealed      BLOB NOT NULL
);
