"""Tests for journey.ingest.read: every fixture is built in memory or in tmp_path."""

from __future__ import annotations

import datetime as dt
import io
import random
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from conftest import read_one
from journey.ingest import read as readers
from journey.errors import UnreadableFile
from journey.ingest.read import MAX_COLUMNS, RawSheet, column_letter, read_tables

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


# ------------------------------------------------------------------------------- helpers


def refusal(filename: str, data: bytes, **kwargs) -> str:
    """The sentence a refused file gets; checks it names the file and is one sentence."""
    with pytest.raises(UnreadableFile) as caught:
        read_tables(filename, data, **kwargs)
    message = str(caught.value)
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    assert base in message
    assert message.endswith(".")
    assert "\n" not in message and "Traceback" not in message
    return message


def rows(sheet: RawSheet) -> list[list]:
    return sheet.frame.values.tolist()


def xlsx_bytes(build) -> bytes:
    """Build a workbook with openpyxl: ``build(workbook)`` fills it."""
    workbook = openpyxl.Workbook()
    build(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def three_sheet_workbook(wb) -> None:
    orders = wb.active
    orders.title = "Orders"
    orders.append(["Order ID", "Customer", "Amount"])
    orders.append(["A-1", "Ann", 10.5])
    orders.append(["A-2", "Bob", 20])
    returns = wb.create_sheet("Returns")
    returns.append(["Order ID", "Returned"])
    returns.append(["A-2", "Yes"])
    people = wb.create_sheet("People")
    people.append(["Person", "Region"])
    people.append(["Cat", "West"])
    people.append(["Dan", "East"])
    people.append(["Eve", "North"])


def patch_zip_sizes(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the uncompressed size a zip declares for ``member`` (local and central)."""
    out = bytearray(data)
    encoded = member.encode()
    local = out.find(b"PK\x03\x04")
    while local != -1:
        name_len = struct.unpack_from("<H", out, local + 26)[0]
        if bytes(out[local + 30 : local + 30 + name_len]) == encoded:
            struct.pack_into("<I", out, local + 22, size)
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", out, central + 28)[0]
        if bytes(out[central + 46 : central + 46 + name_len]) == encoded:
            struct.pack_into("<I", out, central + 24, size)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def ods_bytes(rows_xml: str, sheet_name: str = "Clients") -> bytes:
    """A minimal OpenDocument spreadsheet, written by hand (no odfpy needed)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet_name}">{rows_xml}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest)
    return buffer.getvalue()


def ods_cell(kind: str, value: str) -> str:
    """One ODS cell: kind is 'string', 'date' (ISO text) or 'float'."""
    attributes = {
        "string": 'office:value-type="string"',
        "date": f'office:value-type="date" office:date-value="{value}"',
        "float": f'office:value-type="float" office:value="{value}"',
    }[kind]
    return f"<table:table-cell {attributes}><text:p>{value}</text:p></table:table-cell>"


# ---------------------------------------------------------------------------- encodings


def test_utf8_csv_basic_shape():
    sheet = read_one("clients.csv", "name,city,spend\nAnn, Zürich ,12\nBob,,7.5\n".encode())
    assert sheet.name == "clients"
    assert sheet.headers == ["name", "city", "spend"]
    assert list(sheet.frame.columns) == sheet.headers
    assert all(dtype is np.dtype(object) for dtype in sheet.frame.dtypes)
    assert rows(sheet) == [["Ann", "Zürich", "12"], ["Bob", None, "7.5"]]
    assert sheet.row_numbers == [2, 3]
    assert sheet.column_letters == ["A", "B", "C"]
    assert sheet.notes == []


def test_utf8_bom_is_removed_from_first_header():
    sheet = read_one("bom.csv", "\ufeffCustomer ID,Name\n1,Ann\n".encode("utf-8"))
    assert sheet.headers == ["Customer ID", "Name"]


def test_cp1252_is_decoded_with_a_note():
    sheet = read_one("cafe.csv", "place,price\nCafé,3\nCrème brûlée,4\n".encode("cp1252"))
    assert rows(sheet) == [["Café", "3"], ["Crème brûlée", "4"]]
    assert any("Windows-1252" in note for note in sheet.notes)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(encoding):
    text = "name\tcity\nAnn\tCafé town\nBob\tOslo\n"
    sheet = read_one("export.txt", text.encode(encoding))
    assert sheet.headers == ["name", "city"]
    assert rows(sheet) == [["Ann", "Café town"], ["Bob", "Oslo"]]


# --------------------------------------------------------------------------- delimiters


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(delimiter):
    lines = [["id", "name", "note"], ["1", "Ann", "x y"], ["2", "Bob", "z"]]
    data = "\r\n".join(delimiter.join(line) for line in lines).encode()
    sheet = read_one("people.csv", data)
    assert sheet.headers == ["id", "name", "note"]
    assert rows(sheet) == [["1", "Ann", "x y"], ["2", "Bob", "z"]]


def test_semicolon_file_with_decimal_commas():
    sheet = read_one("eu.csv", b"name;amount;city\nAnn;12,50;Lyon\nBob;3,75;Nice\n")
    assert sheet.headers == ["name", "amount", "city"]
    assert rows(sheet)[0] == ["Ann", "12,50", "Lyon"]


def test_tsv_with_commas_in_text():
    sheet = read_one("notes.tsv", b"name\tcomment\nAnn\tlate, but fine\nBob\tok, ok, ok\n")
    assert sheet.headers == ["name", "comment"]
    assert rows(sheet)[1] == ["Bob", "ok, ok, ok"]


def test_single_column_csv():
    sheet = read_one("emails.csv", b"email\na@example.com\nb@example.com\n")
    assert sheet.headers == ["email"]
    assert len(sheet.frame) == 2


def test_single_column_with_commas_in_some_cells_is_not_split():
    sheet = read_one("notes.csv", b"note\nhello, world\nbye\nsee you\n")
    assert sheet.headers == ["note"]
    assert rows(sheet) == [["hello, world"], ["bye"], ["see you"]]


def test_stray_nul_bytes_are_removed_with_a_note():
    sheet = read_one("nul.csv", b"id,name\n1,Ann\n2,Bob\x00\n" + b"3,Cat\n" * 50)
    assert rows(sheet)[1] == ["2", "Bob"]
    assert any("NUL" in note for note in sheet.notes)


# ------------------------------------------------------------------------------ quoting


def test_quoted_fields_with_delimiters_newlines_and_quotes():
    text = 'id,comment,amount\r\n1,"Hello, world",5\r\n2,"line one\r\nline two",6\r\n3,"say ""hi""",7\r\n4,plain,8\r\n'
    sheet = read_one("quotes.csv", text.encode())
    assert rows(sheet) == [
        ["1", "Hello, world", "5"],
        ["2", "line one\r\nline two", "6"],
        ["3", 'say "hi"', "7"],
        ["4", "plain", "8"],
    ]
    # a multi-line cell is one row, as a spreadsheet program counts rows
    assert sheet.row_numbers == [2, 3, 4, 5]


def test_quote_inside_an_unquoted_cell_is_literal():
    sheet = read_one("tv.csv", b'item,size\nTV,55" screen\nRadio,small\n')
    assert rows(sheet) == [["TV", '55" screen'], ["Radio", "small"]]


def test_unclosed_quote_is_refused_naming_the_row():
    data = b'id,name\n1,Ann\n2,"Bob\n3,Cat\n4,Dan\n'
    message = refusal("broken.csv", data)
    assert "row 3" in message and "quote" in message


def test_unclosed_quote_in_a_ragged_file_is_refused():
    data = b'id,name\n1,Ann,extra\n\n2,"Bob\n3,Cat\n'
    message = refusal("broken.csv", data)
    assert "row 4" in message and "never closed" in message


def test_unclosed_quote_in_a_regular_file_last_column():
    data = b'id,name\n1,Ann\n2,"Bob\n3,Cat\n4,Dan\n'
    assert "row 3" in refusal("broken.csv", data)


def test_quote_left_open_at_the_very_end_is_harmless():
    sheet = read_one("end.csv", b'id,name\n1,Ann\n2,"Bob\n')
    assert rows(sheet) == [["1", "Ann"], ["2", "Bob"]]


def test_multiline_cell_in_the_last_row_is_fine():
    sheet = read_one("end.csv", b'id,note\n1,"two\nlines"\n')
    assert rows(sheet) == [["1", "two\nlines"]]


# --------------------------------------------------------------------- rows and headers


def test_ragged_rows_keep_extra_cells_and_pad_short_ones():
    data = b"a,b,c\n1,2,3\n4,5,6,7\n8,9\n"
    sheet = read_one("ragged.csv", data)
    assert sheet.headers == ["a", "b", "c", "column 4"]
    assert rows(sheet) == [["1", "2", "3", None], ["4", "5", "6", "7"], ["8", "9", None, None]]
    assert sheet.column_letters == ["A", "B", "C", "D"]


def test_duplicate_and_empty_headers():
    data = b"Name,name,,Email,Email, Email \nAnn,A,x,a@x,b@x,c@x\n"
    sheet = read_one("dupes.csv", data)
    assert sheet.headers == ["Name", "name (2)", "column 3", "Email", "Email (2)", "Email (3)"]
    assert len(set(sheet.headers)) == len(sheet.headers)


def test_trailing_empty_column_is_dropped_with_a_note():
    data = b"id,name,\n1,Ann,\n2,Bob,\n"
    sheet = read_one("trailing.csv", data)
    assert sheet.headers == ["id", "name"]
    assert "empty column 'column 3' dropped" in sheet.notes


def test_empty_header_with_data_is_kept():
    sheet = read_one("half.csv", b"id,\n1,x\n2,\n")
    assert sheet.headers == ["id", "column 2"]
    assert rows(sheet) == [["1", "x"], ["2", None]]


def test_blank_lines_are_skipped_and_row_numbers_kept():
    data = b"\n\nid,name\n1,Ann\n\n   \n,,\n2,Bob\n\n"
    sheet = read_one("gaps.csv", data)
    assert sheet.headers == ["id", "name"]
    assert rows(sheet) == [["1", "Ann"], ["2", "Bob"]]
    assert sheet.row_numbers == [4, 8]
    assert any("blank rows skipped" in note for note in sheet.notes)


def test_crlf_and_old_mac_line_endings():
    for newline in ("\r\n", "\r"):
        text = newline.join(["id,name", "1,Ann", "2,Bob"]) + newline
        sheet = read_one("endings.csv", text.encode())
        assert rows(sheet) == [["1", "Ann"], ["2", "Bob"]]
        assert sheet.row_numbers == [2, 3]


def test_cells_are_stripped_and_empty_cells_are_none():
    sheet = read_one("spaces.csv", b" id , name \n 1 ,   \n")
    assert sheet.headers == ["id", "name"]
    assert rows(sheet) == [["1", None]]


def test_long_cells_are_kept():
    long_text = "x" * 10_000
    sheet = read_one("long.csv", f"id,text\n1,{long_text}\n".encode())
    assert sheet.frame.loc[0, "text"] == long_text


def test_directory_part_of_the_name_is_ignored():
    sheet = read_one(r"C:\fakepath\Orders 2024.csv", b"id\n1\n")
    assert sheet.name == "Orders 2024"
    message = refusal("/tmp/uploads/empty.csv", b"")
    assert "/tmp" not in message


def test_column_letters():
    assert [column_letter(n) for n in (1, 26, 27, 52, 53, 702, 703)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


# ------------------------------------------------------------------------- empty files


def test_empty_file_is_refused():
    assert "empty" in refusal("nothing.csv", b"")


def test_only_blank_lines_is_refused():
    message = refusal("blank.csv", b"\r\n\r\n   \n\n")
    assert "empty" in message or "blank" in message


def test_only_delimiters_is_refused():
    assert "empty" in refusal("commas.csv", b",,,\n,,,\n")


def test_header_alone_is_refused():
    message = refusal("sales.csv", b"id,name,amount\n")
    assert message == "sales.csv has a header row but no data rows."


def test_five_megabyte_single_line_does_not_hang():
    started = time.perf_counter()
    message = refusal("one_line.csv", b"x" * (5 * 1024 * 1024))
    assert "header row but no data rows" in message
    message = refusal("one_line.csv", b"ab," * (5 * 1024 * 1024 // 3))
    assert "columns" in message
    assert time.perf_counter() - started < 20


# --------------------------------------------------------------------- not spreadsheets


@pytest.mark.parametrize("filename", ["logo.xlsx", "logo.csv", "logo.xls", "logo.ods"])
def test_png_is_refused(filename):
    message = refusal(filename, PNG + bytes(200))
    assert "not a spreadsheet" in message and "PNG" in message


def test_random_binary_is_refused():
    noise = random.Random(7).randbytes(4096)
    assert "not a spreadsheet" in refusal("noise.csv", noise)
    noise_without_nul = bytes(b or 1 for b in noise)
    assert "not a spreadsheet" in refusal("noise.csv", noise_without_nul)


def test_pdf_is_refused():
    assert "PDF" in refusal("report.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")


def test_html_named_xls_is_refused():
    data = b"<!DOCTYPE html><html><body><table><tr><td>a</td></tr></table></body></html>"
    assert "web page" in refusal("export.xls", data)


def test_text_named_xlsx_is_read_as_csv_with_a_note():
    sheet = read_one("really_text.xlsx", b"id,name\n1,Ann\n")
    assert rows(sheet) == [["1", "Ann"]]
    assert any("text (CSV)" in note for note in sheet.notes)


def test_word_document_and_plain_zip_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert "Word document" in refusal("letter.xlsx", buffer.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("clients.csv", "id\n1\n")
    assert "zip archive" in refusal("clients.zip", buffer.getvalue())


# ----------------------------------------------------------------------------- zip files


def test_truncated_xlsx_is_refused():
    data = xlsx_bytes(three_sheet_workbook)
    message = refusal("cut.xlsx", data[: len(data) // 2])
    assert "damaged" in message


def test_xlsx_with_corrupted_member_is_refused():
    data = bytearray(xlsx_bytes(three_sheet_workbook))
    middle = len(data) // 2
    data[middle : middle + 40] = bytes(40)
    assert "damaged" in refusal("garbled.xlsx", bytes(data))


def test_zip_bomb_declared_size_is_refused():
    data = xlsx_bytes(three_sheet_workbook)
    bomb = patch_zip_sizes(data, "xl/worksheets/sheet1.xml", 2 * 1024 ** 3)
    message = refusal("bomb.xlsx", bomb)
    assert "unpacks to 2.0 GB, more than the 1.5 GB" in message


def test_zip_bomb_real_content_is_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_UNCOMPRESSED_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(4):
                member.write(bytes(1024 * 1024))
    assert len(buffer.getvalue()) < 100_000
    assert "unpacks to" in refusal("zeros.xlsx", buffer.getvalue())


def test_zip_that_understates_its_sizes_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(200_000))
    lying = patch_zip_sizes(buffer.getvalue(), "xl/worksheets/sheet1.xml", 100)
    assert "damaged" in refusal("liar.xlsx", lying)


# --------------------------------------------------------------------- encrypted / OLE2


def test_encrypted_workbook_is_refused_as_password_protected():
    data = readers.OLE2_MAGIC + bytes(500) + b"junk" * 50 + "EncryptionInfo".encode("utf-16-le") + bytes(600)
    message = refusal("customers.xlsx", data)
    assert message == "customers.xlsx is password-protected; save it without a password and upload it again."


def test_other_ole2_file_is_refused():
    data = readers.OLE2_MAGIC + bytes(500) + "WordDocument".encode("utf-16-le") + bytes(600)
    assert "not an Excel workbook" in refusal("letter.xls", data)


def test_ole2_junk_claiming_a_workbook_is_refused():
    data = readers.OLE2_MAGIC + bytes(100) + "Workbook".encode("utf-16-le") + b"\xff" * 600
    assert "damaged" in refusal("junk.xls", data)


def test_real_xls_file(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Clients")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, values in enumerate([["name", "joined", "spend"], ["Ann", dt.date(2024, 1, 2), 12.5], ["Bob", None, 3]]):
        for c, value in enumerate(values):
            if isinstance(value, dt.date):
                sheet.write(r, c, value, date_style)
            elif value is not None:
                sheet.write(r, c, value)
    path = tmp_path / "legacy.xls"
    book.save(str(path))
    result = read_one("legacy.xls", path.read_bytes())
    assert result.headers == ["name", "joined", "spend"]
    assert rows(result)[0][0] == "Ann"
    assert isinstance(rows(result)[0][1], dt.date)
    assert rows(result)[1] == ["Bob", None, 3.0]


# ------------------------------------------------------------------------------ workbooks


def test_xlsx_three_sheets_in_full_and_one_by_name():
    data = xlsx_bytes(three_sheet_workbook)
    sheets = read_tables("shop.xlsx", data)
    assert [s.name for s in sheets] == ["Orders", "Returns", "People"]
    assert [len(s.frame) for s in sheets] == [2, 1, 3]
    orders = sheets[0]
    assert orders.headers == ["Order ID", "Customer", "Amount"]
    assert rows(orders) == [["A-1", "Ann", 10.5], ["A-2", "Bob", 20]]
    assert orders.row_numbers == [2, 3]

    only = read_tables("shop.xlsx", data, sheet="Returns")
    assert [s.name for s in only] == ["Returns"]
    assert rows(only[0]) == [["A-2", "Yes"]]
    assert read_tables("shop.xlsx", data, sheet=" people ")[0].name == "People"


def test_unknown_sheet_lists_the_sheets():
    message = refusal("shop.xlsx", xlsx_bytes(three_sheet_workbook), sheet="Refunds")
    assert "Refunds" in message and "Orders, Returns and People" in message


def test_xlsx_formula_without_cached_value_does_not_crash():
    def build(wb):
        ws = wb.active
        ws.append(["a", "b", "total"])
        ws.append([1, 2, "=A2+B2"])
        ws.append([3, 4, "=SUM(A3:B3)"])

    sheet = read_one("formulas.xlsx", xlsx_bytes(build))
    assert sheet.headers == ["a", "b", "total"]
    assert len(sheet.frame) == 2
    assert all(value is None or isinstance(value, (int, float)) for value in sheet.frame["total"])


def test_xlsx_dates_and_types():
    def build(wb):
        ws = wb.active
        ws.title = "Clients"
        ws.append(["name", "joined", "last seen", 2024, "vip", "postcode"])
        ws.append(["  Ann ", dt.date(2023, 4, 5), dt.datetime(2024, 1, 2, 15, 30), 5, True, 42420])
        ws.append(["", None, None, None, None, None])
        ws.append(["Bob", dt.date(2022, 1, 1), None, 1.5, False, "01234"])

    sheet = read_one("types.xlsx", xlsx_bytes(build))
    assert sheet.headers == ["name", "joined", "last seen", "2024", "vip", "postcode"]
    first, second = rows(sheet)
    assert first[0] == "Ann"
    assert isinstance(first[1], dt.date) and first[1] == dt.date(2023, 4, 5)
    assert isinstance(first[2], dt.datetime) and first[2] == dt.datetime(2024, 1, 2, 15, 30)
    assert first[4] is True and second[4] is False
    assert first[5] == 42420 and second[5] == "01234"
    assert sheet.row_numbers == [2, 4]
    assert any("1 blank row skipped" in note for note in sheet.notes)


def test_xlsx_table_not_at_a1_keeps_sheet_positions():
    def build(wb):
        ws = wb.active
        ws["C3"], ws["D3"] = "id", "name"
        ws["C4"], ws["D4"] = 1, "Ann"
        ws["C6"], ws["D6"] = 2, "Bob"

    sheet = read_one("offset.xlsx", xlsx_bytes(build))
    assert sheet.headers == ["id", "name"]
    assert sheet.column_letters == ["C", "D"]
    assert sheet.row_numbers == [4, 6]


def test_empty_sheets_are_skipped_with_a_note():
    def build(wb):
        wb.active.title = "Cover"
        data = wb.create_sheet("Data")
        data.append(["id"])
        data.append([1])
        headers = wb.create_sheet("Headers only")
        headers.append(["id", "name"])

    sheets = read_tables("mixed.xlsx", xlsx_bytes(build))
    assert [s.name for s in sheets] == ["Data"]
    notes = " ".join(sheets[0].notes)
    assert "'Cover' is empty" in notes and "'Headers only' has a header row but no data rows" in notes
    message = refusal("mixed.xlsx", xlsx_bytes(build), sheet="Cover")
    assert "Cover" in message and "no data" in message


def test_workbook_without_data_is_refused():
    def build(wb):
        wb.active.title = "One"
        wb.create_sheet("Two")

    assert "has no data" in refusal("blank.xlsx", xlsx_bytes(build))

    def headers_only(wb):
        wb.active.append(["id", "name"])

    assert "header row but no data rows" in refusal("headers.xlsx", xlsx_bytes(headers_only))


def test_wide_sheet_is_skipped_or_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_COLUMNS", 10)

    def build(wb):
        wb.active.title = "Wide"
        wb.active.append([f"h{i}" for i in range(20)])
        wb.active.append(list(range(20)))
        narrow = wb.create_sheet("Narrow")
        narrow.append(["id"])
        narrow.append([1])

    data = xlsx_bytes(build)
    sheets = read_tables("wide.xlsx", data)
    assert [s.name for s in sheets] == ["Narrow"]
    assert any("20 columns" in note for note in sheets[0].notes)
    message = refusal("wide.xlsx", data, sheet="Wide")
    assert "20 columns" in message


def test_ods_file():
    row = lambda *cells: "<table:table-row>" + "".join(cells) + "</table:table-row>"  # noqa: E731
    data = ods_bytes(
        row(ods_cell("string", "name"), ods_cell("string", "joined"), ods_cell("string", "spend"))
        + row(ods_cell("string", "Ann"), ods_cell("date", "2023-04-05"), ods_cell("float", "12.5"))
    )
    sheet = read_one("clients.ods", data)
    assert sheet.name == "Clients"
    assert sheet.headers == ["name", "joined", "spend"]
    assert rows(sheet) == [["Ann", dt.date(2023, 4, 5), 12.5]]


def test_ods_written_by_pandas(tmp_path):
    pytest.importorskip("odf")
    path = tmp_path / "pandas.ods"
    pd.DataFrame({"id": [1, 2], "name": ["Ann", "Bob"]}).to_excel(path, engine="odf", index=False)
    sheet = read_one("pandas.ods", path.read_bytes())
    assert sheet.headers == ["id", "name"]
    assert len(sheet.frame) == 2


# ------------------------------------------------------------------------------- limits


def test_file_over_the_size_limit_is_refused():
    message = refusal("big.csv", b"x" * (121 * 1024 * 1024))
    assert message == "big.csv is 121 MB; the limit is 100 MB."
    message = refusal("small.csv", b"id\n1\n" * 100, max_bytes=100)
    assert "limit" in message and "100 bytes" in message


def test_five_thousand_column_csv_is_refused_quickly():
    header = ",".join(f"col{i}" for i in range(5000))
    row = ",".join("1" for _ in range(5000))
    data = "\n".join([header] + [row] * 2000).encode()
    started = time.perf_counter()
    message = refusal("wide.csv", data)
    elapsed = time.perf_counter() - started
    assert "5,000 columns" in message and f"{MAX_COLUMNS:,}" in message
    assert elapsed < 5, elapsed


def test_ragged_rows_wider_than_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_COLUMNS", 5)
    assert "8 columns" in refusal("ragged.csv", b"a,b\n1,2\n1,2,3,4,5,6,7,8\n")


def test_big_csv_reads_fast_enough():
    header = ",".join(f"field{i}" for i in range(26))
    line = ",".join(f"value{i}" for i in range(26))
    data = ("\n".join([header] + [line] * 100_000) + "\n").encode()
    started = time.perf_counter()
    sheet = read_one("big.csv", data)
    elapsed = time.perf_counter() - started
    print(f"\n100,000 x 26 CSV read in {elapsed:.2f} s")
    assert sheet.frame.shape == (100_000, 26)
    assert elapsed < 15, elapsed  # generous: shared CI machines are slow


# ------------------------------------------------------------------------ real datasets

needs_datasets = pytest.mark.skipif(not DATASETS.is_dir(), reason="shared datasets not available")


def read_real(name: str) -> tuple[list[RawSheet], float]:
    data = (DATASETS / name).read_bytes()
    started = time.perf_counter()
    sheets = read_tables(name, data)
    elapsed = time.perf_counter() - started
    print(f"\n{name}: {elapsed:.3f} s")
    return sheets, elapsed


@needs_datasets
def test_real_crm_sales_pipeline():
    (sheet,), _ = read_real("maven_crm_sales_pipeline.csv")
    assert len(sheet.frame) == 8800
    assert sheet.headers == [
        "opportunity_id", "sales_agent", "product", "account",
        "deal_stage", "engage_date", "close_date", "close_value",
    ]  # fmt: skip
    assert sheet.frame["account"].isna().sum() == 1425
    assert sheet.row_numbers[0] == 2 and sheet.row_numbers[-1] == 8801


@needs_datasets
def test_real_telecom_churn():
    (sheet,), _ = read_real("maven_telecom_customer_churn.csv")
    assert len(sheet.frame) == 7043
    assert sheet.headers[0] == "Customerid"  # BOM removed, trailing space stripped
    assert "Numberofreferrals" in sheet.headers and "Totalrefunds" in sheet.headers
    assert all(h == h.strip() and not h.startswith("column ") for h in sheet.headers)
    # The file has 38 named columns and no empty-named one (each row ends with "Stayed,,":
    # empty churn category and reason), so nothing is dropped.
    assert len(sheet.headers) == 38
    assert sheet.headers[-1] == "Churnreason"


@needs_datasets
def test_real_retail_transactions():
    (sheet,), _ = read_real("retail_data_transactions.csv")
    assert len(sheet.frame) == 125_000
    assert sheet.headers == ["customer_id", "trans_date", "tran_amount"]
    assert sheet.frame["customer_id"].nunique() == 6889


@needs_datasets
def test_real_superstore_workbook():
    sheets, _ = read_real("superstore_sample.xlsx")
    assert {s.name: len(s.frame) for s in sheets} == {"Orders": 9994, "Returns": 296, "People": 4}
    orders = sheets[0]
    assert "Order ID" in orders.headers and "Customer ID" in orders.headers
    assert isinstance(orders.frame.loc[0, "Order Date"], dt.date)
    data = (DATASETS / "superstore_sample.xlsx").read_bytes()
    (returns,) = read_tables("superstore_sample.xlsx", data, sheet="Returns")
    assert len(returns.frame) == 296


@needs_datasets
@pytest.mark.parametrize(
    "name",
    ["maven_crm_accounts.csv", "maven_crm_products.csv", "maven_crm_sales_teams.csv",
     "maven_crm_data_dictionary.csv", "maven_telecom_data_dictionary.csv"],
)  # fmt: skip
def test_real_small_files_read(name):
    (sheet,), _ = read_real(name)
    assert len(sheet.frame) > 0
    assert all(sheet.headers)



def test_really_encrypted_xlsx_is_refused():
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    plain, secret = io.BytesIO(xlsx_bytes(three_sheet_workbook)), io.BytesIO()
    OOXMLFile(plain).encrypt("secret", secret)
    assert secret.getvalue().startswith(readers.OLE2_MAGIC) and msoffcrypto
    assert "password-protected" in refusal("secret.xlsx", secret.getvalue())


# ------------------------------------------------------- files that would crash calamine
# calamine allocates a dense rectangle per sheet and follows OLE2 sector chains blindly;
# without the checks these files abort the Python process, so they run in a subprocess.


def read_in_subprocess(tmp_path: Path, filename: str, data: bytes) -> str:
    """Run read_tables in a child process; returns what it printed (message or 'read')."""
    path = tmp_path / filename
    path.write_bytes(data)
    code = (
        "import sys; from journey.ingest import read_tables; from journey.errors import UnreadableFile\n"
        f"try:\n    read_tables({filename!r}, open({str(path)!r}, 'rb').read()); print('read')\n"
        "except UnreadableFile as error:\n    print(error)\n"
    )
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_xlsx_with_a_far_away_cell_is_refused(tmp_path):
    def build(wb):
        wb.active["A1"], wb.active["A2"], wb.active["XFD1048576"] = "id", 1, "far"

    data = xlsx_bytes(build)
    assert len(data) < 10_000
    message = read_in_subprocess(tmp_path, "far.xlsx", data)
    assert "far.xlsx" in message and "1,048,576 rows by 16,384 columns" in message


def test_xlsx_with_cells_out_of_order_is_refused(tmp_path):
    data = xlsx_bytes(three_sheet_workbook)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    members["xl/worksheets/sheet1.xml"] = sheet.replace(b'r="B2"', b'r="XFD1048576"', 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    assert "rows by" in read_in_subprocess(tmp_path, "shuffled.xlsx", buffer.getvalue())


def sheet_with_rows_xml(rows_xml: bytes) -> bytes:
    """A small xlsx whose sheet has A1, A2 and then ``rows_xml`` as written (any XML)."""
    def build(wb):
        wb.active["A1"], wb.active["A2"] = "id", 1

    with zipfile.ZipFile(io.BytesIO(xlsx_bytes(build))) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    members["xl/worksheets/sheet1.xml"] = sheet.replace(b"</sheetData>", rows_xml + b"</sheetData>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return buffer.getvalue()


@pytest.mark.parametrize("far", [
    # calamine places a cell without a reference after the one before it, in its row's r:
    b'<row r="1048576">' + b"<c><v>1</v></c>" * 16384 + b"</row>",
    b'<row r="1048576">' + b'<c t="n"><v>1</v></c>' * 16384 + b"</row>",
    b'<row r="1048576">' + b"<x:c><v>1</v></x:c>" * 16384 + b"</row>",
    # references written other than as r="..." first: quotes, spaces, order
    b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",
    b'<row r="1048576"><c r = "XFD1048576"><v>1</v></c></row>',
    b'<row r="1048576"><c s="0" r="XFD1048576"><v>1</v></c></row>',
], ids=["no-reference", "no-reference-typed", "prefixed", "single-quotes", "spaces", "r-not-first"])
def test_xlsx_cells_placed_far_away_without_a_plain_reference_are_refused(tmp_path, far):
    """A few kilobytes that would make calamine ask for 17 billion cells (and abort the
    process): the extent is worked out from where calamine would put each cell."""
    data = sheet_with_rows_xml(far)
    assert len(data) < 20_000
    message = read_in_subprocess(tmp_path, "far.xlsx", data)
    assert "1,048,576 rows by 16,384 columns" in message


@pytest.mark.parametrize("xml, unusual", [
    (b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row>', False),
    (b'<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', False),
    (b'<cols><col min="1" max="2"/></cols><x14:cfRule type="expression"/>', False),
    (b"<c><v>1</v></c>", True), (b"<c/>", True), (b'<c s="1" r="A1"/>', True),
    (b"<c r='A1'/>", True), (b'<c\nr="A1"/>', True), (b"<x:c><x:v>1</x:v></x:c>", True),
    (b'<x:c t="n"/>', True),
])
def test_the_quick_extent_check_knows_which_cells_it_can_vouch_for(xml, unusual):
    extent = readers._XlsxExtent()
    extent.feed(xml)
    assert extent.unusual is unusual


def test_xlsx_cells_without_a_reference_nearby_are_read(tmp_path):
    data = sheet_with_rows_xml(b'<row r="3"><c r="A3"><v>2</v></c><c><v>5</v></c></row>'
                               b"<row><c><v>3</v></c></row>")
    assert read_in_subprocess(tmp_path, "near.xlsx", data) == "read"
    sheet = read_one("near.xlsx", data)
    assert rows(sheet) == [[1, None], [2, 5], [3, None]] and sheet.row_numbers == [2, 3, 4]


def test_ods_with_huge_repeats_is_refused(tmp_path):
    cell = (
        '<table:table-cell table:number-columns-repeated="1000" office:value-type="float" '
        'office:value="1"><text:p>1</text:p></table:table-cell>'
    )
    data = ods_bytes(f'<table:table-row table:number-rows-repeated="50000">{cell}</table:table-row>')
    assert len(data) < 2_000
    message = read_in_subprocess(tmp_path, "bomb.ods", data)
    assert "sheet 'Clients'" in message and "50,000 rows by 1,000 columns" in message


def test_ods_padding_of_empty_cells_is_fine():
    text = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    padding = '<table:table-cell table:number-columns-repeated="16382"/>'
    rows_xml = "".join(
        f"<table:table-row>{text.format(a)}{text.format(b)}{padding}</table:table-row>"
        for a, b in [("id", "name"), ("1", "Ann"), ("2", "Bob")]
    )
    rows_xml += (
        '<table:table-row table:number-rows-repeated="1048573">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    sheet = read_one("padded.ods", ods_bytes(rows_xml))
    assert sheet.headers == ["id", "name"]
    assert rows(sheet) == [["1", "Ann"], ["2", "Bob"]]


def ole2_with_directory_loop() -> bytes:
    """An OLE2 file whose directory chain points back to itself (sector 1 -> 1)."""
    header = bytearray(512)
    header[0:8] = readers.OLE2_MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<8I", header, 0x2C, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([0xFFFFFFFF] * 108))
    fat = struct.pack("<128I", 0xFFFFFFFD, 1, *([0xFFFFFFFF] * 126))
    directory = bytearray(512)
    for index, (entry_name, kind) in enumerate([("Root Entry", 5), ("Workbook", 2)]):
        encoded = entry_name.encode("utf-16-le") + b"\x00\x00"
        base = index * 128
        directory[base : base + len(encoded)] = encoded
        struct.pack_into("<H", directory, base + 64, len(encoded))
        directory[base + 66] = kind
        struct.pack_into("<II", directory, base + 116, 0xFFFFFFFE if kind == 5 else 1, 0 if kind == 5 else 5000)
    return bytes(header) + fat + bytes(directory)


def test_ole2_with_a_sector_loop_is_refused(tmp_path):
    message = read_in_subprocess(tmp_path, "loop.xls", ole2_with_directory_loop())
    assert "loop.xls" in message and "damaged" in message


def test_xls_with_huge_dimensions_is_refused(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Clients")
    sheet.write(0, 0, "id")
    sheet.write(1, 0, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    data = bytearray(buffer.getvalue())
    dimensions = data.find(b"\x00\x02\x0e\x00")  # the DIMENSIONS record: 268 million rows x 256 columns
    struct.pack_into("<IIHH", data, dimensions + 4, 0, 0x10000000, 0, 256)
    message = read_in_subprocess(tmp_path, "dims.xls", bytes(data))
    assert "dims.xls" in message and "damaged" in message
