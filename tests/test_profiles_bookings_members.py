"""Bookings (Acuity Scheduling, Square Appointments, SimplyBook.me), Eventbrite attendee
reports, member lists (Mindbody, a gym's or a studio's own sheet), Patreon members and
Substack subscribers: each tried on hand-made files with the export's own headers and on
variants (another column order, optional columns missing, UK dates, cancelled and no-show
bookings, free members, refunds), imported through the command a user runs (``python -m
journey import FILE --workspace W --json``, then ``funnel`` and ``signs``, in-process).
Each test's docstring works out the answer by hand; funnels are in stage order:
awareness, consideration, purchase, retention, advocacy (a client counts at every stage
up to the furthest it reached).
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import cli_funnel as funnel
from conftest import cli_import_text as import_text
from conftest import cli_json, xlsx_bytes
from conftest import kind_totals as money
from conftest import workspace_rows as rows
from journey.ingest.profiles import recognise

NEW_PROFILES = {"acuity_appointments", "square_appointments", "simplybook_bookings",
                "eventbrite_attendees", "mindbody_clients", "member_list", "patreon_members",
                "substack_subscribers"}


def sign(tmp_path, key: str) -> tuple[str, float | None]:
    found = {s["key"]: s for s in cli_json(tmp_path, "signs")["signs"]}[key]
    return found["status"], found["value"]


# --- Acuity Scheduling ----------------------------------------------------------------------

ACUITY = (
    "Start Time,End Time,First Name,Last Name,Phone,Email,Type,Calendar,Appointment Price,"
    "Paid?,Amount Paid Online,Certificate Code,Notes,Date Scheduled,Label,Scheduled By,"
    "Appointment ID\n"
    '"April 2, 2024 9:00am","April 2, 2024 10:00am",Ann,Archer,(555) 010-2000,ann@archer.com,'
    'Initial Consultation,Dr. Lee,150.00,yes,150.00,,,"March 20, 2024 4:12pm",Checked In,'
    "ann@archer.com,1001\n"
    '"April 16, 2024 9:00am","April 16, 2024 9:30am",Ann,Archer,(555) 010-2000,ann@archer.com,'
    'Follow-up,Dr. Lee,75.00,yes,75.00,,,"April 2, 2024 10:05am",,ann@archer.com,1002\n'
    '"April 3, 2024 11:30am","April 3, 2024 12:30pm",Bob,Baker,(555) 010-2001,bob@baker.com,'
    'Initial Consultation,Dr. Lee,150.00,no,0.00,,,"March 30, 2024 9:00am",No-Show,'
    "bob@baker.com,1003\n"
    '"September 5, 2024 10:00am","September 5, 2024 11:00am",Cara,Cole,,cara@cole.com,'
    'Initial Consultation,Dr. Kim,150.00,yes,150.00,,,"August 28, 2024 8:00pm",,'
    "cara@cole.com,1004\n"
    '"September 6, 2024 12:15am","September 6, 2024 1:00am",Dan,Dunn,,dan@dunn.com,'
    'Initial Consultation,Dr. Kim,150.00,yes,150.00,,"Telehealth, client in Sydney",'
    '"August 29, 2024 8:00pm",,dan@dunn.com,1005\n'
    '"May 7, 2024 2:00pm","May 7, 2024 3:00pm",Eve,Evans,,eve@evans.com,Initial Consultation,'
    'Dr. Kim,150.00,yes,150.00,PACKAGE-5,,"May 1, 2024 8:00am",,admin,1006\n')


def test_acuity_appointments(tmp_path):
    """Ann paid twice on two days (retention); Cara, Dan and Eve paid once (Eve with a
    package code: still Paid? yes); Bob's unpaid no-show was booked, so he considered:
    5 clients, 5 considered, 4 bought, 1 came back; $675 from 5 paid appointments. No
    cancellation, refund or lost deal anywhere: those signs stay unknown."""
    found = import_text(tmp_path, "appointments.csv", ACUITY)
    assert found["recognised_as"] == "acuity_appointments"
    assert found["explanation"] == (
        "Recognised as an Acuity Scheduling appointments export: 6 bookings of 5 clients by "
        "e-mail (case ignored); 5 paid bookings counted as purchases (Paid? yes, or paid "
        "online), 0 of them refunded; 1 booking neither paid nor cancelled kept as contacts "
        "at consideration, not purchases (booked; 1 no-show); 0 cancelled bookings kept as "
        "cancellations.")
    assert funnel(tmp_path) == [5, 5, 4, 1, 0]
    assert money(tmp_path, "purchase") == (5, 675.0)
    assert rows(tmp_path, "SELECT client_id, name, furthest_stage FROM clients "
                          "ORDER BY client_id") == [
        ("ann@archer.com", "Ann Archer", "retention"),
        ("bob@baker.com", "Bob Baker", "consideration"),
        ("cara@cole.com", "Cara Cole", "purchase"), ("dan@dunn.com", "Dan Dunn", "purchase"),
        ("eve@evans.com", "Eve Evans", "purchase")]
    assert rows(tmp_path, "SELECT kind, stage, status, touchpoint FROM events "
                          "WHERE order_id = '1003'") == [
        ("contact", "consideration", "No-Show", "Initial Consultation")]
    assert sign(tmp_path, "refunds_cancellations_up")[0] == "unknown"
    assert sign(tmp_path, "low_win_rate")[0] == "unknown"


def test_acuity_variant_cancelled_free_and_deposit(tmp_path):
    """Another column order, a Canceled column, Amount Paid Online only where paid online.
    Ann paid twice (her e-mail once in capitals: one client), retention; Ben's no-show and
    Di's free ($0, "paid") discovery call were booked: consideration; Cy canceled unpaid: a
    cancellation, no purchase; Ed canceled after paying $90, not refunded: the purchase
    stands with a cancellation beside it; Fay paid a $30 deposit online on a $120 massage
    (Paid? no): a purchase of $30. 6 clients, 5 considered, 3 bought, 1 came back; $360."""
    head = ("Appointment ID,Type,Calendar,Start Time,End Time,Last Name,First Name,Email,"
            "Appointment Price,Paid?,Date Scheduled,Label,Canceled,Amount Paid Online\n")
    found = import_text(tmp_path, "schedule.csv", head + (
        '2001,Massage 60,Studio A,"June 3, 2024 10:00am","June 3, 2024 11:00am",Archer,Ann,'
        'ANN@Archer.com,120.00,yes,"May 20, 2024 9:00am",,no,\n'
        '2002,Massage 60,Studio A,"July 1, 2024 10:00am","July 1, 2024 11:00am",Archer,Ann,'
        'ann@archer.com,120.00,yes,"June 3, 2024 11:05am",Checked In,no,\n'
        '2003,Massage 60,Studio B,"June 4, 2024 2:00pm","June 4, 2024 3:00pm",Baker,Ben,'
        'ben@baker.com,120.00,no,"June 1, 2024 8:00am",No Show,no,\n'
        '2004,Massage 60,Studio B,"June 5, 2024 2:00pm","June 5, 2024 3:00pm",Cole,Cy,'
        'cy@cole.com,120.00,no,"June 2, 2024 8:00am",,yes,\n'
        '2005,Discovery Call,Studio A,"June 6, 2024 9:00am","June 6, 2024 9:20am",Dunn,Di,'
        'di@dunn.com,0.00,yes,"June 2, 2024 8:00am",,no,\n'
        '2006,Massage 90,Studio A,"June 7, 2024 9:00am","June 7, 2024 10:30am",Eads,Ed,'
        'ed@eads.com,90.00,yes,"June 2, 2024 8:00am",,yes,\n'
        '2007,Massage 60,Studio B,"June 8, 2024 9:00am","June 8, 2024 10:00am",Fox,Fay,'
        'fay@fox.com,120.00,no,"June 2, 2024 8:00am",,no,30.00\n'))
    assert found["recognised_as"] == "acuity_appointments"
    assert "4 paid bookings counted as purchases" in found["explanation"]
    assert "2 cancelled bookings kept as cancellations" in found["explanation"]
    assert funnel(tmp_path) == [6, 5, 3, 1, 0]
    assert money(tmp_path, "purchase") == (4, 360.0)
    assert rows(tmp_path, "SELECT order_id, kind FROM events WHERE kind != 'purchase' "
                          "ORDER BY order_id, kind") == [
        ("2003", "contact"), ("2004", "cancellation"), ("2005", "contact"),
        ("2006", "cancellation")]


# --- Square Appointments ----------------------------------------------------------------------

SQUARE = (
    "Date,Time,Customer Name,Customer Email,Customer Phone,Service,Staff,Status,Price\n"
    "03/04/2024,10:00 AM,Ann Archer,ann@a.com,555-0100,Haircut,Jo,Accepted,$45.00\n"
    "04/04/2024,10:00 AM,Ann Archer,ann@a.com,555-0100,Haircut,Jo,Accepted,$45.00\n"
    "03/06/2024,2:00 PM,Bob Baker,bob@b.com,,Colour,Jo,Cancelled by customer,$120.00\n"
    "03/07/2024,3:00 PM,Cara Cole,cara@c.com,,Haircut,Sam,No show,$45.00\n"
    "03/08/2024,9:00 AM,Dan Dunn,dan@d.com,,Haircut,Sam,Completed,$45.00\n"
    "03/09/2024,9:00 AM,Eve Evans,eve@e.com,,Haircut,Sam,Cancelled by seller,$45.00\n")


def test_square_appointments(tmp_path):
    """An accepted appointment is booked, not said to be paid: Ann (twice) and Cara (a
    no-show) considered; Dan's completed haircut is the one purchase ($45); Bob and Eve
    were cancelled (by the customer, by the seller): cancellations, awareness. 5 clients,
    3 considered, 1 bought. The dates read either way: the workspace's setting (day first)
    reads them, and the import says so."""
    found = import_text(tmp_path, "appointments.csv", SQUARE)
    assert found["recognised_as"] == "square_appointments"
    assert ("1 paid booking counted as purchases (status Completed or Paid; an accepted "
            "appointment is not said to be paid" in found["explanation"])
    assert any("read either way" in note for note in found["notes"])
    assert funnel(tmp_path) == [5, 3, 1, 0, 0]
    assert money(tmp_path, "purchase") == (1, 45.0)
    assert money(tmp_path, "cancellation") == (2, None)
    assert rows(tmp_path, "SELECT date, kind, stage FROM events WHERE status = 'Accepted' "
                          "ORDER BY date") == [
        ("2024-04-03 10:00:00", "contact", "consideration"),
        ("2024-04-04 10:00:00", "contact", "consideration")]


def test_square_appointments_uk_dates_and_a_customer_without_email(tmp_path):
    """Another column order, pounds, 24-hour times and 13/05/2024 (day first, settled by
    the dates). Ann (no e-mail: by name) had two completed cuts on two days: retention
    (£70); Bo (accepted), Cy (no-show) and Flo (pending) were booked: consideration; Di's
    request was declined (no booking: a contact) and Ed cancelled: awareness. 6 clients,
    4 considered, 1 bought, 1 came back."""
    found = import_text(tmp_path, "salon.csv", (
        "Customer Name,Customer Email,Service,Staff,Date,Time,Status,Price\n"
        "Ann Archer,,Cut & Finish,Jo,13/05/2024,10:00,Completed,£35.00\n"
        "Ann Archer,,Cut & Finish,Jo,10/06/2024,10:00,Completed,£35.00\n"
        "Bo Brown,bo@brown.co.uk,Colour,Sam,20/06/2024,14:30,Accepted,£80.00\n"
        "Cy Clay,cy@clay.co.uk,Cut & Finish,Sam,14/05/2024,09:00,No show,£35.00\n"
        "Di Dale,di@dale.co.uk,Colour,Jo,15/05/2024,11:00,Declined,£80.00\n"
        "Ed East,ed@east.co.uk,Cut & Finish,Jo,16/05/2024,12:00,Cancelled by customer,£35.00\n"
        "Flo Ford,flo@ford.co.uk,Colour,Sam,21/06/2024,15:00,Pending,£80.00\n"))
    assert found["recognised_as"] == "square_appointments"
    assert "7 bookings of 5 clients by e-mail (case ignored), 2 bookings without one kept by " \
           "name" in found["explanation"]
    assert funnel(tmp_path) == [6, 4, 1, 1, 0]
    assert rows(tmp_path, "SELECT c.name, e.date, e.amount FROM events e JOIN clients c "
                          "ON c.id = e.client_ref WHERE e.kind = 'purchase' ORDER BY e.date") == [
        ("Ann Archer", "2024-05-13 10:00:00", 35.0), ("Ann Archer", "2024-06-10 10:00:00", 35.0)]
    assert rows(tmp_path, "SELECT name, furthest_stage FROM clients WHERE name IN "
                          "('Di Dale', 'Ed East') ORDER BY name") == [
        ("Di Dale", "awareness"), ("Ed East", "awareness")]


# --- SimplyBook.me ----------------------------------------------------------------------------

SIMPLYBOOK = (
    "Code;Booking status;Start date;End date;Service;Provider;Client;Client email;"
    "Client phone;Price;Currency;Is paid;Created;Payment status;Comment\n"
    "4f2a1;Approved;01/03/2024 09:00;01/03/2024 10:00;Deep tissue massage;Lena;Mark Moss;"
    "mark.moss@gmail.com;+44 7700 900123;65.00;GBP;Yes;20/02/2024 18:22;paid;\n"
    "4f2a2;Approved;15/03/2024 09:00;15/03/2024 10:00;Deep tissue massage;Lena;Mark Moss;"
    "mark.moss@gmail.com;+44 7700 900123;65.00;GBP;Yes;01/03/2024 10:05;paid;\n"
    "4f2a3;Canceled;05/03/2024 14:00;05/03/2024 15:00;Sports massage;Tom;Nina North;"
    "nina@north.org;+44 7700 900456;55.00;GBP;No;28/02/2024 11:00;not_paid;client cancelled\n"
    "4f2a4;Approved;12/03/2024 14:00;12/03/2024 15:00;Sports massage;Tom;Nina North;"
    "nina@north.org;+44 7700 900456;55.00;GBP;Yes;05/03/2024 09:12;paid;rebooked\n"
    "4f2a5;Approved;07/03/2024 11:00;07/03/2024 12:00;Deep tissue massage;Lena;Olga Ortiz;"
    "olga.ortiz@hotmail.com;;65.00;GBP;No;06/03/2024 19:40;not_paid;no-show\n"
    "4f2a6;Pending;25/04/2024 10:00;25/04/2024 11:00;Sports massage;Tom;Pete Price;"
    "pete@price.dev;;55.00;GBP;No;10/04/2024 08:00;not_paid;\n"
    "4f2a7;Approved;09/04/2024 16:00;09/04/2024 17:00;Sports massage;Tom;Quinn Quade;"
    "quinn.q@gmail.com;;55.00;GBP;Yes;01/04/2024 12:00;paid;\n"
    "4f2a8;Approved;02/04/2024 09:00;02/04/2024 10:00;Deep tissue massage;Lena;Mark Moss;"
    "mark.moss@gmail.com;+44 7700 900123;65.00;GBP;Yes;15/03/2024 10:05;paid;\n"
    "4f2a9;Canceled;18/04/2024 09:00;18/04/2024 10:00;Deep tissue massage;Lena;Rita Ross;"
    "rita.ross@gmail.com;;65.00;GBP;No;11/04/2024 09:00;refunded;refunded deposit\n")


def test_simplybook_bookings(tmp_path):
    """Mark paid three times (retention); Nina cancelled (not paid: a cancellation) then
    paid; Quinn paid; Olga (approved, unpaid) and Pete (pending) booked: consideration;
    Rita's booking was paid and refunded: a purchase with a refund beside it (£65 back),
    no cancellation counted twice. 6 clients, all considered, 4 bought, 1 came back; £370
    from 6 purchases; (1 refund + 1 cancellation) ÷ 6 purchases = 33.33%."""
    found = import_text(tmp_path, "simplybook.csv", SIMPLYBOOK)
    assert found["recognised_as"] == "simplybook_bookings"
    assert found["explanation"] == (
        "Recognised as a SimplyBook.me bookings export: 9 bookings of 6 clients by e-mail "
        "(case ignored); 6 paid bookings counted as purchases (Is paid, or a payment status "
        "of paid), 1 of them refunded; 2 bookings neither paid nor cancelled kept as contacts "
        "at consideration, not purchases (booked); 1 cancelled booking kept as "
        "a cancellation.")
    assert funnel(tmp_path) == [6, 6, 4, 1, 0]
    assert money(tmp_path, "purchase") == (6, 370.0)
    assert money(tmp_path, "refund") == (1, 65.0)
    assert rows(tmp_path, "SELECT order_id, date FROM events WHERE kind = 'cancellation'") == [
        ("4f2a3", "2024-03-05 14:00:00")]
    assert sign(tmp_path, "refunds_cancellations_up")[1] == pytest.approx(33.33, abs=0.01)


def test_a_file_named_for_its_rows_says_only_what_the_export_rules_decided(tmp_path):
    """Saved as bookings.csv, the sheet's name would make rows with nothing saying what
    happened purchases; the export's own rules decide each row, and no note says otherwise."""
    found = import_text(tmp_path, "bookings.csv", SIMPLYBOOK)
    assert found["recognised_as"] == "simplybook_bookings"
    assert not [n for n in found["notes"] if "called" in n or "nothing saying" in n], \
        found["notes"]
    assert money(tmp_path, "purchase") == (6, 370.0)


