"""Owners' own workbooks, round 5 (session 19): fifteen more trades' hand-kept books, each as
the owner keeps it (a title over the header, merged across; a month's heading above its
rows; blank rows; a totals row; notes; dates as "3rd Jan", "1/4", "04-01-2025"; money as
"£85", "€1.450,00", "FREE"; ticks ✓ ✗ Y N; ways of paying in a "Paid" column; an enquiries
tab and a bookings tab naming the same people; a price list). Each is written here with
openpyxl, imported through the command line and checked against figures worked out by hand
(clients; cumulative funnel: awareness, consideration, purchase, retention, advocacy;
sales and revenue); beside most rules, a sheet where it must not fire.

Read right before: the florist's wedding orders in euros, the sign maker's orders.
Mended (was -> now, each for its kind of sheet):
- A month alone on a row ("JANUARY") heads the rows below it (was a rejected row each).
- A "Paid" or "Paid by" column of ways of paying ("Card", "Cash", "Bupa", "BACS 10/1",
  "Invoice - pd 30/1") says each row was paid; "Invoice" alone is billed, not paid; "DNA"
  not come (each made the column unread: every row a sale, or none).
- "Spend to date" is the client's revenue (was unread: no buyer on a loyalty card list).
- "Viewing" (a date or a tick) on an enquiries list is a step at consideration.
- A "Total" with its "Deposit", "Deposit paid" and "Balance paid" (no "Balance" column):
  revenue is what was paid, the rest to come (was the whole total).
- "⭐⭐⭐⭐⭐" in a "Review" column is a review left (was unread).
- "Collect" (a cake's collection day) and "In" (a repair brought in) are the row's date;
  "Final" beside "Est" is the amount; "Collected" Y/N, where no column says paid, says
  which jobs were paid for (a workshop's book had no sale at all).
- A "Quote" of money on a client list with no step columns: a client quoted considers.
- "Family" beside "Pupil(s)" names the client who pays (was each pupil's name); a "Paid
  on" beside the invoice's own date: a blank is not paid yet (was every invoice a sale).
- A spend in any year's column is spent (a VIP who spent in 2024 only was read as paying
  nothing for her visits).
- "Taster" in a "Pack" column with nothing paid: trying, consideration (was awareness).
- "Months paid" counts a member's payments: 2 or more a repeat one (was no retention).
Mended after (tests/test_owners_left_s19g.py): the gym's revenue is each member's fee times
the months paid (900; was one fee each, 390); the locksmith's "Quote for safe" in 'Job' is
a quote given, at consideration (was awareness).
"""

from __future__ import annotations

import datetime as dt

from conftest import cli_funnel, cli_import_book, kind_totals, workspace_rows
from test_owners_sheets_s18 import REVENUE, count_clients, notes_of

D = dt.datetime


# --- 1. hairdresser's colour book: one sheet, month headings between blocks, "3rd Jan" days ---
HAIR = {"Colour book": [
    ["STUDIO 9 HAIR - COLOUR BOOK 2025"], [],
    ["Date", "Client", "Service", "Colour used", "Price", "Paid", "Notes"],
    ["JANUARY"],
    ["3rd Jan", "Alice Webb", "Full head", "6/0 + 20vol", "£85", "Y", None],
    ["10th Jan", "Bea Hall", "Toner", "9/1", "£45", "Y", None],
    ["17th Jan", "Cass Ng", "Patch test", None, "£0", "N", "booked for Feb"],
    [],
    ["FEBRUARY"],
    ["14th Feb", "Alice Webb", "Roots", "6/0", "£60", "Y", None],
    ["21st Feb", "Cass Ng", "Balayage", "8/1 + 7/43", "£140", "Y", "lovely result"],
    [],
    ["TOTAL", None, None, None, "=SUM(E5:E11)"]]}


