"""Owners' own workbooks, round 4 (session 18): fifteen trades' hand-kept books, each as the
owner keeps it (a title over the header, a header merged over two columns, a totals row,
blank rows, notes, dates and money written several ways, ticks, colour words with a key,
a tab per month or year, a price list, a summary). Each is written here with openpyxl,
imported through the command line and checked against figures worked out by hand
(clients; cumulative funnel: awareness, consideration, purchase, retention, advocacy;
sales and revenue); beside most rules, a sheet where it must not fire.

- A status "Consult" is a first talk: a contact at consideration (was a sale of nothing).
- A column headed "Guest" or "Parent" of names, where nothing else names the client, names
  the client (a holiday let's guests were no one's, a party entertainer's sheets reference).
- A "Review" or "Review?" column of ticks or stars ("Y", "5*") on a log of bookings lifts
  that row's client to advocacy (was left as an extra).
- A tab called "Prices" that names no client lists prices, not sales (was 2 sales).
- A column headed "£" alone is the money (was dropped: sales of nothing).
- "DNA" (did not attend) is a no-show; "n/a" in a "Paid" column is nothing due; "x" beside
  ✓ is the cross (each made the column unread: every row a sale, or none).
- "55 pd" is 55 paid (the row was rejected, its client lost).
- Days without a year ("2/1", "March 3", "3 Mar") on a sheet whose title names one year
  are of that year (the date was unread: no repeat customer seen).
- A header's second line under a cell merged over two columns ("Last tuning": "Date",
  "Fee") heads those columns (the line was a rejected row, the fee lost).
- A key beside the table ("Key: Green = paid, Amber = booked in, Red = quote not
  accepted") says what a column's codes mean (each colour was a sale).
- A quote turned down is a contact at consideration; "Booked in" a booking not yet paid.
- "Referred by" names a client loosely ("Hart Plumbing" is "Hart Plumbing Ltd"); a fee
  beside a "Paid?" tick is revenue only where paid, else revenue to come; "Fee 24/25" is
  a fee (was not money).
- Deposit and balance paid ticks on a log of bookings: each sale is what was paid (was
  every booking's whole total a sale).
- A window cleaner's round: a price per visit and a column per date marked "pd": revenue
  is the price times the visits paid (was one price).
- A "Due" of money beside a "Paid" tick column is each row's amount (was sales of nothing).
- A free "Assessment" or "Consultation" named in a "Type" column is a first talk: a contact
  at consideration (was awareness).
"""

from __future__ import annotations

import datetime as dt

from conftest import cli_funnel, cli_import_book, kind_totals, workspace_rows

D = dt.datetime
CLIENTS = "SELECT COUNT(*) FROM clients"
REVENUE = "SELECT ROUND(SUM(revenue_current), 2) FROM clients"


def notes_of(imports: list[dict]) -> list[str]:
    return [note for found in imports for note in found["notes"]]


def count_clients(tmp_path) -> int:
    return workspace_rows(tmp_path, CLIENTS)[0][0]


# --- 1. a tattoo studio's bookings ------------------------------------------------------

TATTOO = {"Bookings": [
    ["INK & IRON TATTOO STUDIO - BOOKINGS 2025"], [],
    ["Date", "Client", "Piece", "Deposit", "Price", "Status", "Notes"],
    ["05/01/2025", "Ana Ruiz", "Forearm rose", "£50", "£250", "Done", "paid balance cash"],
    ["11/01/2025", "Ben Cole", "Script", "£30", "£120", "Done", None],
    ["20/01/2025", "Cara Doyle", "Sleeve pt 1", None, "£400", "Booked", "deposit to pay"],
    ["02/02/2025", "Dan Ford", "Flash", None, "£80", "Enquiry", "DM on insta"],
    ["15/03/2025", "Ana Ruiz", "Touch up", None, "£40", "Done", None],
    ["16/03/2025", "Eva Ruiz", "Wrist swallow", None, None, "Consult", "Ana's sister"],
    [], ["TOTAL", None, None, "=SUM(D4:D9)", "=SUM(E4:E9)"]]}


