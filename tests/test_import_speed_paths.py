"""The import's fast paths give exactly what the plain ways give.

Large inserts set a table's plain indexes aside and build them again (``BULK_ROWS``); text
that a reader has stripped already is not parsed again; client keys are worked out for whole
columns. Each test runs the same import both ways, or compares a shortcut with the function
it stands in for, on small files built here (the shortcuts are the same code at 100,000
rows; bench/import_bench.py measures them).
"""

from __future__ import annotations

import datetime as dt
import json
import random

import pandas as pd
import pytest

from conftest import csv_bytes, xlsx_bytes
from journey import values
from journey.errors import ValidationError
from journey.ingest import import_file, name_key, name_keys, plan, read_tables, save, undo_import
from journey.journal import SheetSave
from journey.workspace import open_memory_workspace

CLIENTS = csv_bytes("Customer ID,Company,Deal stage,Region,Purchases\n"
                    "C1,Acme,Lead,West,0\nC2,Beta,Won,East,1\nC3,Gamma,Repeat,West,3\n"
                    "C4,Delta,Proposal,North,\n")
ORDERS = xlsx_bytes({"Orders": [["Order ID", "Customer ID", "Order Date", "Sales"],
                                ["O1", "C1", dt.datetime(2024, 1, 5), 10],
                                ["O2", "C1", dt.datetime(2024, 2, 5), 20],
                                ["O3", "C9", dt.datetime(2024, 3, 1), 5],
                                ["O3", "C9", dt.datetime(2024, 3, 1), 5]],
                     "Returns": [["Order ID", "Reason"], ["O2", "Broken"]]})
CHANGED = csv_bytes("Customer ID,Company,Deal stage,Region\n"
                    "C1,Acme Ltd,Won,West\nC2,Beta,Won,South\nC5,Echo,Lead,East\n")
STAMPS = ("updated_at", "created_at", "undone_at", "applied_at")


def snapshot(db) -> dict:
    """Every table's rows (times left out: they are 'now') and the schema."""
    out = {"schema": db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                "ORDER BY name").fetchall()}
    for table in db.table_names():
        columns = [c.name for c in db[table].columns if c.name not in STAMPS]
        rows = db.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}]")
        rows = rows.fetchall()
        if table == "import_changes":          # before-images hold times too
            rows = [(*r[:3], {k: v for k, v in (json.loads(r[3]) or {}).items()
                              if k not in STAMPS}) for r in rows]
        out[table] = sorted(rows, key=repr)
    return out


def history(bulk_rows: int, monkeypatch) -> list[dict]:
    """Snapshots after each step of an import history, with BULK_ROWS set."""
    monkeypatch.setattr(save, "BULK_ROWS", bulk_rows)
    db = open_memory_workspace()
    shots = [snapshot(db)]
    first = import_file(db, "clients.csv", CLIENTS)
    shots.append(snapshot(db))
    orders = import_file(db, "orders.xlsx", ORDERS)
    shots.append(snapshot(db))
    import_file(db, "changed.csv", CHANGED, dry_run=True)
    shots.append(snapshot(db))
    changed = import_file(db, "changed.csv", CHANGED)
    shots.append(snapshot(db))
    for result in [*changed, *reversed(orders), *first]:
        undo_import(db, result.import_id)
        shots.append(snapshot(db))
    return shots


def test_setting_indexes_aside_changes_nothing_but_the_speed(monkeypatch):
    plain = history(10**9, monkeypatch)
    bulk = history(1, monkeypatch)
    assert bulk == plain
    assert plain[-1]["clients"] == plain[-1]["events"] == []
    assert plain[-1]["schema"] == plain[0]["schema"]          # every index is back
    assert any("CREATE INDEX" in (sql or "") for *_, sql in plain[0]["schema"])


