"""Misreadings of events and exports left alone in session 23 (session 24, B). Each sheet
goes through the command line and is checked against figures worked out by hand (the
working in each docstring); beside each mend, a sheet where it must not fire.

- A later import moved a client's first contact later: a venue's Bookings tab put Amy &
  Tom's first contact on their wedding day (14/06/2026), not their enquiry (02/01/2025).
  A client's first contact is the earliest date any import gives; undoing either import
  leaves the client as the other alone makes it.
- A tool hire's "Returned" with no "On hire" status was a refund beside each sale: where a
  header or the sheet's name says hire or rental, it is the hire over. A shop's
  "Returned" stays money back.
- A cash book's payer of three or four names was cut to two ("The Foundation Gym" ->
  "The Foundation"): a part of the line of names alone is the payer in full; a name
  followed by a money word ("Sarah Jones Deposit") stays two words.
- A car-hire firm's staff list (Name, Role, Hourly rate) made 3 clients: a job column
  beside a pay column, or either on a sheet named for staff, is the business's own
  people. A Turkish driving school's students (Öğrenci Adı, Ücret) were reference rows:
  they are clients. A contact's role at their firm, or a pupil's hourly rate, stays a
  client list.
- A day without a year at a diary's end after December ("12 Jan" after 15/12/25) took the
  title's year: it takes the next. One that fits its neighbour's year keeps the title's.
- Razorpay's "Created" (a payment begun, not made) was a purchase: a contact at
  consideration. A refunds export naming each refund's payment ("Payment ID") left the
  refunded at purchase with no purchase, and read a "Pending" one as money back: each
  payment is a purchase (of no amount given), a pending refund a contact of what is asked.
  A refunds list naming no payment stays refunds.
- Reverb's "Received" (numbered orders of goods), PagBank's "Disponível" and "Em disputa"
  were unknown words read as purchases with a note: now known (figures unchanged). A job
  list's "Received" keeps the note.
- 'Jane Hall' and 'Janet Hall' at one number are one client (Jane is Janet's first
  letters: right already, kept as a test); first names a letter apart ('Mark'/'Mary',
  'Jane'/'John', 'Jan'/'Jon') at one household number stay two people: no rule is safe.
"""

from __future__ import annotations

import datetime

from conftest import (cli_funnel, cli_import_book, cli_import_text, cli_undo, kind_totals,
                      workspace_rows, workspace_state)

D = datetime.date
FIRST = "SELECT name, first_contact FROM clients ORDER BY name"
SALES = "SELECT name, purchase_count, revenue_events FROM clients ORDER BY name"


# --- 1. a first contact is the earliest date any import gives ------------------------

VENUE = {"Enquiries": [
    ["Hollybank Barn - wedding enquiries"],
    ["Enquiry date", "Couple", "Email", "Wedding date", "Guests", "Source", "Viewing"],
    ["02/01/2025", "Amy & Tom", "amy@example.com", "14/06/2026", 100, "Hitched", "✓"],
    ["05/01/2025", "Priya & Dev", "priya@example.com", "2026", 150, "Instagram", "✓"],
    ["09/01/2025", "Lucy & Ben", "lucy@example.com", "Sept 26", 80, "Wedding fair", None]],
    "Bookings": [
    ["Confirmed weddings"],
    ["Couple", "Email", "Wedding date", "Package", "Price", "Deposit paid", "Balance due"],
    ["Amy & Tom", "amy@example.com", "14/06/2026", "Full day", "£9,500", "£2,000",
     "14/04/2026"],
    ["Priya & Dev", "priya@example.com", "22/08/2026", "Exclusive weekend", "£14,000",
     "£3,000", "22/06/2026"]]}
ENQUIRIES = ("Enquiry date,Couple,Email\n02/01/2025,Amy & Tom,amy@example.com\n"
             "05/01/2025,Priya & Dev,priya@example.com\n")
BOOKINGS = ("Couple,Email,Wedding date,Price\n"
            "Amy & Tom,amy@example.com,14/06/2026,9500\n"
            "Priya & Dev,priya@example.com,22/08/2026,14000\n")