def test_a_tattoo_studios_consult_is_a_first_talk(tmp_path):
    """Done: Ana 250 + 40 (two dates), Ben 120: 3 sales of 410. Cara booked and Eva's
    consult consider, Dan enquired: [5, 4, 2, 1, 0] (Eva's 'Consult' was a sale of nothing:
    4 sales, [5, 4, 3, 1, 0])."""
    imports = cli_import_book(tmp_path, "Ink & Iron bookings 2025.xlsx", TATTOO,
                          {"Bookings": ["A1:G1"]})
    assert ("2 bookings said Booked, Consult with nothing paid: were read as contacts at "
            "consideration (a time to come), not as sales.") in notes_of(imports)
    assert count_clients(tmp_path) == 5
    assert kind_totals(tmp_path, "purchase") == (3, 410.0)
    assert cli_funnel(tmp_path) == [5, 4, 2, 1, 0]


# --- 2. a bakery's custom cake orders, a tab a month ------------------------------------

CAKE_HEADER = ["Ordered", "Customer", "Phone", "Cake", "Collect", "Price", "Paid", "Notes"]
CAKES = {
    "Jan": [["Cake orders - January 2025"], CAKE_HEADER,
            ["3/1/25", "Amy Shaw", "07700 900111", "Unicorn 8in", "10/1/25", "£45", "✓", None],
            ["06-01-2025", "Beth Nolan", "07700 900112", "3 tier wedding", "25/01/2025",
             "£320", "✓", "deposit £100 then rest"], [],
            ["Total", None, None, None, None, "£365"]],
    "Feb": [["Cake orders - February 2025"], CAKE_HEADER,
            [D(2025, 2, 2), "Amy Shaw", "07700 900111", "Cupcakes x12", D(2025, 2, 8),
             "24.00", "✓", None],
            [D(2025, 2, 9), "Chloe Park", "07700 900113", "Christening", D(2025, 3, 1), "£60",
             "x", "quote sent, no reply"]],
    "Mar": [["Cake orders - March 2025"], CAKE_HEADER,
            ["March 3", "Dina Reid", "07700 900114", "Drip cake", "March 8", "55 pd", "Y",
             None],
            ["March 10", "Beth Nolan", "07700 900112", "Anniversary", "March 15", "£40", "Y",
             None]],
    "Price list": [["Cake", "From"], ["6in sponge", "£30"], ["8in sponge", "£45"],
                   ["Cupcakes (12)", "£24"], ["Tier (each)", "£100"]]}


def test_a_bakerys_month_tabs_with_days_without_a_year_and_money_marked_pd(tmp_path):
    """Paid: Amy 45 (Jan) + 24 (Feb), Beth 320 (Jan) + 40 (Mar), Dina 55: 5 sales of 484;
    Chloe's 'x' beside ✓ is unpaid. Amy and Beth bought twice: [4, 3, 3, 2, 0]. Were: Chloe a
    sale ('x' unread), Dina's '55 pd' rejected (Dina lost), 'March 3' unread (Beth's second
    sale undated): 3 clients, [3, 3, 3, 1, 0]."""
    imports = cli_import_book(tmp_path, "Cake orders 2025.xlsx", CAKES,
                          {m: ["A1:H1"] for m in ("Jan", "Feb", "Mar")})
    notes = notes_of(imports)
    assert ("2 dates in 'Ordered' written without a year (March 3, March 10) were read in "
            "2025, the year the sheet's title names ('Cake orders - March 2025').") in notes
    assert ("Column 'Price': 1 amount written with words was read so: '55 pd' as 55; correct "
            "the cell and import again if that is wrong.") in notes
    assert [i["kind"] for i in imports][-1] == "reference"
    assert count_clients(tmp_path) == 4
    assert kind_totals(tmp_path, "purchase") == (5, 484.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]


def test_days_without_a_year_stay_unread_where_nothing_names_the_year(tmp_path):
    """The same March tab with no year in its title or name: 'March 3' is not guessed."""
    rows = [["Cake orders - March"], *CAKES["Mar"][1:]]
    (found,) = cli_import_book(tmp_path, "cakes.xlsx", {"Mar": rows})
    assert not any("without a year" in note for note in found["notes"])
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE date IS NOT NULL"
                          ) == [(0,)]


def test_a_share_without_a_year_under_a_header_naming_no_date_is_no_date(tmp_path):
    """'Lessons used' of '4/10' on a 2025 sheet is a share, not the 4th of October."""
    (found,) = cli_import_book(tmp_path, "pupils 2025.xlsx", {"Pupils 2025": [
        ["Pupil", "Lessons used", "Paid"], ["Amy Lo", "4/10", 320], ["Ben Hu", "10/10", 320]]})
    assert not any("without a year" in note for note in found["notes"])


# --- 3. a piano tuner's customers, a header merged over two columns -----------------------

