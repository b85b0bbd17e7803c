"""A hostile review of session 23's morning rules (A's and B's), session 23 K5. Each sheet
goes through the command line and is checked against figures worked out by hand (the
working in each docstring); beside each mend, a sheet where it must not fire.

- An installer's client list with a 'Supplier' column (who supplied the kitchen) lost its
  'Job value' as "what the business spends with its suppliers": only a list whose rows
  ARE the suppliers (the 'Supplier' column opens it or names its rows) is one.
- Hours with halves (2.5, 1.5) under a round's dates beside a 'Rate' were summed as
  payments (revenue 11, four repeat customers): numbers each below the row's price of one
  are hours or items at that price, not payments.
- A round's price written plain under its dates (15 under each date beside 'Price' £15)
  was not read as paid (numbers up to 31 taken for counts): each equal to the row's price
  is a payment.
- 'Live' beside 'Active' and 'Cancelled' on a paying members list was no one's stage: a
  member's status written either way is Active.
- A gym's members CSV with a subscription_id was taken for a plain subscriptions export:
  its 'member_name' was lost and a 'Frozen' member fell to awareness. The name is read and
  a frozen, on-hold or suspended subscription is a paid one, paused.
- A deposit cell saying it was given back ('£150 refunded') left the whole 'Deposit'
  column unread, so '£500 pd cash' and '£100 pd' were lost: a part given back is no sale
  and the others are read. A tool hire's deposit above its hire fee is held against
  damage, no part of the price: not read as a sale.
- Two people called J Smith: the one at John Smith's number is John; the other, at a
  number of his own, stays himself (B's rule joined every 'J Smith' row by name).
- A 'Charge' of amounts with 'No charge' among them was not read at all: a free visit is
  a contact, the others sales.
- A cash book's 'The Foundation Gym' and 'Lottery Cafe' were funders (no sale): the
  funder's word must end the body's name ('Lottery Fund', 'Nuffield Foundation'). A body
  whose name holds initials ('Leeds Teaching Hospitals NHS Trust') is named in full.
- A file called "Invoices.csv" with an 'Order' column read its 'Sent' as shipped (B's
  rule): only where its headers name the invoice beside the order's own number
  (test_review2_s13 failed at the session's head; it passes again).
- A pipeline's deal column of one word numbered ('Deal 1041', 'Deal 1042') was read as
  three clients: those are the deals' IDs, as '#1041' is.
"""

from __future__ import annotations

import datetime

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

D = datetime.date
TOTALS = "SELECT SUM(revenue_current), SUM(revenue_potential) FROM clients"
SALES = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"
STAGES = "SELECT name, furthest_stage, status FROM clients ORDER BY name"


# --- A: what suppliers are paid -----------------------------------------------------------

