"""Misreadings session 20's review E found and left alone (session 21, A). Each sheet goes
through the command line and is checked against figures worked out by hand before
importing; beside each, a sheet where the rule must not fire.

- 'First' and 'Last' headers (and 'First'/'Surname', 'Given'/'Family') are a client's name
  in two parts; 'First visit', 'Last order' and a 'First'/'Last' of dates beside a 'Name'
  are not.
- A hotel's or a B&B's bookings with 'Booked on', 'Check-in' and 'Cancelled on': a
  cancellation is dated on the day it was cancelled (was the day booked); the bookings
  not cancelled keep their 'Booked on' day.
- A ticket list's 'Via' naming the courier (Royal Mail, DPD) is no channel, and its 'Group'
  of customer groups (VIP, Wholesale) no department: kept as extras. A 'Via' of Email,
  Phone call, Web Widget and a 'Group' of teams (Support, Returns) still are.
- A handyman's jobs kept as a client list, 'Status' Open / In progress: "Open" beside "In
  progress" is a job not done yet, not an Active paying client (was purchase); a client
  list's Open beside Closed on paying clients still reads as before.
- A shop's returns log (Order, Customer, Item, Reason, Status Refunded / Exchanged, Amount)
  is refunds (with their amounts) and exchanges (no money back), no sale; an order list
  with Paid and Refunded is still sales with their refunds.
- A holiday-rental reservations export (Airbnb's, Booking.com's, Vrbo's): a cancelled stay
  is a cancellation (no money), a past, current or confirmed one a purchase of what the
  host earns, dated when booked; a guest who stayed twice is retention. A hotel's own
  bookings sheet with no reservation code and no stay's end is not one.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


# --- a name in two one-word parts ------------------------------------------------------------

def test_first_and_last_headers_are_a_name_in_two_parts(tmp_path):
    """'First' Ann + 'Last' Lee is Ann Lee (was no name at all: 'First' and 'Last' were
    extras). Ann (120) and Bob (80) bought, Cara did not: [3, 2, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "First,Last,Email,Amount\n"
        "Ann,Lee,ann@example.com,120\n"
        "Bob,Stone,bob@example.com,80\n"
        "Cara,Wu,cara@example.com,\n"))
    assert found["mapping"]["First"] == found["mapping"]["Last"] == "name"
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bob Stone",), ("Cara Wu",)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_first_beside_surname_and_given_beside_family_are_names(tmp_path):
    """'First' + 'Surname' gave 'Lee' alone (the surname was the name); 'Given' + 'Family'
    gave none. Both now Ann Lee and Bob Stone."""
    for number, (first, last) in enumerate((("First", "Surname"), ("Given", "Family"))):
        place = tmp_path / str(number)
        place.mkdir()
        cli_import_text(place, "people.csv", (
            f"{first},{last},Phone\nAnn,Lee,07700 900111\nBob,Stone,07700 900222\n"))
        assert workspace_rows(place, "SELECT name FROM clients ORDER BY name") == [
            ("Ann Lee",), ("Bob Stone",)]


def test_first_and_last_dates_beside_a_name_stay_dates(tmp_path):
    """Must not fire: beside 'Name', a bare 'First' and 'Last' holding days are the first
    and last contact; 'First visit', 'Last visit' and 'Last order' are dates as before."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Name,Email,First,Last\n"
        "Ann Lee,ann@example.com,2024-01-05,2024-03-01\n"
        "Bob Stone,bob@example.com,2024-02-01,2024-02-10\n"))
    assert found["mapping"] == {"Name": "name", "Email": "email", "First": "first_contact",
                                "Last": "last_contact"}
    place = tmp_path / "visits"
    place.mkdir()
    found = cli_import_text(place, "clients.csv", (
        "Name,Email,First visit,Last visit,Last order\n"
        "Ann Lee,ann@example.com,2024-01-05,2024-03-01,2024-02-20\n"))
    assert found["mapping"]["First visit"] == "first_contact"
    assert found["mapping"]["Last visit"] == "last_contact"
    assert workspace_rows(place, "SELECT name, first_contact FROM clients") == [
        ("Ann Lee", "2024-01-05")]


# --- a cancellation dated on the day it was cancelled --------------------------------------

def test_a_hotel_cancellation_is_dated_on_cancelled_on(tmp_path):
    """Bo booked on 20 May and cancelled on 25 May: the cancellation (90) is dated 25 May
    (was 20 May, the booking day). Must not fire on Ann's and Cy's bookings, blank in
    'Cancelled on': dated on 'Booked on' (1 May, 2 June), never on 'Check-in'. Funnel
    unchanged, [3, 2, 0, 0, 0]: Ann and Cy confirmed with nothing paid (consideration)."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        "Booking ref,Guest,Email,Check-in,Check-out,Booked on,Cancelled on,Status,Total\n"
        "B1,Ann Lee,ann@x.com,2025-06-10,2025-06-12,2025-05-01,,Confirmed,240\n"
        "B2,Bo Chan,bo@y.com,2025-06-15,2025-06-16,2025-05-20,2025-05-25,Cancelled,90\n"
        "B3,Cy Diaz,cy@z.com,2025-07-01,2025-07-04,2025-06-02,,Confirmed,600\n"))
    assert ("1 row with a day in 'Cancelled on' was read as a cancellation, not a sale, "
            "dated on that day.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT date, kind, amount FROM events ORDER BY date") == [
        ("2025-05-01", "contact", 240.0), ("2025-05-25", "cancellation", 90.0),
        ("2025-06-02", "contact", 600.0)]
    assert cli_funnel(tmp_path) == [3, 2, 0, 0, 0]


