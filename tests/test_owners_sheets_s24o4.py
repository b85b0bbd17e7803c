"""Owners' own workbooks, round 9 (session 24, O4): twenty trades' hand-kept books the
earlier rounds had not tried (a childminder's roll of one row per child, a groomer's of one
row per dog, a farrier's per horse, a piano tuner's round, a US locksmith's call-outs, a
holiday sports camp, an Airbnb host's stays, a market stall's customer tabs, a tattoo
artist's book, a personal shopper, a wedding cake maker, a dog trainer's courses, a US
recording studio, a surveyor, a Canadian court interpreter, an Irish caravan park, an
allotment society, an Australian yoga teacher's class passes, a driving instructor's
blocks, an Australian pool cleaner; those read wrongly and left alone are written up in the
session's report, not tested). Each is written here with openpyxl as the owner keeps it (a
title over the header, notes in cells, money as "£45", "$95.00", "€245", ticks ✓ x Y, a
totals row), imported through the command line and checked against figures worked out by
hand (clients; cumulative funnel: awareness, consideration, purchase, retention, advocacy;
sales and revenue); beside each rule, a sheet where it must not fire.

Read right before (kept as guards, the lead's policy for one row per child or animal: the
payer is the client, each place a purchase, one started on a later day a repeat): the
childminder's roll, the farrier's shoeing book.

Mended (was -> now, each for its kind of sheet):
- A "Paid" column in more of an owner's words: a tab run ("on tab"), a cheque that
  "bounced", "overdue", a no-show, not paid; "EFT", "BPAY", "Interac" paid (each made the
  whole column unread: every call-out a contact, [4, 1, 0, 0, 0], every market sale one).
- "Paid in full" is a column of whether each row was paid (was unread: every pitch a sale).
- "S. Lane" at Sarah Lane's number is Sarah Lane: a name written with an initial and a dot
  was taken for a full one, so the short name fitted itself and stayed apart (4 clients).
- "Owner" beside "Dog" names the client where an "Email" column is there too (was the
  salesperson's: no client had a name); a "Paid" of amounts with "refunded" in it is read
  (was unread: no sale).
- A column headed "Artist", "Band", "Agency", or names together ("Agency / Client"), names
  the client where nothing else does (a studio's sessions were reference rows, an
  interpreter's bookings no one's: funnel [0, 0, 0, 0, 0]).
- A sheet called "Stays" lists sales (a host's stays were contacts); a note "Cancelled -
  refunded" is money going back, as "Refund" is (was a sale).
- "Tasting" is a step at consideration; a "Quote" beside "Deposit", "Deposit paid" and
  "Balance paid" is the price agreed (a cake paid in full was revenue 100, its deposit).
- "Vacant" for a plot's holder is no one; "Rent 2025" is what each holder pays; "x" beside
  ✓ in a client list's "Paid" is the cross (the rent was unread: [5, 0, 0, 0, 0]).
- A "Balance" owed beside a client list's "Total": revenue is the total less it (was the
  whole total: 2,420, now 1,070 and 1,350 to come).
- A "Paid" of money beside a "Price" on a log is what was paid, a sale; a "Result" (PASS)
  says nothing of the sale (every block a contact, [4, 0, 0, 0, 0]).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_book, kind_totals, workspace_rows
from test_owners_sheets_s18 import REVENUE, count_clients, notes_of
from test_owners_sheets_s23o3 import revenue_of

# --- read right before: one row per child, per horse -------------------------------------

CHILDMINDER = {"Children": [
    ["Little Acorns Childminding - children on roll 2025"], [],
    ["Child", "DOB", "Parent", "Parent phone", "Start date", "Days", "Weekly fee", "Paid"],
    ["Ruby Hart", "12/03/2021", "Emma Hart", "07700 900111", "06/01/2025", "Mon Tue", "£120",
     "✓"],
    ["Leo Hart", "02/09/2023", "Emma Hart", "07700 900111", "03/03/2025", "Mon", "£60", "✓"],
    ["Isla Begum", "20/05/2022", "Nadia Begum", "07700 900222", "06/01/2025", "Wed Thu Fri",
     "£180", "✓"],
    ["Alfie Cole", "11/11/2021", "Tom Cole", "07700 900333", "13/01/2025", "Fri", "£60", "x"],
    ["Maya & Finn Shah", "2020/2022", "Priya Shah", "07700 900444", "10/02/2025", "Tue",
     "£110", "✓"],
    ["Oscar Reid", "01/07/2022", "Jen Reid", "07700 900555", "TBC", "Thu", "£60", None]]}


def test_a_childminders_roll_of_one_row_per_child(tmp_path):
    """The parent pays: 5 clients. Places paid: Ruby 120 and Leo 60 (Emma, Leo started on a
    later day: a repeat), Isla 180, Maya and Finn on one row 110 (one booking): 4 sales of
    470. Alfie's 'x' and Oscar's blank not paid: [5, 3, 3, 1, 0]."""
    cli_import_book(tmp_path, "Little Acorns register 2025.xlsx", CHILDMINDER)
    assert count_clients(tmp_path) == 5
    assert kind_totals(tmp_path, "purchase") == (4, 470.0)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_a_farriers_book_of_one_row_per_horse_a_tab_per_month(tmp_path):
    """Kate Moss's Duke and Poppy shod on 7 Jan (two places, one day), Duke again on 4 Feb
    (a repeat); Jo Bell's Storm trimmed on 9 Jan and 11 Feb; R. Singh not yet paid: 5 sales
    of 110 + 75 + 35 + 95 + 35 = 350, [3, 2, 2, 2, 0]."""
    header = ["Date", "Yard", "Owner", "Horse", "Work", "Price", "Paid"]
    cli_import_book(tmp_path, "Shoeing book 2025.xlsx", {
        "Jan": [["Shoeing - January 2025"], header,
                ["07/01/2025", "Hill Farm", "Kate Moss", "Duke", "Full set", "£110", "✓"],
                ["07/01/2025", "Hill Farm", "Kate Moss", "Poppy", "Fronts", "£75", "✓"],
                ["09/01/2025", "Oak Livery", "Jo Bell", "Storm", "Trim", "£35", "✓"],
                ["21/01/2025", "Oak Livery", "R. Singh", "Flash", "Full set", "£110", None]],
        "Feb": [["Shoeing - February 2025"], header,
                ["04/02/2025", "Hill Farm", "Kate Moss", "Duke", "Reset", "£95", "✓"],
                ["11/02/2025", "Oak Livery", "Jo Bell", "Storm", "Trim", "£35", "✓"]]})
    assert kind_totals(tmp_path, "purchase") == (5, 350.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 2, 0]


# --- 1. a "Paid" column in more of an owner's words ---------------------------------------

def locksmith(bounced: str = "check bounced") -> dict:
    return {"Call-outs": [
        ["QuickKey Locksmith - service calls"],
        ["Date", "Customer", "Phone", "Job", "Charge", "Paid"],
        ["1/6/2025", "Mike Torres", "(512) 555-0101", "Lockout - car", "$95.00", "Y"],
        ["1/9/2025", "Linda Park", "(512) 555-0102", "Rekey 3 locks", "$180.00", "Y"],
        ["1/15/2025", "Mike Torres", "(512) 555-0101", "Deadbolt install", "$145.00", "Y"],
        ["1/22/2025", "Oak St Apartments", "(512) 555-0103", "Quote - master key system",
         "$1,200.00", "N"],
        ["2/3/2025", "Rachel Green", "(512) 555-0104", "Lockout - house", "$85.00", bounced],
        [None, "TOTAL", None, None, "$1,705.00", None]]}


def test_a_locksmiths_cheque_that_bounced_is_not_paid(tmp_path):
    """Paid: Mike 95 and 145 (two days), Linda 180: 3 sales of 420. Oak St's quote is a
    price given (consideration); Rachel's cheque bounced: not paid. [4, 3, 2, 1, 0] (was
    [4, 1, 0, 0, 0]: 'check bounced' left the column unread, every call-out a contact)."""
    found = cli_import_book(tmp_path, "callouts_2025.xlsx", locksmith())
    assert "2 rows marked not paid in 'Paid' were read as contacts, not sales." in notes_of(found)
    assert kind_totals(tmp_path, "purchase") == (3, 420.0)
    assert cli_funnel(tmp_path) == [4, 3, 2, 1, 0]


def test_a_paid_cell_of_words_saying_neither_still_leaves_the_column_unread(tmp_path):
    """'check with Rachel' says neither paid nor owed: the column stays unread, as before."""
    cli_import_book(tmp_path, "callouts_2025.xlsx", locksmith("check with Rachel"))
    assert kind_totals(tmp_path, "purchase") == (0, None)


def test_a_market_stalls_customers_on_tab_have_not_paid(tmp_path):
    """Mrs Patel paid cash twice (1 and 8 Mar): a repeat; Bob's eggs went 'on tab' twice and
    he settled the tab (30) on 15 Mar; Lynn ticked: 4 sales of 12.50 + 12.50 + 30 + 4 = 59,
    [3, 3, 3, 1, 0] (was every row a contact: 'on tab' unread)."""
    cli_import_book(tmp_path, "Saturday market tabs.xlsx", {"Tabs": [
        ["Greenway Veg Stall - customer tabs"],
        ["Date", "Customer", "Bought", "Amount", "Paid"],
        ["01/03/2025", "Mrs Patel", "Veg box", "12.50", "paid cash"],
        ["01/03/2025", "Bob (café)", "Eggs x 5 doz", "15.00", "on tab"],
        ["08/03/2025", "Mrs Patel", "Veg box", "12.50", "paid cash"],
        ["08/03/2025", "Bob (cafe)", "Eggs x 5 doz", "15.00", "on tab"],
        ["15/03/2025", "Bob (café)", "Tab settled", "30.00", "paid"],
        ["15/03/2025", "Lynn", "Jam", "4.00", "✓"]]})
    assert kind_totals(tmp_path, "purchase") == (4, 59.0)
    assert kind_totals(tmp_path, "contact") == (2, 30.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_an_australian_pool_cleaners_eft_is_paid_and_overdue_is_not(tmp_path):
    """Paid: Harris 99 and 91.30 by direct debit (a repeat), the Papadopoulos' 440 by EFT:
    3 sales of 630.30. Wong's heater is a quote (consideration); 'Papadopoulos' alone,
    overdue, is not paid (kept apart from 'K & L Papadopoulos': no number joins them):
    [4, 3, 2, 1, 0] (was every row a sale, 3,929.30: 'EFT' and 'overdue' unread)."""
    cli_import_book(tmp_path, "Pool service 2025.xlsx", {"Services": [
        ["Crystal Pools - service log"],
        ["Date", "Customer", "Suburb", "Service", "Chemicals", "Labour", "Total inc GST",
         "Paid"],
        ["6/1/2025", "Harris", "Mosman", "Weekly clean", "$25.00", "$65.00", "$99.00",
         "direct debit"],
        ["13/1/2025", "Harris", "Mosman", "Weekly clean", "$18.00", "$65.00", "$91.30",
         "direct debit"],
        ["8/1/2025", "K & L Papadopoulos", "Manly", "Green pool recovery", "$140.00",
         "$260.00", "$440.00", "EFT"],
        ["15/1/2025", "Wong", "Dee Why", "Quote - heater", None, None, "$3,200.00", None],
        ["20/1/2025", "Papadopoulos", "Manly", "Filter clean", "$0.00", "$90.00", "$99.00",
         "overdue"]]})
    assert kind_totals(tmp_path, "purchase") == (3, 630.3)
    assert cli_funnel(tmp_path) == [4, 3, 2, 1, 0]


CARAVAN_HEADER = ["Name", "Arrive", "Depart", "Pitch", "Unit", "Nights", "Rate", "Total",
                  "Deposit"]


def test_an_irish_caravan_parks_paid_in_full_column(tmp_path):
    """'Paid in full' Y: Ciarán 245 (July) and 70 (August, written 'Ciaran': one client, a
    repeat), Aoife 40: 3 sales of 355. Declan's blank and Niamh's 'no show' are not paid:
    [4, 2, 2, 1, 0] (was every pitch a sale from the file's name, 675: the column unread).
    Declan's deposit of 50 alone says nothing of its being paid (written up, not read)."""
    found = cli_import_book(tmp_path, "Bookings 2025.xlsx", {"Pitches": [
        ["Shore Road Caravan Park - pitch bookings 2025"],
        [*CARAVAN_HEADER, "Paid in full"],
        ["Ciarán Byrne", "18/07/2025", "25/07/2025", "A4", "Caravan", 7, "€35", "€245", "€50",
         "Y"],
        ["Aoife Walsh", "18/07/2025", "20/07/2025", "T2", "Tent", 2, "€20", "€40", None, "Y"],
        ["Declan Murphy", "01/08/2025", "08/08/2025", "B1", "Motorhome", 7, "€40", "€280",
         "€50", None],
        ["Ciaran Byrne", "15/08/2025", "17/08/2025", "A4", "Caravan", 2, "€35", "€70", None,
         "Y"],
        ["Niamh Kelly", "22/08/2025", "24/08/2025", "T5", "Tent", 2, "€20", "€40", None,
         "no show"]]})
    assert "3 rows marked paid in 'Paid in full' were read as purchases." in notes_of(found)
    assert kind_totals(tmp_path, "purchase") == (3, 355.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


def test_a_fully_booked_column_is_no_paid_column(tmp_path):
    """'Fully booked' of Y is no word of paying: the pitches stay sales by the file's name."""
    cli_import_book(tmp_path, "Bookings 2025.xlsx", {"Pitches": [
        [*CARAVAN_HEADER, "Fully booked"],
        ["Ciarán Byrne", "18/07/2025", "25/07/2025", "A4", "Caravan", 7, "€35", "€245", "€50",
         "Y"],
        ["Aoife Walsh", "18/07/2025", "20/07/2025", "T2", "Tent", 2, "€20", "€40", None,
         None]]})
    assert kind_totals(tmp_path, "purchase") == (2, 285.0)


# --- 2. a groomer's short name at the full name's number ----------------------------------

def groomer(short: str = "S. Lane") -> dict:
    return {"Appointments": [
        ["Pawfect Grooming - appointments"],
        ["Date", "Dog", "Breed", "Owner", "Mobile", "Service", "Price", "Paid"],
        ["04/02/2025", "Bella", "Cockapoo", "Sarah Lane", "07711 000001", "Full groom", "£45",
         "card"],
        ["04/02/2025", "Max", "Cockapoo", "Sarah Lane", "07711 000001", "Full groom", "£45",
         "card"],
        ["07/02/2025", "Rolo", "Shih tzu", "Dave Pike", "07711 000002", "Bath & tidy", "£30",
         "cash"],
        ["12/02/2025", "Bella", "Cockapoo", short, "07711 000001", "Nails", "£10", "cash"],
        ["18/02/2025", "Luna", "Poodle", "Kim Ho", "07711 000003", "Full groom", "£55", "owes"],
        [None, None, None, None, None, "Total", "£185", None]]}


def test_a_groomers_owner_written_with_an_initial_and_a_dot_is_one_client(tmp_path):
    """'S. Lane' at Sarah Lane's number is Sarah Lane (was a client of her own: 4 clients,
    [4, 3, 3, 0, 0]). Her two dogs on 4 Feb are two sales of one day; Bella's nails on 12 Feb
    a repeat. 4 sales of 130, Kim owes: [3, 2, 2, 1, 0]."""
    found = cli_import_book(tmp_path, "Pawfect Grooming appointments.xlsx", groomer())
    assert ("1 client written more than one way with the same phone number or e-mail address "
            "was read as one person: 'Sarah Lane' (also 'S. Lane').") in notes_of(found)
    assert count_clients(tmp_path) == 3
    assert kind_totals(tmp_path, "purchase") == (4, 130.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_two_short_names_at_one_number_stay_apart(tmp_path):
    """'S. Lane' beside 'T. Lane' at one number: neither is a name written in full, so
    neither takes the other (T. Lane might be anyone of the family)."""
    book = groomer("T. Lane")
    for row in book["Appointments"][2:4]:
        row[3] = "S. Lane"
    cli_import_book(tmp_path, "Pawfect Grooming appointments.xlsx", book)
    assert count_clients(tmp_path) == 4


# --- 3. a dog trainer's courses: "Owner" beside "Dog" and "Email" ------------------------

def puppy_classes(dog: str = "Dog") -> dict:
    header = ["Owner", dog, "Email", "Paid", "Wk1", "Wk2", "Wk3"]
    return {"Spring course": [
        ["Puppy Class - Spring course (6 weeks) £90"], header,
        ["Jess Ford", "Milo", "jess@example.com", "£90", "✓", "✓", "✓"],
        ["Ravi Nair", "Coco", "ravi@example.com", "£90", "✓", "✓", "✓"],
        ["Jess Ford", "Pip", "jess@example.com", "£81", "✓", "✓", "x"],
        ["Olga Ivanova", "Bear", "olga@example.com", "refunded", "✓", "x", "x"]]}


def test_a_dog_trainers_owner_beside_an_email_is_the_client(tmp_path):
    """'Owner' beside 'Dog' is the client, though 'Email' is read too (was the salesperson:
    4 clients without a name). Paid: Jess 90 and 81 (two dogs), Ravi 90: 3 sales of 261;
    Olga's 'refunded' is a refund (the column was unread for it: no sale at all)."""
    found = cli_import_book(tmp_path, "Puppy classes.xlsx", puppy_classes())
    assert ("1 amount in Paid (D) was a word saying what happened, read so, with no amount: "
            "row 6: 'refunded' as a refund.") in notes_of(found)
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Jess Ford",), ("Olga Ivanova",), ("Ravi Nair",)]
    assert kind_totals(tmp_path, "purchase") == (3, 261.0)
    assert kind_totals(tmp_path, "refund") == (1, None)


def test_a_crms_owner_beside_an_email_is_the_salesperson(tmp_path):
    """With no animal named ('Course' for 'Dog'), 'Owner' is the business's own person, as
    a CRM's is: not the client's name."""
    cli_import_book(tmp_path, "Puppy classes.xlsx", puppy_classes("Course"))
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients WHERE name = 'Jess Ford'"
                          ) == [(0,)]


# --- 4. the client named by "Artist", "Agency / Client" -----------------------------------

def test_a_us_studios_artists_are_its_clients(tmp_path):
    """'Artist' names the client where nothing else does (was reference rows: nothing
    read). The Vines 270, 360 and 'the vines' 160 (three days), DJ Kilo 135: 4 sales of
    925; Sarah Q not paid: [3, 2, 2, 1, 0]."""
    cli_import_book(tmp_path, "studio log.xlsx", {"Sessions": [
        ["Basement Tapes Studio - 2025"],
        ["Date", "Artist", "Hours", "Rate", "Amount", "Paid", "Notes"],
        ["03/04/2025", "The Vines", 6, "$45/hr", "$270", "Venmo", None],
        ["03/11/2025", "DJ Kilo", 3, "$45/hr", "$135", "cash", None],
        ["03/18/2025", "The Vines", 8, "$45/hr", "$360", "Venmo", "mixing"],
        ["03/25/2025", "Sarah Q", 2, "$45/hr", "$90", "no", "pay next time"],
        ["04/01/2025", "the vines", 4, "$40/hr", "$160", "Zelle", "mastering - discount"]]})
    assert kind_totals(tmp_path, "purchase") == (4, 925.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_an_artist_beside_the_client_is_not_the_client(tmp_path):
    """A tattoo studio's 'Artist' beside its 'Client' is the studio's own: the client is
    the 'Client'."""
    cli_import_book(tmp_path, "bookings 2025.xlsx", {"Bookings": [
        ["Date", "Client", "Artist", "Price", "Paid"],
        ["03/02/2025", "Kai Evans", "Rox", "£120", "Y"],
        ["04/02/2025", "Mia Ross", "Rox", "£80", "Y"]]})
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Kai Evans",), ("Mia Ross",)]


def interpreter(who: str = "Agency / Client") -> dict:
    return {"Bookings": [
        ["Interpreting - Court bookings (CAD)"],
        ["Date", who, "Court", "Language", "Hours", "Invoice #", "Amount", "Status"],
        ["2025-01-14", "Ministry of the Attorney General", "Toronto", "Portuguese", 3.5,
         "INV-101", "$262.50", "Paid"],
        ["2025-01-21", "Legal Aid Ontario", "Brampton", "Portuguese", 2, "INV-102", "$150.00",
         "Paid"],
        ["2025-02-04", "Ministry of the Attorney General", "Toronto", "Spanish", 4, "INV-103",
         "$300.00", "Paid"],
        ["2025-02-11", "Smith & Co LLP", "Toronto", "Portuguese", 1.5, "INV-104", "$112.50",
         "Outstanding"],
        ["2025-02-18", "Legal Aid Ontario", "Brampton", "Portuguese", None, None, None,
         "Cancelled - court adjourned"]]}


def test_a_canadian_interpreters_agency_or_client_names_the_client(tmp_path):
    """'Agency / Client' names the client (was no one's: 5 events, no client, funnel
    [0, 0, 0, 0, 0]). The Ministry paid 262.50 and 300 (two days), Legal Aid 150: 3 sales
    of 712.50; Smith & Co's invoice outstanding; Legal Aid's adjourned day a cancellation:
    [3, 2, 2, 1, 0]."""
    cli_import_book(tmp_path, "Court bookings 2025.xlsx", interpreter())
    assert kind_totals(tmp_path, "purchase") == (3, 712.5)
    assert kind_totals(tmp_path, "cancellation") == (1, None)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_two_headers_together_of_other_things_name_no_client(tmp_path):
    """'Court / Room' is no one's name: the bookings still name no client."""
    book = interpreter("Court / Room")
    cli_import_book(tmp_path, "Court bookings 2025.xlsx", book)
    assert count_clients(tmp_path) == 0


# --- 5. a host's "Stays" ------------------------------------------------------------------

def stays(sheet: str = "Stays") -> dict:
    return {sheet: [
        ["Sea View Cottage - stays"],
        ["Guest", "Check in", "Check out", "Nights", "Guests", "Nightly", "Cleaning fee",
         "Airbnb fee", "Payout", "Review"],
        ["Hannah Moss", "2025-05-02", "2025-05-05", 3, 2, "£110", "£40", "£11.10", "£358.90",
         "5*"],
        ["Pierre Laurent", "2025-05-09", "2025-05-16", 7, 4, "£110", "£40", "£24.30",
         "£785.70", None],
        ["Hannah Moss", "2025-06-20", "2025-06-22", 2, 2, "£120", "£40", "£8.40", "£271.60",
         None]]}


def test_an_airbnb_hosts_stays_are_sales(tmp_path):
    """A sheet called 'Stays' lists stays sold (were contacts, [2, 0, 0, 0, 0]): the
    payouts 358.90 + 785.70 + 271.60 = 1,416.20; Hannah came back and left 5*:
    [2, 2, 2, 1, 1]."""
    found = cli_import_book(tmp_path, "Sea View cottage 2025.xlsx", stays())
    assert ("3 rows with nothing saying what happened were read as purchases, because the "
            "sheet is called 'Stays'; choose another under 'Every row is' (--set kind=...) "
            "if that is wrong.") in notes_of(found)
    assert kind_totals(tmp_path, "purchase") == (3, 1416.2)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 1]


def test_a_sheet_of_guests_is_no_list_of_sales(tmp_path):
    """The same rows on a sheet called 'Guests' are not said to be sales by its name."""
    cli_import_book(tmp_path, "Sea View cottage 2025.xlsx", stays("Guests"))
    assert kind_totals(tmp_path, "purchase") == (0, None)


def cancelled_stay(note: str) -> dict:
    return {"Stays": [
        ["Guest", "Check in", "Nights", "Payout", "Notes"],
        ["Hannah Moss", "2025-05-02", 3, "£358.90", None],
        ["J Baker", "2025-07-01", 3, "£417.10", note]]}


def test_a_stay_cancelled_and_refunded_is_money_going_back(tmp_path):
    """'Cancelled - refunded' in the notes: J Baker's 417.10 went back, a refund, not a
    sale (was a sale: 776 of stays). Sales: Hannah's 358.90."""
    found = cli_import_book(tmp_path, "Sea View cottage 2025.xlsx",
                            cancelled_stay("Cancelled - refunded"))
    assert ("1 row whose 'Notes' begins with 'Refund' (or 'Cancelled - refunded') was read "
            "as a refund (money going back), not a sale.") in notes_of(found)
    assert kind_totals(tmp_path, "purchase") == (1, 358.9)
    assert kind_totals(tmp_path, "refund") == (1, 417.1)


def test_a_stay_cancelled_with_a_refund_asked_for_is_no_refund(tmp_path):
    """'Cancelled - refund requested' says no money went back yet: no refund is read."""
    cli_import_book(tmp_path, "Sea View cottage 2025.xlsx",
                    cancelled_stay("Cancelled - refund requested"))
    assert kind_totals(tmp_path, "refund") == (0, None)


# --- 6. a wedding cake maker's tastings, quotes, deposits and balances --------------------

CAKES = {"Orders": [
    ["Wedding cakes 2025"],
    ["Wedding date", "Couple", "Contact", "Tasting", "Tiers", "Quote", "Deposit",
     "Deposit paid", "Balance paid"],
    ["14/06/2025", "Amy & Josh", "amy@example.com", "✓", 3, "£450", "£100", "✓", "✓"],
    ["28/06/2025", "Sophie & Tom", "sophie@example.com", "✓", 4, "£620", "£150", "✓", None],
    ["05/07/2025", "Ellie & Sam", "ellie@example.com", "✓", 2, "£300", "£75", None, None],
    ["19/07/2025", "Priya & Dev", "priya@example.com", None, None, "TBC", None, None, None]]}


def test_a_cake_makers_quote_paid_in_deposit_and_balance(tmp_path):
    """Amy & Josh paid deposit and balance: 450 (was 100, the deposit alone); Sophie & Tom
    the deposit: 150, 470 to come; Ellie & Sam tasted and were quoted 300, not paid (to
    come): at consideration ('Tasting' was kept as extra: awareness). [4, 3, 2, 0, 0];
    revenue 600, 770 to come."""
    found = cli_import_book(tmp_path, "Wedding cakes 2025.xlsx", CAKES)
    assert ("Each client's revenue (current) is what was paid of 'Quote': 'Deposit' where "
            "'Deposit paid' says so and the rest where 'Balance paid' says so (600); the 770 "
            "not yet paid is revenue to come (potential).") in notes_of(found)
    assert revenue_of(tmp_path) == [("Amy & Josh", 450.0, None), ("Ellie & Sam", None, 300.0),
                                    ("Priya & Dev", None, None), ("Sophie & Tom", 150.0, 470.0)]
    assert cli_funnel(tmp_path) == [4, 3, 2, 0, 0]


def test_a_quote_with_deposits_and_no_balance_column_is_not_a_price_agreed(tmp_path):
    """Without 'Balance paid', the quote stays what it was: the deposits paid are the
    revenue (100 + 150), as before."""
    rows = [row[:8] for row in CAKES["Orders"][1:]]
    cli_import_book(tmp_path, "Wedding cakes 2025.xlsx", {"Orders": rows})
    assert workspace_rows(tmp_path, REVENUE) == [(250.0,)]


# --- 7. an allotment society's plot holders -----------------------------------------------

def allotments(rent: str = "Rent 2025") -> dict:
    return {"Members": [
        ["Hillside Allotment Society - plot holders 2025"],
        ["Plot", "Member", "Phone", "Joined", "Size", rent, "Paid", "Notes"],
        ["1A", "Geoff Barnes", "01632 960001", "1998", "Full", "£40", "✓", "committee"],
        ["1B", "Sheila Moore", "01632 960002", "Mar 2019", "Half", "£20", "✓", None],
        ["2", "Mo Farah (not that one)", "01632 960003", "2023", "Full", "£40", "x",
         "reminder sent"],
        ["3", "Vacant", None, None, "Full", None, None, "waiting list: J. Price"],
        ["4", "Anne Lee", "01632 960004", "Jan 2025", "Half", "£20", "✓", "new"]]}


def test_an_allotment_societys_rent_ticked_paid_and_a_vacant_plot(tmp_path):
    """'Vacant' is no one (was a client); 'Rent 2025' is what each holder pays, '✓' paid
    and 'x' not (the rent was unread: [5, 0, 0, 0, 0]). Geoff 40, Sheila 20, Anne 20: 80;
    Mo's 40 to come: [4, 3, 3, 0, 0]."""
    found = cli_import_book(tmp_path, "Membership 2025.xlsx", allotments())
    assert ("1 client not marked paid in 'Paid' has paid none of 'Rent 2025' yet (40): read "
            "as revenue to come (potential), not revenue.") in notes_of(found)
    assert count_clients(tmp_path) == 4
    assert workspace_rows(tmp_path, REVENUE) == [(80.0,)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_plot_size_is_no_money(tmp_path):
    """'Plot size' of 'Full' and 'Half' for the rent column: no revenue, no buyer."""
    cli_import_book(tmp_path, "Membership 2025.xlsx", allotments("Plot size"))
    assert workspace_rows(tmp_path, REVENUE) == [(None,)]


# --- 8. a tattoo artist's totals and balances ---------------------------------------------

def ink_book(balance_of_tom: str = "£1,350") -> dict:
    return {"Clients": [
        ["Bookings 2025"],
        ["Client", "Instagram", "Design", "Deposit", "Session 1", "Session 2", "Total",
         "Balance"],
        ["Kai Evans", "@kai.e", "Sleeve", "£100", "12/02/2025", "12/03/2025", "£800", "£0"],
        ["Mia Ross", "@miar", "Wrist script", "£50", "20/02/2025", None, "£120", "£0"],
        ["Tom Wu", "@tomwu", "Back piece", "£150", "TBC", None, "£1,500", balance_of_tom],
        ["Lexi", "@lexi_ink", "Flash", None, None, None, None, "see DMs"]]}


def test_a_tattoo_artists_balance_owed_is_not_yet_revenue(tmp_path):
    """Revenue is each total less its balance: Kai 800, Mia 120, Tom 1,500 - 1,350 = 150:
    1,070, and Tom's 1,350 to come (was the whole 2,420). Lexi enquired: [4, 3, 3, 0, 0]."""
    found = cli_import_book(tmp_path, "Ink book 2025.xlsx", ink_book())
    assert ("Each client's revenue (current) is 'Total' less what 'Balance' says is still "
            "owed (1,070); the 1,350 still owed by 1 client is revenue to come (potential)."
            ) in notes_of(found)
    assert revenue_of(tmp_path) == [("Kai Evans", 800.0, None), ("Lexi", None, None),
                                    ("Mia Ross", 120.0, None), ("Tom Wu", 150.0, 1350.0)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_balance_more_than_its_total_is_no_debt_of_it(tmp_path):
    """A 'Balance' of 1,800 beside a total of 1,500 is not owed of it (a card's balance, a
    running account): the totals stay the revenue, 2,420."""
    cli_import_book(tmp_path, "Ink book 2025.xlsx", ink_book("£1,800"))
    assert workspace_rows(tmp_path, REVENUE) == [(2420.0,)]


# --- 9. a driving instructor's blocks paid in part ----------------------------------------

def blocks(result: str = "PASS") -> dict:
    return {"Blocks": [
        ["Pupils - block bookings"],
        ["Pupil", "Phone", "Block", "Price", "Paid", "Date paid", "Lessons used", "Test date",
         "Result"],
        ["Josh Reed", "07800 100001", "10 hrs", "£350", "£350", "06/01/2025", "10",
         "14/03/2025", result],
        ["Josh Reed", "07800 100001", "5 hrs", "£180", "£180", "20/02/2025", "5", None, None],
        ["Ellie Ward", "07800 100002", "10 hrs", "£350", "£175", "13/01/2025", "6", None, None],
        ["Sam Kaur", "07800 100003", "Taster 1 hr", "£20", "£20", "27/01/2025", "1", None,
         None],
        ["Lily Chan", "07800 100004", "10 hrs", "£350", None, None, None, None,
         "on waiting list"]]}


def test_a_driving_instructors_blocks_paid_beside_their_price(tmp_path):
    """'Paid' beside 'Price' is what was paid: Josh 350 and 180 (two days), Ellie 175 of
    350, Sam 20: 4 sales of 725; Lily paid nothing (a contact). The test 'Result' says
    nothing of the sale (was every block a contact, [4, 0, 0, 0, 0]): [4, 3, 3, 1, 0]."""
    found = cli_import_book(tmp_path, "Pupils 2025.xlsx", blocks())
    assert ("1 row with a status Journey does not know ('PASS' (1)) was read as a purchase, "
            "as the sheet's rows are.") in notes_of(found)
    assert kind_totals(tmp_path, "purchase") == (4, 725.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_a_status_that_names_a_stage_still_decides(tmp_path):
    """A 'Result' naming a stage ('Lead') is a status that says something: the rows are
    not made sales by 'Paid' alone (each a contact, as before)."""
    cli_import_book(tmp_path, "Pupils 2025.xlsx", blocks("Lead"))
    assert kind_totals(tmp_path, "purchase") == (0, None)