def test_simplybook_variant_two_paid_bookings_on_one_day(tmp_path):
    """Status instead of Booking status, no Payment status, Is paid as 1/0, ISO dates,
    decimal commas. Mo's two paid sessions fall on one day: one purchase day, so no
    retention; Ned's booking was "Canceled by client"; Ola booked unpaid. 3 clients, 2
    considered, 1 bought; €100."""
    found = import_text(tmp_path, "export.csv", (
        "Code;Status;Start date;End date;Service;Service provider;Client name;Client email;"
        "Price;Is paid;Created\n"
        "b1;Confirmed;2024-03-01 09:00;2024-03-01 10:00;Yoga 1:1;Lena;Mo Malik;mo@malik.de;"
        "50,00;1;2024-02-20 10:00\n"
        "b2;Confirmed;2024-03-01 11:00;2024-03-01 12:00;Pilates 1:1;Lena;Mo Malik;MO@malik.de;"
        "50,00;1;2024-02-20 10:05\n"
        "b3;Canceled by client;2024-03-02 09:00;2024-03-02 10:00;Yoga 1:1;Tom;Ned Nash;ned@nash.de;"
        "50,00;0;2024-02-21 10:00\n"
        "b4;Confirmed;2024-03-03 09:00;2024-03-03 10:00;Yoga 1:1;Tom;Ola Ost;ola@ost.de;"
        "50,00;0;2024-02-22 10:00\n"))
    assert found["recognised_as"] == "simplybook_bookings"
    assert funnel(tmp_path) == [3, 2, 1, 0, 0]
    assert money(tmp_path, "purchase") == (2, 100.0)
    assert money(tmp_path, "cancellation") == (1, None)
    assert rows(tmp_path, "SELECT client_id, purchase_count, purchase_days FROM clients "
                          "WHERE client_id = 'mo@malik.de'") == [("mo@malik.de", 2, 1)]


