"""Peer of `partnerbook import billing FILE.xlsx`: openpyxl's read-only load.

    python3 openpyxl_load.py BILLING.xlsx

Opens the workbook with `openpyxl.load_workbook(path, read_only=True)` and reads every
row's values of the first sheet (nothing is checked or stored). Prints the number of
rows read, the header included. partnerbook-bench runs it under the same timer and
peak-RSS measurement as `partnerbook`.
"""

import sys

import openpyxl


def main() -> None:
    workbook = openpyxl.load_workbook(sys.argv[1], read_only=True)
    sheet = workbook.worksheets[0]
    rows = 0
    for _values in sheet.iter_rows(values_only=True):
        rows += 1
    workbook.close()
    print(rows)


if __name__ == "__main__":
    main()
