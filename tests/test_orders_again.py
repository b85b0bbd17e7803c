"""An order exported again: an owner imports this month's orders export, which lists last
month's orders again, some of them changed since (fulfilled, refunded, an amount
corrected). Each order stays one event, with its new values; undo puts the old ones back.
Events without an order, and columns that only look like order IDs, keep their content
keys (journey.ingest.save._event_keys)."""

from __future__ import annotations

import contextlib
import io

import pandas as pd
from sqlite_utils import Database

from conftest import cli_import_text, csv_bytes, workspace_rows
from journey import schema
from journey.__main__ import main
from journey.ingest import import_file
from journey.ingest.save import _event_keys
from journey.workspace import migrate, sqlite3

HEADER = "Order ID,Email,Order Date,Type,Total,Fulfillment\n"
MARCH = HEADER + ("1001,ann@example.com,2024-03-01,purchase,45.00,unfulfilled\n"
                  "1002,bob@example.com,2024-03-02,purchase,25.00,fulfilled\n"
                  "1002,bob@example.com,2024-03-09,refund,5.00,\n")
# April's export lists March's orders again: 1001 fulfilled since and its total corrected,
# 1002 as it was, and a new order of Ann's.
APRIL = HEADER + ("1001,ann@example.com,2024-03-01,purchase,40.00,fulfilled\n"
                  "1002,bob@example.com,2024-03-02,purchase,25.00,fulfilled\n"
                  "1002,bob@example.com,2024-03-09,refund,5.00,\n"
                  "1003,ann@example.com,2024-04-03,purchase,30.00,unfulfilled\n")
EVENTS = ("SELECT order_id, kind, amount, json_extract(extra, '$.Fulfillment') FROM events "
          "ORDER BY order_id, kind")
REVENUE = "SELECT email, purchase_count, revenue_events FROM clients ORDER BY email"


def undo(tmp_path, import_id: int) -> str:
    """``python -m journey undo-import ID --workspace TMP/w.db``, in-process: what it says."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["undo-import", str(import_id), "--workspace", str(tmp_path / "w.db")]) == 0
    return out.getvalue().strip()


def test_an_order_listed_again_is_updated_not_counted_twice(tmp_path):
    march = cli_import_text(tmp_path, "orders-march.csv", MARCH)
    assert (march["inserted"], march["updated"]) == (3, 0)
    april = cli_import_text(tmp_path, "orders-april.csv", APRIL)
    assert (april["inserted"], april["updated"]) == (1, 3)
    assert ("1 event of orders imported before had changed since (a status, an amount): the "
            "new values replace the old ones, and undoing this import puts the old ones "
            "back.") in april["notes"]
    assert workspace_rows(tmp_path, EVENTS) == [
        ("1001", "purchase", 40.0, "fulfilled"), ("1002", "purchase", 25.0, "fulfilled"),
        ("1002", "refund", 5.0, None), ("1003", "purchase", 30.0, "unfulfilled")]
    # Ann: two purchases, 40 + 30 (not 45 + 40 + 30 from three); Bob: one of 25.
    assert workspace_rows(tmp_path, REVENUE) == [("ann@example.com", 2, 70.0),
                                                 ("bob@example.com", 1, 25.0)]


def test_undoing_the_later_export_puts_the_order_back_as_it_was(tmp_path):
    cli_import_text(tmp_path, "orders-march.csv", MARCH)
    before = workspace_rows(tmp_path, "SELECT * FROM events ORDER BY id")
    figures = workspace_rows(tmp_path, REVENUE)
    april = cli_import_text(tmp_path, "orders-april.csv", APRIL)
    assert undo(tmp_path, april["import_id"]) == (
        f"Undid import {april['import_id']}: removed 1 event, and put back 1 row as it was.")
    assert workspace_rows(tmp_path, "SELECT * FROM events ORDER BY id") == before
    assert workspace_rows(tmp_path, REVENUE) == figures


def test_undoing_the_earlier_export_keeps_what_the_later_one_lists(tmp_path):
    march = cli_import_text(tmp_path, "orders-march.csv", MARCH)
    cli_import_text(tmp_path, "orders-april.csv", APRIL)
    after_april = workspace_rows(tmp_path, EVENTS)
    undo(tmp_path, march["import_id"])
    assert workspace_rows(tmp_path, EVENTS) == after_april
    assert workspace_rows(tmp_path, REVENUE) == [("ann@example.com", 2, 70.0),
                                                 ("bob@example.com", 1, 25.0)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events e LEFT JOIN clients c "
                                    "ON c.id = e.client_ref WHERE c.id IS NULL") == [(0,)]


def test_an_order_moved_to_another_customer_refreshes_both(db):
    import_file(db, "march.csv", csv_bytes(MARCH))
    moved = MARCH.replace("1001,ann@example.com", "1001,cat@example.com")
    import_file(db, "march-fixed.csv", csv_bytes(moved))
    assert db.execute(REVENUE).fetchall() == [
        ("ann@example.com", 0, None), ("bob@example.com", 1, 25.0),
        ("cat@example.com", 1, 45.0)]


def test_a_column_of_few_repeated_values_does_not_identify_events(db):
    """'Invoice' holds whether one was sent: two sheets' rows are different events."""
    header = "Email,Date,Type,Amount,Invoice\n"
    first = header + "".join(f"c{i}@example.com,2024-01-0{i},purchase,10,sent\n"
                             for i in range(1, 7))
    second = header + "".join(f"d{i}@example.com,2024-02-0{i},purchase,20,sent\n"
                              for i in range(1, 7))
    import_file(db, "a.csv", csv_bytes(first))
    import_file(db, "b.csv", csv_bytes(second))
    assert db.execute("SELECT COUNT(*), SUM(amount), COUNT(DISTINCT order_id) FROM events"
                      ).fetchone() == (12, 180.0, 1)


