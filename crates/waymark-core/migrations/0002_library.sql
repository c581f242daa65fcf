-- The safe-care resource library and help pages. This is published guidance, the same for every
-- profile and containing nothing personal, so it is kept in the clear where full-text search can
-- index it. Bookmarks and read marks are personal and live in sealed records instead.

CREATE TABLE library_bundle (
    singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
    bundle_version INTEGER NOT NULL,
    installed_at   INTEGER NOT NULL
);

CREATE TABLE library_resources (
    rowid           INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    audience        TEXT NOT NULL CHECK (audience IN ('carer', 'young_person')),
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    body            TEXT NOT NULL,
    tags            TEXT NOT NULL,
    reading_minutes INTEGER NOT NULL,
    last_reviewed   TEXT NOT NULL,
    sources         TEXT NOT NULL
);

CREATE VIRTUAL TABLE library_search USING fts5 (
    title, tags, summary, body,
    content = 'library_resources', content_rowid = 'rowid',
    tokenize = 'porter unicode61'
);
