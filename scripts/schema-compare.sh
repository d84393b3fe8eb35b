#!/usr/bin/env bash
# Compares the book's schema on the two engines: applies the SQLite migrations
# (crates/core/src/store/migrations/*.sql) to a new SQLite file and their PostgreSQL
# twins (migrations/postgres/*.sql) to a throwaway cluster (scripts/pg.sh), in one
# transaction each, then lists both schemas the same way (tables and views, columns with
# type, NOT NULL, default, identity, primary keys, unique constraints, named indexes,
# foreign keys, triggers with their event and message) and diffs the lists. The known
# differences, listed below, are shown apart. Exit 0 when nothing else differs.
# CHECK constraints and collations are not listed (SQLite does not report them).
#
#   bash scripts/schema-compare.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
MIGRATIONS=crates/core/src/store/migrations

die() {
    echo "schema-compare: $*" >&2
    exit 1
}

for tool in sqlite3 psql; do
    command -v "$tool" >/dev/null || die "$tool is missing: run scripts/setup.sh"
done

work=$(mktemp -d /tmp/schema-compare.XXXXXX)
# A folder of its own, which pg.sh hands to the server's user (mktemp's is private).
cluster=$(mktemp -d /tmp/schema-compare-pg.XXXXXX)
cleanup() {
    if [ -e "$cluster/pg.sh.cluster" ]; then
        bash scripts/pg.sh stop "$cluster"
    fi
    rm -rf -- "$work" "$cluster"
}
trap cleanup EXIT

# The SQLite migrations and their twins, the same numbers on both sides.
mapfile -t lite_files < <(find "$MIGRATIONS" -maxdepth 1 -name '[0-9]*.sql' | sort)
mapfile -t pg_files < <(find "$MIGRATIONS/postgres" -maxdepth 1 -name '[0-9]*.sql' | sort)
[ "${#lite_files[@]}" -gt 0 ] || die "no migrations in $MIGRATIONS"
lite_names=$(printf '%s\n' "${lite_files[@]##*/}")
pg_names=$(printf '%s\n' "${pg_files[@]##*/}")
if [ "$lite_names" != "$pg_names" ]; then
    comm -3 <(echo "$lite_names") <(echo "$pg_names") >&2
    die "the SQLite migrations and their PostgreSQL twins differ in names (above: SQLite's, then indented PostgreSQL's)"
fi

# SQLite ------------------------------------------------------------------------------
lite_db="$work/book.sqlite"
{
    echo "BEGIN;"
    cat "${lite_files[@]}"
    echo "COMMIT;"
} | sqlite3 -bail "$lite_db"

sqlite3 -bail -noheader -list "$lite_db" >"$work/sqlite.raw" <<'EOF'
SELECT m.type || ' ' || m.name FROM sqlite_schema m
    WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%';
SELECT 'column ' || m.name || '.' || c.name || ' '
        || CASE upper(c.type) WHEN 'INTEGER' THEN 'bigint' WHEN 'TEXT' THEN 'text'
            WHEN 'BLOB' THEN 'bytea' WHEN 'REAL' THEN 'double precision' ELSE lower(c.type) END
        || CASE WHEN c."notnull" OR c.pk > 0 THEN ' not null' ELSE '' END
        || coalesce(' default ' || c.dflt_value, '')
        || CASE WHEN c.pk = 1 AND upper(c.type) = 'INTEGER'
                 AND (SELECT count(*) FROM pragma_table_info(m.name) k WHERE k.pk > 0) = 1
                 AND m.sql NOT LIKE '%WITHOUT ROWID%'
            THEN ' identity' ELSE '' END
    FROM sqlite_schema m, pragma_table_info(m.name) c
    WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%';
SELECT 'primary key ' || m.name || '('
        || (SELECT group_concat(name, ',') FROM
            (SELECT k.name FROM pragma_table_info(m.name) k WHERE k.pk > 0 ORDER BY k.pk)) || ')'
    FROM sqlite_schema m
    WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) k WHERE k.pk > 0);
