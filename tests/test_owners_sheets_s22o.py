"""Owners' own workbooks, round 6 (session 22, O): twenty trades' hand-kept books the earlier
rounds had not tried (a dog groomer, a piano teacher, a food truck, a potter's sales book, an
agency's retainers, a yoga studio, a B&B, a tutoring agency, a plumber, a bakery's standing
orders, a consultant's RAG pipeline, a charity shop's donors, a cleaning company, an
accountant, a chimney sweep, a wedding DJ, a pet sitter, a car valeter, a beekeeper's
stockists, a dance school; the bakery's, the consultant's and the charity's are policy
questions, written up in the session's report, not tested). Each is written here with openpyxl as the owner keeps it (a
title over the header, notes in cells, money as "£45", "10.00", "£500 pd", ticks ✓ x Y,
blank rows, a totals row), imported through the command line and checked against figures
worked out by hand (clients; cumulative funnel: awareness, consideration, purchase,
retention, advocacy; sales and revenue); beside each rule, a sheet where it must not fire.

Mended (was -> now, each for its kind of sheet):
- A "Paid" column in an owner's words: a platform paid through ("Booking.com", "Etsy"), a
  yes with the way ("Y - cash"), words with a space ("paid cash"), part paid with its sum
  ("deposit £50": a sale of the 50), owed or not known ("owes", "Owes", "TBC", "pay next
  time", "Invoice sent": not paid). Each such word made the whole column unread: every row
  a sale (a plumber's quote of £4,800 among them) or none.
- A "Paid" column of the days paid beside words ("12/06/2025", "paid cash", blank): a day
  is a tick, a blank not paid (was unread).
- "Cash", "card" as the buyer's name in a sales book is no one (was a client "cash").
- A fee per period ("Fee per term", "Retainer (pm)") beside a column per term or month
  marked paid ("✓", "pd"): revenue is the fee times those paid, two or more a repeat
  customer (was no revenue, or one month's each); "Autumn", "Spring", "Summer" alone are
  terms.
- Fees a year each ("Fee 22/23", "Fee 23/24", "Fee 24/25"): the latest year's is the
  revenue (was the first's), paid in two years or more a repeat client.
- "Cancelled" and "On hold" beside "Active" on a list of paying clients: clients, one left
  (were awareness).
- "Booked - deposit pd" is bought (was consideration); "TBC" a booking not confirmed
  (was a sale); "Trial booked" on an enquiries log a step at consideration (was awareness);
  "No answer", "Not proceeding" a lead lost.
- "Stockist" names the client (a beekeeper's shops had no client at all).

Left (policies or bigger, in the session's report): a no-show "charged 1 night £95"; a
review written in a note; "Signed up" (a client, or a site's member?); money written
"£500 pd" in Deposit and Balance columns; a bakery's standing orders; colour words with no
key; a charity's donors; "Shop" as the client; one person written two ways ("Kev" and
"Kevin Morris") with one phone on a log; "half" paid on a client list.
"""

from __future__ import annotations

import datetime as dt

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows
from test_owners_sheets_s18 import REVENUE, count_clients, notes_of

D = dt.datetime


def clients_by_stage(tmp_path) -> list[tuple]:
    return workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name")


# --- 1. a dog groomer's appointment book (right before) ---------------------------------

GROOMER = {"Appointments": [
    ["PAWFECT GROOMING - APPOINTMENTS 2025"], [],
    ["Date", "Dog", "Breed", "Owner", "Service", "Price", "Paid", "Notes"],
    ["06/01/2025", "Biscuit", "Cockapoo", "Mrs Hall", "Full groom", "£45", "✓", None],
    ["13/01/2025", "Max", "Labrador", "Tom Reid", "Bath & dry", "£30", "✓", "paid cash"],
    ["20/01/2025", "Luna", "Shih Tzu", "Priya Shah", "Full groom", "£40", "x", "no show"],
    ["3 Feb 25", "Biscuit", "Cockapoo", "Mrs Hall", "Nail clip", "10.00", "✓", None],
    ["10/02/2025", "Max", "Labrador", "Tom Reid", "Full groom", "50", "✓", "see email"],
    [],
    ["TOTAL", None, None, None, None, "=SUM(F4:F8)"]]}