# --- Eventbrite -------------------------------------------------------------------------------

EVENTBRITE_HEAD = (
    "Order #,Order Date,Attendee #,First Name,Last Name,Email,Quantity,Ticket Type,Order Type,"
    "Currency,Total Paid,Eventbrite Fees,Eventbrite Payment Processing,Attendee Status,"
    "Event Name,Event ID,Buyer First Name,Buyer Last Name,Buyer Email,"
    "How did you hear about this event?\n")
EVENTBRITE = EVENTBRITE_HEAD + (
    '8123001,"Mar 1, 2024 2:22 PM",1101,Jo,Jay,jo@jay.uk,1,General Admission,Eventbrite '
    "Completed,GBP,25.00,1.59,0.50,Checked In,Spring Pottery Workshop,7711,Jo,Jay,jo@jay.uk,"
    "Instagram\n"
    '8123002,"Mar 2, 2024 9:10 AM",1102,Kat,Kerr,kat@kerr.uk,1,General Admission,Eventbrite '
    "Completed,GBP,25.00,1.59,0.50,Attending,Spring Pottery Workshop,7711,Kat,Kerr,kat@kerr.uk,"
    "Friend\n"
    '8123002,"Mar 2, 2024 9:10 AM",1103,Len,Lowe,,1,General Admission,Eventbrite Completed,GBP,'
    "25.00,1.59,0.50,Attending,Spring Pottery Workshop,7711,Kat,Kerr,kat@kerr.uk,Friend\n"
    '8123002,"Mar 2, 2024 9:10 AM",1104,Mia,Moss,mia@moss.uk,1,General Admission,Eventbrite '
    "Completed,GBP,25.00,1.59,0.50,Attending,Spring Pottery Workshop,7711,Kat,Kerr,kat@kerr.uk,"
    "Friend\n"
    '8123003,"Mar 3, 2024 8:00 PM",1105,Nat,Nye,nat@nye.uk,1,General Admission,Eventbrite '
    "Completed,GBP,25.00,1.59,0.50,Refunded,Spring Pottery Workshop,7711,Nat,Nye,nat@nye.uk,"
    "Facebook\n"
    '8123004,"Mar 4, 2024 10:00 AM",1106,Oli,Orr,oli@orr.uk,1,Complimentary,Complimentary,GBP,'
    "0.00,0.00,0.00,Attending,Spring Pottery Workshop,7711,Oli,Orr,oli@orr.uk,\n"
    '8124001,"Apr 2, 2024 11:30 AM",1201,Jo,Jay,jo@jay.uk,1,Early Bird,PayPal Completed,GBP,'
    "20.00,1.59,0.50,Checked In,Summer Glazing Class,7712,Jo,Jay,jo@jay.uk,\n"
    '8124002,"Apr 5, 2024 1:00 PM",1202,Pia,Pike,pia@pike.uk,1,General Admission,Eventbrite '
    "Completed,GBP,30.00,1.59,0.50,Not Attending,Summer Glazing Class,7712,Pia,Pike,"
    "pia@pike.uk,Google\n"
    '8124003,"Apr 6, 2024 3:15 PM",1203,Kat,Kerr,kat@kerr.uk,1,General Admission,Eventbrite '
    "Completed,GBP,30.00,1.59,0.50,Checked In,Summer Glazing Class,7712,Kat,Kerr,kat@kerr.uk,\n"
    '8124004,"Apr 7, 2024 4:00 PM",1204,Quin,Quay,quin@quay.uk,1,General Admission,Free Order,'
    "GBP,0.00,0.00,0.00,Attending,Summer Glazing Class,7712,Quin,Quay,quin@quay.uk,\n")


