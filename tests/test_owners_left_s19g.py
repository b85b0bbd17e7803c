"""What the owners' workbooks of session 19 (tests/test_owners_sheets_s19.py) left: three
kinds of sheet many owners keep. Each sheet is written here, imported through the command
line and checked against figures worked out by hand (clients; cumulative funnel:
awareness, consideration, purchase, retention, advocacy; sales and revenue); beside each
rule, sheets where it must not fire.

- A price per period or visit times a count of those paid: a gym's "Fee" and "Months
  paid" (revenue 900, was one fee each: 390), a round's "Price" and "Cleans paid"; one rule
  with the window cleaner's round marked paid each date (tests/test_owners_sheets_s18.py).
  Not a count of sessions left, classes remaining, stock or visits, nor beside a total.
- A job column whose cell says the row was a quote or an estimate ("Quote for safe",
  "Devis toiture", "Presupuesto baño", "Angebot", "Preventivo", "Offerte"), nothing paid:
  a quote given, at consideration (was awareness). A quote paid for is a sale.
- A start month ("Jan 2024", "Feb-24", "03/2025", "2024-02") in a "Joined" or "Started"
  column is the 1st of that month, a year alone its 1st of January (each said in a note);
  a day with no year ("Jan 6th", "6th Jan") takes the year the title or tab names; "Feb-24"
  beside days written "24-Feb" is a day too. Birthdays stay without a year.
"""

from __future__ import annotations

import datetime as dt

from conftest import cli_funnel, cli_import_book, kind_totals, workspace_rows
from test_owners_sheets_s19 import LOCKS

D = dt.datetime
REVENUE = "SELECT ROUND(SUM(revenue_current), 2) FROM clients"
FIRST = "SELECT name, first_contact FROM clients ORDER BY name"


# --- 1. a price per period or visit times the number paid ---------------------------------

GYM = {"Members": [
    ["Iron Works Gym - members"],
    ["Member", "Joined", "Plan", "Fee", "Months paid", "Status"],
    ["Ann Lee", "Jan 2024", "Monthly", "£30", 14, "Active"],
    ["Bob Ray", "03/2025", "Monthly", "£30", 1, "Active"],
    ["Cy Orr", "June 2024", "Annual", "£300", 1, "Active"],
    ["Di Pym", "Feb-24", "Monthly", "£30", 5, "Cancelled"],
    ["Ed Fox", "10/03/2025", "Trial", "£0", 0, "Trial - didn't join"]]}


def test_a_gyms_fee_times_the_months_paid(tmp_path):
    """Ann 14 x 30 = 420, Bob 30, Cy's annual 300 once, Di 5 x 30 = 150, Ed's trial 0: 900
    (was 390, one fee each). Ann and Di paid more than once: [5, 5, 4, 2, 0]."""
    (found,) = cli_import_book(tmp_path, "Members.xlsx", GYM, {"Members": ["A1:F1"]})
    assert ("'Fee' is the price of each of 'Months paid': each client's revenue (current) is "
            "'Fee' times 'Months paid' (900 in all; 2 clients paid more than one)."
            ) in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients ORDER BY name"
                          ) == [("Ann Lee", 420.0), ("Bob Ray", 30.0), ("Cy Orr", 300.0),
                                ("Di Pym", 150.0), ("Ed Fox", 0.0)]
    assert cli_funnel(tmp_path) == [5, 5, 4, 2, 0]


def test_a_rounds_price_times_the_cleans_paid(tmp_path):
    """A window cleaner's round kept as a count: Mrs Lowe 3 x 15, Mr Bain 2 x 20: 85, both
    repeat customers: [2, 2, 2, 2, 0]."""
    cli_import_book(tmp_path, "round.xlsx", {"Round": [
        ["Name", "Price", "Cleans paid"], ["Mrs Lowe", "£15", 3], ["Mr Bain", "£20", 2]]})
    assert workspace_rows(tmp_path, REVENUE) == [(85.0,)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 2, 0]


def test_a_monthly_fee_and_no_of_months_paid(tmp_path):
    """'Monthly fee' 45 x 'No. of months paid' 4 = 180, and 45 x 2 = 90: 270."""
    cli_import_book(tmp_path, "members.xlsx", {"Members": [
        ["Member", "Monthly fee", "No. of months paid"], ["Ann Lee", "£45", 4],
        ["Bob Ray", "£45", 2]]})
    assert workspace_rows(tmp_path, REVENUE) == [(270.0,)]


