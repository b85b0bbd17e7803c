"""Two layouts people make by hand that a plain reading of the cells gets wrong
(journey.ingest.read): cells merged over several rows (a client's name over its contacts'
rows: calamine gives the value to the range's first cell only) and tables stacked under
one header (a Monday.com board: each group's name, the header again, the group's items).
Every file is built in tmp_path or in memory."""

from __future__ import annotations

import io
import json
import zipfile
from xml.sax.saxutils import escape

import pytest

from conftest import run_cli as run
from conftest import read_one, xlsx_bytes
from journey.errors import UnreadableFile
from journey.ingest import read
from journey.ingest.read import RawSheet, read_tables

HEADER = ["Client", "Contact", "Phone", "Stage", "Revenue"]
TRACKER = [
    ["Client tracker 2024"],
    [],
    HEADER,
    ["Hotel Rosa", "Maria Vidal", "0161 555 0101", "Customer", 4200],
    [None, "Pedro Ruiz", "0161 555 0102"],
    [None, "Lucia Gomez", "0161 555 0103"],
    ["Café Lune", "Jean Petit", "0161 555 0201", "Lead", 0],
    [None, "Anne Petit", "0161 555 0202"],
    ["Ritz Bar", "Leo Ritz", "0161 555 0701", "Won", 900],
]
TRACKER_MERGES = ["A4:A6", "D4:D6", "E4:E6", "A7:A8", "D7:D8", "E7:E8"]


def xlsx(rows: list[list], merges: list[str] = (), sheet: str = "Clients") -> bytes:
    def merge(workbook) -> None:
        for ref in merges:
            workbook[sheet].merge_cells(ref)
    return xlsx_bytes({sheet: rows}, build=merge)


def with_merge_xml(data: bytes, refs: list[str]) -> bytes:
    """The workbook with ``refs`` written as the first sheet's merged ranges, as they are
    (openpyxl would empty the cells a range covers, and refuses ranges that overlap)."""
    merges = (f'<mergeCells count="{len(refs)}">'
              + "".join(f'<mergeCell ref="{ref}"/>' for ref in refs) + "</mergeCells>")
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                member = member.replace(b"</sheetData>", b"</sheetData>" + merges.encode())
            target.writestr(info, member)
    return out.getvalue()


def ods(rows: list[list], spans: dict[tuple[int, int], int] = (), sheet: str = "Clients") -> bytes:
    """A minimal OpenDocument spreadsheet; ``spans`` maps (row, column), 0-based, to the
    rows that cell is merged over (LibreOffice writes the cells below as covered cells)."""
    spans = dict(spans)
    covered = {(r + k, c) for (r, c), n in spans.items() for k in range(1, n)}
    xml_rows = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if (r, c) in covered:
                cells.append("<table:covered-table-cell/>")
                continue
            spanned = (f' table:number-rows-spanned="{spans[(r, c)]}" '
                       'table:number-columns-spanned="1"' if (r, c) in spans else "")
            if value is None:
                cells.append(f"<table:table-cell{spanned}/>")
            elif isinstance(value, (int, float)):
                cells.append(f'<table:table-cell office:value-type="float" office:value="{value}"'
                             f"{spanned}><text:p>{value}</text:p></table:table-cell>")
            else:
                cells.append(f'<table:table-cell office:value-type="string"{spanned}>'
                             f"<text:p>{escape(value)}</text:p></table:table-cell>")
        xml_rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
        '<table:table-column table:number-columns-repeated="8"/>'
        + "".join(xml_rows) + "</table:table></office:spreadsheet></office:body>"
        "</office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def rows_of(sheet: RawSheet) -> list[list]:
    return [[None if value != value else value for value in row]
            for row in sheet.frame.itertuples(index=False)]


# ------------------------------------------------------------------ cells merged over rows

