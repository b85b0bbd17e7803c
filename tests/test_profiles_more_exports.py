"""Subscription billing (Chargebee, Recurly), Gumroad, Etsy, PayPal and Calendly exports,
each tried on a small hand-made file with the export's own headers, imported through the
command a user runs (``python -m journey import FILE --workspace W --json``, then
``funnel --json``, called in-process). Funnel figures are worked out by hand in each
test's comment, in stage order: awareness, consideration, purchase, retention, advocacy.
"""

from __future__ import annotations


import pytest

from conftest import cli_funnel as funnel
from conftest import cli_import_text as import_text
from conftest import workspace_rows as rows
from journey.ingest.profiles import recognise


# --- Chargebee and Recurly ------------------------------------------------------------------

CB_SUBS = (
    "Subscription Id,Customer Id,Customer Email,Customer First Name,Customer Last Name,"
    "Customer Company,Plan Id,Status,Created At,Trial Start,Trial End,Activated At,"
    "Cancelled At,Cancel Reason,Current Term End,MRR,Currency,Plan Amount\n"
    "S1,c1,kim@acme.io,Kim,Kay,Acme,pro,active,2023-11-01,,,2023-11-15,,,2024-06-15,4900,USD,4900\n"
    "S2,c2,lou@beta.co,Lou,Lane,Beta,pro,cancelled,2023-12-01,,,2023-12-15,2024-03-15,Not Paid,"
    "2024-03-15,0,USD,4900\n"
    "S3,c3,max@gamma.dev,Max,Moore,Gamma,starter,cancelled,2024-01-10,2024-01-10,2024-01-24,,"
    "2024-01-24,No Card,2024-01-24,0,USD,1900\n"
    "S4,c4,ned@delta.org,Ned,Nash,Delta,starter,in_trial,2024-05-20,2024-05-20,2024-06-03,,,,"
    "2024-06-03,0,USD,1900\n"
    "S5,c9,test@chargebee.com,Test,User,,starter,cancelled,2024-01-02,,,2024-01-02,2024-01-02,,"
    "2024-01-02,0,USD,1900\n")
CB_INVOICES = (
    "Invoice Number,Customer Id,Customer Email,Subscription Id,Status,Invoice Date,Paid At,"
    "Total,Amount Paid,Amount Due,Currency,Recurring,Dunning Status,Credits Applied\n"
    "I1,c1,kim@acme.io,S1,paid,2023-11-15,2023-11-15,49.00,49.00,0.00,USD,true,,\n"
    "I2,c1,kim@acme.io,S1,paid,2023-12-15,2023-12-16,49.00,49.00,0.00,USD,true,,\n"
    "I3,c2,lou@beta.co,S2,paid,2023-12-15,2023-12-15,49.00,49.00,0.00,USD,true,,\n"
    "I4,c2,lou@beta.co,S2,not_paid,2024-01-15,,49.00,0.00,49.00,USD,true,exhausted,\n"
    "I5,c3,max@gamma.dev,S3,paid,2024-01-24,2024-01-24,0.00,0.00,0.00,USD,true,,\n"
    "I6,c2,lou@beta.co,S2,voided,2024-02-15,,49.00,0.00,0.00,USD,true,,\n")


def test_chargebee_subscriptions_and_invoices(tmp_path):
    """Kim and Lou paid (activated); Lou's only subscription was cancelled: churned on
    2024-03-15, its Cancelled At. Max's trial never converted and Ned is in trial: both
    considering, neither bought nor lost. The test customer is left out. Then the invoices:
    Kim paid twice (retention); Lou's unpaid and voided invoices and Max's $0 one are no
    purchases. Funnel: 4 clients, all 4 considered, Kim and Lou bought, Kim came back."""
    subs = import_text(tmp_path, "subscriptions.csv", CB_SUBS)
    assert subs["recognised_as"] == "chargebee_subscriptions" and subs["kind"] == "clients"
    assert "1 test subscription left out" in subs["explanation"]
    assert funnel(tmp_path) == [4, 4, 2, 0, 0]
    assert rows(tmp_path, "SELECT client_id, status, outcome, last_date, furthest_stage FROM "
                          "clients ORDER BY client_id") == [
        ("c1", "active", None, "2023-11-01", "purchase"),
        ("c2", "churned", "churned", "2024-03-15", "purchase"),
        ("c3", None, None, "2024-01-10", "consideration"),
        ("c4", None, None, "2024-05-20", "consideration")]
    invoices = import_text(tmp_path, "invoices.csv", CB_INVOICES)
    assert invoices["recognised_as"] == "chargebee_invoices"
    assert funnel(tmp_path) == [4, 4, 2, 1, 0]
    assert rows(tmp_path, "SELECT order_id, kind, amount, date FROM events ORDER BY order_id") == [
        ("I1", "purchase", 49.0, "2023-11-15"), ("I2", "purchase", 49.0, "2023-12-16"),
        ("I3", "purchase", 49.0, "2023-12-15"), ("I4", "contact", 49.0, "2024-01-15"),
        ("I5", "contact", 0.0, "2024-01-24"), ("I6", "cancellation", 49.0, "2024-02-15")]


