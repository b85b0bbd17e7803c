"""Sheets from a tester's sweep whose import said wrong counts or read the wrong column:
an order list's notes count orders and the sheet's rows, not the rows the import adds; a
TOTAL row is no client without an e-mail; an "Event" column of event titles is no kind
column, so the order list's status is read. Hand-worked figures, through the command line."""

from __future__ import annotations

import openpyxl

from conftest import cli_funnel, cli_import_text, cli_json, kind_totals, workspace_rows

ECWID = (
    "order_number;order_date;order_total;payment_status;fulfillment_status;customer_email;"
    "customer_name;billing_country;item_name;item_sku;item_quantity;item_price\n"
    "101;2024-03-04 10:12:33 +0000;54.00;PAID;SHIPPED;ava@example.com;Ava Bell;US;Mug;MUG-1;2;"
    "12.00\n"
    "101;2024-03-04 10:12:33 +0000;54.00;PAID;SHIPPED;ava@example.com;Ava Bell;US;T-shirt;TEE-1;"
    "1;30.00\n"
    "102;2024-03-05 11:00:00 +0000;30.00;PAID;DELIVERED;ben@example.com;Ben Cho;US;T-shirt;"
    "TEE-1;1;30.00\n"
    "103;2024-03-06 12:00:00 +0000;24.00;AWAITING_PAYMENT;AWAITING_PROCESSING;cid@example.com;"
    "Cid Dorn;CA;Mug;MUG-1;2;12.00\n"
    "104;2024-03-20 09:00:00 +0000;18.00;PAID;SHIPPED;ava@example.com;Ava Bell;US;Sticker set;"
    "STK-1;1;18.00\n"
    "105;2024-03-07 13:00:00 +0000;42.00;REFUNDED;RETURNED;dee@example.com;Dee Eng;US;Mug;MUG-1;"
    "1;12.00\n"
    "105;2024-03-07 13:00:00 +0000;42.00;REFUNDED;RETURNED;dee@example.com;Dee Eng;US;T-shirt;"
    "TEE-1;1;30.00\n"
    "106;2024-03-08 14:00:00 +0000;30.00;CANCELLED;WILL_NOT_DELIVER;eli@example.com;Eli Finn;"
    "GB;T-shirt;TEE-1;1;30.00\n"
    "107;2024-03-09 15:00:00 +0000;60.00;PARTIALLY_REFUNDED;DELIVERED;fox@example.com;Fox Gale;"
    "US;T-shirt;TEE-1;2;30.00\n")


def test_an_order_lists_notes_count_its_orders_and_rows(tmp_path):
    """Ecwid, one row per item: 7 orders on 9 rows. Refunded: 105 (two lines, in full) and
    107 (in part): 2 orders, not 3 rows. Orders of several lines: 101 and 105, 4 rows, not
    the 6 rows and 3 orders counted once 105's purchase was added beside its refund.
    Purchases 101 54, 102 30, 104 18, 105 42, 107 60 = 204; refunds 105 42 and 107 of no
    amount; 106 cancelled; 103 unpaid. Customers Ava, Ben, Dee, Fox; Ava again on 03-20."""
    found = cli_import_text(tmp_path, "ecwid_orders.csv", ECWID)
    assert found["notes"] == [
        "2 refunded orders counted as a purchase with a refund beside it (1 partly refunded: "
        "the sheet does not say how much went back, so that refund has no amount).",
        "4 rows are the lines of 2 orders (the same order ID, client and day): each order is "
        "one event (every line repeats the order's amount, so it counts once), its lines kept "
        "in its extras."]
    assert kind_totals(tmp_path, "purchase") == (5, 204.0)
    assert workspace_rows(tmp_path, "SELECT order_id, amount FROM events WHERE kind = 'refund' "
                                    "ORDER BY order_id") == [("105", 42.0), ("107", None)]
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [6, 4, 4, 1, 0]


