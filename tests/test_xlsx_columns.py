"""Column-wise xlsx reading (journey.ingest.xlsx_columns) gives what the cell-by-cell way gives.

Every workbook here is read twice, once with the fast way allowed for any sheet size and
once with it turned off; the imports must leave identical workspaces. Where the fast way
must step aside (names fastexcel made up, rows it cannot place) the tests check that it did.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile

import openpyxl.chart
import pytest
import pyarrow as pa

from conftest import clear_clock, dump, xlsx_bytes
from journey.ingest import import_file, xlsx_columns
from journey.ingest import read as readers
from journey.workspace import open_memory_workspace
from journey.ingest.xlsx_columns import (FastSheets, RowSpan, Span, shared_strings_look_dated,
                                         workbook_sheets)

HEADER = ["Client ID", "Name", "Stage", "Revenue (current)", "First contact", "Contract on file",
          "Phone", "Notes"]


def tracker_rows(count: int = 40) -> list[list]:
    """A client tracker with columns of one kind and columns mixing kinds."""
    rows = [HEADER]
    for n in range(1, count + 1):
        rows.append([
            f"C{n:03d}", f"  Client {n} ", ["Awareness", "Purchase", "Repeat"][n % 3],
            f"${n * 10:,.2f}" if n % 4 == 0 else n * 10.5,          # money: numbers and text
            "05/02/2024" if n % 5 == 0 else dt.datetime(2024, 1, n % 28 + 1),
            ["yes", "no", "Y"][n % 3],
            412345000 + n if n % 2 else f"0412 345 {n:03d}",         # numbers and text
            None if n % 7 else "called back",
        ])
    return rows


def spans_used(data: bytes) -> dict[str, bool]:
    """Sheet name -> whether the fast way read it (MIN_ROWS set to 0)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        spans, _ = readers._verify_zip_members("t.xlsx", archive)
        listed = workbook_sheets(archive)
        dated_texts = shared_strings_look_dated(archive)
    fast = FastSheets(data, {s.name: spans[s.member] for s in listed if s.member in spans},
                      dated_texts)
    return {s.name: fast.columns(s.name) is not None for s in listed if s.kind == "worksheet"}


def both_ways(monkeypatch, data: bytes, filename: str = "tracker.xlsx"):
    """The workspaces an import leaves with the fast way on for every size, and off."""
    found = []
    for smallest in (0, 10**12):
        monkeypatch.setattr(xlsx_columns, "MIN_ROWS", smallest)
        db = open_memory_workspace()
        results = import_file(db, filename, data)
        clear_clock(db)
        found.append((dump(db, exclude=("imports",)),
                      [(r.sheet, r.inserted, r.rejected, r.notes) for r in results]))
        db.close()
    return found


def test_mixed_columns_import_the_same_both_ways(monkeypatch):
    data = xlsx_bytes({"Clients": tracker_rows()})
    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 0)
    assert spans_used(data) == {"Clients": True}
    fast, slow = both_ways(monkeypatch, data)
    assert fast == slow
    assert fast[1][0][:3] == ("Clients", 40, 0)


def test_offset_table_blank_rows_and_cells_keep_their_row_numbers(monkeypatch):
    def build(wb):
        sheet = wb["Clients"]
        sheet.insert_rows(1, 2)          # the table starts at C3, after two empty rows
        sheet.insert_cols(1, 2)
        sheet["C8"] = None
        sheet.insert_rows(10)            # a blank row in the middle
    rows = tracker_rows(12)
    rows[3][3] = "not money"             # a value the import rejects, with its row number
    data = xlsx_bytes({"Clients": rows}, build)
    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 0)
    assert spans_used(data) == {"Clients": True}
    fast, slow = both_ways(monkeypatch, data)
    assert fast == slow
    # (a client's cell that cannot be read is left empty, the client kept: said in a note)
    assert fast[0]["import_problems"] == []
    assert any("row 6, Revenue (current) (F): 'not money' is not an amount of money" in note
               for note in fast[1][0][3])