def test_a_supplier_column_on_an_installers_client_list_keeps_its_revenue(tmp_path):
    """'Name', 'Email', 'Supplier' (Howdens, Magnet), 'Job value' 8,500 + 6,200 + 4,100:
    the supplier is a detail of each client's job; revenue 18,800 (was none, kept as
    extra as a supplier list's spend)."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,Supplier,Job value\nAnn Bell,ann@x.com,Howdens,8500\n"
        "Bo Chan,bo@x.com,Magnet,6200\nCal Dee,cal@x.com,Howdens,4100\n"))
    assert "what the business spends with its suppliers" not in found["explanation"]
    assert workspace_rows(tmp_path, TOTALS) == [(18800.0, None)]


def test_a_supplier_list_with_a_status_spends_no_revenue(tmp_path):
    """Must not fire: 'Supplier' opens the list ('Supplier', 'Contact', 'Status' Active or
    Inactive, 'Annual spend' 4,000, 2,000, 900): what the business spends, no revenue, no
    one bought: [3, 0, 0, 0, 0] (as this morning)."""
    cli_import_text(tmp_path, "suppliers.csv", (
        "Supplier,Contact,Status,Annual spend\nFlour Mill,Jo Bake,Active,4000\n"
        "Box Co,Sam Lee,Inactive,2000\nInk Ltd,Ray Po,Active,900\n"))
    assert workspace_rows(tmp_path, TOTALS) == [(None, None)]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


# --- A: numbers under dates ----------------------------------------------------------------

def test_hours_under_a_rounds_dates_beside_a_rate_are_no_payments(tmp_path):
    """Mrs Lowe 2.5, 3, 2 and Mr Bain 1.5, -, 2 under '01/02', '08/02', '15/02' beside
    'Rate' £15 and £12: every number is below the row's rate, hours worked, not money
    paid. Not revenue 11 (7.5 + 3.5 hours summed as pounds) and not four payments making
    repeat customers ([2, 2, 2, 2, 0]): no revenue, [2, 0, 0, 0, 0] as before A's rule."""
    (found,) = cli_import_book(tmp_path, "round.xlsx", {"Round": [
        ["Client", "Rate", "01/02", "08/02", "15/02"],
        ["Mrs Lowe", "£15", 2.5, 3, 2], ["Mr Bain", "£12", 1.5, None, 2]]})
    assert ("Columns '01/02' to '15/02' hold numbers each below the row's 'Rate' (hours or "
            "items at that price, not payments): kept as extra, not as revenue."
            ) in found["notes"]
    assert workspace_rows(tmp_path, TOTALS) == [(None, None)]
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_rounds_price_written_plain_under_its_dates_is_paid(tmp_path):
    """Mrs Lowe 15, 15, 15 and Mr Bain 12, -, 12 under '01/02', '08/02', '15/02', each the
    row's 'Price' (£15, £12) written without a currency: a clean paid each date. Revenue
    45 + 24 = 69, five payments, both repeat customers: [2, 2, 2, 2, 0] (was the price
    alone as revenue, 27, [2, 2, 2, 0, 0]: numbers up to 31 taken for counts)."""
    cli_import_book(tmp_path, "round.xlsx", {"Round": [
        ["Customer", "Price", "01/02", "08/02", "15/02"],
        ["Mrs Lowe", "£15", 15, 15, 15], ["Mr Bain", "£12", 12, None, 12]]})
    assert workspace_rows(tmp_path, TOTALS) == [(69.0, None)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 2, 0]


def test_monthly_payments_beside_a_fee_and_a_total_stay_payments(tmp_path):
    """Must not fire: 'Monthly fee' £100 and £80, payments £100 x 3 and £80 under Jan to
    Mar (none below the fee), a 'Total' beside: Acme 300 (3 payments, a repeat), Bolt 80:
    revenue 380, [2, 2, 2, 1, 0]."""
    cli_import_book(tmp_path, "clients.xlsx", {"Clients": [
        ["Client", "Monthly fee", "Jan", "Feb", "Mar", "Total"],
        ["Acme Ltd", "£100", "£100", "£100", "£100", "£300"],
        ["Bolt", "£80", "£80", None, None, "£80"]]})
    assert workspace_rows(tmp_path, TOTALS) == [(380.0, None)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- A: 'Live' members -----------------------------------------------------------------------

def test_live_beside_active_and_cancelled_is_a_paying_member(tmp_path):
    """'Monthly fee' £35, £25, £35; 'Status' Active, Live, Cancelled: Jo and Raj are paying
    members (Live written for Raj), Lee paid and stopped: [3, 3, 3, 0, 0], revenue 95 (was
    Raj at awareness, [3, 2, 2, 0, 0]: 'Live' read only where no 'Active' was)."""
    cli_import_book(tmp_path, "members.xlsx", {"Members": [
        ["Member", "Monthly fee", "Status"], ["Jo Kent", "£35", "Active"],
        ["Raj Patel", "£25", "Live"], ["Lee Moss", "£35", "Cancelled"]]})
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]
    assert workspace_rows(tmp_path, TOTALS) == [(95.0, None)]