TUNING = {"Customers": [
    ["A. Keys Piano Tuning - customers"],
    ["Customer", "Town", "Last tuning", None, "Piano", "Notes"],
    [None, None, "Date", "Fee", None, None],
    ["Mrs Atkins", "Leek", "12/02/2025", "£75", "Upright (Yamaha)", "every Feb"],
    ["St Mary's Church", "Buxton", "03-03-2025", "£95", "Grand", "key under mat"],
    ["Mr Cho", "Leek", None, None, "Upright", "rang Jan, call back"],
    ["Mrs Dunn", "Bakewell", "1/4/25", "70", "Upright", "pd cash"]]}


def test_a_header_merged_over_two_columns_with_its_second_line_below(tmp_path):
    """'Last tuning' over 'Date' and 'Fee': 75 + 95 + 70 = 240 from three who paid, Mr Cho
    not yet: [4, 3, 3, 0, 0] (the second line was a rejected row, the fees lost: no
    revenue, [4, 0, 0, 0, 0])."""
    (found,) = cli_import_book(tmp_path, "Tuning round.xlsx", TUNING,
                           {"Customers": ["A1:F1", "C2:D2"]})
    assert ("row 3 below the header names the columns under a header over several ('Date "
            "(Last tuning)', 'Fee (Last tuning)'): read as one header") in found["notes"]
    assert found["rejected"] == 0
    assert workspace_rows(tmp_path, REVENUE) == [(240.0,)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 0, 0]


def test_a_first_row_of_names_under_a_header_is_no_second_line(tmp_path):
    """A client's row of words under a header with a blank column stays a client."""
    (found,) = cli_import_book(tmp_path, "clients.xlsx", {"Clients": [
        ["Name", "Town", None, "Notes"], ["Ann Lee", "Leek", None, "rang"],
        ["Bob Ray", "Buxton", "x", None]]})
    assert not any("below the header names" in note for note in found["notes"])
    assert count_clients(tmp_path) == 2


# --- 4. an accountant's client list and summary --------------------------------------------

ACCOUNTS = {
    "Clients": [["FERN & CO ACCOUNTANTS - CLIENT LIST 2024/25"],
                ["Client", "Type", "Year end", "Fee 24/25", "Paid?", "Referred by", "Notes"],
                ["Hart Plumbing Ltd", "Ltd", "31/03", "£1,200", "Y", None, "VAT quarterly"],
                ["Jo Marsh", "Sole trader", "05/04", "£350", "Y", "Hart Plumbing", "SA return"],
                ["Kiln Café Ltd", "Ltd", "30/06", "£900", "N", None, "chasing bank statements"],
                ["Lee Osei", "Sole trader", "05/04", "£300", "Y", None, None],
                ["Mia Fern", "Sole trader", "05/04", "£350", "N", "Jo Marsh", "new this year"]],
    "Summary": [["Summary"], ["Clients", 5], ["Fees billed", "=SUM(Clients!D3:D7)"],
                ["Paid", 3]]}


def test_an_accountants_fees_paid_and_who_referred_whom(tmp_path):
    """Paid: Hart 1,200, Jo 350, Lee 300 = 1,850; Kiln and Mia owe 1,250 (to come). Hart
    referred Jo ('Hart Plumbing'), Jo referred Mia: both advocates: [5, 3, 3, 2, 2]. Were:
    no revenue ('Fee 24/25' unread), Hart not credited: [5, 3, 3, 1, 1]; with the fee read
    and not its tick, 3,100 and Kiln and Mia buyers."""
    imports = cli_import_book(tmp_path, "Client list 2024-25.xlsx", ACCOUNTS, {"Clients": ["A1:G1"]})
    notes = notes_of(imports)
    assert ("2 clients not marked paid in 'Paid?' have paid none of 'Fee 24/25' yet (1,250): "
            "read as revenue to come (potential), not revenue.") in notes
    assert ("2 rows in 'Referred by' name another client of the list who referred them: 2 "
            "clients credited with 2 referrals (advocacy).") in notes
    assert imports[1]["kind"] == "reference"
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(1850.0, 1250.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 2, 2]


def test_a_fee_with_no_paid_column_is_each_clients_revenue(tmp_path):
    cli_import_book(tmp_path, "clients.xlsx", {"Clients": [
        ["Client", "Fee 24/25"], ["Hart Plumbing Ltd", "£1,200"], ["Jo Marsh", "£350"]]})
    assert workspace_rows(tmp_path, REVENUE) == [(1550.0,)]