def test_eventbrite_attendees(tmp_path):
    """An order is its buyer's purchase: Jo bought on Mar 1 (£25) and Apr 2 (£20), Kat on
    Mar 2 (three tickets, £75) and Apr 6 (£30): both came back; Nat paid £25 and was
    refunded (a purchase and a refund); Len (no e-mail: by name) and Mia came on Kat's
    order: contacts; Oli's complimentary and Quin's free tickets are no purchases; Pia's
    ticket is Not Attending: a cancellation. 8 clients, 3 bought, 2 came back; £175 from 5
    orders. Kat heard from a friend: her channel, no referral, no advocacy."""
    found = import_text(tmp_path, "attendees.csv", EVENTBRITE)
    assert found["recognised_as"] == "eventbrite_attendees"
    assert found["explanation"] == (
        "Recognised as an Eventbrite attendee report: 10 attendees on 8 orders, each order "
        "its buyer's (Buyer Email, else its first attendee's; case ignored); 5 paid orders "
        "from 3 buyers counted as "
        "purchases (Total Paid), 1 with refunded tickets (a refund beside the purchase); "
        "1 order with tickets Not Attending kept as cancellations; 2 free or complimentary "
        "orders kept as contacts, not purchases; 2 attendees on someone else's order kept as "
        "contacts of their own; 'How did you hear' is the channel, not a referral.")
    assert funnel(tmp_path) == [8, 3, 3, 2, 0]
    assert money(tmp_path, "purchase") == (5, 175.0)
    assert money(tmp_path, "refund") == (1, 25.0)
    assert money(tmp_path, "cancellation") == (1, None)
    assert rows(tmp_path, "SELECT COALESCE(c.client_id, c.name), e.kind, e.amount, e.channel "
                          "FROM events e JOIN clients c ON c.id = e.client_ref "
                          "WHERE e.date LIKE '2024-03-02%' ORDER BY e.id") == [
        ("kat@kerr.uk", "purchase", 75.0, "Friend"), ("Len Lowe", "contact", None, "Friend"),
        ("mia@moss.uk", "contact", None, "Friend")]
    assert rows(tmp_path, "SELECT SUM(referral_count), SUM(furthest_stage = 'advocacy') "
                          "FROM clients") == [(0, 0)]
    assert sign(tmp_path, "refunds_cancellations_up")[1] == pytest.approx(40.0)


def test_eventbrite_without_buyer_columns(tmp_path):
    """An attendee report without the Buyer columns, in another order: an order's first
    attendee bought it. Al bought twice (May 1, May 3: retention), Bea's order of two is
    hers ($30; Cal came on it: a contact); Dot was refunded; Eli's free ticket is no sale;
    Fox is Not Attending: a cancellation. 6 clients, 3 bought, 1 came back; $75."""
    found = import_text(tmp_path, "report.csv", (
        "Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,"
        "Order Type,Currency,Total Paid,Attendee Status,Event Name,"
        "How did you hear about this event?\n"
        '9001,"May 1, 2024 10:00 AM",Al,Ash,al@ash.com,1,Adult,1,Eventbrite Completed,USD,'
        "15.00,Checked In,Garden Tour,Friend\n"
        '9002,"May 2, 2024 10:00 AM",Bea,Bell,bea@bell.com,1,Adult,2,Eventbrite Completed,USD,'
        "15.00,Attending,Garden Tour,Newsletter\n"
        '9002,"May 2, 2024 10:00 AM",Cal,Cobb,cal@cobb.com,1,Adult,3,Eventbrite Completed,USD,'
        "15.00,Attending,Garden Tour,Newsletter\n"
        '9003,"May 3, 2024 10:00 AM",Al,Ash,AL@ash.com,1,Adult,4,PayPal Completed,USD,15.00,'
        "Attending,Garden Tour,\n"
        '9004,"May 4, 2024 10:00 AM",Dot,Dee,dot@dee.com,1,Adult,5,Eventbrite Completed,USD,'
        "15.00,Refunded,Garden Tour,Google\n"
        '9005,"May 5, 2024 10:00 AM",Eli,Eng,eli@eng.com,1,Child,6,Free Order,USD,0.00,'
        "Attending,Garden Tour,\n"
        '9006,"May 6, 2024 10:00 AM",Fox,Fry,fox@fry.com,1,Adult,7,Eventbrite Completed,USD,'
        "15.00,Not Attending,Garden Tour,\n"))
    assert found["recognised_as"] == "eventbrite_attendees"
    assert funnel(tmp_path) == [6, 3, 3, 1, 0]
    assert money(tmp_path, "purchase") == (4, 75.0)
    assert rows(tmp_path, "SELECT c.client_id, e.amount FROM events e JOIN clients c "
                          "ON c.id = e.client_ref WHERE e.order_id = '9002'") == [
        ("bea@bell.com", 30.0)]
    assert rows(tmp_path, "SELECT furthest_stage FROM clients WHERE client_id = "
                          "'cal@cobb.com'") == [("awareness",)]


