"""A worksheet with more cells than ``max_import_cells`` is read, prepared and saved in
parts (journey.ingest.xlsx_parts), and makes the workspace the same sheet read whole
makes (issue 18: a 500,000-row tracker in under 700 MB)."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import HISTORY_TABLES, clear_clock, dump, xlsx_bytes
from journey.errors import UnreadableFile
from journey.ingest import import_file, plan_file, undo_import, xlsx_columns
from journey.ingest import read as readers
from journey.ingest.xlsx_parts import number_pattern
from journey.workspace import open_memory_workspace, set_setting, sqlite3

REPO = Path(__file__).resolve().parents[1]
HEADER = ["Client ID", "Name", "Stage", "Revenue (current)", "First contact", "Contract on file",
          "Phone", "Notes"]


def tracker_rows(count: int, repeat_every: int = 0) -> list[list]:
    """A tracker mixing kinds in some columns, with blank rows; with ``repeat_every``,
    every such row names again a client an early row named (a later value wins)."""
    rows = [HEADER]
    for n in range(1, count + 1):
        if n % 97 == 0:
            rows.append([None] * len(HEADER))                 # a blank row
            continue
        key = n // 50 + 1 if repeat_every and n % repeat_every == 0 else n
        rows.append([
            f"C{key:05d}", f"  Client {key} ", ["Awareness", "Purchase", "Repeat"][n % 3],
            f"${n * 10:,.2f}" if n % 4 == 0 else n * 10.5,
            "05/02/2024" if n % 5 == 0 else dt.datetime(2024, 1, n % 28 + 1),
            ["yes", "no", "Y"][n % 3],
            412345000 + n if n % 2 else f"0412 345 {n:03d}",
            None if n % 7 else f"called back {n}",
        ])
    return rows


def imported(data: bytes, cells: int, filename: str = "tracker.xlsx"):
    """The workspace an import leaves with ``max_import_cells`` at ``cells``, without
    what only the clock makes, and the import results."""
    db = open_memory_workspace()
    set_setting(db, "max_import_cells", cells)
    results = import_file(db, filename, data)
    clear_clock(db)
    found = dump(db, exclude=("imports", "settings"))
    db.close()
    return found, [(r.sheet, r.rows, r.inserted, r.updated, r.rejected, sorted(r.notes),
                    r.unknown_stages, [p.as_dict() for p in r.problems]) for r in results]


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of 300 rows: a 2,000-row sheet in seven."""
    monkeypatch.setattr(readers, "PART_CELLS", 300 * len(HEADER))
    monkeypatch.setattr(readers, "MIN_PART_ROWS", 300)


@pytest.mark.parametrize("fast", [True, False], ids=["column-wise", "cell-by-cell"])
def test_a_sheet_in_parts_imports_as_it_does_whole(small_parts, monkeypatch, fast):
    rows = tracker_rows(2_000)
    rows[1234][3] = "not money"                 # a problem, with its row number, in part five
    data = xlsx_bytes({"Clients": rows, "Notes": [["Topic"], ["kept whole"]]})
    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 0 if fast else 10**12)
    cells = 1_000 * len(HEADER)
    plans = plan_file("tracker.xlsx", data, db=_workspace_with(cells))
    assert plans[0].raw.more is not None and plans[1].raw.more is None
    assert len(plans[0].raw.frame) < 300 and plans[0].raw.rows == 2_000
    whole, whole_results = imported(data, 10**9)
    parts, parts_results = imported(data, cells)
    assert parts == whole
    assert parts_results == whole_results
    sheet, rows_read, inserted, _, rejected, notes, _, problems = parts_results[0]
    # The client with a cell that cannot be read is kept without it, said with its row.
    assert (rows_read, inserted, rejected, problems) == (2_000 - 20, 2_000 - 20, 0, [])
    assert "20 blank rows skipped" in notes
    assert any("row 1235, Revenue (current) (D): 'not money'" in note for note in notes)


def _workspace_with(cells: int):
    db = open_memory_workspace()
    set_setting(db, "max_import_cells", cells)
    return db


def test_a_client_named_again_in_a_later_part_ends_as_it_does_whole(small_parts):
    data = xlsx_bytes({"Clients": tracker_rows(1_500, repeat_every=11)})
    whole, whole_results = imported(data, 10**9)
    parts, parts_results = imported(data, 1_000)
    columns = "client_id, name, stage, revenue_current, first_contact, phone, extra"

    def values(found):
        at = {name: i for i, name in enumerate(_client_columns())}
        # (extras compared as JSON: an update's json_patch spaces them its own way)
        return sorted(tuple(json.loads(v) if c.strip() == "extra" and v else v
                            for c, v in ((c, row[at[c.strip()]]) for c in columns.split(",")))
                      for row in found["clients"])
    assert values(parts) == values(whole)
    assert [r[1:5] for r in parts_results] == [r[1:5] for r in whole_results]


