"""Title rows above a sheet's header (journey.ingest.read._title_rows): accounting reports
and hand-kept trackers put a company name, a report name or a date range above the table.
Every file is built in tmp_path or in memory."""

from __future__ import annotations

import datetime as dt
import io
import json
import random

import openpyxl
import pytest

from conftest import run_cli as run
from conftest import read_one, xlsx_bytes
from journey.errors import UnreadableFile
from journey.ingest.read import RawSheet, read_tables

QBO_TITLE = [["Tui Catering Ltd"], ["Sales by Customer Detail"], ["January 1 - March 31, 2024"], []]
QBO_TABLE = [
    [None, "Date", "Transaction Type", "Num", "Customer", "Amount"],
    ["Catering"],
    [None, dt.datetime(2024, 1, 4), "Invoice", "1001", "Acme Corp", 200],
    [None, dt.datetime(2024, 1, 8), "Sales Receipt", "1002", "Beta LLC", 150.5],
    ["Total for Catering", None, None, None, None, 350.5],
]
TRACKER_TABLE = [
    ["Client", "Email", "Stage", "First contact", "Spend"],
    ["Rosa Bakery", "rosa@rosabakery.es", "Customer", "15/01/2024", "1200.50"],
    ["Hotel Miramar", "ana@miramar.es", "Lead", "02/11/2023", None],
    ["Café Lumen", "hola@cafelumen.com", "Lead", "20/02/2024", None],
]


def xlsx(rows: list[list], sheet: str = "Report") -> bytes:
    return xlsx_bytes({sheet: rows})


def csv_text(rows: list[list]) -> bytes:
    return "".join(",".join("" if v is None else str(v) for v in row) + "\n"
                   for row in rows).encode()


def first_row(sheet: RawSheet) -> dict:
    return sheet.frame.iloc[0].to_dict()


# ------------------------------------------------------------------------- title skipped


def test_accounting_report_title_is_skipped_in_a_workbook():
    sheet = read_one("qbo.xlsx", xlsx(QBO_TITLE + QBO_TABLE))
    assert sheet.headers == ["column 1", "Date", "Transaction Type", "Num", "Customer", "Amount"]
    assert sheet.row_numbers == [6, 7, 8, 9]
    assert sheet.header_row == 5
    assert first_row(sheet) == {"column 1": "Catering", "Date": None, "Transaction Type": None,
                                "Num": None, "Customer": None, "Amount": None}
    assert sheet.frame.iloc[1].tolist() == [None, dt.date(2024, 1, 4), "Invoice", "1001",
                                            "Acme Corp", 200]
    assert sheet.notes == ["rows 1-3 above the header (a title) were not imported",
                           "1 blank row skipped"]


def test_accounting_report_title_is_skipped_in_a_csv():
    rows = [["Tui Catering Ltd"], ["Transaction List by Customer"], ["All Dates"], [],
            ["Date", "Transaction Type", "Num", "Customer", "Amount"],
            ["01/04/2024", "Invoice", "1001", "Acme Corp", "250.00"],
            ["01/08/2024", "Sales Receipt", "1002", "Beta LLC", "200.00"]]
    sheet = read_one("list.csv", csv_text(rows))
    assert sheet.headers == ["Date", "Transaction Type", "Num", "Customer", "Amount"]
    assert sheet.row_numbers == [6, 7]
    assert first_row(sheet) == {"Date": "01/04/2024", "Transaction Type": "Invoice",
                                "Num": "1001", "Customer": "Acme Corp", "Amount": "250.00"}
    assert sheet.notes == ["rows 1-3 above the header (a title) were not imported",
                           "1 blank row skipped"]


