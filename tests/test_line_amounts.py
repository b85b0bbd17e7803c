"""Order lines priced per unit: a sheet with a quantity and a unit price but no line total
gets each line's amount as quantity × unit price, and an order's amount is its lines' sum
(journey.ingest.line_amounts, journey.ingest.rules.amounts.lines_priced_per_unit). A line total
wins when the sheet has one; a client list's "Price" is not an order line. Hand-worked
figures, through the command line and journey.ingest.import_file."""

from __future__ import annotations

import json

import pytest

from conftest import cli_import_text, kind_totals, workspace_rows, xlsx_bytes
from journey.ingest import import_file

ORDERS = "SELECT order_id, amount FROM events WHERE kind = 'purchase' ORDER BY order_id"
SALES_NOTE = "Amounts are Qty × Unit Price for each line (no column gave a line's total)."

INVOICE_LINES = (
    "Invoice,Customer,Date,Product,Qty,Unit Price\n"
    "INV1,Cust 1,2024-03-01,Widget,3,20.00\n"
    "INV1,Cust 1,2024-03-01,Gadget,2,7.50\n"
    "INV2,Cust 2,2024-03-02,Widget,1,20.00\n"
    "INV3,Cust 1,2024-03-05,Gizmo,4,2.25\n"
    "INV3,Cust 1,2024-03-05,Widget,1,20.00\n"
    "INV4,Cust 3,2024-03-06,Widget,2,$19.99\n")


def test_each_line_is_quantity_times_unit_price_and_an_order_its_lines_sum(tmp_path):
    found = cli_import_text(tmp_path, "invoices.csv", INVOICE_LINES)
    assert found["mapping"]["Unit Price"] == "amount"
    assert found["mapping"]["Qty"] is None
    assert (found["rows"], found["inserted"], found["rejected"]) == (6, 4, 0)
    assert SALES_NOTE in found["notes"]
    assert workspace_rows(tmp_path, ORDERS) == [
        ("INV1", 75.0),           # 3 × 20.00 + 2 × 7.50
        ("INV2", 20.0),           # 1 × 20.00
        ("INV3", 29.0),           # 4 × 2.25 + 1 × 20.00
        ("INV4", 39.98)]          # 2 × $19.99
    assert kind_totals(tmp_path, "purchase") == (4, 163.98)
    assert workspace_rows(tmp_path, "SELECT name, revenue_events FROM clients ORDER BY name") == [
        ("Cust 1", 104.0), ("Cust 2", 20.0), ("Cust 3", 39.98)]
    # The unit price and each line's amount are kept with the line.
    extra = json.loads(workspace_rows(tmp_path, "SELECT extra FROM events "
                                                "WHERE order_id = 'INV1'")[0][0])
    assert extra == {"Product": "Widget", "Qty": "3", "Unit Price": "20.00",
                     "Qty × Unit Price": 60.0,
                     "line items": [{"Product": "Gadget", "Qty": "2", "Unit Price": "7.50",
                                     "Qty × Unit Price": 15.0}]}


def test_importing_the_same_lines_again_keeps_their_amounts(tmp_path):
    """The second import reads the mapping the workspace remembered for these headers."""
    cli_import_text(tmp_path, "invoices.csv", INVOICE_LINES)
    again = cli_import_text(tmp_path, "invoices.csv", INVOICE_LINES)
    assert (again["inserted"], again["updated"]) == (0, 4)
    assert SALES_NOTE in again["notes"]
    assert kind_totals(tmp_path, "purchase") == (4, 163.98)


def test_a_price_beside_a_quantity_is_per_unit(tmp_path):
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Order Date,Customer,Item,Quantity,Price\n"
        "A1,2024-01-05,Ann,Mug,3,10\n"
        "A1,2024-01-05,Ann,Plate,2,15.50\n"
        "B1,2024-01-07,Bob,Cup,4,2.50\n"))
    assert found["mapping"]["Price"] == "amount"
    assert ("Amounts are Quantity × Price for each line (no column gave a line's total, so "
            "'Price' beside a quantity is each unit's price).") in found["notes"]
    assert workspace_rows(tmp_path, ORDERS) == [("A1", 61.0), ("B1", 10.0)]   # 30 + 31; 10