def _client_tracker(path, *, pine_email: str | None) -> None:
    """A Google Sheets client tracker: a title, a row naming groups of columns (merged),
    the header on row 3, a blank row, and a TOTAL row of the revenue."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Clients"
    sheet.append(["Client tracker 2024"])
    sheet.append(["Client", None, "Contact", None, "Sales"])
    sheet.merge_cells("A1:F1")
    sheet.merge_cells("A2:B2")
    sheet.merge_cells("C2:D2")
    sheet.append(["Name", "Region", "Email", "Phone", "Stage", "Revenue"])
    sheet.append(["Harper & Co", "North", "hello@harperco.co.uk", "01632 960001", "Customer",
                  "£1,200"])
    sheet.append(["Ivy Lane Cafe", "South", "ivylane@example.co.uk", None, "Lead", "£0"])
    sheet.append([None] * 6)
    sheet.append(["Orchid Spa", "South", "bookings@orchidspa.example", None, "Proposal", None])
    sheet.append(["Pine Legal", "London", pine_email, None, "Customer", "£950"])
    sheet.append([None] * 6)
    sheet.append(["TOTAL", None, None, None, None, "£2,150"])
    book.save(path)


def test_a_total_row_is_no_client_without_an_e_mail(tmp_path):
    """Every client has an e-mail: nothing was matched by name (the TOTAL row, which has no
    e-mail, is said as the table's total, and was counted as a client matched by name)."""
    path = tmp_path / "tracker.xlsx"
    _client_tracker(path, pine_email="admin@pinelegal.example")
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    assert (found["kind"], found["inserted"], found["rejected"]) == ("clients", 4, 0)
    assert found["problems"] == []
    assert "row 10 is the table's totals ('TOTAL')" in " ".join(found["notes"])
    assert not [note for note in found["notes"] if "without an e-mail" in note]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(2150.0,)]
    assert cli_funnel(tmp_path) == [4, 3, 2, 0, 0]


def test_only_clients_without_an_e_mail_are_counted_as_matched_by_name(tmp_path):
    path = tmp_path / "tracker.xlsx"
    _client_tracker(path, pine_email=None)
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    assert (found["inserted"], found["rejected"]) == (4, 0)
    assert "1 client without an e-mail address matched by name instead." in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name, email FROM clients WHERE email IS NULL"
                          ) == [("Pine Legal", None)]


TICKET_TAILOR = (
    "Order ID,Date,Event,Event date,First name,Last name,Email,Ticket types,Quantity,"
    "Total paid,Currency,Status,Refunded amount,Payment method\n"
    "or_100001,04/03/2024 10:00,Spring Pottery Workshop,23/03/2024,Mia,Lee,mia.lee@example.com,"
    "Adult x2,2,£40.00,GBP,Completed,£0.00,Stripe\n"
    "or_100002,05/03/2024 11:00,Spring Pottery Workshop,23/03/2024,Noah,Kim,"
    "noah.kim@example.com,Adult x1,1,£20.00,GBP,Completed,£0.00,Stripe\n"
    "or_100003,28/03/2024 19:00,Glaze Night,13/04/2024,Mia,Lee,mia.lee@example.com,Adult x1,1,"
    "£25.00,GBP,Completed,£0.00,PayPal\n"
    "or_100004,06/03/2024 09:00,Spring Pottery Workshop,23/03/2024,Owen,Hart,"
    "owen.hart@example.com,Adult x1,1,£20.00,GBP,Refunded,£20.00,Stripe\n"
    "or_100005,07/03/2024 08:00,Open Studio (free),16/03/2024,Pam,Vo,pam.vo@example.com,"
    "Free entry x1,1,£0.00,GBP,Completed,£0.00,\n"
    "or_100006,08/03/2024 14:00,Spring Pottery Workshop,23/03/2024,Quin,Roe,"
    "quin.roe@example.com,Adult x1,1,£20.00,GBP,Cancelled,£0.00,Cash on door\n"
    "or_100007,09/03/2024 15:00,Spring Pottery Workshop,23/03/2024,Rhea,Sol,"
    "rhea.sol@example.com,Adult x3,3,£60.00,GBP,Completed,£20.00,Stripe\n"
    "or_100008,20/03/2024 16:00,Spring Pottery Workshop,23/03/2024,Noah,Kim,"
    "noah.kim@example.com,Adult x1,1,£20.00,GBP,Completed,£0.00,Stripe\n")