def test_title_padded_with_delimiters_in_a_csv():
    """Title lines padded to the table's width (every record as wide): pyarrow's path."""
    rows = [["Tui Catering Ltd", None, None], ["Report basis: Accrual", None, None],
            ["Email", "Name", "Joined"], ["a@x.com", "Ann", "2024-01-02"]]
    sheet = read_one("padded.csv", csv_text(rows))
    assert sheet.headers == ["Email", "Name", "Joined"]
    assert sheet.row_numbers == [4]
    assert sheet.notes == ["rows 1-2 above the header (a title) were not imported"]


def test_tracker_with_one_title_row():
    sheet = read_one("tracker.xlsx", xlsx([["Client tracker 2025"]] + TRACKER_TABLE))
    assert sheet.headers == TRACKER_TABLE[0]
    assert sheet.row_numbers == [3, 4, 5]
    assert first_row(sheet) == dict(zip(TRACKER_TABLE[0], TRACKER_TABLE[1]))
    assert sheet.notes == ["row 1 above the header (a title) was not imported"]


@pytest.mark.parametrize("name, build", [("tracker.xlsx", xlsx), ("tracker.csv", csv_text)])
def test_title_and_header_without_data_is_refused_like_a_header_alone(name, build):
    with pytest.raises(UnreadableFile) as titled:
        read_tables(name, build([["Client tracker 2025"], [], TRACKER_TABLE[0]]))
    with pytest.raises(UnreadableFile) as alone:
        read_tables(name, build([TRACKER_TABLE[0]]))
    assert str(titled.value) == str(alone.value) == f"{name} has a header row but no data rows."


def test_report_with_one_transaction_per_group():
    """Group and total rows (narrow) outnumber the transactions (wide) two to one."""
    table = [QBO_TABLE[0]]
    for i in range(8):
        table += [[f"Customer {i}"],
                  [None, dt.datetime(2024, 1, 1 + i), "Invoice", str(1000 + i), "Catering", 10 * i],
                  [f"Total for Customer {i}", None, None, None, None, 10 * i]]
    sheet = read_one("qbo.xlsx", xlsx(QBO_TITLE + table))
    assert sheet.headers[1:3] == ["Date", "Transaction Type"]
    # The report is grouped: each group's name goes to its transaction (rows 7, 10, ...),
    # its own row and its total are no rows.
    assert sheet.row_numbers[:2] == [7, 10] and len(sheet.frame) == 8
    assert sheet.frame[sheet.headers[0]].tolist()[:2] == ["Customer 0", "Customer 1"]


def test_a_sheet_with_a_title_is_read_like_the_same_sheet_without():
    titled = read_one("a.xlsx", xlsx(QBO_TITLE + QBO_TABLE))
    plain = read_one("b.xlsx", xlsx(QBO_TABLE))
    assert titled.headers == plain.headers
    assert titled.column_letters == plain.column_letters
    assert titled.frame.equals(plain.frame)
    assert [n - 4 for n in titled.row_numbers] == plain.row_numbers


# ------------------------------------------------------------------- large sheets (xlsx)