def _client_columns() -> list[str]:
    db = open_memory_workspace()
    try:
        return [row[1] for row in db.execute("PRAGMA table_info(clients)").fetchall()]
    finally:
        db.close()


def test_undoing_an_import_in_parts_restores_the_workspace(small_parts):
    db = open_memory_workspace()
    import_file(db, "first.xlsx", xlsx_bytes({"Clients": tracker_rows(400)}))
    set_setting(db, "max_import_cells", 1_000)
    before = dump(db, exclude=HISTORY_TABLES)
    results = import_file(db, "tracker.xlsx", xlsx_bytes({"Clients": tracker_rows(1_500)}))
    assert results[0].updated > 300 and results[0].inserted > 1_000
    undo_import(db, results[0].import_id)
    assert dump(db, exclude=HISTORY_TABLES) == before


def test_a_cell_placed_outside_its_part_is_refused_and_nothing_is_kept(small_parts):
    data = _moved_cell(xlsx_bytes({"Clients": tracker_rows(1_500)}), "B1200", "B40")
    db = open_memory_workspace()
    set_setting(db, "max_import_cells", 1_000)
    before = dump(db)
    with pytest.raises(UnreadableFile) as refused:
        import_file(db, "moved.xlsx", data)
    assert str(refused.value) == (
        "moved.xlsx, sheet 'Clients', has cells placed out of the order of its rows, so it "
        "cannot be read in parts; save it again from the spreadsheet program and upload it "
        "again.")
    assert dump(db) == before


def _moved_cell(data: bytes, reference: str, to: str) -> bytes:
    """The workbook with the cell at ``reference`` saying it is at ``to``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                member, found = re.subn(f'r="{reference}"'.encode(), f'r="{to}"'.encode(), member)
                assert found == 1
            target.writestr(info, member)
    return out.getvalue()


def test_an_export_profile_sees_its_sheet_whole(small_parts, monkeypatch):
    """An export's rules may group rows across parts (the lines of one order)."""
    header = ["Name", "Email", "Financial Status", "Created at", "Total", "Lineitem name",
              "Cancelled at", "Payment Method", "Tags"]
    rows = [header]
    for order in range(1, 700):
        stamp = f"2024-01-{order % 28 + 1:02d} 10:00:00 +0100"
        rows.append([f"#{order}", f"c{order % 90}@example.com", "paid", stamp, order * 1.5, "Mug",
                     None, "Stripe", None])
        rows.append([f"#{order}", None, None, None, None, "Tea", None, None, None])
    data = xlsx_bytes({"orders_export": rows})
    whole, whole_results = imported(data, 10**9, "orders_export.xlsx")
    parts, parts_results = imported(data, 1_000, "orders_export.xlsx")
    assert parts == whole and parts_results == whole_results
    assert len(parts["events"]) == 699 and len(parts["clients"]) == 90


def test_number_pattern_matches_exactly_its_range():
    chance = random.Random(18)
    for _ in range(500):
        low = chance.randint(1, 2_000_000)
        high = low + chance.choice([0, 9, 1_000, 250_000])
        pattern = re.compile(f"^(?:{number_pattern(low, high)})$")
        for number in (low - 1, low, high, high + 1, chance.randint(low, high),
                       chance.randint(1, 3_000_000)):
            if number >= 1:
                assert bool(pattern.match(str(number))) == (low <= number <= high)


def test_the_command_imports_a_large_sheet_in_parts(tmp_path):
    """Through the command a user runs, with the setting changed by its command."""
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(xlsx_bytes({"Clients": tracker_rows(2_500)}))
    env = {"JOURNEY_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}

    def journey(*args) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "journey", *args], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=120)
    first = tmp_path / "first.csv"
    first.write_text("Client ID,Name\nX1,Existing client\n")
    assert journey("import", str(first), "--workspace", "shop").returncode == 0
    assert journey("settings", "--workspace", "shop", "max_import_cells=8000").returncode == 0
    done = journey("import", str(path), "--workspace", "shop")
    assert done.returncode == 0, done.stderr
    assert "2,475 rows, 2,475 new, 0 updated, 0 rejected" in done.stdout
    with sqlite3.connect(tmp_path / "home" / "shop.db") as db:
        assert db.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 2_476


