-- PostgreSQL twin of ../008_shared_book.sql.
--
-- Programs keep the order they were made in as a column of their own.
ALTER TABLE programs ADD COLUMN position BIGINT;
UPDATE programs p SET position = o.n
    FROM (SELECT id, row_number() OVER (ORDER BY ctid) AS n FROM programs) o
    WHERE o.id = p.id;

-- A client's current binding, found by its client: a binding that ends is closed by it
-- (without it the server, planning on statistics older than an import's rows, scanned
-- every current binding for each one closed).
CREATE INDEX binding_events_current ON binding_events (client) WHERE outcome = 'bound' AND until IS NULL;

-- Who is writing to the book, doing what, since when: each writer's session leaves its
-- note here before it waits for the write lock, so that another writer who waits in vain
-- is told who holds the book (the SQLite book keeps this note in a file beside it).
CREATE UNLOGGED TABLE book_writers (
    pid     INTEGER PRIMARY KEY,
    who     TEXT NOT NULL,
    what_ru TEXT NOT NULL,
    what_en TEXT NOT NULL,
    since   TEXT NOT NULL
);
