"""What a browser walk of every page (session 18) found, checked through AppTest.

- The Overview's data health names the last import as the Import page's history does: a
  CSV by its file name alone ("tracker.csv", not "tracker.csv (tracker)": a CSV's one
  sheet is named after the file), a workbook with its sheet ("book.xlsx › Clients").
"""

from __future__ import annotations

from conftest import app_test, cli_import_book, cli_import_text

ROWS = [["Name", "Email", "First contact"], ["Ana Ruiz", "ana@example.com", "2024-03-04"]]


def last_import(home) -> str:
    """The Overview's "Last import: ..." caption for the workspace HOME/w.db."""
    at = app_test("w", "views/overview.py")
    assert not at.exception, at.exception
    return next(c.value for c in at.caption if c.value.startswith("Last import:"))


def test_a_csv_is_named_once_in_the_last_import(home):
    """One CSV of one client: "Last import: tracker.csv on ...: 1 added, 0 updated,
    0 rejected. 1 import in all.", with no "(tracker)" after the name."""
    cli_import_text(home, "tracker.csv", "\n".join(",".join(r) for r in ROWS) + "\n")
    caption = last_import(home)
    assert caption.startswith("Last import: tracker.csv on "), caption
    assert "(tracker)" not in caption
    assert caption.endswith(": 1 added, 0 updated, 0 rejected. 1 import in all."), caption


def test_a_workbook_keeps_its_sheet_in_the_last_import(home):
    """A workbook whose sheet is "Clients": the sheet says which part of the book was read,
    so it stays, after the file, as in the import history: "book.xlsx › Clients"."""
    cli_import_book(home, "book.xlsx", {"Clients": ROWS})
    assert last_import(home).startswith("Last import: book.xlsx › Clients on ")