def test_sessions_left_beside_a_price_are_not_paid_periods(tmp_path):
    """A PT pack's 'Sessions left': the price stays each client's revenue, 350 + 190."""
    (found,) = cli_import_book(tmp_path, "pt.xlsx", {"PT clients": [
        ["Client", "Pack", "Price", "Sessions left"], ["Kim Ashby", "10 sessions", "£350", 3],
        ["Leo Barnes", "5 sessions", "£190", 5]]})
    assert found["mapping"]["Sessions left"] is None
    assert workspace_rows(tmp_path, REVENUE) == [(540.0,)]


def test_classes_remaining_beside_a_fee_are_not_paid_periods(tmp_path):
    """'Classes remaining' 4 and 2 beside a 60 fee: 60 each, 120."""
    cli_import_book(tmp_path, "members.xlsx", {"Members": [
        ["Member", "Fee", "Classes remaining"], ["Ann Lee", "£60", 4], ["Bob Ray", "£60", 2]]})
    assert workspace_rows(tmp_path, REVENUE) == [(120.0,)]


def test_stock_beside_a_price_is_no_client_list(tmp_path):
    """A price list with 'Qty in stock': no clients, no revenue."""
    (found,) = cli_import_book(tmp_path, "stock.xlsx", {"Products": [
        ["Product", "Price", "Qty in stock"], ["Candle", "£12", 40], ["Soap", "£5", 100]]})
    assert found["kind"] == "reference"
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(0,)]


def test_visits_beside_a_fee_are_not_months_paid(tmp_path):
    """A gym's 'Visits' (14, 3) count comings, not payments: the fee stays, 30 + 30 (both
    repeat visitors: [2, 2, 2, 2, 0], as before)."""
    cli_import_book(tmp_path, "members.xlsx", {"Members": [
        ["Member", "Fee", "Visits"], ["Ann Lee", "£30", 14], ["Bob Ray", "£30", 3]]})
    assert workspace_rows(tmp_path, REVENUE) == [(60.0,)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 2, 0]


def test_a_total_paid_beside_months_paid_is_not_multiplied(tmp_path):
    """'Total paid' is already the months together: 420 + 30 = 450."""
    (found,) = cli_import_book(tmp_path, "members.xlsx", {"Members": [
        ["Member", "Total paid", "Months paid"], ["Ann Lee", "£420", 14], ["Bob Ray", "£30", 1]]})
    assert not any("times 'Months paid'" in note for note in found["notes"])
    assert workspace_rows(tmp_path, REVENUE) == [(450.0,)]


# --- 2. a quote written in the job column -----------------------------------------------



def test_a_locksmiths_quote_in_the_job_column_is_consideration(tmp_path):
    """Ruth 80, Sam 75, Acme 105 + 150: 4 sales of 410; Una asked for a quote for a safe
    and paid nothing: consideration, [4, 4, 3, 1, 0] (was awareness: [4, 3, 3, 1, 0])."""
    (found,) = cli_import_book(tmp_path, "Call outs 2025.xlsx", LOCKS,
                               {"Call-outs": ["A1:G1"]})
    assert ("1 row that 'Job' calls a quote or an estimate ('Quote for safe'), with nothing "
            "paid, was read as a contact at consideration (a price was given), not a sale."
            ) in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (4, 410.0)
    assert workspace_rows(tmp_path, "SELECT furthest_stage FROM clients WHERE name = "
                                    "'Una Vale'") == [("consideration",)]
    assert cli_funnel(tmp_path) == [4, 4, 3, 1, 0]


def test_quotes_in_french_spanish_german_italian_and_dutch(tmp_path):
    """'Devis toiture', 'Presupuesto baño', 'Angebot Badsanierung', 'Preventivo cucina',
    'Offerte dakgoot', nothing paid: five at consideration; Paul's repair paid (120):
    6 clients, 1 sale of 120, [6, 6, 1, 0, 0]."""
    cli_import_book(tmp_path, "chantiers.xlsx", {"Jobs": [
        ["Date", "Client", "Job", "Total", "Paid"],
        [D(2025, 1, 4), "Marie Roux", "Devis toiture", None, None],
        [D(2025, 1, 9), "Paul Blanc", "Réparation fuite", 120, "Y"],
        [D(2025, 2, 9), "Ana Ruiz", "Presupuesto baño", None, None],
        [D(2025, 2, 10), "Jan Vogel", "Angebot Badsanierung", None, None],
        [D(2025, 2, 11), "Gia Conti", "Preventivo cucina", None, None],
        [D(2025, 2, 12), "Piet Smit", "Offerte dakgoot", None, None]]})
    assert kind_totals(tmp_path, "purchase") == (1, 120.0)
    assert cli_funnel(tmp_path) == [6, 6, 1, 0, 0]