SELECT CASE WHEN il.origin = 'u' THEN 'unique ' || m.name
            ELSE 'index ' || il.name || ' on ' || m.name END
        || '(' || (SELECT group_concat(coalesce(name, '<expr>'), ',') FROM
            (SELECT ii.name FROM pragma_index_xinfo(il.name) ii WHERE ii.key ORDER BY ii.seqno)) || ')'
        || CASE WHEN il.origin = 'c' AND il."unique" THEN ' unique' ELSE '' END
        || CASE WHEN il.partial THEN ' partial' ELSE '' END
    FROM sqlite_schema m, pragma_index_list(m.name) il
    WHERE m.type = 'table' AND il.origin IN ('c', 'u');
SELECT 'foreign key ' || m.name || '(' || fk."from" || ') -> ' || fk."table" || '(' || fk."to" || ')'
    FROM sqlite_schema m, pragma_foreign_key_list(m.name) fk WHERE m.type = 'table';
SELECT 'trigger: ' || replace(replace(sql, char(10), ' '), char(9), ' ')
    FROM sqlite_schema WHERE type = 'trigger';
EOF
# CREATE TRIGGER name BEFORE event ON table BEGIN SELECT RAISE(ABORT, 'message'); END
sed -E -e 's/ +/ /g' \
    -e "s/^trigger: CREATE TRIGGER ([a-z_]+) (BEFORE|AFTER) (.*) ON ([a-z_]+) BEGIN SELECT RAISE\(ABORT, '(.*)'\); END$/trigger \1 \2 \3 ON \4: \5/" \
    -e 's/^trigger: CREATE TRIGGER ([a-z_]+) (BEFORE|AFTER) (.*) ON ([a-z_]+) BEGIN .*$/trigger \1 \2 \3 ON \4/' \
    "$work/sqlite.raw" | LC_ALL=C sort >"$work/sqlite.list"

# PostgreSQL --------------------------------------------------------------------------
url=$(bash scripts/pg.sh start "$cluster")
psql -X -q -1 -v ON_ERROR_STOP=1 "$url" "${pg_files[@]/#/--file=}" >/dev/null

psql -X -q -v ON_ERROR_STOP=1 -tA "$url" >"$work/postgres.raw" <<'EOF'
CREATE TEMP VIEW rels AS
    SELECT c.oid, c.relname, c.relkind FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v');
CREATE FUNCTION pg_temp.cols(rel oid, keys int2[]) RETURNS text LANGUAGE sql AS $$
    SELECT string_agg(CASE WHEN k.attnum = 0 THEN '<expr>' ELSE a.attname END, ',' ORDER BY k.n)
    FROM unnest(keys) WITH ORDINALITY AS k(attnum, n)
    LEFT JOIN pg_attribute a ON a.attrelid = rel AND a.attnum = k.attnum
$$;
SELECT CASE r.relkind WHEN 'r' THEN 'table ' ELSE 'view ' END || r.relname FROM rels r;
SELECT 'column ' || r.relname || '.' || a.attname || ' ' || format_type(a.atttypid, NULL)
        || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
        || coalesce(' default ' || regexp_replace(pg_get_expr(d.adbin, d.adrelid), '::text$', ''), '')
        || CASE WHEN a.attidentity <> '' THEN ' identity' ELSE '' END
    FROM rels r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = r.oid AND d.adnum = a.attnum;
SELECT CASE k.contype WHEN 'p' THEN 'primary key ' ELSE 'unique ' END || r.relname
        || '(' || pg_temp.cols(r.oid, k.conkey) || ')'
    FROM rels r JOIN pg_constraint k ON k.conrelid = r.oid AND k.contype IN ('p', 'u');