# --- member lists: Mindbody, a gym's own sheet, a studio's --------------------------------------

MINDBODY = (
    "Client ID,First Name,Last Name,Email,Mobile Phone,Membership Name,Membership Status,"
    "Date Created,First Visit,Last Visit,Total Visits,Referred By,Home Location,Auto-Pay Status\n"
    "100001,Alice,Adams,alice@adams.me,07700 900001,Unlimited Monthly,Active,1/10/2023,"
    "1/12/2023,5/28/2024,142,,Leeds,Active\n"
    "100002,Ben,Brooks,ben.brooks@gmail.com,,Off-Peak Monthly,Terminated,6/1/2023,6/2/2023,"
    "9/15/2023,12,,Leeds,Terminated\n"
    "100003,Cath,Clark,cath.clark@gmail.com,,Unlimited Monthly,Suspended,9/20/2023,9/21/2023,"
    "2/1/2024,40,Alice Adams,Leeds,Suspended\n"
    "100004,Dev,Desai,dev.desai@yahoo.co.uk,,10 Class Pass,Active,3/3/2024,3/4/2024,5/20/2024,"
    "4,,York,\n"
    "100005,Ella,Ellis,ella@ellis.com,,Unlimited Monthly,Expired,11/5/2022,11/6/2022,"
    "12/30/2023,88,,Leeds,Terminated\n"
    "100006,Finn,Fox,finn.fox@gmail.com,,Intro Week Free,Expired,5/1/2024,5/1/2024,5/1/2024,1,"
    "Instagram,Leeds,\n"
    "100007,Gina,Gold,gina.gold@gmail.com,,Off-Peak Monthly,Active,1/15/2024,1/16/2024,"
    "5/30/2024,30,Cath Clark,York,Active\n"
    "100008,Hugo,Hart,hugo@hart.co,,Unlimited Monthly,Active,4/20/2024,,,0,,Leeds,Active\n"
    "100009,Iris,Ito,iris.ito@gmail.com,,Unlimited Monthly,Terminated,3/14/2023,3/15/2023,"
    "1/10/2024,60,,Leeds,Terminated\n"
    "100010,Jack,Jones,jack@jones.net,,Intro Week Free,Active,5/20/2024,5/21/2024,5/27/2024,2,"
    ",Leeds,\n"
    "100011,Kara,King,,,,,5/25/2024,,,0,Google,Leeds,\n")


def test_mindbody_clients(tmp_path):
    """Paying members: Alice, Cath (suspended: paused, still a member), Dev (a class pass),
    Gina, Hugo, and Ben, Ella, Iris whose memberships were terminated or expired: churned,
    on their last visit. Finn's and Jack's free intro week is a trial: consideration, no
    customer lost. Kara has no membership: a contact. Cath was referred by Alice and Gina
    by Cath: Alice and Cath each made a referral (advocacy), Cath's and Gina's channel is
    Referral; Finn's "referrer" is Instagram, Kara's Google: channels. 11 clients, 10
    considered, 8 bought, 2 advocates (counted at retention too). No money in the list."""
    found = import_text(tmp_path, "clients.csv", MINDBODY)
    assert found["recognised_as"] == "mindbody_clients" and found["kind"] == "clients"
    assert found["explanation"].startswith(
        "Recognised as a Mindbody client list: 11 clients; 8 members on a paid membership "
        "counted as customers (one purchase each: the list has no payment dates), 3 of them "
        "churned (terminated, cancelled or expired, dated by their last visit), 5 still "
        "members (active, suspended or frozen); 2 members on a free trial or intro offer "
        "kept at consideration")
    assert funnel(tmp_path) == [11, 10, 8, 2, 2]
    assert rows(tmp_path, "SELECT name, last_date FROM clients WHERE outcome = 'churned' "
                          "ORDER BY name") == [
        ("Ben Brooks", "2023-09-15"), ("Ella Ellis", "2023-12-30"), ("Iris Ito", "2024-01-10")]
    assert rows(tmp_path, "SELECT client_id, status, referrals, channel, furthest_stage FROM "
                          "clients WHERE client_id IN ('100001', '100003', '100006', '100007', "
                          "'100010', '100011') ORDER BY client_id") == [
        ("100001", "active", 1, None, "advocacy"), ("100003", "active", 1, "Referral", "advocacy"),
        ("100006", None, None, "Instagram", "consideration"),
        ("100007", "active", None, "Referral", "purchase"),
        ("100010", None, None, None, "consideration"),
        ("100011", None, None, "Google", "awareness")]
    assert rows(tmp_path, "SELECT COUNT(*), SUM(revenue_current) FROM clients") == [(11, None)]
    assert sign(tmp_path, "low_win_rate")[0] == "unknown"