def test_a_dog_groomers_book_the_owner_is_the_client(tmp_path):
    """The owners are the clients, not the dogs: Mrs Hall 45 + 10, Tom Reid 30 + 50; Priya
    Shah's groom crossed (a no-show): 4 sales of 135, both regulars back: [3, 2, 2, 2, 0]."""
    cli_import_book(tmp_path, "Grooming 2025.xlsx", GROOMER)
    assert count_clients(tmp_path) == 3
    assert kind_totals(tmp_path, "purchase") == (4, 135.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 2, 0]


# --- 2. a piano teacher's pupils and the terms each paid ------------------------------

PIANO = {"Pupils 24-25": [
    ["Piano pupils 2024/25"],
    ["Pupil", "Parent", "Grade", "Lesson", "Fee per term", "Autumn", "Spring", "Summer",
     "Notes"],
    ["Ellie Moss", "Karen Moss", "Gr 3", "Tue 4pm", "£180", "✓", "✓", "✓", None],
    ["Jack Moss", "Karen Moss", "Prep", "Tue 4.30", "£180", "✓", "✓", None, "TBC summer"],
    ["Ruby Khan", "Mr Khan", "Gr 5", "Wed 5pm", "£210", "✓", "x", None, "stopped after Xmas"],
    ["Noah Price", "Sue Price", "Gr 1", "Thu 4pm", "£180", None, None, None,
     "trial lesson 12/9"]]}


def test_a_piano_teachers_fee_per_term_times_the_terms_ticked(tmp_path):
    """Ellie 3 x 180 = 540, Jack 2 x 180 = 360, Ruby 1 x 210, Noah none: 1,110 (was no
    revenue, [4, 0, 0, 0, 0]); Ellie and Jack paid two terms or more; Noah's note 'trial
    lesson 12/9' says he had a trial, trying (consideration, session 24; was awareness):
    [4, 4, 3, 2, 0]."""
    (found,) = cli_import_book(tmp_path, "Piano pupils.xlsx", PIANO)
    assert ("Columns 'Autumn' to 'Summer' mark each term paid or not (6 terms paid): each "
            "client's revenue (current) is 'Fee per term' times the terms marked paid, and a "
            "client who paid for two or more a repeat customer.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients ORDER BY name"
                          ) == [("Ellie Moss", 540.0), ("Jack Moss", 360.0),
                                ("Noah Price", 0.0), ("Ruby Khan", 210.0)]
    assert cli_funnel(tmp_path) == [4, 4, 3, 2, 0]


def test_seasons_holding_words_that_say_no_payment_keep_the_fee(tmp_path):
    """Terms marked 'done' (no paid mark): the fee stays each pupil's revenue, no repeat."""
    cli_import_book(tmp_path, "pupils.xlsx", {"Pupils": [
        ["Pupil", "Fee per term", "Autumn", "Spring", "Summer"],
        ["Ellie Moss", "£180", "done", "done", "done"]]})
    assert workspace_rows(tmp_path, REVENUE) == [(180.0,)]
    assert cli_funnel(tmp_path) == [1, 1, 1, 0, 0]


# --- 3. a food truck's catering bookings -------------------------------------------------

FOODTRUCK = {"Catering 2025": [
    ["SMOKE & BUN - EVENT CATERING"],
    ["Event date", "Client", "Event", "Covers", "Status", "Notes"],
    [D(2025, 5, 17), "Laura Bennett", "Wedding", 120, "Done", None],
    [D(2025, 6, 7), "Harlow Rugby Club", "Summer fete", 300, "Confirmed", "balance on the day"],
    [D(2025, 6, 21), "Mark Chen", "40th birthday", 60, "TBC", "see email"],
    [D(2025, 8, 9), "Laura Bennett", "Anniversary party", 40, "Done", "paid in full"]]}