# --- a ticket list's 'Via' and 'Group' by their values ---------------------------------------

def test_a_couriers_via_and_a_customer_group_are_no_channel_or_department(tmp_path):
    """'Via' Royal Mail/DPD is how the parcel went, 'Group' VIP/Wholesale the customer's
    group: both kept as extras (were the tickets' channel and department). 2 tickets, both
    complaints (parcel damaged, never arrived) of 2 requesters: [2, 0, 0, 0, 0]."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "Ticket #,Date,Customer,Email,Order number,Subject,Via,Group,Status\n"
        "T-1,2025-03-01,Ann Lee,ann@x.com,1001,Parcel damaged,Royal Mail,VIP,Open\n"
        "T-2,2025-03-02,Bo Chan,bo@y.com,1002,Never arrived,DPD,Wholesale,Closed\n"))
    assert found["recognised_as"] == "ticket_list"
    assert found["mapping"]["Via"] is None and found["mapping"]["Group"] is None
    assert workspace_rows(tmp_path, "SELECT kind, channel, department FROM events "
                                    "ORDER BY date") == [("complaint", None, None)] * 2
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


def test_a_via_of_ways_in_and_a_group_of_teams_stay_channel_and_department(tmp_path):
    """Must not fire: 'Via' Email, 'Phone call (inbound)', 'Web Widget' are the channels and
    'Group' Support, Returns, Support the departments, on a help desk's export."""
    found = cli_import_text(tmp_path, "tickets.csv", (
        "Id,Requester,Requester email,Subject,Status,Via,Group,Created at\n"
        "1,Ann Lee,ann@x.com,Parcel damaged,open,Email,Support,2025-03-01\n"
        "2,Bo Chan,bo@y.com,Never arrived,solved,Phone call (inbound),Returns,2025-03-02\n"
        "3,Cy Diaz,cy@z.com,Wrong size,solved,Web Widget,Support,2025-03-03\n"))
    assert found["mapping"]["Via"] == "channel" and found["mapping"]["Group"] == "department"
    assert workspace_rows(tmp_path, "SELECT channel, department FROM events ORDER BY date") == [
        ("Email", "Support"), ("Phone call (inbound)", "Returns"), ("Web Widget", "Support")]


# --- a job's Open beside In progress --------------------------------------------------------