def test_a_text_file_in_parts_imports_as_it_does_whole(small_parts):
    """A CSV's columns stay with pyarrow, and become Python objects part by part."""
    lines = ["Customer,Date,Type,Amount,Note"]
    for n in range(1, 2_400):
        lines.append("" if n % 101 == 0 else
                     f'Client {n % 170},2024-{n % 12 + 1:02d}-{n % 28 + 1:02d},'
                     f'{["purchase", "complaint", "referral"][n % 3]},{n * 1.25:.2f},'
                     f'"{"line one" + chr(10) + "line two" if n % 13 == 0 else f"note {n}"}"')
    lines[1_500] = lines[1_500].replace("2024-", "someday-", 1)       # a problem in part five
    data = ("\n".join(lines) + "\n").encode()
    plans = plan_file("events.csv", data, db=_workspace_with(1_000))
    assert plans[0].raw.more is not None and len(plans[0].raw.frame) < 300
    whole, whole_results = imported(data, 10**9, "events.csv")
    parts, parts_results = imported(data, 1_000, "events.csv")
    assert parts_results == whole_results
    assert [r[1:5] for r in parts_results] == [(2_376, 2_375, 0, 1)]
    assert "23 blank rows skipped" in parts_results[0][5]

    def without_ids(found):             # clients are made part by part: ids may differ
        names = dict(found["clients"] and [(row[0], row[2]) for row in found["clients"]])
        return sorted((names.get(row[1]), *row[2:]) for row in found["events"])
    assert without_ids(parts) == without_ids(whole)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_keys_that_repeat_only_after_the_first_part_make_events(small_parts, kind):
    """The first part names each customer once; the whole sheet names each one twice: an
    event list, read whole or in parts."""
    rows = [["Customer", "Country", "Phone"]]          # fields of clients, none of events
    for n in range(1, 1_201):
        rows.append([f"Customer {n % 600}", ["Chile", "Peru"][n % 2], f"555-{n:04d}"])
    data = (("\n".join(",".join(map(str, row)) for row in rows) + "\n").encode()
            if kind == "csv" else xlsx_bytes({"Sales": rows}))
    name = f"sales.{kind}"
    plans = plan_file(name, data, db=_workspace_with(600))
    assert plans[0].raw.more is not None
    assert plans[0].raw.frame["Customer"].is_unique
    assert plans[0].kind == "events"
    whole, whole_results = imported(data, 10**9, name)
    parts, parts_results = imported(data, 600, name)
    assert [r[1:5] for r in parts_results] == [r[1:5] for r in whole_results] == [
        (1_200, 1_200, 0, 0)]
    assert len(parts["clients"]) == len(whole["clients"]) == 600


def test_a_long_sheet_that_cannot_be_read_in_parts_is_refused_with_a_way_out(monkeypatch):
    """Rows of different lengths are read by Python's csv module, whole: past the rows read
    at once, the file is refused, saying which forms are read in parts."""
    monkeypatch.setattr(readers, "WHOLE_ROWS", 100)
    ragged = "Name,Amount\n" + "".join(f"Client {n},{n}\n" for n in range(149)) + "short\n"
    with pytest.raises(UnreadableFile) as refused:
        readers.read_tables("ragged.csv", ragged.encode())
    assert str(refused.value) == (
        "ragged.csv has 150 rows; a sheet like this one is read whole, at most 100 rows (a "
        "sheet of an .xlsx workbook, or a CSV whose rows all have the same number of cells, "
        "is read in parts and may be longer); save it in one of those forms and upload it "
        "again.")
    regular = "Name,Amount\n" + "".join(f"Client {n},{n}\n" for n in range(150))
    (sheet,) = readers.read_tables("regular.csv", regular.encode())
    assert sheet.more is not None and sheet.rows == 150


def test_rejected_rows_of_later_parts_keep_their_cells(small_parts):
    """The rejected-rows file has the original cells of every rejected row, whichever part
    it was in (the plan holds only the first part)."""
    from journey.ingest.review import rejected_rows

    rows = tracker_rows(1_500)
    rows[100][0] = rows[100][1] = None          # no one to match, in the first part
    rows[1_400][0] = rows[1_400][1] = None      # and in the fifth
    rows[1_400][3] = "no money either"
    data = xlsx_bytes({"Clients": rows})
    db = _workspace_with(1_000)
    plans = plan_file("tracker.xlsx", data, db=db)
    results = import_file(db, "tracker.xlsx", data, plans=plans)
    table = rejected_rows(results, plans)
    assert table["Row"].tolist() == [101, 1_401]
    assert table["Revenue (current)"].tolist() == [rows[100][3], "no money either"]
