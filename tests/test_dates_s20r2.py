"""Dates read wrong on owners' sheets and exports (session 20, R2). Each sheet goes through
the command line and is checked against figures worked out by hand; beside each, where it
matters, a sheet where the rule must not fire.

- SamCart's orders ("05/01/2024 10:02 AM"): a column whose every cell reads either way is
  read by the workspace's setting (day first) and the import says so; "AM"/"PM" and "$"
  settle nothing (Australian, Indian and Philippine exports write day first with both).
  One cell with a second part over 12 (05/13/2024) settles the whole column month first,
  and one with a first part over 12 (13/05/2024) day first, AM/PM or not.
- A piano tuner's client list (Client, Address, Last tuning, Next due, Fee): 'Last tuning'
  is when the client was last seen, their last contact, never their first; 'Next due' is
  still to come: no contact at all, kept as written. The same in other trades and tongues
  ('Last service', 'Último servicio', 'Dernière visite', 'Letzter Termin', ...).
- Bookeo's bookings: by DESIGN.md's stage model the sale is the day the booking was made
  and paid for ("Creation time"), not the activity's later "Start time" (kept beside it),
  whichever of the two columns comes first; with only a start time, that day is the sale's.
- Days without a year ("Jan 6th") where neither the sheet nor its name gives one: kept as
  written, unread, the note says so plainly, and the clients and their sales still count.
"""

from __future__ import annotations

import pytest
from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows
from test_sweep_s18s import BOOKEO
from test_sweep_s19b import SAMCART_ORDERS

MONTHS = ("SELECT substr(date, 1, 7), ROUND(SUM(amount), 2) FROM events "
          "WHERE kind = 'purchase' GROUP BY 1 ORDER BY 1")
EITHER_WAY = "read either way"


# --- 1. SamCart's orders: month first only where the column proves it ----------------------

def test_samcart_dates_that_read_either_way_follow_the_setting_and_say_so(tmp_path):
    """Every 'Order Date' reads either way (05/01 .. 05/03, none over 12): the workspace's
    setting reads them day first, 5 January to 5 March, and the note says so. AM/PM and '$'
    are no proof of a US export. Sales by month: January Ann 97 + Bo 97 (refunded later,
    still a sale) = 194, February Cy 49, March Ann 49: 4 sales of 292, [4, 3, 3, 1, 0]."""
    found = cli_import_text(tmp_path, "orders.csv", SAMCART_ORDERS)
    assert ("Dates in 'Order Date' such as 05/01/2024 10:02 AM read either way, and none "
            "settles it: they were read day first, as the workspace's setting for dates like "
            "03/04 says; change it there and import again if that is wrong.") in found["notes"]
    assert workspace_rows(tmp_path, MONTHS) == [
        ("2024-01", 194.0), ("2024-02", 49.0), ("2024-03", 49.0)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_one_samcart_date_past_the_twelfth_settles_the_column_month_first(tmp_path):
    """Ed's 05/13/2024 can only be 13 May: the whole column is month first, every order in
    May 2024: 97 + 97 + 49 + 49 + 97 = 389 from 5 sales; Ann's 1 and 3 May: a repeat.
    Clients Ann, Bo, Cy, Di (failed: a contact), Ed: [5, 4, 4, 1, 0]; no note of doubt."""
    found = cli_import_text(tmp_path, "orders.csv", SAMCART_ORDERS + (
        "100236,05/13/2024 09:00 AM,Ed,Fox,ed@example.com,Bread Course,$97.00,Charged,"
        "Stripe,\n"))
    assert not any(EITHER_WAY in note for note in found["notes"])
    assert workspace_rows(tmp_path, MONTHS) == [("2024-05", 389.0)]
    assert workspace_rows(tmp_path, "SELECT date FROM events WHERE kind = 'purchase' AND "
                                    "client_id = 'ann@example.com' ORDER BY date") == [
        ("2024-05-01 10:02:00",), ("2024-05-03 16:20:00",)]
    assert cli_funnel(tmp_path) == [5, 4, 4, 1, 0]


def test_am_pm_and_dollars_do_not_turn_a_day_first_column(tmp_path):
    """The same orders with Ed's 13/05/2024: day first, AM/PM and '$' notwithstanding:
    January 194, February 49, March 49, May 97."""
    cli_import_text(tmp_path, "orders.csv", SAMCART_ORDERS + (
        "100236,13/05/2024 09:00 AM,Ed,Fox,ed@example.com,Bread Course,$97.00,Charged,"
        "Stripe,\n"))
    assert workspace_rows(tmp_path, MONTHS) == [
        ("2024-01", 194.0), ("2024-02", 49.0), ("2024-03", 49.0), ("2024-05", 97.0)]


# --- 2. a piano tuner's 'Last tuning' and 'Next due' ---------------------------------------

TUNER = (
    "Client,Address,Last tuning,Next due,Fee\n"
    'Mrs Atkins,"4 Mill Lane, Leek",14/02/2025,14/02/2026,75\n'
    'St Mary\'s Church,"Church St, Buxton",21/03/2025,21/09/2025,95\n'
    'Mr Cho,"9 High St, Leek",,,\n'
    'Mrs Dunn,"2 Bridge Rd, Bakewell",01/04/2025,01/04/2026,70\n')
CONTACTS = "SELECT name, first_contact, last_contact FROM clients ORDER BY name"


def test_a_last_tuning_is_the_last_contact_and_next_due_no_contact(tmp_path):
    """14/02 settles day first. 'Last tuning' is each client's last contact (was read as
    their first contact): Mrs Atkins 14 Feb, St Mary's 21 Mar, Mrs Dunn 1 Apr 2025, no
    first contact known; 'Next due' kept as written. Fees 75 + 95 + 70 = 240 from the
    three who paid, Mr Cho not yet: [4, 3, 3, 0, 0], as before."""
    found = cli_import_text(tmp_path, "tuning.csv", TUNER)
    assert found["mapping"]["Last tuning"] == "last_contact"
    assert found["mapping"]["Next due"] is None
    assert "'Last tuning' holds dates: read as the last contact" in found["explanation"]
    assert workspace_rows(tmp_path, CONTACTS) == [
        ("Mr Cho", None, None), ("Mrs Atkins", None, "2025-02-14"),
        ("Mrs Dunn", None, "2025-04-01"), ("St Mary's Church", None, "2025-03-21")]
    assert workspace_rows(tmp_path, "SELECT json_extract(extra, '$.\"Next due\"') FROM clients "
                                    "WHERE name = 'Mrs Atkins'") == [("14/02/2026",)]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(240.0,)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


@pytest.mark.parametrize("header", ["Last service", "Last serviced", "Most recent visit",
                                    "Último servicio", "Dernière visite", "Dernière intervention",
                                    "Letzter Termin", "Letzte Wartung", "Laatste onderhoud"])
def test_a_last_visit_in_other_trades_is_the_last_contact(tmp_path, header):
    """A boiler engineer's, a salon's, a garage's 'last ...' date: the last contact."""
    found = cli_import_text(tmp_path, "clients.csv", (
        f"Client,{header},Fee\nAnn Lee,14/02/2025,60\nBob Ray,03/01/2025,80\n"))
    assert found["mapping"][header] == "last_contact"
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE first_contact IS NULL "
                                    "AND last_contact IS NOT NULL") == [(2,)]