def test_a_bookings_tab_keeps_the_enquiry_as_first_contact(tmp_path):
    """Enquiries: Amy & Tom 02/01/2025, Priya & Dev 05/01/2025, Lucy & Ben 09/01/2025;
    the Bookings tab's wedding days (14/06/2026, 22/08/2026) come later, so the first
    contacts stay the enquiries' (were 2026-06-14 and 2026-08-22). Funnel unchanged:
    [3, 2, 2, 0, 0] (three enquired, two viewed, two booked)."""
    cli_import_book(tmp_path, "Venue.xlsx", VENUE)
    assert workspace_rows(tmp_path, FIRST) == [
        ("Amy & Tom", "2025-01-02"), ("Lucy & Ben", "2025-01-09"),
        ("Priya & Dev", "2025-01-05")]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_an_earlier_date_given_later_moves_the_first_contact_back(tmp_path):
    """Must not fire the other way: the bookings first (first contacts 14/06/2026 and
    22/08/2026), then the enquiries: their earlier dates (02/01/2025, 05/01/2025) are the
    first contacts."""
    cli_import_text(tmp_path, "bookings.csv", BOOKINGS)
    assert workspace_rows(tmp_path, FIRST) == [
        ("Amy & Tom", "2026-06-14"), ("Priya & Dev", "2026-08-22")]
    cli_import_text(tmp_path, "enquiries.csv", ENQUIRIES)
    assert workspace_rows(tmp_path, FIRST) == [
        ("Amy & Tom", "2025-01-02"), ("Priya & Dev", "2025-01-05")]


def test_undoing_either_list_leaves_the_other_alone(tmp_path):
    """Enquiries then bookings. Undo the bookings: the workspace is as the enquiries alone
    leave it. Undo the enquiries instead: the first contacts are the bookings' own
    (2026-06-14, 2026-08-22), as the bookings alone give them."""
    places = {name: tmp_path / name for name in ("enq", "book", "both1", "both2")}
    for place in places.values():
        place.mkdir()
    cli_import_text(places["enq"], "enquiries.csv", ENQUIRIES)
    cli_import_text(places["book"], "bookings.csv", BOOKINGS)
    for name in ("both1", "both2"):
        cli_import_text(places[name], "enquiries.csv", ENQUIRIES)
        cli_import_text(places[name], "bookings.csv", BOOKINGS)
    cli_undo(places["both1"], 2)
    assert workspace_rows(places["both1"], FIRST) == workspace_rows(places["enq"], FIRST)
    assert (workspace_state(places["both1"])["clients"]
            == workspace_state(places["enq"])["clients"])
    cli_undo(places["both2"], 1)
    assert workspace_rows(places["both2"], FIRST) == [
        ("Amy & Tom", "2026-06-14"), ("Priya & Dev", "2026-08-22")]


# --- 2. a hire log's "Returned": the hire over, no money back -----------------------------

def test_a_tool_hires_returned_is_a_hire_done_not_a_refund(tmp_path):
    """A tool hire's log, 'Hire fee' and Status with no 'On hire': Ann's sander (60) and
    Bo's carpet cleaner (35) Returned are hires done, 2 sales of 95 and no refund; Cal's
    tile cutter Booked (40) a date to come: [3, 3, 2, 0, 0] (was 2 refunds of 95 beside
    the sales)."""
    found = cli_import_text(tmp_path, "hire log.csv", (
        "Date,Customer,Item,Status,Hire fee\n"
        "2025-06-02,Ann Bell,Floor sander,Returned,60\n"
        "2025-06-09,Bo Chan,Carpet cleaner,Returned,35\n"
        "2025-06-16,Cal Dee,Tile cutter,Booked,40\n"))
    assert not any("refund" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 95.0)
    assert kind_totals(tmp_path, "refund") == (0, None)
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


