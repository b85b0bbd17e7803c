"""Misreadings session 22's reviews found and left alone (session 23, B). Each sheet goes
through the command line and is checked against figures worked out by hand (the working in
each docstring); beside each mend, a sheet where it must not fire.

- Money written in an events log's "Deposit" and "Balance" cells with words ("£500 pd",
  "£1,200 due 1/6") was not read: a part said paid is a sale of what was paid, one said
  due is not paid yet, a bare sum says neither (the row keeps what its status says).
- One person written two ways on a log with one phone number ("Mrs Hall", "Jane Hall";
  "Kev Morris", "Kevin Morris") was two clients: the short name is the full one's where
  the number names one such person. A family sharing a number stays apart.
- English "Sent" and French "Envoyée" on an ORDER list that also numbers each invoice
  stayed contacts: the order number says they are orders shipped, sales (as K4 mended the
  Dutch, German, Spanish and Italian words). An invoice list's "Sent" stays a contact, and
  so does one whose statuses are an invoice's own ("Overdue"), order number or not.
- TherapyNotes' "Charge" ($200.00) was not read as the amount: a "Charge" of amounts
  written as money is each row's price; a "Charge" of other words is not.
- A cash book's bare "Lottery Fund" line was a client: a fund gives money (a funder, no
  sale); "Leeds City Council - fee" was client "Leeds City": the body's name in full.
- A client list's stage outranked the sales an order list records since: a "Customer" who
  ordered on two days is at retention now, a "Lead" who ordered at purchase.
- A pipeline naming no client whose deal names hold a digit ("Website v2", "SEO 2025") was
  kept as reference rows: its deal names are its clients, as for deal names of words; a
  column of the deals' IDs ("#1041", "D-1043") still names no one.
"""

from __future__ import annotations

import datetime

from conftest import (cli_funnel, cli_import_book, cli_import_text, kind_totals,
                      workspace_rows)

D = datetime.date
SALES = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"
NOW = "SELECT name, furthest_stage, current_stage FROM clients ORDER BY name"


# --- 1. a part of the price paid, written in its own cell --------------------------------

CATERING = {"Bookings": [
    ["Event date", "Client", "Event", "Status", "Deposit", "Balance"],
    [D(2025, 5, 17), "Laura Bennett", "Wedding", "Done", "£500 pd", "£1,900 pd"],
    [D(2025, 6, 7), "Harlow Rugby Club", "Summer fete", "Confirmed", "£300 pd",
     "£1,200 due 1/6"],
    [D(2025, 6, 21), "Mark Chen", "40th birthday", "TBC", None, "£900"],
    [D(2025, 8, 9), "Laura Bennett", "Anniversary", "Confirmed", "£200 pd", "£600 due 1/8"]]}


def test_deposits_and_balances_said_paid_in_their_cells(tmp_path):
    """Laura's wedding: 500 + 1,900 both paid, a sale of 2,400; the rugby club's deposit
    300 paid (its 1,200 due), a sale of 300; Laura's anniversary deposit 200 paid (600
    due), a sale of 200; Mark Chen's TBC with a bare 900 stays a date pencilled in
    (consideration). 3 sales of 2,900; Laura bought on two days: [3, 3, 2, 1, 0] (was
    [3, 3, 1, 0, 0], 1 sale of no amount, the two deposits paid read as nothing paid)."""
    (found,) = cli_import_book(tmp_path, "Catering bookings.xlsx", CATERING)
    assert ("Each row's sale is what was paid of 'Deposit' where its cell says so and "
            "'Balance' where its cell says so (3 purchases of 2,900); 1 row with no part said "
            "paid or owed (a bare sum or none) was read as its status says.") in found["notes"]
    assert not any("with nothing paid" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 2900.0)
    assert workspace_rows(tmp_path, SALES) == [
        ("Harlow Rugby Club", 1, 300.0), ("Laura Bennett", 2, 2600.0), ("Mark Chen", 0, None)]
    assert cli_funnel(tmp_path) == [3, 3, 2, 1, 0]