@pytest.mark.parametrize("contract", [lambda n: ["yes", "no", True][n % 3], lambda n: n % 2 == 0])
def test_booleans_send_the_sheet_the_ordinary_way(monkeypatch, contract):
    rows = tracker_rows()
    for n, row in enumerate(rows[1:]):
        row[5] = contract(n)                    # fastexcel writes TRUE as "true" or 1
    data = xlsx_bytes({"Clients": rows})
    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 0)
    assert spans_used(data) == {"Clients": False}
    fast, slow = both_ways(monkeypatch, data)
    assert fast == slow


@pytest.mark.parametrize("cells, why", [
    (["0.333333333", "Bob"], "a number fastexcel may have rounded"),
    (["12345678901234567", "Bob"], "a large number written out in digits"),
    (["2024-01-05 00:00:00", "Bob"], "text that looks like a date as fastexcel writes one"),
])
def test_text_that_could_be_a_written_number_or_date_sends_the_sheet_the_ordinary_way(
        monkeypatch, cells, why):
    rows = [["Name", "Note"]] + [[f"Client {n}", cells[n % 2]] for n in range(8)]
    rows[3][1] = dt.datetime(2024, 2, 3)          # a date among the text
    data = xlsx_bytes({"Clients": rows})
    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 0)
    assert spans_used(data) == {"Clients": False}, why
    fast, slow = both_ways(monkeypatch, data)
    assert fast == slow


@pytest.mark.parametrize("header, why", [
    (["Name", "Name", "Stage"], "a name made unique"),
    (["Name", None, "Stage"], "a name made up for an empty header cell"),
    (["Name", dt.datetime(2024, 1, 1), "Stage"], "a date header"),
    (["  ", "  ", "  "], "a blank header row"),
])
def test_names_fastexcel_made_up_send_the_sheet_the_ordinary_way(monkeypatch, header, why):
    rows = [header] + [[f"Client {n}", f"x{n}", "Purchase"] for n in range(8)]
    if why == "a blank header row":
        rows.insert(1, ["Name", "Note", "Stage"])
    data = xlsx_bytes({"Clients": rows})
    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 0)
    assert spans_used(data) == {"Clients": False}, why
    fast, slow = both_ways(monkeypatch, data)
    assert fast == slow


def test_a_real_header_ending_in_a_number_is_read_fast_when_unambiguous(monkeypatch):
    rows = [["Name", "Phone_2", "Stage"]] + [[f"C{n}", "1", "Purchase"] for n in range(8)]
    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 0)
    assert spans_used(xlsx_bytes({"Clients": rows})) == {"Clients": True}


def test_small_sheets_are_read_the_ordinary_way():
    data = xlsx_bytes({"Clients": tracker_rows(10)})
    assert xlsx_columns.MIN_ROWS > 10
    assert spans_used(data) == {"Clients": False}


def test_every_sheet_of_a_workbook_is_found_by_its_member(monkeypatch):
    data = xlsx_bytes({"Clients": tracker_rows(20), "Complaints": [
        ["Client ID", "Date", "Event type"], *[[f"C{n:03d}", dt.datetime(2024, 3, n + 1), "complaint"]
                                         for n in range(20)]]})
    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 0)
    assert spans_used(data) == {"Clients": True, "Complaints": True}
    fast, slow = both_ways(monkeypatch, data)
    assert fast == slow
    assert len(fast[0]["events"]) == 20


def test_row_span_finds_the_first_and_last_rows_with_a_value_across_chunks():
    xml = (b'<worksheet><sheetData><row r="2"><c r="A2" s="1"/></row>'
           b'<row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" t="inlineStr"><is><t>x</t></is></c></row>'
           + b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(4, 3000))
           + b'<row r="3000"><c r="A3000" t="str"><f>A1</f><v>y</v></c></row>'
           b'<row r="3001"><c r="A3001" s="2"/></row></sheetData></worksheet>')
    span = RowSpan()
    for start in range(0, len(xml), 1000):
        span.feed(xml[start:start + 1000])
    assert span.finish() == Span(first=3, last=3000, first_column=1)