# --- 5. a landscaper's quotes and jobs (read right before) ---------------------------------

LANDSCAPER = {
    "Quotes": [["Date", "Customer", "Address", "Job", "Quote", "Status"],
               [D(2025, 3, 2), "Pat Quinn", "4 Mill Ln", "Patio 20m2", "£2,400", "Accepted"],
               [D(2025, 3, 5), "Rosa Vance", "9 Hill Rd", "Hedge cut", "£180", "Accepted"],
               [D(2025, 3, 9), "Sid Wong", "2 Brook St", "Turfing", "£950", "Declined"],
               [D(2025, 3, 12), "Tia Upton", "7 Oak Ave", "Fence", "£1,100", "Sent"]],
    "Jobs 2025": [["Date", "Customer", "Job", "Invoice", "Amount", "Paid"],
                  ["14/04/2025", "Pat Quinn", "Patio", "INV-101", "£2,400", "Y"],
                  ["20/03/2025", "Rosa Vance", "Hedge cut", "INV-102", "£180", "Y"],
                  ["20/06/2025", "Rosa Vance", "Hedge cut", "INV-107", "£180", "N"],
                  [], [None, None, None, "Total", "£2,760"]]}


def test_a_landscapers_quotes_and_jobs(tmp_path):
    """Every quote considers; Pat 2,400 and Rosa 180 paid (her June invoice not yet): 2
    sales of 2,580, [4, 4, 2, 0, 0]."""
    cli_import_book(tmp_path, "Greenway quotes and jobs.xlsx", LANDSCAPER)
    assert count_clients(tmp_path) == 4
    assert kind_totals(tmp_path, "purchase") == (2, 2580.0)
    assert cli_funnel(tmp_path) == [4, 4, 2, 0, 0]


# --- 6. a nail tech's appointment book -----------------------------------------------------

NAILS_HEADER = ["Date", "Time", "Client", "Treatment", "£", "Paid", "Notes"]
NAILS = {
    "January": [["Nails by Kay - January 2025"], NAILS_HEADER,
                ["2/1", "10:00", "Gemma Lowe", "Gel mani", "25", "✓", None],
                ["2/1", "11:30", "Holly Barr", "BIAB infill", "£30", "✓", None],
                ["9/1", "10:00", "Isla Reyes", "Gel mani", "25", "DNA", "no show"], [],
                ["16/1", "14:00", "Gemma Lowe", "Gel removal + mani", "30", "✓",
                 "recommended by Holly"]],
    "February": [["Nails by Kay - February 2025"], NAILS_HEADER,
                 ["6/2", "10:00", "Holly Barr", "BIAB infill", "30", "✓", None],
                 ["13/2", "10:00", "Jade Moss", "Nail art", "35", "✓", "from Insta"]],
    "Prices": [["Treatment", "Price"], ["Gel mani", "£25"], ["BIAB infill", "£30"]]}


def test_a_nail_techs_book_of_days_a_pound_sign_and_a_no_show(tmp_path):
    """Gemma 25 + 30, Holly 30 + 30, Jade 35: 5 sales of 150; Isla did not attend. Gemma and
    Holly came back: [4, 3, 3, 2, 0]. Were: '£' unread (sales of nothing), 'DNA' left the
    Paid column unread (Isla a sale), '2/1' undated (no one back), the 'Prices' tab 2 sales:
    6 sales of nothing, [4, 4, 4, 0, 0]."""
    imports = cli_import_book(tmp_path, "Nails appointment book.xlsx", NAILS,
                          {"January": ["A1:G1"], "February": ["A1:G1"]})
    notes = notes_of(imports)
    assert ("4 dates in 'Date' written without a year (2/1, 9/1) were read in 2025, the year "
            "the sheet's title names ('Nails by Kay - January 2025').") in notes
    assert imports[0]["mapping"]["£"] == "amount"
    assert imports[2]["kind"] == "reference"
    assert ("Sheet 'Prices' names no client, and its name says it lists prices: its rows are "
            "what things cost, not sales, kept as reference rows. If they are sales, choose "
            "'a purchase' under 'Every row is' (--set kind=purchase).") in notes
    assert kind_totals(tmp_path, "purchase") == (5, 150.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]


def test_a_prices_tab_naming_clients_is_still_their_sales(tmp_path):
    """A sheet called 'Prices' with a client column is not a price list."""
    (found,) = cli_import_book(tmp_path, "prices.xlsx", {"Prices": [
        ["Date", "Client", "Price"], [D(2025, 1, 2), "Ann Lee", 25]]})
    assert found["kind"] == "events"


