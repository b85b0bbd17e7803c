"""Profiles of exports the team has no sample of (issue 15), each tried on a small
hand-made file with the export's documented headers, imported through the command a user
runs (``python -m journey import FILE --workspace W --json``, called in-process)."""

from __future__ import annotations

import contextlib
import io
import json

from journey.__main__ import main
from journey.funnel import compute_funnel
from journey.workspace import open_workspace


def run_import(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    workspace = str(tmp_path / "w.db")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", str(path), "--workspace", workspace, "--json"]) == 0
    (found,) = json.loads(out.getvalue())["imports"]
    return open_workspace(workspace, create=False), found


def one(db, sql, params=()):
    return db.execute(sql, params).fetchone()[0]


def kinds(db) -> dict[str, int]:
    return dict(db.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind").fetchall())


def customers(db) -> int:
    return one(db, "SELECT COUNT(*) FROM clients WHERE purchase_count > 0")


def repeat(db) -> int:
    return one(db, "SELECT COUNT(*) FROM clients WHERE purchase_days >= 2")


def funnel(db) -> dict[str, int]:
    frame = compute_funnel(db)
    return dict(zip(frame["stage"], frame["clients"].astype(int)))


# --- WooCommerce orders -------------------------------------------------------------------

WOO = (
    "Order Number,Order Status,Order Date,Billing First Name,Billing Last Name,"
    "Billing Email,Payment Method Title,Order Total,Item Name,Quantity\n"
    "1001,wc-completed,2024-03-01 10:00,Ana,Diaz,Ana@Example.com,Card,50.00,Mug,1\n"
    "1001,wc-completed,2024-03-01 10:00,Ana,Diaz,Ana@Example.com,Card,50.00,Tea,2\n"
    "1002,Processing,2024-03-09 12:00,Ana,Diaz,ana@example.com,Card,20.00,Tea,1\n"
    "1003,Refunded,2024-03-02 09:00,Bo,Li,bo@example.com,PayPal,35.00,Pot,1\n"
    "1004,Cancelled,2024-03-03 09:00,Cy,Ng,cy@example.com,Card,15.00,Mug,1\n"
    "1005,Failed,2024-03-04 09:00,Di,Ho,di@example.com,Card,80.00,Set,1\n"
    "1006,Pending payment,2024-03-05 09:00,Ed,Wu,ed@example.com,BACS,60.00,Set,1\n"
    "1007,On hold,2024-03-06 09:00,Ed,Wu,ed@example.com,BACS,60.00,Set,1\n")


def test_woocommerce_orders(tmp_path):
    db, found = run_import(tmp_path, "orders-2024-03.csv", WOO)
    assert found["recognised_as"] == "woocommerce_orders" and found["rejected"] == 0
    # Line items grouped by order; failed, pending and on-hold orders are not purchases.
    assert kinds(db) == {"purchase": 3, "refund": 1, "cancellation": 1, "contact": 3}
    assert sorted(db.execute("SELECT order_id FROM events WHERE kind = 'purchase'")) == [
        ("1001",), ("1002",), ("1003",)]
    assert one(db, "SELECT amount FROM events WHERE kind = 'refund'") == 35.0
    assert one(db, "SELECT json_extract(extra, '$.\"line items\"[0].\"Item Name\"') "
                   "FROM events WHERE order_id = '1001'") == "Tea"
    # The customer is the billing e-mail, case ignored.
    assert one(db, "SELECT name FROM clients WHERE email = 'ana@example.com'") == "Ana Diaz"
    assert one(db, "SELECT COUNT(*) FROM clients WHERE email = 'ana@example.com'") == 1
    assert customers(db) == 2 and repeat(db) == 1
    assert one(db, "SELECT purchase_count FROM clients WHERE email = 'di@example.com'") == 0
    assert found["explanation"] == (
        "Recognised as a WooCommerce orders export: 7 orders (from 8 lines), 3 paid orders "
        "from 2 customers matched by billing e-mail (case ignored); 1 refunded, 1 cancelled; "
        "3 pending, on-hold or failed orders kept as contacts, not purchases.")


def test_woocommerce_analytics_orders(tmp_path):
    db, found = run_import(tmp_path, "wc-orders-report-export.csv", (
        "Date,Order #,Status,Customer,Customer type,Product(s),Items sold,Coupon(s),Net Sales\n"
        "2024-04-01,2001,Completed,Ana Diaz,new,Mug,1,,12.00\n"
        "2024-04-08,2002,Completed,Ana Diaz,returning,Tea,1,,8.00\n"
        "2024-04-02,2003,Failed,Bo Li,new,Pot,1,,30.00\n"))
    assert found["recognised_as"] == "woocommerce_orders"
    assert kinds(db) == {"purchase": 2, "contact": 1}
    assert customers(db) == 1 and repeat(db) == 1
    assert "2 paid orders from 1 customer matched by customer;" in found["explanation"]


# --- Square transactions ----------------------------------------------------------------

def test_square_transactions(tmp_path):
    db, found = run_import(tmp_path, "transactions-2024-01-01-2024-02-01.csv", (
        "Date,Time,Time Zone,Gross Sales,Discounts,Net Sales,Tax,Tip,Partial Refunds,"
        "Total Collected,Source,Transaction ID,Payment ID,Customer ID,Customer Name,"
        "Event Type,Location\n"
        "2024-01-05,09:15:00,Eastern Time,$12.00,$0.00,$12.00,$0.00,$0.00,$0.00,$12.00,"
        "Point of Sale,T1,P1,C-AAA,Ana Diaz,Payment,Main St\n"
        "2024-01-20,10:00:00,Eastern Time,$8.00,$0.00,$8.00,$0.00,$1.00,-$2.00,$9.00,"
        "Point of Sale,T2,P2,C-AAA,Ana Diaz,Payment,Main St\n"
        "2024-01-06,11:00:00,Eastern Time,$20.00,$0.00,$20.00,$0.00,$0.00,$0.00,$20.00,"
        "Online,T3,P3,C-BBB,Bo Li,Payment,Main St\n"
        "2024-01-07,12:00:00,Eastern Time,-$20.00,$0.00,-$20.00,$0.00,$0.00,$0.00,-$20.00,"
        "Online,T4,P4,C-BBB,Bo Li,Refund,Main St\n"
        "2024-01-08,13:00:00,Eastern Time,$5.00,$0.00,$5.00,$0.00,$0.00,$0.00,$5.00,"
        "Point of Sale,T5,P5,,,Payment,Main St\n"))
    assert found["recognised_as"] == "square_transactions" and found["rejected"] == 0
    assert kinds(db) == {"purchase": 4, "refund": 2}
    assert one(db, "SELECT COUNT(*) FROM events WHERE kind = 'purchase' "
                   "AND client_ref IS NULL") == 1
    assert sorted(db.execute("SELECT amount FROM events WHERE kind = 'refund'")) == [
        (2.0,), (20.0,)]
    assert one(db, "SELECT date FROM events WHERE order_id = 'T1'") == "2024-01-05 09:15:00"
    assert customers(db) == 2 and repeat(db) == 1
    assert found["explanation"] == (
        "Recognised as a Square transactions export: 4 payments from 2 customers (by "
        "customer ID, else name); 1 payment without a customer kept without a client; "
        "1 refund and 1 partial refund; 1 tip of 1 left out of the amounts (a tip is not "
        "the sale's price).")
    assert one(db, "SELECT amount FROM events WHERE order_id = 'T2' AND kind = 'purchase'"
               ) == 8.0                                # ($9.00 collected, $1.00 of it a tip)


# --- Pipedrive deals ---------------------------------------------------------------------

def test_pipedrive_deals(tmp_path):
    db, found = run_import(tmp_path, "deals-export.csv", (
        "Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Organization,"
        "Deal - Contact person,Deal - Status,Deal - Stage,Deal - Pipeline,"
        "Deal - Deal created,Deal - Won time,Deal - Lost time,Deal - Lost reason\n"
        "1,Acme deal,5000,USD,Acme Ltd,Ann,Won,Negotiations Started,Sales,"
        "2024-01-01 09:00:00,2024-02-10 10:00:00,,\n"
        "2,Beta deal,3000,USD,Beta SA,Ben,Lost,Proposal Made,Sales,"
        "2024-01-02 09:00:00,,2024-02-11 10:00:00,Price too high\n"
        "3,Gamma deal,9000,USD,,Gil,Open,Demo Scheduled,Sales,2024-01-03 09:00:00,,,\n"
        "4,Delta deal,700,USD,Delta Co,Dee,Open,Pitch booked,Sales,2024-01-04 09:00:00,,,\n"))
    assert found["recognised_as"] == "pipedrive_deals"
    assert dict(db.execute("SELECT order_id, kind FROM events").fetchall()) == {
        "1": "won", "2": "lost", "3": "stage_change", "4": "contact"}
    assert one(db, "SELECT reason FROM events WHERE kind = 'lost'") == "Price too high"
    assert one(db, "SELECT substr(date, 1, 10) FROM events WHERE kind = 'won'") == "2024-02-10"
    assert one(db, "SELECT substr(date, 1, 10) FROM events WHERE kind = 'lost'") \
        == "2024-02-11"
    # The client is the organisation, else the contact person; open deals never buy.
    assert one(db, "SELECT COUNT(*) FROM clients WHERE name IN ('Acme Ltd', 'Gil')") == 2
    assert customers(db) == 1 and funnel(db)["purchase"] == 1
    assert found["unknown_stage_values"] == {"Pitch booked": 1}
    assert found["explanation"] == (
        "Recognised as a Pipedrive deals export: 4 deals, 1 won and 1 lost (from Status; "
        "dated by Won time and Lost time), win rate 50.0%; 2 deals still open or undecided; "
        "clients by organisation, else contact person.")


# --- Zoho CRM deals -------------------------------------------------------------------------

def test_zoho_deals(tmp_path):
    db, found = run_import(tmp_path, "Deals_2024.csv", (
        "Record Id,Deal Owner,Deal Name,Amount,Closing Date,Account Name,Stage,Lead Source,"
        "Contact Name,Created Time,Reason For Loss\n"
        "zcrm_1,Sam,Big order,12000,2024-03-01,Acme Ltd,Closed Won,Web,Ann,"
        "2024-01-01 10:00:00,\n"
        "zcrm_2,Sam,Renewal,4000,2024-05-01,Acme Ltd,Closed Won,Web,Ann,2024-04-01 10:00:00,\n"
        "zcrm_3,Sam,Pilot,3000,2024-03-02,Beta SA,Closed Lost to Competition,Partner,Ben,"
        "2024-01-02 10:00:00,Competitor cheaper\n"
        "zcrm_4,Sam,Expansion,8000,2024-06-30,Gamma Inc,Negotiation/Review,Web,Gil,"
        "2024-02-03 10:00:00,\n"))
    assert found["recognised_as"] == "zoho_deals"
    assert kinds(db) == {"won": 2, "lost": 1, "stage_change": 1}
    assert one(db, "SELECT reason FROM events WHERE kind = 'lost'") == "Competitor cheaper"
    assert customers(db) == 1 and repeat(db) == 1
    assert one(db, "SELECT SUM(amount) FROM events WHERE kind = 'won'") == 16000
    assert found["unknown_stage_values"] == {}
    assert found["explanation"] == (
        "Recognised as a Zoho CRM deals export: 4 deals, 2 won and 1 lost (stages Closed "
        "Won and Closed Lost), win rate 66.7%; 1 deal still open or undecided; clients by "
        "Account Name.")


# --- surveys ------------------------------------------------------------------------------

def test_typeform_nps_survey(tmp_path):
    db, found = run_import(tmp_path, "responses.csv", (
        "#,How likely are you to recommend us to a friend or colleague?,What could we do "
        "better?,email,Start Date (UTC),Submit Date (UTC),Network ID\n"
        "r1,10,Nothing,Ana@Example.com,2024-05-01 10:00:00,2024-05-01 10:02:00,n1\n"
        "r2,9,,bo@example.com,2024-05-01 11:00:00,2024-05-01 11:01:00,n2\n"
        "r3,6,Slow delivery,cy@example.com,2024-05-02 10:00:00,2024-05-02 10:03:00,n3\n"
        "r4,8,,di@example.com,2024-05-02 12:00:00,2024-05-02 12:01:00,n4\n"
        "r5,,,ed@example.com,2024-05-03 12:00:00,2024-05-03 12:01:00,n5\n"))
    assert found["recognised_as"] == "nps_survey" and found["rejected"] == 0
    assert kinds(db) == {"nps": 4, "contact": 1}
    assert one(db, "SELECT amount FROM events e JOIN clients c ON c.id = e.client_ref "
                   "WHERE c.email = 'ana@example.com'") == 10
    assert funnel(db)["advocacy"] == 2
    assert found["explanation"] == (
        "Recognised as an NPS survey export: 4 answers from 4 respondents (by e-mail, case "
        "ignored, else respondent ID), each an NPS event; 2 promoters (9-10, advocacy), "
        "1 detractor (0-6), NPS +25; 1 response without a score kept as contacts.")


def test_surveymonkey_satisfaction_survey(tmp_path):
    db, found = run_import(tmp_path, "CustomerSatisfaction.csv", (
        "Respondent ID,Collector ID,Start Date,End Date,Email Address,First Name,"
        "\"Overall, how satisfied are you with our service?\"\n"
        "111,9,2024-05-01 10:00,2024-05-01 10:05,ana@example.com,Ana,Very satisfied\n"
        "112,9,2024-05-01 11:00,2024-05-01 11:05,bo@example.com,Bo,2\n"
        "113,9,2024-06-01 11:00,2024-06-01 11:05,BO@example.com,Bo,4\n"
        "114,9,2024-05-02 11:00,2024-05-02 11:05,,Cy,Neutral\n"))
    assert found["recognised_as"] == "satisfaction_survey" and found["kind"] == "clients"
    got = dict(db.execute("SELECT client_id, satisfaction FROM clients").fetchall())
    assert got == {"ana@example.com": 5, "bo@example.com": 4, "114": 3}
    assert found["explanation"] == (
        "Recognised as a satisfaction survey export: 4 responses from 3 respondents (by "
        "e-mail, case ignored, else respondent ID), 4 with a 1-5 satisfaction answer "
        "(average 3.5); each respondent's latest answer is their satisfaction.")


# --- order lists no profile knows: the status says what happened --------------------------

def test_an_order_list_status_says_what_happened(tmp_path):
    db, found = run_import(tmp_path, "orders.csv", (
        "Order ID,Customer,Order Date,Status,Total\n"
        "A1,Ana,2024-01-01,Paid,10\n"
        "A2,Ana,2024-02-01,Shipped,12\n"
        "A3,Bo,2024-01-03,Fulfilled,30\n"
        "A4,Bo,2024-01-04,Refunded,30\n"
        "A5,Cy,2024-01-05,Voided,20\n"
        "A6,Di,2024-01-06,Pending,40\n"
        "A7,Ed,2024-01-07,Failed,40\n"
        "A8,Fa,2024-01-08,Abandoned,25\n"
        "A9,Gu,2024-01-09,Completed,25\n"))
    assert found["recognised_as"] is None
    # A4 was bought, then refunded: a purchase with its refund beside it (as Shopify's and
    # WooCommerce's are), so Bo bought on two days.
    assert kinds(db) == {"purchase": 5, "refund": 1, "cancellation": 1, "contact": 3}
    assert sorted(db.execute("SELECT name FROM clients WHERE purchase_count > 0")) == [
        ("Ana",), ("Bo",), ("Gu",)]
    assert repeat(db) == 2
    assert "1 refunded order counted as a purchase with a refund beside it." in found["notes"]


def test_a_refunded_order_was_bought_first(tmp_path):
    """Ann paid twice (40, then 10 a month later); Bob's order was refunded in full, Cat's
    in part (how much, the sheet does not say); Dan's was cancelled. Purchases: 4 (Bob's
    and Cat's too), revenue 135; refunds: Bob's 25 and Cat's of no amount; before, the two
    refunded orders were refunds alone: 2 purchases, revenue 50, a refund rate of 100%."""
    db, found = run_import(tmp_path, "orders.csv", (
        "Order ID,Email,Date,Status,Total\n"
        "1001,ann@a.com,2024-01-05,Paid,40\n1002,bob@b.com,2024-01-06,Refunded,25\n"
        "1003,cat@c.com,2024-01-07,Partially refunded,60\n"
        "1004,dan@d.com,2024-01-08,Cancelled,30\n1005,ann@a.com,2024-02-09,Paid,10\n"))
    assert db.execute("SELECT order_id, kind, amount FROM events ORDER BY order_id, kind"
                      ).fetchall() == [
        ("1001", "purchase", 40.0), ("1002", "purchase", 25.0), ("1002", "refund", 25.0),
        ("1003", "purchase", 60.0), ("1003", "refund", None), ("1004", "cancellation", 30.0),
        ("1005", "purchase", 10.0)]
    assert db.execute("SELECT SUM(revenue_events) FROM clients").fetchone() == (135.0,)
    assert ("2 refunded orders counted as a purchase with a refund beside it (1 partly "
            "refunded: the sheet does not say how much went back, so that refund has no "
            "amount).") in found["notes"]


def test_a_status_that_says_paid_makes_a_sheet_of_amounts_an_order_list(tmp_path):
    """No order number, no telling name: 'Status' says paid, refunded or unpaid, so each
    row is what its status says. Ann paid twice on two days, Bob's payment came back (a
    purchase and its refund), Cy has not paid: purchases 3 (75), 1 refund, 1 contact."""
    db, found = run_import(tmp_path, "sheet1.csv", (
        "Customer,Date,Status,Amount\n"
        "Ann Lee,2024-01-05,Paid,40\nAnn Lee,2024-02-05,Paid,10\n"
        "Bob Roe,2024-01-06,Refunded,25\nCy Day,2024-01-07,Unpaid,30\n"))
    assert kinds(db) == {"purchase": 3, "refund": 1, "contact": 1}
    assert repeat(db) == 1
    assert db.execute("SELECT SUM(revenue_events) FROM clients").fetchone() == (75.0,)
    assert found["notes"][0].startswith("Column 'Status' says whether each row was paid")


def test_a_task_lists_statuses_say_nothing_of_payment(tmp_path):
    """Completed, Pending and Cancelled are order words too, but none speaks of payment:
    a list of quotes stays contacts (the cancelled one a cancellation, as a status says on
    any sheet), never purchases, and the import says how to make them purchases."""
    db, found = run_import(tmp_path, "sheet1.csv", (
        "Customer,Date,Status,Amount\n"
        "Ann Lee,2024-01-05,Completed,40\nBob Roe,2024-01-06,Pending,25\n"
        "Cy Day,2024-01-07,Cancelled,30\n"))
    assert kinds(db) == {"contact": 2, "cancellation": 1}
    assert any("an amount alone makes no purchase" in n for n in found["notes"])


def test_a_persons_choice_wins_over_the_status(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("Order ID,Customer,Order Date,Status,Total\n"
                    "A1,Ana,2024-01-01,Pending,10\n", encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["import", str(path), "--workspace", str(tmp_path / "w.db"),
                     "--set", "kind=purchase"]) == 0
    db = open_workspace(str(tmp_path / "w.db"), create=False)
    assert kinds(db) == {"purchase": 1}


def test_woocommerce_partial_refund_is_a_refund_beside_the_purchase(tmp_path):
    db, found = run_import(tmp_path, "orders.csv", (
        "Order ID,Status,Date,Billing Email,Order Total,Order Refund\n"
        "3001,wc-completed,2024-04-01,ana@example.com,40.00,10.00\n"
        "3002,wc-completed,2024-04-02,bo@example.com,25.00,0\n"))
    assert found["recognised_as"] == "woocommerce_orders"
    assert kinds(db) == {"purchase": 2, "refund": 1}
    assert one(db, "SELECT amount FROM events WHERE kind = 'refund'") == 10.0


def test_pipedrive_deals_without_the_deal_prefix(tmp_path):
    db, found = run_import(tmp_path, "deals.csv", (
        "ID,Title,Value,Organization,Contact person,Status,Stage,Deal created,Won time,"
        "Lost time,Lost reason\n"
        "7,Acme,100,Acme Ltd,Ann,won,Qualified,2024-01-01,2024-01-20,,\n"
        "8,Beta,200,,Ben,lost,Qualified,2024-01-02,,2024-01-21,No budget\n"))
    assert found["recognised_as"] == "pipedrive_deals"
    assert dict(db.execute("SELECT c.name, kind FROM events e JOIN clients c "
                           "ON c.id = e.client_ref").fetchall()) == {"Acme Ltd": "won",
                                                                     "Ben": "lost"}


def test_square_item_lines_are_grouped_by_transaction(tmp_path):
    db, found = run_import(tmp_path, "items-2024-01-01-2024-02-01.csv", (
        "Date,Time,Time Zone,Category,Item,Qty,Gross Sales,Discounts,Net Sales,Tax,"
        "Transaction ID,Payment ID,Event Type,Customer ID,Customer Name\n"
        "2024-01-05,09:15:00,ET,Coffee,Latte,1,$4.50,$0.00,$4.50,$0.00,T1,P1,Payment,C-A,Ana\n"
        "2024-01-05,09:15:00,ET,Food,Bagel,1,$3.00,$0.00,$3.00,$0.00,T1,P1,Payment,C-A,Ana\n"
        "2024-01-09,10:00:00,ET,Coffee,Latte,1,$4.50,$0.00,$4.50,$0.00,T2,P2,Payment,C-A,Ana\n"))
    assert found["recognised_as"] == "square_transactions"
    assert sorted(db.execute("SELECT order_id, amount FROM events")) == [("T1", 7.5),
                                                                         ("T2", 4.5)]
    assert repeat(db) == 1


def test_a_client_list_with_a_satisfaction_column_is_not_a_survey(tmp_path):
    _, found = run_import(tmp_path, "clients.csv", (
        "Customer ID,Name,Start Date,End Date,Satisfaction,Region\n"
        "C1,Acme,2023-01-01,2024-01-01,4,North\n"
        "C2,Beta,2023-02-01,2024-02-01,5,South\n"))
    assert found["recognised_as"] is None


# --- help desks: Zendesk, Freshdesk, Help Scout ---------------------------------------------

def test_zendesk_tickets(tmp_path):
    db, found = run_import(tmp_path, "export-2024-05-01.csv", (
        "Id,Requester,Requester email,Subject,Status,Priority,Via,Ticket type,Created at,Group\n"
        "101,Ana Diaz,Ana@Example.com,Late delivery,solved,high,Email,incident,"
        "2024-04-02 10:00,Support\n"
        "102,Ana Diaz,ana@example.com,Where is my invoice?,solved,low,Web Widget,question,"
        "2024-04-09 12:00,Billing\n"
        "103,Bo Li,bo@example.com,Broken lid,open,normal,Phone,problem,2024-04-10 09:30,Support\n"
        "104,Cy Ng,cy@example.com,Refund please,pending,normal,Email,,2024-04-11 08:00,Support\n"))
    assert found["recognised_as"] == "helpdesk_tickets" and found["rejected"] == 0
    assert kinds(db) == {"complaint": 3, "contact": 1}
    # The requester is the client, by e-mail (case ignored); each ticket keeps its channel.
    assert one(db, "SELECT COUNT(*) FROM clients") == 3
    assert one(db, "SELECT channel FROM events WHERE order_id = '103'") == "Phone"
    assert one(db, "SELECT department FROM events WHERE order_id = '102'") == "Billing"
    assert found["explanation"] == (
        "Recognised as a help-desk tickets export: 4 tickets from 3 requesters (by e-mail, "
        "case ignored), each ticket a complaint of its requester (the requester is the "
        "client), except 1 question or request kept as a support contact (1 ticket has no "
        "type or category: those whose subject speaks of a complaint, a late, damaged or wrong "
        "order or a refund, are complaints).")


def test_freshdesk_tickets(tmp_path):
    db, found = run_import(tmp_path, "tickets.csv", (
        "Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Full name,"
        "Contact ID\n"
        "1,Cannot log in,Closed,Low,Portal,Problem,Sam,Tier 1,2024-02-01 09:00:00,Ana Diaz,77\n"
        "2,How do I export?,Resolved,Low,Email,Question,Sam,Tier 1,2024-02-03 10:00:00,"
        "Ana Diaz,77\n"
        "3,Charged twice,Open,Urgent,Phone,Refund,Kim,Billing,2024-02-05 11:00:00,Bo Li,78\n"))
    assert found["recognised_as"] == "helpdesk_tickets"
    assert kinds(db) == {"complaint": 2, "contact": 1}
    assert one(db, "SELECT COUNT(*) FROM clients") == 2
    assert one(db, "SELECT owner FROM clients WHERE name = 'Bo Li'") == "Kim"
    assert one(db, "SELECT channel FROM events WHERE order_id = '1'") == "Portal"


def test_a_tickets_category_says_question_where_its_type_is_blank(tmp_path):
    """Ticket 1's category "Dudas - Consultas" (questions, queries) and ticket 2's
    "Billing/Question" make support contacts; ticket 3's type "problem" decides over its
    category "Question"; ticket 4's "Error de uso" (a user error) and ticket 5 with neither
    are complaints: 2 contacts, 3 complaints."""
    db, found = run_import(tmp_path, "tickets.csv", (
        "Ticket ID,Subject,Status,Type,Category,Created time,Requester,Requester email\n"
        "1,Como exporto,Resuelto,,Dudas - Consultas,2024-02-01 09:00,Ana,ana@example.com\n"
        "2,Invoice copy,Closed,,Billing/Question,2024-02-02 09:00,Bo,bo@example.com\n"
        "3,App crashes,Open,problem,Question,2024-02-03 09:00,Ana,ana@example.com\n"
        "4,No guarda,Resuelto,,Error de uso,2024-02-04 09:00,Cy,cy@example.com\n"
        "5,Late,Open,,,2024-02-05 09:00,Bo,bo@example.com\n"))
    assert found["recognised_as"] == "helpdesk_tickets"
    assert kinds(db) == {"complaint": 3, "contact": 2}
    assert sorted(r[0] for r in db.execute("SELECT order_id FROM events "
                                           "WHERE kind = 'contact'")) == ["1", "2"]


def test_help_scout_conversations(tmp_path):
    db, found = run_import(tmp_path, "conversations.csv", (
        "Conversation ID,Number,Subject,Status,Mailbox,Customer Name,Customer Email,"
        "Assigned To,Created At,Tags\n"
        "9001,1,Wrong size,closed,Support,Ana Diaz,ana@example.com,Lee,2024-06-01T08:00:00Z,\n"
        "9002,2,Still waiting,active,Support,Bo Li,BO@example.com,Lee,2024-06-02T08:00:00Z,\n"
        "9003,3,Again wrong,closed,Support,Ana Diaz,ana@example.com,Lee,2024-06-09T08:00:00Z,\n"))
    assert found["recognised_as"] == "helpdesk_tickets" and found["rejected"] == 0
    assert kinds(db) == {"complaint": 3}
    assert sorted(r[0] for r in db.execute("SELECT client_id FROM clients")) == [
        "ana@example.com", "bo@example.com"]
    assert one(db, "SELECT department FROM events WHERE order_id = '9001'") == "Support"


# --- Shopify test orders ----------------------------------------------------------------

SHOPIFY_HEADERS = ("Name,Email,Financial Status,Created at,Total,Lineitem name,Cancelled at,"
                   "Payment Method,Tags\n")


def test_shopify_test_orders_are_left_out_with_a_note(tmp_path):
    db, found = run_import(tmp_path, "orders_export.csv", SHOPIFY_HEADERS + (
        "#1001,ana@example.com,paid,2024-01-02 10:00:00 +0100,20.00,Mug,,Stripe,\n"
        "#1002,me@shop.com,paid,2024-01-03 10:00:00 +0100,1.00,Mug,,bogus,\n"
        "#1002,,,,,Tea,,,\n"
        "#1003,bo@example.com,paid,2024-01-04 10:00:00 +0100,5.00,Tea,,manual,\"vip, test\"\n"
        "#1004,bo@example.com,paid,2024-01-05 10:00:00 +0100,7.00,Tea,,Stripe,vip\n"))
    assert found["recognised_as"] == "shopify_orders"
    assert sorted(r[0] for r in db.execute("SELECT order_id FROM events")) == ["#1001", "#1004"]
    assert one(db, "SELECT COUNT(*) FROM clients") == 2
    assert found["explanation"] == (
        "Recognised as a Shopify orders export: 2 orders from 2 customers matched by e-mail "
        "(case ignored); 0 cancelled, 0 refunded; 2 test orders left out (Bogus gateway or "
        "tagged test).")