def test_row_span_without_any_value_is_none():
    span = RowSpan()
    span.feed(b'<worksheet><sheetData><row r="1"><c r="A1" s="1"/></row></sheetData></worksheet>')
    assert span.finish() is None


def test_superstore_imports_the_same_both_ways(monkeypatch, datasets):
    data = (datasets / "superstore_sample.xlsx").read_bytes()
    assert spans_used(data)["Orders"] is True          # 9,994 rows: fast at the usual size
    fast, slow = both_ways(monkeypatch, data, "superstore_sample.xlsx")
    assert fast == slow


def test_calamine_is_not_opened_when_every_sheet_is_read_column_wise(monkeypatch):
    def build(wb):
        chart = wb.create_chartsheet("Chart")
        chart.add_chart(openpyxl.chart.BarChart())
    data = xlsx_bytes({"Clients": tracker_rows(20)}, build)
    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 0)
    opened = []
    real = readers._open_calamine
    monkeypatch.setattr(readers, "_open_calamine", lambda *a: opened.append(a) or real(*a))
    sheets = readers.read_tables("t.xlsx", data)
    assert opened == []
    assert [s.name for s in sheets] == ["Clients"]
    assert "sheet 'Chart' is not a table (a chart or macro sheet) and was skipped" in sheets[0].notes


def test_a_sheet_read_cell_by_cell_opens_calamine_then(monkeypatch):
    data = xlsx_bytes({"Clients": tracker_rows(20), "Tiny": [["Name"], ["Ann"]]})
    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 5)
    opened = []
    real = readers._open_calamine
    monkeypatch.setattr(readers, "_open_calamine", lambda *a: opened.append(a) or real(*a))
    sheets = readers.read_tables("t.xlsx", data)
    assert len(opened) == 1
    assert [len(s.frame) for s in sheets] == [20, 1]


def test_row_span_looks_past_formatted_empty_rows_at_the_end():
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(1, 200))
    empty = b"".join(b'<row r="%d" s="3" customFormat="1"><c r="A%d" s="3"/></row>' % (n, n)
                     for n in range(200, 20000))
    span = RowSpan()
    data = b"<worksheet><sheetData>" + rows + empty + b"</sheetData></worksheet>"
    for start in range(0, len(data), 300_000):
        span.feed(data[start:start + 300_000])
    assert span.finish() == Span(first=1, last=199, first_column=0)


def random_workbook(rng: random.Random) -> bytes:
    """A small workbook of random shape: offset, blank rows and cells, and columns of one
    kind or mixing text, numbers, dates, booleans and stray spaces."""
    kinds = ["text", "number", "date", "bool", "time", "mixed"]
    header = rng.sample(HEADER + ["Email", "Region", "Owner", "Amount", "Date"], rng.randint(2, 8))
    columns = [rng.choice(kinds) for _ in header]

    def cell(kind: str, n: int):
        if rng.random() < 0.15:
            return None
        if kind == "mixed":
            kind = rng.choice(kinds[:5])
        return {"text": lambda: rng.choice(["  Ann ", "Bob", "=1+1", "04 1234", "x\ty", "Purchase",
                                            "true", "2024-01-05"]),
                "number": lambda: rng.choice([n, n * 1.5, -0.25, 1e9, 42, 1e20, 1 / 3, 0.1 + 0.2]),
                "date": lambda: dt.datetime(2024, rng.randint(1, 12), rng.randint(1, 28),
                                            rng.choice([0, 0, 13]), 0, rng.choice([0, 0, 7])),
                "bool": lambda: rng.choice([True, False]),
                "time": lambda: dt.time(rng.randint(0, 23), rng.choice([0, 30]))}[kind]()

    rows = [header] + [[cell(k, n) for k in columns] for n in range(rng.randint(3, 40))]
    if rng.random() < 0.5:
        rows.insert(rng.randint(2, len(rows)), [None] * len(header))   # a blank row

    above, left = rng.randint(0, 3), rng.randint(0, 2)

    def build(wb):
        if above:
            wb["Clients"].insert_rows(1, above)
        if left:
            wb["Clients"].insert_cols(1, left)
    return xlsx_bytes({"Clients": rows}, build)