def test_two_currency_signs_name_no_one_column_the_money(tmp_path):
    """'£' and '€' (a price in each): neither is taken for the money."""
    (found,) = cli_import_book(tmp_path, "sales.xlsx", {"Sales": [
        ["Date", "Client", "£", "€"], [D(2025, 1, 2), "Ann Lee", 25, None]]})
    assert "amount" not in found["mapping"].values()


# --- 7. a dog walker's weekly rota ---------------------------------------------------------

ROTA = {"Rota": [
    ["Happy Paws - week commencing 6 Jan 2025"],
    ["Dog", "Owner", "Mon", "Tue", "Wed", "Thu", "Fri", "Walks", "Rate", "Due", "Paid"],
    ["Bella", "Sue Grant", "✓", None, "✓", None, "✓", 3, "£12", "£36", "✓"],
    ["Rocky", "Tom Hale", "✓", "✓", "✓", "✓", "✓", 5, "£12", "£60", "✓"],
    ["Daisy", "Sue Grant", None, "✓", None, "✓", None, 2, "£12", "£24", "✓"],
    ["Milo", "Ken Ito", None, None, None, None, None, 0, "£12", "£0", None]]}


def test_a_dog_walkers_rota_of_owners_and_what_each_week_was_due(tmp_path):
    """Owners, not dogs: Sue paid 36 (Bella) and 24 (Daisy), Tom 60, Ken's Milo away: 3
    sales of 120 (were of nothing: 'Due' unread), [3, 2, 2, 0, 0]."""
    (found,) = cli_import_book(tmp_path, "Dog walking rota.xlsx", ROTA, {"Rota": ["A1:K1"]})
    assert found["mapping"]["Due"] == "amount"
    assert count_clients(tmp_path) == 3
    assert kind_totals(tmp_path, "purchase") == (3, 120.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 0, 0]


def test_due_with_no_paid_column_is_not_the_money(tmp_path):
    """Without a column saying what was paid, 'Due' is what is owed: no amount."""
    (found,) = cli_import_book(tmp_path, "owed.xlsx", {"Owed": [
        ["Date", "Client", "Due"], [D(2025, 1, 6), "Sue Grant", "£36"]]})
    assert found["mapping"]["Due"] is None


# --- 8. a craft seller's market takings and commissions (read right before) ---------------

MARKET = {
    "Takings": [["Date", "Market", "Card", "Cash", "Total", "Pitch fee", "Notes"],
                ["Sat 5 Apr", "Leek", "£86.50", "£40", "£126.50", "£25", "rain"],
                ["Sat 12 Apr", "Buxton", "£120", "£65", "£185", "£30", None],
                ["Sun 20 Apr", "Bakewell", "£210", "£90", "£300", "£35", "Easter - busy"]],
    "Commissions": [["Date", "Customer", "Item", "Price", "Paid"],
                    ["12/04/2025", "Nina Holt", "Custom mug", "£28", "Y"],
                    ["19/04/2025", "Omar Diaz", "Name sign", "£45", "N"],
                    ["3/5/2025", "Nina Holt", "Matching mug", "£28", "Y"]]}


def test_a_craft_sellers_takings_are_no_ones_and_commissions_are_clients(tmp_path):
    """The stall's takings name no one (reference); Nina's two mugs 28 + 28, Omar's sign not
    paid: 2 clients, 2 sales of 56, [2, 1, 1, 1, 0]."""
    imports = cli_import_book(tmp_path, "Market stall takings 2025.xlsx", MARKET)
    assert imports[0]["kind"] == "reference"
    assert count_clients(tmp_path) == 2
    assert kind_totals(tmp_path, "purchase") == (2, 56.0)
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]


# --- 9. a therapist's session log (consideration not yet read) -----------------------------

SESSIONS = {"Sessions": [
    ["Date", "Client", "Session no.", "Type", "Fee", "Paid", "Notes"],
    ["07/01/2025", "AB", 1, "Assessment", "£0", "n/a", "free initial"],
    ["14/01/2025", "AB", 2, "CBT", "£60", "Y", None],
    ["21/01/2025", "AB", 3, "CBT", "£60", "Y", None],
    ["15/01/2025", "CD", 1, "Assessment", "£0", "n/a", None],
    ["22/01/2025", "CD", 2, "CBT", "£60", "N", "DNA - charged, not paid"],
    ["10/02/2025", "EF", 1, "Assessment", "£0", "n/a", "decided not to continue"]]}


