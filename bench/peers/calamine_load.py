"""Peer of `partnerbook import billing FILE.xlsx`: python-calamine reading the workbook.

    python3 calamine_load.py BILLING.xlsx

Opens the workbook with `python_calamine.CalamineWorkbook.from_path` and reads every
row's values of the first sheet into Python objects (`to_python`; nothing is checked or
stored). Prints the number of rows read, the header included. partnerbook-bench runs it
under the same timer and peak-RSS measurement as `partnerbook`.
"""

import sys

from python_calamine import CalamineWorkbook


def main() -> None:
    workbook = CalamineWorkbook.from_path(sys.argv[1])
    sheet = workbook.get_sheet_by_index(0)
    rows = sheet.to_python()
    print(len(rows))


if __name__ == "__main__":
    main()