def test_a_quote_paid_for_is_a_sale(tmp_path):
    """'Quote for safe - fitted', paid by card (250), and a snapped key in cash (75): two
    sales of 325, [2, 2, 2, 0, 0]."""
    (found,) = cli_import_book(tmp_path, "jobs.xlsx", {"Jobs": [
        ["Date", "Customer", "Job", "Total", "Paid by"],
        [D(2025, 1, 4), "Ruth Moss", "Quote for safe - fitted", "£250", "Card"],
        [D(2025, 1, 9), "Sam Tate", "Snapped key", "£75", "Cash"]]})
    assert not any("calls a quote" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 325.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_job_done_as_quoted_and_not_paid_is_no_quote_given(tmp_path):
    """'New lock fitted as quoted', not paid: a job done, not a quote: Sam stays a contact
    at awareness beside Ruth's sale, [2, 1, 1, 0, 0]."""
    cli_import_book(tmp_path, "jobs.xlsx", {"Jobs": [
        ["Date", "Customer", "Job", "Total", "Paid by"],
        [D(2025, 1, 4), "Ruth Moss", "Locked out", "£80", "Card"],
        [D(2025, 1, 9), "Sam Tate", "New lock fitted as quoted", "£95", None]]})
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


# --- 3. month-year and ordinal dates ----------------------------------------------------

def test_a_gyms_joined_month_and_year_is_the_first_of_the_month(tmp_path):
    """'Jan 2024' 1 Jan 2024, '03/2025' 1 Mar 2025, 'June 2024' 1 Jun 2024, 'Feb-24' 1 Feb
    2024; '10/03/2025' a whole day (10 March, day first). Was: the column kept as extra."""
    (found,) = cli_import_book(tmp_path, "Members.xlsx", GYM, {"Members": ["A1:F1"]})
    assert found["mapping"]["Joined"] == "first_contact"
    assert ("4 dates in 'Joined' written as a month and a year (Jan 2024, 03/2025) were read "
            "as the 1st of that month.") in found["notes"]
    assert workspace_rows(tmp_path, FIRST) == [
        ("Ann Lee", "2024-01-01"), ("Bob Ray", "2025-03-01"), ("Cy Orr", "2024-06-01"),
        ("Di Pym", "2024-02-01"), ("Ed Fox", "2025-03-10")]


def test_a_year_alone_beside_start_months_is_its_first_of_january(tmp_path):
    """A loyalty card list's 'Joined': 'Mar-23', 'Apr-23', '2023', 'Jan-25' (the year alone
    is no Excel day 2023, 15 July 1905)."""
    (found,) = cli_import_book(tmp_path, "cards.xlsx", {"Loyalty cards": [
        ["Card no", "Name", "Joined", "Spend to date"],
        [1001, "Mrs P Grey", "Mar-23", "£612.40"], [1002, "Tom Hardy", "Apr-23", "£18.99"],
        [1003, "Jan & Bill Cox", "2023", "£240"], [1004, "Vera Lamb", "Jan-25", "£0.00"]]})
    assert ("3 dates in 'Joined' written as a month and a year (Mar-23, Apr-23) were read as "
            "the 1st of that month; 1 year written alone (2023) as its 1st of January."
            ) in found["notes"]
    assert workspace_rows(tmp_path, FIRST) == [
        ("Jan & Bill Cox", "2023-01-01"), ("Mrs P Grey", "2023-03-01"),
        ("Tom Hardy", "2023-04-01"), ("Vera Lamb", "2025-01-01")]


def test_a_month_column_of_a_sales_list_is_no_start(tmp_path):
    """'Month' ('Jan 2024') names the period of each line, not when a client started: not
    read as a start month."""
    (found,) = cli_import_book(tmp_path, "sales.xlsx", {"Sales": [
        ["Month", "Client", "Amount"], ["Jan 2024", "Ann Lee", 30], ["Feb 2024", "Bob Ray", 40]]})
    assert not any("1st of that month" in note for note in found["notes"])


PT = {"PT clients": [
    ["FIT WITH JO - PT CLIENTS 2025"],
    ["Client", "Pack", "Price", "Started", "Sessions used", "Renewed?", "Notes"],
    ["Kim Ashby", "10 sessions", "£350", "Jan 6th", "10/10", "Y", "renewed Mar"],
    ["Leo Barnes", "5 sessions", "£190", "13th Jan", "3/5", "N", None],
    ["Mo Clarke", "Taster", "FREE", "January 20th 2025", "1/1", "N", "didn't sign up"],
    ["Nia Dale", "10 sessions", "£350", "Feb 3rd", "6/10", "N", "referred by Kim"]]}


def test_ordinal_days_take_the_year_the_title_names(tmp_path):
    """'Jan 6th', '13th Jan', 'Feb 3rd' in 2025 (the title's year), 'January 20th 2025' as
    written; the figures as before: 890, [4, 4, 3, 1, 0]."""
    (found,) = cli_import_book(tmp_path, "PT clients.xlsx", PT, {"PT clients": ["A1:G1"]})
    assert ("3 dates in 'Started' written without a year (Jan 6th, 13th Jan) were read in "
            "2025, the year the sheet's title names ('FIT WITH JO - PT CLIENTS 2025')."
            ) in found["notes"]
    assert workspace_rows(tmp_path, FIRST) == [
        ("Kim Ashby", "2025-01-06"), ("Leo Barnes", "2025-01-13"),
        ("Mo Clarke", "2025-01-20"), ("Nia Dale", "2025-02-03")]
    assert workspace_rows(tmp_path, REVENUE) == [(890.0,)]
    assert cli_funnel(tmp_path) == [4, 4, 3, 1, 0]


def test_ordinal_days_with_no_year_anywhere_stay_unread(tmp_path):
    """With no year in the title, the tab or the cells, 'Jan 6th' is no day of a known
    year: the column is kept as extra, no date made up."""
    (found,) = cli_import_book(tmp_path, "PT clients.xlsx", {"PT clients": [
        ["Client", "Price", "Started"], ["Kim Ashby", "£350", "Jan 6th"],
        ["Leo Barnes", "£190", "6th Jan"]]})
    assert found["mapping"]["Started"] is None
    assert workspace_rows(tmp_path, "SELECT COUNT(first_contact) FROM clients") == [(0,)]


def test_birthdays_on_a_sheet_naming_a_year_stay_without_one(tmp_path):
    """'3 Mar' under 'Birthday' on 'Clients 2025' is every year's 3 March: not read in
    2025 (it was, as an extra), nor as a start month beside 'Member since'."""
    (found,) = cli_import_book(tmp_path, "clients.xlsx", {"Clients 2025": [
        ["Client", "Birthday", "Member since", "Spend"],
        ["Ann Lee", "3 Mar", "Jan 2024", "£40"], ["Bob Ray", "Jan 6th", "Mar-23", "£30"]]})
    assert not any("in 'Birthday'" in note for note in found["notes"])
    assert workspace_rows(tmp_path, FIRST) == [("Ann Lee", "2024-01-01"),
                                               ("Bob Ray", "2023-03-01")]


def test_feb_24_beside_days_written_24_feb_is_a_day(tmp_path):
    """A 'February 2024' tab of days written '22-Feb', '23-Feb', 'Feb-24', '26-Feb': each a
    day of February 2024, 'Feb-24' the 24th (not the month of February 2024)."""
    (found,) = cli_import_book(tmp_path, "feb.xlsx", {"February 2024": [
        ["Date", "Client", "Price"], ["22-Feb", "Ann Lee", "£30"], ["23-Feb", "Bob Ray", "£40"],
        ["Feb-24", "Cat Fox", "£50"], ["26-Feb", "Ann Lee", "£30"]]})
    assert ("4 dates in 'Date' written without a year (22-Feb, 23-Feb) were read in 2024, "
            "the year the sheet's name names ('February 2024').") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT date FROM events ORDER BY date") == [
        ("2024-02-22",), ("2024-02-23",), ("2024-02-24",), ("2024-02-26",)]


def test_feb_24_beside_24_feb_with_no_year_is_not_a_start_month(tmp_path):
    """'Joined' holding '24-Feb', 'Feb-24', '12-Mar' and no year named: days of an unknown
    year, so 'Feb-24' is no February 2024 either; the column stays extra."""
    (found,) = cli_import_book(tmp_path, "members.xlsx", {"Members": [
        ["Member", "Joined", "Fee"], ["Ann Lee", "24-Feb", "£30"], ["Bob Ray", "Feb-24", "£30"],
        ["Cat Fox", "12-Mar", "£30"]]})
    assert found["mapping"]["Joined"] is None
    assert not any("1st of that month" in note for note in found["notes"])