def test_an_event_column_of_titles_is_no_kind_and_the_status_is_read(tmp_path):
    """Ticket Tailor: 'Event' holds the workshops' titles, so it stays an extra column and
    each order is what its Status says. Purchases: Mia 40 and 25, Noah 20 and 20, Owen 20
    (refunded in full: a refund of 20 beside it), Rhea 60 = 6 worth 185; Pam's free order
    is a contact; Quin's is cancelled. Customers Mia, Noah, Owen, Rhea; Mia (04/03, 28/03)
    and Noah (05/03, 20/03) again later: retention. Rhea's £20 under 'Refunded amount',
    on an order still Completed, is a partial refund of 20 beside her purchase of 60
    (rules.refunds.money_gone_back)."""
    found = cli_import_text(tmp_path, "tickettailor_orders.csv", TICKET_TAILOR)
    assert found["kind"] == "events"
    assert found["mapping"]["Event"] is None
    assert ("'Event' holds names ('Spring Pottery Workshop', 'Glaze Night'), not what "
            "happened: kept as extra") in found["explanation"]
    assert found["notes"] == [
        "1 order of 0 (free) was kept as a contact, not a purchase.",
        "2 refunded orders counted as a purchase with a refund beside it.",
        "Money is shown in £: the amounts in this file are written in pounds."]
    assert kind_totals(tmp_path, "purchase") == (6, 185.0)
    assert workspace_rows(tmp_path, "SELECT order_id, amount FROM events WHERE kind = 'refund'"
                          " ORDER BY order_id") == [("or_100004", 20.0), ("or_100007", 20.0)]
    assert workspace_rows(tmp_path, "SELECT order_id FROM events WHERE kind = 'cancellation'"
                          ) == [("or_100006",)]
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE purchase_count > 0 "
                                    "ORDER BY name") == [
        ("Mia Lee",), ("Noah Kim",), ("Owen Hart",), ("Rhea Sol",)]
    assert cli_funnel(tmp_path) == [6, 4, 4, 2, 0]


def test_an_activity_column_of_kinds_keeps_its_unknown_words(tmp_path):
    """'Activity' whose values mostly name kinds (Call, Complaint) is the kind column: its
    one unknown word, 'Site visit', is a contact with that touchpoint, as a 'Kind'
    column's is (test_ingest)."""
    found = cli_import_text(tmp_path, "log.csv", (
        "Customer,Activity,Date\nAcme,Call,2024-01-01\nAcme,Complaint,2024-01-02\n"
        "Beta,Site visit,2024-01-03\n"))
    assert found["mapping"]["Activity"] == "kind"
    assert ("1 row in column Activity (B) names what happened in words Journey does not "
            "know as an event kind ('Site visit' (1)): it was kept as a contact, with those "
            "words as its touchpoint.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT kind, touchpoint FROM events ORDER BY date") == [
        ("contact", None), ("complaint", None), ("contact", "Site visit")]


def test_an_activity_column_of_class_names_is_kept_as_extra(tmp_path):
    """A studio's bookings: 'Activity' names the classes booked, not what happened; the
    status column then says what each booking was (its reference numbers it as orders)."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        "Order number,Date,Client,Activity,Status,Amount\n"
        "B1,2024-01-05,Ann,Yoga Flow,Paid,12\nB2,2024-01-06,Bob,Pilates Core,Refunded,15\n"
        "B3,2024-01-07,Ann,Yoga Flow,Paid,12\n"))
    assert found["mapping"]["Activity"] is None
    assert workspace_rows(tmp_path, "SELECT order_id, kind, amount FROM events "
                                    "ORDER BY order_id, kind") == [
        ("B1", "purchase", 12.0), ("B2", "purchase", 15.0), ("B2", "refund", 15.0),
        ("B3", "purchase", 12.0)]