def test_the_indexes_come_back_when_an_import_fails_half_way(monkeypatch):
    """The clients were inserted with the indexes set aside when the import fails."""
    monkeypatch.setattr(save, "BULK_ROWS", 1)
    db = open_memory_workspace()
    import_file(db, "orders.xlsx", ORDERS)
    before = snapshot(db)
    set_aside = []

    def failing(db, plan, import_id=None):
        set_aside.append(db.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                                    "AND tbl_name = 'clients' AND sql IS NOT NULL").fetchone())
        raise ValidationError("The workspace is full.")

    monkeypatch.setattr(save, "remember_mapping", failing)
    with pytest.raises(ValidationError, match="is full"):
        import_file(db, "more.csv", csv_bytes("Customer ID,Company\nC7,Golf\nC8,Hotel\n"))
    assert set_aside == [(0,)]
    assert snapshot(db) == before


def test_a_small_insert_into_a_big_table_keeps_its_indexes(monkeypatch, db):
    import_file(db, "clients.csv", CLIENTS)
    monkeypatch.setattr(save, "BULK_ROWS", 1)
    dropped = []
    monkeypatch.setattr(save._SetAside, "restore",
                        lambda self, table=None: dropped.append(dict(self.dropped)))
    import_file(db, "one.csv", csv_bytes("Customer ID,Company\nC6,Foxtrot\n"))
    assert dropped and all(not d for d in dropped)        # 1 new row, 4 stored: kept


@pytest.mark.parametrize("name, data", [
    ("spaces.csv", csv_bytes("Name,Note,Code\n  Acme  ,\u00a0x\u00a0,007\n"
                             "Beta,\u3000,\nGamma,tab\there,1.5\n")),
    ("cells.xlsx", xlsx_bytes({"S": [["Name", "Note", "When", "Amount", "Flag"],
                                     ["  Acme ", " x\u2003", dt.datetime(2024, 1, 2), 3.0, True],
                                     ["Beta", "   ", dt.date(2024, 1, 3), 42420, False],
                                     [None, "y", "2024-01-04", "1,5", None]]})),
])
def test_text_a_reader_stripped_is_parsed_the_same_without_parsing(name, data):
    for raw in read_tables(name, data):
        for header in raw.headers:
            column = raw.frame[header]
            fast, fast_bad = values.parse_text(column, stripped=True)
            slow, slow_bad = values.parse_text(column)
            assert fast.tolist() == slow.tolist(), header
            assert fast_bad.tolist() == slow_bad.tolist()


MONEY_CELLS = ["1.500", "1,5", "$ 12.50", "1.200,50", "KD 12.500", "$1k", "45.\u2013", "n/a",
               "-", "", "\u20ac1.2m", "1,500 \u20ac", "3,5 \u20ac", "0.750", 12, 3.5, "(50)",
               "-$5", "USD 1,000", "1 200", "R$ 1.234,56", "$ 15.999", "1,234.56", None,
               float("nan"), "\u00a312", "1,5 mil", "12.345.678", "Fr. 45.-"]
NOT_MONEY = ["abc", "x1", "Acme Ltd", dt.date(2024, 1, 2), True]


def test_a_money_column_is_turned_away_by_its_first_cells_as_by_all_of_them():
    """``values.money_column`` reads the first 64 cells of a long column before the rest:
    on 60 columns of 65 to 200 cells in mixed styles (amounts that read two ways, decimal
    commas, thousandths, short amounts), a third with one cell that is not money somewhere
    (before or after the 64th), it turns away exactly the columns ``read_money`` finds a
    bad cell in, and reads the others as it does."""
    rng = random.Random(18)
    turned_away = 0
    for _ in range(60):
        cells = [rng.choice(MONEY_CELLS) for _ in range(rng.randint(65, 200))]
        if rng.random() < 0.33:
            cells[rng.randrange(len(cells))] = rng.choice(NOT_MONEY)
        column = pd.Series(cells, dtype=object)
        whole = values.read_money(column)
        found = values.money_column(column)
        assert (found is None) == bool(whole.bad.any()), cells
        if found is None:
            turned_away += 1
        else:
            assert found.values.equals(whole.values), cells
    assert 8 < turned_away < 35