FILLED = [
    ["Hotel Rosa", "Maria Vidal", "0161 555 0101", "Customer", 4200],
    ["Hotel Rosa", "Pedro Ruiz", "0161 555 0102", "Customer", 4200],
    ["Hotel Rosa", "Lucia Gomez", "0161 555 0103", "Customer", 4200],
    ["Café Lune", "Jean Petit", "0161 555 0201", "Lead", 0],
    ["Café Lune", "Anne Petit", "0161 555 0202", "Lead", 0],
    ["Ritz Bar", "Leo Ritz", "0161 555 0701", "Won", 900],
]
MERGED_NOTE = ("cells merged over several rows (A4:A6, D4:D6, E4:E6, A7:A8, ...) were read "
               "as the value in each row")


def test_a_name_merged_over_its_contacts_rows_is_read_in_each_row():
    sheet = read_one("tracker.xlsx", xlsx(TRACKER, TRACKER_MERGES))
    assert sheet.headers == HEADER
    assert sheet.column_letters == ["A", "B", "C", "D", "E"]
    assert sheet.header_row == 3
    assert sheet.row_numbers == [4, 5, 6, 7, 8, 9]
    assert rows_of(sheet) == FILLED
    assert sheet.notes == ["row 1 above the header (a title) was not imported",
                           "1 blank row skipped", MERGED_NOTE]


def test_the_same_tracker_without_merges_reads_as_before():
    sheet = read_one("tracker.xlsx", xlsx(TRACKER))
    assert rows_of(sheet)[1] == [None, "Pedro Ruiz", "0161 555 0102", None, None]
    assert sheet.notes == ["row 1 above the header (a title) was not imported",
                           "1 blank row skipped"]


def test_an_ods_tracker_with_cells_merged_over_rows_is_read_the_same_way():
    spans = {(3, 0): 3, (3, 3): 3, (3, 4): 3, (6, 0): 2, (6, 3): 2, (6, 4): 2}
    sheet = read_one("tracker.ods", ods(TRACKER, spans))
    assert sheet.headers == HEADER
    assert sheet.row_numbers == [4, 5, 6, 7, 8, 9]
    assert [[float(v) if isinstance(v, (int, float)) else v for v in row]
            for row in rows_of(sheet)] == [
        [float(v) if isinstance(v, (int, float)) else v for v in row] for row in FILLED]
    assert sheet.notes[-1] == MERGED_NOTE


def test_an_ods_sheet_named_with_markup_characters_finds_its_merges():
    sheet = read_one("tracker.ods", ods(TRACKER, {(3, 0): 3}, sheet="R&D <2024>"))
    assert sheet.name == "R&D <2024>"
    assert [row[0] for row in rows_of(sheet)][:3] == ["Hotel Rosa"] * 3


def test_a_header_merged_across_two_columns_reads_as_before():
    rows = [["Client", "Contact", None, "Stage"],
            [None, "Name", "Phone", None],
            ["Hotel Rosa", "Maria Vidal", "0161 555 0101", "Customer"],
            ["Café Lune", "Jean Petit", "0161 555 0201", "Lead"]]
    merged = read_one("t.xlsx", xlsx(rows, ["B1:C1", "A1:A2", "D1:D2"]))
    plain = read_one("t.xlsx", xlsx(rows))
    # (the second line under "Contact" heads its two columns: it was read as a client's
    # row, a contact named "Name" with the phone "Phone", the phones under "column 3")
    assert merged.headers == plain.headers == ["Client", "Contact Name", "Contact Phone",
                                               "Stage"]
    assert rows_of(merged) == rows_of(plain)       # (the header's merges fill nothing)
    assert merged.notes == plain.notes


def test_a_title_merged_over_rows_and_columns_above_the_header_fills_nothing():
    rows = [["Client tracker 2024"], [], *TRACKER[2:]]
    sheet = read_one("t.xlsx", xlsx(rows, ["A1:E2", "A4:A6"]))
    assert sheet.header_row == 3
    assert [row[0] for row in rows_of(sheet)] == ["Hotel Rosa"] * 3 + ["Café Lune", None,
                                                                       "Ritz Bar"]