def test_open_jobs_beside_in_progress_are_no_paying_clients(tmp_path):
    """By the stage model: 'Open' is no stage alias and says no purchase; beside 'In
    progress' (a job's state, the alias consideration) it is a job not done yet, not the
    client's Active. Ann and Cy (Open) are awareness, Bo (In progress) consideration, no
    money anywhere: [3, 1, 0, 0, 0] (was [3, 3, 2, 0, 0]: Open read as Active on a list of
    paying clients, 'Customer' saying so)."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "ID,Customer,Address,Issue,Status,Date reported\n"
        "1,Ann Lee,1 High St,Broken window,Open,2025-04-02\n"
        "2,Bo Chan,2 Low Rd,Leaking tap,In progress,2025-04-03\n"
        "3,Cy Diaz,3 Mid Ln,Faulty light switch,Open,2025-04-05\n"))
    assert found["kind"] == "clients"
    assert not any("Active or Inactive" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name"
                          ) == [("Ann Lee", "awareness"), ("Bo Chan", "consideration"),
                                ("Cy Diaz", "awareness")]
    assert cli_funnel(tmp_path) == [3, 1, 0, 0, 0]


def test_open_beside_closed_on_paying_clients_is_still_active(tmp_path):
    """Must not fire: no 'In progress' in the column, so 'Open' is the client's Active on a
    list of paying clients ('Customer'): Ann and Cy (Open) at purchase, Bo (Closed)
    awareness: [3, 2, 2, 0, 0], as before."""
    cli_import_text(tmp_path, "clients.csv", (
        "Customer,Email,Status,Joined\n"
        "Ann Lee,ann@x.com,Open,2025-01-05\n"
        "Bo Chan,bo@y.com,Closed,2025-02-01\n"
        "Cy Diaz,cy@z.com,Open,2025-02-11\n"))
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


# --- a returns log --------------------------------------------------------------------------

RETURNS_LOG = (
    "Order,Customer,Item,Reason,Status,Amount\n"
    "#1001,Ann Lee,Blue mug,Chipped,Refunded,12.50\n"
    "#1002,Bo Chan,Tea towel,Wrong colour,Exchanged,8.00\n"
    "#1003,Cy Diaz,Teapot,Arrived broken,Refunded,30.00\n")


def test_a_returns_log_is_refunds_and_exchanges_not_sales(tmp_path):
    """Ann's 12.50 and Cy's 30.00 came back: 2 refunds of 42.50. Bo's tea towel was swapped:
    no money back, a contact of a client who bought. No sale (was 3 sales of 50.50, 2 of
    them with a refund beside: revenue 50.50). Each returned something bought: all three
    at purchase, [3, 3, 3, 0, 0] (as before)."""
    found = cli_import_text(tmp_path, "log.csv", RETURNS_LOG)
    assert ("Column 'Status' says what became of each return: 2 rows were read as refunds "
            "(money back), 1 row exchanged as a contact of a client who bought (no money "
            "back); no row is a sale.") in found["notes"]
    assert kind_totals(tmp_path, "refund") == (2, 42.5)
    assert kind_totals(tmp_path, "purchase") == (0, None)
    assert workspace_rows(tmp_path, "SELECT kind, stage FROM events WHERE status = "
                                    "'Exchanged'") == [("contact", "purchase")]
    assert workspace_rows(tmp_path, "SELECT SUM(purchase_count), SUM(revenue_events) "
                                    "FROM clients") == [(0, None)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_returns_log_without_money_is_returns_not_a_client_list(tmp_path):
    """E's sheet: ID, Customer, Issue, Status (Open, Refunded, Exchanged), Date reported was
    a client list, Ann's Open read as an Active paying client ([3, 1, 1, 0, 0]). Its
    statuses are a return's: events, Bo's a refund (no amount given), Cy's exchange and
    Ann's open return contacts of clients who bought: [3, 3, 3, 0, 0], no sale."""
    found = cli_import_text(tmp_path, "tracker.csv", (
        "ID,Customer,Issue,Status,Date reported\n"
        "1,Ann Lee,Wrong size,Open,2025-04-02\n"
        "2,Bo Chan,Arrived damaged,Refunded,2025-04-03\n"
        "3,Cy Diaz,Faulty zip,Exchanged,2025-04-05\n"))
    assert found["kind"] == "events"
    assert workspace_rows(tmp_path, "SELECT date, kind, stage FROM events ORDER BY date") == [
        ("2025-04-02", "contact", "purchase"), ("2025-04-03", "refund", None),
        ("2025-04-05", "contact", "purchase")]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_sheet_called_returns_reads_its_exchange_as_no_refund(tmp_path):
    """The same log in 'returns.csv' (its rows refunds by its name): Bo's exchange was a
    refund of 8.00 (3 refunds of 50.50); now 2 refunds of 42.50 and a contact."""
    cli_import_text(tmp_path, "returns.csv", RETURNS_LOG)
    assert kind_totals(tmp_path, "refund") == (2, 42.5)
    assert kind_totals(tmp_path, "contact") == (1, 8.0)


