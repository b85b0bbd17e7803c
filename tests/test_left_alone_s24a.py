"""Client lists and owners' books earlier sessions left misread (session 24, A). Each sheet
goes through the command line and is checked against figures worked out by hand before
importing; beside each, where it matters, a sheet where the rule must not fire.

- A client list's "Balance due" (or "Outstanding") beside a price or fee: revenue is the
  price less the balance, the balance revenue to come.
- A conveyancer's "Our fee" beside the house's "Price": the fee is the revenue.
- A livery yard's bare "Monthly" of prices, a club's "DD monthly": each client's fee;
  "£35/month" under "Monthly fee" is 35, "£300/yr" there is a year's fee, not read.
- A gardener's "Visits" agreed for the season (times "Price/visit" is "Season total"):
  not purchases. A tutor's "Lesson fee" times "Lessons" had is the lessons' worth.
- A builder's "Last payment" day lifts "In progress" to a purchase; a trainer's
  "Finished" package is bought; a chef's "Done - balance owed" is a sale of the deposit.
- A list of suppliers (wedding suppliers, a planner's tasks) is kept as reference rows;
  a booking "Cancelled - deposit refunded" has nothing to come.
- Owners' remarks: a note that says a trial and no more ("trial lesson 12/9") is trying
  (consideration); "Partial" paid with "$1,500 rec'd" in the note is a sale of 1,500.
"""

from __future__ import annotations

import datetime as dt

from conftest import cli_funnel, cli_import_book, cli_import_text, kind_totals, workspace_rows

REVENUE = ("SELECT name, revenue_current, revenue_potential FROM clients ORDER BY name")


# --- 1. a balance still owed beside the price ----------------------------------------------

def test_a_balance_due_beside_a_price_is_revenue_to_come(tmp_path):
    """Amy: Price 1,200, Balance due 900: paid 300, 900 to come; Chloe 700 with 0 due: 700;
    Priya nothing. Revenue 1,000 (was 1,900, the balance unread), 900 to come;
    [3, 2, 2, 0, 0] as before."""
    found = cli_import_text(tmp_path, "Photography clients.csv", (
        "Client,Email,Package,Price,Deposit,Balance due\n"
        "Amy Ross,amy@mail.com,Full day,£1200,£300,£900\n"
        "Chloe Dunn,chloe@mail.com,Half day,£700,£200,£0\n"
        "Priya Shah,priya@mail.com,Full day,,,\n"))
    assert ("Each client's revenue (current) is 'Price' less what 'Balance due' says is "
            "still owed (1,000); the 900 still owed by 1 client is revenue to come "
            "(potential).") in found["notes"]
    assert workspace_rows(tmp_path, REVENUE) == [("Amy Ross", 300.0, 900.0),
                                                 ("Chloe Dunn", 700.0, None),
                                                 ("Priya Shah", None, None)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_an_outstanding_sum_beside_a_fee_and_a_blank_one(tmp_path):
    """Ann: Fee 500, Outstanding 200: 300 + 200 to come; Bob 300 owing 0; Cal's blank says
    nothing: 450 stays. Revenue 1,050 (was 1,250)."""
    cli_import_text(tmp_path, "Clients.csv", (
        "Client,Phone,Fee,Outstanding\n"
        "Ann Fox,07700 900001,£500,£200\nBob King,07700 900002,£300,£0\n"
        "Cal Moss,07700 900003,£450,\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Ann Fox", 300.0, 200.0),
                                                 ("Bob King", 300.0, None),
                                                 ("Cal Moss", 450.0, None)]


def test_an_outstanding_rating_is_no_balance(tmp_path):
    """A valeter's "Outstanding" of ratings (words, not money): the prices stay, 85 + 40."""
    cli_import_text(tmp_path, "Customers.csv", (
        "Customer,Phone,Price,Outstanding\n"
        "Ann Fox,07700 900001,£85,Yes\nBob King,07700 900002,£40,No\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Ann Fox", 85.0, None),
                                                 ("Bob King", 40.0, None)]


# --- 2. the business's own fee beside the price of the client's purchase ------------------

def test_a_conveyancers_fee_is_the_revenue_not_the_house_price(tmp_path):
    """'Our fee' 950 and 850 (was the houses' 'Price': 250,000 + 180,000 = 430,000):
    revenue 1,800; both bought: [2, 2, 2, 0, 0]."""
    cli_import_book(tmp_path, "conveyancing.xlsx", {"Clients": [
        ["Client", "Property", "Price", "Stamp duty", "Our fee", "Completed"],
        ["Ian Ross", "4 Elm Rd", 250000, 2500, 950, dt.datetime(2025, 3, 14)],
        ["Meg Tate", "9 Ash Cl", 180000, 0, 850, None]]})
    assert workspace_rows(tmp_path, REVENUE) == [("Ian Ross", 950.0, None),
                                                 ("Meg Tate", 850.0, None)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- 3. a period's fee under a bare period header ------------------------------------------

LIVERY = {"Livery 2025": [
    ["Oakfield Livery Yard - fees 2025"],
    ["Owner", "Horse", "Livery", "Monthly", "Jan", "Feb", "Mar", "Apr", "Notes"],
    ["Kate Bright", "Dancer", "Full", "£650", "✓", "✓", "✓", "✓", None],
    ["Jo Marsh", "Pepper", "DIY", "£220", "✓", "✓", "x", None, "left end Feb"],
    ["Emma Lowe", "Storm", "Part", "£420", None, "✓", "✓", "✓", "started Feb"],
    ["Claire Dunn", "Barney", "Grass", "£150", "✓", "late", "✓", "✓", None]]}


def test_a_livery_yards_bare_monthly_is_each_owners_fee(tmp_path):
    """'Monthly' times the months ticked: Kate 650 x 4 = 2,600, Jo 220 x 2 = 440, Emma
    420 x 3 = 1,260, Claire 150 x 3 = 450 ('late' not paid): 4,750, each two months or
    more: [4, 4, 4, 4, 0] (was [4, 0, 0, 0, 0], no revenue)."""
    (found,) = cli_import_book(tmp_path, "livery.xlsx", LIVERY)
    assert found["mapping"]["Monthly"] == "revenue_current"
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(4750.0,)]
    assert cli_funnel(tmp_path) == [4, 4, 4, 4, 0]


def test_a_monthly_column_of_yes_and_no_is_no_fee(tmp_path):
    """'Monthly' Y/N (paying monthly or not) beside a 'Fee': the fee is the revenue."""
    (found,) = [cli_import_text(tmp_path, "clients.csv", (
        "Client,Monthly,Fee\nAnn Fox,Y,£40\nBob King,N,£400\n"))]
    assert found["mapping"]["Monthly"] != "revenue_current"
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(440.0,)]


