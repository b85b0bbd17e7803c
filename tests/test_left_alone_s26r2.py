"""Misreadings of small businesses' own sheets left alone in session 25, mended in session 26
(R2). Each sheet is imported through the command line and checked against figures worked
out by hand; beside each, sheets where the mend must not fire.

1. Stays and bookings written as a range of days ("10-14 Apr 2025", "Apr 10-14, 2025",
   "10/04/2025 - 14/04/2025", "3–5 May") are read as their first day: a yoga retreat's
   guest who came back is seen coming back. A score "7-9", an invoice "2025-104" and a
   phone number stay what they are.
2. A status joining how often with a payment's word ("One-off, paid", "Paid, one-off",
   "Single visit paid") reads as the payment's word says: a purchase, no retention.
3. A workbook's quote on one tab ("Enquiries": "Quoted") less what the client paid on
   another ("Bookings") is what is still to come, the tabs in either order.
4. A total beside a deposit and a "Balance paid" tick: the tick says all of the total was
   paid; a deposit without one was still paid.
5. A studio's class passes: "Total" (classes in the pass) and "Balance" (classes left) are
   counts, not money; a gym's "Total" in £ stays money.
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

from journey.stages import read_stage_value
from journey.values import date_range_start, parse_dates


def clients_money(tmp_path) -> list[tuple]:
    """Each client's name, furthest stage, revenue and revenue to come."""
    return workspace_rows(tmp_path, "SELECT name, furthest_stage, revenue_current, "
                                    "revenue_potential FROM clients ORDER BY name")


def sums(tmp_path) -> tuple:
    """The clients' revenue and revenue to come, summed."""
    return workspace_rows(tmp_path, "SELECT ROUND(SUM(revenue_current), 2), "
                                    "ROUND(SUM(revenue_potential), 2) FROM clients")[0]


# --- 1. a range of days is its first day -----------------------------------------------------

def retreats(dates: list[str]) -> dict:
    return {"Bookings": [
        ["Retreat", "Dates", "Guest", "Email", "Room", "Price", "Deposit", "Paid in full?",
         "How heard"],
        ["Spring Reset - Algarve", dates[0], "Hannah Lee", "hannah.lee@mail.com", "Shared",
         "€850", "€200", "Yes", "Instagram"],
        ["Spring Reset - Algarve", dates[0], "Olivia Grant", "liv.grant@mail.com", "Single",
         "€1,100", "€200", "No - balance due 1 Mar", "Friend (Hannah)"],
        ["Spring Reset - Algarve", dates[0], "Mark Stone", "mstone@mail.com", "Shared", "€850",
         "€200", "Cancelled - dep refunded", "Google"],
        ["Autumn Retreat - Wales", dates[1], "Hannah Lee", "hannah.lee@mail.com", "Single",
         "€950", "€200", "Yes", "Returning"],
        ["Autumn Retreat - Wales", dates[1], "Rita Gomez", "rita.g@mail.com", "Shared", "€700",
         None, "waitlist", "Newsletter"]]}