def test_a_caterers_deposits_beside_a_quote_and_a_cancellation(tmp_path):
    """Session 22 O's food truck: Laura's wedding 500 + 1,900 paid and her party's 700
    paid (two days), the rugby club's deposit 300 paid beside a bare balance of 1,500,
    Mark Chen's TBC with nothing written (consideration), Greenway's Cancelled with its
    deposit kept (a cancellation, no sale). 3 sales of 3,400, [4, 3, 2, 1, 0] (was
    [4, 3, 1, 1, 0], sales of no amount)."""
    cli_import_book(tmp_path, "Catering bookings.xlsx", {"Catering 2025": [
        ["SMOKE & BUN - EVENT CATERING"],
        ["Event date", "Client", "Event", "Covers", "Quote", "Deposit", "Balance", "Status"],
        [D(2025, 5, 17), "Laura Bennett", "Wedding", 120, "£2,400", "£500 pd", "£1,900 pd",
         "Done"],
        [D(2025, 6, 7), "Harlow Rugby Club", "Summer fete", 300, "£1,800", "£300 pd",
         "£1,500", "Confirmed"],
        [D(2025, 6, 21), "Mark Chen", "40th birthday", 60, "£900", None, None, "TBC"],
        [D(2025, 7, 5), "Greenway Ltd", "Staff BBQ", 80, "£1,100", "£200 pd", None,
         "Cancelled"],
        [D(2025, 8, 9), "Laura Bennett", "Anniversary party", 40, "£700", "£700 pd", None,
         "Done"]]})
    assert kind_totals(tmp_path, "purchase") == (3, 3400.0)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [4, 3, 2, 1, 0]


def test_a_deposit_due_and_nothing_paid_is_no_sale(tmp_path):
    """A booking whose deposit is 'due 1/5' and balance bare is a contact at
    consideration; the other's deposit paid (150) a sale: [2, 2, 1, 0, 0]."""
    cli_import_book(tmp_path, "bookings.xlsx", {"Bookings": [
        ["Date", "Client", "Status", "Deposit", "Balance"],
        [D(2025, 5, 3), "Amy Lowe", "Booked", "£100 due 1/5", "£400"],
        [D(2025, 5, 10), "Ben Hart", "Booked", "£150 pd", "£350"]]})
    assert kind_totals(tmp_path, "purchase") == (1, 150.0)
    assert cli_funnel(tmp_path) == [2, 2, 1, 0, 0]


def test_deposit_cells_of_bare_sums_or_other_words_are_not_read(tmp_path):
    """Must not fire: 'Deposit' and 'Balance' of bare sums (no word says paid or owed)
    and a 'Deposit' holding 'ask Sue': nothing read from them; Done is a sale (of no
    amount), Confirmed a booking: [2, 2, 1, 0, 0], as before."""
    cli_import_book(tmp_path, "bookings.xlsx", {"Bookings": [
        ["Event date", "Client", "Status", "Deposit", "Balance"],
        [D(2025, 5, 17), "Laura Bennett", "Done", "£500", "£1,900"],
        [D(2025, 6, 7), "Harlow Rugby Club", "Confirmed", "£300 ask Sue", "£1,200"]]})
    assert kind_totals(tmp_path, "purchase") == (1, None)
    assert cli_funnel(tmp_path) == [2, 2, 1, 0, 0]


# --- 2. one person written two ways, one phone number ------------------------------------

VALETING = {"Jobs": [
    ["Date", "Name", "Phone", "Job", "Price", "Paid"],
    ["01/03/2025", "Mrs Hall", "07700 900111", "Full valet", "£80", "Card"],
    ["01/03/2025", "Sophie Lane", "07700 900222", "Mini valet", "£35", "Cash"],
    ["08/03/2025", "Jane Hall", "07700 900111", "Mini valet", "£35", "Card"],
    ["15/03/2025", "Kev Morris", "07700 900333", "Ceramic coat", "£250", "Card"],
    ["22/03/2025", "Kevin Morris", "07700 900333", "Mini valet", "£35", "Card"]]}