@pytest.mark.parametrize("seed", range(200))
def test_random_workbooks_import_the_same_both_ways(monkeypatch, seed):
    data = random_workbook(random.Random(seed))
    fast, slow = both_ways(monkeypatch, data)
    assert fast == slow


def test_shared_strings_that_look_like_written_dates_send_the_sheet_the_ordinary_way(monkeypatch):
    import xlsxwriter

    def book(note: str) -> bytes:
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer)          # text in shared strings, as Excel
        sheet = workbook.add_worksheet("Clients")
        sheet.write_row(0, 0, ["Name", "Note"])
        for n in range(1, 9):
            sheet.write_string(n, 0, f"Client {n}")
            if n == 3:
                sheet.write_datetime(n, 1, dt.datetime(2024, 2, 3),
                                     workbook.add_format({"num_format": "yyyy-mm-dd"}))
            else:
                sheet.write_string(n, 1, note)
        workbook.close()
        return buffer.getvalue()

    monkeypatch.setattr(xlsx_columns, "MIN_ROWS", 0)
    assert spans_used(book("called back")) == {"Clients": True}
    assert spans_used(book(" 2024-01-05 00:00:00 ")) == {"Clients": False}
    for data in (book("called back"), book(" 2024-01-05 00:00:00 ")):
        fast, slow = both_ways(monkeypatch, data)
        assert fast == slow


def test_cells_that_repeat_share_one_object_per_value_and_read_the_same():
    rows = 5_000
    words = pa.array([[" Lead", "Won ", None, ""][i % 4] for i in range(rows)])
    scores = pa.array([None if i % 7 == 0 else float(i % 5) for i in range(rows)])
    unique = pa.array([f"C{i}" if i % 3 else None for i in range(rows)])
    for column in (words, scores, unique):
        cells = xlsx_columns._cells(column, dated_texts=False)
        expected = [(v.strip() or None) if isinstance(v, str) else v for v in column.to_pylist()]
        assert cells.tolist() == expected
        assert [type(v) for v in cells] == [type(v) for v in expected]
    shared = xlsx_columns._cells(words, dated_texts=False)
    assert shared[0] is shared[4] and shared[1] is shared[5]
    numbers = xlsx_columns._cells(scores, dated_texts=False)
    assert numbers[1] is numbers[6]


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_a_member_opened_to_inflate_fast_reads_as_zipfile_reads_it(method):
    """open_member swaps zipfile's decompressor for ISA-L's on deflated members: the bytes
    are the same, read whole or in small pieces, and a damaged member still fails."""
    text = "".join(f'<row r="{i}"><c r="A{i}"><v>{random.random()}</v></c></row>'
                   for i in range(1, 20_000)).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", text)
    archive = zipfile.ZipFile(buffer)
    with xlsx_columns.open_member(archive, "xl/worksheets/sheet1.xml") as member:
        swapped = type(getattr(member, "_decompressor", None)).__module__
        pieces = b"".join(iter(lambda: member.read(1000), b""))
    assert pieces == text == archive.read("xl/worksheets/sheet1.xml")
    assert ("isal" in swapped or "igzip" in swapped) == (method == zipfile.ZIP_DEFLATED)
    if method == zipfile.ZIP_DEFLATED:
        data = bytearray(buffer.getvalue())
        data[len(data) // 3: len(data) // 3 + 64] = bytes(64)
        with pytest.raises(Exception):
            with xlsx_columns.open_member(zipfile.ZipFile(io.BytesIO(bytes(data))),
                                          "xl/worksheets/sheet1.xml") as member:
                while member.read(1 << 16):
                    pass