def test_a_webinars_live_attendance_buys_nothing(tmp_path):
    """Must not fire: a webinar's registrations, 'Status' Live, On demand, Cancelled, no
    money: no one bought, [4, 0, 0, 0, 0]."""
    cli_import_text(tmp_path, "webinar.csv", (
        "Name,Email,Session,Status\nAnn Bell,ann@x.com,Pricing 101,Live\n"
        "Bo Chan,bo@x.com,Pricing 101,On demand\nCal Dee,cal@x.com,Pricing 101,Cancelled\n"
        "Dee Eve,dee@x.com,Pricing 101,Live\n"))
    assert cli_funnel(tmp_path) == [4, 0, 0, 0, 0]


# --- A: a plain subscriptions export ----------------------------------------------------

def test_a_gyms_members_with_subscription_ids_keep_names_and_frozen_members(tmp_path):
    """subscription_id, member_name, email, status Frozen / Active / Cancelled,
    created_at, cancelled_at: three members who paid, Ann's membership frozen (paused),
    Cal's cancelled (churned): [3, 3, 3, 0, 0] with their names (was Ann at awareness,
    [3, 2, 2, 0, 0], and no names)."""
    cli_import_text(tmp_path, "members.csv", (
        "subscription_id,member_name,email,plan,status,created_at,cancelled_at\n"
        "M001,Ann Bell,ann@x.com,Monthly,Frozen,2025-01-05,\n"
        "M002,Bo Chan,bo@x.com,Monthly,Active,2025-02-01,\n"
        "M003,Cal Dee,cal@x.com,Annual,Cancelled,2024-06-01,2025-01-10\n"))
    assert workspace_rows(tmp_path, STAGES) == [("Ann Bell", "purchase", "active"),
                                                ("Bo Chan", "purchase", "active"),
                                                ("Cal Dee", "purchase", "churned")]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_plain_subscriptions_trial_is_not_paid(tmp_path):
    """Must not change: active (paid), trialing (never paid: consideration), past_due
    (paid, its last renewal failed), canceled (paid, churned): [4, 4, 3, 0, 0]."""
    cli_import_text(tmp_path, "subscriptions.csv", (
        "subscription_id,status,created_at,cancelled_at,email\n"
        "sub_1,active,2025-01-05,,ann@x.com\nsub_2,trialing,2025-03-01,,bo@x.com\n"
        "sub_3,past_due,2025-01-20,,cal@x.com\nsub_4,canceled,2024-11-01,2025-02-01,dee@x.com\n"))
    assert cli_funnel(tmp_path) == [4, 4, 3, 0, 0]


# --- B: deposits written in their cells ---------------------------------------------------