def test_one_person_written_short_with_the_same_number_is_one_client(tmp_path):
    """'Mrs Hall' (80 on 01/03) has Jane Hall's number (35 on 08/03), 'Kev Morris' (250
    on 15/03) Kevin Morris's (35 on 22/03): 3 clients, not 5; Jane and Kevin bought on
    two days: 5 sales of 435, [3, 3, 3, 2, 0] (was 5 clients, [5, 5, 5, 0, 0])."""
    (found,) = cli_import_book(tmp_path, "Valeting.xlsx", VALETING)
    assert ("2 clients written more than one way with the same phone number or e-mail "
            "address were read as one person: 'Jane Hall' (also 'Mrs Hall'); 'Kevin Morris' "
            "(also 'Kev Morris').") in found["notes"]
    assert workspace_rows(tmp_path, SALES) == [
        ("Jane Hall", 2, 115.0), ("Kevin Morris", 2, 285.0), ("Sophie Lane", 1, 35.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 2, 0]


def test_a_family_or_two_titles_on_one_number_stay_apart(tmp_path):
    """Must not fire: Tom and Amy Hall share a landline (a family); 'Mr Hall' and 'Mrs
    Hall' share another (two people, no first name); 'Mrs Cole' beside both 'Ann Cole' and
    'Sam Cole' on one number could be either; 'Kev Morris' and 'Kevin Morris' on two
    numbers are not said to be one. 9 clients, each one sale: [9, 9, 9, 0, 0]."""
    cli_import_text(tmp_path, "jobs.csv", (
        "Date,Name,Phone,Price\n"
        "01/03/2025,Tom Hall,01632 960111,40\n02/03/2025,Amy Hall,01632 960111,40\n"
        "03/03/2025,Mr Hall,01632 960222,40\n04/03/2025,Mrs Hall,01632 960222,40\n"
        "05/03/2025,Mrs Cole,01632 960333,40\n06/03/2025,Ann Cole,01632 960333,40\n"
        "07/03/2025,Sam Cole,01632 960333,40\n"
        "08/03/2025,Kev Morris,07700 900333,40\n09/03/2025,Kevin Morris,07700 900444,40\n"))
    assert len(workspace_rows(tmp_path, SALES)) == 9
    assert cli_funnel(tmp_path) == [9, 9, 9, 0, 0]


# --- 3. "Sent" on an order list that also numbers its invoices --------------------------

def test_english_orders_sent_beside_their_invoice_numbers_are_sales(tmp_path):
    """Order, Invoice number, Status: 1001 and 1002 Sent (120, 80) are orders shipped;
    1003 Pending a contact: 2 sales of 200, [3, 2, 2, 0, 0] (was 3 contacts,
    [3, 0, 0, 0, 0])."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Customer,Invoice number,Total,Status\n"
        "1001,2025-03-03,Anna Berg,INV-1,120.00,Sent\n"
        "1002,2025-03-05,Ben Cole,INV-2,80.00,Sent\n"
        "1003,2025-03-09,Cara Diaz,INV-3,50.00,Pending\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 200.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_french_orders_envoyee_beside_their_invoice_numbers_are_sales(tmp_path):
    """Commande, Numéro de facture, Statut: Envoyée 120 and 80 shipped, En attente 50 a
    contact: 2 sales of 200, [3, 2, 2, 0, 0] (was 3 contacts, [3, 0, 0, 0, 0])."""
    cli_import_text(tmp_path, "commandes.csv", (
        "Commande;Date;Client;Numéro de facture;Total;Statut\n"
        "1001;03/03/2025;Anne Roux;F-1;120,00;Envoyée\n"
        "1002;05/03/2025;Paul Petit;F-2;80,00;Envoyée\n"
        "1003;09/03/2025;Claire Blanc;F-3;50,00;En attente\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 200.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_an_invoices_sent_stays_unpaid_beside_an_order_number_or_none(tmp_path):
    """Must not fire: an invoice list numbering each order, whose statuses are an
    invoice's (Paid, Sent, Overdue): Anna's 120 paid, Ben's Sent and Cara's Overdue bills
    not paid (contacts of 130): [3, 1, 1, 0, 0]. An invoice list with no order number: the
    same."""
    cli_import_text(tmp_path, "invoices.csv", (
        "Invoice number,Order number,Date,Customer,Total,Status\n"
        "INV-1,1001,2025-03-03,Anna Berg,120.00,Paid\n"
        "INV-2,1002,2025-03-05,Ben Cole,80.00,Sent\n"
        "INV-3,1003,2025-03-09,Cara Diaz,50.00,Overdue\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 120.0)
    assert kind_totals(tmp_path, "contact") == (2, 130.0)
    assert cli_funnel(tmp_path) == [3, 1, 1, 0, 0]
    other = tmp_path / "plain"
    other.mkdir()
    cli_import_text(other, "invoices.csv", (
        "Invoice number,Date,Customer,Total,Status\n"
        "INV-1,2025-03-03,Anna Berg,120.00,Paid\n"
        "INV-2,2025-03-05,Ben Cole,80.00,Sent\n"
        "INV-3,2025-03-09,Cara Diaz,50.00,Sent\n"))
    assert kind_totals(other, "purchase") == (1, 120.0)
    assert cli_funnel(other) == [3, 1, 1, 0, 0]


# --- 4. TherapyNotes' "Charge" -------------------------------------------------------------

def test_a_charge_of_money_is_each_visits_price(tmp_path):
    """TherapyNotes' appointments (as in test_sweep_s22d3): Rachel's visits 200 and 150,
    Omar's 200 kept (Show): 3 sales of 550 (was of no amount); the no-show's 0 a contact,
    the late cancellation's 50 on the cancellation: [4, 2, 2, 1, 0] as before."""
    found = cli_import_text(tmp_path, "therapynotes.csv", (
        "Date,Time,Patient,Clinician,Service Code,Appointment Status,Charge,Patient Paid\n"
        "04/02/2026,9:00 AM,Rachel Green,Dr. Amy Lo,90791,Show,$200.00,$200.00\n"
        "04/09/2026,9:00 AM,Rachel Green,Dr. Amy Lo,90834,Show,$150.00,$150.00\n"
        "04/03/2026,11:00 AM,Tom Baker,Dr. Amy Lo,90791,No Show,$0.00,$0.00\n"
        "04/06/2026,2:00 PM,Nina Cruz,Dr. Ben Ortiz,90791,Canceled,$0.00,$0.00\n"
        "04/07/2026,3:00 PM,Omar Said,Dr. Ben Ortiz,90791,Show,$200.00,$40.00\n"
        "04/16/2026,3:00 PM,Omar Said,Dr. Ben Ortiz,90834,Late Canceled,$50.00,$50.00\n"))
    assert found["mapping"]["Charge"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (3, 550.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_a_charge_of_words_is_not_the_amount(tmp_path):
    """Must not fire: a 'Charge' saying what each row was (charge, refund) holds no
    money: not the amount."""
    found = cli_import_text(tmp_path, "payments.csv", (
        "Date,Customer,Charge\n2026-04-02,Ann Lee,charge\n2026-04-03,Bo Chan,refund\n"))
    assert found["mapping"]["Charge"] != "amount"


# --- 5. a cash book's fund and council ----------------------------------------------------

def test_a_funds_bare_line_is_money_given_and_a_council_is_named_in_full(tmp_path):
    """Mary Smith's two lessons (30 each), 'Lottery Fund' 1,000 alone (a fund's money: a
    funder, no sale), 'Leeds City Council - fee' 250 (the council in full), 12 spent:
    Mary 2/60, Leeds City Council 250: 3 sales of 310, [2, 2, 2, 1, 0] (was Lottery Fund
    and 'Leeds City' clients: 4 sales of 1,310, [3, 3, 3, 1, 0])."""
    (found,) = cli_import_book(tmp_path, "Cash book.xlsx", {"Cash book": [
        ["Date", "Details", "In", "Out"],
        ["06/04/2025", "Mary Smith - lesson", 30, None],
        ["07/04/2025", "Lottery Fund", 1000, None],
        ["08/04/2025", "Leeds City Council - fee", 250, None],
        ["10/04/2025", "Mary Smith - lesson", 30, None],
        ["12/04/2025", "Stationery", None, 12]]})
    assert ("1 line of money in naming no one (1,000) left out, not counted as sales (a "
            "grant or a donation: money given by a funder, not a sale to a customer)"
            ) in found["explanation"]
    assert workspace_rows(tmp_path, SALES) == [("Leeds City Council", 1, 250.0),
                                               ("Mary Smith", 2, 60.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_fund_buying_something_and_a_trust_stay_clients(tmp_path):
    """Must not fire: 'Lottery Fund - stall hire' 40 names what the fund bought (a
    client); 'Oak Trust' 100 alone (a trust may buy: no fund's name) stays a client;
    'Mary Smith' 30: 3 clients, 3 sales of 170, [3, 3, 3, 0, 0]."""
    cli_import_book(tmp_path, "Cash book.xlsx", {"Cash book": [
        ["Date", "Details", "In", "Out"],
        ["06/04/2025", "Mary Smith - lesson", 30, None],
        ["07/04/2025", "Lottery Fund - stall hire", 40, None],
        ["08/04/2025", "Oak Trust", 100, None],
        ["12/04/2025", "Stationery", None, 12]]})
    assert workspace_rows(tmp_path, SALES) == [
        ("Lottery Fund", 1, 40.0), ("Mary Smith", 1, 30.0), ("Oak Trust", 1, 100.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 6. a client list's stage beside the orders since ----------------------------------------

CLIENT_LIST = ("Name,Email,Stage\nAnn Lee,ann@x.com,Customer\nBo Chan,bo@x.com,Lead\n"
               "Cy Dee,cy@x.com,Advocate\n")


def test_a_client_lists_stage_gives_way_to_the_sales_since(tmp_path):
    """Ann, a 'Customer' (purchase), ordered on 01/03 and 01/04: at retention now (was
    purchase); Bo, a 'Lead', ordered on 02/04: at purchase now (was awareness). Cy, an
    'Advocate' who ordered once, stays at advocacy (the list says more than one sale).
    Furthest: Ann retention, Bo purchase, Cy advocacy: [3, 3, 3, 2, 1]."""
    cli_import_text(tmp_path, "clients.csv", CLIENT_LIST)
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Email,Customer,Total\n1001,2025-03-01,ann@x.com,Ann Lee,50\n"
        "1002,2025-04-01,ann@x.com,Ann Lee,60\n1003,2025-04-02,bo@x.com,Bo Chan,30\n"
        "1004,2025-04-03,cy@x.com,Cy Dee,20\n"))
    assert workspace_rows(tmp_path, NOW) == [("Ann Lee", "retention", "retention"),
                                             ("Bo Chan", "purchase", "purchase"),
                                             ("Cy Dee", "advocacy", "advocacy")]
    assert cli_funnel(tmp_path) == [3, 3, 3, 2, 1]


def test_a_client_lists_stage_stands_where_the_sales_say_no_more(tmp_path):
    """Must not fire: Ann, a 'Customer' with one order since, stays at purchase; Bo, a
    'Lead' with no order, at awareness: [3, 2, 2, 1, 1] (Cy the advocate)."""
    cli_import_text(tmp_path, "clients.csv", CLIENT_LIST)
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Date,Email,Customer,Total\n1001,2025-03-01,ann@x.com,Ann Lee,50\n"))
    assert workspace_rows(tmp_path, NOW) == [("Ann Lee", "purchase", "purchase"),
                                             ("Bo Chan", "awareness", "awareness"),
                                             ("Cy Dee", "advocacy", "advocacy")]


# --- 7. a pipeline whose deal names hold a digit -----------------------------------------

def test_deal_names_holding_a_digit_are_each_deals_client(tmp_path):
    """Deal, Stage, Amount, Close date, no one named: 'Website v2' won 3,000, 'SEO 2025'
    at Proposal, 'App phase 1' lost, 'Logo refresh' Qualified: 4 clients, 1 won of 3,000,
    [4, 3, 1, 0, 0] (was kept as reference rows: 0 clients)."""
    found = cli_import_text(tmp_path, "deals.csv", (
        "Deal,Stage,Amount,Close date\nWebsite v2,Won,3000,2025-03-03\n"
        "SEO 2025,Proposal,1200,2025-04-05\nApp phase 1,Lost,8000,2025-04-09\n"
        "Logo refresh,Qualified,500,2025-05-09\n"))
    assert found["mapping"]["Deal"] == "name"
    assert kind_totals(tmp_path, "won") == (1, 3000.0)
    assert cli_funnel(tmp_path) == [4, 3, 1, 0, 0]


def test_a_column_of_deal_ids_names_no_client(tmp_path):
    """Must not fire: a 'Deal' of the deals' IDs ('#1041', '1042', 'D-1043') names no one:
    the rows stay reference rows, 0 clients."""
    found = cli_import_text(tmp_path, "deals.csv", (
        "Deal,Stage,Amount,Close date\n#1041,Won,3000,2025-03-03\n1042,Proposal,1200,"
        "2025-04-05\nD-1043,Lost,8000,2025-04-09\nLogo refresh,Qualified,500,2025-05-09\n"))
    assert found["mapping"]["Deal"] != "name"
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]