def test_chargebee_dotted_headers(tmp_path):
    """The API-style export (subscriptions.status, customers.email) reads the same."""
    dotted = CB_SUBS.replace(
        "Subscription Id,Customer Id,Customer Email,Customer First Name,Customer Last Name,"
        "Customer Company,Plan Id,Status,Created At,Trial Start,Trial End,Activated At,"
        "Cancelled At,Cancel Reason,Current Term End,MRR,Currency,Plan Amount",
        "subscriptions.id,subscriptions.customer_id,customers.email,customers.first_name,"
        "customers.last_name,customers.company,subscriptions.plan_id,subscriptions.status,"
        "subscriptions.created_at,subscriptions.trial_start,subscriptions.trial_end,"
        "subscriptions.activated_at,subscriptions.cancelled_at,subscriptions.cancel_reason,"
        "subscriptions.current_term_end,subscriptions.mrr,subscriptions.currency_code,"
        "subscriptions.plan_amount")
    assert import_text(tmp_path, "s.csv", dotted)["recognised_as"] == "chargebee_subscriptions"
    assert funnel(tmp_path) == [4, 4, 2, 0, 0]
    invoices = CB_INVOICES.replace(
        "Invoice Number,Customer Id,Customer Email,Subscription Id,Status,Invoice Date,Paid At,"
        "Total,Amount Paid,Amount Due,Currency,Recurring,Dunning Status,Credits Applied",
        "invoices.id,invoices.customer_id,customers.email,invoices.subscription_id,"
        "invoices.status,invoices.date,invoices.paid_at,invoices.total,invoices.amount_paid,"
        "invoices.amount_due,invoices.currency_code,invoices.recurring,invoices.dunning_status,"
        "invoices.credits_applied")
    assert import_text(tmp_path, "i.csv", invoices)["recognised_as"] == "chargebee_invoices"
    assert funnel(tmp_path) == [4, 4, 2, 1, 0]


def test_recurly_subscriptions(tmp_path):
    """Kim active; Lou's expired after paying: churned on its canceled date; Max's trial
    expired unconverted: considering. Funnel: 3, 3, 2 bought, none came back yet."""
    found = import_text(tmp_path, "subscriptions.csv", (
        "subscription_id,account_code,account_email,account_first_name,account_last_name,"
        "account_company_name,plan_code,plan_name,subscription_state,subscription_quantity,"
        "subscription_unit_amount,currency,subscription_activated_at,subscription_canceled_at,"
        "subscription_expires_at,trial_started_at,trial_ends_at,current_period_ends_at\n"
        "5a1b,a1,kim@acme.io,Kim,Kay,,pro,Pro,active,1,49.00,USD,2023-11-15 09:00:00 UTC,,,"
        ",,2024-06-15 09:00:00 UTC\n"
        "5a1c,a2,lou@beta.co,Lou,Lane,,pro,Pro,expired,1,49.00,USD,2023-12-15 10:00:00 UTC,"
        "2024-02-20 10:00:00 UTC,2024-03-15 10:00:00 UTC,,,\n"
        "5a1d,a3,max@gamma.dev,Max,Moore,,starter,Starter,expired,1,19.00,USD,,,"
        "2024-01-24 12:00:00 UTC,2024-01-10 12:00:00 UTC,2024-01-24 12:00:00 UTC,\n"))
    assert found["recognised_as"] == "recurly_subscriptions"
    assert funnel(tmp_path) == [3, 3, 2, 0, 0]
    assert rows(tmp_path, "SELECT name, status, last_date FROM clients ORDER BY client_id") == [
        ("Kim Kay", "active", "2023-11-15 09:00:00"), ("Lou Lane", "churned", "2024-02-20 10:00:00"),
        ("Max Moore", None, "2024-01-10 12:00:00")]