@pytest.fixture(scope="module")
def large_titled() -> bytes:
    """A titled sheet tall enough for the column-wise reader (xlsx_columns.MIN_ROWS)."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Clients")
    ws.append(["Bloom & Co"])
    ws.append(["Client list, 2024"])
    ws.append([])
    ws.append(["Email", "Name", "Joined", "Spend"])
    for i in range(5_200):
        ws.append([f"c{i}@x.com", f"Client {i}", dt.datetime(2024, 1, 1 + i % 28), i + 0.5])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_large_titled_sheet_is_not_read_with_the_title_as_header(large_titled):
    sheet = read_one("big.xlsx", large_titled)
    assert sheet.headers == ["Email", "Name", "Joined", "Spend"]
    assert sheet.row_numbers[:2] == [5, 6] and len(sheet.frame) == 5_200
    assert first_row(sheet) == {"Email": "c0@x.com", "Name": "Client 0",
                                "Joined": dt.date(2024, 1, 1), "Spend": 0.5}
    assert sheet.notes[0] == "rows 1-2 above the header (a title) were not imported"


def test_large_titled_sheet_read_in_parts(large_titled):
    sheet = read_one("big.xlsx", large_titled, max_cells=8_000)
    assert sheet.more is not None
    parts = [sheet, *sheet.more()]
    assert len(parts) > 1
    assert all(part.headers == ["Email", "Name", "Joined", "Spend"] for part in parts)
    numbers = [n for part in parts for n in part.row_numbers]
    assert numbers == list(range(5, 5 + 5_200))
    assert sheet.rows == 5_200
    assert parts[1].frame.iloc[0].tolist()[:2] == [f"c{parts[1].row_numbers[0] - 5}@x.com",
                                                   f"Client {parts[1].row_numbers[0] - 5}"]
    assert sheet.notes == ["rows 1-2 above the header (a title) were not imported"]


# --------------------------------------------------------------------- sheets unchanged


@pytest.mark.parametrize("name, build", [("plain.xlsx", xlsx), ("plain.csv", csv_text)])
def test_header_in_row_one_is_unchanged(name, build):
    sheet = read_one(name, build(TRACKER_TABLE))
    assert sheet.headers == TRACKER_TABLE[0]
    assert sheet.row_numbers == [2, 3, 4]
    assert sheet.header_row == 1
    assert sheet.notes == []


@pytest.mark.parametrize("name, build", [("one.xlsx", xlsx), ("one.csv", csv_text)])
@pytest.mark.parametrize("rows", [
    [["email"], ["a@x.com"], ["b@x.com"]],
    [["Client list 2025"], [], ["Rosa Bakery"], ["Hotel Miramar"], ["Café Lumen"]],
])
def test_one_column_sheet_is_unchanged(name, build, rows):
    sheet = read_one(name, build(rows))
    assert sheet.headers == rows[0]
    assert sheet.frame[rows[0][0]].tolist() == [r[0] for r in rows[1:] if r]
    assert not any("above the header" in note for note in sheet.notes)


@pytest.mark.parametrize("rows", [
    # a header of one cell over a wider table whose first row is all words: no sign that
    # the second row heads anything, so the first stays the header
    [["Name"], ["Ann", "Smith", "London"], ["Bob", "Jones", "Paris"]],
    # two header cells over two columns: not a title (wider than half the next row)
    [["Name", "Email"], ["Ann", "a@x.com", "VIP", "London"], ["Bob", "b@x.com", "-", "Paris"]],
    # the row below repeats itself: not a header
    [["Report"], ["Total", "Total", "Total", "Total"], [1, 2, 3, 4]],
    # the row below is data, not labels
    [["Clients"], ["Ann", "a@x.com", "2024-01-01", "12.50"], ["Bob", "b@x.com", "2024-02-01", "3"]],
    # a report, not a table (Journey's own Overview sheet): a two-row table among lines of text
    [["Customer journey overview"], ["Exported on 2026-05-01"], [],
     ["Stage", "Awareness", "Consideration", "Purchase"], ["Clients", 200, 120, 50],
     ["Conversion", "first stage", "60% of Awareness", "42% of Consideration"], []]
    + [[f"Line of text {i}"] for i in range(10)],
])
def test_doubtful_first_rows_stay_the_header(rows):
    sheet = read_one("doubt.xlsx", xlsx(rows))
    assert sheet.row_numbers[0] == 2
    assert sheet.headers[0] == str(rows[0][0])
    assert not any("above the header" in note for note in sheet.notes)


def test_odd_cells_above_a_table_never_crash():
    """Random narrow rows (numbers, dates, booleans, e-mail addresses, blanks) above random
    tables: read or refused with one sentence, the data rows always keeping their numbers."""
    rng = random.Random(7)
    values = [None, "", "Title", "x@y.z", "12/03/2024", 42, 3.5, True, dt.date(2024, 5, 1),
              "Date", "Name", "Amount", "Total for A", "-", "  "]
    for _ in range(60):
        rows = [[rng.choice(values) for _ in range(rng.randint(0, 2))]
                for _ in range(rng.randint(0, 4))]
        rows += [[rng.choice(values) for _ in range(rng.randint(1, 6))]
                 for _ in range(rng.randint(0, 6))]
        for name, data in (("r.xlsx", xlsx(rows)), ("r.csv", csv_text(rows))):
            try:
                sheets = read_tables(name, data)
            except UnreadableFile as exc:
                assert str(exc).endswith(".")
                continue
            for sheet in sheets:
                assert len(sheet.row_numbers) == len(sheet.frame)
                assert all(n > sheet.header_row for n in sheet.row_numbers)


# ---------------------------------------------------------------------------- end to end


def test_titled_tracker_imports_its_clients(tmp_path):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(xlsx([["Bloom & Co — Client tracker 2024"], ["Updated by Sarah"], []]
                          + TRACKER_TABLE, sheet="Clients 2024"))
    done = run(tmp_path, "import", str(path), "--workspace", "shop", "--json")
    assert done.returncode == 0, done.stderr
    result, = json.loads(done.stdout)["imports"]
    assert result["kind"] == "clients"
    assert (result["rows"], result["inserted"], result["rejected"]) == (3, 3, 0)
    assert result["mapping"]["Email"] == "email"
    assert "rows 1-2 above the header (a title) were not imported" in result["notes"]
    funnel = run(tmp_path, "funnel", "--workspace", "shop", "--json")
    assert funnel.returncode == 0, funnel.stderr
    assert json.loads(funnel.stdout)["stages"][0]["clients"] == 3


def test_titled_header_without_data_is_refused_by_the_command(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(xlsx([["Client tracker 2025"], [], TRACKER_TABLE[0]]))
    done = run(tmp_path, "import", str(path), "--workspace", "shop", "--json")
    assert done.returncode == 2
    assert done.stderr.strip() == "empty.xlsx has a header row but no data rows."


# ------------------------------------------------------------------------- footer skipped

REPORT_FOOTER = [[], ["4 record(s) downloaded"], ["Seller ID: bloomandco"]]


@pytest.mark.parametrize("name,build", [("report.csv", csv_text), ("report.xlsx", xlsx)])
def test_a_reports_footer_below_the_table_is_left_out(name, build):
    sheet = read_one(name, build(TRACKER_TABLE + REPORT_FOOTER))
    assert sheet.frame["Client"].tolist() == ["Rosa Bakery", "Hotel Miramar", "Café Lumen"]
    assert "rows 6-7 below the table (a footer) were not imported" in sheet.notes


@pytest.mark.parametrize("last", [["Studio 54"], ["Zed Zane", "zed@zane.com"]])
def test_a_last_client_with_a_name_alone_after_a_gap_stays_a_client(last):
    """A name alone (a digit in it too) is no report's words: it is a client, not a footer."""
    sheet = read_one("tracker.csv", csv_text(TRACKER_TABLE + [[]] + [last]))
    assert sheet.frame["Client"].tolist()[-1] == last[0]
    assert not [n for n in sheet.notes if "footer" in n]


def test_footer_rows_are_no_clients_through_the_command(tmp_path):
    """Before: '4 record(s) downloaded' and 'Seller ID: bloomandco' were two more clients
    (5 instead of 3 at awareness)."""
    path = tmp_path / "clients.csv"
    path.write_bytes(csv_text(TRACKER_TABLE + REPORT_FOOTER))
    done = run(tmp_path, "import", str(path), "--workspace", "shop", "--json")
    assert done.returncode == 0, done.stderr
    result, = json.loads(done.stdout)["imports"]
    assert (result["rows"], result["inserted"], result["rejected"]) == (3, 3, 0)
    funnel = run(tmp_path, "funnel", "--workspace", "shop", "--json")
    assert json.loads(funnel.stdout)["stages"][0]["clients"] == 3