def test_a_therapists_log_by_initials_with_free_sessions_marked_na(tmp_path):
    """AB paid 60 twice (retained); CD's session not paid, the assessments free ('n/a'):
    2 sales of 120 (were none: 'n/a' left the Paid column unread, every row a contact)."""
    (found,) = cli_import_book(tmp_path, "Session log 2025.xlsx", SESSIONS)
    assert "2 rows marked paid in 'Paid' were read as purchases." in found["notes"]
    assert count_clients(tmp_path) == 3
    assert kind_totals(tmp_path, "purchase") == (2, 120.0)


def test_a_therapists_free_assessment_is_a_first_talk(tmp_path):
    """All three had a free assessment: considering; AB paid twice: [3, 3, 1, 1, 0] (was
    [3, 1, 1, 1, 0])."""
    (found,) = cli_import_book(tmp_path, "Session log 2025.xlsx", SESSIONS)
    assert ("3 rows that 'Type' calls Assessment, with nothing paid, were read as contacts at "
            "consideration (a first talk), not sales.") in found["notes"]
    assert cli_funnel(tmp_path) == [3, 3, 1, 1, 0]


def test_a_paid_consultation_stays_a_sale(tmp_path):
    """An assessment paid for (60, ticked) is a sale, not lowered to considering."""
    cli_import_book(tmp_path, "sessions.xlsx", {"Sessions": [
        ["Date", "Client", "Type", "Fee", "Paid"],
        [D(2025, 1, 7), "Ann Lee", "Assessment", 60, "Y"],
        [D(2025, 1, 14), "Ann Lee", "CBT", 60, "Y"]]})
    assert kind_totals(tmp_path, "purchase") == (2, 120.0)
    assert cli_funnel(tmp_path) == [1, 1, 1, 1, 0]


# --- 10. a window cleaner's round -------------------------------------------------------

ROUND = {"Round": [
    ["Address", "Name", "Price", "6/1/25", "3/2/25", "3/3/25", "Notes"],
    ["12 High St", "Mrs Lowe", "£15", "pd", "pd", "pd", None],
    ["4 Mill Ln", "Mr Bain", "£20", "pd", "owes", "pd", "pays next time"],
    ["Flat 3, 9 Park Rd", "Ms Kay", "£10", "x", "pd", None, "not in 6/1"]]}


def test_a_window_cleaners_round_of_visits_marked_paid(tmp_path):
    """Mrs Lowe 3 x 15, Mr Bain 2 x 20 (owes one), Ms Kay 1 x 10: 95 (was 45, one price
    each). Mrs Lowe and Mr Bain paid for two visits or more: repeat customers, as a purchase
    count of 2 is (DESIGN; session 22: was [3, 3, 3, 0, 0], no repeat seen): [3, 3, 3, 2, 0]."""
    (found,) = cli_import_book(tmp_path, "Window round.xlsx", ROUND)
    assert ("Columns '6/1/25' to '3/3/25' mark each date's visit paid or not (6 visits "
            "paid): each client's revenue (current) is 'Price' times the visits marked paid."
            ) in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name, revenue_current FROM clients ORDER BY name"
                          ) == [("Mr Bain", 40.0), ("Mrs Lowe", 45.0), ("Ms Kay", 10.0)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 2, 0]


def test_a_round_of_words_that_say_no_payment_keeps_the_price(tmp_path):
    """Dates across holding only 'done' (no paid mark): the price stays each revenue."""
    cli_import_book(tmp_path, "round.xlsx", {"Round": [
        ["Name", "Price", "6/1/25", "3/2/25", "3/3/25"], ["Mrs Lowe", "£15", "done", "done",
                                                           "done"]]})
    assert workspace_rows(tmp_path, REVENUE) == [(15.0,)]


# --- 11. a plumber's job book with a colour key --------------------------------------------

JOBS = {"Jobs": [
    ["D. Price Plumbing & Heating - job book"],
    ["Job no", "Date", "Customer", "Postcode", "Work", "Labour", "Parts", "Total", "Status"],
    [101, "06/01/2025", "Mr Evans", "ST13 5AB", "Boiler service", "£80", "£0", "£80", "Green"],
    [102, "08/01/2025", "Mrs Gill", "ST13 6CD", "Leaking tap", "£60", "£12.50", "£72.50",
     "Green"],
    [103, "15/01/2025", "Harris Café", "SK17 1EF", "New radiator", "£150", "£220", "£370",
     "Amber"],
    [104, "03/02/2025", "Mr Evans", "ST13 5AB", "Blocked drain", "£90", None, "£90", "Green"],
    [105, "10/02/2025", "Ms Ivy", "ST13 9GH", "Quote - bathroom", None, None, "£4,500", "Red"],
    [], ["Key: Green = paid, Amber = booked in, Red = quote not accepted"]]}