def test_gym_member_list_workbook(tmp_path):
    """A gym's own sheet (Member, Plan, Monthly Fee, Status, Visits, Referred By; real
    dates). Cancelled and Expired paid memberships churned (Ben, Ella, Iris); Frozen (Cath)
    is still a member; the £0 Free Trial (Finn expired, Jack active) is consideration, not
    churn. 10 clients, 10 considered, 8 bought, Alice and Cath referred members. A
    membership that ran past its first month to the last visit was paid for again
    (session 18; was one purchase each): Alice 2023-01-10 to 2024-05-28 (17 months begun),
    Ben 2023-06-01 to 09-15 (4), Cath 2023-09-20 to 2024-02-01 (5), Ella 2022-11-05 to
    2023-12-30 (14), Gina 2024-01-15 to 05-30 (5), Iris 2023-03-14 to 2024-01-10 (10):
    6 at retention (was 2, Alice's and Cath's advocacy); Dev's class pack and Hugo (no
    visit yet) bought once."""
    day = dt.date
    sheet = [["Member", "Email", "Plan", "Monthly Fee", "Joined", "Status", "Visits",
              "Last Visit", "Referred By", "Notes"],
             ["Alice Adams", "alice@adams.me", "Unlimited", "£49.00", day(2023, 1, 10), "Active",
              142, day(2024, 5, 28), None, None],
             ["Ben Brooks", "ben.brooks@gmail.com", "Off-Peak", "£29.00", day(2023, 6, 1),
              "Cancelled", 12, day(2023, 9, 15), None, "moved away"],
             ["Cath Clark", "cath.clark@gmail.com", "Unlimited", "£49.00", day(2023, 9, 20),
              "Frozen", 40, day(2024, 2, 1), "Alice Adams", "pregnancy freeze"],
             ["Dev Desai", "dev.desai@yahoo.co.uk", "10-Class Pack", "£80.00", day(2024, 3, 3),
              "Active", 4, day(2024, 5, 20), None, None],
             ["Ella Ellis", "ella@ellis.com", "Unlimited", "£49.00", day(2022, 11, 5), "Expired",
              88, day(2023, 12, 30), None, None],
             ["Finn Fox", "finn.fox@gmail.com", "Free Trial", "£0.00", day(2024, 5, 1), "Expired",
              1, day(2024, 5, 1), "Instagram", "trial didn't convert"],
             ["Gina Gold", "gina.gold@gmail.com", "Off-Peak", "£29.00", day(2024, 1, 15), "Active",
              30, day(2024, 5, 30), "Cath Clark", None],
             ["Hugo Hart", "hugo@hart.co", "Unlimited", "£49.00", day(2024, 4, 20), "Active", 0,
              None, None, None],
             ["Iris Ito", "iris.ito@gmail.com", "Unlimited", "£49.00", day(2023, 3, 14),
              "Cancelled", 60, day(2024, 1, 10), None, "price increase"],
             ["Jack Jones", "jack@jones.net", "Free Trial", "£0.00", day(2024, 5, 20), "Active", 2,
              day(2024, 5, 27), None, None]]
    path = tmp_path / "gym_members.xlsx"
    path.write_bytes(xlsx_bytes({"Members": sheet}))
    (found,) = cli_json(tmp_path, "import", str(path))["imports"]
    assert found["recognised_as"] == "member_list" and found["kind"] == "clients"
    assert "8 members on a paid membership counted as customers" in found["explanation"]
    assert "6 members paid more than once, repeat customers" in found["explanation"]
    assert funnel(tmp_path) == [10, 10, 8, 6, 2]
    assert rows(tmp_path, "SELECT name FROM clients WHERE outcome = 'churned' ORDER BY name"
                ) == [("Ben Brooks",), ("Ella Ellis",), ("Iris Ito",)]
    assert rows(tmp_path, "SELECT name, status, furthest_stage FROM clients WHERE name IN "
                          "('Cath Clark', 'Finn Fox') ORDER BY name") == [
        ("Cath Clark", "active", "advocacy"), ("Finn Fox", None, "consideration")]


def test_studio_member_list_variant(tmp_path):
    """Other words: Member Status (Active, Paused, Lapsed, Past Due, Trial, Prospect),
    Member Since, Last Check-in, a Source column. Ava (annual) and Ben (monthly, paused)
    are members; Cat's monthly membership lapsed: churned; Fin's payment is past due: a
    customer still, neither active nor churned; Dee's lapsed free trial and Gia's trial
    are consideration; Eli has no membership (a prospect): a contact. Ben names "ava
    stone" and Cat names Ava's e-mail: two referrals of Ava's (advocacy); Dee heard from
    "a friend": Referral. 7 clients, 6 considered, 4 bought, Ava the advocate. Paid again
    after the first period, to the last check-in (session 18; was one purchase each):
    Ava's annual plan 2023-02-01 to 2024-06-01 (2 years begun), Ben 2023-05-01 to
    2024-03-01 (11 months), Cat 2023-01-10 to 11-20 (11), Fin 2024-01-05 to 05-30 (5):
    4 at retention (was 1, Ava's advocacy)."""
    found = import_text(tmp_path, "members.csv", (
        "Name,Email Address,Membership,Member Status,Member Since,Last Check-in,Check-ins,"
        "Referred By,Source\n"
        "Ava Stone,ava@stone.fit,Annual,Active,2023-02-01,2024-06-01,120,,Google\n"
        "Ben Reed,ben@reed.fit,Monthly,Paused,2023-05-01,2024-03-01,30,ava stone,\n"
        "Cat Shaw,cat@shaw.fit,Monthly,Lapsed,2023-01-10,2023-11-20,15,Ava@Stone.fit,\n"
        "Dee Lane,dee@lane.fit,Free Trial,Lapsed,2024-05-01,2024-05-08,2,A friend,\n"
        "Eli Ford,eli@ford.fit,,Prospect,2024-05-20,,0,,Instagram\n"
        "Fin Gray,fin@gray.fit,Monthly,Past Due,2024-01-05,2024-05-30,40,,\n"
        "Gia Hall,gia@hall.fit,Monthly,Trial,2024-06-01,2024-06-02,1,,\n"))
    assert found["recognised_as"] == "member_list"
    assert "and 1 whose payment failed" in found["explanation"]
    assert funnel(tmp_path) == [7, 6, 4, 4, 1]
    assert rows(tmp_path, "SELECT name, status, referrals, channel, furthest_stage FROM clients "
                          "ORDER BY name") == [
        ("Ava Stone", "active", 2, "Google", "advocacy"),
        ("Ben Reed", "active", None, "Referral", "retention"),
        ("Cat Shaw", "churned", None, "Referral", "retention"),
        ("Dee Lane", None, None, "Referral", "consideration"),
        ("Eli Ford", None, None, "Instagram", "awareness"),
        ("Fin Gray", None, None, None, "retention"),
        ("Gia Hall", None, None, None, "consideration")]


def test_mindbody_variant_uk_dates_and_no_membership(tmp_path):
    """Columns reordered, no Referred By, UK dates (28/05/2024 settles day first). Amy is
    a member; Bill's membership is inactive and Eve's class pack expired: churned; Cho's
    free intro is a trial; Dan is an active client with no membership: a contact, not a
    customer. 5 clients, 4 considered, 3 bought."""
    found = import_text(tmp_path, "mb.csv", (
        "Client ID,Last Name,First Name,Email,Membership Name,Membership Status,First Visit,"
        "Last Visit,Total Visits,Date Created\n"
        "200001,Lee,Amy,amy@lee.io,Monthly Unlimited,Active,02/01/2024,28/05/2024,40,"
        "01/01/2024\n"
        "200002,Moe,Bill,bill@moe.io,Monthly Unlimited,Inactive,03/02/2023,15/11/2023,22,"
        "01/02/2023\n"
        "200003,Ng,Cho,cho@ng.io,Intro Offer - 2 Weeks Free,Active,20/05/2024,27/05/2024,3,"
        "19/05/2024\n"
        "200004,Orr,Dan,dan@orr.io,,Active,10/04/2024,10/04/2024,1,09/04/2024\n"
        "200005,Park,Eve,eve@park.io,5 Class Pack,Expired,05/01/2024,20/03/2024,5,"
        "04/01/2024\n"))
    assert found["recognised_as"] == "mindbody_clients"
    assert funnel(tmp_path) == [5, 4, 3, 0, 0]
    assert rows(tmp_path, "SELECT client_id, status, first_date, last_date, furthest_stage "
                          "FROM clients ORDER BY client_id") == [
        ("200001", "active", "2024-01-01", "2024-05-28", "purchase"),
        ("200002", "churned", "2023-02-01", "2023-11-15", "purchase"),
        ("200003", None, "2024-05-19", "2024-05-27", "consideration"),
        ("200004", None, "2024-04-09", "2024-04-10", "awareness"),
        ("200005", "churned", "2024-01-04", "2024-03-20", "purchase")]


