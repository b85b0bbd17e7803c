"""Misreadings earlier sessions noticed and left alone, mended in session 26 (R1). Each sheet
is imported through the command line and checked against figures worked out by hand;
beside each, a sheet where the mend must not fire.

- A UK bank statement ("Paid in", "Withdrawn" or "Paid out") whose lines write the payer in
  capitals after "from" in a line otherwise in small letters ("Faster payment from ANN
  FOX") saved no row: no payer was read. Lloyds' and Halifax's "Credit Amount" and "Debit
  Amount" beside the statement's own "Account Number" were reference rows.
- A business's books ("Type": "Salg" beside "Køb") made the business's own buying a
  client's: Bauhaus a client with -800. Its own buying is left out, and the import says so.
- A Mailchimp list with a "Status" column was read as of paying members ("MEMBER_RATING"
  holds "member"): "subscribed" was a purchase. A subscriber who cancelled (Kit's
  "cancelled") is a lost contact, not a churned customer.
- Rows of an events sheet that name no client were kept as events of no one without a
  word: the import now says how many, and which rows.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

# --- 1. UK bank statements ------------------------------------------------------------------

UK_PAID_IN = ("Date,Description,Paid in,{out},Balance\n"
              "01/03/2025,Transfer from 07700900123 - REF INV 204,250.00,,1250.00\n"
              "02/03/2025,Card payment TESCO,,45.00,1205.00\n"
              "03/03/2025,Faster payment from ANN FOX,120.00,,1325.00\n")


def test_a_uk_statements_payer_in_capitals_after_from_is_a_client(tmp_path):
    """Money in: Ann Fox 120 (a sale), 250 from a phone number naming no one (left out,
    said); money out: 45 at Tesco, the business's own spending. 1 client, 1 sale of 120:
    [1, 1, 1, 0, 0] (was no row saved: [0, 0, 0, 0, 0])."""
    for out in ("Withdrawn", "Paid out"):
        folder = tmp_path / out
        folder.mkdir()
        found = cli_import_text(folder, "statement.csv", UK_PAID_IN.format(out=out))
        assert found["recognised_as"] == "cash_book"
        assert found["explanation"] == (
            "Read as a bank statement: who paid each line of money in is read from its "
            "details (\"Faster payment from ANN FOX\": Ann Fox); 1 line of money in naming "
            "who paid counted as sales (120) from 1 client; 1 line of money in naming no one "
            "(250) left out, not counted as sales; 1 line of money out (45), the business's "
            "own spending, left out.")
        assert workspace_rows(folder, "SELECT name, revenue_events FROM clients") == [
            ("Ann Fox", 120.0)]
        assert cli_funnel(folder) == [1, 1, 1, 0, 0]


def test_money_in_from_no_customer_names_no_one_though_written_in_capitals(tmp_path):
    """A shop's refund ("Refund from TESCO STORES"), the owner's own savings and a gift from
    Nan are money in from no customer: only Ann Fox's 120 is a sale; the other 3 lines
    (562) are said as naming no one."""
    found = cli_import_text(tmp_path, "statement.csv", (
        "Date,Description,Paid in,Paid out,Balance\n"
        "01/03/2025,Faster payment from ANN FOX,120.00,,1120.00\n"
        "02/03/2025,Refund from TESCO STORES,12.00,,1132.00\n"
        "03/03/2025,Transfer from SAVINGS ACCOUNT,500.00,,1632.00\n"
        "04/03/2025,Gift from NAN,50.00,,1682.00\n"))
    assert "3 lines of money in naming no one (562) left out" in found["explanation"]
    assert workspace_rows(tmp_path, "SELECT name FROM clients") == [("Ann Fox",)]
    assert kind_totals(tmp_path, "purchase") == (1, 120.0)


LLOYDS = ("Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,"
          "Debit Amount,Credit Amount,Balance\n"
          "01/03/2025,FPI,'30-00-00,12345678,ANN FOX INV 204,,120.00,1120.00\n"
          "02/03/2025,DEB,'30-00-00,12345678,TESCO STORES 1234,45.00,,1075.00\n"
          "03/03/2025,BGC,'30-00-00,12345678,BOB LEE,,80.00,1155.00\n")


def test_a_lloyds_statements_credit_amount_names_its_payers(tmp_path):
    """Lloyds' (and Halifax's) "Credit Amount" and "Debit Amount", its "Transaction
    Description", beside the statement's own "Account Number" (one on every line): Ann Fox
    120 and Bob Lee 80 are sales, Tesco's 45 spending: [2, 2, 2, 0, 0] (was reference
    rows)."""
    found = cli_import_text(tmp_path, "lloyds.csv", LLOYDS)
    assert found["recognised_as"] == "cash_book"
    assert workspace_rows(tmp_path, "SELECT name, revenue_events FROM clients ORDER BY name") == [
        ("Ann Fox", 120.0), ("Bob Lee", 80.0)]
    assert workspace_rows(tmp_path, "SELECT date FROM events ORDER BY date") == [
        ("2025-03-01",), ("2025-03-03",)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_an_account_column_naming_several_accounts_is_no_statements_own(tmp_path):
    """A ledger whose "Account" names each line's customer (several of them) is no bank
    statement's own account: not read as a cash book. Since session 28 it reads as the
    ledger of clients' accounts it is (test_left_alone_s28r1): Ann's 120 and Bob's 80
    sales, Ann's payment a contact."""
    found = cli_import_text(tmp_path, "ledger.csv", (
        "Date,Account,Description,Debit Amount,Credit Amount\n"
        "01/03/2025,Ann Fox,Invoice 1,120.00,\n"
        "02/03/2025,Bob Lee,Invoice 2,80.00,\n"
        "03/03/2025,Ann Fox,Payment,,120.00\n"))
    assert found["recognised_as"] != "cash_book"
    assert found["recognised_as"] == "credit_ledger"