def test_a_plumbers_colours_read_by_the_key_below_the_table(tmp_path):
    """Green paid: Evans 80 + 90, Gill 72.50 = 3 sales of 242.50; Harris booked in and Ivy's
    quote turned down consider: [4, 4, 2, 1, 0] (every colour was a sale: 5 of 5,112.50,
    [4, 4, 4, 1, 0])."""
    (found,) = cli_import_book(tmp_path, "Job book 2025.xlsx", JOBS, {"Jobs": ["A1:I1"]})
    assert ("'Status' holds codes the key beside the table explains: read 'Green' as 'paid', "
            "'Amber' as 'booked in', 'Red' as 'quote not accepted'.") in found["notes"]
    assert ("1 row whose status says a quote was turned down (quote not accepted) was read as "
            "a contact at consideration (a price was asked for), not as sales."
            ) in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 242.5)
    assert cli_funnel(tmp_path) == [4, 4, 2, 1, 0]


def test_colours_with_no_key_are_not_guessed(tmp_path):
    (found,) = cli_import_book(tmp_path, "jobs.xlsx", {"Jobs": [row for row in JOBS["Jobs"][1:-2]]})
    assert not any("the key beside the table" in note for note in found["notes"])
    assert found["unknown_stage_values"] or any("Green" in note for note in found["notes"])


# --- 12. a caterer's bookings, deposit and balance ticked when paid -----------------------

EVENTS = {"Bookings": [
    ["Event date", "Client", "Event", "Guests", "Per head", "Deposit", "Balance", "Total",
     "Deposit paid", "Balance paid", "Found us"],
    ["14/06/2025", "Lucy & Sam Hart", "Wedding", 80, "£35", "£700", "£2,100", "£2,800", "✓",
     "✓", "Wedding fair"],
    ["21/06/2025", "Oak Rd School", "Summer fair", 150, "£8", "£300", "£900", "£1,200", "✓",
     None, "Word of mouth"],
    ["5/7/2025", "Priya Nair", "50th birthday", 40, "£22", "£220", "£660", "£880", None, None,
     "Instagram"],
    ["12/7/2025", "Lucy & Sam Hart", "Anniversary", 20, "£25", "£125", "£375", "£500", "✓",
     "✓", "Returning"]]}


