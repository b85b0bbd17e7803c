"""An order list no profile knows, one row per line of an order (a sales report, Superstore):
the lines of one order (the same order ID, client and day) are one event, so that purchases,
repeat purchases and refunds per 100 purchases count orders, not lines
(journey.ingest.rules.orders.order_lines). Hand-worked figures, through the command line."""

from __future__ import annotations

import json

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

PURCHASES = ("SELECT order_id, date, amount FROM events WHERE kind = 'purchase' "
             "ORDER BY order_id, date")
CLIENTS = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"


def test_the_lines_of_an_order_are_one_purchase_of_their_sum(tmp_path):
    found = cli_import_text(tmp_path, "sales.csv", (
        "Order ID,Order Date,Customer,Product,Sales\n"
        "A1,2024-01-05,Ann,Mug,10\n"
        "A1,2024-01-05,Ann,Plate,15.50\n"
        "A2,2024-02-05,Ann,Mug,10\n"
        "B1,2024-01-07,Bob,Cup,7\n"
        "B1,2024-01-07,Bob,Cup,7\n"          # two cups: two lines of one order
        "C1,2024-03-01,Cat,Bowl,\n"
        "C1,2024-03-01,Cat,Spoon,\n"))
    assert (found["rows"], found["inserted"], found["rejected"]) == (7, 4, 0)
    assert ("6 rows are the lines of 3 orders (the same order ID, client and day): each order "
            "is one event, its amount the sum of its lines', its lines kept in its "
            "extras.") in found["notes"]
    assert workspace_rows(tmp_path, PURCHASES) == [
        ("A1", "2024-01-05", 25.5), ("A2", "2024-02-05", 10.0), ("B1", "2024-01-07", 14.0),
        ("C1", "2024-03-01", None)]
    # Ann bought twice (A1, A2: retention), Bob and Cat once each, not twice.
    assert workspace_rows(tmp_path, CLIENTS) == [("Ann", 2, 35.5), ("Bob", 1, 14.0),
                                                 ("Cat", 1, None)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]
    extra = json.loads(workspace_rows(tmp_path, "SELECT extra FROM events "
                                                "WHERE order_id = 'A1'")[0][0])
    assert extra == {"Product": "Mug", "Sales": 10.0,
                     "line items": [{"Product": "Plate", "Sales": 15.5}]}


def test_an_order_total_repeated_on_each_line_counts_once(tmp_path):
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order Number,Date,Email,Item,Order Total\n"
        "1001,2024-05-01,ann@example.com,Tee,60.00\n"
        "1001,2024-05-01,ann@example.com,Cap,60.00\n"
        "1002,2024-05-02,bob@example.com,Tee,35.00\n"
        "1002,2024-05-02,bob@example.com,Socks,35.00\n"
        "1002,2024-05-02,bob@example.com,Cap,35.00\n"
        "1003,2024-05-03,cat@example.com,Hoodie,80.00\n"
        "1003,2024-05-03,cat@example.com,Tee,80.00\n"
        "1004,2024-05-04,ann@example.com,Socks,12.00\n"))
    assert found["inserted"] == 4
    assert ("7 rows are the lines of 3 orders (the same order ID, client and day): each order "
            "is one event (every line repeats the order's amount, so it counts once), its "
            "lines kept in its extras.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (4, 187.0)       # 60 + 35 + 80 + 12


def test_one_order_id_on_other_days_is_another_purchase(tmp_path):
    """A subscription's ID on each month's charge: every charge is a purchase (two on
    different days make a repeat customer), and so is a refund beside an order."""
    cli_import_text(tmp_path, "charges.csv", (
        "Subscription,Date,Customer,Type,Amount\n"
        "sub_1,2024-01-10,Ann,purchase,20\n"
        "sub_1,2024-02-10,Ann,purchase,20\n"
        "sub_1,2024-03-10,Ann,purchase,20\n"
        "sub_1,2024-03-10,Ann,refund,20\n"
        "sub_2,2024-01-12,Bob,purchase,20\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 80.0)
    assert kind_totals(tmp_path, "refund") == (1, 20.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_importing_the_same_lines_again_adds_nothing(tmp_path):
    text = ("Order ID,Order Date,Customer,Sales\n"
            "A1,2024-01-05,Ann,10\nA1,2024-01-05,Ann,15.50\nB1,2024-01-07,Bob,7\n")
    assert cli_import_text(tmp_path, "sales.csv", text)["inserted"] == 2
    again = cli_import_text(tmp_path, "sales.csv", text)
    assert (again["inserted"], again["updated"]) == (0, 2)
    assert kind_totals(tmp_path, "purchase") == (2, 32.5)


def test_lines_typed_below_an_orders_first_line_belong_to_it(tmp_path):
    """A hand-kept order list: the order's number, day and customer on its first line only,
    its other lines below with the item and the line's total. 'Order #' numbers orders and
    'Line total' is each line's amount."""
    found = cli_import_text(tmp_path, "book.csv", (
        "Order #,Date,Customer,Email,Product,Qty,Line total\n"
        "1001,2024-03-01,Ana Ruiz,ana@x.com,Candle,2,24.00\n"
        ",,,,Soap,1,6.50\n"
        ",,,,Gift wrap,1,3.00\n"
        "1002,2024-03-02,Ben Ode,ben@x.com,Candle,1,12.00\n"
        "1003,2024-03-03,Cid Lee,cid@x.com,Soap,4,26.00\n"
        ",,,,Candle,1,12.00\n"))
    assert found["kind"] == "events"
    assert ("3 rows with no order number, date or client (rows 3, 4 and 7) were read as "
            "more lines of the order above them.") in found["notes"]
    # 24 + 6.50 + 3 = 33.50; 12; 26 + 12 = 38: three purchases, not six
    assert workspace_rows(tmp_path, PURCHASES) == [
        ("1001", "2024-03-01", 33.5), ("1002", "2024-03-02", 12.0),
        ("1003", "2024-03-03", 38.0)]
    assert workspace_rows(tmp_path, CLIENTS) == [("Ana Ruiz", 1, 33.5), ("Ben Ode", 1, 12.0),
                                                 ("Cid Lee", 1, 38.0)]


def test_a_row_below_nothing_numbered_is_not_made_a_line(tmp_path):
    """A row with no order number, day or client takes an order only from rows above it:
    the first row of the sheet, blank there, stays its own."""
    found = cli_import_text(tmp_path, "book.csv", (
        "Order,Date,Customer,Total\n"
        ",,,5.00\n"
        "1001,2024-03-01,Ana,24.00\n"
        "1002,2024-03-02,Ben,12.00\n"))
    assert not any("more lines" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 41.0)