def test_a_next_due_alone_is_no_contact_and_a_first_visit_stays_first(tmp_path):
    """Must not fire: 'Next due' alone is a reminder, no contact (it was read as the first
    contact); a 'First visit' stays the first contact; a name's 'Last name' stays a name."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Next due,Fee\nAnn Lee,14/02/2026,75\nBob Ray,21/03/2026,95\n"))
    assert found["mapping"]["Next due"] is None
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE first_contact IS NULL "
                                    "AND last_contact IS NULL") == [(2,)]
    found = cli_import_text(tmp_path, "more.csv", (
        "First name,Last name,First visit,Fee\nCy,Tan,14/02/2025,75\nDi,Woo,21/03/2025,95\n"))
    assert found["mapping"] == {"First name": "name", "Last name": "name",
                                "First visit": "first_contact", "Fee": "revenue_current"}


def test_a_log_of_services_keeps_its_dates_as_the_visits(tmp_path):
    """Must not fire: a log (Ann twice) headed 'Last service' is dated by it, each row a
    visit: Ann 60 on 14 Feb and 60 on 3 Mar, Bob 80: 3 sales of 200, Ann a repeat."""
    found = cli_import_text(tmp_path, "services.csv", (
        "Client,Last service,Service,Price\nAnn Lee,14/02/2025,Boiler service,60\n"
        "Bob Ray,20/02/2025,Boiler service,80\nAnn Lee,03/03/2025,Boiler service,60\n"))
    assert found["kind"] == "events" and found["mapping"]["Last service"] == "date"
    assert kind_totals(tmp_path, "purchase") == (3, 200.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]



def test_an_invoice_lists_due_date_alone_dates_its_invoices(tmp_path):
    """Must not fire on events: an invoice list whose only date is 'Due date' is dated by it
    (E's review: since R2 the invoices had no date, so Ann's two paid invoices, 1 Mar and
    1 Apr, were no repeat): 2 sales of 150, Bob's unpaid invoice a contact; [2,1,1,1,0]."""
    found = cli_import_text(tmp_path, "invoices.csv", (
        "Invoice #,Client,Amount,Due date,Status\nINV-1,Ann Lee,100,2024-03-01,Paid\n"
        "INV-2,Bob Ray,200,2024-03-15,Unpaid\nINV-3,Ann Lee,50,2024-04-01,Paid\n"))
    assert found["kind"] == "events" and found["mapping"]["Due date"] == "date"
    assert workspace_rows(tmp_path, "SELECT kind, date, amount FROM events ORDER BY id") == [
        ("purchase", "2024-03-01", 100.0), ("contact", "2024-03-15", 200.0),
        ("purchase", "2024-04-01", 50.0)]
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]