def test_a_range_across_columns_is_given_to_its_first_column_only():
    rows = [HEADER, ["Hotel Rosa", "Maria Vidal", "0161 555 0101", "Customer", 4200],
            [None, "Pedro Ruiz", "0161 555 0102", None, None]]
    sheet = read_one("t.xlsx", xlsx(rows, ["D2:E3", "A2:A3"]))
    assert rows_of(sheet)[1] == ["Hotel Rosa", "Pedro Ruiz", "0161 555 0102", "Customer", None]
    assert sheet.notes == ["cells merged over several rows (A2:A3, D2:E3) were read as the "
                           "value in each row"]


def test_a_merged_range_over_a_blank_row_leaves_the_blank_row_out():
    rows = [HEADER, ["Hotel Rosa", "Maria Vidal", "0161 555 0101", "Customer", 4200],
            [None, "Pedro Ruiz"], [], ["Ritz Bar", "Leo Ritz"]]
    sheet = read_one("t.xlsx", xlsx(rows, ["A2:A4"]))
    assert sheet.row_numbers == [2, 3, 5]
    assert [row[0] for row in rows_of(sheet)] == ["Hotel Rosa", "Hotel Rosa", "Ritz Bar"]
    assert "1 blank row skipped" in sheet.notes


def test_cells_with_a_value_of_their_own_inside_a_range_keep_it():
    rows = [HEADER, ["Hotel Rosa", "Maria Vidal"], [None, "Pedro Ruiz"], ["Café Lune", "Jean"]]
    sheet = read_one("t.xlsx", with_merge_xml(xlsx(rows), ["A2:A4"]))
    assert [row[0] for row in rows_of(sheet)] == ["Hotel Rosa", "Hotel Rosa", "Café Lune"]


def test_ranges_reaching_far_outside_the_sheet_fill_only_its_rows():
    rows = [HEADER, ["Hotel Rosa", "Maria Vidal"], [None, "Pedro Ruiz"], [None, "Ana"]]
    sheet = read_one("t.xlsx", with_merge_xml(xlsx(rows), ["A2:XFD1048576", "B9:B1048576"]))
    assert sheet.row_numbers == [2, 3, 4]
    assert sheet.headers == HEADER
    assert [row[0] for row in rows_of(sheet)] == ["Hotel Rosa"] * 3


def test_overlapping_ranges_stop_at_the_cells_of_the_sheet():
    rows = [HEADER, ["Hotel Rosa", "Maria Vidal"], *[[None, f"Contact {i}"] for i in range(50)]]
    refs = [f"A2:A{1_000_000 - i}" for i in range(5_000)]      # crafted: they all overlap
    sheet = read_one("t.xlsx", with_merge_xml(xlsx(rows), refs))
    assert [row[0] for row in rows_of(sheet)] == ["Hotel Rosa"] * 51


def test_more_merged_ranges_than_the_cap_are_read_as_they_are(monkeypatch):
    monkeypatch.setattr(read, "MAX_MERGES", 3)
    sheet = read_one("tracker.xlsx", xlsx(TRACKER, TRACKER_MERGES))
    assert rows_of(sheet)[1][0] is None
    assert sheet.notes[-1] == ("the sheet has more than 3 ranges of merged cells; each was "
                               "read as it is, the value in its first cell only")
    sheet = read_one("tracker.ods", ods(TRACKER, {(3, 0): 3, (3, 3): 3, (3, 4): 3, (6, 0): 2}))
    assert rows_of(sheet)[1][0] is None
    assert sheet.notes[-1].startswith("the sheet has more than 3 ranges of merged cells")


