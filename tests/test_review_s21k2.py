"""Session 21's new reading rules (A's and G's) attacked with sheets an owner or an export
might really have (session 21, K2). Each sheet goes through the command line and is checked
against figures worked out by hand before importing; beside each, where it matters, a
sheet where the rule must still fire (or must not).

- A's 'First'/'Last' as a name's two parts: a club's 'First' and 'Last' match days, a
  shop's 'First' and 'Last' order days are dates, not a name "05/04/2025 21/09/2025".
- A's 'Open' beside 'In progress' (a job not done): a builder's client whose 'Total paid'
  is above 0 has bought whatever the job's status says; an Open client who paid nothing
  stays no customer.
- G's Jira Service Management profile: a developer's Jira on a site that also runs JSM
  exports JSM's custom fields empty; it is an issue tracker's list, not reporters' tickets.
- G's fee on the last visit's day: an accountant's 'Fee' beside 'Last meeting' is no sale
  that day (a meeting is a time in touch); a window cleaner's 'Price' beside 'Last clean'
  is one (the price of one clean); a 'Price per month' is not.
- The sales a client list saves and the invoices of the same visits (same client, day and
  amount) are one sale each, in either order; a fee corrected on the list corrects its
  sale (no second one); importing again and undoing each import leave the workspace
  exactly as before.
- G's equal per-line refunds: an 'Order Refunded Amount' repeated on each line is the
  order's, read once.
- G's 'Annual spend': on a list of suppliers (a 'Supplier' column beside the contact
  named) it is no spend with the business, and no one is a customer by it.
- A's holiday-rental profile: a request declined or left to expire was never booked: a
  request lost at consideration, not a cancellation.
"""

from __future__ import annotations

from conftest import (cli_funnel, cli_import_text, cli_undo, kind_totals, workspace_rows,
                      workspace_state)


# --- A: 'First' and 'Last' of days are no name ----------------------------------------------

def test_first_and_last_match_days_are_dates_not_a_name(tmp_path):
    """A club's members (Member no, First, Last, Matches): 'First' and 'Last' hold each
    member's first and last match day. Was: names "05/04/2025 21/09/2025". Now no name; the
    days are each member's first and last contact (M01: 5 Apr and 21 Sep 2025). Nobody
    bought: [3, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "members.csv", (
        "Member no,First,Last,Matches\n"
        "M01,05/04/2025,21/09/2025,14\n"
        "M02,12/04/2025,12/04/2025,1\n"
        "M03,03/05/2025,30/08/2025,9\n"))
    assert found["mapping"]["First"] == "first_contact"
    assert found["mapping"]["Last"] == "last_contact"
    assert workspace_rows(tmp_path, "SELECT client_id, name, first_contact, last_contact "
                                    "FROM clients WHERE client_id = 'M01'") == [
        ("M01", None, "2025-04-05", "2025-09-21")]
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_first_and_last_order_days_beside_an_email_are_no_name(tmp_path):
    """Email, First, Last, Orders: the first and last order days (ISO). Was: names
    "2024-01-05 2025-03-02". Now none; Ann's 4 orders make her a returning customer, Bob's
    1 a customer: [2, 2, 2, 1, 0] (as before)."""
    cli_import_text(tmp_path, "customers.csv", (
        "Email,First,Last,Orders\n"
        "ann@x.com,2024-01-05,2025-03-02,4\n"
        "bob@x.com,2025-02-10,2025-02-10,1\n"))
    assert workspace_rows(tmp_path, "SELECT email, name, first_contact FROM clients "
                                    "ORDER BY email") == [
        ("ann@x.com", None, "2024-01-05"), ("bob@x.com", None, "2025-02-10")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


# --- A: Open beside In progress, where money was paid ------------------------------------------

def test_money_paid_is_a_purchase_whatever_the_jobs_status(tmp_path):
    """A builder's clients (Client, Email, Total paid, Status Open / In progress / Closed).
    Ann (Open, paid 2,000), Bo (In progress, 5,000) and Di (Closed, 6,000) have paid: three
    customers. Cy (Open, nothing paid): a job not started, no customer (A's rule, kept).
    Was [4, 2, 1, 0, 0] (Bo at consideration, Di at awareness); now [4, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Total paid,Status\n"
        "Ann Lee,ann@x.com,2000,Open\n"
        "Bo Chan,bo@x.com,5000,In progress\n"
        "Cy Dee,cy@x.com,,Open\n"
        "Di Fox,di@x.com,6000,Closed\n"))
    assert ("2 clients who paid more than 0 ('Total paid') were read as customers (purchase), "
            "whatever the status says of the work: money paid is a purchase.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients "
                                    "ORDER BY name") == [
        ("Ann Lee", "purchase"), ("Bo Chan", "purchase"), ("Cy Dee", "awareness"),
        ("Di Fox", "purchase")]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_money_owed_beside_a_job_in_progress_is_no_purchase(tmp_path):
    """Must not fire: 'Amount due' (owed, not paid) beside Open / In progress lifts no one:
    Bo's job in progress is consideration, Ann's and Cy's Open jobs nothing. [3, 1, 0, 0, 0]."""
    cli_import_text(tmp_path, "jobs.csv", (
        "Client,Email,Amount due,Status\n"
        "Ann Lee,ann@x.com,2000,Open\n"
        "Bo Chan,bo@x.com,5000,In progress\n"
        "Cy Dee,cy@x.com,,Open\n"))
    assert cli_funnel(tmp_path) == [3, 1, 0, 0, 0]


