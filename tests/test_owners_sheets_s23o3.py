"""Owners' own workbooks, round 8 (session 23, O3): twenty trades' hand-kept books the
earlier rounds had not tried (an optician, a vet's register of owners and pets, a livery
yard, a boarding kennel, a private chef, a translator, a copywriter, a web designer paid in
stages, a photographer's print sales, a florist's subscriptions, a martial-arts club, a golf
pro, an alterations shop, a gardener's seasonal contracts, a blind fitter, a wedding venue,
a bookkeeper, a hygienist's recall list, a US house painter, a US dog walker; those read
wrongly and left alone are written up in the session's report, not tested). Each is
written here with openpyxl as the owner keeps it (a title over the header, notes in cells,
money as "£45", "45.00", "£60 dep", ticks ✓ x Y, blank rows, a totals row, a tab per
month), imported through the command line and checked against figures worked out by hand
(clients; cumulative funnel: awareness, consideration, purchase, retention, advocacy;
sales and revenue); beside each rule, a sheet where it must not fire.

Read right before (kept as a guard): the photographer's print sales (a refund beside its
sale, one awaiting payment), the translator's jobs paid on a date or "paid PayPal".

Mended (was -> now, each for its kind of sheet):
- "dep" in a "Paid" column is a deposit, part paid ("£60 dep"), and the balance still to
  pay written after it ("£1,000 dep - bal due") leaves it part paid (the column was
  unread: a ticket book all contacts, [4, 0, 0, 0, 0]; a fitter's 2,150 all a sale).
- "see email" in a "Paid?" column says nothing is known paid (the column was unread: an
  unpaid brochure a sale).
- Days without a year ("Mon 3 Mar", "2/6") in a workbook whose file's name names one year
  ("Lessons 2025.xlsx") are of that year (were kept unread: no repeat lesson seen).
- "Subscriber" names the client; "Price/wk" is a price each, times "Weeks paid" (no name,
  no revenue: now 1,140).
- A price paid in stages, each stage's money followed by a "Paid" column of its own
  ("Deposit 30%", "Paid", "Midpoint 40%", "Paid", "Final 30%", "Paid"): each sale is the
  stages paid (was the whole fee: 10,000, now 5,900).
- A wedding venue's "Price" beside the money of the "Deposit paid": revenue is the deposit,
  the rest to come (was the whole price: 23,500, now 5,000 and 18,500 to come).
- An event log's status "Done - paid" (each part naming a sale) is a sale, the column a
  payment's status; a date written "TBC" is no date yet, the row kept (were 4 contacts and
  a client lost with its rejected row).
- "Left Dec", "Cancelled 3/4": the outcome, with when it happened after it (was a status
  to map: a member of three years at awareness).
"""

from __future__ import annotations

import datetime as dt

from conftest import cli_funnel, cli_import_book, kind_totals, workspace_rows
from test_owners_sheets_s18 import REVENUE, count_clients, notes_of

D = dt.datetime


def revenue_of(tmp_path) -> list[tuple]:
    return workspace_rows(tmp_path, "SELECT name, revenue_current, revenue_potential "
                                    "FROM clients ORDER BY name")


def clients_by_stage(tmp_path) -> list[tuple]:
    return workspace_rows(tmp_path, "SELECT name, furthest_stage FROM clients ORDER BY name")


# --- 1. an alterations shop's tickets -----------------------------------------------------

def alteration_tickets(deposit: str = "£60 dep") -> dict:
    return {"Tickets": [
        ["Stitch in Time Alterations"], [],
        ["Ticket", "In", "Customer", "Phone", "Item", "Work", "Price", "Ready", "Collected",
         "Paid"],
        [501, "2/6", "Mrs Green", "07700 900444", "Trousers", "Take up", "£12", "4/6", "✓", "✓"],
        [502, "2/6", "Ali Khan", "07700 900555", "Suit jacket", "Sleeves", "£28", "6/6", "✓",
         "✓"],
        [503, "3/6", "Bridal - Sophie", "07700 900666", "Wedding dress", "Hem + bustle",
         "£180", "20/6", None, deposit],
        [504, "4/6", "Mrs Green", "07700 900444", "Dress", "Zip", "£18", "5/6", None, None],
        [505, "5/6", "Jim Boyd", None, "Coat", "Lining", "£45", None, None, None]]}