def test_workspaces_saved_before_take_the_keys_an_import_gives_today():
    old = Database(sqlite3.connect(":memory:"))
    schema.migrations.apply(old, stop_before="m015_events_keyed_by_order")
    old.execute("INSERT INTO imports(id, file, kind) VALUES (1, 'orders.csv', 'events'), "
               "(2, 'notes.csv', 'events')")
    rows = [("purchase", "1001"), ("purchase", "1002"), ("refund", "1002"),
            ("purchase", "1003"), ("purchase", "1003"), ("contact", None)]
    old.conn.executemany(
        "INSERT INTO events(kind, order_id, row_key, import_id) VALUES (?, ?, ?, 1)",
        [(kind, order, f"content{i}:0") for i, (kind, order) in enumerate(rows)])
    old.conn.executemany(      # a column of one repeated value: content keys stay
        "INSERT INTO events(kind, order_id, row_key, import_id) VALUES ('contact', 'sent', ?, 2)",
        [(f"note{i}:0",) for i in range(6)])
    migrate(old)
    frame = pd.DataFrame(rows, columns=["kind", "order_id"])
    today = _event_keys(frame, ["kind", "order_id"])
    stored = [k for (k,) in old.execute("SELECT row_key FROM events ORDER BY id").fetchall()]
    assert stored[:5] == today[:5] == [
        "order:purchase:1001:0", "order:purchase:1002:0", "order:refund:1002:0",
        "order:purchase:1003:0", "order:purchase:1003:1"]
    assert stored[5:] == ["content5:0", *(f"note{i}:0" for i in range(6))]


def test_the_page_says_what_the_later_export_did_in_words(db):
    from journey.ingest.review import outcome_sentence

    import_file(db, "march.csv", csv_bytes(MARCH))
    april = import_file(db, "april.csv", csv_bytes(APRIL))
    assert outcome_sentence(april, dry_run=False) == (
        "Imported 1 file: 1 event added, 3 events already there; no rows rejected.")