def test_a_large_sheet_read_column_by_column_gets_its_merges_too():
    rows = [HEADER]
    for i in range(3_000):
        rows += [[f"Client {i}", f"Contact {i}a", f"0161 {i:06}", "Lead", i],
                 [None, f"Contact {i}b", f"0162 {i:06}"]]
    merges = [f"A{r}:A{r + 1}" for r in range(2, 6_002, 2)]
    sheet = read_one("big.xlsx", with_merge_xml(xlsx(rows), merges))
    assert len(sheet.frame) == 6_000
    assert sheet.frame["Client"].tolist()[:4] == ["Client 0", "Client 0", "Client 1", "Client 1"]
    assert sheet.frame["Client"].notna().all()
    assert sheet.frame["Stage"].tolist()[:2] == ["Lead", None]
    assert sheet.notes == ["cells merged over several rows (A2:A3, A4:A5, A6:A7, A8:A9, ...) "
                           "were read as the value in each row"]


@pytest.mark.parametrize("damage", [
    b'<mergeCell ref="A2"/>', b'<mergeCell ref="A3:A2"/>', b'<mergeCell ref="ZZZZ2:A3"/>',
    b'<mergeCell ref="A0:A99999999"/>', b'<mergeCell/>', b"<mergeCell ref='A2:A3'/>",
])
def test_damaged_merge_entries_never_crash(damage):
    """Read as if they were not there, or refused in one sentence (calamine reads the
    ranges too, and refuses a row 0)."""
    data = with_merge_xml(xlsx(TRACKER), ["A4:A5"])
    data = _replace_member(data, b'<mergeCell ref="A4:A5"/>', damage)
    try:
        sheet = read_one("t.xlsx", data)
    except UnreadableFile as exc:
        assert str(exc).startswith("t.xlsx is damaged")
    else:
        assert sheet.headers == HEADER and len(sheet.frame) == 6


def _replace_member(data: bytes, old: bytes, new: bytes) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info).replace(old, new))
    return out.getvalue()


# ------------------------------------------------------------------------ stacked tables

BOARD_HEADER = ["Name", "Owner", "Status", "Email", "Deal Value"]
BOARD_GROUPS = {
    "Leads": [["Acme Dental", "Sam", "New", "acme@acmedental.com", 2000],
              ["Bolt Gym", "Sam", "Contacted", "hi@boltgym.com", 1500]],
    "Negotiation": [["Delta Farms", "Lee", "Working on it", "buy@deltafarms.com", 5000]],
    "Won": [["Fox Bakery", "Sam", "Done", "fox@foxbakery.com", 3500],
            ["Gale Hotel", "Lee", "Done", "gm@galehotel.com", 12000]],
    "Lost": [["Iris Spa", "Sam", "Lost", "iris@irisspa.com", 3000]],
}


def board(header: list[str] = BOARD_HEADER, groups: dict = BOARD_GROUPS) -> list[list]:
    """A Monday.com board export: its title, then each group's name, header and items."""
    rows = [["Sales CRM"]]
    for name, items in groups.items():
        rows += [[], [name], header, *items]
    return rows


def test_a_board_of_stacked_groups_is_one_table_with_each_rows_group():
    sheet = read_one("board.xlsx", xlsx(board(), sheet="Sales CRM"))
    assert sheet.headers == [*BOARD_HEADER, "Stage"]
    assert sheet.column_letters == ["A", "B", "C", "D", "E", "A"]
    assert sheet.header_row == 4
    assert sheet.row_numbers == [5, 6, 10, 14, 15, 19]
    assert sheet.frame["Stage"].tolist() == ["Leads", "Leads", "Negotiation", "Won", "Won",
                                             "Lost"]
    assert sheet.frame["Name"].tolist() == ["Acme Dental", "Bolt Gym", "Delta Farms",
                                            "Fox Bakery", "Gale Hotel", "Iris Spa"]
    assert sheet.notes == [
        "row 1 above the header (a title) was not imported",
        "4 blank rows skipped",
        "the header row is repeated further down (rows 9, 13 and 18): they were not "
        "imported as rows",
        "4 rows (rows 3, 8, 12 and 17) naming a group of the rows below them were not "
        "imported as rows: each group's name went to its rows, as column 'Stage'"]