def test_a_deposit_given_back_leaves_the_others_read(tmp_path):
    """Laura: '£500 pd cash' + '£1,500 pd bank', a sale of 2,000; Tom: '£100 pd', '£400
    owes', a sale of 100; Sue cancelled, '£150 refunded', '£0': given back, no sale. 2
    sales of 2,100, [3, 2, 2, 0, 0] (was 1 sale of 1,500: the refunded cell left 'Deposit'
    unread, Laura's 500 and Tom's 100 lost)."""
    cli_import_book(tmp_path, "bookings.xlsx", {"Bookings": [
        ["Event date", "Client", "Event", "Status", "Deposit", "Balance"],
        [D(2025, 5, 17), "Laura Bennett", "Wedding", "Done", "£500 pd cash", "£1,500 pd bank"],
        [D(2025, 6, 7), "Tom Reid", "Party", "Confirmed", "£100 pd", "£400 owes"],
        [D(2025, 6, 21), "Sue Park", "Christening", "Cancelled", "£150 refunded", "£0"]]})
    assert workspace_rows(tmp_path, SALES) == [("Laura Bennett", 1, 2000.0),
                                               ("Sue Park", 0, None), ("Tom Reid", 1, 100.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_a_tool_hires_security_deposit_is_no_sale(tmp_path):
    """Must not fire: a 'Deposit' above each hire's fee (£100 on £60, £50 on £35 and £40)
    is held against damage, no part of the price: Ann's and Bo's hires (60 + 35) are the
    sales, Cal's booking with a deposit paid none. 2 sales of 95, [3, 3, 2, 0, 0] (with the
    refunded deposit read, Cal's £50 would have been a sale)."""
    cli_import_book(tmp_path, "hire.xlsx", {"Hires": [
        ["Date", "Customer", "Item", "Status", "Hire fee", "Deposit"],
        [D(2025, 6, 2), "Ann Bell", "Floor sander", "Returned", "£60", "£100 returned"],
        [D(2025, 6, 9), "Bo Chan", "Carpet cleaner", "Returned", "£35", "£50 pd"],
        [D(2025, 6, 16), "Cal Dee", "Tile cutter", "Booked", "£40", "£50 pd"]]})
    assert kind_totals(tmp_path, "purchase") == (2, 95.0)
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


# --- B: one person by phone ---------------------------------------------------------------

def test_two_j_smiths_at_two_numbers_stay_two_people(tmp_path):
    """J Smith at 900001 (John Smith's number) is John; J Smith at 900222 is another J
    Smith. John: gutters 80 + windows 40 (a repeat); J Smith: windows 40. 2 clients,
    [2, 2, 2, 1, 0] (was 1 client: every 'J Smith' row joined John by name)."""
    cli_import_text(tmp_path, "jobs.csv", (
        "Date,Customer,Phone,Job,Price\n2025-06-02,J Smith,07700 900001,Gutters,80\n"
        "2025-06-09,John Smith,07700 900001,Windows,40\n"
        "2025-06-16,J Smith,07700 900222,Windows,40\n"))
    assert workspace_rows(tmp_path, SALES) == [("J Smith", 1, 40.0), ("John Smith", 2, 120.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_couple_and_a_surgery_switchboard_stay_apart_a_hyphen_joins(tmp_path):
    """Must not fire (and must): J Smith beside John and Jane Smith on one number fits
    both, stays apart; Dr Patel beside Anita and Raj Patel at a surgery's number likewise;
    Mrs Lloyd-Jones at Sian Lloyd-Jones's number is Sian. 7 people written, 6 clients:
    Sian 2 jobs (80 + 40), the others one each."""
    cli_import_text(tmp_path, "jobs.csv", (
        "Date,Customer,Phone,Job,Price\n2025-06-02,J Smith,07700 900001,Gutters,80\n"
        "2025-06-09,John Smith,07700 900001,Windows,40\n"
        "2025-06-10,Jane Smith,07700 900001,Windows,40\n"
        "2025-06-11,Mrs Lloyd-Jones,07700 900002,Gutters,80\n"
        "2025-06-12,Sian Lloyd-Jones,07700 900002,Windows,40\n"
        "2025-06-16,Dr Patel,0113 496 0000,Windows,40\n"
        "2025-06-23,Anita Patel,0113 496 0000,Windows,40\n"
        "2025-06-30,Raj Patel,0113 496 0000,Windows,40\n"))
    assert [row[0] for row in workspace_rows(tmp_path, SALES)] == [
        "Anita Patel", "Dr Patel", "J Smith", "Jane Smith", "John Smith", "Raj Patel",
        "Sian Lloyd-Jones"]
    assert cli_funnel(tmp_path) == [7, 7, 7, 1, 0]


# --- B: a Charge of money -------------------------------------------------------------------

def test_a_charge_with_no_charge_among_its_amounts_is_read(tmp_path):
    """'Charge' £40.00, 'No charge', £40.00: Ann's consultation 40 and her free follow-up
    (a contact), Bo's consultation 40. 2 sales of 80, [2, 2, 2, 0, 0] (was 3 contacts of
    no amount, [2, 2, 0, 0, 0]: one free visit kept the column unread)."""
    found = cli_import_text(tmp_path, "visits.csv", (
        "Date,Client,Service,Charge\n2025-06-02,Ann Bell,Consultation,£40.00\n"
        "2025-06-09,Ann Bell,Follow-up,No charge\n2025-06-16,Bo Chan,Consultation,£40.00\n"))
    assert found["mapping"]["Charge"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (2, 80.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- B: a cash book's funders and bodies ------------------------------------------------

def test_a_business_named_after_a_foundation_or_a_lottery_is_a_customer(tmp_path):
    """'The Foundation Gym' 120 and 'Lottery Cafe' 45, each alone on its line, are
    businesses that paid (the funder's word does not end the name), Mary Smith's two
    lessons 60: 3 clients, 4 sales of 225, [3, 3, 3, 1, 0] (was 1 client, 2 sales of 60:
    the gym and the café taken for funders)."""
    cli_import_book(tmp_path, "Cash book.xlsx", {"Cash book": [
        ["Date", "Details", "In", "Out"],
        ["06/04/2025", "Mary Smith - lesson", 30, None],
        ["07/04/2025", "The Foundation Gym", 120, None],
        ["08/04/2025", "Lottery Cafe", 45, None],
        ["09/04/2025", "Mary Smith - lesson", 30, None],
        ["10/04/2025", "Stationery", None, 12]]})
    assert kind_totals(tmp_path, "purchase") == (4, 225.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_national_lottery_line_is_still_a_funder(tmp_path):
    """Must still fire: 'National Lottery' 2,000 and 'Nuffield Foundation 2025' 500 alone
    are funders' money (left out); Mary Smith's lesson 30: 1 sale of 30."""
    cli_import_book(tmp_path, "Cash book.xlsx", {"Cash book": [
        ["Date", "Details", "In", "Out"],
        ["06/04/2025", "Mary Smith - lesson", 30, None],
        ["07/04/2025", "National Lottery", 2000, None],
        ["08/04/2025", "Nuffield Foundation 2025", 500, None],
        ["10/04/2025", "Stationery", None, 12]]})
    assert kind_totals(tmp_path, "purchase") == (1, 30.0)


def test_a_trust_whose_name_holds_initials_is_named_in_full(tmp_path):
    """'Leeds Teaching Hospitals NHS Trust - training' 300 was client 'Leeds Teaching':
    the body's name in full. 'Smith & Sons Ltd - invoice 12' and '- invoice 15' are one
    client (450 + 200)."""
    cli_import_book(tmp_path, "Cash book.xlsx", {"Cash book": [
        ["Date", "Details", "In", "Out"],
        ["06/04/2025", "Mary Smith - lesson", 30, None],
        ["07/04/2025", "Leeds Teaching Hospitals NHS Trust - training", 300, None],
        ["08/04/2025", "Smith & Sons Ltd - invoice 12", 450, None],
        ["09/04/2025", "Smith & Sons Ltd - invoice 15", 200, None],
        ["11/04/2025", "Stationery", None, 12]]})
    assert workspace_rows(tmp_path, SALES) == [
        ("Leeds Teaching Hospitals NHS Trust", 1, 300.0), ("Mary Smith", 1, 30.0),
        ("Smith & Sons Ltd", 2, 650.0)]


# --- B: deal names ------------------------------------------------------------------------------

def test_deals_numbered_under_one_word_name_no_client(tmp_path):
    """'Deal 1041', 'Deal 1042', 'Deal 1043' are the deals' IDs (one word, numbered), as
    '#1041' is: no client named, none made (was 3 clients, 3,000 revenue)."""
    cli_import_text(tmp_path, "deals.csv", "Deal,Value,Stage\nDeal 1041,3000,Won\n"
                    "Deal 1042,2000,Proposal\nDeal 1043,1500,Lost\n")
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


def test_deal_names_holding_numbers_among_words_are_still_clients(tmp_path):
    """Must not fire: 'Acme - 50 licences', 'Unit 4 refit', 'Beta 2025 renewal' differ in
    their words: each deal's name is its client. Won 3,000 revenue, Proposal 2,000 to
    come, [3, 2, 1, 0, 0]."""
    cli_import_text(tmp_path, "deals.csv", "Deal,Value,Stage\nAcme - 50 licences,3000,Won\n"
                    "Unit 4 refit,2000,Proposal\nBeta 2025 renewal,1500,Lost\n")
    assert workspace_rows(tmp_path, TOTALS) == [(3000.0, 2000.0)]
    assert cli_funnel(tmp_path) == [3, 2, 1, 0, 0]