def test_a_price_without_a_quantity_is_still_the_lines_price(tmp_path):
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Order Date,Customer,Item,Price\n"
        "A1,2024-01-05,Ann,Mug,10\n"
        "A1,2024-01-05,Ann,Plate,15.50\n"))
    assert not [note for note in found["notes"] if note.startswith("Amounts are")]
    assert workspace_rows(tmp_path, ORDERS) == [("A1", 25.5)]


@pytest.mark.parametrize("total", ["Line Total", "Amount", "Total", "Extended Price"])
@pytest.mark.parametrize("price", ["Unit Price", "Price"])
def test_a_line_total_wins_over_quantity_times_unit_price(tmp_path, total, price):
    """The totals carry a discount, so quantity × unit price (3 × 20 + 2 × 7.50 = 75) or the
    unit prices summed (27.50) would each give another figure than the sheet's 69."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        f"Invoice,Customer,Date,Product,Qty,{price},{total}\n"
        "INV1,Cust 1,2024-03-01,Widget,3,20.00,54.00\n"
        "INV1,Cust 1,2024-03-01,Gadget,2,7.50,15.00\n"
        "INV2,Cust 2,2024-03-02,Widget,1,20.00,20.00\n"))
    assert found["mapping"][total] == "amount"
    assert found["mapping"][price] is None
    assert not [note for note in found["notes"] if note.startswith("Amounts are")]
    assert workspace_rows(tmp_path, ORDERS) == [("INV1", 69.0), ("INV2", 20.0)]


# (file name, headers, the quantities and unit prices as a person of that language writes)
LANGUAGES = [
    ("ventas.xlsx", ["Factura", "Cliente", "Fecha", "Producto", "Cantidad", "Precio unitario"]),
    ("factures.xlsx", ["Facture", "Client", "Date", "Produit", "Quantité", "Prix unitaire"]),
    ("rechnungen.xlsx", ["Rechnung", "Kunde", "Datum", "Artikel", "Menge", "Einzelpreis"]),
    ("vendas.xlsx", ["Fatura", "Cliente", "Data", "Produto", "Quantidade", "Preço unitário"]),
    ("sales.xlsx", ["Order Number", "Customer", "Order Date", "Product", "Quantity Ordered",
                    "Price Each"]),
    ("sales.xlsx", ["Invoice", "Customer", "Date", "Product", "Quantity", "Unit cost"]),
    ("sales.xlsx", ["Invoice", "Customer", "Date", "Product", "Qty", "UnitPrice (EUR)"]),
]


@pytest.mark.parametrize(("filename", "headers"), LANGUAGES,
                         ids=[headers[-1] for _, headers in LANGUAGES])
def test_quantity_and_unit_price_in_the_languages_the_import_reads(db, filename, headers):
    """A workbook written with openpyxl: quantities and prices as numbers, dates as dates."""
    import datetime as dt

    day = dt.datetime(2024, 3, 1)
    data = xlsx_bytes({"Hoja1": [headers,
                                 ["F-1", "Ana", day, "Taza", 3, 20.0],
                                 ["F-1", "Ana", day, "Plato", 2, 7.5],
                                 ["F-2", "Luis", day, "Taza", 6, 1.25]]})
    (result,) = import_file(db, filename, data)
    assert result.mapping[headers[-1]] == "amount"
    assert (f"Amounts are {headers[-2]} × {headers[-1]} for each line (no column gave a "
            "line's total).") in result.notes
    assert [tuple(r) for r in db.execute(
        "SELECT order_id, kind, amount FROM events ORDER BY order_id")] == [
        ("F-1", "purchase", 75.0), ("F-2", "purchase", 7.5)]


def test_a_blank_or_unreadable_quantity_leaves_the_line_without_an_amount(tmp_path):
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Invoice,Customer,Date,Product,Qty,Unit Price\n"
        "INV1,Cust 1,2024-03-01,Widget,3,20.00\n"
        "INV1,Cust 1,2024-03-01,Gadget,,7.50\n"          # row 3: blank
        "INV2,Cust 2,2024-03-02,Widget,three,20.00\n"    # row 4: not a number
        "INV3,Cust 2,2024-03-03,Widget,,\n"              # row 5: no price either: no note
        "INV4,Cust 3,2024-03-04,Widget,0,20.00\n"))      # row 6: nought: an order of 0
    assert found["rejected"] == 0
    assert "1 order of 0 (free) was kept as a contact, not a purchase." in found["notes"]
    assert ("2 lines with a price but no quantity that could be read in 'Qty' were left "
            "without an amount (a blank quantity is not taken to be 1), and their orders' "
            "totals leave them out: row 3 (blank); row 4 ('three'). Fill in the quantity and "
            "import again.") in found["notes"]
    assert workspace_rows(tmp_path, ORDERS) == [
        ("INV1", 60.0), ("INV2", None), ("INV3", None)]


def test_a_note_names_five_rows_and_counts_the_rest(tmp_path):
    rows = "".join(f"INV{n},Cust {n},2024-03-01,Widget,,20.00\n" for n in range(1, 8))
    found = cli_import_text(tmp_path, "invoices.csv",
                            "Invoice,Customer,Date,Product,Qty,Unit Price\n" + rows)
    assert ("7 lines with a price but no quantity that could be read in 'Qty' were left "
            "without an amount (a blank quantity is not taken to be 1), and their orders' "
            "totals leave them out: row 2 (blank); row 3 (blank); row 4 (blank); row 5 "
            "(blank); row 6 (blank); and 2 more. Fill in the quantity and import "
            "again.") in found["notes"]


@pytest.mark.parametrize("columns, cells", [
    ("Qty,Unit Price", ["3,20.00", "-1,20.00", "-2,5.00"]),
    ("Amount", ["60.00", "-20.00", "-10.00"]),
], ids=["priced per unit", "line amounts written"])
def test_a_negative_quantity_counts_as_a_negative_amount_would(tmp_path, columns, cells):
    """A returned line (-1 × 20.00) takes 20.00 off its order, as a line amount of -20.00
    does; a refund's amount is the money gone back, 10.00, however it was written."""
    cli_import_text(tmp_path, "sales.csv", (
        f"Order ID,Date,Customer,Type,{columns}\n"
        f"A1,2024-01-05,Ann,purchase,{cells[0]}\n"
        f"A1,2024-01-05,Ann,purchase,{cells[1]}\n"
        f"R1,2024-01-09,Ann,refund,{cells[2]}\n"))
    assert workspace_rows(tmp_path, "SELECT order_id, kind, amount FROM events "
                                    "ORDER BY order_id") == [
        ("A1", "purchase", 40.0), ("R1", "refund", 10.0)]