def test_an_alteration_shops_deposit_written_dep_is_part_paid(tmp_path):
    """'£60 dep' is a deposit of 60 paid on the dress's 180 (the 'Paid' column was unread:
    every ticket a contact, [4, 0, 0, 0, 0]). Mrs Green's 12 and Ali Khan's 28 ticked,
    Sophie's 60: 3 sales of 100; Mrs Green's zip (18) and Jim Boyd's coat (45) not paid:
    [4, 3, 3, 0, 0]. The file's name ('Tickets June 2025') names the year of '2/6'."""
    found = cli_import_book(tmp_path, "Tickets June 2025.xlsx", alteration_tickets())
    assert ("1 row marked part paid with the sum in 'Paid' ('£60 dep') was read as a "
            "purchase of what was paid so far (60.00 of 180.00).") in notes_of(found)
    assert ("5 dates in 'In' written without a year (2/6, 3/6) were read in 2025, the year "
            "the file's name names ('Tickets June 2025').") in notes_of(found)
    assert kind_totals(tmp_path, "purchase") == (3, 100.0)
    assert kind_totals(tmp_path, "contact") == (2, 63.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_file_named_without_a_year_names_none(tmp_path):
    """The same tickets in 'Tickets June.xlsx': nothing names the year of '2/6'; the dates
    stay unread, and the note says where a year may be written."""
    found = cli_import_book(tmp_path, "Tickets June.xlsx", alteration_tickets())
    assert ("5 dates in 'In' (2/6, 3/6) give no year, and nothing on the sheet or in its "
            "name says which: they were kept as written, not read as dates (add the year to "
            "them, or to the sheet's name, and import again).") in notes_of(found)


def test_a_paid_cell_of_other_words_still_leaves_the_column_unread(tmp_path):
    """'£60 see Sophie' says neither paid nor owed: the column is left unread, as before
    (every ticket a contact)."""
    cli_import_book(tmp_path, "Tickets June 2025.xlsx", alteration_tickets("£60 see Sophie"))
    assert kind_totals(tmp_path, "purchase") == (0, None)


# --- 2. a blind fitter's quotes and fits --------------------------------------------------

BLINDS = {"Quotes": [
    ["Shade Right Blinds - quotes"],
    ["Date", "Customer", "Postcode", "Rooms", "Quote", "Outcome"],
    ["03/04/2025", "Mrs Bailey", "LS6 2AB", "Lounge, kitchen", "£680", "Ordered"],
    ["05/04/2025", "Mr Hussain", "LS8 4CD", "Whole house", "£2,150", "Ordered"],
    ["10/04/2025", "K. Walker", "LS17 1EF", "Conservatory", "£1,400", "Too dear"],
    ["14/04/2025", "Mrs Bailey", "LS6 2AB", "Bedroom", "£240", "Thinking"],
    ["18/04/2025", "Jane Rhodes", "LS12 9GH", "Office", "£390", "Ordered"]],
    "Fits": [
    ["Fits"],
    ["Fit date", "Customer", "Invoice", "Amount", "Paid"],
    ["24/04/2025", "Mrs Bailey", "SR-201", "£680", "Y"],
    ["30/04/2025", "Mr Hussain", "SR-202", "£2,150", "£1,000 dep - bal due"],
    ["06/05/2025", "Jane Rhodes", "SR-203", "£390", "Y"]]}


def test_a_fitters_deposit_with_the_balance_due_is_what_was_paid(tmp_path):
    """Mr Hussain's '£1,000 dep - bal due' is 1,000 paid of 2,150 (was the whole 2,150: the
    'Paid' column unread). Sales 680 + 1,000 + 390 = 2,070 (was 3,220); the five quotes
    are contacts at consideration, K. Walker's the only one not fitted: [4, 4, 3, 0, 0]."""
    found = cli_import_book(tmp_path, "Blinds 2025.xlsx", BLINDS)
    assert ("1 row marked part paid with the sum in 'Paid' ('£1,000 dep - bal due') was read "
            "as a purchase of what was paid so far (1,000.00 of 2,150.00).") in notes_of(found)
    assert kind_totals(tmp_path, "purchase") == (3, 2070.0)
    assert cli_funnel(tmp_path) == [4, 4, 3, 0, 0]


def test_a_balance_due_alone_is_not_paid(tmp_path):
    """'bal due' with no deposit before it says nothing was paid: the column is unread
    (every fit a sale by its invoice number, as before), not read as part paid."""
    fits = [row[:] for row in BLINDS["Fits"]]
    fits[3][4] = "bal due"
    found = cli_import_book(tmp_path, "Fits.xlsx", {"Fits": fits})
    assert not any("part paid" in note for note in notes_of(found))


# --- 3. a copywriter's retainers and one-off jobs -----------------------------------------

COPY = {"Retainers": [
    ["Retainer clients 2025"],
    ["Client", "Monthly fee", "Started", "Jan", "Feb", "Mar", "Notes"],
    ["Bloom Skincare", "£800", "Sep-24", "✓", "✓", "✓", None],
    ["Northgate Estates", "£450", "Jan-25", "✓", "✓", None, "chase Mar"],
    ["Tidy Tech", "£600", "Nov-24", "✓", "x", "x", "paused - budget"]],
    "One-offs": [
    ["One-off jobs"],
    ["Date", "Client", "Job", "Quote", "Invoiced", "Paid?"],
    ["10/01/2025", "Greenleaf Cafe", "Menu copy", "£250", "£250", "Y"],
    ["24/01/2025", "Bloom Skincare", "Product launch emails", "£600", "£600", "Y"],
    ["07/02/2025", "FitFlex Gym", "Website copy", "£1,200", None, "N"],
    ["21/02/2025", "Hale & Co", "Brochure", "£400", "£400", "see email"]]}


def test_a_copywriters_see_email_is_not_known_paid(tmp_path):
    """'see email' in 'Paid?' says no payment is known (the column was unread: all four
    jobs sales of 1,250, FitFlex's quote among them). Greenleaf 250 and Bloom 600 paid: 2
    sales of 850; FitFlex's and Hale & Co's quotes contacts at consideration. Retainers:
    Bloom 3 x 800, Northgate 2 x 450, Tidy Tech 1 x 600 = 3,900. [6, 6, 4, 2, 0] (was
    [6, 6, 6, 2, 0])."""
    found = cli_import_book(tmp_path, "Clients.xlsx", COPY)
    assert "2 rows marked not paid in 'Paid?' were read as contacts, not sales." in notes_of(
        found)
    assert kind_totals(tmp_path, "purchase") == (2, 850.0)
    assert workspace_rows(tmp_path, REVENUE) == [(3900.0,)]
    assert clients_by_stage(tmp_path) == [
        ("Bloom Skincare", "retention"), ("FitFlex Gym", "consideration"),
        ("Greenleaf Cafe", "purchase"), ("Hale & Co", "consideration"),
        ("Northgate Estates", "retention"), ("Tidy Tech", "purchase")]


# --- 4. a golf pro's lessons ---------------------------------------------------------------

GOLF = {"Lessons": [
    ["Golf lessons - Steve Roberts PGA"],
    ["Date", "Pupil", "Lesson", "Fee", "Paid", "Notes"],
    ["Mon 3 Mar", "Dave Hill", "1hr", "£50", "cash", None],
    ["Wed 5 Mar", "Karen Lee", "30 min", "£30", "card", "beginner"],
    ["Sat 8 Mar", "Dave Hill", "1hr", "£50", "cash", None],
    ["Sat 8 Mar", "Tom & Jen Ash", "Couples 1hr", "£70", "voucher", "gift voucher V102"],
    ["Tue 11 Mar", "Karen Lee", "Block of 5", "£135", "BACS", "4 left"],
    ["Thu 13 Mar", "Phil Gray", "Playing lesson 9 holes", "£120", "TBC", None]]}


def test_a_golf_pros_days_take_the_year_the_files_name_names(tmp_path):
    """'Mon 3 Mar' in 'Lessons 2025.xlsx' is 3 March 2025 (was kept unread: no day to any
    lesson). Dave Hill 50 + 50 and Karen Lee 30 + 135 come back on later days; the Ashes'
    70 by voucher; Phil Gray's 120 not yet paid: 5 sales of 335, [4, 3, 3, 2, 0] (was
    [4, 3, 3, 0, 0])."""
    found = cli_import_book(tmp_path, "Lessons 2025.xlsx", GOLF)
    assert ("6 dates in 'Date' written without a year (Mon 3 Mar, Wed 5 Mar) were read in "
            "2025, the year the file's name names ('Lessons 2025').") in notes_of(found)
    assert kind_totals(tmp_path, "purchase") == (5, 335.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]


def test_a_files_name_of_two_years_names_none(tmp_path):
    """'Lessons 2024-25.xlsx' names a season of two years: which one 'Mon 3 Mar' is, it does
    not say; the days stay unread, as before ([4, 3, 3, 0, 0])."""
    found = cli_import_book(tmp_path, "Lessons 2024-25.xlsx", GOLF)
    assert not any("written without a year" in note for note in notes_of(found))
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


# --- 5. a florist's flower subscriptions ----------------------------------------------------

FLOWERS = {"Subscriptions": [
    ["Petal Post - flower subscriptions"],
    ["Subscriber", "Email", "Plan", "Price/wk", "Start", "Weeks paid", "Status", "Notes"],
    ["Anna Bell", "anna@example.com", "Weekly", "£25", "06/01/2025", 12, "Active", None],
    ["Hotel Verde", "events@verde.example", "Weekly x3", "£75", "13/01/2025", 10, "Active",
     "invoice monthly"],
    ["Rosie King", "rosie@example.com", "Fortnightly", "£30", "20/01/2025", 3, "Cancelled",
     "moved away"],
    ["Dan Hughes", "dan@example.com", "Gift - 3 months", "£28", "03/02/2025", 0,
     "Starts March", "gift from wife"]]}


def test_a_florists_subscribers_pay_the_weekly_price_each_week_paid(tmp_path):
    """'Subscriber' names each client (were nameless); 'Price/wk' times 'Weeks paid': Anna
    12 x 25 = 300, Hotel Verde 10 x 75 = 750, Rosie 3 x 30 = 90, Dan none yet: 1,140 (was
    no revenue); three paid more than one week: [4, 3, 3, 3, 0] (was [4, 3, 3, 0, 0])."""
    found = cli_import_book(tmp_path, "Subscribers.xlsx", FLOWERS)
    assert ("'Price/wk' is the price of each of 'Weeks paid': each client's revenue "
            "(current) is 'Price/wk' times 'Weeks paid' (1,140 in all; 3 clients paid more "
            "than one).") in notes_of(found)
    assert [name for name, _, _ in revenue_of(tmp_path)] == [
        "Anna Bell", "Dan Hughes", "Hotel Verde", "Rosie King"]
    assert workspace_rows(tmp_path, REVENUE) == [(1140.0,)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 3, 0]


# --- 6. a web designer's projects paid 30/40/30 ---------------------------------------------

WEB = {"Projects": [
    ["Pixel & Post - web projects"],
    ["Client", "Project", "Fee", "Deposit 30%", "Paid", "Midpoint 40%", "Paid", "Final 30%",
     "Paid", "Status"],
    ["Rowan Bakery", "Shop site", "£3,000", "£900", "✓", "£1,200", "✓", "£900", "✓", "Live"],
    ["Dr K Osei", "Clinic site", "£2,000", "£600", "✓", "£800", "✓", "£600", None, "Snagging"],
    ["Fernhill School", "Redesign", "£5,000", "£1,500", "✓", "£2,000", None, "£1,500", None,
     "In build"],
    ["Maya Arts", "Portfolio", "£1,200", "£360", None, "£480", None, "£360", None,
     "Proposal sent"],
    [],
    ["TOTAL", None, "=SUM(C3:C6)"]]}


def test_a_web_designers_fee_paid_in_stages_is_the_stages_paid(tmp_path):
    """Each stage's money with its own 'Paid' beside it: Rowan 900 + 1,200 + 900 = 3,000,
    Dr Osei 600 + 800 = 1,400, Fernhill 1,500: 3 sales of 5,900 (were the whole fees,
    10,000); Maya Arts' proposal a contact at consideration: [4, 4, 3, 0, 0]."""
    found = cli_import_book(tmp_path, "Projects.xlsx", WEB)
    assert ("Each row's sale is what was paid of 'Deposit 30%' where 'Paid' says so and "
            "'Midpoint 40%' where 'Paid (2)' says so and 'Final 30%' where 'Paid (3)' says so "
            "(3 purchases of 5,900); 1 row with nothing paid yet was read as a contact at "
            "consideration, not sales.") in notes_of(found)
    assert kind_totals(tmp_path, "purchase") == (3, 5900.0)
    assert cli_funnel(tmp_path) == [4, 4, 3, 0, 0]


def test_one_part_with_a_paid_beside_it_is_no_stage_payment(tmp_path):
    """One 'Deposit' with a 'Paid' after it: 'Paid' says the fee was paid, as before (3
    sales of the whole fees, 10,000)."""
    rows = [[r[0], r[1], r[2], r[3], r[4], r[9]] if len(r) > 4 else r
            for r in WEB["Projects"][1:6]]
    rows[0] = ["Client", "Project", "Fee", "Deposit", "Paid", "Status"]
    cli_import_book(tmp_path, "Projects.xlsx", {"Projects": rows})
    assert kind_totals(tmp_path, "purchase") == (3, 10000.0)


# --- 7. a wedding venue's enquiries and bookings --------------------------------------------

VENUE = {"Enquiries": [
    ["Hollybank Barn - wedding enquiries"],
    ["Enquiry date", "Couple", "Email", "Wedding date", "Guests", "Source", "Viewing", "Notes"],
    ["02/01/2025", "Amy & Tom", "amy@example.com", "14/06/2026", 100, "Hitched", "✓", None],
    ["05/01/2025", "Priya & Dev", "priya@example.com", "2026", 150, "Instagram", "✓", None],
    ["09/01/2025", "Lucy & Ben", "lucy@example.com", "Sept 26", 80, "Wedding fair", None,
     "no reply"],
    ["15/01/2025", "Chloe & Sam", "chloe@example.com", "TBC", 120, "Google", "✓",
     "went elsewhere"],
    ["20/01/2025", "Hannah & Joe", "hannah@example.com", "05/09/2026", 90, "Friend", None,
     None]],
    "Bookings": [
    ["Confirmed weddings"],
    ["Couple", "Email", "Wedding date", "Package", "Price", "Deposit paid", "Balance due"],
    ["Amy & Tom", "amy@example.com", "14/06/2026", "Full day", "£9,500", "£2,000", "14/04/2026"],
    ["Priya & Dev", "priya@example.com", "22/08/2026", "Exclusive weekend", "£14,000",
     "£3,000", "22/06/2026"]]}


def test_a_wedding_venues_deposit_paid_is_the_revenue_of_its_price(tmp_path):
    """Amy & Tom paid 2,000 of 9,500, Priya & Dev 3,000 of 14,000: revenue 5,000 and 18,500
    to come (was the whole 23,500 as revenue). Three viewed, two booked: [5, 3, 2, 0, 0]."""
    found = cli_import_book(tmp_path, "Weddings.xlsx", VENUE)
    assert ("'Deposit paid' holds the deposit each client paid of 'Price': 2 clients paid "
            "5,000 (revenue, current; a purchase), and the 18,500 not yet paid is revenue to "
            "come (potential).") in notes_of(found)
    assert revenue_of(tmp_path) == [
        ("Amy & Tom", 2000.0, 7500.0), ("Chloe & Sam", None, None),
        ("Hannah & Joe", None, None), ("Lucy & Ben", None, None),
        ("Priya & Dev", 3000.0, 11000.0)]
    assert cli_funnel(tmp_path) == [5, 3, 2, 0, 0]


def test_a_paid_column_of_money_beside_a_price_is_left_as_before(tmp_path):
    """'Paid' (not a deposit) beside 'Price': the price stays each client's revenue, as
    before (23,500)."""
    bookings = [row[:] for row in VENUE["Bookings"]]
    bookings[1][5] = "Paid"
    cli_import_book(tmp_path, "Weddings.xlsx", {"Bookings": bookings})
    assert workspace_rows(tmp_path, REVENUE) == [(23500.0,)]


# --- 8. a private chef's events -------------------------------------------------------------

CHEF = {"Events": [
    ["Chef Marco - private dining"], ["Events 2025"],
    ["Date", "Client", "Occasion", "Guests", "Per head", "Total", "Deposit", "Balance",
     "Status"],
    ["14 Feb 2025", "Olivia & James", "Valentine's dinner", 2, "£85", "£170", "£50", "£120",
     "Done - paid"],
    ["08/03/2025", "Hargreaves family", "60th birthday", 12, "£65", "£780", "£200", "£580",
     "Done - paid"],
    ["22/03/2025", "Beacon Ltd", "Team dinner", 20, "£55", "£1,100", "£300", "£800",
     "Done - balance owed"],
    ["12/04/2025", "Olivia & James", "Anniversary", 2, "£90", "£180", None, None, "TBC"],
    ["TBC", "Sam Patel", "Engagement", 30, "£60", "£1,800", None, None,
     "Enquiry - menu sent"]]}


def test_a_private_chefs_done_and_paid_events_are_sales(tmp_path):
    """'Done - paid' (both parts a sale) says the event was paid: Olivia & James 170,
    Hargreaves 780; 'Done - balance owed' the dinner given, its Deposit 300 paid of 1,100
    (session 24: was the whole 1,100, the 800 owed counted as paid). Sam Patel's date
    'TBC' is no date yet: his row kept (was rejected, the client lost). Olivia's
    anniversary TBC a contact at consideration: 3 sales of 170 + 780 + 300 = 1,250,
    [4, 3, 3, 0, 0] (was 4 contacts, [3, 1, 0, 0, 0])."""
    found = cli_import_book(tmp_path, "Events.xlsx", CHEF)
    assert ("Column 'Date': 1 date was a placeholder that means \"no date\" (TBC), so it was "
            "left empty.") in notes_of(found)
    assert found[0]["rejected"] == 0
    assert count_clients(tmp_path) == 4
    assert kind_totals(tmp_path, "purchase") == (3, 1250.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_task_lists_done_and_pending_say_nothing_of_payment(tmp_path):
    """An events list's 'Done' and 'Pending' (no word of paying) leave each row a contact,
    as before: a status is no sale without money said paid."""
    rows = [["Date", "Client", "Total", "Status"],
            ["14/02/2025", "Olivia", "£170", "Done - checked"],
            ["08/03/2025", "Harg", "£780", "Done"],
            ["12/04/2025", "Beacon", "£1,100", "Pending"]]
    cli_import_book(tmp_path, "Events.xlsx", {"Events": rows})
    assert kind_totals(tmp_path, "purchase") == (0, None)


# --- 9. a martial-arts club's members -------------------------------------------------------

def club_members(left: str = "Left Dec") -> dict:
    return {"Members": [
        ["Tiger Taekwondo Club - members"],
        ["Name", "Parent", "Belt", "Joined", "DD monthly", "Last grading", "Grading fee",
         "Status"],
        ["Leo Grant (9)", "Amy Grant", "Yellow", "Sep 2024", "£35", "12/01/2025", "£25 pd",
         "Active"],
        ["Mia Grant (7)", "Amy Grant", "White", "Jan 2025", "£25", None, None, "Active"],
        ["Josh Byrne", None, "Green", "Mar 2023", "£40", "12/01/2025", "£25 pd", "Active"],
        ["Ella Moss", "Kim Moss", "White", "Feb 2025", None, None, None, "Trial"],
        ["Ryan Cole", None, "Blue", "Jun 2022", "£40", "15/09/2024", "£30 pd", left]]}


def test_a_clubs_member_who_left_in_a_month_has_left(tmp_path):
    """'Left Dec' is left (churned), the month it happened said after it: Ryan Cole, a
    member since 2022, was a customer who left (was a status to map: awareness). Leo, Mia
    and Josh active, Ella on a trial: [5, 5, 4, 0, 0] (was [5, 4, 3, 0, 0])."""
    cli_import_book(tmp_path, "Members.xlsx", club_members())
    assert workspace_rows(tmp_path, "SELECT furthest_stage, outcome FROM clients WHERE "
                                    "name = 'Ryan Cole'") == [("purchase", "churned")]
    assert cli_funnel(tmp_path) == [5, 5, 4, 0, 0]


def test_a_status_with_a_month_after_it_is_read_only_as_an_outcome(tmp_path):
    """'Joined Dec' is no outcome with a month after it: Ryan's status stays one to map,
    as before (awareness)."""
    cli_import_book(tmp_path, "Members.xlsx", club_members("Joined Dec"))
    assert workspace_rows(tmp_path, "SELECT furthest_stage, outcome FROM clients WHERE "
                                    "name = 'Ryan Cole'") == [("awareness", None)]


# --- 10. read right before: a photographer's print sales, a translator's jobs ---------------

PRINTS = {"Print sales": [
    ["Lakeside Photography - print & canvas sales"],
    ["Order date", "Customer", "Email", "Print", "Size", "Qty", "Price", "P&P", "Total",
     "Paid via", "Sent"],
    ["03/03/25", "Gill Foster", "gill@example.com", "Misty Lake", "A3", 1, "£45.00", "£5",
     "£50.00", "PayPal", "✓"],
    ["05/03/25", "Ben Carter", "ben@example.com", "Heron", "Canvas 24x16", 1, "£120.00", "£10",
     "£130.00", "Card", "✓"],
    ["09/03/25", "Gill Foster", "gill@example.com", "Heron", "A4", 2, "£25.00", "£5",
     "£55.00", "PayPal", "✓"],
    ["14/03/25", "Nina Shaw", "nina@example.com", "Sunset pier", "A3", 1, "£45.00", "£5",
     "£50.00", "refunded - damaged", "✓"],
    ["20/03/25", "Craig Dale", "craig@example.com", "Misty Lake", "A2", 1, "£65.00", "£5",
     "£70.00", "awaiting payment", None]]}


def test_a_photographers_print_sales_stay_read_right(tmp_path):
    """Gill 50 + 55, Ben 130, Nina 50 refunded: 4 sales of 285 and a refund of 50; Craig's
    70 awaiting payment a contact: [4, 3, 3, 1, 0]."""
    cli_import_book(tmp_path, "Print sales.xlsx", PRINTS)
    assert kind_totals(tmp_path, "purchase") == (4, 285.0)
    assert kind_totals(tmp_path, "refund") == (1, 50.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


TRANSLATOR = {"Jobs": [
    ["Translation jobs - FR/DE > EN"],
    ["Date in", "Client", "Job", "Words", "Rate/word", "Amount", "Invoice", "Paid"],
    ["2025-01-06", "Lexis Agency", "Legal contract FR>EN", 3200, "0.09", "288.00", "T-001",
     "20/01/2025"],
    ["2025-01-13", "Müller GmbH", "Website DE>EN", 5400, "0.08", "432.00", "T-002",
     "03/02/2025"],
    ["2025-01-27", "Lexis Agency", "Patent FR>EN", 1800, "0.11", "198.00", "T-003", None],
    ["2025-02-03", "Ana Lopez", "Birth cert", 250, "flat", "35.00", "T-004", "paid PayPal"],
    ["2025-02-10", "Lexis agency", "Court docs", 4100, "0.09", "369.00", "T-005",
     "03/03/2025"]]}


def test_a_translators_jobs_stay_read_right(tmp_path):
    """Paid on a date or 'paid PayPal': 288 + 432 + 35 + 369 = 1,124; the patent (198) not
    yet paid; 'Lexis agency' is Lexis Agency, back for more: [3, 3, 3, 1, 0]."""
    cli_import_book(tmp_path, "Jobs.xlsx", TRANSLATOR)
    assert kind_totals(tmp_path, "purchase") == (4, 1124.0)
    assert count_clients(tmp_path) == 3
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]