def test_a_clubs_direct_debit_monthly_is_each_members_fee(tmp_path):
    """'DD monthly' 35, 25, 40, 40 (Ella on trial, none): 140 (was unread); the funnel as
    before, [5, 5, 4, 0, 0]."""
    cli_import_book(tmp_path, "members.xlsx", {"Members": [
        ["Name", "Parent", "Belt", "Joined", "DD monthly", "Status"],
        ["Leo Grant", "Amy Grant", "Yellow", "Sep 2024", "£35", "Active"],
        ["Mia Grant", "Amy Grant", "White", "Jan 2025", "£25", "Active"],
        ["Josh Byrne", None, "Green", "Mar 2023", "£40", "Active"],
        ["Ella Moss", "Kim Moss", "White", "Feb 2025", None, "Trial"],
        ["Ryan Cole", None, "Blue", "Jun 2022", "£40", "Left Dec"]]})
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(140.0,)]
    assert cli_funnel(tmp_path) == [5, 5, 4, 0, 0]


def test_a_monthly_fee_written_per_month_is_read_and_a_yearly_one_is_not(tmp_path):
    """'£35/month' under 'Monthly fee' is 35 (was unread); '£300/yr' is a year's fee, not a
    month's: left empty, said so. Revenue 180 + 95 + 120 + 35 = 430."""
    found = cli_import_text(tmp_path, "clients.csv", (
        "Client,Monthly fee,Status\nAce Ltd,£180,Active\nBo Ltd,£95,Active\n"
        "Cy Ltd,£120,Active\nK Mehta,£300/yr,Active\nSue Day,£35/month,Active\n"))
    assert ("1 cell could not be read and was left empty, its client kept: row 5, Monthly fee "
            "(B): '£300/yr' is a fee per year, not read as one amount of 'Monthly fee' (a fee "
            "per month).") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(430.0,)]