def test_a_caterers_booking_tbc_is_not_confirmed(tmp_path):
    """Mark Chen's 'TBC' is a date pencilled in, at consideration as 'Confirmed' is (was a
    sale): Laura's two events done, the rugby club and Mark Chen considering:
    [3, 3, 1, 1, 0]."""
    (found,) = cli_import_book(tmp_path, "Catering bookings.xlsx", FOODTRUCK)
    assert not any("status Journey does not know" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase")[0] == 2
    assert clients_by_stage(tmp_path) == [
        ("Harlow Rugby Club", "consideration"), ("Laura Bennett", "retention"),
        ("Mark Chen", "consideration")]


# --- 4. a potter's sales book, Etsy and markets ----------------------------------------

CRAFT = {"Sales 2025": [
    ["Hand-made by Hannah - sales book"], [],
    ["Date", "Where", "Item", "Buyer", "Price", "P&P", "Fees"],
    ["04/01/25", "Etsy", "Ceramic mug", "Olivia Grant", "£24.00", "£4.50", "£2.10"],
    ["11/01/25", "Market - Ludlow", "2 x mugs", None, "£40.00", None, "£15 pitch"],
    ["18/01/25", "Etsy", "Planter", "Dan Evans", "£32.00", "£5.00", "£2.80"],
    ["02/02/25", "Etsy", "Ceramic mug", "Olivia Grant", "£24.00", "£4.50", "£2.10"],
    ["08/02/25", "Market - Ludlow", "Bowl set", "cash", "£55.00", None, None],
    ["15/02/25", "Commission", "Dinner set", "Mrs P Ward", "£180.00", None, "50% dep pd"]]}


def test_a_buyer_written_as_cash_is_no_one(tmp_path):
    """Six sales of 355 (24 + 40 + 32 + 24 + 55 + 180), two at a market from no one named:
    'cash' is how the bowl set was paid, not a client (was one): 3 clients, Olivia twice:
    [3, 3, 3, 1, 0]."""
    cli_import_book(tmp_path, "Sales book.xlsx", CRAFT)
    assert kind_totals(tmp_path, "purchase") == (6, 355.0)
    assert count_clients(tmp_path) == 3
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_buyer_called_cash_in_full_is_a_client(tmp_path):
    """'Johnny Cash' is a person."""
    cli_import_text(tmp_path, "sales.csv", "Date,Buyer,Price\n04/01/25,Johnny Cash,£24\n"
                                           "05/01/25,Ann Lee,£30\n")
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Ann Lee",), ("Johnny Cash",)]


# --- 5. an agency's retainer clients, a column per month -------------------------------

AGENCY = {"Retainers 2025": [
    ["NORTHLIGHT DIGITAL - RETAINER CLIENTS 2025"],
    ["Client", "Contact", "Retainer (pm)", "Jan", "Feb", "Mar", "Apr", "Notes"],
    ["Brightside Dental", "Dr Amy Cole", "£1,200", "pd", "pd", "pd", "pd", None],
    ["Kettle & Co", "Sam Kettle", "£800", "pd", "pd", "inv sent", None, "chasing Mar"],
    ["Oakfield Vets", "Jo Marsh", "£650", None, None, "pd", "pd", "started Mar"],
    ["Tidy Homes", "Raj Patel", "£500", "pd", "cancelled", None, None, "ended Feb"]]}


def test_an_agencys_retainer_times_the_months_paid(tmp_path):
    """4 x 1,200 + 2 x 800 (March only invoiced) + 2 x 650 + 1 x 500 = 8,200 (was 3,150, one
    month each); three paid two months or more: [4, 4, 4, 3, 0] (was [4, 4, 4, 0, 0])."""
    cli_import_book(tmp_path, "Retainers.xlsx", AGENCY)
    assert workspace_rows(tmp_path, REVENUE) == [(8200.0,)]
    assert cli_funnel(tmp_path) == [4, 4, 4, 3, 0]


# --- 6. a yoga studio's class passes (right before) -------------------------------------

YOGA = {"Passes": [
    ["Lotus Yoga Studio - class passes"],
    ["Name", "Email", "Pass", "Bought", "Price", "Classes used", "Expires", "Notes"],
    ["Freya Lund", "freya@mail.com", "10 class pass", "05/01/2025", "£90", 10, "05/04/2025",
     "renewed"],
    ["Freya Lund", "freya@mail.com", "10 class pass", "20/02/2025", "£90", 4, "20/05/2025", None],
    ["Carl Webb", "carl.w@mail.com", "Intro offer", "12/01/2025", "£25", 2, "12/02/2025", None],
    ["Maya Ortiz", "maya@mail.com", "Monthly unlimited", "01/02/2025", "£75", 11,
     "01/03/2025", None],
    ["Ben Fox", "ben.fox@mail.com", "Drop-in", "15/02/2025", "£12", 1, None, "cash"]]}


def test_a_yoga_studios_passes_bought(tmp_path):
    """Five passes of 292 (90 + 90 + 25 + 75 + 12); Freya bought a second: [4, 4, 4, 1, 0]."""
    cli_import_book(tmp_path, "Class passes.xlsx", YOGA)
    assert kind_totals(tmp_path, "purchase") == (5, 292.0)
    assert cli_funnel(tmp_path) == [4, 4, 4, 1, 0]


# --- 7. a B&B's guest book --------------------------------------------------------------

BANDB = {"Guest book": [
    ["The Old Rectory B&B - guests 2025"],
    ["Arrive", "Nights", "Guest(s)", "Home town", "Room", "Rate", "Total", "Paid", "Comments"],
    ["14/03/25", 2, "Mr & Mrs Patel", "Leicester", "Blue", "£95", "£190", "Card", None],
    ["21/03/25", 1, "Helen Ward", "York", "Garden", "£85", "£85", "Booking.com", None],
    ["04/04/25", 3, "Ian & Sue Kerr", "Perth", "Blue", "£95", "£285", "Cash",
     "left review on TripAdvisor"],
    ["18/04/25", 2, "Helen Ward", "York", "Garden", "£85", "£170", "Card", "back again!"],
    ["25/04/25", 2, "D. Okafor", "London", "Blue", "£95", "£190", "No show", None]]}


def test_a_b_and_bs_stays_paid_by_card_cash_or_booking_com(tmp_path):
    """'Booking.com' says the stay was paid through it (it made the column unread: 5
    contacts, [4, 0, 0, 0, 0]): 4 stays of 730 (190 + 85 + 285 + 170), the no-show none;
    Helen came back: [4, 3, 3, 1, 0]."""
    (found,) = cli_import_book(tmp_path, "Guest book.xlsx", BANDB)
    assert "4 rows marked paid in 'Paid' were read as purchases." in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (4, 730.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


# --- 8. a tutoring agency's parent enquiries -------------------------------------------

TUTORING = {"Enquiries": [
    ["Bright Minds Tutoring - parent enquiries"],
    ["Date", "Parent", "Child", "Year", "Subject", "Heard via", "Status", "Notes"],
    ["04/09/24", "Mo Hassan", "Sara", "Y6", "11+", "Friend", "Trial booked", "trial 10/9"],
    ["05/09/24", "Kate Lowe", "Finn", "Y9", "English", "Facebook", "No answer", "left VM x2"],
    ["09/09/24", "Ade Bello", "Tomi", "Y13", "Chemistry", "School newsletter",
     "Not proceeding", "too expensive"],
    ["15/09/24", "Rita Gomes", "Ana", "Y10", "Maths", "Friend", "Called back",
     "sending prices"],
    ["16/09/24", "Rita Gomes", "Ana", "Y10", "Maths", "Friend", "Called back", None]]}


def test_an_enquiries_logs_trial_booked_and_leads_lost(tmp_path):
    """Mo's trial booked is a step at consideration (was awareness); Kate's 'No answer' and
    Ade's 'Not proceeding' are leads lost: [4, 1, 0, 0, 0], 2 lost."""
    cli_import_book(tmp_path, "Enquiries.xlsx", TUTORING)
    assert clients_by_stage(tmp_path) == [
        ("Ade Bello", "awareness"), ("Kate Lowe", "awareness"), ("Mo Hassan", "consideration"),
        ("Rita Gomes", "awareness")]
    assert kind_totals(tmp_path, "lost")[0] == 2


# --- 9. a plumber's callouts --------------------------------------------------------------

PLUMBER = {"Callouts": [
    ["J. ROWE PLUMBING & HEATING - CALLOUTS"],
    ["Date", "Customer", "Address", "Job", "Callout", "Parts", "Labour", "Total", "Paid"],
    ["7.1.25", "Mrs Hall", "12 Elm Rd", "Leaking tap", "£60", "£8", "£30", "£98", "Y"],
    ["9.1.25", "Greg Ames", "3 The Close", "Boiler no heat", "£60", "£145", "£90", "£295",
     "Invoice sent"],
    ["15.1.25", "Jane Hall", "12 Elm Rd", "Radiator bleed", "£60", None, "£20", "£80",
     "Y - cash"],
    ["22.1.25", "Pete Nolan", "8 Mill Lane", "Quote - new bathroom", None, None, None, "£4,800",
     "N/A"],
    ["30.1.25", "Greg Ames", "3 The Close", "Boiler service", None, "£12", "£70", "£82", "Y"]]}


def test_a_plumbers_callouts_paid_y_cash_or_invoice_sent(tmp_path):
    """'Y - cash' is paid, 'Invoice sent' billed and not paid yet (each made the column
    unread: 5 sales of 5,355, the bathroom's quote among them): 3 sales of 260 (98 + 80 +
    82), Greg's 295 a contact, Pete's quote at consideration: [4, 4, 3, 0, 0]."""
    cli_import_book(tmp_path, "Callouts.xlsx", PLUMBER)
    assert kind_totals(tmp_path, "purchase") == (3, 260.0)
    assert cli_funnel(tmp_path) == [4, 4, 3, 0, 0]


def test_a_paid_column_with_other_words_stays_unread(tmp_path):
    """'ask Sue' is neither paid nor owed: the column is not read (the sheet's rows are
    sales, as before)."""
    (found,) = cli_import_book(tmp_path, "Jobs.xlsx", {"Jobs": [
        ["Date", "Customer", "Job", "Total", "Paid"],
        ["7.1.25", "Ann Lee", "Tap", "£98", "Y - cash"],
        ["9.1.25", "Bo Tan", "Boiler", "£295", "ask Sue"]]})
    assert not any("marked paid" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (2, 393.0)


# --- 10. a cleaning company's regular clients -------------------------------------------

CLEANING = {"Regulars": [
    ["SPARKLE CLEANING - REGULAR CLIENTS"],
    ["Client", "Address", "Day", "Frequency", "Hours", "Rate/hr", "Start date", "Status",
     "Key?"],
    ["Mrs Okoro", "4 Birch Ave", "Mon", "Weekly", "3", "£16", "Mar 2023", "Active", "✓"],
    ["Paul & Jen Wright", "22 Park St", "Tue", "Fortnightly", "4", "£16", "Jun 2024", "Active",
     "x"],
    ["Dr Singh", "9 Vicarage Rd", "Thu", "Weekly", "2", "£18", "Jan 2024", "On hold", "✓"],
    ["Fiona Gray", "1 Mill Ct", "Fri", "Monthly", "5", "£16", "Oct 2023", "Cancelled", "x"],
    ["Lee Chambers", "16 Oak Rd", None, "One-off", "6", "£18", "Feb 2025", "Quoted", None]]}


def test_a_cleaners_regulars_on_hold_or_cancelled_were_clients(tmp_path):
    """Beside 'Active', 'On hold' is a client paused and 'Cancelled' one who left (were
    awareness): 4 customers, Fiona churned, Lee quoted: [5, 5, 4, 0, 0] (was
    [5, 3, 2, 0, 0])."""
    (found,) = cli_import_book(tmp_path, "Regulars.xlsx", CLEANING)
    assert ("'Status' says Active or Inactive on a list of paying clients ('Client' says "
            "so): 4 clients were read as customers (purchase), and 1 Cancelled as having "
            "left (churned).") in found["notes"]
    assert cli_funnel(tmp_path) == [5, 5, 4, 0, 0]


def test_cancelled_on_a_list_with_no_active_client_is_left_alone(tmp_path):
    """A list of consultations 'Booked' or 'Cancelled' (no 'Active'): no one bought."""
    cli_import_book(tmp_path, "Clients.xlsx", {"Clients": [
        ["Client", "Status"], ["Ann Lee", "Booked"], ["Bo Tan", "Cancelled"]]})
    assert dict(clients_by_stage(tmp_path))["Bo Tan"] != "purchase"


# --- 11. an accountant's fees a year each -------------------------------------------------

ACCOUNTANT = {"Clients": [
    ["Fenwick Accounts - client fees"],
    ["Client", "Type", "Year end", "Fee 22/23", "Fee 23/24", "Fee 24/25", "Referred by",
     "Notes"],
    ["Hart Plumbing Ltd", "Ltd co", "31-Mar", "£1,200", "£1,250", "£1,300", None, None],
    ["Sarah Mills", "Sole trader", "5-Apr", "£350", "£350", "£380", "Hart Plumbing Ltd", None],
    ["Green Leaf Cafe", "Partnership", "30-Jun", None, "£900", "£950", "Sarah Mills",
     "new 23/24"],
    ["Tom Baker", "Sole trader", "5-Apr", "£300", None, None, None, "left - moved away"],
    ["Kay Designs", "Ltd co", "31-Dec", None, None, "TBC", None, "engagement letter sent"]]}


def test_an_accountants_fees_a_year_each(tmp_path):
    """The latest year's fee is the revenue: 1,300 + 380 + 950 + Tom's last, 300 = 2,930
    (was 22/23's: 2,750); Hart, Sarah and Green Leaf paid in two years or more, Hart and
    Sarah referred others: [5, 4, 4, 3, 2] (was [5, 4, 4, 2, 2])."""
    (found,) = cli_import_book(tmp_path, "Client fees.xlsx", ACCOUNTANT)
    assert ("'Fee 22/23' to 'Fee 24/25' each hold a year's money: the years with more than 0 "
            "are each client's purchases (3 clients in two or more years, repeat customers)."
            ) in found["notes"]
    assert workspace_rows(tmp_path, REVENUE) == [(2930.0,)]
    assert cli_funnel(tmp_path) == [5, 4, 4, 3, 2]


def test_one_years_fee_makes_no_repeat(tmp_path):
    """A fee for one year only: no years counted, no repeat."""
    (found,) = cli_import_book(tmp_path, "fees.xlsx", {"Clients": [
        ["Client", "Fee 24/25"], ["Ann Lee", "£300"], ["Bo Tan", "£200"]]})
    assert not any("each hold a year's money" in note for note in found["notes"])
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- 12. a chimney sweep's year --------------------------------------------------------

SWEEP = {"2025": [
    ["Clean Sweep Chimneys 2025"],
    ["Date", "Name", "Address", "Flues", "Price", "Cert", "Paid", "Next due"],
    ["Jan 14", "Mr Ellis", "Rose Cottage", 1, "£65", "✓", "cash", "Jan 26"],
    ["Jan 21", "Ann Cole", "The Barn", 2, "£110", "✓", "BACS", "Jan 26"],
    ["Feb 3", "Bill Ward", "2 High St", 1, "£65", "✓", "owes", "Feb 26"],
    ["Sep 9", "Mr Ellis", "Rose Cottage", 1, "£65", "✓", "cash", "Sep 26"],
    ["Sep 30", "Nick Hale", "Old Forge", 1, "£70", None, "TBC", None]]}


def test_a_sweeps_paid_cash_bacs_owes_or_tbc(tmp_path):
    """'owes' and 'TBC' are not paid (they made the column unread: 5 contacts,
    [4, 0, 0, 0, 0]): 3 sales of 240 (65 + 110 + 65), Mr Ellis twice: [4, 2, 2, 1, 0]."""
    cli_import_book(tmp_path, "Sweeps.xlsx", SWEEP)
    assert kind_totals(tmp_path, "purchase") == (3, 240.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 1, 0]


# --- 13. a wedding DJ's enquiries and bookings ------------------------------------------

DJ = {"Bookings": [
    ["DJ Sam - wedding enquiries & bookings"],
    ["Enquiry", "Couple", "Email", "Wedding date", "Venue", "Quote", "Status"],
    ["10/01/25", "Amy & Rob", "amy.r@mail.com", "14/06/25", "Hill Barn", "£650",
     "Booked - deposit pd"],
    ["18/01/25", "Chloe & Dan", "chloe@mail.com", "02/08/25", "The Grange", "£700",
     "Paid in full"],
    ["02/02/25", "Priya & Sam", "priya.s@mail.com", "20/09/25", "Town Hall", "£600", "Quoted"],
    ["14/02/25", "Lucy & Tom", "lucy.t@mail.com", "11/10/25", "Hill Barn", "£650",
     "Lost - went with a band"],
    ["01/03/25", "Ella & Jo", "ella@mail.com", "TBC", "TBC", None, "Enquiry"]]}


def test_a_djs_booking_with_the_deposit_paid_is_bought(tmp_path):
    """'Booked - deposit pd' is a booking paid for (was consideration): Amy & Rob and Chloe
    & Dan bought, Priya & Sam and Lucy & Tom considered: [5, 4, 2, 0, 0]."""
    cli_import_book(tmp_path, "DJ bookings.xlsx", DJ)
    assert dict(clients_by_stage(tmp_path))["Amy & Rob"] == "purchase"
    assert cli_funnel(tmp_path) == [5, 4, 2, 0, 0]


def test_a_booking_awaiting_its_deposit_is_not_bought(tmp_path):
    """'Booked - awaiting deposit' says nothing was paid: still a booking (consideration)."""
    cli_import_book(tmp_path, "bookings.xlsx", {"Bookings": [
        ["Couple", "Status"], ["Amy & Rob", "Booked - awaiting deposit"],
        ["Chloe & Dan", "Paid in full"]]})
    assert dict(clients_by_stage(tmp_path))["Amy & Rob"] == "consideration"


# --- 14. a pet sitter's bookings ----------------------------------------------------------

PETSIT = {"Bookings": [
    ["Happy Paws Home Pet Sitting"],
    ["Owner", "Pet(s)", "From", "To", "Nights", "Rate", "Total", "Paid?"],
    ["Sue Barker", "2 cats", "12/02/25", "15/02/25", 3, "£20", "£60", "Y"],
    ["Dev Patel", "Rex (dog)", "01/03/25", "08/03/25", 7, "£35", "£245", "deposit £50"],
    ["Sue Barker", "2 cats", "10/04/25", "12/04/25", 2, "£20", "£40", "Y"],
    ["Lin Wu", "Rabbit", "18/04/25", "21/04/25", 3, "£15", "£45", "N"]]}


def test_a_pet_sitters_deposit_written_in_the_paid_column(tmp_path):
    """'deposit £50' is 50 paid of Dev's 245 (it made the column unread: 4 sales of 390, Lin
    Wu's unpaid one among them): 3 sales of 150 (60 + 50 + 40); Sue twice: [3, 2, 2, 1, 0]."""
    (found,) = cli_import_book(tmp_path, "Pet sitting.xlsx", PETSIT)
    assert ("1 row marked part paid with the sum in 'Paid?' ('deposit £50') was read as a "
            "purchase of what was paid so far (50.00 of 245.00).") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 150.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_deposit_above_the_total_is_the_total(tmp_path):
    """'deposit £300' beside a 200 total is no part of it: the sale is the 200."""
    cli_import_book(tmp_path, "bookings.xlsx", {"Bookings": [
        ["Owner", "From", "Total", "Paid?"], ["Sue Barker", "12/02/25", "£200", "deposit £300"],
        ["Lin Wu", "18/04/25", "£45", "N"]]})
    assert kind_totals(tmp_path, "purchase") == (1, 200.0)


# --- 15. a car valeter's jobs -------------------------------------------------------------

VALETING = {"Jobs": [
    ["SHINE MOBILE VALETING"],
    ["Date", "Reg", "Name", "Phone", "Package", "Price", "Paid", "Notes"],
    ["01/03/2025", "AB12 CDE", "Kev Morris", "07700 900111", "Full valet", "£80", "Card", None],
    ["01/03/2025", "XY65 ZZT", "Sophie Lane", "07700 900222", "Mini valet", "£35", "Cash", None],
    ["08/03/2025", "AB12 CDE", "Kev Morris", "07700 900111", "Mini valet", "£35", "Owes",
     "pay next time"],
    ["15/03/2025", "LM70 PQR", "Jas Gill", "07700 900333", "Ceramic coat", "£250", "Card",
     "left 5* on Google"]]}


def test_a_valeters_jobs_one_owed(tmp_path):
    """'Owes' is not paid (it made the column unread: 4 sales of 400): 3 sales of 365 (80 +
    35 + 250), Kev's second valet owed: [3, 3, 3, 0, 0]."""
    cli_import_book(tmp_path, "Valeting.xlsx", VALETING)
    assert kind_totals(tmp_path, "purchase") == (3, 365.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 16. a beekeeper's orders from its stockists ----------------------------------------

HONEY = {"Shop orders": [
    ["Meadow Bees - shop orders"],
    ["Date", "Stockist", "Jars", "Price/jar", "Invoice", "Amount", "Paid"],
    ["03/06/2025", "Ludlow Deli", 24, "£4.50", "INV-031", "£108.00", "12/06/2025"],
    ["10/06/2025", "Farm Shop at Acton", 12, "£4.50", "INV-032", "£54.00", None],
    ["01/07/2025", "Ludlow Deli", 36, "£4.50", "INV-033", "£162.00", "08/07/2025"],
    ["08/07/2025", "Bridge Cafe", 6, "£5.00", "INV-034", "£30.00", "paid cash"]]}


def test_a_beekeepers_stockists_and_the_days_they_paid(tmp_path):
    """'Stockist' names the client (was no client at all); 'Paid' of days and 'paid cash'
    says which invoices were paid, the blank one not yet: 3 sales of 300 (108 + 162 + 30),
    the farm shop's 54 a contact; Ludlow Deli ordered twice: [3, 2, 2, 1, 0]."""
    cli_import_book(tmp_path, "Shop orders.xlsx", HONEY)
    assert count_clients(tmp_path) == 3
    assert kind_totals(tmp_path, "purchase") == (3, 300.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_a_paid_column_of_days_and_other_words_stays_unread(tmp_path):
    """Days beside 'see notes' (neither paid nor owed): the column is not read."""
    (found,) = cli_import_book(tmp_path, "orders.xlsx", {"Orders": [
        ["Date", "Stockist", "Amount", "Paid"],
        ["03/06/2025", "Ludlow Deli", "£108", "12/06/2025"],
        ["10/06/2025", "Bridge Cafe", "£54", "see notes"]]})
    assert not any("marked paid" in note for note in notes_of([found]))


# --- 17. a dance school's term fees ------------------------------------------------------

DANCE = {"Term 1": [
    ["Step Up Dance School - Autumn term 2024"],
    ["Pupil", "Parent", "Class", "Term fee", "Paid", "Notes"],
    ["Isla Reed", "Mrs Reed", "Ballet G2", "£96", "pd 9/9", None],
    ["Mia Reed", "Mrs Reed", "Tap", "£72", "pd 9/9", "sibling disc."],
    ["Zara Ali", "Hina Ali", "Street", "£72", "Card", "rest in Oct"],
    ["Leo Grant", "Beth Grant", "Ballet G1", "£96", None, "trial only"],
    [],
    ["", "", "Total", "=SUM(D3:D6)"]]}


def test_a_dance_schools_term_fee_paid_on_a_day_or_by_card(tmp_path):
    """'Term fee' is each pupil's fee (was not read: [4, 0, 0, 0, 0]); 'pd 9/9' and 'Card' in
    'Paid' say who paid it, Leo's blank not yet: 96 + 72 + 72 = 240, Leo's 96 to come;
    Leo's note 'trial only' says he tried (consideration, session 24; was awareness):
    [4, 4, 3, 0, 0]."""
    (found,) = cli_import_book(tmp_path, "Dance fees.xlsx", DANCE)
    assert ("1 client not marked paid in 'Paid' has paid none of 'Term fee' yet (96): read "
            "as revenue to come (potential), not revenue.") in found["notes"]
    assert workspace_rows(tmp_path, REVENUE) == [(240.0,)]
    assert cli_funnel(tmp_path) == [4, 4, 3, 0, 0]
