"""Where a sheet's table is, and what it holds, as a person sees it (journey.ingest.read):
a row naming groups of columns above the header (Mercado Libre's "Ventas | Facturación"),
a second table below a blank row (suppliers under the clients), and formulas a program
saved without their results (calamine reads them as empty cells). Every file is built in
tmp_path or in memory and imported with the command a user runs."""

from __future__ import annotations

import datetime as dt

import xlsxwriter

from conftest import cli_json, kind_totals, read_one, workspace_rows, xlsx_bytes

SALES_HEADER = ["# de venta", "Fecha de venta", "Comprador", "Estado", "Total (ARS)",
                "Unidades", "Forma de entrega"]
GROUPS = ["Ventas", None, None, None, "Facturación", None, "Envíos"]
SALES = [[f"2000{i}", f"{i} de marzo de 2024 10:00 hs.", f"Comprador {i}", "Entregado",
          1500.0 * i, 1, "Mercado Envíos"] for i in range(1, 7)]


def import_file(tmp_path, name: str, data: bytes) -> dict:
    """Import one file through the command line: its one sheet's JSON."""
    path = tmp_path / name
    path.write_bytes(data)
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    return found


def merged_groups(workbook) -> None:
    sheet = workbook["Ventas"]
    sheet.merge_cells("A1:D1")
    sheet.merge_cells("E1:F1")


# --- a row naming groups of columns above the header --------------------------------------

def test_a_row_naming_groups_of_columns_is_not_the_header(tmp_path):
    data = xlsx_bytes({"Ventas": [GROUPS, SALES_HEADER, *SALES]}, build=merged_groups)
    found = import_file(tmp_path, "ventas.xlsx", data)
    assert found["kind"] == "events"
    assert "row 1 above the header (names over groups of its columns) was not imported" in (
        found["notes"])
    # 1,500 x (1 + 2 + ... + 6) = 31,500, one sale per row, each its own buyer
    assert kind_totals(tmp_path, "purchase") == (6, 31500.0)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(6,)]


def test_a_title_then_groups_then_the_header_in_a_csv(tmp_path):
    text = "\n".join(["Reporte de ventas,,,,,,", ",,,,,,",
                      "Ventas,,,,Facturación,,Envíos", ",".join(SALES_HEADER),
                      *(",".join(str(c) for c in row) for row in SALES)])
    raw = read_one("ventas.csv", text.encode())
    assert raw.headers == SALES_HEADER
    assert raw.header_row == 4
    assert ("rows 1-3 above the header (a title, then names over groups of its columns) "
            "were not imported") in raw.notes


def test_groups_over_two_columns_each_and_a_last_over_one(tmp_path):
    """'Who' over Client and Email, 'Where we are' over Stage and Owner, 'Money' over
    Total spend alone: the header is the second row."""
    rows = [["Who", None, "Where we are", None, "Money"],
            ["Client", "Email", "Stage", "Owner", "Total spend"],
            ["Oak & Ash", "hello@oakash.example", "Customer", "Sam", 1200],
            ["Birch Studio", "birch@example.com", "Proposal", "Ana", None],
            ["Cedar Café", "cedar@example.com", "Repeat customer", "Sam", 2400]]
    found = import_file(tmp_path, "tracker.xlsx", xlsx_bytes({"Clients": rows}))
    assert "row 1 above the header (names over groups of its columns) was not imported" in (
        found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name"
                          ) == [("Birch Studio", "consideration"), ("Cedar Café", "retention"),
                                ("Oak & Ash", "purchase")]


def test_a_header_narrower_than_its_rows_stays_the_header():
    """A header of three labels over rows that fill more cells (data without a header) is
    no row of groups: the rows below it are not a header."""
    rows = [["Name", "Company", "Stage"],
            *[[f"Ana {i}", f"Acme {i}", "Lead", f"a{i}@x.com", 1200 + i] for i in range(6)]]
    raw = read_one("clients.xlsx", xlsx_bytes({"Clients": rows}))
    assert raw.header_row == 1
    assert raw.headers[:3] == ["Name", "Company", "Stage"]
    assert len(raw.frame) == 6


# --- a second table below a blank row --------------------------------------------------------

CLIENTS = [["Client", "Email", "Stage", "Revenue"],
           *[[f"Client {i}", f"k{i}@x.com", "Customer", 100 * i] for i in range(1, 6)]]
SUPPLIERS = [["Supplier", "Contact", "Phone"],
             *[[f"Supp {i}", f"Bob {i}", "555-1234"] for i in range(1, 4)]]


def test_a_second_table_below_a_blank_row_is_left_out_and_named(tmp_path):
    found = import_file(tmp_path, "clients.xlsx",
                        xlsx_bytes({"Clients": [*CLIENTS, [], *SUPPLIERS]}))
    assert found["kind"] == "clients"
    assert found["inserted"] == 5
    assert ("rows 8-11 below a blank row, a second table headed 'Supplier, Contact, Phone', "
            "were not imported; to import it, put it on a sheet of its own") in found["notes"]
    # 100 + 200 + 300 + 400 + 500, and no supplier among the clients
    assert workspace_rows(tmp_path, "SELECT COUNT(*), SUM(revenue_current) FROM clients"
                          ) == [(5, 1500.0)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE name LIKE 'Supp%'"
                          ) == [(0,)]