# --- G: a developer's Jira with a service desk's fields left empty ----------------------------

def test_a_developers_jira_with_empty_service_desk_fields_is_an_issue_tracker(tmp_path):
    """Jira's CSV of a software project on a site that also runs Jira Service Management:
    'Custom field (Request Type)' and '(Satisfaction rating)' are there, empty on every
    row. Was read as JSM: the team (Kim, Sam, Lee) 3 clients with a complaint and 2
    contacts. Now an issue tracker's list: reference rows, no client, [0, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "jira.csv", (
        "Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Reporter,Created,"
        "Custom field (Request Type),Custom field (Satisfaction rating),"
        "Custom field (Story Points)\n"
        "Login button misaligned,DEV-1,1001,Bug,Done,Low,Sam Patel,Kim Ode,"
        "02/Mar/26 9:15 AM,,,3\n"
        "Add CSV export,DEV-2,1002,Story,In Progress,Medium,Kim Ode,Sam Patel,"
        "03/Mar/26 11:20 AM,,,5\n"
        "Crash on save,DEV-3,1003,Bug,To Do,High,Sam Patel,Lee Wong,05/Mar/26 2:05 PM,,,2\n"))
    assert (found["recognised_as"], found["kind"]) == ("issue_tracker", "reference")
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


# --- G: a fee on the last visit's day ---------------------------------------------------------

def test_an_accountants_fee_beside_the_last_meeting_is_no_sale_that_day(tmp_path):
    """Client, Email, Last meeting, Fee (the year's fee, 1,200 and 900): a meeting is a
    time in touch, no visit paid for. Was 2 sales dated on the meetings (2,100). Now no
    sale; both customers by their fee, revenue 2,100: [2, 2, 2, 0, 0]."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Last meeting,Fee\n"
        "Ann Lee,ann@x.com,14/02/2025,1200\n"
        "Bo Chan,bo@x.com,03/03/2025,900\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events") == [(0,)]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(2100.0,)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_window_cleaners_price_beside_the_last_clean_is_a_sale_that_day(tmp_path):
    """Client, Address, Last clean, Frequency, Price: Ann paid 15 for her clean on 14 Feb,
    Bo 20 on 3 Mar 2025; Cy, no clean yet, nothing. Was no sale (only 'Fee' counted): now
    2 sales, 35, dated on those days; revenue 35 once. [3, 2, 2, 0, 0] as before."""
    cli_import_text(tmp_path, "round.csv", (
        "Client,Address,Last clean,Frequency,Price\n"
        "Ann Lee,1 Oak Rd,14/02/2025,4 weeks,15\n"
        "Bo Chan,2 Elm Rd,03/03/2025,8 weeks,20\n"
        "Cy Dee,3 Ash Rd,,4 weeks,\n"))
    assert workspace_rows(tmp_path, "SELECT name, date, amount FROM events ORDER BY date") == [
        ("Ann Lee", "2025-02-14", 15.0), ("Bo Chan", "2025-03-03", 20.0)]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_events) FROM clients") == [(35.0,)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_a_price_per_month_beside_the_last_visit_is_no_sale_that_day(tmp_path):
    """Must not fire: 'Price per month' is a month's price, no visit's: no sale dated."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Last visit,Price per month\n"
        "Ann Lee,ann@x.com,14/02/2025,40\n"
        "Bo Chan,bo@x.com,03/03/2025,55\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events") == [(0,)]


_TUNING = ("Client,Address,Last tuning,Next due,Fee\n"
           "Mrs Atkins,4 Mill Lane,14/02/2025,14/02/2026,75\n"
           "Mr Cho,9 High St,,,\n"
           "Mrs Dunn,2 Bridge Rd,01/04/2025,01/04/2026,70\n")
_INVOICES = ("Invoice,Date,Client,Amount,Status\n"
             "INV-1,14/02/2025,Mrs Atkins,75,Paid\n"
             "INV-2,01/04/2025,Mrs Dunn,70,Paid\n")


def test_a_client_lists_sales_and_their_invoices_are_one_sale_each(tmp_path):
    """The tuner's client list (Mrs Atkins 75 on 14 Feb, Mrs Dunn 70 on 1 Apr 2025) and
    the invoices of those two tunings (same client, day, amount). Was: 2 sales each,
    revenue logged 150 and 140, as two sales of the same tuning. Now one sale each:
    purchases 1 and 1, revenue logged 75 and 70, in either order. [3, 2, 2, 0, 0]."""
    for order in (("tuning", "invoices"), ("invoices", "tuning")):
        place = tmp_path / "-".join(order)
        place.mkdir()
        for name in order:
            cli_import_text(place, f"{name}.csv", _TUNING if name == "tuning" else _INVOICES)
        assert workspace_rows(place, "SELECT name, purchase_count, revenue_events FROM "
                                     "clients WHERE purchase_count > 0 ORDER BY name") == [
            ("Mrs Atkins", 1, 75.0), ("Mrs Dunn", 1, 70.0)], order
        assert cli_funnel(place) == [3, 2, 2, 0, 0]


def test_importing_a_client_list_with_sales_again_and_undoing_each(tmp_path):
    """Import the tuner's list, import it again, then next year's (Mrs Atkins 80 on 20 Feb
    2026, Mr Cho 75 on 3 Mar 2026): 2 + 0 + 2 sales; Mrs Atkins bought twice (retention).
    Undoing each import in turn leaves the workspace exactly as it was before it."""
    states = []
    cli_import_text(tmp_path, "tuning.csv", _TUNING)
    states.append(workspace_state(tmp_path))
    cli_import_text(tmp_path, "tuning.csv", _TUNING)
    assert kind_totals(tmp_path, "purchase") == (2, 145.0)
    states.append(workspace_state(tmp_path))
    cli_import_text(tmp_path, "tuning.csv", (
        "Client,Address,Last tuning,Next due,Fee\n"
        "Mrs Atkins,4 Mill Lane,20/02/2026,20/02/2027,80\n"
        "Mr Cho,9 High St,03/03/2026,03/03/2027,75\n"
        "Mrs Dunn,2 Bridge Rd,01/04/2025,01/04/2026,70\n"))
    assert kind_totals(tmp_path, "purchase") == (4, 300.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]
    cli_undo(tmp_path, 3)
    assert workspace_state(tmp_path) == states[-1]
    cli_undo(tmp_path, 2)
    assert workspace_state(tmp_path) == states[-2]
    cli_undo(tmp_path, 1)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events") == [(0,)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


# --- G: an order's refund repeated on its lines -------------------------------------------------

def test_an_orders_refunded_amount_repeated_on_its_lines_is_read_once(tmp_path):
    """Order 7001's lines Mug 20 and Plate 20 ('Line Total'), 'Order Refunded Amount' 20
    on both: the header says it is the order's, repeated: one refund of 20 (was 40, added
    up as if each line went back). Purchases 40 + 40 = 80."""
    cli_import_text(tmp_path, "export.csv", (
        "Order ID,Date,Customer,Email,Item,Line Total,Order Refunded Amount\n"
        "7001,2025-04-02,Ann Lee,ann@x.com,Mug,20.00,20.00\n"
        "7001,2025-04-02,Ann Lee,ann@x.com,Plate,20.00,20.00\n"
        "7002,2025-04-05,Ben Cho,ben@x.com,Bowl,40.00,0\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 80.0)
    assert kind_totals(tmp_path, "refund") == (1, 20.0)


# --- G: 'Annual spend' on a list of suppliers ----------------------------------------------------

def test_a_suppliers_annual_spend_makes_no_customer(tmp_path):
    """Supplier, Contact, Email, Annual spend, Supplier since: what the business spends
    with Paper Co and Ink Ltd, not what they spent with it. Was [2, 2, 2, 0, 0] (both
    customers by 'Annual spend'); now [2, 0, 0, 0, 0], as before G's rule. A client list's
    'Annual spend' still makes customers (G's test)."""
    cli_import_text(tmp_path, "contacts.csv", (
        "Supplier,Contact,Email,Annual spend,Supplier since\n"
        "Paper Co,Jo Hart,jo@paper.co,4200,2019\n"
        "Ink Ltd,Max Bell,max@ink.co,1800,2021\n"))
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


# --- A: a holiday-rental request declined or expired -----------------------------------------------

def test_a_rental_request_left_to_expire_is_lost_not_cancelled(tmp_path):
    """Airbnb: Ann stayed (330), Di booked (110), Bo's request is pending, Cy's expired.
    Cy never booked: a request lost at consideration (was a cancellation, below Bo's
    pending request). Sales 2, 440; funnel [4, 4, 2, 0, 0] (was [4, 3, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "reservations.csv", (
        "Confirmation code,Status,Guest name,Contact,# of adults,Start date,End date,"
        "# of nights,Booked,Listing,Earnings\n"
        "HMABC1,Past guest,Ann Lee,+44 7700 900111,2,2025-03-01,2025-03-04,3,2025-01-10,"
        "Sea View,£330.00\n"
        "HMABC2,Pending,Bo Chan,+44 7700 900222,1,2025-07-01,2025-07-03,2,2025-06-20,"
        "Sea View,£220.00\n"
        "HMABC3,Expired,Cy Dee,+44 7700 900333,2,2025-08-01,2025-08-05,4,2025-06-21,"
        "Sea View,£440.00\n"
        "HMABC4,Confirmed,Di Fox,+44 7700 900444,2,2025-09-01,2025-09-02,1,2025-06-22,"
        "Sea View,£110.00\n"))
    assert found["recognised_as"] == "rental_reservations"
    assert workspace_rows(tmp_path, "SELECT name, kind FROM events ORDER BY name") == [
        ("Ann Lee", "purchase"), ("Bo Chan", "contact"), ("Cy Dee", "lost"),
        ("Di Fox", "purchase")]
    assert kind_totals(tmp_path, "purchase") == (2, 440.0)
    assert cli_funnel(tmp_path) == [4, 4, 2, 0, 0]


def test_a_fee_corrected_on_the_list_corrects_its_sale(tmp_path):
    """The tuner's list imported, then again with Mrs Atkins's fee for the same tuning
    (14 Feb 2025) corrected from 75 to 80. Was a second sale (75 + 80 on one day: 2
    purchases, 155 logged). Now the one sale's amount is 80 (purchases 2, 150 in all);
    undoing the second import puts 75 back."""
    cli_import_text(tmp_path, "tuning.csv", _TUNING)
    cli_import_text(tmp_path, "tuning.csv", _TUNING.replace(",75\n", ",80\n"))
    assert workspace_rows(tmp_path, "SELECT name, date, amount FROM events ORDER BY date") == [
        ("Mrs Atkins", "2025-02-14", 80.0), ("Mrs Dunn", "2025-04-01", 70.0)]
    assert workspace_rows(tmp_path, "SELECT purchase_count, revenue_events FROM clients "
                                    "WHERE name = 'Mrs Atkins'") == [(1, 80.0)]
    cli_undo(tmp_path, 2)
    assert kind_totals(tmp_path, "purchase") == (2, 145.0)
