"""Code and page items the last session left (session 19, C). Each sheet goes through the
command line, or the page is rendered with AppTest, and is checked against figures worked
out by hand; beside each, where it matters, a sheet where the rule must not fire.

- One reading of a paid column on sales no status decides (rules.paid._by_what_was_paid), for an
  invoice list and for an invoice's lines alike: nothing paid of an amount owed is a
  contact (awaiting payment), a part paid a sale of the part. An order of lines with 0
  paid was a sale of its whole amount; an invoice with 0 paid was already a contact. A
  status of the row's own ("Paid", a till's "On account") still decides, as the invoice
  list's rule is for a list with none; a blank paid cell says nothing.
- The Funnel page's "What the drop-off costs": a step that loses no one shows the
  business's revenue per purchase (was an empty cell).
- A refund that names no client is taken off the business's revenue on the Overview even
  where no sale names no client (was counted nowhere), and said so.
- The Import history's "From" shows a workbook's whole name and sheet: it wraps, in rows
  tall enough for it (was cut off at the column's edge, whole only on hovering).
- Help Scout's "Type" of email, chat or phone is the ticket's channel where the export has
  no channel column; a Zendesk "Via" keeps its own.
"""

from __future__ import annotations

import json

from conftest import (app_test, cli_funnel, cli_import_book, cli_import_text, cli_json,
                      kind_totals, workspace_rows)


def _imported(tmp_path, monkeypatch, name: str, text: str) -> str:
    """TMP/NAME imported into TMP/w.db; the pages open it as workspace "w"."""
    cli_import_text(tmp_path, name, text)
    monkeypatch.setenv("JOURNEY_HOME", str(tmp_path))
    return "w"


# --- one paid-column rule for invoices and order lines --------------------------------------

ORDER_LINES = "Customer,Order ID,Date,Item,Line total,Amount paid\n"