def test_name_keys_of_a_column_are_name_key_of_each_cell():
    cells = ["  Acme  Ltd ", "ACME LTD", None, "", "   ", 42, 42.0, "Jo\tSmith", "Straße",
             float("nan"), dt.date(2024, 1, 2), True]
    assert name_keys(pd.Series(cells, dtype=object)) == [name_key(c) for c in cells]
    assert name_keys([["unhashable"]]) == [name_key(["unhashable"])]


def test_client_keys_prefer_the_id_then_the_name():
    ids = pd.Series(["C1", None, "  ", 7, None], dtype=object)
    names = pd.Series(["Acme", "Beta  Co", "Gamma", None, None], dtype=object)
    assert save.client_keys(ids, names, 5) == [
        "id:c1", "name:beta co", "name:gamma", "id:7", None]
    assert save.client_keys(ids, names, 5) == [
        save.client_key(i, n) for i, n in zip(ids, names)]


def test_a_workshop_save_reports_through_the_same_result(monkeypatch, db):
    monkeypatch.setitem(plan.WORKSHOP_IMPORTERS, "touchpoints",
                        lambda db, raw, import_id: SheetSave(2, 1, []))
    result, = import_file(db, "w.xlsx", xlsx_bytes({"Touchpoints": [["Stage"], ["x"], ["y"]]}))
    assert (result.kind, result.inserted, result.updated, result.rejected) == (
        "touchpoints", 2, 1, 0)


def test_records_turn_every_kind_of_column_into_plain_values():
    """save._records: NaN, NaT and NA become None whatever the column's dtype; other values
    are the Python values a column of objects would give."""
    frame = pd.DataFrame({
        "floats": [1.5, float("nan"), 3.0],
        "whole_floats": [1.0, 2.0, 3.0],
        "ints": [1, 2, 3],
        "flags": [True, False, True],
        "objects": ["a", None, float("nan")],
        "stamps": pd.to_datetime(["2024-01-05", None, "2024-03-01"]),
        "nullable": pd.array([1, None, 3], dtype="Int64"),
        "strings": pd.array(["x", None, "z"], dtype="string"),
    })
    present, records = save._records(frame, [*frame.columns, "absent"])
    assert present == list(frame.columns)
    assert records == [
        (1.5, 1.0, 1, True, "a", pd.Timestamp("2024-01-05"), 1, "x"),
        (None, 2.0, 2, False, None, None, None, None),
        (3.0, 3.0, 3, True, None, pd.Timestamp("2024-03-01"), 3, "z"),
    ]
    assert [type(v) for v in records[0]] == [float, float, int, bool, str, pd.Timestamp, int, str]
    assert frame["objects"].isna().tolist() == [False, True, True]      # the frame is left alone


def test_name_keys_of_a_column_are_name_key_of_each_value():
    """The column-at-once keys (ASCII texts in pyarrow) are the one-at-a-time keys,
    whatever the whitespace (str.split's own: \\x1c-\\x1f too), case and script."""
    chars = " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0abcABCßİÉé  Zz09-"
    chance = random.Random(15)
    values = ["".join(chance.choice(chars) for _ in range(chance.randint(0, 8)))
              for _ in range(5_000)] + [None, 1, 2.5, True, "  ", "", "Ann  LEE"]
    assert name_keys(values) == [name_key(v) for v in values]
    assert name_keys(["  Ann\tLee ", "ÉMILE  Zola"]) == ["ann lee", "émile zola"]