# --- 4. counts agreed, counts had ------------------------------------------------------------

def test_a_gardeners_visits_agreed_for_the_season_are_no_purchases(tmp_path):
    """16 x 40 = 640, 8 x 55 = 440, 32 x 75 = 2,400, 1 x 150 = 150: 'Visits' are the
    season's agreed. 'Paid' says who bought: Platt 320, Jenkins 440, Rectory 600 = 1,360;
    Dr Young paid nothing (was a purchase, the three others repeat customers):
    [4, 3, 3, 0, 0] (was [4, 4, 4, 3, 0])."""
    found = cli_import_text(tmp_path, "contracts.csv", (
        "Customer,Contract,Visits,Price/visit,Season total,Paid,Notes\n"
        "Mr & Mrs Platt,Fortnightly Mar-Oct,16,£40,£640,£320,\n"
        "Mrs Jenkins,Monthly,8,£55,£440,£440,paid in full\n"
        "The Old Rectory,Weekly,32,£75,\"£2,400\",£600,monthly £300\n"
        "Dr Young,One-off tidy,1,£150,£150,,quote only\n"))
    assert ("'Visits' times 'Price/visit' is 'Season total' on every row: the visits agreed "
            "and priced, not read as purchases made.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current) FROM clients") == [(1360.0,)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_salons_visits_at_a_price_that_make_what_was_spent_stay_visits(tmp_path):
    """'Visits' 5 x 'Price' 40 = 'Total spent' 200, 2 x 40 = 80: the total is what was
    paid, the visits had and paid for: purchases still, 5 and 2 (both repeat)."""
    cli_import_text(tmp_path, "clients.csv", (
        "Client,Visits,Price,Total spent\nAnn Fox,5,£40,£200\nBob King,2,£40,£80\n"))
    assert workspace_rows(tmp_path, "SELECT name, purchases FROM clients ORDER BY name") == [
        ("Ann Fox", 5), ("Bob King", 2)]
    assert cli_funnel(tmp_path) == [2, 2, 2, 2, 0]


TUTOR = {"Pupils": [
    ["Pupil", "Parent", "Subject", "Lesson fee", "Lessons"],
    ["Mia Cole", "Jo Cole", "Maths", 30, 10],
    ["Leo Fry", "Pat Fry", "English", 28, 4],
    ["Ava Lin", "Kai Lin", "Maths", 30, None]]}


def test_a_tutors_lesson_fee_times_the_lessons_had(tmp_path):
    """Mia 30 x 10 = 300, Leo 28 x 4 = 112: 412 (was 88, one fee each); Ava had none: her
    30 to come, not a customer: [3, 2, 2, 0, 0] (was [3, 3, 3, 0, 0]). The lessons had are
    no purchases (no repeat read from them)."""
    cli_import_book(tmp_path, "pupils.xlsx", TUTOR)
    assert workspace_rows(tmp_path, REVENUE) == [("Ava Lin", None, 30.0),
                                                 ("Leo Fry", 112.0, None),
                                                 ("Mia Cole", 300.0, None)]
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_a_lesson_fee_beside_a_paid_column_is_not_multiplied(tmp_path):
    """With 'Paid' beside them, what was paid is said there: the fee is not multiplied,
    2 sales of 30 + 28 = 58, as before."""
    cli_import_book(tmp_path, "pupils.xlsx", {"Pupils": [
        ["Pupil", "Parent", "Lesson fee", "Lessons", "Paid"],
        ["Mia Cole", "Jo Cole", 30, 10, "Y"], ["Leo Fry", "Pat Fry", 28, 4, "Y"]]})
    assert kind_totals(tmp_path, "purchase") == (2, 58.0)


# --- 5. statuses: paid in stages, finished, balance owed ------------------------------------

def test_a_builders_job_in_progress_with_a_payment_is_bought(tmp_path):
    """Jo Pratt 'In progress' with a 'Last payment' day: paid, a purchase; Len 'Quoted' with
    none stays considering: [3, 3, 2, 0, 0] (was [3, 3, 1, 0, 0])."""
    found = cli_import_book(tmp_path, "clients.xlsx", {"Clients": [
        ["Client", "Project", "Start date", "Contract value", "Last payment", "Status"],
        ["Ward family", "Extension", dt.datetime(2025, 2, 3), 38000, dt.datetime(2025, 5, 30),
         "Complete"],
        ["Jo Pratt", "Loft", dt.datetime(2025, 4, 7), 24000, dt.datetime(2025, 4, 7),
         "In progress"],
        ["Len Aziz", "Kitchen", dt.datetime(2025, 6, 2), 15000, None, "Quoted"]]})
    assert ("1 client with a day in 'Last payment' was read as having paid (purchase), above "
            "what the status says.") in found[0]["notes"]
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


def test_a_trainers_finished_package_was_bought(tmp_path):
    """Cal 'Finished' his 5 sessions (190) after a 30 trial: a purchase, 220 (was trying,
    consideration): [3, 3, 2, 0, 0] (was [3, 3, 1, 0, 0])."""
    cli_import_text(tmp_path, "PT clients.csv", (
        "Client,Email,Trial paid,Package,Package price,Status\n"
        "Ann Fox,ann@fox.com,£30,10 sessions,£350,Active\n"
        "Bob King,bob@king.com,£30,,,Trial\n"
        "Cal Moss,cal@moss.com,£30,5 sessions,£190,Finished\n"))
    assert workspace_rows(tmp_path, "SELECT furthest_stage, revenue_current FROM clients "
                                    "WHERE name = 'Cal Moss'") == [("purchase", 220.0)]
    assert cli_funnel(tmp_path) == [3, 3, 2, 0, 0]


def test_a_chefs_event_done_with_the_balance_owed_is_a_sale_of_the_deposit(tmp_path):
    """170 + 780 'Done - paid', Beacon 'Done - balance owed': its Deposit 300 of 1,100 paid:
    3 sales of 1,250 (was 2,050)."""
    found = cli_import_book(tmp_path, "events.xlsx", {"Events": [
        ["Date", "Client", "Occasion", "Guests", "Total", "Deposit", "Balance", "Status"],
        ["14/02/2025", "Olivia & James", "Valentine's dinner", 2, "£170", "£50", "£120",
         "Done - paid"],
        ["08/03/2025", "Hargreaves family", "60th birthday", 12, "£780", "£200", "£580",
         "Done - paid"],
        ["22/03/2025", "Beacon Ltd", "Team dinner", 20, "£1,100", "£300", "£800",
         "Done - balance owed"]]})
    assert ("1 sale whose 'Status' says the balance is still owed was read as a sale of "
            "'Deposit' paid (300 of 1,100); the rest is to come.") in found[0]["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 1250.0)


def test_events_done_and_paid_keep_their_whole_price(tmp_path):
    """No status saying a balance is owed: 170 + 780 = 950, as before."""
    cli_import_text(tmp_path, "events.csv", (
        "Date,Client,Total,Deposit,Balance,Status\n"
        "14/02/2025,Olivia Hay,£170,£50,£120,Done - paid\n"
        "08/03/2025,Jo Hargreaves,£780,£200,£580,Done - paid\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 950.0)


# --- 6. suppliers, and a booking called off -------------------------------------------------

def test_a_list_of_wedding_suppliers_is_no_client_list(tmp_path):
    """Supplier, Contact, Status 'Paid in full'/'Booked', Deposit, Balance: money paid out;
    no client (was 3 clients with no name, 2 of them purchases)."""
    found = cli_import_text(tmp_path, "Wedding suppliers.csv", (
        "Supplier,Service,Contact,Status,Deposit,Balance\n"
        "Bloom & Co,Flowers,bloom@co.uk,Paid in full,£200,£450\n"
        "Snap Photos,Photographer,hi@snap.uk,Booked - deposit pd,£300,£900\n"
        "Cake Lady,Cake,cakes@lady.uk,Quoted,,\n"))
    assert found["kind"] == "reference" and found["inserted"] == 3
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_a_planners_tasks_with_their_suppliers_are_no_clients(tmp_path):
    """Task, Supplier, Contact, Status Booked/Done: kept as reference (was [3, 2, 2, 0, 0])."""
    found = cli_import_text(tmp_path, "Wedding planning.csv", (
        "Task,Supplier,Contact,Status\n"
        "Book venue,Hill Barn,hill@barn.uk,Booked\nDress fitting,Bridal Rooms,br@rooms.uk,Done\n"
        "Send invites,,,To do\nFlowers,Bloom & Co,bloom@co.uk,Enquiry\n"))
    assert found["kind"] == "reference"
    assert cli_funnel(tmp_path) == [0, 0, 0, 0, 0]


def test_clients_beside_their_supplier_stay_clients(tmp_path):
    """A client column beside 'Supplier' (who made the dress): a client list still."""
    found = cli_import_text(tmp_path, "brides.csv", (
        "Client,Email,Supplier,Status\n"
        "Amy Ross,amy@mail.com,Bridal Rooms,Booked\nChloe Dunn,chloe@mail.com,,Enquiry\n"))
    assert found["kind"] == "clients"
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM clients") == [(2,)]


def test_a_booking_cancelled_with_its_deposit_refunded_has_nothing_to_come(tmp_path):
    """Amy paid in full 650, Priya's deposit 150 with 450 to come; Chloe 'Cancelled -
    deposit refunded': nothing to come (was her 700 quote). Revenue 800, to come 450 (was
    1,150)."""
    cli_import_text(tmp_path, "DJ bookings.csv", (
        "Couple,Email,Wedding date,Quote,Status,Deposit,Balance\n"
        "Amy & Rob,amy@mail.com,14/06/25,£650,Paid in full,£150,£500\n"
        "Chloe & Dan,chloe@mail.com,02/08/25,£700,Cancelled - deposit refunded,£150,£550\n"
        "Priya & Sam,priya@mail.com,20/09/25,£600,Deposit paid,£150,£450\n"))
    assert workspace_rows(tmp_path, REVENUE) == [("Amy & Rob", 650.0, None),
                                                 ("Chloe & Dan", None, None),
                                                 ("Priya & Sam", 150.0, 450.0)]


# --- 7. owners' remarks -----------------------------------------------------------------------

def test_a_note_saying_a_trial_lesson_is_trying(tmp_path):
    """Noah's note 'trial lesson 12/9', nothing paid: consideration (was awareness);
    'trial booked' (to come) and 'trial - went elsewhere' (more than a trial) are not read;
    Ellie paid two terms: [4, 2, 1, 1, 0]."""
    (found,) = cli_import_book(tmp_path, "Piano pupils.xlsx", {"Pupils": [
        ["Pupil", "Parent", "Fee per term", "Autumn", "Spring", "Summer", "Notes"],
        ["Ellie Moss", "Karen Moss", "£180", "✓", "✓", None, None],
        ["Noah Price", "Sue Price", "£180", None, None, None, "trial lesson 12/9"],
        ["Ruby Khan", "Mr Khan", "£210", None, None, None, "trial booked"],
        ["Jo Lane", "Ann Lane", "£180", None, None, None, "trial - went elsewhere"]]})
    assert ("1 client with a trial in 'Notes' (trial lesson 12/9) and nothing paid was read "
            "as trying, not buying (consideration).") in found["notes"]
    assert cli_funnel(tmp_path) == [4, 2, 1, 1, 0]


PAINTER = {"Jobs 2025": [
    ["Date", "Customer", "Job", "Estimate", "Final", "Paid", "Notes"],
    ["3/4/2025", "Mike Johnson", "Exterior", "$4,200", "$4,350", "Yes", "check #1042"],
    ["3/18/2025", "Ana Rivera", "Kitchen cabinets", "$1,800", None, "No", "estimate only"],
    ["4/2/2025", "Mike Johnson", "Deck stain", "$650", "$650", "Yes", "Venmo"],
    ["4/15/2025", "Chen Family", "Interior 3 rooms", "$2,900", "$2,900", "Partial",
     "$1,500 rec'd"]]}


def test_partial_paid_with_the_sum_received_in_the_note(tmp_path):
    """4,350 + 650 + Chen's 1,500 received of 2,900: 3 sales of 6,500 (was 7,900)."""
    cli_import_book(tmp_path, "jobs.xlsx", PAINTER)
    assert kind_totals(tmp_path, "purchase") == (3, 6500.0)


def test_partial_paid_with_a_note_saying_more_keeps_its_amount(tmp_path):
    """'$1,500 rec'd, rest on completion' says more than a sum received: not read; the
    sale stays 2,900 as before."""
    sheet = [row[:] for row in PAINTER["Jobs 2025"]]
    sheet[4][6] = "$1,500 rec'd, rest on completion"
    cli_import_book(tmp_path, "jobs.xlsx", {"Jobs 2025": sheet})
    assert kind_totals(tmp_path, "purchase") == (3, 7900.0)