@pytest.mark.parametrize("dates", [
    ["10-14 Apr 2025", "3-6 Oct 2025"],
    ["10/04/2025 - 14/04/2025", "03/10/2025 - 06/10/2025"],
    ["Apr 10-14, 2025", "Oct 3-6, 2025"],
    ["10–14 April", "3–6 October"],              # (the year from the file's name)
    ["Thu 10 - Mon 14 Apr 2025", "30 Sep - 3 Oct 2025"],
])
def test_a_retreats_stays_written_as_ranges_are_their_first_day(tmp_path, dates):
    """Hannah paid 850 in April and 950 in October: she came back (retention); Olivia paid
    her deposit of 200; Mark cancelled, Rita is waiting. 3 sales of 2,000, [4, 2, 2, 1, 0]
    (was [4, 2, 2, 0, 0]: 'Dates' unread, Hannah's two stays on no day)."""
    found = cli_import_book(tmp_path, "Retreats 2025.xlsx", retreats(dates))[0]
    assert found["mapping"]["Dates"] == "date"
    assert ("5 dates in 'Dates' written as a range of days "
            f"({dates[0]}, {dates[1]}) were read as their first day: a stay's or a "
            "booking's date is the day it starts.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 2000.0)
    first = "2025-09-30" if dates[1].startswith("30 Sep") else "2025-10-03"
    assert workspace_rows(tmp_path, "SELECT date, amount FROM events WHERE kind = 'purchase' "
                                    "ORDER BY date") == [
        ("2025-04-10", 850.0), ("2025-04-10", 200.0), (first, 950.0)]
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


@pytest.mark.parametrize("cell, start", [
    ("10-14 Apr 2025", "2025-04-10"), ("Apr 10-14, 2025", "2025-04-10"),
    ("10/04/2025 - 14/04/2025", "2025-04-10"), ("2025-04-10 to 2025-04-14", "2025-04-10"),
    ("28 Apr - 2 May 2025", "2025-04-28"), ("Apr 28 - May 2, 2025", "2025-04-28"),
    ("30 Dec - 2 Jan 2025", "2024-12-30"), ("10th to 14th April 2025", "2025-04-10"),
])
def test_a_range_of_days_gives_its_first_day(cell, start):
    assert parse_dates(pd.Series([date_range_start(cell)]))[0][0] == start


@pytest.mark.parametrize("cell", [
    "7-9", "2025-104", "INV 2025-104", "07700 900601", "07700-900601", "9-5", "2-3 weeks",
    "Mon-Fri", "10:00-12:00", "Apr-Jun", "2024-25", "10 Apr 2025", "14-10 Apr 2025",
    "2 May - 28 Apr 2025", "Room 10-14 Apr", "10-14",
])
def test_what_is_no_range_of_days_is_left_alone(cell):
    """Scores, invoices, phone numbers, hours, a tax year, a single day, a range that ends
    before it starts: no range, and never a wrong date."""
    assert date_range_start(cell) is None


def test_scores_invoices_and_phones_beside_booking_dates_stay_as_they_are(tmp_path):
    """A guest house's bookings with a score range, an invoice number and a phone: the
    stays are read from their first day, nothing else is a date. Ann stayed twice
    (retention): [2, 2, 2, 1, 0], 3 sales of 570."""
    found = cli_import_text(tmp_path, "bookings 2025.csv", (
        "Stay,Guest,Phone,Invoice,Rating,Amount paid\n"
        "10-12 Apr 2025,Ann Bell,07700 900601,2025-104,7-9,£180\n"
        "3-5 May 2025,Ann Bell,07700 900601,2025-118,8-10,£190\n"
        "3-6 May 2025,Bob Carr,07700 900602,2025-119,6-8,£200\n"))
    assert found["mapping"]["Stay"] == "date"
    assert found["mapping"]["Invoice"] != "date" and found["mapping"]["Rating"] != "date"
    assert workspace_rows(tmp_path, "SELECT date FROM events WHERE kind = 'purchase' "
                                    "ORDER BY date") == [
        ("2025-04-10",), ("2025-05-03",), ("2025-05-03",)]
    assert kind_totals(tmp_path, "purchase") == (3, 570.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_range_among_notes_is_no_date_column(tmp_path):
    """Not fired: a 'Notes' column with one range among words stays notes."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Email,Notes\nAnn Bell,ann@mail.com,away 10-14 Apr 2025\n"
        "Bob Carr,bob@mail.com,call back after lunch\n"))
    assert found["mapping"]["Notes"] != "date"
    assert not any("range of days" in note for note in found["notes"])


# --- 2. a frequency beside a payment's word -------------------------------------------------

def contracts(status: str) -> dict:
    return {"Contracts": [
        ["Customer", "Site", "Type", "Visits/yr", "Annual fee", "Start", "Renewal", "DD set up",
         "Status"],
        ["The Crown Inn", "High St", "Commercial - rodent", 8, "£960", "01/04/2024",
         "01/04/2025", "Y", "Renewed"],
        ["Patel's Bakery", "Market Sq", "Commercial - insects", 6, "£720", "01/06/2024",
         "01/06/2025", "Y", "Active"],
        ["Sunnyside Care Home", "Bath Rd", "Commercial", 12, "£1,800", "01/09/2024", None, "N",
         "Cancelled - went with Rentokil"],
        ["Mr D Fox", "22 Ash Grove", "Domestic - wasps", 1, "£65", "14/07/2024", "n/a", "N",
         status],
        ["Green Lane Farm", "Green Lane", "Agri", 4, "£600", None, None, None, "Quote sent"]]}


@pytest.mark.parametrize("status", ["One-off, paid", "one off - paid", "Paid, one-off",
                                    "Single visit paid"])
def test_a_one_off_job_paid_is_a_purchase_and_no_retention(tmp_path, status):
    """Mr Fox's wasps' nest, paid once: a purchase, not a status to map (was awareness).
    The Crown renewed (retention), Patel's and Sunnyside bought, Green Lane has a quote:
    [5, 5, 4, 1, 0] (was [5, 4, 3, 1, 0]); revenue 3,545, 600 to come."""
    found = cli_import_book(tmp_path, "contracts.xlsx", contracts(status))[0]
    assert found["unknown_stage_values"] == {}
    assert workspace_rows(tmp_path, "SELECT furthest_stage, revenue_current FROM clients "
                                    "WHERE name = 'Mr D Fox'") == [("purchase", 65.0)]
    assert cli_funnel(tmp_path) == [5, 5, 4, 1, 0]
    assert sums(tmp_path) == (3545.0, 600.0)


@pytest.mark.parametrize("status, stage, known", [
    ("One-off", None, False), ("Single", None, False), ("Annual review", None, False),
    ("Monthly - active", None, False), ("Unpaid, one-off", None, False),
    ("Regular", "retention", True), ("Renewed", "retention", True),
])
def test_a_frequency_alone_or_beside_no_payment_says_nothing_new(status, stage, known):
    """Not fired: a frequency alone, or beside a word that is no payment's ("Annual
    review" is no review left), reads as before."""
    said = read_stage_value(status)
    assert (said.stage, said.known) == (stage, known)


# --- 3. a quote on one tab, paid on another ---------------------------------------------------

ENQUIRIES = [["Date", "Name", "Event", "Event date", "Package", "Quoted", "Outcome"],
             ["02/01/2025", "Lucy Gray", "Wedding", "14/06/2025", "Magic Mirror 3hr", "£495",
              "Booked"],
             ["05/01/2025", "Nick Shaw", "50th", "08/03/2025", "Classic 2hr", "£295", "No reply"],
             ["11/01/2025", "Amy Cross", "Wedding", "23/08/2025", "Magic Mirror 3hr", "£495",
              "Booked"],
             ["20/01/2025", "Tesco Extra staff party", "Corporate", "12/12/2025", "Classic 3hr",
              "£395", "Thinking about it"]]
BOOKINGS = [["Event date", "Client", "Package", "Price", "Deposit", "Balance", "Paid in full",
             "Review"],
            ["14/06/2025", "Lucy Gray", "Magic Mirror 3hr", "£495", "£100", "£395", "Y",
             "⭐⭐⭐⭐⭐"],
            ["23/08/2025", "Amy Cross", "Magic Mirror 3hr", "£495", "£100", "£395", "N", None]]


@pytest.mark.parametrize("order", [("Enquiries", "Bookings"), ("Bookings", "Enquiries")])
def test_a_quote_paid_on_another_tab_is_no_longer_to_come(tmp_path, order):
    """Lucy paid all her 495 (nothing to come), Amy her deposit of 100 (395 of her quote to
    come), Nick and Tesco bought nothing (295 and 395 to come): 1,085 to come (was 1,680,
    the quotes as written), sales 595, in either order of the tabs. Lucy left a review:
    [4, 4, 2, 1, 1]."""
    tabs = {"Enquiries": ENQUIRIES, "Bookings": BOOKINGS}
    found = cli_import_book(tmp_path, "Booth bookings.xlsx", {t: tabs[t] for t in order})
    enquiries = next(sheet for sheet in found if sheet["sheet"] == "Enquiries")
    assert ("2 clients quoted in 'Quoted' have bought on another sheet of the workbook "
            "(595 paid): what was paid of the quote is no longer revenue to come "
            "(potential); 395 of it still is.") in enquiries["notes"]
    assert clients_money(tmp_path) == [
        ("Amy Cross", "purchase", None, 395.0), ("Lucy Gray", "advocacy", None, None),
        ("Nick Shaw", "consideration", None, 295.0),
        ("Tesco Extra staff party", "consideration", None, 395.0)]
    assert kind_totals(tmp_path, "purchase") == (2, 595.0)
    assert cli_funnel(tmp_path) == [4, 4, 2, 1, 1]


def test_a_quote_list_alone_keeps_its_quotes_to_come(tmp_path):
    """Not fired: the 'Enquiries' tab alone: every quote is to come (1,680)."""
    cli_import_book(tmp_path, "Enquiries.xlsx", {"Enquiries": ENQUIRIES})
    assert sums(tmp_path) == (None, 1680.0)


def test_a_crm_potential_beside_orders_is_no_quote(tmp_path):
    """Not fired: an account list's 'Potential' (what the account could spend) beside an
    orders tab stays as written: only a quote is taken down by what was paid."""
    cli_import_book(tmp_path, "Accounts.xlsx", {
        "Accounts": [["Account", "Potential", "Stage"], ["Acme Ltd", "£5,000", "Customer"],
                     ["Bolt plc", "£2,000", "Prospect"]],
        "Orders": [["Date", "Account", "Order", "Amount"],
                   ["02/01/2025", "Acme Ltd", "SO-1", "£1,200"]]})
    assert workspace_rows(tmp_path, "SELECT name, revenue_potential FROM clients "
                                    "ORDER BY name") == [("Acme Ltd", 5000.0),
                                                         ("Bolt plc", 2000.0)]


# --- 4. a "Balance paid" tick beside a price and a deposit -------------------------------------

def couples(deposit_header: str, balance: bool = False) -> dict:
    head = ["Client", "Wedding date", "Package", "Package price", deposit_header,
            *(["Balance"] if balance else []), "Balance paid"]
    rows = [["Amy & Ben Hart", "10/05/2025", "Full day", "£1,200", "£300", "£900", "✓"],
            ["Cara Diaz", "14/06/2025", "Half day", "£550", "£150", "£400", "✓"],
            ["Dev & Sam Rao", "02/08/2025", "Full day", "£1,200", "£300", "£900", None],
            ["Eve Moss", "20/09/2025", "Elopement", "£400", "£100", "£300", None]]
    return {"Clients": [head, *([*r[:5], *([r[5]] if balance else []), r[6]] for r in rows)]}


@pytest.mark.parametrize("deposit_header, balance", [("Deposit paid", False),
                                                     ("Deposit", False), ("Deposit", True)])
def test_a_balance_paid_tick_makes_the_whole_price_revenue(tmp_path, deposit_header, balance):
    """Amy and Ben (1,200) and Cara (550) have paid the balance too: all their price is
    revenue; Dev and Sam (300) and Eve (100) paid their deposit, the rest to come (900 and
    300). Revenue 2,150, to come 1,200, all four bought: [4, 4, 4, 0, 0] (was 850 and 2,500
    to come with 'Deposit paid', the ticks unread; 1,750 and 1,600 with a bare 'Deposit',
    the deposits unread and Dev and Eve at awareness)."""
    cli_import_book(tmp_path, "Clients 2025.xlsx", couples(deposit_header, balance))
    assert clients_money(tmp_path) == [
        ("Amy & Ben Hart", "purchase", 1200.0, None), ("Cara Diaz", "purchase", 550.0, None),
        ("Dev & Sam Rao", "purchase", 300.0, 900.0), ("Eve Moss", "purchase", 100.0, 300.0)]
    assert cli_funnel(tmp_path) == [4, 4, 4, 0, 0]


def test_a_paid_tick_beside_a_price_with_no_deposit_is_as_before(tmp_path):
    """Not fired: a 'Fee' and a 'Balance paid' tick with no deposit: an unticked client has
    paid none of it (350 to come), as before."""
    cli_import_book(tmp_path, "Ceremonies 2025.xlsx", {"Ceremonies": [
        ["Date", "Couple", "Fee", "Balance paid"],
        ["15/03/2025", "Dan & Mel Cooper", "£550", "✓"],
        ["05/04/2025", "Lisa & Kate Ward", "£350", None]]})
    assert sums(tmp_path) == (550.0, 350.0)


# --- 5. classes counted in a pass --------------------------------------------------------------

def passes(price: bool) -> dict:
    head = ["Name", "Email", "Pass", "Bought", *(["Price"] if price else []), "Total",
            "Balance"]
    rows = [["Amy Lee", "amy@mail.com", "10-class pass", "06/01/2025", "£90", 10, 4],
            ["Ben Ode", "ben@mail.com", "5-class pass", "13/01/2025", "£50", 5, 0],
            ["Cat Ng", "cat@mail.com", "10-class pass", "20/01/2025", "£90", 10, 10],
            ["Dan Ray", "dan@mail.com", "Drop-in", "27/01/2025", "£12", 1, 0]]
    return {"Passes": [head, *([*r[:4], *([r[4]] if price else []), *r[5:]] for r in rows)]}


def test_classes_in_a_pass_beside_its_price_are_no_money(tmp_path):
    """'Total' counts the classes in each pass, 'Balance' those left: the money is the
    'Price', 90 + 50 + 90 + 12 = 242, nothing to come (was 'Total' mapped as revenue too)."""
    found = cli_import_book(tmp_path, "Class passes.xlsx", passes(price=True))[0]
    assert found["mapping"]["Total"] is None and found["mapping"]["Price"] == "revenue_current"
    assert sums(tmp_path) == (242.0, None)
    assert cli_funnel(tmp_path) == [4, 4, 4, 0, 0]


def test_classes_in_a_pass_with_no_price_are_no_money(tmp_path):
    """No price on the sheet: 'Total' is the number each pass names ("10-class pass": 10),
    so it counts classes, and 'Balance' no more than it counts those left. No revenue, none
    to come (was 12 revenue and 14 to come: classes read as pounds)."""
    found = cli_import_book(tmp_path, "Class passes.xlsx", passes(price=False))[0]
    assert found["mapping"]["Total"] is None
    assert ("'Total' counts classes, sessions or credits (whole numbers with no currency, on "
            "a list of passes): kept as extra, not money") in found["explanation"]
    assert sums(tmp_path) == (None, None)


def test_a_gyms_total_in_pounds_stays_money(tmp_path):
    """Not fired: a gym's 'Total' £ paid and 'Balance' £ owed beside 'Unlimited classes':
    revenue 120 + 300 + 80 = 500, 140 to come, as before."""
    cli_import_book(tmp_path, "Members.xlsx", {"Members": [
        ["Name", "Email", "Membership", "Joined", "Total", "Balance"],
        ["Amy Lee", "amy@mail.com", "Unlimited classes", "06/01/2025", "£120", "£0"],
        ["Ben Ode", "ben@mail.com", "Annual - unlimited classes", "13/01/2025", "£400", "£100"],
        ["Cat Ng", "cat@mail.com", "8 classes a month", "20/01/2025", "£120", "£40"]]})
    assert sums(tmp_path) == (500.0, 140.0)


def test_a_tutors_total_beside_a_rate_stays_money(tmp_path):
    """Not fired: a tutor's 'Total' of plain numbers beside 'Lessons' and a 'Rate' in £: each
    total is more than the rate (lessons times it), so money: 80 + 50, 65 to come."""
    cli_import_book(tmp_path, "Pupils.xlsx", {"Pupils": [
        ["Pupil", "Parent email", "Lessons", "Rate", "Total", "Balance"],
        ["Amy Lee", "amy@mail.com", 4, "£20", 80, 0],
        ["Ben Ode", "ben@mail.com", 3, "£25", 75, 25],
        ["Cat Ng", "cat@mail.com", 2, "£20", 40, 40]]})
    assert sums(tmp_path) == (130.0, 65.0)
