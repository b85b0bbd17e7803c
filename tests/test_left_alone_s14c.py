"""Misreadings earlier sweeps noticed and left alone (session 14, C). Each sheet goes through
the command line and is checked against figures worked out by hand before importing;
beside each, where it matters, a sheet where the rule must not fire.

- A client's number under "Patient ID", "Member No." or "Client #" is the client's ID: two
  people of one name are two clients, and "Client #" is no name (were one client, or
  clients named 501, 502).
- Dates that read either way (Keap's "03/02/2024 10:15 AM") take their order from the
  sheet's other dates where those settle it ("Last Updated" 03/20/2024: month first):
  March 170 and April 50 (were January 70, February 100 and May 50).
- A clinic's appointment "Type" (Initial Consultation, Follow-up) no longer keeps a day in
  "Cancelled At" from marking a cancellation: 2 cancellations of 150 (were none, 4
  contacts of 300); the type stays as the touchpoint.
- A client list's "Lost reason": a lead with a reason is lost (its status), keeping the
  stage it reached (were 0 lost); one won or said active is not.
- A bookings export with a row per person on a booking (Rezdy's manifest, a "Booking Ref"
  with a participant per row) is bookings: a purchase per booking, its total once, the
  booking its first person's: 3 bookings of 545 (were a client list of 3 nameless people
  and 2 rows rejected; or 3 bookings of 1,265, each total counted once per person).
- A phone list whose rows name no one (Mobile, Suburb, Visits; or a Name left blank) is
  clients keyed by their number, as an appointments sheet's are: 3 clients, [3, 2, 2, 1, 0]
  (was reference, no clients; or the nameless row rejected).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

MONTHS = ("SELECT substr(date, 1, 7), SUM(amount) FROM events WHERE kind = 'purchase' "
          "GROUP BY 1 ORDER BY 1")
CLIENTS = "SELECT client_id, name, furthest_stage FROM clients ORDER BY client_id"


# --- the client's number as its ID --------------------------------------------------------

def test_a_patient_id_keys_the_patient(tmp_path):
    """Two patients named Ann Lee: P-101 came twice (80 + 60), P-102 once (80): 2 clients,
    3 purchases of 220, P-101 retained (was one Ann Lee with all three visits)."""
    found = cli_import_text(tmp_path, "visits.csv", (
        "Patient ID,Patient Name,Date,Service,Fee\n"
        "P-101,Ann Lee,2024-03-01,Consult,80\n"
        "P-102,Ann Lee,2024-03-05,Consult,80\n"
        "P-101,Ann Lee,2024-03-20,Follow-up,60\n"))
    assert found["mapping"]["Patient ID"] == "client_id"
    assert kind_totals(tmp_path, "purchase") == (3, 220.0)
    assert workspace_rows(tmp_path, CLIENTS) == [
        ("P-101", "Ann Lee", "retention"), ("P-102", "Ann Lee", "purchase")]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_client_number_sign_is_no_name(tmp_path):
    """"Client #" beside "Client": the number keys, the name names (were clients named
    501, 502, 503). Ann 501 came twice: [3, 3, 3, 1, 0], 4 purchases of 210."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Date,Client #,Client,Service,Fee\n"
        "2024-03-01,501,Ann Lee,Cut,40\n"
        "2024-03-02,502,Ann Lee,Colour,90\n"
        "2024-03-09,501,Ann Lee,Cut,40\n"
        "2024-03-10,503,Bob Ray,Cut,40\n"))
    assert found["mapping"]["Client #"] == "client_id"
    assert workspace_rows(tmp_path, CLIENTS) == [
        ("501", "Ann Lee", "retention"), ("502", "Ann Lee", "purchase"),
        ("503", "Bob Ray", "purchase")]
    assert kind_totals(tmp_path, "purchase") == (4, 210.0)


def test_a_member_number_keys_a_member_list(tmp_path):
    """A club's members: M-1 and M-2 are both Ann Lee; 3 members, their visits counted
    (3, 1, 0): [3, 2, 2, 1, 0] (was 2 people and 3 contacts)."""
    found = cli_import_text(tmp_path, "members.csv", (
        "Member No.,Member Name,Joined,Visits\n"
        "M-1,Ann Lee,2024-01-05,3\n"
        "M-2,Ann Lee,2024-02-01,1\n"
        "M-3,Bob Ray,2024-02-11,0\n"))
    assert found["kind"] == "clients"
    assert [r[0] for r in workspace_rows(tmp_path, CLIENTS)] == ["M-1", "M-2", "M-3"]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


# --- an amount before tax and its tax, no total ---------------------------------------------