# --- Patreon -----------------------------------------------------------------------------------

PATREON = (
    "Name,Email,Discord,Patron Status,Follows You,Free Member,Free Trial,Lifetime Amount,"
    "Pledge Amount,Charge Frequency,Tier,Addressee,Street,City,State,Zip,Country,Phone,"
    "Patronage Since Date,Last Charge Date,Last Charge Status,Additional Details,User ID,"
    "Last Updated,Currency,Max Posts,Access Expiration,Next Charge Date\n"
    "Alex Moon,alex@moon.fm,,Active patron,Yes,No,No,45.00,5.00,monthly,Supporter,,,,,,,,"
    "2023-09-01 10:00:00.000000,2024-05-01 00:00:00.000000,Paid,,1001,"
    "2024-06-01 00:00:00.000000,USD,,,2024-06-01 00:00:00.000000\n"
    "Bea Star,bea@star.fm,,Active patron,Yes,No,No,10.00,10.00,monthly,Superfan,,,,,,,,"
    "2024-04-10 10:00:00.000000,2024-05-01 00:00:00.000000,Paid,,1002,"
    "2024-06-01 00:00:00.000000,USD,,,2024-06-01 00:00:00.000000\n"
    "Cyd Sun,cyd@sun.fm,,Declined patron,Yes,No,No,15.00,5.00,monthly,Supporter,,,,,,,,"
    "2024-01-05 10:00:00.000000,2024-05-01 00:00:00.000000,Declined,,1003,"
    "2024-06-01 00:00:00.000000,USD,,,\n"
    "Dee Sky,dee@sky.fm,,Former patron,Yes,No,No,25.00,,,,,,,,,,,2023-05-01 10:00:00.000000,"
    "2023-09-01 00:00:00.000000,Paid,,1004,2024-06-01 00:00:00.000000,USD,,,\n"
    "Eli Cloud,eli@cloud.fm,,,Yes,Yes,No,0.00,,,Free,,,,,,,,2024-03-03 10:00:00.000000,,,,1005,"
    "2024-06-01 00:00:00.000000,USD,,,\n"
    "Flo Rain,flo@rain.fm,,,Yes,Yes,No,0.00,,,Free,,,,,,,,2024-04-04 10:00:00.000000,,,,1006,"
    "2024-06-01 00:00:00.000000,USD,,,\n"
    "Gus Wind,gus@wind.fm,,Active patron,Yes,No,Yes,0.00,5.00,monthly,Supporter,,,,,,,,"
    "2024-05-25 10:00:00.000000,,,,1007,2024-06-01 00:00:00.000000,USD,,,"
    "2024-06-01 00:00:00.000000\n"
    "Hal Snow,hal@snow.fm,,Former patron,Yes,No,No,5.00,,,,,,,,,,,2024-02-01 10:00:00.000000,"
    "2024-03-01 00:00:00.000000,Refunded,,1008,2024-06-01 00:00:00.000000,USD,,,\n")


def test_patreon_members(tmp_path):
    """Lifetime Amount says who paid and how much: Alex $45 at $5 a month (9 charges,
    retention), Bea $10 at $10 (1), Cyd $15 at $5 (3, retention; declined now: not counted
    as churned), Dee $25 and Hal $5 (former patrons: churned; Hal's last charge refunded).
    Gus is on a free trial (nothing paid): consideration; Eli and Flo are free members:
    contacts. 8 members, 6 considered, 5 paid, 2 more than once; revenue $100."""
    found = import_text(tmp_path, "members.csv", PATREON)
    assert found["recognised_as"] == "patreon_members" and found["kind"] == "clients"
    assert found["explanation"] == (
        "Recognised as a Patreon members export: 8 members by e-mail (case ignored); 5 "
        "patrons who paid (Lifetime Amount) counted as customers, 2 charged more than once "
        "(Lifetime Amount ÷ Pledge Amount), 2 active, 2 former patrons churned (dated by "
        "their last charge), 1 declined (last charge failed: not counted as churned), 1 "
        "refund; 1 patron not yet charged (a free trial) kept at consideration; 2 members "
        "free or former without a payment kept as contacts; Lifetime Amount is each patron's "
        "revenue.")
    assert funnel(tmp_path) == [8, 6, 5, 2, 0]
    assert rows(tmp_path, "SELECT client_id, status, purchases, refunds, revenue_current, "
                          "furthest_stage FROM clients ORDER BY client_id") == [
        ("alex@moon.fm", "active", 9, None, 45.0, "retention"),
        ("bea@star.fm", "active", 1, None, 10.0, "purchase"),
        ("cyd@sun.fm", None, 3, None, 15.0, "retention"),
        ("dee@sky.fm", "churned", 1, None, 25.0, "purchase"),
        ("eli@cloud.fm", None, None, None, 0.0, "awareness"),
        ("flo@rain.fm", None, None, None, 0.0, "awareness"),
        ("gus@wind.fm", None, None, None, 0.0, "consideration"),
        ("hal@snow.fm", "churned", 1, 1, 5.0, "purchase")]
    assert rows(tmp_path, "SELECT last_date FROM clients WHERE client_id = 'dee@sky.fm'") == [
        ("2023-09-01",)]