def test_a_shops_returned_order_is_still_money_back(tmp_path):
    """Must not fire: a shop's orders (no hire or rental named) with 'Returned' beside
    'Paid': Ann's 60 sent back is a sale with a refund of 60 beside it; Bo's 35 a sale:
    2 sales of 95, 1 refund of 60."""
    cli_import_text(tmp_path, "orders.csv", (
        "Date,Customer,Item,Status,Total\n"
        "2025-06-02,Ann Bell,Floor lamp,Returned,60\n"
        "2025-06-09,Bo Chan,Rug,Paid,35\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 95.0)
    assert kind_totals(tmp_path, "refund") == (1, 60.0)


# --- 3. a cash book's payer of three or four names, in full -------------------------------

def test_a_cash_books_payer_of_three_names_is_named_in_full(tmp_path):
    """Details 'The Foundation Gym' (120) and 'Mary Ann Hope - lesson' (30 twice) name
    their payers in full (were 'The Foundation' and 'Mary Ann'); 'Lottery Cafe' 45 a
    client; stationery out: 3 clients, 4 sales of 225, Mary Ann bought on two days:
    [3, 3, 3, 1, 0]."""
    cli_import_book(tmp_path, "Cash book.xlsx", {"Sheet1": [
        ["Date", "Details", "In", "Out"],
        ["06/04/2025", "Mary Ann Hope - lesson", 30, None],
        ["07/04/2025", "The Foundation Gym", 120, None],
        ["08/04/2025", "Lottery Cafe", 45, None],
        ["09/04/2025", "Mary Ann Hope - lesson", 30, None],
        ["10/04/2025", "Stationery", None, 12]]})
    assert workspace_rows(tmp_path, SALES) == [
        ("Lottery Cafe", 1, 45.0), ("Mary Ann Hope", 2, 60.0),
        ("The Foundation Gym", 1, 120.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_payers_name_followed_by_what_was_paid_for_stays_two_words(tmp_path):
    """Must not fire: 'Sarah Jones Deposit' (a money word after the name) is Sarah Jones,
    'Tom Reed lesson' Tom Reed: 2 clients, 2 sales of 80."""
    cli_import_book(tmp_path, "Cash book.xlsx", {"Sheet1": [
        ["Date", "Details", "In", "Out"],
        ["06/04/2025", "Sarah Jones Deposit", 50, None],
        ["07/04/2025", "Tom Reed lesson", 30, None],
        ["10/04/2025", "Stationery", None, 12]]})
    assert workspace_rows(tmp_path, SALES) == [("Sarah Jones", 1, 50.0), ("Tom Reed", 1, 30.0)]


# --- 4. a list of staff, and a list of students ------------------------------------------

def test_a_car_hire_firms_staff_list_is_no_clients(tmp_path):
    """Name, Role (Driver, Bookings, Valeter), Start date, Phone, Hourly rate: the firm's
    own people, kept as reference rows: 0 clients (was 3 clients at awareness)."""
    found = cli_import_text(tmp_path, "car hire staff.csv", (
        "Name,Role,Start date,Phone,Hourly rate\n"
        "Dave Pike,Driver,2023-04-01,07700 900301,£12.50\n"
        "Sara Lowe,Bookings,2024-01-15,07700 900302,£13.00\n"
        "Mo Khan,Valeter,2024-06-03,07700 900303,£11.50\n"))
    assert found["kind"] == "reference"
    assert ("Sheet 'car hire staff' lists the business's own people ('Role' beside 'Hourly "
            "rate' and its name says staff): staff, not clients, kept as reference rows. If "
            "they are clients, import it as 'Clients: one row per client' under 'Import "
            "this sheet as' (--kind clients).") in found["notes"]
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_a_turkish_driving_schools_students_are_clients(tmp_path):
    """Öğrenci Adı (the student's name), Telefon, Sınav Tarihi (exam date), Sonuç (the
    exam's result), Ücret (the fee, ₺12.000 each): 3 clients, each paid 12,000, at
    purchase: [3, 3, 3, 0, 0] (was kept as reference rows, 0 clients)."""
    found = cli_import_text(tmp_path, "ogrenciler.csv", (
        "Öğrenci Adı,Telefon,Sınav Tarihi,Sonuç,Ücret\n"
        "Ayşe Demir,0532 111 2233,2025-03-10,Başarılı,₺12.000\n"
        "Mehmet Kaya,0533 222 3344,2025-03-10,Başarısız,₺12.000\n"
        "Elif Şahin,0534 333 4455,2025-03-17,Başarılı,₺12.000\n"))
    assert found["kind"] == "clients"
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients ORDER BY "
                                    "revenue_current, name") == [
        ("Ayşe Demir", 12000.0), ("Elif Şahin", 12000.0), ("Mehmet Kaya", 12000.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_a_role_at_a_clients_firm_or_a_clients_rate_is_no_staff_list(tmp_path):
    """Must not fire: a contacts list's Role beside each contact's Company (their job at
    their firm) with an 'Hourly rate' charged: 2 clients; a tutor's pupils with an 'Hourly
    rate' and no role: 2 clients."""
    firms, tutor = tmp_path / "firms", tmp_path / "tutor"
    for place in (firms, tutor):
        place.mkdir()
    found = cli_import_text(firms, "contacts.csv", (
        "Name,Company,Role,Email,Hourly rate\n"
        "Ann Lee,Lee Bakery,Owner,ann@lee.com,60\nBob Ray,Ray Builders,Manager,bob@ray.com,60\n"))
    assert found["kind"] == "clients"
    assert len(workspace_rows(firms, "SELECT name FROM clients")) == 2
    found = cli_import_text(tutor, "pupils.csv", (
        "Name,Subject,Phone,Hourly rate\nTom Hale,Maths,07700 900401,35\n"
        "Amy Cole,Physics,07700 900402,40\n"))
    assert found["kind"] == "clients"
    assert len(workspace_rows(tutor, "SELECT name FROM clients")) == 2


# --- 5. a day without a year at a diary's end, after December ---------------------------

def test_a_day_without_a_year_after_december_at_a_diarys_end_is_next_years(tmp_path):
    """'Appointment diary 2025': 03/11/25, 15/12/25, then '12 Jan' last: in order only in
    2026 (was read 12/01/2025, before the rows above it). Sales 30 + 60 + 20 = 110; Mrs
    Patel on two days: [2, 2, 2, 1, 0]."""
    (found,) = cli_import_book(tmp_path, "diary.xlsx", {"Diary": [
        ["Appointment diary 2025"], ["Date", "Client", "Service", "Price", "Paid"],
        ["03/11/25", "Mrs Patel", "Cut", "£30", "Y"],
        ["15/12/25", "Jean Fox", "Perm", "£60", "Y"],
        ["12 Jan", "Mrs Patel", "Trim", "£20", "Y"]]})
    assert ("1 date in 'Date' written without a year (12 Jan) was read in 2026: the diary's "
            "dates are in order, and only that year keeps it in order over the year's "
            "end.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT date, amount FROM events ORDER BY date") == [
        ("2025-11-03", 30.0), ("2025-12-15", 60.0), ("2026-01-12", 20.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_a_day_of_its_neighbours_year_at_a_diarys_end_keeps_the_titles_year(tmp_path):
    """Must not fire: '20 Dec' after 15/12/25 is in order in 2025, the title's year:
    read 20/12/2025 with the title's note, as before."""
    (found,) = cli_import_book(tmp_path, "diary.xlsx", {"Diary": [
        ["Appointment diary 2025"], ["Date", "Client", "Service", "Price", "Paid"],
        ["03/11/25", "Mrs Patel", "Cut", "£30", "Y"],
        ["15/12/25", "Jean Fox", "Perm", "£60", "Y"],
        ["20 Dec", "Mrs Patel", "Trim", "£20", "Y"]]})
    assert any("read in 2025, the year the sheet's title names" in n for n in found["notes"])
    assert workspace_rows(tmp_path, "SELECT MAX(date) FROM events") == [("2025-12-20",)]


# --- 6. a payment created, not paid ----------------------------------------------------

def test_a_razorpay_payment_created_is_no_sale(tmp_path):
    """Razorpay's payments: Captured 1500 and 700 (Rahul), Refunded 900 (Priya: a sale and
    its refund), Failed 2000 and Authorized 1200 (contacts), Created 400 (Sunil: a payment
    begun, not made: a contact at consideration, was a purchase with a note). 3 sales of
    3,100 (was 4 of 3,500); [5, 3, 2, 0, 0] (was [5, 3, 3, 0, 0])."""
    found = cli_import_text(tmp_path, "pay.csv", (
        "Payment Id,Customer Name,Customer Email,Amount,Status\n"
        "pay_1,Rahul Mehta,rahul@mail.in,1500,Captured\n"
        "pay_2,Amit Shah,amit@mail.in,2000,Failed\n"
        "pay_3,Rahul Mehta,rahul@mail.in,700,Captured\n"
        "pay_4,Priya Nair,priya@mail.in,900,Refunded\n"
        "pay_5,Sunil Rao,sunil@mail.in,400,Created\n"
        "pay_6,Kiran Das,kiran@mail.in,1200,Authorized\n"))
    assert not any("does not know" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 3100.0)
    assert workspace_rows(tmp_path, "SELECT furthest_stage FROM clients WHERE name = "
                                    "'Sunil Rao'") == [("consideration",)]
    assert cli_funnel(tmp_path) == [5, 3, 2, 0, 0]


# --- 7. statuses of a marketplace's and a Brazilian gateway's -------------------------------

def test_reverbs_received_is_a_sale_without_a_note(tmp_path):
    """Reverb's orders: Received (684, 26: Tom), Shipped 55, Refunded 90 (a sale and its
    refund), Cancelled 109, Unpaid 610. 4 sales of 855, 1 refund of 90 (as before), and no
    note of a status Journey does not know (was 'Received' (2))."""
    found = cli_import_text(tmp_path, "reverb.csv", (
        "Order Number,Order Date,Status,Buyer Name,Product Title,SKU,Quantity,Total\n"
        "R-80011,2026-04-03,Received,Tom Baker,Fender Stratocaster,FEN-01,1,$684.00\n"
        "R-80012,2026-04-05,Shipped,Cara Diaz,Boss DS-1,BOS-02,1,$55.00\n"
        "R-80013,2026-04-06,Refunded,Mike Ross,MXR Phase 90,MXR-03,1,$90.00\n"
        "R-80014,2026-04-09,Cancelled,Anna Berg,Ibanez TS9,IBA-04,1,$109.00\n"
        "R-80015,2026-04-20,Received,Tom Baker,Ernie Ball strings,ERN-05,3,$26.00\n"
        "R-80016,2026-04-22,Unpaid,Jack Lee,Vox AC15,VOX-06,1,$610.00\n"))
    assert not any("does not know" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (4, 855.0)
    assert kind_totals(tmp_path, "refund") == (1, 90.0)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_a_received_with_no_order_number_is_left_as_it_was(tmp_path):
    """Must not fire: a list of jobs (no order number, no goods) whose status says
    'Received' (an enquiry received?) keeps the note that the word is not known."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Date,Customer,Job,Status,Price\n"
        "2025-06-02,Ann Bell,Boiler service,Received,80\n"
        "2025-06-09,Bo Chan,Boiler service,Paid,80\n"))
    assert any("does not know ('Received'" in note for note in found["notes"])


def test_pagbanks_disponivel_and_em_disputa_are_payments_made(tmp_path):
    """PagBank's statement: Disponível 150 (money cleared) and Em disputa 300 (paid,
    contested) are sales, as Paga 75 is; Devolvida 200 a sale and its refund; Cancelada
    and Aguardando pagamento no sale. 4 sales of 725, 1 refund of 200 (as before), with no
    note of statuses Journey does not know (was 'Disponível', 'Em disputa')."""
    found = cli_import_text(tmp_path, "pagbank.csv", (
        "Código da Transação;Data da Transação;Tipo de Transação;Status;Nome do Comprador;"
        "Email do Comprador;Meio de Pagamento;Valor Bruto;Valor Taxa;Valor Líquido\n"
        "A1;03/04/2026 10:00:00;Pagamento;Disponível;Renata Gomes;renata@example.com.br;"
        "Cartão de Crédito;150,00;5,99;144,01\n"
        "A2;04/04/2026 11:00:00;Pagamento;Cancelada;Sérgio Pinto;sergio@example.com.br;"
        "Boleto;89,90;0,00;89,90\n"
        "A3;05/04/2026 12:00:00;Pagamento;Devolvida;Tatiana Melo;tatiana@example.com.br;"
        "Cartão de Crédito;200,00;7,98;192,02\n"
        "A4;06/04/2026 13:00:00;Pagamento;Aguardando pagamento;Ulisses Reis;"
        "ulisses@example.com.br;Boleto;59,90;0,00;59,90\n"
        "A5;20/04/2026 14:00:00;Pagamento;Paga;Renata Gomes;renata@example.com.br;Pix;75,00;"
        "0,74;74,26\n"
        "A6;21/04/2026 15:00:00;Pagamento;Em disputa;Vânia Cruz;vania@example.com.br;"
        "Cartão de Crédito;300,00;11,97;288,03\n"))
    assert not any("does not know" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (4, 725.0)
    assert kind_totals(tmp_path, "refund") == (1, 200.0)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


# --- 8. two first names at one phone number ----------------------------------------------

def test_jane_and_janet_at_one_number_are_one_client(tmp_path):
    """'Jane Hall' (85) and 'Janet Hall' (40) at one number: 'Jane' is the first letters of
    'Janet', one person written short (the s23 rule for 'Kev'/'Kevin'): 2 clients, Janet's
    2 sales of 125, Kevin's 85: [2, 2, 2, 1, 0]. Right already at the session's start
    (kept as a test)."""
    found = cli_import_text(tmp_path, "valeting.csv", (
        "Date,Customer,Phone,Service,Price\n"
        "2025-06-02,Jane Hall,07700 900111,Full valet,85\n"
        "2025-06-09,Janet Hall,07700 900111,Mini valet,40\n"
        "2025-06-16,Kevin Morris,07700 900222,Full valet,85\n"))
    assert ("1 client written more than one way with the same phone number or e-mail address "
            "was read as one person: 'Janet Hall' (also 'Jane Hall').") in found["notes"]
    assert workspace_rows(tmp_path, SALES) == [("Janet Hall", 2, 125.0),
                                               ("Kevin Morris", 1, 85.0)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_first_names_a_letter_apart_at_one_number_stay_two_people(tmp_path):
    """Must not fire: a household's phone holds 'Mark Hall' and 'Mary Hall', 'Jane Cole' and
    'John Cole', 'Jan Reed' and 'Jon Reed' (first names a letter or two apart, neither the
    other's first letters: a couple as likely as a typo): 6 clients, one sale each,
    [6, 6, 6, 0, 0]."""
    found = cli_import_text(tmp_path, "jobs.csv", (
        "Date,Customer,Phone,Price\n"
        "2025-06-02,Mark Hall,01632 960111,40\n2025-06-03,Mary Hall,01632 960111,40\n"
        "2025-06-04,Jane Cole,01632 960222,40\n2025-06-05,John Cole,01632 960222,40\n"
        "2025-06-06,Jan Reed,01632 960333,40\n2025-06-07,Jon Reed,01632 960333,40\n"))
    assert not any("more than one way" in note for note in found["notes"])
    assert len(workspace_rows(tmp_path, SALES)) == 6
    assert cli_funnel(tmp_path) == [6, 6, 6, 0, 0]


REFUNDS = ("Refund ID,Payment ID,Customer Name,Customer Email,Amount,Date,Status\n"
           "rf_1,pay_1,Rahul Mehta,rahul@mail.in,-300,2025-03-02,Processed\n"
           "rf_2,pay_3,Priya Nair,priya@mail.in,-900,2025-03-05,Processed\n"
           "rf_3,pay_7,Amit Shah,amit@mail.in,-150,2025-03-06,Pending\n")


def test_a_refunds_export_naming_each_payment_gives_its_purchase(tmp_path):
    """Refunds of payments pay_1 (300), pay_3 (900) Processed, and pay_7 (150) Pending:
    each names a payment made, a purchase of an amount the sheet does not give; the two
    processed are refunds of 1,200; the pending one gave nothing back yet, a contact of
    150 (was a refund). 3 purchases of no amount (were none: the clients sat at purchase
    with 0 purchases), 2 refunds of 1,200 (were 3 of 1,350), no contact of a negative
    amount. [3, 3, 3, 0, 0]."""
    found = cli_import_text(tmp_path, "refunds.csv", REFUNDS)
    assert ("Sheet 'refunds' lists refunds, each of the payment its 'Payment ID' names: 3 "
            "payments were read as purchases, of amounts the sheet does not give, 2 refunds "
            "beside them; 1 refund not made yet (its status says so) was read as a contact, "
            "of the amount asked back.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, None)
    assert kind_totals(tmp_path, "refund") == (2, 1200.0)
    assert kind_totals(tmp_path, "contact") == (1, 150.0)
    assert workspace_rows(tmp_path, "SELECT name, purchase_count FROM clients ORDER BY "
                                    "name") == [("Amit Shah", 1), ("Priya Nair", 1),
                                                ("Rahul Mehta", 1)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_the_payments_export_then_gives_the_purchase_its_amount(tmp_path):
    """The refunds, then the payments export (pay_1 Captured 1,500): Rahul's payment is one
    purchase of 1,500 (not two), with its refund of 300 beside it."""
    cli_import_text(tmp_path, "refunds.csv", REFUNDS)
    cli_import_text(tmp_path, "payments.csv", (
        "Payment Id,Customer Name,Customer Email,Amount,Status\n"
        "pay_1,Rahul Mehta,rahul@mail.in,1500,Captured\n"))
    assert workspace_rows(tmp_path, "SELECT kind, amount FROM events WHERE order_id = "
                                    "'pay_1' ORDER BY kind") == [("purchase", 1500.0),
                                                                 ("refund", 300.0)]


def test_a_refunds_list_naming_no_payment_stays_refunds(tmp_path):
    """Must not fire: a refunds list whose only number is the refund's own ('Refund ID'):
    2 refunds of 1,200, no purchase, as before."""
    cli_import_text(tmp_path, "refunds.csv", (
        "Refund ID,Customer Name,Amount,Date\n"
        "rf_1,Rahul Mehta,-300,2025-03-02\nrf_2,Priya Nair,-900,2025-03-05\n"))
    assert kind_totals(tmp_path, "refund") == (2, 1200.0)
    assert kind_totals(tmp_path, "purchase") == (0, None)
