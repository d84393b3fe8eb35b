"""Peer of `partnerbook import billing`: the usual spreadsheet-to-database route.

    python3 pandas_import.py BILLING.csv OUT.sqlite

Reads the CSV with `pandas.read_csv` (its defaults: types inferred, no checks) and
writes it with `DataFrame.to_sql` into a bare table of a fresh SQLite file through the
standard `sqlite3` module. Prints the number of rows written. partnerbook-bench runs it
under the same timer and peak-RSS measurement as `partnerbook`.
"""

import os
import sqlite3
import sys

import pandas as pd


def main() -> None:
    source, database = sys.argv[1], sys.argv[2]
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.remove(database + suffix)
        except FileNotFoundError:
            pass
    frame = pd.read_csv(source)
    connection = sqlite3.connect(database)
    frame.to_sql("billing", connection, index=False)
    connection.commit()
    connection.close()
    print(len(frame))


if __name__ == "__main__":
    main()