SELECT 'index ' || ic.relname || ' on ' || r.relname
        || '(' || pg_temp.cols(r.oid, i.indkey::int2[]) || ')'
        || CASE WHEN i.indisunique THEN ' unique' ELSE '' END
        || CASE WHEN i.indpred IS NOT NULL THEN ' partial' ELSE '' END
    FROM rels r JOIN pg_index i ON i.indrelid = r.oid JOIN pg_class ic ON ic.oid = i.indexrelid
    WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = r.oid);
SELECT 'foreign key ' || r.relname || '(' || pg_temp.cols(r.oid, k.conkey) || ') -> '
        || f.relname || '(' || pg_temp.cols(f.oid, k.confkey) || ')'
    FROM rels r JOIN pg_constraint k ON k.conrelid = r.oid AND k.contype = 'f'
    JOIN pg_class f ON f.oid = k.confrelid;
SELECT 'trigger: ' || pg_get_triggerdef(t.oid)
    FROM rels r JOIN pg_trigger t ON t.tgrelid = r.oid AND NOT t.tgisinternal;
EOF
# CREATE TRIGGER name BEFORE event ON [schema.]table FOR EACH ROW EXECUTE FUNCTION book_refuse('message')
sed -E -e "s/^trigger: CREATE TRIGGER ([a-z_]+) (BEFORE|AFTER) (.*) ON ([a-z_]+\.)?([a-z_]+) FOR EACH (ROW|STATEMENT) EXECUTE FUNCTION book_refuse\('(.*)'\)$/trigger \1 \2 \3 ON \5: \7/" \
    "$work/postgres.raw" | LC_ALL=C sort >"$work/postgres.list"

# What differs on purpose (see the comments in migrations/postgres/) -------------------
# SQLite: the FTS5 table partners_search with its shadow tables and the triggers that
# keep it; payment_outcomes.payment is a rowid alias there, a plain key here (always
# given); UNIQUE (file_id, bytes) is a unique index on (file_id, sha256(bytes)) here.
known_sqlite='^(table|column|primary key) partners_search(_[a-z]+)?([ .(]|$)|^trigger partners_search_(insert|delete|update) |^column payment_outcomes\.payment bigint not null identity$|^unique act_edo_files\(file_id,bytes\)$'
# PostgreSQL: the schema version's table (SQLite: PRAGMA user_version), the trigram index
# that replaces the FTS5 table, that unique index, the TRUNCATE guards, and the notes of
# the writers waiting for the lock (book_writers; SQLite: a file beside the book).
known_postgres='^(table book_schema|column book_schema\.version bigint not null)$|^(table|column|primary key) book_writers([ .(]|$)|^index partners_search on partners\(search\)$|^index act_edo_files_file_id_bytes_key on act_edo_files\(file_id,<expr>\) unique$|^trigger [a-z_]+_no_truncate BEFORE TRUNCATE ON [a-z_]+: |^column payment_outcomes\.payment bigint not null$'

grep -E "$known_sqlite" "$work/sqlite.list" >"$work/sqlite.known" || [ "$?" -eq 1 ]
grep -v -E "$known_sqlite" "$work/sqlite.list" >"$work/sqlite.rest" || [ "$?" -eq 1 ]
grep -E "$known_postgres" "$work/postgres.list" >"$work/postgres.known" || [ "$?" -eq 1 ]
grep -v -E "$known_postgres" "$work/postgres.list" >"$work/postgres.rest" || [ "$?" -eq 1 ]

echo "Known differences, SQLite only:"
sed 's/^/  /' "$work/sqlite.known"
echo "Known differences, PostgreSQL only:"
sed 's/^/  /' "$work/postgres.known"
echo
same=$(wc -l <"$work/sqlite.rest")
if diff -u --label sqlite --label postgres "$work/sqlite.rest" "$work/postgres.rest"; then
    echo "schema-compare: the same on both engines ($same lines: tables, columns, keys, indexes, foreign keys, triggers)"
else
    echo "schema-compare: the schemas differ (above: - SQLite, + PostgreSQL)" >&2
    exit 1
fi