# --- Gumroad --------------------------------------------------------------------------------

GUMROAD_HEAD = ("Purchase ID,Item Name,Buyer Name,Purchase Email,Purchase Date,"
                "Purchase Time (UTC timezone),Sale Price ($),Refunded?,Partial Refund ($),"
                "Fully Refunded?,Disputed?,Dispute Won?,Free trial purchase?,Order Number,"
                "Sale ID\n")


def test_gumroad_sales(tmp_path):
    """Amy bought twice on two days (retention); Ben's sale was fully refunded, Ema's partly
    ($20), Finn's disputed and lost: 3 refunds of 5 paid sales; Cara's $0 download is no
    purchase. Funnel: 5 clients, 4 buyers, Amy came back."""
    found = import_text(tmp_path, "sales.csv", GUMROAD_HEAD + (
        "g1,Ebook,Amy Ng,Amy@x.io,2024-01-04,14:03:22,19,0,0,0,0,0,0,1,g1\n"
        "g2,Ebook,Ben Ortiz,ben@x.io,2024-01-10,10:00:00,19,1,0,1,0,0,0,2,g2\n"
        "g3,Checklist,Cara Park,cara@x.io,2024-01-15,10:00:00,0,0,0,0,0,0,0,3,g3\n"
        "g4,Course,Ema Stone,ema@x.io,2024-02-01,10:00:00,99,1,20,0,0,0,0,4,g4\n"
        "g5,Ebook,Finn Quinn,finn@x.io,2024-02-05,10:00:00,19,0,0,0,1,0,0,5,g5\n"
        "g6,Course,Amy Ng,amy@x.io,2024-02-20,10:00:00,99,0,0,0,0,0,0,6,g6\n"))
    assert found["recognised_as"] == "gumroad_sales"
    assert funnel(tmp_path) == [5, 4, 4, 1, 0]
    assert rows(tmp_path, "SELECT kind, COUNT(*), SUM(amount) FROM events GROUP BY kind") == [
        ("contact", 1, 0.0), ("purchase", 5, 255.0), ("refund", 3, 58.0)]


# --- Etsy -----------------------------------------------------------------------------------

ETSY_ITEMS = (
    "Sale Date,Item Name,Buyer,Quantity,Price,Item Total,Currency,Transaction ID,Listing ID,"
    "Date Paid,Ship Name,Ship Country,Order ID\n"
    "01/03/24,Candle,mlopez,1,24.00,24.00,USD,900,55,01/03/24,Maria Lopez,United States,1001\n"
    "01/05/24,Candle,jsmith,1,24.00,24.00,USD,901,55,01/05/24,John Smith,United States,1002\n"
    "01/05/24,Soap,jsmith,2,12.00,24.00,USD,902,56,01/05/24,John Smith,United States,1002\n"
    "01/09/24,Candle,kwong,1,30.00,30.00,USD,903,57,,Kim Wong,United States,1003\n"
    "02/14/24,Candle,mlopez,1,24.00,24.00,USD,904,55,02/14/24,Maria Lopez,United States,1004\n")
ETSY_ORDERS = (
    "Sale Date,Order ID,Buyer User ID,Full Name,Number of Items,Order Value,Shipping,"
    "Order Total,Status,Adjusted Order Total,Buyer\n"
    "01/03/24,1001,11,Maria Lopez,1,24.00,5.50,29.50,Completed,,mlopez\n"
    "01/05/24,1002,12,John Smith,3,48.00,5.50,53.50,Completed,33.50,jsmith\n"
    "01/09/24,1003,13,Kim Wong,1,30.00,5.50,35.50,Canceled,0.00,kwong\n"
    "02/14/24,1004,11,Maria Lopez,1,24.00,5.50,29.50,Completed,,mlopez\n")


