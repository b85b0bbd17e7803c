"""Misreadings earlier sessions found and left alone (session 20, R3). Each sheet goes
through the command line and is checked against figures worked out by hand before
importing; beside each, where it matters, a sheet where the rule must not fire.

- A client list counting what each client paid for or bought ("No. of months paid",
  "Sessions bought") beside a fee: a count of 0 and a blank both say nothing was bought,
  the fee alone no sale: awareness, revenue 0, the fee revenue to come.
- "Paid on" on a client list: a date there is a client who paid, a blank one who has not.
- "Collected" on an order list whose orders were paid at checkout ("Payment": Card,
  PayPal; "Payment status": Paid) is fulfilment: an uncollected paid order is a sale.
- A contact list's label or tag "Client - lost", "Lost client", "Former client - lost": a
  client who left (purchase, churned); "Lost lead" a lead lost (awareness, lost).
- A cash book whose details name payers in capitals ("PAYMENT FROM J SMITH": J Smith, the
  same client as "J Smith") or by first name alone ("Sarah - deposit": Sarah, or the one
  Sarah the book names in full); a cash book whose money in names no one is imported with
  no sale (it stopped the import).
- A bank statement (Date, Description, Debit, Credit, Balance): credits naming a payer are
  sales from them, as a cash book's; debits and credits naming no one left out, said.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

STANDING = "SELECT name, furthest_stage, outcome FROM clients ORDER BY name"


def names(tmp_path) -> list[str]:
    return [name for (name,) in workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name")]


REVENUES = "SELECT name, revenue_current, revenue_potential FROM clients ORDER BY name"


# --- 1. a count of what each paid for, blank or 0 -------------------------------------------------

def test_a_blank_count_of_months_paid_reads_as_none_paid(tmp_path):
    """Ann 40 x 3 = 120 (retention), Cy 35 x 1 (purchase); Bob's count blank and Dee's 0:
    neither paid a month, both at awareness, revenue 0, their fees 40 + 35 = 75 to come.
    [4, 2, 2, 1, 0], revenue 155 (was Bob's fee 40 kept as revenue at awareness while Dee's
    0 gave 0: 195)."""
    found = cli_import_text(tmp_path, "members.csv", (
        "Client,Joined,Monthly fee,No. of months paid\nAnn Lee,01/01/2026,40,3\n"
        "Bob Tan,01/02/2026,40,\nCy Ray,01/03/2026,35,1\nDee Fox,01/03/2026,35,0\n"))
    assert ("2 clients with 0 or nothing in 'No. of months paid' (1 blank) bought nothing: "
            "'Monthly fee' alone is no sale, so their revenue (current) is 0 and their "
            "'Monthly fee' (75) revenue to come (potential).") in found["notes"]
    assert workspace_rows(tmp_path, REVENUES) == [
        ("Ann Lee", 120.0, None), ("Bob Tan", 0.0, 40.0), ("Cy Ray", 35.0, None),
        ("Dee Fox", 0.0, 35.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_sessions_bought_counts_and_none_bought_is_no_sale(tmp_path):
    """'Sessions bought' is each client's purchases: Ann 10 (retention), Cy 1 (purchase);
    Bob blank and Dee 0 bought none: awareness, their 110 and 25 to come. [4, 2, 2, 1, 0]
    (was 'Sessions bought' unread and every price a customer: [4, 4, 4, 0, 0])."""
    cli_import_text(tmp_path, "packs.csv", (
        "Client,Package,Price,Sessions bought\nAnn Lee,10 pack,200,10\nBob Tan,5 pack,110,\n"
        "Cy Ray,Single,25,1\nDee Fox,Single,25,0\n"))
    assert workspace_rows(tmp_path, REVENUES) == [
        ("Ann Lee", 200.0, None), ("Bob Tan", 0.0, 110.0), ("Cy Ray", 25.0, None),
        ("Dee Fox", 0.0, 25.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_a_count_of_sessions_left_keeps_the_fee(tmp_path):
    """Not fired: 'Sessions left' says nothing bought or paid: each fee is the client's
    revenue and a customer's, 0 left or blank. [3, 3, 3, 0, 0]."""
    cli_import_text(tmp_path, "left.csv", (
        "Client,Fee,Sessions left\nAnn Lee,60,3\nBob Tan,45,\nCy Ray,80,0\n"))
    assert workspace_rows(tmp_path, REVENUES) == [
        ("Ann Lee", 60.0, None), ("Bob Tan", 45.0, None), ("Cy Ray", 80.0, None)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 2. "Paid on" on a client list -------------------------------------------------------------

def test_paid_on_dates_are_clients_who_paid(tmp_path):
    """Ann paid 60 on 12 Jan, Cy 80 on 20 Jan: customers, revenue 140; Bob's 45 and Dee's 60
    not paid (blank): awareness, 105 to come. [4, 2, 2, 0, 0] (was every fee a customer:
    [4, 4, 4, 0, 0], 'Paid on' unread)."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Joined,Fee,Paid on\nAnn Lee,05/01/2026,60,12/01/2026\nBob Tan,09/01/2026,45,\n"
        "Cy Ray,14/01/2026,80,20/01/2026\nDee Fox,21/01/2026,60,\n"))
    assert "'Paid on' as purchase" in " ".join(found["notes"])
    assert workspace_rows(tmp_path, REVENUES) == [
        ("Ann Lee", 60.0, None), ("Bob Tan", None, 45.0), ("Cy Ray", 80.0, None),
        ("Dee Fox", None, 60.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


def test_paid_on_beside_an_invoice_date_stays_the_events_tick(tmp_path):
    """Not fired: an invoice list's 'Paid on' beside its own 'Date' ticks each invoice paid,
    as before: Ann 120 and Cy 200 sales, Bob's 80 a contact. [3, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "invoices.csv", (
        "Invoice,Date,Client,Amount,Paid on\nINV-1,02/01/2026,Ann Lee,120,10/01/2026\n"
        "INV-2,05/01/2026,Bob Tan,80,\nINV-3,09/01/2026,Cy Ray,200,15/01/2026\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 320.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- 3. "Collected" on orders paid at checkout ------------------------------------------------

def test_collected_beside_a_way_of_paying_is_no_payment(tmp_path):
    """Every order names how it was paid (Card, PayPal): 4 sales of 86.50, collected (Ann,
    Cy) or not (Bob, Dee). [4, 4, 4, 0, 0] (was Bob's and Dee's uncollected orders read as
    unpaid: 2 sales of 56.50, [4, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Customer,Total,Payment,Collected\n1001,02/03/2026,Ann Lee,24.50,Card,Y\n"
        "1002,02/03/2026,Bob Tan,18.00,PayPal,N\n1003,03/03/2026,Cy Ray,32.00,Card,Y\n"
        "1004,04/03/2026,Dee Fox,12.00,Card,N\n"))
    assert ("'Collected' says which orders were collected, not whether they were paid: "
            "'Payment' says each was paid when ordered ('Card', 'PayPal'), so 4 orders were "
            "read as sales, collected or not.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (4, 86.5)
    assert cli_funnel(tmp_path) == [4, 4, 4, 0, 0]


def test_collected_beside_a_payment_status_of_paid(tmp_path):
    """'Payment status' Paid on each: 4 sales of 86.50, [4, 4, 4, 0, 0] (right before; the
    note said no column says what was paid)."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Customer,Total,Payment status,Collected\n"
        "1001,02/03/2026,Ann Lee,24.50,Paid,Yes\n1002,02/03/2026,Bob Tan,18.00,Paid,No\n"
        "1003,03/03/2026,Cy Ray,32.00,Paid,Yes\n1004,04/03/2026,Dee Fox,12.00,Paid,No\n"))
    assert not any("no column says what was paid" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (4, 86.5)
    assert cli_funnel(tmp_path) == [4, 4, 4, 0, 0]


def test_collected_alone_or_beside_ready_still_says_paid(tmp_path):
    """Not fired: nothing but 'Collected' says paid ('Ready for collection' does not): paid
    when collected, as before. Ann 24.50 and Cy 32 sales, Bob and Dee contacts:
    [4, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Customer,Total,Status,Collected\n"
        "1001,02/03/2026,Ann Lee,24.50,Ready for collection,Y\n"
        "1002,02/03/2026,Bob Tan,18.00,Ready for collection,N\n"
        "1003,03/03/2026,Cy Ray,32.00,Completed,Y\n"
        "1004,04/03/2026,Dee Fox,12.00,Ready for collection,N\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 56.5)
    assert cli_funnel(tmp_path) == [4, 2, 2, 0, 0]


# --- 4. "Client - lost" ---------------------------------------------------------------------

def test_client_lost_labels_are_clients_who_left(tmp_path):
    """Ann and Eve 'Client' (purchase); Bob 'Client - lost': a client who left, purchase and
    churned; Cy 'Lead', Dee 'Lost lead': awareness, Dee lost. [5, 3, 3, 0, 0] (was Bob at
    awareness, 'Client - lost' unread: [5, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "contacts.csv", (
        "Name,Email,Label\nAnn Lee,ann@x.com,Client\nBob Tan,bob@x.com,Client - lost\n"
        "Cy Ray,cy@x.com,Lead\nDee Fox,dee@x.com,Lost lead\nEve Moss,eve@x.com,Client\n"))
    assert "1 client whose 'Label' says they have left (Client - lost) was read as churned." \
        in found["notes"]
    assert workspace_rows(tmp_path, STANDING) == [
        ("Ann Lee", "purchase", None), ("Bob Tan", "purchase", "churned"),
        ("Cy Ray", "awareness", None), ("Dee Fox", "awareness", "lost"),
        ("Eve Moss", "purchase", None)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 0, 0]


def test_lost_client_tags_and_a_status_column(tmp_path):
    """Tags: Bob 'Lost client' and Cy 'Former client - lost' left (purchase, churned), Ann
    'Client' purchase, Dee 'Lost' a lost lead, Eve 'Lead': [5, 3, 3, 0, 0] (was [5, 1, 1, 0,
    0]). A 'Status' of 'Customer - lost' reads so too: [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "tags.csv", (
        "Name,Email,Tags\nAnn Lee,ann@x.com,Client\nBob Tan,bob@x.com,Lost client\n"
        "Cy Ray,cy@x.com,Former client - lost\nDee Fox,dee@x.com,Lost\n"
        "Eve Moss,eve@x.com,Lead\n"))
    assert workspace_rows(tmp_path, STANDING) == [
        ("Ann Lee", "purchase", None), ("Bob Tan", "purchase", "churned"),
        ("Cy Ray", "purchase", "churned"), ("Dee Fox", "awareness", "lost"),
        ("Eve Moss", "awareness", None)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 0, 0]
    status = tmp_path / "status"
    status.mkdir()
    cli_import_text(status, "status.csv", (
        "Name,Email,Status\nAnn Lee,ann@x.com,Customer\nBob Tan,bob@x.com,Customer - lost\n"))
    assert workspace_rows(status, STANDING) == [
        ("Ann Lee", "purchase", None), ("Bob Tan", "purchase", "churned")]


def test_lost_and_lost_lead_labels_are_leads_lost(tmp_path):
    """Not fired: 'Lost', 'Lost lead', 'Lead - lost' name no client: leads lost, at
    awareness; Ann 'Client' the one customer. [4, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "contacts.csv", (
        "Name,Email,Label\nAnn Lee,ann@x.com,Client\nBob Tan,bob@x.com,Lost\n"
        "Cy Ray,cy@x.com,Lost lead\nDee Fox,dee@x.com,Lead - lost\n"))
    assert workspace_rows(tmp_path, STANDING) == [
        ("Ann Lee", "purchase", None), ("Bob Tan", "awareness", "lost"),
        ("Cy Ray", "awareness", "lost"), ("Dee Fox", "awareness", "lost")]
    assert cli_funnel(tmp_path) == [4, 1, 1, 0, 0]


# --- 5. a cash book in capitals, and first names ------------------------------------------------

def test_a_cash_book_in_capitals_names_payers_as_people_write_them(tmp_path):
    """'PAYMENT FROM J SMITH' 30 on 2 Mar and 'J Smith - lesson' 30 on 9 Mar: J Smith twice
    on two days (retention); 'BACS MRS HALL' 40: Mrs Hall; 'Sarah - deposit' 50: Sarah;
    PETROL 45 out, left out. 4 sales of 150 from 3 clients, [3, 3, 3, 1, 0] (was the import
    stopped: no line named anyone as it read them)."""
    found = cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n02/03/2026,PAYMENT FROM J SMITH,30,\n03/03/2026,PETROL,,45\n"
        "05/03/2026,Sarah - deposit,50,\n09/03/2026,J Smith - lesson,30,\n"
        "10/03/2026,BACS MRS HALL,40,\n"))
    assert found["recognised_as"] == "cash_book"
    assert "4 lines of money in naming who paid counted as sales (150) from 3 clients" in \
        found["explanation"]
    assert workspace_rows(tmp_path, "SELECT name, purchase_count, revenue_events FROM clients "
                                    "ORDER BY name") == [
        ("J Smith", 2, 60.0), ("Mrs Hall", 1, 40.0), ("Sarah", 1, 50.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_first_name_alone_is_the_one_the_book_names_in_full(tmp_path):
    """'Sarah - deposit' 50 is Sarah Jones's, the one Sarah the book names in full (30 on 4
    Mar): 2 sales on two days, retention; 'Tom - lesson' 30: Tom. 3 sales of 110 from 2
    clients, [2, 2, 2, 1, 0]."""
    cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n02/03/2026,Sarah - deposit,50,\n03/03/2026,Petrol,,20\n"
        "04/03/2026,Cash - Sarah Jones lesson,30,\n05/03/2026,Tom - lesson,30,\n"))
    assert workspace_rows(tmp_path, "SELECT name, revenue_events FROM clients ORDER BY name") \
        == [("Sarah Jones", 80.0), ("Tom", 30.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_money_in_words_and_a_book_naming_no_one(tmp_path):
    """Not fired: 'CASH SALES', 'Takings - market', 'Donation - church', 'TRANSFER FROM
    SAVINGS' name no payer: no sale, and a book where no line names one is imported, said
    (was the import stopped by an error)."""
    found = cli_import_text(tmp_path, "cashbook.csv", (
        "Date,Details,In,Out\n02/03/2026,CASH SALES,30,\n03/03/2026,PETROL,,45\n"
        "04/03/2026,Takings - market,80,\n05/03/2026,Donation - church,10,\n"
        "06/03/2026,TRANSFER FROM SAVINGS,200,\n"))
    assert found["recognised_as"] == "cash_book"
    assert ("no line of money in names who paid: no sale counted; 4 lines of money in naming "
            "no one (320) left out") in found["explanation"]
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert names(tmp_path) == []


# --- 6. a bank statement ----------------------------------------------------------------------

def test_a_bank_statements_credits_naming_payers_are_sales(tmp_path):
    """Credits: 'FASTER PAYMENT J SMITH' 30 on 2 and 9 Mar (retention), 'BANK GIRO CREDIT
    MRS A HALL' 40: 3 sales of 100 from 2 clients, [2, 2, 2, 1, 0]; debits TESCO 12.50 and BT
    45 the business's spending (57.50), left out (was reference rows, 0 clients)."""
    found = cli_import_text(tmp_path, "statement.csv", (
        "Date,Description,Debit,Credit,Balance\n"
        "02/03/2026,FASTER PAYMENT J SMITH,,30.00,1230.00\n"
        "03/03/2026,CARD PAYMENT TESCO STORES,12.50,,1217.50\n"
        "05/03/2026,BANK GIRO CREDIT MRS A HALL,,40.00,1257.50\n"
        "09/03/2026,FASTER PAYMENT J SMITH,,30.00,1287.50\n"
        "10/03/2026,DIRECT DEBIT BT GROUP,45.00,,1242.50\n"))
    assert found["explanation"].startswith("Read as a bank statement:")
    assert "2 lines of money out (57.5" in found["explanation"]
    assert names(tmp_path) == ["J Smith", "Mrs A Hall"]
    assert kind_totals(tmp_path, "purchase") == (3, 100.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_statement_of_transfers_and_interest_has_no_sale(tmp_path):
    """Not fired: 'TRANSFER FROM SAVINGS' 500, 'INTEREST' 1.20, 'CASH DEPOSIT' 80 in name no
    payer; TESCO out: no sale, no client; the 581.20 in said left out."""
    found = cli_import_text(tmp_path, "statement.csv", (
        "Date,Description,Debit,Credit,Balance\n"
        "01/03/2026,TRANSFER FROM SAVINGS,,500.00,1700.00\n02/03/2026,INTEREST,,1.20,1701.20\n"
        "03/03/2026,CARD PAYMENT TESCO STORES,12.50,,1688.70\n"
        "05/03/2026,CASH DEPOSIT,,80.00,1768.70\n"))
    assert "3 lines of money in naming no one (581.2" in found["explanation"]
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert names(tmp_path) == []


def test_a_statements_paid_in_and_paid_out(tmp_path):
    """'Paid in' and 'Paid out' (a building society's statement, its 'Transaction type'
    beside): J Smith 30 and Mrs A Hall 40 ('MRS A HALL PIANO': the name, not the lesson):
    2 sales of 70, [2, 2, 2, 0, 0]; TESCO 12.50 out left out."""
    found = cli_import_text(tmp_path, "statement.csv", (
        "Date,Transaction type,Description,Paid out,Paid in,Balance\n"
        "02/03/2026,Bank credit,FASTER PAYMENT J SMITH,,30.00,1230.00\n"
        "03/03/2026,Visa purchase,TESCO STORES,12.50,,1217.50\n"
        "05/03/2026,Bank credit,MRS A HALL PIANO,,40.00,1257.50\n"))
    assert found["recognised_as"] == "cash_book"
    assert names(tmp_path) == ["J Smith", "Mrs A Hall"]
    assert kind_totals(tmp_path, "purchase") == (2, 70.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]
