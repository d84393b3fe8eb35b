-- PostgreSQL twin of ../008_shared_book.sql.
--
-- Programs keep the order they were made in as a column of their own.
ALTER TABLE programs ADD COLUMN position BIGINT;
UPDATE programs p SET position = o.n
    FROM (SELECT id, row_number() OVER (ORDER BY ctid) AS n FROM programs) o
    WHERE o.id = p.id;

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
