-- Library pages can be translated: a page and its translations share an id, one row per
-- language. Pages installed before this were all English. The search index is rebuilt over the
-- new table (an FTS5 external-content table cannot follow a renamed one).
DROP TABLE library_search;
ALTER TABLE library_resources RENAME TO library_resources_english;

CREATE TABLE library_resources (
    rowid           INTEGER PRIMARY KEY,
    id              TEXT NOT NULL,
    language        TEXT NOT NULL CHECK (language IN ('en-GB', 'cy')),
    audience        TEXT NOT NULL CHECK (audience IN ('carer', 'young_person')),
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    body            TEXT NOT NULL,
    tags            TEXT NOT NULL,
    reading_minutes INTEGER NOT NULL,
    last_reviewed   TEXT NOT NULL,
    sources         TEXT NOT NULL,
    UNIQUE (id, language)
);

INSERT INTO library_resources (rowid, id, language, audience, title, summary, body, tags, reading_minutes, last_reviewed, sources)
    SELECT rowid, id, 'en-GB', audience, title, summary, body, tags, reading_minutes, last_reviewed, sources
    FROM library_resources_english;
DROP TABLE library_resources_english;

CREATE VIRTUAL TABLE library_search USING fts5 (
    title, tags, summary, body,
    content = 'library_resources', content_rowid = 'rowid',
    tokenize = 'porter unicode61'
);
INSERT INTO library_search (library_search) VALUES ('rebuild');