# --- 2. the business's own buying on its books ------------------------------------------------

def test_a_danish_books_own_purchase_is_no_client(tmp_path):
    """Salg: Hansen ApS 2,500, Jensen & Co 1,200: 2 clients, 2 sales of 3,700. Køb from
    Bauhaus (-800) is the business buying materials: left out, said (was a third client
    with -800: [3, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "regnskab.csv", (
        "Dato,Kunde,Tekst,Type,Beløb\n"
        '01-03-2025,Hansen ApS,Faktura 101,Salg,"2.500,00"\n'
        '03-03-2025,Bauhaus,Materialer,Køb,"-800,00"\n'
        '05-03-2025,Jensen & Co,Faktura 102,Salg,"1.200,00"\n'))
    assert ("1 row in 'Type' ('Køb') was the business's own buying (from Bauhaus; 800 in all): "
            "no client's sale, left out of clients and revenue.") in found["notes"]
    assert not any("does not know as an event kind" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, revenue_events FROM clients ORDER BY name") == [
        ("Hansen ApS", 2500.0), ("Jensen & Co", 1200.0)]
    assert kind_totals(tmp_path, "purchase") == (2, 3700.0)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events") == [(2,)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_transaction_lists_bills_and_expenses_are_no_clients(tmp_path):
    """A bookkeeping tool's transaction list (QuickBooks'): invoices to Ann Fox 500 and Bob
    Lee 300 are sales (Ann's payment the paying of hers); the Bill from Office Depot and the
    Expense at Shell are the business's own: left out (were 2 more clients: [4, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "transactions.csv", (
        "Date,Transaction type,No.,Name,Memo/Description,Amount\n"
        "01/03/2025,Invoice,1001,Ann Fox,Design work,500.00\n"
        "02/03/2025,Payment,,Ann Fox,,500.00\n"
        "03/03/2025,Bill,B-7,Office Depot,Paper,-45.00\n"
        "04/03/2025,Expense,,Shell,Fuel,-60.00\n"
        "05/03/2025,Invoice,1002,Bob Lee,Logo,300.00\n"))
    assert any("the business's own buying (from Office Depot, Shell; 105 in all)" in note
               for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Fox",), ("Bob Lee",)]
    assert kind_totals(tmp_path, "purchase") == (2, 800.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_row_naming_a_supplier_is_the_business_buying(tmp_path):
    """A shop's log typed "Purchase" throughout, one row naming a "Supplier" (Metro, -80):
    that one is the shop buying stock, left out; Ann's 50 and Bob's 30 stay sales."""
    found = cli_import_text(tmp_path, "log.csv", (
        "Date,Customer,Supplier,Type,Amount\n"
        "2025-03-01,Ann Fox,,Purchase,50\n"
        "2025-03-02,,Metro Cash & Carry,Purchase,-80\n"
        "2025-03-03,Bob Lee,,Purchase,30\n"))
    assert any("own buying (80 in all)" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT kind, amount FROM events ORDER BY date") == [
        ("purchase", 50.0), ("purchase", 30.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_shops_purchase_events_are_its_customers(tmp_path):
    """Events typed "Purchase" beside "Refund" and "Email", no sale word, no supplier: the
    customers' purchases. Ann 50 (refunded), Bob 30; Cy an e-mail: [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "events.csv", (
        "Date,Customer,Type,Amount\n"
        "2025-03-01,Ann Fox,Purchase,50\n2025-03-02,Bob Lee,Purchase,30\n"
        "2025-03-03,Ann Fox,Refund,-50\n2025-03-04,Cy Dee,Email,\n"))
    assert not any("own buying" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 80.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- 3. mailing lists --------------------------------------------------------------------------

MAILCHIMP = ("Email Address,First Name,Last Name,Status,MEMBER_RATING,OPTIN_TIME,CONFIRM_TIME,"
             "LAST_CHANGED,TAGS\n"
             "ann@example.com,Ann,Fox,subscribed,2,2025-01-02 10:00:00,2025-01-02 10:01:00,"
             "2025-02-01 10:00:00,\n"
             "bob@example.com,Bob,Lee,unsubscribed,1,2025-01-03 10:00:00,2025-01-03 10:01:00,"
             "2025-02-02 10:00:00,\n"
             "cy@example.com,Cy,Dee,cleaned,1,2025-01-04 10:00:00,2025-01-04 10:01:00,"
             "2025-02-03 10:00:00,\n"
             "dee@example.com,Dee,Ray,subscribed,4,2025-01-05 10:00:00,2025-01-05 10:01:00,"
             "2025-02-04 10:00:00,Customers\n")


def test_a_mailchimp_lists_subscribed_is_no_purchase(tmp_path):
    """4 subscribers: Ann subscribed (awareness; was a purchase, MEMBER_RATING taken for
    paying members), Bob unsubscribed and Cy cleaned lost contacts; Dee tagged Customers
    bought: [4, 1, 1, 0, 0] (was [4, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "members_export.csv", MAILCHIMP)
    assert any("on a list of leads or subscribers ('MEMBER_RATING' says so)" in note
               for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, outcome FROM clients "
                                    "ORDER BY name") == [
        ("Ann Fox", "awareness", None), ("Bob Lee", "awareness", "lost"),
        ("Cy Dee", "awareness", "lost"), ("Dee Ray", "purchase", None)]
    assert cli_funnel(tmp_path) == [4, 1, 1, 0, 0]


def test_kits_cancelled_subscriber_is_lost_not_churned(tmp_path):
    """Kit's (ConvertKit's) subscribers: "state" active, inactive, cancelled; none bought
    ([3, 0, 0, 0, 0]); the cancelled one left the list, a lost contact (was "cancelled", a
    customer's word)."""
    found = cli_import_text(tmp_path, "subscribers.csv", (
        "first_name,email_address,state,created_at\n"
        "Ann,ann@example.com,active,2025-01-02 10:00:00 UTC\n"
        "Bob,bob@example.com,inactive,2025-01-03 10:00:00 UTC\n"
        "Cy,cy@example.com,cancelled,2025-01-04 10:00:00 UTC\n"))
    assert any("1 contact 'cancelled' was read as lost, not churned" in note
               for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, outcome FROM clients ORDER BY name") == [
        ("Ann", None), ("Bob", None), ("Cy", "lost")]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_mailchimps_own_export_keeps_its_customers_tag(tmp_path):
    """Mailchimp's audience export (no Status column): Dee tagged "Customers" bought, Ann is
    a subscriber: [2, 1, 1, 0, 0], as before."""
    cli_import_text(tmp_path, "audience.csv", (
        "Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,CONFIRM_TIME,LEID,"
        "EUID,TAGS\n"
        "ann@example.com,Ann,Fox,2,2025-01-02 10:00:00,2025-01-02 10:01:00,1,a1,\n"
        'dee@example.com,Dee,Ray,4,2025-01-05 10:00:00,2025-01-05 10:01:00,2,a2,"Customers"\n'))
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


def test_a_gyms_members_with_a_status_stay_customers(tmp_path):
    """A gym's members ("Member ID", "Membership"): Active and Cancelled are members who paid,
    Bob's Cancelled churned: [3, 3, 3, 0, 0], as before. (His status was stored as
    cancelled, against this docstring, until session 28.)"""
    cli_import_text(tmp_path, "members.csv", (
        "Member ID,Name,Status,Membership,Joined\n"
        "M1,Ann Fox,Active,Gold,2025-01-02\nM2,Bob Lee,Cancelled,Silver,2025-01-03\n"
        "M3,Cy Dee,Active,Gold,2025-01-04\n"))
    assert workspace_rows(tmp_path, "SELECT name, status FROM clients ORDER BY name") == [
        ("Ann Fox", "active"), ("Bob Lee", "churned"), ("Cy Dee", "active")]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 4. rows naming no client ------------------------------------------------------------------

def test_rows_naming_no_client_are_said_with_their_rows(tmp_path):
    """Sheet rows 3 and 5 name no client: kept as events of no one (in the event figures:
    4 sales of 140), out of the clients and the funnel, and now said. Ann bought twice,
    Bob once: [2, 2, 2, 1, 0], as before."""
    found = cli_import_text(tmp_path, "sales.csv", (
        "Date,Client,Type,Amount\n"
        "2025-03-01,Ann Fox,Sale,50\n2025-03-02,,Sale,30\n2025-03-03,Bob Lee,Sale,20\n"
        "2025-03-04,,Complaint,\n2025-03-05,Ann Fox,Sale,40\n"))
    assert found["notes"] == [
        "2 rows of 'sales' name no client (no ID, name or e-mail address) and were left out "
        "of the clients and the funnel, kept as events of no one: rows 3, 5."]
    assert (found["inserted"], found["rejected"]) == (5, 0)
    assert kind_totals(tmp_path, "purchase") == (4, 140.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_sheet_naming_no_one_or_a_return_of_an_order_is_not_said(tmp_path):
    """A complaints log naming no client at all says nothing of rows naming no one; a return
    with its order's number belongs to that order's client."""
    found = cli_import_text(tmp_path, "complaints.csv", (
        "Date,Complaint,Department\n2025-03-01,Late delivery,Shipping\n"
        "2025-03-02,Rude staff,Store\n"))
    assert not any("name no client" in note or "names no client" in note
                   for note in found["notes"])
    orders = tmp_path / "orders"
    orders.mkdir()
    found = cli_import_text(orders, "orders.csv", (
        "Date,Order ID,Customer,Type,Amount\n"
        "2025-03-01,1001,Ann Fox,Purchase,50\n2025-03-02,1002,Bob Lee,Purchase,30\n"
        "2025-03-05,1001,,Refund,-50\n"))
    assert not any("no client" in note for note in found["notes"])


def test_a_shops_orders_beside_purchases_are_its_customers(tmp_path):
    """A CRM's timeline typed "Order" and "Purchase" (both a customer buying): no books, no
    own buying: Ann 50 and 20, Bob 30: [2, 2, 2, 1, 0]."""
    found = cli_import_text(tmp_path, "timeline.csv", (
        "Date,Customer,Type,Amount\n"
        "2025-03-01,Ann Fox,Order,50\n2025-03-02,Bob Lee,Purchase,30\n"
        "2025-03-09,Ann Fox,Purchase,20\n"))
    assert not any("own buying" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 100.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


MONZO = ("Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Local amount,"
         "Local currency,Notes and #tags,Address,Receipt,Description,Category split,"
         "Money Out,Money In\n"
         "tx_01,01/03/2025,10:01:00,Faster payment,Ann Fox,,Income,120.00,GBP,120.00,GBP,,,,"
         "INV 204,,,120.00\n"
         "tx_02,02/03/2025,11:00:00,Card payment,Tesco,,Groceries,-45.00,GBP,-45.00,GBP,,,,"
         "TESCO STORES,,-45.00,\n"
         "tx_03,03/03/2025,12:00:00,Faster payment,Bob Lee,,Income,80.00,GBP,80.00,GBP,,,,"
         "INV 205,,,80.00\n")


def test_a_monzo_statements_card_payment_is_the_business_spending(tmp_path):
    """Monzo's export names each line's other party ("Name"): Ann Fox 120 and Bob Lee 80
    paid in, sales; the card payment at Tesco (Money Out 45) is the business's own spending,
    left out and said (was a refund making Tesco a client: [3, 3, 3, 0, 0])."""
    found = cli_import_text(tmp_path, "monzo.csv", MONZO)
    assert ("1 line of 'Money Out' was money the business paid out (45, to Tesco), to someone "
            "who paid nothing in here: its own spending, no client's: left out."
            ) in found["notes"]
    assert not any("of less than 0" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, revenue_events FROM clients ORDER BY name") == [
        ("Ann Fox", 120.0), ("Bob Lee", 80.0)]
    assert kind_totals(tmp_path, "refund")[0] == 0
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_money_out_to_a_client_who_paid_in_stays_theirs(tmp_path):
    """On the same statement, 20 back to Ann Fox, who paid 120 in, stays her refund."""
    rows = MONZO.splitlines()
    rows.append("tx_04,05/03/2025,09:00:00,Faster payment,Ann Fox,,Refunds,-20.00,GBP,-20.00,"
                "GBP,,,,Refund INV 204,,-20.00,")
    cli_import_text(tmp_path, "monzo.csv", "\n".join(rows) + "\n")
    assert workspace_rows(tmp_path, "SELECT c.name, e.amount FROM events e JOIN clients c "
                                    "ON c.id = e.client_ref WHERE e.kind = 'refund'") == [
        ("Ann Fox", 20.0)]
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Fox",), ("Bob Lee",)]


def test_a_customer_ledgers_debits_are_not_money_out(tmp_path):
    """A customer ledger's "Debit" (an invoice to the customer) and "Credit" (their payment)
    are no bank's money out and in: nobody is left out as the business's spending."""
    found = cli_import_text(tmp_path, "ledger.csv", (
        "Date,Customer,Reference,Debit,Credit,Balance\n"
        "01/03/2025,Ann Fox,INV 1,120.00,,120.00\n"
        "05/03/2025,Bob Lee,INV 2,80.00,,200.00\n"))
    assert not any("paid out" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Fox",), ("Bob Lee",)]