def test_a_hairdressers_colour_book_with_a_heading_a_month(tmp_path):
    """Alice 85 (3 Jan) + 60 (14 Feb), Bea 45, Cass 140 (her patch test free, not paid): 4
    sales of 330; Alice came back: [3, 3, 3, 1, 0]. 'JANUARY' and 'FEBRUARY' head the rows
    (were 2 rejected rows: 'not a date')."""
    (found,) = cli_import_book(tmp_path, "Colour book 2025.xlsx", HAIR,
                               {"Colour book": ["A1:G1"]})
    assert ("2 rows holding a period alone (JANUARY, FEBRUARY) head the rows below: not "
            "imported as rows of their own") in found["notes"]
    assert found["rejected"] == 0
    assert count_clients(tmp_path) == 3
    assert kind_totals(tmp_path, "purchase") == (4, 330.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_client_called_june_with_a_price_is_no_heading(tmp_path):
    """A row naming 'June' beside a price and a tick is a client's row, not a heading."""
    (found,) = cli_import_book(tmp_path, "clients.xlsx", {"Clients": [
        ["Client", "Spend", "Paid"], ["June", "£40", "Y"], ["Ann Lee", "£20", "Y"]]})
    assert not any("holding a period alone" in note for note in found["notes"])
    assert count_clients(tmp_path) == 2


# --- 2. florist's wedding orders in euros written the continental way, and a price list ---
FLORIST = {
    "Weddings 2025": [
        ["Bloom Room - wedding orders 2025"],
        ["Booked", "Couple", "Wedding day", "Order", "Total", "Status"],
        ["04-01-2025", "Emma & Joe Price", "14-06-2025", "Bouquet, 6 buttonholes, arch",
         "€1.450,00", "Paid"],
        ["11-01-2025", "Fay Lin", "20-09-2025", "Bouquet + 4 bridesmaids", "€650,50", "Paid"],
        ["02-02-2025", "Gina Ross", "05-07-2025", "Table centres x10", "€800,00", "Quote sent"],
        ["20-02-2025", "Hana Soto", "12-10-2025", "Full package", "€2.100,00", "Quote sent"],
        [], [None, None, None, "Total", "€5.000,50"]],
    "Price list": [["Item", "Price"], ["Bridal bouquet", "€180,00"], ["Buttonhole", "€12,50"]]}


def test_a_florists_wedding_orders_in_euros_written_the_continental_way(tmp_path):
    """Paid: Emma & Joe 1.450,00 and Fay 650,50 = 2 sales of 2,100.50; Gina and Hana sent
    quotes consider: [4, 4, 2, 0, 0]; the price list is reference (read right before)."""
    imports = cli_import_book(tmp_path, "Wedding orders 2025.xlsx", FLORIST,
                              {"Weddings 2025": ["A1:F1"]})
    assert [i["kind"] for i in imports] == ["events", "reference"]
    assert kind_totals(tmp_path, "purchase") == (2, 2100.5)
    assert cli_funnel(tmp_path) == [4, 4, 2, 0, 0]


# --- 3. personal trainer's PT packs: a client list with sessions used "7/10" ---
PT = {"PT clients": [
    ["FIT WITH JO - PT CLIENTS"],
    ["Client", "Pack", "Price", "Started", "Sessions used", "Renewed?", "Notes"],
    ["Kim Ashby", "10 sessions", "£350", "Jan 6th", "10/10", "Y", "renewed Mar"],
    ["Leo Barnes", "5 sessions", "£190", "Jan 13th", "3/5", "N", None],
    ["Mo Clarke", "Taster", "FREE", "Jan 20th", "1/1", "N", "didn't sign up"],
    ["Nia Dale", "10 sessions", "£350", "Feb 3rd", "6/10", "N", "referred by Kim"]]}


def test_a_trainers_packs_with_a_free_taster(tmp_path):
    """Kim 350 (renewed: retention), Leo 190, Nia 350: 890; Mo's free taster is a client
    trying: [4, 4, 3, 1, 0] (Mo was at awareness: [4, 3, 3, 1, 0])."""
    (found,) = cli_import_book(tmp_path, "PT clients.xlsx", PT, {"PT clients": ["A1:G1"]})
    assert ("1 client on a trial in 'Pack' (Taster) with nothing paid was read as trying, "
            "not buying (consideration).") in found["notes"]
    assert workspace_rows(tmp_path, REVENUE) == [(890.0,)]
    assert cli_funnel(tmp_path) == [4, 4, 3, 1, 0]


def test_a_paid_taster_is_bought(tmp_path):
    """A 'Taster' paid for (£20) is a purchase, not a trial."""
    cli_import_book(tmp_path, "pt.xlsx", {"Clients": [
        ["Client", "Pack", "Price"], ["Kim Ashby", "Taster", "£20"],
        ["Leo Barnes", "10 sessions", "£350"]]})
    assert cli_funnel(tmp_path) == [2, 2, 2, 0, 0]


# --- 4. tutor's invoices per family, "Paid on" a date or a word ---
TUTOR = {"Invoices": [
    ["Invoice", "Date", "Family", "Pupil(s)", "Hours", "Rate", "Amount", "Paid on"],
    ["INV-001", "31/01/2025", "Patel", "Arjun (GCSE maths)", 4, "£30", "£120.00", "05/02/2025"],
    ["INV-002", "31/01/2025", "Okafor", "Chidi, Ada", 6, "£30", "£180.00", "10/02/2025"],
    ["INV-003", "28/02/2025", "Patel", "Arjun", 4, "£30", "£120.00", "03/03/2025"],
    ["INV-004", "28/02/2025", "Okafor", "Chidi, Ada", 6, "£30", "£180.00", None],
    ["INV-005", "28/02/2025", "Quinn", "Evie (11+)", 2, "£35", "£70.00", "Cash"]]}


def test_a_tutors_invoices_per_family_paid_on_a_day(tmp_path):
    """Families, not pupils: Patel 120 twice, Okafor 180 (February's not paid yet), Quinn 70
    in cash: 3 clients, 4 sales of 490, [3, 3, 3, 1, 0]. Were: 4 clients named by pupil
    ('Arjun' and 'Arjun (GCSE maths)' two), every invoice a sale: 5 of 670."""
    (found,) = cli_import_book(tmp_path, "Tutoring invoices.xlsx", TUTOR)
    assert found["mapping"]["Family"] == "name"
    assert found["mapping"]["Pupil(s)"] is None
    assert ("1 row left blank in 'Paid on', where the others are ticked, was read as a "
            "contact, not a sale.") in found["notes"]
    assert workspace_rows(tmp_path, "SELECT name FROM clients ORDER BY name") == [
        ("Okafor",), ("Patel",), ("Quinn",)]
    assert kind_totals(tmp_path, "purchase") == (4, 490.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_parent_beside_a_pupil_leaves_the_pupil_the_client(tmp_path):
    """'Parent' is not an account that pays: the pupils stay the clients."""
    (found,) = cli_import_book(tmp_path, "pupils.xlsx", {"Pupils": [
        ["Date", "Pupil", "Parent", "Fee", "Paid"],
        [D(2025, 1, 6), "Lily Chen", "Mrs Chen", 30, "Y"],
        [D(2025, 1, 6), "Noah Gray", "Mr Gray", 30, "Y"]]})
    assert found["mapping"]["Pupil"] == "name"


def test_a_paid_on_that_is_the_only_date_is_the_date(tmp_path):
    """A payments list with 'Paid on' alone: it is each row's date, not a tick."""
    (found,) = cli_import_book(tmp_path, "payments.xlsx", {"Payments": [
        ["Paid on", "Client", "Amount"], [D(2025, 1, 6), "Ann Lee", 30],
        [D(2025, 2, 6), "Ann Lee", 30]]})
    assert found["mapping"]["Paid on"] == "date"
    assert not any("in 'Paid on'" in note for note in found["notes"])


# --- 5. locksmith's call-outs: "Paid by" a method, a total row ---
LOCKS = {"Call-outs": [
    ["KEYSAFE LOCKSMITHS - CALL OUTS"],
    ["Date", "Customer", "Job", "Call-out", "Parts", "Total", "Paid by"],
    [D(2025, 1, 4, 23, 10), "Ruth Moss", "Locked out", "£80", "£0", "£80", "Card"],
    [D(2025, 1, 9), "Acme Lettings", "Change locks 14 Elm Rd", "£60", "£45", "£105",
     "Invoice - pd 30/1"],
    [D(2025, 1, 15), "Sam Tate", "Snapped key", "£60", "£15", "£75", "Cash"],
    [D(2025, 1, 22), "Acme Lettings", "Change locks 3 Ash Ct", "£60", "£45", "£105", "Invoice"],
    [D(2025, 2, 3), "Acme Lettings", "uPVC mechanism", "£60", "£90", "£150",
     "Invoice - pd 20/2"],
    [D(2025, 2, 5), "Una Vale", "Quote for safe", None, None, None, None],
    [], ["TOTAL", None, None, None, None, "=SUM(F3:F8)"]]}


def test_a_locksmiths_call_outs_paid_by_card_cash_or_invoice(tmp_path):
    """Ruth 80 by card, Sam 75 cash, Acme 105 and 150 whose invoices were paid ('Invoice -
    pd 30/1'): 4 sales of 410; Acme's 22 Jan invoice not paid yet, Una's quote not paid:
    Una, who asked for a quote ('Quote for safe'), is at consideration: [4, 4, 3, 1, 0]
    (all six were contacts by the sheet's name: [4, 0, 0, 0, 0]; then Una at awareness:
    [4, 3, 3, 1, 0])."""
    (found,) = cli_import_book(tmp_path, "Call outs 2025.xlsx", LOCKS,
                               {"Call-outs": ["A1:G1"]})
    assert "4 rows marked paid in 'Paid by' were read as purchases." in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (4, 410.0)
    assert cli_funnel(tmp_path) == [4, 4, 3, 1, 0]


def test_a_paid_column_of_other_words_stays_unread(tmp_path):
    """'Card' beside 'ask Sue' and 'Mum': words Journey does not know leave the column unread.
    (Session 22: 'owes' was the word here; it is now read as not paid, test_owners_sheets_s22o.)"""
    (found,) = cli_import_book(tmp_path, "jobs.xlsx", {"Jobs": [
        ["Date", "Customer", "Total", "Paid"], [D(2025, 1, 6), "Ann Lee", 30, "Card"],
        [D(2025, 1, 7), "Bob Ray", 40, "ask Sue"], [D(2025, 1, 8), "Cat Fox", 50, "Mum"]]})
    assert not any("in 'Paid'" in note for note in found["notes"])


# --- 6. garden centre's loyalty card list: visits and spend to date ---
LOYALTY = {"Loyalty cards": [
    ["Card no", "Name", "Joined", "Visits", "Spend to date", "Last visit", "Mailing"],
    [1001, "Mrs P Grey", "Mar-23", 14, "£612.40", "02/03/2025", "Y"],
    [1002, "Tom Hardy", "Apr-23", 1, "£18.99", "15/04/2023", "N"],
    [1003, "Jan & Bill Cox", "2023", 6, "£240", "20/02/2025", "Y"],
    [1004, "Vera Lamb", "Jan-25", 0, "£0.00", None, "Y"]]}


def test_a_garden_centres_loyalty_cards_spend_to_date(tmp_path):
    """Spend to date 612.40 + 18.99 + 240 = 871.39; Mrs Grey (14 visits) and the Coxes (6)
    came back, Tom once, Vera none: [4, 3, 3, 2, 0] (was no revenue, [4, 0, 0, 0, 0])."""
    (found,) = cli_import_book(tmp_path, "Loyalty cards.xlsx", LOYALTY)
    assert found["mapping"]["Spend to date"] == "revenue_current"
    assert workspace_rows(tmp_path, REVENUE) == [(871.39,)]
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]


# --- 7. mobile mechanic: paid ticks, a bank transfer written with its date ---
MECHANIC = {"Jobs": [
    ["Date", "Customer", "Vehicle", "Reg", "Work done", "Parts", "Labour", "Total", "Paid"],
    ["6/1/25", "Dave Cole", "Ford Fiesta", "AB12 CDE", "Front brakes", "£60.00", "£80", "£140",
     "✓"],
    ["8/1/25", "Ella Fox", "VW Golf", "XY65 ZZZ", "Service", "£35.00", "£90", "£125",
     "BACS 10/1"],
    ["20/1/25", "Dave Cole", "Ford Fiesta", "AB12 CDE", "MOT prep", "£0.00", "£40", "£40", "✓"],
    ["27/1/25", "Gus Hale", "Vauxhall Corsa", "LM09 PQR", "Diagnostic - quoted clutch £380",
     None, "£30", "£30", "✗"]]}


def test_a_mobile_mechanics_jobs_paid_by_bank_transfer(tmp_path):
    """Dave 140 + 40 (✓), Ella 125 ('BACS 10/1'), Gus's diagnostic not paid (✗): 3 sales of
    305, [3, 2, 2, 1, 0] (the column was unread: 4 sales of 335, Gus a buyer)."""
    (found,) = cli_import_book(tmp_path, "Mechanic jobs.xlsx", MECHANIC)
    assert "3 rows marked paid in 'Paid' were read as purchases." in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 305.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


# --- 8. wedding venue: an enquiries tab and a bookings tab naming the same couples ---
VENUE = {
    "Enquiries": [
        ["Enquiry in", "Name", "Email", "Date wanted", "Guests", "Viewing", "Status"],
        ["05/01/2025", "Emma Price", "emma.p@example.com", "14/06/2025", 90, "12/01/2025",
         "Booked"],
        ["07/01/2025", "Fay Lin", "fay@example.com", "20/09/2025", 120, "19/01/2025",
         "Lost - price"],
        ["12/01/2025", "Gina Ross", "gina.ross@example.com", "05/07/2026", 60, None, "No reply"],
        ["02/02/2025", "Hana Soto", "hana@example.com", "12/10/2025", 150, "09/02/2025",
         "Booked"],
        ["10/02/2025", "Ivy Tan", "ivy@example.com", "?", None, None, "Brochure sent"]],
    "Bookings": [
        ["Wedding date", "Couple", "Email", "Package", "Total", "Deposit", "Deposit paid",
         "Balance paid"],
        ["14/06/2025", "Emma Price & Joe Hart", "emma.p@example.com", "Summer", "£9,500",
         "£2,000", "12/01/2025", "14/05/2025"],
        ["12/10/2025", "Hana Soto & Ali Khan", "hana@example.com", "Autumn", "£11,200", "£2,000",
         "09/02/2025", None]]}


def test_a_wedding_venues_enquiries_and_bookings(tmp_path):
    """Five couples by e-mail; Emma paid 9,500 in full, Hana the 2,000 deposit (9,200 to
    come): revenue 11,500 (was 20,700, the whole totals); Fay viewed: considering,
    [5, 3, 2, 0, 0] (was [5, 2, 2, 0, 0])."""
    imports = cli_import_book(tmp_path, "Venue enquiries and bookings.xlsx", VENUE)
    notes = notes_of(imports)
    assert ("Each client's revenue (current) is what was paid of 'Total': 'Deposit' where "
            "'Deposit paid' says so and the rest where 'Balance paid' says so (11,500); the "
            "9,200 not yet paid is revenue to come (potential).") in notes
    assert count_clients(tmp_path) == 5
    assert workspace_rows(tmp_path, "SELECT SUM(revenue_current), SUM(revenue_potential) "
                                    "FROM clients") == [(11500.0, 9200.0)]
    assert cli_funnel(tmp_path) == [5, 3, 2, 0, 0]


def test_a_total_and_a_deposit_paid_with_no_balance_paid_keep_the_total(tmp_path):
    """No column says the rest was paid: the total stays each client's revenue."""
    cli_import_book(tmp_path, "bookings.xlsx", {"Bookings": [
        ["Couple", "Total", "Deposit", "Deposit paid"], ["Ann Lee", "£9,500", "£2,000", "Y"]]})
    assert workspace_rows(tmp_path, REVENUE) == [(9500.0,)]


# --- 9. boutique's VIP customers: spend per year, birthdays without a year ---
BOUTIQUE = {"VIPs": [
    ["Maison Rose - VIP customers"],
    ["Name", "Email", "Birthday", "Size", "Spend 2024", "Spend 2025", "Visits", "Tier"],
    ["Lara Quinn", "lara@example.com", "12 March", 10, "£1,240", "£380", 9, "Gold"],
    ["Mina Rao", "mina@example.com", "3rd Aug", 12, "£420", "£0", 3, "Silver"],
    ["Nell Shaw", "nell@example.com", None, 8, "£95", "£210", 2, None],
    ["Ola Brandt", "ola@example.com", "1/7", 14, "£0", "£60", 1, None],
    [], ["TOTAL", None, None, None, "£1,755", "£650", 15]]}


def test_a_boutiques_vips_who_spent_in_any_year(tmp_path):
    """Revenue is 2025's spend (380 + 0 + 210 + 60 = 650); visits 9, 3, 2 are repeat
    customers, Mina's 3 visits paid in 2024: [4, 4, 4, 3, 0] (Mina was read as paying
    nothing for them: [4, 3, 3, 2, 0])."""
    (found,) = cli_import_book(tmp_path, "VIP customers.xlsx", BOUTIQUE, {"VIPs": ["A1:H1"]})
    assert not any("but nothing paid" in note for note in found["notes"])
    assert workspace_rows(tmp_path, REVENUE) == [(650.0,)]
    assert cli_funnel(tmp_path) == [4, 4, 4, 3, 0]


def test_visits_with_nothing_spent_in_any_year_are_not_bought(tmp_path):
    cli_import_book(tmp_path, "vips.xlsx", {"VIPs": [
        ["Name", "Spend 2024", "Spend 2025", "Visits"], ["Lara Quinn", "£100", "£50", 3],
        ["Mina Rao", "£0", "£0", 2]]})
    assert cli_funnel(tmp_path) == [2, 1, 1, 1, 0]


# --- 10. physio's appointment book: "Paid" holds how (card, cash, an insurer) or DNA ---
PHYSIO_HEADER = ["Date", "Time", "Patient", "New/FU", "Treatment", "Fee", "Paid", "Notes"]
PHYSIO = {
    "Mar 2025": [PHYSIO_HEADER,
                 ["03/03/2025", "09:00", "Pam Reid", "New", "Assessment + treatment", "£55",
                  "Card", None],
                 ["03/03/2025", "10:00", "Rob Sims", "New", "Assessment + treatment", "£55",
                  "Bupa", "auth 55123"],
                 ["10/03/2025", "09:00", "Pam Reid", "FU", "Treatment", "£45", "Card", None],
                 ["10/03/2025", "11:00", "Sue Tran", "New", "Assessment + treatment", "£55",
                  "DNA", None],
                 ["17/03/2025", "09:00", "Pam Reid", "FU", "Treatment", "£45", "Cash", None]],
    "Apr 2025": [PHYSIO_HEADER,
                 ["07/04/2025", "10:00", "Rob Sims", "FU", "Treatment", "£45", "Bupa", None],
                 ["14/04/2025", "10:00", "Tia Usher", "New", "Assessment + treatment", "£55",
                  "Card", "referred by Pam"]]}


def test_a_physios_book_paid_by_card_cash_or_an_insurer(tmp_path):
    """Pam 55 + 45 + 45, Rob 55 + 45 (Bupa pays), Tia 55: 6 sales of 300; Sue did not
    attend: [4, 3, 3, 2, 0] (the 'Paid' column was unread: 7 sales of 355, Sue a buyer)."""
    imports = cli_import_book(tmp_path, "Appointment book 2025.xlsx", PHYSIO)
    assert "1 row marked not paid in 'Paid' was read as a contact, not a sale." in notes_of(
        imports)
    assert kind_totals(tmp_path, "purchase") == (6, 300.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 0]


# --- 11. sign maker's orders: quantity x each, proof and fitted ticks, paid tick ---
SIGNS = {"Orders": [
    ["Order", "Date", "Customer", "Item", "Qty", "Each", "Total", "Proof OK", "Fitted",
     "Paid"],
    ["S-201", "06/01/2025", "Hart Plumbing Ltd", "Van livery", 2, "£350", "£700", "✓", "✓",
     "✓"],
    ["S-202", "08/01/2025", "The Rose Café", "A-board", 1, "£120", "£120", "✓", "✓", "✗"],
    ["S-203", "15/01/2025", "Kiln Studio", "Shop fascia", 1, "£850", "£850", "✗", None, None],
    ["S-204", "03/02/2025", "Hart Plumbing Ltd", "Magnetic signs", 4, "£25", "£100", "✓", "✓",
     "✓"],
    ["S-205", "10/02/2025", "Lena Ortiz", "Window vinyl", None, None, "£240", None, None,
     None]]}


def test_a_sign_makers_orders_paid_ticked(tmp_path):
    """Hart paid 700 and 100 (came back); the café's A-board fitted but not paid, Kiln's
    proof not approved, Lena's vinyl not started: 2 sales of 800, [4, 1, 1, 1, 0] (read
    right before)."""
    cli_import_book(tmp_path, "Sign orders.xlsx", SIGNS)
    assert kind_totals(tmp_path, "purchase") == (2, 800.0)
    assert cli_funnel(tmp_path) == [4, 1, 1, 1, 0]


# --- 12. cake decorator: enquiries with quotes and outcomes, then orders ---
CAKE_ENQ = {
    "Enquiries": [
        ["Cake enquiries 2025"],
        ["Date", "Name", "Contact", "Occasion", "Needed", "Quote", "Outcome"],
        ["1/3", "Ruby Lane", "@rubyl", "21st", "22/3", "£85", "Booked ✓"],
        ["2/3", "Sara Moy", "07700 900501", "Wedding", "14/6", "£450", "Too pricey"],
        ["5/3", "Tess Vail", "@tessv", "Baby shower", "29/3", "£60", "no reply"],
        ["9/3", "Uma Patel", "07700 900503", "Christening", "5/4", "£70", "Booked ✓"]],
    "Orders": [
        ["Orders 2025"],
        ["Collect", "Name", "Cake", "Price", "Paid"],
        ["22/3", "Ruby Lane", "21st - gold drip", "£85", "Y"],
        ["5/4", "Uma Patel", "Christening", "£70", "Y"],
        ["12/4", "Ruby Lane", "Cupcakes x12", "£30", "Y"]]}


def test_a_cake_decorators_enquiries_and_orders_to_collect(tmp_path):
    """Ruby 85 (22 Mar) + 30 (12 Apr, came back), Uma 70: 3 sales of 185; Sara and Tess
    were quoted: considering, [4, 4, 2, 1, 0] (were: 'Collect' unread, so no repeat seen,
    and the quotes at awareness: [4, 2, 2, 0, 0])."""
    imports = cli_import_book(tmp_path, "Cake enquiries and orders.xlsx", CAKE_ENQ)
    assert imports[1]["mapping"]["Collect"] == "date"
    assert ("2 clients quoted a price in 'Quote' were read as considering (consideration), "
            "as no column says a further stage.") in imports[0]["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 185.0)
    assert cli_funnel(tmp_path) == [4, 4, 2, 1, 0]


def test_a_potential_value_is_no_quote(tmp_path):
    """A lead's 'Potential value' is what it may bring, not a price given: awareness."""
    cli_import_book(tmp_path, "leads.xlsx", {"Leads": [
        ["Name", "Potential value"], ["Ann Lee", "£500"], ["Bob Ray", "£300"]]})
    assert cli_funnel(tmp_path) == [2, 0, 0, 0, 0]


# --- 13. photographer's sessions: a review of stars ---
PHOTO = {"Shoots": [
    ["Date", "Client", "Shoot", "Fee", "Paid", "Review"],
    ["12/01/2025", "Amy Cho", "Newborn", "£250", "✓", "⭐⭐⭐⭐⭐"],
    ["26/01/2025", "Ben Das", "Family", "£180", "✓", None],
    ["15/02/2025", "Cat Eve", "Headshots", "£120", "✓", "⭐⭐⭐⭐"],
    ["08/03/2025", "Amy Cho", "Cake smash", "£150", "✓", None],
    ["22/03/2025", "Dee Fry", "Family", "£180", "✗", None]]}


def test_a_photographers_shoots_and_reviews_in_stars(tmp_path):
    """Amy 250 + 150, Ben 180, Cat 120: 4 sales of 700; Amy and Cat left stars (⭐):
    [4, 3, 3, 2, 2] (the stars were unread: [4, 3, 3, 1, 0])."""
    (found,) = cli_import_book(tmp_path, "Shoots 2025.xlsx", PHOTO)
    assert ("2 rows marked in 'Review' (a review left) lift their clients to advocacy."
            in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (4, 700.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 2, 2]


# --- 14. bike repair workshop: an estimate and a final price, collected means paid ---
BIKES = {"Workshop": [
    ["Spokes Bike Repairs - workshop April 2025"],
    ["Ticket", "In", "Name", "Phone", "Bike", "Job", "Est", "Final", "Collected"],
    [101, "1/4", "Rhys Ward", "07700 900601", "Trek road", "Service", "£60", "£75", "Y"],
    [102, "2/4", "Sian Bell", "07700 900602", "Kids bike", "Puncture", "£15", "£15", "Y"],
    [103, "3/4", "Rhys Ward", "07700 900601", "Trek road", "Gears", "£25", None, "N"],
    [104, "8/4", "Tom Nash", "07700 900603", "E-bike", "Diagnose motor", "£40", "£40", "Y"]]}


def test_a_bike_workshops_tickets_collected_and_paid(tmp_path):
    """Final prices of the bikes collected: Rhys 75, Sian 15, Tom 40 = 3 sales of 130; Rhys's
    gears not collected: [3, 3, 3, 0, 0] (were no date, no amount, no sale: [3, 0, 0, 0,
    0])."""
    (found,) = cli_import_book(tmp_path, "Workshop April.xlsx", BIKES,
                               {"Workshop": ["A1:I1"]})
    assert (found["mapping"]["In"], found["mapping"]["Final"]) == ("date", "amount")
    assert ("'Collected' says which jobs were collected, paid for when collected (no column "
            "says what was paid): read as whether each was paid.") in found["notes"]
    assert kind_totals(tmp_path, "purchase") == (3, 130.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 0, 0]


def test_collected_beside_a_paid_column_leaves_paid_to_say(tmp_path):
    """With a 'Paid' column, 'Collected' says nothing of payment."""
    (found,) = cli_import_book(tmp_path, "tickets.xlsx", {"Tickets": [
        ["In", "Name", "Price", "Collected", "Paid"],
        [D(2025, 3, 3), "Ms Ward", "£12", "Y", "N"], [D(2025, 3, 4), "Mr Yates", "£25", "Y", "Y"]]})
    assert not any("says which jobs were collected" in note for note in found["notes"])
    assert kind_totals(tmp_path, "purchase") == (1, 25.0)


# --- 15. gym membership list: plan fee and months paid, a trial ---
GYM = {"Members": [
    ["Iron Works Gym - members"],
    ["Member", "Joined", "Plan", "Fee", "Months paid", "Status"],
    ["Ann Lee", "Jan 2024", "Monthly", "£30", 14, "Active"],
    ["Bob Ray", "03/2025", "Monthly", "£30", 1, "Active"],
    ["Cy Orr", "June 2024", "Annual", "£300", 1, "Active"],
    ["Di Pym", "Feb-24", "Monthly", "£30", 5, "Cancelled"],
    ["Ed Fox", "10/03/2025", "Trial", "£0", 0, "Trial - didn't join"]]}


def test_a_gyms_members_and_their_months_paid(tmp_path):
    """Ann (14 months) and Di (5, then cancelled) are repeat members, Bob and Cy paid once,
    Ed's trial: [5, 5, 4, 2, 0] (was [5, 5, 4, 0, 0]). Revenue is the fee times the months
    paid: 14 x 30 + 30 + 300 + 5 x 30 = 900 (was one fee each, 390)."""
    (found,) = cli_import_book(tmp_path, "Members.xlsx", GYM, {"Members": ["A1:F1"]})
    assert found["mapping"]["Months paid"] == "purchases"
    assert cli_funnel(tmp_path) == [5, 5, 4, 2, 0]
    assert workspace_rows(tmp_path, REVENUE) == [(900.0,)]