def test_a_board_with_a_stage_column_names_the_groups_column_group():
    header = ["Name", "Stage", "Email", "Deal Value"]
    groups = {"Q1": [["Acme", "Lead", "a@acme.com", 1]], "Q2": [["Bolt", "Won", "b@bolt.com", 2]]}
    sheet = read_one("board.csv", "\n".join(",".join(map(str, row)) for row in
                                            board(header, groups)).encode())
    assert sheet.headers == [*header, "Group"]
    assert sheet.frame["Group"].tolist() == ["Q1", "Q2"]
    assert sheet.row_numbers == [5, 9]


def test_a_header_repeated_on_every_page_is_left_out_without_groups():
    rows = [HEADER, FILLED[0], FILLED[3], [], HEADER, FILLED[5]]
    sheet = read_one("t.xlsx", xlsx(rows))
    assert sheet.headers == HEADER
    assert sheet.row_numbers == [2, 3, 6]
    assert sheet.notes == ["1 blank row skipped", "the header row is repeated further down "
                           "(row 5): it was not imported as rows"]


def test_a_row_of_one_cell_that_heads_no_repeated_header_stays_a_row():
    rows = [HEADER, FILLED[0], ["Walk-in"], FILLED[3], [], HEADER, FILLED[5]]
    sheet = read_one("t.xlsx", xlsx(rows))
    assert sheet.headers == HEADER
    assert sheet.row_numbers == [2, 3, 4, 7]
    assert sheet.frame["Client"].tolist() == ["Hotel Rosa", "Walk-in", "Café Lune", "Ritz Bar"]


def test_a_row_like_the_header_in_part_is_data():
    rows = [HEADER, FILLED[0], ["Client", "Contact", "Phone", "Stage", "Other"], FILLED[3]]
    sheet = read_one("t.xlsx", xlsx(rows))
    assert sheet.row_numbers == [2, 3, 4]
    assert not any("repeated" in note for note in sheet.notes)


def test_a_board_of_only_repeated_headers_has_no_data_rows():
    rows = [BOARD_HEADER, [], ["Leads"], BOARD_HEADER]
    with pytest.raises(UnreadableFile, match="header row but no data rows"):
        read_tables("t.xlsx", xlsx(rows))


# ------------------------------------------------------------------------ end to end


def test_a_board_and_a_merged_tracker_import_their_clients(tmp_path):
    groups = {**BOARD_GROUPS, "Negotiation": [
        *BOARD_GROUPS["Negotiation"], ["Echo Media", "Sam", "Stuck", "ops@echomedia.com", 2500]]}
    (tmp_path / "monday_sales_crm.xlsx").write_bytes(xlsx(board(groups=groups), sheet="Sales CRM"))
    (tmp_path / "tracker.xlsx").write_bytes(xlsx(TRACKER, TRACKER_MERGES))
    done = run(tmp_path, "import", str(tmp_path / "monday_sales_crm.xlsx"), "--workspace", "b",
               "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)["imports"][0]
    assert (found["kind"], found["inserted"], found["rejected"]) == ("clients", 7, 0)
    assert found["mapping"]["Stage"] == "stage"
    funnel = json.loads(run(tmp_path, "funnel", "--workspace", "b", "--json").stdout)
    # (the won deals passed negotiation too)
    assert [stage["clients"] for stage in funnel["stages"]] == [7, 4, 2, 0, 0]

    done = run(tmp_path, "import", str(tmp_path / "tracker.xlsx"), "--workspace", "t", "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)["imports"][0]
    assert found["rejected"] == 0 and found["problems"] == []
    assert MERGED_NOTE in found["notes"]
    # A name merged over its contacts' rows repeats only by the merge: still a client list.
    assert found["kind"] == "clients"
    clients = json.loads(run(tmp_path, "funnel", "--workspace", "t", "--json").stdout)
    assert clients["stages"][0]["clients"] == 3