def test_an_amount_ex_vat_and_its_vat_are_what_was_paid(tmp_path):
    """100 + 20, 250 + 50, 40 + 8: 3 sales of 468 (were 3 sales of no amount)."""
    cli_import_text(tmp_path, "invoices.csv", (
        "Invoice Number,Customer,Email,Invoice Date,Amount ex VAT,VAT amount\n"
        "INV-1,Ann Lee,ann@x.com,2024-03-01,100.00,20.00\n"
        "INV-2,Bob Ray,bob@x.com,2024-03-05,250.00,50.00\n"
        "INV-3,Ann Lee,ann@x.com,2024-04-01,40.00,8.00\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 468.0)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_subtotal_and_tax_sum_and_a_blank_tax_is_none(tmp_path):
    """Subtotal 80 + Tax 8, and 50 with no tax (exempt): 2 sales of 138; the
    "(excl. tax)" amount, mapped as the amount, is before tax too: 200 + 40 = 240."""
    cli_import_text(tmp_path, "sales.csv", (
        "Order ID,Date,Customer,Subtotal,Tax\n"
        "A1,2024-03-01,Ann Lee,80,8\n"
        "A2,2024-03-02,Bob Ray,50,\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 138.0)
    other = tmp_path / "other"
    other.mkdir()
    cli_import_text(other, "sales.csv", (
        "Order ID,Date,Customer,Amount (excl. tax),Tax\n"
        "A1,2024-03-01,Ann Lee,200,40\n"))
    assert kind_totals(other, "purchase") == (1, 240.0)


def test_a_total_beside_subtotal_and_tax_is_still_the_amount(tmp_path):
    """Subtotal 100, Tax 10, Shipping 5, Total 115: the Total, 115 (not 110)."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Customer,Subtotal,Tax,Shipping,Total\n"
        "A1,2024-03-01,Ann Lee,100,10,5,115\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 115.0)


# --- a record type of Order and Refund -------------------------------------------------------

def test_a_record_type_refund_is_a_refund_not_a_second_sale(tmp_path):
    """Ann 100, Bob 60, Cy 45 ordered; Ann's 100 came back: 3 sales of 205, 1 refund of 100,
    no one bought twice: [3, 3, 3, 0, 0] (were 4 sales of 305, Ann retained)."""
    found = cli_import_text(tmp_path, "transactions.csv", (
        "Transaction ID,Date,Customer Email,Customer Name,Record Type,Amount\n"
        "T1,2024-03-01,ann@x.com,Ann Lee,Order,100.00\n"
        "T2,2024-03-04,bob@x.com,Bob Ray,Order,60.00\n"
        "T3,2024-03-08,ann@x.com,Ann Lee,Refund,100.00\n"
        "T4,2024-03-10,cy@x.com,Cy Tan,Order,45.00\n"))
    assert found["mapping"]["Record Type"] == "kind"
    assert kind_totals(tmp_path, "purchase") == (3, 205.0)
    assert kind_totals(tmp_path, "refund") == (1, 100.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_crm_record_type_is_no_kind(tmp_path):
    """A CRM's accounts: "Record Type" says what record it is (Business, Person Account):
    kept as extra; the sheet stays a client list, Acme a customer."""
    found = cli_import_text(tmp_path, "accounts.csv", (
        "Account ID,Account Name,Record Type,Email,Stage\n"
        "A1,Acme Ltd,Business Account,a@acme.com,Customer\n"
        "A2,Ann Lee,Person Account,ann@x.com,Lead\n"))
    assert found["kind"] == "clients"
    assert found["mapping"]["Record Type"] is None
    assert cli_funnel(tmp_path) == [2, 1, 1, 0, 0]


# --- a rating left blank on most rows ---------------------------------------------------------

def test_a_blog_with_a_rating_now_and_then_is_no_reviews(tmp_path):
    """Posts by Ann, Bob and Cy, one rated 4: no review, no advocate (were 4 reviews and
    [3, 3, 3, 3, 3]); kept as reference, as the same sheet without its Rating is."""
    found = cli_import_text(tmp_path, "blog.csv", (
        "Date,Title,Author,Category,Rating,Views\n"
        "2024-03-01,Ten tips for spring,Ann Lee,Gardening,,120\n"
        "2024-03-08,How we pick our roses,Bob Ray,Gardening,,85\n"
        "2024-03-15,Our new shop,Ann Lee,News,,300\n"
        "2024-03-22,Watering 101,Cy Tan,Gardening,4,60\n"))
    assert found["recognised_as"] is None
    assert kind_totals(tmp_path, "review") == (0, None)
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_reviews_rated_on_most_rows_are_still_reviews(tmp_path):
    """Three of four reviews rated (5, 2, 4), one left blank: 4 reviews; Ann's 5 and Cy's 4
    and Di's (no stars) prove advocacy, Bob's 2 is a complaint and places him nowhere
    further: [4, 3, 3, 3, 3]."""
    found = cli_import_text(tmp_path, "reviews.csv", (
        "Date,Author,Rating,Review\n"
        "2024-03-01,Ann Lee,5,Lovely\n"
        "2024-03-02,Bob Ray,2,Slow\n"
        "2024-03-03,Cy Tan,4,Good\n"
        "2024-03-04,Di Woo,,Fine\n"))
    assert found["recognised_as"] is not None
    assert kind_totals(tmp_path, "review") == (4, 11.0)
    assert kind_totals(tmp_path, "complaint")[0] == 1
    assert cli_funnel(tmp_path) == [4, 3, 3, 3, 3]


# --- dates that read either way, settled by the sheet's other dates ----------------------------

KEAP_ORDERS = (
    "Order Id,Contact Name,Email,Order Date,Order Total,Last Updated\n"
    "1001,Ann Lee,ann@x.com,03/02/2024 10:15 AM,100,03/20/2024 09:00 AM\n"
    "1002,Bob Ray,bob@x.com,04/05/2024 11:00 AM,50,04/05/2024 11:30 AM\n"
    "1003,Ann Lee,ann@x.com,03/01/2024 09:00 AM,70,03/01/2024 09:10 AM\n")


def test_ambiguous_dates_take_the_order_the_sheets_other_dates_settle(tmp_path):
    """"Last Updated" 03/20/2024 is month first, so the orders are of 1 and 2 March (70,
    100) and 5 April (50): March 170, April 50 (were 3 January, 3 February and 4 May)."""
    found = cli_import_text(tmp_path, "orders.csv", KEAP_ORDERS)
    assert workspace_rows(tmp_path, MONTHS) == [("2024-03", 170.0), ("2024-04", 50.0)]
    assert workspace_rows(tmp_path, "SELECT date FROM events WHERE amount = 100") == [
        ("2024-03-02 10:15:00",)]
    assert "as 'Last Updated' on the same sheet shows (03/20/2024 09:00 AM)" in str(found)


def test_a_column_that_settles_itself_keeps_its_own_order(tmp_path):
    """"Created" is day first by its own 25/03/2024; "Due" month first by 03/20/2024, and
    the sheet's say (month first, two cells to one) moves neither: invoice 2 was made on
    4 February (04/02/2024, day first as its column is), not 2 April."""
    cli_import_text(tmp_path, "invoices.csv", (
        "Invoice Number,Customer,Created,Due,Total,Paid\n"
        "1,Ann Lee,25/03/2024,03/20/2024,100,Yes\n"
        "2,Bob Ray,04/02/2024,04/25/2024,80,Yes\n"))
    assert workspace_rows(tmp_path, MONTHS) == [("2024-02", 80.0), ("2024-03", 100.0)]


def test_where_nothing_settles_it_the_setting_still_does(tmp_path):
    """Every date reads either way: day first, as the workspace's setting says (03/02 is
    3 February), and the note says so."""
    found = cli_import_text(tmp_path, "orders.csv", (
        "Order Id,Contact Name,Order Date,Order Total,Last Updated\n"
        "1001,Ann Lee,03/02/2024,100,03/04/2024\n"
        "1002,Bob Ray,04/05/2024,50,04/06/2024\n"))
    assert workspace_rows(tmp_path, MONTHS) == [("2024-02", 100.0), ("2024-05", 50.0)]
    assert "the workspace's setting for dates like 03/04 says" in str(found)


# --- a day in "Cancelled At" beside an appointment's type --------------------------------------

def test_cancelled_at_marks_a_cancellation_whatever_the_appointment_type(tmp_path):
    """Bob's consultation (90) and Cy's follow-up (60) were cancelled: 2 cancellations of
    150; Ann's two visits stay contacts (a fee alone makes no sale), 150 (were 4 contacts
    of 300 and no cancellation)."""
    cli_import_text(tmp_path, "appointments.csv", (
        "Appointment Date,Patient,Email,Type,Practitioner,Cancelled At,Fee\n"
        "2024-03-01,Ann Lee,ann@x.com,Initial Consultation,Dr Kim,,90\n"
        "2024-03-04,Bob Ray,bob@x.com,Initial Consultation,Dr Kim,2024-03-03 16:00,90\n"
        "2024-03-08,Ann Lee,ann@x.com,Follow-up,Dr Kim,,60\n"
        "2024-03-11,Cy Tan,cy@x.com,Follow-up,Dr Kim,2024-03-10 09:30,60\n"))
    assert kind_totals(tmp_path, "cancellation") == (2, 150.0)
    assert kind_totals(tmp_path, "contact") == (2, 150.0)
    assert workspace_rows(tmp_path, "SELECT touchpoint FROM events WHERE kind = "
                                    "'cancellation' ORDER BY date") == [
        ("Initial Consultation",), ("Follow-up",)]


def test_cancelled_at_leaves_a_refund_a_refund(tmp_path):
    """A Sale cancelled on 3 March is a cancellation; a Refund with the same column filled
    stays a refund of 40; Ann's other sale (100) is a sale."""
    cli_import_text(tmp_path, "sales.csv", (
        "Date,Customer,Type,Cancelled At,Amount\n"
        "2024-03-01,Ann Lee,Sale,,100\n"
        "2024-03-02,Bob Ray,Sale,2024-03-03,50\n"
        "2024-03-05,Ann Lee,Refund,2024-03-05,40\n"))
    assert kind_totals(tmp_path, "purchase") == (1, 100.0)
    assert kind_totals(tmp_path, "cancellation") == (1, 50.0)
    assert kind_totals(tmp_path, "refund") == (1, 40.0)


# --- a client list's lost reason ---------------------------------------------------------------

def test_a_lost_reason_on_a_client_list_marks_the_lead_lost(tmp_path):
    """Bob (Proposal) and Cy (Lead) have reasons: lost, at the stage they reached; Di won
    with a stray reason stays a customer, Ed said Active stays active; the funnel is the
    same, [5, 3, 1, 0, 0], with 2 lost (were 0)."""
    found = cli_import_text(tmp_path, "leads.csv", (
        "Name,Email,Stage,Status,Lost reason\n"
        "Ann Lee,ann@x.com,Proposal,,\n"
        "Bob Ray,bob@x.com,Proposal,,Too expensive\n"
        "Cy Tan,cy@x.com,Lead,,Went with competitor\n"
        "Di Woo,di@x.com,Won,,Price\n"
        "Ed Orr,ed@x.com,Lead,Active,Timing\n"))
    assert found["mapping"]["Lost reason"] is None          # kept with the row
    assert workspace_rows(tmp_path, "SELECT name, furthest_stage, status FROM clients "
                                    "ORDER BY name") == [
        ("Ann Lee", "consideration", None), ("Bob Ray", "consideration", "lost"),
        ("Cy Tan", "awareness", "lost"), ("Di Woo", "purchase", None),
        ("Ed Orr", "awareness", "active")]
    assert cli_funnel(tmp_path) == [5, 3, 1, 0, 0]


# --- a row per person on a booking ------------------------------------------------------------

def test_a_booking_manifest_is_a_purchase_per_booking_its_total_once(tmp_path):
    """Ann booked 2 people (180), Bob 1 (95), Cy 3 (270): 3 purchases of 545 (were 3
    purchases of 1,265: 360 + 95 + 810, each booking's total once per person)."""
    cli_import_text(tmp_path, "rezdy_manifest.csv", (
        "Order Number,Status,Date Created,Product Name,Tour Date,Customer First Name,"
        "Customer Last Name,Customer Email,Participant First Name,Participant Last Name,"
        "Total Amount,Total Paid\n"
        "R1,CONFIRMED,2024-03-01 09:10,Harbour Kayak,2024-03-10 10:00,Ann,Lee,ann@x.com,"
        "Ann,Lee,$180.00,$180.00\n"
        "R1,CONFIRMED,2024-03-01 09:10,Harbour Kayak,2024-03-10 10:00,Ann,Lee,ann@x.com,"
        "Tom,Lee,$180.00,$180.00\n"
        "R2,CONFIRMED,2024-03-02 12:00,Reef Snorkel,2024-03-12 09:00,Bob,Ray,bob@x.com,"
        "Bob,Ray,$95.00,$95.00\n"
        "R3,CONFIRMED,2024-03-05 16:30,Harbour Kayak,2024-03-15 10:00,Cy,Tan,cy@x.com,"
        "Cy,Tan,$270.00,$270.00\n"
        "R3,CONFIRMED,2024-03-05 16:30,Harbour Kayak,2024-03-15 10:00,Cy,Tan,cy@x.com,"
        "Jo,Tan,$270.00,$270.00\n"
        "R3,CONFIRMED,2024-03-05 16:30,Harbour Kayak,2024-03-15 10:00,Cy,Tan,cy@x.com,"
        "Mo,Tan,$270.00,$270.00\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 545.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_participant_per_row_is_the_bookings_party_not_clients(tmp_path):
    """Each row names one person; the booking is its first person's: Ann (180), Bob (95),
    Cy (270): 3 purchases of 545, 3 clients (was a client list of 3 nameless people, Tom's
    and Jo's rows rejected); Tom is kept with Ann's booking."""
    found = cli_import_text(tmp_path, "bookings.csv", (
        "Booking Ref,Tour,Participant Name,Email,Booking Total\n"
        "B-1,Harbour Kayak,Ann Lee,ann@x.com,180\n"
        "B-1,Harbour Kayak,Tom Lee,,180\n"
        "B-2,Reef Snorkel,Bob Ray,bob@x.com,95\n"
        "B-3,Harbour Kayak,Cy Tan,cy@x.com,270\n"
        "B-3,Harbour Kayak,Jo Tan,,270\n"))
    assert found["kind"] == "events" and found["rejected"] == 0
    assert kind_totals(tmp_path, "purchase") == (3, 545.0)
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Bob Ray",), ("Cy Tan",)]
    assert "Tom Lee" in workspace_rows(tmp_path, "SELECT extra FROM events "
                                                 "WHERE order_id = 'B-1'")[0][0]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_price_per_person_on_a_booking_adds_up(tmp_path):
    """A price of each person (not the booking's total): B-1 two at 90 is 180, B-2 95,
    B-3 two at 90 is 180: 3 purchases of 455 (were 5 contacts of 455, Tom and Jo clients)."""
    cli_import_text(tmp_path, "bookings.csv", (
        "Booking ID,Tour,Date,Participant,Email,Price\n"
        "B-1,Harbour Kayak,2024-03-02,Ann Lee,ann@x.com,90.00\n"
        "B-1,Harbour Kayak,2024-03-02,Tom Lee,tom@x.com,90.00\n"
        "B-2,Reef Snorkel,2024-03-05,Bob Ray,bob@x.com,95.00\n"
        "B-3,Harbour Kayak,2024-03-09,Cy Tan,cy@x.com,90.00\n"
        "B-3,Harbour Kayak,2024-03-09,Jo Tan,jo@x.com,90.00\n"))
    assert kind_totals(tmp_path, "purchase") == (3, 455.0)
    assert workspace_rows(tmp_path, "SELECT amount FROM events ORDER BY order_id") == [
        (180.0,), (95.0,), (180.0,)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- a phone list that names no one ------------------------------------------------------------

PHONE_LIST = ("Mobile,Suburb,Visits\n"
              "0412 345 678,Bondi,2\n"
              "0413 111 222,Manly,1\n"
              "0414 999 000,Coogee,0\n")


def test_a_list_of_numbers_is_clients_keyed_by_number(tmp_path):
    """Three numbers, visits 2, 1, 0: 3 clients, [3, 2, 2, 1, 0] (was reference rows, no
    client); imported again, the same 3 updated; a later sale to 0412 345 678 is theirs."""
    found = cli_import_text(tmp_path, "phones.csv", PHONE_LIST)
    assert found["kind"] == "clients"
    assert workspace_rows(tmp_path, "SELECT client_key FROM clients ORDER BY 1") == [
        ("phone:0412345678",), ("phone:0413111222",), ("phone:0414999000",)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]
    again = cli_import_text(tmp_path, "phones.csv", PHONE_LIST)
    assert (again["inserted"], again["updated"]) == (0, 3)
    cli_import_text(tmp_path, "sales.csv", ("Date,Phone,Service,Amount,Paid\n"
                                            "2024-05-01,0414 999 000,Massage,80,Yes\n"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(3,)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_phone_list_row_with_no_name_is_its_numbers(tmp_path):
    """Name left blank on Bob's row, his number given: 3 clients (was 2, his row
    rejected); Ann and Cy still known by name."""
    found = cli_import_text(tmp_path, "clients.csv", ("Name,Mobile\n"
                                                      "Ann Lee,0412 345 678\n"
                                                      ",0413 111 222\n"
                                                      "Cy Tan,0414 999 000\n"))
    assert found["rejected"] == 0
    assert workspace_rows(tmp_path, "SELECT client_key FROM clients ORDER BY 1") == [
        ("name:ann lee",), ("name:cy tan",), ("phone:0413111222",)]


def test_the_shops_own_number_on_every_row_is_no_phone_list(tmp_path):
    """One number on every row: the business's, not a list of clients (stays reference)."""
    found = cli_import_text(tmp_path, "stock.csv", ("Item,Phone,Stock\n"
                                                    "Mug,0412 345 678,4\n"
                                                    "Vase,0412 345 678,2\n"))
    assert found["kind"] == "reference"