def test_an_order_list_with_refunded_orders_is_still_sales(tmp_path):
    """Must not fire: Paid and Refunded (no exchange) are an order list's: 3 sales of 50.50,
    Cy's 30.00 refunded beside its sale."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order,Customer,Item,Status,Amount\n"
        "#1001,Ann Lee,Blue mug,Paid,12.50\n"
        "#1002,Bo Chan,Tea towel,Paid,8.00\n"
        "#1003,Cy Diaz,Teapot,Refunded,30.00\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 50.5)
    assert kind_totals(tmp_path, "refund") == (1, 30.0)


# --- a holiday-rental platform's reservations ------------------------------------------------

def test_an_airbnb_reservations_export_is_stays_sold_and_cancelled(tmp_path):
    """Ann stayed (Past guest, £250, booked 1 Feb) and is staying again (Currently hosting,
    £260, booked 2 May): 2 purchases, retention. Cara confirmed (£520, booked 20 Mar): a
    purchase. Bob cancelled: a cancellation of no money, no stage. Sales 3, revenue
    250 + 260 + 520 = 1,030; funnel [3, 2, 2, 1, 0] (was 3 contacts, no sale: [3, 1, 0, 0,
    0]; E's sheet read as clients, the cancelled guest at purchase)."""
    found = cli_import_text(tmp_path, "reservations.csv", (
        "Confirmation code,Status,Guest name,Contact,# of adults,Start date,End date,"
        "# of nights,Booked,Listing,Earnings\n"
        "HMA1,Past guest,Ann Lee,+44 7700 900111,2,03/10/2024,03/12/2024,2,02/01/2024,"
        "Sea View Flat,£250.00\n"
        "HMA2,Canceled by guest,Bob Stone,+44 7700 900222,1,04/05/2024,04/08/2024,3,"
        "02/15/2024,Sea View Flat,£0.00\n"
        "HMA3,Confirmed,Cara Wu,+44 7700 900333,2,07/01/2024,07/05/2024,4,03/20/2024,"
        "Sea View Flat,£520.00\n"
        "HMA4,Currently hosting,Ann Lee,+44 7700 900111,2,06/01/2024,06/03/2024,2,"
        "05/02/2024,Sea View Flat,£260.00\n"))
    assert found["recognised_as"] == "rental_reservations"
    assert workspace_rows(tmp_path, "SELECT date, kind, amount FROM events ORDER BY date") == [
        ("2024-02-01", "purchase", 250.0), ("2024-02-15", "cancellation", None),
        ("2024-03-20", "purchase", 520.0), ("2024-05-02", "purchase", 260.0)]
    assert workspace_rows(tmp_path, "SELECT SUM(purchase_count), SUM(revenue_events) "
                                    "FROM clients") == [(3, 1030.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_booking_com_export_reads_its_statuses_and_cancellation_day(tmp_path):
    """Booking.com's: 'ok' stays are sales of their Price (250, 520), cancelled_by_guest a
    cancellation dated on its 'Cancellation date' (20 Feb, not booked 15 Feb), no money.
    The booker is the client: 3 clients, [3, 2, 2, 0, 0], 2 sales of 770 (was no sale, 'ok'
    unknown: 2 contacts, a cancellation of 300 dated 15 Feb, [3, 0, 0, 0, 0])."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        "Book number,Booked on,Booker name,Guest name(s),Arrival,Departure,Status,Price,"
        "Cancellation date\n"
        "4001,2024-02-01,Ann Lee,Ann Lee,2024-03-10,2024-03-12,ok,250 GBP,\n"
        "4002,2024-02-15,Bob Stone,Bob Stone,2024-04-05,2024-04-08,cancelled_by_guest,"
        "300 GBP,2024-02-20\n"
        "4003,2024-03-20,Cara Wu,Cara Wu,2024-07-01,2024-07-05,ok,520 GBP,\n"))
    assert found["recognised_as"] == "rental_reservations"
    assert workspace_rows(tmp_path, "SELECT date, kind, amount FROM events ORDER BY date") == [
        ("2024-02-01", "purchase", 250.0), ("2024-02-20", "cancellation", None),
        ("2024-03-20", "purchase", 520.0)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_a_hotels_own_bookings_sheet_is_no_rental_platforms(tmp_path):
    """Must not fire: a hotel's own sheet (Booking ref, Guest, Check-in, Check-out, Booked
    on, Cancelled on, Status, Total) is read as before: recognised as nothing."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        "Booking ref,Guest,Email,Check-in,Check-out,Booked on,Cancelled on,Status,Total\n"
        "B1,Ann Lee,ann@x.com,2025-06-10,2025-06-12,2025-05-01,,Confirmed,240\n"))
    assert found["recognised_as"] is None