def test_a_client_lists_price_and_quantity_are_no_order_line(tmp_path):
    found = cli_import_text(tmp_path, "clients.csv", (
        "Customer,Email,Price,Quantity,Stage\n"
        "Ann,ann@example.com,100,3,customer\n"
        "Bob,bob@example.com,50,1,lead\n"))
    assert found["kind"] == "clients"
    assert not [note for note in found["notes"] if note.startswith("Amounts are")]
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients "
                                    "ORDER BY name") == [("Ann", 100.0), ("Bob", 50.0)]


def test_invoice_lines_with_a_qty_header_are_priced_per_unit_too(tmp_path):
    """The invoice lines profile (a stock code beside the invoice) shares the
    multiplication; it read only a header "Quantity" and gave "Qty" invoices 0.00."""
    found = cli_import_text(tmp_path, "online_retail.csv", (
        "InvoiceNo,StockCode,Description,Qty,InvoiceDate,UnitPrice,CustomerID\n"
        "536365,85123A,Mug,6,2010-12-01,2.55,17850\n"
        "536365,71053,Lantern,2,2010-12-01,3.39,17850\n"
        "536366,22633,Hand warmer,12,2010-12-01,1.85,17851\n"))
    assert found["recognised_as"] == "invoice_lines"
    assert workspace_rows(tmp_path, "SELECT order_id, ROUND(amount, 2) FROM events "
                                    "ORDER BY order_id") == [
        ("536365", 22.08),       # 6 × 2.55 + 2 × 3.39
        ("536366", 22.2)]        # 12 × 1.85


def test_lines_typed_below_an_orders_first_line_are_priced_per_unit_too(tmp_path):
    """A line with no order number, date or client below an order's row is more of that
    order (rules.orders.continued_orders); its own quantity and unit price give its amount."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order,Customer,Date,Product,Qty,Unit Price\n"
        "S1,Ann,2024-03-01,Widget,3,20.00\n"
        ",,,Gadget,2,7.50\n"
        "S2,Bob,2024-03-02,Widget,1,20.00\n"))
    assert SALES_NOTE in found["notes"]
    assert workspace_rows(tmp_path, ORDERS) == [("S1", 75.0), ("S2", 20.0)]