def test_etsy_order_items_and_orders_count_each_order_once(tmp_path):
    """The items export: John's two lines are one order of $48; Kim's order has no Date
    Paid (no purchase). The orders export then adds John's partial refund ($20: 53.50 less
    33.50) and Kim's cancellation, and adds its columns to the three purchases there. Funnel: 3
    clients, Maria and John bought, Maria twice on two days."""
    items = import_text(tmp_path, "EtsySoldOrderItems2024.csv", ETSY_ITEMS)
    assert items["recognised_as"] == "etsy_order_items"
    assert funnel(tmp_path) == [3, 2, 2, 1, 0]
    orders = import_text(tmp_path, "EtsySoldOrders2024.csv", ETSY_ORDERS)
    assert orders["recognised_as"] == "etsy_orders"
    assert funnel(tmp_path) == [3, 2, 2, 1, 0]
    assert rows(tmp_path, "SELECT order_id, kind, amount FROM events WHERE kind != 'contact' "
                          "ORDER BY order_id, kind") == [
        ("1001", "purchase", 24.0), ("1002", "purchase", 48.0), ("1002", "refund", 20.0),
        ("1003", "cancellation", None), ("1004", "purchase", 24.0)]
    assert rows(tmp_path, "SELECT client_id, contact_name FROM clients ORDER BY client_id") == [
        ("jsmith", "John Smith"), ("kwong", "Kim Wong"), ("mlopez", "Maria Lopez")]
    # The order keeps both exports' columns: the orders' totals, the items' lines.
    assert rows(tmp_path, ETSY_BOTH) == [("1002", "53.50", "Candle", "Soap")]


ETSY_BOTH = ("SELECT order_id, json_extract(extra, '$.\"Order Total\"'), "
             "json_extract(extra, '$.\"Item Name\"'), "
             "json_extract(extra, '$.\"line items\"[0].\"Item Name\"') FROM events "
             "WHERE order_id = '1002' AND kind = 'purchase'")


def test_etsy_orders_then_order_items_make_the_same_orders(tmp_path):
    """The other way round: the items export finds each paid order there already and adds
    its lines; Kim's unpaid order is a contact beside the orders export's cancellation."""
    import_text(tmp_path, "EtsySoldOrders2024.csv", ETSY_ORDERS)
    items = import_text(tmp_path, "EtsySoldOrderItems2024.csv", ETSY_ITEMS)
    assert (items["inserted"], items["updated"]) == (1, 3)
    assert funnel(tmp_path) == [3, 2, 2, 1, 0]
    assert rows(tmp_path, "SELECT order_id, kind, amount FROM events WHERE kind != 'contact' "
                          "ORDER BY order_id, kind") == [
        ("1001", "purchase", 24.0), ("1002", "purchase", 48.0), ("1002", "refund", 20.0),
        ("1003", "cancellation", None), ("1004", "purchase", 24.0)]
    assert rows(tmp_path, ETSY_BOTH) == [("1002", "53.50", "Candle", "Soap")]


# --- PayPal ---------------------------------------------------------------------------------

PAYPAL_HEAD = ('"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net",'
               '"From Email Address","To Email Address","Transaction ID","Reference Txn ID",'
               '"Balance Impact"\n')