def test_an_order_of_lines_with_nothing_paid_is_a_contact(tmp_path):
    """Order 1001 (Ann): lines of 10 and 30 = 40, 0 paid: a contact awaiting payment (was a
    sale of 40). 1002 (Bob): 35 + 5 = 40, its 35 paid repeated on both lines of different
    amounts, read once: a sale of 35. 1003 (Cy): 50, 20 paid: a sale of 20. 2 purchases of
    55 (were 3 of 95), 1 contact of 40; [3, 2, 2, 0, 0] (was [3, 3, 3, 0, 0])."""
    found = cli_import_text(tmp_path, "sales.csv", ORDER_LINES + (
        "Ann Lee,1001,2024-03-01,Candle,10.00,0\n"
        "Ann Lee,1001,2024-03-01,Lamp,30.00,0\n"
        "Bob Ray,1002,2024-03-02,Lamp,35.00,35.00\n"
        "Bob Ray,1002,2024-03-02,Candle,5.00,35.00\n"
        "Cy Dee,1003,2024-03-03,Vase,50.00,20.00\n"))
    assert ("2 sales with less paid in 'Amount paid' than their amount were read as sales "
            "of what was paid (55.00 of 90.00).") in found["notes"]
    assert ("1 sale with nothing paid in 'Amount paid' was read as a contact instead "
            "(awaiting payment).") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 55.0)
    assert kind_totals(tmp_path, "contact") == (1, 40.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_an_item_sales_invoice_with_nothing_paid_is_a_contact(tmp_path):
    """MYOB's item sales (Sale Status "I" says nothing of payment): Bloom Cafe's 201 is
    66 + 11 = 77 with $0.00 paid: a contact (was a sale of 77); Linh's 202, 220 paid of
    220, a sale. 1 purchase of 220 (was 2 of 297); [2, 1, 1, 0, 0] (was [2, 2, 2, 0, 0])."""
    cli_import_text(tmp_path, "ITEMSALE.csv", (
        "Co./Last Name,First Name,Invoice #,Date,Item Number,Quantity,Description,Price,"
        "Inc-Tax Price,Discount,Total,Inc-Tax Total,Journal Memo,Tax Code,GST Amount,"
        "Sale Status,Amount Paid,Payment Method,Record ID\n"
        "Bloom Cafe,,00000201,05/03/2024,VASE-L,2,Large vase,$30.00,$33.00,0%,$60.00,"
        "$66.00,Sale; Bloom Cafe,GST,$6.00,I,$0.00,,1\n"
        "Bloom Cafe,,00000201,05/03/2024,RIB-01,1,Ribbon,$10.00,$11.00,0%,$10.00,$11.00,"
        "Sale; Bloom Cafe,GST,$1.00,I,$0.00,,1\n"
        "Nguyen,Linh,00000202,12/03/2024,PLANT-M,1,Monstera,$200.00,$220.00,0%,$200.00,"
        "$220.00,\"Sale; Nguyen, Linh\",GST,$20.00,I,$220.00,EFTPOS,2\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 220.0)
    assert kind_totals(tmp_path, "contact") == (1, 77.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_an_invoice_list_reads_its_paid_column_the_same_way(tmp_path):
    """The invoice list's side of the same rule (unchanged): INV-1 1,000 paid in full, a
    sale; INV-2 500 with 0 paid, a contact; INV-3 800 with 300 paid, a sale of 300. 2 sales
    of 1,300, 1 contact of 500; [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Invoice #,Date,Client,Email,Total,Total Paid\n"
        "INV-1,2024-03-01,Acme Ltd,ap@acme.com,1000,1000\n"
        "INV-2,2024-03-05,Beta Co,ap@beta.com,500,0\n"
        "INV-3,2024-03-09,Gamma Inc,ap@gamma.com,800,300\n"))
    assert ("1 invoice with part of its amount still owed (its amount less 'Total Paid') was "
            "read as a sale of what was paid in 'Total Paid' (300.00 of 800.00).") \
        in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (2, 1300.0)
    assert kind_totals(tmp_path, "contact") == (1, 500.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_a_status_that_says_paid_or_a_blank_paid_cell_keeps_the_sale(tmp_path):
    """Must not fire: order 1001's lines (10 + 30) say Paid beside 0 in 'Amount paid' (a
    status of its own decides: still a sale of 40); 1002's lines (35 + 5) have blank paid
    cells (nothing says: a sale of 40). 2 purchases of 80. Then a list with no status:
    1001's blank paid cells say nothing either (a sale of 40), 1002 paid 35 of 35: 2
    purchases of 75."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Customer,Order ID,Date,Item,Line total,Amount paid,Status\n"
        "Ann Lee,1001,2024-03-01,Candle,10.00,0,Paid\n"
        "Ann Lee,1001,2024-03-01,Lamp,30.00,0,Paid\n"
        "Bob Ray,1002,2024-03-02,Lamp,35.00,,Paid\n"
        "Bob Ray,1002,2024-03-02,Candle,5.00,,Paid\n"))
    assert not any("nothing paid" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 80.0)
    (tmp_path / "w.db").unlink()
    cli_import_text(tmp_path, "sales.csv", ORDER_LINES + (
        "Ann Lee,1001,2024-03-01,Candle,10.00,\n"
        "Ann Lee,1001,2024-03-01,Lamp,30.00,\n"
        "Bob Ray,1002,2024-03-02,Lamp,35.00,35.00\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 75.0)


def test_an_order_of_lines_refunded_in_part_is_no_unpaid_order(tmp_path):
    """Must not fire on a refund: order 1001's lines 60 + 40 = 100, 'Amount paid' 0 and
    'Amount refunded' 60 and 40 on its lines (paid in full, all of it given back: a
    purchase of 100 with a refund beside it, not a contact); 1002's 50 paid 50. 2 purchases
    of 150. (The refund reads 100, its lines' added up: tests/test_orders_s19f.py.)"""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Customer,Order ID,Date,Item,Line total,Amount paid,Amount refunded\n"
        "Ann Lee,1001,2024-03-01,Candle,60.00,0,60.00\n"
        "Ann Lee,1001,2024-03-01,Lamp,40.00,0,40.00\n"
        "Bob Ray,1002,2024-03-02,Lamp,50.00,50.00,0\n"))
    assert not any("nothing paid" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 150.0)
    assert kind_totals(tmp_path, "refund")[0] == 1


# --- the Funnel page: a step that loses no one ---------------------------------------------

TRACKER = """Client ID,Name,Email,Stage,Current revenue
C1,Ann Able,ann@a.com,Lead,
C2,Ben Best,ben@b.com,Customer,300
C3,Cy Dee,cy@c.com,Customer,100
"""


def test_a_step_that_loses_no_one_shows_the_revenue_per_purchase(tmp_path, monkeypatch):
    """Ann a lead, Ben and Cy customers (300 and 100, one purchase each): revenue per
    purchase 400 / 2 = $200. Awareness -> Consideration loses Ann: 1 x $200 = $200;
    Consideration -> Purchase loses no one: $0 at stake, its revenue per purchase $200 (the
    cell was empty). Nothing measures retention or advocacy: no step there."""
    workspace = _imported(tmp_path, monkeypatch, "tracker.csv", TRACKER)
    at = app_test(workspace, "views/funnel.py")
    assert not at.exception, at.exception
    money = next(t.value for t in at.table if "Revenue per purchase" in t.value.columns)
    money = money.map(lambda cell: cell.replace("\\$", "$"))    # (st.table reads Markdown)
    assert money[["From", "To", "Clients lost", "Revenue per purchase",
                  "Money at stake"]].values.tolist() == [
        ["Awareness", "Consideration", "1", "$200", "$200"],
        ["Consideration", "Purchase", "0", "$200", "$0"]]


# --- a refund that names no client ----------------------------------------------------------

PAYMENTS = """Date,Customer,Email,Amount,Type
2026-03-01,Ann Able,ann@a.com,100.00,Payment
2026-03-02,Ben Best,ben@b.com,60.00,Payment
2026-03-04,Ann Able,ann@a.com,40.00,Payment
2026-03-05,,,-30.00,Refund
"""


def test_a_refund_naming_no_client_is_taken_off_the_revenue(tmp_path, monkeypatch):
    """Ann 100 + 40 and Ben 60: 200 from clients; a refund of 30 names no one, and no sale
    names no one. The business took 200 and gave 30 back: $170 (the Overview said $200,
    the refund subtracted nowhere)."""
    workspace = _imported(tmp_path, monkeypatch, "payments.csv", PAYMENTS)
    assert workspace_rows(tmp_path, "SELECT kind, amount FROM events WHERE client_ref IS "
                                    "NULL") == [("refund", 30.0)]
    at = app_test(workspace, "views/overview.py")
    assert not at.exception, at.exception
    assert {m.label: m.value for m in at.metric}["Revenue"] == "$170"
    assert ("Your clients' revenue, less $30 given back by 1 refund naming no client."
            in [c.value for c in at.caption])
    from journey.filters import Filters
    from journey.overview import revenue
    from journey.workspace import open_workspace
    db = open_workspace(str(tmp_path / "w.db"))
    # Filtered to Ben (first contact from 2026-03-02): 60, the refund left out, and said.
    taken = revenue(db, Filters(date_from="2026-03-02"))
    assert taken.total == 60.0
    assert taken.sentence("$") == ("Of your clients who match the filters. 1 refund naming "
                                   "no client ($30) is left out: the filters choose clients.")
    db.close()


def test_refunds_naming_no_client_beyond_their_sales_are_taken_off_too(tmp_path,
                                                                       monkeypatch):
    """A walk-in sale of 20 and a refund of 50 naming no one: -30 of the clientless, so
    200 - 30 = $170 (it read $200: the refunds were taken off the walk-in sales only as far
    as 0)."""
    workspace = _imported(tmp_path, monkeypatch, "payments.csv", PAYMENTS.replace(
        "2026-03-05,,,-30.00,Refund\n",
        "2026-03-05,,,20.00,Payment\n2026-03-06,,,-50.00,Refund\n"))
    at = app_test(workspace, "views/overview.py")
    assert {m.label: m.value for m in at.metric}["Revenue"] == "$170"
    assert ("Your clients' revenue, less $50 given back by 1 refund naming no client, more "
            "than the 1 sale naming no client took ($20)." in [c.value for c in at.caption])


# --- the Import history's "From": a workbook's whole name ----------------------------------

def test_the_import_historys_from_wraps_a_long_workbook_name(tmp_path, monkeypatch):
    """A workbook of 57 characters with a sheet of 28: "From" is 87 characters, 4 lines of
    26 at the column's 200 pixels: rows 4 x 20 + 12 = 92 pixels tall, so the grid wraps
    it (it wraps only in rows over 4rem). A CSV's short name alone keeps the grid's own
    row height."""
    name = "Customer tracker 2024 - final version (Sarah's copy).xlsx"
    cli_import_book(tmp_path, name, {"Closed deals and renewals Q3": [
        ["Client", "Email", "Stage"], ["Ann Able", "ann@a.com", "Customer"]]})
    monkeypatch.setenv("JOURNEY_HOME", str(tmp_path))
    # (s23) up to 25 imports the history is a static table, its text wrapping
    at = app_test("w", "views/import.py")
    assert not at.exception, at.exception
    assert at.table[0].value.iloc[0, 2].replace("\\", "") == \
        f"{name} › Closed deals and renewals Q3"
    from journey_ui import widgets        # a longer history is a grid: as before
    monkeypatch.setattr(widgets, "WHOLE_TABLE_ROWS", 0)
    at = app_test("w", "views/import.py")
    assert not at.exception, at.exception
    history = at.dataframe[0]
    assert history.value["From"].tolist() == [f"{name} › Closed deals and renewals Q3"]
    assert json.loads(history.proto.columns)["From"]["width"] == 200
    assert history.proto.row_height == 92
    # Presenter mode: its root font makes 4rem 84 px at 1440 pixels and 112 at 1920: rows
    # of 120, over both, so that the grid wraps the name there too (it was cut at 92).
    at = app_test("w", "views/import.py", presenter=True)
    assert not at.exception, at.exception
    assert at.dataframe[0].proto.row_height == 120
    (tmp_path / "w.db").unlink()
    cli_import_text(tmp_path, "clients.csv", "Client,Email,Stage\nAnn Able,ann@a.com,Lead\n")
    at = app_test("w", "views/import.py")
    assert not at.dataframe[0].proto.HasField("row_height")


# --- Help Scout's "Type": the conversation's channel ---------------------------------------

def test_help_scouts_type_is_each_conversations_channel(tmp_path):
    """5 conversations: 501, 503 and 505 came by email, 502 by chat, 504 by phone; the
    export has no channel column, so the Type is each one's channel (was none), said in
    the explanation."""
    from test_helpdesk_s18k import HELP_SCOUT
    found = cli_import_text(tmp_path, "conversations.csv", HELP_SCOUT)
    assert workspace_rows(tmp_path, "SELECT order_id, channel FROM events ORDER BY "
                                    "order_id") == [
        ("501", "email"), ("502", "chat"), ("503", "email"), ("504", "phone"),
        ("505", "email")]
    assert ("the type's way of getting in touch read as the channel of 5 tickets (email 3, "
            "chat 1, phone 1)") in found["explanation"]


def test_a_tickets_own_channel_column_or_a_type_of_its_kind_is_no_type_channel(tmp_path):
    """Must not fire: a Zendesk export whose "Via" says Web form beside a Type of email
    keeps Web form; a Type of "Incident" or "Question" names no way of getting in touch:
    no channel."""
    cli_import_text(tmp_path, "tickets.csv", (
        "Id,Requester,Requester email,Subject,Status,Via,Type,Created at\n"
        "801,Ann Able,ann@a.com,Where is my order,Solved,Web form,email,2024-03-01\n"
        "802,Ben Best,ben@b.com,How do I log in,Solved,Mail,question,2024-03-02\n"))
    assert workspace_rows(tmp_path, "SELECT order_id, channel FROM events ORDER BY "
                                    "order_id") == [("801", "Web form"), ("802", "Mail")]
    (tmp_path / "w.db").unlink()
    found = cli_import_text(tmp_path, "tickets.csv", (
        "Id,Requester,Requester email,Subject,Status,Type,Created at\n"
        "901,Ann Able,ann@a.com,Broken mug,Solved,Incident,2024-03-01\n"
        "902,Ben Best,ben@b.com,How do I log in,Solved,Question,2024-03-02\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE channel IS NOT "
                                    "NULL") == [(0,)]
    assert "way of getting in touch" not in found["explanation"]
    assert cli_json(tmp_path, "funnel")["stages"][0]["clients"] == 2