def test_a_second_table_under_a_table_of_text_is_found_by_its_phone_numbers():
    rows = [["Name", "Company", "Stage", "City"],
            *[[f"P{i}", f"Co{i}", "Customer", "Lisbon"] for i in range(5)], [],
            ["Supplier", "Phone"], *[[f"S{i}", f"555-123{i}"] for i in range(3)]]
    raw = read_one("people.csv", "\n".join(",".join(map(str, r)) for r in rows).encode())
    assert len(raw.frame) == 5
    assert list(raw.frame["Name"]) == [f"P{i}" for i in range(5)]


def test_a_client_without_an_e_mail_after_a_blank_row_stays_a_client(tmp_path):
    """'n/a' where the rows above have e-mail addresses is one odd cell, not a header:
    the rows below it have addresses again."""
    rows = [["Name", "Email", "Stage"], *[[f"P{i}", f"p{i}@x.com", "Customer"] for i in range(5)],
            [], ["Ana", "n/a", "Lead"], *[[f"Q{i}", f"q{i}@x.com", "Lead"] for i in range(3)]]
    found = import_file(tmp_path, "people.xlsx", xlsx_bytes({"People": rows}))
    assert found["inserted"] == 9
    assert not any("second table" in note for note in found["notes"])


def test_the_same_header_again_below_a_blank_row_is_not_a_second_table():
    rows = [CLIENTS[0], *CLIENTS[1:3], [], CLIENTS[0], *CLIENTS[3:]]
    raw = read_one("clients.xlsx", xlsx_bytes({"Clients": rows}))
    assert len(raw.frame) == 5
    assert not any("second table" in note for note in raw.notes)


# --- formulas saved without their results --------------------------------------------------

def order_rows(count: int, formula_every: int = 1) -> list[list]:
    rows = [["Order", "Customer", "Date", "Qty", "Unit price", "Total"]]
    for i in range(1, count + 1):
        at = i + 1
        total = f"=D{at}*E{at}" if i % formula_every == 0 else 20.0
        rows.append([f"A{i}", f"Cust {i % 300}", dt.date(2024, 3, 1 + i % 28), 2, 10.0, total])
    return rows


def test_formulas_saved_without_results_are_named_not_read_as_nothing(tmp_path):
    """openpyxl, like many programs that write workbooks, saves a formula without its
    result: the cells come in empty, and the import says which and why. Each line's amount
    is then its Qty x Unit price, 2 x 10 (session 15; was none: six sales of nothing)."""
    found = import_file(tmp_path, "orders.xlsx", xlsx_bytes({"Orders": order_rows(6)}))
    assert ("column F (Total) has 6 formulas saved without their results, so those cells "
            "came in empty: open the file in Excel or LibreOffice, save it and import it "
            "again to read them") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (6, 120.0)


def test_one_formula_without_its_result_in_a_large_sheet(tmp_path):
    """A sheet large enough to be read column by column (fastexcel) says it too."""
    rows = order_rows(6000, formula_every=6000)
    found = import_file(tmp_path, "orders.xlsx", xlsx_bytes({"Orders": rows}))
    assert ("column F (Total) has 1 formula saved without its result, so that cell came "
            "in empty") in " ".join(found["notes"])
    # 5,999 lines of 20.00 each; the one formula's cell is empty
    assert kind_totals(tmp_path, "purchase") == (6000, 119980.0)


def test_formulas_saved_with_their_results_are_read_without_a_note(tmp_path):
    path = tmp_path / "orders.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Orders")
    sheet.write_row(0, 0, ["Order", "Customer", "Date", "Total"])
    for i in range(1, 7):
        sheet.write_row(i, 0, [f"A{i}", f"Cust {i}", f"2024-03-0{i}"])
        sheet.write_formula(i, 3, f"=2*{i}*10", None, 20 * i)
    book.close()
    found = import_file(tmp_path, "orders.xlsx", path.read_bytes())
    assert not any("formula" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (6, 420.0)       # 20 x (1 + ... + 6)


def test_a_formulas_empty_text_result_is_a_result(tmp_path):
    """Excel writes a formula whose result is empty text as <v></v>: a saved result, no
    note. (The workbook is openpyxl's, its cells rewritten as Excel writes them.)"""
    import io
    import re
    import zipfile
    data = xlsx_bytes({"Orders": order_rows(6)})
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                member = re.sub(rb'<c r="(F[0-9]+)"><f>', rb'<c r="\1" t="str"><f>',
                                member.replace(b"<v />", b"<v></v>"))
            target.writestr(info, member)
    found = import_file(tmp_path, "orders.xlsx", out.getvalue())
    assert not any("formula" in note for note in found["notes"])