def test_paypal_activity(tmp_path):
    """Alice paid twice on two days, Bob once and was refunded (the refund is his: To Email
    Address); Hal's payment was denied. A withdrawal, a currency conversion and a bill the
    shop paid are the shop's own money: left out. Funnel: 3 clients, 2 bought, Alice again."""
    found = import_text(tmp_path, "Download.CSV", PAYPAL_HEAD + (
        "01/05/2024,10:00:00,PST,Alice Brown,Express Checkout Payment,Completed,USD,40.00,"
        "-1.66,38.34,alice@example.com,shop@biz.com,T1,,Credit\n"
        "01/08/2024,10:00:00,PST,Bob Chen,Website Payment,Completed,USD,60.00,-2,58,"
        "bob@example.com,shop@biz.com,T2,,Credit\n"
        "01/12/2024,10:00:00,PST,,General Currency Conversion,Completed,USD,-47.90,0,-47.90,"
        "shop@biz.com,,T3,T2,Debit\n"
        "01/15/2024,10:00:00,PST,Bob Chen,Payment Refund,Completed,USD,-60.00,2,-58,"
        "shop@biz.com,bob@example.com,T4,T2,Debit\n"
        "01/31/2024,10:00:00,PST,Bank Account,General Withdrawal,Completed,USD,-150.00,0,"
        "-150.00,shop@biz.com,,T5,,Debit\n"
        "02/03/2024,10:00:00,PST,Adobe Inc.,PreApproved Payment Bill User Payment,Completed,"
        "USD,-52.99,0,-52.99,shop@biz.com,billing@adobe.com,T6,,Debit\n"
        "02/10/2024,10:00:00,PST,Alice Brown,Express Checkout Payment,Completed,USD,25.00,-1,"
        "24,alice@example.com,shop@biz.com,T7,,Credit\n"
        "02/22/2024,10:00:00,PST,Hal Ito,Express Checkout Payment,Denied,USD,80.00,0,80,"
        "hal@example.com,shop@biz.com,T8,,Credit\n"))
    assert found["recognised_as"] == "paypal_activity"
    assert "3 lines of the account's own money" in found["explanation"]
    assert funnel(tmp_path) == [3, 2, 2, 1, 0]
    assert rows(tmp_path, "SELECT c.client_id, e.kind, e.amount, e.order_id FROM events e "
                          "JOIN clients c ON c.id = e.client_ref ORDER BY e.date") == [
        ("alice@example.com", "purchase", 40.0, "T1"), ("bob@example.com", "purchase", 60.0, "T2"),
        ("bob@example.com", "refund", 60.0, "T2"), ("alice@example.com", "purchase", 25.0, "T7"),
        ("hal@example.com", "contact", 80.0, "T8")]


# --- Calendly -------------------------------------------------------------------------------

def test_calendly_events(tmp_path):
    """Ann met twice (a booked call: consideration, not a purchase: an Event Price alone is
    no payment); Cara canceled her only call (a cancellation, awareness); the test booking
    is left out. Funnel: 2 invitees, Ann considering."""
    found = import_text(tmp_path, "events.csv", (
        "Invitee Name,Invitee Email,Event Type Name,Start Date & Time,End Date & Time,"
        "Canceled,Canceled By,Cancellation reason,Marked as No-Show,Event Price\n"
        "Ann Archer,ann@archer.co.uk,Coaching,2024-03-04 10:00 am,2024-03-04 11:00 am,false,,,"
        "No,90.00\n"
        "Ann Archer,ann@archer.co.uk,Coaching,2024-04-02 10:00 am,2024-04-02 11:00 am,false,,,"
        "No,90.00\n"
        "Cara Cole,cara@cole.net,Discovery Call,2024-03-08 09:00 am,2024-03-08 09:20 am,true,"
        "Cara Cole,busy,No,\n"
        "Test Booking,test@calendly.com,Coaching,2024-02-01 09:00 am,2024-02-01 10:00 am,true,"
        "Host,,No,90.00\n"))
    assert found["recognised_as"] == "calendly_events"
    assert funnel(tmp_path) == [2, 1, 0, 0, 0]
    assert rows(tmp_path, "SELECT c.client_id, e.kind, e.stage FROM events e JOIN clients c "
                          "ON c.id = e.client_ref ORDER BY e.date") == [
        ("ann@archer.co.uk", "contact", "consideration"),
        ("cara@cole.net", "cancellation", None),
        ("ann@archer.co.uk", "contact", "consideration")]


# --- ordinary sheets are not taken for these exports ---------------------------------------

@pytest.mark.parametrize("headers", [
    "Customer Id,Customer Email,Status,Created At,Plan Id,Subscription Id",
    "Invoice Number,Customer Id,Status,Invoice Date,Total,Subscription Id",
    "account_code,account_email,plan_code,subscription_state",
    "Buyer Name,Purchase Email,Purchase Date,Sale Price ($),Refunded?",
    "Order ID,Buyer,Sale Date,Order Total,Status",
    "Order ID,Buyer,Sale Date,Item Total,Date Paid",
    "Date,Name,Type,Status,Gross,From Email Address",
    "Invitee Name,Invitee Email,Start Date & Time,Status",
])
def test_ordinary_sheets_with_similar_headers_are_not_these_exports(headers):
    found = recognise(headers.split(","))
    assert found is None or found.name not in {
        "chargebee_subscriptions", "chargebee_invoices", "recurly_subscriptions",
        "gumroad_sales", "etsy_order_items", "etsy_orders", "paypal_activity",
        "calendly_events"}