# --- 3. Bookeo: the day booked and paid for, not the day of the activity --------------------

BOOKED = "SELECT date, kind, amount FROM events ORDER BY date"


def test_a_bookeo_booking_is_a_sale_on_the_day_it_was_booked(tmp_path):
    """Fixes the reading DESIGN.md asks for: Leo paid 96 on 2 May (for 18 May) and 48 on
    10 May (for 1 June), Maya a deposit of 24 on 3 May; Neil's cancelled booking of 4 May:
    3 sales of 168, each activity's 'Start time' kept beside it."""
    cli_import_text(tmp_path, "bookings.csv", BOOKEO)
    assert workspace_rows(tmp_path, BOOKED) == [
        ("2024-05-02 09:12:00", "purchase", 96.0), ("2024-05-03 15:30:00", "purchase", 24.0),
        ("2024-05-04 11:00:00", "cancellation", 120.0),
        ("2024-05-10 18:45:00", "purchase", 48.0)]
    assert workspace_rows(tmp_path, "SELECT json_extract(extra, '$.\"Start time\"') FROM events "
                                    "WHERE amount = 96") == [("18/05/2024 10:00",)]


def test_a_start_time_before_the_creation_time_does_not_date_the_sale(tmp_path):
    """The same bookings with 'Start time' before 'Creation time' (they were dated 18 May
    and 1 June, the activities): 2 May and 10 May, as above."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        "Booking number,Start time,Creation time,Product,Customer,Customer email,Total paid,"
        "Status\n"
        "1240506123,18/05/2024 10:00,02/05/2024 09:12,Escape Room,Leo Grant,leo@x.com,"
        "£96.00,Confirmed\n"
        "1240506126,01/06/2024 16:00,10/05/2024 18:45,Lab 13,Leo Grant,leo@x.com,£48.00,"
        "Confirmed\n"))
    assert found["mapping"]["Creation time"] == "date"
    assert workspace_rows(tmp_path, BOOKED) == [
        ("2024-05-02 09:12:00", "purchase", 96.0), ("2024-05-10 18:45:00", "purchase", 48.0)]


def test_with_only_a_start_time_that_day_dates_the_sale(tmp_path):
    """Must not fire: with no day of booking written, the activity's day is the only one:
    96 on 18 May, 48 on 1 June."""
    cli_import_text(tmp_path, "bookings.csv", (
        "Booking number,Start time,Product,Customer,Customer email,Total paid,Status\n"
        "1240506123,18/05/2024 10:00,Escape Room,Leo Grant,leo@x.com,£96.00,Confirmed\n"
        "1240506126,01/06/2024 16:00,Lab 13,Leo Grant,leo@x.com,£48.00,Confirmed\n"))
    assert workspace_rows(tmp_path, BOOKED) == [
        ("2024-05-18 10:00:00", "purchase", 96.0), ("2024-06-01 16:00:00", "purchase", 48.0)]


# --- 4. a day without a year anywhere --------------------------------------------------------

def _salon(tab: str) -> dict[str, list[list]]:
    return {tab: [["Client", "Date", "Service", "Paid"], ["Ann Lee", "Jan 6th", "Cut", 40],
                  ["Bob Ray", "Jan 13th", "Colour", 85], ["Ann Lee", "Feb 3rd", "Cut", 40]]}


def test_days_without_a_year_anywhere_stay_unread_and_say_so(tmp_path):
    """Nothing names the year: the three days are kept as written, unread, and the note
    says so in so many words; Ann and Bob still count, with their 3 sales of 40 + 85 + 40
    = 165; Ann's second sale has no date to be a repeat by: [2, 2, 2, 0, 0]."""
    (found,) = cli_import_book(tmp_path, "salon.xlsx", _salon("Bookings"))
    assert ("3 dates in 'Date' (Jan 6th, Jan 13th) give no year, and nothing on the sheet or "
            "in its name says which: they were kept as written, not read as dates (add the "
            "year to them, or to the sheet's name, and import again).") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]
    assert kind_totals(tmp_path, "purchase") == (3, 165.0)
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE date IS NULL AND "
                                    "json_extract(extra, '$.Date') IS NOT NULL") == [(3,)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


def test_a_year_in_the_tab_name_reads_them_and_no_such_note(tmp_path):
    """Must not fire: the tab 'Bookings 2025' gives the year: 6 and 13 January, 3 February
    2025; Ann's second visit a repeat: [2, 2, 2, 1, 0]."""
    (found,) = cli_import_book(tmp_path, "salon.xlsx", _salon("Bookings 2025"))
    assert not any("give no year" in note for note in found["notes"])
    assert workspace_rows(tmp_path, MONTHS) == [("2025-01", 125.0), ("2025-02", 40.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]