def test_patreon_variant_annual_and_never_charged(tmp_path):
    """Fewer columns, another order. Ann pays $50 a year and has paid $100: two charges
    (retention); Bob left before his first charge: a contact, not churned (nothing paid);
    Cy's first charge went through, the next was declined: a customer; Eve has no e-mail
    (her User ID keys her): $20 at $5, retention. Dee is a free member. 5 members, 3
    paid, 2 more than once; revenue $125; nobody churned."""
    found = import_text(tmp_path, "patrons.csv", (
        "Email,Name,Tier,Pledge Amount,Charge Frequency,Lifetime Amount,Patron Status,"
        "Free Member,Patronage Since Date,Last Charge Date,Last Charge Status,User ID\n"
        "ann@pat.io,Ann,Gold,50.00,annual,100.00,Active patron,No,2022-06-01 09:00:00,"
        "2023-06-01 09:00:00,Paid,501\n"
        "bob@pat.io,Bob,,,,0.00,Former patron,No,2024-02-01 09:00:00,,,502\n"
        "cy@pat.io,Cy,Silver,5.00,monthly,5.00,Declined patron,No,2024-04-01 09:00:00,"
        "2024-05-01 09:00:00,Declined,503\n"
        "dee@pat.io,Dee,Free,,,0.00,,Yes,2024-05-02 09:00:00,,,504\n"
        ",Eve Anon,Silver,5.00,monthly,20.00,Active patron,No,2024-02-01 09:00:00,"
        "2024-05-01 09:00:00,Paid,505\n"))
    assert found["recognised_as"] == "patreon_members"
    assert funnel(tmp_path) == [5, 3, 3, 2, 0]
    assert rows(tmp_path, "SELECT client_id, status, purchases, furthest_stage FROM clients "
                          "ORDER BY client_id") == [
        ("505", "active", 4, "retention"), ("ann@pat.io", "active", 2, "retention"),
        ("bob@pat.io", None, None, "awareness"), ("cy@pat.io", None, 1, "purchase"),
        ("dee@pat.io", None, None, "awareness")]
    assert rows(tmp_path, "SELECT SUM(revenue_current), COUNT(outcome) FROM clients") == [
        (125.0, 0)]


# --- Substack ------------------------------------------------------------------------------------

SUBSTACK = (
    "email,active_subscription,expiry,plan,email_disabled,created_at,first_payment_at\n"
    "ann@a.com,true,2025-01-10T00:00:00.000Z,yearly,false,2023-01-05T10:00:00.000Z,"
    "2023-01-10T10:00:00.000Z\n"
    "bob@b.com,false,,,false,2023-06-01T09:00:00.000Z,\n"
    "cara@c.com,true,2024-06-15T00:00:00.000Z,monthly,false,2024-02-15T12:00:00.000Z,"
    "2024-02-15T12:00:00.000Z\n"
    "dan@d.com,false,2024-03-01T00:00:00.000Z,monthly,false,2023-11-01T08:00:00.000Z,"
    "2023-12-01T08:00:00.000Z\n"
    "eve@e.com,false,,,true,2024-04-01T08:00:00.000Z,\n"
    "fay@f.com,true,2024-06-20T00:00:00.000Z,comp,false,2024-05-20T08:00:00.000Z,\n")


def test_substack_subscribers(tmp_path):
    """Ann paid a year from 2023-01-10 and is paid up to 2025-01-10: two payments; Cara
    monthly from Feb 15 to Jun 15: four; Dan monthly Dec 1 to Mar 1: three, then his
    subscription ended: churned on 2024-03-01. Bob and Eve are free, Fay comped (free):
    contacts. 6 subscribers, 3 paid, all 3 more than once. No amounts: revenue unknown."""
    found = import_text(tmp_path, "subscribers.csv", SUBSTACK)
    assert found["recognised_as"] == "substack_subscribers" and found["kind"] == "clients"
    assert found["explanation"] == (
        "Recognised as a Substack subscribers export: 6 subscribers by e-mail (case "
        "ignored); 3 paid subscribers (a first payment) counted as customers, 3 paid more "
        "than once (the plan's periods from the first payment to the expiry), 1 no longer "
        "active churned (dated by the expiry); 0 subscribers on a paid plan's free trial kept "
        "at consideration; 3 free subscribers (comp and gift ones too: 1) kept as contacts; "
        "the export has no amounts, so revenue stays unknown.")
    assert funnel(tmp_path) == [6, 3, 3, 3, 0]
    assert rows(tmp_path, "SELECT client_id, status, purchases, last_date FROM clients "
                          "WHERE purchases IS NOT NULL ORDER BY client_id") == [
        ("ann@a.com", "active", 2, "2023-01-05 10:00:00"),
        ("cara@c.com", "active", 4, "2024-02-15 12:00:00"),
        ("dan@d.com", "churned", 3, "2024-03-01")]
    assert rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_events) FROM clients") == [
        (None, None)]


def test_substack_variant_founding_gift_and_trial(tmp_path):
    """Columns in another order. A founding member paid 2022-03-01 to 2025-03-01 (three
    yearly payments); a gift subscriber paid nothing: a contact; a monthly subscriber in
    a free trial (active, no payment yet): consideration; one paid once with no expiry
    written: one payment; a yearly subscriber who paid once and ended: churned; a free
    reader. 6 subscribers, 4 considered, 3 paid, 1 more than once."""
    found = import_text(tmp_path, "export.csv", (
        "email,plan,active_subscription,created_at,first_payment_at,expiry,email_disabled\n"
        "a@x.com,founding,true,2022-03-01T00:00:00.000Z,2022-03-01T00:00:00.000Z,"
        "2025-03-01T00:00:00.000Z,false\n"
        "b@x.com,gift,true,2024-01-01T00:00:00.000Z,,2025-01-01T00:00:00.000Z,false\n"
        "c@x.com,monthly,true,2024-05-28T00:00:00.000Z,,2024-06-04T00:00:00.000Z,false\n"
        "d@x.com,monthly,true,2024-05-01T00:00:00.000Z,2024-05-01T00:00:00.000Z,,false\n"
        "e@x.com,yearly,false,2022-01-01T00:00:00.000Z,2022-01-15T00:00:00.000Z,"
        "2023-01-15T00:00:00.000Z,false\n"
        "f@x.com,,false,2024-01-01T00:00:00.000Z,,,true\n"))
    assert found["recognised_as"] == "substack_subscribers"
    assert funnel(tmp_path) == [6, 4, 3, 1, 0]
    assert rows(tmp_path, "SELECT client_id, status, purchases, furthest_stage FROM clients "
                          "ORDER BY client_id") == [
        ("a@x.com", "active", 3, "retention"), ("b@x.com", None, None, "awareness"),
        ("c@x.com", None, None, "consideration"), ("d@x.com", "active", 1, "purchase"),
        ("e@x.com", "churned", 1, "purchase"), ("f@x.com", None, None, "awareness")]


# --- ordinary sheets are not taken for these exports ---------------------------------------------

@pytest.mark.parametrize("headers", [
    "Start Time,First Name,Last Name,Email,Type,Notes",
    "Date,Time,Customer,Service,Price",
    "Client,Date,Status,Price",
    "Code,Service,Start date,Client,Status",
    "Order ID,Order Date,Email,Status,Total,Ticket",
    "Client ID,First Name,Last Name,Email,Status,Last Visit",
    "Name,Email,Plan,Status,Created At,MRR",
    "Customer Id,Customer Email,Status,Created At,Plan Id,Subscription Id",
    "email,created_at,plan",
    "Name,Email,Pledge,Status",
])
def test_ordinary_sheets_with_similar_headers_are_not_these_exports(headers):
    found = recognise(headers.split(","))
    assert found is None or found.name not in NEW_PROFILES