def test_a_caterers_bookings_are_sales_of_what_was_paid(tmp_path):
    """The Harts 2,800 + 500 (twice: retained), the school's deposit 300, Priya nothing yet
    (booked: considering): 3 sales of 3,600, [3, 3, 2, 1, 0] (were 4 sales of the whole
    totals, 5,380, Priya a buyer)."""
    (found,) = cli_import_book(tmp_path, "Events 2025.xlsx", EVENTS)
    assert ("Each row's sale is what was paid of 'Deposit' where 'Deposit paid' says so and "
            "'Balance' where 'Balance paid' says so (3 purchases of 3,600); 1 row with nothing "
            "paid yet was read as a contact at consideration, not sales.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 3600.0)
    assert cli_funnel(tmp_path) == [3, 3, 2, 1, 0]


# --- 13. a children's party entertainer, a tab a year ------------------------------------

PARTY_HEADER = ["Date", "Parent", "Child", "Age", "Venue", "Fee", "Paid", "How found",
                "Review?"]
PARTIES = {
    "2024": [PARTY_HEADER, [D(2024, 5, 4), "Kate Moon", "Alfie", 5, "Village hall", "£150",
                            "Y", "Facebook", "Y"],
             [D(2024, 8, 10), "Liam Pugh", "Rosie", 6, "Home", "£120", "Y", "Kate Moon", "N"]],
    "2025": [PARTY_HEADER, [D(2025, 5, 3), "Kate Moon", "Ella", 4, "Village hall", "£150",
                            "Y", "Returning", "Y"],
             [D(2025, 6, 14), "Nora Vale", "Theo", 7, "Soft play", "£160", "N", "Google",
              "N"]]}


def test_a_party_entertainers_parents_are_the_clients_and_reviews_ticked(tmp_path):
    """Kate 150 twice (retained) and reviewed, Liam 120, Nora not paid: 3 sales of 420,
    [3, 2, 2, 1, 1] (both sheets were reference rows: no client at all)."""
    imports = cli_import_book(tmp_path, "Parties.xlsx", PARTIES)
    assert [i["mapping"]["Parent"] for i in imports] == ["name", "name"]
    assert ("1 row marked in 'Review?' (a review left) lifts its client to advocacy."
            in imports[0]["notes"])
    assert kind_totals(tmp_path, "purchase") == (3, 420.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 1]


def test_a_review_column_of_words_lifts_no_one(tmp_path):
    """'Review' holding what the client wrote is no tick: no advocate from it."""
    cli_import_book(tmp_path, "bookings.xlsx", {"Bookings": [
        ["Date", "Client", "Fee", "Paid", "Review"],
        [D(2024, 5, 4), "Kate Moon", 150, "Y", "lovely day"],
        [D(2024, 6, 4), "Liam Pugh", 120, "Y", None]]})
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- 14. an alterations shop's tickets (read right before) ---------------------------------

TICKETS = {"Tickets": [
    ["Stitch Right - tickets March 2025"],
    ["Ticket", "In", "Name", "Phone", "Item", "Work", "Price", "Ready", "Collected", "Paid"],
    [501, "3 Mar", "Ms Ward", "07700 900301", "Trousers", "Take up hem", "£12", "5 Mar", "Y",
     "Y"],
    [502, "3 Mar", "Mr Yates", "07700 900302", "Suit jacket", "Sleeves", "£25", "7 Mar", "Y",
     "Y"],
    [503, "4 Mar", "Ms Ward", "07700 900301", "Dress", "Take in", "£30", "10 Mar", "N", "N"],
    [504, "6 Mar", "Zoe Abbot", "07700 900303", "Jeans", "Zip", "£15", "8 Mar", "Y", "Y"],
    [None, None, None, None, None, "TOTAL", "£82"]]}


def test_an_alterations_shops_tickets(tmp_path):
    """Ward 12, Yates 25, Abbot 15 paid; Ward's dress not yet: 3 sales of 52, [3, 3, 3, 0,
    0]; the days ('3 Mar') are of March 2025, as the title says."""
    (found,) = cli_import_book(tmp_path, "Alterations tickets.xlsx", TICKETS,
                           {"Tickets": ["A1:J1"]})
    assert ("4 dates in 'In' written without a year (3 Mar, 4 Mar) were read in 2025, the "
            "year the sheet's title names ('Stitch Right - tickets March 2025')."
            ) in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 52.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


# --- 15. a holiday cottage's bookings, a tab a year and a summary --------------------------

STAY_HEADER = ["Arrive", "Depart", "Guest", "Email", "Booked via", "Nights", "Rate", "Total",
               "Paid", "Review"]
COTTAGE = {
    "2024": [STAY_HEADER, ["12/07/2024", "19/07/2024", "The Barkers", "barker@example.com",
                           "Airbnb", 7, "£110", "£770", "Y", "5*"],
             ["02/08/2024", "09/08/2024", "Ms Cole", "cole@example.com", "Direct", 7, "£110",
              "£770", "Y", None]],
    "2025": [STAY_HEADER, ["11/07/2025", "18/07/2025", "The Barkers", "barker@example.com",
                           "Direct", 7, "£120", "£840", "Y", None],
             ["20/09/2025", "23/09/2025", "Mr Dyer", "dyer@example.com", "Booking.com", 3,
              "£95", "£285", "N", None]],
    "Summary": [["Year", "Bookings", "Income"], [2024, 2, "£1,540"], [2025, 2, "£1,125"]]}


def test_a_holiday_cottages_guests_and_a_five_star_review(tmp_path):
    """The Barkers 770 + 840 (came back) left 5*, Ms Cole 770, Mr Dyer not paid yet: 3
    sales of 2,380, [3, 2, 2, 1, 1] (the guests had no names, the review was unread:
    [3, 2, 2, 1, 0])."""
    imports = cli_import_book(tmp_path, "Cottage bookings.xlsx", COTTAGE)
    assert imports[0]["mapping"]["Guest"] == "name"
    assert ("1 row marked in 'Review' (a review left) lifts its client to advocacy."
            in imports[0]["notes"])
    assert not any("without a year" in note for note in notes_of(imports))
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Mr Dyer",), ("Ms Cole",), ("The Barkers",)]
    assert kind_totals(tmp_path, "purchase") == (3, 2380.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 1]