# Every case of the stage rule a client row alone can carry: stated stages (pre-awareness
# with and without evidence), statuses that are outcomes, purchases (one, two), refunds,
# referrals, promoter and other scores, contact dates (one or both, in either order).
FIGURED = csv_bytes(
    "Customer ID,Company,Stage,Status,Purchases,Refunds,Referrals,NPS,First contact,Last contact\n"
    "F1,Alpha,Pre-awareness,,,,,,2024-01-02,\n"
    "F2,Bravo,Pre-awareness,,1,,,,,2024-03-04\n"
    "F3,Charlie,Lead,Lost,,,,3,2024-02-01,2024-01-01\n"
    "F4,Delta,,Churned,2,1,,,,\n"
    "F5,Echo,Won,,1,,2,10,2023-05-06,2024-05-06\n"
    "F6,Foxtrot,,,,,,9,,\n"
    "F7,Golf,Proposal,Active,,,,,,\n"
    "F8,Hotel,Repeat,Cancelled,3,,,,2024-06-07,2024-06-08\n"
    ",India,,,,,,,,\n")


def test_new_clients_get_the_figures_a_refresh_would_give_them(db):
    """New clients go in with their derived figures (derive.insert_new_clients) and are not
    refreshed after: the figures are those refresh_clients works out for the same rows."""
    from journey.derive import refresh_clients
    from journey.fields import CLIENT_FIELDS
    import_file(db, "figured.csv", FIGURED)
    derived = [c.name for c in db["clients"].columns
               if c.name not in {*CLIENT_FIELDS, "id", "client_key", "name_key", "stage_raw",
                                 "extra", "import_id", "updated_at"}]
    assert {"furthest_rank", "current_stage", "stage_since", "outcome", "awareness_at",
            "first_date", "last_date", "purchase_days"} <= set(derived)
    query = f"SELECT id, {', '.join(derived)} FROM clients ORDER BY id"
    stored = db.execute(query).fetchall()
    refresh_clients(db)
    assert db.execute(query).fetchall() == stored
    assert len(stored) == 9
    by_name = dict(db.execute("SELECT name, furthest_stage || '/' || current_stage || '/' || "
                              "COALESCE(outcome, '-') FROM clients").fetchall())
    assert by_name["Alpha"] == "pre-awareness/pre-awareness/-"
    assert by_name["Bravo"] == "purchase/pre-awareness/-"
    assert by_name["Delta"] == "retention/retention/churned"
    assert by_name["Echo"] == "advocacy/purchase/-"


def test_new_clients_named_by_a_later_sheet_are_refreshed(db):
    """A client the first sheet adds and the second sheet's events name: its figures count
    the events (it is refreshed after all)."""
    book = xlsx_bytes({"Clients": [["Customer ID", "Company"], ["K1", "Kilo"], ["K2", "Lima"]],
                       "Orders": [["Order ID", "Customer ID", "Order Date", "Sales"],
                                  ["O1", "K1", dt.datetime(2024, 1, 5), 10],
                                  ["O2", "K1", dt.datetime(2024, 2, 5), 20]]})
    import_file(db, "book.xlsx", book)
    rows = dict(db.execute("SELECT client_id, furthest_stage || ' ' || purchase_count "
                           "FROM clients").fetchall())
    assert rows == {"K1": "retention 2", "K2": "awareness 0"}


def test_a_refresh_writes_only_the_clients_whose_figures_change(db):
    """refresh_clients leaves a row whose figures are already right as it is (a stage
    mapping or an undo changes a few clients' figures, not a workspace's)."""
    from journey.derive import refresh_clients
    import_file(db, "clients.csv", CLIENTS)
    import_file(db, "orders.xlsx", ORDERS)
    db.execute("CREATE TEMP TABLE _written (id INTEGER)")
    db.execute("CREATE TEMP TRIGGER _log AFTER UPDATE ON main.clients "
               "BEGIN INSERT INTO _written VALUES (new.id); END")
    right = snapshot(db)["clients"]
    refresh_clients(db)
    assert db.execute("SELECT id FROM _written").fetchall() == []
    c2 = db.execute("SELECT id FROM clients WHERE client_id = 'C2'").fetchone()[0]
    db.execute("UPDATE clients SET furthest_rank = NULL, current_stage = 'x' WHERE id = ?", [c2])
    db.execute("DELETE FROM _written")
    refresh_clients(db)
    assert db.execute("SELECT id FROM _written").fetchall() == [(c2,)]
    assert snapshot(db)["clients"] == right
